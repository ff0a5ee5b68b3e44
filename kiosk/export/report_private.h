/* report_private: what the report's files share: report_data.c opens a
 * bundle database, makes the tables it is read through, and counts each
 * question as it may be released; report_csv.c writes the rows of the CSV
 * files, report_html.c the page, workbook.c answers.xlsx. Not for other
 * modules: they use report.h. */
#ifndef HYS_REPORT_PRIVATE_H
#define HYS_REPORT_PRIVATE_H

#include "report.h"

#include <sqlite3.h>
#include <stdio.h>

#define SMALL 5 /* counts under this are shown as "fewer than 5" */

enum { SHOWN = HYS_COUNT_SHOWN, SMALL_COUNT = HYS_COUNT_SMALL, NOT_SHOWN = HYS_COUNT_NOT_SHOWN };

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

/* Open db (read-write, only for the temporary tables and indexes a report
 * reads through) and, when path is not NULL, path to write. HYS_OK, or
 * HYS_EIO with err. */
hys_status report_begin(out *o, const char *db, const char *path, char *err, size_t errn);
/* Close both; ok 0: something failed (err says what, SQLite's words when
 * it says nothing yet). HYS_OK, or HYS_EIO. */
hys_status report_end(out *o, int ok);
/* A connection that keeps little in memory (4 MB of cache; sorts spill to
 * a temporary file): for a workbook made beside the other files, so that
 * the two together stay within a collect's memory. */
void report_lighter(out *o);
sqlite3_stmt *report_prep(out *o, const char *sql);
/* A statement about one question of one set: ?1 is the question, ?2 the set. */
sqlite3_stmt *report_prep_q(out *o, const char *sql, const char *form, const char *q);
/* Column i of a row as text ("" for NULL). */
const char *report_col(sqlite3_stmt *st, int i);
/* The tables a report reads through (see report_data.c): tally, words,
 * typed, and a collection's release. HYS_OK, or HYS_EIO. */
hys_status report_tally(out *o);
hys_status report_words(out *o);
hys_status report_typed(out *o);
hys_status report_release(out *o);

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

/* Where a table's rows go: a CSV file, or a sheet of answers.xlsx. cell:
 * the next cell as text (number: a count or short number, which a
 * spreadsheet keeps as a number); end_row: the row is done. Each returns
 * HYS_OK, or HYS_EIO when it could not write (and the table stops). */
typedef struct report_rows {
    void *ud;
    hys_status (*cell)(void *ud, const char *text, int number);
    hys_status (*end_row)(void *ud);
} report_rows;

/* 1 when the cell (the row's end) went to r. */
static inline int row_cell(const report_rows *r, const char *text, int number)
{
    return r->cell(r->ud, text, number) == HYS_OK;
}

static inline int row_end(const report_rows *r)
{
    return r->end_row(r->ud) == HYS_OK;
}

/* The tables (report_csv.c), a header row then the rows, to r; the table
 * typed must be made. HYS_OK, or HYS_EIO when a read or a write failed. */
hys_status report_answers_rows(out *o, const report_rows *r);
hys_status report_sessions_rows(out *o, int grouped, const report_rows *r);
hys_status report_free_text_rows(out *o, const report_rows *r);
/* 1 when an answer v is a short number (an age, a count: up to 8
 * characters of digits, a leading minus and one point), as NUMBER() says. */
int report_is_number(const char *v);

/* One count of a question as it may be released. */
typedef struct report_count {
    const char *name, *label; /* a choice ("" label: none), or "Other" */
    long n;
    unsigned char how; /* HYS_COUNT_… */
} report_count;

/* One question as a report shows it. */
typedef struct report_question {
    const char *form_id, *form_title; /* its set (the title "" when none) */
    int first_of_set;                 /* the first question of its set */
    int nsets;                        /* how many sets the report holds */
    const char *name, *label;
    long seen, answered, skipped, dont; /* people who met it, and what they did */
    unsigned char rates_how[3];         /* how answered, skipped and dont are shown */
    int ncounts;          /* its choices, and an "Other" last when answers named none */
    report_count *counts; /* (0 counts: answered in words or numbers) */
    int breakdown;        /* its choices' counts may be shown (0: too few people answered) */
} report_question;

/* What the whole report counts. */
typedef struct report_totals {
    long sessions;
    char from[32], to[32]; /* the first and last period */
} report_totals;

hys_status report_totals_get(out *o, report_totals *t);
/* Each question, set by set, in the order residents met them: fn with its
 * counts. The tables must be made (tally, words). HYS_OK, or HYS_EIO,
 * HYS_ENOMEM. */
typedef hys_status (*report_question_fn)(out *o, const report_question *q, void *ud);
hys_status report_walk(out *o, report_question_fn fn, void *ud);

#endif
