/* expr_private: the expression tree, shared by expr.c (which reads an
 * expression into it) and expr_eval.c (which works out its value). Not
 * for other modules: they use expr.h. */
#ifndef HYS_EXPR_PRIVATE_H
#define HYS_EXPR_PRIVATE_H

#include "expr.h"

#include <regex.h>

typedef enum {
    N_OR,
    N_AND,
    N_NOT,
    N_CMP,
    N_ARITH, /* a + b, a - b, a * b, a div b, a mod b */
    N_NEG,   /* -a */
    N_REF,   /* ${name}, or "." (the answer a constraint checks) */
    N_FIELD, /* a bare name in a choice_filter: that column of the choice */
    N_STR,
    N_NUM,
    N_BOOL,
    N_SELECTED,
    N_COUNT,
    N_LENGTH, /* string-length(a) */
    N_REGEX,  /* regex(a, 'pattern') */
    N_CALL    /* one of the functions in expr_fn, with its arguments */
} node_kind;

typedef enum { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } cmp_op;
typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD } arith_op;

/* The functions calculations use (ODK's names), beyond those with a node
 * of their own. */
typedef enum {
    F_IF,
    F_CONCAT,
    F_COALESCE,
    F_ROUND,
    F_INT,
    F_NUMBER,
    F_STRING,
    F_BOOLEAN,
    F_SUM,
    F_ONCE,
    F_SELECTED_AT,
    F_FLOOR,
    F_CEILING,
    F_ABS,
    F_MIN,
    F_MAX,
    F_POW,
    F_CONTAINS,
    F_STARTS_WITH,
    F_ENDS_WITH,
    F_SUBSTR,
    F_NORMALIZE_SPACE
} expr_fn;

#define EXPR_MAX_ARGS 16

struct hys_expr {
    node_kind kind;
    int op;     /* N_CMP: a cmp_op; N_ARITH: an arith_op; N_CALL: an expr_fn */
    char *text; /* N_REF / N_FIELD name, N_STR value, N_SELECTED value */
    double num; /* N_NUM, N_BOOL */
    hys_expr *a, *b;
    regex_t *re;    /* N_REGEX: the pattern, compiled */
    int nargs;      /* N_CALL */
    hys_expr **arg; /* N_CALL: its arguments, in order */
};

#endif
