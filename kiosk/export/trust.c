/* trust: the list of kiosks' keys a collection believes (see trust.h). */
#include "trust.h"
#include "files.h"

#include "../util/alloc.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define LINE_MAX_BYTES 400
#define TRUST_FILE_MAX (HYS_TRUST_MAX * 160)

void hys_trust_fingerprint(const char *key_b64, char out[HYS_TRUST_FINGERPRINT])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)key_b64, strlen(key_b64));
    snprintf(out, HYS_TRUST_FINGERPRINT, "%02X%02X-%02X%02X-%02X%02X-%02X%02X", h[0], h[1], h[2],
             h[3], h[4], h[5], h[6], h[7]);
}

void hys_trust_line(const char *kiosk_id, const char *key_b64, char *out, size_t n)
{
    char fp[HYS_TRUST_FINGERPRINT];
    hys_trust_fingerprint(key_b64, fp);
    snprintf(out, n, "kiosk %s key %s fingerprint %s", kiosk_id, key_b64, fp);
}

/* A kiosk id as kiosks make them: a UUID, in lower case. */
static int id_ok(const char *id)
{
    static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    if (strlen(id) != sizeof shape - 1) return 0;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == '-' ? id[i] != '-' : !strchr("0123456789abcdef", id[i])) return 0;
    return 1;
}

/* A base64 Ed25519 public key. */
static int key_ok(const char *b64)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    size_t len = 0;
    return strlen(b64) < 64 &&
           sodium_base642bin(pk, sizeof pk, b64, strlen(b64), NULL, &len, NULL,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           len == sizeof pk;
}

hys_status hys_trust_add(hys_trust *t, const char *kiosk_id, const char *key_b64, char *err,
                         size_t errn)
{
    if (!id_ok(kiosk_id) || !key_ok(key_b64)) {
        snprintf(err, errn, "not a kiosk's id and key");
        return HYS_EFORMAT;
    }
    hys_trust_verdict v = hys_trust_check(t, kiosk_id, key_b64);
    if (v == HYS_TRUSTED) return HYS_OK;
    for (int i = 0; v == HYS_TRUST_OTHER && i < t->n; i++)
        if (!strcmp(t->e[i].key, key_b64)) { /* one key, one kiosk */
            snprintf(err, errn, "that key is already trusted for kiosk %s", t->e[i].kiosk_id);
            return HYS_EDENIED;
        }
    if (t->n == HYS_TRUST_MAX) {
        snprintf(err, errn, "more than %d trusted keys", HYS_TRUST_MAX);
        return HYS_ELIMIT;
    }
    snprintf(t->e[t->n].kiosk_id, sizeof t->e[0].kiosk_id, "%s", kiosk_id);
    snprintf(t->e[t->n].key, sizeof t->e[0].key, "%s", key_b64);
    t->n++;
    return HYS_OK;
}

hys_status hys_trust_parse(const char *line, char kiosk_id[40], char key_b64[64], char *err,
                           size_t errn)
{
    char w[7][80];
    int n = sscanf(line, "%79s %79s %79s %79s %79s %79s %79s", w[0], w[1], w[2], w[3], w[4], w[5],
                   w[6]);
    if (n < 4 || n > 6 || strcmp(w[0], "kiosk") || strcmp(w[2], "key") || (n != 4 && n != 6) ||
        (n == 6 && strcmp(w[4], "fingerprint"))) {
        snprintf(err, errn,
                 "a trust line reads: kiosk KIOSK_ID key PUBLIC_KEY [fingerprint XXXX-XXXX-XXXX-"
                 "XXXX], as haveyoursay kiosk-key prints it");
        return HYS_EFORMAT;
    }
    if (!id_ok(w[1]) || !key_ok(w[3])) {
        snprintf(err, errn, "\"%s\" is not a kiosk's id, or \"%s\" not a kiosk's key", w[1], w[3]);
        return HYS_EFORMAT;
    }
    if (n == 6) {
        char fp[HYS_TRUST_FINGERPRINT];
        hys_trust_fingerprint(w[3], fp);
        if (strcasecmp(fp, w[5])) {
            snprintf(err, errn,
                     "the fingerprint %s is not the key's (%s): the line was changed or mistyped",
                     w[5], fp);
            return HYS_EFORMAT;
        }
    }
    memcpy(kiosk_id, w[1], strlen(w[1]) + 1); /* (id_ok and key_ok: they fit) */
    memcpy(key_b64, w[3], strlen(w[3]) + 1);
    return HYS_OK;
}

hys_status hys_trust_load(hys_trust *t, const char *path, char *err, size_t errn)
{
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    if (access(path, F_OK) != 0 && errno == ENOENT) return HYS_OK;
    char *text = NULL, why[300];
    size_t len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC); /* (for why it cannot be read, in local words) */
    if (fd < 0) {
        snprintf(err, errn, "cannot read the trust list %s: %s", path, strerror(errno));
        return HYS_EIO;
    }
    close(fd);
    if (hys_file_read(path, TRUST_FILE_MAX, &text, &len, why, sizeof why) != HYS_OK) {
        snprintf(err, errn,
                 "the trust list %s cannot be read: it must be a file of at most %d "
                 "bytes",
                 path, TRUST_FILE_MAX);
        return HYS_EIO;
    }
    if (memchr(text, 0, len)) {
        hys_free(text);
        snprintf(err, errn, "the trust list %s is not text", path);
        return HYS_EFORMAT;
    }
    hys_status rc = HYS_OK;
    int row = 0;
    for (char *p = text; rc == HYS_OK && p < text + len;) {
        char *end = memchr(p, '\n', (size_t)(text + len - p));
        if (!end) end = text + len;
        *end = 0;
        row++;
        char *s = p + strspn(p, " \t\r");
        p = end + 1;
        if (!*s || *s == '#') continue;
        char id[40], key[64], line_err[300];
        if (strlen(s) > LINE_MAX_BYTES ||
            hys_trust_parse(s, id, key, line_err, sizeof line_err) != HYS_OK ||
            hys_trust_add(t, id, key, line_err, sizeof line_err) != HYS_OK) {
            snprintf(err, errn, "%s:%d: %s", path, row,
                     strlen(s) > LINE_MAX_BYTES ? "the line is too long" : line_err);
            rc = HYS_EFORMAT;
        }
    }
    hys_free(text);
    return rc;
}

hys_status hys_trust_append(const char *path, const char *kiosk_id, const char *key_b64, char *err,
                            size_t errn)
{
    hys_trust *t = hys_calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    hys_status rc = hys_trust_load(t, path, err, errn);
    int have = !rc && hys_trust_check(t, kiosk_id, key_b64) == HYS_TRUSTED;
    if (!rc && !have && hys_trust_add(t, kiosk_id, key_b64, err, errn) != HYS_OK) rc = HYS_EFORMAT;
    hys_free(t);
    if (rc || have) return rc;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = 0;
        if ((rc = hys_dir_make(dir, err, errn)) != HYS_OK) return rc;
    }
    char line[300] = "";
    /* (a list edited by hand may not end its last line) */
    int fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    char last = '\n';
    if (fd >= 0 && lseek(fd, -1, SEEK_END) >= 0 && read(fd, &last, 1) != 1) last = '\n';
    if (last != '\n') line[0] = '\n';
    size_t at = strlen(line);
    hys_trust_line(kiosk_id, key_b64, line + at, sizeof line - at - 1);
    size_t n = strlen(line);
    line[n++] = '\n';
    int ok = fd >= 0 && write(fd, line, n) == (ssize_t)n && fsync(fd) == 0;
    if (fd >= 0) ok = close(fd) == 0 && ok;
    if (!ok) {
        snprintf(err, errn, "cannot add to %s: %s", path, strerror(errno));
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_trust_verdict hys_trust_check(const hys_trust *t, const char *kiosk_id, const char *key_b64)
{
    assert(t && kiosk_id && key_b64);
    int known = 0;
    for (int i = 0; i < t->n; i++) {
        int same_id = !strcmp(t->e[i].kiosk_id, kiosk_id), same_key = !strcmp(t->e[i].key, key_b64);
        if (same_id && same_key) return HYS_TRUSTED;
        known |= same_id || same_key;
    }
    return known ? HYS_TRUST_OTHER : HYS_TRUST_UNKNOWN;
}

hys_status hys_trust_default_path(char *out, size_t n)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int k;
    if (xdg && xdg[0] == '/')
        k = snprintf(out, n, "%s/haveyoursay/trusted-kiosks", xdg);
    else if (home && home[0] == '/')
        k = snprintf(out, n, "%s/.config/haveyoursay/trusted-kiosks", home);
    else
        return HYS_ENOTFOUND;
    return k < (int)n ? HYS_OK : HYS_ELIMIT;
}
