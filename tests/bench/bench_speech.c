/* bench_speech: how fast the kiosk answers by ear. Runs the real kiosk
 * (offscreen, SDL's dummy audio device standing in for a speaker) on the
 * demo set and, over many key presses, prints:
 *   - key press -> first audio sample queued (the focused item spoken),
 *   - tap -> speech stopped (queue cleared and synthesis cut off),
 * as median and 95th percentile. A benchmark prints figures; it never fails
 * on a slow machine. usage: bench_speech [RUNS] */
#include "app/kiosk.h"
#include "speech/speech.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    printf("%-44s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%d runs)\n", what, v[n / 2],
           v[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], v[n - 1], n);
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
    long t = 0;
    /* by keys to the first question */
    const char *walk[] = {"Return", "Return", "Return", "Return", "Return", "Return"};
    for (size_t i = 0; i < sizeof walk / sizeof walk[0]; i++)
        hys_kiosk_key(k, walk[i], t += 100);
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
        double t0 = now_ms();
        hys_kiosk_key(k, (r & 1) ? "Up" : "Down", t += 100);
        do
            hys_kiosk_speech_stats(k, &st);
        while (st.samples == 0 && now_ms() - t0 < 5000);
        if (st.samples > 0) first[nf++] = now_ms() - t0;
        /* the speaker button reads the whole screen; a touch on empty space
         * (the corner of the bottom bar) cuts it off */
        const hys_target *hear = hys_frame_find(hys_kiosk_frame(k), "button:hear");
        if (!hear) break;
        int hx = hear->x + hear->w / 2, hy = hear->y + hear->h / 2;
        double th = now_ms();
        hys_kiosk_press(k, hx, hy, t += 100);
        hys_kiosk_release(k, hx, hy, t += 10);
        do
            hys_kiosk_speech_stats(k, &st);
        while (st.samples == 0 && now_ms() - t0 < 5000);
        if (st.samples > 0) tap[nt++] = now_ms() - th;
        double t1 = now_ms();
        int h = hys_kiosk_frame(k)->h;
        hys_kiosk_press(k, 2, h - 2, t += 100);
        int busy = hys_kiosk_speech_busy(k);
        while (busy && now_ms() - t1 < 5000)
            busy = hys_kiosk_speech_busy(k);
        stop[ns] = now_ms() - t1;
        /* silent already; the speech thread notes the cut-off when the synth
         * returns, which may be a moment later */
        do
            hys_kiosk_speech_stats(k, &st);
        while (st.stop_ms < 0 && now_ms() - t1 < 5000);
        cut[ns++] = st.stop_ms;
        hys_kiosk_release(k, 2, h - 2, t += 10);
    }
    /* a tap that moves on: the next screen laid out and drawn (1280x800,
     * the software renderer, into memory: the display's own delay is not
     * in it); then Back, drawn again */
    static const char *const ids[2] = {"button:next", "button:back"};
    for (int r = 0; r < runs; r++)
        for (int i = 0; i < 2; i++) {
            hys_kiosk_speech_stats(k, &st);
            const hys_target *b = hys_frame_find(hys_kiosk_frame(k), ids[i]);
            if (!b) continue;
            double t0 = now_ms();
            hys_kiosk_press(k, b->x + b->w / 2, b->y + b->h / 2, t += 700);
            hys_kiosk_release(k, b->x + b->w / 2, b->y + b->h / 2, t += 10);
            hys_kiosk_shot(k, NULL, NULL, 0);
            shown[nd++] = now_ms() - t0;
        }
    report("tap (speaker button) -> first audio queued", tap, nt);
    report("tap -> next screen drawn (1280x800)", shown, nd);
    report("key press -> first audio sample queued", first, nf);
    report("touch -> speech silent (queue empty, idle)", stop, ns);
    report("touch -> synthesis cut off (speech thread)", cut, ns);
    free(first), free(stop), free(cut), free(tap), free(shown);
    hys_kiosk_close(k);
    char cmd[100];
    snprintf(cmd, sizeof cmd, "rm -rf %s", data);
    if (system(cmd) != 0) fprintf(stderr, "bench_speech: could not remove %s\n", data);
    IMG_Quit();
    SDL_Quit();
    return 0;
}
