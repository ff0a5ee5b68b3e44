/* modes: the table of the kiosk's modes and the one dispatcher (modes.h). */
#include "modes.h"

#include <assert.h>

typedef struct mode_ops {
    const char *name;
    int (*on)(const hys_kiosk *k);
    /* 1 when a is this mode's own (done); 0 hands it to the mode behind */
    int (*act)(hys_kiosk *k, hys_action a, int arg, long now);
    long (*deadline)(const hys_kiosk *k);
    void (*tick)(hys_kiosk *k, long now);
    void (*view)(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv);
} mode_ops;

static int is_staff_action(hys_action a)
{
    return a >= HYS_ACT_STAFF_DIGIT && a <= HYS_ACT_STAFF_QUIT;
}

/* ---- the journey: a resident's questions ---- */

static int journey_on(const hys_kiosk *k)
{
    (void)k;
    return 1;
}

static int journey_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    /* (a notice's or staff's action whose mode has gone is dropped here) */
    if (a == HYS_ACT_DISMISS || is_staff_action(a)) return 1;
    hys_journey_act(k->journey, a, arg, now);
    k->changed = 1;
    return 1;
}

static long journey_deadline(const hys_kiosk *k)
{
    return hys_journey_deadline(k->journey);
}

static void journey_tick(hys_kiosk *k, long now)
{
    hys_journey_tick(k->journey, now);
    k->changed = 1;
}

static void journey_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv)
{
    (void)k, (void)in, (void)sv; /* the journey's screen: in.journey says it all */
}

/* ---- out of order: nothing a resident does can be kept ---- */

static int trouble_on(const hys_kiosk *k)
{
    return k->trouble.on;
}

static int trouble_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    (void)arg, (void)now;
    if (a == HYS_ACT_HEAR) hys_voice_words(k, k->trouble.notice, -1);
    return 1; /* nothing reaches the journey behind it */
}

static void trouble_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv)
{
    (void)sv; /* no way on but staff's */
    in->notice = k->trouble.notice;
    in->notice_failed = 1;
}

/* ---- staff mode ---- */

static int staff_on(const hys_kiosk *k)
{
    return k->staff.screen != HYS_STAFF_CLOSED;
}

static int staff_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    if (!is_staff_action(a)) return 0; /* the corner's buttons */
    hys_staff_act(k, a, arg, now);
    return 1;
}

static void staff_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv)
{
    in->staff = hys_staff_view_fill(k, sv);
}

/* ---- a stick's notice ---- */

static int notice_on(const hys_kiosk *k)
{
    return k->usb.state != HYS_USB_IDLE;
}

static int notice_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    (void)arg, (void)now;
    if (a != HYS_ACT_DISMISS) return 0;
    hys_usb_dismiss(k);
    return 1;
}

static void notice_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv)
{
    (void)sv;
    in->notice = k->usb.notice;
    in->notice_done = k->usb.state >= HYS_USB_SAVED;
    in->notice_failed = k->usb.state == HYS_USB_FAILED;
}

/* back to front */
static const mode_ops modes[HYS_MODE_COUNT] = {
    [HYS_MODE_JOURNEY] = {"journey", journey_on, journey_act, journey_deadline, journey_tick,
                          journey_view},
    [HYS_MODE_OUT_OF_ORDER] = {"out-of-order", trouble_on, trouble_act, hys_trouble_deadline,
                               hys_trouble_tick, trouble_view},
    [HYS_MODE_STAFF] = {"staff", staff_on, staff_act, hys_staff_deadline, hys_staff_tick,
                        staff_view},
    [HYS_MODE_NOTICE] = {"notice", notice_on, notice_act, hys_usb_deadline, hys_usb_tick,
                         notice_view},
};

hys_mode hys_mode_now(const hys_kiosk *k)
{
    assert(k);
    int m = HYS_MODE_COUNT - 1;
    while (m > HYS_MODE_JOURNEY && !modes[m].on(k))
        m--;
    return (hys_mode)m;
}

const char *hys_mode_name(hys_mode m)
{
    return m >= 0 && m < HYS_MODE_COUNT ? modes[m].name : "?";
}

void hys_mode_act(hys_kiosk *k, hys_action a, int arg, long now)
{
    assert(k);
    assert(a != HYS_ACT_EXPLORE && a != HYS_ACT_CURTAIN); /* (input's and the headphones' own,
                                                           * in front of every mode) */
    for (int m = hys_mode_now(k); m >= HYS_MODE_JOURNEY; m--)
        if (modes[m].on(k) && modes[m].act(k, a, arg, now)) return;
}

long hys_mode_deadline(const hys_kiosk *k)
{
    long d = -1;
    for (int m = 0; m < HYS_MODE_COUNT; m++) {
        long e = modes[m].deadline(k);
        if (e >= 0 && (d < 0 || e < d)) d = e;
    }
    return d;
}

void hys_mode_tick(hys_kiosk *k, long now)
{
    for (int m = 0; m < HYS_MODE_COUNT; m++)
        modes[m].tick(k, now);
}

void hys_mode_view(const hys_kiosk *k, hys_layout_in *in, hys_staff_view *sv)
{
    modes[hys_mode_now(k)].view(k, in, sv);
}
