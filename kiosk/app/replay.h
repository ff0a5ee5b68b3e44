/* replay: drives the real kiosk from a script on a virtual clock, with no
 * window (SDL_VIDEODRIVER=dummy), saving screenshots on request. The script
 * language is described in README.md ("Replays"). */
#ifndef HYS_REPLAY_H
#define HYS_REPLAY_H

#include "kiosk.h"

/* Run script against k. Returns 0 when every line ran and every expect-
 * held; otherwise prints "SCRIPT:LINE: reason" to stderr and returns 1. */
int hys_replay_run(hys_kiosk *k, const char *script, const char *shots_dir);

#endif
