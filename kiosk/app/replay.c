/* replay: scripted journeys (see replay.h). */
#include "replay.h"

#include "monkey.h"
#include "paths.h"
#include "kiosk_impl.h"

#include "../export/enrol.h"
#include "../export/files.h"

#include "../speech/speech.h"
#include "../staff/pin.h"
#include "../util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int fail(const char *script, int line, const char *what, const char *detail)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", script, line, what, detail ? ": " : "",
            detail ? detail : "");
    return 1;
}

/* A replay's player: the kiosk, the virtual clock, and the trace of what
 * it did (for tests/real, which does the same to the real window). */
typedef struct player {
    hys_kiosk *k;
    long now;
    FILE *trace; /* NULL: none */
} player;

/* One event through the kiosk's one way in, as the real loop sends it
 * (what hys_kiosk_handle gives: HYS_ENOTFOUND for an unknown key). */
static hys_status send(player *p, hys_kiosk_input kind, int x, int y, const char *text)
{
    hys_kiosk_event e = {.kind = kind, .now = p->now, .x = x, .y = y, .text = text};
    if (p->trace) {
        if (kind == HYS_IN_PRESS || kind == HYS_IN_RELEASE)
            fprintf(p->trace, "%ld %s %d %d\n", p->now, kind == HYS_IN_PRESS ? "press" : "release",
                    x, y);
        else if (kind == HYS_IN_KEY || kind == HYS_IN_TEXT)
            fprintf(p->trace, "%ld %s %s\n", p->now, kind == HYS_IN_KEY ? "key" : "text", text);
    }
    return hys_kiosk_handle(p->k, &e);
}

/* Time passes to now. */
static void pass(player *p, long now)
{
    p->now = now;
    send(p, HYS_IN_TIME, 0, 0, NULL);
}

/* A finger down and up at x, y (a person's tap; the same moment). */
static void tap(player *p, int x, int y)
{
    send(p, HYS_IN_PRESS, x, y, NULL);
    send(p, HYS_IN_RELEASE, x, y, NULL);
}

/* A stick in (with what is on it) or out. */
static void stick_event(player *p, const char *path, int in)
{
    char top[4200];
    snprintf(top, sizeof top, "%s/HAVEYOURSAY", path);
    hys_kiosk_event e = {.kind = in ? HYS_IN_STICK_IN : HYS_IN_STICK_OUT,
                         .now = p->now,
                         .text = path,
                         .kiosk_folder = in && hys_dir_real(top),
                         .questions = in && hys_questions_on_stick(path),
                         .wait = 1};
    if (p->trace) fprintf(p->trace, "%ld %s %s\n", p->now, in ? "stick-in" : "stick-out", path);
    hys_kiosk_handle(p->k, &e);
}

/* A whole number into *out: HYS_OK, or HYS_EFORMAT when s is not one. */
static hys_status parse_int(const char *s, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (end == s || *end) return HYS_EFORMAT;
    *out = v;
    return HYS_OK;
}

int hys_replay_run(hys_kiosk *k, const char *script, const char *shots, const char *trace)
{
    FILE *fp = fopen(script, "r");
    if (!fp) return fail(script, 0, "cannot open the script", NULL);
    player pl = {k, 0, NULL}, *p = &pl;
    if (trace && !(pl.trace = fopen(trace, "w"))) {
        fclose(fp);
        return fail(script, 0, "cannot write the trace", trace);
    }
    char buf[2048];
    int line = 0, rc = 0;
    hys_kiosk_start_speech(k);        /* (the real program: after its first frame) */
    send(p, HYS_IN_SHOW, 0, 0, NULL); /* the first screen, as the real program starts */
    int px = 0, py = 0;
    char stick[4096] = ""; /* where usb-insert mounted a stick */
    while (!rc && fgets(buf, sizeof buf, fp)) {
        line++;
        char *s = hys_trim(buf);
        if (!*s || *s == '#') continue;
        char *arg = s;
        while (*arg && *arg != ' ' && *arg != '\t')
            arg++;
        if (*arg) *arg++ = '\0';
        arg = hys_trim(arg);
        if (!strcmp(s, "tap") || !strcmp(s, "press")) {
            long x, y;
            if (sscanf(arg, "%ld %ld", &x, &y) != 2) {
                rc = fail(script, line, "expected two numbers: X Y", arg);
                break;
            }
            px = (int)x, py = (int)y;
            if (s[0] == 't')
                tap(p, px, py);
            else
                send(p, HYS_IN_PRESS, px, py, NULL);
        } else if (!strcmp(s, "release")) {
            long x = px, y = py;
            if (*arg && sscanf(arg, "%ld %ld", &x, &y) != 2) {
                rc = fail(script, line, "expected nothing, or X Y where the finger lifts", arg);
                break;
            }
            send(p, HYS_IN_RELEASE, (int)x, (int)y, NULL);
        } else if (!strcmp(s, "tap-id")) {
            const hys_target *t = hys_frame_find(hys_kiosk_frame(k), arg);
            if (!t) {
                char scr[80];
                snprintf(scr, sizeof scr, "%s", hys_kiosk_frame(k)->screen);
                rc = fail(script, line, "no such target on this screen", arg);
                fprintf(stderr, "%s:%d: the screen is %s\n", script, line, scr);
                break;
            }
            if (!t->enabled) {
                rc = fail(script, line, "the target is switched off", arg);
                break;
            }
            px = t->x + t->w / 2, py = t->y + t->h / 2;
            tap(p, px, py);
        } else if (!strcmp(s, "scroll-to")) {
            /* scroll-to ID: tap "Earlier" to the first page, then "More" (a little
             * apart, as a person would) until ID is on the page shown: large text
             * shows long screens a page at a time, and answers or review rows
             * that do not fit come a page at a time too */
            static const char *const ways[2][3] = {
                {"button:scroll-up", "button:answers-up", "button:page-up"},
                {"button:scroll-down", "button:answers-down", "button:page-down"}};
            int down = 0, tries = 0;
            while (!hys_frame_find(hys_kiosk_frame(k), arg) && tries++ < 40) {
                const hys_target *t = NULL;
                for (int w = 0; w < 3 && !t; w++) {
                    t = hys_frame_find(hys_kiosk_frame(k), ways[down][w]);
                    if (t && !t->enabled) t = NULL;
                }
                if (!t) {
                    if (down++) break;
                    continue;
                }
                pass(p, p->now + 700);
                tap(p, t->x + t->w / 2, t->y + t->h / 2);
            }
            if (!hys_frame_find(hys_kiosk_frame(k), arg))
                rc = fail(script, line, "no page of this screen has", arg);
        } else if (!strcmp(s, "usb-insert") || !strcmp(s, "usb-insert-plain") ||
                   !strcmp(s, "usb-insert-stranger")) {
            /* usb-insert DIR: a stick staff enrolled on this kiosk (with a
             * HAVEYOURSAY folder and the kiosk's token, made if missing) is
             * mounted at DIR, a path beside the data folder when relative;
             * its export runs before the next line.
             * usb-insert-plain DIR: a stick with no such folder (nothing
             * happens by itself; staff may save to it, which enrols it).
             * usb-insert-stranger DIR: a HAVEYOURSAY folder and no token: a
             * stick somebody brought to take the answers */
            if (!*arg || strstr(arg, "..")) {
                rc = fail(script, line, "expected a folder name", arg);
                break;
            }
            if (arg[0] == '/')
                snprintf(stick, sizeof stick, "%s", arg);
            else
                snprintf(stick, sizeof stick, "%s/../%s", hys_kiosk_data_dir(k), arg);
            char top[4200];
            snprintf(top, sizeof top, "%s/HAVEYOURSAY", stick);
            mkdir(stick, 0700);
            if (strcmp(s, "usb-insert-plain")) mkdir(top, 0700); /* (plain: a stick as bought) */
            char why[512];
            if (!strcmp(s, "usb-insert") &&
                hys_enrol_stick(k->data, hys_store_kiosk_id(k->store), stick, why, sizeof why)) {
                rc = fail(script, line, "cannot enrol the stick", why);
                break;
            }
            char real[4096];
            if (realpath(stick, real)) snprintf(stick, sizeof stick, "%s", real);
            stick_event(p, stick, 1);
        } else if (!strcmp(s, "usb-questions")) {
            /* usb-questions FILE: put a question set (relative to the script's
             * folder) in the inserted stick's HAVEYOURSAY/questions/ */
            char from[4096], dir[4300], to[4600];
            const char *slash = strrchr(script, '/');
            snprintf(from, sizeof from, "%.*s%s", slash ? (int)(slash - script + 1) : 0, script,
                     arg);
            snprintf(dir, sizeof dir, "%s/HAVEYOURSAY/questions", stick);
            const char *base = strrchr(arg, '/') ? strrchr(arg, '/') + 1 : arg;
            snprintf(to, sizeof to, "%s/%s", dir, base);
            mkdir(dir, 0700);
            FILE *in = stick[0] ? fopen(from, "rb") : NULL, *out = in ? fopen(to, "wb") : NULL;
            char chunk[65536];
            size_t n;
            while (out && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
                fwrite(chunk, 1, n, out);
            if (!in || !out || fclose(out) != 0) rc = fail(script, line, "cannot copy", arg);
            if (in) fclose(in);
            if (!rc) stick_event(p, stick, 1); /* (what is on the stick changed) */
        } else if (!strcmp(s, "staff-pin")) {
            /* staff-pin PIN: as `haveyoursay set-pin` does for this kiosk */
            char err[256];
            if (hys_pin_set(hys_kiosk_data_dir(k), arg, err, sizeof err) != HYS_OK)
                rc = fail(script, line, err, arg);
            if (p->trace) fprintf(p->trace, "%ld staff-pin %s\n", p->now, arg);
        } else if (!strcmp(s, "headset-in") || !strcmp(s, "headset-out")) {
            /* headphones plugged in (a new sound output device called ARG) or
             * pulled out: what SDL reports of a real jack, which cannot be
             * plugged in here */
            send(p, s[8] == 'i' ? HYS_IN_HEADSET_IN : HYS_IN_HEADSET_OUT, 0, 0, arg);
        } else if (!strcmp(s, "expect-device")) {
            char dev[128];
            hys_kiosk_speech_device(k, dev, sizeof dev);
            if (strcmp(dev, arg)) {
                char msg[300];
                snprintf(msg, sizeof msg, "speech goes to \"%s\", not \"%s\"", dev, arg);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "usb-remove")) {
            if (stick[0]) stick_event(p, stick, 0);
            stick[0] = 0;
        } else if (!strcmp(s, "key")) {
            if (send(p, HYS_IN_KEY, 0, 0, arg) != HYS_OK)
                rc = fail(script, line, "unknown key name", arg);
        } else if (!strcmp(s, "text")) {
            send(p, HYS_IN_TEXT, 0, 0, arg);
        } else if (!strcmp(s, "wait")) {
            long ms;
            if (parse_int(arg, &ms) != HYS_OK || ms < 0) {
                rc = fail(script, line, "expected milliseconds", arg);
                break;
            }
            pass(p, p->now + ms);
            hys_kiosk_sync(k);
        } else if (!strcmp(s, "sleep-real")) {
            /* real time passes with the program alive: for crash tests */
            long ms;
            if (parse_int(arg, &ms) != HYS_OK || ms < 0) {
                rc = fail(script, line, "expected milliseconds", arg);
                break;
            }
            hys_kiosk_sync(k);
            fprintf(stdout, "sleeping\n");
            fflush(stdout);
            struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        } else if (!strcmp(s, "shot")) {
            char path[2048], err[300];
            if (!*arg || strchr(arg, '/')) {
                rc = fail(script, line, "expected a file name such as welcome.png", arg);
                break;
            }
            if (!shots) continue; /* (what is on the screen is there already) */
            hys_paths_mkdirs(shots);
            snprintf(path, sizeof path, "%s/%s", shots, arg);
            if (hys_kiosk_save_shot(k, path, err, sizeof err) != HYS_OK)
                rc = fail(script, line, "cannot save the screenshot", err);
            if (p->trace) fprintf(p->trace, "%ld shot %s %d\n", p->now, path, line);
        } else if (!strcmp(s, "expect-screen")) {
            const char *got = hys_kiosk_frame(k)->screen;
            if (strcmp(got, arg)) {
                char msg[200];
                snprintf(msg, sizeof msg, "expected screen %s, but it is %s", arg, got);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "monkey")) {
            /* monkey SEED EVENTS: random input (monkey.h), for soak tests */
            unsigned long seed;
            long events;
            if (sscanf(arg, "%lu %ld", &seed, &events) != 2 || events < 0) {
                rc = fail(script, line, "expected two numbers: SEED EVENTS", arg);
                break;
            }
            char mstick[4200];
            snprintf(mstick, sizeof mstick, "%s/../monkey-stick", hys_kiosk_data_dir(k));
            p->now = hys_monkey_run(k, seed, events, p->now, mstick);
            hys_kiosk_sync(k);
        } else if (!strcmp(s, "expect-closed")) {
            if (!hys_kiosk_closed(k)) rc = fail(script, line, "the kiosk did not close", NULL);
        } else if (!strcmp(s, "expect-fits")) {
            /* every word shown whole, and every target at least 44 x 44 */
            const hys_frame *f = hys_kiosk_frame(k);
            char msg[200];
            if (f->clipped || f->overflow) {
                snprintf(msg, sizeof msg, "%d text boxes cut short%s on %s (\"%s\")", f->clipped,
                         f->overflow ? " and the draw list overflowed" : "", f->screen,
                         f->clipped_text);
                rc = fail(script, line, msg, NULL);
            }
            int min = hys_kiosk_min_target(k);
            for (int i = 0; i < f->ntargets && !rc; i++) {
                if (f->targets[i].w >= min && f->targets[i].h >= min) continue;
                snprintf(msg, sizeof msg, "target %s is %dx%d, smaller than %dx%d",
                         f->targets[i].id, f->targets[i].w, f->targets[i].h, min, min);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "expect-target")) {
            if (!hys_frame_find(hys_kiosk_frame(k), arg))
                rc = fail(script, line, "expected target is not on this screen", arg);
        } else if (!strcmp(s, "expect-no-target")) {
            const hys_target *t = hys_frame_find(hys_kiosk_frame(k), arg);
            if (t && t->enabled) rc = fail(script, line, "target should not be there", arg);
        } else if (!strcmp(s, "targets")) {
            /* print the screen's targets: id, box, and whether it is on */
            const hys_frame *f = hys_kiosk_frame(k);
            for (int i = 0; i < f->ntargets; i++)
                printf("%s %d,%d %dx%d%s\n", f->targets[i].id, f->targets[i].x, f->targets[i].y,
                       f->targets[i].w, f->targets[i].h, f->targets[i].enabled ? "" : " (off)");
        } else if (!strcmp(s, "speak-items")) {
            /* print what the screen says, item by item: group, target, language, words */
            const hys_frame *f = hys_kiosk_frame(k);
            for (int i = 0; i < f->nspeak; i++) {
                const hys_speak *sp = &f->speak[i];
                printf("%d %s %d%s %s | %s\n", sp->group,
                       sp->target >= 0 ? f->targets[sp->target].id : "-", sp->lang,
                       sp->wav ? " (recorded)" : "", sp->text, sp->label);
            }
        } else if (!strcmp(s, "expect-spoken")) {
            /* the words of the last thing said contain TEXT */
            unsigned long n;
            const char *said = hys_kiosk_said(k, &n);
            if (!n || !strstr(said, arg)) {
                rc = fail(script, line, "expected to hear", arg);
                fprintf(stderr, "%s:%d: the last thing said was: %s\n", script, line,
                        n ? said : "(nothing yet)");
            }
        } else if (!strcmp(s, "expect-said-count")) {
            long want;
            unsigned long n;
            hys_kiosk_said(k, &n);
            if (parse_int(arg, &want) != HYS_OK || (unsigned long)want != n) {
                char msg[120];
                snprintf(msg, sizeof msg, "expected %s things said so far, but there were %lu", arg,
                         n);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "expect-unexported")) {
            /* expect-unexported N: answers of ended sessions no stick has taken */
            long want, n = -1; /* (-1 in the message: the answers cannot be read) */
            hys_store_flush(k->store);
            hys_status counted = hys_store_unexported(k->data, &n);
            if (counted != HYS_OK || parse_int(arg, &want) != HYS_OK || want != n) {
                char msg[120];
                snprintf(msg, sizeof msg, "expected %s answers not yet exported, but there are %ld",
                         arg, n);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "expect-speaking") || !strcmp(s, "expect-silent")) {
            int busy = hys_kiosk_speech_busy(k), want = !strcmp(s, "expect-speaking");
            if (busy != want)
                rc = fail(script, line, busy ? "speech goes on" : "nothing is being said", NULL);
        } else if (!strcmp(s, "wait-speech")) {
            /* real time: until the last thing said has been made into sound */
            if (hys_kiosk_speech_wait(k, 10000, NULL) != HYS_OK)
                rc = fail(script, line, "speech did not finish within 10 s (or there is none)",
                          NULL);
        } else if (!strcmp(s, "expect-audible") || !strcmp(s, "expect-samples")) {
            /* the last thing said made sound: samples, and loud enough to hear */
            hys_speech_stats st;
            long lo = 1, hi = -1;
            if (!strcmp(s, "expect-samples") && sscanf(arg, "%ld %ld", &lo, &hi) != 2) {
                rc = fail(script, line, "expected MIN MAX samples", arg);
                break;
            }
            hys_kiosk_speech_wait(k, 10000, &st);
            char msg[300];
            snprintf(msg, sizeof msg, "%ld samples, RMS %.0f, %d items%s%s", st.samples, st.rms,
                     st.items_done, st.error[0] ? "; " : "", st.error);
            if (st.samples < lo || (hi >= 0 && st.samples > hi) || st.rms < 300)
                rc = fail(script, line, "the last thing said was not heard as expected", msg);
        } else if (!strcmp(s, "expect-focus")) {
            if (strcmp(hys_kiosk_focus(k), arg)) {
                char msg[200];
                snprintf(msg, sizeof msg, "expected the focus on %s, but it is on %s", arg,
                         *hys_kiosk_focus(k) ? hys_kiosk_focus(k) : "nothing");
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "focus-to") || !strcmp(s, "scan-to")) {
            /* focus-to: press the Down key until ID has the focus; scan-to: let the
             * one-switch scan run (time passes) until it reaches ID */
            int tries = 0;
            while (strcmp(hys_kiosk_focus(k), arg) && tries++ < 200) {
                if (!strcmp(s, "focus-to")) {
                    send(p, HYS_IN_KEY, 0, 0, "Down");
                } else {
                    long d = hys_kiosk_deadline(k);
                    if (d < 0) break;
                    pass(p, d > p->now ? d : p->now);
                }
            }
            if (strcmp(hys_kiosk_focus(k), arg))
                rc = fail(script, line, "the focus never reached", arg);
        } else if (!strcmp(s, "expect-answer")) {
            /* expect-answer NAME VALUE ("-" for no answer) */
            char name[128] = "", value[512] = "";
            if (sscanf(arg, "%127s %511[^\n]", name, value) != 2) {
                rc = fail(script, line, "expected NAME VALUE", arg);
                break;
            }
            const char *got = hys_kiosk_answer(k, name);
            const char *want = strcmp(value, "-") ? value : "";
            if (!got || strcmp(got, want)) {
                char msg[700];
                snprintf(msg, sizeof msg, "expected %s = \"%s\", but it is \"%s\"", name, want,
                         got ? got : "(no such question)");
                rc = fail(script, line, msg, NULL);
            }
        } else {
            rc = fail(script, line, "unknown command", s);
        }
    }
    fclose(fp);
    if (pl.trace && fclose(pl.trace) != 0 && !rc)
        rc = fail(script, line, "cannot write the trace", trace);
    hys_kiosk_sync(k);
    return rc;
}
