/* rules: what the answers given make apply (see journey_private.h): a
 * question's `relevant`, whether an answer meets its `constraint`, and the
 * value of a calculation. */
#include "journey_private.h"

#include <string.h>

/* What an expression sees: the answers kept, and (a constraint) the
 * answer being checked as ".". */
typedef struct scope {
    const hys_journey *j;
    const char *self;         /* (a constraint) the answer being checked, or NULL */
    int qi;                   /* ...and its question: ${its name} is that answer too, as in ODK */
    const hys_choice *choice; /* (a choice_filter) the choice it is asked about: "@key" */
} scope;

static const char *lookup(void *ud, const char *name)
{
    const scope *s = ud;
    if (name[0] == '@') return s->choice ? hys_choice_field(s->choice, name + 1) : "";
    if (!strcmp(name, ".")) return s->self ? s->self : "";
    int i = hys_form_find(s->j->f, name);
    if (s->self && i == s->qi) return s->self;
    if (i < 0 || s->j->answers[i].status != HYS_STATUS_ANSWERED) return "";
    return s->j->answers[i].value;
}

int hys_journey_relevant(const hys_journey *j, int qi)
{
    const hys_question *q = &j->f->questions[qi];
    scope s = {j, NULL, -1, NULL};
    for (int i = 0; i < q->nrelevant; i++)
        if (!hys_expr_eval(q->relevant[i], lookup, &s)) return 0;
    return 1;
}

int journey_meets(const hys_journey *j, const hys_question *q, const char *value)
{
    if (!q->constraint || !*value) return 1;
    scope s = {j, value, (int)(q - j->f->questions), NULL};
    return hys_expr_eval(q->constraint, lookup, &s);
}

void journey_calculate(const hys_journey *j, int qi, char *out, size_t n)
{
    const hys_question *q = &j->f->questions[qi];
    scope s = {j, NULL, -1, NULL};
    out[0] = '\0';
    if (q->calculation && hys_journey_relevant(j, qi))
        hys_expr_text(q->calculation, lookup, &s, out, n);
}

int hys_journey_choice_shown(const hys_journey *j, int qi, int ci)
{
    const hys_question *q = &j->f->questions[qi];
    if (!q->choice_filter || ci < 0 || ci >= q->nchoices || q->choices[ci].kiosk_word) return 1;
    scope s = {j, NULL, -1, &q->choices[ci]};
    return hys_expr_eval(q->choice_filter, lookup, &s);
}

int journey_offered(const hys_journey *j, int qi, const char *value)
{
    const hys_question *q = &j->f->questions[qi];
    if (!q->choice_filter || !*value) return 1;
    /* each word of it must be the name of a choice shown (a list may name
     * a choice twice, King county in two states: one of them will do) */
    const char *w;
    for (int k = 0, len; (len = (int)hys_word_at(value, k, &w)) > 0; k++) {
        int ok = 0;
        for (int c = 0; c < q->nchoices && !ok; c++)
            ok = strlen(q->choices[c].name) == (size_t)len &&
                 !strncmp(q->choices[c].name, w, (size_t)len) && hys_journey_choice_shown(j, qi, c);
        if (!ok) return 0;
    }
    return 1;
}

/* A question the resident is shown when it applies: not a calculation, nor
 * a list whose choice_filter leaves no choice. */
static int shown(const hys_journey *j, int i)
{
    const hys_question *q = &j->f->questions[i];
    if (!hys_qtype_is_asked(q->type) || !hys_journey_relevant(j, i)) return 0;
    int any = !q->choice_filter;
    for (int c = 0; c < q->nchoices && !any; c++)
        any = hys_journey_choice_shown(j, i, c);
    return any;
}

int journey_next_relevant(const hys_journey *j, int from)
{
    for (int i = from + 1; i < j->f->nquestions; i++)
        if (shown(j, i)) return i;
    return -1;
}

int journey_prev_relevant(const hys_journey *j, int from)
{
    for (int i = from - 1; i >= 0; i--)
        if (shown(j, i)) return i;
    return -1;
}

typedef struct ref_walk {
    const hys_form *f;
    int latest;
} ref_walk;

static void note_ref(void *ud, const char *name)
{
    ref_walk *w = ud;
    int q = hys_form_find(w->f, name);
    /* (a name that is no question is never answered: nothing to wait for) */
    if (q > w->latest) w->latest = q;
}

int journey_latest_ref(const hys_form *f, int i)
{
    ref_walk w = {f, -1};
    for (int r = 0; r < f->questions[i].nrelevant; r++)
        hys_expr_each_ref(f->questions[i].relevant[r], note_ref, &w);
    return w.latest;
}
