/* display: text size and colours. */
#include "screens.h"

#include "../ui/ui.h"

/* Text size and colours for this session. Each size button shows its own
 * size; long screens at large sizes are shown a page at a time. */
void screen_display(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_journey_view *v = c->v;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = ui_heading(c, "display-settings", tr(c, "Text and colours"), S(c, SZ_TEXT_HEAD),
                         S(c, SZ_HEAD_ICON));
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP), gap = S(c, SZ_GAP_WIDE);
    int rh = (bot - top - gap) / 2;
    if (rh > S(c, SZ_SETTING_MAX)) rh = S(c, SZ_SETTING_MAX);
    int need = 2 * ui_line_h(c, S(c, SZ_TEXT), 1) + S(c, SZ_GAP_LARGE);
    if (rh < need) rh = need;
    static const int sizes[3] = {100, 150, 200};
    int cw = (W - 2 * m - 2 * gap) / 3;
    for (int i = 0; i < 3; i++) {
        char id[32], label[32], said[96];
        snprintf(id, sizeof id, "display:text-%d", sizes[i]);
        snprintf(label, sizeof label, "%d%%", sizes[i]);
        snprintf(said, sizeof said, tr(c, "Text size %d per cent"), sizes[i]);
        /* each shows its own size (as far as it fits), whatever size is chosen */
        int ts = c->ts;
        c->ts = 100, c->bar = sizes[i];
        ui_button(c,
                  &(ui_item){.id = id,
                             .action = HYS_ACT_TEXT_SIZE,
                             .arg = sizes[i],
                             .label = label,
                             .say = said},
                  m + i * (cw + gap), top, cw, rh, i == 0 ? "text-size" : NULL,
                  v->text_size == sizes[i] ? B_PRIMARY : B_NORMAL);
        c->ts = ts, c->bar = 0;
    }
    int hw = (W - 2 * m - gap) / 2, y = top + rh + gap;
    ui_button(c,
              &(ui_item){.id = "display:standard",
                         .action = HYS_ACT_CONTRAST,
                         .label = tr(c, "Standard colours")},
              m, y, hw, rh, "display-settings", v->high_contrast ? B_NORMAL : B_PRIMARY);
    ui_button(c,
              &(ui_item){.id = "display:high-contrast",
                         .action = HYS_ACT_CONTRAST,
                         .arg = 1,
                         .label = tr(c, "High contrast")},
              m + hw + gap, y, hw, rh, "contrast", v->high_contrast ? B_PRIMARY : B_NORMAL);
    ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}
