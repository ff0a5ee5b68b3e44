/* paginate: a screen laid out taller than the window (large text) cut
 * into pages between its bars, never through a line of words or a target. */
#include "ui.h"

typedef struct band {
    int top, bottom; /* the content between the bars, on the tall canvas */
} band;

static int in_band(const band *b, int y, int h)
{
    return y >= b->top && y + h <= b->bottom && h < b->bottom - b->top;
}

/* How hard a page break tries to keep things whole. */
typedef enum {
    CUT_LINES,  /* only between lines: a block of words taller than a page */
    CUT_BLOCKS, /* between blocks of words (a sentence is never cut), through a panel */
    CUT_PANELS  /* between cards and panels too */
} cut_rule;

/* No line of text, picture or target crosses the line y; nor, by rule, a
 * block of words (a question, a hint) or a card or panel. */
static int can_cut(const hys_frame *f, const band *b, int y, cut_rule rule)
{
    for (int i = 0; i < f->ndraw; i++) {
        const hys_draw *d = &f->draw[i];
        if ((rule == CUT_PANELS || d->kind != HYS_DRAW_RECT) && in_band(b, d->y, d->h) &&
            d->y < y && d->y + d->h > y)
            return 0;
    }
    for (int i = 0; rule >= CUT_BLOCKS && i < f->nspeak; i++) {
        const hys_speak *sp = &f->speak[i]; /* (a text box is one item, all its lines) */
        if (sp->target < 0 && in_band(b, sp->y, sp->h) && sp->y < y && sp->y + sp->h > y) return 0;
    }
    for (int i = 0; i < f->ntargets; i++) {
        const hys_target *t = &f->targets[i];
        if (in_band(b, t->y, t->h) && t->y < y && t->y + t->h > y) return 0;
    }
    return 1;
}

/* The line y is inside the block the screen keeps together (a block that
 * ends the content is kept by cutting after it). */
static int kept(const ctx *c, int y, int end)
{
    return y > c->keep_top && y < c->keep_bottom && y < end;
}

/* Where a box y..y+h of the band goes on the page from..to: 1 when kept
 * (its y and h moved and, for a background, cut to the page), 0 when not on it. */
static int on_page(int *y, int *h, int from, int to, int dy, int may_cut)
{
    if (*y >= from && *y + *h <= to) {
        *y += dy;
        return 1;
    }
    if (!may_cut || *y >= to || *y + *h <= from) return 0;
    int top = *y > from ? *y : from, bottom = *y + *h < to ? *y + *h : to;
    *y = top + dy, *h = bottom - top;
    return 1;
}

/* Keep the content boxes between from and to (moved by dy), the bars (the
 * bottom one moved up by lift), and drop the rest. */
static void keep_page(hys_frame *f, const band *b, int from, int to, int dy, int lift, int h)
{
    int n = 0;
    for (int i = 0; i < f->ndraw; i++) {
        hys_draw d = f->draw[i];
        if (d.h >= b->bottom - b->top && d.y <= b->top) { /* the page's background */
            d.h = h;
        } else if (d.y >= b->bottom) {
            d.y -= lift;
        } else if (in_band(b, d.y, d.h) &&
                   !on_page(&d.y, &d.h, from, to, dy, d.kind == HYS_DRAW_RECT)) {
            continue;
        }
        f->draw[n++] = d;
    }
    f->ndraw = n;
    int map[HYS_MAX_TARGETS];
    n = 0;
    for (int i = 0; i < f->ntargets; i++) {
        hys_target t = f->targets[i];
        map[i] = -1;
        if (t.y >= b->bottom)
            t.y -= lift;
        else if (in_band(b, t.y, t.h) && !on_page(&t.y, &t.h, from, to, dy, 0))
            continue;
        map[i] = n;
        f->targets[n++] = t;
    }
    f->ntargets = n;
    n = 0;
    for (int i = 0; i < f->nspeak; i++) {
        hys_speak sp = f->speak[i];
        if (sp.target >= 0) {
            if (map[sp.target] < 0) continue;
            sp.target = map[sp.target];
            sp.y = f->targets[sp.target].y;
        } else if (sp.y >= b->bottom) {
            sp.y -= lift;
        } else if (in_band(b, sp.y, sp.h)) {
            int h0 = sp.h;
            if (!on_page(&sp.y, &sp.h, from, to, dy, 1))
                continue; /* words on another page (words split by a page are heard on both) */
            /* (tests look for it: a block that had room on a page of its own; one
             * nearly a page tall beside a picture may be cut between lines) */
            if (sp.h < h0 && h0 * 10 <= (to - from) * 9) f->split_words++;
        }
        f->speak[n++] = sp;
    }
    f->nspeak = n;
}

/* Show page v->scroll of a frame laid out on a canvas taller than h, with
 * large "Earlier" and "More" buttons above the bottom bar. */
void ui_paginate(ctx *c, int h)
{
    hys_frame *f = c->f;
    int th = ui_top_h(c), bh = ui_bottom_h(c), gap = S(c, SZ_GAP_ROW);
    /* every paged screen has a bottom bar (bar-less ones move their main button
     * into one), but for the quick poll's */
    int bars = c->v->quick && c->v->screen != HYS_SCREEN_STILL_THERE ? 0 : bh;
    band b = {th, f->h - bars};
    int end = th;
    for (int i = 0; i < f->ndraw; i++)
        if (in_band(&b, f->draw[i].y, f->draw[i].h) && f->draw[i].y + f->draw[i].h > end)
            end = f->draw[i].y + f->draw[i].h;
    int ah = ui_scroll_row_h(c);
    int view = h - th - bars - ah - 2 * gap; /* content shown per page */
    int starts[40], cuts[40], np = 0;
    for (int y = th; y < end && np < 40;) {
        starts[np] = y;
        /* between panels if that leaves the page at least a third full; else
         * through a panel but between blocks of words; else (a block taller
         * than a page) between its lines */
        int last = y + view < end ? y + view : end, cut = last;
        while (cut > y + view / 3 && !(can_cut(f, &b, cut, CUT_PANELS) && !kept(c, cut, end)))
            cut--;
        for (cut_rule r = CUT_BLOCKS; cut <= y + view / 3 && last < end; r--) {
            cut = last;
            while (cut > y && !(can_cut(f, &b, cut, r) && !kept(c, cut, end)))
                cut--;
            if (cut > y || r == CUT_LINES) break;
        }
        if (cut <= y) {
            cut = y + view; /* nothing to cut at: what crosses the line cannot be shown */
            ui_unfit(f, "no page break");
        }
        cuts[np++] = cut;
        /* start the next page at the next box */
        int next = end;
        for (int i = 0; i < f->ndraw; i++) {
            const hys_draw *d = &f->draw[i];
            if (in_band(&b, d->y, d->h) && d->y >= cut && d->y < next) next = d->y;
        }
        y = next > cut ? next : cut;
    }
    if (np == 0) starts[np] = th, cuts[np++] = end;
    c->f->scroll_pages = np;
    int page = c->v->scroll < np ? c->v->scroll : np - 1;
    int from = starts[page], to = cuts[page];
    keep_page(f, &b, from, to, th + gap - from, f->h - h, h);
    f->h = h;
    /* the arrows, in the same place on every page */
    int bw = (f->w - 3 * c->m) / 2, by = h - bars - ah - gap;
    c->group = HYS_READ_BOTTOM;
    ui_bar_begin(c);
    ui_button(c,
              &(ui_item){.id = "button:scroll-up",
                         .action = HYS_ACT_SCROLL,
                         .arg = -1,
                         .label = tr(c, "Earlier"),
                         .off = !(page > 0),
                         .meaning = tr(c, "Go up this page")},
              c->m, by, bw, ah, NULL, B_NORMAL);
    ui_button(c,
              &(ui_item){.id = "button:scroll-down",
                         .action = HYS_ACT_SCROLL,
                         .arg = 1,
                         .label = tr(c, "More"),
                         .off = !(page < np - 1),
                         .meaning = tr(c, "See more of this page")},
              2 * c->m + bw, by, bw, ah, NULL, B_NORMAL);
    ui_bar_end(c);
    ui_sort_speak(f);
}

/* Something drawn below the canvas: the screen did not fit. */
int ui_off_canvas(const hys_frame *f)
{
    for (int i = 0; i < f->ndraw; i++)
        if (f->draw[i].y + f->draw[i].h > f->h) return 1;
    return 0;
}
