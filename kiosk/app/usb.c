/* usb: the kiosk's side of a USB stick (see hys_kiosk_stick in kiosk.h): the
 * export runs on its own thread, so the screen never waits for the stick;
 * a notice in place of the resident's screen says to wait, then says (and
 * shows) that the stick can be taken out, or why nothing was saved. */
#include "kiosk_impl.h"

#include "../util/alloc.h"

#include "../export/enrol.h"

#include <SDL.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#define NOTICE_MS 60000    /* a finished notice goes by itself after this */
#define CLOSE_WAIT_MS 1500 /* how long closing waits for an export to finish */

/* The combined report of every bundle on the stick, made by the program
 * itself in a child process (`haveyoursay combine`, which limits its own
 * memory and CPU): whatever a stick holds, it cannot take the kiosk's memory,
 * and it is killed when it runs past stick_report_ms or the kiosk closes. */
static void combine(hys_kiosk *k)
{
    char *argv[] = {"haveyoursay", "combine", k->usb.export_to, "--data", k->data, NULL};
    extern char **environ;
    pid_t pid;
    if (posix_spawn(&pid, "/proc/self/exe", NULL, NULL, argv, environ) != 0) {
        fprintf(stderr, "haveyoursay: the answers are on the stick; the combined report could "
                        "not be started\n");
        return;
    }
    struct timespec start, now, nap = {0, 20 * 1000000L};
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = 0, killed = 0;
    for (;;) {
        pid_t got = waitpid(pid, &status, WNOHANG);
        if (got == pid || (got < 0 && errno != EINTR)) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ms = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (!killed && (k->usb.cancel || ms > k->cfg.stick_report_ms)) {
            kill(pid, SIGKILL);
            killed = 1;
        }
        nanosleep(&nap, NULL);
    }
    if (killed)
        fprintf(stderr, "haveyoursay: the answers are on the stick; the combined report was given "
                        "up (it took too long, or the kiosk closed)\n");
    else if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 3))
        fprintf(stderr, "haveyoursay: the answers are on the stick; the combined report could "
                        "not be made\n");
}

/* The export and the stick's combined report; runs on the export thread
 * (or the caller's, for replays). Writes only k->usb's job fields (result,
 * err, rc, job_done), and reads k->data and k->cfg, which do not change
 * while it runs. A stick staff chose in staff mode is enrolled first. */
static void *job(void *arg)
{
    hys_kiosk *k = arg;
    hys_export_options o = {k->data,
                            k->usb.export_to,
                            k->cfg.venue[0] ? k->cfg.venue : NULL,
                            0,
                            NULL,               /* sealed by the answers' own question sets' key, */
                            k->cfg.office_key}; /* or else the office's */
    k->usb.rc = HYS_OK;
    if (k->usb.enrol)
        k->usb.rc = hys_enrol_stick(k->data, k->usb.kiosk_id, k->usb.export_to, k->usb.err,
                                    sizeof k->usb.err);
    if (k->usb.rc == HYS_OK)
        k->usb.rc = hys_export_bundle(&o, &k->usb.result, k->usb.err, sizeof k->usb.err);
    if (k->usb.rc == HYS_OK && !k->usb.cancel) combine(k);
    if (k->usb.thread_on) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = k->usb.event;
        ev.user.code = USB_SAVED;
        SDL_PushEvent(&ev);
    }
    k->usb.job_done = 1;
    return NULL;
}

static void notice(hys_kiosk *k, const char *text)
{
    snprintf(k->usb.notice, sizeof k->usb.notice, "%s", text);
    k->changed = 1;
    hys_voice_words(k, k->usb.notice, -1);
}

void hys_usb_stick(hys_kiosk *k, const hys_kiosk_event *e)
{
    const char *mount = e->text;
    if (e->kind == HYS_IN_STICK_OUT) {
        if (strcmp(mount, k->usb.stick)) return;
        /* the stick is out (an export to it meanwhile fails, and says so);
         * a finished notice has done its job */
        if (k->usb.state >= HYS_USB_SAVED) hys_usb_dismiss(k);
        k->usb.stick[0] = 0;
        k->usb.questions = k->usb.waiting = 0;
        k->changed = 1; /* (staff's buttons for it go) */
        return;
    }
    int same = !strcmp(mount, k->usb.stick);
    snprintf(k->usb.stick, sizeof k->usb.stick, "%s", mount);
    k->usb.questions = e->questions;
    k->changed = 1;
    /* the same stick told again: only what is on it changed */
    if (same || !e->kiosk_folder) return; /* (staff may still choose to save to it) */
    if (k->usb.state == HYS_USB_SAVING) {
        k->usb.waiting = 1; /* one export at a time: this one's follows */
        return;
    }
    hys_usb_export(k, 0, e->wait, e->now);
}

void hys_usb_export(hys_kiosk *k, int enrol, int wait, long now)
{
    if (!k->usb.stick[0] || k->usb.state == HYS_USB_SAVING) return;
    k->usb.waiting = 0;
    k->usb.enrol = enrol;
    k->usb.job_done = 0;
    snprintf(k->usb.kiosk_id, sizeof k->usb.kiosk_id, "%s", hys_store_kiosk_id(k->store));
    /* the export's own copy of where: the stick may go while it runs */
    snprintf(k->usb.export_to, sizeof k->usb.export_to, "%s", k->usb.stick);
    hys_store_flush(k->store); /* every answer given so far is in the database */
    k->usb.state = HYS_USB_SAVING;
    fprintf(stderr, "haveyoursay: a USB stick at %s: saving the answers on it\n", k->usb.export_to);
    notice(k, hys_voice_tr(k, "Saving the answers on the USB stick. Please wait, and do not take "
                              "it out yet."));
    if (!wait) {
        k->usb.thread_on = 1;
        if (pthread_create(&k->usb.thread, NULL, job, k) == 0) return;
        k->usb.thread_on = 0; /* no thread: do it here */
    }
    job(k);
    hys_usb_finished(k, now);
}

void hys_usb_finished(hys_kiosk *k, long now)
{
    if (k->usb.thread_on) {
        pthread_join(k->usb.thread, NULL);
        k->usb.thread_on = 0;
    }
    char text[1024];
    if (k->usb.rc == HYS_EDENIED) { /* a stick staff never gave this kiosk */
        k->usb.state = HYS_USB_FAILED;
        fprintf(stderr, "haveyoursay: nothing was saved on the stick at %s: %s\n", k->usb.export_to,
                k->usb.err);
        snprintf(text, sizeof text, "%s",
                 hys_voice_tr(k, "This USB stick is not enrolled on this kiosk, so nothing was "
                                 "saved on it. Staff can enrol it in staff mode."));
    } else if (k->usb.rc != HYS_OK) {
        k->usb.state = HYS_USB_FAILED;
        fprintf(stderr, "haveyoursay: nothing was saved on the stick: %s\n", k->usb.err);
        snprintf(text, sizeof text, "%s (%s)",
                 hys_voice_tr(k, "The answers could not be saved on the stick. Nothing is lost: "
                                 "they stay on the kiosk."),
                 k->usb.err);
    } else {
        k->usb.state = HYS_USB_SAVED;
        if (k->usb.enrol)
            fprintf(stderr, "haveyoursay: staff enrolled the stick at %s on this kiosk\n",
                    k->usb.export_to);
        if (!k->usb.result.nothing_new)
            fprintf(stderr, "haveyoursay: %ld answer%s saved in %s\n", k->usb.result.answers,
                    k->usb.result.answers == 1 ? "" : "s", k->usb.result.bundle);
        snprintf(text, sizeof text, "%s",
                 hys_voice_tr(k, k->usb.result.nothing_new
                                     ? "There are no new answers to save. You can take the "
                                       "stick out now."
                                     : "The answers are saved on the stick. You can take it "
                                       "out now."));
    }
    k->usb.until = now + NOTICE_MS;
    hys_staff_refresh(k); /* "not yet on a stick" is fewer now */
    notice(k, text);
    if (k->usb.waiting) hys_usb_export(k, 0, !k->threads, now); /* one came meanwhile */
}

long hys_usb_deadline(const hys_kiosk *k)
{
    return k->usb.state >= HYS_USB_SAVED ? k->usb.until : -1;
}

void hys_usb_tick(hys_kiosk *k, long now)
{
    if (k->usb.state >= HYS_USB_SAVED && now >= k->usb.until) hys_usb_dismiss(k);
}

void hys_usb_dismiss(hys_kiosk *k)
{
    if (k->usb.state < HYS_USB_SAVED) return; /* not while saving */
    k->usb.state = HYS_USB_IDLE;
    k->usb.notice[0] = 0;
    k->changed = 1;
    hys_voice_stop(k);
}

hys_status hys_usb_close(hys_kiosk *k)
{
    /* a combined report still being made is given up, and a stick that no
     * longer answers is not waited for: closing never waits on a stick */
    k->usb.cancel = 1;
    struct timespec nap = {0, 10 * 1000000L};
    for (long ms = 0; k->usb.thread_on && !k->usb.job_done && ms < CLOSE_WAIT_MS; ms += 10)
        nanosleep(&nap, NULL);
    if (k->usb.thread_on && !k->usb.job_done) {
        fprintf(stderr, "haveyoursay: the USB stick does not answer; closing without it (nothing "
                        "is lost: answers are marked exported only once they are on it)\n");
        return HYS_ETIMEOUT;
    }
    if (k->usb.thread_on) pthread_join(k->usb.thread, NULL);
    k->usb.thread_on = 0;
    return HYS_OK;
}
