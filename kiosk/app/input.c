/* input: touches, keys and switches become actions (to the mode in front,
 * modes.h) and speech.
 * Buttons act when the finger lifts; a lift on a switched-off button says
 * why it does nothing; any new touch or key cuts speech off; a long hold
 * (3 s) starts touch-to-hear (explore: touching speaks, a double tap or
 * Enter chooses), shown by a banner with a way to switch it off, and said
 * aloud; keys move a focus ring through the screen in reading order; one
 * switch scans by itself, two switches move and choose. */
#include "kiosk_impl.h"
#include "modes.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define STAFF_HOLD_MS 5000 /* a hold this long in the staff corner opens staff mode */
#define DOUBLE_TAP_MS 500
#define HINT_MS 4000 /* why a switched-off button did nothing: shown this long */

/* ---- focus ---- */

/* Targets that can take the focus, in reading order. */
static int focus_list(const hys_frame *f, int *out)
{
    int n = 0;
    for (int i = 0; i < f->nspeak; i++) {
        int ti = f->speak[i].target;
        if (ti >= 0 && f->targets[ti].enabled) out[n++] = ti;
    }
    return n;
}

static void set_focus(hys_kiosk *k, const hys_frame *f, int ti, int speak)
{
    snprintf(k->input.focus, sizeof k->input.focus, "%s", f->targets[ti].id);
    k->changed = 1;
    if (speak) hys_voice_item(k, hys_frame_speak_of(f, ti));
}

/* The first answer or button of the content (not the bars). */
static void focus_first(hys_kiosk *k, int speak)
{
    const hys_frame *f = hys_kiosk_layout(k);
    int list[HYS_MAX_SPEAK], n = focus_list(f, list);
    if (n == 0) return;
    /* else the main action of the bottom bar (Next), else the first item */
    int pick = -1, bottom = -1;
    for (int i = 0; i < f->nspeak && pick < 0; i++) {
        const hys_speak *sp = &f->speak[i];
        if (sp->target < 0 || !f->targets[sp->target].enabled) continue;
        if (sp->group == HYS_READ_CONTENT) pick = sp->target;
        if (sp->group == HYS_READ_BOTTOM) bottom = sp->target;
    }
    set_focus(k, f, pick >= 0 ? pick : bottom >= 0 ? bottom : list[0], speak);
}

/* Move the focus by dir (+1 / -1), round and round: there is no trap. */
static void move_focus(hys_kiosk *k, int dir)
{
    const hys_frame *f = hys_kiosk_layout(k);
    int list[HYS_MAX_SPEAK], n = focus_list(f, list);
    if (n == 0) return;
    int cur = -1;
    for (int i = 0; i < n; i++)
        if (!strcmp(f->targets[list[i]].id, k->input.focus)) cur = i;
    if (cur < 0) {
        focus_first(k, 1);
        return;
    }
    set_focus(k, f, list[(cur + dir + n) % n], 1);
}

/* Keys, switches and touch-to-hear are ways in without sight: speech comes on. */
static void speech_on(hys_kiosk *k, long now)
{
    if (!hys_journey_view_get(k->journey)->read_aloud && hys_voice_ready(k))
        hys_journey_act(k->journey, HYS_ACT_READ_ALOUD, 1, now);
    k->changed = 1;
}

/* Keys and switches also show the focus ring. 1 when this is the
 * session's first key. */
static int access_on(hys_kiosk *k, long now)
{
    int first = !k->input.keys_used;
    k->input.keys_used = 1;
    speech_on(k, now);
    return first;
}

/* The first key of a session (arrows, Enter): nothing is moved or chosen
 * yet; the whole screen is read with how to use the keys, the ring on its
 * first thing (the languages, on the welcome screen). */
static void keys_start(hys_kiosk *k)
{
    focus_first(k, 0);
    hys_voice_screen(k, 1);
}

/* ---- choosing ---- */

/* Mode m is in front (its screen shows; modes.h). */
static int in_front(const hys_kiosk *k, hys_mode m)
{
    return hys_mode_now(k) == m;
}

/* An answer was just taken and is shown ticked: no new taps meanwhile. */
static int holding(const hys_kiosk *k)
{
    return hys_journey_view_get(k->journey)->holding;
}

/* After an action that kept the screen: hear what changed. chose: the
 * "You chose: …" words for an answer. */
static void confirm(hys_kiosk *k, hys_action a, const char *id, const char *chose)
{
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (!v->read_aloud && a != HYS_ACT_READ_ALOUD) return;
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_target *t = hys_frame_find(f, id);
    int i = t ? hys_frame_speak_of(f, (int)(t - f->targets)) : -1;
    switch (a) {
    case HYS_ACT_CHOOSE:
        if (i >= 0) hys_voice_words(k, chose, i);
        break;
    case HYS_ACT_PAGE:
        hys_voice_screen(k, 0);
        break;
    default:
        if (i >= 0) hys_voice_item(k, i);
        break;
    }
}

/* Choose target t as a tap on it would. */
static void choose(hys_kiosk *k, const hys_target *t, long now)
{
    const hys_frame *f = hys_kiosk_layout(k);
    if (!t->enabled) {
        hys_voice_item(k, hys_frame_speak_of(f, (int)(t - f->targets)));
        return;
    }
    char id[64];
    snprintf(id, sizeof id, "%s", t->id);
    hys_action a = t->action;
    int arg = t->arg;
    if (a == HYS_ACT_CURTAIN) { /* the headphones' own, over every mode (it says what it did) */
        hys_headset_curtain(k, arg < 0 ? !k->listen.curtain : arg != 0, now);
        return;
    }
    if (a == HYS_ACT_HEAR) {
        hys_journey_act(k->journey, HYS_ACT_HEAR, 0, now);
        hys_voice_screen(k, 0);
        return;
    }
    char before[80];
    snprintf(before, sizeof before, "%s", f->screen);
    int i = hys_frame_speak_of(f, (int)(t - f->targets));
    char chose[sizeof k->first] = "";
    if (a == HYS_ACT_CHOOSE && i >= 0)
        snprintf(chose, sizeof chose, hys_voice_tr(k, "You chose: %s"), f->speak[i].label);
    memcpy(k->first, chose, sizeof chose); /* heard first if the answer moves to a new screen */
    if (a == HYS_ACT_EXPLORE) /* touch-to-hear's banner: input's own, over every mode */
        hys_input_explore(k, arg, NULL, now);
    else
        hys_mode_act(k, a, arg, now);
    f = hys_kiosk_layout(k);
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (v->refused && v->screen == HYS_SCREEN_QUESTION &&
        (a == HYS_ACT_CHOOSE || a == HYS_ACT_NEXT)) { /* not kept: say why, always */
        const hys_question *q = &k->form->questions[v->question];
        char mb[HYS_MAX_WORDS];
        const char *m = hys_journey_text(k->journey, &q->constraint_msg, v->lang, mb, sizeof mb);
        k->first[0] = '\0';
        hys_voice_words(k, m ? m : hys_voice_tr(k, HYS_REFUSED_WORDS), -1);
        hys_input_after(k, now);
        return;
    }
    /* (an answer shown ticked before moving on: "You chose" opens the next screen) */
    if (!strcmp(f->screen, before) && !holding(k)) {
        k->first[0] = '\0';
        confirm(k, a, id, chose);
        /* an answer chosen by key: Next is the likely next step */
        const hys_target *next = hys_frame_find(f, "button:next");
        if (a == HYS_ACT_CHOOSE && k->input.keys_used && next && next->enabled)
            snprintf(k->input.focus, sizeof k->input.focus, "%s", next->id);
    }
    hys_input_after(k, now);
}

/* ---- after the journey moved ---- */

/* Words the screen reading will take to say, in milliseconds. */
static long reading_ms(hys_kiosk *k)
{
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (!v->read_aloud || !hys_voice_ready(k)) return 0;
    long words = 0;
    for (int i = 0; i < f->nspeak; i++) {
        const char *said = hys_voice_in_screen(f, i);
        if (!said) continue;
        for (const char *p = said; *p; p++)
            words += *p == ' ';
        words++;
    }
    return words * 60000 / (v->slow ? HYS_SPEECH_WPM_SLOWER : HYS_SPEECH_WPM_NORMAL);
}

void hys_input_reset(hys_kiosk *k)
{
    /* the next resident starts as the kiosk is set up: no keys, touch-to-hear
     * or scanning left on, nothing of the last one's waiting to be said */
    k->input.keys_used = k->input.explore = k->input.scanning = k->input.two_switch = 0;
    k->listen.curtain = 0;
    if (k->journey) k->input.visit = hys_journey_view_get(k->journey)->visit; /* (this one) */
    k->input.focus[0] = k->input.explored[0] = k->first[0] = k->input.hint[0] = '\0';
    hys_voice_stop(k);
}

void hys_input_after(hys_kiosk *k, long now)
{
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (!strcmp(f->screen, k->input.screen_id)) return;
    /* answers that could not be kept: out of order, never thanks (before
     * thanks, and in replays, every answer given is waited for) */
    if (hys_trouble_check(k, now, v->screen == HYS_SCREEN_THANKS || !k->threads)) return;
    snprintf(k->input.screen_id, sizeof k->input.screen_id, "%s", f->screen);
    k->input.focus[0] = k->input.explored[0] = k->input.hint[0] =
        '\0'; /* (a hint was about the last screen) */
    k->changed = 1;
    /* the next person: whichever way the last one's visit ended (thanks,
     * "still there?", or walking away from Help or a settings screen) */
    int over = v->visit != k->input.visit;
    k->input.visit = v->visit;
    if (over) {
        hys_input_reset(k);
        return;
    }
    if (v->read_aloud || v->screen == HYS_SCREEN_HELP) { /* (Help is always said) */
        hys_voice_screen(k, 0);
    } else {
        k->first[0] = '\0';
        hys_voice_stop(k);
    }
    if (k->input.keys_used) focus_first(k, 0);
    if (k->input.scanning) k->input.scan_next_at = now + k->cfg.scan_ms + reading_ms(k);
}

/* ---- touch ---- */

/* Touch-to-hear on or off: the banner shows it, and the kiosk says so. */
void hys_input_explore(hys_kiosk *k, int on, const char *before, long now)
{
    k->input.explore = on;
    k->input.explored[0] = '\0';
    k->changed = 1;
    if (!on) {
        k->listen.curtain = 0; /* a hidden screen is found only by touch to hear */
        char said[sizeof k->first];
        snprintf(said, sizeof said, "%s%s%s", before ? before : "", before ? " " : "",
                 hys_voice_tr(k, "Touch to hear is off."));
        hys_voice_words(k, said, -1);
        return;
    }
    /* said first, then the whole screen (on the welcome screen, with the keys) */
    speech_on(k, now);
    snprintf(k->first, sizeof k->first, "%s%s%s", before ? before : "", before ? " " : "",
             hys_voice_tr(k, "Touch to hear is on. Touch anything to hear it. Tap it twice to "
                             "choose it."));
    hys_voice_screen(k, hys_journey_view_get(k->journey)->screen == HYS_SCREEN_WELCOME);
}

/* A tap on a switched-off button: say (and show) why nothing happens. */
static void why_off(hys_kiosk *k, const hys_frame *f, int x, int y, long now)
{
    const hys_target *off = NULL;
    for (int i = 0; i < f->ntargets && !off; i++) {
        const hys_target *t = &f->targets[i];
        if (!t->enabled && t->why[0] && x >= t->x && y >= t->y && x < t->x + t->w &&
            y < t->y + t->h)
            off = t;
    }
    if (!off) return;
    snprintf(k->input.hint, sizeof k->input.hint, "%s", off->why);
    k->input.hint_until = now + HINT_MS;
    k->changed = 1;
    hys_voice_words(k, k->input.hint, -1);
}

void hys_input_press(hys_kiosk *k, int x, int y, long now)
{
    hys_voice_stop(k);
    if (k->input.hint[0]) { /* a new touch: the last hint has been read */
        k->input.hint[0] = '\0';
        k->changed = 1;
    }
    if (holding(k) && in_front(k, HYS_MODE_JOURNEY)) return; /* the answer just taken is shown */
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_target *t = hys_frame_hit(f, x, y);
    snprintf(k->input.pressed, sizeof k->input.pressed, "%s", t ? t->id : "");
    k->input.pressing = 1;
    k->input.long_fired = 0;
    k->input.press_at = now;
    k->input.corner_press =
        !k->input.explore && !in_front(k, HYS_MODE_STAFF) && hys_staff_corner(k, x, y);
    k->input.press_x = x, k->input.press_y = y;
    k->changed = 1;
    hys_journey_touch(k->journey, now);
    if (!k->input.explore) return;
    /* touch-to-hear: a touch speaks; the same item touched again soon chooses */
    k->input.pressed[0] = '\0';
    int i = hys_frame_speak_at(f, x, y);
    const char *tid = i >= 0 && f->speak[i].target >= 0 ? f->targets[f->speak[i].target].id : "";
    if (t && *tid && !strcmp(tid, k->input.explored) &&
        now - k->input.explored_at <= DOUBLE_TAP_MS) {
        k->input.explored[0] = '\0';
        choose(k, t, now);
        return;
    }
    snprintf(k->input.explored, sizeof k->input.explored, "%s", tid);
    k->input.explored_at = now;
    if (i >= 0) hys_voice_item(k, i);
}

void hys_input_release(hys_kiosk *k, int x, int y, long now)
{
    if (!k->input.pressing) return; /* (the press was not taken) */
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_target *t = k->input.pressed[0] ? hys_frame_find(f, k->input.pressed) : NULL;
    int inside = t && t->enabled && x >= t->x && y >= t->y && x < t->x + t->w && y < t->y + t->h;
    int held = k->input.long_fired;
    k->input.pressed[0] = '\0';
    k->input.pressing = k->input.long_fired = 0;
    k->changed = 1;
    /* a tremor: the same target tapped again within the window counts once */
    int repeat = inside && !strcmp(t->id, k->input.last_tap) &&
                 now - k->input.last_tap_at < k->cfg.repeat_tap_ms;
    if (inside && !held && !k->input.explore && !repeat) {
        snprintf(k->input.last_tap, sizeof k->input.last_tap, "%s", t->id);
        k->input.last_tap_at = now;
        choose(k, t, now);
    } else {
        hys_journey_touch(k->journey, now);
        if (!held && !k->input.explore && !inside) why_off(k, f, x, y, now);
    }
    hys_input_after(k, now);
}

/* ---- keys and switches ---- */

hys_status hys_input_key(hys_kiosk *k, const char *name, long now)
{
    hys_key_role role = hys_keymap_role(&k->cfg.keys, name);
    if (role == HYS_KEY_NONE && SDL_GetKeyFromName(name) == SDLK_UNKNOWN) return HYS_ENOTFOUND;
    if (holding(k) && in_front(k, HYS_MODE_JOURNEY) && role != HYS_KEY_STAFF)
        return HYS_OK; /* (as a tap then) */
    hys_voice_stop(k);
    k->input.swallow_text = 0;
    if (role != HYS_KEY_NONE && !strncasecmp(name, "Keypad ", 7) && strlen(name) == 8)
        k->input.swallow_text = (unsigned char)name[7]; /* the number pad also types this */
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    const hys_frame *f = hys_kiosk_layout(k);
    const hys_target *t;
    k->changed = 1;
    if (in_front(k, HYS_MODE_OUT_OF_ORDER) && role != HYS_KEY_STAFF) {
        /* out of order: only staff's key; the keys that ask hear the notice again */
        if (role == HYS_KEY_HELP || role == HYS_KEY_SPEECH || role == HYS_KEY_SELECT ||
            role == HYS_KEY_SWITCH_SELECT)
            hys_voice_words(k, k->trouble.notice, -1);
        return HYS_OK;
    }
    switch (role) {
    case HYS_KEY_NONE:
        hys_journey_touch(k->journey, now);
        break;
    case HYS_KEY_STAFF:
        hys_staff_open(k, now);
        break;
    case HYS_KEY_PREV:
    case HYS_KEY_NEXT:
        hys_journey_touch(k->journey, now);
        if (access_on(k, now))
            keys_start(k);
        else
            move_focus(k, role == HYS_KEY_NEXT ? 1 : -1);
        break;
    case HYS_KEY_SELECT:
        if (access_on(k, now) && !k->input.explore) {
            hys_journey_touch(k->journey, now);
            keys_start(k);
            break;
        }
        t = k->input.explore && k->input.explored[0] ? hys_frame_find(f, k->input.explored) : NULL;
        if (!t && k->input.focus[0]) t = hys_frame_find(f, k->input.focus);
        if (t)
            choose(k, t, now);
        else
            focus_first(k, 1);
        break;
    case HYS_KEY_BACK:
        if (v->screen == HYS_SCREEN_QUESTION && v->input && v->input[0]) {
            hys_mode_act(k, HYS_ACT_ERASE, 0, now);
            if (v->read_aloud) {
                char words[HYS_MAX_TEXT_ANSWER + 80];
                snprintf(words, sizeof words, hys_voice_tr(k, "You wrote: %s"), v->input);
                hys_voice_words(k, v->input[0] ? words : hys_voice_tr(k, "Nothing written yet"),
                                -1);
            }
        } else {
            hys_mode_act(k, HYS_ACT_BACK, 0, now);
        }
        break;
    case HYS_KEY_HELP:
        access_on(k, now);
        hys_journey_touch(k->journey, now);
        hys_voice_help(k);
        break;
    case HYS_KEY_SPEECH:
        access_on(k, now);
        hys_journey_touch(k->journey, now);
        hys_input_explore(k, 1, NULL, now); /* (said, and the screen read) */
        break;
    case HYS_KEY_LOUDER:
    case HYS_KEY_QUIETER:
        hys_mode_act(k, HYS_ACT_VOLUME, role == HYS_KEY_LOUDER ? 1 : -1, now);
        hys_voice_words(k, hys_voice_tr(k, role == HYS_KEY_LOUDER ? "Louder" : "Quieter"), -1);
        break;
    case HYS_KEY_SWITCH_MOVE:
        access_on(k, now);
        k->input.two_switch = 1;
        k->input.scanning = 0;
        hys_journey_touch(k->journey, now);
        move_focus(k, 1);
        break;
    case HYS_KEY_SWITCH_SELECT:
        access_on(k, now);
        hys_journey_touch(k->journey, now);
        if (!k->input.two_switch && k->cfg.scan_ms > 0 && !k->input.scanning) {
            /* one switch: the first press starts the scan */
            k->input.scanning = 1;
            focus_first(k, 1);
            k->input.scan_next_at = now + k->cfg.scan_ms;
            break;
        }
        t = k->input.focus[0] ? hys_frame_find(f, k->input.focus) : NULL;
        if (t)
            choose(k, t, now);
        else
            focus_first(k, 1);
        if (k->input.scanning && !strcmp(hys_kiosk_layout(k)->screen, k->input.screen_id) &&
            k->input.scan_next_at < now + k->cfg.scan_ms)
            k->input.scan_next_at = now + k->cfg.scan_ms;
        break;
    case HYS_KEY_ROLES:
        break;
    }
    hys_input_after(k, now);
    return HYS_OK;
}

void hys_input_text(hys_kiosk *k, const char *utf8, long now)
{
    int swallow = k->input.swallow_text;
    k->input.swallow_text = 0;
    if (in_front(k, HYS_MODE_STAFF) && k->staff.screen == HYS_STAFF_PIN) {
        /* a keyboard's digits type the staff PIN */
        for (const char *p = utf8; *p; p++)
            if (*p >= '0' && *p <= '9') hys_mode_act(k, HYS_ACT_STAFF_DIGIT, *p - '0', now);
        return;
    }
    if (!in_front(k, HYS_MODE_JOURNEY)) return; /* (typing is the journey's alone) */
    if (swallow && utf8[0] == swallow && !utf8[1]) return;
    hys_journey_type(k->journey, utf8, now);
    k->changed = 1;
    hys_input_after(k, now);
}

/* ---- timers ---- */

/* A finger is down, held still long enough would start touch-to-hear
 * (never in the staff corner, in staff mode, out of order, or when on). */
static int hear_hold_armed(const hys_kiosk *k)
{
    /* (a stick's notice may be in front of the journey, but not of staff
     * mode or out of order: their corner hold must stay free) */
    return k->input.pressing && !k->input.long_fired && !k->input.corner_press &&
           !k->input.explore && !k->trouble.on && k->staff.screen == HYS_STAFF_CLOSED &&
           k->cfg.hear_hold_ms > 0;
}

long hys_input_deadline(const hys_kiosk *k)
{
    long d = -1;
    if (k->input.pressing && !k->input.long_fired && k->input.corner_press)
        d = k->input.press_at + STAFF_HOLD_MS;
    else if (hear_hold_armed(k))
        d = k->input.press_at + k->cfg.hear_hold_ms;
    if (k->input.scanning && (d < 0 || k->input.scan_next_at < d)) d = k->input.scan_next_at;
    if (k->input.hint[0] && (d < 0 || k->input.hint_until < d)) d = k->input.hint_until;
    return d;
}

void hys_input_tick(hys_kiosk *k, long now)
{
    if (k->input.pressing && k->input.corner_press && !k->input.long_fired &&
        now >= k->input.press_at + STAFF_HOLD_MS) {
        k->input.long_fired = 1; /* the staff gesture: nothing else happens with this press */
        hys_staff_open(k, now);
    }
    if (k->input.hint[0] && now >= k->input.hint_until) {
        k->input.hint[0] = '\0';
        k->changed = 1;
    }
    if (hear_hold_armed(k) && now >= k->input.press_at + k->cfg.hear_hold_ms) {
        /* a long, deliberate hold: touch-to-hear starts (said, and shown by
         * its banner), and nothing is chosen */
        k->input.long_fired = 1;
        k->input.pressed[0] = '\0';
        hys_input_explore(k, 1, NULL, now);
    }
    int guard = 0;
    while (k->input.scanning && k->cfg.scan_ms > 0 && now >= k->input.scan_next_at &&
           guard++ < 1000) {
        move_focus(k, 1);
        k->input.scan_next_at += k->cfg.scan_ms;
    }
}
