/* Fuzzes the whole question-set loader (hys_form_load_mem: the .xlsx or CSV
 * reader, then every check of the XLSForm: sheets, types, choices, languages,
 * `relevant` expressions, settings) with arbitrary bytes: zip data is read
 * as an .xlsx, a plain-text list of parts is stored into a zip first and
 * read as an .xlsx (see fuzz_zip.h), anything else is read as a CSV form.
 * Pictures are not looked for.
 * Must hold for every input: no crash, no leak, no ASan/UBSan finding,
 * bounded time and memory; a form is returned exactly when there are no
 * errors, and then has at least one question and a valid default language. */
#include "form/diag.h"
#include "form/form.h"

#include "fuzz_zip.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t zn = 0;
    char *zip = fuzz_parts_zip(data, size, &zn);
    const char *name = zip || (size >= 2 && !memcmp(data, "PK", 2)) ? "fuzz.xlsx" : "fuzz.csv";
    hys_diags *d = hys_diags_create(name);
    if (!d) {
        free(zip);
        return 0;
    }
    hys_status rc = HYS_OK;
    hys_form *f = zip ? hys_form_load_mem(name, NULL, zip, zn, d, &rc)
                      : hys_form_load_mem(name, NULL, (const char *)data, size, d, &rc);
    if (!f != (hys_diags_errors(d) > 0) || (!f && rc == HYS_OK)) abort();
    if (f) {
        if (f->nquestions < 1 || f->default_lang < 0 ||
            (f->nlangs > 0 && f->default_lang >= f->nlangs))
            abort();
        for (int i = 0; i < f->nquestions; i++)
            hys_form_find(f, f->questions[i].name ? f->questions[i].name : "");
        hys_form_destroy(f);
    }
    hys_diags_destroy(d);
    free(zip);
    return 0;
}
