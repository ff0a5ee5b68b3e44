/* seal: sealed files (see seal.h). */
#include "seal.h"

#include "../util/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAGIC "HYSSEAL1"
#define CHUNK 65536
#define SEALED_KEY (crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES)

hys_status hys_seal_key_from_base64(const char *b64, unsigned char pk[32])
{
    size_t n = 0;
    int valid = b64 && sodium_init() >= 0 &&
                sodium_base642bin(pk, 32, b64, strlen(b64), NULL, &n, NULL,
                                  sodium_base64_VARIANT_ORIGINAL) == 0 &&
                n == 32;
    return valid ? HYS_OK : HYS_EFORMAT;
}

/* Start work on a file: libsodium ready, from open to read and to to write
 * (0600: what is opened must stay private). HYS_OK, or HYS_EIO with err
 * set. */
static hys_status start(const char *what, const char *from, const char *to, FILE **in, FILE **out,
                        char *err, size_t errn)
{
    *in = *out = NULL;
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    *in = fopen(from, "rb");
    int fd = *in ? open(to, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600) : -1;
    *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!*in || !*out) {
        snprintf(err, errn, "cannot %s %s: %s", what, *in ? to : from, strerror(errno));
        if (*in) fclose(*in);
        if (fd >= 0 && !*out) close(fd);
        return HYS_EIO;
    }
    return HYS_OK;
}

static size_t read_full(FILE *f, unsigned char *buf, size_t n)
{
    size_t got = 0, r;
    while (got < n && (r = fread(buf + got, 1, n - got, f)) > 0)
        got += r;
    return got;
}

hys_status hys_seal_file(const char *from, const char *to, const unsigned char pk[32], char *err,
                         size_t errn)
{
    FILE *in, *out;
    if (start("seal", from, to, &in, &out, err, errn) != HYS_OK) return HYS_EIO;
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES], sealed[SEALED_KEY];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_state st;
    crypto_secretstream_xchacha20poly1305_keygen(key);
    crypto_box_seal(sealed, key, sizeof key, pk);
    crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
    sodium_memzero(key, sizeof key);
    fwrite(MAGIC, 1, 8, out);
    fwrite(sealed, 1, sizeof sealed, out);
    fwrite(header, 1, sizeof header, out);
    unsigned char *a = hys_malloc(CHUNK), *b = hys_malloc(CHUNK),
                  *c = hys_malloc(CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES);
    if (!a || !b || !c) {
        hys_free(a), hys_free(b), hys_free(c);
        fclose(in), fclose(out);
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    size_t na = read_full(in, a, CHUNK);
    for (;;) { /* look one chunk ahead: the last one is marked final */
        size_t nb = na == CHUNK ? read_full(in, b, CHUNK) : 0;
        unsigned long long clen;
        crypto_secretstream_xchacha20poly1305_push(
            &st, c, &clen, a, na, NULL, 0,
            nb ? 0 : crypto_secretstream_xchacha20poly1305_TAG_FINAL);
        fwrite(c, 1, (size_t)clen, out);
        if (!nb) break;
        memcpy(a, b, nb);
        na = nb;
    }
    hys_free(a), hys_free(b), hys_free(c);
    int bad = ferror(in) || ferror(out) || fflush(out) != 0 || fsync(fileno(out)) != 0;
    fclose(in);
    if (fclose(out) != 0 || bad) {
        snprintf(err, errn, "cannot seal %s into %s: %s", from, to, strerror(errno));
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_status hys_seal_open(const char *from, const char *to, const unsigned char pk[32],
                         const unsigned char sk[32], char *err, size_t errn)
{
    FILE *in, *out;
    if (start("open", from, to, &in, &out, err, errn) != HYS_OK) return HYS_EIO;
    unsigned char magic[8], sealed[SEALED_KEY], key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    crypto_secretstream_xchacha20poly1305_state st;
    const char *why = NULL;
    if (read_full(in, magic, 8) != 8 || memcmp(magic, MAGIC, 8))
        why = "it is not a sealed file";
    else if (read_full(in, sealed, sizeof sealed) != sizeof sealed ||
             crypto_box_seal_open(key, sealed, sizeof sealed, pk, sk) != 0)
        why = "it was not sealed for this key";
    else if (read_full(in, header, sizeof header) != sizeof header ||
             crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key) != 0)
        why = "it is damaged";
    sodium_memzero(key, sizeof key);
    size_t cn = CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES;
    unsigned char *c = hys_malloc(cn), *m = hys_malloc(CHUNK);
    if (!c || !m) why = "out of memory";
    unsigned char tag = 0;
    while (!why) {
        size_t n = read_full(in, c, cn);
        unsigned long long mlen;
        if (n < crypto_secretstream_xchacha20poly1305_ABYTES ||
            crypto_secretstream_xchacha20poly1305_pull(&st, m, &mlen, &tag, c, n, NULL, 0) != 0) {
            why = "it is damaged or was changed";
            break;
        }
        fwrite(m, 1, (size_t)mlen, out);
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            if (fgetc(in) != EOF) why = "something follows its end";
            break;
        }
        if (n < cn) {
            why = "it was cut off";
            break;
        }
    }
    hys_free(c), hys_free(m);
    int bad = ferror(out) || fflush(out) != 0;
    fclose(in);
    if (fclose(out) != 0) bad = 1;
    if (why || bad) {
        snprintf(err, errn, "cannot open %s: %s", from, why ? why : strerror(errno));
        unlink(to);
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_status hys_seal_keygen(const char *path, char pk_b64[64], char *err, size_t errn)
{
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    unsigned char pk[32], sk[32], both[64];
    crypto_box_keypair(pk, sk);
    memcpy(both, sk, 32);
    memcpy(both + 32, pk, 32);
    char line[128];
    sodium_bin2base64(line, sizeof line, both, sizeof both, sodium_base64_VARIANT_ORIGINAL);
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(both, sizeof both);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    size_t len = strlen(line);
    line[len++] = '\n';
    int ok = fd >= 0 && write(fd, line, len) == (ssize_t)len && fsync(fd) == 0;
    int e = errno;
    if (fd >= 0) close(fd);
    sodium_memzero(line, sizeof line);
    if (!ok) {
        snprintf(err, errn, "cannot write %s: %s", path,
                 e == EEXIST ? "it is there already (a key is never overwritten)" : strerror(e));
        return HYS_EIO;
    }
    sodium_bin2base64(pk_b64, 64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
    return HYS_OK;
}

hys_status hys_seal_load_key(const char *path, unsigned char pk[32], unsigned char sk[32],
                             char *err, size_t errn)
{
    char line[200] = "";
    FILE *f = fopen(path, "r");
    if (!f || !fgets(line, sizeof line, f)) {
        snprintf(err, errn, "cannot read the key %s: %s", path,
                 f ? "it is empty" : strerror(errno));
        if (f) fclose(f);
        return HYS_EIO;
    }
    fclose(f);
    line[strcspn(line, "\r\n")] = 0;
    unsigned char both[64];
    size_t n = 0;
    if (sodium_init() < 0 ||
        sodium_base642bin(both, sizeof both, line, strlen(line), NULL, &n, NULL,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        n != 64) {
        snprintf(err, errn, "%s is not a key made by haveyoursay keygen", path);
        return HYS_EFORMAT;
    }
    memcpy(sk, both, 32);
    memcpy(pk, both + 32, 32);
    sodium_memzero(both, sizeof both);
    sodium_memzero(line, sizeof line);
    return HYS_OK;
}
