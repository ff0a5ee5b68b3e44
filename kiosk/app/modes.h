/* modes: what the kiosk is doing, from back to front. Each mode has its own
 * state (a member of hys_kiosk: usb, staff, trouble; the journey for a
 * resident's questions), the actions of its screen, its timers and what
 * its screen shows. One dispatcher sends an action to the mode in front,
 * which hands on to the mode behind it what is not its own (the corner's
 * speaker button on a notice is the journey's). */
#ifndef HYS_MODES_H
#define HYS_MODES_H

#include "kiosk_impl.h"

typedef enum {
    HYS_MODE_JOURNEY,      /* a resident's questions (journey.h): always on, at the back */
    HYS_MODE_OUT_OF_ORDER, /* answers cannot be saved (trouble.c): a notice, nothing kept */
    HYS_MODE_STAFF,        /* staff mode (staff.c), the PIN first */
    HYS_MODE_NOTICE,       /* a stick's export (usb.c): a notice in place of the screen */
    HYS_MODE_COUNT
} hys_mode;

/* The mode in front now. */
hys_mode hys_mode_now(const hys_kiosk *k);
/* Its name, for logs and replays ("journey", "out-of-order", "staff", "notice"). */
const char *hys_mode_name(hys_mode m);
/* The one way an action (a tap, a key's, a replay's) reaches the modes. */
void hys_mode_act(hys_kiosk *k, hys_action a, int arg, long now);
/* The next moment any mode's timer is due, or -1. */
long hys_mode_deadline(const hys_kiosk *k);
/* Every mode's timers due at now, from back to front. */
void hys_mode_tick(hys_kiosk *k, long now);
/* What the mode in front shows: a notice or staff's screen go into in
 * (staff's view is made in sv); the journey's screen needs nothing more. */
void hys_mode_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv);

#endif
