/* json: strict reader for manifests (see json.h). Recursive descent with a
 * depth cap; every value is a node in one tree freed together. */
#include "json.h"

#include "../util/alloc.h"
#include "../util/limits.h"
#include "../util/status.h"
#include "../util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hys_json {
    hys_json_kind kind;
    long long num;
    char *str; /* STRING: the value; member of an OBJECT: also has key */
    char *key; /* the member's name when the parent is an object */
    hys_json **kids;
    int nkids;
};

typedef struct parser {
    const char *s;
    size_t n, i;
    int nodes;
    char *err;
    size_t errn;
} parser;

/* Note the first problem found, at the byte it was found at. */
static void fail(parser *p, const char *what)
{
    if (p->err[0] == 0) snprintf(p->err, p->errn, "byte %zu: %s", p->i, what);
}

static void skip_ws(parser *p)
{
    while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
        p->i++;
}

static hys_json *node(parser *p, hys_json_kind kind)
{
    if (++p->nodes > HYS_MAX_JSON_NODES) {
        fail(p, "too many values");
        return NULL;
    }
    hys_json *j = hys_calloc(1, sizeof *j);
    if (!j) fail(p, "out of memory");
    if (j) j->kind = kind;
    return j;
}

/* Four hex digits into *out: HYS_OK, or HYS_EFORMAT (the reason in p->err). */
static hys_status hex4(parser *p, unsigned *out)
{
    if (p->n - p->i < 4) {
        fail(p, "a short \\u escape");
        return HYS_EFORMAT;
    }
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i++];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else {
            fail(p, "a bad \\u escape");
            return HYS_EFORMAT;
        }
    }
    *out = v;
    return HYS_OK;
}

/* A string at p->i (the opening quote); returns it allocated, or NULL. */
static char *string(parser *p)
{
    p->i++; /* the quote */
    size_t cap = 64, len = 0;
    char *out = hys_malloc(cap);
    if (!out) {
        fail(p, "out of memory");
        return NULL;
    }
    for (;;) {
        if (p->i >= p->n) {
            fail(p, "a string does not end");
            break;
        }
        unsigned char c = (unsigned char)p->s[p->i];
        char enc[8];
        size_t k = 0;
        if (c == '"') {
            p->i++;
            out[len] = 0;
            if (!hys_utf8_valid(out, len)) {
                fail(p, "a string is not UTF-8");
                break;
            }
            return out;
        } else if (c < 0x20) {
            fail(p, "a control character inside a string");
            break;
        } else if (c == '\\') {
            if (++p->i >= p->n) {
                fail(p, "a string does not end");
                break;
            }
            char e = p->s[p->i++];
            const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
            const char *at = strchr(from, e);
            if (e && at) {
                enc[k++] = to[at - from];
            } else if (e == 'u') {
                unsigned cp;
                if (hex4(p, &cp) != HYS_OK) break;
                if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
                    unsigned lo;
                    if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
                        fail(p, "half a surrogate pair");
                        break;
                    }
                    p->i += 2;
                    if (hex4(p, &lo) != HYS_OK) break;
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        fail(p, "half a surrogate pair");
                        break;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail(p, "half a surrogate pair");
                    break;
                }
                if (cp == 0) {
                    fail(p, "a NUL character in a string");
                    break;
                }
                k = hys_utf8_encode(cp, enc);
            } else {
                fail(p, "an unknown escape");
                break;
            }
        } else {
            enc[k++] = (char)c;
            p->i++;
        }
        if (len + k + 1 > HYS_MAX_MANIFEST_BYTES) {
            fail(p, "a string is too long");
            break;
        }
        if (len + k + 1 > cap) {
            char *bigger = hys_realloc(out, cap * 2);
            if (!bigger) {
                fail(p, "out of memory");
                break;
            }
            out = bigger, cap *= 2;
        }
        memcpy(out + len, enc, k);
        len += k;
    }
    hys_free(out);
    return NULL;
}

static hys_json *value(parser *p, int depth);

/* Add kid to parent's members or elements: HYS_OK, or HYS_ENOMEM (the
 * reason in p->err). */
static hys_status add_kid(parser *p, hys_json *parent, hys_json *kid)
{
    hys_json **more = hys_realloc(parent->kids, (size_t)(parent->nkids + 1) * sizeof *more);
    if (!more) {
        fail(p, "out of memory");
        return HYS_ENOMEM;
    }
    parent->kids = more;
    parent->kids[parent->nkids++] = kid;
    return HYS_OK;
}

/* An array or object at p->i (its opening bracket). */
static hys_json *container(parser *p, int depth, int object)
{
    hys_json *j = node(p, object ? HYS_JSON_OBJECT : HYS_JSON_ARRAY);
    if (!j) return NULL;
    p->i++;
    skip_ws(p);
    char close = object ? '}' : ']';
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        return j;
    }
    for (;;) {
        char *key = NULL;
        if (object) {
            skip_ws(p);
            if (p->i >= p->n || p->s[p->i] != '"') {
                fail(p, "a member name was expected");
                break;
            }
            key = string(p);
            if (!key) break;
            for (int k = 0; k < j->nkids; k++)
                if (!strcmp(j->kids[k]->key, key)) fail(p, "a member name appears twice");
            skip_ws(p);
            if (p->err[0] || p->i >= p->n || p->s[p->i] != ':') {
                fail(p, "':' was expected");
                hys_free(key);
                break;
            }
            p->i++;
        }
        hys_json *kid = value(p, depth + 1);
        if (!kid) {
            hys_free(key);
            break;
        }
        kid->key = key;
        if (add_kid(p, j, kid) != HYS_OK) {
            hys_json_free(kid);
            break;
        }
        skip_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->n && p->s[p->i] == close) {
            p->i++;
            return j;
        }
        fail(p, object ? "',' or '}' was expected" : "',' or ']' was expected");
        break;
    }
    hys_json_free(j);
    return NULL;
}

static hys_json *value(parser *p, int depth)
{
    if (depth > HYS_MAX_JSON_DEPTH) {
        fail(p, "nested too deeply");
        return NULL;
    }
    skip_ws(p);
    if (p->i >= p->n) {
        fail(p, "a value was expected");
        return NULL;
    }
    char c = p->s[p->i];
    if (c == '{' || c == '[') return container(p, depth, c == '{');
    if (c == '"') {
        char *s = string(p);
        hys_json *j = s ? node(p, HYS_JSON_STRING) : NULL;
        if (!j) {
            hys_free(s);
            return NULL;
        }
        j->str = s;
        return j;
    }
    static const struct {
        const char *word;
        hys_json_kind kind;
        int v;
    } words[] = {
        {"true", HYS_JSON_BOOL, 1}, {"false", HYS_JSON_BOOL, 0}, {"null", HYS_JSON_NULL, 0}};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t len = strlen(words[w].word);
        if (p->n - p->i >= len && !memcmp(p->s + p->i, words[w].word, len)) {
            p->i += len;
            hys_json *j = node(p, words[w].kind);
            if (j) j->num = words[w].v;
            return j;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        size_t start = p->i;
        if (c == '-') p->i++;
        int digits = 0;
        while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
            p->i++, digits++;
        if (digits == 0 || digits > 18) {
            fail(p, "a number is not a whole number of up to 18 digits");
            return NULL;
        }
        if (p->i < p->n && strchr(".eE", p->s[p->i]) && p->s[p->i]) {
            fail(p, "only whole numbers are expected");
            return NULL;
        }
        char buf[24];
        memcpy(buf, p->s + start, p->i - start);
        buf[p->i - start] = 0;
        hys_json *j = node(p, HYS_JSON_INT);
        if (j) j->num = strtoll(buf, NULL, 10);
        return j;
    }
    fail(p, "a value was expected");
    return NULL;
}

hys_json *hys_json_parse(const char *text, size_t n, char *err, size_t errn)
{
    char dummy[8];
    if (!err || errn == 0) err = dummy, errn = sizeof dummy;
    err[0] = 0;
    parser p = {text, n, 0, 0, err, errn};
    if (n > HYS_MAX_MANIFEST_BYTES) {
        fail(&p, "the file is too big for a manifest");
        return NULL;
    }
    hys_json *root = value(&p, 0);
    if (!root) return NULL;
    skip_ws(&p);
    if (p.i != n) {
        fail(&p, "something follows the value");
        hys_json_free(root);
        return NULL;
    }
    return root;
}

void hys_json_free(hys_json *j)
{
    if (!j) return;
    for (int i = 0; i < j->nkids; i++)
        hys_json_free(j->kids[i]);
    hys_free(j->kids);
    hys_free(j->str);
    hys_free(j->key);
    hys_free(j);
}

hys_json_kind hys_json_type(const hys_json *j)
{
    return j ? j->kind : HYS_JSON_NULL;
}

const hys_json *hys_json_get(const hys_json *j, const char *key)
{
    if (!j || j->kind != HYS_JSON_OBJECT) return NULL;
    for (int i = 0; i < j->nkids; i++)
        if (!strcmp(j->kids[i]->key, key)) return j->kids[i];
    return NULL;
}

const char *hys_json_str(const hys_json *j)
{
    return j && j->kind == HYS_JSON_STRING ? j->str : NULL;
}

long long hys_json_int(const hys_json *j, long long dflt)
{
    return j && (j->kind == HYS_JSON_INT || j->kind == HYS_JSON_BOOL) ? j->num : dflt;
}

int hys_json_count(const hys_json *j)
{
    return j && (j->kind == HYS_JSON_OBJECT || j->kind == HYS_JSON_ARRAY) ? j->nkids : 0;
}

const hys_json *hys_json_at(const hys_json *j, int i)
{
    return i >= 0 && i < hys_json_count(j) ? j->kids[i] : NULL;
}

const char *hys_json_key_at(const hys_json *j, int i)
{
    return j && j->kind == HYS_JSON_OBJECT && i >= 0 && i < j->nkids ? j->kids[i]->key : NULL;
}

void hys_json_write_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c < 0x20)
            fprintf(out, "\\u%04x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}
