/* bench_speech: how fast the kiosk answers by ear. Runs the real kiosk
 * (offscreen, SDL's dummy audio device standing in for a speaker) on the
 * demo set and, over many key presses, prints:
 *   - key press -> first audio sample queued (the focused item spoken),
 *   - tap -> speech stopped (queue cleared and synthesis cut off),
 * as median and 95th percentile. A benchmark prints figures; it never fails
 * on a slow machine. usage: bench_speech [RUNS] */
#include "bench.h"

#include "app/kiosk.h"
#include "speech/speech.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Now on SDL's performance counter, in ms (the clock the speech thread
 * stamps the first sample queued with). */
static double counter_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* From t0 (counter_ms) to the first sample of the thing said last; -1 none.
 * (The speech thread stamps it: the kiosk presenting the new frame meanwhile
 * does not delay the sound, and so does not delay the figure.) */
static double first_audio_since(hys_kiosk *k, double t0)
{
    hys_speech_stats st;
    double start = bench_now_ms();
    do
        hys_kiosk_speech_stats(k, &st);
    while (st.first_audio_at < 0 && bench_now_ms() - start < 5000);
    return st.first_audio_at < 0 ? -1 : st.first_audio_at - t0;
}

/* One event through the kiosk's one way in (it presents what changed). */
static void ev(hys_kiosk *k, hys_kiosk_input kind, long t, int x, int y, const char *text)
{
    hys_kiosk_event e = {.kind = kind, .now = t, .x = x, .y = y, .text = text};
    hys_kiosk_handle(k, &e);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 200;
    if (runs < 1) runs = 1;
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    setenv("HYS_ASSETS", HYS_ASSETS, 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return 1;
    IMG_Init(IMG_INIT_PNG);
    char data[] = "/tmp/hys-bench-XXXXXX", err[600];
    if (!mkdtemp(data)) return 1;
    hys_kiosk_options o;
    memset(&o, 0, sizeof o);
    o.form = HYS_ASSETS "/forms/demo/listening.xlsx";
    o.data = data;
    o.offscreen = 1;
    hys_kiosk *k = hys_kiosk_open(&o, err, sizeof err);
    if (!k) {
        fprintf(stderr, "bench_speech: %s\n", err);
        return 1;
    }
    hys_kiosk_start_speech(k);
    long t = 0;
    ev(k, HYS_IN_SHOW, t, 0, 0, NULL);
    /* by taps to the first question (a second apart: past each tick), as
     * tests/real/idle.txt walks; (Return alone only chose the first language
     * again and again, and left this on the welcome screen) */
    const char *walk[] = {"button:start", "lang:en", "button:next", "choice:yes"};
    for (size_t i = 0; i < sizeof walk / sizeof walk[0]; i++) {
        const hys_target *w = hys_frame_find(hys_kiosk_frame(k), walk[i]);
        if (!w) break;
        ev(k, HYS_IN_PRESS, t += 1000, w->x + w->w / 2, w->y + w->h / 2, NULL);
        ev(k, HYS_IN_RELEASE, t += 10, w->x + w->w / 2, w->y + w->h / 2, NULL);
    }
    ev(k, HYS_IN_TIME, t += 1000, 0, 0, NULL);
    printf("bench_speech: on screen %s, %d runs\n", hys_kiosk_frame(k)->screen, runs);
    double *first = calloc((size_t)runs, sizeof *first);
    double *stop = calloc((size_t)runs, sizeof *stop);
    double *cut = calloc((size_t)runs, sizeof *cut);
    double *tap = calloc((size_t)runs, sizeof *tap);
    double *shown = calloc((size_t)runs * 2, sizeof *shown);
    int nf = 0, ns = 0, nt = 0, nd = 0;
    hys_speech_stats st;
    for (int r = 0; r < runs; r++) {
        /* a key press: the next answer is focused and spoken */
        double t0 = counter_ms();
        ev(k, HYS_IN_KEY, t += 100, 0, 0, (r & 1) ? "Up" : "Down");
        double took = first_audio_since(k, t0);
        if (took >= 0) first[nf++] = took;
        /* the speaker button reads the whole screen; a touch on empty space
         * (the corner of the bottom bar) cuts it off */
        const hys_target *hear = hys_frame_find(hys_kiosk_frame(k), "button:hear");
        if (!hear) break;
        int hx = hear->x + hear->w / 2, hy = hear->y + hear->h / 2;
        ev(k, HYS_IN_PRESS, t += 600, hx, hy, NULL); /* (past the tremor filter) */
        double th = counter_ms();
        ev(k, HYS_IN_RELEASE, t += 10, hx, hy, NULL);
        took = first_audio_since(k, th);
        if (took >= 0) tap[nt++] = took;
        double t1 = bench_now_ms();
        int h = hys_kiosk_frame(k)->h;
        ev(k, HYS_IN_PRESS, t += 100, 2, h - 2, NULL);
        int busy = hys_kiosk_speech_busy(k);
        while (busy && bench_now_ms() - t1 < 5000)
            busy = hys_kiosk_speech_busy(k);
        stop[ns] = bench_now_ms() - t1;
        /* silent already; the speech thread notes the cut-off when the synth
         * returns, which may be a moment later */
        do
            hys_kiosk_speech_stats(k, &st);
        while (st.stop_ms < 0 && bench_now_ms() - t1 < 5000);
        cut[ns++] = st.stop_ms;
        ev(k, HYS_IN_RELEASE, t += 10, 2, h - 2, NULL);
    }
    /* a tap that moves on: the next screen laid out, drawn and presented
     * (1280x800, the software renderer, into memory: the display's own
     * delay is not in it; tests/bench/bench_tap times that on X); then
     * Back, presented again */
    static const char *const ids[2] = {"button:next", "button:back"};
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < 2; i++) {
            hys_kiosk_speech_stats(k, &st);
            const hys_target *b = hys_frame_find(hys_kiosk_frame(k), ids[i]);
            if (!b) continue;
            double t0 = bench_now_ms();
            unsigned long before = hys_kiosk_presented(k);
            ev(k, HYS_IN_PRESS, t += 700, b->x + b->w / 2, b->y + b->h / 2, NULL);
            ev(k, HYS_IN_RELEASE, t += 10, b->x + b->w / 2, b->y + b->h / 2, NULL);
            if (hys_kiosk_presented(k) > before) shown[nd++] = bench_now_ms() - t0;
        }
    bench_report("tap (speaker button) -> first audio queued", tap, nt, "runs");
    bench_report("tap -> next screen presented (1280x800, in memory)", shown, nd, "runs");
    bench_report("key press -> first audio sample queued", first, nf, "runs");
    bench_report("touch -> handled, presented, speech silent", stop, ns, "runs");
    bench_report("touch -> synthesis cut off (speech thread)", cut, ns, "runs");
    free(first), free(stop), free(cut), free(tap), free(shown);
    hys_kiosk_close(k);
    bench_remove(data);
    IMG_Quit();
    SDL_Quit();
    return 0;
}
