/* kiosk_impl: the running kiosk's state, shared by the parts of the app:
 * kiosk.c (wiring, frames, the event loop), modes.c (the modes and the one
 * dispatcher of actions), input.c (touch, keys, switches, touch-to-hear,
 * scanning), voice.c (what is said, and in which voice), headset.c
 * (headphones take the speech), and one file per mode's work: usb.c (a
 * stick's notice), staff.c, trouble.c (out of order), questions.c (a
 * question set from a stick). Each part keeps its own state in its own
 * member (usb, staff, trouble, input, listen).
 * Not a public interface: everything else uses kiosk.h.
 *
 * One direction of flow: an event (hys_kiosk_handle) changes the state
 * through the mode in front (modes.h) and sets `changed`; hys_kiosk_layout
 * lays the frame out again from the state when it changed and sets
 * `unshown`; the end of every event presents an unshown frame. Nothing but
 * the end of an event draws. */
#ifndef HYS_KIOSK_IMPL_H
#define HYS_KIOSK_IMPL_H

#include "config.h"
#include "kiosk.h"

#include "../export/export.h"
#include "../export/trust.h"
#include "../staff/pin.h"

#include <pthread.h>
#include <sys/types.h>

#include "../form/form.h"
#include "../journey/journey.h"
#include "../sdl/screen.h"
#include "../speech/speech.h"
#include "../store/store.h"
#include "../util/po.h"

/* A stick's export, as its notice in place of the screen shows it. */
typedef enum {
    HYS_USB_IDLE,   /* no notice */
    HYS_USB_SAVING, /* "Saving the answers... do not take it out yet" */
    HYS_USB_SAVED,  /* saved (or nothing new): it can be taken out */
    HYS_USB_FAILED  /* nothing was saved, and why */
} hys_usb_state;

/* Input's own state (input.c): a finger, the keys' focus, touch-to-hear,
 * scanning. The ways in are switched off when a session ends
 * (hys_input_reset). */
typedef struct hys_input_state {
    /* touch */
    char pressed[64]; /* target under the finger */
    int pressing, long_fired, press_x, press_y;
    long press_at;
    int corner_press;  /* the finger went down in the staff corner */
    char last_tap[64]; /* the target a tap last chose, and when: tremor filter */
    long last_tap_at;
    char hint[300];  /* why a switched-off button did nothing ("Choose an answer first") */
    long hint_until; /* when the hint goes by itself */

    /* the ways in without sight or touch */
    int keys_used; /* keypad or switch used: the focus ring shows, speech is on */
    char focus[64];
    int explore;       /* touch-to-hear: touching speaks, double tap chooses */
    char explored[64]; /* target last heard in explore mode */
    long explored_at;  /* when it was touched */
    int scanning;      /* one switch: the focus moves by itself */
    int two_switch;    /* a "move" switch was used: no automatic scanning */
    long scan_next_at;
    int swallow_text;   /* a number-pad key was a command: drop its typed digit */
    char screen_id[80]; /* the screen last seen, to notice changes */
    int visit;          /* the journey's visit input last saw (a new one: the next person) */
} hys_input_state;

/* Private listening (headset.c): headphones plugged in take the speech. */
#define HYS_HEADSET_KNOWN 16
typedef struct hys_listen_state {
    char headset[256];                  /* the headphones speech goes to; "" none (the speaker) */
    char known[HYS_HEADSET_KNOWN][256]; /* output devices there at start (the speaker) */
    int nknown;
    int more_known;     /* more were there than known holds: none is taken for headphones */
    int was_read_aloud; /* the resident's reading aloud and volume before they came */
    int was_volume;
    int curtain;        /* the screen is hidden while the resident listens (layout.h) */
    int explore_before; /* touch to hear was on before the screen was hidden */
} hys_listen_state;

/* USB notice mode (usb.c): a stick's export, shown by a notice in place
 * of the screen while it runs and after. */
typedef struct hys_usb_mode {
    hys_usb_state state;  /* the notice of a stick's export, if any */
    char stick[4096];     /* the stick that is in (staff can save to it); "" none */
    int questions;        /* it holds a question set to load (seen when it came) */
    int waiting;          /* it came, set up for kiosks, while another export ran */
    char export_to[4096]; /* where the export running (or last run) writes */
    char notice[1024];
    long until; /* when a finished notice goes by itself */
    pthread_t thread;
    int thread_on;
    unsigned event; /* SDL user event: the export finished (and sticks' comings and goings) */
    hys_export_result result;
    int enrol;            /* staff chose this stick: enrol it first */
    _Atomic int cancel;   /* the kiosk is closing: give the combined report up */
    _Atomic int job_done; /* the export thread has finished its work */
    char kiosk_id[40];    /* the kiosk's id, for the export thread */
    char err[512];
    int rc;
} hys_usb_mode;

/* Out-of-order mode (trouble.c): answers cannot be saved. */
typedef struct hys_trouble_mode {
    int on;
    long retry_at;      /* when to try a write again */
    long failures_seen; /* the store's failures already dealt with */
    char why[600];
    char notice[512];
} hys_trouble_mode;

/* Staff mode (staff.c). */
typedef struct hys_staff_mode {
    hys_staff_screen screen; /* which of staff's screens shows (HYS_STAFF_CLOSED: none) */
    int touched;             /* touch test: squares touched (bits) */
    char pin[HYS_PIN_MAX_DIGITS + 1];
    int pin_set; /* a PIN is set (seen when staff mode opened); else it stays shut */
    hys_pin_guard guard;
    char fingerprint[HYS_TRUST_FINGERPRINT]; /* of its signing key (trust.h), from staff mode's
                                              * first opening ("" before) */
    char msg[1024];
    long until; /* staff mode closes by itself when left alone */
    long now;   /* the time staff mode last saw */
    hys_store_counts counts;
    int can_restore; /* an earlier question set to go back to (seen when staff mode opened) */
} hys_staff_mode;

struct hys_kiosk {
    hys_config cfg;
    hys_form *form;
    hys_store *store;
    hys_journey *journey;
    hys_sdl_screen *screen;
    hys_speech *speech;                /* NULL when this machine has no sound */
    char voice[HYS_MAX_LANGUAGES][24]; /* eSpeak language per form language; "" = none */
    hys_po *po[HYS_MAX_LANGUAGES];
    hys_words words;
    char assets[1024], icons[1100], fonts[1100];
    hys_frame *frame;
    int changed;             /* the state changed since the frame was laid out */
    int unshown;             /* the frame (or the window) changed since it was presented */
    unsigned long presented; /* frames presented so far */
    int fullscreen;

    char data[1024]; /* the data folder */
    int threads;     /* the real event loop runs (else a replay: work is done at once) */
    int quit;        /* staff closed the kiosk */

    hys_input_state input;   /* touches, keys, switches (input.c) */
    hys_listen_state listen; /* headphones (headset.c) */

    /* the modes (modes.h), each with its own state */
    hys_usb_mode usb;         /* a stick's export: its notice in place of the screen */
    hys_trouble_mode trouble; /* out of order: answers cannot be saved */
    hys_staff_mode staff;     /* staff mode: in place of the resident's screen */

    /* speech */
    int speaking;        /* 1 + speak index being heard, as drawn */
    char said[4096];     /* words of the last thing said (for replays) */
    char first[600];     /* said before the next screen ("You chose: Good") */
    unsigned long nsaid; /* how many things have been said */
};

/* kiosk.c */
/* The frame for the state now, laid out again when the state changed: for
 * the kiosk's own parts in the middle of an event (what a key reaches,
 * what is said). The end of the event presents it. */
const hys_frame *hys_kiosk_layout(hys_kiosk *k);
/* Run form f from now on (taking it; the old one is freed): a resident's
 * session ends, every screen starts again at welcome. HYS_OK, or
 * HYS_ENOMEM with err set when the journey cannot start. */
hys_status hys_kiosk_use_form(hys_kiosk *k, hys_form *f, char *err, size_t errn);

/* Open the answers file of the data folder and tell it the question set in
 * use: HYS_OK, or HYS_EIO with err set when it cannot be opened. */
hys_status hys_kiosk_open_store(hys_kiosk *k, char *err, size_t errn);
/* Tell the store the question set in use (again: a failed write of it
 * would make every session fail). */
void hys_kiosk_tell_store(hys_kiosk *k);
/* A new journey on the same question set, at the welcome screen from now
 * (an open session ends, not completed). */
void hys_kiosk_new_journey(hys_kiosk *k, long now);

/* trouble.c: out of order while answers cannot be saved */
/* Answers cannot be saved (why): out of order from now. */
void hys_trouble_start(hys_kiosk *k, long now, const char *why);
/* Have writes failed since last seen (wait: every queued write finished
 * first)? Then out of order. 1 when the kiosk is out of order. */
int hys_trouble_check(hys_kiosk *k, long now, int wait);
/* When to try writing again (-1: not out of order), and trying. */
long hys_trouble_deadline(const hys_kiosk *k);
void hys_trouble_tick(hys_kiosk *k, long now);
/* What staff are told (into out), or NULL when all is well. */
const char *hys_trouble_for_staff(hys_kiosk *k, char *out, size_t n);

/* questions.c: the question set staff load from a stick */
/* The set staff last loaded (DATA/questions/current/, one .xlsx or .csv). */
int hys_questions_current(const char *data, char *path, size_t n);
/* The stick has a set to load (HAVEYOURSAY/questions/, one .xlsx or .csv). */
int hys_questions_on_stick(const char *stick);
/* There is an earlier set to go back to. */
int hys_questions_previous(const char *data);
/* Load the stick's set: copied in, checked, and used only when it can run
 * (the one in use kept as the earlier set). A message for staff goes to msg
 * either way. HYS_OK; HYS_EFORMAT when the set cannot run; HYS_ELIMIT when
 * it has too many files or one too big; HYS_EIO when it cannot be copied or
 * put in place. */
hys_status hys_questions_load(hys_kiosk *k, const char *stick, char *msg, size_t msgn);
/* Go back to the earlier set (and keep this one as the earlier), with a
 * message for staff in msg. HYS_OK; HYS_ENOTFOUND when there is none;
 * HYS_EFORMAT when it cannot run; HYS_EIO when it cannot be put in place. */
hys_status hys_questions_back(hys_kiosk *k, char *msg, size_t msgn);

/* input.c: a finger down and up, a key (HYS_ENOTFOUND when its name is
 * unknown, else HYS_OK), typed text; see hys_kiosk_input in kiosk.h */
void hys_input_press(hys_kiosk *k, int x, int y, long now);
void hys_input_release(hys_kiosk *k, int x, int y, long now);
hys_status hys_input_key(hys_kiosk *k, const char *name, long now);
void hys_input_text(hys_kiosk *k, const char *utf8, long now);
/* Touch-to-hear on (1) or off (0): its banner shows, and the kiosk says so
 * (after before, when not NULL). */
void hys_input_explore(hys_kiosk *k, int on, const char *before, long now);
/* input.c: the next resident starts afresh (no keys, touch-to-hear or
 * scanning on, nothing left to say) */
void hys_input_reset(hys_kiosk *k);
/* input.c: what happens after the journey moved (new screen, session over) */
void hys_input_after(hys_kiosk *k, long now);
/* Timers of input: long press, scanning. Returns the next one, or -1. */
long hys_input_deadline(const hys_kiosk *k);
void hys_input_tick(hys_kiosk *k, long now);

/* usb.c */
/* The codes of the kiosk's own SDL event (usb_event): a stick came or went
 * (sticks.h), or the export thread finished. */
enum { USB_STICK_OUT = 0, USB_STICK_IN = 1, USB_SAVED = 2 };
/* A stick came (e: what is on it) or went. A stick with a top-level
 * HAVEYOURSAY folder gets the answers not yet exported, with no taps: a
 * notice says to wait, then that it is safe to take the stick out. */
void hys_usb_stick(hys_kiosk *k, const hys_kiosk_event *e);
/* Save the answers on the stick that is in (staff's button, which enrols
 * it first: enrol; or a stick set up for kiosks arriving, which must be
 * enrolled already): on its own thread unless wait. */
void hys_usb_export(hys_kiosk *k, int enrol, int wait, long now);
/* The stick's export thread finished: show and say how it went. */
void hys_usb_finished(hys_kiosk *k, long now);
/* A finished notice goes by itself after a while. */
long hys_usb_deadline(const hys_kiosk *k);
void hys_usb_tick(hys_kiosk *k, long now);
/* OK on the notice: back to the screen underneath. */
void hys_usb_dismiss(hys_kiosk *k);
/* At close: give up a combined report being made, and wait (a moment at
 * most) for an export that is running. HYS_OK when none runs now;
 * HYS_ETIMEOUT when it still runs (on a stick that does not answer): then k
 * must outlive the program. */
hys_status hys_usb_close(hys_kiosk *k);

/* staff.c */
/* Open staff mode (the gesture or the staff key): the PIN first. */
void hys_staff_open(hys_kiosk *k, long now);
/* A staff action (HYS_ACT_STAFF_*). */
void hys_staff_act(hys_kiosk *k, hys_action a, int arg, long now);
/* Staff mode closes by itself when left alone. */
long hys_staff_deadline(const hys_kiosk *k);
void hys_staff_tick(hys_kiosk *k, long now);
/* Count the answers again (after an export, on staff's own screen). */
void hys_staff_refresh(hys_kiosk *k);
/* What staff mode shows, for the layout, into out (NULL when it is
 * closed): made from the state alone (no disk, no stick). */
const hys_staff_view *hys_staff_view_fill(const hys_kiosk *k, hys_staff_view *out);
/* A count as staff see it: 0, else the nearest 5 and at least 5, so that
 * watching one resident answer never shows as a change of one. */
long hys_staff_round(long n);
/* The finger is in the staff corner (no target under it, top corner away
 * from the speaker buttons). */
int hys_staff_corner(hys_kiosk *k, int x, int y);

/* headset.c: private listening */
/* Note the output devices there at start (the kiosk's own speaker). */
void hys_headset_known(hys_kiosk *k);
/* 1 when name was there at start (not headphones). */
int hys_headset_is_known(const hys_kiosk *k, const char *name);
/* 1 when the headphones speech goes to are still there (a device went). */
int hys_headset_present(const hys_kiosk *k);
/* Headphones called name came: speech goes to them, read aloud, from now. */
void hys_headset_in(hys_kiosk *k, const char *name, long now);
/* The headphones went: speech back to the speaker, reading aloud and the
 * volume as they were before they came. */
void hys_headset_out(hys_kiosk *k, long now);
/* Hide the screen while the resident listens (on), or show it again: the
 * screen is covered and touch to hear comes on with it. */
void hys_headset_curtain(hys_kiosk *k, int on, long now);

/* voice.c */
/* Speech cannot be had (why: SDL's or eSpeak's words): say so on stderr and
 * go on silent, with no speaker buttons. */
void hys_voice_none(hys_kiosk *k, const char *why);
/* 1 when the screen's language has a voice. */
int hys_voice_ready(const hys_kiosk *k);
/* The words of speak item i when the whole screen is read (NULL: not then). */
const char *hys_voice_in_screen(const hys_frame *f, int i);
/* Say the whole screen; with_keys adds how to use the keys and touch-to-hear. */
void hys_voice_screen(hys_kiosk *k, int with_keys);
/* Say speak item i of the current frame (a focused or touched item). */
void hys_voice_item(hys_kiosk *k, int i);
/* Say words in the screen's language, highlighting speak item i (-1 none). */
void hys_voice_words(hys_kiosk *k, const char *words, int i);
/* How to use the keys, and the focused item. */
void hys_voice_help(hys_kiosk *k);
void hys_voice_stop(hys_kiosk *k);
/* Copy the program's word for english in the screen's language. */
const char *hys_voice_tr(hys_kiosk *k, const char *english);

#endif
