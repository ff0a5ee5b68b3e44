/* Fuzzes the expression parsers and the evaluator (hys_expr_parse,
 * hys_expr_parse_constraint, hys_expr_parse_filter, hys_expr_each_ref,
 * hys_expr_each_field, hys_expr_eval, hys_expr_text, hys_expr_destroy) with
 * the input as a NUL-terminated string, parsed all three ways. Must hold for every input: no crash,
 * no leak, no ASan/UBSan finding, bounded time and stack; a refused expression always has a
 * one-line reason, valid UTF-8 when the expression is (it quotes the expression); a parsed one
 * evaluates to 0 or 1 under any answers, and to text that fits its buffer and is valid UTF-8 when
 * the answers are. */
#include "form/expr.h"
#include "util/text.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A few fixed answers, chosen per name so every kind of comparison runs. */
static const char *lookup(void *ud, const char *name)
{
    (void)ud;
    static const char *answers[] = {"", "42", "yes", "bus worried", "-3.5", "1e308", "NaN", "no"};
    size_t h = 0;
    for (const char *p = name; *p; p++)
        h = h * 31 + (unsigned char)*p;
    return answers[h % (sizeof answers / sizeof answers[0])];
}

static const char *lookup_null(void *ud, const char *name)
{
    (void)ud, (void)name;
    return NULL;
}

static void count_ref(void *ud, const char *name)
{
    if (!name) abort();
    ++*(int *)ud;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *src = malloc(size + 1);
    if (!src) return 0;
    memcpy(src, data, size);
    src[size] = '\0';
    for (int way = 0; way < 3; way++) {
        char err[200];
        hys_expr *e = way == 1   ? hys_expr_parse_constraint(src, err, sizeof err)
                      : way == 2 ? hys_expr_parse_filter(src, err, sizeof err)
                                 : hys_expr_parse(src, err, sizeof err);
        if (!e) {
            if (!err[0] || strchr(err, '\n') || strchr(err, '\r')) abort(); /* one line */
            if (hys_utf8_valid(src, strlen(src)) && !hys_utf8_valid(err, strlen(err))) abort();
        } else {
            int refs = 0;
            hys_expr_each_ref(e, count_ref, &refs);
            hys_expr_each_field(e, count_ref, &refs);
            char text[64];
            hys_expr_text(e, lookup, NULL, text, sizeof text);
            if (strlen(text) >= sizeof text) abort();
            if (hys_utf8_valid(src, strlen(src)) && !hys_utf8_valid(text, strlen(text))) abort();
            int v = hys_expr_eval(e, lookup, NULL);
            int w = hys_expr_eval(e, lookup_null, NULL);
            if ((v != 0 && v != 1) || (w != 0 && w != 1)) abort();
            hys_expr_destroy(e);
        }
    }
    free(src);
    return 0;
}
