/* form_formulas: the survey's formulas (relevant, constraint, calculation,
 * choice_filter) and the ${name}s in its words: each read once, with a
 * message an author can act on, and every reference checked once all the
 * names are known (none unknown, no calculation that needs its own value). */
#include "form_private.h"

#include "../util/alloc.h"
#include "../util/buf.h"

#include <stdio.h>
#include <string.h>

/* A formula that would not parse: its one message, told plainly when
 * Excel's autocorrect turned its quotes curly. */
static int curly(const char *v)
{
    return strstr(v, "\xE2\x80\x98") || strstr(v, "\xE2\x80\x99") || strstr(v, "\xE2\x80\x9C") ||
           strstr(v, "\xE2\x80\x9D");
}

static void formula_error(builder *b, const hys_table *t, const hys_row *r, int col,
                          const char *what, const char *v, const char *err)
{
    if (curly(v))
        hys_diags_add(
            b->d, HYS_DIAG_ERROR, t->name, r->number, col,
            "Excel changed ' into \xE2\x80\x99 in this %s formula: type it again with autocorrect "
            "off, or use \"…\" around the text (%s)",
            what, v);
    else
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col, "%s \"%s\": %s", what, v, err);
}

typedef hys_expr *(*parse_fn)(const char *src, char *err, size_t errn);

/* The formula in column col of row r (what: its column's name), read by
 * parse; NULL when there is none, or (said) when it cannot be read. */
static hys_expr *parse_cell(builder *b, const hys_table *t, const hys_row *r, int col,
                            const char *what, parse_fn parse)
{
    const char *v = col >= 0 ? form_cell(r, col) : NULL;
    if (!v) return NULL;
    char err[256];
    hys_expr *e = parse(v, err, sizeof err);
    if (!e && !strcmp(err, "out of memory"))
        form_nomem(b);
    else if (!e)
        formula_error(b, t, r, col, what, v, err);
    return e;
}

hys_expr *form_parse_relevant(builder *b, const hys_table *t, const hys_row *r, int col)
{
    return parse_cell(b, t, r, col, "relevant", hys_expr_parse);
}

hys_expr *form_parse_constraint(builder *b, const hys_table *t, const hys_row *r, int col,
                                hys_qtype qt)
{
    if (qt == HYS_Q_NOTE && col >= 0 && form_cell(r, col)) {
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "a note has no answer to check; the constraint is ignored");
        return NULL;
    }
    return parse_cell(b, t, r, col, "constraint", hys_expr_parse_constraint);
}

/* name added to the list *list ("a, b"); *n counted. */
static void add_name(builder *b, char **list, int *n, const char *name)
{
    if (!name) return;
    hys_buf s;
    hys_buf_init(&s, (size_t)HYS_MAX_QUESTIONS * (HYS_MAX_CELL_BYTES + 2));
    hys_buf_printf(&s, "%s%s%s", *list ? *list : "", *list ? ", " : "", name);
    char *all = hys_buf_take(&s);
    if (!all) {
        form_nomem(b);
        return;
    }
    hys_free(*list);
    *list = all;
    (*n)++;
}

void form_leave_out(builder *b, const char *name)
{
    add_name(b, &b->f->left_out, &b->f->nleft_out, name);
}

void form_ignore(builder *b, const char *name)
{
    add_name(b, &b->ignored, &b->nignored, name);
}

/* 1 when name is in the list ("a, b"). */
static int in_names(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *e = strstr(p, ", ");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && !strncmp(p, name, n)) return 1;
        p = e ? e + 2 : p + l;
    }
    return 0;
}

typedef struct ref_check {
    builder *b;
    const hys_table *t;
    int row, col, qindex;
    const char *what; /* the column: "relevant", "constraint", "calculation", "choice_filter" */
} ref_check;

static void check_ref(void *ud, const char *name)
{
    ref_check *rc = ud;
    const hys_form *f = rc->b->f;
    int i = hys_form_find(f, name);
    if (!strcmp(name, ".")) return; /* (a constraint's own answer) */
    if (i < 0 && (in_names(f->left_out, name) || in_names(rc->b->ignored, name))) {
        if (rc->col >= 0 && (!strcmp(rc->what, "label") || !strcmp(rc->what, "hint")))
            hys_diags_add(rc->b->d, HYS_DIAG_WARNING, rc->t->name, rc->row, rc->col,
                          "%s shows ${%s}, which the kiosk does not keep: nothing is shown there",
                          rc->what, name);
        return; /* (seen unanswered) */
    }
    /* (a calculation is worked out again whenever an answer changes: it may
     * use a later answer, and be used before it is "reached") */
    int anywhere = !strcmp(rc->what, "calculation") ||
                   (i >= 0 && f->questions[i].type == HYS_Q_CALCULATE && i != rc->qindex);
    int same = 0; /* (questions of that name in two groups: each has its group's path) */
    for (int o = 0; i < 0 && o < f->nquestions; o++) {
        const char *on = f->questions[o].name, *slash = on ? strrchr(on, '/') : NULL;
        same += slash && !strcmp(slash + 1, name);
    }
    if (i < 0 && same) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "%s refers to ${%s}, but %d questions in different groups have that name; "
                      "give each its own name",
                      rc->what, name, same);
    } else if (i < 0) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "%s refers to ${%s}, but no question has that name", rc->what, name);
    } else if (i == rc->qindex && !strcmp(rc->what, "relevant")) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "relevant refers to its own question ${%s}", name);
    } else if (i == rc->qindex && !strcmp(rc->what, "calculation")) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "the calculation uses its own value ${%s}", name);
    } else if (i > rc->qindex && !anywhere) {
        hys_diags_add(rc->b->d, HYS_DIAG_WARNING, rc->t->name, rc->row, rc->col,
                      "%s refers to ${%s}, which is asked later; it will be empty here", rc->what,
                      name);
    }
}

hys_expr *form_parse_calculation(builder *b, const hys_table *t, const hys_row *r, int col,
                                 const char *name)
{
    const char *v = col >= 0 ? form_cell(r, col) : NULL;
    if (!v) {
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "the calculation ${%s} has nothing in its calculation column; it is left "
                      "out",
                      name);
        return NULL;
    }
    char err[256];
    hys_expr *e = hys_expr_parse(v, err, sizeof err);
    if (!e && !strcmp(err, "out of memory"))
        form_nomem(b);
    else if (!e && curly(v))
        formula_error(b, t, r, col, "calculation", v, err); /* (to type again) */
    else if (!e) /* (what ODK can work out and the kiosk cannot: the set still runs) */
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "the calculation ${%s} is left out: %s; anything that uses it sees it "
                      "empty",
                      name, err);
    return e;
}

hys_expr *form_parse_filter(builder *b, const hys_table *t, const hys_row *r, int col)
{
    return parse_cell(b, t, r, col, "choice_filter", hys_expr_parse_filter);
}

const char *hys_form_next_ref(const char *s, const char **name, size_t *len)
{
    for (const char *p = s ? strstr(s, "${") : NULL; p; p = strstr(p + 2, "${")) {
        const char *n = p + 2, *e = n;
        while (*e && *e != '}' && *e != '$' && *e != ' ')
            e++;
        if (*e != '}' || e == n) continue;
        *name = n, *len = (size_t)(e - n);
        return e + 1;
    }
    return NULL;
}

/* Every ${name} in text t (each language, its own column) checked as rc. */
static void check_words(ref_check *rc, const hys_i18n *t)
{
    for (int l = 0; l < HYS_MAX_LANGUAGES; l++) {
        const char *p = t->by_lang[l], *n;
        size_t len;
        rc->col = t->col[l] - 1;
        while ((p = hys_form_next_ref(p, &n, &len))) {
            char name[HYS_MAX_CELL_BYTES + 1];
            snprintf(name, sizeof name, "%.*s", (int)len, n);
            check_ref(rc, name);
        }
    }
}

/* The calculations reached from one, to find one that needs itself. */
typedef struct reach {
    const hys_form *f;
    char *seen;
    int *stack, n;
} reach;

static void reach_ref(void *ud, const char *name)
{
    reach *r = ud;
    int i = hys_form_find(r->f, name);
    if (i < 0 || r->f->questions[i].type != HYS_Q_CALCULATE || r->seen[i]) return;
    r->seen[i] = 1;
    r->stack[r->n++] = i;
}

/* The calculations a calculation's value waits on: those its formula uses,
 * and those its `relevant` (and its groups') ask about. */
static void each_calc_ref(const hys_question *q, reach *r)
{
    hys_expr_each_ref(q->calculation, reach_ref, r);
    for (int i = 0; i < q->nrelevant; i++)
        hys_expr_each_ref(q->relevant[i], reach_ref, r);
}

static void check_cycles(builder *b, const hys_table *t, int col)
{
    const hys_form *f = b->f;
    reach r = {f, hys_calloc((size_t)f->nquestions + 1, 1),
               hys_calloc((size_t)f->nquestions + 1, sizeof(int)), 0};
    for (int c = 0; r.seen && r.stack && c < f->nquestions; c++) {
        if (f->questions[c].type != HYS_Q_CALCULATE) continue;
        memset(r.seen, 0, (size_t)f->nquestions);
        r.n = 0;
        each_calc_ref(&f->questions[c], &r);
        while (r.n > 0) {
            int k = r.stack[--r.n];
            if (k == c) {
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, f->questions[c].row, col,
                              "the calculation ${%s} needs its own value, through the "
                              "calculations it uses or its relevant asks about; one of them "
                              "must not use it",
                              f->questions[c].name);
                break;
            }
            each_calc_ref(&f->questions[k], &r);
        }
    }
    if (!r.seen || !r.stack) form_nomem(b);
    hys_free(r.seen);
    hys_free(r.stack);
}

void form_check_refs(builder *b, const hys_table *t, const formula_cols *fc)
{
    const hys_form *f = b->f;
    for (int qi = 0; qi < f->nquestions; qi++) {
        const hys_question *q = &f->questions[qi];
        ref_check rc = {b, t, q->row, fc->relevant, qi, "relevant"};
        if (q->nrelevant) hys_expr_each_ref(q->relevant[q->nrelevant - 1], check_ref, &rc);
        ref_check cc = {b, t, q->row, fc->constraint, qi, "constraint"};
        hys_expr_each_ref(q->constraint, check_ref, &cc);
        ref_check kc = {b, t, q->row, fc->calculation, qi, "calculation"};
        hys_expr_each_ref(q->calculation, check_ref, &kc);
        ref_check fl = {b, t, q->row, fc->choice_filter, qi, "choice_filter"};
        hys_expr_each_ref(q->choice_filter, check_ref, &fl);
        ref_check wc = {b, t, q->row, -1, qi, "label"};
        check_words(&wc, &q->label);
        wc.what = "hint";
        check_words(&wc, &q->hint);
        wc.what = "constraint_message";
        check_words(&wc, &q->constraint_msg);
    }
    check_cycles(b, t, fc->calculation);
}
