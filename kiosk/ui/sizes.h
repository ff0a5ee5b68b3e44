/* sizes: every design size of the screens and of the engine they are drawn
 * with, in design units for a 1280x800 window (S() scales them to the
 * window; TX() then grows words to the resident's text size). Named by what
 * they are, so that the words' size, a card's corners or the room between
 * rows is changed in one place, and a newcomer reads what a number means.
 * tests/checksrc refuses a bare number in S() outside this file. */
#ifndef HYS_UI_SIZES_H
#define HYS_UI_SIZES_H

enum {
    /* ---- words: the size of a line of text ---- */
    SZ_TEXT_NOTE = 28,         /* staff's smaller notes (the kiosk's id, the fingerprint) */
    SZ_TEXT_BANNER = 30,       /* touch-to-hear's banner */
    SZ_TEXT_STAFF = 32,        /* staff's lists and messages */
    SZ_TEXT = 36,              /* the resident's words: answers, buttons, hints */
    SZ_TEXT_KEY = 38,          /* a keyboard key's letter or word */
    SZ_TEXT_LEAD = 40,         /* a screen's lines of explanation (intro, "saved") */
    SZ_TEXT_TYPED = 42,        /* what the resident has typed */
    SZ_TEXT_WORD_CARD = 44,    /* an answer card with no picture: its words */
    SZ_TEXT_HEAD_LONG = 44,    /* a heading that is a whole sentence (review, updates) */
    SZ_TEXT_ASK_QUESTION = 46, /* a question's words (they shrink to fit, down to SZ_TEXT) */
    SZ_TEXT_QUESTION = 48,     /* the practice's question, a notice */
    SZ_TEXT_ASK_QUICK = 56,    /* a quick poll's one question */
    SZ_TEXT_HEAD_STAFF = 50,
    SZ_TEXT_HEAD = 52,  /* a screen's heading */
    SZ_TEXT_ASK = 60,   /* "Are you still there?" */
    SZ_TEXT_TITLE = 64, /* the question set's title, "Thank you!" */
    SZ_TEXT_COUNT = 90, /* the still-there countdown's number */

    /* ---- lines and corners ---- */
    SZ_LINE = 2,        /* a panel's or card's edge */
    SZ_LINE_BOLD = 3,   /* a button's or key's edge */
    SZ_LINE_HEAVY = 4,  /* a tick box, the typed answer's box */
    SZ_LINE_CHOSEN = 9, /* the edge of a chosen card */
    SZ_ROUND_BAR = 3,   /* the volume's bars */
    SZ_ROUND_TICK = 6,  /* a tick box */
    SZ_ROUND_KEY = 10,  /* a key, an icon's backing, the typed answer's box */
    SZ_ROUND_PANEL = 14,
    SZ_ROUND_BUTTON = 16,
    SZ_ROUND_CARD = 18,
    SZ_RING_HEARD = 6,      /* the ring round what is being heard */
    SZ_RING_FOCUS = 7,      /* the keys' focus ring */
    SZ_RING_FOCUS_EDGE = 4, /* its dark edge */

    /* ---- room between things ---- */
    SZ_NUDGE = 4, /* a small inset (a tick inside its box) */
    SZ_GAP_TINY = 6,
    SZ_GAP_SMALL = 8,
    SZ_PAD = 10, /* inside a card or key */
    SZ_GAP_ROW = 12,
    SZ_PAD_PANEL = 14,
    SZ_GAP = 16,
    SZ_GAP_PIN = 18, /* between the PIN's dots */
    SZ_GAP_WIDE = 20,
    SZ_MARGIN = 24, /* from the window's edge; also a button's words' side room (2 x 12) */
    SZ_GAP_LARGE = 24,
    SZ_PAD_UPDATE = 28, /* around a "you said, we did" entry; the progress dots' lead */
    SZ_GAP_SECTION = 30,
    SZ_GAP_EDGE = 40,  /* above a lone screen's picture, below a notice's words */
    SZ_PAD_WORDS = 48, /* a button's side room around words that set its width */
    SZ_GAP_FOOT = 50,  /* below "you said, we did" on the thanks screen */

    /* ---- the bars ---- */
    SZ_TOP_BAR = 88,
    SZ_BOTTOM_BAR = 128,
    SZ_BOTTOM_BAR_TALL = 236, /* portrait: two rows of two */
    SZ_CORNER = 76,           /* the speaker and settings buttons */
    SZ_TEXT_CORNER = 30,      /* their words, when the top bar is short of room... */
    SZ_TEXT_CORNER_MIN = 26,  /* ...and at the least (then they give way, one by one) */
    SZ_PROGRESS_LEAD = 28,    /* between the progress words and the dots */
    SZ_PROGRESS_DOT = 22,
    SZ_PROGRESS_NOW = 30,     /* the dot of the question shown */
    SZ_BANNER_PAD = 28,       /* touch-to-hear's banner, around its line */
    SZ_BANNER_BUTTON_W = 160, /* its Switch off button at least */
    SZ_LANG_BUTTON_MIN = 260, /* the top bar's language button at least */
    SZ_ROW_MIN = 84,          /* the row of "Earlier answers" and "More answers" */

    /* ---- widgets ---- */
    SZ_BUTTON_ICON = 72,     /* a button's icon at most */
    SZ_BUTTON_ICON_COL = 84, /* the room a button's icon takes beside its words */
    SZ_ICON_MIN = 40,        /* a smaller icon is left out */
    SZ_TICK = 44,            /* a tick box; also the room a card keeps for it */
    SZ_TICK_MIN = 26,        /* a tick box squeezed by its words */
    SZ_TICK_ROOM = 14,       /* what a multiple choice's card gives up for its tick box */
    SZ_PIC_CARD = 150,       /* an answer card's picture at most */
    SZ_KEY_MAX_W = 200,
    SZ_KEY_MAX_H = 110,
    SZ_HEAD_ICON = 80,       /* a heading's icon */
    SZ_HEAD_ICON_SMALL = 64, /* beside a whole-sentence heading */
    SZ_HEAD_ICON_LANG = 90,  /* the language screen's globe */

    /* ---- the resident's screens ---- */
    SZ_ICON_ROOM = 60,   /* the least room a screen's picture is shown in */
    SZ_PIC_ROW = 110,    /* a picture beside a line (intro, review) */
    SZ_COLUMN = 760,     /* a column of words or buttons at most */
    SZ_WELCOME_TOP = 48, /* above the question set's title */
    SZ_TITLE_MAX = 170,  /* the title's room */
    SZ_PIC_WELCOME = 260,
    SZ_WELCOME_FOOT = 90, /* kept below the welcome picture */
    SZ_START_W = 560,     /* the Start button */
    SZ_START_H = 150,
    SZ_UPDATES_CARD = 120, /* the welcome screen's "what changed" card */
    SZ_UPDATES_CARD_MIN = 100,
    SZ_UPDATES_CARD_W = 760,
    SZ_LANG_ROW_MAX = 130,     /* a language screen's button at most */
    SZ_LANG_BUTTON_H = 70,     /* a language button above a quick poll */
    SZ_LANG_BUTTON_W = 200,    /* ...in a row of them */
    SZ_LANG_BUTTON_WIDE = 300, /* ...alone */
    SZ_PIC_PRACTICE = 200,
    SZ_PRACTICE_CARD_MAX = 300,
    SZ_PRACTICE_FEEDBACK = 110, /* the box that says how the practice went, at least */
    SZ_GROUP_H = 56,            /* a question's group name */
    SZ_TYPED_MIN_H = 70,        /* the box of what is typed, at least */
    SZ_CURSOR_ROOM = 16,        /* ...kept for the cursor after the words */
    SZ_REVIEW_CHANGE_W = 210,   /* the review's Change button */
    SZ_REVIEW_CHANGE_MAX_H = 128,
    SZ_CHANGE_PAD = 28,     /* a review row, around its Change button */
    SZ_CHANGE_ROOM = 44,    /* a review row, around the Change button's word */
    SZ_REVIEW_ANSWER = 140, /* the review's answer picture column */
    SZ_REVIEW_ANSWER_NARROW = 130,
    SZ_REVIEW_ROW_MIN = 156,
    SZ_PIC_THANKS = 180,
    SZ_FINISH_W = 400,
    SZ_FINISH_H = 120,
    SZ_UPDATE_MAX = 260,  /* a thanks screen's update entry at most */
    SZ_UPDATE_ROW = 190,  /* an entry of the updates screen */
    SZ_UPDATE_ICON = 174, /* the picture column of a "you said, we did" entry */
    SZ_PIC_NOTICE = 160,  /* a notice's, or an update's, picture */
    SZ_PIC_STILL = 150,   /* the still-there screen's picture */
    SZ_HELP_ICON = 72,    /* a Help line's picture */
    SZ_ASK_MIN_H = 90,    /* the room of "Are you still there?" at least */
    SZ_COUNT_W = 420,     /* the countdown's panel */
    SZ_COUNT_WORDS_W = 400,
    SZ_STILL_W = 640, /* "Yes, I am still here" */
    SZ_STILL_H = 150,
    SZ_SETTING_MAX = 200, /* a display setting's row at most */
    SZ_SOUND_ROW_MAX = 150,
    SZ_SOUND_BARS_MIN = 60, /* the volume's bars, at least */
    SZ_SOUND_STEP_MAX = 60, /* a volume bar's width when the words need the room */
    SZ_SOUND_SPLIT = 80,    /* the volume's room when its buttons go on their own row */

    /* ---- staff's screens ---- */
    SZ_STAFF_ROW = 90,     /* staff's language and action buttons */
    SZ_STAFF_BUTTON = 100, /* staff's volume buttons */
    SZ_STAFF_BIG = 110,    /* staff's close buttons, a PIN key at most */
    SZ_PIN_KEY_MAX_W = 260,
    SZ_PIN_DOT = 30,
    SZ_TOUCH_SQUARE = 120, /* the touch test's squares */
};

#endif
