/* easyread: warnings about hard-to-read words (see easyread.h). */
#include "easyread.h"

#include "../util/alloc.h"
#include "../util/text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_RULES 2000

typedef struct rule {
    char *hard, *easy;
    int jargon;
} rule;

typedef struct rules {
    rule r[MAX_RULES];
    int n;
} rules;

typedef struct checker {
    const hys_form *f;
    hys_diags *d;
    int added;
} checker;

static void free_rules(rules *rs)
{
    for (int i = 0; i < rs->n; i++) {
        hys_free(rs->r[i].hard);
        hys_free(rs->r[i].easy);
    }
    rs->n = 0;
}

/* DIR/LANG.txt: "[jargon]" and "[words]" sections of "hard = easy" lines. */
static void load_rules(const char *dir, const char *code, rules *rs)
{
    rs->n = 0;
    char base[16], path[1200], line[600];
    size_t n = 0;
    for (; code[n] && code[n] != '-' && code[n] != '_' && n + 1 < sizeof base; n++)
        base[n] = (char)tolower((unsigned char)code[n]);
    base[n] = '\0';
    snprintf(path, sizeof path, "%s/%s.txt", dir, base);
    FILE *fp = fopen(path, "r");
    if (!fp) return;
    int jargon = 0;
    while (fgets(line, sizeof line, fp) && rs->n < MAX_RULES) {
        char *s = hys_trim(line);
        if (!*s || *s == '#') continue;
        if (*s == '[') {
            jargon = !strncmp(s, "[jargon]", 8);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) continue;
        *eq = '\0';
        char *hard = hys_trim(s), *easy = hys_trim(eq + 1);
        if (!*hard || !*easy) continue;
        rule *r = &rs->r[rs->n];
        r->hard = hys_strdup(hard);
        r->easy = hys_strdup(easy);
        r->jargon = jargon;
        if (!r->hard || !r->easy) {
            hys_free(r->hard);
            hys_free(r->easy);
            break;
        }
        rs->n++;
    }
    fclose(fp);
}

static int word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || c == '\'' || c == '-';
}

/* phrase in text as whole words, ignoring case (ASCII), or NULL. */
static const char *find_words(const char *text, const char *phrase)
{
    size_t n = strlen(phrase);
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, phrase, n)) continue;
        if (p > text && word_byte((unsigned char)p[-1])) continue;
        if (word_byte((unsigned char)p[n])) continue;
        return p;
    }
    return NULL;
}

/* Does the UTF-8 at p end a sentence? Returns its length in bytes, or 0. */
static size_t sentence_end(const char *p)
{
    if (*p == '.' || *p == '!' || *p == '?') return 1;
    static const char *const ends[] = {"\xd8\x9f", "\xdb\x94", "\xe0\xa5\xa4"}; /* ؟ ۔ । */
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (!strncmp(p, ends[i], strlen(ends[i]))) return strlen(ends[i]);
    return 0;
}

static void warn(checker *k, const char *sheet, int row, int col, const char *fmt, const char *a,
                 const char *b, const char *c)
{
    hys_diags_add(k->d, HYS_DIAG_WARNING, sheet, row, col, fmt, a, b, c);
    k->added++;
}

/* Sentences over the limit, and words from the rules, in one text. */
static void check_words(checker *k, const char *sheet, int row, int col, const char *what,
                        const char *text, const rules *rs)
{
    const char *start = text;
    int words = 0, in_word = 0;
    for (const char *p = text;; p++) {
        size_t e = *p ? sentence_end(p) : 1;
        if (e) {
            if (in_word) words++;
            if (words > HYS_EASYREAD_MAX_WORDS) {
                char head[80], count[40];
                snprintf(head, sizeof head, "%.*s", (int)(p - start < 60 ? p - start : 60), start);
                size_t hl = strlen(head);
                while (hl > 0 && ((unsigned char)head[hl] & 0xC0) == 0x80)
                    head[--hl] = '\0'; /* whole characters only */
                snprintf(count, sizeof count, "%d words", words);
                warn(k, sheet, row, col,
                     "%s: a sentence of %s (\"%s...\"); easy read keeps to 15: split it in two",
                     what, count, hys_trim(head));
            }
            if (!*p) break;
            p += e - 1;
            start = p + 1;
            words = in_word = 0;
            continue;
        }
        int w = word_byte((unsigned char)*p);
        if (in_word && !w) words++;
        in_word = w;
    }
    for (int i = 0; i < rs->n; i++) {
        if (!find_words(text, rs->r[i].hard)) continue;
        if (rs->r[i].jargon)
            warn(k, sheet, row, col, "%s: \"%s\" is jargon: say \"%s\", or explain it right after",
                 what, rs->r[i].hard, rs->r[i].easy);
        else
            warn(k, sheet, row, col, "%s: \"%s\" is a hard word: \"%s\" is easier", what,
                 rs->r[i].hard, rs->r[i].easy);
    }
}

/* Labels present in some languages and missing in others. */
static void check_missing(checker *k, const char *sheet, int row, const char *what,
                          const hys_i18n *t)
{
    int any = 0;
    for (int i = 0; i < k->f->nlangs; i++)
        any |= t->by_lang[i] != NULL;
    if (!any) return;
    for (int i = 0; i < k->f->nlangs; i++) {
        if (t->by_lang[i]) continue;
        char lang[100];
        snprintf(lang, sizeof lang, "%s (%s)", k->f->langs[i].name, k->f->langs[i].code);
        warn(k, sheet, row, t->col[i] - 1,
             "no %s in %s: residents reading it see the text of another language%s", what, lang,
             "");
    }
}

/* The column a text's column header is in (any language), or -1. */
static int any_col(const hys_i18n *t)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        if (t->col[i]) return t->col[i] - 1;
    return -1;
}

int hys_easyread_check(const hys_form *f, const char *rules_dir, hys_diags *d)
{
    checker k = {f, d, 0};
    static rules rs;
    for (int l = 0; l < f->nlangs; l++) {
        load_rules(rules_dir ? rules_dir : ".", f->langs[l].code, &rs);
        char what[120];
        for (int q = 0; q < f->nquestions; q++) {
            const hys_question *qu = &f->questions[q];
            if (qu->label.by_lang[l]) {
                snprintf(what, sizeof what, "label in %s", f->langs[l].name);
                check_words(&k, "survey", qu->row, qu->label.col[l] - 1, what, qu->label.by_lang[l],
                            &rs);
            }
            if (qu->hint.by_lang[l]) {
                snprintf(what, sizeof what, "hint in %s", f->langs[l].name);
                check_words(&k, "survey", qu->row, qu->hint.col[l] - 1, what, qu->hint.by_lang[l],
                            &rs);
            }
            for (int c = 0; c < qu->nchoices; c++) {
                const hys_choice *ch = &qu->choices[c];
                int seen = 0; /* a list shared by two questions is checked once */
                for (int p = 0; p < q && !seen; p++)
                    for (int pc = 0; pc < f->questions[p].nchoices && !seen; pc++)
                        seen = f->questions[p].choices[pc].row == ch->row;
                if (seen || !ch->label.by_lang[l]) continue;
                snprintf(what, sizeof what, "answer in %s", f->langs[l].name);
                check_words(&k, "choices", ch->row, ch->label.col[l] - 1, what,
                            ch->label.by_lang[l], &rs);
            }
        }
        free_rules(&rs);
    }
    for (int q = 0; q < f->nquestions; q++) {
        const hys_question *qu = &f->questions[q];
        /* (labels missing in a language are reported when the set is read) */
        check_missing(&k, "survey", qu->row, "hint", &qu->hint);
        if (qu->type != HYS_Q_NOTE && hys_qtype_is_asked(qu->type) &&
            !hys_form_text(f, &qu->image, f->default_lang))
            warn(&k, "survey", qu->row, any_col(&qu->image),
                 "question %s has no picture (media::image)%s%s: easy read puts a picture beside "
                 "every question",
                 qu->name, "", "");
        char rows[200] = "";
        size_t len = 0;
        int missing = 0, first = 0;
        for (int c = 0; c < qu->nchoices; c++) {
            const hys_choice *ch = &qu->choices[c];
            int seen = 0;
            for (int p = 0; p < q && !seen; p++)
                for (int pc = 0; pc < f->questions[p].nchoices && !seen; pc++)
                    seen = f->questions[p].choices[pc].row == ch->row;
            if (seen || ch->kiosk_word) continue; /* (the kiosk's own: OK, Other, a number) */
            if (hys_form_text(f, &ch->image, f->default_lang)) continue;
            if (!missing++) first = ch->row;
            if (len < sizeof rows - 12)
                len += (size_t)snprintf(rows + len, sizeof rows - len, "%s%d", len ? ", " : "",
                                        ch->row);
        }
        if (missing) {
            char n[32];
            snprintf(n, sizeof n, "%d", missing);
            hys_diags_add(d, HYS_DIAG_WARNING, "choices", first, -1,
                          "%s answer%s of %s %s no picture (media::image; rows %s): easy read "
                          "gives every answer a picture",
                          n, missing == 1 ? "" : "s", qu->name, missing == 1 ? "has" : "have",
                          rows);
            k.added++;
        }
    }
    return k.added;
}
