/* kiosk: wiring and the event loop (see kiosk.h). */
#include "kiosk.h"

#include "config.h"
#include "paths.h"

#include "../form/form.h"
#include "../journey/journey.h"
#include "../sdl/screen.h"
#include "../store/store.h"
#include "../util/alloc.h"
#include "../util/po.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

struct hys_kiosk {
    hys_config cfg;
    hys_form *form;
    hys_store *store;
    hys_journey *journey;
    hys_sdl_screen *screen;
    hys_po *po[HYS_MAX_LANGUAGES];
    hys_words words;
    char assets[1024], icons[1100], fonts[1100];
    hys_frame *frame;
    int dirty;
    char pressed[64];
    int fullscreen;
};

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

static void sink_begin(void *ud, const char *session)
{
    hys_store_session_begin(ud, session);
}

static void sink_answer(void *ud, const char *session, const char *question, int position,
                        const char *value, hys_answer_status st, const char *lang, int seconds)
{
    hys_store_answer(ud, session, question, position, value, hys_answer_status_name(st), lang,
                     seconds);
}

static void sink_withdraw(void *ud, const char *session, const char *question)
{
    hys_store_withdraw(ud, session, question);
}

static void sink_end(void *ud, const char *session, int completed)
{
    hys_store_session_end(ud, session, completed);
}

/* ---- opening ---- */

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
    if (hys_paths_mkdirs(data) != 0) {
        snprintf(err, errn, "cannot make the data folder %s", data);
        goto fail;
    }
    char cfgpath[1100];
    snprintf(cfgpath, sizeof cfgpath, "%s/config.ini", data);
    hys_config_load(&k->cfg, cfgpath);

    hys_paths_assets(k->assets, sizeof k->assets);
    snprintf(k->icons, sizeof k->icons, "%s/icons", k->assets);
    snprintf(k->fonts, sizeof k->fonts, "%s/fonts", k->assets);
    char formpath[1200];
    if (o->form)
        snprintf(formpath, sizeof formpath, "%s", o->form);
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

    k->store = hys_store_open(data, k->cfg.period, err, errn);
    if (!k->store) goto fail;
    hys_store_form sf = {k->form->id, k->form->version, k->form->hash, k->form->title};
    hys_store_set_form(k->store, &sf);

    char locales[1024];
    hys_paths_locales(locales, sizeof locales);
    for (int i = 0; i < k->form->nlangs; i++) {
        if (!strcmp(k->form->langs[i].code, "en")) continue;
        hys_status rc;
        char perr[300];
        k->po[i] = hys_po_load(locales, k->form->langs[i].code, &rc, perr, sizeof perr);
        if (!k->po[i] && rc != HYS_ENOTFOUND) fprintf(stderr, "haveyoursay: %s\n", perr);
    }
    k->words.ud = k;
    k->words.tr = translate;

    hys_screen_options so = {o->w, o->h, !o->windowed && !o->offscreen, o->offscreen, k->fonts};
    if (!o->offscreen && !o->windowed) so.w = so.h = 0;
    if (o->offscreen && (so.w <= 0 || so.h <= 0)) so.w = 1280, so.h = 800;
    k->fullscreen = so.fullscreen;
    k->screen = hys_screen_open(&so, err, errn);
    if (!k->screen) goto fail;

    hys_journey_sink sink = {k->store, sink_begin, sink_answer, sink_withdraw, sink_end};
    k->journey = hys_journey_create(k->form, &k->cfg.times, &sink, 0);
    if (!k->journey) {
        snprintf(err, errn, "out of memory");
        goto fail;
    }
    k->dirty = 1;
    return k;
fail:
    hys_kiosk_close(k);
    return NULL;
}

void hys_kiosk_close(hys_kiosk *k)
{
    if (!k) return;
    hys_journey_destroy(k->journey); /* ends an open session as not completed */
    hys_store_close(k->store);
    hys_screen_close(k->screen);
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_po_destroy(k->po[i]);
    hys_form_destroy(k->form);
    hys_free(k->frame);
    hys_free(k);
}

/* ---- frames ---- */

const hys_frame *hys_kiosk_frame(hys_kiosk *k)
{
    if (!k->dirty) return k->frame;
    hys_layout_in in = {0};
    in.form = k->form;
    in.journey = k->journey;
    in.theme = hys_theme_default();
    in.measure = hys_screen_measure(k->screen);
    in.words = &k->words;
    in.icons_dir = k->icons;
    in.pressed = k->pressed[0] ? k->pressed : NULL;
    hys_screen_size(k->screen, &in.w, &in.h);
    hys_layout_build(k->frame, &in);
    k->dirty = 0;
    return k->frame;
}

int hys_kiosk_shot(hys_kiosk *k, const char *path, char *err, size_t errn)
{
    hys_screen_draw(k->screen, hys_kiosk_frame(k));
    return path ? hys_screen_save_png(k->screen, path, err, errn) : 0;
}

void hys_kiosk_sync(hys_kiosk *k)
{
    hys_store_flush(k->store);
}

/* ---- input ---- */

void hys_kiosk_press(hys_kiosk *k, int x, int y, long now)
{
    const hys_target *t = hys_frame_hit(hys_kiosk_frame(k), x, y);
    snprintf(k->pressed, sizeof k->pressed, "%s", t ? t->id : "");
    hys_journey_touch(k->journey, now);
    k->dirty = 1;
}

void hys_kiosk_release(hys_kiosk *k, int x, int y, long now)
{
    const hys_frame *f = hys_kiosk_frame(k);
    const hys_target *t = k->pressed[0] ? hys_frame_find(f, k->pressed) : NULL;
    int inside = t && t->enabled && x >= t->x && y >= t->y && x < t->x + t->w && y < t->y + t->h;
    hys_action a = t ? t->action : HYS_ACT_START;
    int arg = t ? t->arg : 0;
    k->pressed[0] = '\0';
    k->dirty = 1;
    if (inside)
        hys_journey_act(k->journey, a, arg, now);
    else
        hys_journey_touch(k->journey, now);
}

int hys_kiosk_key(hys_kiosk *k, const char *name, long now)
{
    SDL_Keycode key = SDL_GetKeyFromName(name);
    if (key == SDLK_UNKNOWN) return 0;
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    k->dirty = 1;
    switch (key) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        if (v->screen == HYS_SCREEN_WELCOME)
            hys_journey_act(k->journey, HYS_ACT_START, 0, now);
        else if (v->screen == HYS_SCREEN_STILL_THERE)
            hys_journey_act(k->journey, HYS_ACT_STILL_HERE, 0, now);
        else if (v->screen == HYS_SCREEN_REVIEW)
            hys_journey_act(k->journey, HYS_ACT_FINISH, 0, now);
        else if (v->screen == HYS_SCREEN_THANKS)
            hys_journey_act(k->journey, HYS_ACT_DONE, 0, now);
        else
            hys_journey_act(k->journey, HYS_ACT_NEXT, 0, now);
        break;
    case SDLK_BACKSPACE:
        if (v->screen == HYS_SCREEN_QUESTION && v->input && v->input[0])
            hys_journey_act(k->journey, HYS_ACT_ERASE, 0, now);
        else
            hys_journey_act(k->journey, HYS_ACT_BACK, 0, now);
        break;
    default:
        hys_journey_touch(k->journey, now);
        break;
    }
    return 1;
}

void hys_kiosk_text(hys_kiosk *k, const char *utf8, long now)
{
    hys_journey_type(k->journey, utf8, now);
    k->dirty = 1;
}

void hys_kiosk_advance(hys_kiosk *k, long now)
{
    for (;;) {
        long d = hys_journey_deadline(k->journey);
        if (d < 0 || d > now) break;
        hys_journey_tick(k->journey, d);
        k->dirty = 1;
        if (hys_journey_deadline(k->journey) == d) break; /* nothing more at that moment */
    }
    hys_journey_tick(k->journey, now);
    k->dirty = 1;
}

/* ---- the real event loop ---- */

int hys_kiosk_run(hys_kiosk *k)
{
    Uint64 t0 = SDL_GetTicks64();
    int closing_window = 0;
    int w, h;
    hys_screen_size(k->screen, &w, &h);
    SDL_StartTextInput();
    hys_kiosk_shot(k, NULL, NULL, 0);
    for (;;) {
        long now = (long)(SDL_GetTicks64() - t0);
        long d = hys_journey_deadline(k->journey);
        SDL_Event ev;
        int got =
            d < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, (int)(d > now ? d - now : 0));
        now = (long)(SDL_GetTicks64() - t0);
        if (got) {
            switch (ev.type) {
            case SDL_QUIT:
                /* a signal (Ctrl+C, systemd stop) ends the program; in kiosk mode a
                 * window-close request does not */
                if (!closing_window || !k->fullscreen) return 0;
                closing_window = 0;
                break;
            case SDL_WINDOWEVENT:
                if (ev.window.event == SDL_WINDOWEVENT_CLOSE) closing_window = 1;
                if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                    ev.window.event == SDL_WINDOWEVENT_EXPOSED)
                    k->dirty = 1;
                hys_screen_size(k->screen, &w, &h);
                break;
            case SDL_FINGERDOWN:
                hys_kiosk_press(k, (int)(ev.tfinger.x * w), (int)(ev.tfinger.y * h), now);
                break;
            case SDL_FINGERUP:
                hys_kiosk_release(k, (int)(ev.tfinger.x * w), (int)(ev.tfinger.y * h), now);
                break;
            case SDL_MOUSEBUTTONDOWN:
                if (ev.button.which != SDL_TOUCH_MOUSEID && ev.button.button == SDL_BUTTON_LEFT)
                    hys_kiosk_press(k, ev.button.x, ev.button.y, now);
                break;
            case SDL_MOUSEBUTTONUP:
                if (ev.button.which != SDL_TOUCH_MOUSEID && ev.button.button == SDL_BUTTON_LEFT)
                    hys_kiosk_release(k, ev.button.x, ev.button.y, now);
                break;
            case SDL_KEYDOWN:
                if (!ev.key.repeat) hys_kiosk_key(k, SDL_GetKeyName(ev.key.keysym.sym), now);
                break;
            case SDL_TEXTINPUT:
                hys_kiosk_text(k, ev.text.text, now);
                break;
            default:
                break;
            }
        }
        long dl = hys_journey_deadline(k->journey);
        if (dl >= 0 && dl <= now) hys_kiosk_advance(k, now);
        if (k->dirty) hys_kiosk_shot(k, NULL, NULL, 0);
    }
}
