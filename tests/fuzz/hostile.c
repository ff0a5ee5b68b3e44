/* hostile: hand-made hostile inputs for the readers of question sets,
 * translations and manifests, built in memory (the .xlsx files with
 * libzip): a zip bomb, XML entity expansion (billion laughs) and an external
 * entity, very deep XML nesting, path-traversal names in the zip, huge
 * cells, invalid UTF-8. Each must be refused with a clear message (or read
 * safely, never touching the file system) in bounded time and memory. Prints
 * each case with the reader's message, the time taken and how much the
 * process's peak memory grew; exits non-zero when any case does not hold.
 * Built with the fuzz targets (HYS_FUZZ) and run by tests/fuzz/run. */
#include "export/manifest.h"
#include "form/csv.h"
#include "form/diag.h"
#include "form/table.h"
#include "form/xlsx.h"
#include "util/po.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zip.h>

#define MAX_SECONDS 5.0   /* every case must finish within this */
#define MAX_GROWTH_MB 256 /* and must not grow the peak memory more than this */

/* ---- building .xlsx files in memory ---- */

/* A part made on the fly: head, then body repeated until total bytes, then
 * tail, so a huge part never has to be held in memory. */
typedef struct {
    const char *head, *body, *tail;
    size_t total, pos;
    size_t hn, bn, tn; /* their lengths, set on open */
} gen;

static gen mkgen(const char *head, const char *body, const char *tail, size_t total)
{
    gen g;
    memset(&g, 0, sizeof g);
    g.head = head, g.body = body, g.tail = tail, g.total = total;
    return g;
}

static char gen_byte(const gen *g, size_t pos)
{
    if (pos < g->hn) return g->head[pos];
    if (pos >= g->total - g->tn) return g->tail[pos - (g->total - g->tn)];
    return g->body[(pos - g->hn) % g->bn];
}

static zip_int64_t gen_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    gen *g = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        g->pos = 0;
        g->hn = strlen(g->head), g->bn = strlen(g->body), g->tn = strlen(g->tail);
        return 0;
    case ZIP_SOURCE_READ: {
        char *out = data;
        zip_uint64_t n = 0;
        while (n < len && g->pos < g->total)
            out[n++] = gen_byte(g, g->pos++);
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = g->total;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return 2 * sizeof(int);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        return -1;
    }
}

typedef struct {
    const char *name; /* entry name in the zip */
    const char *text; /* its contents, or NULL to use g */
    gen *g;
} part;

static void die(const char *what)
{
    fprintf(stderr, "hostile: %s\n", what);
    exit(2);
}

/* A zip holding parts, as bytes (free with free). */
static char *make_zip(const part *parts, int nparts, size_t *outn)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!z) die("cannot make a zip in memory");
    zip_source_keep(src);
    for (int i = 0; i < nparts; i++) {
        zip_source_t *s = parts[i].g
                              ? zip_source_function(z, gen_cb, parts[i].g)
                              : zip_source_buffer(z, parts[i].text, strlen(parts[i].text), 0);
        if (!s || zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) die(zip_strerror(z));
    }
    if (zip_close(z) < 0) die("cannot finish the zip");
    zip_stat_t st;
    if (zip_source_open(src) < 0 || zip_source_stat(src, &st) < 0) die("cannot read the zip back");
    char *out = malloc(st.size ? st.size : 1);
    if (!out || zip_source_read(src, out, st.size) != (zip_int64_t)st.size) die("short zip");
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    *outn = st.size;
    return out;
}

static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

#define SHEET_HEAD                                                                                 \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                 \
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

/* A workbook with one sheet (and shared strings when sst is not NULL). */
static char *xlsx(const char *sheet, gen *g, const char *sst, size_t *n)
{
    part p[4] = {{"xl/workbook.xml", workbook, NULL},
                 {"xl/_rels/workbook.xml.rels", rels, NULL},
                 {"xl/worksheets/sheet1.xml", sheet, g},
                 {"xl/sharedStrings.xml", sst, NULL}};
    return make_zip(p, sst ? 4 : 3, n);
}

/* ---- running one case ---- */

typedef enum { XLSX, CSV, PO, MANIFEST } reader;

static int failures;

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Read data with the reader; expect is a part of the message the reader
 * must give, or NULL when the input must be read without an error. */
static void run(const char *label, reader which, const char *data, size_t n, const char *expect)
{
    char msg[1024] = "";
    int refused = 0;
    long before = peak_kb();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (which == XLSX || which == CSV) {
        hys_diags *d = hys_diags_create(which == XLSX ? "hostile.xlsx" : "hostile.csv");
        hys_book book;
        memset(&book, 0, sizeof book);
        hys_status rc = which == XLSX ? hys_xlsx_read_mem(data, n, &book, d)
                                      : hys_csv_read_mem(data, n, &book, d);
        refused = rc != HYS_OK || hys_diags_errors(d) > 0;
        for (int i = 0; i < hys_diags_count(d) && !msg[0]; i++)
            if (hys_diags_get(d, i)->level == HYS_DIAG_ERROR)
                snprintf(msg, sizeof msg, "%s", hys_diags_get(d, i)->message);
        if (!refused) {
            int cells = 0;
            for (int s = 0; s < book.nsheets; s++)
                for (int r = 0; r < book.sheets[s]->nrows; r++)
                    cells += book.sheets[s]->rows[r].ncells;
            snprintf(msg, sizeof msg, "%d sheet(s), %d cell(s)%s%s", book.nsheets, cells,
                     book.nsheets ? ", first sheet " : "",
                     book.nsheets ? book.sheets[0]->name : "");
        }
        hys_book_clear(&book);
        hys_diags_destroy(d);
    } else if (which == PO) {
        hys_status rc;
        hys_po *po = hys_po_parse(data, n, &rc, msg, sizeof msg);
        refused = po == NULL;
        if (po) snprintf(msg, sizeof msg, "%d translation(s)", hys_po_count(po));
        hys_po_destroy(po);
    } else {
        hys_manifest m;
        refused = hys_manifest_read(data, n, &m, msg, sizeof msg) != HYS_MANIFEST_OK;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    long grew_mb = (peak_kb() - before) / 1024;
    int ok = expect ? refused && strstr(msg, expect) != NULL : !refused;
    ok = ok && secs <= MAX_SECONDS && grew_mb <= MAX_GROWTH_MB;
    printf("%-4s %-44s %9zu B %7.3f s %+5ld MB  %s: %s\n", ok ? "ok" : "FAIL", label, n, secs,
           grew_mb, refused ? "refused" : "read", msg);
    if (!ok) failures++;
}

/* ---- the cases ---- */

/* Billion laughs: ten levels of ten references each, 10^9 "lol"s. */
#define LAUGHS                                                                                     \
    "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"                                                   \
    "<!ENTITY a \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"                           \
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">" \
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">" \
    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">" \
    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">" \
    "<!ENTITY j \"&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;\">]>"

static void xlsx_cases(void)
{
    size_t n;
    char *z;

    /* a small sheet, read normally: the baseline */
    z = xlsx(SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c>"
                        "<c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c></row>" SHEET_TAIL,
             NULL, NULL, &n);
    run("xlsx: a small valid sheet (baseline)", XLSX, z, n, NULL);
    free(z);

    /* zip bomb: the sheet unpacks to 256 MB of rows (the cap is 32 MB) */
    gen bomb = mkgen(SHEET_HEAD, "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>",
                     SHEET_TAIL, 256u << 20);
    z = xlsx(NULL, &bomb, NULL, &n);
    run("xlsx: zip bomb, sheet unpacks to 256 MB", XLSX, z, n, "unpacks to more than 32 MB");
    free(z);

    /* just under the cap: 31 MB of rows, all parsed (bounded time and memory) */
    gen big = mkgen(SHEET_HEAD, "<row><c t=\"inlineStr\"><is><t>boom</t></is></c></row>",
                    SHEET_TAIL, 31u << 20);
    z = xlsx(NULL, &big, NULL, &n);
    run("xlsx: sheet unpacks to 31 MB (under the cap)", XLSX, z, n, "too big");
    free(z);

    /* billion laughs in the sheet and in the shared strings */
    z = xlsx("<?xml version=\"1.0\"?>" LAUGHS "<worksheet><sheetData><row><c t=\"inlineStr\">"
             "<is><t>&j;</t></is></c></row></sheetData></worksheet>",
             NULL, NULL, &n);
    run("xlsx: billion laughs in the sheet XML", XLSX, z, n, "has a DTD");
    free(z);
    z = xlsx(SHEET_HEAD SHEET_TAIL, NULL,
             "<?xml version=\"1.0\"?>" LAUGHS "<sst><si><t>&j;</t></si></sst>", &n);
    run("xlsx: billion laughs in sharedStrings.xml", XLSX, z, n, "has a DTD");
    free(z);

    /* an external entity (XXE) asking for a local file */
    z = xlsx("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "
             "\"file:///etc/passwd\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;"
             "</t></is></c></row></sheetData></worksheet>",
             NULL, NULL, &n);
    run("xlsx: external entity file:///etc/passwd", XLSX, z, n, "has a DTD");
    free(z);

    /* very deep nesting: 30 MB of <x> (ten million open elements) */
    gen deep = mkgen(SHEET_HEAD, "<x>", SHEET_TAIL,
                     strlen(SHEET_HEAD) + 3 * (10u << 20) + strlen(SHEET_TAIL));
    z = xlsx(NULL, &deep, NULL, &n);
    run("xlsx: 10 million nested elements", XLSX, z, n, "nested");
    free(z);

    /* errors that do not stop the reader: 30 MB of cells pointing to shared
     * texts that do not exist, and of cells just over the cell cap */
    gen bad_refs = mkgen(SHEET_HEAD "<row r=\"1\">", "<c t=\"s\"><v>7</v></c>", "</row>" SHEET_TAIL,
                         30u << 20);
    z = xlsx(NULL, &bad_refs, NULL, &n);
    run("xlsx: 1.5 million cells with a bad shared text", XLSX, z, n, "does not exist");
    free(z);
    static char long_cell[4200];
    snprintf(long_cell, sizeof long_cell, "<c t=\"inlineStr\"><is><t>%04100d</t></is></c>", 0);
    gen long_cells = mkgen(SHEET_HEAD "<row r=\"1\">", long_cell, "</row>" SHEET_TAIL, 30u << 20);
    z = xlsx(NULL, &long_cells, NULL, &n);
    run("xlsx: 7,500 cells just over the cell cap", XLSX, z, n, "longer than 4096 bytes");
    free(z);

    /* path traversal in entry names and relationship targets */
    static const char wb_rels_up[] =
        "<Relationships><Relationship Id=\"rId1\" Target=\"../../etc/x\"/></Relationships>";
    static const char wb_rels_abs[] =
        "<Relationships><Relationship Id=\"rId1\" Target=\"/../../etc/x\"/></Relationships>";
    static const char wb_rels_etc[] =
        "<Relationships><Relationship Id=\"rId1\" Target=\"/etc/passwd\"/></Relationships>";
    static const char evil_sheet[] = SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                                "from ../../etc/x</t></is></c></row>" SHEET_TAIL;
    part up[] = {{"xl/workbook.xml", workbook, NULL},
                 {"xl/_rels/workbook.xml.rels", wb_rels_up, NULL},
                 {"../../etc/x", evil_sheet, NULL}};
    z = make_zip(up, 3, &n);
    run("xlsx: entry ../../etc/x, Target ../../etc/x", XLSX, z, n, "has no xl/../../etc/x");
    free(z);
    up[1].text = wb_rels_abs;
    z = make_zip(up, 3, &n);
    run("xlsx: entry ../../etc/x, Target /../../etc/x", XLSX, z, n, NULL);
    free(z);
    up[1].text = wb_rels_etc;
    z = make_zip(up, 3, &n);
    run("xlsx: Target /etc/passwd (not in the zip)", XLSX, z, n, "has no etc/passwd");
    free(z);

    /* a huge cell: 10 MB inline, and 10 MB as a shared string used by a cell */
    gen huge = mkgen(SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", "A",
                     "</t></is></c></row>" SHEET_TAIL, 10u << 20);
    z = xlsx(NULL, &huge, NULL, &n);
    run("xlsx: a 10 MB inline cell", XLSX, z, n, "longer than 4096 bytes");
    free(z);
    gen huge_sst = mkgen("<sst><si><t>", "A", "</t></si></sst>", 10u << 20);
    part ps[] = {{"xl/workbook.xml", workbook, NULL},
                 {"xl/_rels/workbook.xml.rels", rels, NULL},
                 {"xl/worksheets/sheet1.xml",
                  SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" SHEET_TAIL,
                  NULL},
                 {"xl/sharedStrings.xml", NULL, &huge_sst}};
    z = make_zip(ps, 4, &n);
    run("xlsx: a 10 MB shared string used by a cell", XLSX, z, n, "longer than 4096 bytes");
    free(z);

    /* invalid UTF-8 in the sheet and in the shared strings */
    z = xlsx(SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf\xC3\x28 \xC0\xAF"
                        "</t></is></c></row>" SHEET_TAIL,
             NULL, NULL, &n);
    run("xlsx: invalid UTF-8 in a cell", XLSX, z, n, "not well-formed XML");
    free(z);
    z = xlsx(SHEET_HEAD SHEET_TAIL, NULL, "<sst><si><t>\xED\xA0\x80\xFF</t></si></sst>", &n);
    run("xlsx: invalid UTF-8 in sharedStrings.xml", XLSX, z, n, "not well-formed XML");
    free(z);
}

static void text_cases(void)
{
    /* CSV: a 1 MB cell, invalid UTF-8 (a bad byte, an overlong '/', a surrogate) */
    size_t big = 1u << 20;
    char *csv = malloc(big + 32);
    if (!csv) die("out of memory");
    int k = snprintf(csv, 32, "survey\n,type,name\n,");
    memset(csv + k, 'A', big);
    run("csv: a 1 MB cell", CSV, csv, (size_t)k + big, "longer than 4096 bytes");
    free(csv);
    static const char bad_csv[] = "survey\n,type,name\n,note,caf\xC3\x28\n";
    run("csv: invalid UTF-8 (bad continuation)", CSV, bad_csv, sizeof bad_csv - 1, "not UTF-8");
    static const char overlong[] = "survey\n,type,name\n,note,..\xC0\xAF..\xC0\xAF\n";
    run("csv: overlong UTF-8 for /", CSV, overlong, sizeof overlong - 1, "not UTF-8");
    static const char surrogate[] = "survey\n,type,name\n,note,\xED\xA0\x80\n";
    run("csv: UTF-8 encoded surrogate", CSV, surrogate, sizeof surrogate - 1, "not UTF-8");

    /* .po: invalid UTF-8, a huge msgstr */
    static const char bad_po[] = "msgid \"Start\"\nmsgstr \"D\xE9marrer\"\n";
    run("po: invalid UTF-8 (Latin-1 byte)", PO, bad_po, sizeof bad_po - 1, "not UTF-8");
    char *po = malloc(big + 64);
    if (!po) die("out of memory");
    k = snprintf(po, 64, "msgid \"Start\"\nmsgstr \"");
    memset(po + k, 'A', big);
    memcpy(po + k + big, "\"\n", 2);
    run("po: a 1 MB msgstr", PO, po, (size_t)k + big + 2, "longer than 4096 bytes");
    free(po);

    /* manifest: invalid UTF-8 in a string, far too big, nested too deeply */
    static const char bad_json[] = "{\"kiosk_id\": \"\xFF\xFE\"}";
    run("manifest: invalid UTF-8 in a string", MANIFEST, bad_json, sizeof bad_json - 1,
        "not readable JSON");
    char *json = malloc(big);
    if (!json) die("out of memory");
    memset(json, '[', big);
    run("manifest: 1 MB of [", MANIFEST, json, big, "too big");
    run("manifest: 60 kB of [ (under the size cap)", MANIFEST, json, 60000, "not readable JSON");
    free(json);
}

int main(void)
{
    xlsx_cases();
    text_cases();
    if (failures) printf("%d hostile case(s) not handled as they must be\n", failures);
    return failures ? 1 : 0;
}
