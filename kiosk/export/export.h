/* export: answers onto a USB stick as signed bundles, and many bundles
 * (from many kiosks, over many visits) collected into one set of files.
 *
 * A bundle is the folder STICK/HAVEYOURSAY/KIOSK_ID/SEQ-YYYYMMDD/ with
 * answers.csv, sessions.csv, free-text.csv, data.sqlite, report.html and
 * manifest.json
 * (see manifest.h). It is made in the data folder, then each file is
 * copied to the stick under a temporary name (NAME.part), flushed, read back
 * and checked, and renamed; manifest.json goes last, and only then are its
 * answers marked exported. A folder without manifest.json is not a bundle:
 * a stick pulled out at any moment leaves either no bundle or a whole one,
 * and the next export clears what was left and finishes the work. */
#ifndef HYS_EXPORT_H
#define HYS_EXPORT_H

#include "../util/status.h"

#include <stddef.h>
#include <stdio.h>

struct hys_trust;

typedef struct hys_export_options {
    const char *data;         /* the kiosk's data folder (answers, signing key) */
    const char *stick;        /* where the stick is mounted */
    const char *venue;        /* a name for this kiosk's place in reports, or NULL */
    int full;                 /* every answer again, not only those not yet exported */
    const char *seal_to;      /* a public key (base64): the answer files are sealed to it
                               * and no report.html is written; NULL: the key the
                               * answers' question set named (settings public_key), if any */
    const char *seal_default; /* the key when neither seal_to nor the question set names one
                               * (the kiosk's config office_key), or NULL */
} hys_export_options;

typedef struct hys_export_result {
    int nothing_new; /* no answers to export: nothing written */
    long long seq;
    long answers, sessions;
    char bundle[4096]; /* the bundle's folder on the stick */
} hys_export_result;

/* Export to the stick, which must be enrolled on this kiosk (enrol.h: else
 * HYS_EDENIED, and nothing is written). HYS_OK (maybe with nothing_new), or
 * an error with a message for staff in err; on error nothing on the kiosk
 * changes. */
hys_status hys_export_bundle(const hys_export_options *o, hys_export_result *r, char *err,
                             size_t errn);

typedef struct hys_collect_result {
    int accepted, rejected, gaps, kiosks;
    int sealed;        /* of those rejected: sealed, and no key was given */
    int untrusted;     /* of those rejected: signed by a key not in the trust list */
    long long answers; /* distinct answers in the collection */
} hys_collect_result;

/* Read every bundle under the folders in, check each (signature by a key
 * trust holds for the kiosk it names, files' SHA-256, sequence and chain per
 * kiosk) and merge the answers (each once, by answer id) into out:
 * answers.csv, sessions.csv, free-text.csv, data.sqlite, report.html (its
 * counts released as hys_report_html says). What was accepted,
 * rejected (and why) and missing goes to log, a line each. Running it again,
 * or on overlapping folders, gives the same files. Folders named "combined"
 * and unfinished bundles are skipped. Sealed bundles need key, the file
 * `haveyoursay keygen` made (else they are rejected, saying so). HYS_OK
 * when it could run. */
hys_status hys_collect(const char *const *in, int nin, const char *out, const char *key,
                       const struct hys_trust *trust, FILE *log, hys_collect_result *r, char *err,
                       size_t errn);

/* Collect every bundle on the stick mounted at stick into
 * STICK/HAVEYOURSAY/combined, quietly: those of this kiosk (data, its own
 * key) and of the kiosks trusted on it (DATA/trusted-kiosks). */
hys_status hys_export_combine(const char *data, const char *stick, hys_collect_result *r, char *err,
                              size_t errn);

#endif
