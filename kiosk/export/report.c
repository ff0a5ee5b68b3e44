/* report: CSV files and report.html from a bundle database (see report.h).
 * Everything streams from SQLite; memory is bounded by one question's
 * choices. */
#include "report.h"

#include "../store/store.h"
#include "../util/alloc.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SMALL 5 /* counts under this are shown as "fewer than 5" */

typedef struct out {
    sqlite3 *db;
    FILE *f;
    char *err;
    size_t errn;
    const char *path;
    int venues; /* a collection: each question's answers by venue too */
    /* a collection's release (see release()): counted through this day;
     * held people answered later ("" and 0 when nothing waits) */
    char through[16], held_from[16];
    long held;
} out;

static hys_status begin(out *o, const char *db, const char *path, char *err, size_t errn)
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
    o->f = fopen(path, "wb");
    if (!o->f) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        sqlite3_close(o->db);
        return HYS_EIO;
    }
    return HYS_OK;
}

static hys_status end(out *o, int ok)
{
    if (!ok && !o->err[0])
        snprintf(o->err, o->errn, "cannot read the answers: %s", sqlite3_errmsg(o->db));
    /* (not flushed to the disk here: a bundle's files are copied to the stick
     * and flushed there, a collection's are flushed as they are put in place) */
    int bad = fflush(o->f) != 0 || ferror(o->f);
    if (fclose(o->f) != 0 || bad) {
        if (ok) snprintf(o->err, o->errn, "cannot write %s: %s", o->path, strerror(errno));
        ok = 0;
    }
    sqlite3_close(o->db);
    return ok ? HYS_OK : HYS_EIO;
}

static sqlite3_stmt *prep(out *o, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(o->db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    return st;
}

/* A statement about one question of one set: ?1 is the question, ?2 the set. */
static sqlite3_stmt *prep_q(out *o, const char *sql, const char *form, const char *q)
{
    sqlite3_stmt *st = prep(o, sql);
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
static hys_status tally(out *o)
{
    sqlite3_stmt *st = prep(o, "SELECT 1 FROM sqlite_schema WHERE name='tally'");
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
static hys_status words(out *o)
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

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

/* The questions answered in the resident's own words (a question with no
 * choices in its form), into a table of this connection. HYS_OK, or HYS_EIO
 * (SQLite's words in sqlite3_errmsg). */
static hys_status typed(out *o)
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

/* Is answer a (its columns form_id, question, value, status) free text: a
 * typed answer that is not a short number (up to 8 characters of digits, a
 * sign and a decimal point: an age, a count)? A telephone number or a date
 * of birth is free text. (SQL, for the queries below.) */
#define NUMBER(v)                                                                                  \
    "(length(" v ") <= 8 AND " v " NOT GLOB '*[^0-9.-]*' AND " v " NOT GLOB '?*-*' AND " v         \
    " NOT GLOB '*.*.*' AND " v " GLOB '*[0-9]*')"
#define FREE_TEXT(a)                                                                               \
    "(" a ".status = 'answered' AND " a ".value <> '' AND NOT " NUMBER(                            \
        a ".value") " AND (" a ".form_id, " a                                                      \
                    ".question) IN (SELECT form_id, question FROM typed))"

hys_status hys_report_free_text_csv(const char *db, const char *path, char *err, size_t errn)
{
    out o;
    hys_status rc = begin(&o, db, path, err, errn);
    if (rc) return rc;
    if (typed(&o) != HYS_OK) return end(&o, 0);
    fputs("form_id,question,text\r\n", o.f);
    /* in the order of the words, never the order they were given in */
    sqlite3_stmt *st = prep(&o, "SELECT a.form_id, a.question, a.value FROM answers a"
                                " WHERE " FREE_TEXT("a") " ORDER BY 1, 2, 3");
    int step = SQLITE_ERROR;
    while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 3; i++) {
            if (i) fputc(',', o.f);
            hys_csv_field(o.f, col(st, i));
        }
        fputs("\r\n", o.f);
    }
    sqlite3_finalize(st);
    return end(&o, step == SQLITE_DONE);
}

hys_status hys_report_answers_csv(const char *db, const char *path, char *err, size_t errn)
{
    out o;
    hys_status rc = begin(&o, db, path, err, errn);
    if (rc) return rc;
    if (typed(&o) != HYS_OK) return end(&o, 0);
    fputs("answer_id,session_id,kiosk_id,form_id,form_version,question,value,status,language,"
          "period\r\n",
          o.f);
    sqlite3_stmt *st = prep(
        &o, "SELECT answer_id, session_id, kiosk_id, form_id, form_version,"
            " question, CASE WHEN " FREE_TEXT("answers") " THEN '" HYS_REPORT_FREE_TEXT
                                                         "' ELSE value END, status, language,"
                                                         " period FROM answers ORDER BY rowid");
    int step = SQLITE_ERROR;
    while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 10; i++) {
            if (i) fputc(',', o.f);
            hys_csv_field(o.f, col(st, i));
        }
        fputs("\r\n", o.f);
    }
    sqlite3_finalize(st);
    return end(&o, step == SQLITE_DONE);
}

hys_status hys_report_sessions_csv(const char *db, const char *path, int grouped, char *err,
                                   size_t errn)
{
    out o;
    hys_status rc = begin(&o, db, path, err, errn);
    if (rc) return rc;
    if (typed(&o) != HYS_OK) return end(&o, 0);
    /* the questions, in the order residents met them */
    sqlite3_stmt *qs = prep(&o, grouped ? "SELECT question FROM tally GROUP BY question"
                                          " ORDER BY min(position), question"
                                        : "SELECT question FROM answers GROUP BY question"
                                          " ORDER BY min(position), question");
    char **names = NULL;
    int nq = 0, step = SQLITE_ERROR, ok = qs != NULL;
    while (ok && (step = sqlite3_step(qs)) == SQLITE_ROW) {
        char **more = hys_realloc(names, (size_t)(nq + 1) * sizeof *names);
        char *name = hys_strdup(col(qs, 0));
        if (!more || !name) {
            hys_free(name);
            if (more) names = more;
            snprintf(err, errn, "out of memory");
            ok = 0;
            break;
        }
        names = more;
        names[nq++] = name;
    }
    ok = ok && step == SQLITE_DONE;
    sqlite3_finalize(qs);
    if (ok) {
        fputs("session_id,kiosk_id,period,completed", o.f);
        for (int i = 0; i < nq; i++) {
            fputc(',', o.f);
            hys_csv_field(o.f, names[i]);
        }
        fputs("\r\n", o.f);
    }
    /* one row a session: its answers come together, in question order */
    /* (answers sorted by session, or as they are when they come session by
     * session: much quicker than each session's answers looked up; a session
     * always has answers in a bundle or a collection) */
#define SESSION_ROWS                                                                               \
    "SELECT a.session_id, s.kiosk_id, s.period, s.completed, a.question,"                          \
    " CASE WHEN " FREE_TEXT("a") " THEN '" HYS_REPORT_FREE_TEXT "' ELSE a.value END, a.status"     \
                                 " FROM answers a JOIN sessions s USING(session_id)"
    sqlite3_stmt *st = ok ? prep(&o, grouped ? SESSION_ROWS " ORDER BY a.rowid"
                                             : SESSION_ROWS " ORDER BY a.session_id")
                          : NULL;
    char cur[64] = "";
    const char **cells = hys_calloc(nq > 0 ? (size_t)nq : 1, sizeof *cells);
    char **owned = hys_calloc(nq > 0 ? (size_t)nq : 1, sizeof *owned);
    char head[3][64];
    int completed = 0;
    ok = ok && st && cells && owned;
    for (;;) {
        step = ok ? sqlite3_step(st) : SQLITE_ERROR;
        int row = step == SQLITE_ROW;
        if (cur[0] && (!row || strcmp(cur, col(st, 0)))) { /* a session is complete: write it */
            hys_csv_field(o.f, head[0]);
            fputc(',', o.f);
            hys_csv_field(o.f, head[1]);
            fputc(',', o.f);
            hys_csv_field(o.f, head[2]);
            fprintf(o.f, ",%d", completed);
            for (int i = 0; i < nq; i++) {
                fputc(',', o.f);
                hys_csv_field(o.f, owned[i]);
                hys_free(owned[i]);
                owned[i] = NULL;
            }
            fputs("\r\n", o.f);
            cur[0] = 0;
        }
        if (!row) break;
        if (!cur[0]) {
            snprintf(cur, sizeof cur, "%s", col(st, 0));
            for (int i = 0; i < 3; i++)
                snprintf(head[i], sizeof head[i], "%s", col(st, i));
            completed = sqlite3_column_int(st, 3);
        }
        const char *q = col(st, 4), *status = col(st, 6);
        for (int i = 0; i < nq; i++)
            if (!strcmp(names[i], q)) {
                hys_free(owned[i]);
                owned[i] = hys_strdup(!strcmp(status, "answered")          ? col(st, 5)
                                      : !strcmp(status, "dont_understand") ? "?"
                                                                           : "");
                break;
            }
    }
    ok = ok && step == SQLITE_DONE;
    sqlite3_finalize(st);
    for (int i = 0; i < nq; i++) {
        hys_free(names[i]);
        if (owned) hys_free(owned[i]);
    }
    hys_free(names), hys_free(cells), hys_free(owned);
    return end(&o, ok);
}

/* ---- report.html ---- */

static void html(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

enum { SHOWN = HYS_COUNT_SHOWN, SMALL_COUNT = HYS_COUNT_SMALL, NOT_SHOWN = HYS_COUNT_NOT_SHOWN };

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

/* A count as people should see it: under 5 (zero too) it could point at
 * someone. */
static void count_as(FILE *f, long n, long of, int how)
{
    if (how == NOT_SHOWN)
        fputs("not shown", f);
    else if (how == SMALL_COUNT || n < SMALL)
        fputs("fewer than 5", f);
    else if (of > 0)
        fprintf(f, "%ld (%ld%%)", n, (n * 100 + of / 2) / of);
    else
        fprintf(f, "%ld", n);
}

static void count(FILE *f, long n, long of)
{
    count_as(f, n, of, SHOWN);
}

typedef struct choice {
    char *name, *label;
    long n;
} choice;

/* One bar of a chart: its label, a bar as long as its share, its count. */
static void bar(FILE *f, int i, const char *label, long n, long of, int how)
{
    int y = 8 + i * 44, w = how == SHOWN && n >= SMALL && of > 0
                                ? (int)(n * 360 / of)
                                : 0; /* (room after it for "100 (100%)") */
    fprintf(f, "<text x=\"0\" y=\"%d\">", y + 20);
    html(f, label);
    fprintf(f, "</text><rect x=\"260\" y=\"%d\" width=\"%d\" height=\"28\" class=\"bar\"/>", y, w);
    fprintf(f, "<text x=\"%d\" y=\"%d\">", 268 + w, y + 20);
    count_as(f, n, of, how);
    fputs("</text>", f);
}

/* A question's answers venue by venue (a collection of several venues): a
 * table of counts, each under 5 shown as "fewer than 5". A column adds up
 * to the count in the chart above it, so each column is protected (see
 * hys_report_protect) as a whole. HYS_OK, or HYS_EIO when the answers
 * cannot be read, HYS_ENOMEM. */
#define MAX_VENUES 200
static hys_status by_venue(out *o, const char *form, const char *q, const choice *cs, int nc)
{
    FILE *f = o->f;
    sqlite3_stmt *st = prep(o, "SELECT count(*) FROM kiosks");
    int nv = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (nv < 2 || nv > MAX_VENUES) return HYS_OK; /* one venue: the chart says it all */
    st = prep_q(o,
                "SELECT coalesce(nullif(k.venue,''), k.kiosk_id), t.value, t.n"
                " FROM tally t JOIN kiosks k USING(kiosk_id)"
                " WHERE t.question=? AND t.form_id=? AND t.status='answered' ORDER BY 1",
                form, q);
    if (!st) return HYS_EIO;
    /* every venue's counts first (rows come venue by venue), then the table */
    long(*n)[HYS_MAX_CHOICES] = hys_calloc(MAX_VENUES, sizeof *n);
    unsigned char(*how)[HYS_MAX_CHOICES] = hys_calloc(MAX_VENUES, sizeof *how);
    char(*venue)[256] = hys_calloc(MAX_VENUES, sizeof *venue);
    int rows = -1, step = SQLITE_DONE;
    while (n && how && venue && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (rows < 0 || strcmp(venue[rows], col(st, 0))) {
            if (rows == MAX_VENUES - 1) break;
            snprintf(venue[++rows], sizeof venue[0], "%s", col(st, 0));
        }
        char v[HYS_MAX_CELL_BYTES];
        snprintf(v, sizeof v, "%s", col(st, 1));
        long times = sqlite3_column_int64(st, 2);
        for (char *save = NULL, *w = strtok_r(v, " ", &save); w; w = strtok_r(NULL, " ", &save))
            for (int k = 0; k < nc; k++)
                if (!strcmp(cs[k].name, w)) n[rows][k] += times;
    }
    sqlite3_finalize(st);
    hys_status rc = !n || !how || !venue ? HYS_ENOMEM : step == SQLITE_ERROR ? HYS_EIO : HYS_OK;
    int ok = rc == HYS_OK;
    rows++;
    for (int k = 0; ok && k < nc; k++)
        hys_report_protect(&n[0][k], rows, HYS_MAX_CHOICES, &how[0][k]);
    if (ok) {
        fputs("<table><tr><th>Venue</th>", f);
        for (int k = 0; k < nc; k++) {
            fputs("<th>", f);
            html(f, cs[k].label[0] ? cs[k].label : cs[k].name);
            fputs("</th>", f);
        }
        fputs("</tr>\n", f);
        for (int r = 0; r < rows; r++) {
            fputs("<tr><td>", f);
            html(f, venue[r]);
            fputs("</td>", f);
            for (int k = 0; k < nc; k++) {
                fputs("<td>", f);
                count_as(f, n[r][k], 0, how[r][k]);
                fputs("</td>", f);
            }
            fputs("</tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    hys_free(n);
    hys_free(how);
    hys_free(venue);
    return rc;
}

/* A question's section: its words, its chart, its skip and "did not
 * understand" rates. HYS_OK, or HYS_EIO when it cannot be made (the answers
 * cannot be read, or no memory). */
static hys_status question(out *o, const char *form, const char *q)
{
    FILE *f = o->f;
    /* (a question's words are those of its own question set: two sets may
     * use the same names for different questions) */
    sqlite3_stmt *st = prep_q(o,
                              "SELECT label FROM words WHERE question=?1 AND choice=''"
                              " AND form_id=?2 UNION ALL SELECT ?1 LIMIT 1",
                              form, q);
    if (!st) return HYS_EIO;
    fputs("<section><h2>", f);
    if (sqlite3_step(st) == SQLITE_ROW) html(f, col(st, 0));
    sqlite3_finalize(st);
    fputs("</h2>\n", f);
    long seen = 0, answered = 0, skipped = 0, dont = 0;
    st = prep_q(o,
                "SELECT sum(n), sum(n*(status='answered')), sum(n*(status='skipped')),"
                " sum(n*(status='dont_understand')) FROM tally WHERE question=? AND form_id=?",
                form, q);
    if (!st) return HYS_EIO;
    if (sqlite3_step(st) == SQLITE_ROW) {
        seen = sqlite3_column_int64(st, 0), answered = sqlite3_column_int64(st, 1);
        skipped = sqlite3_column_int64(st, 2), dont = sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    /* its choices (a question with none was answered in words or numbers) */
    choice *cs = NULL;
    int nc = 0, ok = 1;
    st = prep_q(o,
                "SELECT choice, label FROM words WHERE question=? AND choice<>''"
                " AND form_id=? ORDER BY rid",
                form, q);
    if (!st) return HYS_EIO;
    while (ok && sqlite3_step(st) == SQLITE_ROW && nc < HYS_MAX_CHOICES) {
        choice *more = hys_realloc(cs, (size_t)(nc + 1) * sizeof *cs);
        if (!more) {
            ok = 0;
            break;
        }
        cs = more;
        cs[nc].name = hys_strdup(col(st, 0));
        cs[nc].label = hys_strdup(col(st, 1));
        cs[nc].n = 0;
        nc++;
        ok = cs[nc - 1].name && cs[nc - 1].label;
    }
    sqlite3_finalize(st);
    long other = 0;
    if (ok && nc > 0) {
        st = prep_q(o,
                    "SELECT value, n FROM tally WHERE question=?1 AND status='answered'"
                    " AND form_id=?2",
                    form, q);
        if (!st) ok = 0;
        while (ok && sqlite3_step(st) == SQLITE_ROW) {
            /* a "choose several" answer names each choice, space between */
            char v[HYS_MAX_CELL_BYTES];
            snprintf(v, sizeof v, "%s", col(st, 0));
            long times = sqlite3_column_int64(st, 1);
            for (char *save = NULL, *w = strtok_r(v, " ", &save); w;
                 w = strtok_r(NULL, " ", &save)) {
                int k = 0;
                while (k < nc && strcmp(cs[k].name, w))
                    k++;
                if (k < nc)
                    cs[k].n += times;
                else
                    other += times;
            }
        }
        sqlite3_finalize(st);
    }
    if (ok && nc > 0 && answered < HYS_REPORT_MIN_BREAKDOWN) {
        fputs("<p>Fewer than 10 people answered this question, so how they answered is not "
              "shown: with so few, it could point at someone.</p>\n",
              f);
    } else if (ok && nc > 0) {
        int rows = nc + (other ? 1 : 0);
        long n[HYS_MAX_CHOICES + 1];
        unsigned char how[HYS_MAX_CHOICES + 1];
        for (int k = 0; k < nc; k++)
            n[k] = cs[k].n;
        n[nc] = other;
        hys_report_protect(n, rows, 1, how);
        fprintf(f, "<svg viewBox=\"0 0 760 %d\" width=\"760\" height=\"%d\" role=\"img\">",
                16 + rows * 44, 16 + rows * 44);
        for (int k = 0; k < nc; k++)
            bar(f, k, cs[k].label[0] ? cs[k].label : cs[k].name, cs[k].n, answered, how[k]);
        if (other) bar(f, nc, "Other", other, answered, how[nc]);
        fputs("</svg>\n", f);
        if (o->venues) ok = by_venue(o, form, q, cs, nc) == HYS_OK;
    } else if (ok) {
        fputs("<p>Answered in the resident's own words or numbers: ", f);
        count(f, answered, 0);
        fputs(" (in answers.csv).</p>\n", f);
    }
    long rates[3] = {answered, skipped, dont};
    unsigned char rhow[3];
    hys_report_protect(rates, 3, 1, rhow);
    fputs("<p class=\"rates\">Answered: ", f);
    count_as(f, answered, seen, rhow[0]);
    fputs(" &middot; Skipped: ", f);
    count_as(f, skipped, seen, rhow[1]);
    fputs(" &middot; Did not understand the question: ", f);
    count_as(f, dont, seen, rhow[2]);
    fputs("</p></section>\n", f);
    for (int k = 0; k < nc; k++)
        hys_free(cs[k].name), hys_free(cs[k].label);
    hys_free(cs);
    return ok ? HYS_OK : HYS_EIO;
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
static hys_status release(out *o)
{
    char today[32];
    hys_store_period(HYS_PERIOD_DAY, time(NULL), today);
    sqlite3_stmt *st =
        prep(o, "SELECT made, count(*) FROM main.sessions GROUP BY made ORDER BY made");
    long block = 0, total = 0, counted = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const char *day = col(st, 0);
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
    st = prep(o, "SELECT min(made) FROM main.sessions WHERE made > ?");
    if (st) sqlite3_bind_text(st, 1, o->through, -1, SQLITE_STATIC);
    if (st && sqlite3_step(st) == SQLITE_ROW)
        snprintf(o->held_from, sizeof o->held_from, "%s", col(st, 0));
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

hys_status hys_report_html(const char *db, const char *path, int venues, char *err, size_t errn)
{
    out o;
    hys_status rc = begin(&o, db, path, err, errn);
    if (rc) return rc;
    FILE *f = o.f;
    o.venues = venues;
    if ((venues && release(&o) != HYS_OK) || tally(&o) != HYS_OK || words(&o) != HYS_OK)
        return end(&o, 0);
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width\">\n<title>",
          f);
    sqlite3_stmt *st = prep(&o, "SELECT group_concat(title, ' / ') FROM"
                                " (SELECT DISTINCT title FROM forms ORDER BY title)");
    char title[512] = "Have Your Say";
    if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(title, sizeof title, "%s", col(st, 0));
    sqlite3_finalize(st);
    html(f, title);
    fputs(": what people said</title>\n<style>\n"
          "body{font-family:sans-serif;font-size:18px;max-width:52em;margin:1em auto;"
          "padding:0 1em;color:#111;background:#fff}\n"
          "h1{font-size:1.7em}h2{font-size:1.25em;margin-top:1.6em}\n"
          "svg text{font-size:17px;fill:#111}.bar{fill:#0b3d91}\n"
          ".rates{color:#333}table{border-collapse:collapse}"
          "td,th{border:1px solid #999;padding:.3em .6em;text-align:left}\n"
          "</style></head><body>\n<h1>",
          f);
    html(f, title);
    fputs(": what people said</h1>\n", f);
    long sessions = 0;
    st = prep(&o, "SELECT count(*), min(period), max(period) FROM sessions");
    int ok = st != NULL;
    if (ok && sqlite3_step(st) == SQLITE_ROW) {
        sessions = sqlite3_column_int64(st, 0);
        fputs("<p>People who answered: ", f);
        count(f, sessions, 0);
        fputs(". From ", f);
        html(f, col(st, 1));
        fputs(" to ", f);
        html(f, col(st, 2));
        fputs(". Counts under 5 are shown as &ldquo;fewer than 5&rdquo; so that nobody can be "
              "picked out; where a hidden count could be worked out from the others, one more "
              "count is &ldquo;not shown&rdquo;.</p>\n",
              f);
    }
    sqlite3_finalize(st);
    if (venues && o.held > 0) {
        fprintf(f,
                "<p>%ld %s whose answers left their kiosks on %s or later %s not counted here "
                "yet. This report counts answers by the day they left their kiosk, only whole "
                "days that are over, in groups of at least %d people, so that comparing two "
                "reports can never show what one person said; they will be counted once their "
                "day is over and at least %d people have answered.</p>\n",
                o.held, o.held == 1 ? "person" : "people", o.held_from, o.held == 1 ? "is" : "are",
                HYS_REPORT_MIN_BLOCK, HYS_REPORT_MIN_BLOCK);
    }
    if (ok && venues) {
        st =
            prep(&o, "SELECT coalesce(nullif(k.venue,''), k.kiosk_id), coalesce(s.n, 0),"
                     " coalesce(t.n, 0) FROM kiosks k"
                     " LEFT JOIN (SELECT kiosk_id, count(*) AS n FROM sessions GROUP BY kiosk_id) s"
                     " USING(kiosk_id)"
                     " LEFT JOIN (SELECT kiosk_id, sum(n) AS n FROM tally GROUP BY kiosk_id) t"
                     " USING(kiosk_id) ORDER BY 1");
        ok = st != NULL;
        fputs("<h2>Where</h2><table><tr><th>Venue</th><th>People</th><th>Answers</th></tr>\n", f);
        while (ok && sqlite3_step(st) == SQLITE_ROW) {
            fputs("<tr><td>", f);
            html(f, col(st, 0));
            fputs("</td><td>", f);
            count(f, sqlite3_column_int64(st, 1), 0);
            fputs("</td><td>", f);
            count(f, sqlite3_column_int64(st, 2), 0);
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
        sqlite3_finalize(st);
    }
    /* question set by question set (by form id, its versions together); a
     * set's title heads its questions when there are several */
    int nforms = 0, step = SQLITE_DONE;
    st = ok ? prep(&o, "SELECT count(DISTINCT form_id) FROM tally") : NULL;
    if (st && sqlite3_step(st) == SQLITE_ROW) nforms = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_stmt *fs = ok ? prep(&o, "SELECT a.form_id, (SELECT title FROM forms f WHERE"
                                     " f.form_id=a.form_id ORDER BY form_version DESC LIMIT 1)"
                                     " FROM tally a GROUP BY a.form_id ORDER BY 2, 1")
                          : NULL;
    ok = fs != NULL;
    while (ok && (step = sqlite3_step(fs)) == SQLITE_ROW) {
        char form[256];
        snprintf(form, sizeof form, "%s", col(fs, 0));
        if (nforms > 1) {
            fputs("<h1 class=\"set\">", f);
            html(f, col(fs, 1)[0] ? col(fs, 1) : form);
            fputs("</h1>\n", f);
        }
        st = prep(&o, "SELECT question FROM tally WHERE form_id=? GROUP BY question"
                      " ORDER BY min(position), question");
        ok = st != NULL;
        if (st) sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
        int qstep = SQLITE_DONE;
        while (ok && (qstep = sqlite3_step(st)) == SQLITE_ROW) {
            char q[256];
            snprintf(q, sizeof q, "%s", col(st, 0));
            ok = question(&o, form, q) == HYS_OK;
        }
        ok = ok && qstep == SQLITE_DONE;
        sqlite3_finalize(st);
    }
    sqlite3_finalize(fs);
    fputs("</body></html>\n", f);
    return end(&o, ok && step == SQLITE_DONE);
}
