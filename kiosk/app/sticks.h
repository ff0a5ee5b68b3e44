/* sticks: notices USB sticks being mounted and unmounted where the system's
 * automounter puts them (e.g. /media/USER/LABEL), without a polling loop:
 * a thread sleeps in poll() on inotify watches of those folders and on
 * /proc/self/mountinfo (which the kernel marks on every mount change), and
 * posts an SDL event for each stick that appears or goes. A stick is a
 * mount point under one of the folders (one or two levels down); what is
 * on it is looked at on the watcher's thread, so the screen never waits
 * for a slow or hostile stick. */
#ifndef HYS_STICKS_H
#define HYS_STICKS_H

#include <SDL.h>
#include <stddef.h>

typedef struct hys_sticks hys_sticks;

/* What the watcher saw of a stick. */
typedef struct hys_stick_seen {
    char path[4096];  /* where it is mounted */
    int kiosk_folder; /* a top-level HAVEYOURSAY folder (a real folder, not a link) */
    int questions;    /* has_questions(path) said yes */
} hys_stick_seen;

/* Watch the comma-separated folders roots. Each change posts an SDL_USEREVENT
 * of type event_type with code 1 (inserted) or 0 (removed) and data1 a
 * hys_stick_seen the receiver frees with hys_free. has_questions (may be
 * NULL) looks for a question set on a stick. NULL with err set when nothing
 * can be watched. */
hys_sticks *hys_sticks_start(const char *roots, Uint32 event_type,
                             int (*has_questions)(const char *stick), char *err, size_t errn);
/* Stop watching; NULL is fine. */
void hys_sticks_stop(hys_sticks *w);

/* The sticks under roots now (with a HAVEYOURSAY folder; any mounted
 * folder when any): up to max mount paths into out (each n bytes). Returns
 * how many. */
int hys_sticks_scan(const char *roots, int any, char *out, size_t n, int max);

#endif
