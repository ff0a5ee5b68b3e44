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

static const char *const survey_refused[] = {
    "calculation", "choice_filter", "repeat_count",           "trigger",
    "parameters",  "media::video",  "body::accuracythreshold"};

static const char *const survey_used[] = {
    "type",       "name",         "label",        "hint",       "required",           "relevant",
    "appearance", "media::image", "media::audio", "constraint", "constraint_message", "read_only"};

static int in_list(const char *k, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(k, list[i])) return 1;
    return 0;
}

#define IN_LIST(k, l) in_list((k), (l), sizeof(l) / sizeof((l)[0]))

/* Columns the kiosk leaves aside on purpose, with the reason (warned once,
 * with the rows that fill them). */
static const struct {
    const char *key, *why;
} survey_aside[] = {
    {"default", "an answer chosen in advance would lead people's answers"},
};

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
            has_values = form_cell(&t->rows[i], c) != NULL;
        if (!has_values) continue;
        const char *why = NULL;
        for (size_t a = 0; a < sizeof survey_aside / sizeof survey_aside[0]; a++)
            if (used == survey_used && !strcmp(cols[c].key, survey_aside[a].key))
                why = survey_aside[a].why;
        if (why)
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                          "column \"%s\" is ignored: %s", hys_row_cell(h, c), why);
        else
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, h->number, c,
                          "column \"%s\" is not used by the kiosk and is ignored",
                          hys_row_cell(h, c));
    }
}

void form_lists_free(choice_lists *l)
{
    for (int i = 0; i < l->n; i++) {
        hys_free(l->e[i].list);
        hys_free(l->e[i].ch.name);
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
    warn_unused_columns(b, t, cols, ncols, used, sizeof used / sizeof used[0], NULL, 0);
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
        if (dup) {
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
        form_read_i18n(b, t->name, r, cols, ncols, "media::image", &e->ch.image, 1);
        form_read_i18n(b, t->name, r, cols, ncols, "media::audio", &e->ch.audio, 2);
        if (form_i18n_empty(&e->ch.label))
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number,
                          form_find_col(cols, ncols, "label"), "the choice \"%s\" has no label",
                          name);
    }
}

typedef enum {
    T_ERROR,
    T_IGNORE,
    T_LEFT_OUT,
    T_QUESTION,
    T_ACKNOWLEDGE, /* "acknowledge" (older: "trigger"): one OK card */
    T_BEGIN_GROUP,
    T_END_GROUP
} type_kind;

/* Question types a kiosk must never ask, and why (the question is left out
 * with a warning; the set still runs). */
static const struct {
    const char *type, *why;
} never_asked[] = {
    {"geopoint", "a location"},
    {"geotrace", "a location"},
    {"geoshape", "a location"},
    {"start-geopoint", "a location"},
    {"background-geopoint", "a location"},
    {"image", "a photo"},
    {"photo", "a photo"},
    {"audio", "a recording"},
    {"background-audio", "a recording"},
    {"video", "a video"},
    {"file", "a file"},
    {"barcode", "a barcode"},
    {"date", "a date (a date of birth can tell who someone is)"},
    {"time", "a time"},
    {"datetime", "a date and time"},
    {"phone number", "a phone number (it tells who someone is)"},
    {"phone_number", "a phone number (it tells who someone is)"},
    {"osm", "a place on a map"},
};

static const char *const supported_types =
    "note, select_one LIST, select_multiple LIST, integer, decimal, text, begin_group, end_group";

/* Parse a type cell. For selects, *list gets the list name, and *other is 1
 * for "or_other" (the kiosk adds Other and a question after it). */
static type_kind parse_type(builder *b, const hys_table *t, const hys_row *r, int col,
                            const char *raw, hys_qtype *qt, char *list, size_t listn, int *other)
{
    *other = 0;
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
        /* "or_other": the kiosk adds "Other" and a question to say what it is */
        static const char *const others[] = {" or_other", " or specify other"};
        char bare[256];
        for (size_t o = 0; o < 2 && !*other; o++) {
            const char *at = strstr(rest, others[o]);
            if (!at || at[strlen(others[o])]) continue;
            snprintf(bare, sizeof bare, "%.*s", (int)(at - rest), rest);
            rest = bare, *other = 1;
        }
        if (strchr(rest, ' ') || !*rest) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                          "type \"%s\": write select_one or select_multiple, a space, and the "
                          "name of one list from the choices sheet",
                          ty);
            return T_ERROR;
        }
        /* keep original case of the list name */
        const char *orig = ty; /* (past the prefix's words, however spaced) */
        for (const char *w = selects[i].prefix; *w; w++) {
            if (*w != ' ') continue;
            while (*orig == ' ' || *orig == '\t')
                orig++;
            while (*orig && *orig != ' ' && *orig != '\t')
                orig++;
        }
        while (*orig == ' ' || *orig == '\t')
            orig++;
        snprintf(list, listn, "%.*s", (int)strlen(rest), orig);
        *qt = selects[i].qt;
        return T_QUESTION;
    }
    if (!strcmp(norm, "note")) return *qt = HYS_Q_NOTE, T_QUESTION;
    if (!strcmp(norm, "integer") || !strcmp(norm, "int")) return *qt = HYS_Q_INTEGER, T_QUESTION;
    if (!strcmp(norm, "decimal")) return *qt = HYS_Q_DECIMAL, T_QUESTION;
    if (!strcmp(norm, "acknowledge") || !strcmp(norm, "trigger"))
        return *qt = HYS_Q_SELECT_ONE, T_ACKNOWLEDGE;
    if (!strcmp(norm, "text") || !strcmp(norm, "string")) return *qt = HYS_Q_TEXT, T_QUESTION;
    if (!strcmp(norm, "begin_group") || !strcmp(norm, "begin group")) return T_BEGIN_GROUP;
    if (!strcmp(norm, "end_group") || !strcmp(norm, "end group")) return T_END_GROUP;
    if (!strcmp(norm, "select_one") || !strcmp(norm, "select_multiple")) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                      "type \"%s\" needs the name of a list from the choices sheet after it", ty);
        return T_ERROR;
    }
    for (size_t i = 0; i < sizeof never_asked / sizeof never_asked[0]; i++) {
        size_t tl = strlen(never_asked[i].type); /* ("osm LIST" names its tags' list) */
        if (!strncmp(norm, never_asked[i].type, tl) && (!norm[tl] || norm[tl] == ' ')) {
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                          "this %s question is left out: a kiosk never asks for %s", ty,
                          never_asked[i].why);
            return T_LEFT_OUT;
        }
    }
    static const char *const metadata[] = {
        "start",    "end",   "today", "deviceid", "phonenumber", "simserial", "subscriberid",
        "username", "email", "audit", "imei",     "caseid",      "comments"};
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

/* A formula that would not parse: its one message, told plainly when
 * Excel's autocorrect turned its quotes curly. */
static void formula_error(builder *b, const hys_table *t, const hys_row *r, int col,
                          const char *what, const char *v, const char *err)
{
    if (strstr(v, "\xE2\x80\x98") || strstr(v, "\xE2\x80\x99") || strstr(v, "\xE2\x80\x9C") ||
        strstr(v, "\xE2\x80\x9D"))
        hys_diags_add(
            b->d, HYS_DIAG_ERROR, t->name, r->number, col,
            "Excel changed ' into \xE2\x80\x99 in this %s formula: type it again with autocorrect "
            "off, or use \"…\" around the text (%s)",
            what, v);
    else
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col, "%s \"%s\": %s", what, v, err);
}

static hys_expr *parse_relevant(builder *b, const hys_table *t, const hys_row *r, int col)
{
    const char *v = form_cell(r, col);
    if (!v) return NULL;
    char err[256];
    hys_expr *e = hys_expr_parse(v, err, sizeof err);
    if (!e) {
        if (!strcmp(err, "out of memory"))
            form_nomem(b);
        else
            formula_error(b, t, r, col, "relevant", v, err);
    }
    return e;
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

/* A constraint: checked when the answer is given; on a note it has
 * nothing to check (warned). */
static hys_expr *parse_constraint(builder *b, const hys_table *t, const hys_row *r, int col,
                                  hys_qtype qt)
{
    const char *v = form_cell(r, col);
    if (!v) return NULL;
    if (qt == HYS_Q_NOTE) {
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "a note has no answer to check; the constraint is ignored");
        return NULL;
    }
    char err[256];
    hys_expr *e = hys_expr_parse_constraint(v, err, sizeof err);
    if (!e && !strcmp(err, "out of memory"))
        form_nomem(b);
    else if (!e)
        formula_error(b, t, r, col, "constraint", v, err);
    return e;
}

typedef struct ref_check {
    builder *b;
    const hys_table *t;
    int row, col, qindex;
    const char *what; /* the column: "relevant" or "constraint" */
} ref_check;

/* Note question name as left out (hys_form's left_out). */
static void leave_out(builder *b, const char *name)
{
    hys_form *f = b->f;
    if (!name) return;
    hys_buf s;
    hys_buf_init(&s, (size_t)HYS_MAX_QUESTIONS * (HYS_MAX_CELL_BYTES + 2));
    hys_buf_printf(&s, "%s%s%s", f->left_out ? f->left_out : "", f->left_out ? ", " : "", name);
    char *all = hys_buf_take(&s);
    if (!all) {
        form_nomem(b);
        return;
    }
    hys_free(f->left_out);
    f->left_out = all;
    f->nleft_out++;
}

/* 1 when name is one of the questions left out. */
static int is_left_out(const hys_form *f, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = f->left_out; p && *p;) {
        const char *e = strstr(p, ", ");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && !strncmp(p, name, n)) return 1;
        p = e ? e + 2 : p + l;
    }
    return 0;
}

static void check_ref(void *ud, const char *name)
{
    ref_check *rc = ud;
    int i = hys_form_find(rc->b->f, name);
    if (!strcmp(name, ".")) return;                   /* (a constraint's own answer) */
    if (i < 0 && is_left_out(rc->b->f, name)) return; /* (seen unanswered) */
    int own = !strcmp(rc->what, "constraint");
    if (i < 0) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "%s refers to ${%s}, but no question has that name", rc->what, name);
    } else if (i == rc->qindex && !own) {
        hys_diags_add(rc->b->d, HYS_DIAG_ERROR, rc->t->name, rc->row, rc->col,
                      "relevant refers to its own question ${%s}", name);
    } else if (i > rc->qindex) {
        hys_diags_add(rc->b->d, HYS_DIAG_WARNING, rc->t->name, rc->row, rc->col,
                      "%s refers to ${%s}, which is asked later; it will be empty here", rc->what,
                      name);
    }
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
    for (int i = 1; i < t->nrows && b->rc != HYS_ENOMEM; i++) {
        const hys_row *r = &t->rows[i];
        const char *type = form_cell(r, c_type);
        if (!type) {
            int any = 0;
            for (int c = 0; c < r->ncells; c++)
                any |= form_cell(r, c) != NULL;
            if (any)
                hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, c_type,
                              "the row has no type; supported types: %s", supported_types);
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
        type_kind k = parse_type(b, t, r, c_type, type, &qt, list, sizeof list, &or_other);
        if (k == T_LEFT_OUT) {
            leave_out(b, form_cell(r, c_name));
            continue;
        }
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
            form_nomem(b);
            break;
        }
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
        for (int g = 0; g < ngroups; g++) {
            hys_expr *e = parse_relevant(b, t, groups[g].row, groups[g].relevant_col);
            if (e) q->relevant[q->nrelevant++] = e;
        }
        hys_expr *own = parse_relevant(b, t, r, c_rel);
        if (own) q->relevant[q->nrelevant++] = own;
        q->constraint = parse_constraint(b, t, r, c_cons, qt);
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
        if (k == T_ACKNOWLEDGE) { /* one card, "OK" (the value ODK keeps) */
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
            q->choices = hys_calloc((size_t)count + (size_t)or_other, sizeof *q->choices);
            if (!q->choices) {
                form_nomem(b);
                break;
            }
            for (int j = 0; j < lists->n; j++) {
                list_entry *e = &lists->e[j];
                if (strcmp(e->list, list)) continue;
                e->used = 1;
                hys_choice *c = &q->choices[q->nchoices++];
                c->row = e->ch.row;
                c->name = hys_strdup(e->ch.name);
                if (!c->name || form_i18n_copy(&c->label, &e->ch.label) != HYS_OK ||
                    form_i18n_copy(&c->image, &e->ch.image) != HYS_OK ||
                    form_i18n_copy(&c->audio, &e->ch.audio) != HYS_OK)
                    form_nomem(b);
            }
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
    /* references in relevant, now that every name is known */
    for (int qi = 0; qi < f->nquestions; qi++) {
        const hys_question *q = &f->questions[qi];
        int row = q->row;
        ref_check rc = {b, t, row, c_rel, qi, "relevant"};
        if (q->nrelevant) hys_expr_each_ref(q->relevant[q->nrelevant - 1], check_ref, &rc);
        ref_check cc = {b, t, row, c_cons, qi, "constraint"};
        hys_expr_each_ref(q->constraint, check_ref, &cc);
    }
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
