/* monkey: random input for soak tests (see monkey.h). */
#include "monkey.h"

#include "../layout/layout.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* xorshift64*: small, fast, and the same everywhere */
static unsigned long long next(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static long below(unsigned long long *s, long n)
{
    return n > 0 ? (long)(next(s) % (unsigned long long)n) : 0;
}

static double rss_mb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    return resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static const char *const keys[] = {
    "Return",    "Space",    "Tab",      "Left",       "Right",      "Up",       "Down",
    "Backspace", "Escape",   "F12",      "F4",         "Q",          "H",        "S",
    "Keypad 5",  "Keypad 8", "Keypad 2", "Keypad 4",   "Keypad 6",   "Keypad +", "Keypad -",
    "Keypad .",  "Keypad 0", "Delete",   "Joystick 0", "Joystick 1", "Home",     "Page Down"};

static const char *const texts[] = {
    "1",
    "42",
    "7",
    "hello",
    "Zażółć gęślą jaźń",
    "سلام ١٢٣",
    "বাংলা",
    "ਪੰਜਾਬੀ",
    "Ŵyn ŷ",
    "ăîșț",
    "١٢٣٤٥٦٧٨٩",
    "a very long answer that goes on and on and on, longer than any box on any screen, "
    "to see what a text answer does when someone leans on the keyboard for a while "
    "................................................................................"};

/* The kinds of screen the events landed on ("question", "staff-pin", ...),
 * and how often: to see that the monkey got everywhere. */
typedef struct seen {
    char kind[24][32];
    long n[24];
    int count;
} seen;

static void note(seen *sn, const char *screen)
{
    char kind[32];
    snprintf(kind, sizeof kind, "%.*s", (int)strcspn(screen, ":"), screen);
    int i = 0;
    while (i < sn->count && strcmp(sn->kind[i], kind))
        i++;
    if (i == sn->count) {
        if (sn->count == 24) return;
        snprintf(sn->kind[sn->count++], sizeof sn->kind[0], "%s", kind);
    }
    sn->n[i]++;
}

/* A target that takes a resident on (or out of a side screen). */
static int forward(const char *id)
{
    static const char *const on[] = {
        "button:start",      "button:next", "button:finish", "button:skip",
        "button:still-here", "button:done", "choice:",       "lang:",
        "notice:ok",         "staff:close", "key:"};
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
        if (!strncmp(id, on[i], strlen(on[i]))) return 1;
    return 0;
}

/* One event through the kiosk's one way in (every one is presented). */
static void send(hys_kiosk *k, hys_kiosk_input kind, long now, int x, int y, const char *text)
{
    hys_kiosk_event e = {.kind = kind, .now = now, .x = x, .y = y, .text = text};
    hys_kiosk_handle(k, &e);
}

long hys_monkey_run(hys_kiosk *k, unsigned long seed, long events, long now, const char *stick)
{
    unsigned long long s = seed * 0x9E3779B97F4A7C15ULL + 1;
    if (!s) s = 1; /* (xorshift stays at 0 for ever) */
    int inserted = 0;
    seen sn = {0};
    long every = events >= 10 ? events / 10 : 1;
    for (long e = 0; e < events && !hys_kiosk_closed(k); e++) {
        const hys_frame *f = hys_kiosk_frame(k);
        note(&sn, f->screen);
        long r = below(&s, 1000);
        if (r < 550 && f->ntargets > 0) { /* a tap on something on screen */
            const hys_target *t = &f->targets[below(&s, f->ntargets)];
            /* half the time, something that goes on (as most people do), so
             * the events reach the questions, the review and the thanks */
            for (int tries = 0; below(&s, 2) && tries < 8 && !forward(t->id); tries++)
                t = &f->targets[below(&s, f->ntargets)];
            int x = t->x + (int)below(&s, t->w > 0 ? t->w : 1);
            int y = t->y + (int)below(&s, t->h > 0 ? t->h : 1);
            send(k, HYS_IN_PRESS, now, x, y, NULL);
            now += below(&s, 300);
            send(k, HYS_IN_RELEASE, now, x, y, NULL);
        } else if (r < 650) { /* anywhere, even off the edge */
            int x = (int)below(&s, f->w + 40) - 20, y = (int)below(&s, f->h + 40) - 20;
            send(k, HYS_IN_PRESS, now, x, y, NULL);
            send(k, HYS_IN_RELEASE, now, x + (int)below(&s, 9) - 4, y + (int)below(&s, 9) - 4,
                 NULL);
        } else if (r < 700) { /* a long press, sometimes the staff corner's 5 s */
            int corner = below(&s, 4) == 0;
            int x = corner ? 20 : (int)below(&s, f->w), y = corner ? 20 : (int)below(&s, f->h);
            send(k, HYS_IN_PRESS, now, x, y, NULL);
            now += corner ? 5500 : 500 + below(&s, 3000);
            send(k, HYS_IN_TIME, now, 0, 0, NULL);
            send(k, HYS_IN_RELEASE, now, x, y, NULL);
        } else if (r < 800) { /* a key or a switch */
            send(k, HYS_IN_KEY, now, 0, 0, keys[below(&s, (long)(sizeof keys / sizeof keys[0]))]);
        } else if (r < 870) { /* typing */
            send(k, HYS_IN_TEXT, now, 0, 0,
                 texts[below(&s, (long)(sizeof texts / sizeof texts[0]))]);
        } else if (r < 970) { /* a wait: a moment, or (one in ten) minutes */
            now += below(&s, 10) ? 10 + below(&s, 5000) : 30000 + below(&s, 600000);
        } else if (r < 990) { /* the window uncovered: drawn again, every pixel */
            send(k, HYS_IN_REDRAW, now, 0, 0, NULL);
        } else if (stick && below(&s, 20) == 0) { /* a stick in, or out */
            if (!inserted) {
                char top[4200];
                snprintf(top, sizeof top, "%s/HAVEYOURSAY", stick);
                mkdir(stick, 0700);
                mkdir(top, 0700);
            }
            inserted = !inserted;
            hys_kiosk_event ev = {.kind = inserted ? HYS_IN_STICK_IN : HYS_IN_STICK_OUT,
                                  .now = now,
                                  .text = stick,
                                  .kiosk_folder = 1,
                                  .wait = 1};
            hys_kiosk_handle(k, &ev);
        }
        now += 20 + below(&s, 400);
        send(k, HYS_IN_TIME, now, 0, 0, NULL);
        if ((e + 1) % every == 0)
            printf("monkey: %ld events, %.1f MB RSS, %.1f MB in use, %ld s of kiosk time\n", e + 1,
                   rss_mb(), mallinfo2().uordblks / (1024.0 * 1024.0), now / 1000);
    }
    printf("monkey: screens the events landed on:");
    for (int i = 0; i < sn.count; i++)
        printf(" %s %ld%s", sn.kind[i], sn.n[i], i + 1 < sn.count ? "," : "\n");
    fflush(stdout);
    return now;
}
