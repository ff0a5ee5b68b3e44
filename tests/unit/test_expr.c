/* Tests for `relevant` and `constraint` expressions: parsing, evaluation
 * and error messages. */
#include "check.h"

#include "form/expr.h"

#include <string.h>

static const char *answers[][2] = {
    {"age", "42"}, {"took_part", "yes"}, {"stops", "bus worried"}, {"empty", ""}, {"name", "Ann"}};

static const char *lookup(void *ud, const char *name)
{
    if (!strcmp(name, ".")) return ud ? ud : ""; /* (a constraint's answer) */
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
        if (!strcmp(answers[i][0], name)) return answers[i][1];
    return "";
}

static int eval(const char *src)
{
    char err[200];
    hys_expr *e = hys_expr_parse(src, err, sizeof err);
    if (!e) {
        fprintf(stderr, "parse failed: %s: %s\n", src, err);
        return -1;
    }
    int v = hys_expr_eval(e, lookup, NULL);
    hys_expr_destroy(e);
    return v;
}

/* A constraint's verdict on the answer self: 1 kept, 0 refused, -1 unparsed. */
static int meets(const char *src, const char *self)
{
    char err[200];
    hys_expr *e = hys_expr_parse_constraint(src, err, sizeof err);
    if (!e) {
        fprintf(stderr, "parse failed: %s: %s\n", src, err);
        return -1;
    }
    int v = hys_expr_eval(e, lookup, (void *)self);
    hys_expr_destroy(e);
    return v;
}

/* Constraints as real forms write them: "." is the answer being checked. */
static void test_constraints(void)
{
    CHECK(meets(". >= 0 and . <= 120", "42") == 1);
    CHECK(meets(". >= 0 and . <= 120", "130") == 0);
    CHECK(meets(".>=18", "17") == 0);
    CHECK(meets(". > 0.5", ".75") == 1);
    CHECK(meets("string-length(.) <= 5", "Zażółć") == 0); /* 6 characters, 10 bytes */
    CHECK(meets("string-length(.) <= 6", "Zażółć") == 1);
    CHECK(meets("string-length(${name}) = 3", "") == 1);
    CHECK(meets("regex(., '^[0-9]{5}$')", "12345") == 1);
    CHECK(meets("regex(., '^[0-9]{5}$')", "1234a") == 0);
    CHECK(meets("count-selected(.) <= 2", "a b") == 1);
    CHECK(meets("count-selected(.) <= 2", "a b c") == 0);
    CHECK(meets("not(selected(., 'none') and count-selected(.) > 1)", "none bus") == 0);
    CHECK(meets(". != ${age}", "42") == 0);
    char err[200];
    hys_expr *e = hys_expr_parse_constraint("regex(., '[')", err, sizeof err);
    CHECK(e == NULL && strstr(err, "pattern"));
    hys_expr_destroy(e);
    e = hys_expr_parse_constraint("regex(., '(a{99}){99}{99}')", err, sizeof err);
    CHECK(e == NULL && strstr(err, "repeats too much"));
    hys_expr_destroy(e);
    e = hys_expr_parse_constraint("regex(., 'a{1000}')", err, sizeof err);
    CHECK(e == NULL && strstr(err, "repeats too much"));
    hys_expr_destroy(e);
    /* what the fuzzer found: glibc's regcomp ran out of memory on a++++…
     * (tests/fuzz/regressions/expr/regex-many-pluses-oom) */
    e = hys_expr_parse_constraint("regex(., 'a++++++++++++')", err, sizeof err);
    CHECK(e == NULL && strstr(err, "repeats too much"));
    hys_expr_destroy(e);
    CHECK(meets("regex(., '^[A-Za-z +*]+$')", "a+b") == 1); /* (in [ ] a + is a plus) */
    CHECK(meets("regex(., '^(07|447)[0-9]{9}$')", "07700900123") == 1);
    CHECK(meets("regex(., '^[[:alpha:] ]+$')", "Ann Lee") == 1);
    CHECK(meets(". > .5", "0.75") == 1); /* (.5 is a number, not this answer) */
    /* a second reading's finds: a set that hid repeats, repeats of
     * repeats, and a back-reference (slow to match) are all refused */
    static const char *const wild[] = {"regex(., '[[:alpha:][]((((a{99}){99}){99}){99})]')",
                                       "regex(., '((((a+)+)+)+)')", "regex(., '(|)(\\1\\1)*')",
                                       "regex(., '(a*)*')"};
    for (int i = 0; i < 4; i++) {
        e = hys_expr_parse_constraint(wild[i], err, sizeof err);
        CHECK(e == NULL && strstr(err, "repeats too much"));
        hys_expr_destroy(e);
    }
    CHECK(meets("regex(., '^0[0-9]{9,10}$')", "07700900123") == 1);
    e = hys_expr_parse_constraint("string-length(. <= 3", err, sizeof err);
    CHECK(e == NULL && strstr(err, "expected )"));
    hys_expr_destroy(e);
}

static void expect_error(const char *src, const char *fragment)
{
    char err[200];
    hys_expr *e = hys_expr_parse(src, err, sizeof err);
    CHECK(e == NULL);
    if (!strstr(err, fragment)) fprintf(stderr, "error for %s was: %s\n", src, err);
    CHECK(strstr(err, fragment) != NULL);
    hys_expr_destroy(e);
}

static void count_ref(void *ud, const char *name)
{
    (void)name;
    (*(int *)ud)++;
}

/* An error is one line of whole UTF-8 characters, whatever the expression
 * holds (the fuzzers found both broken). */
static void test_error_text(void)
{
    /* (the third: a name of Bengali letters in a reason longer than err,
     * cut mid-letter once the list of what is supported grew) */
    static const char *const srcs[] = {
        "nope\n= 1", "1 = 1 x\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac",
        "a\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac"
        "\xe0\xa6\xac&\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac\xe0\xa6\xac"};
    for (int i = 0; i < 3; i++) {
        char err[200] = "";
        hys_expr *e = hys_expr_parse(srcs[i], err, sizeof err);
        CHECK(e == NULL && err[0]);
        CHECK(!strchr(err, '\n') && !strchr(err, '\r'));
        int cont = 0, broken = 0; /* continuation bytes owed: a cut character leaves some */
        for (const unsigned char *p = (const unsigned char *)err; *p; p++) {
            if ((*p & 0xC0) == 0x80) {
                broken |= cont == 0;
                cont--;
            } else {
                broken |= cont != 0;
                cont = *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : 0;
            }
        }
        CHECK(!broken && cont == 0);
        hys_expr_destroy(e);
    }
}

int main(void)
{
    test_error_text();
    test_constraints();
    CHECK(eval("${took_part} = 'yes'") == 1);
    CHECK(eval("${took_part} != 'yes'") == 0);
    CHECK(eval("${took_part}='no'") == 0);
    CHECK(eval("${age} > 18") == 1);
    CHECK(eval("${age} >= 42 and ${age} <= 42") == 1);
    CHECK(eval("${age} < 18 or ${took_part} = \"yes\"") == 1);
    CHECK(eval("not(${age} < 18)") == 1);
    CHECK(eval("(${age} > 50 or ${age} < 10) and ${took_part} = 'yes'") == 0);
    CHECK(eval("${age} = 42") == 1);
    CHECK(eval("${age} = '42'") == 1);
    CHECK(eval("${empty} = ''") == 1);
    CHECK(eval("${empty} > 3") == 0); /* not answered: no number */
    CHECK(eval("${empty} < 3") == 0);
    CHECK(eval("${unknown} = ''") == 1);
    CHECK(eval("selected(${stops}, 'bus')") == 1);
    CHECK(eval("selected(${stops}, 'bu')") == 0);
    CHECK(eval("selected( ${stops} , \"worried\" )") == 1);
    CHECK(eval("count-selected(${stops}) = 2") == 1);
    CHECK(eval("count-selected(${stops}) >= 3") == 0);
    CHECK(eval("count-selected(${empty}) = 0") == 1);
    CHECK(eval("true()") == 1);
    CHECK(eval("false() or true()") == 1);
    CHECK(eval("${name}") == 1);
    CHECK(eval("-1 < 0") == 1);
    CHECK(eval("${age} != 41 and not(selected(${stops}, 'other'))") == 1);

    int refs = 0;
    char err[200];
    hys_expr *e = hys_expr_parse("${a} = 1 and selected(${b}, 'x') or ${a} = 2", err, sizeof err);
    CHECK(e != NULL);
    hys_expr_each_ref(e, count_ref, &refs);
    CHECK(refs == 3);
    hys_expr_destroy(e);

    expect_error("${age > 3", "${question_name}");
    expect_error("${age} = 'yes", "never closed");
    expect_error("(${age} = 1", "expected )");
    expect_error("${age} = ", "ends too early");
    expect_error("today() > 3", "\"today\" is not supported");
    expect_error(". > 3", "constraints");
    expect_error("selected(${stops})", "expected ,");
    expect_error("selected('a', 'b')", "selected needs a question");
    expect_error("${a} = 1 ${b}", "unexpected text");
    expect_error("not ${a}", "expected ( after not");
    /* deep nesting is refused, not a stack overflow */
    char deep[600];
    memset(deep, '(', 200);
    strcpy(deep + 200, "1");
    memset(deep + 201, ')', 200);
    deep[401] = '\0';
    expect_error(deep, "nested too deeply");
    char longx[2000];
    memset(longx, 'x', sizeof longx - 1);
    longx[sizeof longx - 1] = '\0';
    expect_error(longx, "longer than");
    return check_done();
}
