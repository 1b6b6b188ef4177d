// Non-variadic entry points to the parts of libvips showcase uses: Swift cannot call C variadic functions,
// and libvips passes its options as NULL-terminated name/value lists.
#ifndef SHOWCASE_VIPS_SHIM_H
#define SHOWCASE_VIPS_SHIM_H

#include <stddef.h>

typedef struct {
    int width;            // as displayed: after the EXIF orientation
    int height;
    int bands;
    int sixteen_bits;     // 1 when a band has more than 8 bits
    int cmyk;             // 1 for a CMYK image
    int pages;            // frames of an animation, 1 for a still image
    int orientation;      // EXIF orientation, 1 when none
    char loader[32];      // "VipsForeignLoadJpegBuffer"…
} showcase_photo_facts;

// Starts libvips once per process; 0 on success.
int showcase_vips_start(void);

// Reads a photo's header (not its pixels); 0 on success.
int showcase_vips_facts(const void *bytes, size_t length, showcase_photo_facts *facts);

// One encoded file: its bytes, to free with `showcase_vips_free`.
typedef struct {
    void *bytes;
    size_t length;
} showcase_encoded;

// Every variant of one photo, decoded once: turned upright, converted to 8-bit sRGB, shrunk to widths[0] (the
// widest, never enlarging), stripped of its metadata, then resized to each other width and encoded with no
// metadata. `outputs` receives 2 × count files: for each width, WebP then JPEG.
int showcase_vips_variants(const void *bytes, size_t length, const int *widths, int count,
                           int webp_quality, int jpeg_quality, showcase_encoded *outputs);

void showcase_vips_free(void *buffer);

// The last error libvips reported, for a diagnostic; cleared by the call.
const char *showcase_vips_error(void);
void showcase_vips_clear_error(void);

#endif
