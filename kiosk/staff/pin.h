/* pin: the staff PIN. Set only by the installer (`haveyoursay set-pin`),
 * never on the kiosk's screen: a resident must not be able to choose one.
 * Kept only as a slow hash (libsodium crypto_pwhash_str: Argon2id, 3 passes
 * over 128 MiB) in DATA/staff.pin, 0600; never printed, logged or exported.
 * Wrong PINs lock staff mode for a while that doubles each time (from 30 s
 * after the third wrong one, up to an hour); the count and the lock are
 * kept in DATA/staff.tries, so a restart gives no fresh tries. */
#ifndef HYS_PIN_H
#define HYS_PIN_H

#include "../util/status.h"

#include <stddef.h>

#define HYS_PIN_MIN_DIGITS 6
#define HYS_PIN_MAX_DIGITS 8

/* Set the PIN (6 to 8 digits) for the kiosk whose data folder is dir. */
hys_status hys_pin_set(const char *dir, const char *pin, char *err, size_t errn);
/* 1 when a PIN has been set. */
int hys_pin_is_set(const char *dir);

/* Wrong tries and the lock they earn; zero it, then hys_pin_guard_load it
 * once when the program starts (what earlier runs left in staff.tries);
 * hys_pin_check keeps the file up to date. */
typedef struct hys_pin_guard {
    int wrong;         /* wrong PINs in a row */
    long locked_until; /* ms on the caller's clock; 0 = not locked */
} hys_pin_guard;

/* Take in the tries and lock earlier runs left (now: the caller's clock). */
void hys_pin_guard_load(hys_pin_guard *g, const char *dir, long now);

typedef enum {
    HYS_PIN_OK,     /* right: staff mode opens */
    HYS_PIN_WRONG,  /* wrong (and maybe now locked: see wait) */
    HYS_PIN_LOCKED, /* not even tried: still locked */
    HYS_PIN_NONE    /* no PIN has been set: staff mode stays shut */
} hys_pin_result;

/* Check pin at time now (ms). *wait_ms says how long staff mode stays locked
 * (0 when it is not). */
hys_pin_result hys_pin_check(hys_pin_guard *g, const char *dir, const char *pin, long now,
                             long *wait_ms);

#endif
