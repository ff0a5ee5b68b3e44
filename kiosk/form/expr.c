/* expr: parse and evaluate `relevant` and `constraint` expressions (see expr.h).
 * A recursive-descent parser builds a small tree; evaluation follows XPath 1.0
 * comparison rules closely enough for skip logic. */
#include "expr.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    N_OR,
    N_AND,
    N_NOT,
    N_CMP,
    N_REF,
    N_STR,
    N_NUM,
    N_BOOL,
    N_SELECTED,
    N_COUNT,
    N_LENGTH, /* string-length(a) */
    N_REGEX   /* regex(a, 'pattern') */
} node_kind;

typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } cmp_op;

struct hys_expr {
    node_kind kind;
    cmp_op op;
    char *text; /* N_REF name, N_STR value, N_SELECTED value */
    double num; /* N_NUM, N_BOOL */
    hys_expr *a, *b;
    regex_t *re; /* N_REGEX: the pattern, compiled */
};

typedef struct {
    const char *s, *p;
    char *err;
    size_t errn;
    int failed, depth;
    int self_ok; /* a constraint: "." is the answer being checked */
} parser;

static hys_expr *node(parser *ps, node_kind k)
{
    hys_expr *e = hys_calloc(1, sizeof *e);
    if (!e && !ps->failed) {
        snprintf(ps->err, ps->errn, "out of memory");
        ps->failed = 1;
    }
    if (e) e->kind = k;
    return e;
}

void hys_expr_destroy(hys_expr *e)
{
    if (!e) return;
    hys_expr_destroy(e->a);
    hys_expr_destroy(e->b);
    if (e->re) regfree(e->re);
    hys_free(e->re);
    hys_free(e->text);
    hys_free(e);
}

/* How many of the n bytes at s to quote: not past a line break, and not
 * cutting a UTF-8 character in two. */
static int quotable(const char *s, int n)
{
    int k = 0;
    while (k < n && s[k] && s[k] != '\n' && s[k] != '\r')
        k++;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

static void fail(parser *ps, const char *msg)
{
    if (ps->failed) return;
    ps->failed = 1;
    int at = (int)(ps->p - ps->s) + 1;
    int k = quotable(ps->p, 12);
    if (k)
        snprintf(ps->err, ps->errn, "%s (at character %d, near \"%.*s\")", msg, at, k, ps->p);
    else if (*ps->p)
        snprintf(ps->err, ps->errn, "%s (at character %d)", msg, at);
    else
        snprintf(ps->err, ps->errn, "%s (at the end)", msg);
    /* a reason cut short by err's size ends with a whole character */
    size_t n = strlen(ps->err), lead = n;
    while (lead > 0 && ((unsigned char)ps->err[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && (unsigned char)ps->err[lead - 1] >= 0xC0) {
        unsigned char c = (unsigned char)ps->err[lead - 1];
        size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (n - (lead - 1) < want) ps->err[lead - 1] = '\0';
    }
}

static void skip_ws(parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
        ps->p++;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || (unsigned char)c >= 0x80;
}

/* Match a keyword followed by a non-name character. */
static int keyword(parser *ps, const char *kw)
{
    skip_ws(ps);
    size_t n = strlen(kw);
    if (strncmp(ps->p, kw, n) == 0 && !is_name_char(ps->p[n])) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static int punct(parser *ps, const char *tok)
{
    skip_ws(ps);
    size_t n = strlen(tok);
    if (strncmp(ps->p, tok, n) == 0) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static hys_expr *parse_or(parser *ps);

static hys_expr *parse_ref(parser *ps)
{
    /* at "${" */
    ps->p += 2;
    const char *start = ps->p;
    while (is_name_char(*ps->p))
        ps->p++;
    if (ps->p == start || *ps->p != '}') {
        fail(ps, "a reference must look like ${question_name}");
        return NULL;
    }
    hys_expr *e = node(ps, N_REF);
    if (!e) return NULL;
    e->text = hys_strndup(start, (size_t)(ps->p - start));
    ps->p++;
    if (!e->text) {
        hys_expr_destroy(e);
        fail(ps, "out of memory");
        return NULL;
    }
    return e;
}

/* "." (the answer being checked, in a constraint) as a reference. */
static hys_expr *parse_self(parser *ps)
{
    ps->p++;
    hys_expr *e = node(ps, N_REF);
    if (e && !(e->text = hys_strdup("."))) {
        hys_expr_destroy(e);
        e = NULL;
        fail(ps, "out of memory");
    }
    return e;
}

/* At a question: ${name}, or "." in a constraint. NULL (failed) else. */
static int at_self(const parser *ps)
{
    return ps->self_ok && ps->p[0] == '.' && !(ps->p[1] >= '0' && ps->p[1] <= '9');
}

static hys_expr *parse_question(parser *ps, const char *what)
{
    skip_ws(ps);
    if (at_self(ps)) return parse_self(ps);
    if (ps->p[0] == '$' && ps->p[1] == '{') return parse_ref(ps);
    fail(ps, what);
    return NULL;
}

static hys_expr *parse_string(parser *ps)
{
    char q = *ps->p++;
    const char *start = ps->p;
    while (*ps->p && *ps->p != q)
        ps->p++;
    if (!*ps->p) {
        fail(ps, "a text in quotes is never closed");
        return NULL;
    }
    hys_expr *e = node(ps, N_STR);
    if (!e) return NULL;
    e->text = hys_strndup(start, (size_t)(ps->p - start));
    ps->p++;
    if (!e->text) {
        hys_expr_destroy(e);
        fail(ps, "out of memory");
        return NULL;
    }
    return e;
}

/* Past a bracket expression [...] starting at p (at its "["): where its
 * closing "]" is, or NULL. "[:alpha:]", "[.x.]" and "[=x=]" inside it are
 * whole, and a "]" first in it is one of its characters. */
static const char *set_end(const char *p)
{
    p++;
    if (*p == '^') p++;
    if (*p == ']') p++;
    for (; *p && *p != ']'; p++) {
        if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
            char close = p[1];
            const char *e = p + 2;
            while (*e && !(e[0] == close && e[1] == ']'))
                e++;
            if (!*e) return NULL;
            p = e + 1;
        }
    }
    return *p ? p : NULL;
}

/* 1 when pattern p cannot make the regex matcher or compiler run away (a
 * stick's question set is hostile; glibc copies what a bound applies to,
 * and matches back-references by trying): at most 128 bytes and 8 repeats
 * (* + ? {}), never two in a row, at most two {n,m} bounds, each under 100,
 * no repeat on a group that has a repeat inside it (so that they never
 * multiply), and no back-references (\1). A constraint a person writes,
 * '^[0-9]{5}$' or '^(07|447)[0-9]{9}$', is far inside. */
static int tame_pattern(const char *p)
{
    enum { DEPTH = 8 };
    if (strlen(p) > 128) return 0;
    int repeats = 0, braces = 0, last = 0; /* last: what came before (0 atom, 1 repeat, 2 group) */
    int inner[DEPTH + 1] = {0}, depth = 0, closed_inner = 0;
    for (; *p; p++) {
        int repeat = *p == '*' || *p == '+' || *p == '?' || *p == '{';
        if (repeat) {
            if (last == 1 || ++repeats > 8) return 0;
            if (last == 2 && closed_inner) return 0; /* (a repeated group of repeats) */
            if (*p == '{') {
                if (++braces > 2) return 0;
                for (const char *q = p + 1; *q && *q != '}'; q++)
                    if (*q >= '0' && *q <= '9' && strtol(q, NULL, 10) >= 100) return 0;
                while (*p && *p != '}')
                    p++;
                if (!*p) return 0;
            }
            inner[depth] = 1, last = 1;
            continue;
        }
        if (*p == '\\') {
            if (p[1] >= '0' && p[1] <= '9') return 0; /* a back-reference */
            if (p[1]) p++;
            last = 0;
        } else if (*p == '[') {
            if (!(p = set_end(p))) return 0;
            last = 0;
        } else if (*p == '(') {
            if (++depth > DEPTH) return 0;
            inner[depth] = 0, last = 0;
        } else if (*p == ')' && depth > 0) {
            closed_inner = inner[depth--];
            inner[depth] |= closed_inner;
            last = 2;
        } else {
            last = 0;
        }
    }
    return 1;
}

static hys_expr *parse_primary(parser *ps)
{
    skip_ws(ps);
    if (++ps->depth > HYS_MAX_EXPR_DEPTH) {
        fail(ps, "the expression is nested too deeply");
        return NULL;
    }
    hys_expr *e = NULL;
    if (punct(ps, "(")) {
        e = parse_or(ps);
        if (e && !punct(ps, ")")) {
            fail(ps, "expected )");
            hys_expr_destroy(e);
            e = NULL;
        }
    } else if (ps->p[0] == '$' && ps->p[1] == '{') {
        e = parse_ref(ps);
    } else if (*ps->p == '\'' || *ps->p == '"') {
        e = parse_string(ps);
    } else if ((*ps->p >= '0' && *ps->p <= '9') ||
               (*ps->p == '-' && ps->p[1] >= '0' && ps->p[1] <= '9') ||
               (*ps->p == '.' && ps->p[1] >= '0' && ps->p[1] <= '9')) {
        char *end;
        double v = strtod(ps->p, &end);
        e = node(ps, N_NUM);
        if (e) e->num = v;
        ps->p = end;
    } else if (keyword(ps, "not")) {
        if (!punct(ps, "(")) {
            fail(ps, "expected ( after not");
        } else {
            hys_expr *inner = parse_or(ps);
            if (inner && !punct(ps, ")")) fail(ps, "expected ) to close not(");
            if (!ps->failed) e = node(ps, N_NOT);
            if (e)
                e->a = inner;
            else
                hys_expr_destroy(inner);
        }
    } else if (keyword(ps, "true") || keyword(ps, "false")) {
        int v = ps->p[-1] == 'e' && ps->p[-2] == 'u';
        if (!punct(ps, "(") || !punct(ps, ")"))
            fail(ps, "expected () after true or false");
        else if ((e = node(ps, N_BOOL)))
            e->num = v;
    } else if (keyword(ps, "count-selected")) {
        skip_ws(ps);
        if (!punct(ps, "(")) {
            fail(ps, "count-selected needs a question: count-selected(${name})");
        } else {
            hys_expr *r =
                parse_question(ps, "count-selected needs a question: count-selected(${name})");
            if (r && !punct(ps, ")")) fail(ps, "expected ) to close count-selected(");
            if (!ps->failed) e = node(ps, N_COUNT);
            if (e)
                e->a = r;
            else
                hys_expr_destroy(r);
        }
    } else if (keyword(ps, "selected")) {
        if (!punct(ps, "(")) {
            fail(ps, "selected needs a question and a choice: selected(${name}, 'choice')");
        } else {
            hys_expr *r = parse_question(
                ps, "selected needs a question and a choice: selected(${name}, 'choice')");
            hys_expr *v = NULL;
            if (r && !punct(ps, ",")) fail(ps, "expected , in selected(${name}, 'choice')");
            skip_ws(ps);
            if (!ps->failed && *ps->p != '\'' && *ps->p != '"')
                fail(ps, "the choice in selected() must be in quotes");
            if (!ps->failed) v = parse_string(ps);
            if (v && !punct(ps, ")")) fail(ps, "expected ) to close selected(");
            if (!ps->failed) e = node(ps, N_SELECTED);
            if (e) {
                e->a = r;
                e->text = v->text;
                v->text = NULL;
            } else {
                hys_expr_destroy(r);
            }
            hys_expr_destroy(v);
        }
    } else if (keyword(ps, "string-length")) {
        hys_expr *inner = punct(ps, "(") ? parse_or(ps) : NULL;
        if (!inner)
            fail(ps, "string-length needs what to measure: string-length(.)");
        else if (!punct(ps, ")"))
            fail(ps, "expected ) to close string-length(");
        if (!ps->failed) e = node(ps, N_LENGTH);
        if (e)
            e->a = inner;
        else
            hys_expr_destroy(inner);
    } else if (keyword(ps, "regex")) {
        hys_expr *inner = punct(ps, "(") ? parse_or(ps) : NULL, *pat = NULL;
        if (!inner) fail(ps, "regex needs what to check and a pattern: regex(., '^[0-9]+$')");
        if (!ps->failed && !punct(ps, ",")) fail(ps, "expected , in regex(., 'pattern')");
        skip_ws(ps);
        if (!ps->failed && *ps->p != '\'' && *ps->p != '"')
            fail(ps, "the pattern in regex() must be in quotes");
        if (!ps->failed) pat = parse_string(ps);
        if (pat && !punct(ps, ")")) fail(ps, "expected ) to close regex(");
        if (!ps->failed && !tame_pattern(pat->text))
            fail(ps, "the pattern in regex() is too long or repeats too much for the kiosk "
                     "(at most 128 characters and 8 repeats, two {n} under 100, no repeated "
                     "group of repeats, no back-references)");
        regex_t *re = !ps->failed ? hys_calloc(1, sizeof *re) : NULL;
        if (!ps->failed && !re) fail(ps, "out of memory");
        if (re && regcomp(re, pat->text, REG_EXTENDED | REG_NOSUB) != 0) {
            hys_free(re), re = NULL;
            fail(ps, "the pattern in regex() is not one the kiosk can read");
        }
        if (re && !(e = node(ps, N_REGEX))) regfree(re), hys_free(re), re = NULL;
        if (e)
            e->a = inner, e->re = re;
        else
            hys_expr_destroy(inner);
        hys_expr_destroy(pat);
    } else if (at_self(ps)) {
        e = parse_self(ps);
    } else if (*ps->p == '.') {
        fail(ps, "\".\" (this question) is for constraints, not for relevant; use ${name}");
    } else if (is_name_char(*ps->p)) {
        const char *s = ps->p;
        while (is_name_char(*ps->p))
            ps->p++;
        char name[40];
        int len = (int)(ps->p - s) < (int)sizeof name - 1 ? (int)(ps->p - s) : (int)sizeof name - 1;
        snprintf(name, sizeof name, "%.*s", quotable(s, len), s);
        ps->p = s;
        char msg[256];
        snprintf(msg, sizeof msg,
                 "\"%s\" is not supported here; use ${name}, 'text', numbers, = != < > <= >=, "
                 "and, or, not(), selected(), count-selected(), string-length() or regex()",
                 name);
        fail(ps, msg);
    } else {
        fail(ps, *ps->p ? "unexpected character" : "the expression ends too early");
    }
    ps->depth--;
    return e;
}

static hys_expr *parse_cmp(parser *ps)
{
    hys_expr *a = parse_primary(ps);
    if (!a) return NULL;
    static const struct {
        const char *tok;
        cmp_op op;
    } ops[] = {{"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE},
               {"=", OP_EQ},  {"<", OP_LT},  {">", OP_GT}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (punct(ps, ops[i].tok)) {
            hys_expr *b = parse_primary(ps);
            hys_expr *e = b ? node(ps, N_CMP) : NULL;
            if (!e) {
                hys_expr_destroy(a);
                hys_expr_destroy(b);
                return NULL;
            }
            e->op = ops[i].op;
            e->a = a;
            e->b = b;
            return e;
        }
    }
    return a;
}

static hys_expr *parse_binary(parser *ps, node_kind k)
{
    hys_expr *a = k == N_OR ? parse_binary(ps, N_AND) : parse_cmp(ps);
    while (a && keyword(ps, k == N_OR ? "or" : "and")) {
        hys_expr *b = k == N_OR ? parse_binary(ps, N_AND) : parse_cmp(ps);
        hys_expr *e = b ? node(ps, k) : NULL;
        if (!e) {
            hys_expr_destroy(a);
            hys_expr_destroy(b);
            return NULL;
        }
        e->a = a;
        e->b = b;
        a = e;
    }
    return a;
}

static hys_expr *parse_or(parser *ps)
{
    return parse_binary(ps, N_OR);
}

static hys_expr *parse_all(const char *src, char *err, size_t errn, int self_ok)
{
    parser ps = {src, src, err, errn, 0, 0, self_ok};
    if (errn) err[0] = '\0';
    if (strlen(src) > HYS_MAX_EXPR_BYTES) {
        snprintf(err, errn, "the expression is longer than %d characters", HYS_MAX_EXPR_BYTES);
        return NULL;
    }
    hys_expr *e = parse_or(&ps);
    skip_ws(&ps);
    if (e && *ps.p) fail(&ps, "unexpected text after the end of the expression");
    if (ps.failed) {
        hys_expr_destroy(e);
        return NULL;
    }
    return e;
}

hys_expr *hys_expr_parse(const char *src, char *err, size_t errn)
{
    return parse_all(src, err, errn, 0);
}

hys_expr *hys_expr_parse_constraint(const char *src, char *err, size_t errn)
{
    return parse_all(src, err, errn, 1);
}

void hys_expr_each_ref(const hys_expr *e, void (*fn)(void *ud, const char *name), void *ud)
{
    if (!e) return;
    if (e->kind == N_REF) fn(ud, e->text);
    hys_expr_each_ref(e->a, fn, ud);
    hys_expr_each_ref(e->b, fn, ud);
}

/* ---- evaluation ---- */

typedef struct {
    int kind; /* 0 string, 1 number, 2 boolean */
    const char *s;
    double n;
} value;

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

static int has_word(const char *list, const char *w)
{
    size_t n = strlen(w);
    if (!n) return 0;
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - s) == n && strncmp(s, w, n) == 0) return 1;
    }
    return 0;
}

static double to_num(value v)
{
    if (v.kind != 0) return v.n;
    const char *s = v.s;
    while (*s == ' ')
        s++;
    if (!*s) return NAN;
    char *end;
    double d = strtod(s, &end);
    while (*end == ' ')
        end++;
    return *end ? NAN : d;
}

static int to_bool(value v)
{
    if (v.kind == 0) return v.s[0] != '\0';
    return v.n != 0 && !isnan(v.n);
}

static value eval(const hys_expr *e, hys_expr_lookup lk, void *ud);

/* A value as XPath's string() would write it (numbers in buf). */
static const char *as_text(value v, char *buf, size_t n)
{
    if (v.kind == 0) return v.s;
    if (v.kind == 2) return v.n != 0 ? "true" : "false";
    snprintf(buf, n, "%.15g", v.n);
    return buf;
}

static int compare(cmp_op op, value a, value b)
{
    if (op == OP_EQ || op == OP_NE) {
        int eq;
        if (a.kind == 2 || b.kind == 2)
            eq = to_bool(a) == to_bool(b);
        else if (a.kind == 1 || b.kind == 1)
            eq = to_num(a) == to_num(b);
        else
            eq = strcmp(a.s, b.s) == 0;
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

static value eval(const hys_expr *e, hys_expr_lookup lk, void *ud)
{
    value v = {2, "", 0};
    switch (e->kind) {
    case N_OR:
        v.n = to_bool(eval(e->a, lk, ud)) || to_bool(eval(e->b, lk, ud));
        break;
    case N_AND:
        v.n = to_bool(eval(e->a, lk, ud)) && to_bool(eval(e->b, lk, ud));
        break;
    case N_NOT:
        v.n = !to_bool(eval(e->a, lk, ud));
        break;
    case N_CMP:
        v.n = compare(e->op, eval(e->a, lk, ud), eval(e->b, lk, ud));
        break;
    case N_BOOL:
        v.n = e->num;
        break;
    case N_NUM:
        v.kind = 1, v.n = e->num;
        break;
    case N_STR:
        v.kind = 0, v.s = e->text;
        break;
    case N_REF: {
        const char *s = lk(ud, e->text);
        v.kind = 0;
        v.s = s ? s : "";
        break;
    }
    case N_SELECTED: {
        const char *s = lk(ud, e->a->text);
        v.n = has_word(s ? s : "", e->text);
        break;
    }
    case N_COUNT: {
        const char *s = lk(ud, e->a->text);
        v.kind = 1;
        v.n = count_words(s ? s : "");
        break;
    }
    case N_LENGTH: {
        char buf[64];
        const char *s = as_text(eval(e->a, lk, ud), buf, sizeof buf);
        v.kind = 1, v.n = 0;
        for (; *s; s++) /* characters, not bytes */
            v.n += ((unsigned char)*s & 0xC0) != 0x80;
        break;
    }
    case N_REGEX: {
        char buf[64];
        v.n = regexec(e->re, as_text(eval(e->a, lk, ud), buf, sizeof buf), 0, NULL, 0) == 0;
        break;
    }
    }
    return v;
}

int hys_expr_eval(const hys_expr *e, hys_expr_lookup lookup, void *ud)
{
    return e ? to_bool(eval(e, lookup, ud)) : 1;
}
