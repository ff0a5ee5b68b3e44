/* alloc: the one place every allocation of the kiosk goes through.
 *
 * A test can make the Nth allocation from now fail (hys_alloc_fail_at) and
 * walk N over every allocation of an operation, as SQLite's test_malloc.c
 * and curl's torture runs do. SQLite's allocations come here too (see
 * hys_alloc_route_sqlite), and expat's (the .xlsx reader gives them to
 * XML_ParserCreate_MM). Functions here return NULL on failure (or on
 * an injected failure); callers report HYS_ENOMEM and clean up. */
#ifndef HYS_ALLOC_H
#define HYS_ALLOC_H

#include "status.h"

#include <stddef.h>

/* Like malloc/calloc/realloc/free/strdup. NULL on failure. hys_free(NULL) is a no-op. */
void *hys_malloc(size_t n);
void *hys_calloc(size_t count, size_t size);
void *hys_realloc(void *p, size_t n);
void hys_free(void *p);
char *hys_strdup(const char *s);
char *hys_strndup(const char *s, size_t n);

/* Send SQLite's allocations through these functions too, so an injected
 * failure can land inside SQLite. Call before any other SQLite call (the
 * program's main and the allocation test do). HYS_OK, or HYS_EDENIED when
 * SQLite refused (it had started already). */
hys_status hys_alloc_route_sqlite(void);

/* Fault injection for tests: the nth allocation from now (1 = the next one)
 * fails; 0 turns injection off. */
void hys_alloc_fail_at(long nth);
/* How many allocations were made since the process started. */
long hys_alloc_count(void);
/* 1 when an injected failure has happened since the last hys_alloc_fail_at. */
int hys_alloc_failed(void);

#endif
