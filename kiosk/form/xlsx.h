/* xlsx: reads the sheets of an Office Open XML workbook (.xlsx, as Excel and
 * LibreOffice save it) into a hys_book, using libzip and expat. Treats the
 * file as hostile: sizes and counts are capped (limits.h), DTDs and entities
 * are refused, and cells keep the row number and column the author sees. */
#ifndef HYS_XLSX_H
#define HYS_XLSX_H

#include "diag.h"
#include "table.h"

#include <stddef.h>

/* Read every worksheet of the .xlsx in data[0..n) into book. Problems go to
 * d. Returns HYS_OK or an error status (with a message in d). The caller
 * clears book in every case. */
hys_status hys_xlsx_read_mem(const void *data, size_t n, hys_book *book, hys_diags *d);

#endif
