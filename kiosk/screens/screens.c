/* screens: the journey's screen ids to the functions that lay them out. */
#include "screens.h"

#include "../ui/ui.h"

/* The journey's current screen. */
void screen_journey(ctx *c)
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
