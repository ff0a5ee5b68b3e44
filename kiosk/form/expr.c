/* expr: read `relevant`, `constraint`, `calculation` and `choice_filter`
 * expressions (see expr.h) into a small tree (expr_private.h), by recursive
 * descent in XPath 1.0's order: or, and, = !=, < <= > >=, + -, * div mod,
 * unary minus. expr_eval.c works out their values. */
#include "expr_private.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s, *p;
    char *err;
    size_t errn;
    int failed, depth;
    int self_ok;   /* a constraint: "." is the answer being checked */
    int fields_ok; /* a choice_filter: a bare name is a column of the choice */
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
    for (int i = 0; i < e->nargs; i++)
        hys_expr_destroy(e->arg[i]);
    hys_free(e->arg);
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

/* The functions a calculation may call (besides not, true, false,
 * selected, count-selected, string-length and regex, read on their own),
 * with how many values each takes. */
static const struct {
    const char *name;
    expr_fn fn;
    int min, max;
} functions[] = {{"if", F_IF, 3, 3},
                 {"concat", F_CONCAT, 1, EXPR_MAX_ARGS},
                 {"coalesce", F_COALESCE, 2, 2},
                 {"round", F_ROUND, 1, 2},
                 {"int", F_INT, 1, 1},
                 {"number", F_NUMBER, 1, 1},
                 {"string", F_STRING, 1, 1},
                 {"boolean", F_BOOLEAN, 1, 1},
                 {"sum", F_SUM, 1, 1},
                 {"once", F_ONCE, 1, 1},
                 {"selected-at", F_SELECTED_AT, 2, 2},
                 {"floor", F_FLOOR, 1, 1},
                 {"ceiling", F_CEILING, 1, 1},
                 {"abs", F_ABS, 1, 1},
                 {"min", F_MIN, 1, EXPR_MAX_ARGS},
                 {"max", F_MAX, 1, EXPR_MAX_ARGS},
                 {"pow", F_POW, 2, 2},
                 {"contains", F_CONTAINS, 2, 2},
                 {"starts-with", F_STARTS_WITH, 2, 2},
                 {"ends-with", F_ENDS_WITH, 2, 2},
                 {"substr", F_SUBSTR, 2, 3},
                 {"normalize-space", F_NORMALIZE_SPACE, 1, 1}};

/* Functions a kiosk will not work out, and why (in words an author acts on). */
static const struct {
    const char *name, *why;
} refused_functions[] = {
    {"today", "gives the date, and a kiosk keeps no dates"},
    {"now", "gives the time, and a kiosk keeps no times"},
    {"uuid", "makes an identifier, and a kiosk gives answers none"},
    {"random", "gives a different value each time"},
    {"position", "counts repeats, and a kiosk has none"},
    {"count", "counts repeats, and a kiosk has none"},
    {"indexed-repeat", "reads repeats, and a kiosk has none"},
    {"instance", "reads a list from another file"},
    {"pulldata", "reads another file"},
    {"jr:choice-name", "is not supported here yet; show the answer's own words with ${name}"},
    {"format-date", "works on dates, and a kiosk keeps none"},
    {"decimal-date-time", "works on dates, and a kiosk keeps none"}};

/* At "(" after a function's name: its values, in order. */
static hys_expr *parse_call(parser *ps, int fi)
{
    const char *name = functions[fi].name;
    char msg[160];
    hys_expr *e = node(ps, N_CALL);
    if (!e) return NULL;
    e->op = (int)functions[fi].fn;
    if (!(e->arg = hys_calloc(EXPR_MAX_ARGS, sizeof *e->arg))) {
        hys_expr_destroy(e);
        fail(ps, "out of memory");
        return NULL;
    }
    punct(ps, "(");
    if (!punct(ps, ")")) {
        do {
            if (e->nargs == EXPR_MAX_ARGS) {
                snprintf(msg, sizeof msg, "%s() takes at most %d values", name, EXPR_MAX_ARGS);
                fail(ps, msg);
                break;
            }
            hys_expr *x = parse_or(ps);
            if (!x) break;
            e->arg[e->nargs++] = x;
        } while (punct(ps, ","));
        snprintf(msg, sizeof msg, "expected , or ) in %s(", name);
        if (!ps->failed && !punct(ps, ")")) fail(ps, msg);
    }
    if (!ps->failed && (e->nargs < functions[fi].min || e->nargs > functions[fi].max)) {
        if (functions[fi].min == functions[fi].max)
            snprintf(msg, sizeof msg, "%s() takes %d value%s, not %d", name, functions[fi].min,
                     functions[fi].min == 1 ? "" : "s", e->nargs);
        else
            snprintf(msg, sizeof msg, "%s() takes %d to %d values, not %d", name, functions[fi].min,
                     functions[fi].max, e->nargs);
        fail(ps, msg);
    }
    if (ps->failed) {
        hys_expr_destroy(e);
        return NULL;
    }
    return e;
}

/* At a name that is none of the words read above: a function from the
 * table, a choice's column (in a choice_filter), or a clear refusal. */
static hys_expr *parse_name(parser *ps)
{
    const char *s = ps->p;
    while (is_name_char(*ps->p) || (*ps->p == ':' && is_name_char(ps->p[1])))
        ps->p++;
    size_t len = (size_t)(ps->p - s);
    const char *after = ps->p;
    skip_ws(ps);
    int call = *ps->p == '(';
    char name[40], msg[320];
    int shown = len < sizeof name - 1 ? (int)len : (int)sizeof name - 1;
    snprintf(name, sizeof name, "%.*s", quotable(s, shown), s);
    if (call) {
        for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
            if (strlen(functions[i].name) == len && !strncmp(functions[i].name, s, len))
                return parse_call(ps, (int)i);
        for (size_t i = 0; i < sizeof refused_functions / sizeof refused_functions[0]; i++)
            if (strlen(refused_functions[i].name) == len &&
                !strncmp(refused_functions[i].name, s, len)) {
                ps->p = s;
                snprintf(msg, sizeof msg, "%s() %s", name, refused_functions[i].why);
                fail(ps, msg);
                return NULL;
            }
    } else if (ps->fields_ok && !memchr(s, ':', len)) {
        ps->p = after;
        hys_expr *e = node(ps, N_FIELD);
        if (e && (e->text = hys_malloc(len + 2)) != NULL) /* "@county": as it is looked up */
            e->text[0] = '@', memcpy(e->text + 1, s, len), e->text[len + 1] = '\0';
        else if (e) {
            hys_expr_destroy(e);
            fail(ps, "out of memory");
            return NULL;
        }
        return e;
    }
    ps->p = s;
    snprintf(msg, sizeof msg,
             call ? "the function %s() is not supported here; calculations can use if(), "
                    "concat(), coalesce(), round(), int(), number(), string(), sum(), "
                    "selected-at(), count-selected(), string-length() and a few more (README)"
                  : "\"%s\" is not supported here; use ${name}, 'text', numbers, = != < > "
                    "<= >=, + - * div mod, and, or, not(), selected(), count-selected(), "
                    "string-length() or regex()",
             name);
    fail(ps, msg);
    return NULL;
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
        e = parse_name(ps);
    } else {
        fail(ps, *ps->p ? "unexpected character" : "the expression ends too early");
    }
    ps->depth--;
    return e;
}

/* -a (as often as it is written; each counts towards the nesting limit). */
static hys_expr *parse_unary(parser *ps)
{
    skip_ws(ps);
    if (*ps->p != '-') return parse_primary(ps);
    if (++ps->depth > HYS_MAX_EXPR_DEPTH) {
        fail(ps, "the expression is nested too deeply");
        return NULL;
    }
    ps->p++;
    hys_expr *a = parse_unary(ps);
    hys_expr *e = a ? node(ps, N_NEG) : NULL;
    if (e)
        e->a = a;
    else
        hys_expr_destroy(a);
    ps->depth--;
    return e;
}

/* One level of left-to-right operators: which signs or words it takes (in
 * the order to try them; a word such as div is never part of a longer
 * name), the kind of node they make, and the next level. */
typedef struct level {
    const char *tok[4];
    int op[4];
    node_kind kind;
    hys_expr *(*next)(parser *ps);
} level;

static hys_expr *parse_level(parser *ps, const level *l)
{
    hys_expr *a = l->next(ps);
    for (;;) {
        int k = 0;
        while (a && k < 4 && l->tok[k] &&
               !(l->tok[k][0] >= 'a' ? keyword(ps, l->tok[k]) : punct(ps, l->tok[k])))
            k++;
        if (!a || k == 4 || !l->tok[k]) return a;
        hys_expr *b = l->next(ps);
        hys_expr *e = b ? node(ps, l->kind) : NULL;
        if (!e) {
            hys_expr_destroy(a);
            hys_expr_destroy(b);
            return NULL;
        }
        e->op = l->op[k];
        e->a = a;
        e->b = b;
        a = e;
    }
}

static hys_expr *parse_mul(parser *ps)
{
    static const level l = {{"*", "div", "mod"}, {OP_MUL, OP_DIV, OP_MOD}, N_ARITH, parse_unary};
    return parse_level(ps, &l);
}

static hys_expr *parse_add(parser *ps)
{
    static const level l = {{"+", "-"}, {OP_ADD, OP_SUB}, N_ARITH, parse_mul};
    return parse_level(ps, &l);
}

static hys_expr *parse_relational(parser *ps)
{
    static const level l = {{"<=", ">=", "<", ">"}, {OP_LE, OP_GE, OP_LT, OP_GT}, N_CMP, parse_add};
    return parse_level(ps, &l);
}

static hys_expr *parse_cmp(parser *ps)
{
    static const level l = {{"!=", "="}, {OP_NE, OP_EQ}, N_CMP, parse_relational};
    return parse_level(ps, &l);
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

static hys_expr *parse_all(const char *src, char *err, size_t errn, int self_ok, int fields_ok)
{
    parser ps = {src, src, err, errn, 0, 0, self_ok, fields_ok};
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
    return parse_all(src, err, errn, 0, 0);
}

hys_expr *hys_expr_parse_constraint(const char *src, char *err, size_t errn)
{
    return parse_all(src, err, errn, 1, 0);
}

hys_expr *hys_expr_parse_filter(const char *src, char *err, size_t errn)
{
    return parse_all(src, err, errn, 0, 1);
}

static void each_named(const hys_expr *e, node_kind k, void (*fn)(void *ud, const char *name),
                       void *ud)
{
    if (!e) return;
    if (e->kind == k) fn(ud, e->text + (k == N_FIELD)); /* (a field without its "@") */
    each_named(e->a, k, fn, ud);
    each_named(e->b, k, fn, ud);
    for (int i = 0; i < e->nargs; i++)
        each_named(e->arg[i], k, fn, ud);
}

void hys_expr_each_ref(const hys_expr *e, void (*fn)(void *ud, const char *name), void *ud)
{
    each_named(e, N_REF, fn, ud);
}

void hys_expr_each_field(const hys_expr *e, void (*fn)(void *ud, const char *name), void *ud)
{
    each_named(e, N_FIELD, fn, ud);
}
