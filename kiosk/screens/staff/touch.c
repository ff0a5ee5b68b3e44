/* staff/touch: the touch test: a square in each corner and the middle. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff's touch test: a square in each corner and one in the middle; each
 * turns blue when touched. */
void screen_staff_touch(ctx *c, const hys_staff_view *sv)
{
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = screen_staff_message(c, sv, screen_staff_page(c, tr(c, "Check the touch screen")),
                                 S(c, SZ_GAP_ROW));
    int bot = H - ui_bottom_h(c) - S(c, SZ_GAP_ROW), side = S(c, SZ_TOUCH_SQUARE);
    if (side < c->tmin) side = c->tmin;
    int xs[5] = {m, W - m - side, m, W - m - side, (W - side) / 2};
    int ys[5] = {y, y, bot - side, bot - side, (y + bot - side) / 2};
    for (int i = 0; i < 5; i++) {
        char id[32], label[8];
        snprintf(id, sizeof id, "staff:touch-%d", i + 1);
        snprintf(label, sizeof label, "%d", i + 1);
        ui_button(c, &(ui_item){.id = id, .action = HYS_ACT_STAFF_TOUCH, .arg = i, .label = label},
                  xs[i], ys[i], side, side, NULL, sv->touched >> i & 1 ? B_PRIMARY : B_NORMAL);
    }
    screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}
