/* question: one question with its picture, and its answers as a grid of
 * cards, a keyboard or a number pad. */
#include "screens.h"

#include "../ui/ui.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>

/* The most lines any of the n labels takes at width w, or 0 when one does
 * not fit whole (a word broken, or more than four lines). */
static int label_lines(const ctx *c, const char *const *labels, int n, int w)
{
    int most = 1;
    for (int i = 0; i < n; i++) {
        line tmp[5];
        int l = labels[i] ? ui_wrap(c, labels[i], S(c, SZ_TEXT), 1, w, tmp, 5) : 1;
        if (l > 4 || ui_breaks_word(tmp, l)) return 0;
        for (int k = 0; k < l; k++)
            if (ui_text_w(c, tmp[k].s, tmp[k].n, S(c, SZ_TEXT), 1) > w) return 0;
        if (l > most) most = l;
    }
    return most;
}

int screen_card_shape(const ctx *c, const char *const *labels, int n, int cw, int ch, int reserve,
                      int *beside, int *lines)
{
    int pad = S(c, SZ_PAD), lh = ui_line_h(c, S(c, SZ_TEXT), 1);
    int tick = S(c, SZ_TICK) + pad; /* (a chosen card shows a tick beside its words) */
    int best = -1;
    *beside = 0, *lines = label_lines(c, labels, n, cw - 2 * pad);
    if (*lines > 0 && *lines * lh + 3 * pad + reserve <= ch) {
        best = ch - *lines * lh - 3 * pad - reserve;
        if (best > cw - 2 * pad) best = cw - 2 * pad;
    }
    /* beside: the biggest picture that leaves the words room (down to a
     * third of the card: smaller is no better than above them) */
    int most = ch - 2 * pad < S(c, SZ_PIC_CARD) ? ch - 2 * pad : S(c, SZ_PIC_CARD);
    int least = (cw < ch ? cw : ch) / 3, step = S(c, SZ_GAP_SMALL);
    for (int side = most; side > best && side >= least; side -= step) {
        int wide = label_lines(c, labels, n, cw - side - 3 * pad - tick);
        if (wide > 0 && wide * lh <= ch - 2 * pad) {
            best = side, *beside = side;
            break;
        }
    }
    return best;
}

/* Lay n cards out in a grid filling the box: nearly square cards, as big
 * as can be, among the column counts whose cards hold every label whole
 * (labels wrap; a word is never broken). */
int screen_grid_dims(const ctx *c, int n, int w, int h, const char *const *labels, int reserve,
                     int how, int *cols, int *rows)
{
    int best_c = 1, best_fit = -1, best_pic = -1, best_side = -1, gap = S(c, SZ_GAP);
    for (int cc = 1; cc <= n && cc <= 6; cc++) {
        int rr = (n + cc - 1) / cc;
        int cw = (w - (cc - 1) * gap) / cc, ch = (h - (rr - 1) * gap) / rr;
        if (ch > cw * 3 / 2) ch = cw * 3 / 2; /* (as choice_grid() will make it) */
        if (ch > c->view_h) ch = c->view_h;   /* a card fits one page of a paged screen */
        int beside, lines, side = cw < ch ? cw : ch;
        int pic = screen_card_shape(c, labels, n, cw, ch, reserve, &beside, &lines);
        /* 2: every label whole, and every picture a third of its card or
         * more; 1: the labels whole; 0: not even that */
        int fit = ch < c->tmin || cw < c->tmin || pic < 0 ? 0
                  : pic * 3 >= side || (how & GRID_WORDS) ? 2
                                                          : 1;
        if (fit > best_fit ||
            (fit == best_fit && (pic > best_pic || (pic == best_pic && side > best_side))))
            best_fit = fit, best_pic = pic, best_side = side, best_c = cc;
        /* a scale reads along one row whenever it fits whole there */
        if ((how & GRID_SCALE) && cc == n && fit == 2) best_fit = fit, best_c = cc;
    }
    *cols = best_c;
    *rows = (n + best_c - 1) / best_c;
    return best_fit == 2;
}

const char *screen_choice_picture(ctx *c, const hys_question *q, int i)
{
    const hys_choice *ch = &q->choices[i];
    const char *pic = hys_form_text(c->in->form, &ch->image, c->v->lang);
    if (pic) return pic;
    /* the kiosk's own: yes, no and don't know by their names... */
    static const struct {
        const char *name, *icon;
    } known[] = {{"yes", "yes"},
                 {"y", "yes"},
                 {"no", "no"},
                 {"n", "no"},
                 {"dont_know", "dont-know"},
                 {"don't_know", "dont-know"},
                 {"dk", "dont-know"},
                 {"not_sure", "dont-know"},
                 {"ok", "yes"}};
    const char *icon = NULL;
    for (size_t k = 0; k < sizeof known / sizeof known[0] && !icon; k++)
        if (!strcasecmp(ch->name, known[k].name)) icon = known[k].icon;
    /* ...and a scale's faces by their place among its points, from weary
     * to grinning (a don't know, or an answer the kiosk added, is no point) */
    char face[24];
    int n = 0, at = 0;
    for (int k = 0; k < q->nchoices; k++) {
        const hys_choice *o = &q->choices[k];
        int point = !o->kiosk_word && strcasecmp(o->name, "dont_know") &&
                    strcasecmp(o->name, "dk") && strcasecmp(o->name, "not_sure");
        if (point && k < i) at++;
        n += point;
    }
    if (!icon && q->look != HYS_LOOK_PLAIN && !ch->kiosk_word) {
        snprintf(face, sizeof face, "face-%d", n <= 1 ? 3 : 1 + (at * 4 + (n - 1) / 2) / (n - 1));
        icon = face;
    }
    if (!icon) return NULL; /* a word card */
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, icon);
    return ui_store_text(c, path, strlen(path)); /* (a cut path is not found: no picture) */
}

/* Answer i of question q as a card at x, y, w, h; its words get at least
 * lines lines under its picture, or (lines < 0) go beside a picture of side
 * -lines. */
static void choice_card(ctx *c, const hys_question *q, int i, const char *label, int lines, int x,
                        int y, int w, int h, hys_answer_status st, const char *value)
{
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    char id[64];
    const char *name = i < q->nchoices ? q->choices[i].name : "dont_know";
    snprintf(id, sizeof id, "choice:%s", name);
    const char *pic = i < q->nchoices ? screen_choice_picture(c, q, i) : NULL;
    char dk_path[1024];
    if (i >= q->nchoices) {
        snprintf(dk_path, sizeof dk_path, "%s/dont-know.svg", c->in->icons_dir);
        pic = dk_path;
    }
    int chosen;
    if (q->type == HYS_Q_SELECT_MULTIPLE)
        chosen = i < 64 && (v->selected >> i) & 1;
    else
        chosen =
            (st == HYS_STATUS_ANSWERED && !strcmp(value, name)) || (v->holding && v->chosen == i);
    ui_card(c,
            &(ui_item){.id = id,
                       .action = q->type == HYS_Q_SELECT_MULTIPLE ? HYS_ACT_TOGGLE : HYS_ACT_CHOOSE,
                       .arg = i,
                       .label = label,
                       .label_lines = lines > 0 ? lines : 0,
                       .beside = lines < 0 ? -lines : 0,
                       .say_wav = i < q->nchoices ? hys_form_text(fm, &q->choices[i].audio, v->lang)
                                                  : NULL},
            x, y, w, h, pic, chosen, q->type == HYS_Q_SELECT_MULTIPLE);
}

/* A number as the kiosk says it: 16, 2.5. */
static void number_words(double x, char *out, size_t n)
{
    snprintf(out, n, "%.10g", x);
}

/* What to do with a number, with the least and greatest its constraint
 * allows ("Type a number from 16 to 120, then Next."), into buf. */
static const char *number_instruction(const ctx *c, const hys_question *q, char *buf, size_t n)
{
    double lo, hi;
    hys_expr_bounds(q->constraint, &lo, &hi);
    char a[32], b[32];
    number_words(lo, a, sizeof a), number_words(hi, b, sizeof b);
    if (isfinite(lo) && isfinite(hi))
        snprintf(buf, n, tr(c, "Type a number from %s to %s, then Next."), a, b);
    else if (isfinite(hi))
        snprintf(buf, n, tr(c, "Type a number up to %s, then Next."), b);
    else if (isfinite(lo))
        snprintf(buf, n, tr(c, "Type a number of %s or more, then Next."), a);
    else
        return tr(c, "Type a number, then Next.");
    return buf;
}

/* What to do with a question, said after it (NULL: a note, nothing to do);
 * buf holds it when it is made for the question. */
static const char *instruction(const ctx *c, const hys_question *q, char *buf, size_t n)
{
    switch (q->type) {
    case HYS_Q_SELECT_ONE:
        return tr(c, "Choose one answer.");
    case HYS_Q_SELECT_MULTIPLE:
        return tr(c, "Choose every answer that fits, then Next.");
    case HYS_Q_INTEGER:
    case HYS_Q_DECIMAL:
        return number_instruction(c, q, buf, n);
    case HYS_Q_TEXT:
        return tr(c, "Type your answer, then Next.");
    case HYS_Q_NOTE:
    case HYS_Q_CALCULATE: /* (never shown) */
        break;
    }
    return NULL;
}

/* Answers first..first+count as a grid of cols x rows in the box, centred;
 * returns the grid's top (its bottom is as far below the box's middle).
 * Every card gives its words the lines the longest label needs, so the
 * pictures of a row are all one size. */
static int choice_grid(ctx *c, const hys_question *q, const char *const *labels, const int *idx,
                       int first, int count, int cols, int rows, int x, int y, int w, int h,
                       hys_answer_status st, const char *value)
{
    int gap = S(c, SZ_GAP);
    int cw = (w - (cols - 1) * gap) / cols, ch = (h - (rows - 1) * gap) / rows;
    if (ch > cw * 3 / 2) ch = cw * 3 / 2;
    if (ch > c->view_h) ch = c->view_h; /* a card fits one page of a paged screen */
    /* the picture above the words or beside them: whichever gives every
     * card the bigger picture */
    int wide, lines;
    screen_card_shape(c, labels + first, count, cw, ch,
                      q->type == HYS_Q_SELECT_MULTIPLE ? S(c, SZ_TICK_ROOM) : 0, &wide, &lines);
    int total_h = rows * ch + (rows - 1) * gap;
    int y0 = y + (h - total_h) / 2;
    for (int i = first; i < first + count; i++) {
        int r = (i - first) / cols, col = (i - first) % cols;
        int in_row = r == rows - 1 ? count - r * cols : cols;
        int row_w = in_row * cw + (in_row - 1) * gap;
        int cx = x + (w - row_w) / 2 + col * (cw + gap);
        int cy = y0 + r * (ch + gap);
        choice_card(c, q, idx[i], labels[i], wide ? -wide : lines, cx, cy, cw, ch, st, value);
    }
    return y0;
}

static void question_choices(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    const char *value;
    hys_answer_status st = hys_journey_answer(c->in->journey, v->question, &value);
    int extra_dk = q->look == HYS_LOOK_FACES, how = q->look != HYS_LOOK_PLAIN ? GRID_SCALE : 0;
    for (int i = 0; i < q->nchoices; i++)
        if (!strcmp(q->choices[i].name, "dont_know")) extra_dk = 0;
    /* the answers shown (a choice_filter may leave some out), by place: idx
     * says which choice each is (q->nchoices: the faces' own Don't know) */
    const char *labels[HYS_MAX_CHOICES + 1];
    int idx[HYS_MAX_CHOICES + 1], n = 0;
    for (int i = 0; i < q->nchoices + extra_dk && n <= HYS_MAX_CHOICES; i++) {
        if (i < q->nchoices && !hys_journey_choice_shown(c->in->journey, v->question, i)) continue;
        idx[n] = i;
        labels[n++] = i < q->nchoices ? hys_form_text(fm, &q->choices[i].label, v->lang)
                                      : tr(c, "Don't know");
    }
    /* cards of words alone (no answer has a picture) need no room for one:
     * more of them fit a page */
    int words = !extra_dk;
    for (int k = 0; k < n && words; k++)
        words = !screen_choice_picture(c, q, idx[k]);
    if (words) how |= GRID_WORDS;
    int cols, rows;
    /* tick boxes sit in the corner, above the words */
    int tick =
        q->type == HYS_Q_SELECT_MULTIPLE ? S(c, SZ_TICK_ROOM) : 0; /* the box shrinks to 26 */
    /* all the answers at once if they fit; else pages of them, with large
     * arrow buttons below (never a drag) */
    int first = 0, count = n, pages = 1;
    /* large text: all the answers as a grid on one page when they fit there
     * (kept together: a page break never falls among them) */
    int grid_h = h < c->view_h ? h : c->view_h;
    if (c->paged && screen_grid_dims(c, n, w, grid_h, labels, tick, how, &cols, &rows)) {
        c->f->pages = 1;
        int top = choice_grid(c, q, labels, idx, 0, n, cols, rows, x, y, w, grid_h, st, value);
        c->keep_top = top, c->keep_bottom = y + grid_h - (top - y);
        return;
    }
    if (c->paged) { /* else one wide card a row, as tall as its words */
        int gap = S(c, SZ_GAP), pad = S(c, SZ_PAD), y1 = y;
        int ch = S(c, SZ_PIC_CARD) + 2 * pad; /* the picture's size in a wide ui_card() */
        for (int i = 0; i < n; i++) {
            int need = ui_text_need(c, labels[i], S(c, SZ_TEXT), 1,
                                    w - S(c, SZ_PIC_CARD) - 4 * pad - S(c, SZ_TICK)) +
                       2 * pad;
            if (need > ch) ch = need;
        }
        if (ch > c->view_h) ch = c->view_h;
        c->f->pages = 1;
        for (int i = 0; i < n; i++, y1 += ch + gap)
            choice_card(c, q, idx[i], labels[i], -S(c, SZ_PIC_CARD), x, y1, w, ch, st,
                        value); /* beside (ui_card keeps it within the card) */
        return;
    }
    if (!screen_grid_dims(c, n, w, h, labels, tick, how, &cols, &rows) && n > 1) {
        int gap0 = S(c, SZ_GAP_ROW), bw0 = (w - gap0) / 2 - S(c, SZ_GAP_LARGE);
        int h1 = ui_text_need(c, tr(c, "Earlier answers"), S(c, SZ_TEXT), 1, bw0);
        int h2 = ui_text_need(c, tr(c, "More answers"), S(c, SZ_TEXT), 1, bw0);
        int ah = (h1 > h2 ? h1 : h2) + S(c, SZ_GAP);
        if (ah < S(c, SZ_ROW_MIN)) ah = S(c, SZ_ROW_MIN);
        if (ah < c->tmin) ah = c->tmin;
        /* as many a page as fit on every page (so every page looks alike) */
        int per = n - 1 < HYS_MAX_CHOICES_PAGE ? n - 1 : HYS_MAX_CHOICES_PAGE, all_fit = 0;
        for (; per >= 1 && !all_fit; per--) {
            all_fit = 1;
            for (int f0 = 0; f0 < n && all_fit; f0 += per)
                all_fit = screen_grid_dims(c, f0 + per < n ? per : n - f0, w, h - ah - gap0,
                                           labels + f0, tick, how, &cols, &rows);
            if (all_fit) break;
        }
        if (per < 1) per = 1;
        pages = (n + per - 1) / per;
        int page = v->page < pages ? v->page : pages - 1;
        first = page * per, count = first + per < n ? per : n - first;
        screen_grid_dims(c, count, w, h - ah - gap0, labels + first, tick, how, &cols, &rows);
        if (!all_fit) ui_unfit(c->f, "no answer fits"); /* the screen is paged instead */
        int bw = (w - gap0) / 2, by = y + h - ah;
        c->group = HYS_READ_CONTENT;
        ui_button(c,
                  &(ui_item){.id = "button:answers-up",
                             .action = HYS_ACT_PAGE,
                             .arg = -1,
                             .label = tr(c, "Earlier answers"),
                             .off = !(page > 0)},
                  x, by, bw, ah, NULL, B_NORMAL);
        ui_button(c,
                  &(ui_item){.id = "button:answers-down",
                             .action = HYS_ACT_PAGE,
                             .arg = 1,
                             .label = tr(c, "More answers"),
                             .off = !(page < pages - 1)},
                  x + bw + gap0, by, bw, ah, NULL, B_NORMAL);
        h -= ah + gap0;
    }
    c->f->pages = pages;
    choice_grid(c, q, labels, idx, first, count, cols, rows, x, y, w, h, st, value);
}

void screen_question(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    const hys_question *q = &fm->questions[v->question];
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int quick = v->quick;
    /* a paged quick poll keeps its page below the corner buttons */
    int top = quick && !c->paged ? S(c, SZ_GAP) : ui_top_h(c) + S(c, SZ_GAP);
    int bot = quick ? H - S(c, SZ_GAP) : H - ui_bottom_h(c) - S(c, SZ_GAP);
    if (quick && fm->nlangs > 1) ui_bar_begin(c); /* language buttons keep their size */
    if (quick && fm->nlangs > 3) {
        /* many languages: one button that opens the language screen */
        int bw = S(c, SZ_LANG_BUTTON_WIDE), bh = S(c, SZ_LANG_BUTTON_H);
        int need = ui_line_h(c, S(c, SZ_TEXT), 1) +
                   S(c, SZ_GAP_SMALL); /* the name's line (Nastaliq is tall) */
        if (bh < need) bh = need;
        if (bh < c->tmin) bh = c->tmin;
        c->group = HYS_READ_TOP;
        ui_button(c,
                  &(ui_item){.id = "button:language",
                             .action = HYS_ACT_LANGUAGE_MENU,
                             .label = hys_lang_autonym(&fm->langs[v->lang]),
                             .meaning = tr(c, "Choose another language")},
                  W - m - c->corner_w - bw, top, bw, bh, "language", B_NORMAL);
        c->group = HYS_READ_CONTENT;
        top += bh + S(c, SZ_GAP_ROW);
    } else if (quick && fm->nlangs > 1) {
        /* the quick poll's languages sit along the top */
        int bw = S(c, SZ_LANG_BUTTON_W), bh = S(c, SZ_LANG_BUTTON_H), x = W - m - c->corner_w;
        int need =
            ui_lang_names_need(c, S(c, SZ_TEXT), 0) + S(c, SZ_GAP_SMALL); /* each name's line */
        if (bh < need) bh = need;
        if (bh < c->tmin) bh = c->tmin;
        for (int i = fm->nlangs - 1; i >= 0 && x - bw >= m; i--) {
            x -= bw;
            screen_lang_button(c, i, x, top, bw, bh);
            x -= S(c, SZ_GAP_ROW);
        }
        top += bh + S(c, SZ_GAP_ROW);
    } else if (!quick) {
        ui_top_bar(c, 1);
    }
    if (quick && fm->nlangs > 1) ui_bar_end(c);
    int is_input = q->type == HYS_Q_TEXT || hys_qtype_is_number(q->type);
    int avail = bot - top;
    /* the question's words and picture take what they need, up to a share of
     * the screen; the answers get the rest */
    int head_max = q->type == HYS_Q_NOTE ? avail : (is_input ? avail * 20 / 100 : avail * 42 / 100);
    const char *pic = hys_form_text(fm, &q->image, v->lang);
    if (q->type != HYS_Q_NOTE) {
        /* the words get the lines they need at their smallest size (the
         * keyboard gives way up to 40%, answers up to 60%: they page) */
        int tw0 = W - 2 * m - (pic ? (head_max < W / 4 ? head_max : W / 4) + m : 0);
        char hb[HYS_MAX_WORDS], lb[HYS_MAX_WORDS];
        const char *hint = hys_journey_text(c->in->journey, &q->hint, v->lang, hb, sizeof hb);
        int need =
            ui_text_need(c, hys_journey_text(c->in->journey, &q->label, v->lang, lb, sizeof lb),
                         S(c, SZ_TEXT), 1, tw0);
        if (hint) need += ui_text_need(c, hint, S(c, SZ_TEXT), 0, tw0) + S(c, SZ_GAP_SMALL);
        int cap = avail * (is_input ? 40 : 60) / 100;
        if (need > head_max) head_max = need < cap ? need : cap;
    }
    int psz = head_max;
    if (psz > W / 4) psz = W / 4;
    if (c->paged && psz > c->view_h / 2) psz = c->view_h / 2; /* room for a page break beside it */
    int tx = m, tw = W - 2 * m;
    if (pic) {
        tx = m + psz + m;
        tw = W - tx - m;
    }
    if (quick && fm->nlangs <= 1) tw -= c->corner_w;
    int y = top;
    const char *group = hys_form_text(fm, &q->group_label, v->lang);
    if (group)
        y += ui_text_box(c, group, tx, y, tw, S(c, SZ_GROUP_H), S(c, SZ_TEXT), 0, t->muted,
                         ALIGN_START, 0);
    char hint_buf[HYS_MAX_WORDS], label_buf[HYS_MAX_WORDS], todo_buf[200];
    const char *hint =
        hys_journey_text(c->in->journey, &q->hint, v->lang, hint_buf, sizeof hint_buf);
    /* the question first; the hint gets what is left (at least one line) */
    int hint_min = hint ? ui_text_need(c, hint, S(c, SZ_TEXT), 0, tw) + S(c, SZ_GAP_SMALL) : 0;
    /* what to do is heard after the words (the answers' shape shows it the eye) */
    const char *label = hys_journey_text(c->in->journey, &q->label, v->lang, label_buf,
                                         sizeof label_buf),
               *todo = instruction(c, q, todo_buf, sizeof todo_buf);
    char heard[1200];
    snprintf(heard, sizeof heard, "%s %s", hint ? hint : label ? label : "", todo ? todo : "");
    y += ui_text_box_heard(c, todo && !hint ? heard : NULL, hys_form_text(fm, &q->audio, v->lang),
                           label, tx, y, tw, head_max - (y - top) - hint_min,
                           S(c, quick      ? SZ_TEXT_ASK_QUICK
                                : c->paged ? SZ_TEXT /* large text: whole, with its hint */
                                           : SZ_TEXT_ASK_QUESTION),
                           1, t->text, ALIGN_START, 0);
    if (hint)
        y += S(c, SZ_GAP_SMALL) + ui_text_box_heard(c, todo ? heard : NULL, NULL, hint, tx,
                                                    y + S(c, SZ_GAP_SMALL), tw,
                                                    head_max - (y - top) - S(c, SZ_GAP_SMALL),
                                                    S(c, SZ_TEXT), 0, t->muted, ALIGN_START, 0);
    int head = y - top;
    if (q->type == HYS_Q_NOTE) head = head_max;
    if (pic) {
        int min_pic = S(c, SZ_PIC_CARD) < psz ? S(c, SZ_PIC_CARD) : psz;
        if (head < min_pic) head = min_pic;
        ui_image(c, m, top, head < psz ? head : psz, head < psz ? head : psz, pic);
    }
    int ay = top + head + S(c, SZ_GAP);
    /* an answer just refused: why, under the question, where it covers
     * nothing (never the keys or answers that mend it; on a long page it
     * moves with the words) */
    char refused_buf[HYS_MAX_WORDS];
    const char *refused = ui_refused_words(c, refused_buf, sizeof refused_buf);
    if (refused) ay += ui_message_box(c, refused, m, ay, W - 2 * m) + S(c, SZ_GAP);
    int ah = bot - ay;
    if (q->type == HYS_Q_SELECT_ONE || q->type == HYS_Q_SELECT_MULTIPLE) {
        question_choices(c, q, m, ay, W - 2 * m, ah);
    } else if (is_input) {
        int eh = ui_line_h(c, S(c, SZ_TEXT_TYPED), 1) + S(c, SZ_GAP_ROW);
        if (eh < S(c, SZ_TYPED_MIN_H)) eh = S(c, SZ_TYPED_MIN_H);
        ui_rect(c, m, ay, W - 2 * m, eh, t->card, t->text, S(c, SZ_LINE_HEAVY), S(c, SZ_ROUND_KEY));
        const char *typed = v->input ? v->input : "";
        char said[HYS_MAX_TEXT_ANSWER + 80];
        if (typed[0])
            snprintf(said, sizeof said, tr(c, "You wrote: %s"), typed);
        else
            snprintf(said, sizeof said, "%s", tr(c, "Nothing written yet"));
        /* the words, then the cursor after them as a bar of its own (a "|"
         * in the words would take a font of its own, and cover a letter) */
        int bx = m + S(c, SZ_GAP), bw = W - 2 * m - S(c, 2 * SZ_GAP) - S(c, SZ_CURSOR_ROOM);
        int typed_w = typed[0] ? ui_text_w(c, typed, strlen(typed), S(c, SZ_TEXT_TYPED), 1) : 0;
        if (typed[0])
            ui_text_box_heard(c, said, NULL, typed, bx, ay, bw, eh, S(c, SZ_TEXT_TYPED), 1,
                              t->on_card, ALIGN_START, 1);
        else
            ui_text_box_heard(c, said, NULL, " ", bx, ay, bw, eh, S(c, SZ_TEXT_TYPED), 1,
                              t->on_card, ALIGN_START, 1);
        int ch = ui_line_h(c, S(c, SZ_TEXT_TYPED), 1) * 3 / 4;
        ui_rect(c, bx + (typed_w < bw ? typed_w : bw) + S(c, SZ_GAP_TINY), ay + (eh - ch) / 2,
                S(c, SZ_LINE_BOLD), ch, t->on_card, t->on_card, 0, 0);
        /* the keyboard, on the same page as the words it types */
        /* (when a page has room for three rows of keys below the words) */
        int kb = ah - eh - S(c, SZ_GAP), room = c->view_h - eh - S(c, SZ_GAP);
        int together = c->paged && room >= 3 * (c->tmin + 4 + S(c, SZ_PAD));
        if (together && kb > room) kb = room;
        int first_key = c->f->ntargets;
        ui_keyboard(c, q, m, ay + eh + S(c, SZ_GAP), W - 2 * m, kb);
        if (together) { /* from the words to the lowest key */
            c->keep_top = ay, c->keep_bottom = ay + eh;
            for (int i = first_key; i < c->f->ntargets; i++) {
                const hys_target *k = &c->f->targets[i];
                if (k->y + k->h > c->keep_bottom) c->keep_bottom = k->y + k->h;
            }
        }
    }
    if (!quick)
        ui_bottom_bar(c, v->can_back, q->type != HYS_Q_NOTE, v->can_skip, v->can_next,
                      tr(c, "Next"), "next", HYS_ACT_NEXT);
}
