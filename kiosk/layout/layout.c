/* layout: screens -> draw list and touch targets (see layout.h).
 * Sizes are in "design units" for a 1280x800 screen, scaled by u to the
 * window; text wraps at word boundaries and shrinks (down to a floor) only
 * when a box cannot hold it. */
#include "layout.h"

#include "../text/bidi.h"
#include "../util/text.h"

#include <stdio.h>
#include <string.h>

typedef struct ctx {
    hys_frame *f;
    const hys_layout_in *in;
    const hys_theme *t;
    const hys_journey_view *v;
    double u;
    int portrait;
    int m;        /* margin */
    int group;    /* reading group of what is added now (HYS_READ_*), -1 = not heard */
    int quiet;    /* targets added now are heard only on their own (keyboard keys) */
    int inner;    /* text inside a button or card: the target speaks for it */
    int corner_w; /* width kept free at the top right for the speaker buttons */
    const char *say, *say_wav, *meaning; /* for the next speak item only */
    int say_lang;                        /* language of the next button's words, -1 = screen's */
    int rtl;                             /* the screen's language is written right to left */
    const char *lang;                    /* language code of the text being laid out now */
    const char *measured;                /* the language the measure was last told */
    int tmin;                            /* smallest target side, pixels */
} ctx;

/* The code of language index i (the screen's when i < 0). */
static const char *lang_code(const ctx *c, int i)
{
    const hys_form *fm = c->in->form;
    if (i < 0 || i >= fm->nlangs) i = c->v->lang;
    return i >= 0 && i < fm->nlangs ? fm->langs[i].code : "en";
}

typedef enum { ALIGN_START, ALIGN_CENTER } align;

static int S(const ctx *c, double design)
{
    int v = (int)(design * c->u + 0.5);
    return v < 1 ? 1 : v;
}

static const char *tr(const ctx *c, const char *english)
{
    const hys_words *w = c->in->words;
    return w && w->tr ? w->tr(w->ud, c->v->lang, english) : english;
}

static const char *store_text(ctx *c, const char *s, size_t n)
{
    hys_frame *f = c->f;
    if (f->text_used + n + 1 > sizeof f->text) {
        f->overflow = 1;
        return NULL;
    }
    char *d = f->text + f->text_used;
    memcpy(d, s, n);
    d[n] = '\0';
    f->text_used += n + 1;
    return d;
}

static hys_draw *add(ctx *c, hys_draw_kind k, int x, int y, int w, int h)
{
    hys_frame *f = c->f;
    if (f->ndraw >= HYS_MAX_DRAW) {
        f->overflow = 1;
        return NULL;
    }
    hys_draw *d = &f->draw[f->ndraw++];
    memset(d, 0, sizeof *d);
    d->kind = k, d->x = x, d->y = y, d->w = w, d->h = h;
    return d;
}

static void rect(ctx *c, int x, int y, int w, int h, hys_color fill, hys_color edge, int border,
                 int radius)
{
    hys_draw *d = add(c, HYS_DRAW_RECT, x, y, w, h);
    if (!d) return;
    d->fill = fill, d->edge = edge, d->border = border, d->radius = radius;
}

static void image(ctx *c, int x, int y, int w, int h, const char *path)
{
    if (!path || w <= 0 || h <= 0) return;
    if (c->t->picture_badge) { /* black outlines need a light ground on a dark theme */
        int side = w < h ? w : h, b = side / 12 + 1;
        rect(c, x + (w - side) / 2 - b, y + (h - side) / 2 - b, side + 2 * b, side + 2 * b,
             c->t->badge, c->t->badge, 0, side / 6);
    }
    const char *p = store_text(c, path, strlen(path));
    hys_draw *d = p ? add(c, HYS_DRAW_IMAGE, x, y, w, h) : NULL;
    if (d) d->image = p;
}

static void icon(ctx *c, int x, int y, int w, int h, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, name);
    image(c, x, y, w, h, path);
    /* arrows point the way the screen reads */
    if (c->rtl && c->f->ndraw > 0 &&
        (!strcmp(name, "next") || !strcmp(name, "back") || !strcmp(name, "skip")))
        c->f->draw[c->f->ndraw - 1].flip = 1;
}

/* Something to hear; the words are c->say when set, else text. */
static void speak_item(ctx *c, int x, int y, int w, int h, const char *text, int lang, int ti)
{
    hys_frame *f = c->f;
    const char *words = c->say ? c->say : text;
    const char *wav = c->say_wav;
    c->say = c->say_wav = NULL;
    if (c->group < 0 || !words || !*words) return;
    if (f->nspeak >= HYS_MAX_SPEAK) {
        f->overflow = 1;
        return;
    }
    const char *st = store_text(c, words, strlen(words));
    const char *sl = text && text != words ? store_text(c, text, strlen(text)) : st;
    const char *sw = wav ? store_text(c, wav, strlen(wav)) : NULL;
    if (!st || !sl) return;
    hys_speak *sp = &f->speak[f->nspeak++];
    sp->x = x, sp->y = y, sp->w = w, sp->h = h;
    sp->text = st, sp->label = sl, sp->wav = sw, sp->lang = lang, sp->target = ti;
    sp->group = c->group;
    sp->in_screen = ti < 0 || (c->group == HYS_READ_CONTENT && !c->quiet);
}

/* A touch target; label is what it says when heard, with c->meaning after it. */
static void target(ctx *c, const char *id, int x, int y, int w, int h, hys_action a, int arg,
                   int enabled, const char *label, int lang)
{
    hys_frame *f = c->f;
    if (f->ntargets >= HYS_MAX_TARGETS) {
        f->overflow = 1;
        return;
    }
    hys_target *t = &f->targets[f->ntargets++];
    snprintf(t->id, sizeof t->id, "%s", id);
    t->x = x, t->y = y, t->w = w, t->h = h;
    t->action = a, t->arg = arg, t->enabled = enabled;
    char words[600];
    if (c->meaning && !c->say) {
        if (label && *label)
            snprintf(words, sizeof words, "%s. %s", label, c->meaning);
        else
            snprintf(words, sizeof words, "%s", c->meaning);
        c->say = words;
    }
    c->meaning = NULL;
    speak_item(c, x, y, w, h, label, lang, f->ntargets - 1);
}

static int pressed(const ctx *c, const char *id)
{
    return c->in->pressed && !strcmp(c->in->pressed, id);
}

/* ---- text ---- */

/* Tell the measure which language (script, direction, line height) comes. */
static void measure_lang(const ctx *c)
{
    const hys_measure *m = c->in->measure;
    ctx *mc = (ctx *)c; /* only the cache of what was last said changes */
    if (m->set_lang && mc->measured != c->lang) {
        m->set_lang(m->ud, c->lang);
        mc->measured = c->lang;
    }
}

/* Widths and heights of text at size px. */
static int text_w(const ctx *c, const char *s, size_t n, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->width(c->in->measure->ud, s, n, px, bold);
}

static int line_h(const ctx *c, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->line_height(c->in->measure->ud, px, bold);
}

typedef struct line {
    const char *s;
    size_t n;
} line;

/* Break text into lines no wider than w; returns the number of lines (at
 * most max). A word wider than w is broken between characters. */
static int wrap(const ctx *c, const char *text, int px, int bold, int w, line *out, int max)
{
    int n = 0;
    const char *p = text;
    while (*p && n < max) {
        while (*p == ' ')
            p++;
        if (!*p) break;
        const char *start = p, *best = NULL;
        const char *q = p;
        for (;;) {
            const char *e = q;
            while (*e && *e != ' ' && *e != '\n')
                e++;
            if (text_w(c, start, (size_t)(e - start), px, bold) <= w) {
                best = e;
                if (!*e || *e == '\n') break;
                q = e + 1;
            } else {
                break;
            }
        }
        if (!best) { /* one long word: cut it where it stops fitting */
            const char *e = start + 1;
            while (*e && ((unsigned char)*e & 0xC0) == 0x80)
                e++;
            best = e;
            while (*best && *best != ' ' && *best != '\n') {
                const char *nx = best + 1;
                while (*nx && ((unsigned char)*nx & 0xC0) == 0x80)
                    nx++;
                if (text_w(c, start, (size_t)(nx - start), px, bold) > w) break;
                best = nx;
            }
        }
        out[n].s = start;
        out[n].n = (size_t)(best - start);
        n++;
        p = best;
        if (*p == '\n') p++;
    }
    return n;
}

/* The height text needs at size px in a box w wide (up to 12 lines). */
static int text_need(const ctx *c, const char *text, int px, int bold, int w)
{
    line tmp[12];
    return wrap(c, text ? text : "", px, bold, w, tmp, 12) * line_h(c, px, bold);
}

/* Lay text out in the box, shrinking the size (to no less than 60%) until it
 * fits. Returns the height used. */
static int text_box(ctx *c, const char *text, int x, int y, int w, int h, int px, int bold,
                    hys_color color, align al, int vcenter)
{
    if (!text || !*text || w <= 0) return 0;
    line lines[40];
    int n = 0, lh = 0;
    int size = px, floor_px = S(c, 36) < px ? S(c, 36) : px;
    for (;;) {
        n = wrap(c, text, size, bold, w, lines, 40);
        lh = line_h(c, size, bold);
        if (n * lh <= h || size <= floor_px) break;
        size = size * 9 / 10;
    }
    int max_lines = lh > 0 ? h / lh : n;
    if (max_lines < 1) max_lines = 1;
    /* a single line may lend a little of its line gap, not more */
    int too_tall = n == 1 && lh * 4 > h * 5;
    if (n > max_lines || too_tall) { /* what cannot fit even at the floor size: tests look for it */
        n = max_lines;
        if (!c->f->clipped++) {
            /* the start of the text, cut at a character boundary */
            size_t k = strlen(text), cap = sizeof c->f->clipped_text - 1;
            if (k > cap)
                for (k = cap; k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80; k--)
                    ;
            snprintf(c->f->clipped_text, sizeof c->f->clipped_text, "%.*s", (int)k, text);
        }
    }
    int total = n * lh;
    int ty = vcenter && total < h ? y + (h - total) / 2 : y;
    if (!c->inner) speak_item(c, x, ty, w, total, text, -1, -1);
    for (int i = 0; i < n; i++) {
        int lw = text_w(c, lines[i].s, lines[i].n, size, bold);
        int lx = al == ALIGN_CENTER ? x + (w - lw) / 2 : x;
        const char *s = store_text(c, lines[i].s, lines[i].n);
        hys_draw *d = s ? add(c, HYS_DRAW_TEXT, lx, ty + i * lh, lw, lh) : NULL;
        if (!d) return total;
        d->text = s, d->px = size, d->bold = bold, d->fill = color, d->lang = c->lang;
    }
    return total;
}

/* ---- buttons ---- */

typedef enum { B_PRIMARY, B_NORMAL } bstyle;

/* A button with an icon at the start and a label: the whole box is the target. */
static void button(ctx *c, const char *id, hys_action a, int arg, int x, int y, int w, int h,
                   const char *icon_name, const char *label, bstyle st, int enabled)
{
    const hys_theme *t = c->t;
    hys_color bg = st == B_PRIMARY ? t->primary : t->button;
    hys_color fg = st == B_PRIMARY ? t->on_primary : t->on_button;
    if (!enabled)
        bg = t->disabled, fg = t->on_disabled;
    else if (pressed(c, id))
        bg = t->pressed, fg = t->on_pressed;
    rect(c, x, y, w, h, bg, enabled ? t->edge : t->on_disabled, S(c, 3), S(c, 16));
    int pad = S(c, 12);
    if (!label) { /* a picture button: its meaning is heard */
        icon(c, x + pad, y + pad, w - 2 * pad, h - 2 * pad, icon_name);
        int lang = c->say_lang;
        c->say_lang = -1;
        target(c, id, x, y, w, h, a, arg, enabled, NULL, lang);
        return;
    }
    int isz = h - 2 * pad;
    if (isz > S(c, 72)) isz = S(c, 72);
    int tx = x + pad, tw = w - 2 * pad;
    /* the icon shrinks, or goes, before a word of the label would be broken */
    const char *was_lang = c->lang;
    if (c->say_lang >= 0) c->lang = lang_code(c, c->say_lang);
    int longest = 0;
    for (const char *p = label; p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int ww = e > p ? text_w(c, p, (size_t)(e - p), S(c, 36), 1) : 0;
        if (ww > longest) longest = ww;
        p = e;
    }
    if (icon_name && tw - isz - pad < longest) {
        isz = tw - pad - longest;
        if (isz < S(c, 40)) icon_name = NULL;
    }
    /* …and goes when the words would not fit beside it but fit without it */
    if (icon_name) {
        line tmp[8];
        int lh = line_h(c, S(c, 36), 1);
        int with = wrap(c, label, S(c, 36), 1, tw - isz - pad, tmp, 8);
        int without = wrap(c, label, S(c, 36), 1, tw, tmp, 8);
        if (with * lh > h - 4 && without < with) icon_name = NULL;
    }
    c->lang = was_lang;
    if (icon_name && w > isz * 3) {
        /* icons are drawn in black: give them a light badge on dark buttons (>= 3:1) */
        if (st == B_PRIMARY && enabled)
            rect(c, x + pad - S(c, 4), y + (h - isz) / 2 - S(c, 4), isz + S(c, 8), isz + S(c, 8),
                 t->button, t->button, 0, S(c, 10));
        icon(c, x + pad, y + (h - isz) / 2, isz, isz, icon_name);
        tx += isz + pad;
        tw -= isz + pad;
    }
    c->inner = 1;
    const char *screen_lang = c->lang;
    if (c->say_lang >= 0) c->lang = lang_code(c, c->say_lang); /* a language's own name */
    text_box(c, label, tx, y + 2, tw, h - 4, S(c, 36), 1, fg,
             icon_name ? ALIGN_START : ALIGN_CENTER, 1);
    c->lang = screen_lang;
    c->inner = 0;
    int lang = c->say_lang;
    c->say_lang = -1;
    target(c, id, x, y, w, h, a, arg, enabled, label, lang);
}

/* ---- bars ---- */

static int top_h(const ctx *c)
{
    int h = S(c, 88);
    if (h < c->tmin + 16) h = c->tmin + 16;       /* room for the smallest target */
    int need = line_h(c, S(c, 36), 1) + S(c, 20); /* one line of large text */
    return need > h ? need : h;
}

/* The bottom bar: one line of its words fits. */
static int bottom_h(const ctx *c)
{
    int slot = line_h(c, S(c, 36), 1) + S(c, 12);
    int h = c->portrait ? S(c, 236) : S(c, 128);
    int need = c->portrait ? 2 * slot + S(c, 30) : slot + S(c, 20);
    return need > h ? need : h;
}

/* Where slot i (0..3) of the bottom bar is: one row of four, or in portrait
 * two rows of two. Slots keep their places on every screen. */
static void bar_slot(const ctx *c, int i, int *x, int *y, int *w, int *h)
{
    int W = c->f->w, H = c->f->h, m = c->m, top = H - bottom_h(c);
    if (c->portrait) {
        *w = (W - 3 * m) / 2;
        *h = (bottom_h(c) - S(c, 30)) / 2;
        *x = m + (i % 2) * (*w + m);
        *y = top + S(c, 10) + (i / 2) * (*h + S(c, 10));
    } else {
        *w = (W - 5 * m) / 4;
        *h = bottom_h(c) - S(c, 20);
        *x = m + i * (*w + m);
        *y = top + S(c, 10);
    }
}

static void top_bar(ctx *c, int with_progress)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, th = top_h(c), m = c->m;
    rect(c, 0, 0, W, th, t->bar, t->bar, 0, 0);
    int right = W - m - c->corner_w;
    if (fm->nlangs > 1 &&
        (c->v->screen == HYS_SCREEN_QUESTION || c->v->screen == HYS_SCREEN_REVIEW)) {
        int bw = S(c, 260);
        if (bw > W / 3) bw = W / 3;
        right -= bw;
        c->group = HYS_READ_TOP;
        c->meaning = tr(c, "Choose another language");
        int lh = 48 * th / 60 > c->tmin ? 48 * th / 60 : c->tmin;
        if (lh > th - 4) lh = th - 4;
        button(c, "button:language", HYS_ACT_LANGUAGE_MENU, 0, right, (th - lh) / 2, bw, lh,
               "language", hys_lang_autonym(&fm->langs[c->v->lang]), B_NORMAL, 1);
        c->group = HYS_READ_CONTENT;
        right -= m;
    }
    if (!with_progress) return;
    char buf[64];
    snprintf(buf, sizeof buf, tr(c, "%d of %d"), c->v->progress_pos, c->v->progress_total);
    int px = S(c, 36);
    int tw = text_w(c, buf, strlen(buf), px, 1);
    char said[96];
    snprintf(said, sizeof said, tr(c, "Question %d of %d"), c->v->progress_pos,
             c->v->progress_total);
    c->group = HYS_READ_HEADING;
    c->say = said;
    text_box(c, buf, m, 0, tw + 4, th, px, 1, t->text, ALIGN_START, 1);
    c->group = HYS_READ_CONTENT;
    /* dots: filled for done and current (current larger), rings for the rest */
    int n = c->v->progress_total;
    int x = m + tw + S(c, 28), d = S(c, 22), gap = S(c, 12);
    if (n <= 0 || x + n * (d + gap) > right) return;
    for (int i = 1; i <= n; i++) {
        int cur = i == c->v->progress_pos, size = cur ? S(c, 30) : d;
        int cy = th / 2 - size / 2;
        if (i <= c->v->progress_pos)
            rect(c, x, cy, size, size, t->text, t->text, 0, size / 2);
        else
            rect(c, x, cy, size, size, t->bar, t->text, S(c, 3), size / 2);
        x += size + gap;
    }
}

/* Back | I don't understand | Skip | Next, always in the same places. */
static void bottom_bar(ctx *c, int back, int dont, int skip, int next, const char *next_label,
                       const char *next_icon, hys_action next_action)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, bh = bottom_h(c);
    rect(c, 0, H - bh, W, bh, t->bar, t->bar, 0, 0);
    int x, y, w, h;
    c->group = HYS_READ_BOTTOM;
    if (back) {
        bar_slot(c, 0, &x, &y, &w, &h);
        c->meaning = tr(c, "Go back one step");
        button(c, "button:back", HYS_ACT_BACK, 0, x, y, w, h, "back", tr(c, "Back"), B_NORMAL, 1);
    }
    if (dont) {
        bar_slot(c, 1, &x, &y, &w, &h);
        c->meaning = tr(c, "Tell us this question is hard to understand, and go on");
        button(c, "button:dont-understand", HYS_ACT_DONT_UNDERSTAND, 0, x, y, w, h,
               "dont-understand", tr(c, "I don't understand"), B_NORMAL, 1);
    }
    if (skip) {
        bar_slot(c, 2, &x, &y, &w, &h);
        c->meaning = tr(c, "Go on without answering");
        button(c, "button:skip", HYS_ACT_SKIP, 0, x, y, w, h, "skip", tr(c, "Skip"), B_NORMAL, 1);
    }
    if (next >= 0) {
        bar_slot(c, 3, &x, &y, &w, &h);
        if (!next) c->meaning = tr(c, "Choose an answer first");
        const char *id = next_action == HYS_ACT_NEXT     ? "button:next"
                         : next_action == HYS_ACT_FINISH ? "button:finish"
                                                         : "button:done";
        button(c, id, next_action, 0, x, y, w, h, next_icon, next_label, B_PRIMARY, next);
    }
    c->group = HYS_READ_CONTENT;
}

/* ---- answer cards ---- */

/* A card: picture above, one- or two-word label below; shape cues for chosen. */
static void card(ctx *c, const char *id, hys_action a, int arg, int x, int y, int w, int h,
                 const char *pic, const char *label, int chosen, int checkbox)
{
    const hys_theme *t = c->t;
    hys_color bg = chosen ? t->chosen : t->card, fg = chosen ? t->on_chosen : t->on_card;
    if (pressed(c, id)) bg = t->pressed, fg = t->on_pressed;
    rect(c, x, y, w, h, bg, chosen ? t->chosen_edge : t->edge, chosen ? S(c, 9) : S(c, 3),
         S(c, 18));
    int pad = S(c, 10);
    /* the label gets the lines it needs (up to three); the picture the rest */
    line tmp[4];
    int lines = label ? wrap(c, label, S(c, 36), 1, w - 2 * pad, tmp, 4) : 1;
    if (lines < 1) lines = 1;
    int label_h = line_h(c, S(c, 36), 1) * lines;
    if (label_h > h - 2 * pad) label_h = h - 2 * pad;
    int pic_h = h - label_h - 3 * pad;
    int pic_w = w - 2 * pad;
    int ps = pic_h < pic_w ? pic_h : pic_w;
    if (ps > 0 && pic) image(c, x + (w - ps) / 2, y + pad, ps, ps, pic);
    c->inner = 1;
    text_box(c, label, x + pad, y + h - label_h - pad, w - 2 * pad, label_h, S(c, 36), 1, fg,
             ALIGN_CENTER, 1);
    c->inner = 0;
    if (checkbox || chosen) {
        /* a tick box in the corner: an empty square, or a square with a tick */
        int b = S(c, 44);
        int room = h - label_h - pad - S(c, 12); /* it stays clear of the words */
        if (b > room) b = room > S(c, 26) ? room : S(c, 26);
        int bx = x + w - b - S(c, 8), byy = y + S(c, 8);
        rect(c, bx, byy, b, b, t->card, t->text, S(c, 4), S(c, 6));
        if (chosen) icon(c, bx + S(c, 4), byy + S(c, 4), b - S(c, 8), b - S(c, 8), "yes");
    }
    char words[600];
    const char *fmt = checkbox ? (chosen ? tr(c, "%s, ticked") : tr(c, "%s, not ticked"))
                               : (chosen ? tr(c, "%s, chosen") : "%s");
    if (!c->say) {
        snprintf(words, sizeof words, fmt, label ? label : "");
        c->say = words;
    }
    target(c, id, x, y, w, h, a, arg, 1, label, -1);
}

/* Lay n cards out in a grid filling the box. */
/* Lay n cards out in a grid filling the box: nearly square cards, as big
 * as can be, among the column counts whose cards hold every label whole
 * (labels wrap; a word is never broken). */
static int grid_dims(const ctx *c, int n, int w, int h, const char *const *labels, int reserve,
                     int *cols, int *rows)
{
    int best_c = 1, best_fit = -1, gap = S(c, 16), pad = S(c, 10);
    double best = -1;
    int lh = line_h(c, S(c, 36), 1);
    for (int cc = 1; cc <= n && cc <= 6; cc++) {
        int rr = (n + cc - 1) / cc;
        int cw = (w - (cc - 1) * gap) / cc, ch = (h - (rr - 1) * gap) / rr;
        /* does every label fit, with at least a small picture? */
        int fit = 1;
        for (int i = 0; i < n && fit; i++) {
            line tmp[5];
            int lines = labels[i] ? wrap(c, labels[i], S(c, 36), 1, cw - 2 * pad, tmp, 5) : 1;
            int longest = 0;
            for (int k = 0; k < lines; k++) {
                int lw = text_w(c, tmp[k].s, tmp[k].n, S(c, 36), 1);
                if (lw > longest) longest = lw;
            }
            fit = lines <= 4 && longest <= cw - 2 * pad && lines * lh + 3 * pad + reserve <= ch;
        }
        double sz = cw < ch * 1.1 ? cw : ch * 1.1; /* prefer nearly square cards */
        if (fit > best_fit || (fit == best_fit && sz > best + 0.5))
            best_fit = fit, best = sz, best_c = cc;
    }
    *cols = best_c;
    *rows = (n + best_c - 1) / best_c;
    return best_fit;
}

static void question_choices(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    const char *value;
    hys_answer_status st = hys_journey_answer(c->in->journey, v->question, &value);
    int extra_dk = q->look == HYS_LOOK_FACES;
    for (int i = 0; i < q->nchoices; i++)
        if (!strcmp(q->choices[i].name, "dont_know")) extra_dk = 0;
    int n = q->nchoices + extra_dk;
    const char *labels[HYS_MAX_CHOICES + 1];
    for (int i = 0; i < n && i <= HYS_MAX_CHOICES; i++)
        labels[i] = i < q->nchoices ? hys_form_text(fm, &q->choices[i].label, v->lang)
                                    : tr(c, "Don't know");
    int cols, rows;
    /* tick boxes sit in the corner, above the words */
    int tick = q->type == HYS_Q_SELECT_MULTIPLE ? S(c, 14) : 0; /* the box shrinks to 26 */
    /* all the answers at once if they fit; else pages of them, with large
     * arrow buttons below (never a drag) */
    int first = 0, count = n, pages = 1;
    if (!grid_dims(c, n, w, h, labels, tick, &cols, &rows) && n > 1) {
        int gap0 = S(c, 12), bw0 = (w - gap0) / 2 - S(c, 24);
        int h1 = text_need(c, tr(c, "Earlier answers"), S(c, 36), 1, bw0);
        int h2 = text_need(c, tr(c, "More answers"), S(c, 36), 1, bw0);
        int ah = (h1 > h2 ? h1 : h2) + S(c, 16);
        if (ah < S(c, 84)) ah = S(c, 84);
        if (ah < c->tmin) ah = c->tmin;
        int per = n - 1;
        while (per > 1 && !grid_dims(c, per, w, h - ah - gap0, labels, tick, &cols, &rows))
            per--;
        pages = (n + per - 1) / per;
        int page = v->page < pages ? v->page : pages - 1;
        first = page * per, count = first + per < n ? per : n - first;
        grid_dims(c, count, w, h - ah - gap0, labels + first, tick, &cols, &rows);
        int bw = (w - gap0) / 2, by = y + h - ah;
        c->group = HYS_READ_CONTENT;
        button(c, "button:answers-up", HYS_ACT_PAGE, -1, x, by, bw, ah, NULL,
               tr(c, "Earlier answers"), B_NORMAL, page > 0);
        button(c, "button:answers-down", HYS_ACT_PAGE, 1, x + bw + gap0, by, bw, ah, NULL,
               tr(c, "More answers"), B_NORMAL, page < pages - 1);
        h -= ah + gap0;
    }
    hys_journey_set_pages((hys_journey *)c->in->journey, pages);
    int gap = S(c, 16);
    int cw = (w - (cols - 1) * gap) / cols, ch = (h - (rows - 1) * gap) / rows;
    if (ch > cw * 3 / 2) ch = cw * 3 / 2;
    int total_h = rows * ch + (rows - 1) * gap;
    int y0 = y + (h - total_h) / 2;
    for (int i = first; i < first + count; i++) {
        int r = (i - first) / cols, col = (i - first) % cols;
        int in_row = r == rows - 1 ? count - r * cols : cols;
        int row_w = in_row * cw + (in_row - 1) * gap;
        int cx = x + (w - row_w) / 2 + col * (cw + gap);
        int cy = y0 + r * (ch + gap);
        char id[64];
        const char *name = i < q->nchoices ? q->choices[i].name : "dont_know";
        snprintf(id, sizeof id, "choice:%s", name);
        const char *label = i < q->nchoices ? hys_form_text(fm, &q->choices[i].label, v->lang)
                                            : tr(c, "Don't know");
        const char *pic = i < q->nchoices ? hys_form_text(fm, &q->choices[i].image, v->lang) : NULL;
        char dk_path[1024];
        if (i >= q->nchoices) {
            snprintf(dk_path, sizeof dk_path, "%s/dont-know.svg", c->in->icons_dir);
            pic = dk_path;
        }
        if (i < q->nchoices) c->say_wav = hys_form_text(fm, &q->choices[i].audio, v->lang);
        int chosen;
        if (q->type == HYS_Q_SELECT_MULTIPLE)
            chosen = i < 64 && (v->selected >> i) & 1;
        else
            chosen = st == HYS_STATUS_ANSWERED && !strcmp(value, name);
        card(c, id, q->type == HYS_Q_SELECT_MULTIPLE ? HYS_ACT_TOGGLE : HYS_ACT_CHOOSE, i, cx, cy,
             cw, ch, pic, label, chosen, q->type == HYS_Q_SELECT_MULTIPLE);
    }
}

/* ---- on-screen keyboards ---- */

/* A keyboard is a few pages of rows; the page key moves to the next page. */
typedef struct kb_page {
    const char *rows[5];
    const char *label; /* on the key that leads to this page */
    const char *say;   /* what that key says */
    int ltr;           /* laid out left to right even on right-to-left screens */
} kb_page;

static const kb_page kb_latin[] = {
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
    {{"áàâäąćçčéèêë", "ęěíîïłńñóôöő", "øśšșțúüűůŵýŷ", "źżžßãåřă"},
     "áéł",
     "Letters with accents",
     1},
};
/* Arabic and Urdu letters in alphabetical order: easier to find than a
 * typist's layout for someone who rarely types */
static const kb_page kb_arabic[] = {
    {{"ابتثجحخدذرز", "سشصضطظعغفقك", "لمنهويءةىئؤأإآ"}, "أبت", "Arabic letters", 0},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};
static const kb_page kb_urdu[] = {
    {{"ابپتٹثجچحخدڈذ", "رڑزژسشصضطظعغف", "قکگلمنںوہھءیےۓ"}, "ابپ", "Urdu letters", 0},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};
static const kb_page kb_bengali[] = {
    {{"অআইঈউঊঋএঐওঔকখগঘ", "ঙচছজঝঞটঠডঢণতথদধ", "নপফবভমযরলশষসহ"}, "অআক", "Bengali letters", 1},
    {{"ািীুূৃেৈোৌ্", "ংঃঁড়ঢ়য়ৎ"}, "◌া", "Bengali vowel signs", 1},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};
static const kb_page kb_gurmukhi[] = {
    {{"ੳਅੲਸਹਕਖਗਘਙਚਛਜਝ", "ਞਟਠਡਢਣਤਥਦਧਨਪਫ", "ਬਭਮਯਰਲਵੜਸ਼ਖ਼ਗ਼ਜ਼ਫ਼"}, "ਅਸਕ", "Punjabi letters", 1},
    {{"ਾਿੀੁੂੇੈੋੌੰਂ", "ੱ਼੍"}, "◌ਾ", "Punjabi vowel signs", 1},
    {{"qwertyuiop", "asdfghjkl", "zxcvbnm"}, "abc", "Plain letters", 1},
};
static const char *const kb_digits[] = {"123", "456", "789"};

/* The keyboard for the screen's language, by its script. */
static const kb_page *kb_for(const ctx *c, int *npages)
{
    const char *l = c->lang;
    const kb_page *k = kb_latin;
    int n = 2;
    if (!strncmp(l, "ur", 2))
        k = kb_urdu, n = 2;
    else if (hys_lang_is_rtl(l))
        k = kb_arabic, n = 2;
    else if (!strncmp(l, "bn", 2))
        k = kb_bengali, n = 3;
    else if (!strncmp(l, "pa", 2))
        k = kb_gurmukhi, n = 3;
    *npages = n;
    return k;
}

static void keys(ctx *c, const hys_question *q, int x, int y, int w, int h);

static void key(ctx *c, const char *label, const char *id, hys_action a, int arg, int x, int y,
                int w, int h)
{
    const hys_theme *t = c->t;
    hys_color bg = pressed(c, id) ? t->pressed : t->button;
    rect(c, x, y, w, h, bg, t->edge, S(c, 3), S(c, 10));
    c->inner = 1;
    /* key caps in the Arabic script use the plain Naskh style (as Urdu phone
     * keyboards do): a single Nastaliq letter needs twice the height */
    const char *was = c->lang;
    if (hys_lang_is_rtl(c->lang)) c->lang = "ar";
    text_box(c, label, x, y, w, h, S(c, 38), 1, t->on_button, ALIGN_CENTER, 1);
    c->lang = was;
    c->inner = 0;
    target(c, id, x, y, w, h, a, arg, 1, label, -1);
}

static void keyboard(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    c->quiet = 1; /* keys are heard one at a time, not read with the screen */
    keys(c, q, x, y, w, h);
    c->quiet = 0;
}

static void keys(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    int gap = S(c, 10);
    char id[64], lab[8];
    if (q->type == HYS_Q_INTEGER) {
        int kw = (w - 2 * gap) / 3;
        if (kw > S(c, 200)) kw = S(c, 200);
        int kh = (h - 3 * gap) / 4;
        int x0 = x + (w - (3 * kw + 2 * gap)) / 2;
        for (int r = 0; r < 3; r++)
            for (int k = 0; k < 3; k++) {
                char d = kb_digits[r][k];
                snprintf(lab, sizeof lab, "%c", d);
                snprintf(id, sizeof id, "key:%c", d);
                int kx = x0 + (c->rtl ? 2 - k : k) * (kw + gap); /* 1 2 3 in every language */
                key(c, lab, id, HYS_ACT_KEY, d, kx, y + r * (kh + gap), kw, kh);
            }
        key(c, "0", "key:0", HYS_ACT_KEY, '0', x0 + kw + gap, y + 3 * (kh + gap), kw, kh);
        key(c, tr(c, "Delete"), "key:backspace", HYS_ACT_ERASE, 0,
            x0 + (c->rtl ? 0 : 2) * (kw + gap), y + 3 * (kh + gap), kw, kh);
        return;
    }
    int npages;
    const kb_page *pages = kb_for(c, &npages);
    int page = c->v->kb_page / 16, part = c->v->kb_page % 16;
    if (page < 0 || page >= npages) page = 0, part = 0;
    const kb_page *pg = &pages[page];
    /* the page's letters, and where its written rows break */
    enum { MAXK = 128 };
    size_t at[MAXK], len[MAXK];
    unsigned cps[MAXK];
    int nk = 0, brk[6] = {0}, nrows = 0;
    for (; nrows < 5 && pg->rows[nrows]; nrows++) {
        const char *row = pg->rows[nrows];
        size_t rl = strlen(row);
        for (size_t i = 0; i < rl && nk < MAXK;) {
            size_t l = hys_utf8_decode(row + i, rl - i, &cps[nk]);
            if (!l) l = 1;
            at[nk] = i, len[nk] = l;
            nk++;
            i += l;
        }
        brk[nrows + 1] = nk;
    }
    /* keys are at least 48 px each way: the written rows are kept when they
     * fit, else the letters flow into as many keys a row as fit, and into
     * parts of the page that the page key steps through */
    const int min_key = c->tmin + 4;
    int per_row = 11;
    for (int r = 0; r < nrows; r++)
        if (brk[r + 1] - brk[r] > per_row) per_row = brk[r + 1] - brk[r];
    int flow = (w - (per_row - 1) * gap) / per_row < min_key;
    if (flow) per_row = (w + gap) / (min_key + gap);
    if (per_row < 1) per_row = 1;
    int rows_fit = (h + gap) / (min_key + gap) - 1;
    if (rows_fit < 1) rows_fit = 1;
    int rows_needed = flow ? (nk + per_row - 1) / per_row : nrows;
    if (rows_needed > rows_fit) flow = 1;
    int per_part = flow ? per_row * rows_fit : nk;
    int parts = per_part > 0 ? (nk + per_part - 1) / per_part : 1;
    if (part >= parts) part = 0;
    int first = part * per_part, last = first + per_part < nk ? first + per_part : nk;
    int rows = flow ? (last - first + per_row - 1) / per_row : nrows;
    int kh = (h - rows * gap) / (rows + 1);
    if (kh > S(c, 110)) kh = S(c, 110);
    int kw = (w - (per_row - 1) * gap) / per_row;
    int full = per_row * kw + (per_row - 1) * gap; /* the bottom row spans the same */
    /* a left-to-right page on a right-to-left screen is laid out reversed, so
     * that the mirror puts it back */
    int flip = c->rtl && pg->ltr;
    for (int r = 0; r < rows; r++) {
        int from = flow ? first + r * per_row : brk[r];
        int to = flow ? (from + per_row < last ? from + per_row : last) : brk[r + 1];
        int n = to - from;
        int kx = x + (w - (n * kw + (n - 1) * gap)) / 2;
        for (int k = from; k < to; k++) {
            const char *row = pg->rows[0];
            for (int rr = 0; rr < nrows; rr++)
                if (k >= brk[rr] && k < brk[rr + 1]) row = pg->rows[rr];
            snprintf(lab, sizeof lab, "%.*s", (int)len[k], row + at[k]);
            snprintf(id, sizeof id, "key:%s", lab);
            int kxx = flip ? 2 * x + w - kx - kw : kx;
            key(c, lab, id, HYS_ACT_KEY, (int)cps[k], kxx, y + r * (kh + gap), kw, kh);
            kx += kw + gap;
        }
    }
    int ry = y + rows * (kh + gap);
    int side = full * 2 / 11, x0 = x + (w - full) / 2;
    if (side < min_key) side = min_key;
    /* the page key: the next part of this page, or the next page */
    int next_page = part + 1 < parts ? page : (page + 1) % npages;
    int next_part = part + 1 < parts ? part + 1 : 0;
    const kb_page *next = &pages[next_page];
    c->say = tr(c, part + 1 < parts ? "More letters" : next->say);
    key(c, part + 1 < parts ? "…" : next->label, "key:accents", HYS_ACT_KB_PAGE,
        next_page * 16 + next_part, x0, ry, side, kh);
    int space_w = full - 2 * side - 2 * gap;
    key(c, tr(c, "Space"), "key:space", HYS_ACT_KEY, ' ', x0 + side + gap, ry, space_w, kh);
    key(c, tr(c, "Delete"), "key:backspace", HYS_ACT_ERASE, 0, x0 + full - side, ry, side, kh);
}

/* ---- screens ---- */

/* A screen's heading, with its picture (icon may be NULL), at the top left:
 * beside the corner buttons, or below them when the screen is narrow. The
 * box is as tall as the words need. Returns the y just below it. */
static int heading(ctx *c, const char *icon_name, const char *text, int px, int isz)
{
    int W = c->f->w, m = c->m;
    int narrow = c->portrait || W - 3 * m - isz - c->corner_w < W / 2;
    int y = narrow ? top_h(c) : S(c, 20);
    int tx = icon_name ? m + isz + m : m;
    int tw = W - tx - m - (narrow ? 0 : c->corner_w);
    int need = text_need(c, text, px, 1, tw);
    int h = need > isz ? need : isz;
    if (icon_name) icon(c, m, y + (h - isz) / 2, isz, isz, icon_name);
    text_box(c, text, tx, y, tw, h, px, 1, c->t->text, ALIGN_START, 1);
    int below = y + h + S(c, 16);
    return below > top_h(c) + S(c, 8) ? below : top_h(c) + S(c, 8); /* and below the corner */
}

static void screen_welcome(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* the title keeps clear of the speaker buttons: beside them, or in portrait below */
    int y = S(c, 48), side = m + c->corner_w;
    if (c->portrait && c->corner_w) y = top_h(c) + S(c, 8), side = m;
    y += text_box(c, fm->title, side, y, W - 2 * side, S(c, 170), S(c, 64), 1, t->text,
                  ALIGN_CENTER, 0);
    y += S(c, 20);
    int bh = S(c, 150), bw = S(c, 560);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int extra = fm->nupdates ? S(c, 120) : 0;
    int pic = H - y - bh - extra - S(c, 90);
    if (pic > S(c, 260)) pic = S(c, 260);
    if (pic > S(c, 60)) {
        icon(c, (W - pic) / 2, y, pic, pic, "start");
        y += pic + S(c, 30);
    }
    c->meaning = tr(c, "Start answering the questions");
    button(c, "button:start", HYS_ACT_START, 0, (W - bw) / 2, y, bw, bh, "next", tr(c, "Start"),
           B_PRIMARY, 1);
    y += bh + S(c, 24);
    if (fm->nupdates) {
        int uw = S(c, 760);
        if (uw > W - 2 * m) uw = W - 2 * m;
        int ch = text_need(c, tr(c, "What changed because of what people said"), S(c, 36), 1,
                           uw - S(c, 24) - S(c, 72) - S(c, 12)) +
                 S(c, 16);
        if (ch < S(c, 100)) ch = S(c, 100);
        button(c, "button:changes", HYS_ACT_UPDATES, 0, (W - uw) / 2, y, uw, ch, "changes",
               tr(c, "What changed because of what people said"), B_NORMAL, 1);
    }
}

static void screen_language(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, "language", tr(c, "Choose your language"), S(c, 52), S(c, 90));
    int bot = bottom_h(c);
    int n = fm->nlangs, cols = c->portrait ? 1 : (n > 4 ? 3 : 2);
    if (n == 1) cols = 1;
    int rows = (n + cols - 1) / cols, gap = S(c, 20);
    int area_h = H - top - bot - S(c, 20);
    int bh = (area_h - (rows - 1) * gap) / rows;
    if (bh > S(c, 130)) bh = S(c, 130);
    int bw = (W - 2 * m - (cols - 1) * gap) / cols;
    for (int i = 0; i < n; i++) {
        char id[64];
        snprintf(id, sizeof id, "lang:%s", fm->langs[i].code);
        int x = m + (i % cols) * (bw + gap), y = top + (i / cols) * (bh + gap);
        int cur = i == c->v->lang;
        c->say_lang = i; /* each language's name is heard in that language */
        button(c, id, HYS_ACT_LANG, i, x, y, bw, bh, NULL, hys_lang_autonym(&fm->langs[i]),
               cur ? B_PRIMARY : B_NORMAL, 1);
    }
    bottom_bar(c, 1, 0, 0, -1, NULL, NULL, HYS_ACT_NEXT);
}

static void screen_intro(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, NULL, tr(c, "About these questions"), S(c, 52), S(c, 80));
    int minutes = (fm->nquestions * 20 + 59) / 60;
    if (minutes < 1) minutes = 1;
    char mins[160];
    snprintf(mins, sizeof mins, tr(c, "It takes about %d minutes."), minutes);
    const char *lines[4] = {tr(c, "These questions are about health and care services near you."),
                            tr(c, "You do not give your name. Nobody will know it was you."), mins,
                            tr(c, "You can stop at any time.")};
    const char *icons[4] = {"speech", "anonymous", "time", "stop"};
    int area = H - top - bottom_h(c) - S(c, 16);
    int rh = area / 4, isz = rh - S(c, 16);
    if (isz > S(c, 110)) isz = S(c, 110);
    for (int i = 0; i < 4; i++) {
        int y = top + i * rh;
        icon(c, m, y + (rh - isz) / 2, isz, isz, icons[i]);
        text_box(c, lines[i], m + isz + m, y, W - 3 * m - isz, rh, S(c, 40), 0, t->text,
                 ALIGN_START, 1);
    }
    bottom_bar(c, 1, 0, 0, 1, tr(c, "Next"), "next", HYS_ACT_NEXT);
}

static void screen_practice(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    /* below the corner buttons, so the words get the whole width */
    int top = top_h(c), bot = H - bottom_h(c);
    int pic = S(c, 200);
    if (pic > (bot - top) / 3) pic = (bot - top) / 3;
    icon(c, m, top, pic, pic, "practice");
    int tx = m + pic + m, tw = W - tx - m;
    int y = top;
    y += text_box(c, tr(c, "Let's practise first."), tx, y, tw, line_h(c, S(c, 36), 0) * 2,
                  S(c, 36), 0, t->muted, ALIGN_START, 0);
    /* the question gets the lines it needs (at least beside the picture) */
    const char *ask = tr(c, "Do you like sunny days? Tap a face.");
    int need = text_need(c, ask, S(c, 36), 1, tw);
    int qh = pic - (y - top) > need ? pic - (y - top) : need;
    y += S(c, 8) + text_box(c, ask, tx, y + S(c, 8), tw, qh, S(c, 48), 1, t->text, ALIGN_START, 0);
    static const char *const names[3] = {"no", "not_sure", "yes"};
    static const char *const faces[3] = {"face-2", "face-3", "face-4"};
    const char *labels[3] = {tr(c, "No"), tr(c, "Not sure"), tr(c, "Yes")};
    int ay = (y > top + pic ? y : top + pic) + S(c, 24);
    const char *done =
        tr(c, "Well done! That is how you answer. This practice answer is not kept.");
    int fb = c->v->practice_choice >= 0
                 ? text_need(c, done, S(c, 36), 0, W - 2 * m - S(c, 32)) + S(c, 30)
                 : 0;
    if (fb && fb < S(c, 110)) fb = S(c, 110);
    int ah = bot - ay - S(c, 20) - fb;
    int gap = S(c, 24);
    int cw = (W - 2 * m - 2 * gap) / 3, ch = ah;
    if (cw > S(c, 300)) cw = S(c, 300);
    if (ch > cw * 5 / 4) ch = cw * 5 / 4;
    int x0 = (W - (3 * cw + 2 * gap)) / 2;
    for (int i = 0; i < 3; i++) {
        char id[64], path[1024];
        snprintf(id, sizeof id, "choice:%s", names[i]);
        snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, faces[i]);
        card(c, id, HYS_ACT_CHOOSE, i, x0 + i * (cw + gap), ay, cw, ch, path, labels[i],
             c->v->practice_choice == i, 0);
    }
    if (fb) {
        int fy = ay + ch + S(c, 16);
        rect(c, m, fy, W - 2 * m, fb - S(c, 10), t->panel, t->edge, S(c, 2), S(c, 14));
        text_box(c, tr(c, "Well done! That is how you answer. This practice answer is not kept."),
                 m + S(c, 16), fy, W - 2 * m - S(c, 32), fb - S(c, 10), S(c, 36), 0, t->on_panel,
                 ALIGN_START, 1);
    }
    bottom_bar(c, 1, 0, 0, c->v->practice_choice >= 0, tr(c, "Next"), "next", HYS_ACT_NEXT);
}

static void screen_question(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    const hys_question *q = &fm->questions[v->question];
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int quick = v->quick;
    int top = quick ? S(c, 16) : top_h(c) + S(c, 16);
    int bot = quick ? H - S(c, 16) : H - bottom_h(c) - S(c, 16);
    if (quick && fm->nlangs > 3) {
        /* many languages: one button that opens the language screen */
        int bw = S(c, 300), bh = S(c, 70);
        c->group = HYS_READ_TOP;
        c->meaning = tr(c, "Choose another language");
        button(c, "button:language", HYS_ACT_LANGUAGE_MENU, 0, W - m - c->corner_w - bw, top, bw,
               bh, "language", hys_lang_autonym(&fm->langs[v->lang]), B_NORMAL, 1);
        c->group = HYS_READ_CONTENT;
        top += bh + S(c, 12);
    } else if (quick && fm->nlangs > 1) {
        /* the quick poll's languages sit along the top */
        int bw = S(c, 200), bh = S(c, 70), x = W - m - c->corner_w;
        for (int i = fm->nlangs - 1; i >= 0 && x - bw > W / 3; i--) {
            char id[64];
            snprintf(id, sizeof id, "lang:%s", fm->langs[i].code);
            x -= bw;
            c->say_lang = i;
            button(c, id, HYS_ACT_LANG, i, x, top, bw, bh, NULL, hys_lang_autonym(&fm->langs[i]),
                   i == v->lang ? B_PRIMARY : B_NORMAL, 1);
            x -= S(c, 12);
        }
        top += bh + S(c, 12);
    } else if (!quick) {
        top_bar(c, 1);
    }
    int is_input = q->type == HYS_Q_TEXT || q->type == HYS_Q_INTEGER;
    int avail = bot - top;
    /* the question's words and picture take what they need, up to a share of
     * the screen; the answers get the rest */
    int head_max = q->type == HYS_Q_NOTE ? avail : (is_input ? avail * 20 / 100 : avail * 42 / 100);
    const char *pic = hys_form_text(fm, &q->image, v->lang);
    if (q->type != HYS_Q_NOTE) {
        /* the words get the lines they need at their smallest size (the
         * keyboard gives way up to 40%, answers up to 60%: they page) */
        int tw0 = W - 2 * m - (pic ? (head_max < W / 4 ? head_max : W / 4) + m : 0);
        const char *hint = hys_form_text(fm, &q->hint, v->lang);
        int need = text_need(c, hys_form_text(fm, &q->label, v->lang), S(c, 36), 1, tw0);
        if (hint) need += text_need(c, hint, S(c, 36), 0, tw0) + S(c, 8);
        int cap = avail * (is_input ? 40 : 60) / 100;
        if (need > head_max) head_max = need < cap ? need : cap;
    }
    int psz = head_max;
    if (psz > W / 4) psz = W / 4;
    int tx = m, tw = W - 2 * m;
    if (pic) {
        tx = m + psz + m;
        tw = W - tx - m;
    }
    if (quick && fm->nlangs <= 1) tw -= c->corner_w;
    int y = top;
    const char *group = hys_form_text(fm, &q->group_label, v->lang);
    if (group) y += text_box(c, group, tx, y, tw, S(c, 56), S(c, 36), 0, t->muted, ALIGN_START, 0);
    const char *hint = hys_form_text(fm, &q->hint, v->lang);
    /* the question first; the hint gets what is left (at least one line) */
    int hint_min = hint ? text_need(c, hint, S(c, 36), 0, tw) + S(c, 8) : 0;
    c->say_wav = hys_form_text(fm, &q->audio, v->lang);
    y += text_box(c, hys_form_text(fm, &q->label, v->lang), tx, y, tw,
                  head_max - (y - top) - hint_min, S(c, quick ? 56 : 46), 1, t->text, ALIGN_START,
                  0);
    if (hint)
        y += S(c, 8) + text_box(c, hint, tx, y + S(c, 8), tw, head_max - (y - top) - S(c, 8),
                                S(c, 36), 0, t->muted, ALIGN_START, 0);
    int head = y - top;
    if (q->type == HYS_Q_NOTE) head = head_max;
    if (pic) {
        int min_pic = S(c, 150) < psz ? S(c, 150) : psz;
        if (head < min_pic) head = min_pic;
        image(c, m, top, head < psz ? head : psz, head < psz ? head : psz, pic);
    }
    int ay = top + head + S(c, 16), ah = bot - ay;
    if (q->type == HYS_Q_SELECT_ONE || q->type == HYS_Q_SELECT_MULTIPLE) {
        question_choices(c, q, m, ay, W - 2 * m, ah);
    } else if (is_input) {
        int eh = S(c, 70);
        rect(c, m, ay, W - 2 * m, eh, t->card, t->text, S(c, 4), S(c, 10));
        char shown[HYS_MAX_TEXT_ANSWER + 8];
        snprintf(shown, sizeof shown, "%s|", v->input ? v->input : "");
        char said[HYS_MAX_TEXT_ANSWER + 80];
        if (v->input && v->input[0])
            snprintf(said, sizeof said, tr(c, "You wrote: %s"), v->input);
        else
            snprintf(said, sizeof said, "%s", tr(c, "Nothing written yet"));
        c->say = said;
        text_box(c, shown, m + S(c, 16), ay, W - 2 * m - S(c, 32), eh, S(c, 42), 1, t->on_card,
                 ALIGN_START, 1);
        keyboard(c, q, m, ay + eh + S(c, 16), W - 2 * m, ah - eh - S(c, 16));
    }
    if (!quick)
        bottom_bar(c, v->can_back, q->type != HYS_Q_NOTE, v->can_skip, v->can_next, tr(c, "Next"),
                   "next", HYS_ACT_NEXT);
}

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
        const char *p = value;
        size_t nl = strlen(q->choices[i].name);
        int hit = 0;
        while (*p && !hit) {
            while (*p == ' ')
                p++;
            const char *s = p;
            while (*p && *p != ' ')
                p++;
            hit = (size_t)(p - s) == nl && !strncmp(s, q->choices[i].name, nl);
        }
        if (!hit) continue;
        if (!*pic) *pic = hys_form_text(fm, &q->choices[i].image, c->v->lang);
        len += (size_t)snprintf(buf + len, n > len ? n - len : 0, "%s%s", len ? ", " : "",
                                hys_form_text(fm, &q->choices[i].label, c->v->lang));
        if (len >= n) break;
    }
    return buf;
}

static void screen_review(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    top_bar(c, 0);
    int top = top_h(c) + S(c, 12), bot = H - bottom_h(c) - S(c, 12);
    c->group = HYS_READ_HEADING;
    if (c->portrait) { /* the top bar is full: the heading goes below it */
        top = heading(c, "review", tr(c, "Check your answers"), S(c, 44), S(c, 64));
    } else {
        icon(c, m, S(c, 8), top_h(c) - S(c, 16), top_h(c) - S(c, 16), "review");
        text_box(c, tr(c, "Check your answers"), m + top_h(c), 0, W / 2, top_h(c), S(c, 44), 1,
                 t->text, ALIGN_START, 1);
    }
    c->group = HYS_READ_CONTENT;
    int gap = S(c, 12), cbw = S(c, 210);
    int items[HYS_MAX_QUESTIONS], rh[HYS_MAX_QUESTIONS], n = 0;
    /* each row as tall as its words need: question and answer side by side,
     * or on a narrow screen the question above its answer */
    int narrow = c->portrait;
    int qw = narrow ? W - 2 * m - S(c, 32) : (W - 2 * m - cbw) * 52 / 100 - S(c, 16);
    for (int i = 0; i < fm->nquestions; i++) {
        if (fm->questions[i].type == HYS_Q_NOTE || !hys_journey_relevant(c->in->journey, i))
            continue;
        char buf[512];
        const char *pic;
        const char *ans = answer_summary(c, i, buf, sizeof buf, &pic);
        const char *ql = hys_form_text(fm, &fm->questions[i].label, c->v->lang);
        int qh = text_need(c, ql, S(c, 36), 0, qw);
        int aw = narrow ? W - 2 * m - cbw - S(c, 140) : W - 3 * m - cbw - qw - S(c, 130);
        int ah = text_need(c, ans, S(c, 36), 1, aw > 40 ? aw : 40);
        int h = narrow ? qh + S(c, 12) + (ah > S(c, 110) ? ah : S(c, 110)) + S(c, 24)
                       : (qh > ah ? qh : ah) + S(c, 24);
        if (h < S(c, 156)) h = S(c, 156);
        if (h > bot - top) h = bot - top;
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
    hys_journey_set_pages((hys_journey *)c->in->journey, pages);
    int page = c->v->page < pages ? c->v->page : pages - 1;
    int ry = top;
    for (int idx = start[page]; idx < start[page + 1]; idx++) {
        int qi = items[idx], h = rh[idx], y = ry;
        const hys_question *q = &fm->questions[qi];
        rect(c, m, y, W - 2 * m, h, t->card, t->edge, S(c, 2), S(c, 14));
        const char *ql = hys_form_text(fm, &q->label, c->v->lang);
        int ay = y, ahh = h;
        if (narrow) {
            int qh = text_need(c, ql, S(c, 36), 0, qw);
            text_box(c, ql, m + S(c, 16), y + S(c, 12), qw, qh, S(c, 36), 0, t->on_card,
                     ALIGN_START, 0);
            ay = y + qh + S(c, 12), ahh = h - qh - S(c, 12);
        } else {
            text_box(c, ql, m + S(c, 16), y, qw, h, S(c, 36), 0, t->on_card, ALIGN_START, 1);
        }
        char buf[512];
        const char *pic;
        const char *ans = answer_summary(c, qi, buf, sizeof buf, &pic);
        int ax = narrow ? m + S(c, 16) : m + S(c, 16) + qw + S(c, 8);
        int isz = ahh - S(c, 24) < S(c, 110) ? ahh - S(c, 24) : S(c, 110);
        if (pic && isz > S(c, 40)) {
            image(c, ax, ay + (ahh - isz) / 2, isz, isz, pic);
            ax += isz + S(c, 12);
        }
        text_box(c, ans, ax, ay, W - m - cbw - S(c, 16) - ax, ahh, S(c, 36), 1, t->on_card,
                 ALIGN_START, 1);
        char id[80];
        snprintf(id, sizeof id, "change:%s", q->name);
        char said[600];
        snprintf(said, sizeof said, tr(c, "Change the answer to: %s"), ql ? ql : "");
        c->say = said;
        int bh = ahh - S(c, 28) < S(c, 128) ? ahh - S(c, 28) : S(c, 128);
        button(c, id, HYS_ACT_CHANGE, qi, W - m - cbw - S(c, 8), ay + (ahh - bh) / 2, cbw, bh, NULL,
               tr(c, "Change"), B_NORMAL, 1);
        ry += h + gap;
    }
    /* Back | earlier | more | Send */
    int bh = bottom_h(c), x, y, w, h;
    rect(c, 0, H - bh, W, bh, t->bar, t->bar, 0, 0);
    c->group = HYS_READ_BOTTOM;
    bar_slot(c, 0, &x, &y, &w, &h);
    button(c, "button:back", HYS_ACT_BACK, 0, x, y, w, h, "back", tr(c, "Back"), B_NORMAL, 1);
    if (pages > 1) {
        bar_slot(c, 1, &x, &y, &w, &h);
        button(c, "button:page-up", HYS_ACT_PAGE, -1, x, y, w, h, NULL, tr(c, "Earlier answers"),
               B_NORMAL, page > 0);
        bar_slot(c, 2, &x, &y, &w, &h);
        button(c, "button:page-down", HYS_ACT_PAGE, 1, x, y, w, h, NULL, tr(c, "More answers"),
               B_NORMAL, page < pages - 1);
    }
    bar_slot(c, 3, &x, &y, &w, &h);
    button(c, "button:finish", HYS_ACT_FINISH, 0, x, y, w, h, "review", tr(c, "Send my answers"),
           B_PRIMARY, 1);
}

static void update_item(ctx *c, const hys_update *u, int x, int y, int w, int h)
{
    const hys_theme *t = c->t;
    rect(c, x, y, w, h, t->panel, t->edge, S(c, 2), S(c, 14));
    const char *pic = hys_form_text(c->in->form, &u->image, c->v->lang);
    int pad = S(c, 14), isz = h - 2 * pad, tx = x + pad;
    if (isz > S(c, 160)) isz = S(c, 160);
    if (pic) {
        image(c, x + pad, y + (h - isz) / 2, isz, isz, pic);
        tx += isz + pad;
    }
    text_box(c, hys_form_text(c->in->form, &u->label, c->v->lang), tx, y + pad, x + w - tx - pad,
             h - 2 * pad, S(c, 36), 0, t->on_panel, ALIGN_START, 1);
}

static void screen_updates(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, "changes", tr(c, "What changed because of what people said"), S(c, 44),
                      S(c, 80));
    int bot = H - bottom_h(c) - S(c, 12), gap = S(c, 16);
    int ih = S(c, 190);
    int per = (bot - top + gap) / (ih + gap);
    if (per < 1) per = 1;
    int pages = (fm->nupdates + per - 1) / per;
    hys_journey_set_pages((hys_journey *)c->in->journey, pages);
    int page = c->v->page < pages ? c->v->page : pages - 1;
    for (int k = 0; k < per && page * per + k < fm->nupdates; k++)
        update_item(c, &fm->updates[page * per + k], m, top + k * (ih + gap), W - 2 * m, ih);
    int bh = bottom_h(c), x, y, w, h;
    rect(c, 0, H - bh, W, bh, t->bar, t->bar, 0, 0);
    c->group = HYS_READ_BOTTOM;
    bar_slot(c, 0, &x, &y, &w, &h);
    button(c, "button:back", HYS_ACT_BACK, 0, x, y, w, h, "back", tr(c, "Back"), B_NORMAL, 1);
    if (pages > 1) {
        bar_slot(c, 1, &x, &y, &w, &h);
        button(c, "button:page-up", HYS_ACT_PAGE, -1, x, y, w, h, NULL, tr(c, "Earlier"), B_NORMAL,
               page > 0);
        bar_slot(c, 2, &x, &y, &w, &h);
        button(c, "button:page-down", HYS_ACT_PAGE, 1, x, y, w, h, NULL, tr(c, "More"), B_NORMAL,
               page < pages - 1);
    }
}

static void screen_thanks(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int ui = c->v->thanks_update;
    int update = !c->v->quick && ui >= 0 && ui < fm->nupdates;
    int bw = S(c, 400), bh = c->v->quick ? 0 : S(c, 120);
    /* heights from the lines each text needs (scripts differ: Nastaliq is
     * twice as tall), then the picture gets what is left, up to 180 */
    int th = line_h(c, S(c, 64), 1), sh = line_h(c, S(c, 40), 0);
    int hh = update ? line_h(c, S(c, 36), 1) : 0;
    int ih = update ? 2 * line_h(c, S(c, 36), 0) + S(c, 28) : 0;
    int fixed = S(c, 30) + th + sh + (update ? S(c, 16) + hh + ih : 0) + S(c, 20) + bh + S(c, 30);
    int isz = H - fixed - S(c, 20);
    if (isz > S(c, 180)) isz = S(c, 180);
    int y = S(c, 30);
    if (isz >= S(c, 60)) {
        icon(c, (W - isz) / 2, y, isz, isz, "thanks");
        y += isz + S(c, 20);
    }
    int side = y >= top_h(c) ? m : m + c->corner_w; /* clear of the corner buttons */
    y += text_box(c, tr(c, "Thank you!"), side, y, W - 2 * side, th, S(c, 64), 1, t->text,
                  ALIGN_CENTER, 0);
    y += text_box(c, tr(c, "Your answers are saved."), m, y, W - 2 * m, sh, S(c, 40), 0, t->text,
                  ALIGN_CENTER, 0);
    if (update) {
        y += S(c, 16);
        y += text_box(c, tr(c, "You said, we did:"), m, y, W - 2 * m, hh, S(c, 36), 1, t->muted,
                      ALIGN_START, 0);
        int h = H - y - bh - S(c, 50);
        if (h > S(c, 260)) h = S(c, 260);
        if (h >= ih) update_item(c, &fm->updates[ui], m, y, W - 2 * m, h);
    }
    if (!c->v->quick)
        button(c, "button:done", HYS_ACT_DONE, 0, (W - bw) / 2, H - bh - S(c, 30), bw, bh, "next",
               tr(c, "Finish"), B_PRIMARY, 1);
}

static void screen_still_there(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, 150), y = S(c, 40);
    icon(c, (W - isz) / 2, y, isz, isz, "still-there");
    y += isz + S(c, 16);
    y += text_box(c, tr(c, "Are you still there?"), m, y, W - 2 * m, S(c, 90), S(c, 60), 1, t->text,
                  ALIGN_CENTER, 0);
    char count[32];
    snprintf(count, sizeof count, "%ld", c->v->countdown_s);
    int pw = S(c, 420), ph = line_h(c, S(c, 90), 1) + line_h(c, S(c, 36), 0);
    if (ph < S(c, 150)) ph = S(c, 150);
    rect(c, (W - pw) / 2, y, pw, ph, t->panel, t->edge, S(c, 3), S(c, 16));
    char said[96];
    snprintf(said, sizeof said, tr(c, "%ld seconds left"), c->v->countdown_s);
    c->say = said;
    text_box(c, count, (W - pw) / 2, y, pw, ph * 2 / 3, S(c, 90), 1, t->on_panel, ALIGN_CENTER, 1);
    c->inner = 1; /* heard with the number */
    text_box(c, tr(c, "seconds"), (W - pw) / 2, y + ph * 2 / 3 - S(c, 10), pw, ph / 3, S(c, 36), 0,
             t->on_panel, ALIGN_CENTER, 1);
    c->inner = 0;
    y += ph + S(c, 24);
    int bw = S(c, 640), bh = S(c, 150);
    if (bw > W - 2 * m) bw = W - 2 * m;
    if (y + bh > H - S(c, 10)) y = H - bh - S(c, 10);
    button(c, "button:still-here", HYS_ACT_STILL_HERE, 0, (W - bw) / 2, y, bw, bh, "still-there",
           tr(c, "Yes, I am still here"), B_PRIMARY, 1);
}

static void screen_sound(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_journey_view *v = c->v;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, "sound-settings", tr(c, "Sound"), S(c, 52), S(c, 80));
    int bot = H - bottom_h(c) - S(c, 16), gap = S(c, 20);
    int rows = 3, rh = (bot - top - (rows - 1) * gap) / rows;
    if (rh > S(c, 150)) rh = S(c, 150);
    int cw = (W - 2 * m - 2 * gap) / 3; /* three columns */
    int y = top;
    char said[200];
    snprintf(said, sizeof said, "%s. %s", tr(c, "Read everything aloud"),
             v->read_aloud ? tr(c, "It is on") : tr(c, "It is off"));
    c->say = said;
    button(c, "sound:read-aloud", HYS_ACT_READ_ALOUD, -1, m, y, W - 2 * m, rh, "speaking",
           v->read_aloud ? tr(c, "Read everything aloud: on") : tr(c, "Read everything aloud: off"),
           v->read_aloud ? B_PRIMARY : B_NORMAL, 1);
    y += rh + gap;
    int steps = c->in->volume_steps > 0 ? c->in->volume_steps : 8;
    button(c, "sound:quieter", HYS_ACT_VOLUME, -1, m, y, cw, rh, "quieter", tr(c, "Quieter"),
           B_NORMAL, v->volume > 0);
    /* the volume as a row of bars, growing taller */
    char vol[64];
    snprintf(vol, sizeof vol, tr(c, "Volume %d of %d"), v->volume + 1, steps);
    int mx = m + cw + gap, bw = (cw - (steps - 1) * S(c, 6)) / steps;
    text_box(c, vol, mx, y, cw, rh / 2, S(c, 36), 1, t->text, ALIGN_CENTER, 1);
    for (int i = 0; i < steps; i++) {
        int bh = (rh / 2 - S(c, 8)) * (i + 1) / steps;
        int bx = mx + i * (bw + S(c, 6)), by = y + rh - bh;
        if (i <= v->volume)
            rect(c, bx, by, bw, bh, t->text, t->text, 0, S(c, 3));
        else
            rect(c, bx, by, bw, bh, t->bg, t->text, S(c, 2), S(c, 3));
    }
    button(c, "sound:louder", HYS_ACT_VOLUME, 1, m + 2 * (cw + gap), y, cw, rh, "speaker",
           tr(c, "Louder"), B_NORMAL, v->volume < steps - 1);
    y += rh + gap;
    int hw = (W - 2 * m - gap) / 2;
    button(c, "sound:slower", HYS_ACT_SPEED, 1, m, y, hw, rh, "slower", tr(c, "Slower"),
           v->slow ? B_PRIMARY : B_NORMAL, 1);
    button(c, "sound:normal", HYS_ACT_SPEED, 0, m + hw + gap, y, hw, rh, "normal-speed",
           tr(c, "Normal speed"), v->slow ? B_NORMAL : B_PRIMARY, 1);
    bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}

/* Colours for this session: standard, or high contrast. */
static void screen_display(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_journey_view *v = c->v;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, "display-settings", tr(c, "Colours"), S(c, 52), S(c, 80)) + S(c, 14);
    int bot = H - bottom_h(c) - S(c, 30), gap = S(c, 20);
    int rh = bot - top;
    if (rh > S(c, 240)) rh = S(c, 240);
    int y = top + (bot - top - rh) / 2;
    int hw = (W - 2 * m - gap) / 2;
    button(c, "display:standard", HYS_ACT_CONTRAST, 0, m, y, hw, rh, "display-settings",
           tr(c, "Standard colours"), v->high_contrast ? B_NORMAL : B_PRIMARY, 1);
    button(c, "display:high-contrast", HYS_ACT_CONTRAST, 1, m + hw + gap, y, hw, rh, "contrast",
           tr(c, "High contrast"), v->high_contrast ? B_PRIMARY : B_NORMAL, 1);
    bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}

/* The corner buttons' side: 76 design units, and never under the smallest target. */
static int corner_side(const ctx *c)
{
    int b = S(c, 76);
    return b < c->tmin ? c->tmin : b;
}

/* The speaker and settings buttons, in the top right corner of every screen. */
static void corner(ctx *c)
{
    int W = c->f->w, th = top_h(c), m = c->m, b = corner_side(c), gap = S(c, 12);
    if (b > th - 8) b = th - 8;
    int x = W - m - b, y = (th - b) / 2;
    int settings = c->v->screen != HYS_SCREEN_SOUND && c->v->screen != HYS_SCREEN_DISPLAY &&
                   c->v->screen != HYS_SCREEN_STILL_THERE;
    c->group = HYS_READ_TOP;
    if (c->in->can_speak) {
        c->meaning = tr(c, "Hear this screen again");
        button(c, "button:hear", HYS_ACT_HEAR, 0, x, y, b, b, "speaker", NULL, B_NORMAL, 1);
        x -= b + gap;
        if (settings) {
            c->meaning = tr(c, "Read aloud, volume and speed");
            button(c, "button:sound", HYS_ACT_SOUND_MENU, 0, x, y, b, b, "sound-settings", NULL,
                   B_NORMAL, 1);
            x -= b + gap;
        }
    }
    if (settings) {
        c->meaning = tr(c, "Colours: standard or high contrast");
        button(c, "button:display", HYS_ACT_DISPLAY_MENU, 0, x, y, b, b, "display-settings", NULL,
               B_NORMAL, 1);
    }
}

/* How wide the corner buttons are, so headings keep clear of them. */
static int corner_width(const ctx *c)
{
    int n = 1 + (c->in->can_speak ? 2 : 0);
    return n * (corner_side(c) + S(c, 12)) + c->m;
}

/* A frame of thickness th just outside the box. */
static void frame_band(ctx *c, int x, int y, int w, int h, int th, hys_color k)
{
    rect(c, x - th, y - th, w + 2 * th, th, k, k, 0, 0);
    rect(c, x - th, y + h, w + 2 * th, th, k, k, 0, 0);
    rect(c, x - th, y, th, h, k, k, 0, 0);
    rect(c, x + w, y, th, h, k, k, 0, 0);
}

/* A ring round a box: a band of col, edged outside with a thinner edge. */
static void ring(ctx *c, int x, int y, int w, int h, int band, hys_color col, int e, hys_color edge)
{
    frame_band(c, x, y, w, h, band, col);
    if (e > 0) frame_band(c, x - band, y - band, w + 2 * band, h + 2 * band, e, edge);
}

/* Headings first, then the content, the bottom bar and the top bar: the
 * order things are read in and reached by keys. Stable. */
static void sort_speak(hys_frame *f)
{
    for (int i = 1; i < f->nspeak; i++) {
        hys_speak k = f->speak[i];
        int j = i - 1;
        while (j >= 0 && f->speak[j].group > k.group) {
            f->speak[j + 1] = f->speak[j];
            j--;
        }
        f->speak[j + 1] = k;
    }
}

static void mirror(hys_frame *f);

void hys_layout_build(hys_frame *f, const hys_layout_in *in)
{
    f->w = in->w, f->h = in->h;
    f->ndraw = f->ntargets = f->nspeak = 0;
    f->text_used = 0;
    f->overflow = 0;
    f->clipped = 0;
    ctx c;
    memset(&c, 0, sizeof c);
    c.f = f, c.in = in, c.t = in->theme, c.v = hys_journey_view_get(in->journey);
    c.portrait = in->h > in->w * 11 / 10;
    double ux = c.portrait ? in->w / 800.0 : in->w / 1280.0;
    double uy = c.portrait ? in->h / 1280.0 : in->h / 800.0;
    c.u = ux < uy ? ux : uy;
    c.m = S(&c, 24);
    c.group = HYS_READ_CONTENT;
    c.say_lang = -1;
    c.lang = lang_code(&c, -1);
    c.rtl = hys_lang_is_rtl(c.lang);
    c.tmin = in->min_target > 44 ? in->min_target : 44;
    c.corner_w = corner_width(&c);
    hys_journey_screen_id(in->journey, f->screen, sizeof f->screen);
    switch (c.v->screen) {
    case HYS_SCREEN_WELCOME:
        screen_welcome(&c);
        break;
    case HYS_SCREEN_UPDATES:
        screen_updates(&c);
        break;
    case HYS_SCREEN_LANGUAGE:
        screen_language(&c);
        break;
    case HYS_SCREEN_INTRO:
        screen_intro(&c);
        break;
    case HYS_SCREEN_PRACTICE:
        screen_practice(&c);
        break;
    case HYS_SCREEN_QUESTION:
        screen_question(&c);
        break;
    case HYS_SCREEN_REVIEW:
        screen_review(&c);
        break;
    case HYS_SCREEN_THANKS:
        screen_thanks(&c);
        break;
    case HYS_SCREEN_STILL_THERE:
        screen_still_there(&c);
        break;
    case HYS_SCREEN_SOUND:
        screen_sound(&c);
        break;
    case HYS_SCREEN_DISPLAY:
        screen_display(&c);
        break;
    }
    corner(&c);
    sort_speak(f);
    /* what is heard is ringed; the key focus gets the strong yellow ring */
    if (in->speaking > 0 && in->speaking <= f->nspeak) {
        const hys_speak *sp = &f->speak[in->speaking - 1];
        ring(&c, sp->x, sp->y, sp->w, sp->h, S(&c, 6), c.t->speaking, 0, c.t->speaking);
    }
    const hys_target *ft = in->focus ? hys_frame_find(f, in->focus) : NULL;
    if (ft) ring(&c, ft->x, ft->y, ft->w, ft->h, S(&c, 7), c.t->focus, S(&c, 4), c.t->focus_edge);
    if (c.rtl) mirror(f);
}

/* Right-to-left: the whole screen mirrored (picture on the right, Back and
 * Next swapped, progress from the right); text lines keep their own order
 * and end up right-aligned. */
static void mirror(hys_frame *f)
{
    for (int i = 0; i < f->ndraw; i++)
        f->draw[i].x = f->w - f->draw[i].x - f->draw[i].w;
    for (int i = 0; i < f->ntargets; i++)
        f->targets[i].x = f->w - f->targets[i].x - f->targets[i].w;
    for (int i = 0; i < f->nspeak; i++)
        f->speak[i].x = f->w - f->speak[i].x - f->speak[i].w;
}

const hys_target *hys_frame_hit(const hys_frame *f, int x, int y)
{
    for (int i = f->ntargets - 1; i >= 0; i--) {
        const hys_target *t = &f->targets[i];
        if (t->enabled && x >= t->x && y >= t->y && x < t->x + t->w && y < t->y + t->h) return t;
    }
    return NULL;
}

const hys_target *hys_frame_find(const hys_frame *f, const char *id)
{
    for (int i = 0; i < f->ntargets; i++)
        if (!strcmp(f->targets[i].id, id)) return &f->targets[i];
    return NULL;
}

int hys_frame_speak_at(const hys_frame *f, int x, int y)
{
    const hys_target *t = hys_frame_hit(f, x, y);
    int ti = t ? (int)(t - f->targets) : -1;
    if (ti >= 0) return hys_frame_speak_of(f, ti);
    for (int i = f->nspeak - 1; i >= 0; i--) {
        const hys_speak *s = &f->speak[i];
        if (s->target < 0 && x >= s->x && y >= s->y && x < s->x + s->w && y < s->y + s->h) return i;
    }
    return -1;
}

int hys_frame_speak_of(const hys_frame *f, int ti)
{
    for (int i = 0; i < f->nspeak; i++)
        if (f->speak[i].target == ti) return i;
    return -1;
}
