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
    int ts;                              /* text size, per cent (100, 150, 200) */
    int tmin;                            /* smallest target side, pixels */
    int bar;      /* laying out a bar: the resident's text size, while ts is 100 (the bar's
                   * own size); button words grow towards it as far as they fit */
    int view_h;   /* the height a page of content may have on the real window */
    int top_free; /* the top bar is free from its left edge to here */
    int keep_top, keep_bottom; /* a paged screen is not cut between these (0, 0: none) */
    int paged;   /* laid out on a canvas taller than the window, to be shown a page at a time */
    int has_bar; /* the screen has a bottom bar (touch-to-hear's banner goes above it) */
} ctx;

/* A text size in pixels at the resident's text size. */
static int TX(const ctx *c, int px)
{
    return px * c->ts / 100;
}

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
        int side = w < h ? w : h, b = side / 14 + 1; /* the badge fills the box; the picture */
        rect(c, x + (w - side) / 2, y + (h - side) / 2, side, side, c->t->badge, c->t->badge, 0,
             side / 6);
        x += b, y += b, w -= 2 * b, h -= 2 * b; /* sits inside it */
        if (w <= 0 || h <= 0) return;
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
    snprintf(t->why, sizeof t->why, "%s", !enabled && c->meaning ? c->meaning : "");
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

/* Widths and heights of text at design size px; the text size setting applies. */
static int text_w(const ctx *c, const char *s, size_t n, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->width(c->in->measure->ud, s, n, TX(c, px), bold);
}

static int line_h(const ctx *c, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->line_height(c->in->measure->ud, TX(c, px), bold);
}

/* The line height at text size ts (per cent) rather than the resident's. */
static int line_h_at(const ctx *c, int px, int bold, int ts)
{
    measure_lang(c);
    return c->in->measure->line_height(c->in->measure->ud, px * ts / 100, bold);
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

/* The width of the widest word of text. */
static int longest_word(const ctx *c, const char *text, int px, int bold)
{
    int longest = 0;
    for (const char *p = text; p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int ww = e > p ? text_w(c, p, (size_t)(e - p), px, bold) : 0;
        if (ww > longest) longest = ww;
        p = e;
    }
    return longest;
}

/* Some line but the last ends inside a word (a word too long for the box).
 * Scripts written without spaces (CJK, from U+2E80) may break anywhere. */
static int breaks_word(const line *l, int n)
{
    for (int i = 0; i + 1 < n; i++) {
        const char *at = l[i].s + l[i].n;
        unsigned cp = 0;
        if (*at && *at != ' ' && *at != '\n' && hys_utf8_decode(at, strlen(at), &cp) && cp < 0x2E80)
            return 1;
    }
    return 0;
}

/* The height text needs at size px in a box w wide (up to 12 lines). */
static int text_need(const ctx *c, const char *text, int px, int bold, int w)
{
    line tmp[12];
    return wrap(c, text ? text : "", px, bold, w, tmp, 12) * line_h(c, px, bold);
}

/* Something did not fit (not text: that is named by its start). */
static void unfit(hys_frame *f, const char *why)
{
    if (!f->clipped++) snprintf(f->clipped_text, sizeof f->clipped_text, "(%s)", why);
}

/* Lay text out in the box, shrinking the size (to no less than 60%) until it
 * fits. Returns the height used. */
static int text_box(ctx *c, const char *text, int x, int y, int w, int h, int px, int bold,
                    hys_color color, align al, int vcenter)
{
    if (!text || !*text || w <= 0) return 0;
    line lines[40];
    int n = 0, lh = 0;
    int size = px, floor_px = S(c, 36) < px ? S(c, 36) : px; /* design sizes; TX in text_w */
    for (;;) {
        n = wrap(c, text, size, bold, w, lines, 40);
        lh = line_h(c, size, bold);
        int widest = 0; /* a word that cannot be broken (one letter on a key) */
        for (int i = 0; i < n; i++) {
            int lw = text_w(c, lines[i].s, lines[i].n, size, bold);
            if (lw > widest) widest = lw;
        }
        if ((n * lh <= h && widest <= w && !breaks_word(lines, n)) || size <= floor_px) break;
        size = size * 9 / 10;
    }
    if (breaks_word(lines, n)) unfit(c->f, "a word broken across lines");
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
        d->text = s, d->px = TX(c, size), d->bold = bold, d->fill = color, d->lang = c->lang;
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
    int longest = longest_word(c, label, S(c, 36), 1);
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
    text_box(c, label, tx, y + 2, tw, h - 4, c->bar ? S(c, 36) * c->bar / 100 : S(c, 36), 1, fg,
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
    if (h < c->tmin + 16) h = c->tmin + 16;               /* room for the smallest target */
    int need = line_h_at(c, S(c, 36), 1, 100) + S(c, 20); /* one line of words */
    return need > h ? need : h;
}

/* The bottom bar: one row of four buttons, or in portrait two rows of two.
 * Its size does not grow with the text size: the buttons keep their place,
 * picture and size on every screen, and their words grow as far as they fit
 * (button() in a bar). */
static int bar_h(const ctx *c)
{
    int slot = line_h_at(c, S(c, 36), 1, 100) + S(c, 12);
    if (slot < c->tmin) slot = c->tmin; /* buttons of at least 12 mm */
    int h = c->portrait ? S(c, 236) : S(c, 128);
    int need = c->portrait ? 2 * slot + S(c, 30) : slot + S(c, 20);
    return need > h ? need : h;
}

/* Touch-to-hear's banner: one line and a button, just above the bottom
 * bar while it is on (0 when off). */
static int banner_h(const ctx *c)
{
    if (!c->in->explore || c->in->notice || c->in->staff) return 0;
    int h = line_h_at(c, S(c, 36), 1, 100) + S(c, 28);
    return h > c->tmin + S(c, 16) ? h : c->tmin + S(c, 16);
}

/* What the content leaves free at the bottom: the bar, and the banner. */
static int bottom_h(const ctx *c)
{
    return bar_h(c) + banner_h(c);
}

/* The row of "Earlier" and "More" buttons on a paged screen: as tall as a
 * bar button. */
static int scroll_row_h(const ctx *c)
{
    int h = line_h_at(c, S(c, 36), 1, 100) + S(c, 16);
    return h > c->tmin ? h : c->tmin;
}

/* Where slot i (0..3) of the bottom bar is: one row of four, or in portrait
 * two rows of two. Slots keep their places on every screen. */
static void bar_slot(ctx *c, int i, int *x, int *y, int *w, int *h)
{
    c->has_bar = 1;
    int W = c->f->w, H = c->f->h, m = c->m, top = H - bar_h(c);
    if (c->portrait) {
        *w = (W - 3 * m) / 2;
        *h = (bar_h(c) - S(c, 30)) / 2;
        *x = m + (i % 2) * (*w + m);
        *y = top + S(c, 10) + (i / 2) * (*h + S(c, 10));
    } else {
        *w = (W - 5 * m) / 4;
        *h = bar_h(c) - S(c, 20);
        *x = m + i * (*w + m);
        *y = top + S(c, 10);
    }
}

/* Bars are laid out at their own (100%) size; see ctx.bar. */
static void bar_begin(ctx *c)
{
    c->bar = c->ts, c->ts = 100;
}

static void bar_end(ctx *c)
{
    c->ts = c->bar, c->bar = 0;
}

static void top_bar_at(ctx *c, int with_progress);

static void top_bar(ctx *c, int with_progress)
{
    bar_begin(c);
    top_bar_at(c, with_progress);
    bar_end(c);
}

static void top_bar_at(ctx *c, int with_progress)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, th = top_h(c), m = c->m;
    rect(c, 0, 0, W, th, t->bar, t->bar, 0, 0);
    int right = W - m - c->corner_w;
    if (fm->nlangs > 1 &&
        (c->v->screen == HYS_SCREEN_QUESTION || c->v->screen == HYS_SCREEN_REVIEW)) {
        /* as wide as the language's name needs, up to a third of the screen */
        const char *name = hys_lang_autonym(&fm->langs[c->v->lang]);
        int nw = text_w(c, name, strlen(name), S(c, 36), 1);
        int bw = nw + S(c, 24) + S(c, 84);
        if (bw < S(c, 260)) bw = S(c, 260);
        if (bw > W / 3) bw = W / 3;
        int lh = 48 * th / 60 > c->tmin ? 48 * th / 60 : c->tmin;
        int nlh = line_h(c, S(c, 36), 1) + S(c, 8); /* the name's own line (Nastaliq is tall) */
        if (lh < nlh) lh = nlh;
        if (lh > th - 4) lh = th - 4;
        /* when the name is too big for the bar, the globe alone (its name is heard) */
        int named = nw <= bw - S(c, 24);
        if (!named) bw = lh;
        right -= bw;
        c->group = HYS_READ_TOP;
        c->meaning = tr(c, "Choose another language");
        if (!named) c->say = name;
        button(c, "button:language", HYS_ACT_LANGUAGE_MENU, 0, right, (th - lh) / 2, bw, lh,
               "language", named ? name : NULL, B_NORMAL, 1);
        c->group = HYS_READ_CONTENT;
        right -= m;
    }
    c->top_free = right;
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
    bar_begin(c);
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
        const char *id = next_action == HYS_ACT_NEXT         ? "button:next"
                         : next_action == HYS_ACT_FINISH     ? "button:finish"
                         : next_action == HYS_ACT_START      ? "button:start"
                         : next_action == HYS_ACT_STILL_HERE ? "button:still-here"
                         : next_action == HYS_ACT_DISMISS    ? "notice:ok"
                                                             : "button:done";
        button(c, id, next_action, 0, x, y, w, h, next_icon, next_label, B_PRIMARY, next);
    }
    c->group = HYS_READ_CONTENT;
    bar_end(c);
}

/* ---- answer cards ---- */

/* A card's inside: the picture above, the label below. */
static void card_tall(ctx *c, int x, int y, int w, int h, const char *pic, const char *label,
                      hys_color fg, int chosen, int checkbox)
{
    const hys_theme *t = c->t;
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
}

/* A card: picture above, one- or two-word label below (or, on a wide card,
 * beside it); shape cues for chosen. */
static void card(ctx *c, const char *id, hys_action a, int arg, int x, int y, int w, int h,
                 const char *pic, const char *label, int chosen, int checkbox)
{
    const hys_theme *t = c->t;
    hys_color bg = chosen ? t->chosen : t->card, fg = chosen ? t->on_chosen : t->on_card;
    if (pressed(c, id)) bg = t->pressed, fg = t->on_pressed;
    rect(c, x, y, w, h, bg, chosen ? t->chosen_edge : t->edge, chosen ? S(c, 9) : S(c, 3),
         S(c, 18));
    int pad = S(c, 10);
    if (c->paged && w >= 2 * h) { /* a wide card: the picture at the start, the words beside it */
        int ps = h - 2 * pad < S(c, 150) ? h - 2 * pad : S(c, 150);
        int tx = x + ps + 2 * pad, tw = w - ps - 3 * pad;
        if (checkbox || chosen) tw -= S(c, 44) + pad;
        if (pic) image(c, x + pad, y + (h - ps) / 2, ps, ps, pic);
        c->inner = 1;
        text_box(c, label, tx, y + pad, tw, h - 2 * pad, S(c, 36), 1, fg, ALIGN_START, 1);
        c->inner = 0;
        if (checkbox || chosen) {
            int b = S(c, 44), bx = x + w - b - pad, byy = y + (h - b) / 2;
            rect(c, bx, byy, b, b, t->card, t->text, S(c, 4), S(c, 6));
            if (chosen) icon(c, bx + S(c, 4), byy + S(c, 4), b - S(c, 8), b - S(c, 8), "yes");
        }
    } else {
        card_tall(c, x, y, w, h, pic, label, fg, chosen, checkbox);
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
        if (ch > c->view_h) ch = c->view_h; /* a card fits one page of a paged screen */
        /* does every label fit, with at least a small picture? */
        int fit = ch >= c->tmin && cw >= c->tmin;
        for (int i = 0; i < n && fit; i++) {
            line tmp[5];
            int lines = labels[i] ? wrap(c, labels[i], S(c, 36), 1, cw - 2 * pad, tmp, 5) : 1;
            int longest = 0;
            for (int k = 0; k < lines; k++) {
                int lw = text_w(c, tmp[k].s, tmp[k].n, S(c, 36), 1);
                if (lw > longest) longest = lw;
            }
            fit = lines <= 4 && longest <= cw - 2 * pad && !breaks_word(tmp, lines) &&
                  lines * lh + 3 * pad + reserve <= ch;
        }
        double sz = cw < ch * 1.1 ? cw : ch * 1.1; /* prefer nearly square cards */
        if (fit > best_fit || (fit == best_fit && sz > best + 0.5))
            best_fit = fit, best = sz, best_c = cc;
    }
    *cols = best_c;
    *rows = (n + best_c - 1) / best_c;
    return best_fit;
}

/* Answer i of question q as a card at x, y, w, h. */
static void choice_card(ctx *c, const hys_question *q, int i, const char *label, int x, int y,
                        int w, int h, hys_answer_status st, const char *value)
{
    const hys_form *fm = c->in->form;
    const hys_journey_view *v = c->v;
    char id[64];
    const char *name = i < q->nchoices ? q->choices[i].name : "dont_know";
    snprintf(id, sizeof id, "choice:%s", name);
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
        chosen =
            (st == HYS_STATUS_ANSWERED && !strcmp(value, name)) || (v->holding && v->chosen == i);
    card(c, id, q->type == HYS_Q_SELECT_MULTIPLE ? HYS_ACT_TOGGLE : HYS_ACT_CHOOSE, i, x, y, w, h,
         pic, label, chosen, q->type == HYS_Q_SELECT_MULTIPLE);
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
    if (c->paged) { /* large text: one wide card a row, as tall as its words */
        int gap = S(c, 16), pad = S(c, 10), y1 = y;
        int ch = S(c, 150) + 2 * pad; /* the picture's size in a wide card() */
        for (int i = 0; i < n; i++) {
            int need =
                text_need(c, labels[i], S(c, 36), 1, w - S(c, 150) - 4 * pad - S(c, 44)) + 2 * pad;
            if (need > ch) ch = need;
        }
        if (ch > c->view_h) ch = c->view_h;
        c->f->pages = 1;
        for (int i = 0; i < n; i++, y1 += ch + gap)
            choice_card(c, q, i, labels[i], x, y1, w, ch, st, value);
        return;
    }
    if (!grid_dims(c, n, w, h, labels, tick, &cols, &rows) && n > 1) {
        int gap0 = S(c, 12), bw0 = (w - gap0) / 2 - S(c, 24);
        int h1 = text_need(c, tr(c, "Earlier answers"), S(c, 36), 1, bw0);
        int h2 = text_need(c, tr(c, "More answers"), S(c, 36), 1, bw0);
        int ah = (h1 > h2 ? h1 : h2) + S(c, 16);
        if (ah < S(c, 84)) ah = S(c, 84);
        if (ah < c->tmin) ah = c->tmin;
        /* as many a page as fit on every page (so every page looks alike) */
        int per = n - 1, all_fit = 0;
        for (; per >= 1 && !all_fit; per--) {
            all_fit = 1;
            for (int f0 = 0; f0 < n && all_fit; f0 += per)
                all_fit = grid_dims(c, f0 + per < n ? per : n - f0, w, h - ah - gap0, labels + f0,
                                    tick, &cols, &rows);
            if (all_fit) break;
        }
        if (per < 1) per = 1;
        pages = (n + per - 1) / per;
        int page = v->page < pages ? v->page : pages - 1;
        first = page * per, count = first + per < n ? per : n - first;
        grid_dims(c, count, w, h - ah - gap0, labels + first, tick, &cols, &rows);
        if (!all_fit) unfit(c->f, "no answer fits"); /* the screen is paged instead */
        int bw = (w - gap0) / 2, by = y + h - ah;
        c->group = HYS_READ_CONTENT;
        button(c, "button:answers-up", HYS_ACT_PAGE, -1, x, by, bw, ah, NULL,
               tr(c, "Earlier answers"), B_NORMAL, page > 0);
        button(c, "button:answers-down", HYS_ACT_PAGE, 1, x + bw + gap0, by, bw, ah, NULL,
               tr(c, "More answers"), B_NORMAL, page < pages - 1);
        h -= ah + gap0;
    }
    c->f->pages = pages;
    int gap = S(c, 16);
    int cw = (w - (cols - 1) * gap) / cols, ch = (h - (rows - 1) * gap) / rows;
    if (ch > cw * 3 / 2) ch = cw * 3 / 2;
    if (ch > c->view_h) ch = c->view_h; /* a card fits one page of a paged screen */
    int total_h = rows * ch + (rows - 1) * gap;
    int y0 = y + (h - total_h) / 2;
    for (int i = first; i < first + count; i++) {
        int r = (i - first) / cols, col = (i - first) % cols;
        int in_row = r == rows - 1 ? count - r * cols : cols;
        int row_w = in_row * cw + (in_row - 1) * gap;
        int cx = x + (w - row_w) / 2 + col * (cw + gap);
        int cy = y0 + r * (ch + gap);
        choice_card(c, q, i, labels[i], cx, cy, cw, ch, st, value);
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
    text_box(c, label, x, y, w, h, c->bar ? S(c, 38) * c->bar / 100 : S(c, 38), 1, t->on_button,
             ALIGN_CENTER, 1);
    c->lang = was;
    c->inner = 0;
    target(c, id, x, y, w, h, a, arg, 1, label, -1);
}

static void keyboard(ctx *c, const hys_question *q, int x, int y, int w, int h)
{
    c->quiet = 1; /* keys are heard one at a time, not read with the screen */
    bar_begin(c); /* keys keep their size; their letters grow as far as they fit */
    keys(c, q, x, y, w, h);
    bar_end(c);
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
    if (kh < min_key) unfit(c->f, "no room for keys"); /* the screen is paged instead */
    if (kh > S(c, 110) && kh > min_key) kh = S(c, 110) > min_key ? S(c, 110) : min_key;
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
    int dw = text_w(c, tr(c, "Delete"), strlen(tr(c, "Delete")), S(c, 38), 1) + S(c, 24);
    if (side < dw) side = dw < full / 3 ? dw : full / 3; /* the word on the key fits */
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

/* A button's height for its label (with icon) at w wide: at least min. */
static int button_need(const ctx *c, const char *label, int w, int min)
{
    int h = text_need(c, label, S(c, 36), 1, w - S(c, 24) - S(c, 84)) + S(c, 16);
    return h > min ? h : min;
}

/* A screen's heading, with its picture (icon may be NULL), at the top left:
 * beside the corner buttons, or below them when the screen is narrow. The
 * box is as tall as the words need. Returns the y just below it. */
static int heading(ctx *c, const char *icon_name, const char *text, int px, int isz)
{
    int W = c->f->w, m = c->m;
    /* below a top bar (top_free is set once one is drawn), and on a paged
     * screen (the corner stays while the page moves) */
    int narrow = c->portrait || c->top_free || c->paged || W - 3 * m - isz - c->corner_w < W / 2;
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
    if ((c->portrait || c->paged) && c->corner_w) y = top_h(c) + S(c, 8), side = m;
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
    if (c->paged) { /* a paged screen keeps its main button in the bottom bar, on every page */
        bottom_bar(c, 0, 0, 0, 1, tr(c, "Start"), "next", HYS_ACT_START);
    } else {
        button(c, "button:start", HYS_ACT_START, 0, (W - bw) / 2, y, bw, bh, "next", tr(c, "Start"),
               B_PRIMARY, 1);
        y += bh + S(c, 24);
    }
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
    const char *was = c->lang;
    for (int i = 0; i < n; i++) { /* each name, in its own script, fits its button */
        c->lang = fm->langs[i].code;
        int need = text_need(c, hys_lang_autonym(&fm->langs[i]), S(c, 36), 1, bw - S(c, 24));
        if (bh < need + S(c, 8)) bh = need + S(c, 8);
    }
    c->lang = was;
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
    for (int i = 0, y = top; i < 4; i++) {
        int h = rh; /* on a paged screen, as tall as its words */
        if (c->paged) {
            isz = S(c, 110);
            h = text_need(c, lines[i], S(c, 40), 0, W - 3 * m - isz) + S(c, 16);
            if (h < isz + S(c, 16)) h = isz + S(c, 16);
        }
        icon(c, m, y + (h - isz) / 2, isz, isz, icons[i]);
        text_box(c, lines[i], m + isz + m, y, W - 3 * m - isz, h, S(c, 40), 0, t->text, ALIGN_START,
                 1);
        y += h;
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
    int lp = text_need(c, tr(c, "Let's practise first."), S(c, 36), 0, tw);
    y += text_box(c, tr(c, "Let's practise first."), tx, y, tw, lp, S(c, 36), 0, t->muted,
                  ALIGN_START, 0);
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
    /* three faces in a row, or (large words) as many rows as their labels need */
    int cols, rows;
    if (!grid_dims(c, 3, W - 2 * m, ah, labels, 0, &cols, &rows)) unfit(c->f, "faces");
    if (c->ts == 100) cols = 3, rows = 1;
    int cw = (W - 2 * m - (cols - 1) * gap) / cols, ch = (ah - (rows - 1) * gap) / rows;
    if (cw > S(c, 300)) cw = S(c, 300);
    if (ch > cw * 5 / 4) ch = cw * 5 / 4;
    if (ch > c->view_h) ch = c->view_h;
    int x0 = (W - (cols * cw + (cols - 1) * gap)) / 2;
    for (int i = 0; i < 3; i++) {
        char id[64], path[1024];
        snprintf(id, sizeof id, "choice:%s", names[i]);
        snprintf(path, sizeof path, "%s/%s.svg", c->in->icons_dir, faces[i]);
        card(c, id, HYS_ACT_CHOOSE, i, x0 + (i % cols) * (cw + gap), ay + (i / cols) * (ch + gap),
             cw, ch, path, labels[i], c->v->practice_choice == i, 0);
    }
    ch = rows * ch + (rows - 1) * gap; /* the feedback goes below them all */
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
    /* a paged quick poll keeps its page below the corner buttons */
    int top = quick && !c->paged ? S(c, 16) : top_h(c) + S(c, 16);
    int bot = quick ? H - S(c, 16) : H - bottom_h(c) - S(c, 16);
    if (quick && fm->nlangs > 1) bar_begin(c); /* language buttons keep their size */
    if (quick && fm->nlangs > 3) {
        /* many languages: one button that opens the language screen */
        int bw = S(c, 300), bh = S(c, 70);
        int need = line_h(c, S(c, 36), 1) + S(c, 8); /* the name's line (Nastaliq is tall) */
        if (bh < need) bh = need;
        if (bh < c->tmin) bh = c->tmin;
        c->group = HYS_READ_TOP;
        c->meaning = tr(c, "Choose another language");
        button(c, "button:language", HYS_ACT_LANGUAGE_MENU, 0, W - m - c->corner_w - bw, top, bw,
               bh, "language", hys_lang_autonym(&fm->langs[v->lang]), B_NORMAL, 1);
        c->group = HYS_READ_CONTENT;
        top += bh + S(c, 12);
    } else if (quick && fm->nlangs > 1) {
        /* the quick poll's languages sit along the top */
        int bw = S(c, 200), bh = S(c, 70), x = W - m - c->corner_w;
        const char *was = c->lang;
        for (int i = 0; i < fm->nlangs; i++) { /* each name's line, in its own script */
            c->lang = fm->langs[i].code;
            int need = line_h(c, S(c, 36), 1) + S(c, 8);
            if (bh < need) bh = need;
        }
        c->lang = was;
        if (bh < c->tmin) bh = c->tmin;
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
    if (quick && fm->nlangs > 1) bar_end(c);
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
    if (c->paged && psz > c->view_h / 2) psz = c->view_h / 2; /* room for a page break beside it */
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
        int eh = line_h(c, S(c, 42), 1) + S(c, 12);
        if (eh < S(c, 70)) eh = S(c, 70);
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
        /* the keyboard, on the same page as the words it types */
        /* (when a page has room for three rows of keys below the words) */
        int kb = ah - eh - S(c, 16), room = c->view_h - eh - S(c, 16);
        int together = c->paged && room >= 3 * (c->tmin + 4 + S(c, 10));
        if (together && kb > room) kb = room;
        int first_key = c->f->ntargets;
        keyboard(c, q, m, ay + eh + S(c, 16), W - 2 * m, kb);
        if (together) { /* from the words to the lowest key */
            c->keep_top = ay, c->keep_bottom = ay + eh;
            for (int i = first_key; i < c->f->ntargets; i++) {
                const hys_target *k = &c->f->targets[i];
                if (k->y + k->h > c->keep_bottom) c->keep_bottom = k->y + k->h;
            }
        }
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
    /* in the top bar when it fits there; else below it */
    const char *head = tr(c, "Check your answers");
    int hx = m + top_h(c), hw = c->top_free - hx - m;
    if (c->portrait || c->ts > 100 || text_w(c, head, strlen(head), S(c, 44), 1) > hw) {
        top = heading(c, "review", head, S(c, 44), S(c, 64));
    } else {
        icon(c, m, S(c, 8), top_h(c) - S(c, 16), top_h(c) - S(c, 16), "review");
        text_box(c, head, hx, 0, hw, top_h(c), S(c, 44), 1, t->text, ALIGN_START, 1);
    }
    c->group = HYS_READ_CONTENT;
    int gap = S(c, 12), cbw = S(c, 210);
    int cw_need = text_w(c, tr(c, "Change"), strlen(tr(c, "Change")), S(c, 36), 1) + S(c, 32);
    if (cbw < cw_need) cbw = cw_need < W / 3 ? cw_need : W / 3;
    int items[HYS_MAX_QUESTIONS], rh[HYS_MAX_QUESTIONS], n = 0;
    /* each row as tall as its words need: question and answer side by side,
     * or on a narrow screen the question above its answer */
    int narrow = c->portrait || c->paged; /* a paged screen breaks between the parts */
    int stack = narrow && c->ts > 100;    /* large words: Change goes under the answer */
    int qw = narrow ? W - 2 * m - S(c, 32) : (W - 2 * m - cbw) * 52 / 100 - S(c, 16);
    int lhb = line_h(c, S(c, 36), 1);
    int bhc = lhb + S(c, 16) > c->tmin ? lhb + S(c, 16) : c->tmin;
    for (int i = 0; i < fm->nquestions; i++) {
        if (fm->questions[i].type == HYS_Q_NOTE || !hys_journey_relevant(c->in->journey, i))
            continue;
        char buf[512];
        const char *pic;
        const char *ans = answer_summary(c, i, buf, sizeof buf, &pic);
        const char *ql = hys_form_text(fm, &fm->questions[i].label, c->v->lang);
        int qh = text_need(c, ql, S(c, 36), 0, qw);
        int aw = stack    ? W - 2 * m - S(c, 32) - S(c, 140)
                 : narrow ? W - 2 * m - cbw - S(c, 140)
                          : W - 3 * m - cbw - qw - S(c, 130);
        int ah = text_need(c, ans, S(c, 36), 1, aw > 40 ? aw : 40);
        int h = narrow ? qh + S(c, 12) + (ah > S(c, 110) ? ah : S(c, 110)) + S(c, 24)
                       : (qh > ah ? qh : ah) + S(c, 24);
        if (stack) h += bhc + S(c, 12);
        if (h < S(c, 156)) h = S(c, 156);
        if (h < lhb + S(c, 44)) h = lhb + S(c, 44); /* the Change button's word */
        if (h > bot - top) { /* a row taller than a page: the whole screen is paged */
            h = bot - top;
            unfit(c->f, "a review row");
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
    if (c->paged && pages > 1) unfit(c->f, "review rows"); /* a paged screen shows them all */
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
            ay = y + qh + S(c, 12), ahh = h - qh - S(c, 12) - (stack ? bhc + S(c, 12) : 0);
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
        text_box(c, ans, ax, ay, W - m - (stack ? 0 : cbw) - S(c, 16) - ax, ahh, S(c, 36), 1,
                 t->on_card, ALIGN_START, 1);
        char id[80];
        snprintf(id, sizeof id, "change:%s", q->name);
        char said[600];
        snprintf(said, sizeof said, tr(c, "Change the answer to: %s"), ql ? ql : "");
        c->say = said;
        int bh = ahh - S(c, 28) < S(c, 128) ? ahh - S(c, 28) : S(c, 128);
        int need_b = line_h(c, S(c, 36), 1) + S(c, 16);
        if (bh < need_b) bh = need_b < ahh ? need_b : ahh;
        if (stack)
            button(c, id, HYS_ACT_CHANGE, qi, m + S(c, 16), ay + ahh, W - 2 * m - S(c, 32), bhc,
                   NULL, tr(c, "Change"), B_NORMAL, 1);
        else
            button(c, id, HYS_ACT_CHANGE, qi, W - m - cbw - S(c, 8), ay + (ahh - bh) / 2, cbw, bh,
                   NULL, tr(c, "Change"), B_NORMAL, 1);
        ry += h + gap;
    }
    /* Back | earlier | more | Send */
    bar_begin(c);
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
    bar_end(c);
}

static void update_item(ctx *c, const hys_update *u, int x, int y, int w, int h)
{
    const hys_theme *t = c->t;
    rect(c, x, y, w, h, t->panel, t->edge, S(c, 2), S(c, 14));
    const char *pic = hys_form_text(c->in->form, &u->image, c->v->lang);
    int pad = S(c, 14), isz = h - 2 * pad, tx = x + pad;
    if (isz > S(c, 160)) isz = S(c, 160);
    if (pic) {
        /* at the top on a paged screen, so a page can break below it */
        image(c, x + pad, c->paged ? y + pad : y + (h - isz) / 2, isz, isz, pic);
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
    /* items as tall as the longest needs (its words beside its picture) */
    int ih = S(c, 190);
    for (int i = 0; i < fm->nupdates; i++) {
        line tmp[12];
        const char *tx = hys_form_text(fm, &fm->updates[i].label, c->v->lang);
        int need = wrap(c, tx ? tx : "", S(c, 36), 0, W - 2 * m - S(c, 28) - S(c, 174), tmp, 12) *
                       line_h(c, S(c, 36), 0) +
                   S(c, 28);
        if (need > ih) ih = need;
    }
    int per = (bot - top + gap) / (ih + gap);
    if (per < 1) per = 1;
    int pages = (fm->nupdates + per - 1) / per;
    c->f->pages = pages;
    if (c->paged && pages > 1) unfit(c->f, "updates"); /* a paged screen shows them all */
    int page = c->v->page < pages ? c->v->page : pages - 1;
    for (int k = 0; k < per && page * per + k < fm->nupdates; k++)
        update_item(c, &fm->updates[page * per + k], m, top + k * (ih + gap), W - 2 * m, ih);
    bar_begin(c);
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
    bar_end(c);
}

static void screen_thanks(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int ui = c->v->thanks_update;
    int update = !c->v->quick && ui >= 0 && ui < fm->nupdates;
    int bw = S(c, 400) * c->ts / 100;
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = c->v->quick ? 0 : button_need(c, tr(c, "Finish"), bw, S(c, 120));
    /* heights from the lines each text needs (scripts differ: Nastaliq is
     * twice as tall), then the picture gets what is left, up to 180 */
    int th = text_need(c, tr(c, "Thank you!"), S(c, 64), 1, W - 2 * m);
    int sh = text_need(c, tr(c, "Your answers are saved."), S(c, 40), 0, W - 2 * m);
    int hh = update ? text_need(c, tr(c, "You said, we did:"), S(c, 36), 1, W - 2 * m) : 0;
    int ih = 0;
    if (update) { /* the item's words beside its picture */
        line tmp[12];
        const char *ut = hys_form_text(fm, &fm->updates[ui].label, c->v->lang);
        int lines = wrap(c, ut ? ut : "", S(c, 36), 0, W - 2 * m - S(c, 28) - S(c, 174), tmp, 12);
        ih = (lines > 2 ? lines : 2) * line_h(c, S(c, 36), 0) + S(c, 28);
    }
    int fixed = S(c, 30) + th + sh + (update ? S(c, 16) + hh + ih : 0) + S(c, 20) + bh + S(c, 30);
    int isz = H - fixed - S(c, 20);
    if (isz > S(c, 180)) isz = S(c, 180);
    int y = c->paged ? top_h(c) + S(c, 8) : S(c, 30); /* a page moves below the corner */
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
        if (h > S(c, 260) * c->ts / 100) h = S(c, 260) * c->ts / 100;
        if (h < ih) h = ih; /* its words first: a taller screen is paged */
        if (h >= ih) update_item(c, &fm->updates[ui], m, y, W - 2 * m, h);
    }
    if (!c->v->quick && c->paged)
        bottom_bar(c, 0, 0, 0, 1, tr(c, "Finish"), "next", HYS_ACT_DONE);
    else if (!c->v->quick)
        button(c, "button:done", HYS_ACT_DONE, 0, (W - bw) / 2, H - bh - S(c, 30), bw, bh, "next",
               tr(c, "Finish"), B_PRIMARY, 1);
}

static void screen_still_there(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, 150), y = c->paged ? top_h(c) + S(c, 8) : S(c, 40);
    icon(c, (W - isz) / 2, y, isz, isz, "still-there");
    y += isz + S(c, 16);
    int qh = text_need(c, tr(c, "Are you still there?"), S(c, 60), 1, W - 2 * m);
    y += text_box(c, tr(c, "Are you still there?"), m, y, W - 2 * m, qh > S(c, 90) ? qh : S(c, 90),
                  S(c, 60), 1, t->text, ALIGN_CENTER, 0);
    char count[32];
    snprintf(count, sizeof count, "%ld", c->v->countdown_s);
    /* the number, and the word below it */
    int nh = line_h(c, S(c, 90), 1), wh = text_need(c, tr(c, "seconds"), S(c, 36), 0, S(c, 400));
    int pw = S(c, 420), ph = nh + wh + S(c, 12);
    rect(c, (W - pw) / 2, y, pw, ph, t->panel, t->edge, S(c, 3), S(c, 16));
    char said[96];
    snprintf(said, sizeof said, tr(c, "%ld seconds left"), c->v->countdown_s);
    c->say = said;
    text_box(c, count, (W - pw) / 2, y + S(c, 4), pw, nh, S(c, 90), 1, t->on_panel, ALIGN_CENTER,
             1);
    c->inner = 1; /* heard with the number */
    text_box(c, tr(c, "seconds"), (W - pw) / 2 + S(c, 10), y + S(c, 4) + nh, S(c, 400), wh,
             S(c, 36), 0, t->on_panel, ALIGN_CENTER, 1);
    c->inner = 0;
    y += ph + S(c, 24);
    int bw = S(c, 640);
    if (bw > W - 2 * m) bw = W - 2 * m;
    int bh = button_need(c, tr(c, "Yes, I am still here"), bw, S(c, 150));
    if (y + bh > H - S(c, 10) && H - bh - S(c, 10) > y - S(c, 24)) y = H - bh - S(c, 10);
    if (c->paged)
        bottom_bar(c, 0, 0, 0, 1, tr(c, "Yes, I am still here"), "still-there", HYS_ACT_STILL_HERE);
    else
        button(c, "button:still-here", HYS_ACT_STILL_HERE, 0, (W - bw) / 2, y, bw, bh,
               "still-there", tr(c, "Yes, I am still here"), B_PRIMARY, 1);
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
    /* rows hold their words: two lines of a button, or the volume line and its bars */
    char vol[64];
    snprintf(vol, sizeof vol, tr(c, "Volume %d of %d"), v->volume + 1,
             c->in->volume_steps > 0 ? c->in->volume_steps : 8);
    line tmp[6];
    int vl = wrap(c, vol, S(c, 36), 1, cw, tmp, 6) * line_h(c, S(c, 36), 1);
    int hw = (W - 2 * m - gap) / 2;
    int need = vl + S(c, 60);
    need = button_need(c, tr(c, "Read everything aloud: off"), W - 2 * m, need);
    need = button_need(c, tr(c, "Read everything aloud: on"), W - 2 * m, need);
    need = button_need(c, tr(c, "Quieter"), cw, need);
    need = button_need(c, tr(c, "Louder"), cw, need);
    need = button_need(c, tr(c, "Slower"), hw, need);
    need = button_need(c, tr(c, "Normal speed"), hw, need);
    if (rh < need) rh = need;
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
    /* Quieter, the volume, Louder in a row; or, when a word would not fit a
     * third of the width, the volume above the two buttons */
    int split = longest_word(c, tr(c, "Quieter"), S(c, 36), 1) > cw - S(c, 24) ||
                longest_word(c, tr(c, "Louder"), S(c, 36), 1) > cw - S(c, 24);
    int mx = split ? m : m + cw + gap, mw = split ? W - 2 * m : cw;
    int my = y, mh = split ? vl + S(c, 80) : rh;
    if (split) y += mh + gap;
    if (split && c->paged) c->keep_top = my, c->keep_bottom = my + mh; /* the words with the bars */
    button(c, "sound:quieter", HYS_ACT_VOLUME, -1, m, y, split ? hw : cw, rh, "quieter",
           tr(c, "Quieter"), B_NORMAL, v->volume > 0);
    /* the volume as a row of bars, growing taller */
    int bw = (mw - (steps - 1) * S(c, 6)) / steps;
    if (split && bw > S(c, 60)) bw = S(c, 60);
    int bx0 = mx + (mw - (steps * bw + (steps - 1) * S(c, 6))) / 2;
    text_box(c, vol, mx, my, mw, vl, S(c, 36), 1, t->text, ALIGN_CENTER, 1);
    for (int i = 0; i < steps; i++) {
        int bh = (mh - vl - S(c, 8)) * (i + 1) / steps;
        int bx = bx0 + i * (bw + S(c, 6)), by = my + mh - bh;
        if (i <= v->volume)
            rect(c, bx, by, bw, bh, t->text, t->text, 0, S(c, 3));
        else
            rect(c, bx, by, bw, bh, t->bg, t->text, S(c, 2), S(c, 3));
    }
    button(c, "sound:louder", HYS_ACT_VOLUME, 1, split ? m + hw + gap : m + 2 * (cw + gap), y,
           split ? hw : cw, rh, "speaker", tr(c, "Louder"), B_NORMAL, v->volume < steps - 1);
    y += rh + gap;
    button(c, "sound:slower", HYS_ACT_SPEED, 1, m, y, hw, rh, "slower", tr(c, "Slower"),
           v->slow ? B_PRIMARY : B_NORMAL, 1);
    button(c, "sound:normal", HYS_ACT_SPEED, 0, m + hw + gap, y, hw, rh, "normal-speed",
           tr(c, "Normal speed"), v->slow ? B_NORMAL : B_PRIMARY, 1);
    bottom_bar(c, 0, 0, 0, 1, tr(c, "Done"), "yes", HYS_ACT_DONE);
}

/* Text size and colours for this session. Each size button shows its own
 * size; long screens at large sizes are shown a page at a time. */
static void screen_display(ctx *c)
{
    const hys_theme *t = c->t;
    const hys_journey_view *v = c->v;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int top = heading(c, "display-settings", tr(c, "Text and colours"), S(c, 52), S(c, 80));
    int bot = H - bottom_h(c) - S(c, 16), gap = S(c, 20);
    int rh = (bot - top - gap) / 2;
    if (rh > S(c, 200)) rh = S(c, 200);
    int need = 2 * line_h(c, S(c, 36), 1) + S(c, 24);
    if (rh < need) rh = need;
    static const int sizes[3] = {100, 150, 200};
    int cw = (W - 2 * m - 2 * gap) / 3;
    for (int i = 0; i < 3; i++) {
        char id[32], label[32], said[96];
        snprintf(id, sizeof id, "display:text-%d", sizes[i]);
        snprintf(label, sizeof label, "%d%%", sizes[i]);
        snprintf(said, sizeof said, tr(c, "Text size %d per cent"), sizes[i]);
        c->say = said;
        /* each shows its own size (as far as it fits), whatever size is chosen */
        int ts = c->ts;
        c->ts = 100, c->bar = sizes[i];
        button(c, id, HYS_ACT_TEXT_SIZE, sizes[i], m + i * (cw + gap), top, cw, rh,
               i == 0 ? "text-size" : NULL, label, v->text_size == sizes[i] ? B_PRIMARY : B_NORMAL,
               1);
        c->ts = ts, c->bar = 0;
    }
    int hw = (W - 2 * m - gap) / 2, y = top + rh + gap;
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
    /* (a notice is over the journey's screen: its settings would change
     * what cannot be seen) */
    int settings = c->v->screen != HYS_SCREEN_SOUND && c->v->screen != HYS_SCREEN_DISPLAY &&
                   c->v->screen != HYS_SCREEN_STILL_THERE && !c->in->notice;
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
        c->meaning = tr(c, "Text size and colours");
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

/* The journey's current screen. */
static void journey_screen(ctx *c)
{
    switch (c->v->screen) {
    case HYS_SCREEN_WELCOME:
        screen_welcome(c);
        break;
    case HYS_SCREEN_UPDATES:
        screen_updates(c);
        break;
    case HYS_SCREEN_LANGUAGE:
        screen_language(c);
        break;
    case HYS_SCREEN_INTRO:
        screen_intro(c);
        break;
    case HYS_SCREEN_PRACTICE:
        screen_practice(c);
        break;
    case HYS_SCREEN_QUESTION:
        screen_question(c);
        break;
    case HYS_SCREEN_REVIEW:
        screen_review(c);
        break;
    case HYS_SCREEN_THANKS:
        screen_thanks(c);
        break;
    case HYS_SCREEN_STILL_THERE:
        screen_still_there(c);
        break;
    case HYS_SCREEN_SOUND:
        screen_sound(c);
        break;
    case HYS_SCREEN_DISPLAY:
        screen_display(c);
        break;
    }
}

/* A notice in place of the journey's screen: a stick's answers being saved,
 * then saved (or not), with a button to go back to where the kiosk was; or
 * the kiosk out of order (failed, not done: no button). */
static void screen_notice(ctx *c)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    rect(c, 0, 0, W, H, t->bg, t->bg, 0, 0);
    int isz = S(c, 160), y = top_h(c) + S(c, 20);
    icon(c, (W - isz) / 2, y, isz, isz,
         c->in->notice_failed  ? "stop"
         : !c->in->notice_done ? "clock"
                               : "yes");
    y += isz + S(c, 24);
    /* OK is in the bottom bar, where it stays on every page of large text */
    int bh = c->in->notice_done ? bottom_h(c) : 0;
    c->group = HYS_READ_HEADING;
    text_box(c, c->in->notice, m, y, W - 2 * m, H - y - bh - S(c, 40), S(c, 48), 1, t->text,
             ALIGN_CENTER, 0);
    c->group = HYS_READ_CONTENT;
    if (c->in->notice_done) bottom_bar(c, 0, 0, 0, 1, tr(c, "OK"), "yes", HYS_ACT_DISMISS);
}

/* Staff mode's bottom bar: Close (first slot) and, on staff's own screen,
 * "Close the kiosk" (last slot). */
static void staff_bar(ctx *c, const char *id, hys_action a, const char *label, int quit)
{
    bar_begin(c);
    int bh = bottom_h(c), x, y, w, h;
    rect(c, 0, c->f->h - bh, c->f->w, bh, c->t->bar, c->t->bar, 0, 0);
    c->group = HYS_READ_BOTTOM;
    bar_slot(c, 0, &x, &y, &w, &h);
    button(c, id, a, 0, x, y, w, h, "back", label, B_NORMAL, 1);
    if (quit) {
        bar_slot(c, 1, &x, &y, &w, &h);
        button(c, "staff:settings", HYS_ACT_STAFF_SETTINGS, 0, x, y, w, h, "sound-settings",
               tr(c, "Voice and language"), B_NORMAL, 1);
        bar_slot(c, 2, &x, &y, &w, &h);
        button(c, "staff:touch", HYS_ACT_STAFF_TOUCH, -1, x, y, w, h, "practice",
               tr(c, "Check the touch screen"), B_NORMAL, 1);
        bar_slot(c, 3, &x, &y, &w, &h);
        button(c, "staff:quit", HYS_ACT_STAFF_QUIT, 0, x, y, w, h, "stop", tr(c, "Close the kiosk"),
               B_NORMAL, 1);
    }
    c->group = HYS_READ_CONTENT;
    bar_end(c);
}

/* A staff screen's background and heading; returns the y below it. */
static int staff_page(ctx *c, const char *title)
{
    rect(c, 0, 0, c->f->w, c->f->h, c->t->bg, c->t->bg, 0, 0);
    c->group = HYS_READ_HEADING;
    int y = heading(c, "helper", title, S(c, 50), S(c, 80));
    c->group = HYS_READ_CONTENT;
    return y;
}

/* Staff's message (if any) in bold under the heading at y; returns the y
 * below it and a gap. */
static int staff_message(ctx *c, const hys_staff_view *sv, int y, int gap)
{
    if (!sv->message) return y;
    int W = c->f->w, m = c->m;
    int mh = text_need(c, sv->message, S(c, 36), 1, W - 2 * m);
    return y +
           text_box(c, sv->message, m, y, W - 2 * m, mh, S(c, 36), 1, c->t->text, ALIGN_START, 0) +
           gap;
}

/* Staff: the PIN, typed on a number pad; the digits show as dots. */
static void screen_staff_pin(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = staff_page(c, tr(c, "Staff: type the PIN"));
    /* the dots: one a digit typed (a PIN has at least 6) */
    int d = S(c, 30), gap = S(c, 18), slots = sv->typed > 6 ? sv->typed : 6;
    int x = (W - (slots * d + (slots - 1) * gap)) / 2;
    for (int i = 0; i < slots; i++)
        rect(c, x + i * (d + gap), y, d, d, i < sv->typed ? t->text : t->bg, t->text, S(c, 3),
             d / 2);
    y += d + S(c, 16);
    if (sv->message) {
        int mh = text_need(c, sv->message, S(c, 36), 1, W - 2 * m);
        y += text_box(c, sv->message, m, y, W - 2 * m, mh, S(c, 36), 1, t->text, ALIGN_CENTER, 0) +
             S(c, 12);
    }
    if (!sv->can_try) {
        staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Close"), 0);
        return;
    }
    /* 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK */
    int bot = H - bottom_h(c) - S(c, 12), kg = S(c, 12);
    int kh = (bot - y - 3 * kg) / 4, kw = (W - 2 * m - 2 * kg) / 3;
    if (kw > S(c, 260)) kw = S(c, 260);
    if (kh > S(c, 110)) kh = S(c, 110);
    if (kh < c->tmin) kh = c->tmin;
    int x0 = (W - (3 * kw + 2 * kg)) / 2;
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    c->quiet = 1;
    bar_begin(c); /* keys keep their size; their words grow as far as they fit */
    for (int i = 0; i < 12; i++) {
        int kx = x0 + (i % 3) * (kw + kg), ky = y + (i / 3) * (kh + kg);
        char id[32];
        if (i == 9) {
            button(c, "staff:erase", HYS_ACT_STAFF_ERASE, 0, kx, ky, kw, kh, NULL, tr(c, "Delete"),
                   B_NORMAL, sv->typed > 0);
        } else if (i == 11) {
            button(c, "staff:ok", HYS_ACT_STAFF_OK, 0, kx, ky, kw, kh, NULL, tr(c, "OK"), B_PRIMARY,
                   sv->typed >= 4);
        } else {
            snprintf(id, sizeof id, "staff:digit-%s", keys[i]);
            key(c, keys[i], id, HYS_ACT_STAFF_DIGIT, keys[i][0] - '0', kx, ky, kw, kh);
        }
    }
    bar_end(c);
    c->quiet = 0;
    staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Close"), 0);
}

/* Staff: counts (never single answers), and what staff can do. */
static void screen_staff(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = staff_page(c, tr(c, "Staff"));
    char words[600];
    const char *fmts[3] = {sv->per_week ? tr(c, "People who answered this week: %ld")
                                        : tr(c, "People who answered today: %ld"),
                           tr(c, "Answers not yet saved on a USB stick: %ld"),
                           tr(c, "People who answered, in all: %ld")};
    long values[3] = {sv->sessions_today, sv->unexported, sv->sessions};
    for (int i = 0; i < 3; i++) {
        snprintf(words, sizeof words, fmts[i], values[i]);
        int lh = text_need(c, words, S(c, 36), i == 1, W - 2 * m);
        y += text_box(c, words, m, y, W - 2 * m, lh, S(c, 36), i == 1, t->text, ALIGN_START, 0) +
             S(c, 8);
    }
    {
        /* the key the office compares, and why the counts are round */
        char key_words[200] = "";
        if (sv->fingerprint)
            snprintf(key_words, sizeof key_words, tr(c, "This kiosk's key: %s"), sv->fingerprint);
        snprintf(words, sizeof words, "%s%s%s",
                 tr(c, "Counts are rounded to 5, so no one person's answers show."),
                 key_words[0] ? " " : "", key_words);
        int lh = text_need(c, words, S(c, 28), 0, W - 2 * m);
        y += text_box(c, words, m, y, W - 2 * m, lh, S(c, 28), 0, t->muted, ALIGN_START, 0) +
             S(c, 8);
    }
    if (sv->nhard > 0) {
        const char *h = tr(c, "Questions people did not understand:");
        y += S(c, 8) + text_box(c, h, m, y + S(c, 8), W - 2 * m,
                                text_need(c, h, S(c, 36), 1, W - 2 * m), S(c, 36), 1, t->muted,
                                ALIGN_START, 0);
        for (int i = 0; i < sv->nhard; i++) {
            snprintf(words, sizeof words, "%s: %ld", sv->hard_label[i] ? sv->hard_label[i] : "",
                     sv->hard_n[i]);
            int lh = text_need(c, words, S(c, 32), 0, W - 3 * m);
            y += text_box(c, words, 2 * m, y, W - 3 * m, lh, S(c, 32), 0, t->text, ALIGN_START, 0);
        }
    }
    if (sv->message) {
        int mh = text_need(c, sv->message, S(c, 32), 1, W - 2 * m);
        y += S(c, 8) + text_box(c, sv->message, m, y + S(c, 8), W - 2 * m, mh, S(c, 32), 1, t->text,
                                ALIGN_START, 0);
    }
    /* what staff can do, each a large button, two a row */
    y += S(c, 20);
    int bot = H - bottom_h(c) - S(c, 12), gap = S(c, 16);
    int cols = 2, rows = 2;
    int bw = (W - 2 * m - (cols - 1) * gap) / cols;
    static const char *const labels[4] = {"Save the answers on a USB stick",
                                          "Use the questions on the stick",
                                          "Go back to the earlier questions", "Check the kiosk"};
    static const char *const ids[4] = {"staff:export", "staff:load", "staff:restore",
                                       "staff:check"};
    static const char *const icons[4] = {"paper-form", "words", "back", "speaker"};
    static const hys_action acts[4] = {HYS_ACT_STAFF_EXPORT, HYS_ACT_STAFF_LOAD,
                                       HYS_ACT_STAFF_RESTORE, HYS_ACT_STAFF_CHECK};
    int on[4] = {sv->can_export, sv->can_load, sv->can_restore, 1};
    int bh = S(c, 90);
    for (int i = 0; i < 4; i++)
        bh = button_need(c, tr(c, labels[i]), bw, bh);
    int need = rows * bh + (rows - 1) * gap;
    if (y + need > bot && bot - need > y - S(c, 20)) y = bot - need;
    if (y + need > bot) unfit(c->f, "staff buttons"); /* shown a part at a time instead */
    for (int i = 0; i < 4; i++) {
        if (!on[i]) c->meaning = tr(c, i < 2 ? "Put a USB stick in first" : "There is none");
        button(c, ids[i], acts[i], 0, m + (i % cols) * (bw + gap), y + (i / cols) * (bh + gap), bw,
               bh, icons[i], tr(c, labels[i]), i == 0 ? B_PRIMARY : B_NORMAL, on[i]);
    }
    staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back to the kiosk"), 1);
}

/* Staff's touch test: a square in each corner and one in the middle; each
 * turns blue when touched. */
static void screen_staff_touch(ctx *c, const hys_staff_view *sv)
{
    int W = c->f->w, H = c->f->h, m = c->m;
    int y = staff_message(c, sv, staff_page(c, tr(c, "Check the touch screen")), S(c, 12));
    int bot = H - bottom_h(c) - S(c, 12), side = S(c, 120);
    if (side < c->tmin) side = c->tmin;
    int xs[5] = {m, W - m - side, m, W - m - side, (W - side) / 2};
    int ys[5] = {y, y, bot - side, bot - side, (y + bot - side) / 2};
    for (int i = 0; i < 5; i++) {
        char id[32], label[8];
        snprintf(id, sizeof id, "staff:touch-%d", i + 1);
        snprintf(label, sizeof label, "%d", i + 1);
        button(c, id, HYS_ACT_STAFF_TOUCH, i, xs[i], ys[i], side, side, NULL, label,
               sv->touched >> i & 1 ? B_PRIMARY : B_NORMAL, 1);
    }
    staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}

/* Staff: close the program, or switch the kiosk's box off (where it can). */
static void screen_staff_close(ctx *c, const hys_staff_view *sv)
{
    int W = c->f->w, H = c->f->h, m = c->m, gap = S(c, 24);
    int y = staff_message(c, sv, staff_page(c, tr(c, "Close the kiosk")), S(c, 24));
    int bw = W - 2 * m < S(c, 760) ? W - 2 * m : S(c, 760), x = (W - bw) / 2;
    int n = sv->can_switch_off ? 2 : 1, bh = S(c, 110);
    const char *off = tr(c, "Switch the kiosk off"), *close = tr(c, "Close the program only");
    if (n == 2) bh = button_need(c, off, bw, bh);
    bh = button_need(c, close, bw, bh);
    if (y + n * bh + (n - 1) * gap > H - bottom_h(c) - S(c, 12)) unfit(c->f, "close buttons");
    if (n == 2) {
        button(c, "staff:switch-off", HYS_ACT_STAFF_QUIT, 1, x, y, bw, bh, "stop", off, B_PRIMARY,
               1);
        y += bh + gap;
    }
    button(c, "staff:close-program", HYS_ACT_STAFF_QUIT, 0, x, y, bw, bh, "door", close,
           n == 2 ? B_NORMAL : B_PRIMARY, 1);
    staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}

/* Staff's settings: how loud each session starts, and in which language. */
static void screen_staff_settings(ctx *c, const hys_staff_view *sv)
{
    const hys_theme *t = c->t;
    const hys_form *fm = c->in->form;
    int W = c->f->w, m = c->m, gap = S(c, 16);
    int y = staff_page(c, tr(c, "Voice and language"));
    /* Quieter | Volume N of M | Louder: controls, kept at their own size */
    bar_begin(c);
    int cw = (W - 2 * m - 2 * gap) / 3;
    int bh = button_need(c, tr(c, "Quieter"), cw, S(c, 100) > c->tmin ? S(c, 100) : c->tmin);
    bh = button_need(c, tr(c, "Louder"), cw, bh);
    char vol[80];
    snprintf(vol, sizeof vol, tr(c, "Volume %d of %d"), sv->volume + 1, sv->volume_steps);
    button(c, "staff:quieter", HYS_ACT_STAFF_VOLUME, -1, m, y, cw, bh, "quieter", tr(c, "Quieter"),
           B_NORMAL, sv->volume > 0);
    int vh = text_need(c, vol, S(c, 36), 1, cw);
    text_box(c, vol, m + cw + gap, y + (bh - vh) / 2, cw, vh, S(c, 36), 1, t->text, ALIGN_CENTER,
             0);
    button(c, "staff:louder", HYS_ACT_STAFF_VOLUME, 1, m + 2 * (cw + gap), y, cw, bh, "speaker",
           tr(c, "Louder"), B_NORMAL, sv->volume < sv->volume_steps - 1);
    bar_end(c);
    y += (bh > vh ? bh : vh) + S(c, 24);
    const char *h = tr(c, "Each person starts in:");
    y += text_box(c, h, m, y, W - 2 * m, text_need(c, h, S(c, 36), 1, W - 2 * m), S(c, 36), 1,
                  t->muted, ALIGN_START, 0) +
         S(c, 12);
    /* each language by its own name, in its own script */
    int cols = c->portrait || c->ts > 100 ? 2 : 4, lw = (W - 2 * m - (cols - 1) * gap) / cols;
    int lh = S(c, 90);
    const char *was = c->lang;
    for (int i = 0; i < fm->nlangs; i++) {
        c->lang = fm->langs[i].code;
        int need =
            text_need(c, hys_lang_autonym(&fm->langs[i]), S(c, 36), 1, lw - S(c, 24)) + S(c, 16);
        if (lh < need) lh = need;
    }
    c->lang = was;
    if (lh < c->tmin) lh = c->tmin;
    for (int i = 0; i < fm->nlangs; i++) {
        char id[40];
        snprintf(id, sizeof id, "staff:lang-%s", fm->langs[i].code);
        c->say_lang = i;
        button(c, id, HYS_ACT_STAFF_LANG, i, m + (i % cols) * (lw + gap),
               y + (i / cols) * (lh + gap), lw, lh, NULL, hys_lang_autonym(&fm->langs[i]),
               i == sv->start_lang ? B_PRIMARY : B_NORMAL, 1);
    }
    staff_bar(c, "staff:close", HYS_ACT_STAFF_CLOSE, tr(c, "Back"), 0);
}

/* One screen laid out on a canvas of the window's width and height h (taller
 * than the window when large text needs the room). */
static void build_screen(ctx *c, hys_frame *f, const hys_layout_in *in, int h)
{
    f->w = in->w, f->h = h;
    f->ndraw = f->ntargets = f->nspeak = 0;
    f->text_used = 0;
    f->overflow = 0;
    f->pages = f->scroll_pages = 1;
    f->clipped = 0;
    f->clipped_text[0] = 0;
    memset(c, 0, sizeof *c);
    c->f = f, c->in = in, c->t = in->theme, c->v = hys_journey_view_get(in->journey);
    /* sizes come from the window, never from the taller canvas */
    c->portrait = in->h > in->w * 11 / 10;
    double ux = c->portrait ? in->w / 800.0 : in->w / 1280.0;
    double uy = c->portrait ? in->h / 1280.0 : in->h / 800.0;
    c->u = ux < uy ? ux : uy;
    c->m = S(c, 24);
    c->group = HYS_READ_CONTENT;
    c->say_lang = -1;
    c->lang = lang_code(c, -1);
    c->rtl = hys_lang_is_rtl(c->lang);
    c->ts = c->v->text_size >= 100 && c->v->text_size <= 200 ? c->v->text_size : 100;
    c->tmin = in->min_target > 44 ? in->min_target : 44;
    c->view_h = in->h - top_h(c) - bottom_h(c) - scroll_row_h(c) - 2 * S(c, 12);
    c->paged = h > in->h;
    c->corner_w = corner_width(c);
    hys_journey_screen_id(in->journey, f->screen, sizeof f->screen);
    if (in->notice) {
        snprintf(f->screen, sizeof f->screen, "notice");
        screen_notice(c);
    } else if (in->staff) {
        static const char *const ids[6] = {
            "", "staff-pin", "staff", "staff-settings", "staff-touch", "staff-close"};
        int sc = in->staff->screen >= 1 && in->staff->screen <= 5 ? in->staff->screen : 2;
        snprintf(f->screen, sizeof f->screen, "%s", ids[sc]);
        if (sc == 1)
            screen_staff_pin(c, in->staff);
        else if (sc == 2)
            screen_staff(c, in->staff);
        else if (sc == 3)
            screen_staff_settings(c, in->staff);
        else if (sc == 4)
            screen_staff_touch(c, in->staff);
        else
            screen_staff_close(c, in->staff);
    } else {
        journey_screen(c);
    }
    corner(c);
    sort_speak(f);
    /* touch targets that overlap mean the screen did not fit */
    for (int a = 0; a < f->ntargets; a++)
        for (int b = a + 1; b < f->ntargets; b++) {
            const hys_target *ta = &f->targets[a], *tb = &f->targets[b];
            if (ta->x < tb->x + tb->w && tb->x < ta->x + ta->w && ta->y < tb->y + tb->h &&
                tb->y < ta->y + ta->h)
                unfit(f, "targets overlap");
        }
    /* ...and so do words that run into a target they are not part of */
    for (int i = 0; i < f->ndraw; i++) {
        const hys_draw *d = &f->draw[i];
        if (d->kind != HYS_DRAW_TEXT) continue;
        for (int a = 0; a < f->ntargets; a++) {
            const hys_target *t = &f->targets[a];
            int meets = d->x < t->x + t->w && t->x < d->x + d->w && d->y < t->y + t->h &&
                        t->y < d->y + d->h;
            int inside = d->x >= t->x && d->y >= t->y && d->x + d->w <= t->x + t->w &&
                         d->y + d->h <= t->y + t->h;
            if (meets && !inside) unfit(f, "words run into a button");
        }
    }
}

/* ---- large text: a screen taller than the window, a page at a time ---- */

typedef struct band {
    int top, bottom; /* the content between the bars, on the tall canvas */
} band;

static int in_band(const band *b, int y, int h)
{
    return y >= b->top && y + h <= b->bottom && h < b->bottom - b->top;
}

/* No line of text, picture or target crosses the line y; nor, when strict,
 * a card or panel (else a panel taller than a page is continued on the next). */
static int can_cut(const hys_frame *f, const band *b, int y, int strict)
{
    for (int i = 0; i < f->ndraw; i++) {
        const hys_draw *d = &f->draw[i];
        if ((strict || d->kind != HYS_DRAW_RECT) && in_band(b, d->y, d->h) && d->y < y &&
            d->y + d->h > y)
            return 0;
    }
    for (int i = 0; i < f->ntargets; i++) {
        const hys_target *t = &f->targets[i];
        if (in_band(b, t->y, t->h) && t->y < y && t->y + t->h > y) return 0;
    }
    return 1;
}

/* The line y is inside the block the screen keeps together. */
static int kept(const ctx *c, int y)
{
    return y > c->keep_top && y < c->keep_bottom;
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
        } else if (in_band(b, sp.y, sp.h) && !on_page(&sp.y, &sp.h, from, to, dy, 1)) {
            continue; /* words on another page (words split by a page are heard on both) */
        }
        f->speak[n++] = sp;
    }
    f->nspeak = n;
}

/* Show page v->scroll of a frame laid out on a canvas taller than h, with
 * large "Earlier" and "More" buttons above the bottom bar. */
static void paginate(ctx *c, int h)
{
    hys_frame *f = c->f;
    int th = top_h(c), bh = bottom_h(c), gap = S(c, 12);
    /* every paged screen has a bottom bar (bar-less ones move their main button
     * into one), but for the quick poll's */
    int bars = c->v->quick && c->v->screen != HYS_SCREEN_STILL_THERE ? 0 : bh;
    band b = {th, f->h - bars};
    int end = th;
    for (int i = 0; i < f->ndraw; i++)
        if (in_band(&b, f->draw[i].y, f->draw[i].h) && f->draw[i].y + f->draw[i].h > end)
            end = f->draw[i].y + f->draw[i].h;
    int ah = scroll_row_h(c);
    int view = h - th - bars - ah - 2 * gap; /* content shown per page */
    int starts[40], cuts[40], np = 0;
    for (int y = th; y < end && np < 40;) {
        starts[np] = y;
        /* between panels if that leaves the page at least a third full; else
         * through a panel, between its lines */
        int last = y + view < end ? y + view : end, cut = last;
        while (cut > y + view / 3 && !(can_cut(f, &b, cut, 1) && !kept(c, cut)))
            cut--;
        if (cut <= y + view / 3 && last < end) {
            cut = last;
            while (cut > y && !(can_cut(f, &b, cut, 0) && !kept(c, cut)))
                cut--;
        }
        if (cut <= y) {
            cut = y + view; /* nothing to cut at: what crosses the line cannot be shown */
            unfit(f, "no page break");
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
    bar_begin(c);
    c->meaning = tr(c, "Go up this page");
    button(c, "button:scroll-up", HYS_ACT_SCROLL, -1, c->m, by, bw, ah, NULL, tr(c, "Earlier"),
           B_NORMAL, page > 0);
    c->meaning = tr(c, "See more of this page");
    button(c, "button:scroll-down", HYS_ACT_SCROLL, 1, 2 * c->m + bw, by, bw, ah, NULL,
           tr(c, "More"), B_NORMAL, page < np - 1);
    bar_end(c);
    sort_speak(f);
}

/* Something drawn below the canvas: the screen did not fit. */
static int off_canvas(const hys_frame *f)
{
    for (int i = 0; i < f->ndraw; i++)
        if (f->draw[i].y + f->draw[i].h > f->h) return 1;
    return 0;
}

/* ---- over the screen: touch-to-hear's banner, a hint ---- */

/* While touch-to-hear is on, a banner above the bottom bar says so, with a
 * button to switch it off (a double tap, like everything else then). */
static void banner(ctx *c)
{
    int bh = banner_h(c);
    if (!bh) return;
    const hys_theme *t = c->t;
    /* above the bottom bar; at the foot of a screen with none (welcome) */
    int W = c->f->w, m = c->m, y = c->f->h - (c->has_bar ? bottom_h(c) : bh);
    bar_begin(c);
    rect(c, 0, y, W, bh, t->panel, t->edge, S(c, 2), 0);
    const char *off = tr(c, "Switch off");
    int bw = text_w(c, off, strlen(off), S(c, 36), 1) + S(c, 48), bhh = bh - S(c, 16);
    if (bw < S(c, 160)) bw = S(c, 160);
    if (bw > W / 3) bw = W / 3;
    c->group = HYS_READ_HEADING;
    c->meaning = tr(c, "Switch off touch to hear");
    button(c, "button:explore-off", HYS_ACT_EXPLORE, 0, W - m - bw, y + S(c, 8), bw, bhh, NULL, off,
           B_NORMAL, 1);
    const char *words = tr(c, "Touch to hear is on: tap twice to choose");
    text_box(c, words, m, y, W - 3 * m - bw, bh, S(c, 30), 1, t->on_panel, ALIGN_START, 1);
    c->group = HYS_READ_CONTENT;
    bar_end(c);
}

/* Why a switched-off button did nothing: a box just above the bottom bar. */
static void hint(ctx *c)
{
    if (!c->in->hint || c->in->notice) return;
    const hys_theme *t = c->t;
    int W = c->f->w, m = c->m, pad = S(c, 16);
    int tw = W - 4 * m - 2 * pad;
    int th = text_need(c, c->in->hint, S(c, 36), 1, tw);
    int h = th + 2 * pad, y = c->f->h - bottom_h(c) - h - S(c, 12);
    int gr = c->group;
    c->group = -1; /* (it is said at once, not as part of the screen) */
    rect(c, 2 * m, y, W - 4 * m, h, t->primary, t->edge, S(c, 3), S(c, 16));
    text_box(c, c->in->hint, 2 * m + pad, y + pad, tw, th, S(c, 36), 1, t->on_primary, ALIGN_CENTER,
             0);
    c->group = gr;
}

/* Every switched-off target says why, when it is tapped. */
static void explain_off(ctx *c)
{
    for (int i = 0; i < c->f->ntargets; i++) {
        hys_target *t = &c->f->targets[i];
        if (t->enabled || t->why[0]) continue;
        size_t n = strlen(t->id);
        const char *why = n > 3 && !strcmp(t->id + n - 3, "-up")     ? "This is the first page"
                          : n > 5 && !strcmp(t->id + n - 5, "-down") ? "This is the last page"
                                                                     : "This cannot be used now";
        snprintf(t->why, sizeof t->why, "%s", tr(c, why));
    }
}

void hys_layout_build(hys_frame *f, const hys_layout_in *in)
{
    ctx c;
    build_screen(&c, f, in, in->h);
    /* large text that does not fit: lay the screen out taller, then show it
     * a page at a time (arrow buttons, never a drag) */
    for (int k = 2; (f->clipped || f->overflow || off_canvas(f)) && k <= 8; k *= 2)
        build_screen(&c, f, in, in->h * k);
    if (f->h > in->h)
        paginate(&c, in->h);
    else
        f->scroll_pages = 1;
    banner(&c);
    hint(&c);
    explain_off(&c);
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
