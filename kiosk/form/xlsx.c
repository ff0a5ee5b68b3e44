/* xlsx: .xlsx workbooks into sheets of cells (see xlsx.h). */
#include "xlsx.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/limits.h"
#include "../util/text.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* ---- reading one part of the zip, capped ---- */

static hys_status read_part(zip_t *z, const char *name, hys_buf *out, hys_diags *d, int optional)
{
    hys_buf_init(out, HYS_MAX_XML_PART_BYTES);
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f) {
        if (optional) return HYS_ENOTFOUND;
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "this .xlsx has no %s: it is not a complete spreadsheet", name);
        return HYS_EFORMAT;
    }
    char chunk[16384];
    for (;;) {
        zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
        if (got < 0) {
            hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "%s in the .xlsx is damaged", name);
            zip_fclose(f);
            return HYS_EFORMAT;
        }
        if (got == 0) break;
        if ((size_t)got > out->max - out->len) {
            zip_fclose(f);
            hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                          "%s in the .xlsx unpacks to more than %ld MB; refused", name,
                          HYS_MAX_XML_PART_BYTES / (1024 * 1024));
            return HYS_ELIMIT;
        }
        hys_buf_add(out, chunk, (size_t)got);
        if (out->failed) {
            zip_fclose(f);
            return HYS_ENOMEM;
        }
    }
    zip_fclose(f);
    return HYS_OK;
}

/* ---- a tiny helper for running expat over a buffer ---- */

typedef struct xml_ctx {
    XML_Parser p;
    hys_diags *d;
    const char *part;
    hys_status rc;
    int depth;
    XML_StartElementHandler start;
    XML_EndElementHandler end;
} xml_ctx;

static void XMLCALL refuse_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                                   const XML_Char *pubid, int has_internal)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    xml_ctx *x = ud;
    if (x->rc == HYS_OK) {
        hys_diags_add(x->d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "%s in the .xlsx has a DTD; spreadsheets never do, refused", x->part);
        x->rc = HYS_EFORMAT;
    }
    XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL refuse_entity(void *ud, const XML_Char *name, int is_param,
                                  const XML_Char *value, int value_length, const XML_Char *base,
                                  const XML_Char *sysid, const XML_Char *pubid,
                                  const XML_Char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_length, (void)base, (void)sysid;
    (void)pubid, (void)notation;
    refuse_doctype(ud, NULL, NULL, NULL, 0);
}

/* Element handlers that count the nesting: very deep XML would make expat
 * keep millions of open elements. ud is a context whose first member is its
 * xml_ctx. */
static void XMLCALL depth_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xml_ctx *x = ud;
    if (++x->depth > HYS_MAX_XML_DEPTH) {
        if (x->rc == HYS_OK) {
            hys_diags_add(x->d, HYS_DIAG_ERROR, NULL, 0, -1,
                          "%s in the .xlsx is nested more than %d elements deep; refused", x->part,
                          HYS_MAX_XML_DEPTH);
            x->rc = HYS_ELIMIT;
        }
        XML_StopParser(x->p, XML_FALSE);
        return;
    }
    x->start(ud, name, atts);
}

static void XMLCALL depth_end(void *ud, const XML_Char *name)
{
    xml_ctx *x = ud;
    x->depth--;
    x->end(ud, name);
}

static hys_status run_xml(xml_ctx *x, void *ud, const hys_buf *buf, XML_StartElementHandler s,
                          XML_EndElementHandler e, XML_CharacterDataHandler cd)
{
    /* expat allocates through the kiosk's allocator (see alloc.h) */
    static const XML_Memory_Handling_Suite mem = {hys_malloc, hys_realloc, hys_free};
    XML_Parser p = XML_ParserCreate_MM("UTF-8", &mem, NULL);
    if (!p) return HYS_ENOMEM;
    x->p = p;
    x->rc = HYS_OK;
    x->depth = 0;
    x->start = s;
    x->end = e;
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, depth_start, depth_end);
    XML_SetCharacterDataHandler(p, cd);
    XML_SetStartDoctypeDeclHandler(p, refuse_doctype);
    XML_SetEntityDeclHandler(p, refuse_entity);
    if (XML_Parse(p, buf->data ? buf->data : "", (int)buf->len, XML_TRUE) == XML_STATUS_ERROR &&
        x->rc == HYS_OK) {
        hys_diags_add(x->d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "%s in the .xlsx is not well-formed XML (line %lu: %s)", x->part,
                      (unsigned long)XML_GetCurrentLineNumber(p),
                      XML_ErrorString(XML_GetErrorCode(p)));
        x->rc = HYS_EFORMAT;
    }
    XML_ParserFree(p);
    return x->rc;
}

/* Local name of a possibly prefixed element name ("x:row" -> "row"). */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), name) == 0) return atts[i + 1];
    return NULL;
}

/* ---- shared strings ---- */

typedef struct {
    xml_ctx x;
    char **items;
    int n, cap;
    hys_buf cur;
    int in_si, in_t, skip; /* skip: inside <rPh> phonetic runs */
} sst_ctx;

static void XMLCALL sst_start(void *ud, const char *name, const char **atts)
{
    (void)atts;
    sst_ctx *c = ud;
    const char *l = local(name);
    if (strcmp(l, "si") == 0) {
        c->in_si = 1;
        hys_buf_reset(&c->cur);
    } else if (strcmp(l, "rPh") == 0) {
        c->skip = 1;
    } else if (strcmp(l, "t") == 0 && c->in_si && !c->skip) {
        c->in_t = 1;
    }
}

static void XMLCALL sst_end(void *ud, const char *name)
{
    sst_ctx *c = ud;
    const char *l = local(name);
    if (strcmp(l, "t") == 0) {
        c->in_t = 0;
    } else if (strcmp(l, "rPh") == 0) {
        c->skip = 0;
    } else if (strcmp(l, "si") == 0) {
        c->in_si = 0;
        if (c->n >= HYS_MAX_SHARED_STRINGS) {
            hys_diags_add(c->x.d, HYS_DIAG_ERROR, NULL, 0, -1,
                          "the .xlsx has more than %d different texts; refused",
                          HYS_MAX_SHARED_STRINGS);
            c->x.rc = HYS_ELIMIT;
            XML_StopParser(c->x.p, XML_FALSE);
            return;
        }
        if (c->n == c->cap) {
            int cap = c->cap ? c->cap * 2 : 256;
            char **it = hys_realloc(c->items, (size_t)cap * sizeof *it);
            if (!it) goto nomem;
            c->items = it;
            c->cap = cap;
        }
        if (c->cur.failed) { /* NULL: over the cap, reported when a cell uses it */
            c->items[c->n] = NULL;
            c->cur.failed = 0;
        } else {
            c->items[c->n] = hys_strdup(hys_buf_str(&c->cur));
            if (!c->items[c->n]) goto nomem;
        }
        c->n++;
    }
    return;
nomem:
    c->x.rc = HYS_ENOMEM;
    XML_StopParser(c->x.p, XML_FALSE);
}

static void XMLCALL sst_text(void *ud, const char *s, int len)
{
    sst_ctx *c = ud;
    /* over-long strings are kept as NULL and reported when a cell uses them */
    if (c->in_t && !c->skip) hys_buf_add(&c->cur, s, (size_t)len);
}

/* ---- workbook: sheet names and their relationship ids ---- */

typedef struct {
    xml_ctx x;
    int n;
    char *names[64];
    char *rids[64];
    char *targets[64]; /* filled from the rels part */
} wb_ctx;

static void XMLCALL wb_start(void *ud, const char *name, const char **atts)
{
    wb_ctx *c = ud;
    const char *l = local(name);
    if (strcmp(l, "sheet") == 0) {
        const char *nm = attr(atts, "name"), *id = attr(atts, "id");
        if (!nm || !id || c->n >= 64) return;
        c->names[c->n] = hys_strdup(nm);
        c->rids[c->n] = hys_strdup(id);
        c->targets[c->n] = NULL;
        if (!c->names[c->n] || !c->rids[c->n]) {
            hys_free(c->names[c->n]);
            hys_free(c->rids[c->n]);
            c->x.rc = HYS_ENOMEM;
            XML_StopParser(c->x.p, XML_FALSE);
            return;
        }
        c->n++;
    } else if (strcmp(l, "Relationship") == 0) {
        const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
        if (!id || !target) return;
        for (int i = 0; i < c->n; i++) {
            if (strcmp(c->rids[i], id) != 0 || c->targets[i]) continue;
            hys_buf b;
            hys_buf_init(&b, 1024);
            if (target[0] == '/')
                hys_buf_adds(&b, target + 1);
            else
                hys_buf_printf(&b, "xl/%s", target);
            c->targets[i] = hys_buf_take(&b);
        }
    }
}

static void XMLCALL no_end(void *ud, const char *name)
{
    (void)ud, (void)name;
}

static void XMLCALL no_text(void *ud, const char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

/* ---- styles: which cells show a number as a percentage ---- */

#define MAX_STYLES 4096 /* cell styles looked at (more are read as plain numbers) */
#define MAX_PCT_FORMATS 64

typedef struct {
    xml_ctx x;
    int in_xfs;                      /* inside <cellXfs>: the styles cells point to */
    int nxf;                         /* styles seen there so far */
    unsigned char pct[MAX_STYLES];   /* style i shows a percentage */
    int pct_fmt[MAX_PCT_FORMATS], n; /* the workbook's own formats that do (0.0%) */
} styles_ctx;

static void XMLCALL styles_start(void *ud, const char *name, const char **atts)
{
    styles_ctx *c = ud;
    const char *l = local(name);
    if (!strcmp(l, "numFmt")) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        if (id && code && strchr(code, '%') && c->n < MAX_PCT_FORMATS)
            c->pct_fmt[c->n++] = atoi(id);
    } else if (!strcmp(l, "cellXfs")) {
        c->in_xfs = 1;
    } else if (c->in_xfs && !strcmp(l, "xf") && c->nxf < MAX_STYLES) {
        const char *id = attr(atts, "numFmtId");
        int f = id ? atoi(id) : 0, pct = f == 9 || f == 10; /* (Excel's own 0% and 0.00%) */
        for (int i = 0; i < c->n && !pct; i++)
            pct = c->pct_fmt[i] == f;
        c->pct[c->nxf++] = (unsigned char)pct;
    }
}

static void XMLCALL styles_end(void *ud, const char *name)
{
    styles_ctx *c = ud;
    if (!strcmp(local(name), "cellXfs")) c->in_xfs = 0;
}

/* ---- one worksheet ---- */

typedef struct {
    xml_ctx x;
    hys_table *t;
    char **sst;
    int nsst;
    int row, col, next_row, next_col;
    char type[16];
    int percent; /* the cell shows its number as a percentage */
    const styles_ctx *styles;
    int in_v, in_is_t, in_c;
    hys_buf val;
    int reported_long;
} ws_ctx;

/* "AB12" -> col 27, row 12; HYS_OK, or HYS_EFORMAT when malformed. */
static hys_status parse_ref(const char *r, int *col, int *row)
{
    int c = 0, n = 0;
    const char *p = r;
    while (*p >= 'A' && *p <= 'Z') {
        c = c * 26 + (*p - 'A' + 1);
        if (c > 16384) return HYS_EFORMAT;
        p++;
    }
    if (p == r) return HYS_EFORMAT;
    while (*p >= '0' && *p <= '9') {
        n = n * 10 + (*p - '0');
        if (n > 1048576) return HYS_EFORMAT;
        p++;
    }
    if (*p || n == 0) return HYS_EFORMAT;
    *col = c - 1;
    *row = n;
    return HYS_OK;
}

static void XMLCALL ws_start(void *ud, const char *name, const char **atts)
{
    ws_ctx *c = ud;
    const char *l = local(name);
    if (strcmp(l, "row") == 0) {
        const char *r = attr(atts, "r");
        long n = r ? strtol(r, NULL, 10) : 0; /* rows are 1 to 1048576 in a spreadsheet */
        c->row = n > 0 && n <= 1048576 ? (int)n : c->next_row;
        c->next_row = c->row + 1;
        c->next_col = 0;
    } else if (strcmp(l, "c") == 0) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t");
        int col, row;
        if (r && parse_ref(r, &col, &row) == HYS_OK) {
            c->col = col;
            if (row != c->row) c->row = row, c->next_row = row + 1;
        } else {
            c->col = c->next_col;
        }
        c->next_col = c->col + 1;
        snprintf(c->type, sizeof c->type, "%s", t ? t : "n");
        const char *st = attr(atts, "s");
        long si = st ? strtol(st, NULL, 10) : -1;
        c->percent = c->styles && si >= 0 && si < c->styles->nxf && c->styles->pct[si];
        hys_buf_reset(&c->val);
        c->in_c = 1;
    } else if (c->in_c && (strcmp(l, "v") == 0)) {
        c->in_v = 1;
    } else if (c->in_c && strcmp(l, "t") == 0) {
        c->in_is_t = 1;
    }
}

/* Numbers as a person typed them: 1.0 -> "1", 2026112201 stays whole,
 * 0.050000000000000003 (what Excel stores for 0.05) -> "0.05" (the 15
 * digits Excel shows), and in a percentage cell 0.05 -> "5%"; anything
 * that is not a number as written. Returns out or v. */
static const char *number_text(const char *v, int percent, char *out, size_t outn)
{
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end != '\0' || !(x > -1e13 && x < 1e13)) return v;
    if (percent)
        snprintf(out, outn, "%.13g%%", x * 100 == 0 ? 0.0 : x * 100);
    else if (x == (double)(long long)x)
        snprintf(out, outn, "%lld", (long long)x);
    else
        snprintf(out, outn, "%.15g", x);
    return out;
}

static void XMLCALL ws_end(void *ud, const char *name)
{
    ws_ctx *c = ud;
    const char *l = local(name);
    if (strcmp(l, "v") == 0) {
        c->in_v = 0;
    } else if (strcmp(l, "t") == 0) {
        c->in_is_t = 0;
    } else if (strcmp(l, "c") == 0 && c->in_c) {
        c->in_c = 0;
        if (c->val.failed) {
            hys_diags_add(c->x.d, HYS_DIAG_ERROR, c->t->name, c->row, c->col,
                          "the cell is longer than %d bytes", HYS_MAX_CELL_BYTES);
            c->x.rc = HYS_ELIMIT;
            XML_StopParser(c->x.p, XML_FALSE);
            return;
        }
        const char *v = hys_buf_str(&c->val);
        char num[64];
        const char *text = v;
        if (strcmp(c->type, "s") == 0) {
            char *end;
            long i = strtol(v, &end, 10);
            if (end == v || *end || i < 0 || i >= c->nsst) {
                hys_diags_add(c->x.d, HYS_DIAG_ERROR, c->t->name, c->row, c->col,
                              "the cell points to a shared text that does not exist");
                c->x.rc = HYS_EFORMAT;
                XML_StopParser(c->x.p, XML_FALSE);
                return;
            }
            if (!c->sst[i]) { /* a shared text over the cap */
                hys_diags_add(c->x.d, HYS_DIAG_ERROR, c->t->name, c->row, c->col,
                              "the cell is longer than %d bytes", HYS_MAX_CELL_BYTES);
                c->x.rc = HYS_ELIMIT;
                XML_StopParser(c->x.p, XML_FALSE);
                return;
            }
            text = c->sst[i];
        } else if (strcmp(c->type, "b") == 0) {
            text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
        } else if (strcmp(c->type, "n") == 0) {
            text = number_text(v, c->percent, num, sizeof num);
        }
        if (strlen(text) > HYS_MAX_CELL_BYTES) {
            hys_diags_add(c->x.d, HYS_DIAG_ERROR, c->t->name, c->row, c->col,
                          "the cell is longer than %d bytes", HYS_MAX_CELL_BYTES);
            c->x.rc = HYS_ELIMIT;
            XML_StopParser(c->x.p, XML_FALSE);
            return;
        }
        if (!*text) return;
        char *copy = hys_strdup(text);
        if (!copy) {
            c->x.rc = HYS_ENOMEM;
            XML_StopParser(c->x.p, XML_FALSE);
            return;
        }
        hys_trim(copy);
        hys_status rc = *copy ? hys_table_set(c->t, c->row, c->col, copy) : HYS_OK;
        hys_free(copy);
        if (rc == HYS_ELIMIT) {
            if (!c->reported_long)
                hys_diags_add(c->x.d, HYS_DIAG_ERROR, c->t->name, c->row, c->col,
                              "the sheet is too big (at most %d rows and %d columns)", HYS_MAX_ROWS,
                              HYS_MAX_COLS);
            c->reported_long = 1;
            c->x.rc = HYS_ELIMIT;
            XML_StopParser(c->x.p, XML_FALSE);
        } else if (rc) {
            c->x.rc = rc;
            XML_StopParser(c->x.p, XML_FALSE);
        }
    }
}

static void XMLCALL ws_text(void *ud, const char *s, int len)
{
    ws_ctx *c = ud;
    if (c->in_v || c->in_is_t) hys_buf_add(&c->val, s, (size_t)len);
}

/* ---- the whole workbook ---- */

hys_status hys_xlsx_read_mem(const void *data, size_t n, hys_book *book, hys_diags *d)
{
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(data, n, 0, &zerr);
    if (!src) {
        zip_error_fini(&zerr);
        return HYS_ENOMEM;
    }
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &zerr);
    if (!z) {
        zip_source_free(src);
        zip_error_fini(&zerr);
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "not a readable .xlsx file (it is not a zip archive); save it again "
                      "as \"Excel 2007-365 (.xlsx)\"");
        return HYS_EFORMAT;
    }
    zip_error_fini(&zerr);
    hys_status rc = HYS_OK;
    sst_ctx sst;
    memset(&sst, 0, sizeof sst);
    hys_buf_init(&sst.cur, HYS_MAX_CELL_BYTES);
    wb_ctx wb;
    memset(&wb, 0, sizeof wb);
    hys_buf part;
    hys_buf_init(&part, 0);
    styles_ctx *styles = NULL;

    if (zip_get_num_entries(z, 0) > HYS_MAX_XLSX_PARTS) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "the .xlsx holds more than %d parts; refused",
                      HYS_MAX_XLSX_PARTS);
        rc = HYS_ELIMIT;
        goto done;
    }
    rc = read_part(z, "xl/sharedStrings.xml", &part, d, 1);
    if (rc == HYS_OK) {
        sst.x.d = d;
        sst.x.part = "xl/sharedStrings.xml";
        rc = run_xml(&sst.x, &sst, &part, sst_start, sst_end, sst_text);
    } else if (rc == HYS_ENOTFOUND) {
        rc = HYS_OK;
    }
    hys_buf_free(&part);
    if (rc) goto done;

    styles = hys_calloc(1, sizeof *styles);
    if (!styles) {
        rc = HYS_ENOMEM;
        goto done;
    }
    styles->x.d = d;
    styles->x.part = "xl/styles.xml";
    rc = read_part(z, "xl/styles.xml", &part, d, 1);
    if (rc == HYS_OK) rc = run_xml(&styles->x, styles, &part, styles_start, styles_end, no_text);
    if (rc == HYS_ENOTFOUND) rc = HYS_OK; /* (no styles: plain numbers) */
    hys_buf_free(&part);
    if (rc) goto done;

    wb.x.d = d;
    wb.x.part = "xl/workbook.xml";
    rc = read_part(z, "xl/workbook.xml", &part, d, 0);
    if (!rc) rc = run_xml(&wb.x, &wb, &part, wb_start, no_end, no_text);
    hys_buf_free(&part);
    if (rc) goto done;
    wb.x.part = "xl/_rels/workbook.xml.rels";
    rc = read_part(z, "xl/_rels/workbook.xml.rels", &part, d, 0);
    if (!rc) rc = run_xml(&wb.x, &wb, &part, wb_start, no_end, no_text);
    hys_buf_free(&part);
    if (rc) goto done;

    for (int i = 0; i < wb.n && !rc; i++) {
        if (!wb.targets[i]) continue; /* chart sheets and the like */
        ws_ctx ws;
        memset(&ws, 0, sizeof ws);
        ws.x.d = d;
        ws.x.part = wb.targets[i];
        ws.sst = sst.items;
        ws.nsst = sst.n;
        ws.styles = styles;
        ws.next_row = 1;
        hys_buf_init(&ws.val, HYS_MAX_CELL_BYTES);
        ws.t = hys_book_add(book, wb.names[i]);
        if (!ws.t) {
            rc = HYS_ENOMEM;
            break;
        }
        rc = read_part(z, wb.targets[i], &part, d, 0);
        if (!rc) rc = run_xml(&ws.x, &ws, &part, ws_start, ws_end, ws_text);
        hys_buf_free(&part);
        hys_buf_free(&ws.val);
    }

done:
    hys_free(styles);
    if (rc == HYS_ENOMEM) hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "out of memory");
    for (int i = 0; i < sst.n; i++)
        hys_free(sst.items[i]);
    hys_free(sst.items);
    hys_buf_free(&sst.cur);
    for (int i = 0; i < wb.n; i++) {
        hys_free(wb.names[i]);
        hys_free(wb.rids[i]);
        hys_free(wb.targets[i]);
    }
    zip_close(z);
    return rc;
}
