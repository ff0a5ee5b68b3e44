/* replay: drives the real kiosk from a script on a virtual clock, with no
 * window (SDL_VIDEODRIVER=dummy), saving screenshots on request. The script
 * language is described in README.md ("Replays"). */
#ifndef HYS_REPLAY_H
#define HYS_REPLAY_H

#include "kiosk.h"

/* Run script against k, through the same hys_kiosk_handle the real event
 * loop uses (so a screenshot is what was presented). Returns the exit
 * status: 0 when every line ran and every expect- held; otherwise prints
 * "SCRIPT:LINE: reason" to stderr and returns 1. trace (may be NULL): a file that gets a line
 * for each input, stick, PIN and screenshot, with its virtual time
 * ("1200 press 640 517", "1200 shot DIR/x.png LINE"): what tests/real
 * does to the real window. */
int hys_replay_run(hys_kiosk *k, const char *script, const char *shots_dir, const char *trace);

#endif
