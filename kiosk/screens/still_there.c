/* still_there: "Are you still there?" with its countdown. */
#include "screens.h"

#include "../ui/ui.h"

void screen_still_there(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, 150), y = c->paged ? ui_top_h(c) + S(c, 8) : S(c, 40);
    ui_icon(c, (W - isz) / 2, y, isz, isz, "still-there");
    y += isz + S(c, 16);
    int qh = ui_text_need(c, tr(c, "Are you still there?"), S(c, 60), 1, W - 2 * m);
    y += ui_text_box(c, tr(c, "Are you still there?"), m, y, W - 2 * m,
                     qh > S(c, 90) ? qh : S(c, 90), S(c, 60), 1, t->text, ALIGN_CENTER, 0);
    char count[32];
    snprintf(count, sizeof count, "%ld", c->v->countdown_s);
    /* the number, and the word below it */
    int nh = ui_line_h(c, S(c, 90), 1),
        wh = ui_text_need(c, tr(c, "seconds"), S(c, 36), 0, S(c, 400));
    int pw = S(c, 420), ph = nh + wh + S(c, 12);
    ui_rect(c, (W - pw) / 2, y, pw, ph, t->panel, t->edge, S(c, 3), S(c, 16));
    char said[96];
    snprintf(said, sizeof said, tr(c, "%ld seconds left"), c->v->countdown_s);
    ui_text_box_heard(c, said, NULL, count, (W - pw) / 2, y + S(c, 4), pw, nh, S(c, 90), 1,
                      t->on_panel, ALIGN_CENTER, 1);
    c->inner = 1; /* heard with the number */
    ui_text_box(c, tr(c, "seconds"), (W - pw) / 2 + S(c, 10), y + S(c, 4) + nh, S(c, 400), wh,
                S(c, 36), 0, t->on_panel, ALIGN_CENTER, 1);
    c->inner = 0;
    y += ph + S(c, 24);
    int bw = S(c, 640);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = ui_button_need(c, tr(c, "Yes, I am still here"), bw, S(c, 150));
    if (y + bh > H - S(c, 10) && H - bh - S(c, 10) > y - S(c, 24)) y = H - bh - S(c, 10);
    if (c->paged)
        ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Yes, I am still here"), "still-there",
                      HYS_ACT_STILL_HERE);
    else
        ui_button(c,
                  &(ui_item){.id = "button:still-here",
                             .action = HYS_ACT_STILL_HERE,
                             .label = tr(c, "Yes, I am still here")},
                  (W - bw) / 2, y, bw, bh, "still-there", B_PRIMARY);
}
