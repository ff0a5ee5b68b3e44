/* bidi: logical text -> visual runs (see bidi.h). */
#include "bidi.h"

#include "../util/text.h"

#include <fribidi.h>
#include <string.h>

#define MAX_CHARS 2048

hys_script hys_script_of(unsigned cp)
{
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return HYS_SCRIPT_ARABIC;
    if (cp >= 0x0980 && cp <= 0x09FF) return HYS_SCRIPT_BENGALI;
    if (cp >= 0x0A00 && cp <= 0x0A7F) return HYS_SCRIPT_GURMUKHI;
    return HYS_SCRIPT_LATIN;
}

const char *hys_script_tag(hys_script s)
{
    static const char *const tags[] = {"Latn", "Arab", "Beng", "Guru"};
    return tags[s];
}

/* 1 when code's language part (before - or _) is one of the n in list. */
static int lang_in(const char *code, const char *const *list, size_t n)
{
    char base[8];
    size_t k = 0;
    for (; code && code[k] && code[k] != '-' && code[k] != '_' && k + 1 < sizeof base; k++)
        base[k] = code[k];
    base[k] = '\0';
    for (size_t i = 0; i < n; i++)
        if (hys_ieq(base, list[i])) return 1;
    return 0;
}

int hys_lang_is_rtl(const char *code)
{
    static const char *const rtl[] = {"ar", "ur", "fa", "he", "ps", "sd", "ug", "yi", "ckb", "dv"};
    return lang_in(code, rtl, sizeof rtl / sizeof rtl[0]);
}

const char *hys_lang_list_comma(const char *code)
{
    /* the languages written in Arabic script use the Arabic comma */
    static const char *const arabic[] = {"ar", "ur", "fa", "ps", "sd", "ug", "ckb"};
    return lang_in(code, arabic, sizeof arabic / sizeof arabic[0]) ? "\xd8\x8c " : ", ";
}

/* Does this code point have a script of its own (letters), or does it take
 * its neighbours' (digits, spaces, punctuation)? */
static int is_neutral_script(unsigned cp)
{
    if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    if (cp >= 0x0660 && cp <= 0x0669) return 0; /* Arabic-Indic digits: Arabic fonts */
    if (cp >= 0x06F0 && cp <= 0x06F9) return 0;
    if (cp == 0x0964 || cp == 0x0965) return 1; /* danda: Bengali and Gurmukhi full stops */
    if (cp == 0x25CC) return 1;                 /* dotted circle: shows a vowel sign on its own */
    return (cp >= 0x2000 && cp <= 0x206F) || cp == 0x00A0 || cp == 0x00AB || cp == 0x00BB;
}

int hys_bidi_runs(const char *s, size_t len, int base_rtl, hys_run *runs, int max)
{
    static FriBidiChar u[MAX_CHARS];
    static size_t at[MAX_CHARS + 1]; /* byte offset of each code point */
    static FriBidiCharType types[MAX_CHARS];
    static FriBidiBracketType brackets[MAX_CHARS];
    static FriBidiLevel levels[MAX_CHARS];
    static hys_script script[MAX_CHARS];
    int n = 0;
    size_t i = 0;
    while (i < len && n < MAX_CHARS) { /* a longer line is cut: lines are short */
        unsigned cp;
        size_t l = hys_utf8_decode(s + i, len - i, &cp);
        if (!l) l = 1;
        at[n] = i;
        u[n++] = cp;
        i += l;
    }
    at[n] = i;
    if (n == 0 || max <= 0) return 0;
    fribidi_get_bidi_types(u, n, types);
    fribidi_get_bracket_types(u, n, types, brackets);
    FriBidiParType dir = base_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, n, &dir, levels))
        memset(levels, base_rtl, (size_t)n * sizeof levels[0]);
    /* scripts: a digit, space or mark takes the script of the nearest letter
     * at its own level, before it if there is one, else after it */
    for (int c = 0; c < n; c++)
        script[c] = hys_script_of(u[c]);
    for (int c = 0; c < n; c++) {
        if (!is_neutral_script(u[c])) continue;
        int k = c - 1;
        while (k >= 0 && (levels[k] != levels[c] || is_neutral_script(u[k])))
            k--;
        if (k < 0) {
            k = c + 1;
            while (k < n && (levels[k] != levels[c] || is_neutral_script(u[k])))
                k++;
        }
        script[c] = k >= 0 && k < n ? script[k] : HYS_SCRIPT_LATIN;
    }
    /* runs in logical order: same level and script */
    int nr = 0;
    int lev[HYS_BIDI_MAX_RUNS];
    for (int c = 0; c < n && nr < max && nr < HYS_BIDI_MAX_RUNS;) {
        int j = c + 1;
        while (j < n && levels[j] == levels[c] && script[j] == script[c])
            j++;
        runs[nr].start = at[c];
        runs[nr].len = at[j] - at[c];
        runs[nr].rtl = levels[c] & 1;
        runs[nr].script = script[c];
        lev[nr++] = levels[c];
        c = j;
    }
    /* UAX #9 L2: from the highest level down to the lowest odd one, reverse
     * every stretch of runs at that level or above */
    int hi = 0, lo_odd = 255;
    for (int r = 0; r < nr; r++) {
        if (lev[r] > hi) hi = lev[r];
        if ((lev[r] & 1) && lev[r] < lo_odd) lo_odd = lev[r];
    }
    for (int level = hi; level >= lo_odd && level > 0; level--) {
        for (int r = 0; r < nr;) {
            if (lev[r] < level) {
                r++;
                continue;
            }
            int e = r;
            while (e < nr && lev[e] >= level)
                e++;
            for (int a = r, b = e - 1; a < b; a++, b--) {
                hys_run t = runs[a];
                runs[a] = runs[b], runs[b] = t;
                int tl = lev[a];
                lev[a] = lev[b], lev[b] = tl;
            }
            r = e;
        }
    }
    return nr;
}
