/* form: a question set (XLSForm) read from .xlsx or pyxform .csv, checked,
 * and turned into the model the journey walks. Every problem is reported
 * with file, sheet, row and column; a form with errors is never returned.
 * This module knows nothing of SDL. */
#ifndef HYS_FORM_H
#define HYS_FORM_H

#include "diag.h"
#include "expr.h"

#include "../util/limits.h"
#include "../util/status.h"

typedef enum {
    HYS_Q_NOTE,
    HYS_Q_SELECT_ONE,
    HYS_Q_SELECT_MULTIPLE,
    HYS_Q_INTEGER,
    HYS_Q_TEXT,
    HYS_Q_DECIMAL,  /* a number pad with a decimal point */
    HYS_Q_CALCULATE /* never shown: a value worked out from the answers, kept with them */
} hys_qtype;

/* A question the resident sees (every type but a calculation). */
static inline int hys_qtype_is_asked(hys_qtype t)
{
    return t != HYS_Q_CALCULATE;
}

/* A question answered on the number pad (integer, decimal). */
static inline int hys_qtype_is_number(hys_qtype t)
{
    return t == HYS_Q_INTEGER || t == HYS_Q_DECIMAL;
}

typedef enum { HYS_LOOK_PLAIN, HYS_LOOK_FACES, HYS_LOOK_LIKERT } hys_look;

/* Text in every language of the form: by_lang[i] for language i, NULL when
 * the sheet has none. Read with hys_form_text(). */
typedef struct hys_i18n {
    char *by_lang[HYS_MAX_LANGUAGES];
    short col[HYS_MAX_LANGUAGES]; /* 1 + the column each language's text is in; 0 = none */
} hys_i18n;

typedef struct hys_choice {
    char *name;
    hys_i18n label, image, audio; /* image/audio: full paths, NULL if none */
    int row;
    const char *kiosk_word; /* a choice the kiosk added ("OK", "Other"): its label in
                             * English, put in each language by hys_form_kiosk_words */
    char *fields; /* its other columns, for choice_filter: "key\0value\0…\0" (NULL: none) */
} hys_choice;

typedef struct hys_question {
    hys_qtype type;
    char *name;
    hys_i18n label, hint, image, audio;
    hys_i18n group_label; /* label of the innermost enclosing group, if any */
    int required;
    hys_look look;
    int nrelevant;
    hys_expr *relevant[9]; /* own condition and those of up to 8 enclosing groups; all must hold */
    hys_expr *constraint;  /* what an answer must meet to be kept ("." is the answer), or NULL */
    hys_expr *calculation; /* HYS_Q_CALCULATE: its value, worked out from the answers */
    hys_expr *choice_filter; /* which choices are shown (a bare name is a choice's column) */
    hys_i18n constraint_msg; /* said and shown when it does not (empty: the kiosk's words) */
    const char *kiosk_label; /* a question the kiosk added (or_other's "say what"): its label
                              * in English, as kiosk_word */
    int nchoices;
    hys_choice *choices;
    int row; /* survey sheet row, for messages */
} hys_question;

/* What the kiosk says of an answer its question's constraint refuses, when
 * the question has no constraint_message (English; translated). */
#define HYS_REFUSED_WORDS "This answer cannot be kept. Please change it."

typedef struct hys_language {
    char code[16]; /* e.g. "en", "pl"; "und" when unknown */
    char name[64]; /* as written in the column header, e.g. "English" */
} hys_language;

typedef struct hys_update { /* one "you said, we did" item */
    hys_i18n label, image;
} hys_update;

typedef struct hys_form {
    char *path;       /* the file it was read from */
    char *dir;        /* its folder: pictures are found here */
    char *title;      /* settings form_title, or the file name */
    char *id;         /* settings form_id, or the file name without extension */
    char *version;    /* settings version, or "" */
    char hash[65];    /* SHA-256 of the file, lower-case hex */
    int quick;        /* settings style = quick: one-tap poll */
    char *public_key; /* settings public_key: exports are sealed to it (base64 X25519), or NULL */
    int nlangs;
    hys_language langs[HYS_MAX_LANGUAGES];
    int default_lang;
    int nquestions;
    hys_question *questions;
    int nupdates;
    hys_update *updates;
    /* questions a kiosk must never ask (a location, a photo, a date…), left
     * out with a warning each: how many, and their names ("a, b"; "" none).
     * A `relevant` that asks about one sees it unanswered. */
    int nleft_out;
    char *left_out;
    /* settings intro (intro::Language (code)): who is asking and why, the
     * first line of the intro screen; empty: the kiosk's general words */
    hys_i18n intro;
} hys_form;

/* Read and check the question set at path. Every problem (errors and
 * warnings) is added to d. Returns the form when it has no errors (free with
 * hys_form_destroy), NULL otherwise; *rc (may be NULL) gets the status. */
hys_form *hys_form_load(const char *path, hys_diags *d, hys_status *rc);
/* The same from bytes in memory; name is used for messages and file type,
 * dir is where pictures are looked for (NULL: pictures are not checked). */
hys_form *hys_form_load_mem(const char *name, const char *dir, const char *data, size_t n,
                            hys_diags *d, hys_status *rc);
void hys_form_destroy(hys_form *f);
/* The words of what the kiosk added to a set (or_other's choice and its
 * question, acknowledge's OK) in each of its languages, from tr (the
 * program's own words; English until then). */
hys_status hys_form_kiosk_words(hys_form *f,
                                const char *(*tr)(void *ud, int lang, const char *english),
                                void *ud);

/* Text t in language lang, falling back to the default language, then to any
 * language that has it. NULL when no language has it. */
const char *hys_form_text(const hys_form *f, const hys_i18n *t, int lang);
/* The next ${name} in text s: *name and *len say where the name is; returns
 * where to look for the one after, or NULL when there is none. */
const char *hys_form_next_ref(const char *s, const char **name, size_t *len);
/* The value of column key ("county") of choice c for a choice_filter ("name"
 * is its name); "" when it has none. */
const char *hys_choice_field(const hys_choice *c, const char *key);
/* Index of the question called name, or -1. */
int hys_form_find(const hys_form *f, const char *name);
/* Index of the language with this code, or -1. */
int hys_form_lang(const hys_form *f, const char *code);
/* The name of a language in its own script ("Polski", "Cymraeg"), for the
 * language choice; falls back to the header's name. */
const char *hys_lang_autonym(const hys_language *l);

#endif
