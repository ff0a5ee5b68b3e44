/* fill: a question's words with the answers they name put in (${name} in
 * a label, hint or message, as ODK shows them): a choice as its words in
 * the resident's language, a calculation or typed answer as it is. */
#include "journey_private.h"

#include <string.h>

/* Appends s[0..n) to out (at *at, capacity cap), never past its end nor
 * through the middle of a character. */
static void put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    if (*at + 1 >= cap) return;
    if (n > cap - 1 - *at) {
        n = cap - 1 - *at;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out + *at, s, n);
    *at += n;
    out[*at] = '\0';
}

static void put_str(char *out, size_t cap, size_t *at, const char *s)
{
    put(out, cap, at, s, strlen(s));
}

/* The words of question qi's answer, in language lang. */
static void put_answer(const hys_journey *j, int qi, int lang, char *out, size_t cap, size_t *at)
{
    const hys_question *q = &j->f->questions[qi];
    const char *v;
    if (hys_journey_answer(j, qi, &v) != HYS_STATUS_ANSWERED) return;
    if (q->type != HYS_Q_SELECT_ONE && q->type != HYS_Q_SELECT_MULTIPLE) {
        put_str(out, cap, at, v);
        return;
    }
    int first = 1;
    for (int c = 0; c < q->nchoices; c++) { /* (in the list's order) */
        const char *name = q->choices[c].name;
        /* (of a name a list has twice, the one its choice_filter shows) */
        if (!hys_words_has(v, name) || !hys_journey_choice_shown(j, qi, c)) continue;
        const char *words = hys_form_text(j->f, &q->choices[c].label, lang);
        if (!first) put_str(out, cap, at, ", ");
        put_str(out, cap, at, words ? words : name);
        first = 0;
    }
}

const char *hys_journey_text(const hys_journey *j, const hys_i18n *t, int lang, char *out, size_t n)
{
    const char *s = hys_form_text(j->f, t, lang);
    if (!s || !strstr(s, "${") || n == 0) return s;
    size_t at = 0;
    out[0] = '\0';
    const char *p = s, *next, *name;
    size_t len;
    while ((next = hys_form_next_ref(p, &name, &len))) {
        put(out, n, &at, p, (size_t)(name - 2 - p));
        char key[256];
        if (len < sizeof key) {
            memcpy(key, name, len);
            key[len] = '\0';
            int qi = hys_form_find(j->f, key);
            if (qi >= 0) put_answer(j, qi, lang, out, n, &at);
        }
        p = next;
    }
    put_str(out, n, &at, p);
    return out;
}
