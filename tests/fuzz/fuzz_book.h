/* fuzz_book: what must hold of a book a reader leaves, whatever it read:
 * every sheet named, every cell kept valid UTF-8 within the cell cap. For
 * fuzz_csv and fuzz_xlsx; aborts (a fuzzer finding) when not. */
#ifndef HYS_FUZZ_BOOK_H
#define HYS_FUZZ_BOOK_H

#include "form/table.h"
#include "util/limits.h"
#include "util/text.h"

#include <stdlib.h>
#include <string.h>

static inline void fuzz_check_book(const hys_book *book)
{
    for (int s = 0; s < book->nsheets; s++) {
        const hys_table *t = book->sheets[s];
        if (!t || !t->name) abort();
        for (int r = 0; r < t->nrows; r++)
            for (int c = 0; c < t->rows[r].ncells; c++) {
                const char *cell = hys_row_cell(&t->rows[r], c);
                if (!cell) continue;
                size_t n = strlen(cell);
                if (n > HYS_MAX_CELL_BYTES || !hys_utf8_valid(cell, n)) abort();
            }
    }
}

#endif
