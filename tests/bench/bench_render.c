/* bench_render: how long the kiosk takes to lay out and draw each screen of
 * the demo set (English, text at 100 %) with SDL's software renderer, the
 * one the kiosk uses, into a WxH surface. For each screen it prints the
 * first draw (its words not yet in the text caches, as when a resident taps
 * on to it) and the median and p95 of RUNS redraws. Under valgrind's
 * callgrind (tests/bench/run does this) each measured frame is a dump of
 * its own, which gives an instruction count per frame that does not change
 * with a noisy machine. A benchmark prints figures; it never fails on a
 * slow machine. usage: bench_render WxH [RUNS] */
#include "../unit/walk.h"
#include "bench.h"

#include "layout/layout.h"
#include "sdl/screen.h"
#include "util/po.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCREENS 64

static hys_sdl_screen *screen;
static int W, H, runs, nscreens;
static char names[MAX_SCREENS][96];
static double first[MAX_SCREENS], median[MAX_SCREENS], p95[MAX_SCREENS];

/* One frame laid out and drawn: what a tap costs the screen. Not inlined,
 * so that callgrind can count it alone (--toggle-collect, --dump-after). */
void bench_frame(hys_frame *f, const hys_layout_in *in);
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((noipa)) /* (GCC: not inlined, nor cloned under another name) */
#else
__attribute__((noinline))
#endif
void bench_frame(hys_frame *f, const hys_layout_in *in)
{
    hys_layout_build(f, in);
    hys_screen_draw(screen, f);
}

static void visit(void *ud, const hys_form *fm, hys_journey *j)
{
    static hys_frame f;
    if (nscreens >= MAX_SCREENS) return;
    hys_layout_in in;
    memset(&in, 0, sizeof in);
    in.form = fm, in.journey = j, in.measure = hys_screen_measure(screen);
    in.theme = hys_theme_default(), in.icons_dir = HYS_ASSETS "/icons", in.w = W, in.h = H;
    in.can_speak = 1, in.volume_steps = 8;
    double t0 = bench_now_ms();
    bench_frame(&f, &in);
    first[nscreens] = bench_now_ms() - t0;
    snprintf(names[nscreens], sizeof names[0], "%s", f.screen);
    double *t = malloc(sizeof *t * (size_t)runs);
    for (int r = 0; t && r < runs; r++) {
        t0 = bench_now_ms();
        bench_frame(&f, &in);
        t[r] = bench_now_ms() - t0;
    }
    if (t) {
        p95[nscreens] = bench_p95(t, runs);
        median[nscreens] = t[runs / 2];
    }
    free(t);
    nscreens++;
}

int main(int argc, char **argv)
{
    if (argc < 2 || sscanf(argv[1], "%dx%d", &W, &H) != 2) {
        fprintf(stderr, "usage: bench_render WxH [RUNS]\n");
        return 2;
    }
    runs = argc > 2 ? atoi(argv[2]) : 50;
    if (runs < 1) runs = 1;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    IMG_Init(IMG_INIT_PNG);
    char err[300];
    hys_screen_options so = {W, H, 0, 1, HYS_ASSETS "/fonts"};
    screen = hys_screen_open(&so, err, sizeof err);
    hys_diags *d = hys_diags_create("demo");
    hys_form *fm = screen ? hys_form_load(HYS_ASSETS "/forms/demo/listening.xlsx", d, NULL) : NULL;
    if (!fm) {
        fprintf(stderr, "bench_render: cannot start: %s\n", screen ? "the demo set" : err);
        return 1;
    }
    walk_screens_sized(fm, 0, 100, visit, NULL);
    double all[MAX_SCREENS], worst = 0;
    for (int i = 0; i < nscreens; i++) {
        printf("  %-34s first %6.2f ms   redraw median %6.2f ms   p95 %6.2f ms\n", names[i],
               first[i], median[i], p95[i]);
        all[i] = p95[i];
        if (first[i] > worst) worst = first[i];
    }
    qsort(all, (size_t)nscreens, sizeof all[0], bench_cmp);
    printf("frame at %dx%d (software renderer), %d screens x %d redraws: worst screen's p95 "
           "%.2f ms, worst first draw %.2f ms\n",
           W, H, nscreens, runs, all[nscreens - 1], worst);
    hys_form_destroy(fm);
    hys_diags_destroy(d);
    hys_screen_close(screen);
    IMG_Quit();
    SDL_Quit();
    return 0;
}
