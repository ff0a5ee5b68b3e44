/* alloc: allocation wrapper with fault injection (see alloc.h). */
#include "alloc.h"

#include <malloc.h>
#include <sqlite3.h>
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

/* SQLite's allocator: ours, with glibc telling sizes (malloc_usable_size) */
static void *sq_malloc(int n)
{
    return n > 0 ? hys_malloc((size_t)n) : NULL;
}

static void *sq_realloc(void *p, int n)
{
    return n > 0 ? hys_realloc(p, (size_t)n) : NULL;
}

static int sq_size(void *p)
{
    return p ? (int)malloc_usable_size(p) : 0;
}

static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}

static int sq_init(void *unused)
{
    return SQLITE_OK;
}

static void sq_shutdown(void *unused) {}

hys_status hys_alloc_route_sqlite(void)
{
    static const sqlite3_mem_methods m = {sq_malloc,  hys_free, sq_realloc,  sq_size,
                                          sq_roundup, sq_init,  sq_shutdown, NULL};
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &m) == SQLITE_OK ? HYS_OK : HYS_EDENIED;
}
