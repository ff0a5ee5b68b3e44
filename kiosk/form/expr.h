/* expr: XLSForm expressions: `relevant` (skip logic), `constraint`,
 * `calculation` and `choice_filter`. ${name} references, = != < > <= >=,
 * + - * div mod, and / or / not(), parentheses, 'string' and number
 * literals, true() / false(), selected(${q}, 'value'), count-selected(${q}),
 * string-length(x), regex(x, 'pattern') and the functions calculations use
 * (if, concat, coalesce, round, int, number, string, boolean, sum, once,
 * selected-at, floor, ceiling, abs, min, max, pow, contains, starts-with,
 * ends-with, substr, normalize-space). In a constraint "." is the answer
 * being checked; in a choice_filter a bare name is a column of the choice.
 * Parsed once when a form loads; evaluated as answers change. */
#ifndef HYS_EXPR_H
#define HYS_EXPR_H

#include <stddef.h>

typedef struct hys_expr hys_expr;

/* Parse src. On success returns the expression (free with hys_expr_destroy).
 * On failure returns NULL and writes a one-line English reason to err
 * (e.g. "expected ) after selected(…"); "out of memory" when allocation failed. */
hys_expr *hys_expr_parse(const char *src, char *err, size_t errn);
/* The same for a constraint: "." may stand for the answer being checked
 * (the lookup is asked for the name "."). */
hys_expr *hys_expr_parse_constraint(const char *src, char *err, size_t errn);
/* The same for a choice_filter: a bare name (county) is that column of the
 * choice being filtered (the lookup is asked for "@county"). */
hys_expr *hys_expr_parse_filter(const char *src, char *err, size_t errn);
void hys_expr_destroy(hys_expr *e);

/* Calls fn for each ${name} referenced, in order (names may repeat). */
void hys_expr_each_ref(const hys_expr *e, void (*fn)(void *ud, const char *name), void *ud);
/* Calls fn for each column of the choice a choice_filter reads, in order. */
void hys_expr_each_field(const hys_expr *e, void (*fn)(void *ud, const char *name), void *ud);

/* The current answer of question name, as XLSForm stores it ("" when not
 * answered; select_multiple values separated by single spaces). */
typedef const char *(*hys_expr_lookup)(void *ud, const char *name);

/* Evaluate as an XPath boolean: 1 (show the question) or 0. */
int hys_expr_eval(const hys_expr *e, hys_expr_lookup lookup, void *ud);
/* Evaluate as text (XPath's string(): a number as 3 or 2.5), into out
 * (cut at a whole character when longer). A number that is no number
 * (a sum of unanswered questions) gives "". Returns out. */
char *hys_expr_text(const hys_expr *e, hys_expr_lookup lookup, void *ud, char *out, size_t n);

/* The least and greatest numbers a constraint lets an answer be, from its
 * simple comparisons (". >= 16 and . <= 120"): -INFINITY / INFINITY where it
 * says nothing so plain (no constraint: both). */
void hys_expr_bounds(const hys_expr *e, double *min, double *max);

#endif
