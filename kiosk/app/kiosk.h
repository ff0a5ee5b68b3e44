/* kiosk: the running program: one question set, its journey, the answer
 * store, the screen and the program's words, wired together; touch and key
 * input in, frames out. Used by the real event loop and by replays. */
#ifndef HYS_KIOSK_H
#define HYS_KIOSK_H

#include "../layout/layout.h"

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
/* Flush every answer to disk and stop. NULL is fine. */
void hys_kiosk_close(hys_kiosk *k);
/* The real event loop, until the program is asked to stop. Returns an exit status. */
int hys_kiosk_run(hys_kiosk *k);

/* Input, on the kiosk's clock (ms). Act on lift: release activates the
 * target pressed only if the finger is still on it. */
void hys_kiosk_press(hys_kiosk *k, int x, int y, long now);
void hys_kiosk_release(hys_kiosk *k, int x, int y, long now);
/* A key by SDL key name ("Return", "Up", "Keypad 5"), or a switch
 * ("Joystick 0"); what each does is in keys.h. 0 when the name is unknown. */
int hys_kiosk_key(hys_kiosk *k, const char *name, long now);
void hys_kiosk_text(hys_kiosk *k, const char *utf8, long now);
/* Let time pass to now (timers fire in order). */
void hys_kiosk_advance(hys_kiosk *k, long now);
/* The frame for the current state (laid out again if anything changed). */
const hys_frame *hys_kiosk_frame(hys_kiosk *k);
/* Draw the current frame; save it when path is not NULL. 0 or -1 with err. */
int hys_kiosk_shot(hys_kiosk *k, const char *path, char *err, size_t errn);
/* Wait until every answer given so far is on disk. */
void hys_kiosk_sync(hys_kiosk *k);

/* Speech, for replays and benchmarks. 1 while speech is heard or made. */
int hys_kiosk_speech_busy(hys_kiosk *k);
/* The words of the last thing said (items joined by " | "); count = how many
 * things have been said so far. */
const char *hys_kiosk_said(const hys_kiosk *k, unsigned long *count);
/* Wait up to timeout_ms (real time) for synthesis to end; figures in st.
 * -1 when it did not end, or there is no speech. */
struct hys_speech_stats;
/* Figures for the last thing said, without waiting. */
void hys_kiosk_speech_stats(hys_kiosk *k, struct hys_speech_stats *st);
/* The id of the target with the key focus, "" when none. */
const char *hys_kiosk_focus(const hys_kiosk *k);
/* The smallest side a target may have here: 44 px, or 12 mm when config.ini
 * gives screen_width_mm. */
int hys_kiosk_min_target(hys_kiosk *k);
/* The next moment a timer is due (kiosk clock), or -1. */
long hys_kiosk_deadline(const hys_kiosk *k);
/* A USB stick was mounted at mount (inserted) or went away. A stick with a
 * top-level HAVEYOURSAY folder gets the answers not yet exported, with no
 * taps: a notice says to wait, then that it is safe to take the stick out
 * (screen and voice). wait: export on this thread (replays); else on its own. */
void hys_kiosk_stick(hys_kiosk *k, const char *mount, int inserted, int wait, long now);
/* Staff closed the kiosk (or switched its box off): the program ends. */
int hys_kiosk_closed(const hys_kiosk *k);
/* The data folder the kiosk keeps its answers in. */
const char *hys_kiosk_data_dir(const hys_kiosk *k);
/* The answer kept this session for the question called name: its value, or
 * "skipped" / "dont_understand", or "" when none; NULL when no such question. */
const char *hys_kiosk_answer(const hys_kiosk *k, const char *name);
int hys_kiosk_speech_wait(hys_kiosk *k, long timeout_ms, struct hys_speech_stats *st);

#endif
