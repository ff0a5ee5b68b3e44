/* speech: the kiosk's voice. One thread owns eSpeak NG (the library is not
 * thread-safe) and turns a list of utterances into 22,050 Hz mono S16 PCM,
 * pushed into an SDL audio queue (or, for tests and `check`, kept in memory
 * and measured). A recorded WAV file plays instead of synthesis where one is
 * given. Saying something new, or stopping, cuts off what is playing at
 * once; nothing here ever makes the caller wait for speech. */
#ifndef HYS_SPEECH_H
#define HYS_SPEECH_H

#include "../util/status.h"

#include <stddef.h>

#define HYS_SPEECH_RATE 22050
#define HYS_SPEECH_VOLUME_STEPS 8 /* 3 dB apart: -21 dB .. 0 dB */
#define HYS_SPEECH_WPM_NORMAL 140 /* easy-read pace */
#define HYS_SPEECH_WPM_SLOWER 110

typedef struct hys_speech hys_speech;

typedef enum {
    HYS_SPEECH_DEVICE, /* the default SDL audio device (SDL audio must be usable) */
    HYS_SPEECH_MEMORY  /* no device: audio is measured and dropped (tests, check) */
} hys_speech_output;

typedef struct hys_utterance {
    const char *text;  /* what to say, UTF-8 */
    const char *voice; /* eSpeak language ("en-gb", "pl"); NULL = keep the last */
    const char *wav;   /* recorded audio played instead of text, or NULL */
    int tag;           /* the caller's number for this item (what to highlight) */
} hys_utterance;

/* What the last request produced, for tests and benchmarks. */
typedef struct hys_speech_stats {
    unsigned long request; /* number of the request these figures are for */
    int items_done;        /* items spoken to the end */
    int stopped;           /* 1 when the request was cut off */
    long samples;          /* PCM samples produced */
    double rms;            /* root mean square of those samples (0..32767) */
    double first_audio_ms; /* from hys_speech_say to the first sample queued; -1 if none */
    double first_audio_at; /* when that was, in ms of SDL's performance counter; -1 if none */
    double stop_ms;        /* from the cut-off to synthesis having stopped; -1 if not stopped */
    char error[160];       /* the last item that could not be spoken, and why */
} hys_speech_stats;

/* Make the speech thread. Nothing slow happens yet: no sound device, no
 * eSpeak NG (hys_speech_start). NULL with a reason in err. */
hys_speech *hys_speech_open(hys_speech_output out, char *err, size_t errn);
/* Start SDL's sound (for HYS_SPEECH_DEVICE) and eSpeak NG with its list of
 * voices, and wait for them: the kiosk calls it after its first frame. The
 * sound device itself opens when something is first said. HYS_OK, or
 * HYS_EIO with why in err (then nothing can be heard). Saying something
 * before it starts them too (a kiosk out of order from its start says so). */
hys_status hys_speech_start(hys_speech *s, char *err, size_t errn);
void hys_speech_close(hys_speech *s);
/* 1 once eSpeak NG has started and listed its voices. */
int hys_speech_started(const hys_speech *s);

/* The eSpeak language for an XLSForm language code ("en" -> "en-gb"), or
 * NULL when this machine has no voice that speaks it properly, or when
 * speech has not started yet. The string lives as long as s. */
const char *hys_speech_voice_for(const hys_speech *s, const char *code);
/* The eSpeak language the code would be spoken in, not yet checked against
 * the voices there are (for a first frame drawn before eSpeak has started),
 * into out; NULL when no voice of Debian's speaks it properly. */
const char *hys_speech_voice_expected(const char *code, char *out, size_t n);

/* Say these items in order, replacing whatever was being said. rate in words
 * a minute; volume 0 .. HYS_SPEECH_VOLUME_STEPS-1 (the loudest). Copies
 * everything it needs; returns at once: HYS_OK, HYS_EIO when the sound
 * device would not open (why: hys_speech_stats_get's error), HYS_ENOMEM. */
hys_status hys_speech_say(hys_speech *s, const hys_utterance *items, int n, int rate, int volume);
/* Nothing to say for a while: close the sound device (if nothing is being
 * said), so that its thread stops waking the machine 43 times a second to
 * play silence; the next say opens it again (a few ms). */
void hys_speech_rest(hys_speech *s);
/* Send speech to the output device called name from now on (a headset
 * plugged in); NULL or "": the default device, the speaker. What was being
 * said stops; the next say opens the device. */
void hys_speech_use_device(hys_speech *s, const char *name);
/* The output device speech goes to ("" the default) into out. */
void hys_speech_device(hys_speech *s, char *out, size_t n);
/* Stop at once: queued audio is dropped and synthesis is cut off. */
void hys_speech_stop(hys_speech *s);
/* The tag of the item being heard now, or -1 when nothing is (in memory
 * mode: the item being synthesised). */
int hys_speech_current(hys_speech *s);
/* 1 while synthesis runs or audio is still queued. */
int hys_speech_busy(hys_speech *s);
/* Wait (for tests and tools) until synthesis of the last request has ended,
 * at most timeout_ms: HYS_OK when it ended (or s is NULL), HYS_ETIMEOUT when
 * it had not. */
hys_status hys_speech_wait(hys_speech *s, long timeout_ms);
/* Figures for the last request. */
void hys_speech_stats_get(hys_speech *s, hys_speech_stats *out);

/* Decibels for a volume step (0 dB at the top step). */
double hys_speech_volume_db(int volume);

#endif
