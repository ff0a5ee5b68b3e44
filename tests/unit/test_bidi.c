/* Bidi runs: digits and Latin words inside Arabic and Urdu come out in the
 * right visual order, scripts are split for their fonts, and left-to-right
 * text stays one run. */
#include "check.h"

#include "text/bidi.h"
#include "util/text.h"

#include <string.h>

static hys_run runs[HYS_BIDI_MAX_RUNS];

static int split(const char *s, int rtl)
{
    return hys_bidi_runs(s, strlen(s), rtl, runs, HYS_BIDI_MAX_RUNS);
}

/* The text of run i, without spaces at its ends. */
static const char *run_text(const char *s, int i)
{
    static char buf[256];
    size_t a = runs[i].start, n = runs[i].len;
    while (n && s[a] == ' ')
        a++, n--;
    while (n && s[a + n - 1] == ' ')
        n--;
    snprintf(buf, sizeof buf, "%.*s", (int)n, s + a);
    return buf;
}

int main(void)
{
    const char *en = "Question 2 of 8";
    CHECK(split(en, 0) == 1);
    CHECK(runs[0].rtl == 0 && runs[0].script == HYS_SCRIPT_LATIN && runs[0].len == strlen(en));

    /* Urdu with an English abbreviation: "Do you use the NHS?" */
    const char *ur = "کیا آپ NHS استعمال کرتے ہیں؟";
    CHECK(split(ur, 1) == 3);
    CHECK(runs[0].rtl == 1 && strstr(run_text(ur, 0), "ہیں؟") != NULL); /* the end, on the left */
    CHECK_STR(run_text(ur, 1), "NHS");
    CHECK(runs[1].rtl == 0 && runs[1].script == HYS_SCRIPT_LATIN);
    CHECK(runs[2].rtl == 1 && runs[2].script == HYS_SCRIPT_ARABIC);
    CHECK_STR(run_text(ur, 2), "کیا آپ"); /* the start, on the right */

    /* Arabic with a number: "I am 18 years old"; 18 stays 18, not 81 */
    const char *ar = "عمري 18 سنة";
    CHECK(split(ar, 1) == 3);
    CHECK_STR(run_text(ar, 0), "سنة");
    CHECK_STR(run_text(ar, 1), "18");
    CHECK(runs[1].rtl == 0);
    CHECK_STR(run_text(ar, 2), "عمري");

    /* two Latin words and a number inside Urdu keep their own order */
    const char *mix = "فون 111 یا NHS App";
    int n = split(mix, 1);
    CHECK(n >= 3);
    CHECK_STR(run_text(mix, 0), "NHS App");
    CHECK(runs[0].rtl == 0);

    /* scripts with their own fonts */
    CHECK(split("আপনার বয়স কত?", 0) == 1 && runs[0].script == HYS_SCRIPT_BENGALI);
    CHECK(split("ਤੁਹਾਡੀ ਉਮਰ 18", 0) == 1 && runs[0].script == HYS_SCRIPT_GURMUKHI);
    CHECK(split("Polski", 1) == 1 && runs[0].rtl == 0);
    /* the danda full stop goes with the Bengali or Gurmukhi before it */
    CHECK(split("আপনার উত্তর রাখা হয়েছে।", 0) == 1 && runs[0].script == HYS_SCRIPT_BENGALI);
    CHECK(split("ਧੰਨਵਾਦ।", 0) == 1 && runs[0].script == HYS_SCRIPT_GURMUKHI);
    CHECK(split("", 0) == 0);

    CHECK(hys_lang_is_rtl("ur") && hys_lang_is_rtl("ar-EG") && hys_lang_is_rtl("fa"));
    CHECK(!hys_lang_is_rtl("en") && !hys_lang_is_rtl("pa") && !hys_lang_is_rtl(NULL));
    /* lists: the Arabic comma in Arabic script, not in Hebrew or Latin */
    CHECK_STR(hys_lang_list_comma("ur"), "\xd8\x8c ");
    CHECK_STR(hys_lang_list_comma("ar-EG"), "\xd8\x8c ");
    CHECK_STR(hys_lang_list_comma("he"), ", ");
    CHECK_STR(hys_lang_list_comma("pl"), ", ");
    CHECK_STR(hys_lang_list_comma(NULL), ", ");
    /* a question inside a sentence loses its own end, in every script */
    CHECK(hys_sentence_body("How good is it?") == strlen("How good is it"));
    CHECK(hys_sentence_body("I feel safe. ") == strlen("I feel safe"));
    CHECK(hys_sentence_body("\xd8\xa7\xd8\xb1\xd8\x9f") == 4); /* Urdu/Arabic "?" */
    CHECK(hys_sentence_body("\xe0\xa6\x95\xe0\xa5\xa4") == 3); /* Bengali danda */
    CHECK(hys_sentence_body("...") == 0 && hys_sentence_body(NULL) == 0);
    CHECK(hys_sentence_body("3.5 km") == strlen("3.5 km"));
    CHECK_STR(hys_script_tag(HYS_SCRIPT_ARABIC), "Arab");
    return check_done();
}
