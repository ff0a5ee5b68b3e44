/* report_csv: the tables of answers (answers.csv, sessions.csv,
 * free-text.csv, and the same sheets of answers.xlsx) as rows, streamed
 * from a bundle database to a row sink (see report_private.h); and the CSV
 * files, each with a UTF-8 byte-order mark so that Excel reads every
 * script as it is. */
#include "report_private.h"

#include "../util/alloc.h"
#include "../util/text.h"

#include <stdio.h>
#include <string.h>

int report_is_number(const char *v)
{
    size_t n = strlen(v);
    int digits = 0, points = 0;
    if (n == 0 || n > 8) return 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] >= '0' && v[i] <= '9')
            digits++;
        else if (v[i] == '.')
            points++;
        else if (v[i] != '-' || i > 0)
            return 0;
    }
    return digits > 0 && points <= 1;
}

hys_status report_free_text_rows(out *o, const report_rows *r)
{
    int ok = row_cell(r, "form_id", 0) && row_cell(r, "question", 0) && row_cell(r, "text", 0) &&
             row_end(r);
    /* in the order of the words, never the order they were given in */
    sqlite3_stmt *st = report_prep(o, "SELECT a.form_id, a.question, a.value FROM answers a"
                                      " WHERE " FREE_TEXT("a") " ORDER BY 1, 2, 3");
    int step = SQLITE_ERROR;
    while (ok && st && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; ok && i < 3; i++)
            ok = row_cell(r, report_col(st, i), 0);
        ok = ok && row_end(r);
    }
    sqlite3_finalize(st);
    return ok && step == SQLITE_DONE ? HYS_OK : HYS_EIO;
}

hys_status report_answers_rows(out *o, const report_rows *r)
{
    static const char *const head[] = {"answer_id",    "session_id", "kiosk_id", "form_id",
                                       "form_version", "question",   "value",    "status",
                                       "language",     "period"};
    int ok = 1;
    for (int i = 0; ok && i < 10; i++)
        ok = row_cell(r, head[i], 0);
    ok = ok && row_end(r);
    sqlite3_stmt *st = report_prep(
        o, "SELECT answer_id, session_id, kiosk_id, form_id, form_version,"
           " question, CASE WHEN " FREE_TEXT("answers") " THEN '" HYS_REPORT_FREE_TEXT
                                                        "' ELSE value END, status, language,"
                                                        " period FROM answers ORDER BY rowid");
    int step = SQLITE_ERROR;
    while (ok && st && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; ok && i < 10; i++)
            ok = row_cell(r, report_col(st, i),
                          i == 6 && !strcmp(report_col(st, 7), "answered") &&
                              report_is_number(report_col(st, 6)));
        ok = ok && row_end(r);
    }
    sqlite3_finalize(st);
    return ok && step == SQLITE_DONE ? HYS_OK : HYS_EIO;
}

hys_status report_sessions_rows(out *o, int grouped, const report_rows *r)
{
    /* the questions, in the order residents met them */
    sqlite3_stmt *qs = report_prep(o, grouped ? "SELECT question FROM tally GROUP BY question"
                                                " ORDER BY min(position), question"
                                              : "SELECT question FROM answers GROUP BY question"
                                                " ORDER BY min(position), question");
    char **names = NULL;
    int nq = 0, step = SQLITE_ERROR, ok = qs != NULL;
    while (ok && (step = sqlite3_step(qs)) == SQLITE_ROW) {
        char **more = hys_realloc(names, (size_t)(nq + 1) * sizeof *names);
        char *name = hys_strdup(report_col(qs, 0));
        if (!more || !name) {
            hys_free(name);
            if (more) names = more;
            snprintf(o->err, o->errn, "out of memory");
            ok = 0;
            break;
        }
        names = more;
        names[nq++] = name;
    }
    ok = ok && step == SQLITE_DONE;
    sqlite3_finalize(qs);
    if (ok) {
        ok = row_cell(r, "session_id", 0) && row_cell(r, "kiosk_id", 0) &&
             row_cell(r, "period", 0) && row_cell(r, "completed", 0);
        for (int i = 0; ok && i < nq; i++)
            ok = row_cell(r, names[i], 0);
        ok = ok && row_end(r);
    }
    /* one row a session: its answers come together, in question order */
    /* (answers sorted by session, or as they are when they come session by
     * session: much quicker than each session's answers looked up; a session
     * always has answers in a bundle or a collection) */
#define SESSION_ROWS                                                                               \
    "SELECT a.session_id, s.kiosk_id, s.period, s.completed, a.question,"                          \
    " CASE WHEN " FREE_TEXT("a") " THEN '" HYS_REPORT_FREE_TEXT "' ELSE a.value END, a.status"     \
                                 " FROM answers a JOIN sessions s USING(session_id)"
    sqlite3_stmt *st = ok ? report_prep(o, grouped ? SESSION_ROWS " ORDER BY a.rowid"
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
        if (cur[0] && (!row || strcmp(cur, report_col(st, 0)))) { /* a session is complete */
            ok = row_cell(r, head[0], 0) && row_cell(r, head[1], 0) && row_cell(r, head[2], 0) &&
                 row_cell(r, completed ? "1" : "0", 1);
            for (int i = 0; i < nq; i++) {
                ok = ok &&
                     row_cell(r, owned[i] ? owned[i] : "", owned[i] && report_is_number(owned[i]));
                hys_free(owned[i]);
                owned[i] = NULL;
            }
            ok = ok && row_end(r);
            cur[0] = 0;
            if (!ok) break;
        }
        if (!row) break;
        if (!cur[0]) {
            snprintf(cur, sizeof cur, "%s", report_col(st, 0));
            for (int i = 0; i < 3; i++)
                snprintf(head[i], sizeof head[i], "%s", report_col(st, i));
            completed = sqlite3_column_int(st, 3);
        }
        const char *q = report_col(st, 4), *status = report_col(st, 6);
        for (int i = 0; i < nq; i++)
            if (!strcmp(names[i], q)) {
                hys_free(owned[i]);
                owned[i] = hys_strdup(!strcmp(status, "answered")          ? report_col(st, 5)
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
    return ok ? HYS_OK : HYS_EIO;
}

/* ---- the CSV files ---- */

typedef struct csv_sink {
    FILE *f;
    int first; /* no cell yet on this row */
} csv_sink;

static hys_status csv_cell(void *ud, const char *text, int number)
{
    (void)number;
    csv_sink *c = ud;
    if (!c->first) fputc(',', c->f);
    c->first = 0;
    hys_csv_field(c->f, text); /* (a write that failed shows at the end: report_end) */
    return HYS_OK;
}

static hys_status csv_end_row(void *ud)
{
    csv_sink *c = ud;
    c->first = 1;
    fputs("\r\n", c->f);
    return HYS_OK;
}

typedef enum { CSV_ANSWERS, CSV_SESSIONS, CSV_FREE_TEXT } csv_table;

static hys_status write_csv(const char *db, const char *path, csv_table which, int grouped,
                            char *err, size_t errn)
{
    out o;
    hys_status rc = report_begin(&o, db, path, err, errn);
    if (rc) return rc;
    if (report_typed(&o) != HYS_OK) return report_end(&o, 0);
    csv_sink c = {o.f, 1};
    report_rows rows = {&c, csv_cell, csv_end_row};
    flockfile(o.f); /* (one lock for the whole file: a workbook's thread may be running) */
    fputs(HYS_REPORT_BOM, o.f); /* (Excel then reads UTF-8; others skip it) */
    rc = which == CSV_ANSWERS    ? report_answers_rows(&o, &rows)
         : which == CSV_SESSIONS ? report_sessions_rows(&o, grouped, &rows)
                                 : report_free_text_rows(&o, &rows);
    funlockfile(o.f);
    return report_end(&o, rc == HYS_OK);
}

hys_status hys_report_free_text_csv(const char *db, const char *path, char *err, size_t errn)
{
    return write_csv(db, path, CSV_FREE_TEXT, 0, err, errn);
}

hys_status hys_report_answers_csv(const char *db, const char *path, char *err, size_t errn)
{
    return write_csv(db, path, CSV_ANSWERS, 0, err, errn);
}

hys_status hys_report_sessions_csv(const char *db, const char *path, int grouped, char *err,
                                   size_t errn)
{
    return write_csv(db, path, CSV_SESSIONS, grouped, err, errn);
}
