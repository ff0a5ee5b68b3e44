/* still_there: "Are you still there?" with its countdown. */
#include "screens.h"

#include "../ui/ui.h"

void screen_still_there(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, SZ_PIC_STILL),
        y = c->paged ? ui_top_h(c) + S(c, SZ_GAP_SMALL) : S(c, SZ_GAP_EDGE);
    ui_icon(c, (W - isz) / 2, y, isz, isz, "still-there");
    y += isz + S(c, SZ_GAP);
    int qh = ui_text_need(c, tr(c, "Are you still there?"), S(c, SZ_TEXT_ASK), 1, W - 2 * m);
    y += ui_text_box(c, tr(c, "Are you still there?"), m, y, W - 2 * m,
                     qh > S(c, SZ_ASK_MIN_H) ? qh : S(c, SZ_ASK_MIN_H), S(c, SZ_TEXT_ASK), 1,
                     t->text, ALIGN_CENTER, 0);
    char count[32];
    snprintf(count, sizeof count, "%ld", c->v->countdown_s);
    /* the number, and the word below it */
    int nh = ui_line_h(c, S(c, SZ_TEXT_COUNT), 1),
        wh = ui_text_need(c, tr(c, "seconds"), S(c, SZ_TEXT), 0, S(c, SZ_COUNT_WORDS_W));
    int pw = S(c, SZ_COUNT_W), ph = nh + wh + S(c, SZ_GAP_ROW);
    ui_rect(c, (W - pw) / 2, y, pw, ph, t->panel, t->edge, S(c, SZ_LINE_BOLD),
            S(c, SZ_ROUND_BUTTON));
    char said[96];
    snprintf(said, sizeof said, tr(c, "%ld seconds left"), c->v->countdown_s);
    ui_text_box_heard(c, said, NULL, count, (W - pw) / 2, y + S(c, SZ_NUDGE), pw, nh,
                      S(c, SZ_TEXT_COUNT), 1, t->on_panel, ALIGN_CENTER, 1);
    c->inner = 1; /* heard with the number */
    ui_text_box(c, tr(c, "seconds"), (W - pw) / 2 + S(c, SZ_PAD), y + S(c, SZ_NUDGE) + nh,
                S(c, SZ_COUNT_WORDS_W), wh, S(c, SZ_TEXT), 0, t->on_panel, ALIGN_CENTER, 1);
    c->inner = 0;
    y += ph + S(c, SZ_GAP_LARGE);
    int bw = S(c, SZ_STILL_W);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = ui_button_need(c, tr(c, "Yes, I am still here"), bw, S(c, SZ_STILL_H));
    if (y + bh > H - S(c, SZ_PAD) && H - bh - S(c, SZ_PAD) > y - S(c, SZ_GAP_LARGE))
        y = H - bh - S(c, SZ_PAD);
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
