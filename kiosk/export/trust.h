/* trust: which kiosks' signing keys a collection believes. A bundle's
 * signature only says that whoever holds its key made it; a list of trusted
 * kiosks says whose keys those are. Each kiosk prints its own line
 * (`haveyoursay kiosk-key`, and staff mode shows its fingerprint), the
 * office adds it (`haveyoursay trust LINE`), and collect merges only
 * bundles signed by a key trusted for the kiosk the bundle names.
 *
 * A line, in a trust file and as printed:
 *     kiosk KIOSK_ID key PUBLIC_KEY_BASE64 fingerprint XXXX-XXXX-XXXX-XXXX
 * (the fingerprint is optional when read; when given it must match the
 * key). Blank lines and lines starting with # are skipped. A kiosk may have
 * more than one trusted key (it was set up again), a key only one kiosk. */
#ifndef HYS_TRUST_H
#define HYS_TRUST_H

#include "../util/status.h"

#include <stddef.h>

#define HYS_TRUST_MAX 1024       /* kiosks' keys in one trust list */
#define HYS_TRUST_FINGERPRINT 20 /* "XXXX-XXXX-XXXX-XXXX" and its NUL */

typedef struct hys_trust_entry {
    char kiosk_id[40];
    char key[64]; /* base64 Ed25519 public key */
} hys_trust_entry;

typedef struct hys_trust {
    hys_trust_entry e[HYS_TRUST_MAX];
    int n;
} hys_trust;

/* What a list says of a bundle that names kiosk_id and is signed by key. */
typedef enum {
    HYS_TRUSTED,       /* the key is trusted for that kiosk */
    HYS_TRUST_UNKNOWN, /* neither the kiosk nor the key is in the list */
    HYS_TRUST_OTHER    /* the kiosk (or the key) is trusted, but not together: forged */
} hys_trust_verdict;

/* A key's fingerprint: the first 8 bytes of its SHA-256 as four groups of
 * four hex digits, short enough for a person to compare on two screens. */
void hys_trust_fingerprint(const char *key_b64, char out[HYS_TRUST_FINGERPRINT]);

/* A kiosk's trust line into out (see above). */
void hys_trust_line(const char *kiosk_id, const char *key_b64, char *out, size_t n);

/* Add one kiosk's key (already there: fine): HYS_OK; else, with why in err,
 * HYS_EFORMAT when the id or key is not a valid one, HYS_EDENIED when the
 * key is trusted for another kiosk, HYS_ELIMIT when the list is full. */
hys_status hys_trust_add(hys_trust *t, const char *kiosk_id, const char *key_b64, char *err,
                         size_t errn);

/* Read a trust file into t (added to what it holds). A missing file adds
 * nothing and is fine. A line that cannot be read is an error naming the
 * file and line. */
hys_status hys_trust_load(hys_trust *t, const char *path, char *err, size_t errn);

/* Parse one trust line (words as given on a command line, joined by
 * spaces) into kiosk_id and key_b64: HYS_OK, or HYS_EFORMAT with why in err. */
hys_status hys_trust_parse(const char *line, char kiosk_id[40], char key_b64[64], char *err,
                           size_t errn);

/* Add a line to the trust file at path (made 0600, its folder too), unless
 * the key is already trusted for that kiosk. */
hys_status hys_trust_append(const char *path, const char *kiosk_id, const char *key_b64, char *err,
                            size_t errn);

/* The verdict on a bundle naming kiosk_id, signed by key_b64. */
hys_trust_verdict hys_trust_check(const hys_trust *t, const char *kiosk_id, const char *key_b64);

/* The office's trust file into out: $XDG_CONFIG_HOME/haveyoursay/trusted-kiosks,
 * or ~/.config/haveyoursay/trusted-kiosks. HYS_OK, or HYS_ENOTFOUND when
 * there is no home, HYS_ELIMIT when the path does not fit. */
hys_status hys_trust_default_path(char *out, size_t n);

#endif
