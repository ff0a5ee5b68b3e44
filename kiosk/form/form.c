/* form: XLSForm sheets -> checked question model (see form.h).
 * The readers (xlsx.c, csv.c) turn a file into sheets of cells; this file
 * maps header columns, checks every row, and builds hys_form. */
#include "form.h"

#include "csv.h"
#include "table.h"
#include "xlsx.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/text.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---------- languages ---------- */

static const struct {
    const char *code, *english, *autonym;
} known_langs[] = {
    {"en", "english", "English"},
    {"cy", "welsh", "Cymraeg"},
    {"pl", "polish", "Polski"},
    {"ro", "romanian", "Română"},
    {"ur", "urdu", "اردو"},
    {"ar", "arabic", "العربية"},
    {"bn", "bengali", "বাংলা"},
    {"pa", "punjabi", "ਪੰਜਾਬੀ"},
    {"fr", "french", "Français"},
    {"es", "spanish", "Español"},
    {"pt", "portuguese", "Português"},
    {"lt", "lithuanian", "Lietuvių"},
    {"so", "somali", "Soomaali"},
    {"ti", "tigrinya", "ትግርኛ"},
    {"fa", "farsi", "فارسی"},
    {"ku", "kurdish", "Kurdî"},
    {"ta", "tamil", "தமிழ்"},
    {"gu", "gujarati", "ગુજરાતી"},
    {"zh", "chinese", "中文"},
    {"de", "german", "Deutsch"},
    {"it", "italian", "Italiano"},
    {"uk", "ukrainian", "Українська"},
    {"ru", "russian", "Русский"},
    {"tr", "turkish", "Türkçe"},
};

const char *hys_lang_autonym(const hys_language *l)
{
    for (size_t i = 0; i < sizeof known_langs / sizeof known_langs[0]; i++)
        if (hys_ieq(known_langs[i].code, l->code)) return known_langs[i].autonym;
    return l->name;
}

/* ---------- building state ---------- */

typedef struct lang_slot {
    char code[16];
    char name[64];
    int plain; /* the language of columns written without ::Language */
} lang_slot;

typedef struct colmap {
    char key[80]; /* canonical column name, e.g. "label", "media::image" */
    int lang;     /* language slot, or -1 */
} colmap;

typedef struct builder {
    hys_form *f;
    hys_diags *d;
    int check_media;
    int nslots;
    lang_slot slots[HYS_MAX_LANGUAGES + 1];
    int lang_overflow;
    hys_status rc;
} builder;

static void nomem(builder *b)
{
    if (b->rc == HYS_OK) hys_diags_add(b->d, HYS_DIAG_ERROR, NULL, 0, -1, "out of memory");
    b->rc = HYS_ENOMEM;
}

/* Split "English (en)" into a name and a code. */
static void parse_lang(const char *spec, char *name, size_t nn, char *code, size_t cn)
{
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s", spec);
    hys_trim(tmp);
    code[0] = '\0';
    size_t len = strlen(tmp);
    char *open = strrchr(tmp, '(');
    if (len > 2 && tmp[len - 1] == ')' && open) {
        tmp[len - 1] = '\0';
        snprintf(code, cn, "%s", open + 1);
        hys_trim(code);
        *open = '\0';
        hys_trim(tmp);
    }
    snprintf(name, nn, "%s", tmp);
    if (!code[0]) {
        for (size_t i = 0; i < sizeof known_langs / sizeof known_langs[0]; i++)
            if (hys_ieq(known_langs[i].english, tmp) || hys_ieq(known_langs[i].autonym, tmp) ||
                hys_ieq(known_langs[i].code, tmp))
                snprintf(code, cn, "%s", known_langs[i].code);
    }
    if (!code[0]) snprintf(code, cn, "%s", tmp);
    hys_ascii_lower(code);
}

/* Slot index for a language spec ("" = plain). -1 when there are too many. */
static int lang_slot_for(builder *b, const char *spec, const char *sheet, int col)
{
    char name[64], code[16];
    int plain = spec == NULL || !*spec;
    if (plain) {
        snprintf(name, sizeof name, "default");
        code[0] = '\0';
    } else {
        parse_lang(spec, name, sizeof name, code, sizeof code);
    }
    for (int i = 0; i < b->nslots; i++) {
        if (plain ? b->slots[i].plain : (!b->slots[i].plain && hys_ieq(b->slots[i].code, code)))
            return i;
    }
    if (b->nslots >= HYS_MAX_LANGUAGES) {
        if (!b->lang_overflow)
            hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, 1, col,
                          "more than %d languages; the kiosk shows at most %d",
                          HYS_MAX_LANGUAGES - 1, HYS_MAX_LANGUAGES - 1);
        b->lang_overflow = 1;
        return -1;
    }
    lang_slot *s = &b->slots[b->nslots];
    snprintf(s->name, sizeof s->name, "%s", name);
    snprintf(s->code, sizeof s->code, "%s", code);
    s->plain = plain;
    return b->nslots++;
}

/* ---------- headers ---------- */

/* Map one header cell to a canonical key and language slot. */
static void map_header(builder *b, const char *sheet, int col, const char *raw, colmap *out)
{
    char h[256];
    snprintf(h, sizeof h, "%s", raw ? raw : "");
    hys_trim(h);
    out->key[0] = '\0';
    out->lang = -1;
    if (!h[0]) return;
    /* split on "::", or on ":" when there is no "::" */
    char *parts[4] = {0};
    int np = 0;
    char *p = h;
    const char *sep = strstr(h, "::") ? "::" : ":";
    size_t seplen = strlen(sep);
    while (np < 4) {
        parts[np++] = p;
        char *q = strstr(p, sep);
        if (!q) break;
        *q = '\0';
        p = q + seplen;
    }
    for (int i = 0; i < np; i++)
        hys_trim(parts[i]);
    int first = 0;
    char lower0[64];
    snprintf(lower0, sizeof lower0, "%.63s", parts[0]); /* keys are short */
    hys_ascii_lower(lower0);
    if (np > 1 && (!strcmp(lower0, "bind") || !strcmp(lower0, "control") ||
                   !strcmp(lower0, "body") || !strcmp(lower0, "instance")))
        first = 1;
    char k0[64];
    snprintf(k0, sizeof k0, "%.63s", parts[first]);
    hys_ascii_lower(k0);
    /* collapse spaces to underscores for keys like "list name" */
    for (char *c = k0; *c; c++)
        if (*c == ' ') *c = '_';
    const char *lang = NULL;
    if (!strcmp(k0, "media") && np > first + 1) {
        char k1[32];
        snprintf(k1, sizeof k1, "%s", parts[first + 1]);
        hys_ascii_lower(k1);
        snprintf(out->key, sizeof out->key, "media::%s", k1);
        if (np > first + 2) lang = parts[first + 2];
    } else if (!strcmp(k0, "jr") && np > first + 1) {
        snprintf(out->key, sizeof out->key, "jr:%s", parts[first + 1]);
        hys_ascii_lower(out->key);
    } else {
        if (!strcmp(k0, "image") || !strcmp(k0, "audio") || !strcmp(k0, "video") ||
            !strcmp(k0, "big-image"))
            snprintf(out->key, sizeof out->key, "media::%s", k0);
        else if (!strcmp(k0, "readonly"))
            snprintf(out->key, sizeof out->key, "read_only");
        else if (!strcmp(k0, "constraint_message") || !strcmp(k0, "constraintmsg"))
            snprintf(out->key, sizeof out->key, "constraint_message");
        else
            snprintf(out->key, sizeof out->key, "%s", k0);
        if (np > first + 1) lang = parts[first + 1];
    }
    int translatable =
        !strcmp(out->key, "label") || !strcmp(out->key, "hint") || !strncmp(out->key, "media::", 7);
    if (translatable) out->lang = lang_slot_for(b, lang, sheet, col);
}

/* Find the column for key (and any language) in a header; -1 when absent. */
static int find_col(const colmap *cols, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(cols[i].key, key)) return i;
    return -1;
}

static const char *cell(const hys_row *r, int col)
{
    const char *c = col >= 0 ? hys_row_cell(r, col) : NULL;
    return c && *c ? c : NULL;
}

/* ---------- media ---------- */

static int safe_relative(const char *p)
{
    if (!*p || p[0] == '/' || strchr(p, '\\') || strchr(p, ':')) return 0;
    const char *s = p;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if ((n == 2 && !strncmp(s, "..", 2)) || n == 0) return 0;
        s += n + (e ? 1 : 0);
    }
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && hys_ieq(s + a - b, suffix);
}

/* The size in pixels of a .png (from the first bytes of the file, head) or
 * a .jpg (read from fp): a small file can unpack to gigabytes. 0 when it
 * cannot be told. */
static void picture_size(const unsigned char *head, size_t got, FILE *fp, int png, long *w, long *h)
{
    unsigned char b[10];
    *w = *h = 0;
    if (png) { /* the IHDR chunk comes first: width and height, big-endian */
        if (got >= 24 && !memcmp(head + 12, "IHDR", 4)) {
            *w = (long)((unsigned long)head[16] << 24 | (unsigned long)head[17] << 16 |
                        (unsigned long)head[18] << 8 | head[19]);
            *h = (long)((unsigned long)head[20] << 24 | (unsigned long)head[21] << 16 |
                        (unsigned long)head[22] << 8 | head[23]);
        }
        return;
    }
    /* JPEG: walk the segments to a start-of-frame (SOF0..SOF15 but 4, 8, 12) */
    if (fseek(fp, 2, SEEK_SET) != 0) return;
    for (int seg = 0; seg < 1000 && fread(b, 1, 2, fp) == 2 && b[0] == 0xFF; seg++) {
        /* (a marker may be preceded by any number of 0xFF fill bytes) */
        int marker = b[1], fill = 0;
        while (marker == 0xFF && fill++ < 65536) {
            int c = fgetc(fp);
            if (c == EOF) return;
            marker = c;
        }
        if (fread(b + 2, 1, 2, fp) != 2) return;
        int len = b[2] << 8 | b[3];
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            if (fread(b, 1, 5, fp) == 5) {
                *h = b[1] << 8 | b[2];
                *w = b[3] << 8 | b[4];
            }
            return;
        }
        if (len < 2 || fseek(fp, len - 2, SEEK_CUR) != 0) return;
    }
}

/* Resolve and check a media file; returns a full path (owned) or NULL. */
static char *media_path(builder *b, const char *sheet, int row, int col, const char *value,
                        int audio)
{
    if (!safe_relative(value)) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "\"%s\": give just the file name of a file beside the question set "
                      "(no folders above it, no drive letters)",
                      value);
        return NULL;
    }
    int ok_ext = audio ? ends_with(value, ".wav")
                       : (ends_with(value, ".png") || ends_with(value, ".jpg") ||
                          ends_with(value, ".jpeg") || ends_with(value, ".svg"));
    if (!ok_ext) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col, "\"%s\": %s", value,
                      audio ? "sounds must be .wav files" : "pictures must be .png, .jpg or .svg");
        return NULL;
    }
    hys_buf path;
    hys_buf_init(&path, 4096);
    if (b->f->dir)
        hys_buf_printf(&path, "%s/%s", b->f->dir, value);
    else
        hys_buf_adds(&path, value);
    char *full = hys_buf_take(&path);
    if (!full) {
        nomem(b);
        return NULL;
    }
    if (!b->check_media) return full;
    FILE *fp = fopen(full, "rb");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "the file \"%s\" is not beside the question set", value);
        if (fp) fclose(fp);
        hys_free(full);
        return NULL;
    }
    unsigned char head[512] = {0};
    size_t got = fread(head, 1, sizeof head - 1, fp);
    long pw = 0, ph = 0;
    int png = ends_with(value, ".png");
    if (!audio && !ends_with(value, ".svg") && st.st_size <= HYS_MAX_MEDIA_BYTES)
        picture_size(head, got, fp, png, &pw, &ph);
    fclose(fp);
    if (pw > 20000 || ph > 20000 || pw * ph > HYS_MAX_PICTURE_PIXELS) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      "the picture \"%s\" is %ld x %ld pixels, too big to show (at most %ld "
                      "million pixels): save it smaller",
                      value, pw, ph, HYS_MAX_PICTURE_PIXELS / 1000000);
        hys_free(full);
        return NULL;
    }
    int ok;
    if (st.st_size > HYS_MAX_MEDIA_BYTES)
        ok = 0;
    else if (audio)
        ok = got >= 12 && !memcmp(head, "RIFF", 4) && !memcmp(head + 8, "WAVE", 4);
    else if (png)
        ok = got >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8);
    else if (ends_with(value, ".svg"))
        ok = strstr((char *)head, "<svg") != NULL || strstr((char *)head, "<?xml") != NULL;
    else
        ok = got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    if (!ok) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, row, col,
                      st.st_size > HYS_MAX_MEDIA_BYTES
                          ? "the file \"%s\" is too big (over 16 MB)"
                          : "the file \"%s\" is not the kind of file its name says",
                      value);
        hys_free(full);
        return NULL;
    }
    return full;
}

/* Store the translatable cells of row r (label, hint, media) into the i18n
 * fields given; keys not present are skipped. */
static void read_i18n(builder *b, const char *sheet, const hys_row *r, const colmap *cols,
                      int ncols, const char *key, hys_i18n *dst, int media)
{
    for (int c = 0; c < ncols; c++) {
        if (strcmp(cols[c].key, key) || cols[c].lang < 0) continue;
        dst->col[cols[c].lang] = (short)(c + 1); /* even when empty: where it belongs */
        const char *v = cell(r, c);
        if (!v) continue;
        char *s = media ? media_path(b, sheet, r->number, c, v, media == 2) : hys_strdup(v);
        if (!s) {
            if (!media) nomem(b);
            continue;
        }
        if (!hys_utf8_valid(s, strlen(s))) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, sheet, r->number, c, "the text is not UTF-8");
            hys_free(s);
            continue;
        }
        hys_free(dst->by_lang[cols[c].lang]);
        dst->by_lang[cols[c].lang] = s;
    }
}

static void i18n_free(hys_i18n *t)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_free(t->by_lang[i]);
}

static int i18n_empty(const hys_i18n *t)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        if (t->by_lang[i]) return 0;
    return 1;
}

static int i18n_copy(hys_i18n *dst, const hys_i18n *src)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++) {
        dst->by_lang[i] = NULL;
        dst->col[i] = src->col[i];
        if (src->by_lang[i] && !(dst->by_lang[i] = hys_strdup(src->by_lang[i]))) return 0;
    }
    return 1;
}

/* ---------- column rules ---------- */

static const char *const survey_refused[] = {
    "constraint",   "calculation", "choice_filter", "default",      "read_only",
    "repeat_count", "trigger",     "parameters",    "media::video", "body::accuracythreshold"};
static const char *const survey_used[] = {"type",       "name",         "label",
                                          "hint",       "required",     "relevant",
                                          "appearance", "media::image", "media::audio"};

static int in_list(const char *k, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(k, list[i])) return 1;
    return 0;
}
#define IN_LIST(k, l) in_list((k), (l), sizeof(l) / sizeof((l)[0]))

/* Warn once per unused column of a sheet; columns in refused are checked per row. */
static void warn_unused_columns(builder *b, const hys_table *t, const colmap *cols, int ncols,
                                const char *const *used, size_t nused, const char *const *refused,
                                size_t nrefused)
{
    const hys_row *h = &t->rows[0];
    for (int c = 0; c < ncols; c++) {
        if (!cols[c].key[0]) continue;
        if (in_list(cols[c].key, used, nused) || in_list(cols[c].key, refused, nrefused)) continue;
        int has_values = 0;
        for (int i = 1; i < t->nrows && !has_values; i++)
            has_values = cell(&t->rows[i], c) != NULL;
        if (!has_values) continue;
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                      "column \"%s\" is not used by the kiosk and is ignored", hys_row_cell(h, c));
    }
}

/* ---------- choices ---------- */

typedef struct list_entry {
    char *list;
    hys_choice ch;
    int used;
} list_entry;

typedef struct choice_lists {
    list_entry *e;
    int n;
} choice_lists;

static void lists_free(choice_lists *l)
{
    for (int i = 0; i < l->n; i++) {
        hys_free(l->e[i].list);
        hys_free(l->e[i].ch.name);
        i18n_free(&l->e[i].ch.label);
        i18n_free(&l->e[i].ch.image);
        i18n_free(&l->e[i].ch.audio);
    }
    hys_free(l->e);
}

static int valid_name(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_' ||
          (unsigned char)*s >= 0x80))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.' || (unsigned char)*s >= 0x80))
            return 0;
    return 1;
}

static void read_choices(builder *b, const hys_table *t, choice_lists *out)
{
    if (!t || t->nrows == 0) return;
    colmap cols[HYS_MAX_COLS];
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    int c_list = find_col(cols, ncols, "list_name"), c_name = find_col(cols, ncols, "name");
    if (c_list < 0 || c_name < 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, t->rows[0].number, -1,
                      "the choices sheet needs the columns list_name and name in its first row");
        return;
    }
    static const char *const used[] = {"list_name", "name", "label", "media::image",
                                       "media::audio"};
    warn_unused_columns(b, t, cols, ncols, used, sizeof used / sizeof used[0], NULL, 0);
    out->e = hys_calloc((size_t)t->nrows, sizeof *out->e);
    if (!out->e) {
        nomem(b);
        return;
    }
    for (int i = 1; i < t->nrows; i++) {
        const hys_row *r = &t->rows[i];
        const char *list = cell(r, c_list), *name = cell(r, c_name);
        if (!list && !name) continue;
        if (!list) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_list,
                          "the choice has no list_name");
            continue;
        }
        if (!name) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the choice has no name (the value stored when it is chosen)");
            continue;
        }
        if (strchr(name, ' ')) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the choice name \"%s\" has a space; use _ instead", name);
            continue;
        }
        int dup = 0, count = 0;
        for (int j = 0; j < out->n; j++) {
            if (strcmp(out->e[j].list, list)) continue;
            count++;
            if (!strcmp(out->e[j].ch.name, name)) dup = 1;
        }
        if (dup) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the list \"%s\" already has a choice called \"%s\"", list, name);
            continue;
        }
        if (count >= HYS_MAX_CHOICES) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_list,
                          "the list \"%s\" has more than %d choices; too many for one screen", list,
                          HYS_MAX_CHOICES);
            continue;
        }
        list_entry *e = &out->e[out->n];
        e->list = hys_strdup(list);
        e->ch.name = hys_strdup(name);
        e->ch.row = r->number;
        if (!e->list || !e->ch.name) { /* (a list holds whole entries only) */
            hys_free(e->list);
            hys_free(e->ch.name);
            nomem(b);
            return;
        }
        out->n++;
        read_i18n(b, t->name, r, cols, ncols, "label", &e->ch.label, 0);
        read_i18n(b, t->name, r, cols, ncols, "media::image", &e->ch.image, 1);
        read_i18n(b, t->name, r, cols, ncols, "media::audio", &e->ch.audio, 2);
        if (i18n_empty(&e->ch.label))
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, find_col(cols, ncols, "label"),
                          "the choice \"%s\" has no label", name);
    }
}

/* ---------- survey ---------- */

typedef enum { T_ERROR, T_IGNORE, T_QUESTION, T_BEGIN_GROUP, T_END_GROUP } type_kind;

static const char *const supported_types =
    "note, select_one LIST, select_multiple LIST, integer, text, begin_group, end_group";

/* Parse a type cell. For selects, *list gets the list name. */
static type_kind parse_type(builder *b, const hys_table *t, const hys_row *r, int col,
                            const char *raw, hys_qtype *qt, char *list, size_t listn)
{
    char ty[256];
    snprintf(ty, sizeof ty, "%s", raw);
    hys_trim(ty);
    /* lower-case, single spaces */
    char norm[256];
    size_t n = 0;
    int sp = 0;
    for (const char *p = ty; *p && n < sizeof norm - 1; p++) {
        if (*p == ' ' || *p == '\t') {
            sp = 1;
            continue;
        }
        if (sp && n) norm[n++] = ' ';
        sp = 0;
        norm[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
    }
    norm[n] = '\0';
    list[0] = '\0';
    static const struct {
        const char *prefix;
        hys_qtype qt;
    } selects[] = {{"select_one_from_file ", HYS_Q_NOTE},
                   {"select_multiple_from_file ", HYS_Q_NOTE},
                   {"select_one_external ", HYS_Q_NOTE},
                   {"select one external ", HYS_Q_NOTE},
                   {"select_one ", HYS_Q_SELECT_ONE},
                   {"select one from ", HYS_Q_SELECT_ONE},
                   {"select one ", HYS_Q_SELECT_ONE},
                   {"select_multiple ", HYS_Q_SELECT_MULTIPLE},
                   {"select all that apply from ", HYS_Q_SELECT_MULTIPLE},
                   {"select all that apply ", HYS_Q_SELECT_MULTIPLE},
                   {"select multiple from ", HYS_Q_SELECT_MULTIPLE},
                   {"select multiple ", HYS_Q_SELECT_MULTIPLE}};
    for (size_t i = 0; i < sizeof selects / sizeof selects[0]; i++) {
        size_t pl = strlen(selects[i].prefix);
        if (strncmp(norm, selects[i].prefix, pl)) continue;
        if (i < 4) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                          "type \"%s\" (choices from another file or sheet) is not supported; "
                          "put the choices in the choices sheet and use select_one LIST",
                          ty);
            return T_ERROR;
        }
        /* list name is the rest, taken from the original spelling */
        const char *rest = norm + pl;
        if (strstr(rest, " or_other") || strstr(rest, " or specify other")) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                          "\"or_other\" is not supported; add a choice called other and a text "
                          "question with relevant selected(${question}, 'other')");
            return T_ERROR;
        }
        if (strchr(rest, ' ') || !*rest) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                          "type \"%s\": write select_one or select_multiple, a space, and the "
                          "name of one list from the choices sheet",
                          ty);
            return T_ERROR;
        }
        /* keep original case of the list name */
        const char *orig = ty + (strlen(ty) - strlen(rest));
        snprintf(list, listn, "%s", orig);
        *qt = selects[i].qt;
        return T_QUESTION;
    }
    if (!strcmp(norm, "note")) return *qt = HYS_Q_NOTE, T_QUESTION;
    if (!strcmp(norm, "integer") || !strcmp(norm, "int")) return *qt = HYS_Q_INTEGER, T_QUESTION;
    if (!strcmp(norm, "text") || !strcmp(norm, "string")) return *qt = HYS_Q_TEXT, T_QUESTION;
    if (!strcmp(norm, "begin_group") || !strcmp(norm, "begin group")) return T_BEGIN_GROUP;
    if (!strcmp(norm, "end_group") || !strcmp(norm, "end group")) return T_END_GROUP;
    if (!strcmp(norm, "select_one") || !strcmp(norm, "select_multiple")) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                      "type \"%s\" needs the name of a list from the choices sheet after it", ty);
        return T_ERROR;
    }
    static const char *const metadata[] = {"start",       "end",       "today",          "deviceid",
                                           "phonenumber", "simserial", "subscriberid",   "username",
                                           "email",       "audit",     "start-geopoint", "imei"};
    if (IN_LIST(norm, metadata)) {
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "\"%s\" is ignored: the kiosk never records times, devices or people", ty);
        return T_IGNORE;
    }
    const char *why = "";
    if (strstr(norm, "repeat") || strstr(norm, "loop"))
        why = " (repeats ask the same questions many times; write each question once)";
    else if (!strcmp(norm, "calculate"))
        why = " (the kiosk does no calculations)";
    else if (strstr(norm, "geo") || !strcmp(norm, "image") || !strcmp(norm, "audio") ||
             !strcmp(norm, "video") || !strcmp(norm, "file") || !strcmp(norm, "barcode"))
        why = " (the kiosk has no camera, microphone or location)";
    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                  "type \"%s\" is not supported%s; supported types: %s", ty, why, supported_types);
    return T_ERROR;
}

typedef struct group_frame {
    const hys_row *row;
    int relevant_col;
    int label_from; /* index of the group's label in groups[] */
} group_frame;

static int parse_required(builder *b, const hys_table *t, const hys_row *r, int col)
{
    const char *v = cell(r, col);
    if (!v) return 0;
    char lv[32];
    snprintf(lv, sizeof lv, "%s", v);
    hys_ascii_lower(lv);
    if (!strcmp(lv, "yes") || !strcmp(lv, "true") || !strcmp(lv, "true()") || !strcmp(lv, "1"))
        return 1;
    if (!strcmp(lv, "no") || !strcmp(lv, "false") || !strcmp(lv, "false()") || !strcmp(lv, "0"))
        return 0;
    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                  "required must be yes or no, not \"%s\"", v);
    return 0;
}

static hys_expr *parse_relevant(builder *b, const hys_table *t, const hys_row *r, int col)
{
    const char *v = cell(r, col);
    if (!v) return NULL;
    char err[256];
    hys_expr *e = hys_expr_parse(v, err, sizeof err);
    if (!e) {
        if (!strcmp(err, "out of memory"))
            nomem(b);
        else
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col, "relevant \"%s\": %s", v,
                          err);
    }
    return e;
}

typedef struct ref_check {
    builder *b;
    const hys_table *t;
    int row, col, qindex;
} ref_check;

static void check_ref(void *ud, const char *name)
{
    ref_check *rc = ud;
    int i = hys_form_find(rc->b->f, name);
    if (i < 0) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "relevant refers to ${%s}, but no question has that name", name);
    } else if (i == rc->qindex) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "relevant refers to its own question ${%s}", name);
    } else if (i > rc->qindex) {
        hys_diags_add(rc->b->d, HYS_DIAG_WARNING, rc->t->name, rc->row, rc->col,
                      "relevant refers to ${%s}, which is asked later; it will be empty here",
                      name);
    }
}

static void read_survey(builder *b, const hys_table *t, choice_lists *lists)
{
    hys_form *f = b->f;
    if (t->nrows == 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, 1, -1, "the survey sheet is empty");
        return;
    }
    colmap cols[HYS_MAX_COLS];
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    int c_type = find_col(cols, ncols, "type"), c_name = find_col(cols, ncols, "name");
    int c_req = find_col(cols, ncols, "required"), c_rel = find_col(cols, ncols, "relevant");
    int c_app = find_col(cols, ncols, "appearance");
    if (c_type < 0 || c_name < 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, t->rows[0].number, -1,
                      "the first row of the survey sheet must name the columns, with at least "
                      "type, name and label");
        return;
    }
    warn_unused_columns(b, t, cols, ncols, survey_used, sizeof survey_used / sizeof survey_used[0],
                        survey_refused, sizeof survey_refused / sizeof survey_refused[0]);
    f->questions = hys_calloc(HYS_MAX_QUESTIONS, sizeof *f->questions);
    if (!f->questions) {
        nomem(b);
        return;
    }
    group_frame groups[8];
    hys_i18n group_labels[8];
    int ngroups = 0;
    for (int i = 1; i < t->nrows && b->rc != HYS_ENOMEM; i++) {
        const hys_row *r = &t->rows[i];
        const char *type = cell(r, c_type);
        if (!type) {
            int any = 0;
            for (int c = 0; c < r->ncells; c++)
                any |= cell(r, c) != NULL;
            if (any)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "the row has no type; supported types: %s", supported_types);
            continue;
        }
        /* columns that would change what the question means */
        int refused = 0;
        for (int c = 0; c < ncols; c++) {
            if (!IN_LIST(cols[c].key, survey_refused) || !cell(r, c)) continue;
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c,
                          "column \"%s\" is not supported (it would change what the question "
                          "does); the kiosk supports: type, name, label, hint, required, "
                          "relevant, appearance, media::image, media::audio",
                          hys_row_cell(&t->rows[0], c));
            refused = 1;
        }
        hys_qtype qt = HYS_Q_NOTE;
        char list[128];
        type_kind k = parse_type(b, t, r, c_type, type, &qt, list, sizeof list);
        if (k == T_ERROR || k == T_IGNORE) continue;
        if (k == T_END_GROUP) {
            if (ngroups == 0)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "end_group without a begin_group above it");
            else
                i18n_free(&group_labels[--ngroups]);
            continue;
        }
        const char *name = cell(r, c_name);
        if (!name) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the row has no name (a short id such as visit_rating)");
            continue;
        }
        if (!valid_name(name)) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the name \"%s\" must start with a letter and use only letters, "
                          "digits and _",
                          name);
            continue;
        }
        if (k == T_BEGIN_GROUP) {
            if (ngroups >= 8) {
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "groups are nested more than 8 deep");
                continue;
            }
            groups[ngroups].row = r;
            groups[ngroups].relevant_col = c_rel;
            memset(&group_labels[ngroups], 0, sizeof group_labels[ngroups]);
            read_i18n(b, t->name, r, cols, ncols, "label", &group_labels[ngroups], 0);
            hys_expr *check = parse_relevant(b, t, r, c_rel);
            hys_expr_destroy(check);
            ngroups++;
            continue;
        }
        if (hys_form_find(f, name) >= 0) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the name \"%s\" is used by another question; names must be unique",
                          name);
            continue;
        }
        if (f->nquestions >= HYS_MAX_QUESTIONS) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, -1, "more than %d questions",
                          HYS_MAX_QUESTIONS);
            break;
        }
        if (refused) continue;
        hys_question *q = &f->questions[f->nquestions++];
        q->type = qt;
        q->row = r->number;
        q->name = hys_strdup(name);
        if (!q->name) {
            nomem(b);
            break;
        }
        read_i18n(b, t->name, r, cols, ncols, "label", &q->label, 0);
        read_i18n(b, t->name, r, cols, ncols, "hint", &q->hint, 0);
        read_i18n(b, t->name, r, cols, ncols, "media::image", &q->image, 1);
        read_i18n(b, t->name, r, cols, ncols, "media::audio", &q->audio, 2);
        if (ngroups && !i18n_copy(&q->group_label, &group_labels[ngroups - 1])) nomem(b);
        if (i18n_empty(&q->label))
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, find_col(cols, ncols, "label"),
                          "\"%s\" has no label: residents would see an empty screen", name);
        q->required = parse_required(b, t, r, c_req);
        if (q->required && qt == HYS_Q_NOTE) {
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_req,
                          "a note cannot be required; ignored");
            q->required = 0;
        }
        for (int g = 0; g < ngroups; g++) {
            hys_expr *e = parse_relevant(b, t, groups[g].row, groups[g].relevant_col);
            if (e) q->relevant[q->nrelevant++] = e;
        }
        hys_expr *own = parse_relevant(b, t, r, c_rel);
        if (own) q->relevant[q->nrelevant++] = own;
        const char *app = cell(r, c_app);
        if (app) {
            char a[64];
            snprintf(a, sizeof a, "%s", app);
            hys_ascii_lower(hys_trim(a));
            if (!strcmp(a, "faces") || !strcmp(a, "likert")) {
                if (qt != HYS_Q_SELECT_ONE)
                    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_app,
                                  "appearance \"%s\" is for select_one questions", a);
                q->look = a[0] == 'f' ? HYS_LOOK_FACES : HYS_LOOK_LIKERT;
            } else {
                hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_app,
                              "appearance \"%s\" is ignored; the kiosk knows faces and likert",
                              app);
            }
        }
        if (qt == HYS_Q_SELECT_ONE || qt == HYS_Q_SELECT_MULTIPLE) {
            int count = 0;
            for (int j = 0; j < lists->n; j++)
                count += !strcmp(lists->e[j].list, list);
            if (count == 0) {
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "the list \"%s\" is not in the choices sheet", list);
                continue;
            }
            q->choices = hys_calloc((size_t)count, sizeof *q->choices);
            if (!q->choices) {
                nomem(b);
                break;
            }
            for (int j = 0; j < lists->n; j++) {
                list_entry *e = &lists->e[j];
                if (strcmp(e->list, list)) continue;
                e->used = 1;
                hys_choice *c = &q->choices[q->nchoices++];
                c->row = e->ch.row;
                c->name = hys_strdup(e->ch.name);
                if (!c->name || !i18n_copy(&c->label, &e->ch.label) ||
                    !i18n_copy(&c->image, &e->ch.image) || !i18n_copy(&c->audio, &e->ch.audio))
                    nomem(b);
            }
            if (q->look == HYS_LOOK_FACES && count != 3 && count != 5)
                hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_app,
                              "a face scale works best with 3 or 5 choices; \"%s\" has %d", list,
                              count);
        }
    }
    while (ngroups > 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, groups[ngroups - 1].row->number, c_type,
                      "begin_group has no end_group");
        i18n_free(&group_labels[--ngroups]);
    }
    /* references in relevant, now that every name is known */
    for (int qi = 0; qi < f->nquestions; qi++) {
        const hys_question *q = &f->questions[qi];
        int row = q->row;
        ref_check rc = {b, t, row, c_rel, qi};
        if (q->nrelevant) hys_expr_each_ref(q->relevant[q->nrelevant - 1], check_ref, &rc);
    }
}

/* ---------- settings and "you said, we did" ---------- */

static void read_settings(builder *b, const hys_table *t, const char **default_lang)
{
    *default_lang = NULL;
    if (!t || t->nrows < 2) return;
    const hys_row *h = &t->rows[0], *r = &t->rows[1];
    for (int c = 0; c < h->ncells; c++) {
        const char *k = cell(h, c), *v = cell(r, c);
        if (!k || !v) continue;
        char key[64];
        snprintf(key, sizeof key, "%s", k);
        hys_ascii_lower(hys_trim(key));
        char **dst = NULL;
        if (!strcmp(key, "form_title") || !strcmp(key, "title"))
            dst = &b->f->title;
        else if (!strcmp(key, "form_id") || !strcmp(key, "id_string"))
            dst = &b->f->id;
        else if (!strcmp(key, "version"))
            dst = &b->f->version;
        else if (!strcmp(key, "public_key")) {
            unsigned char pk[32];
            size_t n = 0;
            if (sodium_init() < 0 ||
                sodium_base642bin(pk, sizeof pk, v, strlen(v), NULL, &n, NULL,
                                  sodium_base64_VARIANT_ORIGINAL) != 0 ||
                n != sizeof pk)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c,
                              "public_key is not a key made by haveyoursay keygen (base64 of 32 "
                              "bytes): answers would not be sealed");
            else
                dst = &b->f->public_key;
        } else if (!strcmp(key, "default_language"))
            *default_lang = v;
        else if (!strcmp(key, "style")) {
            if (hys_ieq(v, "quick"))
                b->f->quick = 1;
            else
                hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c,
                              "style \"%s\" is ignored; the kiosk knows style quick", v);
        } else {
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                          "setting \"%s\" is not used by the kiosk and is ignored", k);
        }
        if (dst) {
            hys_free(*dst);
            if (!(*dst = hys_strdup(v))) nomem(b);
        }
    }
}

static void read_updates(builder *b, const hys_table *t)
{
    if (!t || t->nrows < 2) return;
    colmap cols[HYS_MAX_COLS];
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    static const char *const used[] = {"label", "media::image"};
    warn_unused_columns(b, t, cols, ncols, used, 2, NULL, 0);
    b->f->updates = hys_calloc((size_t)t->nrows, sizeof *b->f->updates);
    if (!b->f->updates) {
        nomem(b);
        return;
    }
    for (int i = 1; i < t->nrows; i++) {
        hys_update *u = &b->f->updates[b->f->nupdates];
        read_i18n(b, t->name, &t->rows[i], cols, ncols, "label", &u->label, 0);
        read_i18n(b, t->name, &t->rows[i], cols, ncols, "media::image", &u->image, 1);
        if (i18n_empty(&u->label)) {
            i18n_free(&u->image);
            memset(u, 0, sizeof *u);
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, t->rows[i].number, -1,
                          "a \"you said, we did\" row with no label is ignored");
            continue;
        }
        b->f->nupdates++;
    }
}

/* ---------- languages: settle codes, fold the plain columns in ---------- */

typedef void (*i18n_fn)(hys_i18n *t, void *ud);

static void each_i18n(hys_form *f, i18n_fn fn, void *ud)
{
    for (int i = 0; i < f->nquestions; i++) {
        hys_question *q = &f->questions[i];
        fn(&q->label, ud), fn(&q->hint, ud), fn(&q->image, ud), fn(&q->audio, ud);
        fn(&q->group_label, ud);
        for (int c = 0; c < q->nchoices; c++)
            fn(&q->choices[c].label, ud), fn(&q->choices[c].image, ud),
                fn(&q->choices[c].audio, ud);
    }
    for (int i = 0; i < f->nupdates; i++)
        fn(&f->updates[i].label, ud), fn(&f->updates[i].image, ud);
}

typedef struct fold_ctx {
    int plain, n;
    int failed;
} fold_ctx;

/* Fill each named language's empty slot from the plain one, then drop the plain slot. */
static void fold_plain(hys_i18n *t, void *ud)
{
    fold_ctx *c = ud;
    char *plain = t->by_lang[c->plain];
    if (plain) {
        for (int i = 0; i < c->n; i++) {
            if (i == c->plain || t->by_lang[i]) continue;
            if (!(t->by_lang[i] = hys_strdup(plain))) c->failed = 1;
        }
    }
    hys_free(plain);
    for (int i = c->plain; i + 1 < HYS_MAX_LANGUAGES; i++)
        t->by_lang[i] = t->by_lang[i + 1];
    t->by_lang[HYS_MAX_LANGUAGES - 1] = NULL;
}

static void settle_languages(builder *b, const char *default_lang)
{
    hys_form *f = b->f;
    int plain = -1;
    for (int i = 0; i < b->nslots; i++)
        if (b->slots[i].plain) plain = i;
    /* a plain-only form speaks its default language (English when not said) */
    if (plain >= 0 && b->nslots == 1) {
        char name[64], code[16];
        parse_lang(default_lang ? default_lang : "English (en)", name, sizeof name, code,
                   sizeof code);
        snprintf(b->slots[0].code, sizeof b->slots[0].code, "%s", code);
        snprintf(b->slots[0].name, sizeof b->slots[0].name, "%s", name);
        b->slots[0].plain = 0;
        plain = -1;
    }
    if (plain >= 0) {
        fold_ctx c = {plain, b->nslots, 0};
        each_i18n(f, fold_plain, &c);
        if (c.failed) nomem(b);
        for (int i = plain; i + 1 < b->nslots; i++)
            b->slots[i] = b->slots[i + 1];
        b->nslots--;
    }
    if (b->nslots == 0) {
        snprintf(b->slots[0].code, sizeof b->slots[0].code, "en");
        snprintf(b->slots[0].name, sizeof b->slots[0].name, "English");
        b->nslots = 1;
    }
    f->nlangs = b->nslots;
    for (int i = 0; i < b->nslots; i++) {
        snprintf(f->langs[i].code, sizeof f->langs[i].code, "%s", b->slots[i].code);
        snprintf(f->langs[i].name, sizeof f->langs[i].name, "%s", b->slots[i].name);
    }
    f->default_lang = 0;
    if (default_lang) {
        char name[64], code[16];
        parse_lang(default_lang, name, sizeof name, code, sizeof code);
        int found = -1;
        for (int i = 0; i < f->nlangs; i++)
            if (hys_ieq(f->langs[i].code, code) || hys_ieq(f->langs[i].name, name)) found = i;
        if (found < 0)
            hys_diags_add(b->d, HYS_DIAG_WARNING, "settings", 2, -1,
                          "default_language \"%s\" has no label columns; %s is used first",
                          default_lang, f->langs[0].name);
        else
            f->default_lang = found;
    }
}

/* 1 when a question before qi uses the choice on this row (a shared list). */
static int choice_seen_before(const hys_form *f, int qi, int row)
{
    for (int p = 0; p < qi; p++)
        for (int c = 0; c < f->questions[p].nchoices; c++)
            if (f->questions[p].choices[c].row == row) return 1;
    return 0;
}

/* Warn about labels missing in some language (they fall back to the default). */
static void check_translations(builder *b)
{
    hys_form *f = b->f;
    if (f->nlangs < 2) return;
    for (int i = 0; i < f->nquestions; i++) {
        const hys_question *q = &f->questions[i];
        for (int l = 0; l < f->nlangs; l++) {
            if (!i18n_empty(&q->label) && !q->label.by_lang[l]) {
                const char *shown = hys_form_text(f, &q->label, l);
                int sl = 0;
                for (int k = 0; k < f->nlangs; k++)
                    if (q->label.by_lang[k] == shown) sl = k;
                hys_diags_add(b->d, HYS_DIAG_WARNING, "survey", q->row, q->label.col[l] - 1,
                              "\"%s\" has no %s label; %s is shown instead", q->name,
                              f->langs[l].name, f->langs[sl].name);
            }
            for (int c = 0; c < q->nchoices; c++)
                if (!i18n_empty(&q->choices[c].label) && !q->choices[c].label.by_lang[l] &&
                    !choice_seen_before(f, i, q->choices[c].row))
                    hys_diags_add(b->d, HYS_DIAG_WARNING, "choices", q->choices[c].row,
                                  q->choices[c].label.col[l] - 1, "choice \"%s\" has no %s label",
                                  q->choices[c].name, f->langs[l].name);
        }
    }
}

/* ---------- loading ---------- */

static char *base_name_noext(const char *name)
{
    const char *s = strrchr(name, '/');
    s = s ? s + 1 : name;
    const char *dot = strrchr(s, '.');
    return hys_strndup(s, dot ? (size_t)(dot - s) : strlen(s));
}

hys_form *hys_form_load_mem(const char *name, const char *dir, const char *data, size_t n,
                            hys_diags *d, hys_status *rcp)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.d = d;
    hys_book book = {0};
    choice_lists lists = {0};
    hys_form *f = hys_calloc(1, sizeof *f);
    if (!f) {
        nomem(&b);
        goto out;
    }
    b.f = f;
    b.check_media = dir != NULL;
    f->path = hys_strdup(name);
    f->dir = dir ? hys_strdup(dir) : NULL;
    f->version = hys_strdup("");
    if (!f->path || (dir && !f->dir) || !f->version) {
        nomem(&b);
        goto out;
    }
    if (sodium_init() < 0) {
        b.rc = HYS_EIO;
        goto out;
    }
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)data, n);
    sodium_bin2hex(f->hash, sizeof f->hash, h, sizeof h);

    hys_status rc;
    if (n >= 4 && !memcmp(data, "PK\x03\x04", 4)) {
        rc = hys_xlsx_read_mem(data, n, &book, d);
    } else if (n >= 4 && !memcmp(data, "\xD0\xCF\x11\xE0", 4)) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "this is an old Excel 97 .xls file; save it as \"Excel 2007-365 (.xlsx)\"");
        rc = HYS_EFORMAT;
    } else if (ends_with(name, ".xlsx") || ends_with(name, ".ods") || ends_with(name, ".xls")) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "not a readable .xlsx file; save it as \"Excel 2007-365 (.xlsx)\"");
        rc = HYS_EFORMAT;
    } else {
        rc = hys_csv_read_mem(data, n, &book, d);
    }
    if (rc) {
        b.rc = rc;
        goto out;
    }
    hys_table *survey = hys_book_find(&book, "survey");
    if (!survey) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "there is no sheet called survey; an XLSForm needs survey and choices "
                      "sheets");
        b.rc = HYS_EFORMAT;
        goto out;
    }
    for (int i = 0; i < book.nsheets; i++) {
        char nm[256];
        snprintf(nm, sizeof nm, "%s", book.sheets[i]->name);
        hys_trim(nm);
        hys_ascii_lower(nm);
        if (strcmp(nm, "survey") && strcmp(nm, "choices") && strcmp(nm, "settings") &&
            strcmp(nm, "you_said_we_did"))
            hys_diags_add(d, HYS_DIAG_WARNING, book.sheets[i]->name, 0, -1,
                          "the sheet \"%s\" is not used by the kiosk and is ignored",
                          book.sheets[i]->name);
    }
    const char *default_lang = NULL;
    /* out of memory: nothing more is read (the set is refused, saying so) */
    read_settings(&b, hys_book_find(&book, "settings"), &default_lang);
    if (b.rc != HYS_ENOMEM) read_choices(&b, hys_book_find(&book, "choices"), &lists);
    if (b.rc != HYS_ENOMEM) read_survey(&b, survey, &lists);
    if (b.rc != HYS_ENOMEM) read_updates(&b, hys_book_find(&book, "you_said_we_did"));
    if (b.rc == HYS_ENOMEM) goto out;
    for (int j = 0; j < lists.n; j++) {
        int first = 1;
        for (int k = 0; k < j; k++)
            first &= strcmp(lists.e[k].list, lists.e[j].list) != 0;
        if (first && !lists.e[j].used)
            hys_diags_add(d, HYS_DIAG_WARNING, "choices", lists.e[j].ch.row, -1,
                          "the list \"%s\" is not used by any question", lists.e[j].list);
    }
    if (b.rc == HYS_OK) settle_languages(&b, default_lang);
    if (b.rc == HYS_OK) check_translations(&b);
    if (f->nquestions == 0 && b.rc == HYS_OK)
        hys_diags_add(d, HYS_DIAG_ERROR, survey->name, 0, -1, "the survey has no questions");
    if (f->quick) {
        int ok = f->nquestions == 1 && f->questions[0].type == HYS_Q_SELECT_ONE;
        if (!ok)
            hys_diags_add(d, HYS_DIAG_ERROR, "settings", 2, -1,
                          "style quick is for one select_one question (a quick poll); this set "
                          "has %d questions",
                          f->nquestions);
    }
    if (!f->title && !(f->title = base_name_noext(name))) nomem(&b);
    if (!f->id && !(f->id = base_name_noext(name))) nomem(&b);
out:
    hys_book_clear(&book);
    lists_free(&lists);
    if (b.rc == HYS_OK && hys_diags_errors(d)) b.rc = HYS_EFORMAT;
    if (rcp) *rcp = b.rc;
    if (b.rc) {
        hys_form_destroy(f);
        return NULL;
    }
    return f;
}

hys_form *hys_form_load(const char *path, hys_diags *d, hys_status *rcp)
{
    hys_status rc = HYS_EIO;
    hys_form *f = NULL;
    char *data = NULL, *dir = NULL;
    FILE *fp = fopen(path, "rb");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "cannot open the question set: %s",
                      fp ? "not a regular file" : strerror(errno));
        goto out;
    }
    if (st.st_size > HYS_MAX_FORM_FILE_BYTES) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1,
                      "the file is %ld MB; a question set is at most %ld MB",
                      (long)(st.st_size / (1024 * 1024)), HYS_MAX_FORM_FILE_BYTES / (1024 * 1024));
        rc = HYS_ELIMIT;
        goto out;
    }
    data = hys_malloc((size_t)st.st_size + 1);
    if (!data) {
        rc = HYS_ENOMEM;
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "out of memory");
        goto out;
    }
    size_t got = fread(data, 1, (size_t)st.st_size, fp);
    if (got != (size_t)st.st_size) {
        hys_diags_add(d, HYS_DIAG_ERROR, NULL, 0, -1, "the file could not be read completely");
        goto out;
    }
    const char *slash = strrchr(path, '/');
    dir = slash ? hys_strndup(path, (size_t)(slash - path)) : hys_strdup(".");
    if (!dir) {
        rc = HYS_ENOMEM;
        goto out;
    }
    f = hys_form_load_mem(path, dir, data, got, d, &rc);
out:
    if (fp) fclose(fp);
    hys_free(data);
    hys_free(dir);
    if (rcp) *rcp = rc;
    return f;
}

void hys_form_destroy(hys_form *f)
{
    if (!f) return;
    for (int i = 0; i < f->nquestions; i++) {
        hys_question *q = &f->questions[i];
        hys_free(q->name);
        i18n_free(&q->label), i18n_free(&q->hint), i18n_free(&q->image), i18n_free(&q->audio);
        i18n_free(&q->group_label);
        for (int e = 0; e < q->nrelevant; e++)
            hys_expr_destroy(q->relevant[e]);
        for (int c = 0; c < q->nchoices; c++) {
            hys_free(q->choices[c].name);
            i18n_free(&q->choices[c].label), i18n_free(&q->choices[c].image);
            i18n_free(&q->choices[c].audio);
        }
        hys_free(q->choices);
    }
    hys_free(f->questions);
    for (int i = 0; i < f->nupdates; i++)
        i18n_free(&f->updates[i].label), i18n_free(&f->updates[i].image);
    hys_free(f->updates);
    hys_free(f->path), hys_free(f->dir), hys_free(f->title), hys_free(f->id);
    hys_free(f->version);
    hys_free(f->public_key);
    hys_free(f);
}

const char *hys_form_text(const hys_form *f, const hys_i18n *t, int lang)
{
    if (lang >= 0 && lang < HYS_MAX_LANGUAGES && t->by_lang[lang]) return t->by_lang[lang];
    if (t->by_lang[f->default_lang]) return t->by_lang[f->default_lang];
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        if (t->by_lang[i]) return t->by_lang[i];
    return NULL;
}

int hys_form_find(const hys_form *f, const char *name)
{
    for (int i = 0; i < f->nquestions; i++)
        if (f->questions[i].name && !strcmp(f->questions[i].name, name)) return i;
    return -1;
}

int hys_form_lang(const hys_form *f, const char *code)
{
    for (int i = 0; i < f->nlangs; i++)
        if (hys_ieq(f->langs[i].code, code)) return i;
    return -1;
}
