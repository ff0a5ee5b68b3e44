/* screens: one file a screen (kiosk/screens/, staff's in staff/), each
 * laying its screen out into the frame of a ctx (ui.h) from the journey's
 * view and the layout's input, and nothing else: no SDL, no writes to the
 * journey. kiosk/layout/layout.c calls them. */
#ifndef HYS_SCREENS_H
#define HYS_SCREENS_H

#include "../ui/ui.h"

/* display.c */
void screen_display(ctx *c);

/* help.c */
void screen_help(ctx *c);

/* intro.c */
void screen_intro(ctx *c);

/* language.c */
void screen_language(ctx *c);
void screen_lang_button(ctx *c, int i, int x, int y, int w, int h);

/* notice.c */
void screen_notice(ctx *c);

/* practice.c */
void screen_practice(ctx *c);

/* question.c */
/* How n labels sit best in cards of cw x ch: the side of the picture every
 * card then shows, or -1 when the words do not fit whole either way. The
 * picture goes beside the words (*beside: its side) or above them (*beside
 * 0), the words then getting *lines lines; reserve is kept free above the
 * words (tick boxes). */
int screen_card_shape(const ctx *c, const char *const *labels, int n, int cw, int ch, int reserve,
                      int *beside, int *lines);
/* How answer cards are shown: a scale (faces, likert) keeps to one row
 * whenever it fits so; cards of words alone need no room for a picture. */
enum { GRID_SCALE = 1, GRID_WORDS = 2 };
/* The grid n answer cards sit best in within w x h (*cols, *rows): 1 when
 * every label is whole and every picture a third of its card or more (how:
 * GRID_ flags). */
int screen_grid_dims(const ctx *c, int n, int w, int h, const char *const *labels, int reserve,
                     int how, int *cols, int *rows);
void screen_question(ctx *c);
/* The picture of answer i of q: the author's; else the kiosk's own for
 * yes, no and don't know, and a scale's faces by their place; else NULL
 * (a card of words alone). */
const char *screen_choice_picture(ctx *c, const hys_question *q, int i);

/* review.c */
void screen_review(ctx *c);

/* screens.c */
/* The journey's screen of the moment. */
void screen_journey(ctx *c);
/* Staff's screen sv->screen; returns its id. */
const char *screen_staff_mode(ctx *c, const hys_staff_view *sv);

/* sound.c */
void screen_sound(ctx *c);

/* staff/close.c */
void screen_staff_close(ctx *c, const hys_staff_view *sv);

/* staff/common.c */
void screen_staff_bar(ctx *c, const char *id, hys_action a, const char *label, int quit);
int screen_staff_message(ctx *c, const hys_staff_view *sv, int y, int gap);
int screen_staff_page(ctx *c, const char *title);

/* staff/home.c */
void screen_staff(ctx *c, const hys_staff_view *sv);

/* staff/pin.c */
void screen_staff_pin(ctx *c, const hys_staff_view *sv);

/* staff/settings.c */
void screen_staff_settings(ctx *c, const hys_staff_view *sv);

/* staff/touch.c */
void screen_staff_touch(ctx *c, const hys_staff_view *sv);

/* still_there.c */
void screen_still_there(ctx *c);

/* thanks.c */
void screen_thanks(ctx *c);

/* updates.c */
void screen_updates(ctx *c);
void screen_update_item(ctx *c, const hys_update *u, int x, int y, int w, int h);

/* welcome.c */
void screen_welcome(ctx *c);
#endif
