/* widgets: buttons, cards (picture and words), headings and rings, each
 * drawn with its touch target and what it says when heard. */
#include "ui.h"

/* A button with an icon at the start and a label: the whole box is the target. */
void ui_button(ctx *c, const ui_item *it, int x, int y, int w, int h, const char *icon_name,
               bstyle st)
{
    const hys_theme *t = c->t;
    const char *label = it->label;
    int enabled = !it->off, say_lang = it->lang - 1;
    hys_color bg = st == B_PRIMARY ? t->primary : t->button;
    hys_color fg = st == B_PRIMARY ? t->on_primary : t->on_button;
    if (!enabled)
        bg = t->disabled, fg = t->on_disabled;
    else if (pressed(c, it->id))
        bg = t->pressed, fg = t->on_pressed;
    ui_rect(c, x, y, w, h, bg, enabled ? t->edge : t->on_disabled, S(c, SZ_LINE_BOLD),
            S(c, SZ_ROUND_BUTTON));
    int pad = S(c, SZ_GAP_ROW);
    if (!label) { /* a picture button: its meaning is heard */
        ui_icon(c, x + pad, y + pad, w - 2 * pad, h - 2 * pad, icon_name);
        ui_target(c, it, x, y, w, h);
        return;
    }
    int isz = h - 2 * pad;
    if (isz > S(c, SZ_BUTTON_ICON)) isz = S(c, SZ_BUTTON_ICON);
    int tx = x + pad, tw = w - 2 * pad;
    /* the icon shrinks, or goes, before a word of the label would be broken */
    const char *was_lang = c->lang;
    if (say_lang >= 0) c->lang = lang_code(c, say_lang);
    /* (measured at the size drawn when a bar's words are smaller than its own) */
    int mpx = c->bar > 0 && c->bar < 100 ? S(c, SZ_TEXT) * c->bar / 100 : S(c, SZ_TEXT);
    int longest = ui_longest_word(c, label, mpx, 1);
    if (icon_name && tw - isz - pad < longest) {
        isz = tw - pad - longest;
        if (isz < S(c, SZ_ICON_MIN)) icon_name = NULL;
    }
    /* …and goes when the words would not fit beside it but fit without it */
    if (icon_name) {
        line tmp[8];
        int lh = ui_line_h(c, S(c, SZ_TEXT), 1);
        int with = ui_wrap(c, label, mpx, 1, tw - isz - pad, tmp, 8);
        int without = ui_wrap(c, label, mpx, 1, tw, tmp, 8);
        if (with * lh > h - 4 && without < with) icon_name = NULL;
    }
    c->lang = was_lang;
    if (icon_name && w > isz * 3) {
        /* icons are drawn in black: give them a light badge on dark buttons (>= 3:1) */
        if (st == B_PRIMARY && enabled)
            ui_rect(c, x + pad - S(c, SZ_NUDGE), y + (h - isz) / 2 - S(c, SZ_NUDGE),
                    isz + S(c, SZ_GAP_SMALL), isz + S(c, SZ_GAP_SMALL), t->button, t->button, 0,
                    S(c, SZ_ROUND_KEY));
        ui_icon(c, x + pad, y + (h - isz) / 2, isz, isz, icon_name);
        tx += isz + pad;
        tw -= isz + pad;
    }
    c->inner = 1;
    const char *screen_lang = c->lang;
    if (say_lang >= 0) c->lang = lang_code(c, say_lang); /* a language's own name */
    ui_text_box(c, label, tx, y + 2, tw, h - 4,
                c->bar ? S(c, SZ_TEXT) * c->bar / 100 : S(c, SZ_TEXT), 1, fg,
                icon_name ? ALIGN_START : ALIGN_CENTER, 1);
    c->lang = screen_lang;
    c->inner = 0;
    ui_target(c, it, x, y, w, h);
}

/* A card's inside: the picture above, the label below. */
static void card_tall(ctx *c, int x, int y, int w, int h, const char *pic, const char *label,
                      int min_lines, hys_color fg, int chosen, int checkbox)
{
    const hys_theme *t = c->t;
    int pad = S(c, SZ_PAD);
    /* the label gets the lines it needs (up to three); the picture the rest */
    line tmp[4];
    int lines = label ? ui_wrap(c, label, S(c, SZ_TEXT), 1, w - 2 * pad, tmp, 4) : 1;
    if (lines < min_lines) lines = min_lines;
    if (lines < 1) lines = 1;
    int label_h = ui_line_h(c, S(c, SZ_TEXT), 1) * lines;
    if (label_h > h - 2 * pad) label_h = h - 2 * pad;
    int pic_h = h - label_h - 3 * pad;
    int pic_w = w - 2 * pad;
    int ps = pic_h < pic_w ? pic_h : pic_w;
    if (ps > 0 && pic) ui_image(c, x + (w - ps) / 2, y + pad, ps, ps, pic);
    c->inner = 1;
    ui_text_box(c, label, x + pad, y + h - label_h - pad, w - 2 * pad, label_h, S(c, SZ_TEXT), 1,
                fg, ALIGN_CENTER, 1);
    c->inner = 0;
    if (checkbox || chosen) {
        /* a tick box in the corner: an empty square, or a square with a tick */
        int b = S(c, SZ_TICK);
        int room = h - label_h - pad - S(c, SZ_GAP_ROW); /* it stays clear of the words */
        if (b > room) b = room > S(c, SZ_TICK_MIN) ? room : S(c, SZ_TICK_MIN);
        int bx = x + w - b - S(c, SZ_GAP_SMALL), byy = y + S(c, SZ_GAP_SMALL);
        ui_rect(c, bx, byy, b, b, t->card, t->text, S(c, SZ_LINE_HEAVY), S(c, SZ_ROUND_TICK));
        if (chosen)
            ui_icon(c, bx + S(c, SZ_NUDGE), byy + S(c, SZ_NUDGE), b - S(c, SZ_GAP_SMALL),
                    b - S(c, SZ_GAP_SMALL), "yes");
    }
}

/* A card: picture above, one- or two-word label below (or, on a wide card,
 * beside it); shape cues for chosen. */
void ui_card(ctx *c, const ui_item *it, int x, int y, int w, int h, const char *pic, int chosen,
             int checkbox)
{
    const hys_theme *t = c->t;
    const char *label = it->label;
    hys_color bg = chosen ? t->chosen : t->card, fg = chosen ? t->on_chosen : t->on_card;
    if (pressed(c, it->id)) bg = t->pressed, fg = t->on_pressed;
    ui_rect(c, x, y, w, h, bg, chosen ? t->chosen_edge : t->edge,
            chosen ? S(c, SZ_LINE_CHOSEN) : S(c, SZ_LINE_BOLD), S(c, SZ_ROUND_CARD));
    int pad = S(c, SZ_PAD);
    if (!pic) { /* words alone: centred, and larger where they fit */
        int tw = w - 2 * pad - (checkbox || chosen ? 2 * (S(c, SZ_TICK) + pad) : 0);
        c->inner = 1;
        ui_text_box(c, label, x + (w - tw) / 2, y + pad, tw, h - 2 * pad, S(c, SZ_TEXT_WORD_CARD),
                    1, fg, ALIGN_CENTER, 1);
        c->inner = 0;
        if (checkbox || chosen) {
            int b = S(c, SZ_TICK), bx = x + w - b - pad, byy = y + pad;
            ui_rect(c, bx, byy, b, b, t->card, t->text, S(c, SZ_LINE_HEAVY), S(c, SZ_ROUND_TICK));
            if (chosen)
                ui_icon(c, bx + S(c, SZ_NUDGE), byy + S(c, SZ_NUDGE), b - S(c, SZ_GAP_SMALL),
                        b - S(c, SZ_GAP_SMALL), "yes");
        }
    } else if (it->beside > 0) { /* the picture at the start, the words beside it */
        int ps = it->beside < h - 2 * pad ? it->beside : h - 2 * pad;
        int tx = x + ps + 2 * pad, tw = w - ps - 3 * pad;
        if (checkbox || chosen) tw -= S(c, SZ_TICK) + pad;
        if (pic) ui_image(c, x + pad, y + (h - ps) / 2, ps, ps, pic);
        c->inner = 1;
        ui_text_box(c, label, tx, y + pad, tw, h - 2 * pad, S(c, SZ_TEXT), 1, fg, ALIGN_START, 1);
        c->inner = 0;
        if (checkbox || chosen) {
            int b = S(c, SZ_TICK), bx = x + w - b - pad, byy = y + (h - b) / 2;
            ui_rect(c, bx, byy, b, b, t->card, t->text, S(c, SZ_LINE_HEAVY), S(c, SZ_ROUND_TICK));
            if (chosen)
                ui_icon(c, bx + S(c, SZ_NUDGE), byy + S(c, SZ_NUDGE), b - S(c, SZ_GAP_SMALL),
                        b - S(c, SZ_GAP_SMALL), "yes");
        }
    } else {
        card_tall(c, x, y, w, h, pic, label, it->label_lines, fg, chosen, checkbox);
    }
    char words[600];
    const char *fmt = checkbox ? (chosen ? tr(c, "%s, ticked") : tr(c, "%s, not ticked"))
                               : (chosen ? tr(c, "%s, chosen") : "%s");
    ui_item heard = *it;
    if (!heard.say) { /* (its state, after its words) */
        snprintf(words, sizeof words, fmt, label ? label : "");
        heard.say = words;
    }
    ui_target(c, &heard, x, y, w, h);
}

/* A button's height for its label (with icon) at w wide: at least min. */
int ui_button_need(const ctx *c, const char *label, int w, int min)
{
    int h = ui_text_need(c, label, S(c, SZ_TEXT), 1,
                         w - S(c, SZ_GAP_LARGE) - S(c, SZ_BUTTON_ICON_COL)) +
            S(c, SZ_GAP);
    return h > min ? h : min;
}

/* A screen's heading, with its picture (icon may be NULL), at the top left:
 * beside the corner buttons, or below them when the screen is narrow. The
 * box is as tall as the words need. Returns the y just below it. */
int ui_heading(ctx *c, const char *icon_name, const char *text, int px, int isz)
{
    int W = c->f->w, m = c->m;
    /* below a top bar (top_free is set once one is drawn), and on a paged
     * screen (the corner stays while the page moves) */
    int narrow = c->portrait || c->top_free || c->paged || W - 3 * m - isz - c->corner_w < W / 2;
    int y = narrow ? ui_top_h(c) : S(c, SZ_GAP_WIDE);
    int tx = icon_name ? m + isz + m : m;
    int tw = W - tx - m - (narrow ? 0 : c->corner_w);
    int need = ui_text_need(c, text, px, 1, tw);
    int h = need > isz ? need : isz;
    if (icon_name) ui_icon(c, m, y + (h - isz) / 2, isz, isz, icon_name);
    ui_text_box(c, text, tx, y, tw, h, px, 1, c->t->text, ALIGN_START, 1);
    int below = y + h + S(c, SZ_GAP);
    return below > ui_top_h(c) + S(c, SZ_GAP_SMALL)
               ? below
               : ui_top_h(c) + S(c, SZ_GAP_SMALL); /* and below the corner */
}

/* A frame of thickness th just outside the box. */
static void frame_band(ctx *c, int x, int y, int w, int h, int th, hys_color k)
{
    ui_rect(c, x - th, y - th, w + 2 * th, th, k, k, 0, 0);
    ui_rect(c, x - th, y + h, w + 2 * th, th, k, k, 0, 0);
    ui_rect(c, x - th, y, th, h, k, k, 0, 0);
    ui_rect(c, x + w, y, th, h, k, k, 0, 0);
}

/* A ring round a box: a band of col, edged outside with a thinner edge. */
void ui_ring(ctx *c, int x, int y, int w, int h, int band, hys_color col, int e, hys_color edge)
{
    frame_band(c, x, y, w, h, band, col);
    if (e > 0) frame_band(c, x - band, y - band, w + 2 * band, h + 2 * band, e, edge);
}
