/* notice: in place of the journey's screen: a stick's answers being
 * saved, saved or not, or the kiosk out of order. */
#include "screens.h"

#include "../ui/ui.h"

/* A notice in place of the journey's screen: a stick's answers being saved,
 * then saved (or not), with a button to go back to where the kiosk was; or
 * the kiosk out of order (failed, not done: no button). */
void screen_notice(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, SZ_PIC_NOTICE), y = ui_top_h(c) + S(c, SZ_GAP_WIDE);
    ui_icon(c, (W - isz) / 2, y, isz, isz,
            c->in->notice_failed  ? "stop"
            : !c->in->notice_done ? "clock"
                                  : "yes");
    y += isz + S(c, SZ_GAP_LARGE);
    /* OK is in the bottom bar, where it stays on every page of large text */
    int bh = c->in->notice_done ? ui_bottom_h(c) : 0;
    c->group = HYS_READ_HEADING;
    ui_text_box(c, c->in->notice, m, y, W - 2 * m, H - y - bh - S(c, SZ_GAP_EDGE),
                S(c, SZ_TEXT_QUESTION), 1, t->text, ALIGN_CENTER, 0);
    c->group = HYS_READ_CONTENT;
    if (c->in->notice_done) ui_bottom_bar(c, 0, 0, 0, 1, tr(c, "OK"), "yes", HYS_ACT_DISMISS);
}
