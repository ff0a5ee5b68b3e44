/* layout: turns the journey's current screen into a frame: a list of boxes,
 * lines of text and pictures to draw (the draw list) and the named touch
 * targets with the action each one triggers. Pure: no SDL; text is measured
 * through the hys_measure interface the screen module provides. Sizes scale
 * with the window (800x480 .. 1920x1080, landscape or portrait). Built in
 * layout.c from the screens (kiosk/screens/) and their engine (kiosk/ui/). */
#ifndef HYS_LAYOUT_H
#define HYS_LAYOUT_H

#include "theme.h"

#include "../form/form.h"
#include "../journey/journey.h"

#define HYS_MAX_DRAW 700
#define HYS_MAX_TARGETS 160
#define HYS_FRAME_TEXT_BYTES 65536
#define HYS_MAX_SPEAK 200

typedef enum { HYS_DRAW_RECT, HYS_DRAW_TEXT, HYS_DRAW_IMAGE } hys_draw_kind;

typedef struct hys_draw {
    hys_draw_kind kind;
    int x, y, w, h;     /* TEXT: x,y is the top left of the line; w,h its size */
    hys_color fill;     /* RECT fill; TEXT colour */
    hys_color edge;     /* RECT border colour */
    int border, radius; /* RECT */
    const char *text;   /* TEXT: one line, UTF-8 (in the frame's text store) */
    int px, bold;       /* TEXT size in pixels */
    const char *lang;   /* TEXT: language code (script, font, direction), or NULL */
    const char *image;  /* IMAGE: file path; drawn to fit w x h, keeping its shape */
    int flip;           /* IMAGE: mirrored left to right (arrows on right-to-left screens) */
} hys_draw;

typedef struct hys_target {
    char id[64]; /* e.g. "button:next", "choice:good", "lang:pl" */
    int x, y, w, h;
    hys_action action;
    int arg;
    int enabled;
    char why[160]; /* switched off: why, shown and said when it is tapped */
} hys_target;

/* Reading groups: the order things are read and reached by keys. */
enum { HYS_READ_HEADING, HYS_READ_CONTENT, HYS_READ_BOTTOM, HYS_READ_TOP };

/* Something that can be heard: a piece of text, or a target's meaning. */
typedef struct hys_speak {
    int x, y, w, h;    /* where it is (highlighted while heard; touched in explore mode) */
    const char *text;  /* the words to say ("Good, chosen") */
    const char *label; /* what the item shows ("Good") */
    const char *wav;   /* a recording to play instead, or NULL */
    int lang;          /* language index to say it in; -1 = the screen's language */
    int target;        /* index into targets, or -1 for words that do nothing */
    int group;         /* HYS_READ_* */
    int in_screen;     /* read out as part of "the whole screen" */
} hys_speak;

typedef struct hys_frame {
    int w, h;
    char screen[80]; /* screen id */
    int ndraw, ntargets;
    hys_draw draw[HYS_MAX_DRAW];
    hys_target targets[HYS_MAX_TARGETS];
    int nspeak; /* in reading order: headings, content, bottom bar, top bar */
    hys_speak speak[HYS_MAX_SPEAK];
    size_t text_used;
    char text[HYS_FRAME_TEXT_BYTES];
    int pages;             /* pages of answers, review rows or updates (1: all shown) */
    int scroll_pages;      /* pages a screen too long for large text is shown in (1: fits) */
    int overflow;          /* 1 when something did not fit in the fixed arrays */
    int clipped;           /* text boxes whose text did not fit even at the smallest size */
    int split_words;       /* blocks of words (well shorter than a page) cut by a page break */
    char clipped_text[48]; /* the start of the first such text, for messages */
} hys_frame;

/* How the screen module measures text. */
typedef struct hys_measure {
    void *ud;
    /* width in pixels of s[0..len) at size px */
    int (*width)(void *ud, const char *s, size_t len, int px, int bold);
    /* distance between lines at size px */
    int (*line_height)(void *ud, int px, int bold);
    /* the language of the text measured from now on (may be NULL) */
    void (*set_lang)(void *ud, const char *code);
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
    const char *focus;     /* id of the target with the key focus, or NULL */
    int speaking;          /* 1 + index into speak[] of the item being heard; 0 = none */
    int can_speak;         /* the screen's language has a voice: show the speaker buttons */
    int volume_steps;      /* how many volume steps the sound screen shows */
    int min_target;        /* smallest target side in pixels (12 mm on this screen); 0 = 44 */
    int w, h;              /* window size in logical pixels */
    int explore;           /* touch-to-hear is on: its banner, with a button to switch it off */
    int headphones;        /* headphones are in: the sound screen offers to hide the screen */
    int curtain;           /* the screen is hidden while the resident listens: covered, its targets
                            * still there (touch to hear finds them) */
    const char *hint;      /* why a switched-off button did nothing, shown over the screen */
    /* a notice in place of the journey's screen (a USB stick's export, or
     * the kiosk out of order), or NULL; notice_done: finished, with an OK
     * button; notice_failed: something went wrong */
    const char *notice;
    int notice_done, notice_failed;
    /* staff mode in place of the journey's screen, or NULL */
    const struct hys_staff_view *staff;
} hys_layout_in;

/* Which of staff's screens shows. */
typedef enum {
    HYS_STAFF_CLOSED,   /* none: the residents' screens */
    HYS_STAFF_PIN,      /* the PIN */
    HYS_STAFF_HOME,     /* staff's own screen */
    HYS_STAFF_SETTINGS, /* each session's starting volume and language */
    HYS_STAFF_TOUCH,    /* the touch test */
    HYS_STAFF_CLOSING   /* close the kiosk (or switch it off) */
} hys_staff_screen;

/* What staff mode shows. */
typedef struct hys_staff_view {
    hys_staff_screen screen; /* never HYS_STAFF_CLOSED (then there is no view) */
    int touched;             /* touch test: the squares touched so far (bits 0..4) */
    int typed;               /* PIN digits typed (shown as dots) */
    const char *message;     /* "Wrong PIN", "No PIN is set", … or NULL */
    int can_try;             /* the PIN can be typed (set, and not locked) */
    long sessions_today, sessions, unexported; /* rounded (hys_staff_round) */
    const char *fingerprint; /* the kiosk's key, as the office's trust list shows it */
    int per_week;            /* answers keep only their week: "this week", not "today" */
    int nhard;
    const char *hard_label[5]; /* questions most often not understood */
    long hard_n[5];
    int can_export;           /* a stick is in */
    int can_load;             /* the stick has a question set (HAVEYOURSAY/questions) */
    int can_restore;          /* there is an earlier question set to go back to */
    int can_switch_off;       /* the kiosk can switch its box off (config shutdown_command) */
    int volume, volume_steps; /* each session's starting volume (0-based) */
    int start_lang;           /* each session's starting language (index) */
} hys_staff_view;

/* Build the frame for the journey's current screen. Never fails; if the
 * fixed arrays fill up, frame->overflow is set and the rest is left out. */
void hys_layout_build(hys_frame *frame, const hys_layout_in *in);

/* The enabled target containing (x, y), or NULL. */
const hys_target *hys_frame_hit(const hys_frame *f, int x, int y);
/* The target with this id, or NULL. */
const hys_target *hys_frame_find(const hys_frame *f, const char *id);
/* The speak item at (x, y) (a target's, else a text's), or -1. */
int hys_frame_speak_at(const hys_frame *f, int x, int y);
/* The speak item of target ti, or -1. */
int hys_frame_speak_of(const hys_frame *f, int ti);

#endif
