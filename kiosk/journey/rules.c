/* rules: what the answers given make apply (see journey_private.h): a
 * question's `relevant`, and whether an answer meets its `constraint`. */
#include "journey_private.h"

#include <string.h>

/* What an expression sees: the answers kept, and (a constraint) the
 * answer being checked as ".". */
typedef struct scope {
    const hys_journey *j;
    const char *self; /* (a constraint) the answer being checked, or NULL */
    int qi;           /* ...and its question: ${its name} is that answer too, as in ODK */
} scope;

static const char *lookup(void *ud, const char *name)
{
    const scope *s = ud;
    if (!strcmp(name, ".")) return s->self ? s->self : "";
    int i = hys_form_find(s->j->f, name);
    if (s->self && i == s->qi) return s->self;
    if (i < 0 || s->j->answers[i].status != HYS_STATUS_ANSWERED) return "";
    return s->j->answers[i].value;
}

int hys_journey_relevant(const hys_journey *j, int qi)
{
    const hys_question *q = &j->f->questions[qi];
    scope s = {j, NULL, -1};
    for (int i = 0; i < q->nrelevant; i++)
        if (!hys_expr_eval(q->relevant[i], lookup, &s)) return 0;
    return 1;
}

int journey_meets(const hys_journey *j, const hys_question *q, const char *value)
{
    if (!q->constraint || !*value) return 1;
    scope s = {j, value, (int)(q - j->f->questions)};
    return hys_expr_eval(q->constraint, lookup, &s);
}

int journey_next_relevant(const hys_journey *j, int from)
{
    for (int i = from + 1; i < j->f->nquestions; i++)
        if (hys_journey_relevant(j, i)) return i;
    return -1;
}

int journey_prev_relevant(const hys_journey *j, int from)
{
    for (int i = from - 1; i >= 0; i--)
        if (hys_journey_relevant(j, i)) return i;
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
