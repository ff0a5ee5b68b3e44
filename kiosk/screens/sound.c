/* sound: reading aloud, volume and speed. */
#include "screens.h"

#include "../ui/ui.h"

void screen_sound(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_journey_view *v = c->v;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top =
        ui_heading(c, "sound-settings", tr(c, "Sound"), S(c, SZ_TEXT_HEAD), S(c, SZ_HEAD_ICON));
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP), gap = S(c, SZ_GAP_WIDE);
    int curtain = c->in->headphones; /* (hiding the screen: only while the words are private) */
    int rows = curtain ? 4 : 3, rh = (bot - top - (rows - 1) * gap) / rows;
    if (rh > S(c, SZ_SOUND_ROW_MAX)) rh = S(c, SZ_SOUND_ROW_MAX);
    int cw = (W - 2 * m - 2 * gap) / 3; /* three columns */
    /* rows hold their words: two lines of a button, or the volume line and its bars */
    char vol[64];
    snprintf(vol, sizeof vol, tr(c, "Volume %d of %d"), v->volume + 1,
             c->in->volume_steps > 0 ? c->in->volume_steps : 8);
    line tmp[6];
    int vl = ui_wrap(c, vol, S(c, SZ_TEXT), 1, cw, tmp, 6) * ui_line_h(c, S(c, SZ_TEXT), 1);
    int hw = (W - 2 * m - gap) / 2;
    int need = vl + S(c, SZ_SOUND_BARS_MIN);
    need = ui_button_need(c, tr(c, "Read everything aloud: off"), W - 2 * m, need);
    need = ui_button_need(c, tr(c, "Read everything aloud: on"), W - 2 * m, need);
    if (curtain) {
        need = ui_button_need(c, tr(c, "Hide the screen: on"), W - 2 * m, need);
        need = ui_button_need(c, tr(c, "Hide the screen: off"), W - 2 * m, need);
    }
    need = ui_button_need(c, tr(c, "Quieter"), cw, need);
    need = ui_button_need(c, tr(c, "Louder"), cw, need);
    need = ui_button_need(c, tr(c, "Slower"), hw, need);
    need = ui_button_need(c, tr(c, "Normal speed"), hw, need);
    if (rh < need) rh = need;
    int y = top;
    char said[200];
    snprintf(said, sizeof said, "%s. %s", tr(c, "Read everything aloud"),
             v->read_aloud ? tr(c, "It is on") : tr(c, "It is off"));
    ui_button(c,
              &(ui_item){.id = "sound:read-aloud",
                         .action = HYS_ACT_READ_ALOUD,
                         .arg = -1,
                         .label = v->read_aloud ? tr(c, "Read everything aloud: on")
                                                : tr(c, "Read everything aloud: off"),
                         .say = said},
              m, y, W - 2 * m, rh, "speaking", v->read_aloud ? B_PRIMARY : B_NORMAL);
    y += rh + gap;
    if (curtain) {
        snprintf(said, sizeof said, "%s. %s", tr(c, "Hide the screen while I listen"),
                 c->in->curtain ? tr(c, "It is on") : tr(c, "It is off"));
        ui_button(c,
                  &(ui_item){.id = "sound:curtain",
                             .action = HYS_ACT_CURTAIN,
                             .arg = -1,
                             .label = c->in->curtain ? tr(c, "Hide the screen: on")
                                                     : tr(c, "Hide the screen: off"),
                             .say = said},
                  m, y, W - 2 * m, rh, "headphones", c->in->curtain ? B_PRIMARY : B_NORMAL);
        y += rh + gap;
    }
    int steps = c->in->volume_steps > 0 ? c->in->volume_steps : 8;
    /* Quieter, the volume, Louder in a row; or, when a word would not fit a
     * third of the width, the volume above the two buttons */
    int split = ui_longest_word(c, tr(c, "Quieter"), S(c, SZ_TEXT), 1) > cw - S(c, SZ_GAP_LARGE) ||
                ui_longest_word(c, tr(c, "Louder"), S(c, SZ_TEXT), 1) > cw - S(c, SZ_GAP_LARGE);
    int mx = split ? m : m + cw + gap, mw = split ? W - 2 * m : cw;
    int my = y, mh = split ? vl + S(c, SZ_SOUND_SPLIT) : rh;
    if (split) y += mh + gap;
    if (split && c->paged) c->keep_top = my, c->keep_bottom = my + mh; /* the words with the bars */
    ui_button(c,
              &(ui_item){.id = "sound:quieter",
                         .action = HYS_ACT_VOLUME,
                         .arg = -1,
                         .label = tr(c, "Quieter"),
                         .off = !(v->volume > 0)},
              m, y, split ? hw : cw, rh, "quieter", B_NORMAL);
    /* the volume as a row of bars, growing taller */
    int bw = (mw - (steps - 1) * S(c, SZ_GAP_TINY)) / steps;
    if (split && bw > S(c, SZ_SOUND_STEP_MAX)) bw = S(c, SZ_SOUND_STEP_MAX);
    int bx0 = mx + (mw - (steps * bw + (steps - 1) * S(c, SZ_GAP_TINY))) / 2;
    ui_text_box(c, vol, mx, my, mw, vl, S(c, SZ_TEXT), 1, t->text, ALIGN_CENTER, 1);
    for (int i = 0; i < steps; i++) {
        int bh = (mh - vl - S(c, SZ_GAP_SMALL)) * (i + 1) / steps;
        int bx = bx0 + i * (bw + S(c, SZ_GAP_TINY)), by = my + mh - bh;
        if (i <= v->volume)
            ui_rect(c, bx, by, bw, bh, t->text, t->text, 0, S(c, SZ_ROUND_BAR));
        else
            ui_rect(c, bx, by, bw, bh, t->bg, t->text, S(c, SZ_LINE), S(c, SZ_ROUND_BAR));
    }
    ui_button(c,
              &(ui_item){.id = "sound:louder",
                         .action = HYS_ACT_VOLUME,
                         .arg = 1,
                         .label = tr(c, "Louder"),
                         .off = !(v->volume < steps - 1)},
              split ? m + hw + gap : m + 2 * (cw + gap), y, split ? hw : cw, rh, "speaker",
              B_NORMAL);
    y += rh + gap;
    ui_button(
        c,
        &(ui_item){
            .id = "sound:slower", .action = HYS_ACT_SPEED, .arg = 1, .label = tr(c, "Slower")},
        m, y, hw, rh, "slower", v->slow ? B_PRIMARY : B_NORMAL);
    ui_button(
        c,
        &(ui_item){.id = "sound:normal", .action = HYS_ACT_SPEED, .label = tr(c, "Normal speed")},
        m + hw + gap, y, hw, rh, "normal-speed", v->slow ? B_NORMAL : B_PRIMARY);
    ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}
