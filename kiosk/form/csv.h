/* csv: reads pyxform's single-file CSV form of an XLSForm: a row whose first
 * cell names a sheet ("survey", "choices", …) starts that sheet, the rows
 * after it (first cell empty) are its header and rows. RFC 4180 quoting. */
#ifndef HYS_CSV_H
#define HYS_CSV_H

#include "diag.h"
#include "table.h"

#include <stddef.h>

/* Parse data[0..n) into book. Problems go to d with the file's own row and
 * column numbers. Returns HYS_OK, or HYS_EFORMAT/HYS_ELIMIT/HYS_ENOMEM (with
 * a message in d). The caller clears book in every case. */
hys_status hys_csv_read_mem(const char *data, size_t n, hys_book *book, hys_diags *d);

#endif
