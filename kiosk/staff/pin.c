/* pin: the staff PIN's hash and the lock after wrong tries (see pin.h). */
#include "pin.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FIRST_LOCK_MS 30000L
#define LONGEST_LOCK_MS 3600000L

/* Argon2id: 3 passes over 128 MiB (libsodium's "interactive" is 2 over
 * 64 MiB); README "Staff PIN" gives the time a guess takes. */
#define PWHASH_OPS 3ULL
#define PWHASH_MEM (128ULL * 1024 * 1024)

static void path_of(const char *dir, char *out, size_t n)
{
    snprintf(out, n, "%s/staff.pin", dir);
}

/* Milliseconds on the wall clock (the lock outlives the program's own clock). */
static long long wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void hys_pin_guard_load(hys_pin_guard *g, const char *dir, long now)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/staff.tries", dir);
    FILE *f = fopen(path, "r");
    int wrong = 0;
    long long until = 0;
    if (f && fscanf(f, "%d %lld", &wrong, &until) == 2 && wrong > 0 && wrong < 1000000) {
        if (wrong > g->wrong) g->wrong = wrong;
        long long left = until - wall_ms();
        if (left > 3600000LL) left = 3600000LL; /* (a clock set back: no longer than an hour) */
        if (left > 0 && now + left > g->locked_until) g->locked_until = now + (long)left;
    }
    if (f) fclose(f);
}

/* Keep the tries and the lock for the next run (0600, replaced whole). */
static void guard_save(const hys_pin_guard *g, const char *dir, long now)
{
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/staff.tries", dir);
    snprintf(tmp, sizeof tmp, "%s.new", path);
    long long until = g->locked_until > now ? wall_ms() + (g->locked_until - now) : 0;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    char line[64];
    int len = snprintf(line, sizeof line, "%d %lld\n", g->wrong, until);
    int ok = fd >= 0 && write(fd, line, (size_t)len) == len && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    if (!ok || rename(tmp, path) != 0) unlink(tmp);
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
    if (crypto_pwhash_str(hash, pin, strlen(pin), PWHASH_OPS, (size_t)PWHASH_MEM) != 0) {
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
        guard_save(g, dir, now);
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
    guard_save(g, dir, now);
    return HYS_PIN_WRONG;
}
