/* bench_export: how fast answers reach the people who act on them.
 *   - export of ANSWERS answers (sessions of 10) to a folder standing in for
 *     a stick: the whole bundle (data.sqlite, CSV files, report, signed
 *     manifest, each copied, flushed and read back), min/median/max;
 *   - collect of BUNDLES bundles of PER answers each (one kiosk's
 *     exports, as a stick brings them), RUNS times into a fresh folder:
 *     min/median/max time and the peak RSS of the collecting process
 *     (measured in a child, so setup does not count).
 * A benchmark prints figures; it never fails on a slow machine.
 * With HAVEYOURSAY (the program's path), collect runs as that program
 * (`haveyoursay collect`), so the peak RSS is the program's alone; without
 * it, in a forked child, whose RSS also counts the pages it shares with
 * this process.
 * usage: bench_export [ANSWERS [RUNS [BUNDLES [PER [HAVEYOURSAY]]]]]
 * (HYS_BENCH_KEEP=1 keeps its folders in /tmp, to look at or profile) */
#include "bench.h"

#include "export/enrol.h"
#include "export/export.h"
#include "export/manifest.h"
#include "export/report.h"
#include "export/trust.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Add n answers (sessions of 10, ended) to the kiosk in dir, quickly. */
static int add_answers(const char *dir, long n, long *next)
{
    char err[256], path[600];
    hys_store *s = hys_store_open(dir, HYS_PERIOD_HOUR, err, sizeof err);
    if (!s) {
        fprintf(stderr, "bench_export: %s\n", err);
        return 0;
    }
    static const hys_store_label labels[] = {
        {"q0", "", "How good is it?"}, {"q0", "good", "Good"}, {"q0", "bad", "Bad"}};
    hys_store_form f = {"bench", "1", "b3c4", "Bench", labels, 3, NULL};
    hys_store_set_form(s, &f);
    hys_store_close(s);
    hys_store_path(dir, path, sizeof path);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) return 0;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *ss, *as;
    sqlite3_prepare_v2(db,
                       "INSERT INTO sessions(session_id,form_hash,period,completed,ended)"
                       " VALUES(?,'b3c4','2026-11-23 10:00',1,1)",
                       -1, &ss, NULL);
    sqlite3_prepare_v2(db,
                       "INSERT INTO answers(answer_id,session_id,question,position,value,status,"
                       "language,period) VALUES(?,?,?,?,?,'answered','en','2026-11-23 10:00')",
                       -1, &as, NULL);
    for (long i = 0; i < n; i++, (*next)++) {
        char sid[40], aid[40], q[8];
        snprintf(sid, sizeof sid, "00000000-0000-4000-8000-%012lx", *next / 10);
        snprintf(aid, sizeof aid, "11111111-0000-4000-8000-%012lx", *next);
        if (*next % 10 == 0) {
            sqlite3_bind_text(ss, 1, sid, -1, SQLITE_TRANSIENT);
            sqlite3_step(ss);
            sqlite3_reset(ss);
        }
        snprintf(q, sizeof q, "q%ld", *next % 10);
        sqlite3_bind_text(as, 1, aid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(as, 2, sid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(as, 3, q, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(as, 4, (int)(*next % 10));
        sqlite3_bind_text(as, 5, *next % 3 ? "good" : "bad", -1, SQLITE_STATIC);
        sqlite3_step(as);
        sqlite3_reset(as);
    }
    sqlite3_finalize(ss);
    sqlite3_finalize(as);
    int ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

/* Enrol the stick on the kiosk in data, and (with trust) trust the kiosk,
 * in the list and in trust_file. 1 when done. */
static int enrol(const char *data, const char *stick, hys_trust *trust, const char *trust_file)
{
    char id[40], pk[64], err[512];
    unsigned char sk[64];
    if (hys_store_read_kiosk_id(data, id, err, sizeof err) != HYS_OK ||
        hys_manifest_key(data, sk, pk, err, sizeof err) != HYS_OK ||
        hys_enrol_stick(data, id, stick, err, sizeof err) != HYS_OK ||
        (trust && (hys_trust_add(trust, id, pk, err, sizeof err) != HYS_OK ||
                   hys_trust_append(trust_file, id, pk, err, sizeof err) != HYS_OK))) {
        fprintf(stderr, "bench_export: %s\n", err);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    long answers = argc > 1 ? atol(argv[1]) : 100000;
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    int bundles = argc > 3 ? atoi(argv[3]) : 100;
    long per = argc > 4 ? atol(argv[4]) : 10000;
    const char *prog = argc > 5 ? argv[5] : NULL;
    if (runs < 1) runs = 1;
    char top[128], data[256], stick[256], cmd[600], err[512];
    snprintf(top, sizeof top, "/tmp/hys-bench-export-%d", (int)getpid());
    snprintf(data, sizeof data, "%s/kiosk", top);
    snprintf(stick, sizeof stick, "%s/stick", top);
    snprintf(cmd, sizeof cmd, "mkdir -p %s", stick);
    if (system(cmd) != 0) return 1;
    long next = 0;
    if (!add_answers(data, answers, &next)) return 1;

    /* export: everything, each run (a full re-export takes them all again) */
    double *t = calloc((size_t)runs, sizeof *t);
    hys_export_options o = {data, stick, "Bench", 1, NULL, NULL};
    hys_export_result r;
    if (!enrol(data, stick, NULL, NULL)) return 1;
    for (int i = 0; i < runs; i++) {
        double t0 = bench_now_ms();
        if (hys_export_bundle(&o, &r, err, sizeof err) != HYS_OK) {
            fprintf(stderr, "bench_export: %s\n", err);
            return 1;
        }
        t[i] = bench_now_ms() - t0;
    }
    qsort(t, (size_t)runs, sizeof *t, bench_cmp);
    printf("export of %ld answers (%ld sessions), whole bundle    min %7.0f ms   median %7.0f ms"
           "   max %7.0f ms   (%d runs)\n",
           r.answers, r.sessions, t[0], t[runs / 2], t[runs - 1], runs);
    free(t);

    /* answers.xlsx alone, from that bundle's database: its time, and the
     * peak RSS of a child that makes it (libxlsxwriter's constant-memory
     * mode: rows wait in a temporary file, not in memory) */
    char db[600] = "", xlsx[300];
    snprintf(cmd, sizeof cmd, "find %s -name data.sqlite | head -1", stick);
    FILE *found = popen(cmd, "r");
    if (found && fgets(db, sizeof db, found)) db[strcspn(db, "\n")] = '\0';
    if (found) pclose(found);
    snprintf(xlsx, sizeof xlsx, "%s/answers.xlsx", top);
    double *tw = calloc((size_t)runs, sizeof *tw);
    long peak_kb = 0;
    for (int i = 0; db[0] && tw && i < runs; i++) {
        double t0 = bench_now_ms();
        pid_t pid = fork();
        if (pid == 0)
            _exit(hys_report_workbook(db, xlsx, 0, "bench", err, sizeof err) == HYS_OK ? 0 : 1);
        int status = 1;
        struct rusage ru;
        if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_export: the workbook was not made\n");
            return 1;
        }
        tw[i] = bench_now_ms() - t0;
        if (ru.ru_maxrss > peak_kb) peak_kb = ru.ru_maxrss;
    }
    if (db[0] && tw) {
        qsort(tw, (size_t)runs, sizeof *tw, bench_cmp);
        printf("answers.xlsx of %ld answers (in the export above)  min %7.0f ms   median %7.0f ms"
               "   max %7.0f ms   peak RSS %ld MB (a forked child)\n",
               r.answers, tw[0], tw[runs / 2], tw[runs - 1], (peak_kb + 1023) / 1024);
    }
    free(tw);

    /* collect: one kiosk's bundles, per answers each */
    char stick2[256], data2[256], out[256];
    snprintf(stick2, sizeof stick2, "%s/stick2", top);
    snprintf(data2, sizeof data2, "%s/kiosk2", top);
    snprintf(out, sizeof out, "%s/office", top);
    snprintf(cmd, sizeof cmd, "mkdir -p %s", stick2);
    if (system(cmd) != 0) return 1;
    hys_export_options o2 = {data2, stick2, "Bench 2", 0, NULL, NULL};
    next = 0;
    char trust_file[300];
    snprintf(trust_file, sizeof trust_file, "%s/trusted-kiosks", top);
    hys_trust *trust = calloc(1, sizeof *trust);
    for (int b = 0; b < bundles; b++)
        if (!add_answers(data2, per, &next) ||
            (b == 0 && !enrol(data2, stick2, trust, trust_file)) ||
            hys_export_bundle(&o2, &r, err, sizeof err)) {
            fprintf(stderr, "bench_export: %s\n", err);
            return 1;
        }
    /* each run into a fresh folder, in a child (setup does not count) */
    double *ct = calloc((size_t)runs, sizeof *ct), peak = 0;
    int status = 0;
    for (int i = 0; i < runs && WIFEXITED(status) && WEXITSTATUS(status) == 0; i++) {
        bench_remove(out);
        fflush(stdout);
        double t0 = bench_now_ms();
        pid_t pid = fork();
        if (pid == 0 && prog) {
            /* the real program: its peak RSS is its own, none of ours */
            if (!freopen("/dev/null", "w", stdout)) _exit(1);
            execl(prog, prog, "collect", stick2, "--out", out, "--trust", trust_file, (char *)NULL);
            _exit(127);
        }
        if (pid == 0) {
            hys_collect_result cr;
            const char *in[1] = {stick2};
            FILE *quiet = fopen("/dev/null", "w");
            hys_status rc = hys_collect(in, 1, out, NULL, trust, quiet, &cr, err, sizeof err);
            if (rc != HYS_OK) fprintf(stderr, "bench_export: %s\n", err);
            if (i == 0)
                printf("collect: %d bundles accepted, %lld answers\n", cr.accepted, cr.answers);
            fflush(stdout);
            _exit(rc == HYS_OK ? 0 : 1);
        }
        struct rusage ru;
        wait4(pid, &status, 0, &ru);
        ct[i] = bench_now_ms() - t0;
        if (ru.ru_maxrss / 1024.0 > peak) peak = ru.ru_maxrss / 1024.0;
    }
    qsort(ct, (size_t)runs, sizeof *ct, bench_cmp);
    printf("collect of %d bundles x %ld answers (%ld answers)    min %7.0f ms   median %7.0f ms"
           "   max %7.0f ms   (%d runs)   peak RSS %5.1f MB\n",
           bundles, per, bundles * per, ct[0], ct[runs / 2], ct[runs - 1], runs, peak);
    free(ct);
    if (!getenv("HYS_BENCH_KEEP")) bench_remove(top);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
