/* journey: the resident's path through a question set (see journey.h). */
#include "journey.h"
#include "journey_private.h"

#include "../util/alloc.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

void hys_journey_config_default(hys_journey_config *c)
{
    c->idle_ms = 90 * 1000;
    c->still_there_ms = 30 * 1000;
    c->thanks_ms = 15 * 1000;
    c->quick_thanks_ms = 4 * 1000;
    c->quick_repeat_ms = 5 * 1000;
    c->chosen_ms = 600;
    c->read_aloud = 0;
    c->volume_steps = 8;
    c->volume = 5;
    c->text_size = 100;
    c->high_contrast = 0;
}

const char *hys_answer_status_name(hys_answer_status s)
{
    switch (s) {
    case HYS_STATUS_ANSWERED:
        return "answered";
    case HYS_STATUS_SKIPPED:
        return "skipped";
    case HYS_STATUS_DONT_UNDERSTAND:
        return "dont_understand";
    default:
        return "";
    }
}

/* ---- the sink ---- */

static const char *lang_code(const hys_journey *j)
{
    return j->f->langs[j->v.lang].code;
}

static void settle(hys_journey *j);

static void begin_session(hys_journey *j)
{
    if (j->in_session) return;
    hys_uuid_new(j->session);
    j->in_session = 1;
    for (int i = 0; i < j->f->nquestions; i++)
        memset(&j->answers[i], 0, sizeof j->answers[i]);
    j->answered = 0;
    if (j->has_sink && j->sink.session_begin) j->sink.session_begin(j->sink.ud, j->session);
    settle(j); /* (a calculation may give a value before any answer) */
}

static void end_session(hys_journey *j, int completed)
{
    if (!j->in_session) return;
    if (j->has_sink && j->sink.session_end) j->sink.session_end(j->sink.ud, j->session, completed);
    j->in_session = 0;
}

/* 1 when question qi's answer goes to the sink now: a calculation's only
 * once the resident has answered something (a session left before its
 * first answer keeps nothing, not even a calculated value). */
static int to_sink(const hys_journey *j, int qi)
{
    return j->has_sink && (j->answered || j->f->questions[qi].type != HYS_Q_CALCULATE);
}

static void withdraw(hys_journey *j, int qi)
{
    j->answers[qi].status = HYS_STATUS_NONE;
    j->answers[qi].value[0] = '\0';
    if (to_sink(j, qi) && j->sink.answer_withdrawn)
        j->sink.answer_withdrawn(j->sink.ud, j->session, j->f->questions[qi].name);
}

/* Questions that no longer apply after a change lose their answers, and so
 * do answers their list no longer shows.
 * Returns how many did. */
static int withdraw_irrelevant(hys_journey *j)
{
    int n = 0;
    for (int i = 0; i < j->f->nquestions; i++) {
        if (j->answers[i].status == HYS_STATUS_NONE ||
            (hys_journey_relevant(j, i) && journey_offered(j, i, j->answers[i].value)))
            continue; /* (an answer a choice_filter no longer shows goes too) */
        withdraw(j, i);
        n++;
    }
    return n;
}

/* Each calculation worked out again from the answers, and kept with them
 * (a value that is gone is withdrawn). Returns how many changed. */
static int recalculate(hys_journey *j)
{
    int n = 0;
    for (int i = 0; i < j->f->nquestions; i++) {
        if (j->f->questions[i].type != HYS_Q_CALCULATE) continue;
        answer *a = &j->answers[i];
        char v[sizeof a->value];
        journey_calculate(j, i, v, sizeof v);
        if ((a->status == HYS_STATUS_ANSWERED) == (v[0] != '\0') && !strcmp(a->value, v)) continue;
        n++;
        if (!v[0]) {
            withdraw(j, i);
            continue;
        }
        a->status = HYS_STATUS_ANSWERED;
        memcpy(a->value, v, sizeof v);
        if (to_sink(j, i) && j->sink.answer && j->in_session)
            j->sink.answer(j->sink.ud, j->session, j->f->questions[i].name, i, a->value,
                           HYS_STATUS_ANSWERED, lang_code(j), 0);
    }
    return n;
}

/* After a change: answers that no longer apply go, and calculations follow,
 * until nothing more changes (a calculation may make a question apply, or
 * not; there is no loop, the form was checked for one). */
static void settle(hys_journey *j)
{
    for (int round = 0; round <= j->f->nquestions; round++)
        if (withdraw_irrelevant(j) + recalculate(j) == 0) break;
}

static void record(hys_journey *j, int qi, hys_answer_status st, const char *value, long now)
{
    answer *a = &j->answers[qi];
    a->status = st;
    snprintf(a->value, sizeof a->value, "%s", st == HYS_STATUS_ANSWERED ? value : "");
    a->seconds_ms += now - j->entered_at;
    j->entered_at = now;
    if (j->has_sink && j->sink.answer)
        j->sink.answer(j->sink.ud, j->session, j->f->questions[qi].name, qi, a->value, st,
                       lang_code(j), (int)(a->seconds_ms / 1000));
    if (!j->answered) { /* the first answer: the calculations worked out so far go too */
        j->answered = 1;
        for (int i = 0; i < j->f->nquestions && j->has_sink && j->sink.answer; i++)
            if (j->f->questions[i].type == HYS_Q_CALCULATE &&
                j->answers[i].status == HYS_STATUS_ANSWERED)
                j->sink.answer(j->sink.ud, j->session, j->f->questions[i].name, i,
                               j->answers[i].value, HYS_STATUS_ANSWERED, lang_code(j), 0);
    }
    settle(j);
}

/* ---- moving between screens ---- */

/* The language a session starts in: staff's choice when the form has it. */
static int start_lang(const hys_journey *j)
{
    for (int i = 0; j->cfg.lang[0] && i < j->f->nlangs; i++)
        if (!strcmp(j->f->langs[i].code, j->cfg.lang)) return i;
    return j->f->default_lang;
}

static void update_view(hys_journey *j);

static void show_question(hys_journey *j, int qi, long now)
{
    j->v.screen = HYS_SCREEN_QUESTION;
    j->v.question = qi;
    j->v.kb_page = 0;
    j->v.refused = 0;
    j->entered_at = now;
    const answer *a = &j->answers[qi];
    const hys_question *q = &j->f->questions[qi];
    j->v.selected = 0;
    j->input[0] = '\0';
    if (a->status == HYS_STATUS_ANSWERED) {
        if (q->type == HYS_Q_SELECT_MULTIPLE) {
            for (int c = 0; c < q->nchoices && c < 64; c++)
                if (hys_words_has(a->value, q->choices[c].name)) j->v.selected |= 1ULL << c;
        } else if (q->type == HYS_Q_TEXT || hys_qtype_is_number(q->type)) {
            snprintf(j->input, sizeof j->input, "%s", a->value);
        }
    }
}

static void show(hys_journey *j, hys_screen s, long now)
{
    j->v.screen = s;
    j->v.page = 0;
    j->entered_at = now;
}

static void reset_sound(hys_journey *j)
{
    j->v.read_aloud = j->cfg.read_aloud;
    j->v.volume = j->cfg.volume;
    j->v.slow = 0;
    j->v.text_size = j->cfg.text_size;
    j->v.high_contrast = j->cfg.high_contrast;
}

static void go_welcome(hys_journey *j, long now)
{
    /* the next resident sees nothing of the last one's answers (they are stored) */
    j->v.visit++;
    for (int i = 0; i < j->f->nquestions; i++)
        memset(&j->answers[i], 0, sizeof j->answers[i]);
    j->input[0] = '\0';
    j->v.selected = 0;
    reset_sound(j);
    j->v.lang = start_lang(j);
    j->lang_chosen = 0;
    j->v.practice_choice = -1;
    j->v.from_review = 0;
    j->v.holding = 0;
    j->v.chosen = -1;
    if (j->f->quick)
        show_question(j, 0, now);
    else
        show(j, HYS_SCREEN_WELCOME, now);
}

/* The practice is over: the first question that applies (the session starts). */
static void practice_done(hys_journey *j, long now)
{
    begin_session(j);
    int first = journey_next_relevant(j, -1);
    if (first >= 0)
        show_question(j, first, now);
    else
        show(j, HYS_SCREEN_REVIEW, now);
}

/* After a question is done: the next one that applies and was not reached
 * yet (when coming from review), or simply the next one; else review. */
static void advance(hys_journey *j, long now)
{
    int from = j->v.question;
    int nx;
    if (j->v.from_review) {
        nx = -1;
        for (int i = 0; i < j->f->nquestions && nx < 0; i++)
            if (j->answers[i].status == HYS_STATUS_NONE && hys_journey_relevant(j, i) &&
                j->f->questions[i].type != HYS_Q_NOTE &&
                hys_qtype_is_asked(j->f->questions[i].type))
                nx = i;
    } else {
        nx = journey_next_relevant(j, from);
    }
    if (nx >= 0)
        show_question(j, nx, now);
    else {
        j->v.from_review = 0;
        show(j, HYS_SCREEN_REVIEW, now);
    }
}

/* The quick poll's one answer is kept at once (unless it repeats one just
 * counted); the thanks follow the hold. */
static void count_quick(hys_journey *j, const char *value, long now)
{
    int counted = j->last_quick_count < 0 || now - j->last_quick_count >= j->cfg.quick_repeat_ms;
    if (counted) {
        begin_session(j);
        record(j, 0, HYS_STATUS_ANSWERED, value, now);
        end_session(j, 1);
        j->last_quick_count = now;
    }
}

static void practice_done(hys_journey *j, long now);

/* What follows a one-answer tap, once the resident has seen it taken. */
static void hold_over(hys_journey *j, long now)
{
    j->v.holding = 0;
    j->v.chosen = -1;
    switch (j->hold_then) {
    case HOLD_ADVANCE:
        advance(j, now);
        break;
    case HOLD_QUICK_THANKS:
        show(j, HYS_SCREEN_THANKS, now);
        break;
    case HOLD_PRACTICE:
        practice_done(j, now);
        break;
    }
}

/* An answer was taken (choice: the card to show ticked, or -1): show it
 * for a moment, taking nothing else, then move on. A tremor's second tap
 * lands on the same screen and does nothing. */
static void hold(hys_journey *j, int choice, int then, long now)
{
    j->hold_then = then;
    j->v.chosen = choice;
    if (j->cfg.chosen_ms <= 0) {
        hold_over(j, now);
        return;
    }
    j->v.holding = 1;
    j->hold_until = now + j->cfg.chosen_ms;
}

static void act_question(hys_journey *j, hys_action a, int arg, long now)
{
    int qi = j->v.question;
    const hys_question *q = &j->f->questions[qi];
    switch (a) {
    case HYS_ACT_CHOOSE: {
        /* a face scale has its own "Don't know" after the listed choices */
        int dont_know = q->look == HYS_LOOK_FACES && arg == q->nchoices;
        for (int i = 0; i < q->nchoices && dont_know; i++)
            dont_know = strcmp(q->choices[i].name, "dont_know") != 0;
        if (q->type != HYS_Q_SELECT_ONE || arg < 0 || (arg >= q->nchoices && !dont_know)) return;
        if (!hys_journey_choice_shown(j, qi, arg)) return;
        const char *value = dont_know ? "dont_know" : q->choices[arg].name;
        j->v.refused = !dont_know && !journey_meets(j, q, value);
        if (j->v.refused) return; /* (its message shows; another answer can be chosen) */
        if (j->f->quick) {
            count_quick(j, value, now);
            hold(j, arg, HOLD_QUICK_THANKS, now);
            return;
        }
        record(j, qi, HYS_STATUS_ANSWERED, value, now);
        hold(j, arg, HOLD_ADVANCE, now);
        return;
    }
    case HYS_ACT_TOGGLE:
        if (q->type != HYS_Q_SELECT_MULTIPLE || arg < 0 || arg >= q->nchoices || arg >= 64 ||
            !hys_journey_choice_shown(j, qi, arg))
            return;
        j->v.selected ^= 1ULL << arg;
        j->v.refused = 0;
        return;
    case HYS_ACT_KEY: {
        if (q->type != HYS_Q_TEXT && !hys_qtype_is_number(q->type)) return;
        int number = hys_qtype_is_number(q->type);
        int point = q->type == HYS_Q_DECIMAL && arg == '.' && !strchr(j->input, '.');
        if (number && ((arg < '0' || arg > '9') && !point)) return;
        if (number && strlen(j->input) >= HYS_MAX_INTEGER_DIGITS) return;
        if (point && !j->input[0]) { /* ".5" is written "0.5" */
            snprintf(j->input, sizeof j->input, "0.");
            j->v.refused = 0;
            return;
        }
        if (number && arg == '0' && !strcmp(j->input, "0")) return;
        char enc[5];
        size_t n = hys_utf8_encode((unsigned)arg, enc);
        size_t len = strlen(j->input);
        if (len + n > HYS_MAX_TEXT_ANSWER) return;
        if (number && !point && !strcmp(j->input, "0")) len = 0; /* (no leading zeros) */
        memcpy(j->input + len, enc, n);
        j->input[len + n] = '\0';
        j->v.refused = 0;
        return;
    }
    case HYS_ACT_ERASE: {
        size_t len = strlen(j->input);
        j->input[len - hys_utf8_last_len(j->input, len)] = '\0';
        j->v.refused = 0;
        return;
    }
    case HYS_ACT_PAGE: /* answers that did not fit on one screen */
        j->v.page += arg;
        return;
    case HYS_ACT_KB_PAGE:
        j->v.kb_page = arg;
        return;
    case HYS_ACT_NEXT:
        if (!j->v.can_next) return;
        if (q->type == HYS_Q_SELECT_MULTIPLE) {
            char val[HYS_MAX_TEXT_ANSWER + 1] = "";
            size_t len = 0;
            for (int c = 0; c < q->nchoices && c < 64; c++) {
                if (!(j->v.selected & (1ULL << c))) continue;
                len += (size_t)snprintf(val + len, sizeof val - len, "%s%s", len ? " " : "",
                                        q->choices[c].name);
                if (len >= sizeof val) break;
            }
            if (len && !journey_meets(j, q, val)) {
                j->v.refused = 1; /* kept only when it passes: the message shows */
                return;
            }
            if (len)
                record(j, qi, HYS_STATUS_ANSWERED, val, now);
            else
                record(j, qi, HYS_STATUS_SKIPPED, "", now);
        } else if (q->type == HYS_Q_TEXT || hys_qtype_is_number(q->type)) {
            char tmp[HYS_MAX_TEXT_ANSWER + 1];
            snprintf(tmp, sizeof tmp, "%s", j->input);
            hys_trim(tmp);
            size_t tl = strlen(tmp);
            if (q->type == HYS_Q_DECIMAL && tl && tmp[tl - 1] == '.')
                tmp[tl - 1] = '\0'; /* "12." */
            if (*tmp && !journey_meets(j, q, tmp)) {
                j->v.refused = 1;
                return;
            }
            if (*tmp)
                record(j, qi, HYS_STATUS_ANSWERED, tmp, now);
            else
                record(j, qi, HYS_STATUS_SKIPPED, "", now);
        } else if (q->type == HYS_Q_NOTE) {
            j->answers[qi].seconds_ms += now - j->entered_at;
        }
        advance(j, now);
        return;
    case HYS_ACT_SKIP:
        if (!j->v.can_skip) return;
        record(j, qi, HYS_STATUS_SKIPPED, "", now);
        advance(j, now);
        return;
    case HYS_ACT_DONT_UNDERSTAND:
        if (q->type == HYS_Q_NOTE) return;
        record(j, qi, HYS_STATUS_DONT_UNDERSTAND, "", now);
        advance(j, now);
        return;
    case HYS_ACT_BACK: {
        if (j->v.from_review) {
            j->v.from_review = 0;
            show(j, HYS_SCREEN_REVIEW, now);
            return;
        }
        int pv = journey_prev_relevant(j, qi);
        if (pv >= 0)
            show_question(j, pv, now);
        else
            show(j, HYS_SCREEN_PRACTICE, now);
        return;
    }
    case HYS_ACT_LANGUAGE_MENU:
        if (j->f->nlangs > 1) show(j, HYS_SCREEN_LANGUAGE, now);
        return;
    case HYS_ACT_LANG:
        /* the quick poll shows its languages on the question itself */
        if (j->f->quick && arg >= 0 && arg < j->f->nlangs) j->v.lang = arg;
        return;
    default:
        return;
    }
}

/* An on/off setting after an action: arg 1 on, 0 off, -1 the other way. */
static int switched(int now_on, int arg)
{
    return arg < 0 ? !now_on : arg != 0;
}

void hys_journey_act(hys_journey *j, hys_action a, int arg, long now)
{
    assert(j);
    j->now = now;
    j->last_input = now;
    if (j->v.holding) return; /* the answer just taken is shown; then on by itself */
    hys_journey_view *v = &j->v;
    /* sound settings work on every screen */
    switch (a) {
    case HYS_ACT_READ_ALOUD:
        v->read_aloud = switched(v->read_aloud, arg);
        update_view(j);
        return;
    case HYS_ACT_VOLUME:
        v->volume += arg > 0 ? 1 : -1;
        if (v->volume < 0) v->volume = 0;
        if (v->volume >= j->cfg.volume_steps) v->volume = j->cfg.volume_steps - 1;
        update_view(j);
        return;
    case HYS_ACT_SPEED:
        v->slow = switched(v->slow, arg);
        update_view(j);
        return;
    case HYS_ACT_HEAR:
        v->read_aloud = 1; /* one tap: this screen heard, and every one after it */
        update_view(j);
        return;
    case HYS_ACT_SCROLL:
        v->scroll += arg > 0 ? 1 : -1;
        if (v->scroll < 0) v->scroll = 0;
        update_view(j);
        return;
    case HYS_ACT_TEXT_SIZE:
        if (arg == 100 || arg == 150 || arg == 200) v->text_size = arg;
        update_view(j);
        return;
    case HYS_ACT_CONTRAST:
        v->high_contrast = switched(v->high_contrast, arg);
        update_view(j);
        return;
    case HYS_ACT_SOUND_MENU:
    case HYS_ACT_DISPLAY_MENU:
    case HYS_ACT_HELP_MENU:
        /* one settings or help screen at a time, over the screen it was opened from */
        if (hys_screen_is_overlay(v->screen)) v->screen = v->under;
        if (v->screen != HYS_SCREEN_STILL_THERE) {
            v->under = v->screen;
            v->screen = a == HYS_ACT_SOUND_MENU     ? HYS_SCREEN_SOUND
                        : a == HYS_ACT_DISPLAY_MENU ? HYS_SCREEN_DISPLAY
                                                    : HYS_SCREEN_HELP;
        }
        update_view(j);
        return;
    default:
        break;
    }
    switch (v->screen) {
    case HYS_SCREEN_SOUND:
    case HYS_SCREEN_DISPLAY:
    case HYS_SCREEN_HELP:
        if (a == HYS_ACT_DONE || a == HYS_ACT_BACK) v->screen = v->under;
        break;
    case HYS_SCREEN_WELCOME:
        if (a == HYS_ACT_START) {
            /* in the language chosen here, else the language screen asks */
            if (!j->lang_chosen) v->lang = start_lang(j);
            if (j->f->nlangs > 1 && !j->lang_chosen)
                show(j, HYS_SCREEN_LANGUAGE, now);
            else
                show(j, HYS_SCREEN_INTRO, now);
        } else if (a == HYS_ACT_LANG && arg >= 0 && arg < j->f->nlangs) {
            v->lang = arg; /* the welcome screen in it, and Start goes on in it */
            j->lang_chosen = 1;
        } else if (a == HYS_ACT_UPDATES && j->f->nupdates > 0) {
            show(j, HYS_SCREEN_UPDATES, now);
        }
        break;
    case HYS_SCREEN_UPDATES:
        if (a == HYS_ACT_PAGE)
            v->page += arg;
        else if (a == HYS_ACT_DONE || a == HYS_ACT_BACK)
            show(j, HYS_SCREEN_WELCOME, now);
        break;
    case HYS_SCREEN_LANGUAGE:
        if (a == HYS_ACT_LANG && arg >= 0 && arg < j->f->nlangs) {
            v->lang = arg;
            /* a language change mid-way goes back to the question the resident was on */
            if (j->in_session || j->f->quick)
                show_question(j, v->question, now);
            else
                show(j, HYS_SCREEN_INTRO, now);
        } else if (a == HYS_ACT_BACK) {
            if (j->in_session || j->f->quick)
                show_question(j, v->question, now);
            else
                show(j, HYS_SCREEN_WELCOME, now);
        }
        break;
    case HYS_SCREEN_INTRO:
        if (a == HYS_ACT_NEXT) {
            v->practice_choice = -1;
            show(j, HYS_SCREEN_PRACTICE, now);
        } else if (a == HYS_ACT_BACK) {
            show(j, j->f->nlangs > 1 ? HYS_SCREEN_LANGUAGE : HYS_SCREEN_WELCOME, now);
        }
        break;
    case HYS_SCREEN_PRACTICE:
        /* as a real question: the face tapped is ticked, then on by itself */
        if (a == HYS_ACT_CHOOSE && arg >= 0 && arg < 3) {
            v->practice_choice = arg;
            hold(j, arg, HOLD_PRACTICE, now);
        } else if (a == HYS_ACT_NEXT && v->practice_choice >= 0) {
            practice_done(j, now);
        } else if (a == HYS_ACT_BACK) {
            if (j->in_session) {
                int first = journey_next_relevant(j, -1);
                if (first >= 0) show_question(j, first, now);
            } else {
                show(j, HYS_SCREEN_INTRO, now);
            }
        }
        break;
    case HYS_SCREEN_QUESTION:
        act_question(j, a, arg, now);
        break;
    case HYS_SCREEN_REVIEW:
        if (a == HYS_ACT_CHANGE && arg >= 0 && arg < j->f->nquestions &&
            hys_qtype_is_asked(j->f->questions[arg].type) && hys_journey_relevant(j, arg)) {
            v->from_review = 1;
            show_question(j, arg, now);
        } else if (a == HYS_ACT_PAGE) {
            v->page += arg;
        } else if (a == HYS_ACT_FINISH) {
            end_session(j, 1);
            if (j->f->nupdates > 0) v->thanks_update = j->update_turn++ % j->f->nupdates;
            show(j, HYS_SCREEN_THANKS, now);
        } else if (a == HYS_ACT_BACK) {
            int last = journey_prev_relevant(j, j->f->nquestions);
            if (last >= 0) show_question(j, last, now);
        } else if (a == HYS_ACT_LANGUAGE_MENU && j->f->nlangs > 1) {
            v->question = journey_prev_relevant(j, j->f->nquestions);
            show(j, HYS_SCREEN_LANGUAGE, now);
        }
        break;
    case HYS_SCREEN_THANKS:
        if (a == HYS_ACT_DONE) go_welcome(j, now);
        break;
    case HYS_SCREEN_STILL_THERE:
        if (a == HYS_ACT_STILL_HERE) {
            v->screen = v->under;
            j->entered_at = now;
        }
        break;
    }
    update_view(j);
}

void hys_journey_type(hys_journey *j, const char *utf8, long now)
{
    assert(j && utf8);
    if (j->v.screen != HYS_SCREEN_QUESTION) return;
    size_t n = strlen(utf8);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t l = hys_utf8_decode(utf8 + i, n - i, &cp);
        if (cp >= 0x20 && cp != 0x7F && cp != 0xFFFD) hys_journey_act(j, HYS_ACT_KEY, (int)cp, now);
        i += l ? l : 1;
    }
}

void hys_journey_touch(hys_journey *j, long now)
{
    assert(j);
    j->now = now;
    j->last_input = now;
    update_view(j);
}

/* Screens the idle timer watches: those in the middle of a session. */
static int idle_watched(const hys_journey *j)
{
    switch (j->v.screen) {
    case HYS_SCREEN_WELCOME: /* a language chosen there goes with the person who chose it */
        return j->lang_chosen;
    case HYS_SCREEN_LANGUAGE:
    case HYS_SCREEN_INTRO:
    case HYS_SCREEN_PRACTICE:
    case HYS_SCREEN_REVIEW:
        return 1;
    case HYS_SCREEN_QUESTION:
        return !j->f->quick;
    case HYS_SCREEN_UPDATES:
    case HYS_SCREEN_SOUND:
    case HYS_SCREEN_DISPLAY:
    case HYS_SCREEN_HELP:
        return 1;
    default:
        return 0;
    }
}

void hys_journey_tick(hys_journey *j, long now)
{
    assert(j);
    hys_journey_view *v = &j->v;
    j->now = now;
    if (v->holding && now >= j->hold_until) {
        hold_over(j, now);
        update_view(j);
    }
    for (int guard = 0; guard < 4; guard++) {
        if (v->screen == HYS_SCREEN_THANKS) {
            long limit = j->f->quick ? j->cfg.quick_thanks_ms : j->cfg.thanks_ms;
            if (now - j->entered_at >= limit) {
                go_welcome(j, now);
                continue;
            }
        } else if (v->screen == HYS_SCREEN_STILL_THERE) {
            if (now >= j->deadline) {
                end_session(j, 0);
                go_welcome(j, now);
                continue;
            }
        } else if (idle_watched(j) && now - j->last_input >= j->cfg.idle_ms) {
            if (hys_screen_is_overlay(v->screen) && !j->in_session) {
                go_welcome(j, now);
            } else if (v->screen == HYS_SCREEN_UPDATES ||
                       (!j->in_session && v->screen != HYS_SCREEN_PRACTICE &&
                        v->screen != HYS_SCREEN_INTRO && v->screen != HYS_SCREEN_LANGUAGE)) {
                go_welcome(j, now);
            } else {
                if (hys_screen_is_overlay(v->screen))
                    v->screen = v->under; /* one overlay at a time */
                v->under = v->screen;
                v->screen = HYS_SCREEN_STILL_THERE;
                j->deadline = j->last_input + j->cfg.idle_ms + j->cfg.still_there_ms;
            }
            continue;
        }
        break;
    }
    update_view(j);
}

long hys_journey_deadline(const hys_journey *j)
{
    if (j->v.holding) return j->hold_until;
    switch (j->v.screen) {
    case HYS_SCREEN_THANKS:
        return j->entered_at + (j->f->quick ? j->cfg.quick_thanks_ms : j->cfg.thanks_ms);
    case HYS_SCREEN_STILL_THERE:
        /* wake when the countdown shown changes, once a second */
        if (j->v.countdown_s > 1) return j->deadline - (j->v.countdown_s - 1) * 1000;
        return j->deadline;
    default:
        return idle_watched(j) ? j->last_input + j->cfg.idle_ms : -1;
    }
}

/* ---- derived view fields ---- */

static void update_view(hys_journey *j)
{
    hys_journey_view *v = &j->v;
    if ((int)v->screen != j->scroll_screen || v->question != j->scroll_question) {
        v->scroll = 0; /* a new screen starts at its top */
        j->scroll_screen = (int)v->screen;
        j->scroll_question = v->question;
    }
    v->input = j->input;
    v->quick = j->f->quick;
    v->can_back = !v->quick;
    v->can_skip = v->can_next = 0;
    /* (a question under "still there?" or Help: what its buttons would do) */
    int over_question = (v->screen == HYS_SCREEN_STILL_THERE || hys_screen_is_overlay(v->screen)) &&
                        v->under == HYS_SCREEN_QUESTION;
    if (v->screen == HYS_SCREEN_QUESTION || over_question) {
        const hys_question *q = &j->f->questions[v->question];
        const answer *a = &j->answers[v->question];
        v->can_skip = !q->required && q->type != HYS_Q_NOTE && !v->quick;
        switch (q->type) {
        case HYS_Q_NOTE:
            v->can_next = 1;
            break;
        case HYS_Q_SELECT_ONE:
            v->can_next = a->status != HYS_STATUS_NONE;
            break;
        case HYS_Q_SELECT_MULTIPLE:
            v->can_next = !q->required || v->selected != 0;
            break;
        default:
            v->can_next = !q->required || j->input[0] != '\0';
            break;
        }
        /* progress: the questions asked so far, and at most how many there
         * will be. A later question counts unless its `relevant` asks only
         * about questions already passed and is false: the total never grows
         * as the resident goes on ("3 of 9", never "4 of 11" next) */
        int pos = 0, total = 0;
        for (int i = 0; i < j->f->nquestions; i++) {
            if (!hys_qtype_is_asked(j->f->questions[i].type)) continue;
            int decided = i <= v->question || j->decided_at[i] < v->question;
            if (decided && !hys_journey_relevant(j, i)) continue;
            total++;
            if (i <= v->question) pos = total;
        }
        v->progress_pos = pos;
        v->progress_total = total;
    }
    if (v->screen == HYS_SCREEN_PRACTICE) v->can_next = v->practice_choice >= 0;
    if (v->screen == HYS_SCREEN_INTRO) v->can_next = 1;
    if (v->page < 0) v->page = 0;
    if (j->pages > 0 && v->page >= j->pages) v->page = j->pages - 1;
    v->countdown_s = 0;
    if (v->screen == HYS_SCREEN_STILL_THERE) {
        long left = j->deadline - j->now;
        v->countdown_s = left > 0 ? (left + 999) / 1000 : 0;
    }
}

void hys_journey_set_pages(hys_journey *j, int pages)
{
    assert(j && pages >= 1);
    j->pages = pages;
    if (j->v.page >= pages && pages > 0) j->v.page = pages - 1;
}

void hys_journey_set_scroll_pages(hys_journey *j, int pages)
{
    assert(j && pages >= 1);
    if (j->v.scroll >= pages && pages > 0) j->v.scroll = pages - 1;
}

void hys_journey_set_start(hys_journey *j, int volume, const char *lang)
{
    if (volume >= 0 && volume < j->cfg.volume_steps) j->cfg.volume = volume;
    snprintf(j->cfg.lang, sizeof j->cfg.lang, "%s", lang ? lang : "");
    if (j->v.screen == HYS_SCREEN_WELCOME) {
        j->v.volume = j->cfg.volume;
        j->v.lang = start_lang(j);
        update_view(j);
    }
}

/* ---- creation and queries ---- */

hys_journey *hys_journey_create(const hys_form *form, const hys_journey_config *cfg,
                                const hys_journey_sink *sink, long now)
{
    hys_journey *j = hys_calloc(1, sizeof *j);
    if (!j) return NULL;
    j->answers = hys_calloc((size_t)form->nquestions, sizeof *j->answers);
    if (!j->answers) {
        hys_free(j);
        return NULL;
    }
    j->f = form;
    j->decided_at = hys_calloc((size_t)form->nquestions, sizeof *j->decided_at);
    if (!j->decided_at) {
        hys_free(j->answers);
        hys_free(j);
        return NULL;
    }
    for (int i = 0; i < form->nquestions; i++)
        j->decided_at[i] = journey_latest_ref(form, i);
    if (cfg)
        j->cfg = *cfg;
    else
        hys_journey_config_default(&j->cfg);
    if (sink) j->sink = *sink, j->has_sink = 1;
    j->now = now;
    j->last_input = now;
    j->last_quick_count = -1;
    j->v.thanks_update = -1;
    j->v.chosen = -1;
    go_welcome(j, now);
    update_view(j);
    return j;
}

void hys_journey_destroy(hys_journey *j)
{
    if (!j) return;
    end_session(j, 0);
    hys_free(j->decided_at);
    hys_free(j->answers);
    hys_free(j);
}

const hys_journey_view *hys_journey_view_get(const hys_journey *j)
{
    assert(j);
    return &j->v;
}

void hys_journey_screen_id(const hys_journey *j, char *out, size_t n)
{
    assert(j && out && n > 0);
    static const char *const names[] = {"welcome",     "updates",  "language", "intro",
                                        "practice",    "question", "review",   "thanks",
                                        "still-there", "sound",    "display",  "help"};
    if (j->v.screen == HYS_SCREEN_QUESTION)
        snprintf(out, n, "question:%s", j->f->questions[j->v.question].name);
    else
        snprintf(out, n, "%s", names[j->v.screen]);
}

int hys_screen_is_overlay(hys_screen s)
{
    return s == HYS_SCREEN_SOUND || s == HYS_SCREEN_DISPLAY || s == HYS_SCREEN_HELP;
}

hys_answer_status hys_journey_answer(const hys_journey *j, int qi, const char **value)
{
    *value = j->answers[qi].value;
    return j->answers[qi].status;
}
