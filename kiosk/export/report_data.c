/* report_data: a bundle database read for a report (see report_private.h):
 * the tables it is read through, the release of a collection that grows,
 * and each question counted and protected as it may be shown. Everything
 * streams from SQLite; memory is bounded by one question's choices. */
#include "report_private.h"

#include "../store/store.h"
#include "../util/alloc.h"
#include "../util/limits.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

hys_status report_begin(out *o, const char *db, const char *path, char *err, size_t errn)
{
    memset(o, 0, sizeof *o);
    o->err = err, o->errn = errn, o->path = path;
    /* read-write only to add the index the report's questions read through */
    if (sqlite3_open_v2(db, &o->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        snprintf(err, errn, "cannot open %s: %s", db, o->db ? sqlite3_errmsg(o->db) : "no memory");
        sqlite3_close(o->db);
        return HYS_EIO;
    }
    /* sorting and grouping 100,000s of answers: in memory, 16 MB at most */
    sqlite3_exec(o->db, "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384", NULL, NULL, NULL);
    o->f = path ? fopen(path, "wb") : NULL;
    if (path && !o->f) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        sqlite3_close(o->db);
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_status report_end(out *o, int ok)
{
    if (!ok && !o->err[0])
        snprintf(o->err, o->errn, "cannot read the answers: %s", sqlite3_errmsg(o->db));
    /* (not flushed to the disk here: a bundle's files are copied to the stick
     * and flushed there, a collection's are flushed as they are put in place) */
    int bad = o->f && (fflush(o->f) != 0 || ferror(o->f));
    if (o->f && (fclose(o->f) != 0 || bad)) {
        if (ok) snprintf(o->err, o->errn, "cannot write %s: %s", o->path, strerror(errno));
        ok = 0;
    }
    sqlite3_close(o->db);
    return ok ? HYS_OK : HYS_EIO;
}

void report_lighter(out *o)
{
    sqlite3_exec(o->db, "PRAGMA temp_store=FILE; PRAGMA cache_size=-4096", NULL, NULL, NULL);
}

sqlite3_stmt *report_prep(out *o, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(o->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    return st;
}

/* A statement about one question of one set: ?1 is the question, ?2 the set. */
sqlite3_stmt *report_prep_q(out *o, const char *sql, const char *form, const char *q)
{
    sqlite3_stmt *st = report_prep(o, sql);
    if (st) {
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
    }
    return st;
}

/* The answers counted by (form, question, status, kiosk, value): what the
 * report is made from. A collection keeps this table (collect counts each
 * bundle's new answers as it merges them); for a bundle it is counted here,
 * in one pass, into a table of this connection only. HYS_OK, or HYS_EIO
 * (SQLite's words in sqlite3_errmsg). */
hys_status report_tally(out *o)
{
    sqlite3_stmt *st = report_prep(o, "SELECT 1 FROM sqlite_schema WHERE name='tally'");
    int have = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (have) return HYS_OK;
    return sqlite3_exec(o->db,
                        "CREATE TEMP TABLE tally AS SELECT form_id, question, status, kiosk_id,"
                        " value, min(position) AS position, count(*) AS n FROM answers"
                        " GROUP BY form_id, question, status, kiosk_id, value;"
                        "CREATE INDEX temp.tally_by_question ON tally(question, form_id)",
                        NULL, NULL, NULL) == SQLITE_OK
               ? HYS_OK
               : HYS_EIO;
}

/* The words the report shows for each question and choice, by form id,
 * into a table of this connection. A bundle's are its kiosk's. In a
 * collection each kiosk keeps its own words (collect.c), and where kiosks
 * differ the report shows the words most kiosks give (then the words of
 * the kiosks with most answers): no one kiosk can rename what the others'
 * answers mean. HYS_OK, or HYS_EIO (SQLite's words in sqlite3_errmsg). */
hys_status report_words(out *o)
{
    static const char *const bundle =
        "CREATE TEMP TABLE words AS SELECT f.form_id, l.question, l.choice, min(l.label) AS label,"
        " min(l.rowid) AS rid FROM labels l JOIN forms f USING(form_hash) GROUP BY 1, 2, 3";
    static const char *const collection =
        "CREATE TEMP TABLE words AS"
        " WITH k AS (SELECT kiosk_id, form_id, sum(n) AS n FROM tally GROUP BY 1, 2),"
        " l AS (SELECT l.kiosk_id, f.form_id, l.question, l.choice, l.label, l.rowid AS rid"
        "  FROM labels l JOIN forms f ON f.kiosk_id = l.kiosk_id AND f.form_hash = l.form_hash),"
        " v AS (SELECT form_id, question, choice, label, count(DISTINCT l.kiosk_id) AS kiosks,"
        "  sum(coalesce(k.n, 0)) AS answers, min(rid) AS rid"
        "  FROM l LEFT JOIN k USING(kiosk_id, form_id) GROUP BY 1, 2, 3, 4)"
        " SELECT form_id, question, choice, label, rid FROM (SELECT *, row_number() OVER"
        "  (PARTITION BY form_id, question, choice ORDER BY kiosks DESC, answers DESC, label)"
        "  AS rn FROM v) WHERE rn = 1";
    int made =
        sqlite3_exec(o->db, o->venues ? collection : bundle, NULL, NULL, NULL) == SQLITE_OK &&
        sqlite3_exec(o->db, "CREATE INDEX temp.words_by_question ON words(question, form_id)", NULL,
                     NULL, NULL) == SQLITE_OK;
    return made ? HYS_OK : HYS_EIO;
}

const char *report_col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

/* The questions answered in the resident's own words (a question with no
 * choices in its form), into a table of this connection. HYS_OK, or HYS_EIO
 * (SQLite's words in sqlite3_errmsg). */
hys_status report_typed(out *o)
{
    return sqlite3_exec(o->db,
                        "CREATE TEMP TABLE typed AS SELECT form_id, question FROM"
                        " (SELECT form_id, question FROM answers GROUP BY 1, 2) a"
                        " WHERE NOT EXISTS (SELECT 1 FROM labels l JOIN forms f USING(form_hash)"
                        "  WHERE f.form_id = a.form_id AND l.question = a.question"
                        "  AND l.choice <> '');"
                        "CREATE UNIQUE INDEX temp.typed_key ON typed(form_id, question)",
                        NULL, NULL, NULL) == SQLITE_OK
               ? HYS_OK
               : HYS_EIO;
}

void hys_report_protect(const long *n, int cnt, int stride, unsigned char *how)
{
    int hidden = 0, next = -1;
    for (int i = 0; i < cnt; i++) {
        long v = n[i * stride];
        how[i * stride] = v < SMALL ? SMALL_COUNT : SHOWN;
        hidden += how[i * stride] == SMALL_COUNT;
    }
    for (int i = 0; i < cnt; i++)
        if (how[i * stride] == SHOWN && (next < 0 || n[i * stride] < n[next * stride])) next = i;
    if (hidden == 1 && next >= 0) how[next * stride] = NOT_SHOWN;
}

/* A collection grows: two of its reports, made a day apart, must not give
 * away by their difference what the people in between answered. So a
 * collection's report counts sessions by the day the bundle that brought
 * them was made (a kiosk exporting days late adds to a new day, never to
 * an old one), only days that are over (before today), in blocks of at
 * least HYS_REPORT_MIN_BLOCK people in the order of those days: from one
 * report to the next, what changes is always whole days of at least that
 * many people. The later ones wait. The tables sessions and tally of this
 * connection (temporary ones, which SQLite reads in place of the
 * collection's own) hold only what is counted. HYS_OK, or HYS_EIO (SQLite's
 * words in sqlite3_errmsg), HYS_ENOMEM. */
hys_status report_release(out *o)
{
    char today[32];
    hys_store_period(HYS_PERIOD_DAY, time(NULL), today);
    sqlite3_stmt *st =
        report_prep(o, "SELECT made, count(*) FROM main.sessions GROUP BY made ORDER BY made");
    long block = 0, total = 0, counted = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const char *day = report_col(st, 0);
        long n = sqlite3_column_int64(st, 1);
        total += n;
        if (strcmp(day, today) >= 0) continue; /* not over yet */
        block += n;
        if (block >= HYS_REPORT_MIN_BLOCK) {
            snprintf(o->through, sizeof o->through, "%s", day);
            counted += block;
            block = 0;
        }
    }
    sqlite3_finalize(st);
    o->held = total - counted;
    st = report_prep(o, "SELECT min(made) FROM main.sessions WHERE made > ?");
    if (st) sqlite3_bind_text(st, 1, o->through, -1, SQLITE_STATIC);
    if (st && sqlite3_step(st) == SQLITE_ROW)
        snprintf(o->held_from, sizeof o->held_from, "%s", report_col(st, 0));
    sqlite3_finalize(st);
    char *sql = sqlite3_mprintf(
        "CREATE TEMP TABLE sessions AS SELECT * FROM main.sessions WHERE made <= %Q;"
        "CREATE TEMP TABLE tally AS SELECT form_id, question, status, kiosk_id, value,"
        " min(position) AS position, sum(n) AS n FROM main.tally WHERE day <= %Q"
        " GROUP BY form_id, question, status, kiosk_id, value;"
        "CREATE INDEX temp.tally_by_question ON tally(question, form_id)",
        o->through, o->through);
    if (!sql) return HYS_ENOMEM;
    int ok = sqlite3_exec(o->db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_free(sql);
    return ok ? HYS_OK : HYS_EIO;
}

hys_status report_totals_get(out *o, report_totals *t)
{
    memset(t, 0, sizeof *t);
    sqlite3_stmt *st = report_prep(o, "SELECT count(*), min(period), max(period) FROM sessions");
    int ok = st && sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        t->sessions = sqlite3_column_int64(st, 0);
        snprintf(t->from, sizeof t->from, "%s", report_col(st, 1));
        snprintf(t->to, sizeof t->to, "%s", report_col(st, 2));
    }
    sqlite3_finalize(st);
    return ok ? HYS_OK : HYS_EIO;
}

static void free_counts(report_question *q)
{
    for (int k = 0; k < q->ncounts; k++)
        hys_free((char *)q->counts[k].name), hys_free((char *)q->counts[k].label);
    hys_free(q->counts);
    q->counts = NULL, q->ncounts = 0;
}

/* Question q of set form, counted into rq (its counts to free_counts). */
static hys_status question_counts(out *o, const char *form, const char *q, report_question *rq,
                                  char *label, size_t labeln)
{
    /* (a question's words are those of its own question set: two sets may
     * use the same names for different questions) */
    sqlite3_stmt *st = report_prep_q(o,
                                     "SELECT label FROM words WHERE question=?1 AND choice=''"
                                     " AND form_id=?2 UNION ALL SELECT ?1 LIMIT 1",
                                     form, q);
    if (!st) return HYS_EIO;
    snprintf(label, labeln, "%s", sqlite3_step(st) == SQLITE_ROW ? report_col(st, 0) : q);
    sqlite3_finalize(st);
    rq->label = label;
    st = report_prep_q(o,
                       "SELECT sum(n), sum(n*(status='answered')), sum(n*(status='skipped')),"
                       " sum(n*(status='dont_understand')) FROM tally WHERE question=?"
                       " AND form_id=?",
                       form, q);
    if (!st) return HYS_EIO;
    if (sqlite3_step(st) == SQLITE_ROW) {
        rq->seen = sqlite3_column_int64(st, 0), rq->answered = sqlite3_column_int64(st, 1);
        rq->skipped = sqlite3_column_int64(st, 2), rq->dont = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    long rates[3] = {rq->answered, rq->skipped, rq->dont};
    hys_report_protect(rates, 3, 1, rq->rates_how);
    /* its choices (a question with none was answered in words or numbers),
     * and room for "Other" */
    st = report_prep_q(o,
                       "SELECT choice, label FROM words WHERE question=? AND choice<>''"
                       " AND form_id=? ORDER BY rid",
                       form, q);
    if (!st) return HYS_EIO;
    int ok = 1;
    while (ok && sqlite3_step(st) == SQLITE_ROW && rq->ncounts < HYS_MAX_CHOICES) {
        report_count *more = hys_realloc(rq->counts, (size_t)(rq->ncounts + 2) * sizeof *more);
        if (!more) {
            ok = 0;
            break;
        }
        rq->counts = more;
        report_count *c = &rq->counts[rq->ncounts++];
        c->name = hys_strdup(report_col(st, 0));
        c->label = hys_strdup(report_col(st, 1));
        c->n = 0, c->how = SHOWN;
        ok = c->name && c->label;
    }
    sqlite3_finalize(st);
    if (!ok) return HYS_ENOMEM;
    if (rq->ncounts == 0) return HYS_OK;
    long other = 0;
    st = report_prep_q(o,
                       "SELECT value, n FROM tally WHERE question=?1 AND status='answered'"
                       " AND form_id=?2",
                       form, q);
    if (!st) return HYS_EIO;
    while (sqlite3_step(st) == SQLITE_ROW) {
        /* a "choose several" answer names each choice, space between */
        char v[HYS_MAX_CELL_BYTES];
        snprintf(v, sizeof v, "%s", report_col(st, 0));
        long times = sqlite3_column_int64(st, 1);
        for (char *save = NULL, *w = strtok_r(v, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            int k = 0;
            while (k < rq->ncounts && strcmp(rq->counts[k].name, w))
                k++;
            if (k < rq->ncounts)
                rq->counts[k].n += times;
            else
                other += times;
        }
    }
    sqlite3_finalize(st);
    if (other) { /* (room was made for it) */
        report_count *c = &rq->counts[rq->ncounts++];
        c->name = hys_strdup("");
        c->label = hys_strdup("Other");
        c->n = other, c->how = SHOWN;
        if (!c->name || !c->label) return HYS_ENOMEM;
    }
    rq->breakdown = rq->answered >= HYS_REPORT_MIN_BREAKDOWN;
    long n[HYS_MAX_CHOICES + 1];
    unsigned char how[HYS_MAX_CHOICES + 1];
    for (int k = 0; k < rq->ncounts; k++)
        n[k] = rq->counts[k].n;
    hys_report_protect(n, rq->ncounts, 1, how);
    for (int k = 0; k < rq->ncounts; k++)
        rq->counts[k].how = how[k];
    return HYS_OK;
}

hys_status report_walk(out *o, report_question_fn fn, void *ud)
{
    /* question set by question set (by form id, its versions together) */
    int nsets = 0, step = SQLITE_DONE;
    sqlite3_stmt *st = report_prep(o, "SELECT count(DISTINCT form_id) FROM tally");
    if (st && sqlite3_step(st) == SQLITE_ROW) nsets = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_stmt *fs = report_prep(o, "SELECT a.form_id, (SELECT title FROM forms f WHERE"
                                      " f.form_id=a.form_id ORDER BY form_version DESC LIMIT 1)"
                                      " FROM tally a GROUP BY a.form_id ORDER BY 2, 1");
    hys_status rc = fs ? HYS_OK : HYS_EIO;
    while (!rc && (step = sqlite3_step(fs)) == SQLITE_ROW) {
        char form[256], title[512];
        snprintf(form, sizeof form, "%s", report_col(fs, 0));
        snprintf(title, sizeof title, "%s", report_col(fs, 1));
        st = report_prep(o, "SELECT question FROM tally WHERE form_id=? GROUP BY question"
                            " ORDER BY min(position), question");
        if (!st) rc = HYS_EIO;
        if (st) sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
        int qstep = SQLITE_DONE, first = 1;
        while (!rc && (qstep = sqlite3_step(st)) == SQLITE_ROW) {
            char q[256], label[HYS_MAX_CELL_BYTES + 1];
            snprintf(q, sizeof q, "%s", report_col(st, 0));
            report_question rq;
            memset(&rq, 0, sizeof rq);
            rq.form_id = form, rq.form_title = title, rq.first_of_set = first, rq.nsets = nsets;
            rq.name = q;
            rc = question_counts(o, form, q, &rq, label, sizeof label);
            if (!rc) rc = fn(o, &rq, ud);
            free_counts(&rq);
            first = 0;
        }
        if (!rc && qstep != SQLITE_DONE) rc = HYS_EIO;
        sqlite3_finalize(st);
    }
    if (!rc && step != SQLITE_DONE) rc = HYS_EIO;
    sqlite3_finalize(fs);
    return rc;
}
