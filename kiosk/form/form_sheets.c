/* form_sheets: the survey, choices, settings and updates sheets, row by
 * row, into the question model, with a problem for every row that cannot
 * be taken. */
#include "form_private.h"

#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/text.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const survey_refused[] = {"repeat_count", "trigger", "body::accuracythreshold"};

static const char *const survey_used[] = {
    "type",        "name",          "label",        "hint",       "required",           "relevant",
    "appearance",  "media::image",  "media::audio", "constraint", "constraint_message", "read_only",
    "calculation", "choice_filter", "parameters"};

/* Columns the kiosk leaves aside on purpose, with the reason (warned once,
 * with the rows that fill them). */
static const struct {
    const char *key, *why;
} survey_aside[] = {
    {"default", "an answer chosen in advance would lead people's answers"},
    {"media::video", "the kiosk shows pictures and plays sounds, not videos"},
};

/* The rows below the header that fill column c, as "rows 3-9, 12" (cut
 * short with "…"); 0 when none does. */
static int filled_rows(const hys_table *t, int c, char *out, size_t cap)
{
    char list[160];
    size_t at = 0;
    int n = 0, first = -1, last = -1;
    list[0] = '\0';
    for (int i = 1; i <= t->nrows; i++) {
        int row = i < t->nrows && form_cell(&t->rows[i], c) ? t->rows[i].number : -1;
        n += row >= 0;
        if (row >= 0 && first >= 0 && row == last + 1) {
            last = row;
            continue;
        }
        if (first >= 0 && at + 24 < sizeof list) /* (the run that ended) */
            at += (size_t)(first == last ? snprintf(list + at, sizeof list - at, "%s%d",
                                                    at ? ", " : "", first)
                                         : snprintf(list + at, sizeof list - at, "%s%d-%d",
                                                    at ? ", " : "", first, last));
        else if (first >= 0 && at + 6 < sizeof list && !strstr(list, "\xE2\x80\xA6"))
            at += (size_t)snprintf(list + at, sizeof list - at, ", \xE2\x80\xA6");
        first = last = row;
    }
    if (n) snprintf(out, cap, "%s %.160s", n == 1 ? "row" : "rows", list);
    return n;
}

/* Warn once per unused column of a sheet; columns in refused are checked per row. */
static void warn_unused_columns(builder *b, const hys_table *t, const colmap *cols, int ncols,
                                const char *const *used, size_t nused, const char *const *refused,
                                size_t nrefused)
{
    const hys_row *h = &t->rows[0];
    for (int c = 0; c < ncols; c++) {
        if (!cols[c].key[0]) continue;
        if (form_in_list(cols[c].key, used, nused) || form_in_list(cols[c].key, refused, nrefused))
            continue;
        char rows[200];
        if (!filled_rows(t, c, rows, sizeof rows)) continue;
        const char *why = NULL;
        for (size_t a = 0; a < sizeof survey_aside / sizeof survey_aside[0]; a++)
            if (used == survey_used && !strcmp(cols[c].key, survey_aside[a].key))
                why = survey_aside[a].why;
        if (why)
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                          "column \"%s\" is ignored: %s (%s)", hys_row_cell(h, c), why, rows);
        else
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                          "column \"%s\" is not used by the kiosk and is ignored (%s)",
                          hys_row_cell(h, c), rows);
    }
}

void form_lists_free(choice_lists *l)
{
    for (int i = 0; i < l->n; i++) {
        hys_free(l->e[i].list);
        hys_free(l->e[i].ch.name);
        hys_free(l->e[i].ch.fields);
        form_i18n_free(&l->e[i].ch.label);
        form_i18n_free(&l->e[i].ch.image);
        form_i18n_free(&l->e[i].ch.audio);
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

/* A choice row's other columns, for choice_filter, packed as
 * "key\0value\0…\0" (the key as its header says); NULL on no memory. */
static char *pack_fields(const hys_table *t, const hys_row *r, const colmap *cols, int ncols,
                         const char *const *used, size_t nused)
{
    size_t n = 1;
    for (int pass = 0; pass < 2; pass++) {
        char *out = pass ? hys_malloc(n) : NULL, *p = out;
        if (pass && !out) return NULL;
        for (int c = 0; c < ncols; c++) {
            const char *k = hys_row_cell(&t->rows[0], c), *v = form_cell(r, c);
            if (!k || !*k || !v || cols[c].lang >= 0 || form_in_list(cols[c].key, used, nused))
                continue;
            size_t kn = strlen(k) + 1, vn = strlen(v) + 1;
            if (pass)
                memcpy(p, k, kn), memcpy(p + kn, v, vn), p += kn + vn;
            else
                n += kn + vn;
        }
        if (pass) {
            *p = '\0';
            return out;
        }
    }
    return NULL;
}

void form_read_choices(builder *b, const hys_table *t, choice_lists *out)
{
    if (!t || t->nrows == 0) return;
    colmap cols[HYS_MAX_COLS];
    memset(cols, 0, sizeof cols); /* (each is mapped below; zero for the compiler) */
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        form_map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    char too_long[8][128]; /* lists already said to be too long (said once each) */
    int ntold = 0;
    int c_list = form_find_col(cols, ncols, "list_name"),
        c_name = form_find_col(cols, ncols, "name");
    if (c_list < 0 || c_name < 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, t->rows[0].number, -1,
                      "the choices sheet needs the columns list_name and name in its first row");
        return;
    }
    static const char *const used[] = {"list_name", "name", "label", "media::image",
                                       "media::audio"};
    if (!b->filters) /* (else they are the choice_filter's columns) */
        warn_unused_columns(b, t, cols, ncols, used, sizeof used / sizeof used[0], NULL, 0);
    out->sheet = t->name;
    out->e = hys_calloc((size_t)t->nrows, sizeof *out->e);
    if (!out->e) {
        form_nomem(b);
        return;
    }
    for (int i = 1; i < t->nrows; i++) {
        const hys_row *r = &t->rows[i];
        const char *list = form_cell(r, c_list), *name = form_cell(r, c_name);
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
        if (dup && (b->filters || b->choice_dups)) /* (cascading lists: "king" in two states) */
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_name,
                          "the list \"%s\" has a choice called \"%s\" twice: kept, for a "
                          "choice_filter to show one of them at a time (either is kept as \"%s\")",
                          list, name, name);
        else if (dup) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the list \"%s\" already has a choice called \"%s\"", list, name);
            continue;
        }
        if (count >= HYS_MAX_CHOICES) { /* (said once, at the first row too many) */
            int told = 0;
            for (int k = 0; k < ntold; k++)
                told |= !strcmp(too_long[k], list);
            if (!told)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_list,
                              "the list \"%s\" has more than %d choices (this row and those after "
                              "it): too many to choose from; split it or leave some out",
                              list, HYS_MAX_CHOICES);
            if (!told && ntold < 8) snprintf(too_long[ntold++], sizeof too_long[0], "%s", list);
            continue;
        }
        list_entry *e = &out->e[out->n];
        e->list = hys_strdup(list);
        e->ch.name = hys_strdup(name);
        e->ch.row = r->number;
        if (!e->list || !e->ch.name) { /* (a list holds whole entries only) */
            hys_free(e->list);
            hys_free(e->ch.name);
            form_nomem(b);
            return;
        }
        out->n++;
        form_read_i18n(b, t->name, r, cols, ncols, "label", &e->ch.label, 0);
        if (b->filters && (e->ch.fields = pack_fields(t, r, cols, ncols, used,
                                                      sizeof used / sizeof used[0])) == NULL)
            form_nomem(b);
        form_read_i18n(b, t->name, r, cols, ncols, "media::image", &e->ch.image, 1);
        form_read_i18n(b, t->name, r, cols, ncols, "media::audio", &e->ch.audio, 2);
        e->label_col = form_find_col(cols, ncols, "label"); /* (told if a question uses it) */
    }
}

typedef struct group_frame {
    const hys_row *row;
    int relevant_col;
    int label_from; /* index of the group's label in groups[] */
} group_frame;

static int parse_required(builder *b, const hys_table *t, const hys_row *r, int col)
{
    const char *v = form_cell(r, col);
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

/* or_other on question q (its choices have room for one more): the kiosk
 * adds an "Other" choice, and after q a question to write what it is,
 * asked when Other is chosen (named q's name + "_other", as pyxform does). */
static hys_status add_other(builder *b, const hys_table *t, const hys_row *r, hys_question *q,
                            const hys_i18n *group_label)
{
    hys_form *f = b->f;
    hys_choice *c = &q->choices[q->nchoices++];
    c->row = r->number, c->kiosk_word = "Other";
    if (!(c->name = hys_strdup("other"))) return form_nomem(b), HYS_ENOMEM;
    if (strlen(q->name) > 200) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, -1,
                      "or_other: the question's name is too long to name its Other question "
                      "(200 characters at most)");
        return HYS_EFORMAT;
    }
    char name[HYS_MAX_CELL_BYTES + 16], rel[HYS_MAX_CELL_BYTES + 48];
    snprintf(name, sizeof name, "%s_other", q->name);
    snprintf(rel, sizeof rel, "selected(${%s}, 'other')", q->name);
    if (hys_form_find(f, name) >= 0 || f->nquestions >= HYS_MAX_QUESTIONS) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, -1,
                      "or_other needs a question called %s for what Other is, and one is "
                      "already there (or the set is full)",
                      name);
        return HYS_EFORMAT;
    }
    int qi = (int)(q - f->questions);
    hys_question *w = &f->questions[f->nquestions++];
    q = &f->questions[qi];
    w->type = HYS_Q_TEXT, w->row = r->number, w->kiosk_label = "What is it? Write it here.";
    char err[256]; /* (the reference parses: q's name did; only memory can fail here) */
    if (!(w->name = hys_strdup(name)) ||
        !(w->relevant[w->nrelevant++] = hys_expr_parse(rel, err, sizeof err)) ||
        (group_label && form_i18n_copy(&w->group_label, group_label) != HYS_OK))
        return form_nomem(b), HYS_ENOMEM;
    return HYS_OK; /* (asked only when Other is chosen: never when q is not asked) */
}

/* A copy of a choice's packed columns ("key\0value\0…\0"). */
static char *copy_fields(const char *f)
{
    const char *p = f;
    while (*p)
        p += strlen(p) + 1;
    size_t n = (size_t)(p - f) + 1;
    char *c = hys_malloc(n);
    if (c) memcpy(c, f, n);
    return c;
}

typedef struct field_check {
    builder *b;
    const hys_table *t;
    const hys_row *r;
    int col;
    const hys_question *q;
    const char *list;
} field_check;

/* A column a choice_filter reads must be one the list's choices fill:
 * else no choice would ever show. */
static void check_field(void *ud, const char *key)
{
    field_check *fc = ud;
    for (int c = 0; c < fc->q->nchoices; c++)
        if (hys_choice_field(&fc->q->choices[c], key)[0]) return;
    hys_diags_add(fc->b->d, HYS_DIAG_ERROR, fc->t->name, fc->r->number, fc->col,
                  "choice_filter reads the column \"%s\", but no choice in the list \"%s\" has "
                  "it filled in the choices sheet (for the text %s, write '%s' in quotes)",
                  key, fc->list, key, key);
}

static void check_fields(builder *b, const hys_table *t, const hys_row *r, int col,
                         const hys_question *q, const char *list)
{
    field_check fc = {b, t, r, col, q, list};
    hys_expr_each_field(q->choice_filter, check_field, &fc);
}

/* The names of the groups a row is in, outermost first: "visit/staff". */
static void group_path(const group_frame *groups, int n, int c_name, char *out, size_t cap)
{
    size_t at = 0;
    out[0] = '\0';
    for (int g = 0; g < n && at < cap; g++) {
        const char *gn = form_cell(groups[g].row, c_name);
        at += (size_t)snprintf(out + at, cap - at, "%s%s", at ? "/" : "", gn ? gn : "group");
    }
}

/* Question q (in the groups path) takes its path into its name, now that
 * another group has a question of its name. 1 when memory ran out. */
static int rename_to_path(builder *b, hys_question *q, const char *path)
{
    size_t n = strlen(path) + strlen(q->name) + 2;
    char *full = hys_malloc(n);
    if (!full) return form_nomem(b), 1;
    snprintf(full, n, "%s/%s", path, q->name);
    hys_free(q->name);
    q->name = full;
    return 0;
}

void form_read_survey(builder *b, const hys_table *t, choice_lists *lists)
{
    hys_form *f = b->f;
    if (t->nrows == 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, 1, -1, "the survey sheet is empty");
        return;
    }
    colmap cols[HYS_MAX_COLS];
    memset(cols, 0, sizeof cols); /* (each is mapped below; zero for the compiler) */
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        form_map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    int c_type = form_find_col(cols, ncols, "type"), c_name = form_find_col(cols, ncols, "name");
    int c_req = form_find_col(cols, ncols, "required"),
        c_rel = form_find_col(cols, ncols, "relevant");
    int c_app = form_find_col(cols, ncols, "appearance");
    int c_cons = form_find_col(cols, ncols, "constraint");
    int c_ro = form_find_col(cols, ncols, "read_only");
    int c_calc = form_find_col(cols, ncols, "calculation");
    int c_filter = form_find_col(cols, ncols, "choice_filter");
    int c_params = form_find_col(cols, ncols, "parameters");
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
        form_nomem(b);
        return;
    }
    group_frame groups[8];
    hys_i18n group_labels[8];
    int ngroups = 0;
    char **paths = hys_calloc(HYS_MAX_QUESTIONS, sizeof *paths); /* each question's groups */
    if (!paths) {
        form_nomem(b);
        return;
    }
    for (int i = 1; i < t->nrows && b->rc != HYS_ENOMEM; i++) {
        const hys_row *r = &t->rows[i];
        const char *type = form_cell(r, c_type);
        if (!type) {
            int any = 0;
            for (int c = 0; c < r->ncells; c++)
                any |= form_cell(r, c) != NULL;
            if (any)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "the row has no type; supported types: %s", form_supported_types);
            continue;
        }
        /* columns that would change what the question means */
        int refused = 0;
        for (int c = 0; c < ncols; c++) {
            if (!IN_LIST(cols[c].key, survey_refused) || !form_cell(r, c)) continue;
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c,
                          "column \"%s\" is not supported (it would change what the question "
                          "does); the kiosk supports: type, name, label, hint, required, "
                          "relevant, constraint, constraint_message, read_only, appearance, "
                          "media::image, media::audio",
                          hys_row_cell(&t->rows[0], c));
            refused = 1;
        }
        hys_qtype qt = HYS_Q_NOTE;
        char list[128];
        int or_other;
        type_kind k = form_parse_type(b, t, r, c_type, type, &qt, list, sizeof list, &or_other);
        if (k == T_LEFT_OUT) {
            form_leave_out(b, form_cell(r, c_name));
            continue;
        }
        if (k == T_IGNORE) form_ignore(b, form_cell(r, c_name));
        if (k == T_ERROR || k == T_IGNORE) continue;
        const char *ro = c_ro >= 0 ? form_cell(r, c_ro) : NULL;
        if (ro && qt != HYS_Q_NOTE &&
            (!strcasecmp(ro, "yes") || !strcasecmp(ro, "true") || !strcasecmp(ro, "true()") ||
             !strcmp(ro, "1"))) {
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_ro,
                          "read only: shown as a note, with nothing to answer");
            qt = HYS_Q_NOTE, k = T_QUESTION;
        }
        if (k == T_END_GROUP) {
            if (ngroups == 0)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "end_group without a begin_group above it");
            else
                form_i18n_free(&group_labels[--ngroups]);
            continue;
        }
        const char *name = form_cell(r, c_name);
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
            form_read_i18n(b, t->name, r, cols, ncols, "label", &group_labels[ngroups], 0);
            hys_expr *check = form_parse_relevant(b, t, r, c_rel);
            hys_expr_destroy(check);
            ngroups++;
            continue;
        }
        /* a name used again in another group keeps its group's path (as
         * pyxform does): "visit/rating" and "staff/rating" */
        char path[HYS_MAX_CELL_BYTES], qname[2 * HYS_MAX_CELL_BYTES + 2];
        group_path(groups, ngroups, c_name, path, sizeof path);
        snprintf(qname, sizeof qname, "%s", name);
        int clash = 0;
        for (int o = 0; o < f->nquestions && !clash; o++) {
            const char *on = f->questions[o].name, *slash = on ? strrchr(on, '/') : NULL;
            if (!on || strcmp(slash ? slash + 1 : on, name)) continue;
            clash = !strcmp(paths[o] ? paths[o] : "", path);
            if (clash) continue;
            if (!slash && paths[o] && *paths[o] && rename_to_path(b, &f->questions[o], paths[o]))
                break;
            if (*path) snprintf(qname, sizeof qname, "%s/%s", path, name);
        }
        if (clash) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_name,
                          "the name \"%s\" is used by another question%s; names must be unique%s",
                          name, *path ? " in the same group" : "", *path ? " in a group" : "");
            continue;
        }
        if (f->nquestions >= HYS_MAX_QUESTIONS) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, -1, "more than %d questions",
                          HYS_MAX_QUESTIONS);
            break;
        }
        if (refused) continue;
        hys_expr *calc = NULL;
        if (k == T_CALCULATE && !(calc = form_parse_calculation(b, t, r, c_calc, name))) {
            form_leave_out(b, name);
            continue;
        }
        hys_question *q = &f->questions[f->nquestions];
        if (*path && !(paths[f->nquestions] = hys_strdup(path))) {
            hys_expr_destroy(calc);
            form_nomem(b);
            break;
        }
        f->nquestions++;
        q->type = qt;
        q->row = r->number;
        q->name = hys_strdup(qname);
        q->calculation = calc;
        if (!q->name) {
            form_nomem(b);
            break;
        }
        for (int g = 0; g < ngroups; g++) { /* (a group's own mistake is told once, at it) */
            char err[256];
            const char *v = form_cell(groups[g].row, groups[g].relevant_col);
            hys_expr *e = v ? hys_expr_parse(v, err, sizeof err) : NULL;
            if (e) q->relevant[q->nrelevant++] = e;
        }
        hys_expr *own = form_parse_relevant(b, t, r, c_rel);
        if (own) q->relevant[q->nrelevant++] = own;
        if (k == T_CALCULATE) continue; /* (never shown: no words, no answer to check) */
        form_read_i18n(b, t->name, r, cols, ncols, "label", &q->label, 0);
        form_read_i18n(b, t->name, r, cols, ncols, "hint", &q->hint, 0);
        form_read_i18n(b, t->name, r, cols, ncols, "media::image", &q->image, 1);
        form_read_i18n(b, t->name, r, cols, ncols, "media::audio", &q->audio, 2);
        if (ngroups && form_i18n_copy(&q->group_label, &group_labels[ngroups - 1]) != HYS_OK)
            form_nomem(b);
        if (form_i18n_empty(&q->label))
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number,
                          form_find_col(cols, ncols, "label"),
                          "\"%s\" has no label: residents would see an empty screen", name);
        q->required = parse_required(b, t, r, c_req);
        if (q->required && qt == HYS_Q_NOTE) {
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_req,
                          "a note cannot be required; ignored");
            q->required = 0;
        }
        q->constraint = form_parse_constraint(b, t, r, c_cons, qt);
        form_read_i18n(b, t->name, r, cols, ncols, "constraint_message", &q->constraint_msg, 0);
        const char *app = form_cell(r, c_app);
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
        if (k == T_RANGE) {
            if (form_range(b, t, r, c_params, q) == HYS_ENOMEM) break;
        } else if (k == T_ACKNOWLEDGE) { /* one card, "OK" (the value ODK keeps) */
            q->choices = hys_calloc(1, sizeof *q->choices);
            if (!q->choices || !(q->choices[0].name = hys_strdup("OK"))) {
                form_nomem(b);
                break;
            }
            q->nchoices = 1;
            q->choices[0].row = r->number;
            q->choices[0].kiosk_word = "OK";
        } else if (qt == HYS_Q_SELECT_ONE || qt == HYS_Q_SELECT_MULTIPLE) {
            int count = 0;
            for (int j = 0; j < lists->n; j++)
                count += !strcmp(lists->e[j].list, list);
            if (count == 0) {
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "the list \"%s\" is not in the choices sheet", list);
                continue;
            }
            if (qt == HYS_Q_SELECT_MULTIPLE && count + or_other > HYS_MAX_MULTI_CHOICES) {
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "select_multiple offers at most %d choices, and the list \"%s\" "
                              "has %d; split the question in two, or use select_one",
                              HYS_MAX_MULTI_CHOICES, list, count + or_other);
                continue;
            }
            q->choices = hys_calloc((size_t)count + (size_t)or_other, sizeof *q->choices);
            if (!q->choices) {
                form_nomem(b);
                break;
            }
            for (int j = 0; j < lists->n; j++) {
                list_entry *e = &lists->e[j];
                if (strcmp(e->list, list)) continue;
                if (form_i18n_empty(&e->ch.label) && !e->used)
                    hys_diags_add(b->d, HYS_DIAG_ERROR, lists->sheet, e->ch.row, e->label_col,
                                  "the choice \"%s\" has no label (the words shown and said)",
                                  e->ch.name);
                e->used = 1;
                hys_choice *c = &q->choices[q->nchoices++];
                c->row = e->ch.row;
                c->name = hys_strdup(e->ch.name);
                if (e->ch.fields && !(c->fields = copy_fields(e->ch.fields))) form_nomem(b);
                if (!c->name || form_i18n_copy(&c->label, &e->ch.label) != HYS_OK ||
                    form_i18n_copy(&c->image, &e->ch.image) != HYS_OK ||
                    form_i18n_copy(&c->audio, &e->ch.audio) != HYS_OK)
                    form_nomem(b);
            }
            if ((q->choice_filter = form_parse_filter(b, t, r, c_filter)))
                check_fields(b, t, r, c_filter, q, list);
            /* (a clash is said, and the rest is still read; only memory stops it) */
            if (or_other &&
                add_other(b, t, r, q, ngroups ? &group_labels[ngroups - 1] : NULL) == HYS_ENOMEM)
                break;
            if (q->look == HYS_LOOK_FACES && count != 3 && count != 5)
                hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, c_app,
                              "a face scale works best with 3 or 5 choices; \"%s\" has %d", list,
                              count);
        }
    }
    while (ngroups > 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, groups[ngroups - 1].row->number, c_type,
                      "begin_group has no end_group");
        form_i18n_free(&group_labels[--ngroups]);
    }
    for (int i = 0; i < HYS_MAX_QUESTIONS; i++)
        hys_free(paths[i]);
    hys_free(paths);
    formula_cols fc = {c_rel, c_cons, c_calc, c_filter};
    form_check_refs(b, t, &fc);
}

void form_read_settings(builder *b, const hys_table *t, const char **default_lang)
{
    *default_lang = NULL;
    if (!t || t->nrows < 2) return;
    const hys_row *h = &t->rows[0], *r = &t->rows[1];
    for (int c = 0; c < h->ncells; c++) {
        const char *k = form_cell(h, c), *v = form_cell(r, c);
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
                n != sizeof pk) {
                if (!strncmp(v, "MII", 3)) /* (an RSA key in base64 starts so) */
                    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c,
                                  "public_key is an ODK encryption key (RSA): the kiosk seals "
                                  "answers with a key of its own; make one with haveyoursay "
                                  "keygen and put its public half here, or leave public_key "
                                  "out");
                else
                    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c,
                                  "public_key is not a key made by haveyoursay keygen (base64 of "
                                  "32 bytes): answers would not be sealed");
            } else
                dst = &b->f->public_key;
        } else if (!strcmp(key, "default_language")) {
            *default_lang = v;
        } else if (!strncmp(key, "intro", 5) && (!key[5] || key[5] == ':')) {
            continue; /* (form_read_intro, once the languages are known) */
        } else if (!strcmp(key, "allow_choice_duplicates")) {
            b->choice_dups = hys_ieq(v, "yes") || hys_ieq(v, "true");
        } else if (!strcmp(key, "style")) {
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
            if (!(*dst = hys_strdup(v))) form_nomem(b);
        }
    }
}

void form_read_intro(builder *b, const hys_table *t)
{
    if (!t || t->nrows < 2) return;
    colmap cols[HYS_MAX_COLS];
    memset(cols, 0, sizeof cols);
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        form_map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    form_read_i18n(b, t->name, &t->rows[1], cols, ncols, "intro", &b->f->intro, 0);
}

void form_read_updates(builder *b, const hys_table *t)
{
    if (!t || t->nrows < 2) return;
    colmap cols[HYS_MAX_COLS];
    memset(cols, 0, sizeof cols); /* (each is mapped below; zero for the compiler) */
    int ncols = t->rows[0].ncells;
    for (int c = 0; c < ncols; c++)
        form_map_header(b, t->name, c, hys_row_cell(&t->rows[0], c), &cols[c]);
    static const char *const used[] = {"label", "media::image"};
    warn_unused_columns(b, t, cols, ncols, used, 2, NULL, 0);
    b->f->updates = hys_calloc((size_t)t->nrows, sizeof *b->f->updates);
    if (!b->f->updates) {
        form_nomem(b);
        return;
    }
    for (int i = 1; i < t->nrows; i++) {
        hys_update *u = &b->f->updates[b->f->nupdates];
        form_read_i18n(b, t->name, &t->rows[i], cols, ncols, "label", &u->label, 0);
        form_read_i18n(b, t->name, &t->rows[i], cols, ncols, "media::image", &u->image, 1);
        if (form_i18n_empty(&u->label)) {
            form_i18n_free(&u->image);
            memset(u, 0, sizeof *u);
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, t->rows[i].number, -1,
                          "a \"you said, we did\" row with no label is ignored");
            continue;
        }
        b->f->nupdates++;
    }
}
