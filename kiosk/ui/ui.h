/* ui: the engine the screens are drawn with (kiosk/ui/), shared with the
 * screens (kiosk/screens/) and no one else. A screen is laid out into a
 * frame (layout.h) through a ctx: the frame being built, what it is built
 * from, and the sizes of this window. Sizes are in "design units" for a
 * 1280x800 screen, scaled by u to the window (S); words are at the
 * resident's text size (TX). */
#ifndef HYS_UI_H
#define HYS_UI_H

#include "../layout/layout.h"
#include "../text/bidi.h"
#include "../util/text.h"
#include "sizes.h"

#include <stdio.h>
#include <string.h>

typedef struct ctx {
    hys_frame *f;
    const hys_layout_in *in;
    const hys_theme *t;
    const hys_journey_view *v;
    double u;
    int portrait;
    int m;                /* margin */
    int group;            /* reading group of what is added now (HYS_READ_*), -1 = not heard */
    int quiet;            /* what is added now is heard only on its own, not with the whole screen
                           * (keyboard keys; a review row's words, which its Change button says) */
    int inner;            /* text inside a button or card: the target speaks for it */
    int corner_w;         /* width kept free at the top right for the speaker buttons */
    int rtl;              /* the screen's language is written right to left */
    const char *lang;     /* language code of the text being laid out now */
    const char *measured; /* the language the measure was last told */
    int ts;               /* text size, per cent (100, 150, 200) */
    int tmin;             /* smallest target side, pixels */
    int bar;              /* laying out a bar: the resident's text size, while ts is 100 (the bar's
                           * own size); button words grow towards it as far as they fit */
    int view_h;           /* the height a page of content may have on the real window */
    int top_free;         /* the top bar is free from its left edge to here */
    int keep_top, keep_bottom; /* a paged screen is not cut between these (0, 0: none) */
    int paged;   /* laid out on a canvas taller than the window, to be shown a page at a time */
    int has_bar; /* the screen has a bottom bar (touch-to-hear's banner goes above it) */
} ctx;

/* A text size in pixels at the resident's text size. */
static inline int TX(const ctx *c, int px)
{
    return px * c->ts / 100;
}

/* The code of language index i (the screen's when i < 0). */
static inline const char *lang_code(const ctx *c, int i)
{
    const hys_form *fm = c->in->form;
    if (i < 0 || i >= fm->nlangs) i = c->v->lang;
    return i >= 0 && i < fm->nlangs ? fm->langs[i].code : "en";
}

typedef enum { ALIGN_START, ALIGN_CENTER } align;

/* A touch target: what it is, does and says. Each call gets its own
 * (`&(ui_item){.id = "button:next", .action = HYS_ACT_NEXT, .label = ...}`);
 * nothing of one target is left behind for the next. */
typedef struct ui_item {
    const char *id;      /* e.g. "button:next", "choice:good" */
    hys_action action;   /* what a tap does */
    int arg;             /* the action's argument */
    const char *label;   /* the words shown (NULL: a picture button) */
    const char *say;     /* heard in place of the label (NULL: the label, then meaning) */
    const char *say_wav; /* a recording heard in place of the words, or NULL */
    int lang;            /* 1 + the form's language the words are in; 0: the screen's */
    const char *meaning; /* heard after the label: what it does, or why it is switched off */
    int off;             /* switched off: shown, explained when tapped, does nothing */
    int label_lines;     /* a card: the lines its words get at least (so that the cards
                          * of a row keep pictures of one size); 0: what they need */
    int beside;          /* a card: the side of its picture beside its words (0: the
                          * picture above them) */
} ui_item;

static inline int S(const ctx *c, double design)
{
    int v = (int)(design * c->u + 0.5);
    return v < 1 ? 1 : v;
}

static inline const char *tr(const ctx *c, const char *english)
{
    const hys_words *w = c->in->words;
    return w && w->tr ? w->tr(w->ud, c->v->lang, english) : english;
}

static inline int pressed(const ctx *c, const char *id)
{
    return c->in->pressed && !strcmp(c->in->pressed, id);
}

typedef struct line {
    const char *s;
    size_t n;
} line;

typedef enum { B_PRIMARY, B_NORMAL } bstyle;

/* A button in one of the bottom bar's fixed slots (ui_bar_buttons). */
typedef struct ui_slot {
    ui_item item; /* .id NULL: the slot is empty */
    const char *icon;
    bstyle style;
} ui_slot;

/* bars.c */
void ui_banner(ctx *c);
/* While the screen is hidden (headphones in): the window covered, with a
 * picture and a line; the targets stay, found by touch to hear. */
void ui_curtain(ctx *c);
void ui_bar_begin(ctx *c);
void ui_bar_end(ctx *c);
void ui_bar_slot(ctx *c, int i, int *x, int *y, int *w, int *h);
void ui_bar_buttons(ctx *c, const ui_slot slots[4]);
void ui_page_slots(ui_slot s[4], int page, int pages, const char *up, const char *down);
void ui_bottom_bar(ctx *c, int back, int dont, int skip, int next, const char *next_label,
                   const char *next_icon, hys_action next_action);
int ui_bottom_h(const ctx *c);
void ui_corner(ctx *c);
int ui_corner_width(const ctx *c);
void ui_explain_off(ctx *c);
void ui_hint(ctx *c);
/* The message of an answer just refused (its question's constraint message
 * in the resident's language, else the kiosk's words), into buf; NULL when
 * no answer is refused on this screen. */
const char *ui_refused_words(const ctx *c, char *buf, size_t n);
/* A message box (white words on the main colour) w wide at x, y: its
 * height, and the height it would take. */
int ui_message_box(ctx *c, const char *text, int x, int y, int w);
int ui_message_h(ctx *c, const char *text, int w);
int ui_scroll_row_h(const ctx *c);
void ui_top_bar(ctx *c, int with_progress);
int ui_top_h(const ctx *c);

/* draw.c */
hys_draw *ui_add(ctx *c, hys_draw_kind k, int x, int y, int w, int h);
void ui_icon(ctx *c, int x, int y, int w, int h, const char *name);
void ui_image(ctx *c, int x, int y, int w, int h, const char *path);
void ui_rect(ctx *c, int x, int y, int w, int h, hys_color fill, hys_color edge, int border,
             int radius);
void ui_speak_item(ctx *c, int x, int y, int w, int h, const char *text, const char *heard,
                   const char *wav, int lang, int ti);
const char *ui_store_text(ctx *c, const char *s, size_t n);
void ui_target(ctx *c, const ui_item *it, int x, int y, int w, int h);

/* frame.c */
void ui_mirror(hys_frame *f);
void ui_sort_speak(hys_frame *f);

/* keyboard.c */
void ui_key(ctx *c, const ui_item *it, int x, int y, int w, int h);
void ui_keyboard(ctx *c, const hys_question *q, int x, int y, int w, int h);

/* paginate.c */
int ui_off_canvas(const hys_frame *f);
void ui_paginate(ctx *c, int h);

/* text.c */
int ui_breaks_word(const line *l, int n);
int ui_line_h(const ctx *c, int px, int bold);
int ui_line_h_at(const ctx *c, int px, int bold, int ts);
int ui_longest_word(const ctx *c, const char *text, int px, int bold);
int ui_lang_names_need(ctx *c, int px, int w);
int ui_text_box(ctx *c, const char *text, int x, int y, int w, int h, int px, int bold,
                hys_color color, align al, int vcenter);
int ui_text_box_heard(ctx *c, const char *heard, const char *wav, const char *text, int x, int y,
                      int w, int h, int px, int bold, hys_color color, align al, int vcenter);
int ui_text_need(const ctx *c, const char *text, int px, int bold, int w);
int ui_text_w(const ctx *c, const char *s, size_t n, int px, int bold);
void ui_unfit(hys_frame *f, const char *why);
int ui_wrap(const ctx *c, const char *text, int px, int bold, int w, line *out, int max);

/* widgets.c */
void ui_button(ctx *c, const ui_item *it, int x, int y, int w, int h, const char *icon_name,
               bstyle st);
int ui_button_need(const ctx *c, const char *label, int w, int min);
void ui_card(ctx *c, const ui_item *it, int x, int y, int w, int h, const char *pic, int chosen,
             int checkbox);
int ui_heading(ctx *c, const char *icon_name, const char *text, int px, int isz);
void ui_ring(ctx *c, int x, int y, int w, int h, int band, hys_color col, int e, hys_color edge);

#endif
