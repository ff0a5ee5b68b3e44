/* store: durable anonymous answers in SQLite (see store.h). */
#include "store.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/limits.h"
#include "../util/text.h"
#include "../util/uuid.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store_private.h"

#define SCHEMA_VERSION 3

typedef enum { OP_BEGIN, OP_ANSWER, OP_WITHDRAW, OP_END, OP_FORM, OP_PROBE } op_kind;

typedef struct op {
    op_kind kind;
    char session[HYS_UUID_LEN];
    char *question, *value, *status, *lang;
    int position, seconds, completed;
    char period[32];
    char *form[5]; /* OP_FORM: id, version, hash, title, public key */
    char **labels; /* OP_FORM: question, choice, label; nlabels triples */
    int nlabels;
} op;

struct hys_store {
    sqlite3 *db;
    hys_period period;
    char kiosk_id[HYS_UUID_LEN];
    char form_hash[65];
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    op *queue;
    int head, count, busy, stopping;
    long failures;
    char why[200]; /* SQLite's words for the last failure */
};

static const char *const migrations[] = {
    /* 1: the first schema */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE forms(form_hash TEXT PRIMARY KEY, form_id TEXT NOT NULL,"
    "  form_version TEXT NOT NULL, title TEXT NOT NULL);"
    "CREATE TABLE sessions(session_id TEXT PRIMARY KEY,"
    "  form_hash TEXT NOT NULL REFERENCES forms(form_hash), period TEXT NOT NULL,"
    "  completed INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE answers(answer_id TEXT PRIMARY KEY,"
    "  session_id TEXT NOT NULL REFERENCES sessions(session_id), question TEXT NOT NULL,"
    "  position INTEGER NOT NULL, value TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK(status IN ('answered','skipped','dont_understand')),"
    "  language TEXT NOT NULL, period TEXT NOT NULL, seconds INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(session_id, question));",
    /* 2: export. Sessions end (a restart ends those left open); answers
     * remember the export that took them; exports chain their manifests;
     * the form's words in its first language go with it into reports */
    "ALTER TABLE sessions ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;"
    "UPDATE sessions SET ended=1;"
    "ALTER TABLE answers ADD COLUMN export_seq INTEGER;"
    "CREATE INDEX answers_unexported ON answers(export_seq);"
    "CREATE TABLE exports(seq INTEGER PRIMARY KEY, period TEXT NOT NULL,"
    "  answers INTEGER NOT NULL, manifest_sha256 TEXT NOT NULL);"
    "CREATE TABLE labels(form_hash TEXT NOT NULL REFERENCES forms(form_hash),"
    "  question TEXT NOT NULL, choice TEXT NOT NULL, label TEXT NOT NULL,"
    "  PRIMARY KEY(form_hash, question, choice));",
    /* 3: a question set's public key goes with it: its answers are sealed
     * to it on export, even after the kiosk moved on to another set */
    "ALTER TABLE forms ADD COLUMN public_key TEXT NOT NULL DEFAULT '';",
};

void hys_store_path(const char *dir, char *out, size_t n)
{
    snprintf(out, n, "%s/answers.sqlite", dir);
}

void hys_store_period(hys_period p, time_t t, char out[32])
{
    struct tm tm;
    localtime_r(&t, &tm);
    if (p == HYS_PERIOD_WEEK) {
        /* the Monday that starts the week */
        int back = (tm.tm_wday + 6) % 7;
        tm.tm_mday -= back;
        tm.tm_hour = 12;
        t = mktime(&tm);
        localtime_r(&t, &tm);
    }
    if (p == HYS_PERIOD_HOUR)
        strftime(out, 32, "%Y-%m-%d %H:00", &tm);
    else
        strftime(out, 32, "%Y-%m-%d", &tm);
}

hys_status hys_store_exec(sqlite3 *db, const char *sql, char *err, size_t errn)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errn, "%s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return HYS_EIO;
    }
    return HYS_OK;
}

/* The integer a PRAGMA gives into *out: HYS_OK, or HYS_EIO when it cannot
 * be read. */
static hys_status pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    *out = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return HYS_EIO;
    hys_status rc = HYS_EIO;
    if (sqlite3_step(st) == SQLITE_ROW) *out = sqlite3_column_int(st, 0), rc = HYS_OK;
    sqlite3_finalize(st);
    return rc;
}

/* Bring the schema to SCHEMA_VERSION. Refuses files that are not ours or
 * newer. HYS_OK, or with err set HYS_EIO when the database cannot be read
 * or written, HYS_EFORMAT when it is another program's or a newer one. */
static hys_status migrate(sqlite3 *db, char *err, size_t errn)
{
    int app, ver;
    hys_status app_rc = pragma_int(db, "PRAGMA application_id", &app);
    hys_status ver_rc = pragma_int(db, "PRAGMA user_version", &ver);
    if (app_rc != HYS_OK || ver_rc != HYS_OK || ver < 0 || app < 0) {
        snprintf(err, errn, "cannot read the database: %s", sqlite3_errmsg(db));
        return HYS_EIO;
    }
    if (ver == 0 && app == 0) {
        sqlite3_stmt *st;
        int tables = 0;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) ==
            SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) tables = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
        if (tables) {
            snprintf(err, errn, "the file is a database of another program; not touched");
            return HYS_EFORMAT;
        }
    } else if (app != APPLICATION_ID) {
        snprintf(err, errn, "the file is a database of another program; not touched");
        return HYS_EFORMAT;
    }
    if (ver > SCHEMA_VERSION) {
        snprintf(err, errn,
                 "the answers were written by a newer version of the kiosk (schema %d); "
                 "install that version",
                 ver);
        return HYS_EFORMAT;
    }
    for (int v = ver; v < SCHEMA_VERSION; v++) {
        char sql[128];
        if (hys_store_exec(db, "BEGIN IMMEDIATE", err, errn) != HYS_OK) return HYS_EIO;
        snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
                 APPLICATION_ID, v + 1);
        if (hys_store_exec(db, migrations[v], err, errn) != HYS_OK ||
            hys_store_exec(db, sql, err, errn) != HYS_OK) {
            char ignore[8];
            hys_store_exec(db, "ROLLBACK", ignore, sizeof ignore);
            return HYS_EIO;
        }
        if (hys_store_exec(db, "COMMIT", err, errn) != HYS_OK) return HYS_EIO;
    }
    return HYS_OK;
}

/* The kiosk's id from the database, made and recorded on first run: HYS_OK,
 * or HYS_EIO with err set. */
static hys_status load_kiosk_id(hys_store *s, char *err, size_t errn)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='kiosk_id'", -1, &st, NULL))
        goto fail;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(s->kiosk_id, sizeof s->kiosk_id, "%s", sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return HYS_OK;
    }
    sqlite3_finalize(st);
    hys_uuid_new(s->kiosk_id);
    if (sqlite3_prepare_v2(s->db, "INSERT INTO meta(key,value) VALUES('kiosk_id',?)", -1, &st,
                           NULL))
        goto fail;
    sqlite3_bind_text(st, 1, s->kiosk_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) return HYS_OK;
fail:
    snprintf(err, errn, "cannot record the kiosk id: %s", sqlite3_errmsg(s->db));
    return HYS_EIO;
}

static void op_free(op *o)
{
    hys_free(o->question), hys_free(o->value), hys_free(o->status), hys_free(o->lang);
    for (int i = 0; i < 5; i++)
        hys_free(o->form[i]);
    for (int i = 0; i < 3 * o->nlabels; i++)
        hys_free(o->labels[i]);
    hys_free(o->labels);
    memset(o, 0, sizeof *o);
}

/* Run sql with n texts and nints integers bound: HYS_OK, or HYS_EIO. */
static hys_status bind_run(sqlite3 *db, const char *sql, int n, const char *const *texts,
                           int ints[], int nints)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return HYS_EIO;
    for (int i = 0; i < n; i++)
        sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_STATIC);
    for (int i = 0; i < nints; i++)
        sqlite3_bind_int(st, n + i + 1, ints[i]);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HYS_OK : HYS_EIO;
}

/* Write one op as one transaction. Runs on the writer thread. HYS_OK, or
 * HYS_EIO (SQLite's reason in sqlite3_errmsg). */
static hys_status apply(hys_store *s, op *o)
{
    sqlite3 *db = s->db;
    switch (o->kind) {
    case OP_FORM: {
        snprintf(s->form_hash, sizeof s->form_hash, "%s", o->form[2]);
        const char *t[] = {o->form[2], o->form[0], o->form[1], o->form[3], o->form[4]};
        char err[256];
        if (hys_store_exec(db, "BEGIN", err, sizeof err) != HYS_OK) return HYS_EIO;
        hys_status rc =
            bind_run(db,
                     "INSERT INTO forms(form_hash,form_id,form_version,title,public_key)"
                     " VALUES(?,?,?,?,?) ON CONFLICT(form_hash) DO NOTHING",
                     5, t, NULL, 0);
        for (int i = 0; rc == HYS_OK && i < o->nlabels; i++) {
            const char *l[] = {o->form[2], o->labels[3 * i], o->labels[3 * i + 1],
                               o->labels[3 * i + 2]};
            rc = bind_run(db,
                          "INSERT OR IGNORE INTO labels(form_hash,question,choice,label)"
                          " VALUES(?,?,?,?)",
                          4, l, NULL, 0);
        }
        hys_status end = hys_store_exec(db, rc == HYS_OK ? "COMMIT" : "ROLLBACK", err, sizeof err);
        return rc != HYS_OK ? rc : end;
    }
    case OP_BEGIN: {
        const char *t[] = {o->session, s->form_hash, o->period};
        return bind_run(db, "INSERT INTO sessions(session_id,form_hash,period) VALUES(?,?,?)", 3, t,
                        NULL, 0);
    }
    case OP_ANSWER: {
        char id[HYS_UUID_LEN];
        hys_uuid_new(id);
        const char *t[] = {id, o->session, o->question, o->value, o->status, o->lang, o->period};
        int ints[] = {o->position, o->seconds};
        return bind_run(db,
                        "INSERT INTO answers(answer_id,session_id,question,value,status,language,"
                        "period,position,seconds) VALUES(?,?,?,?,?,?,?,?,?)"
                        " ON CONFLICT(session_id,question) DO UPDATE SET value=excluded.value,"
                        " status=excluded.status, language=excluded.language,"
                        " seconds=excluded.seconds",
                        7, t, ints, 2);
    }
    case OP_WITHDRAW: {
        const char *t[] = {o->session, o->question};
        return bind_run(db, "DELETE FROM answers WHERE session_id=? AND question=?", 2, t, NULL, 0);
    }
    case OP_END: {
        const char *t[] = {o->session};
        int ints[] = {o->completed};
        return bind_run(db, "UPDATE sessions SET completed=?2, ended=1 WHERE session_id=?1", 1, t,
                        ints, 1);
    }
    case OP_PROBE: /* a small write of its own: can the disk be written to? */
        return bind_run(db, "REPLACE INTO meta(key, value) VALUES('write_check', 'ok')", 0, NULL,
                        NULL, 0);
    }
    return HYS_EIO;
}

static void *writer(void *arg)
{
    hys_store *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (s->count == 0 && !s->stopping)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->count == 0 && s->stopping) break;
        op o = s->queue[s->head];
        s->head = (s->head + 1) % HYS_MAX_STORE_QUEUE;
        s->count--;
        s->busy = 1;
        pthread_mutex_unlock(&s->mu);
        int ok = apply(s, &o) == HYS_OK;
        char why[sizeof s->why];
        if (!ok) {
            snprintf(why, sizeof why, "%s", sqlite3_errmsg(s->db));
            fprintf(stderr, "haveyoursay: could not save %s: %s\n",
                    o.kind == OP_PROBE ? "the write check" : "an answer", why);
        }
        op_free(&o);
        pthread_mutex_lock(&s->mu);
        if (!ok) {
            s->failures++;
            memcpy(s->why, why, sizeof why);
        }
        s->busy = 0;
        pthread_cond_broadcast(&s->cv);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

static void enqueue(hys_store *s, op *o, int ok)
{
    pthread_mutex_lock(&s->mu);
    if (!ok || s->count >= HYS_MAX_STORE_QUEUE) {
        s->failures++;
        snprintf(s->why, sizeof s->why, "%s", ok ? "too many answers waiting" : "out of memory");
        pthread_mutex_unlock(&s->mu);
        fprintf(stderr, "haveyoursay: could not queue an answer (%s)\n",
                ok ? "queue full" : "out of memory");
        op_free(o);
        return;
    }
    s->queue[(s->head + s->count) % HYS_MAX_STORE_QUEUE] = *o;
    s->count++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

hys_store *hys_store_open(const char *dir, hys_period period, char *err, size_t errn)
{
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errn, "cannot make the data folder %s: %s", dir, strerror(errno));
        return NULL;
    }
    /* a folder made by someone else (a package, a script) is the kiosk's
     * own from now on: nobody else reads the answers */
    struct stat sb;
    if (stat(dir, &sb) == 0 && (sb.st_mode & 077) && chmod(dir, 0700) != 0)
        fprintf(stderr, "haveyoursay: warning: the data folder %s can be read by others: %s\n", dir,
                strerror(errno));
    hys_store *s = hys_calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    s->period = period;
    s->queue = hys_calloc(HYS_MAX_STORE_QUEUE, sizeof *s->queue);
    char path[4096];
    hys_store_path(dir, path, sizeof path);
    mode_t old = umask(077);
    int rc = s->queue
                 ? sqlite3_open_v2(
                       path, &s->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL)
                 : SQLITE_NOMEM;
    if (rc != SQLITE_OK) {
        snprintf(err, errn, "cannot open %s: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        umask(old);
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if (hys_store_exec(s->db, "PRAGMA journal_mode=WAL", err, errn) != HYS_OK ||
        hys_store_exec(s->db, "PRAGMA synchronous=FULL", err, errn) != HYS_OK ||
        hys_store_exec(s->db, "PRAGMA foreign_keys=ON", err, errn) != HYS_OK ||
        migrate(s->db, err, errn) != HYS_OK ||
        hys_store_exec(s->db, "UPDATE sessions SET ended=1 WHERE ended=0", err, errn) != HYS_OK ||
        load_kiosk_id(s, err, errn) != HYS_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", err);
        snprintf(err, errn, "%s: %s", path, msg);
        umask(old);
        goto fail;
    }
    umask(old);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (pthread_create(&s->thread, NULL, writer, s) != 0) {
        snprintf(err, errn, "cannot start the writer thread");
        pthread_mutex_destroy(&s->mu);
        pthread_cond_destroy(&s->cv);
        goto fail;
    }
    return s;
fail:
    if (s->db) sqlite3_close(s->db);
    hys_free(s->queue);
    hys_free(s);
    return NULL;
}

void hys_store_close(hys_store *s)
{
    if (!s) return;
    pthread_mutex_lock(&s->mu);
    s->stopping = 1;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    pthread_join(s->thread, NULL);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    sqlite3_close(s->db);
    hys_free(s->queue);
    hys_free(s);
}

const char *hys_store_kiosk_id(const hys_store *s)
{
    return s ? s->kiosk_id : "";
}

void hys_store_set_form(hys_store *s, const hys_store_form *f)
{
    if (!s) return;
    op o = {.kind = OP_FORM};
    o.form[0] = hys_strdup(f->id);
    o.form[1] = hys_strdup(f->version ? f->version : "");
    o.form[2] = hys_strdup(f->hash);
    o.form[3] = hys_strdup(f->title ? f->title : "");
    o.form[4] = hys_strdup(f->public_key ? f->public_key : "");
    int ok = o.form[0] && o.form[1] && o.form[2] && o.form[3] && o.form[4];
    if (ok && f->nlabels > 0) {
        o.labels = hys_calloc((size_t)f->nlabels * 3, sizeof *o.labels);
        ok = o.labels != NULL;
        if (ok) o.nlabels = f->nlabels; /* all NULL until filled: op_free frees them all */
        for (int i = 0; ok && i < f->nlabels; i++) {
            const hys_store_label *l = &f->labels[i];
            o.labels[3 * i] = hys_strdup(l->question);
            o.labels[3 * i + 1] = hys_strdup(l->choice ? l->choice : "");
            o.labels[3 * i + 2] = hys_strdup(l->label ? l->label : "");
            ok = o.labels[3 * i] && o.labels[3 * i + 1] && o.labels[3 * i + 2];
        }
    }
    enqueue(s, &o, ok);
}

static void now_period(hys_store *s, char out[32])
{
    hys_store_period(s->period, time(NULL), out);
}

void hys_store_session_begin(hys_store *s, const char *session_id)
{
    if (!s) return;
    op o = {.kind = OP_BEGIN};
    snprintf(o.session, sizeof o.session, "%s", session_id);
    now_period(s, o.period);
    enqueue(s, &o, 1);
}

void hys_store_answer(hys_store *s, const char *session_id, const char *question, int position,
                      const char *value, const char *status, const char *lang, int seconds)
{
    if (!s) return;
    op o = {.kind = OP_ANSWER, .position = position, .seconds = seconds};
    snprintf(o.session, sizeof o.session, "%s", session_id);
    now_period(s, o.period);
    o.question = hys_strdup(question);
    o.value = hys_strdup(value);
    o.status = hys_strdup(status);
    o.lang = hys_strdup(lang);
    enqueue(s, &o, o.question && o.value && o.status && o.lang);
}

void hys_store_withdraw(hys_store *s, const char *session_id, const char *question)
{
    if (!s) return;
    op o = {.kind = OP_WITHDRAW};
    snprintf(o.session, sizeof o.session, "%s", session_id);
    o.question = hys_strdup(question);
    enqueue(s, &o, o.question != NULL);
}

void hys_store_session_end(hys_store *s, const char *session_id, int completed)
{
    if (!s) return;
    op o = {.kind = OP_END, .completed = completed};
    snprintf(o.session, sizeof o.session, "%s", session_id);
    enqueue(s, &o, 1);
}

void hys_store_flush(hys_store *s)
{
    if (!s) return;
    pthread_mutex_lock(&s->mu);
    while (s->count > 0 || s->busy)
        pthread_cond_wait(&s->cv, &s->mu);
    pthread_mutex_unlock(&s->mu);
}

long hys_store_failures(const hys_store *s)
{
    if (!s) return 0;
    hys_store *m = (hys_store *)s;
    pthread_mutex_lock(&m->mu);
    long f = m->failures;
    pthread_mutex_unlock(&m->mu);
    return f;
}

void hys_store_why(const hys_store *s, char *out, size_t n)
{
    if (!s) {
        snprintf(out, n, "%s", "");
        return;
    }
    hys_store *m = (hys_store *)s;
    pthread_mutex_lock(&m->mu);
    snprintf(out, n, "%s", m->why);
    pthread_mutex_unlock(&m->mu);
}

hys_status hys_store_probe(hys_store *s)
{
    if (!s) return HYS_EIO;
    long before = hys_store_failures(s);
    op o = {.kind = OP_PROBE};
    enqueue(s, &o, 1);
    hys_store_flush(s);
    return hys_store_failures(s) == before ? HYS_OK : HYS_EIO;
}

/* ---- reading answers back ---- */

hys_status hys_store_open_db(const char *dir, int flags, sqlite3 **dbp, char *err, size_t errn)
{
    char path[4096];
    hys_store_path(dir, path, sizeof path);
    *dbp = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(err, errn, "no answers yet: %s does not exist", path);
        return HYS_EIO;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errn, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "no memory");
        sqlite3_close(db);
        return HYS_EIO;
    }
    sqlite3_busy_timeout(db, 5000);
    int app;
    if (pragma_int(db, "PRAGMA application_id", &app) != HYS_OK || app != APPLICATION_ID) {
        snprintf(err, errn, "%s is not a Have Your Say answers database", path);
        sqlite3_close(db);
        return HYS_EIO;
    }
    *dbp = db;
    return HYS_OK;
}

hys_status hys_store_print_answers(const char *dir, FILE *out, char *err, size_t errn)
{
    char path[4096];
    hys_store_path(dir, path, sizeof path);
    sqlite3 *db;
    hys_status rc0 = hys_store_open_db(dir, SQLITE_OPEN_READONLY, &db, err, errn);
    if (rc0) return rc0;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT a.answer_id, a.session_id, (SELECT value FROM meta WHERE key='kiosk_id'),"
        " f.form_id, f.form_version, a.question, a.value, a.status, a.language, a.period"
        " FROM answers a JOIN sessions s USING(session_id) JOIN forms f USING(form_hash)"
        " ORDER BY a.session_id, a.position";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(err, errn, "cannot read %s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return HYS_EIO;
    }
    fputs("answer_id,session_id,kiosk_id,form_id,form_version,question,value,status,language,"
          "period\r\n",
          out);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 10; i++) {
            if (i) fputc(',', out);
            hys_csv_field(out, (const char *)sqlite3_column_text(st, i));
        }
        fputs("\r\n", out);
    }
    hys_status result = HYS_OK;
    if (rc != SQLITE_DONE) {
        snprintf(err, errn, "cannot read %s: %s", path, sqlite3_errmsg(db));
        result = HYS_EIO;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return result;
}
