/* staff/common: what staff's screens share: their title, message and bar. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff mode's bottom bar: Close (first slot) and, on staff's own screen,
 * "Close the kiosk" (last slot). */
void screen_staff_bar(ctx *c, const char *id, hys_action a, const char *label, int quit)
{
    ui_bar_begin(c);
    int bh = ui_bottom_h(c), x, y, w, h;
    ui_rect(c, 0, c->f->h - bh, c->f->w, bh, c->t->bar, c->t->bar, 0, 0);
    c->group = HYS_READ_BOTTOM;
    ui_bar_slot(c, 0, &x, &y, &w, &h);
    ui_button(c, id, a, 0, x, y, w, h, "back", label, B_NORMAL, 1);
    if (quit) {
        ui_bar_slot(c, 1, &x, &y, &w, &h);
        ui_button(c, "staff:settings", HYS_ACT_STAFF_SETTINGS, 0, x, y, w, h, "sound-settings",
                  tr(c, "Voice and language"), B_NORMAL, 1);
        ui_bar_slot(c, 2, &x, &y, &w, &h);
        ui_button(c, "staff:touch", HYS_ACT_STAFF_TOUCH, -1, x, y, w, h, "practice",
                  tr(c, "Check the touch screen"), B_NORMAL, 1);
        ui_bar_slot(c, 3, &x, &y, &w, &h);
        ui_button(c, "staff:quit", HYS_ACT_STAFF_QUIT, 0, x, y, w, h, "stop",
                  tr(c, "Close the kiosk"), B_NORMAL, 1);
    }
    c->group = HYS_READ_CONTENT;
    ui_bar_end(c);
}

/* A staff screen's background and heading; returns the y below it. */
int screen_staff_page(ctx *c, const char *title)
{
    ui_rect(c, 0, 0, c->f->w, c->f->h, c->t->bg, c->t->bg, 0, 0);
    c->group = HYS_READ_HEADING;
    int y = ui_heading(c, "helper", title, S(c, 50), S(c, 80));
    c->group = HYS_READ_CONTENT;
    return y;
}

/* Staff's message (if any) in bold under the heading at y; returns the y
 * below it and a gap. */
int screen_staff_message(ctx *c, const hys_staff_view *sv, int y, int gap)
{
    if (!sv->message) return y;
    int W = c->f->w, m = c->m;
    int mh = ui_text_need(c, sv->message, S(c, 36), 1, W - 2 * m);
    return y +
           ui_text_box(c, sv->message, m, y, W - 2 * m, mh, S(c, 36), 1, c->t->text, ALIGN_START,
                       0) +
           gap;
}
