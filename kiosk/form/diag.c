/* diag: problems found in a question set (see diag.h). */
#include "diag.h"

#include "../util/alloc.h"
#include "../util/buf.h"

#include <stdarg.h>
#include <string.h>

struct hys_diags {
    char *file;
    hys_diag_item *items;
    int n, cap;
    int errors, warnings;
};

hys_diags *hys_diags_create(const char *file)
{
    hys_diags *d = hys_calloc(1, sizeof *d);
    if (!d) return NULL;
    d->file = hys_strdup(file ? file : "-");
    if (!d->file) {
        hys_free(d);
        return NULL;
    }
    return d;
}

void hys_diags_destroy(hys_diags *d)
{
    if (!d) return;
    for (int i = 0; i < d->n; i++) {
        hys_free(d->items[i].sheet);
        hys_free(d->items[i].message);
    }
    hys_free(d->items);
    hys_free(d->file);
    hys_free(d);
}

/* A message as one line of whole characters: a cell's line break (a label
 * written on two lines) shows as "⏎", a tab as a space, and a message cut
 * short by its buffer never ends inside a character. */
static void one_line(const char *in, char *out, size_t n)
{
    size_t k = 0, len = strlen(in), lead = len;
    while (lead > 0 && ((unsigned char)in[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && (unsigned char)in[lead - 1] >= 0xC0) { /* (the last character: whole?) */
        unsigned char c = (unsigned char)in[lead - 1];
        size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (len - (lead - 1) < want) len = lead - 1;
    }
    for (size_t i = 0; i < len && k + 4 < n; i++) {
        if (in[i] == '\r' && in[i + 1] == '\n') continue; /* (one break, written as two) */
        if (in[i] == '\n' || in[i] == '\r') {
            memcpy(out + k, "\xE2\x8F\x8E", 3), k += 3;
            continue;
        }
        out[k++] = in[i] == '\t' ? ' ' : in[i];
    }
    out[k] = '\0';
}

void hys_diags_add(hys_diags *d, hys_diag_level level, const char *sheet, int row, int col,
                   const char *fmt, ...)
{
    if (level == HYS_DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        hys_diag_item *it = hys_realloc(d->items, (size_t)cap * sizeof *it);
        if (!it) return;
        d->items = it;
        d->cap = cap;
    }
    char raw[1024], msg[1024 * 3];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    one_line(raw, msg, sizeof msg);
    hys_diag_item *it = &d->items[d->n];
    it->level = level;
    it->row = row;
    it->col = col;
    it->sheet = sheet ? hys_strdup(sheet) : NULL;
    it->message = hys_strdup(msg);
    if (!it->message || (sheet && !it->sheet)) {
        hys_free(it->sheet);
        hys_free(it->message);
        return;
    }
    d->n++;
}

int hys_diags_errors(const hys_diags *d)
{
    return d->errors;
}

int hys_diags_warnings(const hys_diags *d)
{
    return d->warnings;
}

int hys_diags_count(const hys_diags *d)
{
    return d->n;
}

const hys_diag_item *hys_diags_get(const hys_diags *d, int i)
{
    return i >= 0 && i < d->n ? &d->items[i] : NULL;
}

const char *hys_diags_file(const hys_diags *d)
{
    return d->file;
}

void hys_col_name(int col, char out[8])
{
    char tmp[8];
    int n = 0;
    col += 1;
    while (col > 0 && n < 7) {
        int r = (col - 1) % 26;
        tmp[n++] = (char)('A' + r);
        col = (col - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

void hys_diags_print(const hys_diags *d, FILE *out)
{
    for (int i = 0; i < d->n; i++) {
        const hys_diag_item *it = &d->items[i];
        char col[8] = "-";
        if (it->col >= 0) hys_col_name(it->col, col);
        fprintf(out, "%s:%d:%s: %s: %s%s%s%s\n", d->file, it->row, col,
                it->level == HYS_DIAG_ERROR ? "error" : "warning", it->sheet ? "[" : "",
                it->sheet ? it->sheet : "", it->sheet ? "] " : "", it->message);
    }
    int lost = d->errors + d->warnings - d->n;
    if (lost > 0) fprintf(out, "%s:0:-: error: %d more problems (out of memory)\n", d->file, lost);
}
