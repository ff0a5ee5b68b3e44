/* monkey: a seeded stream of random input, for soak tests (a replay's
 * "monkey SEED EVENTS" line): taps on what is on screen and anywhere, long
 * presses (the staff corner too), keys and switches, typed text in several
 * scripts, waits from a moment to many minutes, USB sticks in and out.
 * Every event goes through the same calls as a person's. */
#ifndef HYS_MONKEY_H
#define HYS_MONKEY_H

#include "kiosk.h"

/* Send events random events to k from virtual time now; the same seed gives
 * the same events. stick: a folder that is "inserted" now and then. Prints
 * the events done and the process's RSS ten times along the way. Returns
 * the virtual time reached. */
long hys_monkey_run(hys_kiosk *k, unsigned long seed, long events, long now, const char *stick);

#endif
