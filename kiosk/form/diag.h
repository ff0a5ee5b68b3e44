/* diag: the list of problems found in a question set, each with where it is
 * (file, sheet, row, column) and what is wrong, printed as
 * `file:row:column: error|warning: [sheet] message`. */
#ifndef HYS_DIAG_H
#define HYS_DIAG_H

#include <stdio.h>

typedef enum { HYS_DIAG_WARNING, HYS_DIAG_ERROR } hys_diag_level;

typedef struct hys_diag_item {
    hys_diag_level level;
    char *sheet; /* may be NULL */
    int row;     /* 1-based spreadsheet row, 0 when not about one row */
    int col;     /* 0-based column, -1 when not about one column */
    char *message;
} hys_diag_item;

typedef struct hys_diags hys_diags;

/* A new empty list for problems in file (its display name). NULL on no memory. */
hys_diags *hys_diags_create(const char *file);
void hys_diags_destroy(hys_diags *d);
/* Add a problem. Never fails visibly: on no memory the list remembers that
 * an error was lost so hys_diags_errors() still counts it. */
void hys_diags_add(hys_diags *d, hys_diag_level level, const char *sheet, int row, int col,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
int hys_diags_errors(const hys_diags *d);
int hys_diags_warnings(const hys_diags *d);
int hys_diags_count(const hys_diags *d);
const hys_diag_item *hys_diags_get(const hys_diags *d, int i);
const char *hys_diags_file(const hys_diags *d);
/* Print every item, one a line, in the order found. */
void hys_diags_print(const hys_diags *d, FILE *out);
/* Spreadsheet column name of a 0-based index: 0 -> "A", 27 -> "AB". */
void hys_col_name(int col, char out[8]);

#endif
