/* pin: the staff PIN's hash and the lock after wrong tries (see pin.h). */
#include "pin.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIRST_LOCK_MS 30000L
#define LONGEST_LOCK_MS 3600000L

static void path_of(const char *dir, char *out, size_t n)
{
    snprintf(out, n, "%s/staff.pin", dir);
}

static int digits(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < HYS_PIN_MIN_DIGITS || n > HYS_PIN_MAX_DIGITS) return 0;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') return 0;
    return 1;
}

hys_status hys_pin_set(const char *dir, const char *pin, char *err, size_t errn)
{
    if (!digits(pin)) {
        snprintf(err, errn, "a staff PIN is %d to %d digits", HYS_PIN_MIN_DIGITS,
                 HYS_PIN_MAX_DIGITS);
        return HYS_EFORMAT;
    }
    if (sodium_init() < 0) {
        snprintf(err, errn, "libsodium cannot start");
        return HYS_EIO;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, errn, "not enough memory to hash the PIN");
        return HYS_ENOMEM;
    }
    char path[4200], tmp[4300];
    path_of(dir, path, sizeof path);
    snprintf(tmp, sizeof tmp, "%s.new", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    size_t len = strlen(hash);
    int ok = fd >= 0 && write(fd, hash, len) == (ssize_t)len && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    sodium_memzero(hash, sizeof hash);
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errn, "cannot keep the PIN in %s: %s", path, strerror(errno));
        unlink(tmp);
        return HYS_EIO;
    }
    return HYS_OK;
}

int hys_pin_is_set(const char *dir)
{
    char path[4200];
    path_of(dir, path, sizeof path);
    struct stat sb;
    return stat(path, &sb) == 0 && sb.st_size > 0;
}

hys_pin_result hys_pin_check(hys_pin_guard *g, const char *dir, const char *pin, long now,
                             long *wait_ms)
{
    *wait_ms = 0;
    if (g->locked_until > now) {
        *wait_ms = g->locked_until - now;
        return HYS_PIN_LOCKED;
    }
    char path[4200], hash[crypto_pwhash_STRBYTES + 1];
    path_of(dir, path, sizeof path);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return HYS_PIN_NONE;
    ssize_t n = read(fd, hash, sizeof hash - 1);
    close(fd);
    if (n <= 0) return HYS_PIN_NONE;
    hash[n] = 0;
    if (sodium_init() >= 0 && digits(pin) &&
        crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0) {
        g->wrong = 0, g->locked_until = 0;
        return HYS_PIN_OK;
    }
    if (++g->wrong >= 3) {
        long lock = FIRST_LOCK_MS;
        for (int i = 3; i < g->wrong && lock < LONGEST_LOCK_MS; i++)
            lock *= 2;
        if (lock > LONGEST_LOCK_MS) lock = LONGEST_LOCK_MS;
        g->locked_until = now + lock;
        *wait_ms = lock;
    }
    return HYS_PIN_WRONG;
}
