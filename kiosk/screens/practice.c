/* practice: a question to try the faces on, whose answer is not kept. */
#include "screens.h"

#include "../ui/ui.h"

void screen_practice(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* below the corner buttons, so the words get the whole width */
    int top = ui_top_h(c), bot = H - ui_bottom_h(c);
    int pic = S(c, SZ_PIC_PRACTICE);
    if (pic > (bot - top) / 3) pic = (bot - top) / 3;
    ui_icon(c, m, top, pic, pic, "practice");
    int tx = m + pic + m, tw = W - tx - m;
    int y = top;
    int lp = ui_text_need(c, tr(c, "Let's practise first."), S(c, SZ_TEXT), 0, tw);
    y += ui_text_box(c, tr(c, "Let's practise first."), tx, y, tw, lp, S(c, SZ_TEXT), 0, t->muted,
                     ALIGN_START, 0);
    /* the question gets the lines it needs (at least beside the picture) */
    const char *ask = tr(c, "Do you like sunny days? Tap a face.");
    int need = ui_text_need(c, ask, S(c, SZ_TEXT), 1, tw);
    int qh = pic - (y - top) > need ? pic - (y - top) : need;
    y += S(c, SZ_GAP_SMALL) + ui_text_box(c, ask, tx, y + S(c, SZ_GAP_SMALL), tw, qh,
                                          S(c, SZ_TEXT_QUESTION), 1, t->text, ALIGN_START, 0);
    static const char *const names[3] = {"no", "not_sure", "yes"};
    static const char *const faces[3] = {"face-2", "face-3", "face-4"};
    const char *labels[3] = {tr(c, "No"), tr(c, "Not sure"), tr(c, "Yes")};
    int ay = (y > top + pic ? y : top + pic) + S(c, SZ_GAP_LARGE);
    const char *done =
        tr(c, "Well done! That is how you answer. This practice answer is not kept.");
    int fb = c->v->practice_choice >= 0
                 ? ui_text_need(c, done, S(c, SZ_TEXT), 0, W - 2 * m - S(c, 2 * SZ_GAP)) +
                       S(c, SZ_GAP_SECTION)
                 : 0;
    if (fb && fb < S(c, SZ_PRACTICE_FEEDBACK)) fb = S(c, SZ_PRACTICE_FEEDBACK);
    int ah = bot - ay - S(c, SZ_GAP_WIDE) - fb;
    int gap = S(c, SZ_GAP_LARGE);
    /* three faces in a row, or (large words) as many rows as their labels need */
    int cols, rows;
    if (!screen_grid_dims(c, 3, W - 2 * m, ah, labels, 0, 0, &cols, &rows)) ui_unfit(c->f, "faces");
    if (c->ts == 100) cols = 3, rows = 1;
    int cw = (W - 2 * m - (cols - 1) * gap) / cols, ch = (ah - (rows - 1) * gap) / rows;
    if (c->ts == 100 && cw > S(c, SZ_PRACTICE_CARD_MAX)) /* (larger words take the width) */
        cw = S(c, SZ_PRACTICE_CARD_MAX);
    if (ch > cw * 3 / 2) ch = cw * 3 / 2; /* (as the grid of a question) */
    if (ch > c->view_h) ch = c->view_h;
    int x0 = (W - (cols * cw + (cols - 1) * gap)) / 2;
    int beside, lines; /* (the pictures as big as the words leave them, all one size) */
    screen_card_shape(c, labels, 3, cw, ch, 0, &beside, &lines);
    for (int i = 0; i < 3; i++) {
        char id[64], path[1024];
        snprintf(id, sizeof id, "choice:%s", names[i]);
        snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, faces[i]);
        ui_card(c,
                &(ui_item){.id = id,
                           .action = HYS_ACT_CHOOSE,
                           .arg = i,
                           .label = labels[i],
                           .beside = beside,
                           .label_lines = lines},
                x0 + (i % cols) * (cw + gap), ay + (i / cols) * (ch + gap), cw, ch, path,
                c->v->practice_choice == i, 0);
    }
    ch = rows * ch + (rows - 1) * gap; /* the feedback goes below them all */
    if (fb) {
        int fy = ay + ch + S(c, SZ_GAP);
        ui_rect(c, m, fy, W - 2 * m, fb - S(c, SZ_PAD), t->panel, t->edge, S(c, SZ_LINE),
                S(c, SZ_ROUND_PANEL));
        ui_text_box(c,
                    tr(c, "Well done! That is how you answer. This practice answer is not kept."),
                    m + S(c, SZ_GAP), fy, W - 2 * m - S(c, 2 * SZ_GAP), fb - S(c, SZ_PAD),
                    S(c, SZ_TEXT), 0, t->on_panel, ALIGN_START, 1);
    }
    ui_bottom_bar(c, 1, 0, 0, c->v->practice_choice >= 0, tr(c, "Next"), "next", HYS_ACT_NEXT);
}
