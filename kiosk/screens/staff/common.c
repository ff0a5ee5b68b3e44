/* staff/common: what staff's screens share: their title, message and bar. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff mode's bottom bar: Close (first slot) and, on staff's own screen,
 * "Close the kiosk" (last slot). */
void screen_staff_bar(ctx *c, const char *id, hys_action a, const char *label, int quit)
{
    ui_slot s[4] = {{{.id = id, .action = a, .label = label}, "back", B_NORMAL}};
    if (quit) {
        s[1] = (ui_slot){{.id = "staff:settings",
                          .action = HYS_ACT_STAFF_SETTINGS,
                          .label = tr(c, "Voice and language")},
                         "sound-settings",
                         B_NORMAL};
        s[2] = (ui_slot){{.id = "staff:touch",
                          .action = HYS_ACT_STAFF_TOUCH,
                          .arg = -1,
                          .label = tr(c, "Check the touch screen")},
                         "practice",
                         B_NORMAL};
        s[3] = (ui_slot){
            {.id = "staff:quit", .action = HYS_ACT_STAFF_QUIT, .label = tr(c, "Close the kiosk")},
            "stop",
            B_NORMAL};
    }
    ui_bar_buttons(c, s);
}

/* A staff screen's background and heading; returns the y below it. */
int screen_staff_page(ctx *c, const char *title)
{
    ui_rect(c, 0, 0, c->f->w, c->f->h, c->t->bg, c->t->bg, 0, 0);
    c->group = HYS_READ_HEADING;
    int y = ui_heading(c, "helper", title, S(c, SZ_TEXT_HEAD_STAFF), S(c, SZ_HEAD_ICON));
    c->group = HYS_READ_CONTENT;
    return y;
}

/* Staff's message (if any) in bold under the heading at y; returns the y
 * below it and a gap. */
int screen_staff_message(ctx *c, const hys_staff_view *sv, int y, int gap)
{
    if (!sv->message) return y;
    int W = c->f->w, m = c->m;
    int mh = ui_text_need(c, sv->message, S(c, SZ_TEXT), 1, W - 2 * m);
    return y +
           ui_text_box(c, sv->message, m, y, W - 2 * m, mh, S(c, SZ_TEXT), 1, c->t->text,
                       ALIGN_START, 0) +
           gap;
}
