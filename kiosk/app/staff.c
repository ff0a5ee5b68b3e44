/* staff: staff mode, opened by a 5-second hold in the top corner away from
 * the speaker buttons (where nothing can be pressed) or the staff key, then
 * the PIN (see staff/pin.h). It shows counts rounded to 5, never single
 * answers, and can enrol a USB stick and save the answers on it, load and check question sets,
 * check the voice, the stick and the touch screen, set the voice and language, and close the kiosk
 * or switch its box off. It closes by itself after two minutes left alone. */
#include "kiosk_impl.h"

#include "sticks.h"

#include "../text/bidi.h"

#include "../export/files.h"
#include "../export/manifest.h"

#include <errno.h>
#include <sodium.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STAFF_IDLE_MS 120000

static void message(hys_kiosk *k, const char *text)
{
    snprintf(k->staff.msg, sizeof k->staff.msg, "%s", text ? text : "");
}

void hys_staff_refresh(hys_kiosk *k)
{
    if (k->staff.screen != HYS_STAFF_HOME) return;
    /* today's periods start with today's date; with weekly periods, this
     * week's is the Monday's date */
    char today[32], err[256];
    hys_store_period(k->cfg.period == HYS_PERIOD_WEEK ? HYS_PERIOD_WEEK : HYS_PERIOD_DAY,
                     time(NULL), today);
    hys_store_flush(k->store);
    if (hys_store_count(k->data, today, &k->staff.counts, err, sizeof err) != HYS_OK)
        memset(&k->staff.counts, 0, sizeof k->staff.counts);
    k->staff.can_restore = hys_questions_previous(k->data);
    char trouble[1000];
    if (!k->staff.msg[0] && hys_trouble_for_staff(k, trouble, sizeof trouble))
        message(k, trouble); /* why the residents' screen says "out of order" */
}

/* The stick that is in: the one the kiosk last saw come in (the stick
 * watcher tells it of every stick mounted under the mount folders). */
static int stick_in(const hys_kiosk *k, char *out, size_t n)
{
    if (!k->usb.stick[0]) return 0;
    snprintf(out, n, "%s", k->usb.stick);
    return 1;
}

/* The kiosk checks itself: the voice says a test sentence (heard, or not,
 * by staff) and what the speech engine reports; a stick that is in gets a
 * test file written, flushed, read back and removed. */
static void self_check(hys_kiosk *k, char *msg, size_t n)
{
    char stick[4096], err[300] = "", speech[200], usb[600];
    if (k->speech && k->voice[0][0]) {
        snprintf(speech, sizeof speech, "%s",
                 hys_voice_tr(k, "Speech works: you should hear the kiosk's voice now."));
    } else {
        snprintf(speech, sizeof speech, "%s",
                 hys_voice_tr(k, "The kiosk cannot speak here (no sound device or no voice)."));
    }
    if (!stick_in(k, stick, sizeof stick)) {
        snprintf(usb, sizeof usb, "%s", hys_voice_tr(k, "No USB stick is in."));
    } else {
        /* a test file: made here, copied to the stick, read back, removed */
        char top[4200], here[4400], there[4400];
        snprintf(top, sizeof top, "%s/HAVEYOURSAY", stick);
        snprintf(here, sizeof here, "%s/kiosk-check.bin", k->data);
        snprintf(there, sizeof there, "%s/kiosk-check.bin", top);
        FILE *f = fopen(here, "wb");
        unsigned char block[4096];
        for (int i = 0; f && i < 16; i++) {
            randombytes_buf(block, sizeof block);
            fwrite(block, 1, sizeof block, f);
        }
        int ok = f && fclose(f) == 0;
        if (mkdir(top, 0700) != 0 && errno != EEXIST) ok = 0;
        ok = ok && hys_file_place(k->data, top, "kiosk-check.bin", NULL, err, sizeof err) == HYS_OK;
        if (!ok && (!f || errno != 0) && !err[0]) snprintf(err, sizeof err, "%s", strerror(errno));
        unlink(here);
        unlink(there);
        if (ok)
            snprintf(usb, sizeof usb, "%s",
                     hys_voice_tr(k, "The USB stick can be written to and read back."));
        else
            snprintf(usb, sizeof usb, "%s (%s)", hys_voice_tr(k, "The USB stick cannot be used"),
                     err);
    }
    snprintf(msg, n, "%s %s", speech, usb);
    hys_voice_words(k, msg, -1);
}

/* Staff's settings, kept in DATA/staff.ini (read after config.ini). */
static void save_settings(hys_kiosk *k)
{
    char path[1200], tmp[1300];
    snprintf(path, sizeof path, "%s/staff.ini", k->data);
    snprintf(tmp, sizeof tmp, "%s.new", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fprintf(f, "# set in staff mode\nvolume = %d\n", k->cfg.times.volume + 1);
    if (k->cfg.times.lang[0]) fprintf(f, "language = %s\n", k->cfg.times.lang);
    int bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        fprintf(stderr, "haveyoursay: cannot keep staff's settings in %s\n", path);
        unlink(tmp);
    }
}

void hys_staff_open(hys_kiosk *k, long now)
{
    k->staff.now = now;
    if (k->staff.screen) return;
    k->staff.screen = HYS_STAFF_PIN;
    k->staff.pin[0] = 0;
    k->staff.until = now + STAFF_IDLE_MS;
    long wait = 0;
    k->staff.pin_set = hys_pin_is_set(k->data);
    if (!k->staff.fingerprint[0]) { /* the kiosk's key, as the office's trust list shows it */
        unsigned char sk[64];
        char pk[64], why[300];
        if (hys_manifest_key(k->data, sk, pk, why, sizeof why) == HYS_OK)
            hys_trust_fingerprint(pk, k->staff.fingerprint);
        else
            fprintf(stderr, "haveyoursay: %s\n", why);
        sodium_memzero(sk, sizeof sk);
    }
    if (!k->staff.pin_set) /* never chosen here: a resident could */
        message(k, hys_voice_tr(k, "No staff PIN is set. Set one with: haveyoursay set-pin"));
    else if (k->staff.guard.locked_until > now && (wait = k->staff.guard.locked_until - now) > 0) {
        char text[200];
        snprintf(text, sizeof text, hys_voice_tr(k, "Too many wrong PINs. Try again in %ld s."),
                 (wait + 999) / 1000);
        message(k, text);
    } else
        message(k, NULL);
    k->changed = 1;
    fprintf(stderr, "haveyoursay: staff mode asked for\n");
}

/* Staff's "Switch the kiosk off": the configured command (for an installed
 * kiosk, systemctl poweroff), then the program ends; if the command fails,
 * staff are told and the kiosk goes on. */
static void switch_off(hys_kiosk *k)
{
    hys_store_flush(k->store); /* every answer given so far is on the disk */
    fprintf(stderr, "haveyoursay: staff switch the kiosk off: %s\n", k->cfg.shutdown_command);
    char *argv[] = {"sh", "-c", k->cfg.shutdown_command, NULL};
    pid_t pid;
    int status = -1;
    extern char **environ;
    if (posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ) == 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        k->quit = 1;
        return;
    }
    fprintf(stderr, "haveyoursay: the kiosk could not be switched off (%s failed)\n",
            k->cfg.shutdown_command);
    message(k, hys_voice_tr(k, "The kiosk could not be switched off. Close the program "
                               "instead, then switch it off at the wall."));
    hys_voice_words(k, k->staff.msg, -1);
}

static void close_staff(hys_kiosk *k)
{
    k->staff.screen = HYS_STAFF_CLOSED;
    sodium_memzero(k->staff.pin, sizeof k->staff.pin);
    k->staff.msg[0] = 0;
    k->changed = 1;
}

void hys_staff_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    if (!k->staff.screen) return;
    k->staff.now = now;
    k->staff.until = now + STAFF_IDLE_MS;
    k->changed = 1;
    size_t n = strlen(k->staff.pin);
    switch (a) {
    case HYS_ACT_STAFF_DIGIT:
        if (n < HYS_PIN_MAX_DIGITS && arg >= 0 && arg <= 9) k->staff.pin[n] = (char)('0' + arg);
        k->staff.pin[n + 1 <= HYS_PIN_MAX_DIGITS ? n + 1 : n] = 0;
        break;
    case HYS_ACT_STAFF_ERASE:
        if (n) k->staff.pin[n - 1] = 0;
        break;
    case HYS_ACT_STAFF_OK: {
        long wait = 0;
        hys_pin_result r = hys_pin_check(&k->staff.guard, k->data, k->staff.pin, now, &wait);
        k->staff.pin[0] = 0;
        char text[200];
        if (r == HYS_PIN_OK) {
            k->staff.screen = HYS_STAFF_HOME;
            message(k, NULL);
            hys_staff_refresh(k);
            fprintf(stderr, "haveyoursay: staff mode opened\n");
        } else if (r == HYS_PIN_NONE) {
            message(k, hys_voice_tr(k, "No staff PIN is set. Set one with: haveyoursay set-pin"));
        } else if (wait > 0) {
            snprintf(text, sizeof text, hys_voice_tr(k, "Too many wrong PINs. Try again in %ld s."),
                     (wait + 999) / 1000);
            message(k, text);
            fprintf(stderr, "haveyoursay: wrong staff PINs: staff mode locked for %ld s\n",
                    (wait + 999) / 1000);
        } else {
            message(k, hys_voice_tr(k, "That PIN is not right. Try again."));
        }
        hys_voice_words(k, k->staff.msg[0] ? k->staff.msg : hys_voice_tr(k, "Staff"), -1);
        break;
    }
    case HYS_ACT_STAFF_CLOSE:
        if (k->staff.screen >= HYS_STAFF_SETTINGS) { /* back to staff's own screen */
            message(k, NULL);
            k->staff.screen = HYS_STAFF_HOME;
            hys_staff_refresh(k);
        } else {
            close_staff(k);
        }
        break;
    case HYS_ACT_STAFF_EXPORT: {
        if (k->staff.screen != HYS_STAFF_HOME) break;
        char stick[4096];
        if (!stick_in(k, stick, sizeof stick)) break;
        /* staff chose this stick: it is enrolled, and takes answers from now on */
        hys_usb_export(k, 1, !k->threads, now);
        break;
    }
    case HYS_ACT_STAFF_LOAD: {
        char stick[4096], msg[300];
        if (k->staff.screen != HYS_STAFF_HOME || !stick_in(k, stick, sizeof stick)) break;
        hys_questions_load(k, stick, msg, sizeof msg);
        k->staff.can_restore = hys_questions_previous(k->data);
        message(k, msg);
        hys_voice_words(k, k->staff.msg, -1);
        break;
    }
    case HYS_ACT_STAFF_RESTORE: {
        char msg[300];
        if (k->staff.screen != HYS_STAFF_HOME) break;
        hys_questions_back(k, msg, sizeof msg);
        k->staff.can_restore = hys_questions_previous(k->data);
        message(k, msg);
        hys_voice_words(k, k->staff.msg, -1);
        break;
    }
    case HYS_ACT_STAFF_CHECK: {
        if (k->staff.screen != HYS_STAFF_HOME) break;
        char msg[1024];
        self_check(k, msg, sizeof msg);
        message(k, msg);
        break;
    }
    case HYS_ACT_STAFF_SETTINGS:
        if (k->staff.screen == HYS_STAFF_HOME) k->staff.screen = HYS_STAFF_SETTINGS;
        message(k, NULL);
        break;
    case HYS_ACT_STAFF_VOLUME:
    case HYS_ACT_STAFF_LANG: {
        if (k->staff.screen != HYS_STAFF_SETTINGS) break;
        hys_journey_config *c = &k->cfg.times;
        if (a == HYS_ACT_STAFF_VOLUME) {
            c->volume += arg > 0 ? 1 : -1;
            if (c->volume < 0) c->volume = 0;
            if (c->volume >= c->volume_steps) c->volume = c->volume_steps - 1;
        } else if (arg >= 0 && arg < k->form->nlangs) {
            snprintf(c->lang, sizeof c->lang, "%s", k->form->langs[arg].code);
        }
        hys_journey_set_start(k->journey, c->volume, c->lang);
        save_settings(k);
        if (a == HYS_ACT_STAFF_VOLUME) /* heard at the new volume (on the welcome screen) */
            hys_voice_words(k, hys_voice_tr(k, "This is how loud the kiosk speaks."), -1);
        break;
    }
    case HYS_ACT_STAFF_TOUCH:
        if (k->staff.screen == HYS_STAFF_HOME && arg < 0) {
            k->staff.screen = HYS_STAFF_TOUCH, k->staff.touched = 0;
            message(k, hys_voice_tr(k, "Touch each square. Each one turns blue."));
        } else if (k->staff.screen == HYS_STAFF_TOUCH && arg >= 0 && arg < 5) {
            k->staff.touched |= 1 << arg;
            if (k->staff.touched == 31) {
                message(k, hys_voice_tr(k, "All five squares answered: the touch screen works."));
                hys_voice_words(k, k->staff.msg, -1);
            }
        }
        break;
    case HYS_ACT_STAFF_QUIT:
        if (k->staff.screen ==
            HYS_STAFF_HOME) { /* first: close the program, or switch the box off? */
            message(k, hys_voice_tr(k, "Every answer is already saved."));
            hys_voice_words(k, k->staff.msg, -1);
            k->staff.screen = HYS_STAFF_CLOSING;
        } else if (k->staff.screen == HYS_STAFF_CLOSING && arg == 0) {
            fprintf(stderr, "haveyoursay: staff closed the kiosk\n");
            k->quit = 1;
        } else if (k->staff.screen == HYS_STAFF_CLOSING && arg == 1 && k->cfg.shutdown_command[0]) {
            switch_off(k);
        }
        break;
    default:
        break;
    }
}

long hys_staff_round(long n)
{
    if (n <= 0) return 0;
    long r = (n + 2) / 5 * 5; /* the nearest 5 */
    return r < 5 ? 5 : r;
}

long hys_staff_deadline(const hys_kiosk *k)
{
    return k->staff.screen ? k->staff.until : -1;
}

void hys_staff_tick(hys_kiosk *k, long now)
{
    k->staff.now = now;
    if (k->staff.screen && now >= k->staff.until) close_staff(k);
}

const hys_staff_view *hys_staff_view_fill(const hys_kiosk *k, hys_staff_view *v)
{
    if (!k->staff.screen) return NULL;
    memset(v, 0, sizeof *v);
    v->screen = k->staff.screen;
    v->typed = (int)strlen(k->staff.pin);
    v->touched = k->staff.touched;
    v->message = k->staff.msg[0] ? k->staff.msg : NULL;
    v->can_try = k->staff.guard.locked_until <= k->staff.now && k->staff.pin_set;
    v->sessions_today = hys_staff_round(k->staff.counts.sessions_today);
    v->per_week = k->cfg.period == HYS_PERIOD_WEEK;
    v->sessions = hys_staff_round(k->staff.counts.sessions);
    v->unexported = hys_staff_round(k->staff.counts.unexported);
    v->fingerprint = k->staff.fingerprint[0] ? k->staff.fingerprint : NULL;
    v->nhard = k->staff.counts.nhard;
    for (int i = 0; i < v->nhard; i++) {
        int q = hys_form_find(k->form, k->staff.counts.hard_q[i]);
        const char *label = q >= 0 ? hys_form_text(k->form, &k->form->questions[q].label, 0) : NULL;
        v->hard_label[i] = label ? label : k->staff.counts.hard_q[i];
        v->hard_n[i] = hys_staff_round(k->staff.counts.hard_n[i]);
    }
    v->can_export = k->staff.screen == HYS_STAFF_HOME && k->usb.stick[0];
    v->can_load = v->can_export && k->usb.questions;
    v->can_restore = k->staff.screen == HYS_STAFF_HOME && k->staff.can_restore;
    v->can_switch_off = k->cfg.shutdown_command[0] != 0;
    v->volume = k->cfg.times.volume;
    v->volume_steps = k->cfg.times.volume_steps;
    v->start_lang = k->form->default_lang;
    for (int i = 0; i < k->form->nlangs; i++)
        if (!strcmp(k->form->langs[i].code, k->cfg.times.lang)) v->start_lang = i;
    return v;
}

int hys_staff_corner(hys_kiosk *k, int x, int y)
{
    const hys_frame *f = hys_kiosk_layout(k);
    int side = 2 * hys_kiosk_min_target(k);
    const hys_journey_view *v = hys_journey_view_get(k->journey);
    int rtl = hys_lang_is_rtl(k->form->langs[v->lang].code);
    int in_corner = y < side && (rtl ? x >= f->w - side : x < side);
    return in_corner && !hys_frame_hit(f, x, y);
}
