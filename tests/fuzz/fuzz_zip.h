/* fuzz_zip: lets the .xlsx fuzz targets mutate the XML inside a workbook.
 * Byte mutations of a real .xlsx mostly break its compression or its CRCs,
 * so besides zip bytes the targets take a plain-text list of parts,
 *
 *     @@ xl/workbook.xml
 *     <workbook>...</workbook>
 *     @@ xl/worksheets/sheet1.xml
 *     ...
 *
 * (each part runs to the next line starting "@@ " or the end), which is
 * stored into a zip here before the reader sees it. tests/fuzz/seeds makes
 * such lists from real workbooks. */
#ifndef HYS_FUZZ_ZIP_H
#define HYS_FUZZ_ZIP_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define FUZZ_PARTS_MARK "@@ "
#define FUZZ_MAX_PARTS 64

/* The zip (malloc'd, *outn bytes) holding the parts listed in data[0..n),
 * or NULL when data is not such a list or the zip cannot be made. */
static char *fuzz_parts_zip(const uint8_t *data, size_t n, size_t *outn)
{
    const char *p = (const char *)data, *end = p + n;
    if (n < 3 || memcmp(p, FUZZ_PARTS_MARK, 3) != 0) return NULL;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (!z) {
        zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src);
    for (int k = 0; k < FUZZ_MAX_PARTS && p < end; k++) {
        const char *name = p + 3, *nl = memchr(name, '\n', (size_t)(end - name));
        const char *body = nl ? nl + 1 : end, *next = body;
        while (next < end && !(next[0] == '\n' && end - next > 3 && !memcmp(next + 1, "@@ ", 3)))
            next++;
        char nm[256];
        size_t nn = (size_t)((nl ? nl : end) - name);
        if (nn >= sizeof nm) nn = sizeof nm - 1;
        memcpy(nm, name, nn);
        nm[nn] = '\0';
        zip_source_t *s = zip_source_buffer(z, body, (zip_uint64_t)(next - body), 0);
        zip_int64_t i = s ? zip_file_add(z, nm, s, ZIP_FL_OVERWRITE) : -1;
        if (i < 0)
            zip_source_free(s);
        else
            zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
        p = next < end ? next + 1 : end;
    }
    char *out = NULL;
    zip_stat_t st;
    if (zip_close(z) < 0) {
        zip_discard(z);
    } else if (zip_source_open(src) == 0) {
        if (zip_source_stat(src, &st) == 0 && (out = malloc(st.size ? st.size : 1)) &&
            zip_source_read(src, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    *outn = out ? (size_t)st.size : 0;
    return out;
}

#endif
