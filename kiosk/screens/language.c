/* language: choosing the language, each named in its own script. */
#include "screens.h"

#include "../ui/ui.h"

/* A button choosing language i, its name in its own script and heard in
 * that language; the language in use is the primary one. */
void screen_lang_button(ctx *c, int i, int x, int y, int w, int h)
{
    const hys_form *fm = c->in->form;
    char id[64];
    snprintf(id, sizeof id, "lang:%s", fm->langs[i].code);
    ui_button(c,
              &(ui_item){.id = id,
                         .action = HYS_ACT_LANG,
                         .arg = i,
                         .label = hys_lang_autonym(&fm->langs[i]),
                         .lang = i + 1},
              x, y, w, h, NULL, i == c->v->lang ? B_PRIMARY : B_NORMAL);
}

void screen_language(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = ui_heading(c, "language", tr(c, "Choose your language"), S(c, SZ_TEXT_HEAD),
                         S(c, SZ_HEAD_ICON_LANG));
    int bot = ui_bottom_h(c);
    int n = fm->nlangs, cols = c->portrait ? 1 : (n > 4 ? 3 : 2);
    if (n == 1) cols = 1;
    int rows = (n + cols - 1) / cols, gap = S(c, SZ_GAP_WIDE);
    int area_h = H - top - bot - S(c, SZ_GAP_WIDE);
    int bh = (area_h - (rows - 1) * gap) / rows;
    if (bh > S(c, SZ_LANG_ROW_MAX)) bh = S(c, SZ_LANG_ROW_MAX);
    int bw = (W - 2 * m - (cols - 1) * gap) / cols;
    int need = ui_lang_names_need(c, S(c, SZ_TEXT),
                                  bw - S(c, SZ_GAP_LARGE)); /* each name fits its button */
    if (bh < need + S(c, SZ_GAP_SMALL)) bh = need + S(c, SZ_GAP_SMALL);
    for (int i = 0; i < n; i++) {
        int x = m + (i % cols) * (bw + gap), y = top + (i / cols) * (bh + gap);
        screen_lang_button(c, i, x, y, bw, bh);
    }
    ui_bottom_bar(c, 1, 0, 0, -1, NULL, NULL, HYS_ACT_NEXT);
}
