/* manifest: a bundle's manifest.json (what is in the bundle, the SHA-256 of
 * every file, the chain to the kiosk's previous bundle) and its Ed25519
 * signature, made with the kiosk's own key (kept in the data folder, 0600,
 * never exported) and checked by collect.
 *
 * The signature covers the file's bytes up to the line that starts
 * `  "signature": ` (the last member): a reader finds that line, checks the
 * signature over what comes before it with the bundle's public_key, then
 * reads the JSON. */
#ifndef HYS_MANIFEST_H
#define HYS_MANIFEST_H

#include "../util/status.h"

#include <stddef.h>

#define HYS_MANIFEST_FORMAT "haveyoursay-bundle-1"
#define HYS_MANIFEST_MAX_FILES 8
#define HYS_MANIFEST_MAX_FORMS 16

typedef struct hys_manifest_file {
    char name[32];
    char sha256[65];
    long long bytes;
} hys_manifest_file;

typedef struct hys_manifest_form {
    char id[128], version[64], hash[65];
} hys_manifest_form;

typedef struct hys_manifest {
    char kiosk_id[40];
    char venue[128];
    long long seq;
    int full;      /* a full re-export (answers sent before come again) */
    int sealed;    /* the answer files are sealed to a public key (seal.h) */
    char made[16]; /* the day it was made, YYYY-MM-DD */
    char period_from[32], period_to[32];
    long long answers, sessions;
    hys_manifest_form forms[HYS_MANIFEST_MAX_FORMS];
    int nforms;
    hys_manifest_file files[HYS_MANIFEST_MAX_FILES];
    int nfiles;
    char prev[65];       /* SHA-256 of the previous bundle's manifest.json, or "" */
    char public_key[64]; /* base64 */
} hys_manifest;

/* The kiosk's signing key from DIR/signing.key, made (0600) on first use.
 * pk is filled as base64. */
hys_status hys_manifest_key(const char *dir, unsigned char sk[64], char pk_b64[64], char *err,
                            size_t errn);

/* Write m as path, signed with sk. */
hys_status hys_manifest_write(const char *path, const hys_manifest *m, const unsigned char sk[64],
                              char *err, size_t errn);

/* Why a manifest was refused. */
typedef enum {
    HYS_MANIFEST_OK,
    HYS_MANIFEST_UNREADABLE, /* cannot be read, or too big */
    HYS_MANIFEST_UNSIGNED,   /* no signature or no public key */
    HYS_MANIFEST_FORGED,     /* the signature does not match: changed after signing */
    HYS_MANIFEST_MALFORMED   /* signed, but not a manifest this program understands */
} hys_manifest_check;

/* The highest bundle number a kiosk makes (its folders are numbered with
 * six digits): a manifest claiming more is not a kiosk's. */
#define HYS_MANIFEST_MAX_SEQ 999999LL

/* Read and check text[0..n) (a manifest.json's bytes) into m. The reason
 * goes to err. A refused manifest still has the kiosk_id and seq it claims
 * (when they could be read and look like a kiosk's; else "" and -1), for
 * reports. */
hys_manifest_check hys_manifest_read(const char *text, size_t n, hys_manifest *m, char *err,
                                     size_t errn);

#endif
