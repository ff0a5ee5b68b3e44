/* config: DATA/config.ini (see config.h). */
#include "config.h"

#include "../export/seal.h"
#include "../util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hys_config_default(hys_config *c)
{
    memset(c, 0, sizeof *c);
    hys_journey_config_default(&c->times);
    c->period = HYS_PERIOD_DAY; /* (an hour with few answers could point at someone) */
    hys_keymap_default(&c->keys);
    c->hear_hold_ms = 3000;
    c->scan_ms = 2000;
    c->repeat_tap_ms = 500;
    c->stick_report_ms = 120000;
    snprintf(c->usb_mounts, sizeof c->usb_mounts, "/media,/run/media,/mnt");
}

/* yes/on/1 or no/off/0 into *out: HYS_OK, or HYS_EFORMAT for anything else. */
static hys_status yes_no(const char *v, int *out)
{
    if (!strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = 1;
    else if (!strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = 0;
    else
        return HYS_EFORMAT;
    return HYS_OK;
}

/* Seconds from min to max, into *out_ms in ms: HYS_OK, or HYS_EFORMAT when v
 * is not such a number. */
static hys_status seconds(const char *v, long min, long max, long *out_ms)
{
    char *end;
    double s = strtod(v, &end);
    if (end == v || *end || s < (double)min || s > (double)max) return HYS_EFORMAT;
    *out_ms = (long)(s * 1000);
    return HYS_OK;
}

int hys_config_load(hys_config *c, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    char line[1200];
    int n = 0, problems = 0;
    while (fgets(line, sizeof line, fp)) {
        n++;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        hys_trim(line);
        if (!line[0]) continue;
        char *eq = strchr(line, '=');
        if (!eq) {
            fprintf(stderr, "%s:%d: expected key = value\n", path, n);
            problems++;
            continue;
        }
        *eq = '\0';
        char *k = hys_trim(line), *v = hys_trim(eq + 1);
        int ok = 1;
        if (!strcmp(k, "form"))
            snprintf(c->form, sizeof c->form, "%s", v);
        else if (!strcmp(k, "idle_seconds"))
            ok = seconds(v, 10, 3600, &c->times.idle_ms) == HYS_OK;
        else if (!strcmp(k, "still_there_seconds"))
            ok = seconds(v, 20, 600, &c->times.still_there_ms) == HYS_OK;
        else if (!strcmp(k, "thanks_seconds"))
            ok = seconds(v, 2, 600, &c->times.thanks_ms) == HYS_OK;
        else if (!strcmp(k, "quick_thanks_seconds"))
            ok = seconds(v, 1, 60, &c->times.quick_thanks_ms) == HYS_OK;
        else if (!strcmp(k, "quick_repeat_seconds"))
            ok = seconds(v, 0, 3600, &c->times.quick_repeat_ms) == HYS_OK;
        else if (!strcmp(k, "read_aloud"))
            ok = yes_no(v, &c->times.read_aloud) == HYS_OK;
        else if (!strcmp(k, "volume")) {
            long vol;
            ok = seconds(v, 1, c->times.volume_steps, &vol) == HYS_OK && vol % 1000 == 0;
            if (ok) c->times.volume = (int)(vol / 1000) - 1;
        } else if (!strcmp(k, "touch_to_hear_hold_seconds")) {
            long ms;
            ok = seconds(v, 0, 10, &ms) == HYS_OK && (ms == 0 || ms >= 2000);
            if (ok) c->hear_hold_ms = ms;
        } else if (!strcmp(k, "chosen_seconds")) {
            ok = seconds(v, 0, 3, &c->times.chosen_ms) == HYS_OK;
        } else if (!strcmp(k, "repeat_tap_seconds")) {
            long ms;
            ok = seconds(v, 0, 2, &ms) == HYS_OK;
            if (ok) c->repeat_tap_ms = ms;
        } else if (!strcmp(k, "screen_width_mm")) {
            char *end;
            long mm = strtol(v, &end, 10);
            ok = end != v && !*end && mm >= 50 && mm <= 3000;
            if (ok) c->screen_width_mm = (int)mm;
        } else if (!strcmp(k, "language")) {
            ok = strlen(v) < sizeof c->times.lang &&
                 strspn(v, "abcdefghijklmnopqrstuvwxyz-") == strlen(v);
            if (ok) snprintf(c->times.lang, sizeof c->times.lang, "%s", v);
        } else if (!strcmp(k, "venue")) {
            ok = strlen(v) < sizeof c->venue && hys_utf8_valid(v, strlen(v));
            if (ok) snprintf(c->venue, sizeof c->venue, "%s", v);
        } else if (!strcmp(k, "usb_mounts")) {
            ok = strlen(v) < sizeof c->usb_mounts;
            if (ok) snprintf(c->usb_mounts, sizeof c->usb_mounts, "%s", v);
        } else if (!strcmp(k, "shutdown_command")) {
            ok = strlen(v) < sizeof c->shutdown_command && hys_utf8_valid(v, strlen(v));
            if (ok) snprintf(c->shutdown_command, sizeof c->shutdown_command, "%s", v);
        } else if (!strcmp(k, "office_key")) {
            ok = hys_seal_key_from_base64(v, (unsigned char[32]){0}) == HYS_OK;
            if (ok) snprintf(c->office_key, sizeof c->office_key, "%s", v);
        } else if (!strcmp(k, "stick_report_seconds")) {
            ok = seconds(v, 1, 3600, &c->stick_report_ms) == HYS_OK;
        } else if (!strcmp(k, "scan_seconds")) {
            long ms;
            ok = seconds(v, 0, 30, &ms) == HYS_OK && (ms == 0 || ms >= 500);
            if (ok) c->scan_ms = ms;
        } else if (hys_keymap_set(&c->keys, k, v) != HYS_ENOTFOUND)
            ok = hys_keymap_set(&c->keys, k, v) == HYS_OK;
        else if (!strcmp(k, "period")) {
            if (!strcmp(v, "hour"))
                c->period = HYS_PERIOD_HOUR;
            else if (!strcmp(v, "day"))
                c->period = HYS_PERIOD_DAY;
            else if (!strcmp(v, "week"))
                c->period = HYS_PERIOD_WEEK;
            else
                ok = 0;
        } else {
            fprintf(stderr, "%s:%d: unknown setting \"%s\" ignored\n", path, n, k);
            problems++;
            continue;
        }
        if (!ok) {
            fprintf(stderr, "%s:%d: \"%s\" is not a valid value for %s; default kept\n", path, n, v,
                    k);
            problems++;
        }
    }
    fclose(fp);
    return problems;
}
