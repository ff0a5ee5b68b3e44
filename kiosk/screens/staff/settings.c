/* staff/settings: each session's starting volume and language. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff's settings: how loud each session starts, and in which language. */
void screen_staff_settings(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, m = c->m, gap = S(c, SZ_GAP);
    int y = screen_staff_page(c, tr(c, "Voice and language"));
    /* Quieter | Volume N of M | Louder: controls, kept at their own size */
    ui_bar_begin(c);
    int cw = (W - 2 * m - 2 * gap) / 3;
    int bh = ui_button_need(c, tr(c, "Quieter"), cw,
                            S(c, SZ_STAFF_BUTTON) > c->tmin ? S(c, SZ_STAFF_BUTTON) : c->tmin);
    bh = ui_button_need(c, tr(c, "Louder"), cw, bh);
    char vol[80];
    snprintf(vol, sizeof vol, tr(c, "Volume %d of %d"), sv->volume + 1, sv->volume_steps);
    ui_button(c,
              &(ui_item){.id = "staff:quieter",
                         .action = HYS_ACT_STAFF_VOLUME,
                         .arg = -1,
                         .label = tr(c, "Quieter"),
                         .off = !(sv->volume > 0)},
              m, y, cw, bh, "quieter", B_NORMAL);
    int vh = ui_text_need(c, vol, S(c, SZ_TEXT), 1, cw);
    ui_text_box(c, vol, m + cw + gap, y + (bh - vh) / 2, cw, vh, S(c, SZ_TEXT), 1, t->text,
                ALIGN_CENTER, 0);
    ui_button(c,
              &(ui_item){.id = "staff:louder",
                         .action = HYS_ACT_STAFF_VOLUME,
                         .arg = 1,
                         .label = tr(c, "Louder"),
                         .off = !(sv->volume < sv->volume_steps - 1)},
              m + 2 * (cw + gap), y, cw, bh, "speaker", B_NORMAL);
    ui_bar_end(c);
    y += (bh > vh ? bh : vh) + S(c, SZ_GAP_LARGE);
    const char *h = tr(c, "Each person starts in:");
    y += ui_text_box(c, h, m, y, W - 2 * m, ui_text_need(c, h, S(c, SZ_TEXT), 1, W - 2 * m),
                     S(c, SZ_TEXT), 1, t->muted, ALIGN_START, 0) +
         S(c, SZ_GAP_ROW);
    /* each language by its own name, in its own script */
    int cols = c->portrait || c->ts > 100 ? 2 : 4, lw = (W - 2 * m - (cols - 1) * gap) / cols;
    int lh = S(c, SZ_STAFF_ROW);
    int need = ui_lang_names_need(c, S(c, SZ_TEXT), lw - S(c, SZ_GAP_LARGE)) + S(c, SZ_GAP);
    if (lh < need) lh = need;
    if (lh < c->tmin) lh = c->tmin;
    for (int i = 0; i < fm->nlangs; i++) {
        char id[40];
        snprintf(id, sizeof id, "staff:lang-%s", fm->langs[i].code);
        ui_button(c,
                  &(ui_item){.id = id,
                             .action = HYS_ACT_STAFF_LANG,
                             .arg = i,
                             .label = hys_lang_autonym(&fm->langs[i]),
                             .lang = i + 1},
                  m + (i % cols) * (lw + gap), y + (i / cols) * (lh + gap), lw, lh, NULL,
                  i == sv->start_lang ? B_PRIMARY : B_NORMAL);
    }
    screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}
