/* Tests for the resident's journey on the demo set: order, skip logic,
 * answers sent to the sink the moment they are given, withdrawal when a
 * change makes a question not apply, idle warning and timeout on the virtual
 * clock, and the quick poll's repeat filter. */
#include "check.h"

#include "journey/journey.h"
#include "util/limits.h"

#include <string.h>

typedef struct rec {
    int begins, ends, completed, withdrawn;
    int answers;
    char last_q[64], last_v[256], last_status[32], last_lang[16];
} rec;

static void on_begin(void *ud, const char *s)
{
    (void)s;
    ((rec *)ud)->begins++;
}

static void on_answer(void *ud, const char *s, const char *q, int pos, const char *v,
                      hys_answer_status st, const char *lang, int secs)
{
    (void)s, (void)pos, (void)secs;
    rec *r = ud;
    r->answers++;
    snprintf(r->last_q, sizeof r->last_q, "%s", q);
    snprintf(r->last_v, sizeof r->last_v, "%s", v);
    snprintf(r->last_status, sizeof r->last_status, "%s", hys_answer_status_name(st));
    snprintf(r->last_lang, sizeof r->last_lang, "%s", lang);
}

static void on_withdraw(void *ud, const char *s, const char *q)
{
    (void)s, (void)q;
    ((rec *)ud)->withdrawn++;
}

static void on_end(void *ud, const char *s, int completed)
{
    (void)s;
    rec *r = ud;
    r->ends++;
    r->completed = completed;
}

static int choice(const hys_form *f, const char *q, const char *c)
{
    int qi = hys_form_find(f, q);
    for (int i = 0; qi >= 0 && i < f->questions[qi].nchoices; i++)
        if (!strcmp(f->questions[qi].choices[i].name, c)) return i;
    return -1;
}

static const char *screen(hys_journey *j)
{
    static char id[80];
    hys_journey_screen_id(j, id, sizeof id);
    return id;
}

static hys_form *load(const char *path)
{
    hys_diags *d = hys_diags_create(path);
    hys_form *f = hys_form_load(path, d, NULL);
    if (!f) hys_diags_print(d, stderr);
    hys_diags_destroy(d);
    return f;
}

static void test_full_journey(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    CHECK(f != NULL);
    if (!f) return;
    rec r = {0};
    hys_journey_sink sink = {&r, on_begin, on_answer, on_withdraw, on_end};
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0; /* (the path, not the moment an answer is shown: test_hold) */
    hys_journey *j = hys_journey_create(f, &cfg, &sink, 0);
    long t = 0;
    CHECK_STR(screen(j), "welcome");
    hys_journey_act(j, HYS_ACT_START, 0, t += 1000);
    CHECK_STR(screen(j), "language");
    hys_journey_act(j, HYS_ACT_LANG, hys_form_lang(f, "pl"), t += 1000);
    CHECK_STR(screen(j), "intro");
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    CHECK_STR(screen(j), "practice");
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000); /* not before a practice tap */
    CHECK_STR(screen(j), "practice");
    hys_journey_act(j, HYS_ACT_CHOOSE, 2, t += 1000); /* moves on, as questions do */
    CHECK(r.answers == 0);                            /* practice answers are never kept */
    CHECK(r.begins == 1);
    CHECK_STR(screen(j), "question:listened");
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "listened", "good"), t += 3000);
    CHECK(r.answers == 1);
    CHECK_STR(r.last_q, "listened");
    CHECK_STR(r.last_v, "good");
    CHECK_STR(r.last_lang, "pl");
    CHECK_STR(screen(j), "question:speak_up");
    hys_journey_act(j, HYS_ACT_SKIP, 0, t += 1000);
    CHECK_STR(r.last_status, "skipped");
    CHECK_STR(screen(j), "question:took_part");
    /* "no": the two follow-up questions do not apply */
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "took_part", "no"), t += 1000);
    CHECK_STR(screen(j), "question:stops");
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    CHECK_STR(screen(j), "question:took_part");
    CHECK(hys_journey_view_get(j)->can_next == 1);
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "took_part", "yes"), t += 1000);
    CHECK_STR(screen(j), "question:meeting_feel");
    hys_journey_act(j, HYS_ACT_DONT_UNDERSTAND, 0, t += 1000);
    CHECK_STR(r.last_status, "dont_understand");
    CHECK_STR(screen(j), "question:heard_back");
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "heard_back", "no"), t += 1000);
    CHECK_STR(screen(j), "question:stops");
    hys_journey_act(j, HYS_ACT_TOGGLE, choice(f, "stops", "bus"), t += 500);
    hys_journey_act(j, HYS_ACT_TOGGLE, 0, t += 500);
    hys_journey_act(j, HYS_ACT_TOGGLE, 0, t += 500); /* off again */
    int before = r.answers;
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 500);
    CHECK(r.answers == before + 1);
    CHECK_STR(r.last_q, "stops");
    /* now change took_part to "no" from review: the follow-ups are withdrawn */
    while (strcmp(screen(j), "review")) {
        const hys_journey_view *v = hys_journey_view_get(j);
        if (v->can_skip)
            hys_journey_act(j, HYS_ACT_SKIP, 0, t += 1000);
        else
            hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    }
    hys_journey_act(j, HYS_ACT_CHANGE, hys_form_find(f, "took_part"), t += 1000);
    CHECK_STR(screen(j), "question:took_part");
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "took_part", "no"), t += 1000);
    CHECK(r.withdrawn == 2);
    CHECK_STR(screen(j), "review");
    CHECK(hys_journey_relevant(j, hys_form_find(f, "meeting_feel")) == 0);
    hys_journey_act(j, HYS_ACT_FINISH, 0, t += 1000);
    CHECK_STR(screen(j), "thanks");
    CHECK(r.ends == 1 && r.completed == 1);
    hys_journey_tick(j, t += 20000);
    CHECK_STR(screen(j), "welcome");
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* Progress never jumps up: going on through the demo set with either answer
 * to took_part (whose follow-ups apply only after "yes"), the position grows
 * by one a question and the total never grows; it starts at every question
 * that may come (10) and, with "no", comes down to the 8 that did. */
static void test_progress(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    CHECK(f != NULL);
    if (!f) return;
    for (int yes = 0; yes <= 1; yes++) {
        hys_journey_config cfg;
        hys_journey_config_default(&cfg);
        cfg.chosen_ms = 0;
        hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
        long t = 0;
        hys_journey_act(j, HYS_ACT_START, 0, t += 1000);
        hys_journey_act(j, HYS_ACT_LANG, hys_form_lang(f, "en"), t += 1000);
        hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
        hys_journey_act(j, HYS_ACT_CHOOSE, 0, t += 1000); /* the practice */
        int pos = 0, total = 1000, first_total = 0, asked = 0;
        while (!strncmp(screen(j), "question:", 9)) {
            const hys_journey_view *v = hys_journey_view_get(j);
            CHECK(v->progress_pos == pos + 1);
            CHECK(v->progress_total <= total);
            CHECK(v->progress_pos <= v->progress_total);
            if (!first_total) first_total = v->progress_total;
            pos = v->progress_pos, total = v->progress_total, asked++;
            if (!strcmp(screen(j), "question:took_part"))
                hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "took_part", yes ? "yes" : "no"),
                                t += 1000);
            else
                hys_journey_act(j, v->can_skip ? HYS_ACT_SKIP : HYS_ACT_DONT_UNDERSTAND, 0,
                                t += 1000);
        }
        CHECK_STR(screen(j), "review");
        CHECK(first_total == 10);
        CHECK(asked == (yes ? 10 : 8));
        CHECK(total == asked);
        hys_journey_destroy(j);
    }
    hys_form_destroy(f);
}

/* A language chosen on the welcome screen: the screen is in it and Start
 * goes on in it; left alone, the welcome screen goes back to the kiosk's
 * language for the next person. */
static void test_welcome_language(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    CHECK(f != NULL);
    if (!f) return;
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
    int ur = hys_form_lang(f, "ur"), en = hys_journey_view_get(j)->lang;
    CHECK(ur >= 0 && ur != en);
    CHECK(hys_journey_deadline(j) < 0); /* nothing chosen: the welcome screen waits */
    hys_journey_act(j, HYS_ACT_LANG, ur, 1000);
    CHECK_STR(screen(j), "welcome");
    CHECK(hys_journey_view_get(j)->lang == ur);
    hys_journey_act(j, HYS_ACT_START, 0, 2000);
    CHECK_STR(screen(j), "intro"); /* no language screen */
    CHECK(hys_journey_view_get(j)->lang == ur);
    hys_journey_destroy(j);
    j = hys_journey_create(f, &cfg, NULL, 0);
    hys_journey_act(j, HYS_ACT_LANG, ur, 1000);
    hys_journey_tick(j, 1000 + cfg.idle_ms); /* walked away */
    CHECK_STR(screen(j), "welcome");
    CHECK(hys_journey_view_get(j)->lang == en);
    hys_journey_act(j, HYS_ACT_START, 0, 200000);
    CHECK_STR(screen(j), "language"); /* the next person is asked */
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

static void test_idle(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    if (!f) return;
    rec r = {0};
    hys_journey_sink sink = {&r, on_begin, on_answer, on_withdraw, on_end};
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0; /* (the path, not the moment an answer is shown: test_hold) */
    hys_journey *j = hys_journey_create(f, &cfg, &sink, 0);
    long t = 0;
    CHECK(hys_journey_deadline(j) == -1); /* the welcome screen never times out */
    hys_journey_act(j, HYS_ACT_START, 0, t);
    hys_journey_act(j, HYS_ACT_LANG, 0, t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, t);
    CHECK(hys_journey_deadline(j) == t + cfg.idle_ms);
    hys_journey_tick(j, t + cfg.idle_ms - 1);
    CHECK_STR(screen(j), "question:speak_up");
    hys_journey_tick(j, t + cfg.idle_ms);
    CHECK_STR(screen(j), "still-there");
    CHECK(hys_journey_view_get(j)->countdown_s == cfg.still_there_ms / 1000);
    CHECK(cfg.still_there_ms >= 20000);
    /* carrying on keeps the session and its answers, ten times over */
    for (int i = 0; i < 10; i++) {
        hys_journey_act(j, HYS_ACT_STILL_HERE, 0, t += cfg.idle_ms + 5000);
        CHECK_STR(screen(j), "question:speak_up");
        hys_journey_tick(j, t + cfg.idle_ms);
        CHECK_STR(screen(j), "still-there");
    }
    t += cfg.idle_ms;
    hys_journey_tick(j, t + 10000);
    CHECK(hys_journey_view_get(j)->countdown_s == (cfg.still_there_ms - 10000) / 1000);
    hys_journey_tick(j, t + cfg.still_there_ms);
    CHECK_STR(screen(j), "welcome");
    CHECK(r.ends == 1 && r.completed == 0);
    CHECK(r.answers == 1);
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

static void test_quick(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/quick/visit.xlsx");
    CHECK(f != NULL && f->quick);
    if (!f) return;
    rec r = {0};
    hys_journey_sink sink = {&r, on_begin, on_answer, on_withdraw, on_end};
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0; /* (the path, not the moment an answer is shown: test_hold) */
    hys_journey *j = hys_journey_create(f, &cfg, &sink, 0);
    CHECK_STR(screen(j), "question:visit");
    hys_journey_act(j, HYS_ACT_CHOOSE, 4, 1000);
    CHECK_STR(screen(j), "thanks");
    CHECK(r.answers == 1 && r.ends == 1 && r.completed == 1);
    hys_journey_tick(j, 1000 + cfg.quick_thanks_ms);
    CHECK_STR(screen(j), "question:visit");
    /* a second press too soon after is thanked but not counted */
    hys_journey_act(j, HYS_ACT_CHOOSE, 4, 1000 + cfg.quick_thanks_ms + 100);
    CHECK(r.answers == 1);
    hys_journey_tick(j, 1000 + 2 * cfg.quick_thanks_ms + 200);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, 1000 + cfg.quick_repeat_ms + 2 * cfg.quick_thanks_ms);
    CHECK(r.answers == 2);
    CHECK_STR(r.last_v, f->questions[0].choices[0].name);
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* Sound settings belong to one session: the sound screen changes them, any
 * screen keeps them, and the next resident starts with the kiosk's own. */
static void test_sound_settings(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    if (!f) return;
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0; /* (the path, not the moment an answer is shown: test_hold) */
    cfg.volume = 3;
    hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
    const hys_journey_view *v = hys_journey_view_get(j);
    long t = 0;
    CHECK(v->read_aloud == 0 && v->volume == 3 && v->slow == 0);
    hys_journey_act(j, HYS_ACT_START, 0, ++t);
    hys_journey_act(j, HYS_ACT_SOUND_MENU, 0, ++t);
    CHECK_STR(screen(j), "sound");
    hys_journey_act(j, HYS_ACT_READ_ALOUD, -1, ++t);
    hys_journey_act(j, HYS_ACT_SPEED, 1, ++t);
    for (int i = 0; i < 20; i++)
        hys_journey_act(j, HYS_ACT_VOLUME, 1, ++t);
    CHECK(v->read_aloud == 1 && v->slow == 1 && v->volume == cfg.volume_steps - 1);
    for (int i = 0; i < 20; i++)
        hys_journey_act(j, HYS_ACT_VOLUME, -1, ++t);
    CHECK(v->volume == 0);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    CHECK_STR(screen(j), "language"); /* back where it was opened */
    hys_journey_act(j, HYS_ACT_LANG, 0, ++t);
    hys_journey_act(j, HYS_ACT_SOUND_MENU, 0, ++t);
    /* walking away with the sound screen open: still there?, then welcome */
    hys_journey_tick(j, t + cfg.idle_ms);
    CHECK_STR(screen(j), "welcome"); /* no session yet: straight back */
    CHECK(v->read_aloud == 0 && v->volume == 3 && v->slow == 0);
    hys_journey_act(j, HYS_ACT_START, 0, t += cfg.idle_ms + 1);
    hys_journey_act(j, HYS_ACT_LANG, 0, ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t); /* the practice: on by itself */
    hys_journey_act(j, HYS_ACT_READ_ALOUD, 1, ++t);
    hys_journey_act(j, HYS_ACT_SOUND_MENU, 0, ++t);
    hys_journey_tick(j, t + cfg.idle_ms);
    CHECK_STR(screen(j), "still-there");
    hys_journey_act(j, HYS_ACT_STILL_HERE, 0, t += cfg.idle_ms + 1);
    CHECK_STR(screen(j), "question:listened"); /* the sound screen closed, not a trap */
    CHECK(v->read_aloud == 1);
    hys_journey_tick(j, t + cfg.idle_ms + cfg.still_there_ms + 1);
    CHECK_STR(screen(j), "welcome");
    CHECK(v->read_aloud == 0 && v->volume == 3);
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* Text size and contrast last one session; a long screen's scroll position
 * starts at the top of each new screen and stays within its parts. */
static void test_eyesight_settings(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    if (!f) return;
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0; /* (the path, not the moment an answer is shown: test_hold) */
    hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
    const hys_journey_view *v = hys_journey_view_get(j);
    long t = 0;
    CHECK(v->text_size == 100 && v->high_contrast == 0);
    hys_journey_act(j, HYS_ACT_DISPLAY_MENU, 0, ++t);
    CHECK_STR(screen(j), "display");
    hys_journey_act(j, HYS_ACT_TEXT_SIZE, 175, ++t); /* not a size on offer */
    CHECK(v->text_size == 100);
    hys_journey_act(j, HYS_ACT_TEXT_SIZE, 200, ++t);
    hys_journey_act(j, HYS_ACT_CONTRAST, 1, ++t);
    CHECK(v->text_size == 200 && v->high_contrast == 1);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    hys_journey_act(j, HYS_ACT_START, 0, ++t);
    CHECK_STR(screen(j), "language");
    hys_journey_act(j, HYS_ACT_SCROLL, -1, ++t);
    CHECK(v->scroll == 0); /* never above the top */
    hys_journey_act(j, HYS_ACT_SCROLL, 1, ++t);
    hys_journey_act(j, HYS_ACT_SCROLL, 1, ++t);
    hys_journey_act(j, HYS_ACT_SCROLL, 1, ++t);
    CHECK(v->scroll == 3);
    hys_journey_set_scroll_pages(j, 2); /* the layout found two parts */
    CHECK(v->scroll == 1);
    hys_journey_act(j, HYS_ACT_LANG, 0, ++t);
    CHECK_STR(screen(j), "intro");
    CHECK(v->scroll == 0); /* a new screen starts at its top */
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t); /* the practice: on by itself */
    CHECK_STR(screen(j), "question:listened");
    CHECK(v->text_size == 200 && v->high_contrast == 1); /* for the whole session */
    hys_journey_tick(j, t + cfg.idle_ms + cfg.still_there_ms + 1);
    CHECK_STR(screen(j), "welcome");
    CHECK(v->text_size == 100 && v->high_contrast == 0); /* the next resident starts afresh */
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* A one-answer tap: the answer is kept at once and shown ticked for
 * chosen_ms, taking nothing else (a tremor's second tap), then the journey
 * moves on by itself; the practice and the quick poll do the same. */
static void test_hold(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    CHECK(f != NULL);
    if (!f) return;
    rec r = {0};
    hys_journey_sink sink = {&r, on_begin, on_answer, on_withdraw, on_end};
    hys_journey *j = hys_journey_create(f, NULL, &sink, 0);
    const hys_journey_view *v = hys_journey_view_get(j);
    long t = 0;
    hys_journey_act(j, HYS_ACT_START, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_LANG, hys_form_lang(f, "en"), t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t += 1000);
    CHECK_STR(screen(j), "practice");
    CHECK(v->holding == 1 && v->practice_choice == 1);
    CHECK(hys_journey_deadline(j) == t + 600);
    hys_journey_tick(j, t + 599);
    CHECK_STR(screen(j), "practice");
    hys_journey_tick(j, t += 600);
    CHECK_STR(screen(j), "question:listened");
    CHECK(v->holding == 0 && r.begins == 1 && r.answers == 0);
    int good = choice(f, "listened", "good");
    hys_journey_act(j, HYS_ACT_CHOOSE, good, t += 1000);
    CHECK(r.answers == 1); /* kept at once: nothing accepted is lost */
    CHECK_STR(r.last_v, "good");
    CHECK_STR(screen(j), "question:listened");
    CHECK(v->holding == 1 && v->chosen == good);
    /* a tremor's second tap 150 ms later lands on the same screen: nothing */
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, t + 150);
    hys_journey_act(j, HYS_ACT_SKIP, 0, t + 160);
    CHECK(r.answers == 1);
    CHECK_STR(r.last_v, "good");
    hys_journey_tick(j, t + 600);
    CHECK_STR(screen(j), "question:speak_up");
    CHECK(v->holding == 0 && v->chosen == -1 && r.answers == 1);
    hys_journey_destroy(j);
    hys_form_destroy(f);

    /* the quick poll: counted at the tap, thanks after the hold */
    f = load(HYS_ASSETS "/forms/quick/visit.xlsx");
    CHECK(f != NULL);
    if (!f) return;
    memset(&r, 0, sizeof r);
    j = hys_journey_create(f, NULL, &sink, 0);
    v = hys_journey_view_get(j);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, t = 1000);
    CHECK(r.answers == 1 && r.ends == 1);
    CHECK_STR(screen(j), "question:visit");
    CHECK(v->holding == 1 && v->chosen == 0);
    hys_journey_tick(j, t + 600);
    CHECK_STR(screen(j), "thanks");
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* A set as councils write them in KoboToolbox (tests/data/forms/council-kobo.csv):
 * calculations kept with the answers the moment they change, shown in a
 * note's words, and deciding what is asked; a ward list filtered by the
 * area; a range as number cards. */
static void test_calculations_and_filters(void)
{
    hys_form *f = load(HYS_TEST_DATA "/forms/council-kobo.csv");
    CHECK(f != NULL);
    if (!f) return;
    rec r = {0};
    hys_journey_sink sink = {&r, on_begin, on_answer, on_withdraw, on_end};
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0;
    hys_journey *j = hys_journey_create(f, &cfg, &sink, 0);
    long t = 0;
    hys_journey_act(j, HYS_ACT_START, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    CHECK_STR(screen(j), "question:area");
    /* visit_band is 'never' already, but a session left before its first
     * answer keeps nothing: no calculated value goes to the store yet */
    CHECK(r.answers == 0);
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "area", "south"), t += 1000);
    CHECK(r.answers == 2); /* (the answer, then the value worked out before it) */
    CHECK_STR(screen(j), "question:ward");
    int wq = hys_form_find(f, "ward");
    CHECK(!hys_journey_choice_shown(j, wq, choice(f, "ward", "castle")));
    CHECK(hys_journey_choice_shown(j, wq, choice(f, "ward", "park")));
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "ward", "castle"), t += 1000); /* not shown */
    CHECK_STR(screen(j), "question:ward");
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "ward", "park"), t += 1000);
    CHECK_STR(screen(j), "question:wellbeing");
    int wb = hys_form_find(f, "wellbeing");
    CHECK(f->questions[wb].type == HYS_Q_SELECT_ONE && f->questions[wb].nchoices == 11);
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "wellbeing", "7"), t += 1000);
    /* the calculation went to the sink the moment its answer came */
    CHECK_STR(r.last_q, "wellbeing_pct");
    CHECK_STR(r.last_v, "70");
    CHECK_STR(screen(j), "question:wellbeing_note");
    char buf[HYS_MAX_WORDS];
    int nq = hys_form_find(f, "wellbeing_note");
    CHECK_STR(hys_journey_text(j, &f->questions[nq].label, 0, buf, sizeof buf),
              "You said 7 out of 10 (70 in 100). Thank you.");
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    CHECK_STR(screen(j), "question:gp_visits");
    hys_journey_type(j, "2", t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    CHECK_STR(screen(j), "question:travel"); /* "sometimes": more_help is not asked */
    const char *v;
    CHECK(hys_journey_answer(j, hys_form_find(f, "visit_band"), &v) == HYS_STATUS_ANSWERED);
    CHECK_STR(v, "sometimes");
    /* back, and a change: the calculation follows, and more_help applies */
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    CHECK_STR(screen(j), "question:gp_visits");
    hys_journey_act(j, HYS_ACT_ERASE, 0, t += 1000);
    hys_journey_type(j, "9", t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    CHECK_STR(r.last_q, "visit_band");
    CHECK_STR(r.last_v, "often");
    CHECK_STR(screen(j), "question:more_help");
    /* the travel range is too wide for cards: the number pad, kept between its ends */
    int tq = hys_form_find(f, "travel");
    CHECK(f->questions[tq].type == HYS_Q_INTEGER && f->questions[tq].constraint != NULL);
    /* a new area: the ward it no longer offers is withdrawn */
    int before = r.withdrawn;
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_BACK, 0, t += 1000);
    CHECK_STR(screen(j), "question:area");
    hys_journey_act(j, HYS_ACT_CHOOSE, choice(f, "area", "north"), t += 1000);
    CHECK(r.withdrawn == before + 1);
    CHECK(hys_journey_answer(j, wq, &v) == HYS_STATUS_NONE);
    /* the date calculation was left out: never a value */
    CHECK(hys_form_find(f, "survey_day") < 0);
    hys_journey_destroy(j);
    hys_form_destroy(f);

    /* a list that names a choice twice (a town in two counties): the one
     * the filter shows is kept, and its words are the ones shown */
    static const char csv[] = "survey,,,,\n"
                              ",type,name,label,choice_filter\n"
                              ",select_one county,county,County?,\n"
                              ",select_one town,town,Town?,cf = ${county}\n"
                              ",note,said,You chose ${town}.,\n"
                              "choices,,,,\n"
                              ",list_name,name,label,cf\n"
                              ",county,il,Illinois,\n"
                              ",county,mo,Missouri,\n"
                              ",town,springfield,Springfield IL,il\n"
                              ",town,springfield,Springfield MO,mo\n";
    hys_diags *d = hys_diags_create("towns.csv");
    f = hys_form_load_mem("towns.csv", NULL, csv, sizeof csv - 1, d, NULL);
    hys_diags_destroy(d);
    CHECK(f != NULL);
    if (!f) return;
    memset(&r, 0, sizeof r);
    j = hys_journey_create(f, &cfg, &sink, 0);
    t = 0;
    hys_journey_act(j, HYS_ACT_START, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t += 1000);
    hys_journey_act(j, HYS_ACT_NEXT, 0, t += 1000);
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t += 1000); /* Missouri */
    CHECK_STR(screen(j), "question:town");
    hys_journey_act(j, HYS_ACT_CHOOSE, 1, t += 1000); /* Springfield MO */
    CHECK_STR(screen(j), "question:said");
    CHECK(hys_journey_answer(j, hys_form_find(f, "town"), &v) == HYS_STATUS_ANSWERED);
    CHECK_STR(v, "springfield");
    CHECK(r.withdrawn == 0);
    int said = hys_form_find(f, "said");
    CHECK_STR(hys_journey_text(j, &f->questions[said].label, 0, buf, sizeof buf),
              "You chose Springfield MO.");
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* Read aloud in one tap, and Help over any screen: it knows what the screen
 * under it offers, and Done (or Back) goes back to that screen as it was. */
static void test_read_aloud_and_help(void)
{
    hys_form *f = load(HYS_ASSETS "/forms/demo/listening.xlsx");
    if (!f) return;
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0;
    hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
    const hys_journey_view *v = hys_journey_view_get(j);
    long t = 0;
    CHECK(v->read_aloud == 0);
    hys_journey_act(j, HYS_ACT_HEAR, 0, ++t);
    CHECK(v->read_aloud == 1); /* on for the screens after it too */
    CHECK_STR(screen(j), "welcome");
    hys_journey_act(j, HYS_ACT_HELP_MENU, 0, ++t);
    CHECK_STR(screen(j), "help");
    CHECK(v->under == HYS_SCREEN_WELCOME);
    hys_journey_act(j, HYS_ACT_DONE, 0, ++t);
    CHECK_STR(screen(j), "welcome");
    hys_journey_act(j, HYS_ACT_START, 0, ++t);
    hys_journey_act(j, HYS_ACT_LANG, 0, ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++t);
    CHECK_STR(screen(j), "question:listened");
    int skip = v->can_skip;
    /* Help over the sound screen replaces it: one overlay at a time */
    hys_journey_act(j, HYS_ACT_SOUND_MENU, 0, ++t);
    hys_journey_act(j, HYS_ACT_HELP_MENU, 0, ++t);
    CHECK_STR(screen(j), "help");
    CHECK(v->under == HYS_SCREEN_QUESTION);
    CHECK(v->can_skip == skip); /* (what the question under it offers) */
    hys_journey_act(j, HYS_ACT_BACK, 0, ++t);
    CHECK_STR(screen(j), "question:listened"); /* Back closes Help, not the question */
    /* walking away with Help open: still there?, then the question */
    hys_journey_act(j, HYS_ACT_HELP_MENU, 0, ++t);
    hys_journey_tick(j, t + cfg.idle_ms);
    CHECK_STR(screen(j), "still-there");
    hys_journey_act(j, HYS_ACT_STILL_HERE, 0, t += cfg.idle_ms + 1);
    CHECK_STR(screen(j), "question:listened");
    hys_journey_tick(j, t + cfg.idle_ms + cfg.still_there_ms + 1);
    CHECK_STR(screen(j), "welcome");
    CHECK(v->read_aloud == cfg.read_aloud); /* the next resident starts as set up */
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

int main(void)
{
    test_read_aloud_and_help();
    test_calculations_and_filters();
    test_sound_settings();
    test_eyesight_settings();
    test_full_journey();
    test_progress();
    test_welcome_language();
    test_idle();
    test_quick();
    test_hold();
    return check_done();
}
