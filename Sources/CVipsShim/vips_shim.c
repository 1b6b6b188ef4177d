#include "vips_shim.h"
#include <string.h>
#include <vips/vips.h>

int showcase_vips_start(void) {
    static int started = 0;
    static int result = 0;
    if (!started) {
        started = 1;
        result = vips_init("showcase");
        if (result == 0) {
            vips_cache_set_max(0);   // each photo is encoded once per width: nothing to reuse
            vips_concurrency_set(1); // the build already uses every core, one photo per task
        }
    }
    return result;
}

int showcase_vips_facts(const void *bytes, size_t length, showcase_photo_facts *facts) {
    memset(facts, 0, sizeof(*facts));
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    if (loader == NULL) return -1;
    strncpy(facts->loader, loader, sizeof(facts->loader) - 1);
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    int orientation = vips_image_get_orientation(image);
    int swap = orientation >= 5 && orientation <= 8;
    facts->orientation = orientation;
    facts->width = swap ? vips_image_get_height(image) : vips_image_get_width(image);
    facts->height = swap ? vips_image_get_width(image) : vips_image_get_height(image);
    facts->pages = vips_image_get_n_pages(image);
    facts->bands = vips_image_get_bands(image);
    VipsBandFormat format = vips_image_get_format(image);
    facts->sixteen_bits = format != VIPS_FORMAT_UCHAR && format != VIPS_FORMAT_CHAR;
    facts->cmyk = vips_image_get_interpretation(image) == VIPS_INTERPRETATION_CMYK;
    // A height that is several pages stacked: the page height is what is shown.
    if (facts->pages > 1 && !swap) facts->height = vips_image_get_page_height(image);
    g_object_unref(image);
    return 0;
}

// A copy of `in` without its metadata: EXIF (the GPS position, the phone, the orientation), XMP, IPTC,
// comments and the colour profile (the pixels are sRGB, which is what a browser assumes without one). libvips 8.14's
// webpsave ignores `strip`: the fields are removed here, for every format.
static VipsImage *without_metadata(VipsImage *in) {
    VipsImage *out = NULL;
    if (vips_copy(in, &out, NULL)) return NULL;
    gchar **fields = vips_image_get_fields(out);
    for (int i = 0; fields[i] != NULL; i++) {
        const char *field = fields[i];
        if (g_str_has_prefix(field, "exif-") || g_str_has_prefix(field, "xmp-") || g_str_has_prefix(field, "iptc-") ||
            g_str_has_prefix(field, "ipct-") || g_str_has_suffix(field, "-comment") || g_str_has_prefix(field, "png-comment") ||
            strcmp(field, "icc-profile-data") == 0 || strcmp(field, "orientation") == 0) {
            vips_image_remove(out, field);
        }
    }
    g_strfreev(fields);
    return out;
}

int showcase_vips_variant(const void *bytes, size_t length, int width, int webp, int quality,
                          void **output, size_t *output_length, int *output_width, int *output_height) {
    VipsImage *thumbnail = NULL, *srgb = NULL;
    // thumbnail: decodes only what the size needs, applies the EXIF orientation, keeps the first frame.
    // fail_on=truncated: a photo cut short is an error, not a picture half grey.
    if (vips_thumbnail_buffer((void *)bytes, length, &thumbnail, width,
                              "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                              "export_profile", "srgb", "option_string", "fail_on=truncated", NULL)) {
        return -1;
    }
    if (vips_colourspace(thumbnail, &srgb, VIPS_INTERPRETATION_sRGB, NULL)) {
        g_object_unref(thumbnail);
        return -1;
    }
    g_object_unref(thumbnail);
    VipsImage *cast = NULL;
    if (vips_cast_uchar(srgb, &cast, NULL)) {
        g_object_unref(srgb);
        return -1;
    }
    g_object_unref(srgb);
    VipsImage *eight = without_metadata(cast);
    g_object_unref(cast);
    if (eight == NULL) return -1;
    int result;
    if (webp) {
        result = vips_webpsave_buffer(eight, output, output_length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
    } else {
        VipsImage *flat = eight;
        if (vips_image_hasalpha(eight)) {
            // JPEG has no transparency: what was transparent becomes white, as on the page.
            VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
            int failed = vips_flatten(eight, &flat, "background", white, NULL);
            vips_area_unref(VIPS_AREA(white));
            if (failed) {
                g_object_unref(eight);
                return -1;
            }
        } else {
            g_object_ref(flat);
        }
        result = vips_jpegsave_buffer(flat, output, output_length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", TRUE, NULL);
        g_object_unref(flat);
    }
    *output_width = vips_image_get_width(eight);
    *output_height = vips_image_get_height(eight);
    g_object_unref(eight);
    return result;
}

void showcase_vips_free(void *buffer) { g_free(buffer); }

const char *showcase_vips_error(void) { return vips_error_buffer(); }

void showcase_vips_clear_error(void) { vips_error_clear(); }
