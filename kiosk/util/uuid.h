/* uuid: random (version 4) UUIDs for sessions, answers and the kiosk id.
 * Random only: nothing in them relates to a time, a device or a person. */
#ifndef HYS_UUID_H
#define HYS_UUID_H

#define HYS_UUID_LEN 37 /* 36 characters and the terminating NUL */

/* Write a new random UUID such as "3f2b…-…" into out. Uses the kernel's
 * random source through libsodium; never fails once sodium_init succeeded. */
void hys_uuid_new(char out[HYS_UUID_LEN]);

#endif
