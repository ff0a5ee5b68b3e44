/* config: the kiosk's settings, from DATA/config.ini (key = value lines,
 * # comments). Every key has a default; unknown keys and bad values are
 * reported with file:line and ignored. */
#ifndef HYS_CONFIG_H
#define HYS_CONFIG_H

#include "keys.h"

#include "../journey/journey.h"
#include "../store/store.h"

typedef struct hys_config {
    char form[1024];            /* question set to run; "" = the bundled demo set */
    hys_journey_config times;   /* idle, countdown, thanks, quick poll */
    hys_period period;          /* how coarse the time recorded with answers is */
    hys_keymap keys;            /* keypad and switch keys */
    long hear_hold_ms;          /* a touch held this long starts touch-to-hear, with a banner
                                 * and words; 0 = only from the keys (never by accident) */
    long scan_ms;               /* one-switch scanning step; 0 = no automatic scanning */
    long repeat_tap_ms;         /* a second tap on the same target this soon is ignored (tremor) */
    int screen_width_mm;        /* the display's visible width, for 12 mm targets; 0 = unknown */
    char venue[128];            /* this kiosk's place, named in exports' reports */
    char usb_mounts[1024];      /* comma-separated folders where USB sticks get mounted */
    char shutdown_command[512]; /* what staff's "Switch the kiosk off" runs (with /bin/sh);
                                 * "" = no such button (a developer's machine) */
    char office_key[64];        /* the office's public key (base64): exports are sealed to it
                                 * (a question set's own public_key comes first); "" none */
    long stick_report_ms;       /* the combined report on a stick is given up after this */
} hys_config;

void hys_config_default(hys_config *c);
/* Read path over the defaults in c. A missing file is fine (returns 0);
 * problems are printed to stderr as path:line: message. Returns the number of
 * problems. */
int hys_config_load(hys_config *c, const char *path);

#endif
