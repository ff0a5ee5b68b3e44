/* voice: what the kiosk says and in which voice: whole screens, single
 * items (focused or touched), confirmations and help. Words come from the
 * frame's speak items, so what is heard is what is shown. */
#include "kiosk_impl.h"

#include <stdio.h>
#include <string.h>

const char *hys_voice_tr(hys_kiosk *k, const char *english)
{
    return k->words.tr(k->words.ud, hys_journey_view_get(k->journey)->lang, english);
}

static const char *voice_of(const hys_kiosk *k, int lang)
{
    if (lang < 0 || lang >= k->form->nlangs) lang = hys_journey_view_get(k->journey)->lang;
    if (lang < 0 || lang >= HYS_MAX_LANGUAGES) return NULL;
    return k->voice[lang][0] ? k->voice[lang] : NULL;
}

void hys_voice_none(hys_kiosk *k, const char *why)
{
    /* no sound is not fatal: the kiosk runs, with no speaker buttons */
    fprintf(stderr, "haveyoursay: %s; the kiosk will not speak\n", why);
    hys_speech_close(k->speech);
    k->speech = NULL;
    k->speaking = 0;
    k->changed = 1;
}

int hys_voice_ready(const hys_kiosk *k)
{
    return k->speech && voice_of(k, -1);
}

void hys_voice_stop(hys_kiosk *k)
{
    hys_speech_stop(k->speech);
    if (k->speaking) k->changed = 1;
    k->speaking = 0;
}

static void say(hys_kiosk *k, const hys_utterance *u, int n)
{
    if (!hys_voice_ready(k) || n <= 0) return;
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (hys_speech_say(k->speech, u, n, v->slow ? HYS_SPEECH_WPM_SLOWER : HYS_SPEECH_WPM_NORMAL,
                       v->volume) == HYS_EIO &&
        !k->listen.headset[0]) {
        /* the speaker's device will not open (it is opened when something is
         * first said): the kiosk goes silent, its speaker buttons gone */
        hys_speech_stats st;
        hys_speech_stats_get(k->speech, &st);
        hys_voice_none(k, st.error);
        return;
    }
    size_t len = 0;
    k->said[0] = '\0';
    for (int i = 0; i < n && len < sizeof k->said; i++)
        len += (size_t)snprintf(k->said + len, sizeof k->said - len, "%s%s", i ? " | " : "",
                                u[i].text ? u[i].text : "");
    k->nsaid++;
    /* ringed from now; the event loop follows the speech from here on */
    k->speaking = u[0].tag > 0 ? u[0].tag : 0;
    k->changed = 1;
}

/* The utterance for speak item i of frame f. */
static int item(const hys_kiosk *k, const hys_frame *f, int i, hys_utterance *u)
{
    const hys_speak *sp = &f->speak[i];
    memset(u, 0, sizeof *u);
    u->text = sp->text;
    u->wav = sp->wav;
    u->tag = i + 1;
    u->voice = voice_of(k, sp->lang);
    if (!u->voice && sp->lang >= 0 && sp->lang < k->form->nlangs) {
        /* a language with no voice is named as its column header names it */
        u->text = k->form->langs[sp->lang].name;
        u->voice = voice_of(k, -1);
    }
    return u->voice != NULL || u->wav != NULL;
}

static const char *keys_help(hys_kiosk *k)
{
    return hys_voice_tr(k, "To use the keys: the arrow keys move from one thing to the next, "
                           "Enter chooses, Backspace goes back, and F1 is help. To hear things "
                           "without choosing them, touch and hold the screen, then touch "
                           "anything. Tap twice to choose it.");
}

const char *hys_voice_in_screen(const hys_frame *f, int i)
{
    const hys_speak *sp = &f->speak[i];
    if (!sp->in_screen) return NULL;
    if (sp->group != HYS_READ_BOTTOM || sp->target < 0) return sp->text;
    /* the bottom bar's buttons by name ("Back"); one that is switched off
     * is not (it says why when it is tapped) */
    return f->targets[sp->target].enabled ? sp->label : NULL;
}

void hys_voice_screen(hys_kiosk *k, int with_keys)
{
    if (!hys_voice_ready(k)) return;
    const hys_frame *f = hys_kiosk_layout(k);
    static hys_utterance u[HYS_MAX_SPEAK + 2];
    static char first[sizeof k->first];
    int n = 0;
    if (k->first[0]) {
        memcpy(first, k->first, sizeof first);
        k->first[0] = '\0';
        memset(&u[n], 0, sizeof u[n]);
        u[n].text = first;
        u[n++].voice = voice_of(k, -1);
    }
    for (int i = 0; i < f->nspeak; i++) {
        const char *said = hys_voice_in_screen(f, i);
        if (!said || !item(k, f, i, &u[n])) continue;
        if (!u[n].wav && u[n].text == f->speak[i].text) u[n].text = said;
        n++;
    }
    if (with_keys) {
        memset(&u[n], 0, sizeof u[n]);
        u[n].text = keys_help(k);
        u[n++].voice = voice_of(k, -1);
    }
    say(k, u, n);
}

void hys_voice_item(hys_kiosk *k, int i)
{
    const hys_frame *f = hys_kiosk_layout(k);
    hys_utterance u;
    if (i < 0 || i >= f->nspeak || !item(k, f, i, &u)) return;
    say(k, &u, 1);
}

void hys_voice_words(hys_kiosk *k, const char *words, int i)
{
    hys_utterance u = {words, voice_of(k, -1), NULL, i + 1};
    say(k, &u, 1);
}

void hys_voice_help(hys_kiosk *k)
{
    const hys_frame *f = hys_kiosk_layout(k);
    hys_utterance u[2];
    memset(u, 0, sizeof u);
    u[0].text = keys_help(k);
    u[0].voice = voice_of(k, -1);
    int n = 1;
    const hys_target *t = k->input.focus[0] ? hys_frame_find(f, k->input.focus) : NULL;
    int i = t ? hys_frame_speak_of(f, (int)(t - f->targets)) : -1;
    if (i >= 0 && item(k, f, i, &u[1])) n++;
    say(k, u, n);
}
