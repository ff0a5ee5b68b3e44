/* layout: turns the journey's current screen into a frame: a list of boxes,
 * lines of text and pictures to draw (the draw list) and the named touch
 * targets with the action each one triggers. Pure: no SDL; text is measured
 * through the hys_measure interface the screen module provides. Sizes scale
 * with the window (800x480 .. 1920x1080, landscape or portrait). */
#ifndef HYS_LAYOUT_H
#define HYS_LAYOUT_H

#include "theme.h"

#include "../form/form.h"
#include "../journey/journey.h"

#define HYS_MAX_DRAW 700
#define HYS_MAX_TARGETS 160
#define HYS_FRAME_TEXT_BYTES 65536

typedef enum { HYS_DRAW_RECT, HYS_DRAW_TEXT, HYS_DRAW_IMAGE } hys_draw_kind;

typedef struct hys_draw {
    hys_draw_kind kind;
    int x, y, w, h;     /* TEXT: x,y is the top left of the line; w,h its size */
    hys_color fill;     /* RECT fill; TEXT colour */
    hys_color edge;     /* RECT border colour */
    int border, radius; /* RECT */
    const char *text;   /* TEXT: one line, UTF-8 (in the frame's text store) */
    int px, bold;       /* TEXT size in pixels */
    const char *image;  /* IMAGE: file path; drawn to fit w x h, keeping its shape */
} hys_draw;

typedef struct hys_target {
    char id[64]; /* e.g. "button:next", "choice:good", "lang:pl" */
    int x, y, w, h;
    hys_action action;
    int arg;
    int enabled;
} hys_target;

typedef struct hys_frame {
    int w, h;
    char screen[80]; /* screen id */
    int ndraw, ntargets;
    hys_draw draw[HYS_MAX_DRAW];
    hys_target targets[HYS_MAX_TARGETS];
    size_t text_used;
    char text[HYS_FRAME_TEXT_BYTES];
    int overflow;          /* 1 when something did not fit in the fixed arrays */
    int clipped;           /* text boxes whose text did not fit even at the smallest size */
    char clipped_text[48]; /* the start of the first such text, for messages */
} hys_frame;

/* How the screen module measures text. */
typedef struct hys_measure {
    void *ud;
    /* width in pixels of s[0..len) at size px */
    int (*width)(void *ud, const char *s, size_t len, int px, int bold);
    /* distance between lines at size px */
    int (*line_height)(void *ud, int px, int bold);
} hys_measure;

/* The program's own words in the resident's language (from locales/LANG.po). */
typedef struct hys_words {
    void *ud;
    const char *(*tr)(void *ud, int lang, const char *english);
} hys_words;

typedef struct hys_layout_in {
    const hys_form *form;
    const hys_journey *journey;
    const hys_theme *theme;
    const hys_measure *measure;
    const hys_words *words;
    const char *icons_dir; /* folder with the UI icons (start.svg, next.svg, …) */
    const char *pressed;   /* id of the target under the finger, or NULL */
    int w, h;              /* window size in logical pixels */
} hys_layout_in;

/* Build the frame for the journey's current screen. Never fails; if the
 * fixed arrays fill up, frame->overflow is set and the rest is left out. */
void hys_layout_build(hys_frame *frame, const hys_layout_in *in);

/* The enabled target containing (x, y), or NULL. */
const hys_target *hys_frame_hit(const hys_frame *f, int x, int y);
/* The target with this id, or NULL. */
const hys_target *hys_frame_find(const hys_frame *f, const char *id);

#endif
