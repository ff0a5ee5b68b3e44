/* theme: the kiosk's colours, and the contrast arithmetic that proves them
 * (WCAG 2.x relative luminance). Every text/background pair must reach 7:1. */
#ifndef HYS_THEME_H
#define HYS_THEME_H

typedef struct hys_color {
    unsigned char r, g, b, a;
} hys_color;

typedef struct hys_theme {
    const char *name;
    hys_color bg, text, muted;                /* page and its text */
    hys_color bar;                            /* top and bottom bars */
    hys_color primary, on_primary;            /* the main action (Start, Next) */
    hys_color button, on_button, edge;        /* other buttons and their edges */
    hys_color card, on_card;                  /* answer cards */
    hys_color chosen, on_chosen, chosen_edge; /* a chosen answer */
    hys_color pressed, on_pressed;            /* under the finger */
    hys_color disabled, on_disabled;
    hys_color panel, on_panel;   /* notes, feedback and countdown panels */
    hys_color focus, focus_edge; /* the key focus ring: a thick band with a thin edge */
    hys_color speaking;          /* the ring round what is being heard */
    int picture_badge;           /* pictures sit on a light badge (dark themes: black outlines) */
    hys_color badge;
} hys_theme;

/* The default theme: dark text on white, dark blue actions. */
const hys_theme *hys_theme_default(void);
/* High contrast: white and yellow on black, yellow actions. */
const hys_theme *hys_theme_high_contrast(void);

/* Contrast ratio between two colours, 1.0 .. 21.0. */
double hys_contrast(hys_color a, hys_color b);

/* Every pair of (foreground, background) colours the theme draws text with;
 * returns how many were written (at most max). For tests. */
int hys_theme_text_pairs(const hys_theme *t, hys_color (*pairs)[2], int max);

#endif
