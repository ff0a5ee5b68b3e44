/* walk: one resident's way through every kind of screen of a question set
 * (welcome, updates, sound and colour settings, language, intro, practice,
 * every question that applies, review pages, thanks, "are you still
 * there?"), calling visit on each. For tests that look at every screen. */
#ifndef HYS_TEST_WALK_H
#define HYS_TEST_WALK_H

#include "check.h"

#include "form/form.h"
#include "journey/journey.h"

typedef void (*walk_visit)(void *ud, const hys_form *f, hys_journey *j);

/* A journey with the default settings but the text size, and its config. */
static inline hys_journey *walk_begin(const hys_form *f, int text_size, hys_journey_config *cfg)
{
    hys_journey_config_default(cfg);
    cfg->text_size = text_size;
    return hys_journey_create(f, cfg, NULL, 0);
}

/* A one-answer tap is shown ticked for a moment (a screen too), then the
 * journey moves on by itself: let that moment pass. */
static inline void walk_held(const hys_form *f, hys_journey *j, long *t, walk_visit visit, void *ud)
{
    if (!hys_journey_view_get(j)->holding) return;
    visit(ud, f, j);
    *t = hys_journey_deadline(j);
    hys_journey_tick(j, *t);
}

/* Help over the screen of the moment: visited, then closed back to it. */
static inline void walk_help(const hys_form *f, hys_journey *j, long *t, walk_visit visit, void *ud)
{
    hys_screen under = hys_journey_view_get(j)->screen;
    hys_journey_act(j, HYS_ACT_HELP_MENU, 0, ++*t);
    CHECK(hys_journey_view_get(j)->screen == HYS_SCREEN_HELP);
    visit(ud, f, j);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++*t);
    CHECK(hys_journey_view_get(j)->screen == under);
}

/* Walk one resident's way through every kind of screen in language lang
 * (with Help over each). */
static inline void walk_screens_sized(const hys_form *f, int lang, int text_size, walk_visit visit,
                                      void *ud)
{
    hys_journey_config cfg;
    hys_journey *j = walk_begin(f, text_size, &cfg);
    long t = 0;
    visit(ud, f, j);
    walk_help(f, j, &t, visit, ud);
    if (f->nupdates) {
        hys_journey_act(j, HYS_ACT_UPDATES, 0, ++t);
        visit(ud, f, j);
        hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    }
    hys_journey_act(j, HYS_ACT_SOUND_MENU, 0, ++t);
    visit(ud, f, j);
    hys_journey_act(j, HYS_ACT_READ_ALOUD, 1, ++t);
    visit(ud, f, j);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    hys_journey_act(j, HYS_ACT_DISPLAY_MENU, 0, ++t);
    visit(ud, f, j);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    hys_journey_act(j, HYS_ACT_START, 0, ++t);
    if (hys_journey_view_get(j)->screen == HYS_SCREEN_LANGUAGE) {
        visit(ud, f, j);
        hys_journey_act(j, HYS_ACT_LANG, lang, ++t);
    }
    visit(ud, f, j); /* intro */
    walk_help(f, j, &t, visit, ud);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    visit(ud, f, j); /* practice */
    walk_help(f, j, &t, visit, ud);
    hys_journey_act(j, HYS_ACT_CHOOSE, 2, ++t);
    walk_held(f, j, &t, visit, ud); /* the practice moves on as questions do */
    for (int guard = 0; guard < 200 && hys_journey_view_get(j)->screen == HYS_SCREEN_QUESTION;
         guard++) {
        const hys_journey_view *v = hys_journey_view_get(j);
        const hys_question *q = &f->questions[v->question];
        int before = v->question;
        visit(ud, f, j);
        walk_help(f, j, &t, visit, ud);
        /* answers too many for one page come a page at a time: see each */
        for (int p = 1; p < 8 && (q->type == HYS_Q_SELECT_ONE || q->type == HYS_Q_SELECT_MULTIPLE);
             p++) {
            hys_journey_act(j, HYS_ACT_PAGE, 1, ++t);
            if (hys_journey_view_get(j)->page != p) break;
            visit(ud, f, j);
        }
        switch (q->type) {
        case HYS_Q_SELECT_ONE:
            hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t);
            walk_held(f, j, &t, visit, ud);
            break;
        case HYS_Q_SELECT_MULTIPLE:
            hys_journey_act(j, HYS_ACT_TOGGLE, 0, ++t);
            visit(ud, f, j); /* "…, ticked" */
            hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
            break;
        case HYS_Q_TEXT:
        case HYS_Q_INTEGER:
            hys_journey_act(j, HYS_ACT_KEY, '1', ++t);
            visit(ud, f, j); /* "You wrote: 1" */
            hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
            break;
        default:
            hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
            break;
        }
        v = hys_journey_view_get(j);
        if (v->screen == HYS_SCREEN_QUESTION && v->question == before)
            hys_journey_act(j, HYS_ACT_SKIP, 0, ++t);
    }
    CHECK(hys_journey_view_get(j)->screen == HYS_SCREEN_REVIEW);
    walk_help(f, j, &t, visit, ud);
    for (int p = 0; p < 5; p++) {
        visit(ud, f, j);
        hys_journey_act(j, HYS_ACT_PAGE, 1, ++t);
    }
    hys_journey_act(j, HYS_ACT_FINISH, 0, ++t);
    visit(ud, f, j); /* thanks */
    walk_help(f, j, &t, visit, ud);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    /* the next resident walks away mid-way: "are you still there?" */
    hys_journey_act(j, HYS_ACT_START, 0, ++t);
    hys_journey_act(j, HYS_ACT_LANG, lang, ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t);
    walk_held(f, j, &t, visit, ud);
    hys_journey_tick(j, t + cfg.idle_ms + 1000);
    CHECK(hys_journey_view_get(j)->screen == HYS_SCREEN_STILL_THERE);
    visit(ud, f, j);
    hys_journey_destroy(j);
}

/* The quick poll's screens in language lang: the question (the poll's
 * welcome), the language screen, and the thanks after one tap. */
static inline void walk_quick_sized(const hys_form *f, int lang, int text_size, walk_visit visit,
                                    void *ud)
{
    hys_journey_config cfg;
    hys_journey *j = walk_begin(f, text_size, &cfg);
    long t = 0;
    hys_journey_act(j, HYS_ACT_LANG, lang, ++t);
    visit(ud, f, j);
    if (f->nlangs > 1) {
        hys_journey_act(j, HYS_ACT_LANGUAGE_MENU, 0, ++t);
        if (hys_journey_view_get(j)->screen == HYS_SCREEN_LANGUAGE) {
            visit(ud, f, j);
            hys_journey_act(j, HYS_ACT_LANG, lang, ++t);
        }
    }
    CHECK(hys_journey_view_get(j)->screen == HYS_SCREEN_QUESTION);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t);
    walk_held(f, j, &t, visit, ud);
    CHECK(hys_journey_view_get(j)->screen == HYS_SCREEN_THANKS);
    visit(ud, f, j);
    hys_journey_destroy(j);
}

static inline void walk_screens(const hys_form *f, int lang, walk_visit visit, void *ud)
{
    walk_screens_sized(f, lang, 100, visit, ud);
}

#endif
