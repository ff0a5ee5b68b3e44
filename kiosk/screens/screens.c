/* screens: the journey's screens, and staff's, to the functions that lay
 * them out. */
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
    case HYS_SCREEN_HELP:
        screen_help(c);
        break;
    }
}

/* Staff's screens: each one's id (what a replay's expect-screen names) and
 * the function that lays it out. */
static const struct {
    const char *id;
    void (*build)(ctx *c, const hys_staff_view *sv);
} staff_screens[] = {
    [HYS_STAFF_PIN] = {"staff-pin", screen_staff_pin},
    [HYS_STAFF_HOME] = {"staff", screen_staff},
    [HYS_STAFF_SETTINGS] = {"staff-settings", screen_staff_settings},
    [HYS_STAFF_TOUCH] = {"staff-touch", screen_staff_touch},
    [HYS_STAFF_CLOSING] = {"staff-close", screen_staff_close},
};

const char *screen_staff_mode(ctx *c, const hys_staff_view *sv)
{
    hys_staff_screen sc = sv->screen >= HYS_STAFF_PIN && sv->screen <= HYS_STAFF_CLOSING
                              ? sv->screen
                              : HYS_STAFF_HOME;
    staff_screens[sc].build(c, sv);
    return staff_screens[sc].id;
}
