/* text: UTF-8 and string helpers (see text.h). */
#include "text.h"

#include <string.h>

size_t hys_utf8_decode(const char *str, size_t n, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    *cp = 0xFFFD;
    if (n == 0) return 0;
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 1;
    }
    if (n < len) return 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 1;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 1;
    *cp = c;
    return len;
}

int hys_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned cp;
        size_t l = hys_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && !(l == 3 && (unsigned char)s[i] == 0xEF)) return 0;
        i += l;
    }
    return 1;
}

size_t hys_utf8_encode(unsigned cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t hys_utf8_last_len(const char *s, size_t n)
{
    if (n == 0) return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && n - i < 4)
        i--;
    return n - i;
}

static int is_space_at(const char *s, size_t *len)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
        *len = 1;
        return 1;
    }
    if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
        *len = 2;
        return 1;
    }
    return 0;
}

char *hys_trim(char *s)
{
    size_t l;
    char *p = s;
    while (*p && is_space_at(p, &l))
        p += l;
    if (p != s) memmove(s, p, strlen(p) + 1);
    size_t n = strlen(s);
    for (;;) {
        if (n >= 1 && is_space_at(s + n - 1, &l) && l == 1) {
            n -= 1;
        } else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) {
            n -= 2;
        } else {
            break;
        }
        s[n] = '\0';
    }
    return s;
}

char *hys_ascii_lower(char *s)
{
    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return s;
}

int hys_ieq(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
        if (!x) return 1;
    }
}

size_t hys_word_at(const char *list, int k, const char **start)
{
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if (p > s && k-- == 0) {
            *start = s;
            return (size_t)(p - s);
        }
    }
    return 0;
}

int hys_words_has(const char *list, const char *w)
{
    size_t n = strlen(w), len;
    const char *s;
    for (int k = 0; n && (len = hys_word_at(list, k, &s)) > 0; k++)
        if (len == n && !strncmp(s, w, n)) return 1;
    return 0;
}

void hys_csv_field(FILE *out, const char *s)
{
    if (!s) s = "";
    int formula = strchr("=+-@\t", s[0]) != NULL && s[0];
    if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (formula) fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

size_t hys_sentence_body(const char *s)
{
    /* U+061F Arabic question mark, U+06D4 Urdu full stop, U+0964 danda */
    static const unsigned ends[] = {'.', '?', '!', ' ', 0x061F, 0x06D4, 0x0964};
    size_t n = s ? strlen(s) : 0;
    while (n) {
        size_t l = hys_utf8_last_len(s, n);
        unsigned cp;
        hys_utf8_decode(s + n - l, l, &cp);
        int end = 0;
        for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
            end |= cp == ends[i];
        if (!end) break;
        n -= l;
    }
    return n;
}
