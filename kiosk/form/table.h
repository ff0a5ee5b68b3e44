/* table: one sheet of a spreadsheet as read from .xlsx or .csv: rows of
 * text cells, each remembering the row number and column the author sees. */
#ifndef HYS_TABLE_H
#define HYS_TABLE_H

#include "../util/status.h"

typedef struct hys_row {
    int number; /* 1-based row number in the file */
    int ncells;
    char **cells; /* cells[i] is column i; NULL or "" when empty */
} hys_row;

typedef struct hys_table {
    char *name; /* sheet name as written */
    int nrows, cap;
    hys_row *rows;
} hys_table;

/* A workbook: the sheets found in one file, in file order. */
typedef struct hys_book {
    int nsheets;
    hys_table *sheets[64];
} hys_book;

/* Add a sheet called name to book; returns it or NULL on no memory/too many. */
hys_table *hys_book_add(hys_book *b, const char *name);
/* Sheet whose name equals name ignoring case and surrounding spaces, or NULL. */
hys_table *hys_book_find(const hys_book *b, const char *name);
/* Free every sheet (not the book struct itself, which callers keep on the stack). */
void hys_book_clear(hys_book *b);
/* Set the cell at (row number, col) to a copy of text, adding the row if it
 * is new. Rows must be added in increasing order. */
hys_status hys_table_set(hys_table *t, int row_number, int col, const char *text);
/* The cell text or NULL. */
const char *hys_row_cell(const hys_row *r, int col);

#endif
