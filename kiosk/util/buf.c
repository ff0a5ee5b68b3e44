/* buf: growable capped byte buffer (see buf.h). */
#include "buf.h"

#include "alloc.h"
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void hys_buf_init(hys_buf *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max;
}

void hys_buf_free(hys_buf *b)
{
    hys_free(b->data);
    size_t max = b->max;
    hys_buf_init(b, max);
}

void hys_buf_reset(hys_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data) b->data[0] = '\0';
}

/* Room for extra more bytes: HYS_OK; else the buffer is failed, and this
 * HYS_ENOMEM when no memory was had now, HYS_ELIMIT over the cap or when it
 * had failed before. */
static hys_status reserve(hys_buf *b, size_t extra)
{
    if (b->failed) return HYS_ELIMIT;
    if (extra > b->max || b->len > b->max - extra) {
        b->failed = 1;
        return HYS_ELIMIT;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return HYS_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *d = hys_realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return HYS_ENOMEM;
    }
    b->data = d;
    b->cap = cap;
    return HYS_OK;
}

void hys_buf_add(hys_buf *b, const char *s, size_t n)
{
    if (reserve(b, n) != HYS_OK) return;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void hys_buf_adds(hys_buf *b, const char *s)
{
    hys_buf_add(b, s, strlen(s));
}

void hys_buf_addc(hys_buf *b, char c)
{
    hys_buf_add(b, &c, 1);
}

void hys_buf_printf(hys_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        hys_buf_add(b, small, (size_t)n);
        return;
    }
    if (reserve(b, (size_t)n) != HYS_OK) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *hys_buf_str(const hys_buf *b)
{
    return b->data && b->len ? b->data : "";
}

char *hys_buf_take(hys_buf *b)
{
    char *d = NULL;
    if (!b->failed)
        d = b->data ? b->data : hys_strdup("");
    else
        hys_free(b->data);
    size_t max = b->max;
    hys_buf_init(b, max);
    return d;
}
