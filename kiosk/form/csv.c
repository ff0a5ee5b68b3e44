/* csv: pyxform single-file CSV forms (see csv.h). */
#include "csv.h"

#include "../util/buf.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <string.h>

typedef struct {
    const char *p, *end;
    int line;
} cursor;

/* Read one field; sets *eol when the record ends after it. HYS_OK, or
 * HYS_EFORMAT on a format error, HYS_ELIMIT when the cell is too long (each
 * with a message in d). */
static hys_status read_field(cursor *c, hys_buf *out, int *eol, hys_diags *d, int col)
{
    hys_buf_reset(out);
    *eol = 0;
    if (c->p < c->end && *c->p == '"') {
        int start_line = c->line;
        c->p++;
        for (;;) {
            if (c->p >= c->end) {
                hys_diags_add(d, HYS_DIAG_ERROR, NULL, start_line, col,
                              "a quoted cell is never closed (a \" is missing)");
                return HYS_EFORMAT;
            }
            char ch = *c->p++;
            if (ch == '"') {
                if (c->p < c->end && *c->p == '"') {
                    c->p++;
                    hys_buf_addc(out, '"');
                    continue;
                }
                break;
            }
            if (ch == '\n') c->line++;
            hys_buf_addc(out, ch);
        }
        /* after the closing quote: optional spaces, then , or end of line */
        while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
            c->p++;
        if (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
            hys_diags_add(d, HYS_DIAG_ERROR, NULL, c->line, col,
                          "text after a closing quote; write \"\" for a quote inside a cell");
            return HYS_EFORMAT;
        }
    } else {
        while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r')
            hys_buf_addc(out, *c->p++);
    }
    if (c->p >= c->end) {
        *eol = 1;
    } else if (*c->p == ',') {
        c->p++;
        if (c->p >= c->end) *eol = 1;
    } else {
        if (*c->p == '\r') c->p++;
        if (c->p < c->end && *c->p == '\n') c->p++;
        c->line++;
        *eol = 1;
    }
    if (out->failed) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, c->line, col, "a cell is longer than %d bytes",
                      HYS_MAX_CELL_BYTES);
        return HYS_ELIMIT;
    }
    return HYS_OK;
}

hys_status hys_csv_read_mem(const char *data, size_t n, hys_book *book, hys_diags *d)
{
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, n -= 3;
    if (!hys_utf8_valid(data, n)) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        return HYS_EFORMAT;
    }
    cursor c = {data, data + n, 1};
    hys_buf cell;
    hys_buf_init(&cell, HYS_MAX_CELL_BYTES);
    hys_table *sheet = NULL;
    hys_status rc = HYS_OK;
    while (c.p < c.end && rc == HYS_OK) {
        int row = c.line, col = 0, eol = 0;
        int in_row_sheet = 0;
        while (!eol) {
            if (col >= HYS_MAX_COLS) {
                hys_diags_add(d, HYS_DIAG_ERROR, NULL, row, col, "more than %d columns",
                              HYS_MAX_COLS);
                rc = HYS_ELIMIT;
                break;
            }
            hys_status frc = read_field(&c, &cell, &eol, d, col);
            if (frc != HYS_OK) {
                rc = frc;
                break;
            }
            char *text = cell.data ? hys_trim(cell.data) : NULL;
            if (col == 0) {
                if (text && *text) {
                    sheet = hys_book_find(book, text);
                    if (!sheet) sheet = hys_book_add(book, text);
                    if (!sheet) {
                        hys_diags_add(d, HYS_DIAG_ERROR, NULL, row, 0, "too many sheets");
                        rc = HYS_ELIMIT;
                        break;
                    }
                    in_row_sheet = 1;
                }
            } else if (text && *text && !in_row_sheet) {
                if (!sheet) {
                    hys_diags_add(d, HYS_DIAG_ERROR, NULL, row, 0,
                                  "rows before any sheet name: the first cell of the first row "
                                  "should name a sheet, such as survey");
                    rc = HYS_EFORMAT;
                    break;
                }
                rc = hys_table_set(sheet, row, col, text);
                if (rc == HYS_ELIMIT)
                    hys_diags_add(d, HYS_DIAG_ERROR, sheet->name, row, col,
                                  "more than %d rows in this sheet", HYS_MAX_ROWS);
                if (rc) break;
            }
            col++;
        }
    }
    hys_buf_free(&cell);
    if (rc == HYS_ENOMEM) hys_diags_add(d, HYS_DIAG_ERROR, NULL, c.line, -1, "out of memory");
    return rc;
}
