/* text: measuring, wrapping (at word boundaries, never inside a word) and
 * fitting words into a box, shrinking them only down to a floor. */
#include "ui.h"

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
int ui_text_w(const ctx *c, const char *s, size_t n, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->width(c->in->measure->ud, s, n, TX(c, px), bold);
}

int ui_line_h(const ctx *c, int px, int bold)
{
    measure_lang(c);
    return c->in->measure->line_height(c->in->measure->ud, TX(c, px), bold);
}

/* The line height at text size ts (per cent) rather than the resident's. */
int ui_line_h_at(const ctx *c, int px, int bold, int ts)
{
    measure_lang(c);
    return c->in->measure->line_height(c->in->measure->ud, px * ts / 100, bold);
}

/* Break text into lines no wider than w; returns the number of lines (at
 * most max). A word wider than w is broken between characters. */
int ui_wrap(const ctx *c, const char *text, int px, int bold, int w, line *out, int max)
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
            if (ui_text_w(c, start, (size_t)(e - start), px, bold) <= w) {
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
                if (ui_text_w(c, start, (size_t)(nx - start), px, bold) > w) break;
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
int ui_longest_word(const ctx *c, const char *text, int px, int bold)
{
    int longest = 0;
    for (const char *p = text; p && *p;) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        int ww = e > p ? ui_text_w(c, p, (size_t)(e - p), px, bold) : 0;
        if (ww > longest) longest = ww;
        p = e;
    }
    return longest;
}

/* Some line but the last ends inside a word (a word too long for the box).
 * Scripts written without spaces (CJK, from U+2E80) may break anywhere. */
int ui_breaks_word(const line *l, int n)
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
int ui_text_need(const ctx *c, const char *text, int px, int bold, int w)
{
    line tmp[12];
    return ui_wrap(c, text ? text : "", px, bold, w, tmp, 12) * ui_line_h(c, px, bold);
}

/* Something did not fit (not text: that is named by its start). */
void ui_unfit(hys_frame *f, const char *why)
{
    if (!f->clipped++) snprintf(f->clipped_text, sizeof f->clipped_text, "(%s)", why);
}

/* Lay text out in the box, shrinking the size (to no less than 60%) until it
 * fits. Returns the height used. */
int ui_text_box(ctx *c, const char *text, int x, int y, int w, int h, int px, int bold,
                hys_color color, align al, int vcenter)
{
    return ui_text_box_heard(c, NULL, NULL, text, x, y, w, h, px, bold, color, al, vcenter);
}

/* The same, heard as heard (NULL: as the text shown), or as the recording
 * wav (NULL: none). */
int ui_text_box_heard(ctx *c, const char *heard, const char *wav, const char *text, int x, int y,
                      int w, int h, int px, int bold, hys_color color, align al, int vcenter)
{
    if (!text || !*text || w <= 0) return 0;
    line lines[40];
    int n = 0, lh = 0;
    int size = px,
        floor_px = S(c, SZ_TEXT) < px ? S(c, SZ_TEXT) : px; /* design sizes; TX in text_w */
    for (;;) {
        n = ui_wrap(c, text, size, bold, w, lines, 40);
        lh = ui_line_h(c, size, bold);
        int widest = 0; /* a word that cannot be broken (one letter on a key) */
        for (int i = 0; i < n; i++) {
            int lw = ui_text_w(c, lines[i].s, lines[i].n, size, bold);
            if (lw > widest) widest = lw;
        }
        if ((n * lh <= h && widest <= w && !ui_breaks_word(lines, n)) || size <= floor_px) break;
        size = size * 9 / 10;
    }
    if (ui_breaks_word(lines, n)) ui_unfit(c->f, "a word broken across lines");
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
    if (!c->inner) ui_speak_item(c, x, ty, w, total, text, heard, wav, -1, -1);
    for (int i = 0; i < n; i++) {
        int lw = ui_text_w(c, lines[i].s, lines[i].n, size, bold);
        int lx = al == ALIGN_CENTER ? x + (w - lw) / 2 : x;
        const char *s = ui_store_text(c, lines[i].s, lines[i].n);
        hys_draw *d = s ? ui_add(c, HYS_DRAW_TEXT, lx, ty + i * lh, lw, lh) : NULL;
        if (!d) return total;
        d->text = s, d->px = TX(c, size), d->bold = bold, d->fill = color, d->lang = c->lang;
    }
    return total;
}

/* The height the tallest of the form's language names needs, each in its
 * own script (Nastaliq is tall), at the design size px in bold: wrapped at
 * w, or on one line when w <= 0. */
int ui_lang_names_need(ctx *c, int px, int w)
{
    const hys_form *fm = c->in->form;
    const char *was = c->lang;
    int most = 0;
    for (int i = 0; i < fm->nlangs; i++) {
        c->lang = fm->langs[i].code;
        int need = w > 0 ? ui_text_need(c, hys_lang_autonym(&fm->langs[i]), px, 1, w)
                         : ui_line_h(c, px, 1);
        if (need > most) most = need;
    }
    c->lang = was;
    return most;
}
