/* check: the tiny test harness every unit test uses. CHECK records a
 * failure with file:line and goes on; check_done prints "N passed, N failed"
 * and gives the exit status. */
#ifndef HYS_CHECK_H
#define HYS_CHECK_H

#include <stdio.h>

static int check_pass, check_fail;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond)                                                                                  \
            check_pass++;                                                                          \
        else {                                                                                     \
            check_fail++;                                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *a_ = (a), *b_ = (b);                                                           \
        if (a_ && b_ && !strcmp(a_, b_))                                                           \
            check_pass++;                                                                          \
        else {                                                                                     \
            check_fail++;                                                                          \
            fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__,            \
                    b_ ? b_ : "(null)", a_ ? a_ : "(null)");                                       \
        }                                                                                          \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_pass, check_fail);
    return check_fail ? 1 : 0;
}

#endif
