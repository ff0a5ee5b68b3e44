/* buf: a growable byte buffer with a hard cap, for building strings.
 * Once an append fails (no memory or over the cap) the buffer stays failed
 * and every later append is ignored, so callers check once at the end. */
#ifndef HYS_BUF_H
#define HYS_BUF_H

#include <stddef.h>

typedef struct hys_buf {
    char *data; /* always NUL-terminated when len > 0 */
    size_t len;
    size_t cap;
    size_t max; /* hard cap on len */
    int failed; /* 1 after an append failed */
} hys_buf;

/* Start an empty buffer that will never grow past max bytes. */
void hys_buf_init(hys_buf *b, size_t max);
/* Free the contents; the buffer may be reused after hys_buf_init. */
void hys_buf_free(hys_buf *b);
void hys_buf_reset(hys_buf *b);
/* Append bytes / a string / a char / printf-formatted text. */
void hys_buf_add(hys_buf *b, const char *s, size_t n);
void hys_buf_adds(hys_buf *b, const char *s);
void hys_buf_addc(hys_buf *b, char c);
void hys_buf_printf(hys_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents as a C string ("" when empty); owned by the buffer. */
const char *hys_buf_str(const hys_buf *b);
/* Hand the contents to the caller (free with hys_free); NULL if failed. Resets b. */
char *hys_buf_take(hys_buf *b);

#endif
