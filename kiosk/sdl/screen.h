/* screen: the only module that knows SDL video: the window (or, for
 * replays, an off-screen surface), turning a layout frame into pixels, and
 * the caches that make that cheap (fonts by size, rendered text, pictures). */
#ifndef HYS_SCREEN_H
#define HYS_SCREEN_H

#include "../layout/layout.h"
#include "../util/status.h"

#include <stddef.h>

typedef struct hys_sdl_screen hys_sdl_screen;

typedef struct hys_screen_options {
    int w, h;          /* window size; 0 = the display's size */
    int fullscreen;    /* kiosk: full screen, no cursor */
    int offscreen;     /* replay: draw into memory, no window */
    const char *fonts; /* folder with the .ttf files */
} hys_screen_options;

/* Open the screen. SDL video must already be initialised (except offscreen).
 * NULL with a reason in err on failure. */
hys_sdl_screen *hys_screen_open(const hys_screen_options *o, char *err, size_t errn);
void hys_screen_close(hys_sdl_screen *s);
/* Text measuring for the layout; valid while the screen is open. */
const hys_measure *hys_screen_measure(hys_sdl_screen *s);
/* Current drawable size in logical pixels. */
void hys_screen_size(hys_sdl_screen *s, int *w, int *h);
/* Draw the frame and show it. */
void hys_screen_draw(hys_sdl_screen *s, const hys_frame *f);
/* A kiosk's window, opened as a borderless window covering the screen (so
 * the first frame shows at once), now asks to be full screen proper. */
void hys_screen_full(hys_sdl_screen *s);
/* Save what was last drawn as PNG: HYS_OK, or with err set HYS_EIO when it
 * cannot be read back or written, HYS_ENOMEM. */
hys_status hys_screen_save_png(hys_sdl_screen *s, const char *path, char *err, size_t errn);

#endif
