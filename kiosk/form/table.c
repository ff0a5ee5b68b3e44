/* table: sheets of cells (see table.h). */
#include "table.h"

#include "../util/alloc.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <stdio.h>
#include <string.h>

hys_table *hys_book_add(hys_book *b, const char *name)
{
    if (b->nsheets >= (int)(sizeof b->sheets / sizeof b->sheets[0])) return NULL;
    hys_table *t = hys_calloc(1, sizeof *t);
    if (!t) return NULL;
    t->name = hys_strdup(name);
    if (!t->name) {
        hys_free(t);
        return NULL;
    }
    b->sheets[b->nsheets++] = t;
    return t;
}

hys_table *hys_book_find(const hys_book *b, const char *name)
{
    for (int i = 0; i < b->nsheets; i++) {
        char tmp[256];
        snprintf(tmp, sizeof tmp, "%s", b->sheets[i]->name);
        if (hys_ieq(hys_trim(tmp), name)) return b->sheets[i];
    }
    return NULL;
}

static void table_free(hys_table *t)
{
    for (int i = 0; i < t->nrows; i++) {
        for (int c = 0; c < t->rows[i].ncells; c++)
            hys_free(t->rows[i].cells[c]);
        hys_free(t->rows[i].cells);
    }
    hys_free(t->rows);
    hys_free(t->name);
    hys_free(t);
}

void hys_book_clear(hys_book *b)
{
    for (int i = 0; i < b->nsheets; i++)
        table_free(b->sheets[i]);
    b->nsheets = 0;
}

hys_status hys_table_set(hys_table *t, int row_number, int col, const char *text)
{
    if (col < 0 || col >= HYS_MAX_COLS) return HYS_ELIMIT;
    hys_row *r = t->nrows ? &t->rows[t->nrows - 1] : NULL;
    if (!r || r->number != row_number) {
        if (t->nrows >= HYS_MAX_ROWS) return HYS_ELIMIT;
        if (t->nrows == t->cap) {
            int cap = t->cap ? t->cap * 2 : 32;
            hys_row *rows = hys_realloc(t->rows, (size_t)cap * sizeof *rows);
            if (!rows) return HYS_ENOMEM;
            t->rows = rows;
            t->cap = cap;
        }
        r = &t->rows[t->nrows++];
        memset(r, 0, sizeof *r);
        r->number = row_number;
    }
    if (col >= r->ncells) {
        char **cells = hys_realloc(r->cells, (size_t)(col + 1) * sizeof *cells);
        if (!cells) return HYS_ENOMEM;
        for (int i = r->ncells; i <= col; i++)
            cells[i] = NULL;
        r->cells = cells;
        r->ncells = col + 1;
    }
    char *copy = hys_strdup(text);
    if (!copy) return HYS_ENOMEM;
    hys_free(r->cells[col]);
    r->cells[col] = copy;
    return HYS_OK;
}

const char *hys_row_cell(const hys_row *r, int col)
{
    if (col < 0 || col >= r->ncells) return NULL;
    return r->cells[col];
}
