/* report: the files people open, made from a bundle database (the tables
 * forms, labels, sessions, answers of data.sqlite, and for a collection
 * also kiosks): answers.csv, sessions.csv (one row a session, one column a
 * question: what Excel users want) and report.html (one self-contained page
 * with no scripts: a bar chart a question, skip and "I don't understand"
 * rates, and every count under 5 shown as "fewer than 5", with any count
 * that would give one away by subtraction "not shown"). */
#ifndef HYS_REPORT_H
#define HYS_REPORT_H

#include "../util/status.h"

#include <stddef.h>

/* Each CSV file starts with it (UTF-8's byte-order mark): Excel on Windows
 * then reads Welsh, Polish, Urdu, Bengali … as they are, not as the local
 * code page; Python's utf-8-sig, R and LibreOffice read them as before. */
#define HYS_REPORT_BOM "\xEF\xBB\xBF"
/* What answers.csv and sessions.csv show in place of an answer in the
 * resident's own words: such words can name them, so they go alone into
 * free-text.csv, away from the session, time and language. */
#define HYS_REPORT_FREE_TEXT "(in free-text.csv)"
/* free-text.csv: form_id, question, text: every typed answer that is not a
 * number, in the order of the words (never the order given), with nothing
 * that ties it to a session, a time or a language: to read, and to remove
 * anything that names someone, before it goes further. */
hys_status hys_report_free_text_csv(const char *db, const char *out, char *err, size_t errn);
/* answers.csv: the columns of `haveyoursay answers`, rows in the database's
 * order: shuffled in a bundle; in a collection, bundle by bundle, each
 * session's answers together. */
hys_status hys_report_answers_csv(const char *db, const char *out, char *err, size_t errn);
/* sessions.csv: session_id, kiosk_id, period, completed, then a column a
 * question (by its name): the answer, empty when skipped, "?" when the
 * resident did not understand it. grouped: the database is a collection,
 * whose answers come session by session and which has the table tally
 * (see hys_report_html). */
hys_status hys_report_sessions_csv(const char *db, const char *out, int grouped, char *err,
                                   size_t errn);
/* How a count is shown in report.html: itself, hidden because it could
 * point at someone (under 5), or hidden because it would give such a count
 * away. */
enum { HYS_COUNT_SHOWN, HYS_COUNT_SMALL, HYS_COUNT_NOT_SHOWN };
/* A question answered by fewer people than this shows no breakdown at all
 * (with so few, even banded counts can say what one person answered). */
#define HYS_REPORT_MIN_BREAKDOWN 10
/* A collection's report counts whole days that are over, in blocks of at
 * least this many people (see hys_report_html). */
#define HYS_REPORT_MIN_BLOCK 10
/* Decide how each of cnt counts is shown (into how), the counts adding up to
 * a total the report shows: each from 0 to 4 is HYS_COUNT_SMALL (zero too:
 * "fewer than 5" beside a zero would show what those few all said), and
 * when only one is, the next smallest other count is HYS_COUNT_NOT_SHOWN
 * too, or the small one could be worked out by subtraction. stride: from
 * one count to the next in n and how (1, or a table's row length for a
 * column). */
void hys_report_protect(const long *n, int cnt, int stride, unsigned char *how);
/* report.html; with venues, a table of kiosks (the database has kiosks),
 * and only what may be released from a collection that grows: whole days
 * that are over (before today), in blocks of at
 * least HYS_REPORT_MIN_BLOCK people in the order of their days; the report
 * says how many people wait, and from which day.
 * Made from the table tally (answers counted by form_id, question, status,
 * kiosk_id, value, with the least position and the count n) when the
 * database has one, as a collection does; else counted here. */
hys_status hys_report_html(const char *db, const char *out, int venues, char *err, size_t errn);
/* answers.xlsx, for Excel: a Summary sheet with report.html's counts, kept
 * back by the same rules (venues: a collection, released as report.html
 * is), and a bar chart a question; the Sessions, Answers and Free text
 * sheets with the rows of the CSV files (as many as Excel holds); an About
 * sheet in plain words, saying where the answers come from (signature: one
 * sentence on how they were signed and checked). HYS_OK, or HYS_EIO. */
hys_status hys_report_workbook(const char *db, const char *out, int venues, const char *signature,
                               char *err, size_t errn);
/* The same on a thread of its own, while the other files are made (a
 * second core halves an export's time): begin starts it (NULL on no
 * memory), end waits for it and says how it went. db must not change
 * meanwhile. */
typedef struct hys_report_job hys_report_job;
hys_report_job *hys_report_workbook_begin(const char *db, const char *out, int venues,
                                          const char *signature);
hys_status hys_report_workbook_end(hys_report_job *job, char *err, size_t errn);

#endif
