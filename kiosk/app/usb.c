/* usb: the kiosk's side of a USB stick (see hys_kiosk_stick in kiosk.h): the
 * export runs on its own thread, so the screen never waits for the stick;
 * a notice in place of the resident's screen says to wait, then says (and
 * shows) that the stick can be taken out, or why nothing was saved. */
#include "kiosk_impl.h"

#include "../util/alloc.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define NOTICE_MS 60000 /* a finished notice goes by itself after this */

/* The export and the stick's combined report; runs on the export thread
 * (or the caller's, for replays). Touches only the usb_ fields. */
static void *job(void *arg)
{
    hys_kiosk *k = arg;
    hys_export_options o = {k->data, k->usb_export_to, k->cfg.venue[0] ? k->cfg.venue : NULL, 0,
                            NULL}; /* sealed by the answers' own question sets' key */
    k->usb_rc = hys_export_bundle(&o, &k->usb_result, k->usb_err, sizeof k->usb_err);
    if (k->usb_rc == HYS_OK) {
        /* every bundle on the stick, from every kiosk, as one report */
        hys_collect_result cr;
        char err[512];
        if (hys_export_combine(k->usb_export_to, &cr, err, sizeof err))
            fprintf(stderr,
                    "haveyoursay: the answers are on the stick; the combined report "
                    "could not be made: %s\n",
                    err);
        else if (cr.rejected > cr.sealed)
            fprintf(stderr,
                    "haveyoursay: the answers are on the stick; the combined report leaves "
                    "out %d bundles that could not be read or checked\n",
                    cr.rejected - cr.sealed);
    }
    if (k->usb_thread_on) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = k->usb_event;
        ev.user.code = USB_SAVED;
        SDL_PushEvent(&ev);
    }
    return NULL;
}

static void notice(hys_kiosk *k, const char *text)
{
    snprintf(k->usb_notice, sizeof k->usb_notice, "%s", text);
    k->changed = 1;
    hys_voice_words(k, k->usb_notice, -1);
}

void hys_usb_stick(hys_kiosk *k, const hys_kiosk_event *e)
{
    const char *mount = e->text;
    if (e->kind == HYS_IN_STICK_OUT) {
        if (strcmp(mount, k->usb_stick)) return;
        /* the stick is out (an export to it meanwhile fails, and says so);
         * a finished notice has done its job */
        if (k->usb_state >= 2) hys_usb_dismiss(k);
        k->usb_stick[0] = 0;
        k->stick_questions = k->stick_waiting = 0;
        k->changed = 1; /* (staff's buttons for it go) */
        return;
    }
    int same = !strcmp(mount, k->usb_stick);
    snprintf(k->usb_stick, sizeof k->usb_stick, "%s", mount);
    k->stick_questions = e->questions;
    k->changed = 1;
    /* the same stick told again: only what is on it changed */
    if (same || !e->kiosk_folder) return; /* (staff may still choose to save to it) */
    if (k->usb_state == 1) {
        k->stick_waiting = 1; /* one export at a time: this one's follows */
        return;
    }
    hys_usb_export(k, e->wait, e->now);
}

void hys_usb_export(hys_kiosk *k, int wait, long now)
{
    if (!k->usb_stick[0] || k->usb_state == 1) return;
    k->stick_waiting = 0;
    /* the export's own copy of where: the stick may go while it runs */
    snprintf(k->usb_export_to, sizeof k->usb_export_to, "%s", k->usb_stick);
    hys_store_flush(k->store); /* every answer given so far is in the database */
    k->usb_state = 1;
    fprintf(stderr, "haveyoursay: a USB stick at %s: saving the answers on it\n", k->usb_export_to);
    notice(k, hys_voice_tr(k, "Saving the answers on the USB stick. Please wait, and do not take "
                              "it out yet."));
    if (!wait) {
        k->usb_thread_on = 1;
        if (pthread_create(&k->usb_thread, NULL, job, k) == 0) return;
        k->usb_thread_on = 0; /* no thread: do it here */
    }
    job(k);
    hys_usb_finished(k, now);
}

void hys_usb_finished(hys_kiosk *k, long now)
{
    if (k->usb_thread_on) {
        pthread_join(k->usb_thread, NULL);
        k->usb_thread_on = 0;
    }
    char text[1024];
    if (k->usb_rc != HYS_OK) {
        k->usb_state = 3;
        fprintf(stderr, "haveyoursay: nothing was saved on the stick: %s\n", k->usb_err);
        snprintf(text, sizeof text, "%s (%s)",
                 hys_voice_tr(k, "The answers could not be saved on the stick. Nothing is lost: "
                                 "they stay on the kiosk."),
                 k->usb_err);
    } else {
        k->usb_state = 2;
        if (!k->usb_result.nothing_new)
            fprintf(stderr, "haveyoursay: %ld answer%s saved in %s\n", k->usb_result.answers,
                    k->usb_result.answers == 1 ? "" : "s", k->usb_result.bundle);
        snprintf(text, sizeof text, "%s",
                 hys_voice_tr(k, k->usb_result.nothing_new
                                     ? "There are no new answers to save. You can take the "
                                       "stick out now."
                                     : "The answers are saved on the stick. You can take it "
                                       "out now."));
    }
    k->usb_until = now + NOTICE_MS;
    hys_staff_refresh(k); /* "not yet on a stick" is fewer now */
    notice(k, text);
    if (k->stick_waiting) hys_usb_export(k, !k->threads, now); /* one came meanwhile */
}

long hys_usb_deadline(const hys_kiosk *k)
{
    return k->usb_state >= 2 ? k->usb_until : -1;
}

void hys_usb_tick(hys_kiosk *k, long now)
{
    if (k->usb_state >= 2 && now >= k->usb_until) hys_usb_dismiss(k);
}

void hys_usb_dismiss(hys_kiosk *k)
{
    if (k->usb_state < 2) return; /* not while saving */
    k->usb_state = 0;
    k->usb_notice[0] = 0;
    k->changed = 1;
    hys_voice_stop(k);
}

void hys_usb_close(hys_kiosk *k)
{
    if (k->usb_thread_on) pthread_join(k->usb_thread, NULL);
    k->usb_thread_on = 0;
}
