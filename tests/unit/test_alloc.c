/* test_alloc: any allocation can fail, and nothing breaks. For each of five
 * operations (loading the demo question set from .xlsx and from .csv, a
 * resident's session stored, an export to a stick, a collect), N walks over
 * the operation's allocations (SQLite's and expat's included: alloc.h),
 * failing the Nth, until the operation gets through without reaching N.
 * After each failure: the operation ended in a clean error with a message,
 * or it finished whole; the kiosk's database passes integrity_check; an
 * export either marked nothing or made a bundle collect accepts, and the
 * next export finishes the work; a collect never leaves half its files.
 * Leaks are for the sanitizer run (tests/sanitize) to find.
 * HYS_ALLOC_STEP=K tries every Kth allocation; 1 walks them all (the long
 * run, README "How we test that nothing is lost"); by default (CI) about
 * 150 allocations an operation, evenly spread. */
#include "check.h"

#include "export/enrol.h"
#include "export/export.h"
#include "export/files.h"
#include "export/manifest.h"
#include "export/trust.h"
#include "form/form.h"
#include "store/store.h"
#include "util/alloc.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char top[64];
static long step; /* 0: about 150 tries an operation */

static const char *at(const char *rel)
{
    static char buf[16][512];
    static int k;
    k = (k + 1) % 16;
    snprintf(buf[k], sizeof buf[k], "%s/%s", top, rel);
    return buf[k];
}

static int sh(const char *cmd)
{
    return system(cmd) == 0;
}

/* A folder and everything in it, gone (missing is fine). */
static void gone(const char *path)
{
    char err[300];
    CHECK(hys_dir_remove(path, err, sizeof err) == HYS_OK);
}

/* The operation's complaints about its failures go to a log, not the test's output. */
static int saved_stderr = -1;
static void quiet(int on)
{
    fflush(stderr);
    if (on) {
        saved_stderr = dup(2);
        int fd = open(at("stderr.log"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        close(fd);
    } else {
        dup2(saved_stderr, 2);
        close(saved_stderr);
    }
}

typedef struct walk_stats {
    long tried, errors, whole, allocations;
} walk_stats;

/* One operation under test: setup (not counted), run (the Nth allocation
 * fails), check (nothing broken; hit: the failure happened). */
typedef struct op {
    const char *name;
    void (*setup)(void);
    int (*run)(void); /* 1: it finished, 0: it ended in an error */
    void (*check)(int hit, int finished);
} op;

static void walk(const op *o)
{
    walk_stats w = {0};
    /* once without failures: how many allocations there are to walk */
    if (o->setup) o->setup();
    long before = hys_alloc_count();
    quiet(1);
    int whole = o->run();
    quiet(0);
    w.allocations = hys_alloc_count() - before;
    o->check(0, whole);
    CHECK(whole);
    long k = step > 0 ? step : w.allocations / 150 + 1;
    for (long n = 1;; n += k) {
        if (o->setup) o->setup();
        quiet(1);
        hys_alloc_fail_at(n);
        int finished = o->run();
        int hit = hys_alloc_failed();
        hys_alloc_fail_at(0);
        quiet(0);
        o->check(hit, finished);
        if (!hit) break;
        w.tried++;
        finished ? w.whole++ : w.errors++;
        if (n > 2000000) {
            CHECK(!"an operation that never ends");
            break;
        }
    }
    printf("%-24s %6ld allocations, %5ld failed one at a time (every %ld): %5ld clean errors, "
           "%5ld finished anyway\n",
           o->name, w.allocations, w.tried, k, w.errors, w.whole);
    fflush(stdout);
}

/* ---- loading a question set ---- */

static const char *form_path;
static int want_questions, want_langs;
static hys_diags *diags;
static hys_form *form;
static hys_status form_rc;

static int form_run(void)
{
    diags = hys_diags_create(form_path);
    form = diags ? hys_form_load(form_path, diags, &form_rc) : NULL;
    if (!diags) form_rc = HYS_ENOMEM;
    return form != NULL;
}

static void form_check(int hit, int finished)
{
    if (finished) {
        /* finished whole: never a question set with a part silently missing */
        CHECK(form->nquestions == want_questions && form->nlangs == want_langs);
    } else {
        CHECK(hit);
        CHECK(form_rc != HYS_OK);
    }
    hys_form_destroy(form);
    hys_diags_destroy(diags);
    form = NULL, diags = NULL;
}

/* ---- a resident's session, stored ---- */

static long store_failures;
static int store_opened;
static char store_err[256];

static void store_setup(void)
{
    gone(at("session"));
}

static int store_run(void)
{
    store_err[0] = 0;
    hys_store *s = hys_store_open(at("session"), HYS_PERIOD_HOUR, store_err, sizeof store_err);
    store_opened = s != NULL;
    if (!s) return 0;
    static const hys_store_label labels[] = {{"mood", "", "How do you feel?"},
                                             {"mood", "good", "Good"}};
    hys_store_form f = {"demo", "1", "f00d", "Demo", labels, 2, NULL};
    hys_store_set_form(s, &f);
    const char *sid = "00000000-0000-4000-8000-000000000001";
    hys_store_session_begin(s, sid);
    hys_store_answer(s, sid, "mood", 0, "good", "answered", "en", 2);
    hys_store_answer(s, sid, "why", 1, "", "skipped", "en", 1);
    hys_store_answer(s, sid, "bus", 2, "", "dont_understand", "en", 3);
    hys_store_session_end(s, sid, 1);
    hys_store_flush(s);
    store_failures = hys_store_failures(s);
    hys_store_close(s);
    return store_failures == 0;
}

static long count_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    long n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW)
                n = sqlite3_column_type(st, 0) == SQLITE_TEXT
                        ? !strcmp((const char *)sqlite3_column_text(st, 0), "ok")
                        : sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return n;
}

static void store_check(int hit, int finished)
{
    if (!store_opened) {
        CHECK(hit && store_err[0]); /* a clean error, saying why */
        return;
    }
    char path[600];
    hys_store_path(at("session"), path, sizeof path);
    CHECK(count_sql(path, "PRAGMA integrity_check") == 1);
    long answers = count_sql(path, "SELECT count(*) FROM answers");
    if (finished)
        CHECK(answers == 3); /* nothing failed: everything is there */
    else
        /* what failed was counted (and said); never more than was given */
        CHECK(store_failures > 0 && answers >= 0 && answers <= 3);
}

/* ---- an export ---- */

static char export_err[512];
static hys_export_result export_result;

static void residents(const char *data, int n)
{
    char err[256];
    hys_store *s = hys_store_open(data, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    static const hys_store_label labels[] = {
        {"mood", "", "How do you feel?"}, {"mood", "good", "Good"}, {"mood", "bad", "Bad"}};
    hys_store_form f = {"demo", "1", "f00d", "Demo", labels, 3, NULL};
    hys_store_set_form(s, &f);
    for (int i = 0; i < n; i++) {
        char sid[40];
        snprintf(sid, sizeof sid, "%08x-0000-4000-8000-%012x", (unsigned)rand(), i);
        hys_store_session_begin(s, sid);
        hys_store_answer(s, sid, "mood", 0, i % 3 ? "good" : "bad", "answered", "en", 2);
        hys_store_answer(s, sid, "why", 1, "", "skipped", "en", 3);
        hys_store_session_end(s, sid, 1);
    }
    hys_store_close(s);
}

static hys_trust trust; /* the kiosk (every copy of the template is the same kiosk) */

static void export_setup(void)
{
    gone(at("kiosk"));
    gone(at("stick"));
    gone(at("out"));
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp -a '%s' '%s'", at("kiosk-template"), at("kiosk"));
    CHECK(sh(cmd));
    CHECK(mkdir(at("stick"), 0700) == 0);
    /* staff enrolled the stick, and the office trusts the kiosk */
    char id[40], pk[64], err[256];
    unsigned char sk[64];
    CHECK(hys_store_read_kiosk_id(at("kiosk"), id, err, sizeof err) == HYS_OK);
    CHECK(hys_manifest_key(at("kiosk"), sk, pk, err, sizeof err) == HYS_OK);
    CHECK(hys_trust_add(&trust, id, pk, err, sizeof err) == HYS_OK);
    CHECK(hys_enrol_stick(at("kiosk"), id, at("stick"), err, sizeof err) == HYS_OK);
}

static int export_run(void)
{
    hys_export_options o = {at("kiosk"), at("stick"), "Library", 0, NULL, NULL};
    export_err[0] = 0;
    return hys_export_bundle(&o, &export_result, export_err, sizeof export_err) == HYS_OK;
}

/* Collect the stick into out (no failures now): bundles accepted, rejected. */
static long long collect_stick(const char *stick, const char *out, hys_collect_result *r)
{
    char err[512];
    FILE *log = fopen("/dev/null", "w");
    const char *in[1] = {stick};
    hys_status rc = hys_collect(in, 1, out, NULL, &trust, log, r, err, sizeof err);
    fclose(log);
    CHECK(rc == HYS_OK);
    return rc == HYS_OK ? r->answers : -1;
}

static void export_check(int hit, int finished)
{
    char path[600];
    hys_store_path(at("kiosk"), path, sizeof path);
    CHECK(count_sql(path, "PRAGMA integrity_check") == 1);
    hys_collect_result r;
    long long got = collect_stick(at("stick"), at("out"), &r);
    CHECK(r.rejected == 0);
    long unexported = -1; /* (stays -1 when the answers cannot be read: the checks below fail) */
    hys_store_unexported(at("kiosk"), &unexported);
    if ((finished && (got != 40 || unexported != 0)) ||
        (!finished && ((got != 0 && got != 40) || unexported != 40)))
        fprintf(stderr, "export %s (%s): collect found %lld answers, %ld not marked exported\n",
                finished ? "finished" : "failed", export_err, got, unexported);
    if (finished) {
        /* whole: a bundle collect accepts, and every answer marked */
        CHECK(got == 40 && r.accepted == 1 && unexported == 0);
    } else {
        /* an error with a message and nothing marked; on the stick either
         * no bundle, or (when only the marking failed) a whole one the next
         * export makes again */
        CHECK(hit && export_err[0]);
        CHECK(unexported == 40);
        CHECK((got == 0 && r.accepted == 0) || (got == 40 && r.accepted == 1));
    }
    /* the next export finishes the work: every answer once */
    CHECK(export_run());
    got = collect_stick(at("stick"), at("out"), &r);
    CHECK(got == 40 && r.rejected == 0 && r.gaps == 0 &&
          hys_store_unexported(at("kiosk"), &unexported) == HYS_OK && unexported == 0);
}

/* ---- a collect ---- */

static char collect_err[512];

static void collect_setup(void)
{
    gone(at("office"));
}

static int collect_run(void)
{
    hys_collect_result r;
    FILE *log = fopen("/dev/null", "w");
    const char *in[1] = {at("stick-template")};
    collect_err[0] = 0;
    hys_status rc =
        hys_collect(in, 1, at("office"), NULL, &trust, log, &r, collect_err, sizeof collect_err);
    if (log) fclose(log);
    /* a bundle it could not read for want of memory is a rejected bundle */
    return rc == HYS_OK && r.rejected == 0 && r.answers == 80;
}

static void collect_check(int hit, int finished)
{
    static const char *const files[] = {"answers.csv", "sessions.csv", "data.sqlite",
                                        "report.html"};
    int present = 0;
    for (int i = 0; i < 4; i++) {
        char p[600];
        snprintf(p, sizeof p, "%s/%s", at("office"), files[i]);
        present += access(p, F_OK) == 0;
    }
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls -A '%s' 2>/dev/null | grep -q '^\\.collect-'", at("office"));
    CHECK(!sh(cmd)); /* no working folder left behind */
    if (finished) {
        CHECK(present == 4);
    } else {
        CHECK(hit);
        /* all four files or none of them: a report never beside the wrong data */
        CHECK(present == 0 || present == 4);
        if (present == 4) {
            char p[600];
            snprintf(p, sizeof p, "%s/data.sqlite", at("office"));
            CHECK(count_sql(p, "PRAGMA integrity_check") == 1);
        }
    }
}

int main(void)
{
    CHECK(hys_alloc_route_sqlite() == HYS_OK);
    const char *s = getenv("HYS_ALLOC_STEP");
    if (s && atol(s) > 0) step = atol(s);
    snprintf(top, sizeof top, "/tmp/hys-test-alloc-%d", (int)getpid());
    char err[300];
    gone(top);
    CHECK(hys_dir_make(top, err, sizeof err) == HYS_OK);

    static const char *const forms[] = {HYS_ASSETS "/forms/demo/listening.xlsx",
                                        HYS_ASSETS "/forms/demo/listening.csv"};
    for (int i = 0; i < 2; i++) {
        form_path = forms[i];
        hys_diags *d = hys_diags_create(form_path);
        hys_form *f = hys_form_load(form_path, d, NULL);
        CHECK(f != NULL);
        if (!f) return check_done();
        want_questions = f->nquestions, want_langs = f->nlangs;
        hys_form_destroy(f);
        hys_diags_destroy(d);
        op o = {i ? "question set (.csv)" : "question set (.xlsx)", NULL, form_run, form_check};
        walk(&o);
    }

    op st = {"a session stored", store_setup, store_run, store_check};
    walk(&st);

    residents(at("kiosk-template"), 20);
    op ex = {"an export (40 answers)", export_setup, export_run, export_check};
    walk(&ex);

    /* two bundles of one kiosk to collect */
    export_setup();
    CHECK(export_run());
    residents(at("kiosk"), 20);
    CHECK(export_run());
    CHECK(rename(at("stick"), at("stick-template")) == 0);
    op co = {"a collect (2 bundles)", collect_setup, collect_run, collect_check};
    walk(&co);

    gone(top);
    return check_done();
}
