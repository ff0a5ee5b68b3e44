/* Speech with the real eSpeak NG (audio kept in memory: there is no speaker
 * here). Every speech string of every screen of the demo set, in each of its
 * languages, makes sound that is neither empty nor silent; recorded WAV files
 * play instead of the voice, resampled to 22,050 Hz mono; volume steps span
 * at least 18 dB; "slower" is slower; a cut-off stops synthesis part-way. */
#include "check.h"
#include "walk.h"

#include "export/files.h"
#include "form/form.h"
#include "journey/journey.h"
#include "layout/layout.h"
#include "speech/speech.h"
#include "util/po.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STRINGS 2000

static struct {
    char *text;
    const char *voice;
} heard[MAX_STRINGS];
static int nheard;

static hys_po *po[HYS_MAX_LANGUAGES];
static int unreachable;
static hys_speech *sp;

static int width(void *ud, const char *s, size_t n, int px, int bold)
{
    (void)ud, (void)s, (void)bold;
    return (int)n * px / 2;
}

static int line_height(void *ud, int px, int bold)
{
    (void)ud, (void)bold;
    return px * 5 / 4;
}

static const char *tr(void *ud, int lang, const char *english)
{
    (void)ud;
    return lang >= 0 && lang < HYS_MAX_LANGUAGES && po[lang] ? hys_po_get(po[lang], english)
                                                             : english;
}

/* Every speak item of the journey's current screen, once per voice. */
static void collect(void *ud, const hys_form *f, hys_journey *j)
{
    (void)ud;
    static hys_frame frame;
    hys_measure m = {NULL, width, line_height, NULL};
    hys_words w = {NULL, tr};
    hys_layout_in in;
    memset(&in, 0, sizeof in);
    in.form = f, in.journey = j, in.theme = hys_theme_default(), in.measure = &m;
    in.words = &w, in.icons_dir = HYS_ASSETS "/icons", in.w = 1280, in.h = 800;
    in.can_speak = 1, in.volume_steps = HYS_SPEECH_VOLUME_STEPS;
    hys_layout_build(&frame, &in);
    CHECK(!frame.overflow);
    /* every target can be reached by keys and says what it is */
    for (int t = 0; t < frame.ntargets; t++) {
        int i = hys_frame_speak_of(&frame, t);
        if (i < 0 || !frame.speak[i].text[0]) {
            fprintf(stderr, "test_speech: %s: target %s cannot be heard\n", frame.screen,
                    frame.targets[t].id);
            unreachable++;
        }
    }
    int screen_lang = hys_journey_view_get(j)->lang;
    for (int i = 0; i < frame.nspeak; i++) {
        const hys_speak *s = &frame.speak[i];
        int lang = s->lang >= 0 ? s->lang : screen_lang;
        const char *voice = hys_speech_voice_for(sp, f->langs[lang].code);
        int seen = 0;
        for (int k = 0; k < nheard && !seen; k++)
            seen = heard[k].voice == voice && !strcmp(heard[k].text, s->text);
        if (seen || nheard >= MAX_STRINGS || !voice) continue;
        heard[nheard].text = strdup(s->text);
        heard[nheard++].voice = voice;
    }
}

static hys_speech_stats say(const char *text, const char *voice, const char *wav, int rate,
                            int volume)
{
    hys_utterance u = {text, voice, wav, 1};
    hys_speech_stats st;
    hys_speech_say(sp, &u, 1, rate, volume);
    CHECK(hys_speech_wait(sp, 60000) == HYS_OK);
    hys_speech_stats_get(sp, &st);
    return st;
}

/* A WAV header of 44 bytes with these fields, then body bytes of silence. */
static void write_wav(const char *path, int channels, int rate, int bits, unsigned data_len,
                      int header_only, int body)
{
    unsigned char h[44] = "RIFF\0\0\0\0WAVEfmt ";
    unsigned riff = 36 + data_len, block = (unsigned)(channels * bits / 8);
    unsigned bytes = (unsigned)rate * block;
    h[4] = riff & 255, h[5] = riff >> 8 & 255, h[6] = riff >> 16 & 255, h[7] = riff >> 24 & 255;
    h[16] = 16, h[20] = 1, h[22] = (unsigned char)channels;
    h[24] = rate & 255, h[25] = rate >> 8 & 255, h[26] = rate >> 16 & 255;
    h[28] = bytes & 255, h[29] = bytes >> 8 & 255, h[30] = bytes >> 16 & 255;
    h[32] = (unsigned char)block, h[34] = (unsigned char)bits;
    memcpy(h + 36, "data", 4);
    h[40] = data_len & 255, h[41] = data_len >> 8 & 255, h[42] = data_len >> 16 & 255;
    h[43] = data_len >> 24 & 255;
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f) return;
    fwrite(h, 1, header_only ? 20 : 44, f);
    for (int i = 0; i < body; i++)
        fputc(0, f);
    fclose(f);
}

/* Recordings come from sticks: broken ones play nothing, say why, and
 * never crash or hang the speech thread. */
static void test_hostile_wavs(void)
{
    char dir[] = "/tmp/hys-test-wav-XXXXXX", path[200];
    CHECK(mkdtemp(dir) != NULL);
    static const struct {
        int channels, rate, bits;
        unsigned data_len;
        int header_only, body;
    } cases[] = {
        {1, 22050, 16, 1000, 1, 0},         /* cut off in the header */
        {1, 22050, 16, 0xFFFFFFF0u, 0, 64}, /* a data chunk claiming 4 GB */
        {0, 22050, 16, 64, 0, 64},          /* no channels */
        {1, 0, 16, 64, 0, 64},              /* no sample rate */
        {1, 22050, 13, 64, 0, 64},          /* 13-bit samples */
        {255, 384000, 16, 64, 0, 64},       /* 255 channels at 384 kHz */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(path, sizeof path, "%s/case%d.wav", dir, (int)i);
        write_wav(path, cases[i].channels, cases[i].rate, cases[i].bits, cases[i].data_len,
                  cases[i].header_only, cases[i].body);
        hys_speech_stats st = say("not this", "en-gb", path, HYS_SPEECH_WPM_NORMAL, 3);
        /* played nothing and said why, or (SDL read what there was) a
         * moment of silence: never the voice instead, never a hang */
        CHECK((st.samples == 0 && st.error[0]) || st.samples < HYS_SPEECH_RATE);
        printf("test_speech: broken WAV %d: %ld samples played; %s\n", (int)i, st.samples,
               st.error[0] ? st.error + strlen(dir) + 1 : "no error");
    }
    char err[300];
    CHECK(hys_dir_remove(dir, err, sizeof err) == HYS_OK);
}

int main(void)
{
    char err[300];
    sp = hys_speech_open(HYS_SPEECH_MEMORY, err, sizeof err);
    if (!sp) {
        fprintf(stderr, "test_speech: %s\n", err);
        return 1;
    }
    /* before eSpeak has started: what each code is expected to be spoken in */
    char expected[24];
    CHECK(!hys_speech_started(sp));
    CHECK(hys_speech_voice_for(sp, "en") == NULL);
    CHECK_STR(hys_speech_voice_expected("en", expected, sizeof expected), "en-gb");
    CHECK_STR(hys_speech_voice_expected("PL", expected, sizeof expected), "pl");
    CHECK(hys_speech_voice_expected("so", expected, sizeof expected) == NULL);
    CHECK(hys_speech_start(sp, err, sizeof err) == HYS_OK);
    CHECK(hys_speech_started(sp));
    const int loud = HYS_SPEECH_VOLUME_STEPS - 1;

    /* voices for XLSForm language codes */
    CHECK_STR(hys_speech_voice_for(sp, "en"), "en-gb");
    CHECK_STR(hys_speech_voice_for(sp, "pl"), "pl");
    CHECK_STR(hys_speech_voice_for(sp, "cy"), "cy");
    CHECK(hys_speech_voice_for(sp, "so") == NULL);
    CHECK(hys_speech_voice_for(sp, "ti") == NULL);
    CHECK(hys_speech_voice_for(sp, "zh") == NULL); /* broken with characters in 1.51 */
    CHECK(hys_speech_voice_for(sp, "und") == NULL);

    /* every speech string of every screen of the demo set, in each language */
    hys_diags *d = hys_diags_create("demo");
    hys_form *f = hys_form_load(HYS_ASSETS "/forms/demo/listening.xlsx", d, NULL);
    CHECK(f != NULL);
    for (int i = 0; f && i < f->nlangs; i++) {
        hys_status rc;
        po[i] = strcmp(f->langs[i].code, "en")
                    ? hys_po_load(HYS_LOCALES, f->langs[i].code, &rc, err, sizeof err)
                    : NULL;
        walk_screens(f, i, collect, NULL);
    }
    int quiet = 0;
    long samples = 0;
    for (int i = 0; i < nheard; i++) {
        hys_speech_stats st = say(heard[i].text, heard[i].voice, NULL, HYS_SPEECH_WPM_NORMAL, loud);
        samples += st.samples;
        /* at least 0.1 s of sound, and not near-silence (RMS over -36 dBFS) */
        if (st.samples < HYS_SPEECH_RATE / 10 || st.rms < 500 || st.error[0]) {
            quiet++;
            fprintf(stderr, "test_speech: [%s] \"%s\": %ld samples, RMS %.0f %s\n", heard[i].voice,
                    heard[i].text, st.samples, st.rms, st.error);
        }
    }
    CHECK(nheard > 150);
    CHECK(unreachable == 0);
    CHECK(quiet == 0);
    printf("test_speech: %d distinct speech strings in %d languages, %.0f s of speech, all "
           "audible\n",
           nheard, f ? f->nlangs : 0, (double)samples / HYS_SPEECH_RATE);

    /* recorded audio plays instead of the voice, converted to 22,050 Hz mono */
    hys_speech_stats st = say("not this", "en-gb", HYS_TEST_DATA "/forms/tone-half-second.wav",
                              HYS_SPEECH_WPM_NORMAL, loud);
    CHECK(labs(st.samples - HYS_SPEECH_RATE / 2) < HYS_SPEECH_RATE / 100);
    CHECK(st.rms > 0.5 * 32767 / sqrt(2.0) * 0.9 && st.rms < 0.5 * 32767 / sqrt(2.0) * 1.1);
    st = say("not this", "en-gb", HYS_TEST_DATA "/forms/stereo-44k-quarter.wav",
             HYS_SPEECH_WPM_NORMAL, loud);
    CHECK(labs(st.samples - HYS_SPEECH_RATE / 4) < HYS_SPEECH_RATE / 100);
    st = say("not this", "en-gb", HYS_TEST_DATA "/forms/fake.png", HYS_SPEECH_WPM_NORMAL, loud);
    CHECK(st.samples == 0 && st.error[0]); /* not a WAV: nothing played, and said why */

    test_hostile_wavs();

    /* volume: the quietest step is at least 18 dB below the loudest */
    const char *line = "How good are health and care services at listening to you?";
    hys_speech_stats hi = say(line, "en-gb", NULL, HYS_SPEECH_WPM_NORMAL, loud);
    hys_speech_stats lo = say(line, "en-gb", NULL, HYS_SPEECH_WPM_NORMAL, 0);
    double db = 20 * log10(hi.rms / lo.rms);
    CHECK(db >= 18 && hys_speech_volume_db(0) <= -18);
    /* slower is slower */
    hys_speech_stats slow = say(line, "en-gb", NULL, HYS_SPEECH_WPM_SLOWER, loud);
    CHECK(slow.samples > hi.samples * 115 / 100);
    printf("test_speech: volume range %.1f dB; slower speech is %.0f%% longer\n", db,
           100.0 * ((double)slow.samples / (double)hi.samples - 1));

    /* a cut-off stops synthesis part-way through a long text */
    static char longtext[40000];
    for (size_t n = 0; n + 80 < sizeof longtext;)
        n += (size_t)snprintf(longtext + n, sizeof longtext - n, "%s ", line);
    hys_utterance u = {longtext, "en-gb", NULL, 1};
    hys_speech_say(sp, &u, 1, HYS_SPEECH_WPM_NORMAL, loud);
    do
        hys_speech_stats_get(sp, &st);
    while (st.samples == 0 && !st.error[0]);
    hys_speech_stop(sp);
    CHECK(hys_speech_wait(sp, 60000) == HYS_OK);
    hys_speech_stats_get(sp, &st);
    CHECK(st.stopped == 1);
    CHECK(st.samples < (long)strlen(longtext) / 6 * HYS_SPEECH_RATE / 10); /* far from whole */
    CHECK(hys_speech_busy(sp) == 0);

    for (int i = 0; i < nheard; i++)
        free(heard[i].text);
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_po_destroy(po[i]);
    hys_form_destroy(f);
    hys_diags_destroy(d);
    hys_speech_close(sp);
    return check_done();
}
