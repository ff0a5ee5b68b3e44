/* enrol: the USB sticks a kiosk gives its answers to. Staff enrol a stick
 * (in staff mode after the PIN, or `haveyoursay enrol-stick`); any other
 * stick gets nothing, and nothing is marked exported.
 *
 * Enrolling puts a token in the stick's own folder for this kiosk,
 * STICK/HAVEYOURSAY/KIOSK_ID/stick.key: one line, "haveyoursay-stick-1",
 * a random id for the stick and the HMAC-SHA256 of the kiosk's id and that
 * id under a secret only the kiosk holds (DATA/sticks.key, 32 random bytes,
 * 0600, made at the first enrolment). The kiosk checks the HMAC in constant
 * time. A stick has no identity a kiosk can trust, so a token copied onto
 * another stick enrols that one too: sticks are kept like keys, and
 * forgetting every stick (a new secret) is the answer to a lost one. */
#ifndef HYS_ENROL_H
#define HYS_ENROL_H

#include "../util/status.h"

#include <stddef.h>

#define HYS_ENROL_FILE "stick.key"

/* Enrol the stick mounted at stick on the kiosk kiosk_id whose data folder
 * is data: its HAVEYOURSAY/KIOSK_ID folder is made (never through a link)
 * and the token written, flushed and read back. */
hys_status hys_enrol_stick(const char *data, const char *kiosk_id, const char *stick, char *err,
                           size_t errn);

/* Is the stick at stick enrolled on this kiosk? HYS_OK yes; HYS_EDENIED
 * no, with why in err (no token, a token of another kiosk or of a forgotten
 * enrolment); HYS_EIO when it cannot be told (the stick or the kiosk's
 * secret cannot be read), with why in err. */
hys_status hys_enrol_check(const char *data, const char *kiosk_id, const char *stick, char *err,
                           size_t errn);

/* Forget every stick enrolled so far: a new secret, so no token checks. */
hys_status hys_enrol_forget_all(const char *data, char *err, size_t errn);

#endif
