/* manifest: writing, signing and checking manifest.json (see manifest.h). */
#include "manifest.h"

#include "files.h"
#include "json.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char sig_line[] = ",\n  \"signature\": \"";

hys_status hys_manifest_key(const char *dir, unsigned char sk[64], char pk_b64[64], char *err,
                            size_t errn)
{
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    char path[4096];
    hys_path(path, sizeof path, dir, "signing.key");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, sk, crypto_sign_SECRETKEYBYTES);
        close(fd);
        if (n != crypto_sign_SECRETKEYBYTES) {
            snprintf(err, errn,
                     "%s is damaged (not a signing key); the kiosk will not replace it "
                     "by itself: ask for help",
                     path);
            return HYS_EIO;
        }
        crypto_sign_ed25519_sk_to_pk(pk, sk);
    } else if (errno == ENOENT) {
        crypto_sign_keypair(pk, sk);
        char tmp[4200];
        snprintf(tmp, sizeof tmp, "%s.new", path);
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
        int ok = fd >= 0 &&
                 write(fd, sk, crypto_sign_SECRETKEYBYTES) == crypto_sign_SECRETKEYBYTES &&
                 fsync(fd) == 0;
        if (fd >= 0) close(fd);
        if (!ok || rename(tmp, path) != 0) {
            snprintf(err, errn, "cannot keep the signing key in %s: %s", path, strerror(errno));
            unlink(tmp);
            return HYS_EIO;
        }
    } else {
        snprintf(err, errn, "cannot read %s: %s", path, strerror(errno));
        return HYS_EIO;
    }
    sodium_bin2base64(pk_b64, 64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    return HYS_OK;
}

/* The manifest up to (not including) its signature line, in a new buffer. */
static char *body(const hys_manifest *m, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f) return NULL;
    fprintf(f, "{\n  \"format\": \"%s\",\n  \"kiosk_id\": ", HYS_MANIFEST_FORMAT);
    hys_json_write_str(f, m->kiosk_id);
    fputs(",\n  \"venue\": ", f);
    hys_json_write_str(f, m->venue);
    fprintf(f, ",\n  \"sequence\": %lld,\n  \"full\": %s,\n  \"sealed\": %s,\n  \"made\": ", m->seq,
            m->full ? "true" : "false", m->sealed ? "true" : "false");
    hys_json_write_str(f, m->made);
    fputs(",\n  \"period_from\": ", f);
    hys_json_write_str(f, m->period_from);
    fputs(",\n  \"period_to\": ", f);
    hys_json_write_str(f, m->period_to);
    fprintf(f, ",\n  \"answers\": %lld,\n  \"sessions\": %lld,\n  \"forms\": [", m->answers,
            m->sessions);
    for (int i = 0; i < m->nforms; i++) {
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
        hys_json_write_str(f, m->forms[i].id);
        fputs(", \"version\": ", f);
        hys_json_write_str(f, m->forms[i].version);
        fputs(", \"hash\": ", f);
        hys_json_write_str(f, m->forms[i].hash);
        fputs("}", f);
    }
    fputs("\n  ],\n  \"files\": [", f);
    for (int i = 0; i < m->nfiles; i++) {
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
        hys_json_write_str(f, m->files[i].name);
        fprintf(f, ", \"bytes\": %lld, \"sha256\": \"%s\"}", m->files[i].bytes, m->files[i].sha256);
    }
    fputs("\n  ],\n  \"previous_manifest_sha256\": ", f);
    hys_json_write_str(f, m->prev);
    fputs(",\n  \"public_key\": ", f);
    hys_json_write_str(f, m->public_key);
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

hys_status hys_manifest_write(const char *path, const hys_manifest *m, const unsigned char sk[64],
                              char *err, size_t errn)
{
    size_t len = 0;
    char *text = body(m, &len);
    if (!text) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (const unsigned char *)text, len, sk);
    char b64[128];
    sodium_bin2base64(b64, sizeof b64, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);
    FILE *f = fopen(path, "wbx");
    if (!f && errno == EEXIST && unlink(path) == 0) f = fopen(path, "wbx");
    if (!f) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        free(text);
        return HYS_EIO;
    }
    fwrite(text, 1, len, f);
    fprintf(f, "%s%s\"\n}\n", sig_line, b64);
    free(text);
    int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
    if (fclose(f) != 0 || bad) {
        snprintf(err, errn, "cannot write %s: %s", path, strerror(errno));
        return HYS_EIO;
    }
    return HYS_OK;
}

static void copy_str(char *dst, size_t n, const hys_json *j)
{
    const char *s = hys_json_str(j);
    snprintf(dst, n, "%s", s ? s : "");
}

/* A hex SHA-256: 64 lower-case hex digits. */
static int is_sha(const char *s)
{
    if (!s || strlen(s) != 64) return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return 0;
    return 1;
}

/* A name that stays inside the bundle's folder. */
static int safe_name(const char *s)
{
    if (!s || !*s || strlen(s) >= 32 || s[0] == '.') return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
              *s == '-'))
            return 0;
    return 1;
}

hys_manifest_check hys_manifest_read(const char *text, size_t n, hys_manifest *m, char *err,
                                     size_t errn)
{
    memset(m, 0, sizeof *m);
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_MANIFEST_UNREADABLE;
    }
    if (n > HYS_MAX_MANIFEST_BYTES) {
        snprintf(err, errn, "the manifest is too big");
        return HYS_MANIFEST_UNREADABLE;
    }
    /* the signature line: the last one that starts like it */
    const char *at = NULL;
    size_t k = sizeof sig_line - 1;
    for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0 && !at;)
        if (!memcmp(text + i, sig_line, k)) at = text + i;
    char perr[200];
    hys_json *root = hys_json_parse(text, n, perr, sizeof perr);
    /* whose and which it claims to be, for reports even when it is refused:
     * only when they look like a kiosk's (a UUID, a bundle number of six
     * digits at most), as anything here may come from an attacker */
    copy_str(m->kiosk_id, sizeof m->kiosk_id, hys_json_get(root, "kiosk_id"));
    if (strlen(m->kiosk_id) != 36 || strspn(m->kiosk_id, "0123456789abcdef-") != 36)
        m->kiosk_id[0] = '\0';
    m->seq = hys_json_int(hys_json_get(root, "sequence"), -1);
    if (m->seq < 1 || m->seq > HYS_MANIFEST_MAX_SEQ) m->seq = -1;
    const char *pk64 = hys_json_str(hys_json_get(root, "public_key"));
    const char *sig64 = hys_json_str(hys_json_get(root, "signature"));
    if (!at || !root || !pk64 || !sig64) {
        snprintf(err, errn, "%s", !root ? "the manifest is not readable JSON" : "it is not signed");
        hys_json_free(root);
        return root ? HYS_MANIFEST_UNSIGNED : HYS_MANIFEST_MALFORMED;
    }
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    size_t pkn = 0, sign = 0;
    if (sodium_base642bin(pk, sizeof pk, pk64, strlen(pk64), NULL, &pkn, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        pkn != sizeof pk ||
        sodium_base642bin(sig, sizeof sig, sig64, strlen(sig64), NULL, &sign, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        sign != sizeof sig) {
        snprintf(err, errn, "its key or signature is not valid base64 of the right length");
        hys_json_free(root);
        return HYS_MANIFEST_UNSIGNED;
    }
    /* the signature is the last member: nothing unsigned may follow it */
    size_t signed_len = (size_t)(at - text);
    char tail[200];
    snprintf(tail, sizeof tail, "%s%s\"\n}\n", sig_line, sig64);
    if (n - signed_len != strlen(tail) || memcmp(at, tail, strlen(tail))) {
        snprintf(err, errn, "something follows its signature");
        hys_json_free(root);
        return HYS_MANIFEST_FORGED;
    }
    if (crypto_sign_verify_detached(sig, (const unsigned char *)text, signed_len, pk) != 0) {
        snprintf(err, errn,
                 "the signature does not match: the manifest was changed after the "
                 "kiosk signed it");
        hys_json_free(root);
        return HYS_MANIFEST_FORGED;
    }
    const char *fmt = hys_json_str(hys_json_get(root, "format"));
    const hys_json *files = hys_json_get(root, "files"), *forms = hys_json_get(root, "forms");
    hys_manifest_check rc = HYS_MANIFEST_OK;
    if (!fmt || strcmp(fmt, HYS_MANIFEST_FORMAT)) {
        snprintf(err, errn, "it is not a %s manifest", HYS_MANIFEST_FORMAT);
        rc = HYS_MANIFEST_MALFORMED;
    } else if (hys_json_type(files) != HYS_JSON_ARRAY ||
               hys_json_count(files) > HYS_MANIFEST_MAX_FILES ||
               hys_json_type(forms) != HYS_JSON_ARRAY ||
               hys_json_count(forms) > HYS_MANIFEST_MAX_FORMS) {
        snprintf(err, errn, "its list of files or forms is missing or too long");
        rc = HYS_MANIFEST_MALFORMED;
    }
    copy_str(m->venue, sizeof m->venue, hys_json_get(root, "venue"));
    copy_str(m->made, sizeof m->made, hys_json_get(root, "made"));
    copy_str(m->period_from, sizeof m->period_from, hys_json_get(root, "period_from"));
    copy_str(m->period_to, sizeof m->period_to, hys_json_get(root, "period_to"));
    copy_str(m->prev, sizeof m->prev, hys_json_get(root, "previous_manifest_sha256"));
    copy_str(m->public_key, sizeof m->public_key, hys_json_get(root, "public_key"));
    const hys_json *full = hys_json_get(root, "full");
    m->full = hys_json_type(full) == HYS_JSON_BOOL && full && hys_json_int(full, 0);
    const hys_json *sealed = hys_json_get(root, "sealed");
    m->sealed = hys_json_type(sealed) == HYS_JSON_BOOL && sealed && hys_json_int(sealed, 0);
    m->answers = hys_json_int(hys_json_get(root, "answers"), -1);
    m->sessions = hys_json_int(hys_json_get(root, "sessions"), -1);
    /* (kiosk_id and seq as read above: "" and -1 unless they look like a
     * kiosk's, so a signed manifest cannot name a kiosk with quotes or
     * line breaks either) */
    int made_ok = strlen(m->made) == 10 && strspn(m->made, "0123456789-") == 10 &&
                  m->made[4] == '-' && m->made[7] == '-';
    if (rc == HYS_MANIFEST_OK &&
        (strlen(m->kiosk_id) != 36 || m->seq < 1 || m->answers < 0 || m->sessions < 0 ||
         (m->prev[0] && !is_sha(m->prev)) || !made_ok)) {
        snprintf(err, errn, "its kiosk id, sequence number, counts, day or chain are not valid");
        rc = HYS_MANIFEST_MALFORMED;
    }
    for (int i = 0; rc == HYS_MANIFEST_OK && i < hys_json_count(files); i++) {
        const hys_json *f = hys_json_at(files, i);
        hys_manifest_file *mf = &m->files[m->nfiles++];
        const char *name = hys_json_str(hys_json_get(f, "name"));
        const char *sha = hys_json_str(hys_json_get(f, "sha256"));
        mf->bytes = hys_json_int(hys_json_get(f, "bytes"), -1);
        if (!safe_name(name) || !is_sha(sha) || mf->bytes < 0) {
            snprintf(err, errn, "file %d of its list has a bad name, size or SHA-256", i + 1);
            rc = HYS_MANIFEST_MALFORMED;
            break;
        }
        for (int d = 0; d < m->nfiles - 1; d++)
            if (!strcmp(m->files[d].name, name)) {
                snprintf(err, errn, "it lists %s twice", name);
                rc = HYS_MANIFEST_MALFORMED;
            }
        snprintf(mf->name, sizeof mf->name, "%s", name);
        snprintf(mf->sha256, sizeof mf->sha256, "%s", sha);
    }
    for (int i = 0; rc == HYS_MANIFEST_OK && i < hys_json_count(forms); i++) {
        const hys_json *f = hys_json_at(forms, i);
        hys_manifest_form *mf = &m->forms[m->nforms++];
        copy_str(mf->id, sizeof mf->id, hys_json_get(f, "id"));
        copy_str(mf->version, sizeof mf->version, hys_json_get(f, "version"));
        copy_str(mf->hash, sizeof mf->hash, hys_json_get(f, "hash"));
    }
    hys_json_free(root);
    return rc;
}
