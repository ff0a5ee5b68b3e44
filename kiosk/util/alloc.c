/* alloc: allocation wrapper with fault injection (see alloc.h). */
#include "alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long count;
static atomic_long fail_at;
static atomic_int failed;

static int should_fail(void)
{
    long n = atomic_fetch_add(&count, 1) + 1;
    long f = atomic_load(&fail_at);
    if (f > 0 && n == f) {
        atomic_store(&failed, 1);
        return 1;
    }
    return 0;
}

void hys_alloc_fail_at(long nth)
{
    atomic_store(&failed, 0);
    atomic_store(&fail_at, nth > 0 ? atomic_load(&count) + nth : 0);
}

long hys_alloc_count(void)
{
    return atomic_load(&count);
}

int hys_alloc_failed(void)
{
    return atomic_load(&failed);
}

void *hys_malloc(size_t n)
{
    if (should_fail()) return NULL;
    return malloc(n ? n : 1);
}

void *hys_calloc(size_t count_, size_t size)
{
    if (should_fail()) return NULL;
    return calloc(count_ ? count_ : 1, size ? size : 1);
}

void *hys_realloc(void *p, size_t n)
{
    if (should_fail()) return NULL;
    return realloc(p, n ? n : 1);
}

void hys_free(void *p)
{
    free(p);
}

char *hys_strndup(const char *s, size_t n)
{
    char *d = hys_malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *hys_strdup(const char *s)
{
    return s ? hys_strndup(s, strlen(s)) : NULL;
}
