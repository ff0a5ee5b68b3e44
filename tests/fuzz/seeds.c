/* seeds: makes seed inputs for the fuzz targets from the project's own data
 * (tests/fuzz/run calls it):
 *   seeds expr OUTDIR FORM...  every `relevant` cell of each question set's
 *                              survey sheet, one file each
 *   seeds manifest OUTDIR      manifests written by the real writer
 *                              (hys_manifest_write), signed with the fuzz key
 *   seeds parts OUTDIR MAX XLSX...  the parts of each workbook the reader
 *                              reads, as the plain-text lists of fuzz_zip.h
 *                              (skipped when longer than MAX bytes)
 * Exits non-zero when it cannot write its output. */
#include "export/manifest.h"
#include "form/csv.h"
#include "form/diag.h"
#include "form/table.h"
#include "form/xlsx.h"
#include "util/text.h"

#include "fuzz_key.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *more = realloc(data, cap *= 2);
            if (!more) free(data);
            data = more;
        }
    }
    fclose(f);
    *n = len;
    return data;
}

/* The relevant cells of one question set; returns how many were written. */
static int expr_seeds(const char *outdir, const char *path)
{
    size_t n = 0;
    char *data = slurp(path, &n);
    if (!data) {
        fprintf(stderr, "seeds: cannot read %s\n", path);
        return 0;
    }
    hys_diags *d = hys_diags_create(path);
    hys_book book;
    memset(&book, 0, sizeof book);
    if (n >= 4 && !memcmp(data, "PK\x03\x04", 4))
        hys_xlsx_read_mem(data, n, &book, d);
    else
        hys_csv_read_mem(data, n, &book, d);
    const hys_table *t = hys_book_find(&book, "survey");
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    int col = -1, written = 0;
    for (int r = 0; t && r < t->nrows; r++) {
        const hys_row *row = &t->rows[r];
        for (int c = 0; col < 0 && c < row->ncells; c++) {
            const char *h = hys_row_cell(row, c);
            if (h && hys_ieq(h, "relevant")) col = c;
        }
        const char *v = col >= 0 ? hys_row_cell(row, col) : NULL;
        if (!v || !*v || hys_ieq(v, "relevant")) continue;
        char out[4096];
        snprintf(out, sizeof out, "%s/%s-%d", outdir, base, row->number);
        FILE *f = fopen(out, "wb");
        if (!f || fputs(v, f) == EOF || fclose(f) != 0) {
            fprintf(stderr, "seeds: cannot write %s\n", out);
            exit(1);
        }
        written++;
    }
    hys_book_clear(&book);
    hys_diags_destroy(d);
    free(data);
    return written;
}

static void set(char *dst, size_t n, const char *s)
{
    snprintf(dst, n, "%s", s);
}

/* Manifests as an export writes them: a first bundle, a later sealed one
 * chained to it with several forms and files, and an empty one. */
static int manifest_seeds(const char *outdir)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    if (sodium_init() < 0) return -1;
    fuzz_key(pk, sk);
    static const char *sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    for (int v = 0; v < 3; v++) {
        hys_manifest m;
        memset(&m, 0, sizeof m);
        set(m.kiosk_id, sizeof m.kiosk_id, "0b7f3e52-8c1d-4a6e-9f21-5d3c7a8b9e10");
        set(m.venue, sizeof m.venue, v == 1 ? "Central Library \"Reading\" Room" : "");
        m.seq = v + 1;
        m.full = v == 2;
        m.sealed = v == 1;
        set(m.made, sizeof m.made, "2026-11-22");
        set(m.period_from, sizeof m.period_from, v == 2 ? "" : "2026-11-01 09:00");
        set(m.period_to, sizeof m.period_to, v == 2 ? "" : "2026-11-22 17:00");
        m.answers = v == 2 ? 0 : 1234 * v + 7;
        m.sessions = v == 2 ? 0 : 99 * v + 1;
        for (int i = 0; v != 2 && i < v + 1; i++) {
            hys_manifest_form *f = &m.forms[m.nforms++];
            snprintf(f->id, sizeof f->id, i ? "visit" : "listening");
            snprintf(f->version, sizeof f->version, "2026112%d", i);
            set(f->hash, sizeof f->hash, sha);
        }
        static const char *names[] = {"answers.csv", "sessions.csv", "questions.csv",
                                      "report.html"};
        for (int i = 0; i < (v == 2 ? 2 : 4); i++) {
            hys_manifest_file *f = &m.files[m.nfiles++];
            set(f->name, sizeof f->name, names[i]);
            set(f->sha256, sizeof f->sha256, sha);
            f->bytes = 1000 * i + 17;
        }
        if (v == 1) set(m.prev, sizeof m.prev, sha);
        sodium_bin2base64(m.public_key, sizeof m.public_key, pk, sizeof pk,
                          sodium_base64_VARIANT_ORIGINAL);
        char path[4096], err[200];
        snprintf(path, sizeof path, "%s/written-%d.json", outdir, v + 1);
        if (hys_manifest_write(path, &m, sk, err, sizeof err) != HYS_OK) {
            fprintf(stderr, "seeds: %s\n", err);
            return -1;
        }
        /* a seed the reader refuses would not reach its later checks */
        size_t n = 0;
        char *text = slurp(path, &n);
        hys_manifest back;
        if (!text || hys_manifest_read(text, n, &back, err, sizeof err) != HYS_MANIFEST_OK) {
            fprintf(stderr, "seeds: %s is refused: %s\n", path, text ? err : "unreadable");
            free(text);
            return -1;
        }
        free(text);
    }
    return 3;
}

/* The parts of one workbook the reader reads, as a list; 1 when written. */
static int parts_seed(const char *outdir, long max, const char *path)
{
    int err = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    if (!z) {
        fprintf(stderr, "seeds: cannot open %s as a zip\n", path);
        return 0;
    }
    char *out = NULL;
    size_t outn = 0;
    FILE *mem = open_memstream(&out, &outn);
    if (!mem) exit(1);
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name || (strcmp(name, "xl/workbook.xml") && strcmp(name, "xl/sharedStrings.xml") &&
                      strcmp(name, "xl/_rels/workbook.xml.rels") &&
                      strncmp(name, "xl/worksheets/sheet", 19)))
            continue;
        zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
        if (!f) continue;
        fprintf(mem, "%s@@ %s\n", ftell(mem) ? "\n" : "", name);
        char buf[16384];
        zip_int64_t got;
        while ((got = zip_fread(f, buf, sizeof buf)) > 0)
            fwrite(buf, 1, (size_t)got, mem);
        zip_fclose(f);
    }
    zip_discard(z);
    fclose(mem);
    int written = 0;
    if (outn > 0 && (long)outn <= max) {
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        char name[4096];
        snprintf(name, sizeof name, "%s/%s.parts", outdir, base);
        FILE *f = fopen(name, "wb");
        if (!f || fwrite(out, 1, outn, f) != outn || fclose(f) != 0) {
            fprintf(stderr, "seeds: cannot write %s\n", name);
            exit(1);
        }
        written = 1;
    }
    free(out);
    return written;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "parts")) {
        int n = 0;
        for (int i = 4; i < argc; i++)
            n += parts_seed(argv[2], atol(argv[3]), argv[i]);
        printf("%d of %d workbooks as lists of parts\n", n, argc - 4);
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "expr")) {
        int n = 0;
        for (int i = 3; i < argc; i++)
            n += expr_seeds(argv[2], argv[i]);
        printf("%d expressions from %d question sets\n", n, argc - 3);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "manifest")) {
        int n = manifest_seeds(argv[2]);
        if (n < 0) return 1;
        printf("%d manifests written by hys_manifest_write\n", n);
        return 0;
    }
    fprintf(stderr, "usage: seeds expr OUTDIR FORM... | seeds manifest OUTDIR | "
                    "seeds parts OUTDIR MAX XLSX...\n");
    return 2;
}
