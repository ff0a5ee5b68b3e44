/* bench_tap: a tap on the real X display -> the new screen's pixels on
 * that display. The kiosk runs in its own window on $DISPLAY (Xvfb, SDL's
 * X11 driver, as under cage's Xwayland); this presses and lifts the mouse
 * with XTest at A (a button that opens another screen), times from the
 * lift until the pixels of a strip of the screen (the heading: it changes
 * only when the screen does) differ from before, then waits for the
 * window to settle and taps B (the way back). Prints median and p95 of
 * the lift -> pixels time over TAPS taps each way. A benchmark prints
 * figures; it never fails on a slow machine.
 *   bench_tap AX AY BX BY STRIP_Y STRIP_H TAPS */
#include "bench.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <string.h>
#include <unistd.h>

typedef struct strip {
    int y, h, w;
    unsigned char *px;
} strip;

/* The strip's pixels now, into out (w * h * 4 bytes). 0 on failure. */
static int grab(Display *d, const strip *s, unsigned char *out)
{
    XImage *im = XGetImage(d, DefaultRootWindow(d), 0, s->y, (unsigned)s->w, (unsigned)s->h,
                           AllPlanes, ZPixmap);
    if (!im) return 0;
    for (int y = 0; y < s->h; y++)
        memcpy(out + (size_t)y * (size_t)s->w * 4,
               im->data + (size_t)y * (size_t)im->bytes_per_line, (size_t)s->w * 4);
    XDestroyImage(im);
    return 1;
}

/* Tap at x, y (press, a finger's pause, lift) and time lift -> the strip
 * differing from before; -1 when it never changed within 2 s. */
static double tap(Display *d, const strip *s, unsigned char *now, int x, int y)
{
    grab(d, s, s->px);
    XTestFakeMotionEvent(d, -1, x, y, 0);
    XTestFakeButtonEvent(d, 1, True, 0);
    XSync(d, False);
    usleep(60 * 1000);
    /* (the pressed button changes; the heading does not) */
    grab(d, s, s->px);
    XTestFakeButtonEvent(d, 1, False, 0);
    XSync(d, False);
    double t0 = bench_now_ms();
    while (bench_now_ms() - t0 < 2000) {
        if (grab(d, s, now) && memcmp(now, s->px, (size_t)s->w * (size_t)s->h * 4))
            return bench_now_ms() - t0;
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc != 8) {
        fprintf(stderr, "usage: bench_tap AX AY BX BY STRIP_Y STRIP_H TAPS\n");
        return 2;
    }
    int ax = atoi(argv[1]), ay = atoi(argv[2]), bx = atoi(argv[3]), by = atoi(argv[4]);
    int taps = atoi(argv[7]);
    Display *d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "bench_tap: no X display\n");
        return 1;
    }
    int ev, er, maj, min;
    if (!XTestQueryExtension(d, &ev, &er, &maj, &min)) {
        fprintf(stderr, "bench_tap: the X server has no XTest\n");
        return 1;
    }
    strip s = {atoi(argv[5]), atoi(argv[6]), DisplayWidth(d, DefaultScreen(d)), NULL};
    s.px = malloc((size_t)s.w * (size_t)s.h * 4);
    unsigned char *now = malloc((size_t)s.w * (size_t)s.h * 4);
    double *there = calloc((size_t)taps, sizeof *there), *back = calloc((size_t)taps, sizeof *back);
    if (!s.px || !now || !there || !back) return 1;
    int nt = 0, nb = 0, missed = 0;
    for (int i = 0; i < taps; i++) {
        double a = tap(d, &s, now, ax, ay);
        usleep(300 * 1000); /* (the new screen settles; a person reads) */
        double b = tap(d, &s, now, bx, by);
        usleep(300 * 1000);
        if (a >= 0) there[nt++] = a;
        if (b >= 0) back[nb++] = b;
        missed += (a < 0) + (b < 0);
    }
    bench_report("tap (mouse up) -> new screen on the X display", there, nt, "taps");
    bench_report("tap back (mouse up) -> screen on the X display", back, nb, "taps");
    if (missed) printf("  %d taps showed no new screen within 2 s\n", missed);
    free(s.px), free(now), free(there), free(back);
    XCloseDisplay(d);
    return 0;
}
