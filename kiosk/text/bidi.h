/* bidi: one line of text as runs to draw left to right. Uses fribidi for
 * the Unicode bidirectional algorithm (UAX #9) so that digits and Latin
 * words inside Arabic or Urdu keep their order, and splits runs where the
 * script changes so each run can be shaped with the right font, script tag
 * and direction. No SDL here: the screen draws the runs, tests check them. */
#ifndef HYS_BIDI_H
#define HYS_BIDI_H

#include <stddef.h>

#define HYS_BIDI_MAX_RUNS 64

typedef enum {
    HYS_SCRIPT_LATIN, /* Latin, and anything without a script of its own here */
    HYS_SCRIPT_ARABIC,
    HYS_SCRIPT_BENGALI,
    HYS_SCRIPT_GURMUKHI
} hys_script;

typedef struct hys_run {
    size_t start, len; /* bytes of the logical (stored) text */
    int rtl;           /* shape right to left */
    hys_script script;
} hys_run;

/* Split s[0..len) into runs in visual order, left to right. base_rtl: the
 * paragraph direction (1 for Arabic and Urdu screens). Returns the number of
 * runs (at most max; what does not fit is left out), 0 for empty text. */
int hys_bidi_runs(const char *s, size_t len, int base_rtl, hys_run *runs, int max);

/* The script of one code point (HYS_SCRIPT_LATIN for digits and punctuation). */
hys_script hys_script_of(unsigned cp);
/* The OpenType script tag for a script ("Latn", "Arab", "Beng", "Guru"). */
const char *hys_script_tag(hys_script s);
/* 1 when a language code is written right to left (ar, ur, fa, he, …). */
int hys_lang_is_rtl(const char *code);
/* What goes between the items of a list in a language: "، " (the Arabic
 * comma) in the languages written in Arabic script (ar, ur, fa, …), else ", ". */
const char *hys_lang_list_comma(const char *code);

#endif
