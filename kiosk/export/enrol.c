/* enrol: tokens on USB sticks that say staff gave them to this kiosk (see
 * enrol.h). */
#include "enrol.h"
#include "files.h"

#include "../util/alloc.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECRET_FILE "sticks.key"
#define TOKEN_MAGIC "haveyoursay-stick-1"
#define ID_BYTES 16
#define TOKEN_MAX 256 /* a token is about 120 bytes: anything longer is not one */

/* The kiosk's secret for sticks, made (0600) when make and there is none.
 * HYS_OK when there is one; else, with why in err, HYS_ENOTFOUND when there
 * is none (and make is 0), HYS_EIO when it cannot be read or made. */
static hys_status secret(const char *data, int make,
                         unsigned char key[crypto_auth_hmacsha256_KEYBYTES], char *err, size_t errn)
{
    char path[4200], tmp[4300];
    hys_path(path, sizeof path, data, SECRET_FILE);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, key, crypto_auth_hmacsha256_KEYBYTES);
        close(fd);
        if (n == crypto_auth_hmacsha256_KEYBYTES) return HYS_OK;
        snprintf(err, errn, "%s is damaged: enrol the sticks again", path);
        if (!make) return HYS_EIO;
    } else if (errno != ENOENT || !make) {
        int none = errno == ENOENT;
        snprintf(err, errn,
                 none ? "the stick is not enrolled on this kiosk (none is yet)"
                      : "cannot read the kiosk's secret for sticks");
        return none ? HYS_ENOTFOUND : HYS_EIO;
    }
    randombytes_buf(key, crypto_auth_hmacsha256_KEYBYTES);
    snprintf(tmp, sizeof tmp, "%s.new", path);
    unlink(tmp);
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    int ok = fd >= 0 &&
             write(fd, key, crypto_auth_hmacsha256_KEYBYTES) == crypto_auth_hmacsha256_KEYBYTES &&
             fsync(fd) == 0;
    if (fd >= 0) ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errn, "cannot keep the kiosk's secret for sticks in %s: %s", path,
                 strerror(errno));
        unlink(tmp);
        sodium_memzero(key, crypto_auth_hmacsha256_KEYBYTES);
        return HYS_EIO;
    }
    return HYS_OK;
}

/* What the HMAC covers: the kiosk's id and the stick's, so a token made for
 * one kiosk says nothing to another. */
static void tag_of(const unsigned char *key, const char *kiosk_id, const char *id_hex,
                   unsigned char tag[crypto_auth_hmacsha256_BYTES])
{
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, crypto_auth_hmacsha256_KEYBYTES);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)TOKEN_MAGIC " ", sizeof TOKEN_MAGIC);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)kiosk_id, strlen(kiosk_id) + 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)id_hex, strlen(id_hex));
    crypto_auth_hmacsha256_final(&st, tag);
}

/* The kiosk's folder on the stick into out: HYS_OK, or HYS_ELIMIT when it
 * does not fit. */
static hys_status kiosk_dir(char *out, size_t n, const char *stick, const char *kiosk_id)
{
    char top[4200];
    hys_status rc = hys_path(top, sizeof top, stick, "HAVEYOURSAY");
    return rc ? rc : hys_path(out, n, top, kiosk_id);
}

/* Why the kiosk's secret could not be had: HYS_EDENIED when it has none yet
 * (no stick is enrolled), HYS_EIO when it has one it cannot read. */
static hys_status access_secret(const char *data)
{
    char path[4200];
    hys_path(path, sizeof path, data, SECRET_FILE);
    return access(path, F_OK) != 0 && errno == ENOENT ? HYS_EDENIED : HYS_EIO;
}

/* Make the folder path on the stick (its parent already checked), and
 * check it is a folder on the stick, not a link off it. */
static hys_status stick_dir(const char *path, const char *stick, char *err, size_t errn)
{
    if (mkdir(path, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errn, "cannot make the folder %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    if (!hys_dir_on(path, stick)) {
        snprintf(err, errn, "%s is a link, not a folder on the stick: the stick was not enrolled",
                 path);
        return HYS_EFORMAT;
    }
    return HYS_OK;
}

hys_status hys_enrol_stick(const char *data, const char *kiosk_id, const char *stick, char *err,
                           size_t errn)
{
    assert(data && kiosk_id && stick && err);
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    char dir[4300], top[4200];
    if (!kiosk_id[0] || strchr(kiosk_id, '/')) {
        snprintf(err, errn, "the kiosk has no id yet");
        return HYS_EFORMAT;
    }
    if (kiosk_dir(dir, sizeof dir, stick, kiosk_id) != HYS_OK ||
        hys_path(top, sizeof top, stick, "HAVEYOURSAY") != HYS_OK) {
        snprintf(err, errn, "the stick's path %s is too long", stick);
        return HYS_ELIMIT;
    }
    /* each folder checked before anything goes into it */
    hys_status rc = stick_dir(top, stick, err, errn);
    if (!rc) rc = stick_dir(dir, stick, err, errn);
    if (rc) return rc;
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES], id[ID_BYTES],
        tag[crypto_auth_hmacsha256_BYTES];
    if (secret(data, 1, key, err, errn) != HYS_OK) return HYS_EIO;
    char id_hex[2 * ID_BYTES + 1], tag_hex[2 * sizeof tag + 1];
    randombytes_buf(id, sizeof id);
    sodium_bin2hex(id_hex, sizeof id_hex, id, sizeof id);
    tag_of(key, kiosk_id, id_hex, tag);
    sodium_memzero(key, sizeof key);
    sodium_bin2hex(tag_hex, sizeof tag_hex, tag, sizeof tag);
    /* made in the data folder, then placed on the stick like a bundle's
     * files: as a new file (never through a link), flushed, read back */
    char here[4300];
    hys_path(here, sizeof here, data, HYS_ENROL_FILE);
    unlink(here);
    int fd = open(here, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    char line[TOKEN_MAX];
    int len = snprintf(line, sizeof line, "%s %s %s\n", TOKEN_MAGIC, id_hex, tag_hex);
    int ok = fd >= 0 && write(fd, line, (size_t)len) == len;
    if (fd >= 0) ok = close(fd) == 0 && ok;
    if (!ok) {
        snprintf(err, errn, "cannot write %s: %s", here, strerror(errno));
        unlink(here);
        return HYS_EIO;
    }
    rc = hys_file_place(data, dir, HYS_ENROL_FILE, NULL, err, errn);
    unlink(here);
    if (!rc) rc = hys_dir_sync(dir, err, errn);
    return rc;
}

hys_status hys_enrol_check(const char *data, const char *kiosk_id, const char *stick, char *err,
                           size_t errn)
{
    assert(data && kiosk_id && stick && err);
    char dir[4300], path[4400], why[300];
    if (sodium_init() < 0 || kiosk_dir(dir, sizeof dir, stick, kiosk_id) != HYS_OK ||
        hys_path(path, sizeof path, dir, HYS_ENROL_FILE) != HYS_OK) {
        snprintf(err, errn, "the stick cannot be checked");
        return HYS_EDENIED;
    }
    char *text = NULL;
    size_t n = 0;
    if (hys_file_read(path, TOKEN_MAX, &text, &n, why, sizeof why) != HYS_OK) {
        if (access(path, F_OK) != 0 && errno == ENOENT)
            snprintf(err, errn, "the stick is not enrolled on this kiosk (it has no token for it)");
        else { /* (a token that cannot be read: the stick says why) */
            snprintf(err, errn, "%s", why);
            return HYS_EIO;
        }
        return HYS_EDENIED;
    }
    char magic[32], id_hex[2 * ID_BYTES + 2], tag_hex[2 * crypto_auth_hmacsha256_BYTES + 2];
    unsigned char tag[crypto_auth_hmacsha256_BYTES], want[crypto_auth_hmacsha256_BYTES],
        key[crypto_auth_hmacsha256_KEYBYTES];
    size_t tag_len = 0;
    int ok = sscanf(text, "%31s %33s %65s", magic, id_hex, tag_hex) == 3 &&
             !strcmp(magic, TOKEN_MAGIC) && strlen(id_hex) == 2 * ID_BYTES &&
             strspn(id_hex, "0123456789abcdef") == 2 * ID_BYTES &&
             sodium_hex2bin(tag, sizeof tag, tag_hex, strlen(tag_hex), NULL, &tag_len, NULL) == 0 &&
             tag_len == sizeof tag;
    hys_free(text);
    if (!ok) {
        snprintf(err, errn, "the stick's token for this kiosk is damaged: enrol it again");
        return HYS_EDENIED;
    }
    if (secret(data, 0, key, err, errn) != HYS_OK) return access_secret(data);
    tag_of(key, kiosk_id, id_hex, want);
    sodium_memzero(key, sizeof key);
    if (sodium_memcmp(tag, want, sizeof tag) != 0) {
        snprintf(err, errn,
                 "the stick's token was not made by this kiosk, or its sticks were forgotten "
                 "since: enrol it again");
        return HYS_EDENIED;
    }
    return HYS_OK;
}

hys_status hys_enrol_forget_all(const char *data, char *err, size_t errn)
{
    char path[4200];
    hys_path(path, sizeof path, data, SECRET_FILE);
    if (unlink(path) != 0 && errno != ENOENT) {
        snprintf(err, errn, "cannot forget the sticks: %s: %s", path, strerror(errno));
        return HYS_EIO;
    }
    return HYS_OK;
}
