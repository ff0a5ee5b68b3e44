/* journey_private: the journey's state, shared by journey.c (moving
 * through the screens) and rules.c (what the answers make apply: relevant
 * and constraint). Not for other modules: they use journey.h. */
#ifndef HYS_JOURNEY_PRIVATE_H
#define HYS_JOURNEY_PRIVATE_H

#include "journey.h"

#include "../util/limits.h"
#include "../util/text.h"

typedef struct answer {
    hys_answer_status status;
    char value[HYS_MAX_TEXT_ANSWER + 1];
    long seconds_ms; /* time spent on the question so far */
} answer;

struct hys_journey {
    const hys_form *f;
    hys_journey_config cfg;
    hys_journey_sink sink;
    int has_sink;
    hys_journey_view v;
    answer *answers;
    char input[HYS_MAX_TEXT_ANSWER + 1];
    char session[HYS_UUID_LEN];
    int in_session;
    long now, last_input, entered_at, deadline, last_quick_count;
    int pages;
    int update_turn;
    long hold_until; /* while view.holding: when to move on, and how */
    enum { HOLD_ADVANCE, HOLD_QUICK_THANKS, HOLD_PRACTICE } hold_then;
    int scroll_screen, scroll_question; /* where v.scroll belongs */
    int lang_chosen; /* a language was chosen on the welcome screen (Start goes on in it) */
    int answered;    /* this session has an answer (skipped ones too): calculations are kept */
    int *decided_at; /* per question: the latest question its `relevant` asks about (-1: none),
                      * so its own relevance is known once that one is passed */
};

/* rules.c */
/* 1 when value meets q's constraint (or q has none; an empty answer is
 * not checked, as in XLSForm). */
int journey_meets(const hys_journey *j, const hys_question *q, const char *value);
/* 1 when every choice in value (a select's answer) is one question qi's
 * choice_filter still shows. */
int journey_offered(const hys_journey *j, int qi, const char *value);
/* The value of calculation qi from the answers kept ("" when it does not
 * apply, or gives no number), into out[n]. */
void journey_calculate(const hys_journey *j, int qi, char *out, size_t n);
/* The next (previous) question shown after (before) from that applies, or -1. */
int journey_next_relevant(const hys_journey *j, int from);
int journey_prev_relevant(const hys_journey *j, int from);
/* The latest question that question i's `relevant` (and its groups') asks
 * about, or -1 when it asks about none. */
int journey_latest_ref(const hys_form *f, int i);

#endif
