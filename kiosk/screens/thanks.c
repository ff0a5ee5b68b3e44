/* thanks: the thank-you screen. */
#include "screens.h"

#include "../ui/ui.h"

void screen_thanks(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int ui = c->v->thanks_update;
    int update = !c->v->quick && ui >= 0 && ui < fm->nupdates;
    int bw = S(c, SZ_FINISH_W) * c->ts / 100;
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = c->v->quick ? 0 : ui_button_need(c, tr(c, "Finish"), bw, S(c, SZ_FINISH_H));
    /* heights from the lines each text needs (scripts differ: Nastaliq is
     * twice as tall), then the picture gets what is left, up to 180 */
    int th = ui_text_need(c, tr(c, "Thank you!"), S(c, SZ_TEXT_TITLE), 1, W - 2 * m);
    int sh = ui_text_need(c, tr(c, "Your answers are saved."), S(c, SZ_TEXT_LEAD), 0, W - 2 * m);
    int hh = update ? ui_text_need(c, tr(c, "You said, we did:"), S(c, SZ_TEXT), 1, W - 2 * m) : 0;
    int ih = 0;
    if (update) { /* the item's words beside its picture */
        line tmp[12];
        const char *ut = hys_form_text(fm, &fm->updates[ui].label, c->v->lang);
        int lines = ui_wrap(c, ut ? ut : "", S(c, SZ_TEXT), 0,
                            W - 2 * m - S(c, SZ_PAD_UPDATE) - S(c, SZ_UPDATE_ICON), tmp, 12);
        ih = (lines > 2 ? lines : 2) * ui_line_h(c, S(c, SZ_TEXT), 0) + S(c, SZ_PAD_UPDATE);
    }
    int fixed = S(c, SZ_GAP_SECTION) + th + sh + (update ? S(c, SZ_GAP) + hh + ih : 0) +
                S(c, SZ_GAP_WIDE) + bh + S(c, SZ_GAP_SECTION);
    int isz = H - fixed - S(c, SZ_GAP_WIDE);
    if (isz > S(c, SZ_PIC_THANKS)) isz = S(c, SZ_PIC_THANKS);
    int y = c->paged ? ui_top_h(c) + S(c, SZ_GAP_SMALL)
                     : S(c, SZ_GAP_SECTION); /* a page moves below the corner */
    if (isz >= S(c, SZ_ICON_ROOM)) {
        ui_icon(c, (W - isz) / 2, y, isz, isz, "thanks");
        y += isz + S(c, SZ_GAP_WIDE);
    }
    /* clear of the corner buttons: beside them, or (no room there) below them */
    if (y < ui_top_h(c) && W - 2 * (m + c->corner_w) < W / 3) y = ui_top_h(c);
    int side = y >= ui_top_h(c) ? m : m + c->corner_w;
    y += ui_text_box(c, tr(c, "Thank you!"), side, y, W - 2 * side, th, S(c, SZ_TEXT_TITLE), 1,
                     t->text, ALIGN_CENTER, 0);
    y += ui_text_box(c, tr(c, "Your answers are saved."), m, y, W - 2 * m, sh, S(c, SZ_TEXT_LEAD),
                     0, t->text, ALIGN_CENTER, 0);
    if (update) {
        y += S(c, SZ_GAP);
        y += ui_text_box(c, tr(c, "You said, we did:"), m, y, W - 2 * m, hh, S(c, SZ_TEXT), 1,
                         t->muted, ALIGN_START, 0);
        int h = H - y - bh - S(c, SZ_GAP_FOOT);
        if (h > S(c, SZ_UPDATE_MAX) * c->ts / 100) h = S(c, SZ_UPDATE_MAX) * c->ts / 100;
        if (h < ih) h = ih; /* its words first: a taller screen is paged */
        if (h >= ih) screen_update_item(c, &fm->updates[ui], m, y, W - 2 * m, h);
    }
    if (!c->v->quick && c->paged)
        ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Finish"), "next", HYS_ACT_DONE);
    else if (!c->v->quick)
        ui_button(c,
                  &(ui_item){.id = "button:done", .action = HYS_ACT_DONE, .label = tr(c, "Finish")},
                  (W - bw) / 2, H - bh - S(c, SZ_GAP_SECTION), bw, bh, "next", B_PRIMARY);
}
