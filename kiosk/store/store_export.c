/* store_export: which answers an export takes, the bundle database it
 * writes, and marking them exported once the bundle is verified on the
 * stick (see store.h). A second connection to the answers database: the
 * kiosk's writer goes on while an export runs (WAL). */
#include "store.h"
#include "store_private.h"

#include "../util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct hys_store_export {
    sqlite3 *db;
    hys_store_export_info info;
};

/* The bundle database's tables: what a report or a collect reads. */
static const char *const bundle_schema =
    "CREATE TABLE b.forms(form_hash TEXT PRIMARY KEY, form_id TEXT NOT NULL,"
    "  form_version TEXT NOT NULL, title TEXT NOT NULL);"
    "CREATE TABLE b.labels(form_hash TEXT NOT NULL, question TEXT NOT NULL,"
    "  choice TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY(form_hash, question, choice));"
    "CREATE TABLE b.sessions(session_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL,"
    "  form_hash TEXT NOT NULL, period TEXT NOT NULL, completed INTEGER NOT NULL);"
    /* (no index on answer_id: building one for 100,000 answers took a
     * quarter of an export; collect checks every id is new as it merges) */
    "CREATE TABLE b.answers(answer_id TEXT NOT NULL, session_id TEXT NOT NULL,"
    "  kiosk_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version TEXT NOT NULL,"
    "  question TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL,"
    "  status TEXT NOT NULL, language TEXT NOT NULL, period TEXT NOT NULL);";

/* The first column of the first row as text ("" for none or NULL): HYS_OK,
 * or HYS_EIO when it could not be read (out of memory included: never taken
 * for "none"). */
static hys_status text_of(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st;
    out[0] = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return HYS_EIO;
    int rc = sqlite3_step(st), ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        if (v)
            snprintf(out, n, "%s", (const char *)v);
        else
            ok = 0;
    }
    sqlite3_finalize(st);
    return ok ? HYS_OK : HYS_EIO;
}

/* A count into *n: HYS_OK, or HYS_EIO when it could not be read. */
static hys_status count_of(sqlite3 *db, const char *sql, long *n)
{
    char buf[32];
    hys_status rc = text_of(db, sql, buf, sizeof buf);
    if (rc == HYS_OK) *n = atol(buf);
    return rc;
}

hys_store_export *hys_store_export_begin(const char *dir, int full, hys_store_export_info *info,
                                         char *err, size_t errn)
{
    memset(info, 0, sizeof *info);
    if (errn) err[0] = 0;
    hys_store_export *e = hys_calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    /* CREATE: the bundle database is attached and made by this connection */
    if (hys_store_open_db(dir, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &e->db, err, errn)) {
        hys_free(e);
        return NULL;
    }
    /* working tables in memory, and room to read 100,000 answers at once */
    char ignore[64];
    hys_store_exec(e->db, "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-32768", ignore,
                   sizeof ignore);
    /* the set, by rowid, in a table of this connection only */
    char sql[512];
    snprintf(sql, sizeof sql,
             "CREATE TEMP TABLE taken(id INTEGER PRIMARY KEY);"
             "INSERT INTO taken SELECT a.rowid FROM answers a JOIN sessions s USING(session_id)"
             " WHERE s.ended=1%s;",
             full ? "" : " AND a.export_seq IS NULL");
    char seq[32];
    if (hys_store_exec(e->db, "BEGIN", err, errn) != HYS_OK ||
        hys_store_exec(e->db, sql, err, errn) != HYS_OK ||
        text_of(e->db, "SELECT coalesce(max(seq),0)+1 FROM exports", seq, sizeof seq) != HYS_OK ||
        text_of(e->db,
                "SELECT manifest_sha256 FROM exports WHERE seq=(SELECT max(seq) FROM exports)",
                info->prev_manifest, sizeof info->prev_manifest) != HYS_OK ||
        text_of(e->db, "SELECT value FROM meta WHERE key='kiosk_id'", info->kiosk_id,
                sizeof info->kiosk_id) != HYS_OK ||
        text_of(e->db, "SELECT min(period) FROM answers WHERE rowid IN taken", info->period_from,
                sizeof info->period_from) != HYS_OK ||
        text_of(e->db, "SELECT max(period) FROM answers WHERE rowid IN taken", info->period_to,
                sizeof info->period_to) != HYS_OK ||
        hys_store_exec(e->db, "COMMIT", err, errn) != HYS_OK) {
        if (!err[0]) snprintf(err, errn, "cannot read the answers: %s", sqlite3_errmsg(e->db));
        hys_store_export_end(e);
        return NULL;
    }
    info->seq = atoi(seq);
    /* the key the answers' question sets name: one, none, or a clash */
    const char *keys = "SELECT DISTINCT public_key FROM forms WHERE public_key<>'' AND form_hash IN"
                       " (SELECT s.form_hash FROM sessions s JOIN answers a USING(session_id)"
                       " WHERE a.rowid IN taken)";
    char nkeys[32], count[600];
    snprintf(count, sizeof count, "SELECT count(*) FROM (%s)", keys);
    hys_status answers_rc = count_of(e->db, "SELECT count(*) FROM taken", &info->answers);
    hys_status sessions_rc = count_of(e->db,
                                      "SELECT count(DISTINCT session_id) FROM answers"
                                      " WHERE rowid IN taken",
                                      &info->sessions);
    /* (a key not read would mean answers left unsealed: it is an error) */
    if (text_of(e->db, count, nkeys, sizeof nkeys) != HYS_OK ||
        text_of(e->db, keys, info->seal_to, sizeof info->seal_to) != HYS_OK ||
        answers_rc != HYS_OK || sessions_rc != HYS_OK) {
        snprintf(err, errn, "cannot read the answers: %s", sqlite3_errmsg(e->db));
        hys_store_export_end(e);
        return NULL;
    }
    info->seal_clash = atoi(nkeys) > 1;
    e->info = *info;
    return e;
}

hys_status hys_store_export_write_db(hys_store_export *e, const char *path, char *err, size_t errn)
{
    unlink(path); /* a file left by an export that did not finish */
    char *attach = sqlite3_mprintf("ATTACH %Q AS b", path);
    if (!attach) snprintf(err, errn, "out of memory");
    int ok = attach && hys_store_exec(e->db, attach, err, errn) == HYS_OK;
    sqlite3_free(attach);
    if (!ok) return HYS_EIO;
    /* a scratch file, flushed and checked when it is copied to the stick:
     * no journal, no syncing of its own (a stop half-way makes it again) */
    ok = hys_store_exec(e->db, "PRAGMA b.journal_mode=OFF; PRAGMA b.synchronous=OFF", err, errn) ==
             HYS_OK &&
         hys_store_exec(e->db, "BEGIN", err, errn) == HYS_OK &&
         hys_store_exec(e->db, bundle_schema, err, errn) == HYS_OK &&
         hys_store_exec(
             e->db,
             "INSERT INTO b.answers SELECT a.answer_id, a.session_id,"
             " (SELECT value FROM meta WHERE key='kiosk_id'), f.form_id, f.form_version,"
             " a.question, a.position, a.value, a.status, a.language, a.period"
             " FROM answers a JOIN sessions s USING(session_id) JOIN forms f USING(form_hash)"
             " WHERE a.rowid IN taken ORDER BY random();"
             "INSERT INTO b.sessions SELECT s.session_id,"
             " (SELECT value FROM meta WHERE key='kiosk_id'), s.form_hash, s.period, s.completed"
             " FROM sessions s WHERE s.session_id IN (SELECT session_id FROM b.answers)"
             " ORDER BY random();"
             "INSERT INTO b.forms SELECT form_hash, form_id, form_version, title FROM forms"
             " WHERE form_hash IN (SELECT form_hash FROM b.sessions);"
             "INSERT INTO b.labels SELECT * FROM labels" /* the form's order */
             " WHERE form_hash IN (SELECT form_hash FROM b.sessions) ORDER BY rowid;",
             err, errn) == HYS_OK &&
         hys_store_exec(e->db, "COMMIT", err, errn) == HYS_OK;
    if (!ok) {
        char ignore[64];
        hys_store_exec(e->db, "ROLLBACK", ignore, sizeof ignore);
    }
    char ignore[64];
    hys_store_exec(e->db, "DETACH b", ignore, sizeof ignore);
    return ok ? HYS_OK : HYS_EIO;
}

hys_status hys_store_export_commit(hys_store_export *e, const char *manifest_sha256, char *err,
                                   size_t errn)
{
    char *sql = sqlite3_mprintf("BEGIN IMMEDIATE;"
                                "UPDATE answers SET export_seq=%d WHERE rowid IN taken;"
                                "INSERT INTO exports(seq, period, answers, manifest_sha256)"
                                " VALUES(%d, %Q, %ld, %Q);"
                                "COMMIT;",
                                e->info.seq, e->info.seq, e->info.period_to, e->info.answers,
                                manifest_sha256);
    if (!sql) snprintf(err, errn, "out of memory");
    int ok = sql && hys_store_exec(e->db, sql, err, errn) == HYS_OK;
    sqlite3_free(sql);
    if (!ok) {
        char ignore[64];
        hys_store_exec(e->db, "ROLLBACK", ignore, sizeof ignore);
    }
    return ok ? HYS_OK : HYS_EIO;
}

void hys_store_export_end(hys_store_export *e)
{
    if (!e) return;
    sqlite3_close(e->db);
    hys_free(e);
}

hys_status hys_store_read_kiosk_id(const char *dir, char out[40], char *err, size_t errn)
{
    sqlite3 *db;
    out[0] = 0;
    hys_status rc = hys_store_open_db(dir, SQLITE_OPEN_READONLY, &db, err, errn);
    if (rc) return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='kiosk_id'", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out, 40, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!out[0]) {
        snprintf(err, errn, "the kiosk in %s has no id yet (it has never run)", dir);
        return HYS_ENOTFOUND;
    }
    return HYS_OK;
}

hys_status hys_store_unexported(const char *dir, long *n)
{
    sqlite3 *db;
    char err[256];
    hys_status rc = hys_store_open_db(dir, SQLITE_OPEN_READONLY, &db, err, sizeof err);
    if (rc) return rc;
    rc = count_of(db,
                  "SELECT count(*) FROM answers a JOIN sessions s USING(session_id)"
                  " WHERE s.ended=1 AND a.export_seq IS NULL",
                  n);
    sqlite3_close(db);
    return rc;
}

hys_status hys_store_count(const char *dir, const char *today, hys_store_counts *c, char *err,
                           size_t errn)
{
    memset(c, 0, sizeof *c);
    sqlite3 *db;
    hys_status rc = hys_store_open_db(dir, SQLITE_OPEN_READONLY, &db, err, errn);
    if (rc) return rc;
    char *sql = sqlite3_mprintf("SELECT count(*) FROM sessions WHERE period LIKE '%q%%'", today);
    hys_status today_rc = sql ? count_of(db, sql, &c->sessions_today) : HYS_ENOMEM;
    sqlite3_free(sql);
    hys_status sessions_rc = count_of(db, "SELECT count(*) FROM sessions", &c->sessions);
    hys_status answers_rc = count_of(db, "SELECT count(*) FROM answers", &c->answers);
    hys_status unexported_rc =
        count_of(db,
                 "SELECT count(*) FROM answers a JOIN sessions s"
                 " USING(session_id) WHERE s.ended=1 AND a.export_seq IS NULL",
                 &c->unexported);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT question, count(*) FROM answers WHERE status='dont_understand'"
                           " GROUP BY question ORDER BY 2 DESC, 1 LIMIT 5",
                           -1, &st, NULL) == SQLITE_OK)
        while (c->nhard < 5 && sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *q = sqlite3_column_text(st, 0);
            if (!q) break;
            snprintf(c->hard_q[c->nhard], sizeof c->hard_q[0], "%s", (const char *)q);
            c->hard_n[c->nhard++] = sqlite3_column_int64(st, 1);
        }
    sqlite3_finalize(st);
    if (today_rc != HYS_OK || sessions_rc != HYS_OK || answers_rc != HYS_OK ||
        unexported_rc != HYS_OK) {
        snprintf(err, errn, "cannot count the answers: %s", sqlite3_errmsg(db));
        rc = HYS_EIO;
    }
    sqlite3_close(db);
    return rc;
}
