/* updates: "You said, we did": what changed because of what people said. */
#include "screens.h"

#include "../ui/ui.h"

void screen_update_item(ctx *c, const hys_update *u, int x, int y, int w, int h)
{
    const hys_theme *t = c->t;
    ui_rect(c, x, y, w, h, t->panel, t->edge, S(c, SZ_LINE), S(c, SZ_ROUND_PANEL));
    const char *pic = hys_form_text(c->in->form, &u->image, c->v->lang);
    int pad = S(c, SZ_PAD_PANEL), isz = h - 2 * pad, tx = x + pad;
    if (isz > S(c, SZ_PIC_NOTICE)) isz = S(c, SZ_PIC_NOTICE);
    if (pic) {
        /* at the top on a paged screen, so a page can break below it */
        ui_image(c, x + pad, c->paged ? y + pad : y + (h - isz) / 2, isz, isz, pic);
        tx += isz + pad;
    }
    ui_text_box(c, hys_form_text(c->in->form, &u->label, c->v->lang), tx, y + pad, x + w - tx - pad,
                h - 2 * pad, S(c, SZ_TEXT), 0, t->on_panel, ALIGN_START, 1);
}

void screen_updates(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = ui_heading(c, "changes", tr(c, "What changed because of what people said"),
                         S(c, SZ_TEXT_HEAD_LONG), S(c, SZ_HEAD_ICON));
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP_ROW), gap = S(c, SZ_GAP);
    /* items as tall as the longest needs (its words beside its picture) */
    int ih = S(c, SZ_UPDATE_ROW);
    for (int i = 0; i < fm->nupdates; i++) {
        line tmp[12];
        const char *tx = hys_form_text(fm, &fm->updates[i].label, c->v->lang);
        int need = ui_wrap(c, tx ? tx : "", S(c, SZ_TEXT), 0,
                           W - 2 * m - S(c, SZ_PAD_UPDATE) - S(c, SZ_UPDATE_ICON), tmp, 12) *
                       ui_line_h(c, S(c, SZ_TEXT), 0) +
                   S(c, SZ_PAD_UPDATE);
        if (need > ih) ih = need;
    }
    int per = (bot - top + gap) / (ih + gap);
    if (per < 1) per = 1;
    int pages = (fm->nupdates + per - 1) / per;
    c->f->pages = pages;
    if (c->paged && pages > 1) ui_unfit(c->f, "updates"); /* a paged screen shows them all */
    int page = c->v->page < pages ? c->v->page : pages - 1;
    for (int k = 0; k < per && page * per + k < fm->nupdates; k++)
        screen_update_item(c, &fm->updates[page * per + k], m, top + k * (ih + gap), W - 2 * m, ih);
    ui_slot s[4] = {
        {{.id = "button:back", .action = HYS_ACT_BACK, .label = tr(c, "Back")}, "back", B_NORMAL}};
    ui_page_slots(s, page, pages, tr(c, "Earlier"), tr(c, "More"));
    ui_bar_buttons(c, s);
}
