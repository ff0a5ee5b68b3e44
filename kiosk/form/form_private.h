/* form_private: what form.c, form_sheets.c and form_media.c share while
 * a question set is read: the builder (the form being made, its problems,
 * its language columns) and the helpers each of them uses. */
#ifndef HYS_FORM_PRIVATE_H
#define HYS_FORM_PRIVATE_H

#include "form.h"
#include "table.h"

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
    int filters;     /* the survey has a choice_filter column */
    int choice_dups; /* settings allow_choice_duplicates: a list may name a choice twice */
    char *ignored;   /* metadata rows ignored (start, deviceid…): "a, b", or NULL */
    int nignored;
    hys_status rc;
} builder;

typedef struct list_entry {
    char *list;
    hys_choice ch;
    int used;      /* a question asks it (a choice with no label is then an error) */
    int label_col; /* (for that message) */
} list_entry;

typedef struct choice_lists {
    list_entry *e;
    int n;
    const char *sheet; /* the choices sheet's name as written (for messages) */
} choice_lists;

typedef void (*i18n_fn)(hys_i18n *t, void *ud);

/* What a survey row's type makes of it. */
typedef enum {
    T_ERROR,
    T_IGNORE,
    T_LEFT_OUT,
    T_QUESTION,
    T_ACKNOWLEDGE, /* "acknowledge" (older: "trigger"): one OK card */
    T_CALCULATE,   /* a value worked out from the answers, never shown */
    T_RANGE,       /* a number between two ends: number cards, or the number pad */
    T_BEGIN_GROUP,
    T_END_GROUP
} type_kind;

/* form.c */
const char *form_cell(const hys_row *r, int col);
/* 1 when k is one of the n words in list. */
int form_in_list(const char *k, const char *const *list, size_t n);
#define IN_LIST(k, l) form_in_list((k), (l), sizeof(l) / sizeof((l)[0]))
int form_find_col(const colmap *cols, int n, const char *key);
/* A copy of src into dst: HYS_OK, or HYS_ENOMEM. */
hys_status form_i18n_copy(hys_i18n *dst, const hys_i18n *src);
int form_i18n_empty(const hys_i18n *t);
void form_i18n_free(hys_i18n *t);
void form_map_header(builder *b, const char *sheet, int col, const char *raw, colmap *out);
void form_nomem(builder *b);
void form_read_i18n(builder *b, const char *sheet, const hys_row *r, const colmap *cols, int ncols,
                    const char *key, hys_i18n *dst, int media);

/* form_media.c */
int form_ends_with(const char *s, const char *suffix);
char *form_media_path(builder *b, const char *sheet, int row, int col, const char *value,
                      int audio);

/* form_types.c */
extern const char *const form_supported_types; /* for messages */
/* Read a type cell. For selects, *list gets the list name, and *other is 1
 * for "or_other" (the kiosk adds Other and a question after it). */
type_kind form_parse_type(builder *b, const hys_table *t, const hys_row *r, int col,
                          const char *raw, hys_qtype *qt, char *list, size_t listn, int *other);

/* A range question q (its row r, parameters in column col: "start=1 end=10
 * step=1"): up to 11 numbers become a row of number cards, more the number
 * pad with the ends as its constraint. HYS_OK, HYS_EFORMAT (said), HYS_ENOMEM. */
hys_status form_range(builder *b, const hys_table *t, const hys_row *r, int col, hys_question *q);

/* form_formulas.c */
/* The columns formulas are in (-1: none), for messages. */
typedef struct formula_cols {
    int relevant, constraint, calculation, choice_filter;
} formula_cols;
hys_expr *form_parse_relevant(builder *b, const hys_table *t, const hys_row *r, int col);
/* A constraint: checked when the answer is given; on a note it has
 * nothing to check (warned). */
hys_expr *form_parse_constraint(builder *b, const hys_table *t, const hys_row *r, int col,
                                hys_qtype qt);
/* A calculate row's formula. NULL when it has none, or uses what the kiosk
 * cannot work out (today(), a file's data): warned, and the caller leaves
 * it out; one written wrong is an error. */
hys_expr *form_parse_calculation(builder *b, const hys_table *t, const hys_row *r, int col,
                                 const char *name);
hys_expr *form_parse_filter(builder *b, const hys_table *t, const hys_row *r, int col);
/* Note question name as left out (hys_form's left_out). */
void form_leave_out(builder *b, const char *name);
/* Note a metadata row's name (start, deviceid) as ignored: what refers to
 * it sees nothing, as it sees a question left out. */
void form_ignore(builder *b, const char *name);
/* Once every name is known: each ${name} in a formula or in a question's
 * words is a question (or one left out), and no calculation needs itself. */
void form_check_refs(builder *b, const hys_table *t, const formula_cols *fc);

/* form_sheets.c */
void form_lists_free(choice_lists *l);
void form_read_choices(builder *b, const hys_table *t, choice_lists *out);
void form_read_settings(builder *b, const hys_table *t, const char **default_lang);
/* The settings' intro (per language), read once the choices and the survey
 * have named the languages (so that they keep the order they have there). */
void form_read_intro(builder *b, const hys_table *t);
void form_read_survey(builder *b, const hys_table *t, choice_lists *lists);
void form_read_updates(builder *b, const hys_table *t);
#endif
