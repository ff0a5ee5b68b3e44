/* headset: private listening (EN 301 549 5.1.3.2, 5.1.3.11). A headset or
 * headphones plugged in while the kiosk runs (a new sound output device,
 * as SDL reports it) take the speech: everything is read aloud in them,
 * and not on the speaker, for as long as they are in; pulling them out
 * gives the speech back to the speaker, and reading aloud goes off. The
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
    k->listen.nknown = 0;
    int n = SDL_WasInit(SDL_INIT_AUDIO) ? SDL_GetNumAudioDevices(0) : 0;
    for (int i = 0; i < n && k->listen.nknown < HYS_HEADSET_KNOWN; i++) {
        const char *name = SDL_GetAudioDeviceName(i, 0);
        if (name)
            snprintf(k->listen.known[k->listen.nknown++], sizeof k->listen.known[0], "%s", name);
    }
}

int hys_headset_is_known(const hys_kiosk *k, const char *name)
{
    for (int i = 0; i < k->listen.nknown; i++)
        if (!strcmp(k->listen.known[i], name)) return 1;
    return 0;
}

void hys_headset_in(hys_kiosk *k, const char *name, long now)
{
    if (!name || !*name || hys_headset_is_known(k, name)) return;
    snprintf(k->listen.headset, sizeof k->listen.headset, "%s", name);
    fprintf(stderr, "haveyoursay: headphones in (%s): speech goes to them\n", name);
    hys_speech_use_device(k->speech, name);
    /* reading aloud on, in them: what the person plugged them in for */
    if (!hys_journey_view_get(k->journey)->read_aloud)
        hys_journey_act(k->journey, HYS_ACT_READ_ALOUD, 1, now);
    k->changed = 1;
    snprintf(k->first, sizeof k->first, "%s",
             hys_voice_tr(k, "Headphones are in. Everything is read aloud in them, not on the "
                             "speaker."));
    hys_voice_screen(k, 0);
}

void hys_headset_out(hys_kiosk *k, long now)
{
    if (!k->listen.headset[0]) return;
    fprintf(stderr, "haveyoursay: headphones out (%s): speech goes to the speaker\n",
            k->listen.headset);
    k->listen.headset[0] = '\0';
    hys_speech_use_device(k->speech, NULL);
    if (hys_journey_view_get(k->journey)->read_aloud)
        hys_journey_act(k->journey, HYS_ACT_READ_ALOUD, 0, now);
    k->changed = 1;
    hys_voice_words(k, hys_voice_tr(k, "Headphones are out. Reading aloud is off."), -1);
}
