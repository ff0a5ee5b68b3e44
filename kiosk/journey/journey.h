/* journey: one resident's path through a question set, and the kiosk's
 * screens around it (welcome, language, intro, practice, questions, review,
 * thanks, "are you still there?"). Input comes in as actions on a virtual
 * clock (milliseconds); the current state is read by the layout; every
 * answer given goes out at once through a sink (the store). No SDL here. */
#ifndef HYS_JOURNEY_H
#define HYS_JOURNEY_H

#include "../form/form.h"
#include "../util/uuid.h"

typedef enum {
    HYS_SCREEN_WELCOME,
    HYS_SCREEN_UPDATES, /* "what changed because of what people said" */
    HYS_SCREEN_LANGUAGE,
    HYS_SCREEN_INTRO,
    HYS_SCREEN_PRACTICE,
    HYS_SCREEN_QUESTION,
    HYS_SCREEN_REVIEW,
    HYS_SCREEN_THANKS,
    HYS_SCREEN_STILL_THERE,
    HYS_SCREEN_SOUND,   /* read aloud, volume and speed, over the screen it was opened from */
    HYS_SCREEN_DISPLAY, /* text size and high contrast, the same way */
    HYS_SCREEN_HELP     /* what to do on the screen it was opened over, the same way */
} hys_screen;

typedef enum {
    HYS_STATUS_NONE, /* not reached yet */
    HYS_STATUS_ANSWERED,
    HYS_STATUS_SKIPPED,
    HYS_STATUS_DONT_UNDERSTAND
} hys_answer_status;

typedef enum {
    HYS_ACT_START,
    HYS_ACT_UPDATES,
    HYS_ACT_LANGUAGE_MENU, /* open the language choice from any question */
    HYS_ACT_LANG,          /* arg: language index */
    HYS_ACT_NEXT,
    HYS_ACT_BACK,
    HYS_ACT_SKIP,
    HYS_ACT_DONT_UNDERSTAND,
    HYS_ACT_CHOOSE,  /* arg: choice index (select_one; practice: 0..2) */
    HYS_ACT_TOGGLE,  /* arg: choice index (select_multiple) */
    HYS_ACT_KEY,     /* arg: Unicode code point typed on the on-screen keyboard */
    HYS_ACT_ERASE,   /* delete the last character typed */
    HYS_ACT_KB_PAGE, /* arg: keyboard page */
    HYS_ACT_CHANGE,  /* arg: question index, from the review screen */
    HYS_ACT_PAGE,    /* arg: +1 / -1 page on review and updates screens */
    HYS_ACT_FINISH,  /* send the answers from the review screen */
    HYS_ACT_STILL_HERE,
    HYS_ACT_DONE,      /* leave the thanks, updates, sound, display or Help screen */
    HYS_ACT_HEAR,      /* the Read aloud button: reading aloud on, and this screen heard (the kiosk
                          speaks) */
    HYS_ACT_HELP_MENU, /* open Help over the screen of the moment */
    HYS_ACT_SOUND_MENU,
    HYS_ACT_READ_ALOUD, /* arg: 1 on, 0 off, -1 the other way */
    HYS_ACT_VOLUME,     /* arg: +1 louder, -1 quieter */
    HYS_ACT_SPEED,      /* arg: 1 slower, 0 normal, -1 the other way */
    HYS_ACT_DISPLAY_MENU,
    HYS_ACT_TEXT_SIZE, /* arg: 100, 150 or 200 (per cent) */
    HYS_ACT_CONTRAST,  /* arg: 1 high contrast, 0 standard, -1 the other way */
    HYS_ACT_SCROLL,    /* arg: +1 / -1 page of a screen too long for large text */
    HYS_ACT_DISMISS,   /* the kiosk's own notice (a stick's export) is read: not the journey's */
    HYS_ACT_EXPLORE,   /* touch-to-hear: arg 1 on, 0 off (the kiosk's, not the journey's) */
    HYS_ACT_CURTAIN,   /* hide the screen while listening in headphones: arg 1 on, 0 off,
                        * -1 the other way (the kiosk's, not the journey's) */
    /* staff mode: the kiosk's, not the journey's */
    HYS_ACT_STAFF_DIGIT, /* arg: 0..9 */
    HYS_ACT_STAFF_ERASE,
    HYS_ACT_STAFF_OK,
    HYS_ACT_STAFF_CLOSE,
    HYS_ACT_STAFF_EXPORT,
    HYS_ACT_STAFF_LOAD,     /* the question set on the stick */
    HYS_ACT_STAFF_RESTORE,  /* back to the earlier question set */
    HYS_ACT_STAFF_CHECK,    /* the kiosk checks itself: speaker, stick */
    HYS_ACT_STAFF_SETTINGS, /* staff's settings: volume and start language */
    HYS_ACT_STAFF_VOLUME,   /* arg: +1 / -1 */
    HYS_ACT_STAFF_LANG,     /* arg: language index */
    HYS_ACT_STAFF_TOUCH,    /* the touch test; arg: the square touched, or -1 to open it */
    HYS_ACT_STAFF_QUIT
} hys_action;

/* Times, all in milliseconds; hys_journey_config_default fills sensible ones. */
typedef struct hys_journey_config {
    long idle_ms;        /* no input this long -> "are you still there?" */
    long still_there_ms; /* countdown shown before the session ends (>= 20 s) */
    long thanks_ms;      /* thanks screen, then welcome */
    long quick_thanks_ms;
    long quick_repeat_ms; /* quick poll: presses this soon after a counted one are not counted */
    long chosen_ms;       /* a one-answer tap shows the answer ticked this long, taking no
                           * other input, before moving on (0: at once) */
    /* sound settings each session starts with (and returns to afterwards) */
    int read_aloud; /* 1: every screen is read out as it appears */
    int text_size;  /* per cent: 100, 150 or 200 */
    int high_contrast;
    int volume; /* 0 .. volume_steps-1 */
    int volume_steps;
    char lang[16]; /* the language each session starts in (a code); "": the form's own */
} hys_journey_config;

void hys_journey_config_default(hys_journey_config *c);

/* Where answers go, the moment they are given. Every call is a complete
 * fact; the journey never waits for it. */
typedef struct hys_journey_sink {
    void *ud;
    void (*session_begin)(void *ud, const char *session_id);
    /* position: the question's index in the form */
    void (*answer)(void *ud, const char *session_id, const char *question, int position,
                   const char *value, hys_answer_status status, const char *lang, int seconds);
    void (*answer_withdrawn)(void *ud, const char *session_id, const char *question);
    void (*session_end)(void *ud, const char *session_id, int completed);
} hys_journey_sink;

/* What the layout needs to draw the current screen. Valid until the next call
 * into the journey. */
typedef struct hys_journey_view {
    hys_screen screen;
    hys_screen under; /* the screen "are you still there?", Help or a settings screen is over */
    int question;     /* index into form->questions on a question screen */
    int lang;         /* language index */
    int quick;        /* quick-poll set */
    int progress_pos; /* 1-based position among the questions that apply */
    int progress_total;
    int practice_choice; /* -1 until the practice face is tapped */
    int visit;           /* goes up each time the kiosk is made ready for the next person */
    int holding;         /* an answer was just taken: shown ticked, no input taken, then on */
    int refused;         /* the answer given does not meet the question's constraint: it is not
                          * kept, and the question's constraint message shows */
    int chosen;          /* while holding: the choice taken (select_one), else -1 */
    long countdown_s;    /* seconds left on "are you still there?" */
    int page;            /* review / updates page */
    int kb_page;         /* on-screen keyboard page */
    int can_skip, can_next, can_back;
    int from_review;             /* the question was opened from the review screen */
    int thanks_update;           /* the "you said, we did" item shown on thanks, or -1 */
    unsigned long long selected; /* select_multiple: bit i = choice i chosen */
    const char *input;           /* text or digits typed so far on this question */
    /* this session's sound settings */
    int read_aloud, volume, slow;
    /* this session's eyesight settings */
    int text_size, high_contrast;
    int scroll; /* page of a screen too long to show at once (large text); 0 on a new screen */
} hys_journey_view;

typedef struct hys_journey hys_journey;

/* A journey over form (which must outlive it), starting on the welcome
 * screen. sink may be NULL (answers are then only kept in memory). NULL on
 * no memory. */
hys_journey *hys_journey_create(const hys_form *form, const hys_journey_config *cfg,
                                const hys_journey_sink *sink, long now_ms);
void hys_journey_destroy(hys_journey *j);

/* Act on the resident's input. Actions that make no sense on the current
 * screen are ignored, and so is every action while an answer just taken is
 * shown (view.holding). Any action counts as activity for the idle timer. */
void hys_journey_act(hys_journey *j, hys_action a, int arg, long now_ms);
/* Text typed on a physical keyboard (UTF-8), for text and integer questions. */
void hys_journey_type(hys_journey *j, const char *utf8, long now_ms);
/* Input that is not an action (a touch on empty space) still counts as activity. */
void hys_journey_touch(hys_journey *j, long now_ms);
/* Advance timers to now_ms (idle warning, countdown, thanks). */
void hys_journey_tick(hys_journey *j, long now_ms);
/* The next time hys_journey_tick must run, or -1 when nothing is pending. */
long hys_journey_deadline(const hys_journey *j);

const hys_journey_view *hys_journey_view_get(const hys_journey *j);
/* Screen id used by replays and tests: "welcome", "question:NAME", … into out. */
void hys_journey_screen_id(const hys_journey *j, char *out, size_t n);
/* 1 for the screens shown over another one and closed back to it (view's
 * under): the sound and display settings and Help. */
int hys_screen_is_overlay(hys_screen s);
/* Answer kept for question qi in this session. *value is "" when none. */
hys_answer_status hys_journey_answer(const hys_journey *j, int qi, const char **value);
/* Text t (a question's label, hint or message) in language lang, with the
 * answers it names (${name}) put in: a choice as its words, a calculation
 * as its value, nothing for one not given. Returns the form's own text
 * when it names none (NULL when it has none), else out (cut to n bytes). */
const char *hys_journey_text(const hys_journey *j, const hys_i18n *t, int lang, char *out,
                             size_t n);
/* 1 when choice ci of question qi is shown, given the answers so far (its
 * choice_filter holds; always without one). */
int hys_journey_choice_shown(const hys_journey *j, int qi, int ci);
/* 1 when question qi applies given the answers so far (its relevant holds). */
int hys_journey_relevant(const hys_journey *j, int qi);
/* Name of a status as stored: "answered", "skipped", "dont_understand". */
const char *hys_answer_status_name(hys_answer_status s);
/* Pages the review / updates screen has, given items per page (layout decides). */
void hys_journey_set_pages(hys_journey *j, int pages);
/* The layout tells the journey how many pages a screen too long for large
 * text is shown in (1 when it fits); the scroll position stays within them. */
void hys_journey_set_scroll_pages(hys_journey *j, int pages);
/* Staff changed what each session starts with: the volume and the language
 * (a code, "" for the form's own). The next session (and the welcome screen
 * now, when no one is answering) takes them. */
void hys_journey_set_start(hys_journey *j, int volume, const char *lang);

#endif
