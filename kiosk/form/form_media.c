/* form_media: the pictures and recordings a sheet names: a safe path
 * beside the question set, a file that is there, and a picture's size. */
#include "form_private.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/text.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int safe_relative(const char *p)
{
    if (!*p || p[0] == '/' || strchr(p, '\\') || strchr(p, ':')) return 0;
    const char *s = p;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if ((n == 2 && !strncmp(s, "..", 2)) || n == 0) return 0;
        s += n + (e ? 1 : 0);
    }
    return 1;
}

int form_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && hys_ieq(s + a - b, suffix);
}

/* The size in pixels of a .png (from the first bytes of the file, head) or
 * a .jpg (read from fp): a small file can unpack to gigabytes. 0 when it
 * cannot be told. */
static void picture_size(const unsigned char *head, size_t got, FILE *fp, int png, long *w, long *h)
{
    unsigned char b[10];
    *w = *h = 0;
    if (png) { /* the IHDR chunk comes first: width and height, big-endian */
        if (got >= 24 && !memcmp(head + 12, "IHDR", 4)) {
            *w = (long)((unsigned long)head[16] << 24 | (unsigned long)head[17] << 16 |
                        (unsigned long)head[18] << 8 | head[19]);
            *h = (long)((unsigned long)head[20] << 24 | (unsigned long)head[21] << 16 |
                        (unsigned long)head[22] << 8 | head[23]);
        }
        return;
    }
    /* JPEG: walk the segments to a start-of-frame (SOF0..SOF15 but 4, 8, 12) */
    if (fseek(fp, 2, SEEK_SET) != 0) return;
    for (int seg = 0; seg < 1000 && fread(b, 1, 2, fp) == 2 && b[0] == 0xFF; seg++) {
        /* (a marker may be preceded by any number of 0xFF fill bytes) */
        int marker = b[1], fill = 0;
        while (marker == 0xFF && fill++ < 65536) {
            int c = fgetc(fp);
            if (c == EOF) return;
            marker = c;
        }
        if (fread(b + 2, 1, 2, fp) != 2) return;
        int len = b[2] << 8 | b[3];
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            if (fread(b, 1, 5, fp) == 5) {
                *h = b[1] << 8 | b[2];
                *w = b[3] << 8 | b[4];
            }
            return;
        }
        if (len < 2 || fseek(fp, len - 2, SEEK_CUR) != 0) return;
    }
}

/* Resolve and check a media file; returns a full path (owned) or NULL. */
char *form_media_path(builder *b, const char *sheet, int row, int col, const char *value, int audio)
{
    if (!safe_relative(value)) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "\"%s\": give just the file name of a file beside the question set "
                      "(no folders above it, no drive letters)",
                      value);
        return NULL;
    }
    int ok_ext = audio ? form_ends_with(value, ".wav")
                       : (form_ends_with(value, ".png") || form_ends_with(value, ".jpg") ||
                          form_ends_with(value, ".jpeg") || form_ends_with(value, ".svg"));
    if (!ok_ext) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col, "\"%s\": %s", value,
                      audio ? "sounds must be .wav files" : "pictures must be .png, .jpg or .svg");
        return NULL;
    }
    hys_buf path;
    hys_buf_init(&path, 4096);
    if (b->f->dir)
        hys_buf_printf(&path, "%s/%s", b->f->dir, value);
    else
        hys_buf_adds(&path, value);
    char *full = hys_buf_take(&path);
    if (!full) {
        form_nomem(b);
        return NULL;
    }
    if (!b->check_media) return full;
    FILE *fp = fopen(full, "rb");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "the file \"%s\" is not beside the question set", value);
        if (fp) fclose(fp);
        hys_free(full);
        return NULL;
    }
    unsigned char head[512] = {0};
    size_t got = fread(head, 1, sizeof head - 1, fp);
    long pw = 0, ph = 0;
    int png = form_ends_with(value, ".png");
    if (!audio && !form_ends_with(value, ".svg") && st.st_size <= HYS_MAX_MEDIA_BYTES)
        picture_size(head, got, fp, png, &pw, &ph);
    fclose(fp);
    if (pw > 20000 || ph > 20000 || pw * ph > HYS_MAX_PICTURE_PIXELS) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "the picture \"%s\" is %ld x %ld pixels, too big to show (at most %ld "
                      "million pixels): save it smaller",
                      value, pw, ph, HYS_MAX_PICTURE_PIXELS / 1000000);
        hys_free(full);
        return NULL;
    }
    int ok;
    if (st.st_size > HYS_MAX_MEDIA_BYTES)
        ok = 0;
    else if (audio)
        ok = got >= 12 && !memcmp(head, "RIFF", 4) && !memcmp(head + 8, "WAVE", 4);
    else if (png)
        ok = got >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8);
    else if (form_ends_with(value, ".svg"))
        ok = strstr((char *)head, "<svg") != NULL || strstr((char *)head, "<?xml") != NULL;
    else
        ok = got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    if (!ok) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      st.st_size > HYS_MAX_MEDIA_BYTES
                          ? "the file \"%s\" is too big (over 16 MB)"
                          : "the file \"%s\" is not the kind of file its name says",
                      value);
        hys_free(full);
        return NULL;
    }
    return full;
}
