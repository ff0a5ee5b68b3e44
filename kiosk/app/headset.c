/* headset: private listening (EN 301 549 5.1.3.2, 5.1.3.11). A headset or
 * headphones plugged in while the kiosk runs (a new sound output device,
 * as SDL reports it) take the speech: everything is read aloud in them,
 * and not on the speaker, for as long as they are in; pulling them out
 * gives the speech back to the speaker, with reading aloud and the volume
 * as they were before. The
 * volume keys work in them as on the speaker, and the volume goes back to
 * the kiosk's own when the session ends. */
#include "kiosk_impl.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

/* The output devices there at start are the kiosk's own (the speaker):
 * SDL reports each of them as "added" once the loop runs. */
void hys_headset_known(hys_kiosk *k)
{
    k->listen.nknown = k->listen.more_known = 0;
    int n = SDL_WasInit(SDL_INIT_AUDIO) ? SDL_GetNumAudioDevices(0) : 0;
    for (int i = 0; i < n; i++) {
        const char *name = SDL_GetAudioDeviceName(i, 0);
        if (!name) continue;
        if (k->listen.nknown == HYS_HEADSET_KNOWN) {
            k->listen.more_known = 1;
            break;
        }
        snprintf(k->listen.known[k->listen.nknown++], sizeof k->listen.known[0], "%s", name);
    }
}

/* name is s (or begins as s, cut to its room of room bytes). */
static int same_name(const char *s, size_t room, const char *name)
{
    return !strncmp(s, name, room - 1);
}

int hys_headset_is_known(const hys_kiosk *k, const char *name)
{
    if (k->listen.more_known) return 1; /* (an odd box: keep to its speaker) */
    for (int i = 0; i < k->listen.nknown; i++)
        if (same_name(k->listen.known[i], sizeof k->listen.known[0], name)) return 1;
    return 0;
}

int hys_headset_present(const hys_kiosk *k)
{
    int n = SDL_WasInit(SDL_INIT_AUDIO) ? SDL_GetNumAudioDevices(0) : 0;
    for (int i = 0; i < n; i++) {
        const char *name = SDL_GetAudioDeviceName(i, 0);
        if (name && same_name(k->listen.headset, sizeof k->listen.headset, name)) return 1;
    }
    return 0;
}

void hys_headset_in(hys_kiosk *k, const char *name, long now)
{
    if (!name || !*name || hys_headset_is_known(k, name)) return;
    snprintf(k->listen.headset, sizeof k->listen.headset, "%s", name);
    fprintf(stderr, "haveyoursay: headphones in (%s): speech goes to them\n", name);
    hys_speech_use_device(k->speech, name);
    /* reading aloud on, in them: what the person plugged them in for (what
     * was on before comes back when they go) */
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    k->listen.was_read_aloud = v->read_aloud, k->listen.was_volume = v->volume;
    if (!v->read_aloud) hys_journey_act(k->journey, HYS_ACT_READ_ALOUD, 1, now);
    k->changed = 1;
    snprintf(k->first, sizeof k->first, "%s %s",
             hys_voice_tr(k, "Headphones are in. Everything is read aloud in them, not on the "
                             "speaker."),
             hys_voice_tr(k, "To hide the screen while you listen, choose Sound, then Hide the "
                             "screen."));
    hys_voice_screen(k, 0);
}

void hys_headset_out(hys_kiosk *k, long now)
{
    if (!k->listen.headset[0]) return;
    fprintf(stderr, "haveyoursay: headphones out (%s): speech goes to the speaker\n",
            k->listen.headset);
    k->listen.headset[0] = '\0';
    /* the screen shown again (what is on it is not said in private any
     * more), and touch to hear as it was before the screen was hidden */
    int was_hidden = k->listen.curtain, restore = was_hidden && !k->listen.explore_before;
    k->listen.curtain = 0;
    hys_speech_use_device(k->speech, NULL);
    /* the speaker as it was: reading aloud and the volume of before (a volume
     * set loud in the headphones is not for the room) */
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    if (v->read_aloud != k->listen.was_read_aloud)
        hys_journey_act(k->journey, HYS_ACT_READ_ALOUD, k->listen.was_read_aloud, now);
    for (int guard = 0; v->volume != k->listen.was_volume && guard < 64; guard++)
        hys_journey_act(k->journey, HYS_ACT_VOLUME, v->volume < k->listen.was_volume ? 1 : -1, now);
    k->changed = 1;
    char said[sizeof k->first];
    snprintf(said, sizeof said, "%s%s%s",
             hys_voice_tr(k, v->read_aloud ? "Headphones are out."
                                           : "Headphones are out. Reading aloud is off."),
             was_hidden ? " " : "",
             was_hidden ? hys_voice_tr(k, "The screen is shown again.") : "");
    if (restore)
        hys_input_explore(k, 0, said, now); /* (it adds "Touch to hear is off.") */
    else
        hys_voice_words(k, said, -1);
}

void hys_headset_curtain(hys_kiosk *k, int on, long now)
{
    if (on && !k->listen.headset[0]) return; /* (only while the words are private) */
    if (on == k->listen.curtain) return;
    k->listen.curtain = on;
    k->changed = 1;
    if (!on) { /* touch to hear as it was before */
        const char *shown = hys_voice_tr(k, "The screen is shown again.");
        if (!k->listen.explore_before && k->input.explore)
            hys_input_explore(k, 0, shown, now); /* (it adds "Touch to hear is off.") */
        else
            hys_voice_words(k, shown, -1);
        return;
    }
    /* what cannot be seen is found by touch: touch to hear comes on, and
     * the whole screen is read */
    k->listen.explore_before = k->input.explore;
    hys_input_explore(k, 1, hys_voice_tr(k, "The screen is hidden while you listen."), now);
}
