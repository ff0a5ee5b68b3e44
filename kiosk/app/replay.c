/* replay: scripted journeys (see replay.h). */
#include "replay.h"

#include "paths.h"

#include "../util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int fail(const char *script, int line, const char *what, const char *detail)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", script, line, what, detail ? ": " : "",
            detail ? detail : "");
    return 1;
}

static int parse_int(const char *s, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (end == s || *end) return 0;
    *out = v;
    return 1;
}

int hys_replay_run(hys_kiosk *k, const char *script, const char *shots)
{
    FILE *fp = fopen(script, "r");
    if (!fp) return fail(script, 0, "cannot open the script", NULL);
    char buf[2048];
    int line = 0, rc = 0;
    long now = 0;
    int px = 0, py = 0;
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
            hys_kiosk_press(k, px, py, now);
            if (s[0] == 't') hys_kiosk_release(k, px, py, now);
        } else if (!strcmp(s, "release")) {
            long x = px, y = py;
            if (*arg && sscanf(arg, "%ld %ld", &x, &y) != 2) {
                rc = fail(script, line, "expected nothing, or X Y where the finger lifts", arg);
                break;
            }
            hys_kiosk_release(k, (int)x, (int)y, now);
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
            hys_kiosk_press(k, px, py, now);
            hys_kiosk_release(k, px, py, now);
        } else if (!strcmp(s, "key")) {
            if (!hys_kiosk_key(k, arg, now)) rc = fail(script, line, "unknown key name", arg);
        } else if (!strcmp(s, "text")) {
            hys_kiosk_text(k, arg, now);
        } else if (!strcmp(s, "wait")) {
            long ms;
            if (!parse_int(arg, &ms) || ms < 0) {
                rc = fail(script, line, "expected milliseconds", arg);
                break;
            }
            now += ms;
            hys_kiosk_advance(k, now);
            hys_kiosk_sync(k);
        } else if (!strcmp(s, "sleep-real")) {
            /* real time passes with the program alive: for crash tests */
            long ms;
            if (!parse_int(arg, &ms) || ms < 0) {
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
            if (!shots) {
                hys_kiosk_shot(k, NULL, NULL, 0);
                continue;
            }
            hys_paths_mkdirs(shots);
            snprintf(path, sizeof path, "%s/%s", shots, arg);
            if (hys_kiosk_shot(k, path, err, sizeof err) != 0)
                rc = fail(script, line, "cannot save the screenshot", err);
        } else if (!strcmp(s, "expect-screen")) {
            const char *got = hys_kiosk_frame(k)->screen;
            if (strcmp(got, arg)) {
                char msg[200];
                snprintf(msg, sizeof msg, "expected screen %s, but it is %s", arg, got);
                rc = fail(script, line, msg, NULL);
            }
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
            for (int i = 0; i < f->ntargets && !rc; i++) {
                if (f->targets[i].w >= 44 && f->targets[i].h >= 44) continue;
                snprintf(msg, sizeof msg, "target %s is %dx%d, smaller than 44x44",
                         f->targets[i].id, f->targets[i].w, f->targets[i].h);
                rc = fail(script, line, msg, NULL);
            }
        } else if (!strcmp(s, "expect-target")) {
            if (!hys_frame_find(hys_kiosk_frame(k), arg))
                rc = fail(script, line, "expected target is not on this screen", arg);
        } else if (!strcmp(s, "expect-no-target")) {
            const hys_target *t = hys_frame_find(hys_kiosk_frame(k), arg);
            if (t && t->enabled) rc = fail(script, line, "target should not be there", arg);
        } else {
            rc = fail(script, line, "unknown command", s);
        }
    }
    fclose(fp);
    hys_kiosk_sync(k);
    return rc;
}
