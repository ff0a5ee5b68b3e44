/* expr_eval: work out an expression's value (see expr.h) from the answers
 * a lookup gives, by XPath 1.0's rules for comparing, adding and turning
 * values into text, closely enough for skip logic and calculations. */
#include "expr_private.h"

#include "../util/alloc.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { V_TEXT, V_NUM, V_BOOL };

/* A value: text, number or boolean. Text is an answer or a literal of the
 * tree (s), or made here (own: concat, string, substr …). */
typedef struct value {
    int kind;
    double n;
    const char *s;
    int owned;
    char own[512];
} value;

static const char *text_of(const value *v)
{
    return v->owned ? v->own : v->s;
}

static void set_num(value *v, double n)
{
    v->kind = V_NUM, v->n = n, v->owned = 0, v->s = "";
}

static void set_bool(value *v, int b)
{
    v->kind = V_BOOL, v->n = b != 0, v->owned = 0, v->s = "";
}

static void set_text(value *v, const char *s)
{
    v->kind = V_TEXT, v->n = 0, v->owned = 0, v->s = s ? s : "";
}

/* src into dst[n], cut at a whole character when too long. */
static void copy_cut(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memmove(dst, src, len);
    dst[len] = '\0';
}

/* s[0..len) as v's own text (cut at a whole character when too long). */
static void own_span(value *v, const char *s, size_t len)
{
    if (len >= sizeof v->own) {
        len = sizeof v->own - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    memmove(v->own, s, len);
    v->own[len] = '\0';
    v->kind = V_TEXT, v->n = 0, v->owned = 1;
}

static void own_text(value *v, const char *s)
{
    char tmp[sizeof v->own];
    copy_cut(tmp, sizeof tmp, s); /* (s may be v's own text) */
    v->kind = V_TEXT, v->n = 0, v->owned = 1;
    memcpy(v->own, tmp, sizeof tmp);
}

static int count_words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ')
            in = 0;
        else if (!in)
            in = 1, n++;
    }
    return n;
}

static double to_num(const value *v)
{
    if (v->kind != V_TEXT) return v->n;
    const char *s = text_of(v);
    while (*s == ' ')
        s++;
    if (!*s) return NAN;
    char *end;
    double d = strtod(s, &end);
    while (*end == ' ')
        end++;
    return *end ? NAN : d;
}

static int to_bool(const value *v)
{
    if (v->kind == V_TEXT) return text_of(v)[0] != '\0';
    return v->n != 0 && !isnan(v->n);
}

/* A value as XPath's string() writes it (numbers in buf: 3, 2.5, NaN). */
static const char *as_text(const value *v, char *buf, size_t n)
{
    if (v->kind == V_TEXT) return text_of(v);
    if (v->kind == V_BOOL) return v->n != 0 ? "true" : "false";
    if (isnan(v->n)) return "NaN";
    if (isinf(v->n)) return v->n > 0 ? "Infinity" : "-Infinity";
    snprintf(buf, n, "%.15g", v->n == 0 ? 0.0 : v->n); /* (never "-0") */
    return buf;
}

/* Characters (not bytes) in s. */
static int chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Where character k of s starts (its end when s is shorter). */
static const char *char_at(const char *s, int k)
{
    for (; *s && k > 0; k--)
        for (s++; ((unsigned char)*s & 0xC0) == 0x80; s++)
            ;
    return s;
}

static void eval(const hys_expr *e, hys_expr_lookup lk, void *ud, value *out);

static int compare(int op, const value *a, const value *b)
{
    if (op == OP_EQ || op == OP_NE) {
        int eq;
        if (a->kind == V_BOOL || b->kind == V_BOOL)
            eq = to_bool(a) == to_bool(b);
        else if (a->kind == V_NUM || b->kind == V_NUM)
            eq = to_num(a) == to_num(b);
        else
            eq = strcmp(text_of(a), text_of(b)) == 0;
        return op == OP_EQ ? eq : !eq;
    }
    double x = to_num(a), y = to_num(b);
    switch (op) {
    case OP_LT:
        return x < y;
    case OP_LE:
        return x <= y;
    case OP_GT:
        return x > y;
    case OP_GE:
        return x >= y;
    default:
        return 0;
    }
}

static double arith(int op, double x, double y)
{
    switch (op) {
    case OP_ADD:
        return x + y;
    case OP_SUB:
        return x - y;
    case OP_MUL:
        return x * y;
    case OP_DIV:
        return x / y;
    default:
        return fmod(x, y);
    }
}

/* Argument i of a call, as a number (as text into buf). */
static double arg_num(const hys_expr *e, int i, hys_expr_lookup lk, void *ud)
{
    value v;
    eval(e->arg[i], lk, ud, &v);
    return to_num(&v);
}

/* round(x) as XPath (halves up); round(x, digits) as ODK (halves away from 0). */
static double round_to(double x, double digits, int given)
{
    if (!given || digits == 0) return given ? round(x) : floor(x + 0.5);
    double m = pow(10, digits);
    return round(x * m) / m;
}

static void normalize_space(const char *s, value *out)
{
    size_t n = 0, cap = strlen(s) + 1;
    char *buf = hys_malloc(cap);
    if (!buf) {
        set_text(out, "");
        return;
    }
    int gap = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            gap = n > 0;
            continue;
        }
        if (gap) buf[n++] = ' ';
        gap = 0;
        buf[n++] = *s;
    }
    own_span(out, buf, n); /* (cut, when too long, at a whole character) */
    hys_free(buf);
}

static void call(const hys_expr *e, hys_expr_lookup lk, void *ud, value *out)
{
    value a, b;
    char ba[64], bb[64];
    switch ((expr_fn)e->op) {
    case F_IF:
        eval(e->arg[0], lk, ud, &a);
        eval(e->arg[to_bool(&a) ? 1 : 2], lk, ud, out);
        return;
    case F_ONCE:
        eval(e->arg[0], lk, ud, out);
        return;
    case F_COALESCE:
        eval(e->arg[0], lk, ud, out);
        if (!as_text(out, ba, sizeof ba)[0]) eval(e->arg[1], lk, ud, out);
        return;
    case F_CONCAT: {
        char acc[sizeof out->own];
        size_t n = 0;
        acc[0] = '\0';
        for (int i = 0; i < e->nargs; i++) {
            eval(e->arg[i], lk, ud, &a);
            copy_cut(acc + n, sizeof acc - n, as_text(&a, ba, sizeof ba));
            n = strlen(acc);
        }
        own_text(out, acc);
        return;
    }
    case F_STRING:
        eval(e->arg[0], lk, ud, &a);
        own_text(out, as_text(&a, ba, sizeof ba));
        return;
    case F_BOOLEAN:
        eval(e->arg[0], lk, ud, &a);
        set_bool(out, to_bool(&a));
        return;
    case F_NUMBER:
    case F_SUM: /* (no repeats: the sum of one answer) */
        set_num(out, arg_num(e, 0, lk, ud));
        return;
    case F_ROUND:
        set_num(out, round_to(arg_num(e, 0, lk, ud), e->nargs > 1 ? arg_num(e, 1, lk, ud) : 0,
                              e->nargs > 1));
        return;
    case F_INT:
        set_num(out, trunc(arg_num(e, 0, lk, ud)));
        return;
    case F_FLOOR:
        set_num(out, floor(arg_num(e, 0, lk, ud)));
        return;
    case F_CEILING:
        set_num(out, ceil(arg_num(e, 0, lk, ud)));
        return;
    case F_ABS:
        set_num(out, fabs(arg_num(e, 0, lk, ud)));
        return;
    case F_POW:
        set_num(out, pow(arg_num(e, 0, lk, ud), arg_num(e, 1, lk, ud)));
        return;
    case F_MIN:
    case F_MAX: {
        double best = NAN;
        for (int i = 0; i < e->nargs; i++) {
            double x = arg_num(e, i, lk, ud);
            if (isnan(x)) { /* (as ODK: an unanswered value makes the whole NaN) */
                best = NAN;
                break;
            }
            if (i == 0 || (e->op == F_MIN ? x < best : x > best)) best = x;
        }
        set_num(out, best);
        return;
    }
    case F_SELECTED_AT: {
        eval(e->arg[0], lk, ud, &a);
        double k = arg_num(e, 1, lk, ud);
        const char *list = as_text(&a, ba, sizeof ba), *s = "";
        size_t len = k >= 0 && k < 1000 ? hys_word_at(list, (int)k, &s) : 0;
        char w[sizeof out->own];
        memcpy(w, s, len < sizeof w ? len : sizeof w); /* (s may be a's own text) */
        own_span(out, w, len < sizeof w ? len : sizeof w);
        return;
    }
    case F_CONTAINS:
    case F_STARTS_WITH:
    case F_ENDS_WITH: {
        eval(e->arg[0], lk, ud, &a);
        eval(e->arg[1], lk, ud, &b);
        const char *s = as_text(&a, ba, sizeof ba), *t = as_text(&b, bb, sizeof bb);
        size_t ls = strlen(s), lt = strlen(t);
        int r = e->op == F_CONTAINS      ? strstr(s, t) != NULL
                : e->op == F_STARTS_WITH ? strncmp(s, t, lt) == 0
                                         : ls >= lt && strcmp(s + ls - lt, t) == 0;
        set_bool(out, r);
        return;
    }
    case F_SUBSTR: { /* ODK's substr(text, start, end): characters from 0, end not included */
        eval(e->arg[0], lk, ud, &a);
        const char *s = as_text(&a, ba, sizeof ba);
        int len = chars(s);
        double from = arg_num(e, 1, lk, ud), to = e->nargs > 2 ? arg_num(e, 2, lk, ud) : len;
        int f = isnan(from) || from < 0 ? 0 : from > len ? len : (int)from;
        int t = isnan(to) ? f : to > len ? len : to < f ? f : (int)to;
        const char *p = char_at(s, f), *q = char_at(s, t);
        own_span(out, p, (size_t)(q - p)); /* (p is in a's text, not out's) */
        return;
    }
    case F_NORMALIZE_SPACE:
        eval(e->arg[0], lk, ud, &a);
        normalize_space(as_text(&a, ba, sizeof ba), out);
        return;
    }
    set_text(out, "");
}

static void eval(const hys_expr *e, hys_expr_lookup lk, void *ud, value *out)
{
    value a, b;
    char buf[64];
    switch (e->kind) {
    case N_OR:
        eval(e->a, lk, ud, &a);
        if (to_bool(&a)) {
            set_bool(out, 1);
            return;
        }
        eval(e->b, lk, ud, &b);
        set_bool(out, to_bool(&b));
        return;
    case N_AND:
        eval(e->a, lk, ud, &a);
        if (!to_bool(&a)) {
            set_bool(out, 0);
            return;
        }
        eval(e->b, lk, ud, &b);
        set_bool(out, to_bool(&b));
        return;
    case N_NOT:
        eval(e->a, lk, ud, &a);
        set_bool(out, !to_bool(&a));
        return;
    case N_CMP:
        eval(e->a, lk, ud, &a);
        eval(e->b, lk, ud, &b);
        set_bool(out, compare(e->op, &a, &b));
        return;
    case N_ARITH:
        eval(e->a, lk, ud, &a);
        eval(e->b, lk, ud, &b);
        set_num(out, arith(e->op, to_num(&a), to_num(&b)));
        return;
    case N_NEG:
        eval(e->a, lk, ud, &a);
        set_num(out, -to_num(&a));
        return;
    case N_BOOL:
        set_bool(out, e->num != 0);
        return;
    case N_NUM:
        set_num(out, e->num);
        return;
    case N_STR:
        set_text(out, e->text);
        return;
    case N_REF:
        set_text(out, lk(ud, e->text));
        return;
    case N_FIELD: /* (its name is kept as "@name") */
        set_text(out, lk(ud, e->text));
        return;
    case N_SELECTED: {
        const char *s = lk(ud, e->a->text);
        set_bool(out, hys_words_has(s ? s : "", e->text));
        return;
    }
    case N_COUNT: {
        const char *s = lk(ud, e->a->text);
        set_num(out, count_words(s ? s : ""));
        return;
    }
    case N_LENGTH:
        eval(e->a, lk, ud, &a);
        set_num(out, chars(as_text(&a, buf, sizeof buf)));
        return;
    case N_REGEX:
        eval(e->a, lk, ud, &a);
        set_bool(out, regexec(e->re, as_text(&a, buf, sizeof buf), 0, NULL, 0) == 0);
        return;
    case N_CALL:
        call(e, lk, ud, out);
        return;
    }
    set_text(out, "");
}

int hys_expr_eval(const hys_expr *e, hys_expr_lookup lookup, void *ud)
{
    if (!e) return 1;
    value v;
    eval(e, lookup, ud, &v);
    return to_bool(&v);
}

char *hys_expr_text(const hys_expr *e, hys_expr_lookup lookup, void *ud, char *out, size_t n)
{
    if (!n) return out;
    out[0] = '\0';
    if (!e) return out;
    value v;
    char buf[64];
    eval(e, lookup, ud, &v);
    if (v.kind == V_NUM && !isfinite(v.n)) return out; /* (nothing to show) */
    copy_cut(out, n, as_text(&v, buf, sizeof buf));
    return out;
}

/* Bound e (a comparison of "." with a number, either way round) puts on
 * the answer, into *min / *max. */
static void bound(const hys_expr *e, double *min, double *max)
{
    const hys_expr *self = e->a, *num = e->b;
    int op = e->op;
    if (self->kind == N_NUM && num->kind == N_REF) { /* 3 < . reads as . > 3 */
        self = e->b, num = e->a;
        op = op == OP_LT   ? OP_GT
             : op == OP_GT ? OP_LT
             : op == OP_LE ? OP_GE
             : op == OP_GE ? OP_LE
                           : op;
    }
    if (self->kind != N_REF || strcmp(self->text, ".") || num->kind != N_NUM) return;
    if ((op == OP_LE || op == OP_LT) && num->num < *max) *max = num->num;
    if ((op == OP_GE || op == OP_GT) && num->num > *min) *min = num->num;
}

void hys_expr_bounds(const hys_expr *e, double *min, double *max)
{
    *min = -INFINITY, *max = INFINITY;
    /* (only what every answer must meet: comparisons joined by "and") */
    const hys_expr *stack[HYS_MAX_EXPR_DEPTH * 2];
    int n = 0;
    if (e) stack[n++] = e;
    while (n > 0) {
        const hys_expr *x = stack[--n];
        if (x->kind == N_AND && n + 2 <= (int)(sizeof stack / sizeof stack[0]))
            stack[n++] = x->a, stack[n++] = x->b;
        else if (x->kind == N_CMP)
            bound(x, min, max);
    }
}
