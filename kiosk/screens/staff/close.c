/* staff/close: closing the kiosk, or switching its box off. */
#include "../screens.h"

#include "../../ui/ui.h"

/* Staff: close the program, or switch the kiosk's box off (where it can). */
void screen_staff_close(ctx *c, const hys_staff_view *sv)
{
    int W = c->f->w, H = c->f->h, m = c->m, gap = S(c, SZ_GAP_LARGE);
    int y = screen_staff_message(c, sv, screen_staff_page(c, tr(c, "Close the kiosk")),
                                 S(c, SZ_GAP_LARGE));
    int bw = W - 2 * m < S(c, SZ_COLUMN) ? W - 2 * m : S(c, SZ_COLUMN), x = (W - bw) / 2;
    int n = sv->can_switch_off ? 2 : 1, bh = S(c, SZ_STAFF_BIG);
    const char *off = tr(c, "Switch the kiosk off"), *close = tr(c, "Close the program only");
    if (n == 2) bh = ui_button_need(c, off, bw, bh);
    bh = ui_button_need(c, close, bw, bh);
    if (y + n * bh + (n - 1) * gap > H - ui_bottom_h(c) - S(c, SZ_GAP_ROW))
        ui_unfit(c->f, "close buttons");
    if (n == 2) {
        ui_button(
            c,
            &(ui_item){
                .id = "staff:switch-off", .action = HYS_ACT_STAFF_QUIT, .arg = 1, .label = off},
            x, y, bw, bh, "stop", B_PRIMARY);
        y += bh + gap;
    }
    ui_button(c,
              &(ui_item){.id = "staff:close-program", .action = HYS_ACT_STAFF_QUIT, .label = close},
              x, y, bw, bh, "door", n == 2 ? B_NORMAL : B_PRIMARY);
    screen_staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}
