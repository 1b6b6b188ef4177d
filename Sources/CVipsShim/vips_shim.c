#include "vips_shim.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

// libvips is opened on first use, not linked: linked, its hundred-odd libraries (GLib, Cairo, Poppler, HDF5…)
// cost every run of showcase about 37 ms of dynamic loading before its first line, while most runs (check, a
// rebuild after one edit, a site without new photos) never touch a photo. Only the headers are used here, for
// the types; every function is reached through `lib`, filled once by `start`.
#define SHOWCASE_VIPS_FUNCTIONS(X) \
    X(vips_init) X(vips_cache_set_max) X(vips_concurrency_set) X(vips_operation_new) X(vips_error_clear) \
    X(vips_error_buffer) X(vips_foreign_find_load_buffer) X(vips_image_new_from_buffer) \
    X(vips_image_get_orientation) X(vips_image_get_width) X(vips_image_get_height) X(vips_image_get_n_pages) \
    X(vips_image_get_bands) X(vips_image_get_format) X(vips_image_get_interpretation) \
    X(vips_image_get_page_height) X(vips_image_get_fields) X(vips_image_remove) X(vips_image_hasalpha) \
    X(vips_image_copy_memory) X(vips_copy) X(vips_thumbnail_buffer) X(vips_colourspace) X(vips_cast_uchar) \
    X(vips_resize) X(vips_flatten) X(vips_webpsave_buffer) X(vips_jpegsave_buffer) X(vips_array_double_newv) \
    X(vips_area_unref) X(g_object_ref) X(g_object_unref) X(g_free) X(g_strfreev) X(g_str_has_prefix) \
    X(g_str_has_suffix)

#define SHOWCASE_VIPS_POINTER(name) __typeof__(name) *name;
static struct { SHOWCASE_VIPS_FUNCTIONS(SHOWCASE_VIPS_POINTER) } lib;

// A call through `lib`; the parentheses keep GLib's function-like macros (`g_object_ref(Obj)`) from expanding.
#define CALL(name) (lib.name)

static int start_result = -1;
static pthread_once_t start_once = PTHREAD_ONCE_INIT;
// Whether every function of `lib` was found; if not, why, for `showcase_vips_error`.
static int opened = 0;
static char load_error[512];

// libvips' file on Debian (libvips42), then the development link, then macOS (Homebrew's two prefixes, which
// the loader does not search by itself).
static void *open_library(void) {
    const char *names[] = {
        "libvips.so.42", "libvips.so", "libvips.42.dylib", "/opt/homebrew/lib/libvips.42.dylib",
        "/usr/local/lib/libvips.42.dylib", NULL,
    };
    for (int index = 0; names[index] != NULL; index++) {
        void *handle = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) return handle;
    }
    const char *reason = dlerror();
    snprintf(load_error, sizeof(load_error), "libvips est introuvable (%s) : installez-la (apt-get install libvips42)",
             reason ? reason : "libvips.so.42");
    return NULL;
}

// Every function of `lib` from the opened library and the GLib it depends on; 0 when all are found.
static int resolve(void *handle) {
#define SHOWCASE_VIPS_RESOLVE(name) \
    if ((*(void **)&lib.name = dlsym(handle, #name)) == NULL) { \
        snprintf(load_error, sizeof(load_error), "libvips ne fournit pas %s : version trop ancienne", #name); \
        return -1; \
    }
    SHOWCASE_VIPS_FUNCTIONS(SHOWCASE_VIPS_RESOLVE)
    return 0;
}

static void start(void) {
    void *handle = open_library();
    if (handle == NULL || resolve(handle) != 0) return;
    opened = 1;
    start_result = CALL(vips_init)("showcase");
    if (start_result == 0) {
        CALL(vips_cache_set_max)(0);   // each photo is encoded once per width: nothing to reuse
        CALL(vips_concurrency_set)(1); // the build already uses every core, one photo per task
        // Build every operation class once, here, before tasks use them at the same time: their first
        // construction from several threads at once made a photo read as unreadable, now and then.
        const char *operations[] = {
            "jpegload_buffer", "pngload_buffer", "gifload_buffer", "webpload_buffer", "thumbnail_buffer",
            "colourspace", "cast", "copy", "resize", "flatten", "jpegsave_buffer", "webpsave_buffer", NULL,
        };
        for (int index = 0; operations[index] != NULL; index++) {
            VipsOperation *operation = CALL(vips_operation_new)(operations[index]);
            if (operation != NULL) CALL(g_object_unref)(operation);
        }
        CALL(vips_error_clear)();
    }
}

// Header reads take a few milliseconds: one at a time, since libvips' loader lookup is not safe to start from
// several threads at once.
static pthread_mutex_t facts_lock = PTHREAD_MUTEX_INITIALIZER;

// Once per process, whichever thread comes first; the others wait until libvips is ready.
int showcase_vips_start(void) {
    pthread_once(&start_once, start);
    return start_result;
}

static int read_facts(const void *bytes, size_t length, showcase_photo_facts *facts);

int showcase_vips_facts(const void *bytes, size_t length, showcase_photo_facts *facts) {
    pthread_mutex_lock(&facts_lock);
    int result = read_facts(bytes, length, facts);
    pthread_mutex_unlock(&facts_lock);
    return result;
}

static int read_facts(const void *bytes, size_t length, showcase_photo_facts *facts) {
    memset(facts, 0, sizeof(*facts));
    const char *loader = CALL(vips_foreign_find_load_buffer)(bytes, length);
    if (loader == NULL) return -1;
    strncpy(facts->loader, loader, sizeof(facts->loader) - 1);
    VipsImage *image = CALL(vips_image_new_from_buffer)(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    int orientation = CALL(vips_image_get_orientation)(image);
    int swap = orientation >= 5 && orientation <= 8;
    facts->orientation = orientation;
    facts->width = swap ? CALL(vips_image_get_height)(image) : CALL(vips_image_get_width)(image);
    facts->height = swap ? CALL(vips_image_get_width)(image) : CALL(vips_image_get_height)(image);
    facts->pages = CALL(vips_image_get_n_pages)(image);
    facts->bands = CALL(vips_image_get_bands)(image);
    VipsBandFormat format = CALL(vips_image_get_format)(image);
    facts->sixteen_bits = format != VIPS_FORMAT_UCHAR && format != VIPS_FORMAT_CHAR;
    facts->cmyk = CALL(vips_image_get_interpretation)(image) == VIPS_INTERPRETATION_CMYK;
    // A height that is several pages stacked: the page height is what is shown.
    if (facts->pages > 1 && !swap) facts->height = CALL(vips_image_get_page_height)(image);
    CALL(g_object_unref)(image);
    return 0;
}

// A copy of `in` without its metadata: EXIF (the GPS position, the phone, the orientation), XMP, IPTC,
// comments and the colour profile (the pixels are sRGB, which is what a browser assumes without one). libvips 8.14's
// webpsave ignores `strip`: the fields are removed here, for every format.
static VipsImage *without_metadata(VipsImage *in) {
    VipsImage *out = NULL;
    if (CALL(vips_copy)(in, &out, NULL)) return NULL;
    gchar **fields = CALL(vips_image_get_fields)(out);
    for (int i = 0; fields[i] != NULL; i++) {
        const char *field = fields[i];
        if (CALL(g_str_has_prefix)(field, "exif-") || CALL(g_str_has_prefix)(field, "xmp-") || CALL(g_str_has_prefix)(field, "iptc-") ||
            CALL(g_str_has_prefix)(field, "ipct-") || CALL(g_str_has_suffix)(field, "-comment") || CALL(g_str_has_prefix)(field, "png-comment") ||
            strcmp(field, "icc-profile-data") == 0 || strcmp(field, "orientation") == 0) {
            CALL(vips_image_remove)(out, field);
        }
    }
    CALL(g_strfreev)(fields);
    return out;
}

// The photo decoded once, upright, 8-bit sRGB, without metadata, `width` pixels wide at most.
static VipsImage *prepared(const void *bytes, size_t length, int width) {
    VipsImage *thumbnail = NULL, *srgb = NULL, *cast = NULL;
    // thumbnail: decodes only what the size needs, applies the EXIF orientation, keeps the first frame;
    // fail_on=truncated: a photo cut short is an error, not a picture half grey.
    if (CALL(vips_thumbnail_buffer)((void *)bytes, length, &thumbnail, width,
                              "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "export_profile", "srgb", "option_string", "fail_on=truncated", NULL)) {
        return NULL;
    }
    int failed = CALL(vips_colourspace)(thumbnail, &srgb, VIPS_INTERPRETATION_sRGB, NULL);
    CALL(g_object_unref)(thumbnail);
    if (failed) return NULL;
    failed = CALL(vips_cast_uchar)(srgb, &cast, NULL);
    CALL(g_object_unref)(srgb);
    if (failed) return NULL;
    VipsImage *clean = without_metadata(cast);
    CALL(g_object_unref)(cast);
    return clean;
}

static int save(VipsImage *image, int webp, int quality, void **output, size_t *output_length) {
    if (webp) return CALL(vips_webpsave_buffer)(image, output, output_length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
    VipsImage *flat = image;
    if (CALL(vips_image_hasalpha)(image)) {
        // JPEG has no transparency: what was transparent becomes white, as on the page.
        VipsArrayDouble *white = CALL(vips_array_double_newv)(3, 255.0, 255.0, 255.0);
        int failed = CALL(vips_flatten)(image, &flat, "background", white, NULL);
        CALL(vips_area_unref)(VIPS_AREA(white));
        if (failed) return -1;
    } else {
        CALL(g_object_ref)(flat);
    }
    int result = CALL(vips_jpegsave_buffer)(flat, output, output_length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
    CALL(g_object_unref)(flat);
    return result;
}

int showcase_vips_variants(const void *bytes, size_t length, const int *widths, int count,
                           int webp_quality, int jpeg_quality, showcase_encoded *outputs) {
    memset(outputs, 0, sizeof(showcase_encoded) * 2 * count);
    VipsImage *widest = prepared(bytes, length, widths[0]);
    if (widest == NULL) return -1;
    // Decoded once: copied into memory, so that each resize reads pixels rather than decoding the file again.
    VipsImage *memory = CALL(vips_image_copy_memory)(widest);
    CALL(g_object_unref)(widest);
    if (memory == NULL) return -1;
    int result = 0;
    for (int index = 0; index < count && result == 0; index++) {
        VipsImage *sized = NULL;
        int width = CALL(vips_image_get_width)(memory);
        if (widths[index] >= width) {
            sized = memory;
            CALL(g_object_ref)(sized);
        } else if (CALL(vips_resize)(memory, &sized, (double)widths[index] / width, NULL)) {
            result = -1;
            break;
        }
        for (int format = 0; format < 2 && result == 0; format++) {
            showcase_encoded *out = &outputs[2 * index + format];
            result = save(sized, format == 0, format == 0 ? webp_quality : jpeg_quality, &out->bytes, &out->length);
        }
        CALL(g_object_unref)(sized);
    }
    CALL(g_object_unref)(memory);
    if (result != 0) {
        for (int index = 0; index < 2 * count; index++) if (outputs[index].bytes) CALL(g_free)(outputs[index].bytes);
        memset(outputs, 0, sizeof(showcase_encoded) * 2 * count);
    }
    return result;
}

void showcase_vips_free(void *buffer) { CALL(g_free)(buffer); }

const char *showcase_vips_error(void) { return opened ? CALL(vips_error_buffer)() : load_error; }

void showcase_vips_clear_error(void) {
    if (opened) CALL(vips_error_clear)();
}
