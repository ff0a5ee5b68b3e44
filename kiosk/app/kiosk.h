/* kiosk: the running program: one question set, its journey, the answer
 * store, the screen and the program's words, wired together; touch and key
 * input in, frames out. Used by the real event loop and by replays. */
#ifndef HYS_KIOSK_H
#define HYS_KIOSK_H

#include "../layout/layout.h"
#include "../util/status.h"

typedef struct hys_kiosk_options {
    const char *form; /* question set; NULL = from config, else the demo set */
    const char *data; /* data folder; NULL = the default */
    int w, h;         /* window size; 0 = full screen / 1280x800 offscreen */
    int offscreen;    /* replay: no window */
    int windowed;     /* developer: a window instead of full screen */
} hys_kiosk_options;

typedef struct hys_kiosk hys_kiosk;

/* Start everything. NULL with a one-line reason in err on failure. */
hys_kiosk *hys_kiosk_open(const hys_kiosk_options *o, char *err, size_t errn);
/* What the first frame does not need, started after it by the real loop
 * (before it by replays, which always run alike): SDL's sound and eSpeak
 * NG, each language's voice checked, and the sound devices there are now. */
void hys_kiosk_start_speech(hys_kiosk *k);
/* Flush every answer to disk and stop. NULL is fine. */
void hys_kiosk_close(hys_kiosk *k);
/* Only what keeps the answers of hys_kiosk_close: a running export
 * finishes, an open session ends (not completed), and the store writes
 * what is queued and closes. After it the program may end at once: what is
 * left (the window, the sound, memory) the system takes back, without
 * waiting on threads that sleep. NULL is fine. */
void hys_kiosk_keep(hys_kiosk *k);
/* The real event loop, until the program is asked to stop. Returns an exit status. */
int hys_kiosk_run(hys_kiosk *k);

/* What reaches the kiosk: every way in, each on the kiosk's clock (ms). */
typedef enum hys_kiosk_input {
    HYS_IN_SHOW,       /* nothing new: show the frame if it is not on the screen yet (start) */
    HYS_IN_REDRAW,     /* the window was uncovered or resized: lay out and draw it again */
    HYS_IN_PRESS,      /* a finger (or the mouse button) down at x, y */
    HYS_IN_RELEASE,    /* the finger lifted at x, y: a target acts only if still under it */
    HYS_IN_KEY,        /* a key by SDL key name ("Return", "Keypad 5") or a switch
                        * ("Joystick 0") in text; what each does is in keys.h */
    HYS_IN_TEXT,       /* typed text (UTF-8) */
    HYS_IN_TIME,       /* time passes to now: timers due fire in order; speech is followed */
    HYS_IN_STICK_IN,   /* a USB stick mounted at text (see stick) */
    HYS_IN_STICK_OUT,  /* the stick mounted at text went away */
    HYS_IN_SAVED,      /* the stick's export, running on its own thread, finished */
    HYS_IN_HEADSET_IN, /* headphones (a new sound output device, called text) came */
    HYS_IN_HEADSET_OUT /* the headphones went */
} hys_kiosk_input;

typedef struct hys_kiosk_event {
    hys_kiosk_input kind;
    long now;
    int x, y;
    const char *text;
    /* HYS_IN_STICK_IN: what is on it, seen off the screen's thread (sticks.h) */
    int kiosk_folder; /* a top-level HAVEYOURSAY folder: the answers go on it, with no taps */
    int questions;    /* HAVEYOURSAY/questions holds a question set staff can load */
    int wait;         /* export on this thread (replays); else on its own */
} hys_kiosk_event;

/* The one way in, for the real event loop and replays alike: the event
 * changes the state, timers due by its time fire, and whatever changed is
 * laid out, drawn and presented before this returns, with no further
 * input. Nothing is drawn when nothing changed. HYS_ENOTFOUND when a key
 * name is unknown (nothing else happens), else HYS_OK. */
hys_status hys_kiosk_handle(hys_kiosk *k, const hys_kiosk_event *e);
/* The frame on the screen now. Reads only. */
const hys_frame *hys_kiosk_frame(const hys_kiosk *k);
/* How many frames have been presented so far (tests, benchmarks). */
unsigned long hys_kiosk_presented(const hys_kiosk *k);
/* Save the pixels on the screen now as PNG (draws nothing): HYS_OK, or
 * HYS_EIO (HYS_ENOMEM) with err set. */
hys_status hys_kiosk_save_shot(hys_kiosk *k, const char *path, char *err, size_t errn);
/* Wait until every answer given so far is on disk. */
void hys_kiosk_sync(hys_kiosk *k);

/* Speech, for replays and benchmarks. 1 while speech is heard or made. */
int hys_kiosk_speech_busy(hys_kiosk *k);
/* The words of the last thing said (items joined by " | "); count = how many
 * things have been said so far. */
const char *hys_kiosk_said(const hys_kiosk *k, unsigned long *count);
/* Wait up to timeout_ms (real time) for synthesis to end; figures in st.
 * HYS_OK when it ended, HYS_ETIMEOUT when it did not, HYS_ENOTFOUND when
 * there is no speech. */
struct hys_speech_stats;
/* Figures for the last thing said, without waiting. */
void hys_kiosk_speech_stats(hys_kiosk *k, struct hys_speech_stats *st);
/* The sound device speech goes to ("" the speaker) into out. */
void hys_kiosk_speech_device(hys_kiosk *k, char *out, size_t n);
/* The id of the target with the key focus, "" when none. */
const char *hys_kiosk_focus(const hys_kiosk *k);
/* The smallest side a target may have here: 44 px, or 12 mm when config.ini
 * gives screen_width_mm. */
int hys_kiosk_min_target(hys_kiosk *k);
/* The next moment a timer is due (kiosk clock), or -1. */
long hys_kiosk_deadline(const hys_kiosk *k);
/* Staff closed the kiosk (or switched its box off): the program ends. */
int hys_kiosk_closed(const hys_kiosk *k);
/* The data folder the kiosk keeps its answers in. */
const char *hys_kiosk_data_dir(const hys_kiosk *k);
/* The answer kept this session for the question called name: its value, or
 * "skipped" / "dont_understand", or "" when none; NULL when no such question. */
const char *hys_kiosk_answer(const hys_kiosk *k, const char *name);
hys_status hys_kiosk_speech_wait(hys_kiosk *k, long timeout_ms, struct hys_speech_stats *st);

#endif
