/* easyread: reviews a question set's words against easy-read guidance and
 * adds warnings (never errors: the set still runs) with the row, the
 * column and a suggestion: sentences over 15 words, hard words and jargon
 * from a per-language rules file (assets/easy-read/LANG.txt), questions and
 * answers without a picture, and labels missing in one of the languages. */
#ifndef HYS_EASYREAD_H
#define HYS_EASYREAD_H

#include "diag.h"
#include "form.h"

#define HYS_EASYREAD_MAX_WORDS 15 /* words in a sentence */

/* Add the warnings for f to d. rules_dir holds LANG.txt files (a language
 * without one gets only the checks that need no word list). Returns the
 * number of warnings added. */
int hys_easyread_check(const hys_form *f, const char *rules_dir, hys_diags *d);

#endif
