/* Layout over every screen of the demo set, in every language, at three
 * window sizes (1280x800, 800x480 and portrait 800x1280), measured with the
 * real fonts: every box is on the screen, no two touch targets overlap,
 * every target is at least 12 mm (and 44 px) each way on a typical panel of
 * that size, no text is cut, nothing overflows. */
#include "check.h"
#include "walk.h"

#include "layout/layout.h"
#include "sdl/screen.h"
#include "util/po.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

static hys_po *po[HYS_MAX_LANGUAGES];
static hys_sdl_screen *screen;
static int W, H, MIN, reported, screens;

static const char *tr(void *ud, int lang, const char *english)
{
    (void)ud;
    return lang >= 0 && lang < HYS_MAX_LANGUAGES && po[lang] ? hys_po_get(po[lang], english)
                                                             : english;
}

static void problem(const hys_frame *f, const hys_form *fm, hys_journey *j, const char *what)
{
    check_fail++;
    if (reported++ < 100000)
        fprintf(stderr, "test_layout: %dx%d %s %s: %s\n", W, H,
                fm->langs[hys_journey_view_get(j)->lang].code, f->screen, what);
}

static void visit(void *ud, const hys_form *fm, hys_journey *j)
{
    (void)ud;
    static hys_frame f;
    hys_words w = {NULL, tr};
    hys_layout_in in;
    memset(&in, 0, sizeof in);
    in.form = fm, in.journey = j, in.measure = hys_screen_measure(screen), in.words = &w;
    in.theme = hys_theme_default(), in.icons_dir = HYS_ASSETS "/icons", in.w = W, in.h = H;
    in.can_speak = 1, in.volume_steps = 8, in.min_target = MIN;
    hys_layout_build(&f, &in);
    screens++;
    char msg[300];
    if (f.overflow) problem(&f, fm, j, "the draw list overflowed");
    if (f.clipped) {
        snprintf(msg, sizeof msg, "%d texts cut short (\"%s\")", f.clipped, f.clipped_text);
        problem(&f, fm, j, msg);
    }
    for (int i = 0; i < f.ndraw; i++) {
        const hys_draw *d = &f.draw[i];
        if (d->x < 0 || d->y < 0 || d->x + d->w > W || d->y + d->h > H) {
            snprintf(msg, sizeof msg, "a %s at %d,%d %dx%d is off the screen%s%s",
                     d->kind == HYS_DRAW_TEXT ? "text" : "box", d->x, d->y, d->w, d->h,
                     d->text ? ": " : "", d->text ? d->text : "");
            problem(&f, fm, j, msg);
        }
    }
    for (int a = 0; a < f.ntargets; a++) {
        const hys_target *ta = &f.targets[a];
        if (ta->w < MIN || ta->h < MIN) {
            snprintf(msg, sizeof msg, "target %s is %dx%d", ta->id, ta->w, ta->h);
            problem(&f, fm, j, msg);
        }
        for (int b = a + 1; b < f.ntargets; b++) {
            const hys_target *tb = &f.targets[b];
            if (ta->x < tb->x + tb->w && tb->x < ta->x + ta->w && ta->y < tb->y + tb->h &&
                tb->y < ta->y + ta->h) {
                snprintf(msg, sizeof msg, "targets %s and %s overlap", ta->id, tb->id);
                problem(&f, fm, j, msg);
            }
        }
    }
    check_pass++;
}

int main(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    char err[300];
    hys_screen_options so = {64, 64, 0, 1, HYS_ASSETS "/fonts"};
    screen = hys_screen_open(&so, err, sizeof err);
    CHECK(screen != NULL);
    hys_diags *d = hys_diags_create("demo");
    hys_form *fm = hys_form_load(HYS_ASSETS "/forms/demo/listening.xlsx", d, NULL);
    CHECK(fm != NULL);
    if (!screen || !fm) return check_done();
    for (int i = 0; i < fm->nlangs; i++) {
        hys_status rc;
        po[i] = strcmp(fm->langs[i].code, "en")
                    ? hys_po_load(HYS_LOCALES, fm->langs[i].code, &rc, err, sizeof err)
                    : NULL;
    }
    /* window sizes with the physical width of a typical screen of that size:
     * targets must be 12 mm there (10.1", 7" and 10.1" portrait panels) */
    static const int sizes[3][3] = {{1280, 800, 217}, {800, 480, 154}, {800, 1280, 136}};
    for (int s = 0; s < 3; s++) {
        W = sizes[s][0], H = sizes[s][1];
        MIN = (12 * W + sizes[s][2] - 1) / sizes[s][2];
        for (int l = 0; l < fm->nlangs; l++)
            walk_screens(fm, l, visit, NULL);
    }
    printf("test_layout: %d screens laid out (%d languages, 3 sizes)\n", screens, fm->nlangs);
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_po_destroy(po[i]);
    hys_form_destroy(fm);
    hys_diags_destroy(d);
    hys_screen_close(screen);
    SDL_Quit();
    return check_done();
}
