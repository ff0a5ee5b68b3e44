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
    hys_status rc;
} builder;

typedef struct list_entry {
    char *list;
    hys_choice ch;
    int used;
} list_entry;

typedef struct choice_lists {
    list_entry *e;
    int n;
} choice_lists;

typedef void (*i18n_fn)(hys_i18n *t, void *ud);

/* form.c */
const char *form_cell(const hys_row *r, int col);
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
