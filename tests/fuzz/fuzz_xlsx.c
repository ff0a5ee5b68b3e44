/* Fuzzes the .xlsx reader (hys_xlsx_read_mem, libzip + expat) with arbitrary
 * bytes as a workbook, or with a plain-text list of parts that is stored
 * into a zip first so that mutations reach the XML (see fuzz_zip.h). Must hold for every input: no
 * crash, no leak, no ASan/UBSan finding, bounded time and memory (limits.h caps every part); the
 * status is HYS_OK or an error that comes with an error in the diags, and the book it leaves is
 * consistent (and cleared by hys_book_clear). */
#include "form/diag.h"
#include "form/table.h"
#include "fuzz_book.h"
#include "form/xlsx.h"

#include "fuzz_zip.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hys_diags *d = hys_diags_create("fuzz.xlsx");
    if (!d) return 0;
    hys_book book;
    memset(&book, 0, sizeof book);
    size_t zn = 0;
    char *zip = fuzz_parts_zip(data, size, &zn);
    hys_status rc =
        zip ? hys_xlsx_read_mem(zip, zn, &book, d) : hys_xlsx_read_mem(data, size, &book, d);
    if (rc != HYS_OK && hys_diags_errors(d) == 0) abort(); /* refused without saying why */
    fuzz_check_book(&book);
    hys_book_find(&book, "survey");
    hys_book_clear(&book);
    hys_diags_destroy(d);
    free(zip);
    return 0;
}
