/* welcome: the first screen: what the kiosk is for, the set's languages
 * (each in its own script), Start, and what changed because of what people
 * said. */
#include "screens.h"

#include "../ui/ui.h"

/* The set's languages first, each in its own script (and heard in its own
 * voice), from y: a tap shows this screen in it, and Start goes on in it.
 * Returns the bottom of the rows. */
static int language_rows(ctx *c, int y)
{
    const hys_form *fm = c->in->form;
    int W = c->f->w, m = c->m, n = fm->nlangs, gap = S(c, SZ_GAP_ROW);
    /* as many a row as keep every name on one line (large text: fewer) */
    int widest = 0;
    for (int i = 0; i < n; i++) {
        const char *name = hys_lang_autonym(&fm->langs[i]);
        int w = ui_text_w(c, name, strlen(name), S(c, SZ_TEXT), 1);
        if (w > widest) widest = w;
    }
    int cols = c->portrait ? 2 : 4, bw = 0;
    if (cols > n) cols = n;
    int want = widest + S(c, SZ_GAP_LARGE); /* (buttons no wider than the names need) */
    if (want < S(c, SZ_LANG_BUTTON_MIN)) want = S(c, SZ_LANG_BUTTON_MIN);
    for (; cols >= 1; cols--) {
        bw = (W - 2 * m - (cols - 1) * gap) / cols;
        if (bw > want) bw = want;
        if (widest <= bw - S(c, SZ_GAP_LARGE) || cols == 1) break;
    }
    int rows = (n + cols - 1) / cols;
    int bh = ui_lang_names_need(c, S(c, SZ_TEXT), bw - S(c, SZ_GAP_LARGE)) + S(c, SZ_GAP_SMALL);
    if (bh < c->tmin) bh = c->tmin;
    c->group = HYS_READ_CONTENT;
    for (int i = 0; i < n; i++) {
        int r = i / cols, col = i % cols;
        int in_row = r == rows - 1 ? n - r * cols : cols;
        int x = (W - (in_row * bw + (in_row - 1) * gap)) / 2 + col * (bw + gap);
        screen_lang_button(c, i, x, y + r * (bh + gap), bw, bh);
    }
    return y + rows * bh + (rows - 1) * gap;
}

void screen_welcome(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* the title keeps clear of the speaker buttons: beside them, or in portrait below */
    int y = S(c, SZ_WELCOME_TOP), side = m + c->corner_w;
    int title_w = ui_text_w(c, fm->title, strlen(fm->title), S(c, SZ_TEXT_TITLE), 1);
    if ((c->portrait || c->paged || title_w > W - 2 * side) && c->corner_w)
        y = ui_top_h(c) + S(c, SZ_GAP_SMALL), side = m;
    y += ui_text_box(c, fm->title, side, y, W - 2 * side, S(c, SZ_TITLE_MAX), S(c, SZ_TEXT_TITLE),
                     1, t->text, ALIGN_CENTER, 0);
    y += S(c, SZ_GAP_WIDE);
    if (fm->nlangs > 1) y = language_rows(c, y) + S(c, SZ_GAP_WIDE);
    int bh = S(c, SZ_START_H), bw = S(c, SZ_START_W);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int extra = fm->nupdates ? S(c, SZ_UPDATES_CARD) : 0;
    int pic = H - y - bh - extra - S(c, SZ_WELCOME_FOOT);
    if (pic > S(c, SZ_PIC_WELCOME)) pic = S(c, SZ_PIC_WELCOME);
    if (pic > S(c, SZ_ICON_ROOM)) {
        ui_icon(c, (W - pic) / 2, y, pic, pic, "start");
        y += pic + S(c, SZ_GAP_SECTION);
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
        y += bh + S(c, SZ_GAP_LARGE);
    }
    if (fm->nupdates) {
        int uw = S(c, SZ_UPDATES_CARD_W);
        if (uw > W - 2 * m) uw = W - 2 * m;
        int ch =
            ui_text_need(c, tr(c, "What changed because of what people said"), S(c, SZ_TEXT), 1,
                         uw - S(c, SZ_GAP_LARGE) - S(c, SZ_BUTTON_ICON) - S(c, SZ_GAP_ROW)) +
            S(c, SZ_GAP);
        if (ch < S(c, SZ_UPDATES_CARD_MIN)) ch = S(c, SZ_UPDATES_CARD_MIN);
        if (ch < c->tmin) ch = c->tmin;
        ui_button(c,
                  &(ui_item){.id = "button:changes",
                             .action = HYS_ACT_UPDATES,
                             .label = tr(c, "What changed because of what people said")},
                  (W - uw) / 2, y, uw, ch, "changes", B_NORMAL);
    }
}
