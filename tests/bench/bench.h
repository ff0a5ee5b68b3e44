/* bench: what every benchmark shares: a millisecond clock, and a line of
 * figures (median, p95, min, max) for a set of timings. Benchmarks print
 * figures; they never fail on a slow machine. */
#ifndef HYS_BENCH_H
#define HYS_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Milliseconds on a clock that only goes forward. */
static inline double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static inline int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sort v (n timings) and return its 95th percentile. */
static inline double bench_p95(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp);
    return v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1];
}

/* One line: what, then the median, p95, min and max of v, and n with what
 * was counted ("runs", "answers"). Sorts v. */
static inline void bench_report(const char *what, double *v, int n, const char *counted)
{
    if (n <= 0) {
        printf("%-44s (no %s)\n", what, counted);
        return;
    }
    double p95 = bench_p95(v, n);
    printf("%-44s median %7.2f ms   p95 %7.2f ms   min %7.2f ms   max %7.2f ms   (%d %s)\n", what,
           v[n / 2], p95, v[0], v[n - 1], n, counted);
}

/* Remove a benchmark's scratch folder (made with mkdtemp). */
static inline void bench_remove(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "bench: could not remove %s\n", dir);
}

#endif
