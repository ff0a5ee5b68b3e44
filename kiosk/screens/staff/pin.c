/* staff/pin: the staff PIN's number pad. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff: the PIN, typed on a number pad; the digits show as dots. */
void screen_staff_pin(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = screen_staff_page(c, tr(c, "Staff: type the PIN"));
    /* the dots: one a digit typed (a PIN has at least 6) */
    int d = S(c, SZ_PIN_DOT), gap = S(c, SZ_GAP_PIN), slots = sv->typed > 6 ? sv->typed : 6;
    int x = (W - (slots * d + (slots - 1) * gap)) / 2;
    for (int i = 0; i < slots; i++)
        ui_rect(c, x + i * (d + gap), y, d, d, i < sv->typed ? t->text : t->bg, t->text,
                S(c, SZ_LINE_BOLD), d / 2);
    y += d + S(c, SZ_GAP);
    if (sv->message) {
        int mh = ui_text_need(c, sv->message, S(c, SZ_TEXT), 1, W - 2 * m);
        y += ui_text_box(c, sv->message, m, y, W - 2 * m, mh, S(c, SZ_TEXT), 1, t->text,
                         ALIGN_CENTER, 0) +
             S(c, SZ_GAP_ROW);
    }
    if (!sv->can_try) {
        screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Close"), 0);
        return;
    }
    /* 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK */
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP_ROW), kg = S(c, SZ_GAP_ROW);
    int kh = (bot - y - 3 * kg) / 4, kw = (W - 2 * m - 2 * kg) / 3;
    if (kw > S(c, SZ_PIN_KEY_MAX_W)) kw = S(c, SZ_PIN_KEY_MAX_W);
    if (kh > S(c, SZ_STAFF_BIG)) kh = S(c, SZ_STAFF_BIG);
    if (kh < c->tmin) kh = c->tmin;
    int x0 = (W - (3 * kw + 2 * kg)) / 2;
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    c->quiet = 1;
    ui_bar_begin(c); /* keys keep their size; their words grow as far as they fit */
    for (int i = 0; i < 12; i++) {
        int kx = x0 + (i % 3) * (kw + kg), ky = y + (i / 3) * (kh + kg);
        char id[32];
        if (i == 9) {
            ui_button(c,
                      &(ui_item){.id = "staff:erase",
                                 .action = HYS_ACT_STAFF_ERASE,
                                 .label = tr(c, "Delete"),
                                 .off = !(sv->typed > 0)},
                      kx, ky, kw, kh, NULL, B_NORMAL);
        } else if (i == 11) {
            ui_button(c,
                      &(ui_item){.id = "staff:ok",
                                 .action = HYS_ACT_STAFF_OK,
                                 .label = tr(c, "OK"),
                                 .off = !(sv->typed >= 4)},
                      kx, ky, kw, kh, NULL, B_PRIMARY);
        } else {
            snprintf(id, sizeof id, "staff:digit-%s", keys[i]);
            ui_key(c,
                   &(ui_item){.id = id,
                              .action = HYS_ACT_STAFF_DIGIT,
                              .arg = keys[i][0] - '0',
                              .label = keys[i]},
                   kx, ky, kw, kh);
        }
    }
    ui_bar_end(c);
    c->quiet = 0;
    screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Close"), 0);
}
