/* main: the haveyoursay command line.
 *   haveyoursay [--form FILE] [--data DIR] [--windowed] [--size WxH]
 *   haveyoursay --form FILE --data DIR --replay SCRIPT [--shots DIR] [--trace FILE] [--size WxH]
 *   haveyoursay check FORM
 *   haveyoursay answers [--data DIR]
 *   haveyoursay export --to STICK [--data DIR] [--venue NAME] [--full] [--seal-to KEY]
 *   haveyoursay collect DIR... --out DIR [--key FILE] [--trust FILE]
 *   haveyoursay keygen --out FILE
 *   haveyoursay set-pin [--data DIR]
 *   haveyoursay kiosk-key [--data DIR]
 *   haveyoursay trust kiosk ID key KEY [fingerprint FP] [--file FILE | --data DIR]
 *   haveyoursay enrol-stick STICK [--data DIR]
 *   haveyoursay forget-sticks [--data DIR]
 *   haveyoursay combine STICK [--data DIR]   (the kiosk's own step) */
#include "commands.h"
#include "kiosk.h"
#include "replay.h"
#include "../util/alloc.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(FILE *out)
{
    fputs("usage:\n"
          "  haveyoursay [--form FILE] [--data DIR] [--windowed] [--size WxH]\n"
          "      run the kiosk (full screen unless --windowed)\n"
          "  haveyoursay --form FILE --data DIR --replay SCRIPT [--shots DIR] [--trace FILE]\n"
          "              [--size WxH]\n"
          "      run a scripted journey with no window, saving screenshots to DIR\n"
          "      (and what it did, for tests/real, to FILE)\n"
          "  haveyoursay check FORM\n"
          "      check a question set (.xlsx or .csv) and list every problem\n"
          "  haveyoursay answers [--data DIR]\n"
          "      print the stored answers as CSV\n"
          "  haveyoursay export --to STICK [--data DIR] [--venue NAME] [--full] [--seal-to KEY]\n"
          "      write the answers not yet exported (all with --full) to a USB stick\n"
          "  haveyoursay collect DIR... --out DIR [--key FILE] [--trust FILE]\n"
          "      check and merge the bundles of trusted kiosks into one set of files\n"
          "      (exit 0: all good; 3: some bundle rejected, untrusted or missing; 1: error)\n"
          "  haveyoursay keygen --out FILE\n"
          "      make a key pair for sealed exports (the secret key into FILE)\n"
          "  haveyoursay set-pin [--data DIR]\n"
          "      set the staff PIN (6 to 8 digits, read from standard input)\n"
          "  haveyoursay kiosk-key [--data DIR]\n"
          "      print this kiosk's trust line (its id, public key and fingerprint)\n"
          "  haveyoursay trust kiosk ID key KEY [fingerprint FP] [--file FILE | --data DIR]\n"
          "      trust a kiosk's key (the line kiosk-key prints) for collect, or on a kiosk\n"
          "  haveyoursay enrol-stick STICK [--data DIR]\n"
          "      let the USB stick mounted at STICK take this kiosk's answers\n"
          "  haveyoursay forget-sticks [--data DIR]\n"
          "      no stick enrolled so far takes answers any more\n",
          out);
}

/* A test's (tests/storage/alloc-journey): the Nth allocation of a replay
 * fails (HYS_ALLOC_FAIL_AT=N), and the kiosk says at exit whether it did. */
static long fail_at;
static void say_allocations(void)
{
    fprintf(stderr, "haveyoursay: %ld allocations; allocation %ld %s\n", hys_alloc_count(), fail_at,
            hys_alloc_failed() ? "failed on purpose" : "was never reached");
}

int main(int argc, char **argv)
{
    /* SQLite's allocations go through the kiosk's allocator too. (SDL's do
     * not: SDL_image 2.6's SVG reader crashes when one of its allocations
     * fails, tests/storage/alloc-journey found; that is not ours to fix.) */
    hys_alloc_route_sqlite();
    /* every file and folder the kiosk makes is its own alone (0600, 0700) */
    umask(077);
    if (argc >= 2 && !strcmp(argv[1], "check")) {
        if (argc != 3) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_check(argv[2]);
    }
    if (argc >= 2 && !strcmp(argv[1], "answers")) {
        const char *data = NULL;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--data") && i + 1 < argc)
                data = argv[++i];
            else {
                usage(stderr);
                return 2;
            }
        }
        return hys_cmd_answers(data);
    }
    if (argc >= 2 && !strcmp(argv[1], "export")) {
        const char *data = NULL, *stick = NULL, *venue = NULL, *seal = NULL;
        int full = 0;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--data") && i + 1 < argc)
                data = argv[++i];
            else if (!strcmp(argv[i], "--to") && i + 1 < argc)
                stick = argv[++i];
            else if (!strcmp(argv[i], "--venue") && i + 1 < argc)
                venue = argv[++i];
            else if (!strcmp(argv[i], "--full"))
                full = 1;
            else if (!strcmp(argv[i], "--seal-to") && i + 1 < argc)
                seal = argv[++i];
            else
                stick = NULL, i = argc;
        }
        if (!stick) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_export(data, stick, venue, full, seal);
    }
    if (argc >= 2 && !strcmp(argv[1], "keygen")) {
        if (argc != 4 || strcmp(argv[2], "--out")) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_keygen(argv[3]);
    }
    if (argc >= 2 && !strcmp(argv[1], "set-pin")) {
        if (argc != 2 && !(argc == 4 && !strcmp(argv[2], "--data"))) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_set_pin(argc == 4 ? argv[3] : NULL);
    }
    if (argc >= 2 && (!strcmp(argv[1], "kiosk-key") || !strcmp(argv[1], "forget-sticks") ||
                      !strcmp(argv[1], "enrol-stick") || !strcmp(argv[1], "combine"))) {
        /* COMMAND [STICK] [--data DIR] */
        int with_stick = !strcmp(argv[1], "enrol-stick") || !strcmp(argv[1], "combine");
        const char *data = NULL, *stick = with_stick && argc > 2 ? argv[2] : NULL;
        int i = with_stick ? 3 : 2;
        if (i + 1 < argc && !strcmp(argv[i], "--data")) data = argv[i + 1], i += 2;
        if (i != argc || (with_stick && (!stick || stick[0] == '-'))) {
            usage(stderr);
            return 2;
        }
        return !strcmp(argv[1], "kiosk-key")       ? hys_cmd_kiosk_key(data)
               : !strcmp(argv[1], "forget-sticks") ? hys_cmd_forget_sticks(data)
               : !strcmp(argv[1], "enrol-stick")   ? hys_cmd_enrol_stick(stick, data)
                                                   : hys_cmd_combine(stick, data);
    }
    if (argc >= 2 && !strcmp(argv[1], "trust")) {
        /* the words of a trust line, then where to keep it */
        char line[512] = "";
        const char *file = NULL, *data = NULL;
        int bad = 0;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--file") && i + 1 < argc)
                file = argv[++i];
            else if (!strcmp(argv[i], "--data") && i + 1 < argc)
                data = argv[++i];
            else if (argv[i][0] == '-' || strlen(line) + strlen(argv[i]) + 2 > sizeof line)
                bad = 1;
            else
                strcat(strcat(line, line[0] ? " " : ""), argv[i]);
        }
        if (bad || !line[0] || (file && data)) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_trust(line, file, data);
    }
    if (argc >= 2 && !strcmp(argv[1], "collect")) {
        const char *out = NULL, *key = NULL, *trust = NULL;
        const char *in[64];
        int nin = 0, bad = 0;
        for (int i = 2; i < argc; i++) {
            if (!strcmp(argv[i], "--out") && i + 1 < argc)
                out = argv[++i];
            else if (!strcmp(argv[i], "--key") && i + 1 < argc)
                key = argv[++i];
            else if (!strcmp(argv[i], "--trust") && i + 1 < argc)
                trust = argv[++i];
            else if (argv[i][0] != '-' && nin < 64)
                in[nin++] = argv[i];
            else
                bad = 1;
        }
        if (bad || !out || nin == 0) {
            usage(stderr);
            return 2;
        }
        return hys_cmd_collect(in, nin, out, key, trust);
    }
    hys_kiosk_options o = {0};
    const char *replay = NULL, *shots = NULL, *trace = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("haveyoursay %s\n", HYS_VERSION);
            return 0;
        } else if (!strcmp(a, "--windowed")) {
            o.windowed = 1;
        } else if (v && !strcmp(a, "--form")) {
            o.form = v, i++;
        } else if (v && !strcmp(a, "--data")) {
            o.data = v, i++;
        } else if (v && !strcmp(a, "--replay")) {
            replay = v, i++;
        } else if (v && !strcmp(a, "--shots")) {
            shots = v, i++;
        } else if (v && !strcmp(a, "--trace")) {
            trace = v, i++;
        } else if (v && !strcmp(a, "--size")) {
            if (sscanf(v, "%dx%d", &o.w, &o.h) != 2 || o.w < 320 || o.h < 240 || o.w > 8192 ||
                o.h > 8192) {
                fprintf(stderr, "haveyoursay: --size wants WIDTHxHEIGHT, e.g. 1280x800\n");
                return 2;
            }
            i++;
        } else {
            fprintf(stderr, "haveyoursay: unknown option %s\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (replay) {
        o.offscreen = 1;
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        setenv("SDL_AUDIODRIVER", "dummy", 0);
        const char *f = getenv("HYS_ALLOC_FAIL_AT");
        if (f && atol(f) > 0) {
            fail_at = atol(f);
            hys_alloc_fail_at(fail_at);
            atexit(say_allocations);
        }
    } else {
        const char *drv = getenv("SDL_VIDEODRIVER");
        if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY") && (!drv || !*drv)) {
            fprintf(stderr, "haveyoursay: no display found (neither DISPLAY nor WAYLAND_DISPLAY "
                            "is set); start it from a desktop, under cage, or use --replay\n");
            return 1;
        }
        /* the software renderer: no 95 MB of Mesa GL just to draw rectangles */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        /* no X Compose table: reading the locale's (5,000 lines) was a fifth
         * of the time to the first screen. Residents type on the kiosk's own
         * keyboard; a plugged-in keyboard's dead keys and Compose key come
         * back with XCOMPOSEFILE set in the kiosk's environment (README) */
        setenv("XCOMPOSEFILE", "/dev/null", 0);
    }
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "haveyoursay: cannot start the display: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    char err[600];
    hys_kiosk *k = hys_kiosk_open(&o, err, sizeof err);
    if (!k) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        IMG_Quit();
        SDL_Quit();
        return 1;
    }
    int rc = replay ? hys_replay_run(k, replay, shots, trace) : hys_kiosk_run(k);
    if (!replay) {
        /* a stopped kiosk ends at once, its answers kept: closing the window
         * alone took 100 ms under X11 (SDL leaves full screen first and
         * waits for a window manager), the sound device up to a period */
        hys_kiosk_keep(k);
        fflush(NULL);
        _exit(rc);
    }
    hys_kiosk_close(k);
    IMG_Quit();
    SDL_Quit();
    return rc;
}
