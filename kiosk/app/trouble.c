/* trouble: the kiosk out of order. When answers cannot be saved (the data
 * folder full, read-only or failing, or the answers file cannot be opened),
 * residents are told, on screen and aloud, that the kiosk is out of order
 * and to tell a member of staff; a resident is never thanked for answers
 * that were not kept. Staff mode still opens, and says why. Every 30 s the
 * kiosk tries a small write; when one succeeds (space has returned), it
 * goes back to work by itself. */
#include "kiosk_impl.h"

#include <stdio.h>
#include <string.h>

#define RETRY_MS 30000

static void begin(hys_kiosk *k, long now, const char *why)
{
    k->trouble.on = 1;
    k->trouble.retry_at = now + RETRY_MS;
    snprintf(k->trouble.why, sizeof k->trouble.why, "%s", why && *why ? why : "unknown");
    fprintf(stderr,
            "haveyoursay: out of order: answers cannot be saved in %s (%s); trying again every "
            "%d s\n",
            k->data, k->trouble.why, RETRY_MS / 1000);
    /* the resident's journey stays behind the notice (the notice is in
     * their language and text size), taking nothing more; it ends, not
     * completed, when the kiosk is back at work. Touch-to-hear, scanning
     * and the keys' focus stop: the staff corner must work */
    hys_input_reset(k);
    snprintf(k->trouble.notice, sizeof k->trouble.notice, "%s",
             hys_voice_tr(k, "Sorry, this kiosk is out of order. Please tell a member of staff."));
    k->changed = 1;
    hys_voice_words(k, k->trouble.notice, -1);
}

void hys_trouble_start(hys_kiosk *k, long now, const char *why)
{
    if (!k->trouble.on) begin(k, now, why);
}

int hys_trouble_check(hys_kiosk *k, long now, int wait)
{
    if (k->trouble.on) return 1;
    if (wait) hys_store_flush(k->store);
    long failures = hys_store_failures(k->store);
    if (failures == k->trouble.failures_seen) return 0;
    k->trouble.failures_seen = failures;
    char why[200];
    hys_store_why(k->store, why, sizeof why);
    begin(k, now, why);
    return 1;
}

long hys_trouble_deadline(const hys_kiosk *k)
{
    return k->trouble.on ? k->trouble.retry_at : -1;
}

/* Can answers be written now? The question set's record again (a failed
 * write of it would make every session fail), then a small write of its
 * own: both must hold. HYS_OK, or HYS_EIO with the store's reason in err. */
static hys_status writable(hys_kiosk *k, char *err, size_t errn)
{
    long before = hys_store_failures(k->store);
    hys_kiosk_tell_store(k);
    if (hys_store_probe(k->store) == HYS_OK && hys_store_failures(k->store) == before)
        return HYS_OK;
    hys_store_why(k->store, err, errn);
    return HYS_EIO;
}

void hys_trouble_tick(hys_kiosk *k, long now)
{
    if (!k->trouble.on || now < k->trouble.retry_at) return;
    char err[600] = "";
    int ok = k->store && writable(k, err, sizeof err) == HYS_OK;
    if (!ok) {
        /* the answers file opened again: a connection SQLite opened
         * read-only (the disk was read-only then) stays read-only */
        hys_store_close(k->store);
        k->store = NULL;
        ok = hys_kiosk_open_store(k, err, sizeof err) == HYS_OK &&
             writable(k, err, sizeof err) == HYS_OK;
    }
    if (!ok) {
        k->trouble.retry_at = now + RETRY_MS;
        if (err[0]) snprintf(k->trouble.why, sizeof k->trouble.why, "%s", err);
        return;
    }
    k->trouble.failures_seen = hys_store_failures(k->store);
    k->trouble.on = 0;
    k->trouble.notice[0] = 0;
    fprintf(stderr, "haveyoursay: answers can be saved again; the kiosk is back at work\n");
    hys_kiosk_new_journey(k, now); /* (the session left open ends, not completed) */
    hys_input_reset(k);            /* nothing of the last resident's is said to the next */
    k->changed = 1;
}

const char *hys_trouble_for_staff(hys_kiosk *k, char *out, size_t n)
{
    if (!k->trouble.on) return NULL;
    snprintf(out, n,
             hys_voice_tr(k, "This kiosk cannot save answers (%s). It tries again every 30 "
                             "seconds and goes back to work by itself."),
             k->trouble.why);
    return out;
}
