/* store: the kiosk's answers in SQLite, kept durably and anonymously.
 * WAL journal with synchronous=FULL; every answer is its own committed
 * transaction, written by a writer thread so the screen never waits for the
 * disk. Rows carry random UUIDs and a coarse period (e.g. "2026-11-22 14:00"),
 * never an exact time. The schema has application_id and user_version, and
 * migrations run on open. */
#ifndef HYS_STORE_H
#define HYS_STORE_H

#include "../util/status.h"

#include <stdio.h>
#include <time.h>

typedef struct hys_store hys_store;

typedef enum { HYS_PERIOD_HOUR, HYS_PERIOD_DAY, HYS_PERIOD_WEEK } hys_period;

/* A question's words (choice "") or a choice's, in the form's first
 * language: reports show them beside the answers. */
typedef struct hys_store_label {
    const char *question, *choice, *label;
} hys_store_label;

/* Which form answers belong to, with its words. Strings are copied. */
typedef struct hys_store_form {
    const char *id, *version, *hash, *title;
    const hys_store_label *labels;
    int nlabels;
    const char *public_key; /* exports of its answers are sealed to it (base64), or NULL */
} hys_store_form;

/* Open (creating when new) DIR/answers.sqlite, making DIR 0700 and the file
 * 0600, and start the writer thread. Sessions left open by an earlier run
 * are ended (they cannot go on). On failure returns NULL and a reason in
 * err. */
hys_store *hys_store_open(const char *dir, hys_period period, char *err, size_t errn);
/* Wait for every queued write, stop the writer, close. NULL is fine. */
void hys_store_close(hys_store *s);

/* The random id this kiosk made for itself on first run. */
const char *hys_store_kiosk_id(const hys_store *s);
/* Remember which form the next sessions answer (recorded with its hash). */
void hys_store_set_form(hys_store *s, const hys_store_form *form);

/* Queue writes; they return at once. Writes that cannot be queued or fail
 * are counted (hys_store_failures) and logged, never silently dropped.
 * These, hys_store_flush and hys_store_failures take a NULL store (the
 * answers file could not be opened) and do nothing. */
void hys_store_session_begin(hys_store *s, const char *session_id);
void hys_store_answer(hys_store *s, const char *session_id, const char *question, int position,
                      const char *value, const char *status, const char *lang, int seconds);
void hys_store_withdraw(hys_store *s, const char *session_id, const char *question);
void hys_store_session_end(hys_store *s, const char *session_id, int completed);
/* Block until every write queued so far is committed (or has failed). */
void hys_store_flush(hys_store *s);
/* How many writes failed since opening. */
long hys_store_failures(const hys_store *s);
/* Why the last write failed (SQLite's words), "" when none has. */
void hys_store_why(const hys_store *s, char *out, size_t n);
/* Write something small now, as one transaction, and wait for it: HYS_OK
 * when it was committed (the disk can be written to again), else HYS_EIO
 * (hys_store_why says why; a NULL store: the answers file is not open). */
hys_status hys_store_probe(hys_store *s);

/* Print all stored answers as RFC 4180 CSV (UTF-8) with the header
 * answer_id,session_id,kiosk_id,form_id,form_version,question,value,status,language,period.
 * Opens the database read-only; returns HYS_OK or HYS_EIO with err set. */
hys_status hys_store_print_answers(const char *dir, FILE *out, char *err, size_t errn);

/* The coarse period containing t, e.g. "2026-11-22 14:00" for an hour. */
void hys_store_period(hys_period p, time_t t, char out[32]);

/* Path of the database file inside dir. */
void hys_store_path(const char *dir, char *out, size_t n);

/* ---- export (store_export.c): the rows a bundle takes ---- */

typedef struct hys_store_export hys_store_export;

typedef struct hys_store_export_info {
    int seq;                /* this export's number: 1, 2, ... */
    long answers, sessions; /* rows it takes */
    char period_from[32];   /* the earliest and latest period of its answers */
    char period_to[32];     /* ("" when it takes none) */
    char prev_manifest[65]; /* SHA-256 (hex) of the last export's manifest, "" for the first */
    char kiosk_id[40];
    char seal_to[64]; /* the public key the answers' question set names, or "" */
    int seal_clash;   /* the answers' question sets name different keys */
} hys_store_export_info;

/* Start an export of DIR's answers: the answers of ended sessions that no
 * export has taken yet (with full, every ended session's). The set is fixed
 * here; answers given meanwhile wait for the next export. Returns NULL with
 * err set when the database cannot be read. Free with hys_store_export_end. */
hys_store_export *hys_store_export_begin(const char *dir, int full, hys_store_export_info *info,
                                         char *err, size_t errn);
/* Write the rows taken as a new SQLite file at path (tables forms, labels,
 * sessions, answers; rows in random order, no rowid order to betray time). */
hys_status hys_store_export_write_db(hys_store_export *e, const char *path, char *err, size_t errn);
/* The bundle is safely on the stick: mark its answers exported and remember
 * its manifest's SHA-256 (hex) for the next bundle's chain. */
hys_status hys_store_export_commit(hys_store_export *e, const char *manifest_sha256, char *err,
                                   size_t errn);
/* Finish with an export (committed or not: then nothing is marked). NULL is fine. */
void hys_store_export_end(hys_store_export *e);
/* The kiosk's id, read from DIR's answers without opening it for writing. */
hys_status hys_store_read_kiosk_id(const char *dir, char out[40], char *err, size_t errn);
/* How many answers of ended sessions no export has taken yet, into *n:
 * HYS_OK, or HYS_EIO when DIR's answers cannot be read. */
hys_status hys_store_unexported(const char *dir, long *n);

/* Counts for staff (never single answers). */
typedef struct hys_store_counts {
    long sessions_today, sessions, answers, unexported;
    int nhard;          /* questions most often not understood, up to 5 */
    char hard_q[5][64]; /* their names */
    long hard_n[5];     /* how many pressed "I don't understand" */
} hys_store_counts;

/* Counts of DIR's answers; today is the period prefix for today ("2026-11-23").
 * HYS_OK, or HYS_EIO with err set. */
hys_status hys_store_count(const char *dir, const char *today, hys_store_counts *c, char *err,
                           size_t errn);

#endif
