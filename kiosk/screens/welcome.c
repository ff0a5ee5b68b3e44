/* welcome: the first screen: what the kiosk is for, Start, language and
 * display choices, and what changed because of what people said. */
#include "screens.h"

#include "../ui/ui.h"

void screen_welcome(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* the title keeps clear of the speaker buttons: beside them, or in portrait below */
    int y = S(c, 48), side = m + c->corner_w;
    if ((c->portrait || c->paged) && c->corner_w) y = ui_top_h(c) + S(c, 8), side = m;
    y += ui_text_box(c, fm->title, side, y, W - 2 * side, S(c, 170), S(c, 64), 1, t->text,
                     ALIGN_CENTER, 0);
    y += S(c, 20);
    int bh = S(c, 150), bw = S(c, 560);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int extra = fm->nupdates ? S(c, 120) : 0;
    int pic = H - y - bh - extra - S(c, 90);
    if (pic > S(c, 260)) pic = S(c, 260);
    if (pic > S(c, 60)) {
        ui_icon(c, (W - pic) / 2, y, pic, pic, "start");
        y += pic + S(c, 30);
    }
    if (c->paged) { /* a paged screen keeps its main button in the bottom bar, on every page */
        ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Start"), "next", HYS_ACT_START);
    } else {
        ui_button(c,
                  &(ui_item){.id = "button:start",
                             .action = HYS_ACT_START,
                             .label = tr(c, "Start"),
                             .meaning = tr(c, "Start answering the questions")},
                  (W - bw) / 2, y, bw, bh, "next", B_PRIMARY);
        y += bh + S(c, 24);
    }
    if (fm->nupdates) {
        int uw = S(c, 760);
        if (uw > W - 2 * m) uw = W - 2 * m;
        int ch = ui_text_need(c, tr(c, "What changed because of what people said"), S(c, 36), 1,
                              uw - S(c, 24) - S(c, 72) - S(c, 12)) +
                 S(c, 16);
        if (ch < S(c, 100)) ch = S(c, 100);
        ui_button(c,
                  &(ui_item){.id = "button:changes",
                             .action = HYS_ACT_UPDATES,
                             .label = tr(c, "What changed because of what people said")},
                  (W - uw) / 2, y, uw, ch, "changes", B_NORMAL);
    }
}
