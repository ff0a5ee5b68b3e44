/* Tests for `relevant` and `constraint` expressions: parsing, evaluation
 * and error messages. */
#include "check.h"

#include "form/expr.h"

#include <math.h>
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

static void count_ref_field(void *ud, const char *name)
{
    (void)name;
    (*(int *)ud)++;
}

/* A calculation's value as text (what a label shows and the answers keep). */
static int calc_is(const char *src, const char *want)
{
    char err[200], got[256];
    hys_expr *e = hys_expr_parse(src, err, sizeof err);
    if (!e) {
        fprintf(stderr, "parse failed: %s: %s\n", src, err);
        return 0;
    }
    hys_expr_text(e, lookup, NULL, got, sizeof got);
    hys_expr_destroy(e);
    if (strcmp(got, want)) fprintf(stderr, "%s gave \"%s\", not \"%s\"\n", src, got, want);
    return !strcmp(got, want);
}

/* Calculations as the KoboToolbox and ODK forms people share write them. */
static void test_calculations(void)
{
    CHECK(calc_is("${age} + 1", "43"));
    CHECK(calc_is("${age} * 2 - 4 div 2", "82")); /* * and div before - */
    CHECK(calc_is("(${age} - 2) div 8", "5"));
    CHECK(calc_is("${age} mod 5", "2"));
    CHECK(calc_is("-${age} + 2", "-40"));
    CHECK(calc_is("${age}-2", "40"));
    CHECK(calc_is("10 div 4", "2.5"));
    CHECK(calc_is("1 div 3 * 3", "1"));
    CHECK(calc_is("${empty} + 1", "")); /* unanswered: no number, nothing shown */
    CHECK(calc_is("1 div 0", ""));
    CHECK(calc_is("if(${age} >= 18, 'adult', 'child')", "adult"));
    CHECK(calc_is("if(${empty} = '', 'none', ${empty})", "none"));
    CHECK(calc_is("concat(${name}, ' is ', ${age})", "Ann is 42"));
    CHECK(calc_is("concat('Zażółć', ' ', 'gęślą')", "Zażółć gęślą"));
    CHECK(calc_is("coalesce(${empty}, ${name})", "Ann"));
    CHECK(calc_is("coalesce(${name}, 'x')", "Ann"));
    CHECK(calc_is("round(2.5)", "3"));
    CHECK(calc_is("round(-2.5)", "-2")); /* XPath: halves up */
    CHECK(calc_is("round(3.14159, 2)", "3.14"));
    CHECK(calc_is("round(-2.5, 0)", "-3")); /* ODK's two-value round: halves away from 0 */
    CHECK(calc_is("int(7.9)", "7"));
    CHECK(calc_is("int(-7.9)", "-7"));
    CHECK(calc_is("number('  12 ')", "12"));
    CHECK(calc_is("number('twelve')", ""));
    CHECK(calc_is("string(${age} div 4)", "10.5"));
    CHECK(calc_is("string(1 div 0)", "Infinity"));
    CHECK(calc_is("string(${age} > 3)", "true"));
    CHECK(calc_is("boolean(${empty})", "false"));
    CHECK(calc_is("sum(${age})", "42"));
    CHECK(calc_is("once(concat('a', 'b'))", "ab"));
    CHECK(calc_is("selected-at(${stops}, 1)", "worried"));
    CHECK(calc_is("selected-at(${stops}, 2)", ""));
    CHECK(calc_is("selected-at(${stops}, -1)", ""));
    CHECK(calc_is("count-selected(${stops}) * 10", "20"));
    CHECK(calc_is("floor(-1.5) + ceiling(1.2) + abs(-3)", "3"));
    CHECK(calc_is("min(3, ${age}, 7)", "3"));
    CHECK(calc_is("max(3, ${age}, 7)", "42"));
    CHECK(calc_is("max(3, ${empty})", ""));
    CHECK(calc_is("pow(2, 10)", "1024"));
    CHECK(calc_is("substr('Zażółć', 2, 4)", "żó")); /* characters, not bytes */
    CHECK(calc_is("substr('abc', 1)", "bc"));
    CHECK(calc_is("substr('abc', 5, 9)", ""));
    CHECK(calc_is("normalize-space('  a   b ')", "a b"));
    CHECK(calc_is("contains(${stops}, 'worr') and starts-with(${name}, 'A') and "
                  "ends-with(${name}, 'nn')",
                  "true"));
    CHECK(calc_is("string-length(concat(${name}, ${name}))", "6"));
    CHECK(calc_is("0.1 + 0.2", "0.3"));
    CHECK(calc_is("-0 * 1", "0"));
    /* a result longer than the buffer is cut at a whole character */
    char err[200], got[8];
    hys_expr *e = hys_expr_parse("concat('aaaaaa', 'ł', 'b')", err, sizeof err);
    CHECK(e != NULL);
    hys_expr_text(e, lookup, NULL, got, sizeof got);
    CHECK(!strcmp(got, "aaaaaa"));
    hys_expr_destroy(e);
    /* a relevant may now do sums too */
    CHECK(eval("${age} + 8 = 50") == 1);
    CHECK(eval("${age} div 2 > 20 and ${age} - 40 < 3") == 1);
}

/* A choice_filter: a bare name is the choice's column, asked for as "@name". */
static const char *choice_lookup(void *ud, const char *name)
{
    (void)ud;
    if (name[0] == '@' && strlen(name) > 64) return "kent"; /* (a long column name, whole) */
    if (!strcmp(name, "@county")) return "kent";
    if (!strcmp(name, "county")) return "kent"; /* the question ${county} */
    return "";
}

static void test_filters(void)
{
    char err[200];
    hys_expr *e = hys_expr_parse_filter("county = ${county}", err, sizeof err);
    CHECK(e != NULL);
    if (e) CHECK(hys_expr_eval(e, choice_lookup, NULL) == 1);
    int fields = 0, refs = 0;
    hys_expr_each_field(e, count_ref_field, &fields);
    hys_expr_each_ref(e, count_ref_field, &refs);
    CHECK(fields == 1 && refs == 1);
    hys_expr_destroy(e);
    /* a column's long name is looked up whole */
    char longer[200];
    snprintf(longer, sizeof longer, "%070d = 'kent'", 0);
    longer[0] = 'c';
    e = hys_expr_parse_filter(longer, err, sizeof err);
    CHECK(e != NULL && hys_expr_eval(e, choice_lookup, NULL) == 1);
    hys_expr_destroy(e);
    e = hys_expr_parse("county = ${county}", err, sizeof err); /* not a filter: refused */
    CHECK(e == NULL && strstr(err, "\"county\" is not supported"));
    hys_expr_destroy(e);
}

/* The least and greatest a constraint lets a number be (for the number
 * pad's instruction): only plain comparisons joined by and count. */
static void test_bounds(void)
{
    static const struct {
        const char *src;
        double min, max;
    } cases[] = {{". >= 16 and . <= 120", 16, 120},
                 {"120 >= . and 16 <= .", 16, 120},
                 {". <= 100", -INFINITY, 100},
                 {". > 0", 0, INFINITY},
                 {". >= 0 and . <= 10 and . <= 5", 0, 5},
                 {". <= 5 or . >= 10", -INFINITY, INFINITY},
                 {"regex(., '^[0-9]+$')", -INFINITY, INFINITY}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[200];
        hys_expr *e = hys_expr_parse_constraint(cases[i].src, err, sizeof err);
        double lo, hi;
        hys_expr_bounds(e, &lo, &hi);
        CHECK(e && lo == cases[i].min && hi == cases[i].max);
        hys_expr_destroy(e);
    }
    double lo, hi;
    hys_expr_bounds(NULL, &lo, &hi);
    CHECK(isinf(lo) && isinf(hi));
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
    test_calculations();
    test_filters();
    test_bounds();
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
    expect_error("today() > 3", "today() gives the date, and a kiosk keeps no dates");
    expect_error("nope > 3", "\"nope\" is not supported");
    expect_error("jr:choice-name(${a}, '${a}')", "jr:choice-name() is not supported");
    expect_error("pulldata('x', 'a', 'b', 'c')", "pulldata() reads another file");
    expect_error("wibble(1)", "the function wibble() is not supported");
    expect_error("if(1, 2)", "if() takes 3 values, not 2");
    expect_error("round(1, 2, 3)", "round() takes 1 to 2 values, not 3");
    expect_error("concat(1, 2", "expected , or ) in concat(");
    expect_error("--", "ends too early");
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
