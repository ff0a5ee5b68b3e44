/* form_types: a survey row's type cell (select_one LIST, integer, note,
 * calculate …) read into what the kiosk does with it: a question, a group's
 * edge, something left out or ignored (said why), or a clear refusal. */
#include "form_private.h"

#include "../util/text.h"

#include "../util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

const char *const form_supported_types =
    "note, select_one LIST, select_multiple LIST, integer, decimal, range, text, calculate, "
    "acknowledge, begin_group, end_group";

type_kind form_parse_type(builder *b, const hys_table *t, const hys_row *r, int col,
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
    if (!strcmp(norm, "calculate")) return *qt = HYS_Q_CALCULATE, T_CALCULATE;
    if (!strcmp(norm, "range")) return *qt = HYS_Q_SELECT_ONE, T_RANGE;
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
    if (IN_LIST(norm, metadata) || (!strncmp(norm, "uri:", 4) && IN_LIST(norm + 4, metadata))) {
        hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                      "\"%s\" is ignored: the kiosk never records times, devices or people", ty);
        return T_IGNORE;
    }
    const char *why = "";
    if (strstr(norm, "repeat") || strstr(norm, "loop"))
        why = " (repeats ask the same questions many times; write each question once)";
    else if (strstr(norm, "geo") || !strcmp(norm, "image") || !strcmp(norm, "audio") ||
             !strcmp(norm, "video") || !strcmp(norm, "file") || !strcmp(norm, "barcode"))
        why = " (the kiosk has no camera, microphone or location)";
    hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                  "type \"%s\" is not supported%s; supported types: %s", ty, why,
                  form_supported_types);
    return T_ERROR;
}

/* The number n as a choice's name and words: 3, 2.5. */
static char *number_name(double n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.10g", n == 0 ? 0.0 : n);
    return hys_strdup(buf);
}

hys_status form_range(builder *b, const hys_table *t, const hys_row *r, int col, hys_question *q)
{
    double start = 1, end = 10, step = 1; /* (pyxform's when none are given) */
    const char *p = col >= 0 ? form_cell(r, col) : NULL;
    while (p && *p) {
        while (*p == ' ' || *p == ';' || *p == ',')
            p++;
        if (!*p) break;
        char key[16];
        int kn = 0;
        while (*p && *p != '=' && *p != ' ' && kn < (int)sizeof key - 1)
            key[kn++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p), p++;
        key[kn] = '\0';
        while (*p == ' ')
            p++;
        char *e = NULL;
        double v = *p == '=' ? strtod(p + 1, &e) : 0;
        if (!e || e == p + 1 || !isfinite(v)) {
            hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                          "parameters: write start=1 end=10 step=1 (a range's ends and step)");
            return HYS_EFORMAT;
        }
        if (!strcmp(key, "start"))
            start = v;
        else if (!strcmp(key, "end"))
            end = v;
        else if (!strcmp(key, "step"))
            step = v;
        else
            hys_diags_add(b->d, HYS_DIAG_WARNING, t->name, r->number, col,
                          "parameters: \"%s\" is not used by a range and is ignored", key);
        p = e;
    }
    if (step == 0 || (end - start) / step < 0) {
        hys_diags_add(b->d, HYS_DIAG_ERROR, t->name, r->number, col,
                      "parameters: a step of %g never goes from %g to %g", step, start, end);
        return HYS_EFORMAT;
    }
    double count = floor((end - start) / step + 1e-9) + 1;
    if (count <= HYS_RANGE_CARDS) { /* a row of number cards */
        q->type = HYS_Q_SELECT_ONE;
        if (!(q->choices = hys_calloc((size_t)count, sizeof *q->choices)))
            return form_nomem(b), HYS_ENOMEM;
        for (int i = 0; i < (int)count; i++) {
            hys_choice *c = &q->choices[q->nchoices++];
            c->row = r->number;
            if (!(c->name = number_name(start + i * step))) return form_nomem(b), HYS_ENOMEM;
            c->kiosk_word = c->name; /* (a number: the same words in every language) */
        }
        return HYS_OK;
    }
    /* many numbers: typed on the number pad, and kept between the ends */
    int whole = floor(start) == start && floor(step) == step;
    q->type = whole ? HYS_Q_INTEGER : HYS_Q_DECIMAL;
    if (q->constraint) return HYS_OK; /* (the author's own says what may be kept) */
    char src[96], err[128];
    snprintf(src, sizeof src, ". >= %.10g and . <= %.10g", step > 0 ? start : end,
             step > 0 ? end : start);
    if (!(q->constraint = hys_expr_parse_constraint(src, err, sizeof err)))
        return form_nomem(b), HYS_ENOMEM;
    return HYS_OK;
}
