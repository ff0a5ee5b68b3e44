/* form: XLSForm sheets -> checked question model (see form.h).
 * The readers (xlsx.c, csv.c) turn a file into sheets of cells; this file
 * maps header columns and languages, loads a set and settles its
 * languages; form_sheets.c checks every row of each sheet, form_media.c
 * the pictures and recordings they name. */
#include "form.h"
#include "form_private.h"

#include "csv.h"
#include "table.h"
#include "xlsx.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/text.h"

#include <assert.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
    {"sw", "swahili", "Kiswahili"},
    {"hi", "hindi", "हिन्दी"},
    {"am", "amharic", "አማርኛ"},
    {"ne", "nepali", "नेपाली"},
};

const char *hys_lang_autonym(const hys_language *l)
{
    for (size_t i = 0; i < sizeof known_langs / sizeof known_langs[0]; i++)
        if (hys_ieq(known_langs[i].code, l->code)) return known_langs[i].autonym;
    return l->name;
}

/* ---------- building state ---------- */

void form_nomem(builder *b)
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
void form_map_header(builder *b, const char *sheet, int col, const char *raw, colmap *out)
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
        else if (!strcmp(k0, "relevance")) /* (SurveyCTO's spelling) */
            snprintf(out->key, sizeof out->key, "relevant");
        else if (!strcmp(k0, "value") && !strcasecmp(sheet, "choices")) /* (SurveyCTO's) */
            snprintf(out->key, sizeof out->key, "name");
        else
            snprintf(out->key, sizeof out->key, "%s", k0);
        if (np > first + 1) lang = parts[first + 1];
    }
    int translatable = !strcmp(out->key, "label") || !strcmp(out->key, "hint") ||
                       !strcmp(out->key, "intro") || !strcmp(out->key, "constraint_message") ||
                       !strncmp(out->key, "media::", 7);
    if (translatable) out->lang = lang_slot_for(b, lang, sheet, col);
}

/* Find the column for key (and any language) in a header; -1 when absent. */
int form_find_col(const colmap *cols, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(cols[i].key, key)) return i;
    return -1;
}

int form_in_list(const char *k, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(k, list[i])) return 1;
    return 0;
}

const char *form_cell(const hys_row *r, int col)
{
    const char *c = col >= 0 ? hys_row_cell(r, col) : NULL;
    return c && *c ? c : NULL;
}

/* Store the translatable cells of row r (label, hint, media) into the i18n
 * fields given; keys not present are skipped. */
void form_read_i18n(builder *b, const char *sheet, const hys_row *r, const colmap *cols, int ncols,
                    const char *key, hys_i18n *dst, int media)
{
    for (int c = 0; c < ncols; c++) {
        if (strcmp(cols[c].key, key) || cols[c].lang < 0) continue;
        dst->col[cols[c].lang] = (short)(c + 1); /* even when empty: where it belongs */
        const char *v = form_cell(r, c);
        if (!v) continue;
        char *s = media ? form_media_path(b, sheet, r->number, c, v, media == 2) : hys_strdup(v);
        if (!s) {
            if (!media) form_nomem(b);
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

void form_i18n_free(hys_i18n *t)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        hys_free(t->by_lang[i]);
}

int form_i18n_empty(const hys_i18n *t)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        if (t->by_lang[i]) return 0;
    return 1;
}

hys_status form_i18n_copy(hys_i18n *dst, const hys_i18n *src)
{
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++) {
        dst->by_lang[i] = NULL;
        dst->col[i] = src->col[i];
        if (src->by_lang[i] && !(dst->by_lang[i] = hys_strdup(src->by_lang[i]))) return HYS_ENOMEM;
    }
    return HYS_OK;
}

/* ---------- languages: settle codes, fold the plain columns in ---------- */

static void each_i18n(hys_form *f, i18n_fn fn, void *ud)
{
    for (int i = 0; i < f->nquestions; i++) {
        hys_question *q = &f->questions[i];
        fn(&q->label, ud), fn(&q->hint, ud), fn(&q->image, ud), fn(&q->audio, ud);
        fn(&q->group_label, ud), fn(&q->constraint_msg, ud);
        for (int c = 0; c < q->nchoices; c++)
            fn(&q->choices[c].label, ud), fn(&q->choices[c].image, ud),
                fn(&q->choices[c].audio, ud);
    }
    for (int i = 0; i < f->nupdates; i++)
        fn(&f->updates[i].label, ud), fn(&f->updates[i].image, ud);
    fn(&f->intro, ud);
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
        if (c.failed) form_nomem(b);
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
            if (!form_i18n_empty(&q->label) && !q->label.by_lang[l]) {
                const char *shown = hys_form_text(f, &q->label, l);
                int sl = 0;
                for (int k = 0; k < f->nlangs; k++)
                    if (q->label.by_lang[k] == shown) sl = k;
                hys_diags_add(b->d, HYS_DIAG_WARNING, "survey", q->row, q->label.col[l] - 1,
                              "\"%s\" has no %s label; %s is shown instead", q->name,
                              f->langs[l].name, f->langs[sl].name);
            }
            for (int c = 0; c < q->nchoices; c++)
                if (!form_i18n_empty(&q->choices[c].label) && !q->choices[c].label.by_lang[l] &&
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
        form_nomem(&b);
        goto out;
    }
    b.f = f;
    b.check_media = dir != NULL;
    f->path = hys_strdup(name);
    f->dir = dir ? hys_strdup(dir) : NULL;
    f->version = hys_strdup("");
    if (!f->path || (dir && !f->dir) || !f->version) {
        form_nomem(&b);
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
    } else if (form_ends_with(name, ".xlsx") || form_ends_with(name, ".ods") ||
               form_ends_with(name, ".xls")) {
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
    /* (the choices' other columns are what a choice_filter reads) */
    for (int c = 0; survey->nrows > 0 && c < survey->rows[0].ncells; c++) {
        const char *k = hys_row_cell(&survey->rows[0], c);
        b.filters |= k && hys_ieq(k, "choice_filter");
    }
    /* out of memory: nothing more is read (the set is refused, saying so) */
    form_read_settings(&b, hys_book_find(&book, "settings"), &default_lang);
    if (b.rc != HYS_ENOMEM) form_read_choices(&b, hys_book_find(&book, "choices"), &lists);
    if (b.rc != HYS_ENOMEM) form_read_survey(&b, survey, &lists);
    if (b.rc != HYS_ENOMEM) form_read_updates(&b, hys_book_find(&book, "you_said_we_did"));
    if (b.rc != HYS_ENOMEM) form_read_intro(&b, hys_book_find(&book, "settings"));
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
    /* what the kiosk added, in English in every language until the program's words come */
    if (b.rc == HYS_OK && hys_form_kiosk_words(f, NULL, NULL) != HYS_OK) form_nomem(&b);
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
    if (!f->title && b.rc == HYS_OK) {
        /* the file's name, tidied: "clinic_survey-v2.xlsx" is "Clinic survey v2" */
        if (!(f->title = base_name_noext(name))) {
            form_nomem(&b);
        } else {
            for (char *p = f->title; *p; p++)
                if (*p == '_' || *p == '-') *p = ' ';
            if (f->title[0] >= 'a' && f->title[0] <= 'z') f->title[0] = (char)(f->title[0] - 32);
            hys_diags_add(d, HYS_DIAG_WARNING, "settings", 0, -1,
                          "the set has no form_title: the welcome screen shows \"%s\"; write "
                          "the title people should see in settings form_title",
                          f->title);
        }
    }
    if (!f->id && !(f->id = base_name_noext(name))) form_nomem(&b);
out:
    hys_book_clear(&book);
    form_lists_free(&lists);
    hys_free(b.ignored);
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

/* i18n's text in every language l of f from tr(english) (what was there is replaced). */
static hys_status fill_words(hys_form *f, hys_i18n *t, const char *english,
                             const char *(*tr)(void *, int, const char *), void *ud)
{
    for (int l = 0; l < f->nlangs && l < HYS_MAX_LANGUAGES; l++) {
        const char *w = tr ? tr(ud, l, english) : english;
        char *copy = hys_strdup(w ? w : english);
        if (!copy) return HYS_ENOMEM;
        hys_free(t->by_lang[l]);
        t->by_lang[l] = copy;
    }
    return HYS_OK;
}

hys_status hys_form_kiosk_words(hys_form *f,
                                const char *(*tr)(void *ud, int lang, const char *english),
                                void *ud)
{
    for (int i = 0; i < f->nquestions; i++) {
        hys_question *q = &f->questions[i];
        if (q->kiosk_label && fill_words(f, &q->label, q->kiosk_label, tr, ud) != HYS_OK)
            return HYS_ENOMEM;
        for (int c = 0; c < q->nchoices; c++)
            if (q->choices[c].kiosk_word &&
                fill_words(f, &q->choices[c].label, q->choices[c].kiosk_word, tr, ud) != HYS_OK)
                return HYS_ENOMEM;
    }
    return HYS_OK;
}

void hys_form_destroy(hys_form *f)
{
    if (!f) return;
    for (int i = 0; i < f->nquestions; i++) {
        hys_question *q = &f->questions[i];
        hys_free(q->name);
        form_i18n_free(&q->label), form_i18n_free(&q->hint), form_i18n_free(&q->image),
            form_i18n_free(&q->audio);
        form_i18n_free(&q->group_label);
        for (int e = 0; e < q->nrelevant; e++)
            hys_expr_destroy(q->relevant[e]);
        hys_expr_destroy(q->constraint);
        hys_expr_destroy(q->calculation);
        hys_expr_destroy(q->choice_filter);
        form_i18n_free(&q->constraint_msg);
        for (int c = 0; c < q->nchoices; c++) {
            hys_free(q->choices[c].name);
            hys_free(q->choices[c].fields);
            form_i18n_free(&q->choices[c].label), form_i18n_free(&q->choices[c].image);
            form_i18n_free(&q->choices[c].audio);
        }
        hys_free(q->choices);
    }
    hys_free(f->questions);
    for (int i = 0; i < f->nupdates; i++)
        form_i18n_free(&f->updates[i].label), form_i18n_free(&f->updates[i].image);
    hys_free(f->updates);
    hys_free(f->path), hys_free(f->dir), hys_free(f->title), hys_free(f->id);
    hys_free(f->version);
    hys_free(f->public_key);
    hys_free(f->left_out);
    form_i18n_free(&f->intro);
    hys_free(f);
}

const char *hys_form_text(const hys_form *f, const hys_i18n *t, int lang)
{
    assert(f && t);
    if (lang >= 0 && lang < HYS_MAX_LANGUAGES && t->by_lang[lang]) return t->by_lang[lang];
    if (t->by_lang[f->default_lang]) return t->by_lang[f->default_lang];
    for (int i = 0; i < HYS_MAX_LANGUAGES; i++)
        if (t->by_lang[i]) return t->by_lang[i];
    return NULL;
}

const char *hys_choice_field(const hys_choice *c, const char *key)
{
    if (!strcmp(key, "name")) return c->name;
    for (const char *p = c->fields; p && *p;) {
        const char *v = p + strlen(p) + 1;
        if (!strcmp(p, key)) return v;
        p = v + strlen(v) + 1;
    }
    return "";
}

int hys_form_find(const hys_form *f, const char *name)
{
    assert(f && name);
    for (int i = 0; i < f->nquestions; i++)
        if (f->questions[i].name && !strcmp(f->questions[i].name, name)) return i;
    return -1;
}

int hys_form_lang(const hys_form *f, const char *code)
{
    assert(f && code);
    for (int i = 0; i < f->nlangs; i++)
        if (hys_ieq(f->langs[i].code, code)) return i;
    return -1;
}
