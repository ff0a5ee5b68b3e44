/* Fuzzes the CSV form reader (hys_csv_read_mem, pyxform's single-file CSV)
 * with arbitrary bytes. Must hold for every input: no crash, no leak, no
 * ASan/UBSan finding, bounded time and memory; an error status always comes
 * with an error in the diags; every cell kept is valid UTF-8 within the cap. */
#include "form/csv.h"
#include "form/diag.h"
#include "form/table.h"
#include "fuzz_book.h"
#include "util/text.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hys_diags *d = hys_diags_create("fuzz.csv");
    if (!d) return 0;
    hys_book book;
    memset(&book, 0, sizeof book);
    hys_status rc = hys_csv_read_mem((const char *)data, size, &book, d);
    if (rc != HYS_OK && hys_diags_errors(d) == 0) abort(); /* refused without saying why */
    fuzz_check_book(&book);
    hys_book_clear(&book);
    hys_diags_destroy(d);
    return 0;
}
