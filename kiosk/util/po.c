/* po: gettext .po reader (see po.h). Handles msgctxt (kept apart from
 * msgid), multi-line strings, C escapes, comments and the "fuzzy" flag.
 * Plural forms are read but only msgstr[0] is used. */
#include "po.h"

#include "alloc.h"
#include "buf.h"
#include "limits.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *id, *str;
} entry;

struct hys_po {
    entry *e;
    int n, cap;
};

void hys_po_destroy(hys_po *po)
{
    if (!po) return;
    for (int i = 0; i < po->n; i++)
        hys_free(po->e[i].id), hys_free(po->e[i].str);
    hys_free(po->e);
    hys_free(po);
}

/* Parse one "..." string at p into out; returns the position after it or NULL. */
static const char *read_quoted(const char *p, const char *end, hys_buf *out)
{
    if (p >= end || *p != '"') return NULL;
    p++;
    while (p < end && *p != '"') {
        if (*p == '\n') return NULL;
        if (*p == '\\' && p + 1 < end) {
            p++;
            switch (*p) {
            case 'n':
                hys_buf_addc(out, '\n');
                break;
            case 't':
                hys_buf_addc(out, '\t');
                break;
            case '"':
                hys_buf_addc(out, '"');
                break;
            case '\\':
                hys_buf_addc(out, '\\');
                break;
            default:
                return NULL;
            }
            p++;
        } else {
            hys_buf_addc(out, *p++);
        }
    }
    return p < end ? p + 1 : NULL;
}

/* 1 when the flags comment s..end names "fuzzy". */
static int has_fuzzy(const char *s, const char *end)
{
    for (; s + 5 <= end; s++)
        if (!strncmp(s, "fuzzy", 5)) return 1;
    return 0;
}

/* Keep a translation (not the header, nor an untranslated one): HYS_OK, or
 * HYS_ENOMEM. */
static hys_status add_entry(hys_po *po, hys_buf *id, hys_buf *str)
{
    if (id->len == 0 || str->len == 0) return HYS_OK; /* header or untranslated */
    if (po->n == po->cap) {
        int cap = po->cap ? po->cap * 2 : 64;
        entry *e = hys_realloc(po->e, (size_t)cap * sizeof *e);
        if (!e) return HYS_ENOMEM;
        po->e = e;
        po->cap = cap;
    }
    char *a = hys_strdup(hys_buf_str(id)), *b = hys_strdup(hys_buf_str(str));
    if (!a || !b) {
        hys_free(a), hys_free(b);
        return HYS_ENOMEM;
    }
    po->e[po->n].id = a;
    po->e[po->n].str = b;
    po->n++;
    return HYS_OK;
}

hys_po *hys_po_parse(const char *data, size_t n, hys_status *rc, char *err, size_t errn)
{
    *rc = HYS_OK;
    err[0] = '\0';
    if (!hys_utf8_valid(data, n)) {
        *rc = HYS_EFORMAT;
        snprintf(err, errn, "the file is not UTF-8");
        return NULL;
    }
    hys_po *po = hys_calloc(1, sizeof *po);
    if (!po) {
        *rc = HYS_ENOMEM;
        return NULL;
    }
    hys_buf id, str, ctx;
    hys_buf_init(&id, HYS_MAX_CELL_BYTES);
    hys_buf_init(&str, HYS_MAX_CELL_BYTES);
    hys_buf_init(&ctx, HYS_MAX_CELL_BYTES);
    hys_buf *cur = NULL;
    int fuzzy = 0, next_fuzzy = 0, line = 1, in_str0 = 0;
    const char *p = data, *end = data + n;
    while (p < end && *rc == HYS_OK) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *s = p;
        while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++;
        if (s == eol) {
        } else if (*s == '#') {
            if (s + 1 < eol && s[1] == ',' && has_fuzzy(s, eol)) next_fuzzy = 1;
        } else if (*s == '"') {
            if (!cur || !read_quoted(s, eol, in_str0 || cur != &str ? cur : &str)) goto bad;
        } else {
            const char *kw = s;
            while (s < eol && *s != ' ' && *s != '\t')
                s++;
            size_t kl = (size_t)(s - kw);
            while (s < eol && (*s == ' ' || *s == '\t'))
                s++;
            if ((kl == 5 && !strncmp(kw, "msgid", 5)) || (kl == 7 && !strncmp(kw, "msgctxt", 7))) {
                int is_ctx = kl == 7;
                if (cur == &str || (cur == NULL && id.len)) {
                    if (!fuzzy && add_entry(po, &id, &str) != HYS_OK) goto nomem;
                    hys_buf_reset(&id), hys_buf_reset(&str), hys_buf_reset(&ctx);
                }
                if (cur == &str || cur == NULL || is_ctx) fuzzy = next_fuzzy, next_fuzzy = 0;
                cur = is_ctx ? &ctx : &id;
                in_str0 = 0;
            } else if (kl == 12 && !strncmp(kw, "msgid_plural", 12)) {
                cur = NULL; /* plural source text is not needed */
                hys_buf dummy;
                hys_buf_init(&dummy, HYS_MAX_CELL_BYTES);
                const char *ok = read_quoted(s, eol, &dummy);
                hys_buf_free(&dummy);
                if (!ok) goto bad;
                p = eol + 1, line++;
                continue;
            } else if (kl == 6 && !strncmp(kw, "msgstr", 6)) {
                cur = &str;
                in_str0 = 1;
            } else if (kl >= 9 && !strncmp(kw, "msgstr[", 7)) {
                in_str0 = kw[7] == '0';
                cur = &str;
                if (!in_str0) {
                    hys_buf dummy;
                    hys_buf_init(&dummy, HYS_MAX_CELL_BYTES);
                    const char *ok = read_quoted(s, eol, &dummy);
                    hys_buf_free(&dummy);
                    if (!ok) goto bad;
                    p = eol + 1, line++;
                    continue;
                }
            } else {
                goto bad;
            }
            if (!read_quoted(s, eol, cur)) goto bad;
        }
        if (id.failed || str.failed || ctx.failed) {
            snprintf(err, errn, "line %d: a text is longer than %d bytes", line,
                     HYS_MAX_CELL_BYTES);
            *rc = HYS_ELIMIT;
            break;
        }
        p = eol + 1;
        line++;
    }
    if (*rc == HYS_OK && !fuzzy && add_entry(po, &id, &str) != HYS_OK) goto nomem;
    goto done;
bad:
    *rc = HYS_EFORMAT;
    snprintf(err, errn, "line %d: expected msgctxt, msgid, msgstr or a \"quoted\" text", line);
    goto done;
nomem:
    *rc = HYS_ENOMEM;
    snprintf(err, errn, "out of memory");
done:
    hys_buf_free(&id), hys_buf_free(&str), hys_buf_free(&ctx);
    if (*rc) {
        hys_po_destroy(po);
        return NULL;
    }
    return po;
}

hys_po *hys_po_load(const char *dir, const char *code, hys_status *rc, char *err, size_t errn)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.po", dir, code);
    *rc = HYS_ENOTFOUND;
    snprintf(err, errn, "%s: no such file", path);
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    hys_buf b;
    hys_buf_init(&b, 4L * 1024 * 1024);
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        hys_buf_add(&b, chunk, got);
    fclose(fp);
    if (b.failed) {
        *rc = HYS_ELIMIT;
        snprintf(err, errn, "%s: too big or out of memory", path);
        hys_buf_free(&b);
        return NULL;
    }
    char inner[200];
    hys_po *po = hys_po_parse(b.data ? b.data : "", b.len, rc, inner, sizeof inner);
    if (!po) snprintf(err, errn, "%s: %s", path, inner);
    hys_buf_free(&b);
    return po;
}

const char *hys_po_get(const hys_po *po, const char *msgid)
{
    if (!po) return msgid;
    for (int i = 0; i < po->n; i++)
        if (!strcmp(po->e[i].id, msgid)) return po->e[i].str;
    return msgid;
}

int hys_po_count(const hys_po *po)
{
    return po ? po->n : 0;
}
