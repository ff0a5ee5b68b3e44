/* speech: eSpeak NG on its own thread, PCM into an SDL audio queue (see speech.h).
 *
 * Cutting off: every request has a generation number. hys_speech_say and
 * hys_speech_stop move the wanted generation on and clear the SDL queue
 * under the lock; the synth callback compares generations and returns 1 (the
 * only way to stop synchronous eSpeak), and audio of an old generation is
 * never queued because queueing happens under the same lock. */
#include "speech.h"

#include "../util/alloc.h"
#include "../util/status.h"

#include <SDL.h>
#include <espeak-ng/espeak_ng.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 256
#define MAX_LANG_NAMES 512
#define LANG_NAME 24 /* an eSpeak language name ("en-gb"), with its NUL */
#define CHUNK 2048
#define MAX_WAV_BYTES (16L * 1024 * 1024)

typedef struct job {
    unsigned long gen;
    int n, rate, volume;
    hys_utterance items[MAX_ITEMS];
    char *strings; /* every text, voice and path, one after another */
} job;

struct hys_speech {
    hys_speech_output out;
    SDL_AudioDeviceID dev;
    char device[256]; /* the output device speech goes to; "" the default (the speaker) */
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake, *done;
    int audio;        /* SDL's sound is started (the caller's thread only) */
    int start_wanted; /* eSpeak is wanted now (before anything is said) */
    int quit, ready, init_ok;
    char init_err[200];

    unsigned long want;    /* the generation wanted now */
    unsigned long running; /* generation being synthesised, 0 when idle */
    job *pending;

    /* progress of the wanted request */
    Uint32 queued_total; /* bytes queued since it began */
    Uint32 item_start[MAX_ITEMS];
    int item_tag[MAX_ITEMS];
    int items_started;      /* items whose audio began */
    int synth_item;         /* item being synthesised, -1 when none */
    Uint64 said_at, cut_at; /* performance counter */
    double sumsq;
    hys_speech_stats stats;

    /* thread only */
    char voice[64];
    int gain_q8; /* volume as a multiplier in 1/256 */
    unsigned long gen;

    char langs[MAX_LANG_NAMES][LANG_NAME];
    int nlangs;
};

double hys_speech_volume_db(int volume)
{
    if (volume < 0) volume = 0;
    if (volume >= HYS_SPEECH_VOLUME_STEPS) volume = HYS_SPEECH_VOLUME_STEPS - 1;
    return -3.0 * (HYS_SPEECH_VOLUME_STEPS - 1 - volume);
}

static double ms_since(Uint64 t0)
{
    return (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
           (double)SDL_GetPerformanceFrequency();
}

/* ---- audio out (speech thread) ---- */

/* Queue n samples of generation gen; 0 when that generation is no longer
 * wanted (the caller stops). */
static int push(hys_speech *s, const short *pcm, long n)
{
    short buf[CHUNK];
    while (n > 0) {
        long k = n < CHUNK ? n : CHUNK;
        double sq = 0;
        for (long i = 0; i < k; i++) {
            long v = (long)pcm[i] * s->gain_q8 / 256;
            if (v > 32767) v = 32767;
            if (v < -32768) v = -32768;
            buf[i] = (short)v;
            sq += (double)v * (double)v;
        }
        SDL_LockMutex(s->lock);
        if (s->want != s->gen) {
            SDL_UnlockMutex(s->lock);
            return 0;
        }
        if (s->out == HYS_SPEECH_DEVICE) SDL_QueueAudio(s->dev, buf, (Uint32)(k * 2));
        if (s->stats.samples == 0) {
            s->stats.first_audio_ms = ms_since(s->said_at);
            s->stats.first_audio_at = ms_since(0);
        }
        s->queued_total += (Uint32)(k * 2);
        s->stats.samples += k;
        s->sumsq += sq;
        s->stats.rms = sqrt(s->sumsq / (double)s->stats.samples);
        SDL_UnlockMutex(s->lock);
        pcm += k;
        n -= k;
    }
    return 1;
}

static int synth_cb(short *wav, int n, espeak_EVENT *ev)
{
    hys_speech *s = ev ? ev->user_data : NULL;
    if (!s) return 1;
    if (!wav || n <= 0) {
        SDL_LockMutex(s->lock);
        int gone = s->want != s->gen;
        SDL_UnlockMutex(s->lock);
        return gone;
    }
    return push(s, wav, n) ? 0 : 1;
}

static void set_error(hys_speech *s, const char *fmt, const char *a, const char *b)
{
    SDL_LockMutex(s->lock);
    if (s->want == s->gen) snprintf(s->stats.error, sizeof s->stats.error, fmt, a, b);
    SDL_UnlockMutex(s->lock);
}

/* A recorded WAV, converted to 22,050 Hz mono S16: HYS_OK when it played
 * (through, or until it was cut off); else, with why in the stats' error,
 * HYS_EIO when it cannot be read, HYS_ELIMIT when it is too big,
 * HYS_EFORMAT when it cannot be converted, HYS_ENOMEM. */
static hys_status play_wav(hys_speech *s, const char *path)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw) {
        set_error(s, "%s: %s", path, SDL_GetError());
        return HYS_EIO;
    }
    Sint64 size = SDL_RWsize(rw);
    if (size < 0 || size > MAX_WAV_BYTES) {
        SDL_RWclose(rw);
        set_error(s, "%s: %s", path, "too big (over 16 MB)");
        return HYS_ELIMIT;
    }
    SDL_AudioSpec spec;
    Uint8 *data = NULL;
    Uint32 len = 0;
    if (!SDL_LoadWAV_RW(rw, 1, &spec, &data, &len)) {
        set_error(s, "%s: %s", path, SDL_GetError());
        return HYS_EFORMAT;
    }
    SDL_AudioCVT cvt;
    int built = SDL_BuildAudioCVT(&cvt, spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 1,
                                  HYS_SPEECH_RATE);
    Uint8 *pcm = NULL;
    hys_status rc = HYS_EFORMAT;
    if (built >= 0 &&
        (pcm = hys_malloc((size_t)len * (size_t)(cvt.len_mult > 0 ? cvt.len_mult : 1)))) {
        memcpy(pcm, data, len);
        cvt.buf = pcm;
        cvt.len = (int)len;
        if (built == 0 || SDL_ConvertAudio(&cvt) == 0) {
            long n = (built == 0 ? (long)len : (long)cvt.len_cvt) / 2;
            push(s, (const short *)pcm, n); /* (0: cut off, which is no error) */
            rc = HYS_OK;
        }
    } else if (built >= 0) {
        rc = HYS_ENOMEM;
    }
    if (rc != HYS_OK) set_error(s, "%s: %s", path, "cannot convert this sound");
    hys_free(pcm);
    SDL_FreeWAV(data);
    return rc;
}

/* Speak with voice from now on (NULL: the last one): HYS_OK, or
 * HYS_ENOTFOUND when this machine has no such voice (the stats' error says
 * so). */
static hys_status use_voice(hys_speech *s, const char *voice)
{
    if (!voice || !strcmp(voice, s->voice)) return HYS_OK;
    espeak_VOICE sel;
    memset(&sel, 0, sizeof sel);
    sel.languages = voice;
    /* by properties: SetVoiceByName("en-gb") fails in 1.51 */
    if (espeak_ng_SetVoiceByProperties(&sel) != ENS_OK) {
        s->voice[0] = '\0';
        set_error(s, "no voice for %s%s", voice, "");
        return HYS_ENOTFOUND;
    }
    snprintf(s->voice, sizeof s->voice, "%s", voice);
    return HYS_OK;
}

static void run_job(hys_speech *s, job *jb)
{
    s->gain_q8 = (int)(256.0 * pow(10.0, hys_speech_volume_db(jb->volume) / 20.0) + 0.5);
    espeak_ng_SetParameter(espeakRATE, jb->rate, 0);
    for (int i = 0; i < jb->n; i++) {
        const hys_utterance *u = &jb->items[i];
        SDL_LockMutex(s->lock);
        int gone = s->want != s->gen;
        if (!gone) {
            s->item_start[i] = s->queued_total;
            s->item_tag[i] = u->tag;
            s->items_started = i + 1;
            s->synth_item = i;
        }
        SDL_UnlockMutex(s->lock);
        if (gone) return;
        hys_status rc = HYS_OK;
        if (u->wav) {
            rc = play_wav(s, u->wav);
        } else if (u->text && *u->text) {
            if (use_voice(s, u->voice) != HYS_OK) continue;
            espeak_ng_STATUS st = espeak_ng_Synthesize(u->text, strlen(u->text) + 1, 0,
                                                       POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, s);
            if (st != ENS_OK && st != ENS_SPEECH_STOPPED) {
                char msg[120];
                espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
                set_error(s, "eSpeak NG: %s%s", msg, "");
            }
        }
        SDL_LockMutex(s->lock);
        gone = s->want != s->gen;
        if (!gone && rc == HYS_OK) s->stats.items_done++;
        SDL_UnlockMutex(s->lock);
        if (gone) return;
    }
}

/* eSpeak NG is started once per process and never terminated:
 * espeak_ng_Terminate in Debian's 1.51 waits forever for an internal thread
 * when the output mode is synchronous. Only one speech thread at a time
 * touches it (hys_speech_open is not meant to run twice at once). */
static struct {
    int tried;
    espeak_ng_STATUS status;
    char err[200];
} engine;

static espeak_ng_STATUS engine_start(hys_speech *s)
{
    if (!engine.tried) {
        engine.tried = 1;
        espeak_ng_InitializePath(NULL);
        espeak_ng_ERROR_CONTEXT ctx = NULL;
        engine.status = espeak_ng_Initialize(&ctx);
        if (engine.status == ENS_OK)
            engine.status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 60, NULL);
        if (engine.status != ENS_OK) {
            espeak_ng_GetStatusCodeMessage(engine.status, engine.err, sizeof engine.err);
            espeak_ng_ClearErrorContext(&ctx);
        }
    }
    if (engine.status != ENS_OK) {
        snprintf(s->init_err, sizeof s->init_err, "%s", engine.err);
        return engine.status;
    }
    espeak_SetSynthCallback(synth_cb);
    const espeak_VOICE **v = espeak_ListVoices(NULL);
    for (int i = 0; v && v[i]; i++) {
        /* languages: (priority byte, name, NUL) pairs ending in a 0 priority */
        for (const char *p = v[i]->languages; p && *p;) {
            const char *name = p + 1;
            if (s->nlangs < MAX_LANG_NAMES)
                snprintf(s->langs[s->nlangs++], sizeof s->langs[0], "%s", name);
            p = name + strlen(name) + 1;
        }
    }
    return ENS_OK;
}

static int speech_thread(void *ud)
{
    hys_speech *s = ud;
    /* eSpeak starts when it is first needed: hys_speech_start, or the
     * first thing said (never on the way to the kiosk's first screen) */
    SDL_LockMutex(s->lock);
    while (!s->start_wanted && !s->pending && !s->quit)
        SDL_CondWait(s->wake, s->lock);
    SDL_UnlockMutex(s->lock);
    espeak_ng_STATUS st = s->quit ? ENS_OK : engine_start(s);
    SDL_LockMutex(s->lock);
    s->ready = 1;
    s->init_ok = st == ENS_OK;
    SDL_CondBroadcast(s->done);
    while (s->init_ok && !s->quit) {
        while (!s->pending && !s->quit)
            SDL_CondWait(s->wake, s->lock);
        if (s->quit) break;
        job *jb = s->pending;
        s->pending = NULL;
        s->gen = s->running = jb->gen;
        SDL_UnlockMutex(s->lock);
        run_job(s, jb);
        SDL_LockMutex(s->lock);
        if (s->stats.request == jb->gen && s->want != jb->gen && s->stats.stop_ms < 0)
            s->stats.stop_ms = ms_since(s->cut_at);
        if (s->want == jb->gen) s->synth_item = -1;
        s->running = 0;
        SDL_CondBroadcast(s->done);
        SDL_UnlockMutex(s->lock);
        hys_free(jb->strings);
        hys_free(jb);
        SDL_LockMutex(s->lock);
    }
    SDL_UnlockMutex(s->lock);
    return 0;
}

/* ---- the caller's side ---- */

/* Start SDL's sound for a device output, once; on the caller's thread.
 * HYS_OK, or HYS_EIO with SDL's error. */
static hys_status audio_start(hys_speech *s)
{
    if (s->out != HYS_SPEECH_DEVICE || s->audio) return HYS_OK;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return HYS_EIO;
    s->audio = 1;
    return HYS_OK;
}

/* Open the sound device and start it playing what is queued; the lock is
 * held (or the speech thread is not running yet). HYS_OK, or HYS_EIO with
 * SDL's error. */
static hys_status device_open(hys_speech *s)
{
    if (s->dev || s->out != HYS_SPEECH_DEVICE) return HYS_OK;
    if (audio_start(s) != HYS_OK) return HYS_EIO; /* (said before hys_speech_start) */
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = HYS_SPEECH_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512; /* about 23 ms: a cut-off is heard at once */
    s->dev = SDL_OpenAudioDevice(s->device[0] ? s->device : NULL, 0, &want, &have, 0);
    if (s->dev) SDL_PauseAudioDevice(s->dev, 0);
    return s->dev != 0 ? HYS_OK : HYS_EIO;
}

hys_speech *hys_speech_open(hys_speech_output out, char *err, size_t errn)
{
    hys_speech *s = hys_calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    s->out = out;
    s->synth_item = -1;
    s->stats.first_audio_ms = s->stats.stop_ms = s->stats.first_audio_at = -1;
    s->lock = SDL_CreateMutex();
    s->wake = SDL_CreateCond();
    s->done = SDL_CreateCond();
    if (s->lock && s->wake && s->done) s->thread = SDL_CreateThread(speech_thread, "speech", s);
    if (!s->thread) {
        snprintf(err, errn, "cannot start the speech thread: %s", SDL_GetError());
        hys_speech_close(s);
        return NULL;
    }
    return s;
}

hys_status hys_speech_start(hys_speech *s, char *err, size_t errn)
{
    if (audio_start(s) != HYS_OK) {
        snprintf(err, errn, "no sound: %s", SDL_GetError());
        return HYS_EIO;
    }
    SDL_LockMutex(s->lock);
    s->start_wanted = 1;
    SDL_CondSignal(s->wake);
    while (!s->ready)
        SDL_CondWait(s->done, s->lock);
    int ok = s->init_ok;
    SDL_UnlockMutex(s->lock);
    if (!ok) {
        snprintf(err, errn, "eSpeak NG cannot start: %s", s->init_err);
        return HYS_EIO;
    }
    return HYS_OK;
}

void hys_speech_close(hys_speech *s)
{
    if (!s) return;
    if (s->thread) {
        SDL_LockMutex(s->lock);
        s->quit = 1;
        s->want++;
        SDL_CondBroadcast(s->wake);
        SDL_UnlockMutex(s->lock);
        SDL_WaitThread(s->thread, NULL);
    }
    if (s->pending) hys_free(s->pending->strings);
    hys_free(s->pending);
    if (s->dev) SDL_CloseAudioDevice(s->dev);
    if (s->audio) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    if (s->done) SDL_DestroyCond(s->done);
    if (s->wake) SDL_DestroyCond(s->wake);
    if (s->lock) SDL_DestroyMutex(s->lock);
    hys_free(s);
}

/* The voice list's own copy of a language name, or NULL. */
static const char *has_lang(const hys_speech *s, const char *name)
{
    for (int i = 0; i < s->nlangs; i++)
        if (!strcmp(s->langs[i], name)) return s->langs[i];
    return NULL;
}

/* The eSpeak language names to try for an XLSForm language code, best
 * first, into a and b ("" for none); 0 when the code has no voice that
 * speaks it properly. */
static int candidates(const char *code, char a[LANG_NAME], char b[LANG_NAME])
{
    /* codes whose eSpeak voice is missing or wrong in Debian's 1.51 */
    static const char *const none[] = {"zh", "cmn", "so", "ti"};
    static const struct {
        const char *code, *voice;
    } map[] = {{"en", "en-gb"}, {"eng", "en-gb"}, {"pol", "pl"}, {"cym", "cy"}, {"urd", "ur"},
               {"pan", "pa"},   {"ben", "bn"},    {"ron", "ro"}, {"por", "pt"}, {"spa", "es"},
               {"lit", "lt"},   {"tam", "ta"},    {"guj", "gu"}, {"fas", "fa"}, {"kur", "ku"},
               {"amh", "am"},   {"ara", "ar"}};
    a[0] = b[0] = '\0';
    if (!code || !*code) return 0;
    size_t n = 0;
    for (; code[n] && n + 1 < LANG_NAME; n++)
        a[n] = (char)(code[n] >= 'A' && code[n] <= 'Z' ? code[n] + 32 : code[n]);
    a[n] = '\0';
    snprintf(b, LANG_NAME, "%s", a);
    char *dash = strchr(b, '-');
    if (dash) *dash = '\0';
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (!strcmp(b, none[i])) return a[0] = b[0] = '\0', 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(a, map[i].code) || (!strcmp(b, map[i].code) && !dash)) {
            snprintf(a, LANG_NAME, "%s", map[i].voice);
            b[0] = '\0';
            return 1;
        }
    if (!strcmp(a, b)) b[0] = '\0';
    return 1;
}

int hys_speech_started(const hys_speech *s)
{
    if (!s) return 0;
    SDL_LockMutex(s->lock);
    int started = s->ready && s->init_ok;
    SDL_UnlockMutex(s->lock);
    return started;
}

const char *hys_speech_voice_for(const hys_speech *s, const char *code)
{
    char a[LANG_NAME], b[LANG_NAME];
    if (!hys_speech_started(s) || !candidates(code, a, b)) return NULL;
    const char *v = has_lang(s, a);
    return v || !b[0] ? v : has_lang(s, b);
}

const char *hys_speech_voice_expected(const char *code, char *out, size_t n)
{
    char a[LANG_NAME], b[LANG_NAME];
    if (!candidates(code, a, b)) return NULL;
    snprintf(out, n, "%s", a);
    return out;
}

/* Cut off what is playing; the lock is held. */
static void cut(hys_speech *s)
{
    s->want++;
    if (s->pending) {
        hys_free(s->pending->strings);
        hys_free(s->pending);
        s->pending = NULL;
    }
    if (s->dev) SDL_ClearQueuedAudio(s->dev);
    s->synth_item = -1;
    s->items_started = 0;
    s->cut_at = SDL_GetPerformanceCounter();
}

hys_status hys_speech_say(hys_speech *s, const hys_utterance *items, int n, int rate, int volume)
{
    if (!s) return HYS_OK;
    if (n > MAX_ITEMS) n = MAX_ITEMS;
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        const hys_utterance *u = &items[i];
        total += (u->text ? strlen(u->text) : 0) + (u->voice ? strlen(u->voice) : 0) +
                 (u->wav ? strlen(u->wav) : 0) + 3;
    }
    job *jb = hys_calloc(1, sizeof *jb);
    char *p = jb ? hys_malloc(total + 1) : NULL;
    SDL_LockMutex(s->lock);
    cut(s);
    if (!p) { /* no memory: at least the old speech has stopped */
        SDL_UnlockMutex(s->lock);
        hys_free(jb);
        return HYS_ENOMEM;
    }
    jb->strings = p;
    jb->n = n;
    jb->rate = rate;
    jb->volume = volume;
    for (int i = 0; i < n; i++) {
        const char *src[3] = {items[i].text, items[i].voice, items[i].wav};
        const char **dst[3] = {&jb->items[i].text, &jb->items[i].voice, &jb->items[i].wav};
        for (int f = 0; f < 3; f++) {
            *dst[f] = NULL;
            if (!src[f]) continue;
            size_t len = strlen(src[f]);
            memcpy(p, src[f], len + 1);
            *dst[f] = p;
            p += len + 1;
        }
        jb->items[i].tag = items[i].tag;
    }
    jb->gen = s->want;
    s->pending = jb;
    s->queued_total = 0;
    s->sumsq = 0;
    memset(&s->stats, 0, sizeof s->stats);
    s->stats.request = jb->gen;
    s->stats.first_audio_ms = s->stats.stop_ms = s->stats.first_audio_at = -1;
    s->said_at = SDL_GetPerformanceCounter();
    hys_status rc = HYS_OK;
    if (!s->dev && device_open(s) != HYS_OK) { /* (resting: see hys_speech_rest) */
        snprintf(s->stats.error, sizeof s->stats.error, "no sound device: %s", SDL_GetError());
        rc = HYS_EIO;
    }
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
    return rc;
}

void hys_speech_rest(hys_speech *s)
{
    if (!s) return;
    SDL_LockMutex(s->lock);
    if (s->dev && !s->pending && !s->running && SDL_GetQueuedAudioSize(s->dev) == 0) {
        SDL_CloseAudioDevice(s->dev);
        s->dev = 0;
    }
    SDL_UnlockMutex(s->lock);
}

void hys_speech_use_device(hys_speech *s, const char *name)
{
    if (!s) return;
    SDL_LockMutex(s->lock);
    if (strcmp(s->device, name ? name : "")) {
        cut(s); /* (what was being said stops where it was heard) */
        if (s->dev) SDL_CloseAudioDevice(s->dev);
        s->dev = 0;
        snprintf(s->device, sizeof s->device, "%s", name ? name : "");
    }
    SDL_UnlockMutex(s->lock);
}

void hys_speech_device(hys_speech *s, char *out, size_t n)
{
    if (!s) {
        snprintf(out, n, "%s", "");
        return;
    }
    SDL_LockMutex(s->lock);
    snprintf(out, n, "%s", s->device);
    SDL_UnlockMutex(s->lock);
}

void hys_speech_stop(hys_speech *s)
{
    if (!s) return;
    SDL_LockMutex(s->lock);
    int active = s->pending || s->running || (s->dev && SDL_GetQueuedAudioSize(s->dev) > 0);
    if (active) {
        if (s->stats.request == s->want) s->stats.stopped = 1;
        int synthesising = s->running != 0;
        cut(s);
        if (!synthesising) s->stats.stop_ms = 0; /* only queued audio: gone with the queue */
    }
    SDL_UnlockMutex(s->lock);
}

int hys_speech_current(hys_speech *s)
{
    if (!s) return -1;
    SDL_LockMutex(s->lock);
    int item = -1;
    if (s->out == HYS_SPEECH_DEVICE) {
        Uint32 queued = SDL_GetQueuedAudioSize(s->dev);
        Uint32 played = s->queued_total > queued ? s->queued_total - queued : 0;
        if (queued > 0 || (s->running && s->running == s->want))
            for (int i = 0; i < s->items_started; i++)
                if (s->item_start[i] <= played) item = s->item_tag[i];
    } else if (s->running && s->running == s->want && s->synth_item >= 0) {
        item = s->item_tag[s->synth_item];
    }
    SDL_UnlockMutex(s->lock);
    return item;
}

int hys_speech_busy(hys_speech *s)
{
    if (!s) return 0;
    SDL_LockMutex(s->lock);
    int busy = s->pending || (s->running && s->running == s->want) ||
               (s->dev && SDL_GetQueuedAudioSize(s->dev) > 0);
    SDL_UnlockMutex(s->lock);
    return busy;
}

hys_status hys_speech_wait(hys_speech *s, long timeout_ms)
{
    if (!s) return HYS_OK;
    Uint64 t0 = SDL_GetTicks64();
    SDL_LockMutex(s->lock);
    while (s->pending || s->running) {
        long left = timeout_ms - (long)(SDL_GetTicks64() - t0);
        if (left <= 0) break;
        SDL_CondWaitTimeout(s->done, s->lock, (Uint32)left);
    }
    hys_status rc = s->pending || s->running ? HYS_ETIMEOUT : HYS_OK;
    SDL_UnlockMutex(s->lock);
    return rc;
}

void hys_speech_stats_get(hys_speech *s, hys_speech_stats *out)
{
    if (!s) {
        memset(out, 0, sizeof *out);
        return;
    }
    SDL_LockMutex(s->lock);
    *out = s->stats;
    SDL_UnlockMutex(s->lock);
}
