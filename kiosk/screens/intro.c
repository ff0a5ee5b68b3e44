/* intro: what the questions are about, and how to answer. */
#include "screens.h"

#include "../ui/ui.h"

void screen_intro(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top =
        ui_heading(c, NULL, tr(c, "About these questions"), S(c, SZ_TEXT_HEAD), S(c, SZ_HEAD_ICON));
    int asked = 0; /* (a calculation takes no time) */
    for (int i = 0; i < fm->nquestions; i++)
        asked += hys_qtype_is_asked(fm->questions[i].type);
    int minutes = (asked * 20 + 59) / 60;
    if (minutes < 1) minutes = 1;
    char mins[160];
    snprintf(mins, sizeof mins, tr(c, "It takes about %d minutes."), minutes);
    /* who is asking and why: the set's words, else the kiosk's */
    const char *about = hys_form_text(fm, &fm->intro, c->v->lang);
    const char *lines[4] = {about ? about : tr(c, "Please answer a few short questions."),
                            tr(c, "You do not give your name. Nobody will know it was you."), mins,
                            tr(c, "You can stop at any time.")};
    const char *icons[4] = {"speech", "anonymous", "time", "stop"};
    int area = H - top - ui_bottom_h(c) - S(c, SZ_GAP);
    int rh = area / 4, isz = rh - S(c, SZ_GAP);
    if (isz > S(c, SZ_PIC_ROW)) isz = S(c, SZ_PIC_ROW);
    for (int i = 0, y = top; i < 4; i++) {
        int h = rh; /* on a paged screen, as tall as its words */
        if (c->paged) {
            isz = S(c, SZ_PIC_ROW);
            h = ui_text_need(c, lines[i], S(c, SZ_TEXT_LEAD), 0, W - 3 * m - isz) + S(c, SZ_GAP);
            if (h < isz + S(c, SZ_GAP)) h = isz + S(c, SZ_GAP);
        }
        ui_icon(c, m, y + (h - isz) / 2, isz, isz, icons[i]);
        ui_text_box(c, lines[i], m + isz + m, y, W - 3 * m - isz, h, S(c, SZ_TEXT_LEAD), 0, t->text,
                    ALIGN_START, 1);
        y += h;
    }
    ui_bottom_bar(c, 1, 0, 0, 1, tr(c, "Next"), "next", HYS_ACT_NEXT);
}
