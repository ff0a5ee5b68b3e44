/* workbook: answers.xlsx (see report.h), written with libxlsxwriter in its
 * constant-memory mode (rows stream to a temporary file beside the
 * workbook): a Summary sheet with the same counts report.html shows, kept
 * back by the same rules, and a native bar chart a question; the Sessions,
 * Answers and Free text sheets with the rows of the CSV files; an About
 * sheet in plain words. Every text is written as text, never as a formula
 * or a date; counts and short numbers as numbers. */
#include "report_private.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <libgen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define SUMMARY "Summary"
#define CHART_ROWS 15    /* rows a question's block takes at least: its chart's height */
#define SUMMARY_WORDS 52 /* characters in a line of the Summary's first column */
#define ABOUT_WORDS 88   /* ... and of the About sheet's */
/* The Answers sheet (one row an answer) is left out of a workbook of more
 * answers than this: it is three quarters of a big workbook's bytes and
 * time (100,000 answers: 2.2 s and 5.9 MB with it, 1.1 s and 1.4 MB
 * without), the Sessions sheet holds the same answers a person a row, and
 * answers.csv has them one a row. */
#define ANSWERS_SHEET_MAX 20000
/* ... and the Free text sheet of more free texts than this (a sheet people
 * read through, not filter: free-text.csv has them all) */
#define FREE_TEXT_SHEET_MAX 100000

typedef struct book {
    lxw_workbook *wb;
    lxw_format *bold, *head, *wrap, *pct, *title, *count;
} book;

/* ---- the sheets of rows (Sessions, Answers, Free text) ---- */

typedef struct sheet_sink {
    lxw_worksheet *ws;
    const book *b;
    lxw_row_t row;
    lxw_col_t col, cols;
    int full;           /* the sheet holds as many rows as Excel can: the rest are left out */
    long left_out;      /* rows not written for that */
    double width[1024]; /* each column's widest cell, in characters (for its width) */
} sheet_sink;

/* Characters in s (its width, roughly, in a spreadsheet's columns). */
static int chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* 1 when text as a number reads back as text (not "007", "-0" or "1.50",
 * which a number would change). */
static int same_number(const char *text)
{
    char back[64];
    snprintf(back, sizeof back, "%.15g", strtod(text, NULL));
    return !strcmp(back, text);
}

static hys_status sheet_cell(void *ud, const char *text, int number)
{
    sheet_sink *s = ud;
    if (s->full) return HYS_OK;
    lxw_error e;
    if (number && same_number(text))
        e = worksheet_write_number(s->ws, s->row, s->col, strtod(text, NULL), NULL);
    else if (*text) /* (as text: "=1+1" stays words, 2026-12 stays a period) */
        e = worksheet_write_string(s->ws, s->row, s->col, text, s->row == 0 ? s->b->head : NULL);
    else
        e = LXW_NO_ERROR;
    if (s->col < 1024 && chars(text) > s->width[s->col]) s->width[s->col] = chars(text);
    s->col++;
    if (s->col > s->cols) s->cols = s->col;
    return e == LXW_NO_ERROR ? HYS_OK : HYS_EIO;
}

static hys_status sheet_end_row(void *ud)
{
    sheet_sink *s = ud;
    if (s->full) {
        s->left_out++;
        return HYS_OK;
    }
    s->row++, s->col = 0;
    if (s->row >= LXW_ROW_MAX) s->full = 1; /* (Excel's 1,048,576 rows) */
    return HYS_OK;
}

/* A sheet of one of the tables: frozen header row, a filter on it, and
 * columns as wide as their words (within reason). HYS_OK, HYS_ENOMEM, or
 * HYS_EIO. */
static hys_status rows_sheet(out *o, const book *b, const char *name, int which, int grouped,
                             long *left_out)
{
    sheet_sink *s = hys_calloc(1, sizeof *s);
    if (!s) return HYS_ENOMEM;
    s->b = b;
    s->ws = workbook_add_worksheet(b->wb, name);
    report_rows r = {s, sheet_cell, sheet_end_row};
    hys_status rc = !s->ws       ? HYS_EIO
                    : which == 0 ? report_sessions_rows(o, grouped, &r)
                    : which == 1 ? report_answers_rows(o, &r)
                                 : report_free_text_rows(o, &r);
    int ok = rc == HYS_OK;
    if (ok) {
        worksheet_freeze_panes(s->ws, 1, 0);
        worksheet_set_landscape(s->ws);
        worksheet_repeat_rows(s->ws, 0, 0); /* (printed: the header on every page) */
        if (s->cols > 0)
            worksheet_autofilter(s->ws, 0, 0, s->row > 0 ? s->row - 1 : 0, s->cols - 1);
        for (lxw_col_t c = 0; c < s->cols && c < 1024; c++) {
            double w = s->width[c] + 2;
            worksheet_set_column(s->ws, c, c, w < 10 ? 10 : w > 60 ? 60 : w, NULL);
        }
    }
    *left_out = s->left_out;
    hys_free(s);
    return rc;
}

/* ---- Summary ---- */

typedef struct summary {
    const book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
    int ncharts;
} summary;

/* A row of wrapped words is as tall as its lines (a spreadsheet does not
 * measure them when it opens the file: they would cover the next row). */
static void fit_row(lxw_worksheet *ws, lxw_row_t row, const char *text, int width, lxw_format *f)
{
    int lines = (chars(text) + width - 1) / width;
    if (lines > 1) worksheet_set_row(ws, row, 15.0 * lines, f);
}

static void put(summary *s, lxw_col_t c, const char *text, lxw_format *f)
{
    if (c == 0) fit_row(s->ws, s->row, text, SUMMARY_WORDS, NULL);
    worksheet_write_string(s->ws, s->row, c, text, f);
}

/* A count as report.html shows it: the number, or why it is not shown. */
static void put_count(summary *s, lxw_col_t c, long n, long of, int how)
{
    if (how == NOT_SHOWN) {
        put(s, c, "not shown", s->b->count);
    } else if (how == SMALL_COUNT || n < SMALL) {
        put(s, c, "fewer than 5", s->b->count);
    } else {
        worksheet_write_number(s->ws, s->row, c, (double)n, NULL);
        /* (the whole per cent report.html shows, never the exact share: that
         * would give the total away, and with it a hidden count) */
        if (of > 0)
            worksheet_write_number(s->ws, s->row, c + 1, (double)((n * 100 + of / 2) / of) / 100,
                                   s->b->pct);
    }
}

static hys_status summary_question(out *o, const report_question *q, void *ud)
{
    (void)o;
    summary *s = ud;
    if (q->nsets > 1 && q->first_of_set) {
        s->row++;
        put(s, 0, q->form_title[0] ? q->form_title : q->form_id, s->b->title);
        s->row++;
    }
    lxw_row_t top = s->row;
    put(s, 0, q->label, s->b->bold);
    s->row++;
    int nc = q->ncounts;
    if (nc > 0 && !q->breakdown) {
        put(s, 0,
            "Fewer than 10 people answered this question, so how they answered is not shown: "
            "with so few, it could point at someone.",
            s->b->wrap);
        s->row++;
    } else if (nc > 0) {
        put(s, 0, "Answer", s->b->head), put(s, 1, "People", s->b->head);
        put(s, 2, "Per cent", s->b->head);
        s->row++;
        lxw_row_t first = s->row;
        for (int k = 0; k < nc; k++, s->row++) {
            const report_count *c = &q->counts[k];
            put(s, 0, c->label[0] ? c->label : c->name, NULL);
            put_count(s, 1, c->n, q->answered, c->how);
        }
        /* its chart beside it: a bar for each answer, as report.html draws */
        lxw_chart *ch = workbook_add_chart(s->b->wb, LXW_CHART_BAR);
        lxw_chart_series *se = ch ? chart_add_series(ch, NULL, NULL) : NULL;
        if (se) {
            chart_series_set_categories(se, SUMMARY, first, 0, s->row - 1, 0);
            chart_series_set_values(se, SUMMARY, first, 1, s->row - 1, 1);
            chart_series_set_name(se, "People");
            chart_title_set_name(ch, q->label);
            lxw_chart_font font = {.size = 10, .bold = LXW_TRUE};
            chart_title_set_name_font(ch, &font);
            chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
            chart_axis_set_reverse(ch->y_axis); /* (the first answer at the top) */
            chart_axis_set_min(ch->x_axis, 0);
            lxw_chart_options opt = {
                .x_offset = 8, .y_offset = 4, .x_scale = 1.2, .description = (char *)q->label};
            worksheet_insert_chart_opt(s->ws, top, 4, ch, &opt);
            s->ncharts++;
        }
    } else {
        put(s, 0, "Answered in the resident's own words or numbers (see the Answers sheet)",
            s->b->wrap);
        s->row++;
    }
    static const char *const rates[3] = {"Answered", "Skipped", "Did not understand the question"};
    long n[3] = {q->answered, q->skipped, q->dont};
    for (int i = 0; i < 3; i++, s->row++) {
        put(s, 0, rates[i], NULL);
        put_count(s, 1, n[i], q->seen, q->rates_how[i]);
    }
    if (nc > 0 && q->breakdown && s->row < top + CHART_ROWS) s->row = top + CHART_ROWS;
    s->row++;
    return HYS_OK;
}

static hys_status summary_sheet(out *o, const book *b, const report_totals *t, int *ncharts)
{
    summary s = {b, workbook_add_worksheet(b->wb, SUMMARY), 0, 0};
    if (!s.ws) return HYS_EIO;
    worksheet_set_column(s.ws, 0, 0, SUMMARY_WORDS + 4, b->wrap);
    /* printed: across, one page wide with its charts */
    worksheet_set_landscape(s.ws);
    worksheet_fit_to_pages(s.ws, 1, 0);
    worksheet_set_column(s.ws, 1, 2, 12, NULL);
    worksheet_set_column(s.ws, 3, 3, 3, NULL);
    sqlite3_stmt *st = report_prep(o, "SELECT group_concat(title, ' / ') FROM"
                                      " (SELECT DISTINCT title FROM forms ORDER BY title)");
    char title[600] = "Have Your Say";
    if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(title, sizeof title, "%s", report_col(st, 0));
    sqlite3_finalize(st);
    char line[700];
    snprintf(line, sizeof line, "%s: what people said", title);
    put(&s, 0, line, b->title);
    s.row++;
    if (t->sessions == 0)
        snprintf(line, sizeof line, "No one is counted here yet.");
    else if (t->sessions < SMALL)
        snprintf(line, sizeof line, "People who answered: fewer than 5, from %s to %s.", t->from,
                 t->to);
    else
        snprintf(line, sizeof line, "People who answered: %ld, from %s to %s.", t->sessions,
                 t->from, t->to);
    put(&s, 0, line, NULL);
    s.row++;
    if (o->held > 0) { /* (a collection: what waits, as report.html says it) */
        snprintf(line, sizeof line,
                 "%ld %s whose answers left their kiosks on %s or later %s not counted here yet: "
                 "this sheet counts whole days that are over, in groups of at least %d people "
                 "(About says why).",
                 o->held, o->held == 1 ? "person" : "people", o->held_from,
                 o->held == 1 ? "is" : "are", HYS_REPORT_MIN_BLOCK);
        put(&s, 0, line, b->wrap);
        s.row++;
    }
    put(&s, 0,
        "Counts under 5 are shown as \"fewer than 5\" so that nobody can be picked out; where a "
        "hidden count could be worked out from the others, one more count is \"not shown\". "
        "Per cent: of the people who answered the question.",
        b->wrap);
    s.row += 2;
    hys_status rc = report_walk(o, summary_question, &s);
    *ncharts = s.ncharts;
    return rc;
}

/* ---- About ---- */

static hys_status about_sheet(out *o, const out *released, const book *b, const report_totals *t,
                              const char *signature, const long left_out[3], long answers,
                              long texts)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "About");
    if (!ws) return HYS_EIO;
    worksheet_set_column(ws, 0, 0, ABOUT_WORDS + 5, b->wrap);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_row_t r = 0;
    char line[1200];
#define LINE(f, ...)                                                                               \
    do {                                                                                           \
        snprintf(line, sizeof line, __VA_ARGS__);                                                  \
        fit_row(ws, r, line, ABOUT_WORDS, NULL);                                                   \
        worksheet_write_string(ws, r++, 0, line, (f) ? (f) : b->wrap);                             \
    } while (0)
    LINE(b->title, "About these answers");
    LINE(NULL, "What people said at Have Your Say kiosks. Nothing here says who anyone is: "
               "the kiosk never asks for names, and keeps no times, only the period.");
    if (t->sessions < SMALL) /* (as every count: fewer than 5 could point at someone) */
        LINE(NULL, "People who answered: fewer than 5. Periods: from %s to %s.", t->from, t->to);
    else
        LINE(NULL, "People who answered: %ld. Periods: from %s to %s.", t->sessions, t->from,
             t->to);
    r++;
    LINE(b->bold, "Kiosks");
    sqlite3_stmt *st = report_prep(o, "SELECT 1 FROM sqlite_schema WHERE name='kiosks'");
    int have_kiosks = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    st = report_prep(o, have_kiosks
                            ? "SELECT k.kiosk_id, k.venue, (SELECT count(*) FROM sessions s"
                              " WHERE s.kiosk_id = k.kiosk_id) FROM kiosks k ORDER BY 2, 1"
                            : "SELECT kiosk_id, '', count(*) FROM sessions GROUP BY 1 ORDER BY 1");
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        long n = sqlite3_column_int64(st, 2);
        char people[32];
        snprintf(people, sizeof people, n < SMALL ? "fewer than 5" : "%ld", n);
        LINE(NULL, "%s%s%s: %s people", report_col(st, 1),
             report_col(st, 1)[0] ? ", kiosk " : "Kiosk ", report_col(st, 0), people);
    }
    sqlite3_finalize(st);
    if (released->held > 0)
        LINE(b->wrap,
             "%ld people whose answers left their kiosks on %s or later are not counted on the "
             "Summary sheet yet: it counts whole days that are over, in groups of at least %d "
             "people, so that comparing two workbooks can never show what one person said.",
             released->held, released->held_from, HYS_REPORT_MIN_BLOCK);
    r++;
    LINE(b->bold, "Where these answers come from");
    LINE(b->wrap, "%s", signature && *signature ? signature : "Made on this computer.");
    r++;
    LINE(b->bold, "How to read the sheets");
    LINE(b->wrap, "Summary: each question, how many people gave each answer, the per cent, and a "
                  "chart. A count under 5 is shown as \"fewer than 5\", and a question fewer than "
                  "10 people answered shows no breakdown: with so few, a count could point at "
                  "someone.");
    LINE(b->wrap, "Sessions: one row for each person, one column for each question (its name). "
                  "Empty: skipped; ?: did not understand the question.");
    if (answers <= ANSWERS_SHEET_MAX)
        LINE(b->wrap, "Answers: one row for each answer, as answers.csv.");
    else
        LINE(b->wrap,
             "There is no Answers sheet: with %ld answers it would make this workbook slow to "
             "open. answers.csv, beside it, has one row for each answer; the Sessions sheet has "
             "the same answers, one row for each person.",
             answers);
    LINE(b->wrap, "Free text: what people wrote in their own words, in the order of the words "
                  "and with nothing that ties it to a person, a time or a language. Read it, and "
                  "take out anything that names someone, before it goes further. On the other "
                  "sheets such words show as \"" HYS_REPORT_FREE_TEXT "\".");
    if (texts > FREE_TEXT_SHEET_MAX)
        LINE(b->wrap,
             "There is no Free text sheet: %ld answers in people's own words are more than a "
             "sheet is read through. free-text.csv, beside this workbook, has them all.",
             texts);
    static const char *const names[3] = {"Sessions", "Answers", "Free text"};
    for (int i = 0; i < 3; i++)
        if (left_out[i] > 0)
            LINE(b->wrap,
                 "The %s sheet holds as many rows as Excel can (1,048,576); %ld more are in the "
                 "CSV file beside this workbook.",
                 names[i], left_out[i]);
#undef LINE
    return HYS_OK;
}

hys_status hys_report_workbook(const char *db, const char *path, int venues, const char *signature,
                               char *err, size_t errn)
{
    /* two readings of db: the Summary's, of what may be released (as
     * report.html: a collection's whole days that are over), and the rows',
     * all of them (as the CSV files) */
    out o, rows;
    hys_status rc = report_begin(&o, db, NULL, err, errn);
    if (rc) return rc;
    report_lighter(&o);
    o.venues = venues;
    if ((venues && report_release(&o) != HYS_OK) || report_tally(&o) != HYS_OK ||
        report_words(&o) != HYS_OK)
        return report_end(&o, 0);
    if ((rc = report_begin(&rows, db, NULL, err, errn)) != HYS_OK) {
        report_end(&o, 1);
        return rc;
    }
    report_lighter(&rows);
    if (report_typed(&rows) != HYS_OK) {
        report_end(&o, 1);
        return report_end(&rows, 0);
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    /* (rows wait in temporary files beside the workbook, never in memory) */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = dirname(dir)};
    book b = {workbook_new_opt(path, &opt), NULL, NULL, NULL, NULL, NULL, NULL};
    int ok = b.wb != NULL;
    if (!ok) snprintf(err, errn, "cannot make %s", path);
    if (ok) {
        b.bold = workbook_add_format(b.wb), b.head = workbook_add_format(b.wb);
        b.wrap = workbook_add_format(b.wb), b.pct = workbook_add_format(b.wb);
        b.title = workbook_add_format(b.wb), b.count = workbook_add_format(b.wb);
        format_set_align(b.count, LXW_ALIGN_RIGHT); /* ("fewer than 5" beside the numbers) */
        format_set_bold(b.bold), format_set_text_wrap(b.bold);
        format_set_bold(b.head);
        format_set_text_wrap(b.wrap);
        format_set_num_format(b.pct, "0%");
        format_set_bold(b.title), format_set_font_size(b.title, 14);
        lxw_doc_properties props = {.title = "What people said", .author = "Have Your Say"};
        workbook_set_properties(b.wb, &props);
        report_totals t, all;
        long left_out[3] = {0, 0, 0};
        int ncharts = 0;
        long answers = 0, texts = 0;
        sqlite3_stmt *st =
            report_prep(&rows, "SELECT count(*), sum(" FREE_TEXT("a") ") FROM answers a");
        if (st && sqlite3_step(st) == SQLITE_ROW)
            answers = sqlite3_column_int64(st, 0), texts = sqlite3_column_int64(st, 1);
        sqlite3_finalize(st);
        ok = report_totals_get(&o, &t) == HYS_OK && report_totals_get(&rows, &all) == HYS_OK &&
             summary_sheet(&o, &b, &t, &ncharts) == HYS_OK &&
             rows_sheet(&rows, &b, "Sessions", 0, venues, &left_out[0]) == HYS_OK &&
             (answers > ANSWERS_SHEET_MAX ||
              rows_sheet(&rows, &b, "Answers", 1, 0, &left_out[1]) == HYS_OK) &&
             (texts > FREE_TEXT_SHEET_MAX ||
              rows_sheet(&rows, &b, "Free text", 2, 0, &left_out[2]) == HYS_OK) &&
             about_sheet(&rows, &o, &b, &all, signature, left_out, answers, texts) == HYS_OK;
        lxw_error e = workbook_close(b.wb);
        if (ok && e != LXW_NO_ERROR) {
            snprintf(err, errn, "cannot write %s: %s", path, lxw_strerror(e));
            ok = 0;
        }
    }
    hys_status r1 = report_end(&rows, ok);
    hys_status r2 = report_end(&o, ok);
    return r1 ? r1 : r2;
}

/* ---- made beside the other files ---- */

struct hys_report_job {
    pthread_t thread;
    int started;
    char *db, *path, *signature;
    int venues;
    hys_status rc;
    char err[512];
};

static void *job_run(void *ud)
{
    hys_report_job *j = ud;
    j->rc = hys_report_workbook(j->db, j->path, j->venues, j->signature, j->err, sizeof j->err);
    return NULL;
}

hys_report_job *hys_report_workbook_begin(const char *db, const char *path, int venues,
                                          const char *signature)
{
    hys_report_job *j = hys_calloc(1, sizeof *j);
    if (!j) return NULL;
    j->db = hys_strdup(db), j->path = hys_strdup(path);
    j->signature = hys_strdup(signature ? signature : "");
    j->venues = venues;
    j->rc = HYS_ENOMEM;
    if (j->db && j->path && j->signature)
        j->started = pthread_create(&j->thread, NULL, job_run, j) == 0;
    if (j->db && j->path && j->signature && !j->started) /* (no thread: made here) */
        job_run(j);
    return j;
}

hys_status hys_report_workbook_end(hys_report_job *j, char *err, size_t errn)
{
    if (!j) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    if (j->started) pthread_join(j->thread, NULL);
    hys_status rc = j->rc;
    if (rc) snprintf(err, errn, "%s", j->err[0] ? j->err : "out of memory");
    hys_free(j->db), hys_free(j->path), hys_free(j->signature);
    hys_free(j);
    return rc;
}
