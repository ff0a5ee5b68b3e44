/* po: the program's own words in other languages, read from gettext .po
 * files (locales/LANG.po) that translators edit with Poedit or Weblate.
 * English is the source language: a missing or empty translation shows the
 * English msgid. Fuzzy entries are not used. */
#ifndef HYS_PO_H
#define HYS_PO_H

#include "status.h"

#include <stddef.h>

typedef struct hys_po hys_po;

/* Parse a .po file held in data[0..n). On a syntax error returns NULL with
 * *rc = HYS_EFORMAT and "line N: reason" in err; HYS_ENOMEM on no memory. */
hys_po *hys_po_parse(const char *data, size_t n, hys_status *rc, char *err, size_t errn);
/* Read and parse locales_dir/CODE.po; NULL when there is none or it is broken
 * (err says which). */
hys_po *hys_po_load(const char *locales_dir, const char *code, hys_status *rc, char *err,
                    size_t errn);
void hys_po_destroy(hys_po *po);
/* The translation of msgid, or msgid itself when po is NULL or has none. */
const char *hys_po_get(const hys_po *po, const char *msgid);
/* Number of translated entries. */
int hys_po_count(const hys_po *po);

#endif
