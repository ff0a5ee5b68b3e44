/* bench_store: what an answer costs. The kiosk hands each answer to the
 * store's writer thread and goes on drawing; the writer commits it as one
 * SQLite transaction (WAL, synchronous=FULL: on the disk when it returns).
 * Over RUNS answers in sessions of 8, on a real file system (DIR, default
 * the system's temporary folder), it prints:
 *   - answer -> call returns (how long the screen is held up),
 *   - answer -> durable (committed and flushed to the disk),
 * as median and p95. A benchmark prints figures; it never fails on a slow
 * machine. usage: bench_store [RUNS] [DIR] */
#include "bench.h"

#include "store/store.h"
#include "util/uuid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
        double t0 = bench_now_ms();
        hys_store_answer(s, session, q, i % 8, "good", "answered", "en", 3);
        double t1 = bench_now_ms();
        hys_store_flush(s);
        double t2 = bench_now_ms();
        call[i] = t1 - t0;
        durable[i] = t2 - t0;
    }
    bench_report("answer -> call returns (screen held up)", call, runs, "answers");
    bench_report("answer -> durable on disk (WAL, FULL)", durable, runs, "answers");
    if (hys_store_failures(s)) printf("(%ld writes failed)\n", hys_store_failures(s));
    hys_store_close(s);
    bench_remove(dir);
    free(call);
    free(durable);
    return 0;
}
