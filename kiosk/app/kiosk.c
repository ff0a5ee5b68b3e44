/* kiosk: wiring and the event loop (see kiosk.h). */
#include "kiosk.h"

#include "kiosk_impl.h"
#include "modes.h"
#include "paths.h"
#include "sticks.h"

#include "../util/alloc.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

/* ---- the program's words ---- */

/* A translation is used only if it has the same % conversions as the English. */
static int same_formats(const char *a, const char *b)
{
    for (;;) {
        a = strchr(a, '%');
        b = strchr(b, '%');
        if (!a || !b) return !a && !b;
        if (a[1] != b[1]) return 0;
        a += 2, b += 2;
    }
}

static const char *translate(void *ud, int lang, const char *english)
{
    hys_kiosk *k = ud;
    if (lang < 0 || lang >= HYS_MAX_LANGUAGES || !k->po[lang]) return english;
    const char *t = hys_po_get(k->po[lang], english);
    return strchr(english, '%') && !same_formats(english, t) ? english : t;
}

/* ---- answers go to the store ---- */

/* (ud is the kiosk: its store may be opened again after trouble) */
static void sink_begin(void *ud, const char *session)
{
    hys_store_session_begin(((hys_kiosk *)ud)->store, session);
}

static void sink_answer(void *ud, const char *session, const char *question, int position,
                        const char *value, hys_answer_status st, const char *lang, int seconds)
{
    hys_store_answer(((hys_kiosk *)ud)->store, session, question, position, value,
                     hys_answer_status_name(st), lang, seconds);
}

static void sink_withdraw(void *ud, const char *session, const char *question)
{
    hys_store_withdraw(((hys_kiosk *)ud)->store, session, question);
}

static void sink_end(void *ud, const char *session, int completed)
{
    hys_store_session_end(((hys_kiosk *)ud)->store, session, completed);
}

/* ---- opening ---- */

/* Tell the store which form the answers belong to, with its words in its
 * first language (for the reports in export bundles), the faces' own
 * "Don't know" among them. */
static void store_form(hys_kiosk *k)
{
    hys_store *st = k->store;
    const hys_form *fm = k->form;
    if (!st) return;
    int n = 0;
    for (int i = 0; i < fm->nquestions; i++)
        n += 2 + fm->questions[i].nchoices;
    hys_store_label *labels = hys_calloc(n > 0 ? (size_t)n : 1, sizeof *labels);
    n = 0;
    for (int i = 0; labels && i < fm->nquestions; i++) {
        const hys_question *q = &fm->questions[i];
        const char *words = hys_form_text(fm, &q->label, 0);
        labels[n++] = (hys_store_label){q->name, "", words ? words : q->name}; /* (a calculation) */
        int listed = 0;
        for (int c = 0; c < q->nchoices; c++) {
            labels[n++] = (hys_store_label){q->name, q->choices[c].name,
                                            hys_form_text(fm, &q->choices[c].label, 0)};
            listed |= !strcmp(q->choices[c].name, "dont_know");
        }
        if (q->look == HYS_LOOK_FACES && !listed) /* (the journey's own, after the faces) */
            labels[n++] = (hys_store_label){q->name, "dont_know", translate(k, 0, "Don't know")};
    }
    hys_store_form sf = {fm->id, fm->version,    fm->hash,      fm->title,
                         labels, labels ? n : 0, fm->public_key};
    hys_store_set_form(st, &sf);
    hys_free(labels);
}

/* Each language's voice: the one eSpeak has, once it has started; before
 * that (the first frame), the one it is expected to have. Draws again when
 * one changed (a voice that turned out to be missing loses its speakers). */
static void choose_voices(hys_kiosk *k)
{
    int started = hys_speech_started(k->speech);
    for (int i = 0; i < k->form->nlangs; i++) {
        const char *code = k->form->langs[i].code;
        char expected[sizeof k->voice[i]];
        const char *v = !k->speech ? NULL
                        : started  ? hys_speech_voice_for(k->speech, code)
                                   : hys_speech_voice_expected(code, expected, sizeof expected);
        if (strcmp(k->voice[i], v ? v : "")) k->changed = 1;
        snprintf(k->voice[i], sizeof k->voice[i], "%s", v ? v : "");
    }
}

void hys_kiosk_start_speech(hys_kiosk *k)
{
    char serr[300];
    if (k->speech && !hys_speech_started(k->speech) &&
        hys_speech_start(k->speech, serr, sizeof serr) != HYS_OK)
        hys_voice_none(k, serr);
    hys_headset_known(k);
    choose_voices(k);
}

hys_kiosk *hys_kiosk_open(const hys_kiosk_options *o, char *err, size_t errn)
{
    hys_kiosk *k = hys_calloc(1, sizeof *k);
    if (!k || !(k->frame = hys_calloc(1, sizeof *k->frame))) {
        hys_free(k);
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    hys_config_default(&k->cfg);
    char data[1024];
    if (o->data)
        snprintf(data, sizeof data, "%s", o->data);
    else
        hys_paths_data(data, sizeof data);
    if (hys_paths_mkdirs(data) != HYS_OK) {
        snprintf(err, errn, "cannot make the data folder %s", data);
        goto fail;
    }
    snprintf(k->data, sizeof k->data, "%s", data);
    hys_pin_guard_load(&k->staff.guard, data, 0); /* wrong PINs of earlier runs still count */
    char cfgpath[1100];
    /* the box's settings (an installed kiosk: /etc/haveyoursay), then the
     * data folder's; replays read only their own, so they always run alike */
    if (!o->offscreen) hys_config_load(&k->cfg, HYS_SYSCONFDIR "/haveyoursay/config.ini");
    snprintf(cfgpath, sizeof cfgpath, "%s/config.ini", data);
    hys_config_load(&k->cfg, cfgpath);
    /* what staff set on the kiosk itself (volume, start language) wins */
    snprintf(cfgpath, sizeof cfgpath, "%s/staff.ini", data);
    hys_config_load(&k->cfg, cfgpath);

    hys_paths_assets(k->assets, sizeof k->assets);
    snprintf(k->icons, sizeof k->icons, "%s/icons", k->assets);
    snprintf(k->fonts, sizeof k->fonts, "%s/fonts", k->assets);
    char formpath[1200];
    if (o->form)
        snprintf(formpath, sizeof formpath, "%s", o->form);
    else if (hys_questions_current(data, formpath, sizeof formpath))
        ; /* the set staff last loaded from a stick */
    else if (k->cfg.form[0])
        snprintf(formpath, sizeof formpath, "%s", k->cfg.form);
    else
        snprintf(formpath, sizeof formpath, "%s/forms/demo/listening.xlsx", k->assets);

    hys_diags *d = hys_diags_create(formpath);
    if (!d) {
        snprintf(err, errn, "out of memory");
        goto fail;
    }
    k->form = hys_form_load(formpath, d, NULL);
    if (!k->form) {
        hys_diags_print(d, stderr);
        snprintf(err, errn, "the question set %s cannot run (%d problems above)", formpath,
                 hys_diags_errors(d));
        hys_diags_destroy(d);
        goto fail;
    }
    hys_diags_destroy(d);

    /* answers that cannot be kept put the kiosk out of order (trouble.c),
     * which tries again by itself: it still starts */
    char store_err[600] = "";
    hys_kiosk_open_store(k, store_err, sizeof store_err);
    k->words.ud = k;
    k->words.tr = translate;

    hys_screen_options so = {o->w, o->h, !o->windowed && !o->offscreen, o->offscreen, k->fonts};
    if (!o->offscreen && !o->windowed) so.w = so.h = 0;
    if (o->offscreen && (so.w <= 0 || so.h <= 0)) so.w = 1280, so.h = 800;
    k->fullscreen = so.fullscreen;
    k->screen = hys_screen_open(&so, err, errn);
    if (!k->screen) goto fail;

    /* (the sound and eSpeak start after the first frame: hys_kiosk_start_speech) */
    char serr[300];
    k->speech = hys_speech_open(HYS_SPEECH_DEVICE, serr, sizeof serr);
    if (!k->speech) fprintf(stderr, "haveyoursay: %s; the kiosk will not speak\n", serr);
    k->cfg.times.volume_steps = HYS_SPEECH_VOLUME_STEPS;
    hys_form *f = k->form;
    k->form = NULL;
    if (hys_kiosk_use_form(k, f, err, errn) != HYS_OK) goto fail;
    if (!k->store) hys_trouble_start(k, 0, store_err);
    return k;
fail:
    hys_kiosk_close(k);
    return NULL;
}

hys_status hys_kiosk_use_form(hys_kiosk *k, hys_form *f, char *err, size_t errn)
{
    hys_journey_destroy(k->journey); /* ends an open session as not completed */
    k->journey = NULL;
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++) {
        hys_po_destroy(k->po[i]);
        k->po[i] = NULL;
        k->voice[i][0] = 0;
    }
    hys_form_destroy(k->form);
    k->form = f;
    char locales[1024];
    hys_paths_locales(locales, sizeof locales);
    for (int i = 0; i < k->form->nlangs; i++) {
        if (strcmp(k->form->langs[i].code, "en")) {
            hys_status rc;
            char perr[300];
            k->po[i] = hys_po_load(locales, k->form->langs[i].code, &rc, perr, sizeof perr);
            if (!k->po[i] && rc != HYS_ENOTFOUND) fprintf(stderr, "haveyoursay: %s\n", perr);
        }
    }
    choose_voices(k);
    /* what the kiosk added to the set (or_other, acknowledge), in its words */
    if (hys_form_kiosk_words(k->form, translate, k) != HYS_OK)
        fprintf(stderr, "haveyoursay: out of memory: the words the kiosk adds stay in English\n");
    store_form(k);
    /* (from staff mode, which knows the time; at start, time 0) */
    hys_kiosk_new_journey(k, k->staff.screen ? k->staff.now : 0);
    hys_input_reset(k); /* nothing of the last set's listening carries over */
    if (!k->journey) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    return HYS_OK;
}

void hys_kiosk_new_journey(hys_kiosk *k, long now)
{
    hys_journey_sink sink = {k, sink_begin, sink_answer, sink_withdraw, sink_end};
    hys_journey *j = hys_journey_create(k->form, &k->cfg.times, &sink, now);
    if (!j) return;                  /* (out of memory: the journey there is goes on) */
    hys_journey_destroy(k->journey); /* ends an open session as not completed */
    k->journey = j;
    k->changed = 1;
    hys_journey_screen_id(k->journey, k->input.screen_id, sizeof k->input.screen_id);
}

hys_status hys_kiosk_open_store(hys_kiosk *k, char *err, size_t errn)
{
    k->store = hys_store_open(k->data, k->cfg.period, err, errn);
    if (!k->store) return HYS_EIO;
    k->trouble.failures_seen = 0;
    hys_kiosk_tell_store(k);
    return HYS_OK;
}

void hys_kiosk_tell_store(hys_kiosk *k)
{
    if (k->form) store_form(k);
}

/* Everything accepted kept; 1 when the export thread has let go of k. */
static int keep(hys_kiosk *k)
{
    int whole = hys_usb_close(k) == HYS_OK; /* an export that is running finishes first */
    hys_journey_destroy(k->journey);        /* ends an open session as not completed */
    k->journey = NULL;
    hys_store_close(k->store); /* (its writer thread writes what is queued first) */
    k->store = NULL;
    return whole;
}

void hys_kiosk_keep(hys_kiosk *k)
{
    if (k) keep(k);
}

void hys_kiosk_close(hys_kiosk *k)
{
    if (!k) return;
    int whole = keep(k);
    hys_speech_close(k->speech);
    hys_screen_close(k->screen);
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_po_destroy(k->po[i]);
    hys_form_destroy(k->form);
    hys_free(k->frame);
    if (whole) hys_free(k); /* (else the export thread, stuck on a stick, still holds it) */
}

/* ---- frames: state -> view -> screen ---- */

const hys_frame *hys_kiosk_layout(hys_kiosk *k)
{
    if (!k->changed) return k->frame;
    hys_layout_in in = {0};
    in.form = k->form;
    in.journey = k->journey;
    in.theme = hys_journey_view_get(k->journey)->high_contrast ? hys_theme_high_contrast()
                                                               : hys_theme_default();
    in.measure = hys_screen_measure(k->screen);
    in.words = &k->words;
    in.icons_dir = k->icons;
    in.pressed = k->input.pressed[0] ? k->input.pressed : NULL;
    in.focus = k->input.keys_used && k->input.focus[0] ? k->input.focus : NULL;
    in.speaking = k->speaking;
    in.can_speak = hys_voice_ready(k);
    in.volume_steps = HYS_SPEECH_VOLUME_STEPS;
    in.explore = k->input.explore;
    in.headphones = k->listen.headset[0] != '\0';
    in.curtain = k->listen.curtain;
    in.hint = k->input.hint[0] ? k->input.hint : NULL;
    hys_screen_size(k->screen, &in.w, &in.h);
    in.min_target = hys_kiosk_min_target(k);
    hys_staff_view sv;
    hys_mode_view(k, &in, &sv); /* a notice or staff's screen, in front of the journey's */
    hys_layout_build(k->frame, &in);
    /* the pages the layout found bound the journey's paging (a state
     * change the next event acts on; the frame already shows the clamped page) */
    hys_journey_set_pages(k->journey, k->frame->pages);
    hys_journey_set_scroll_pages(k->journey, k->frame->scroll_pages);
    k->changed = 0;
    k->unshown = 1;
    return k->frame;
}

const hys_frame *hys_kiosk_frame(const hys_kiosk *k)
{
    return k->frame;
}

unsigned long hys_kiosk_presented(const hys_kiosk *k)
{
    return k->presented;
}

/* The end of every event: what changed goes on the screen. */
static void present(hys_kiosk *k)
{
    hys_kiosk_layout(k);
    if (!k->unshown) return;
    hys_screen_draw(k->screen, k->frame);
    k->unshown = 0;
    k->presented++;
}

hys_status hys_kiosk_save_shot(hys_kiosk *k, const char *path, char *err, size_t errn)
{
    return hys_screen_save_png(k->screen, path, err, errn);
}

void hys_kiosk_sync(hys_kiosk *k)
{
    hys_store_flush(k->store);
}

/* ---- input (see input.c for touches, keys and switches) ---- */

/* The earlier of two moments, either of which may be none (-1). */
static long earlier(long a, long b)
{
    return a < 0 ? b : (b < 0 || a < b ? a : b);
}

/* The next moment something is due: a timer of a mode (the journey's,
 * a stick's notice going, staff mode closing, trying to write again when
 * out of order) or of input (a long press, scanning, a hint going). */
static long next_deadline(const hys_kiosk *k)
{
    return earlier(hys_mode_deadline(k), hys_input_deadline(k));
}

/* Every timer due by now fires, in order of time. */
static void advance(hys_kiosk *k, long now)
{
    for (int guard = 0; guard < 10000; guard++) {
        long d = next_deadline(k);
        if (d < 0 || d > now) break;
        hys_mode_tick(k, d);
        hys_input_tick(k, d);
        hys_input_after(k, d);
        if (next_deadline(k) == d) break; /* nothing more at that moment */
    }
}

/* Keep the ring on what is being heard (on what was just asked for, until
 * the speech thread has started it; off once all is said). */
static void follow_speech(hys_kiosk *k)
{
    int cur = hys_speech_current(k->speech);
    int shown = cur > 0 ? cur : hys_speech_busy(k->speech) ? k->speaking : 0;
    if (shown != k->speaking) {
        k->speaking = shown;
        k->changed = 1;
    }
}

hys_status hys_kiosk_handle(hys_kiosk *k, const hys_kiosk_event *e)
{
    hys_status known = HYS_OK;
    advance(k, e->now); /* what was due before this event happens first */
    switch (e->kind) {
    case HYS_IN_SHOW:
    case HYS_IN_TIME:
        break;
    case HYS_IN_REDRAW: /* (a new size: laid out again) */
        k->changed = k->unshown = 1;
        break;
    case HYS_IN_PRESS:
        hys_input_press(k, e->x, e->y, e->now);
        break;
    case HYS_IN_RELEASE:
        hys_input_release(k, e->x, e->y, e->now);
        break;
    case HYS_IN_KEY:
        known = hys_input_key(k, e->text, e->now);
        break;
    case HYS_IN_TEXT:
        hys_input_text(k, e->text, e->now);
        break;
    case HYS_IN_STICK_IN:
    case HYS_IN_STICK_OUT:
        hys_usb_stick(k, e);
        break;
    case HYS_IN_SAVED:
        hys_usb_finished(k, e->now);
        break;
    case HYS_IN_HEADSET_IN:
        hys_headset_in(k, e->text, e->now);
        break;
    case HYS_IN_HEADSET_OUT:
        hys_headset_out(k, e->now);
        break;
    }
    follow_speech(k);
    present(k);
    return known;
}

int hys_kiosk_min_target(hys_kiosk *k)
{
    int w, h;
    hys_screen_size(k->screen, &w, &h);
    int mm = k->cfg.screen_width_mm;
    int px = mm > 0 ? (12 * w + mm - 1) / mm : 44; /* 12 mm, rounded up */
    return px > 44 ? px : 44;
}

int hys_kiosk_closed(const hys_kiosk *k)
{
    return k->quit;
}

const char *hys_kiosk_data_dir(const hys_kiosk *k)
{
    return k->data;
}

long hys_kiosk_deadline(const hys_kiosk *k)
{
    return next_deadline(k);
}

const char *hys_kiosk_focus(const hys_kiosk *k)
{
    return k->input.focus;
}

const char *hys_kiosk_answer(const hys_kiosk *k, const char *name)
{
    int qi = hys_form_find(k->form, name);
    if (qi < 0) return NULL;
    const char *value;
    hys_answer_status st = hys_journey_answer(k->journey, qi, &value);
    if (st == HYS_STATUS_SKIPPED || st == HYS_STATUS_DONT_UNDERSTAND)
        return hys_answer_status_name(st);
    return st == HYS_STATUS_ANSWERED ? value : "";
}

void hys_kiosk_speech_device(hys_kiosk *k, char *out, size_t n)
{
    hys_speech_device(k->speech, out, n);
}

void hys_kiosk_speech_stats(hys_kiosk *k, struct hys_speech_stats *st)
{
    hys_speech_stats_get(k->speech, st);
}

int hys_kiosk_speech_busy(hys_kiosk *k)
{
    return hys_speech_busy(k->speech);
}

const char *hys_kiosk_said(const hys_kiosk *k, unsigned long *count)
{
    if (count) *count = k->nsaid;
    return k->said;
}

hys_status hys_kiosk_speech_wait(hys_kiosk *k, long timeout_ms, struct hys_speech_stats *st)
{
    hys_status rc = hys_speech_wait(k->speech, timeout_ms);
    if (st) hys_speech_stats_get(k->speech, st);
    return k->speech ? rc : HYS_ENOTFOUND;
}

/* ---- the real event loop ---- */

#define AUDIO_REST_MS 10000 /* the sound device closes after this long with nothing said */

/* An SDL event as the kiosk's own (0: not one for the kiosk). */
static int from_sdl(hys_kiosk *k, const SDL_Event *ev, int w, int h, char *name, size_t namen,
                    hys_kiosk_event *e)
{
    switch (ev->type) {
    case SDL_WINDOWEVENT:
        if (ev->window.event != SDL_WINDOWEVENT_SIZE_CHANGED &&
            ev->window.event != SDL_WINDOWEVENT_EXPOSED)
            return 0;
        e->kind = HYS_IN_REDRAW;
        return 1;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
        e->kind = ev->type == SDL_FINGERDOWN ? HYS_IN_PRESS : HYS_IN_RELEASE;
        e->x = (int)(ev->tfinger.x * (float)w), e->y = (int)(ev->tfinger.y * (float)h);
        return 1;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* (a touch also comes as a mouse event: the finger's is enough) */
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT) return 0;
        e->kind = ev->type == SDL_MOUSEBUTTONDOWN ? HYS_IN_PRESS : HYS_IN_RELEASE;
        e->x = ev->button.x, e->y = ev->button.y;
        return 1;
    case SDL_KEYDOWN:
        if (ev->key.repeat) return 0;
        e->kind = HYS_IN_KEY;
        snprintf(name, namen, "%s", SDL_GetKeyName(ev->key.keysym.sym));
        e->text = name;
        return 1;
    case SDL_TEXTINPUT:
        e->kind = HYS_IN_TEXT;
        snprintf(name, namen, "%s", ev->text.text);
        e->text = name;
        return 1;
    case SDL_AUDIODEVICEADDED: /* (also once for each device there at start) */
        if (ev->adevice.iscapture) return 0;
        const char *added = SDL_GetAudioDeviceName((int)ev->adevice.which, 0);
        if (!added || !*added || hys_headset_is_known(k, added)) return 0;
        snprintf(name, namen, "%s", added);
        e->kind = HYS_IN_HEADSET_IN;
        e->text = name;
        return 1;
    case SDL_AUDIODEVICEREMOVED: /* (some device went: the headphones, or another) */
        if (ev->adevice.iscapture || !k->listen.headset[0] || hys_headset_present(k)) return 0;
        e->kind = HYS_IN_HEADSET_OUT;
        return 1;
    case SDL_JOYBUTTONDOWN:
        e->kind = HYS_IN_KEY;
        snprintf(name, namen, "Joystick %d", ev->jbutton.button);
        e->text = name;
        return 1;
    default:
        if (ev->type != k->usb.event) return 0;
        if (ev->user.code == USB_SAVED) {
            e->kind = HYS_IN_SAVED;
            return 1;
        }
        const hys_stick_seen *seen = ev->user.data1;
        e->kind = ev->user.code == USB_STICK_IN ? HYS_IN_STICK_IN : HYS_IN_STICK_OUT;
        snprintf(name, namen, "%s", seen->path);
        e->text = name;
        e->kiosk_folder = seen->kiosk_folder;
        e->questions = seen->questions;
        return 1;
    }
}

int hys_kiosk_run(hys_kiosk *k)
{
    Uint64 t0 = SDL_GetTicks64();
    int closing_window = 0;
    int w, h;
    hys_screen_size(k->screen, &w, &h);
    SDL_StartTextInput();
    hys_kiosk_event start = {.kind = HYS_IN_SHOW};
    hys_kiosk_handle(k, &start);
    /* (these two lines are also how tests/bench times a cold start) */
    fprintf(stderr, "haveyoursay: the first screen is showing\n");
    /* what the first screen did not need */
    hys_kiosk_start_speech(k);
    hys_kiosk_handle(k, &start); /* (drawn again only if a voice was missing) */
    hys_screen_full(k->screen);
    SDL_InitSubSystem(SDL_INIT_JOYSTICK); /* switch interfaces that are game controllers */
    /* USB sticks: mounted by the system's automounter where the config says */
    k->usb.event = SDL_RegisterEvents(1);
    k->threads = 1;
    char werr[300] = "cannot watch for USB sticks: SDL has no event type left";
    hys_sticks *sticks = k->usb.event != (Uint32)-1 && k->cfg.usb_mounts[0]
                             ? hys_sticks_start(k->cfg.usb_mounts, k->usb.event,
                                                hys_questions_on_stick, werr, sizeof werr)
                             : NULL;
    if (!sticks && k->cfg.usb_mounts[0]) fprintf(stderr, "haveyoursay: %s\n", werr);
    long rest_at = AUDIO_REST_MS; /* when the sound device is next closed (-1: it is) */
    long last = 0;                /* the time of the last event handled */
    fprintf(stderr, "haveyoursay: ready for residents\n");
    for (;;) {
        long now = (long)(SDL_GetTicks64() - t0);
        long d = next_deadline(k);
        int busy = hys_speech_busy(k->speech);
        /* move the ring with the speech, and take it away when speech ends */
        if ((busy || k->speaking) && (d < 0 || d > now + 100)) d = now + 100;
        /* quiet for a while: the sound device rests (its thread would
         * otherwise wake the machine 43 times a second to play silence) */
        if (busy) rest_at = now + AUDIO_REST_MS;
        if (!busy && rest_at >= 0 && now >= rest_at) {
            hys_speech_rest(k->speech);
            rest_at = -1;
        }
        if (rest_at >= 0 && (d < 0 || d > rest_at)) d = rest_at;
        SDL_Event ev;
        int got =
            d < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, (int)(d > now ? d - now : 0));
        now = (long)(SDL_GetTicks64() - t0);
        /* an input happened when SDL took it, not when it is handled (a
         * tremor's second tap before the end of the hold stays before it) */
        if (got && ev.type != SDL_QUIT && ev.common.timestamp) {
            long at = (long)ev.common.timestamp - (long)t0;
            if (at >= last && at < now) now = at;
        }
        last = now;
        hys_kiosk_event e = {.kind = HYS_IN_TIME, .now = now};
        char text[4096];
        if (got) {
            rest_at = now + AUDIO_REST_MS; /* (an input may have started speech) */
            if (ev.type == SDL_QUIT) {
                /* a signal (Ctrl+C, systemd stop) ends the program; in kiosk mode a
                 * window-close request does not */
                if (!closing_window || !k->fullscreen) break;
                closing_window = 0;
            } else if (ev.type == SDL_WINDOWEVENT) {
                if (ev.window.event == SDL_WINDOWEVENT_CLOSE) closing_window = 1;
                hys_screen_size(k->screen, &w, &h);
            } else if (ev.type == SDL_JOYDEVICEADDED) {
                SDL_JoystickOpen(ev.jdevice.which);
            }
            if (!from_sdl(k, &ev, w, h, text, sizeof text, &e)) e.kind = HYS_IN_TIME;
            if (ev.type == k->usb.event && ev.user.code != USB_SAVED) hys_free(ev.user.data1);
        }
        /* every event, and every wake-up for a timer or for speech, ends with
         * whatever changed on the screen */
        hys_kiosk_handle(k, &e);
        if (k->quit) break; /* staff closed the kiosk */
    }
    hys_sticks_stop(sticks);
    /* what the watcher posted and nobody took: freed */
    SDL_Event left;
    while (k->usb.event != (Uint32)-1 &&
           SDL_PeepEvents(&left, 1, SDL_GETEVENT, k->usb.event, k->usb.event) == 1)
        if (left.user.code != USB_SAVED) hys_free(left.user.data1);
    return 0;
}
