/* Layout over every screen of the demo set and the quick poll, in every language, at three
 * window sizes (1280x800, 800x480 and portrait 800x1280) and the three text
 * sizes (100%, 150%, 200%: long screens are paged), measured with the
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

/* a question set with the program's words in each of its languages */
typedef struct set {
    hys_form *fm;
    hys_po *po[HYS_MAX_LANGUAGES];
} set;

static hys_sdl_screen *screen;
static const hys_staff_view *staff; /* staff mode's screens, when set */
static const char *notice;          /* a notice over the journey, when set */
static int notice_done, notice_failed;
static int W, H, MIN, reported, screens, more_pages;

static const char *tr(void *ud, int lang, const char *english)
{
    const set *st = ud;
    return lang >= 0 && lang < HYS_MAX_LANGUAGES && st->po[lang] ? hys_po_get(st->po[lang], english)
                                                                 : english;
}

static int set_load(set *st, const char *path, hys_diags *d)
{
    char err[300];
    memset(st, 0, sizeof *st);
    st->fm = hys_form_load(path, d, NULL);
    CHECK(st->fm != NULL);
    for (int i = 0; st->fm && i < st->fm->nlangs; i++) {
        hys_status rc;
        st->po[i] = strcmp(st->fm->langs[i].code, "en")
                        ? hys_po_load(HYS_LOCALES, st->fm->langs[i].code, &rc, err, sizeof err)
                        : NULL;
    }
    return st->fm != NULL;
}

static void set_free(set *st)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_po_destroy(st->po[i]);
    hys_form_destroy(st->fm);
}

static void problem(const hys_frame *f, const hys_form *fm, hys_journey *j, const char *what)
{
    check_fail++;
    if (reported++ < 100000)
        fprintf(stderr, "test_layout: %dx%d %d%% %s %s: %s\n", W, H,
                hys_journey_view_get(j)->text_size, fm->langs[hys_journey_view_get(j)->lang].code,
                f->screen, what);
}

static void check_frame(set *st, const hys_form *fm, hys_journey *j);

/* Check the screen, and each further page of it when it is paged. */
static void visit(void *ud, const hys_form *fm, hys_journey *j)
{
    int pages = 0;
    for (;; pages++) {
        check_frame(ud, fm, j);
        if (!more_pages || pages >= 12) break;
        hys_journey_act(j, HYS_ACT_SCROLL, 1, 0);
    }
    for (; pages > 0; pages--) /* back to the top, as the walk left it */
        hys_journey_act(j, HYS_ACT_SCROLL, -1, 0);
}

static void check_frame(set *st, const hys_form *fm, hys_journey *j)
{
    static hys_frame f;
    hys_words w = {st, tr};
    hys_layout_in in;
    memset(&in, 0, sizeof in);
    in.form = fm, in.journey = j, in.measure = hys_screen_measure(screen), in.words = &w;
    in.theme = hys_theme_default(), in.icons_dir = HYS_ASSETS "/icons", in.w = W, in.h = H;
    in.can_speak = 1, in.volume_steps = 8, in.min_target = MIN;
    in.staff = staff;
    in.notice = notice, in.notice_done = notice_done, in.notice_failed = notice_failed;
    hys_layout_build(&f, &in);
    screens++;
    char msg[600];
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
    /* a line of words is inside the target it belongs to, or clear of them all;
     * and clear of every other line */
    for (int i = 0; i < f.ndraw; i++) {
        const hys_draw *d = &f.draw[i];
        if (d->kind != HYS_DRAW_TEXT) continue;
        for (int a = 0; a < f.ntargets; a++) {
            const hys_target *t = &f.targets[a];
            int meets = d->x < t->x + t->w && t->x < d->x + d->w && d->y < t->y + t->h &&
                        t->y < d->y + d->h;
            int inside = d->x >= t->x && d->y >= t->y && d->x + d->w <= t->x + t->w &&
                         d->y + d->h <= t->y + t->h;
            if (meets && !inside) {
                snprintf(msg, sizeof msg, "the words \"%s\" run into target %s", d->text, t->id);
                problem(&f, fm, j, msg);
            }
        }
        for (int e = i + 1; e < f.ndraw; e++) {
            const hys_draw *o = &f.draw[e];
            if (o->kind == HYS_DRAW_TEXT && d->x < o->x + o->w && o->x < d->x + d->w &&
                d->y < o->y + o->h && o->y < d->y + d->h) {
                snprintf(msg, sizeof msg, "the words \"%s\" and \"%s\" overlap", d->text, o->text);
                problem(&f, fm, j, msg);
            }
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
    /* large text keeps things whole: no sentence is cut by a page... */
    if (f.split_words) problem(&f, fm, j, "a block of words cut by a page break");
    /* ...an answer's picture keeps a fair share of its card when its words
     * wrap (a third of its shorter side)... */
    const hys_journey_view *v = hys_journey_view_get(j);
    int answers = 0;
    for (int a = 0; a < f.ntargets; a++) {
        const hys_target *t = &f.targets[a];
        if (strncmp(t->id, "choice:", 7)) continue;
        answers++;
        int pic = -1, side = t->w < t->h ? t->w : t->h;
        for (int i = 0; i < f.ndraw; i++) {
            const hys_draw *d = &f.draw[i];
            if (d->image && !strcmp(d->image, HYS_ASSETS "/icons/yes.svg"))
                continue; /* (a tick, not the answer's picture) */
            if (d->kind == HYS_DRAW_IMAGE && d->x >= t->x && d->y >= t->y &&
                d->x + d->w <= t->x + t->w && d->y + d->h <= t->y + t->h && d->w > pic)
                pic = d->w;
        }
        /* (an answer with a picture must show it: none drawn is the worst case) */
        if (pic < 0 && v->screen == HYS_SCREEN_QUESTION) {
            const hys_question *q = &fm->questions[v->question];
            for (int c = 0; c < q->nchoices; c++)
                if (!strcmp(q->choices[c].name, t->id + 7) &&
                    hys_form_text(fm, &q->choices[c].image, v->lang)) {
                    snprintf(msg, sizeof msg, "the picture of %s is not shown", t->id);
                    problem(&f, fm, j, msg);
                }
        }
        if (pic >= 0 && pic * 3 < side) {
            snprintf(msg, sizeof msg, "the picture of %s is %d px in a %dx%d card", t->id, pic,
                     t->w, t->h);
            problem(&f, fm, j, msg);
        }
    }
    /* ...and, on a 10" landscape screen, a face scale (five faces and Don't
     * know) shows all its answers together: up to 150%, and at 200% where
     * the words are short enough (English; in Welsh, Polish, Urdu and Bengali
     * the answers then take two pages, so that their pictures keep their share) */
    int short_words = v->text_size <= 150 || !strcmp(fm->langs[v->lang].code, "en");
    if (W == 1280 && H == 800 && v->screen == HYS_SCREEN_QUESTION && answers && short_words) {
        const hys_question *q = &fm->questions[v->question];
        int n = q->nchoices + (q->look == HYS_LOOK_FACES);
        if (q->look == HYS_LOOK_FACES && n <= 6 && answers != n) {
            snprintf(msg, sizeof msg, "%d of %d answers on a page", answers, n);
            problem(&f, fm, j, msg);
        }
    }
    /* words beside the corner's icons on the resident's screens of a 10"
     * landscape screen: Read aloud and Bigger text wherever they are shown,
     * Help on the screens without a top bar (on a question and the review,
     * its words give way in long-worded languages to the progress and the
     * language's name) */
    if (W == 1280 && H == 800 && !staff && !notice) {
        static const char *const worded[] = {"button:hear", "button:display", "button:help"};
        int top_bar = v->screen == HYS_SCREEN_QUESTION || v->screen == HYS_SCREEN_REVIEW;
        for (int k = 0; k < 3 - top_bar; k++) {
            const hys_target *t = hys_frame_find(&f, worded[k]);
            if (!t) continue;
            int words = 0;
            for (int i = 0; i < f.ndraw; i++) {
                const hys_draw *d = &f.draw[i];
                words |= d->kind == HYS_DRAW_TEXT && d->x >= t->x && d->x + d->w <= t->x + t->w &&
                         d->y >= t->y && d->y + d->h <= t->y + t->h;
            }
            if (!words) {
                snprintf(msg, sizeof msg, "%s shows no words", worded[k]);
                problem(&f, fm, j, msg);
            }
        }
    }
    const hys_target *down = hys_frame_find(&f, "button:scroll-down");
    more_pages = down && down->enabled;
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
    set demo, quick, council, longlist;
    if (!screen || !set_load(&demo, HYS_ASSETS "/forms/demo/listening.xlsx", d) ||
        !set_load(&quick, HYS_ASSETS "/forms/quick/visit.xlsx", d) ||
        /* sets as others write them: calculations, a filtered list and
         * number cards; a list of 60 answers in pages; no pictures */
        !set_load(&council, HYS_TEST_DATA "/forms/council-kobo.csv", d) ||
        !set_load(&longlist, HYS_TEST_DATA "/forms/home-language.csv", d))
        return check_done();
    /* window sizes with the physical width of a typical screen of that size:
     * targets must be 12 mm there (10.1", 7" and 10.1" portrait panels) */
    static const int sizes[3][3] = {{1280, 800, 217}, {800, 480, 154}, {800, 1280, 136}};
    /* every text size a resident can choose; long screens are then paged */
    static const int text_sizes[3] = {100, 150, 200};
    /* HYS_TEXT_SIZE=200 or HYS_WINDOW=800x480 narrow the run, for work on one case */
    const char *only_ts = getenv("HYS_TEXT_SIZE"), *only_w = getenv("HYS_WINDOW");
    for (int ts = 0; ts < 3; ts++)
        for (int s = 0; s < 3; s++) {
            char wn[32];
            snprintf(wn, sizeof wn, "%dx%d", sizes[s][0], sizes[s][1]);
            if ((only_ts && atoi(only_ts) != text_sizes[ts]) || (only_w && strcmp(only_w, wn)))
                continue;
            W = sizes[s][0], H = sizes[s][1];
            MIN = (12 * W + sizes[s][2] - 1) / sizes[s][2];
            for (int l = 0; l < demo.fm->nlangs; l++)
                walk_screens_sized(demo.fm, l, text_sizes[ts], visit, &demo);
            for (int l = 0; l < quick.fm->nlangs; l++)
                walk_quick_sized(quick.fm, l, text_sizes[ts], visit, &quick);
            walk_screens_sized(council.fm, 0, text_sizes[ts], visit, &council);
            walk_screens_sized(longlist.fm, 0, text_sizes[ts], visit, &longlist);
            /* staff mode's screens, over the demo set in each language */
            static const hys_staff_view views[5] = {
                {.screen = 1,
                 .typed = 5,
                 .message = "That PIN is not right. Try again.",
                 .can_try = 1},
                {.screen = 2,
                 .can_try = 1,
                 .sessions_today = 12,
                 .sessions = 340,
                 .unexported = 57,
                 .nhard = 2,
                 .hard_label = {"How good are health and care services at listening to you?",
                                "What makes it hard to have your say?"},
                 .hard_n = {7, 3},
                 .message = "Have your say, version 2026112301, is in use",
                 .can_export = 1,
                 .can_load = 1},
                {.screen = 3, .volume = 5, .volume_steps = 8, .start_lang = 1},
                {.screen = 4, .touched = 5, .message = "Touch each square. Each one turns blue."},
                {.screen = 5,
                 .can_switch_off = 1,
                 .message = "The kiosk could not be switched off. Close the program instead, "
                            "then switch it off at the wall."}};
            for (int l = 0; l < demo.fm->nlangs; l++)
                for (int v = 0; v < 5; v++) {
                    hys_journey_config cfg;
                    hys_journey *j = walk_begin(demo.fm, text_sizes[ts], &cfg);
                    hys_journey_act(j, HYS_ACT_LANG, l, 1); /* chosen on the welcome screen */
                    if (v == 0) visit(&demo, demo.fm, j);   /* which is then in that language */
                    staff = &views[v];
                    visit(&demo, demo.fm, j);
                    staff = NULL;
                    hys_journey_destroy(j);
                }
            /* the notices over a resident's screen: a stick being saved to,
             * saved, or not (with the reason), and the kiosk out of order;
             * staff told why it is out of order */
            static const struct {
                const char *text;
                int done, failed;
            } notices[4] = {
                {"Saving the answers on the USB stick. Please wait, and do not take it out yet.", 0,
                 0},
                {"The answers are saved on the stick. You can take it out now.", 1, 0},
                {"The answers could not be saved on the stick. Nothing is lost: they stay on the "
                 "kiosk.",
                 1, 1},
                {"Sorry, this kiosk is out of order. Please tell a member of staff.", 0, 1}};
            for (int l = 0; l < demo.fm->nlangs; l++)
                for (int v = 0; v < 5; v++) {
                    hys_journey_config cfg;
                    hys_journey *j = walk_begin(demo.fm, text_sizes[ts], &cfg);
                    hys_journey_act(j, HYS_ACT_LANG, l, 1);
                    char text[1200];
                    if (v < 4) {
                        snprintf(text, sizeof text, "%s%s", tr(&demo, l, notices[v].text),
                                 v == 2 ? " (the stick is full: No space left on device)" : "");
                        notice = text, notice_done = notices[v].done;
                        notice_failed = notices[v].failed;
                    } else {
                        snprintf(text, sizeof text,
                                 tr(&demo, l,
                                    "This kiosk cannot save answers (%s). It tries again every "
                                    "30 seconds and goes back to work by itself."),
                                 "database or disk is full");
                        static hys_staff_view sv = {.screen = 2, .can_try = 1};
                        sv.message = text;
                        staff = &sv;
                    }
                    visit(&demo, demo.fm, j);
                    notice = NULL, staff = NULL;
                    hys_journey_destroy(j);
                }
        }
    printf("test_layout: %d screens laid out (the demo set and the quick poll, %d and %d "
           "languages, a council's KoboToolbox-style set and a list of 60 answers, 3 window "
           "sizes, text at 100%%, 150%% and 200%%)\n",
           screens, demo.fm->nlangs, quick.fm->nlangs);
    set_free(&demo);
    set_free(&quick);
    set_free(&council);
    set_free(&longlist);
    hys_diags_destroy(d);
    hys_screen_close(screen);
    SDL_Quit();
    return check_done();
}
