/* text: small UTF-8 and string helpers shared by the readers and the UI. */
#ifndef HYS_TEXT_H
#define HYS_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int hys_utf8_valid(const char *s, size_t n);
/* Decode one code point at s (n bytes available); returns its length in bytes
 * (>= 1) and stores the code point, or U+FFFD for a bad sequence. */
size_t hys_utf8_decode(const char *s, size_t n, unsigned *cp);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t hys_utf8_encode(unsigned cp, char *out);
/* Length in bytes of the last code point of s[0..n), 0 when n == 0. */
size_t hys_utf8_last_len(const char *s, size_t n);
/* The length of s without the sentence's end: spaces and the full stops,
 * question and exclamation marks of the scripts the kiosk speaks (. ? ! and
 * the Arabic, Urdu and Bengali ones), so it can sit inside a sentence. */
size_t hys_sentence_body(const char *s);
/* Trim ASCII whitespace and non-breaking spaces from both ends in place. */
char *hys_trim(char *s);
/* ASCII lower-case in place; returns s. */
char *hys_ascii_lower(char *s);
/* 1 when a and b are equal ignoring ASCII case. */
int hys_ieq(const char *a, const char *b);
/* The k-th (from 0) word of a space-separated list (a select_multiple's
 * answer): its length, with *start where it begins; 0 when there is none. */
size_t hys_word_at(const char *list, int k, const char **start);
/* 1 when the space-separated list holds the word w (not "" ). */
int hys_words_has(const char *list, const char *w);
/* Write one RFC 4180 CSV field (NULL as empty): quoted when it holds a comma,
 * quote or line break. A field that a spreadsheet would take for a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe, so a typed
 * answer can never run as a formula in Excel. */
void hys_csv_field(FILE *out, const char *s);

#endif
