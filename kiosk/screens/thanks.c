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
    int bw = S(c, 400) * c->ts / 100;
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = c->v->quick ? 0 : ui_button_need(c, tr(c, "Finish"), bw, S(c, 120));
    /* heights from the lines each text needs (scripts differ: Nastaliq is
     * twice as tall), then the picture gets what is left, up to 180 */
    int th = ui_text_need(c, tr(c, "Thank you!"), S(c, 64), 1, W - 2 * m);
    int sh = ui_text_need(c, tr(c, "Your answers are saved."), S(c, 40), 0, W - 2 * m);
    int hh = update ? ui_text_need(c, tr(c, "You said, we did:"), S(c, 36), 1, W - 2 * m) : 0;
    int ih = 0;
    if (update) { /* the item's words beside its picture */
        line tmp[12];
        const char *ut = hys_form_text(fm, &fm->updates[ui].label, c->v->lang);
        int lines =
            ui_wrap(c, ut ? ut : "", S(c, 36), 0, W - 2 * m - S(c, 28) - S(c, 174), tmp, 12);
        ih = (lines > 2 ? lines : 2) * ui_line_h(c, S(c, 36), 0) + S(c, 28);
    }
    int fixed = S(c, 30) + th + sh + (update ? S(c, 16) + hh + ih : 0) + S(c, 20) + bh + S(c, 30);
    int isz = H - fixed - S(c, 20);
    if (isz > S(c, 180)) isz = S(c, 180);
    int y = c->paged ? ui_top_h(c) + S(c, 8) : S(c, 30); /* a page moves below the corner */
    if (isz >= S(c, 60)) {
        ui_icon(c, (W - isz) / 2, y, isz, isz, "thanks");
        y += isz + S(c, 20);
    }
    int side = y >= ui_top_h(c) ? m : m + c->corner_w; /* clear of the corner buttons */
    y += ui_text_box(c, tr(c, "Thank you!"), side, y, W - 2 * side, th, S(c, 64), 1, t->text,
                     ALIGN_CENTER, 0);
    y += ui_text_box(c, tr(c, "Your answers are saved."), m, y, W - 2 * m, sh, S(c, 40), 0, t->text,
                     ALIGN_CENTER, 0);
    if (update) {
        y += S(c, 16);
        y += ui_text_box(c, tr(c, "You said, we did:"), m, y, W - 2 * m, hh, S(c, 36), 1, t->muted,
                         ALIGN_START, 0);
        int h = H - y - bh - S(c, 50);
        if (h > S(c, 260) * c->ts / 100) h = S(c, 260) * c->ts / 100;
        if (h < ih) h = ih; /* its words first: a taller screen is paged */
        if (h >= ih) screen_update_item(c, &fm->updates[ui], m, y, W - 2 * m, h);
    }
    if (!c->v->quick && c->paged)
        ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Finish"), "next", HYS_ACT_DONE);
    else if (!c->v->quick)
        ui_button(c,
                  &(ui_item){.id = "button:done", .action = HYS_ACT_DONE, .label = tr(c, "Finish")},
                  (W - bw) / 2, H - bh - S(c, 30), bw, bh, "next", B_PRIMARY);
}
