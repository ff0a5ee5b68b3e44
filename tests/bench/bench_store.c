/* bench_store: what an answer costs. The kiosk hands each answer to the
 * store's writer thread and goes on drawing; the writer commits it as one
 * SQLite transaction (WAL, synchronous=FULL: on the disk when it returns).
 * Over RUNS answers in sessions of 8, on a real file system (DIR, default
 * the system's temporary folder), it prints:
 *   - answer -> call returns (how long the screen is held up),
 *   - answer -> durable (committed and flushed to the disk),
 * as median and p95. A benchmark prints figures; it never fails on a slow
 * machine. usage: bench_store [RUNS] [DIR] */
#include "store/store.h"
#include "util/uuid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    printf("%-44s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%d answers)\n", what, v[n / 2],
           v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], v[n - 1], n);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 200;
    if (runs < 1) runs = 1;
    const char *tmp = argc > 2 ? argv[2] : getenv("TMPDIR");
    char dir[512];
    snprintf(dir, sizeof dir, "%s/hys-bench-store-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) return 1;
    char err[512];
    hys_store *s = hys_store_open(dir, HYS_PERIOD_HOUR, err, sizeof err);
    if (!s) {
        fprintf(stderr, "bench_store: %s\n", err);
        return 1;
    }
    hys_store_form f = {.id = "bench", .version = "1", .hash = "bench", .title = "Bench"};
    hys_store_set_form(s, &f);
    double *call = malloc(sizeof *call * (size_t)runs),
           *durable = malloc(sizeof *durable * (size_t)runs);
    if (!call || !durable) return 1;
    char session[HYS_UUID_LEN] = "";
    for (int i = 0; i < runs; i++) {
        if (i % 8 == 0) {
            if (session[0]) hys_store_session_end(s, session, 1);
            hys_uuid_new(session);
            hys_store_session_begin(s, session);
            hys_store_flush(s);
        }
        char q[16];
        snprintf(q, sizeof q, "q%d", i % 8);
        double t0 = now_ms();
        hys_store_answer(s, session, q, i % 8, "good", "answered", "en", 3);
        double t1 = now_ms();
        hys_store_flush(s);
        double t2 = now_ms();
        call[i] = t1 - t0;
        durable[i] = t2 - t0;
    }
    report("answer -> call returns (screen held up)", call, runs);
    report("answer -> durable on disk (WAL, FULL)", durable, runs);
    if (hys_store_failures(s)) printf("(%ld writes failed)\n", hys_store_failures(s));
    hys_store_close(s);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "bench_store: could not remove %s\n", dir);
    free(call);
    free(durable);
    return 0;
}
