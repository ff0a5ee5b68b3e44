/* review: every answer given, each with a button to change it, before
 * sending. */
#include "screens.h"

#include "../ui/ui.h"

/* One line summing up the answer to question qi for the review screen. */
static const char *answer_summary(ctx *c, int qi, char *buf, size_t n, const char **pic)
{
    const hys_form *fm = c->in->form;
    const hys_question *q = &fm->questions[qi];
    const char *value;
    hys_answer_status st = hys_journey_answer(c->in->journey, qi, &value);
    *pic = NULL;
    switch (st) {
    case HYS_STATUS_NONE:
        return tr(c, "Not answered");
    case HYS_STATUS_SKIPPED:
        return tr(c, "Skipped");
    case HYS_STATUS_DONT_UNDERSTAND:
        return tr(c, "I don't understand");
    default:
        break;
    }
    if (q->type != HYS_Q_SELECT_ONE && q->type != HYS_Q_SELECT_MULTIPLE) return value;
    buf[0] = '\0';
    size_t len = 0;
    if (!strcmp(value, "dont_know") && hys_form_find(fm, q->name) >= 0) {
        int listed = 0;
        for (int i = 0; i < q->nchoices; i++)
            listed |= !strcmp(q->choices[i].name, "dont_know");
        if (!listed) return tr(c, "Don't know");
    }
    for (int i = 0; i < q->nchoices; i++) {
        if (!hys_words_has(value, q->choices[i].name)) continue;
        if (!*pic) *pic = screen_choice_picture(c, q, i);
        len += (size_t)snprintf(buf + len, n > len ? n - len : 0, "%s%s",
                                len ? hys_lang_list_comma(lang_code(c, -1)) : "",
                                hys_form_text(fm, &q->choices[i].label, c->v->lang));
        if (len >= n) break;
    }
    return buf;
}

void screen_review(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    ui_rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    ui_top_bar(c, 0);
    int top = ui_top_h(c) + S(c, SZ_GAP_ROW), bot = H - ui_bottom_h(c) - S(c, SZ_GAP_ROW);
    c->group = HYS_READ_HEADING;
    /* in the top bar when it fits there; else below it */
    const char *head = tr(c, "Check your answers");
    int hx = m + ui_top_h(c), hw = c->top_free - hx - m;
    if (c->portrait || c->ts > 100 ||
        ui_text_w(c, head, strlen(head), S(c, SZ_TEXT_HEAD_LONG), 1) > hw) {
        top = ui_heading(c, "review", head, S(c, SZ_TEXT_HEAD_LONG), S(c, SZ_HEAD_ICON_SMALL));
    } else {
        ui_icon(c, m, S(c, SZ_GAP_SMALL), ui_top_h(c) - S(c, SZ_GAP), ui_top_h(c) - S(c, SZ_GAP),
                "review");
        ui_text_box(c, head, hx, 0, hw, ui_top_h(c), S(c, SZ_TEXT_HEAD_LONG), 1, t->text,
                    ALIGN_START, 1);
    }
    c->group = HYS_READ_CONTENT;
    int gap = S(c, SZ_GAP_ROW), cbw = S(c, SZ_REVIEW_CHANGE_W);
    int cw_need =
        ui_text_w(c, tr(c, "Change"), strlen(tr(c, "Change")), S(c, SZ_TEXT), 1) + S(c, 2 * SZ_GAP);
    if (cbw < cw_need) cbw = cw_need < W / 3 ? cw_need : W / 3;
    int items[HYS_MAX_QUESTIONS], rh[HYS_MAX_QUESTIONS], n = 0;
    /* each row as tall as its words need: question and answer side by side,
     * or on a narrow screen the question above its answer */
    int narrow = c->portrait || c->paged; /* a paged screen breaks between the parts */
    int stack = narrow && c->ts > 100;    /* large words: Change goes under the answer */
    int qw = narrow ? W - 2 * m - S(c, 2 * SZ_GAP) : (W - 2 * m - cbw) * 52 / 100 - S(c, SZ_GAP);
    int lhb = ui_line_h(c, S(c, SZ_TEXT), 1);
    int bhc = lhb + S(c, SZ_GAP) > c->tmin ? lhb + S(c, SZ_GAP) : c->tmin;
    for (int i = 0; i < fm->nquestions; i++) {
        if (fm->questions[i].type == HYS_Q_NOTE || !hys_qtype_is_asked(fm->questions[i].type) ||
            !hys_journey_relevant(c->in->journey, i))
            continue;
        char buf[512];
        const char *pic;
        const char *ans = answer_summary(c, i, buf, sizeof buf, &pic);
        char qb[HYS_MAX_WORDS];
        const char *ql =
            hys_journey_text(c->in->journey, &fm->questions[i].label, c->v->lang, qb, sizeof qb);
        int qh = ui_text_need(c, ql, S(c, SZ_TEXT), 0, qw);
        int aw = stack    ? W - 2 * m - S(c, 2 * SZ_GAP) - S(c, SZ_REVIEW_ANSWER)
                 : narrow ? W - 2 * m - cbw - S(c, SZ_REVIEW_ANSWER)
                          : W - 3 * m - cbw - qw - S(c, SZ_REVIEW_ANSWER_NARROW);
        int ah = ui_text_need(c, ans, S(c, SZ_TEXT), 1, aw > 40 ? aw : 40);
        int h = narrow ? qh + S(c, SZ_GAP_ROW) + (ah > S(c, SZ_PIC_ROW) ? ah : S(c, SZ_PIC_ROW)) +
                             S(c, SZ_GAP_LARGE)
                       : (qh > ah ? qh : ah) + S(c, SZ_GAP_LARGE);
        if (stack) h += bhc + S(c, SZ_GAP_ROW);
        if (h < S(c, SZ_REVIEW_ROW_MIN)) h = S(c, SZ_REVIEW_ROW_MIN);
        if (h < lhb + S(c, SZ_CHANGE_ROOM))
            h = lhb + S(c, SZ_CHANGE_ROOM); /* the Change button's word */
        if (h > bot - top) { /* a row taller than a page: the whole screen is paged */
            h = bot - top;
            ui_unfit(c->f, "a review row");
        }
        items[n] = i, rh[n++] = h;
    }
    /* pages: as many rows as fit, in order */
    int start[HYS_MAX_QUESTIONS + 1], pages = 0;
    for (int k = 0, used = 0; k < n; k++) {
        if (k == 0 || used + rh[k] > bot - top) start[pages++] = k, used = 0;
        used += rh[k] + gap;
    }
    if (pages < 1) start[pages++] = 0;
    start[pages] = n;
    c->f->pages = pages;
    if (c->paged && pages > 1) ui_unfit(c->f, "review rows"); /* a paged screen shows them all */
    int page = c->v->page < pages ? c->v->page : pages - 1;
    int ry = top;
    for (int idx = start[page]; idx < start[page + 1]; idx++) {
        int qi = items[idx], h = rh[idx], y = ry;
        const hys_question *q = &fm->questions[qi];
        ui_rect(c, m, y, W - 2 * m, h, t->card, t->edge, S(c, SZ_LINE), S(c, SZ_ROUND_PANEL));
        char qb[HYS_MAX_WORDS];
        const char *ql = hys_journey_text(c->in->journey, &q->label, c->v->lang, qb, sizeof qb);
        int ay = y, ahh = h;
        c->quiet = 1; /* the row's words are heard whole from its Change button */
        if (narrow) {
            int qh = ui_text_need(c, ql, S(c, SZ_TEXT), 0, qw);
            ui_text_box(c, ql, m + S(c, SZ_GAP), y + S(c, SZ_GAP_ROW), qw, qh, S(c, SZ_TEXT), 0,
                        t->on_card, ALIGN_START, 0);
            ay = y + qh + S(c, SZ_GAP_ROW),
            ahh = h - qh - S(c, SZ_GAP_ROW) - (stack ? bhc + S(c, SZ_GAP_ROW) : 0);
        } else {
            ui_text_box(c, ql, m + S(c, SZ_GAP), y, qw, h, S(c, SZ_TEXT), 0, t->on_card,
                        ALIGN_START, 1);
        }
        char buf[512];
        const char *pic;
        const char *ans = answer_summary(c, qi, buf, sizeof buf, &pic);
        int ax = narrow ? m + S(c, SZ_GAP) : m + S(c, SZ_GAP) + qw + S(c, SZ_GAP_SMALL);
        int isz = ahh - S(c, SZ_GAP_LARGE) < S(c, SZ_PIC_ROW) ? ahh - S(c, SZ_GAP_LARGE)
                                                              : S(c, SZ_PIC_ROW);
        if (pic && isz > S(c, SZ_ICON_MIN)) {
            ui_image(c, ax, ay + (ahh - isz) / 2, isz, isz, pic);
            ax += isz + S(c, SZ_GAP_ROW);
        }
        ui_text_box(c, ans, ax, ay, W - m - (stack ? 0 : cbw) - S(c, SZ_GAP) - ax, ahh,
                    S(c, SZ_TEXT), 1, t->on_card, ALIGN_START, 1);
        char id[80];
        snprintf(id, sizeof id, "change:%s", q->name);
        c->quiet = 0;
        char said[1200];
        char asked[600]; /* (the question inside the sentence: without its "?") */
        snprintf(asked, sizeof asked, "%.*s", (int)hys_sentence_body(ql), ql ? ql : "");
        snprintf(said, sizeof said, tr(c, "Your answer to %s is %s. Change it."), asked,
                 ans ? ans : "");
        int bh = ahh - S(c, SZ_CHANGE_PAD) < S(c, SZ_REVIEW_CHANGE_MAX_H)
                     ? ahh - S(c, SZ_CHANGE_PAD)
                     : S(c, SZ_REVIEW_CHANGE_MAX_H);
        int need_b = ui_line_h(c, S(c, SZ_TEXT), 1) + S(c, SZ_GAP);
        if (bh < need_b) bh = need_b < ahh ? need_b : ahh;
        /* under the answer when stacked, else beside it */
        int cx = stack ? m + S(c, SZ_GAP) : W - m - cbw - S(c, SZ_GAP_SMALL);
        int cy = stack ? ay + ahh : ay + (ahh - bh) / 2;
        ui_button(c,
                  &(ui_item){.id = id,
                             .action = HYS_ACT_CHANGE,
                             .arg = qi,
                             .label = tr(c, "Change"),
                             .say = said},
                  cx, cy, stack ? W - 2 * m - S(c, 2 * SZ_GAP) : cbw, stack ? bhc : bh, NULL,
                  B_NORMAL);
        ry += h + gap;
    }
    /* Back | earlier | more | Send */
    ui_slot s[4] = {
        {{.id = "button:back", .action = HYS_ACT_BACK, .label = tr(c, "Back")}, "back", B_NORMAL},
        {{0}, NULL, B_NORMAL},
        {{0}, NULL, B_NORMAL},
        {{.id = "button:finish", .action = HYS_ACT_FINISH, .label = tr(c, "Send my answers")},
         "review",
         B_PRIMARY}};
    ui_page_slots(s, page, pages, tr(c, "Earlier answers"), tr(c, "More answers"));
    ui_bar_buttons(c, s);
}
