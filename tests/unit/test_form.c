/* Tests for reading question sets: every supported type and column, the
 * file:row:column messages for what is refused, the demo sets in .xlsx,
 * .csv and a LibreOffice-written .xlsx, and every file in tests/data/xlsforms. */
#include "check.h"

#include "export/files.h"
#include "form/form.h"
#include "journey/journey.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static hys_form *load_csv(const char *csv, hys_diags **d)
{
    *d = hys_diags_create("t.csv");
    return hys_form_load_mem("t.csv", NULL, csv, strlen(csv), *d, NULL);
}

/* 1 when d has a problem at row/col whose message contains fragment. */
static int has(const hys_diags *d, int row, int col, hys_diag_level lv, const char *fragment)
{
    for (int i = 0; i < hys_diags_count(d); i++) {
        const hys_diag_item *it = hys_diags_get(d, i);
        if (it->row == row && it->col == col && it->level == lv && strstr(it->message, fragment))
            return 1;
    }
    fprintf(stderr, "missing problem at %d:%d: %s; have:\n", row, col, fragment);
    hys_diags_print(d, stderr);
    return 0;
}

static const char good[] =
    "survey,,,,,,,,,,\n"
    ",type,name,label::English (en),label::Polski (pl),hint::English (en),required,relevant,"
    "appearance,media::image,bind::comments\n"
    ",note,hello,Hello,Cześć,,,,,,\n"
    ",select_one faces,mood,How are you?,Jak się masz?,Tap a face,yes,,faces,ear.svg,x\n"
    ",begin_group,more,More,Więcej,,,${mood} != 'bad',,,\n"
    ",select multiple things,why,Why?,Dlaczego?,,,,,,\n"
    ",integer,visits,How many?,Ile?,,no,count-selected(${why}) > 0,,,\n"
    ",text,words,Tell us,Powiedz,,,\"selected(${why}, 'bus')\",,,\n"
    ",end_group,,,,,,,,,\n"
    ",select_one agree,safe,Safe?,Bezpiecznie?,,,,likert,,\n"
    "choices,,,,,,,,,,\n"
    ",list_name,name,label::English (en),label::Polski (pl),media::image,,,,,\n"
    ",faces,bad,Bad,Źle,face-2.svg,,,,,\n"
    ",faces,ok,OK,OK,,,,,,\n"
    ",faces,good,Good,Dobrze,,,,,,\n"
    ",things,bus,Bus,Autobus,,,,,,\n"
    ",things,time,Time,Czas,,,,,,\n"
    ",agree,no,No,Nie,,,,,,\n"
    ",agree,yes,Yes,Tak,,,,,,\n"
    "settings,,,,,,,,,,\n"
    ",form_title,form_id,version,default_language,style,,,,,\n"
    ",Test set,test_set,7,Polski (pl),,,,,,\n"
    "you_said_we_did,,,,,,,,,,\n"
    ",label::English (en),label::Polski (pl),,,,,,,,\n"
    ",You said buses. We moved the time.,Autobusy. Zmieniliśmy godzinę.,,,,,,,,\n";

static void test_good(void)
{
    hys_diags *d;
    hys_form *f = load_csv(good, &d);
    CHECK(f != NULL);
    if (!f) {
        hys_diags_print(d, stderr);
        hys_diags_destroy(d);
        return;
    }
    CHECK(f->nquestions == 6);
    CHECK(f->nlangs == 2);
    CHECK_STR(f->langs[0].code, "en");
    CHECK_STR(f->langs[1].code, "pl");
    CHECK(f->default_lang == 1);
    CHECK_STR(f->title, "Test set");
    CHECK_STR(f->id, "test_set");
    CHECK_STR(f->version, "7");
    CHECK(strlen(f->hash) == 64);
    CHECK(f->questions[0].type == HYS_Q_NOTE);
    const hys_question *mood = &f->questions[1];
    CHECK(mood->type == HYS_Q_SELECT_ONE);
    CHECK(mood->look == HYS_LOOK_FACES);
    CHECK(mood->required == 1);
    CHECK(mood->nchoices == 3);
    CHECK_STR(hys_form_text(f, &mood->label, 1), "Jak się masz?");
    CHECK_STR(hys_form_text(f, &mood->hint, 1), "Tap a face"); /* falls back to English */
    CHECK_STR(mood->image.by_lang[0], "ear.svg");
    CHECK_STR(mood->choices[0].image.by_lang[1], "face-2.svg");
    const hys_question *why = &f->questions[2];
    CHECK(why->type == HYS_Q_SELECT_MULTIPLE);
    CHECK(why->nrelevant == 1); /* from the group */
    CHECK_STR(hys_form_text(f, &why->group_label, 0), "More");
    CHECK(f->questions[3].type == HYS_Q_INTEGER);
    CHECK(f->questions[3].nrelevant == 2);
    CHECK(f->questions[4].type == HYS_Q_TEXT);
    CHECK(f->questions[5].look == HYS_LOOK_LIKERT);
    CHECK(f->questions[5].nrelevant == 0); /* after end_group */
    CHECK(f->nupdates == 1);
    CHECK(has(d, 2, 10, HYS_DIAG_WARNING, "not used by the kiosk"));
    CHECK(hys_form_find(f, "words") == 4);
    CHECK(hys_form_lang(f, "PL") == 1);
    hys_form_destroy(f);
    hys_diags_destroy(d);
}

static void test_refused(void)
{
    const char *csv = "survey,,,,,\n"
                      ",type,name,label,relevant,constraint\n"
                      ",geopoint,where,Where?,,\n"
                      ",select_one nolist,a,A?,,\n"
                      ",integer,a,Again?,,\n"
                      ",text,b,B?,${nobody} = 1,\n"
                      ",text,c,C?,${b} = 'x,\n"
                      ",integer,d,D?,,. > \n"
                      ",begin_repeat,r,R,,\n"
                      ",text,,No name,,\n"
                      ",calculate,calc,,,\n"
                      ",text,bad name,X,,\n"
                      ",begin_group,g,G,,\n"
                      ",start,s,,,\n"
                      ",select_one yn or_other,e,E?,,\n"
                      ",text,f,,,\n"
                      "choices,,,,,\n"
                      ",list_name,name,label,,\n"
                      ",yn,yes,Yes,,\n"
                      ",yn,yes,Yes again,,\n";
    hys_diags *d;
    hys_form *f = load_csv(csv, &d);
    CHECK(f == NULL);
    CHECK(has(d, 3, 1, HYS_DIAG_WARNING, "geopoint question is left out"));
    CHECK(has(d, 4, 1, HYS_DIAG_ERROR, "list \"nolist\" is not in the choices sheet"));
    CHECK(has(d, 5, 2, HYS_DIAG_ERROR, "used by another question"));
    CHECK(has(d, 6, 4, HYS_DIAG_ERROR, "no question has that name"));
    CHECK(has(d, 7, 4, HYS_DIAG_ERROR, "never closed"));
    CHECK(has(d, 8, 5, HYS_DIAG_ERROR, "constraint \". >\": the expression ends too early"));
    CHECK(has(d, 9, 1, HYS_DIAG_ERROR, "repeats"));
    CHECK(has(d, 10, 2, HYS_DIAG_ERROR, "has no name"));
    CHECK(has(d, 11, -1, HYS_DIAG_WARNING, "has nothing in its calculation column"));
    CHECK(has(d, 12, 2, HYS_DIAG_ERROR, "must start with a letter"));
    CHECK(has(d, 13, 1, HYS_DIAG_ERROR, "begin_group has no end_group"));
    CHECK(has(d, 14, 1, HYS_DIAG_WARNING, "never records"));
    CHECK(has(d, 16, 3, HYS_DIAG_ERROR, "has no label"));
    CHECK(has(d, 20, 2, HYS_DIAG_ERROR, "already has a choice called \"yes\""));
    CHECK(hys_diags_errors(d) >= 11);
    hys_diags_destroy(d);

    hys_form *g = load_csv("not,a,form\n1,2,3\n", &d);
    CHECK(g == NULL);
    CHECK(has(d, 0, -1, HYS_DIAG_ERROR, "no sheet called survey"));
    hys_diags_destroy(d);
    g = load_csv("survey\n,type,name,label\n,text,a,\"open quote\n", &d);
    CHECK(g == NULL);
    CHECK(has(d, 3, 3, HYS_DIAG_ERROR, "never closed"));
    hys_diags_destroy(d);
    g = load_csv("survey\n,type,name,label\n,text,a,\xff\xfe\n", &d);
    CHECK(g == NULL);
    CHECK(has(d, 0, -1, HYS_DIAG_ERROR, "not UTF-8"));
    hys_diags_destroy(d);
    d = hys_diags_create("x.xlsx");
    g = hys_form_load_mem("x.xlsx", NULL, "PK\x03\x04garbage", 11, d, NULL);
    CHECK(g == NULL);
    CHECK(has(d, 0, -1, HYS_DIAG_ERROR, "not a readable .xlsx"));
    hys_diags_destroy(d);
}

/* A form written for fieldwork (tests/data/forms/field-survey.csv, with
 * SurveyCTO's spellings): what a kiosk must never ask is left out with a
 * warning each, a `relevant` about one of them sees it unanswered, the
 * columns the kiosk leaves aside are named once with the reason, and the
 * rest runs. */
static void test_left_out(void)
{
    hys_diags *d = hys_diags_create("field-survey.csv");
    hys_form *f = hys_form_load(HYS_TEST_DATA "/forms/field-survey.csv", d, NULL);
    CHECK(f != NULL);
    CHECK(hys_diags_errors(d) == 0);
    if (hys_diags_errors(d)) hys_diags_print(d, stderr);
    CHECK(has(d, 5, 1, HYS_DIAG_WARNING,
              "geopoint question is left out: a kiosk never asks for a "
              "location"));
    CHECK(has(d, 6, 1, HYS_DIAG_WARNING, "image question is left out"));
    CHECK(has(d, 7, 1, HYS_DIAG_WARNING, "a date of birth can tell who someone is"));
    CHECK(has(d, 13, 1, HYS_DIAG_WARNING, "barcode question is left out"));
    CHECK(has(d, 2, 7, HYS_DIAG_WARNING, "\"default\" is ignored: an answer chosen in advance"));
    CHECK(has(d, 2, 8, HYS_DIAG_WARNING, "\"caseid\" is not used by the kiosk"));
    CHECK(has(d, 4, 1, HYS_DIAG_WARNING, "\"caseid\" is ignored"));
    CHECK(has(d, 0, -1, HYS_DIAG_WARNING,
              "no form_title: the welcome screen shows \"Field survey\""));
    if (f) {
        CHECK(f->nquestions == 5);
        CHECK_STR(f->title, "Field survey"); /* (no form_title: the file's name, tidied) */
        CHECK(hys_form_text(f, &f->intro, 0) == NULL); /* (the kiosk's general words) */
        CHECK(f->nleft_out == 4);
        CHECK_STR(f->left_out, "where, photo, born, card");
        /* SurveyCTO's "value" names the choices, its "relevance" is kept */
        int v = hys_form_find(f, "visited"), p = hys_form_find(f, "photo_ok");
        CHECK(v >= 0 && f->questions[v].nchoices == 2);
        if (v >= 0 && f->questions[v].nchoices == 2)
            CHECK_STR(f->questions[v].choices[0].name, "yes");
        CHECK(p >= 0 && f->questions[p].nrelevant == 1);
        hys_journey_config cfg;
        hys_journey_config_default(&cfg);
        hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
        CHECK(p >= 0 && !hys_journey_relevant(j, p)); /* (the photo is never taken) */
        hys_journey_destroy(j);
    }
    hys_form_destroy(f);
    hys_diags_destroy(d);
}

/* Numbers in cells read as the spreadsheet shows them (numbers.xlsx, made
 * for this test: Excel keeps 0.05 as 0.050000000000000003). */
static void test_numbers(void)
{
    hys_diags *d = hys_diags_create("numbers.xlsx");
    hys_form *f = hys_form_load(HYS_TEST_DATA "/forms/numbers.xlsx", d, NULL);
    CHECK(f != NULL);
    CHECK(f && f->nquestions > 0 && f->questions[0].nchoices == 5);
    if (f && f->nquestions > 0 && f->questions[0].nchoices == 5) {
        const hys_question *q = &f->questions[0];
        CHECK_STR(hys_form_text(f, &q->choices[0].label, 0), "0.05");
        /* cells shown as percentages (Excel's 0% style, and a 0.0% of the workbook's own) */
        CHECK_STR(hys_form_text(f, &q->choices[3].label, 0), "5%");
        CHECK_STR(hys_form_text(f, &q->choices[4].label, 0), "12.5%");
        CHECK_STR(hys_form_text(f, &q->choices[1].label, 0), "1.5");
        CHECK_STR(hys_form_text(f, &q->choices[2].label, 0), "20");
        CHECK_STR(q->choices[2].name, "3");
        CHECK_STR(f->version, "2026120501");
    }
    hys_form_destroy(f);
    hys_diags_destroy(d);
}

/* A journey through form f to its first question (Start, the language
 * when asked, the intro, the practice); *t is its clock after. */
static hys_journey *to_first_question(const hys_form *f, long *t)
{
    hys_journey_config cfg;
    hys_journey_config_default(&cfg);
    cfg.chosen_ms = 0;
    hys_journey *j = hys_journey_create(f, &cfg, NULL, 0);
    hys_journey_act(j, HYS_ACT_START, 0, ++*t);
    if (hys_journey_view_get(j)->screen == HYS_SCREEN_LANGUAGE)
        hys_journey_act(j, HYS_ACT_LANG, 0, ++*t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++*t);
    hys_journey_act(j, HYS_ACT_CHOOSE, 0, ++*t); /* (the practice: on by itself) */
    return j;
}

static const char *to_polish(void *ud, int lang, const char *english)
{
    (void)ud;
    return lang == 1 && !strcmp(english, "Other") ? "Inne" : english;
}

/* What real forms check and add (tests/data/forms/checks.csv): constraints
 * with their messages per language, decimal, acknowledge, read only, and
 * or_other (the kiosk's "Other" and a question after it, in the program's
 * words); and what a constraint keeps or refuses, in the journey. */
static void test_checks(void)
{
    hys_diags *d = hys_diags_create("checks.csv");
    hys_form *f = hys_form_load(HYS_TEST_DATA "/forms/checks.csv", d, NULL);
    CHECK(f != NULL && hys_diags_errors(d) == 0);
    CHECK(has(d, 7, 8, HYS_DIAG_WARNING, "read only: shown as a note"));
    hys_diags_destroy(d);
    if (!f) return;
    CHECK(f->nquestions == 7);
    int age = hys_form_find(f, "age"), hours = hys_form_find(f, "hours");
    int from = hys_form_find(f, "came_from"), other = hys_form_find(f, "came_from_other");
    int code = hys_form_find(f, "clinic_code"), agree = hys_form_find(f, "agree");
    CHECK(age >= 0 && f->questions[age].constraint != NULL);
    if (age >= 0)
        CHECK_STR(hys_form_text(f, &f->questions[age].constraint_msg, 1), "Musisz mieć "
                                                                          "co najmniej 16 lat.");
    CHECK(hours >= 0 && f->questions[hours].type == HYS_Q_DECIMAL);
    CHECK(code >= 0 && f->questions[code].type == HYS_Q_NOTE);
    CHECK(agree >= 0 && f->questions[agree].nchoices == 1);
    if (agree >= 0) CHECK_STR(f->questions[agree].choices[0].name, "OK");
    CHECK(from >= 0 && other == from + 1 && f->questions[from].nchoices == 3);
    if (from >= 0 && other == from + 1) {
        CHECK_STR(f->questions[from].choices[2].name, "other");
        CHECK_STR(hys_form_text(f, &f->questions[from].choices[2].label, 1), "Other");
        CHECK(hys_form_kiosk_words(f, to_polish, NULL) == HYS_OK);
        CHECK_STR(hys_form_text(f, &f->questions[from].choices[2].label, 1), "Inne");
        CHECK(f->questions[other].type == HYS_Q_TEXT && f->questions[other].nrelevant == 1);
    }
    /* Excel's autocorrect made the quotes curly: one message that says so */
    hys_diags *dq;
    hys_form *g = load_csv("survey,,,,\n,type,name,label,relevant\n,text,a,A?,\n"
                           ",text,b,B?,${a} = \xE2\x80\x98x\xE2\x80\x99\n",
                           &dq);
    CHECK(g == NULL && hys_diags_errors(dq) == 1);
    CHECK(has(dq, 4, 4, HYS_DIAG_ERROR,
              "Excel changed ' into \xE2\x80\x99 in this relevant formula"));
    hys_diags_destroy(dq);
    /* "or_other" after a list named with odd spaces and capitals; a
     * constraint naming its own question checks the answer being given */
    g = load_csv("survey,,,,\n,type,name,label,constraint\n,select_one  Where   or_other,w,W?,\n"
                 ",integer,age,Age?,${age} >= 18\nchoices,,,,\n,list_name,name,label,\n"
                 ",Where,home,Home,\n",
                 &dq);
    CHECK(g != NULL && g->nquestions == 3);
    if (g && g->nquestions == 3) {
        CHECK(g->questions[0].nchoices == 2);
        long gt = 0;
        hys_journey *gj = to_first_question(g, &gt);
        hys_journey_act(gj, HYS_ACT_SKIP, 0, ++gt); /* w */
        hys_journey_type(gj, "20", ++gt);
        hys_journey_act(gj, HYS_ACT_NEXT, 0, ++gt);
        const char *gv;
        CHECK(hys_journey_answer(gj, 2, &gv) == HYS_STATUS_ANSWERED);
        hys_journey_destroy(gj);
    }
    hys_form_destroy(g);
    hys_diags_destroy(dq);
    /* a language named without a code is known by its name, in English or its own */
    g = load_csv("survey,,,\n,type,name,label::Swahili,label::Fran\xC3\xA7"
                 "ais\n,text,a,Habari?,"
                 "Bonjour ?\n",
                 &dq);
    CHECK(g && g->nlangs == 2);
    if (g && g->nlangs == 2)
        CHECK(!strcmp(g->langs[0].code, "sw") && !strcmp(g->langs[1].code, "fr"));
    hys_form_destroy(g);
    hys_diags_destroy(dq);
    /* a long list loads (the question shows it in pages); one too long for
     * anyone is said once, at its first row too many; a select_multiple
     * offers at most 64 */
    static char big[16384];
    for (int n = 70; n <= 210; n += 140) {
        for (int multi = 0; multi < 2; multi++) {
            size_t bl = (size_t)snprintf(big, sizeof big,
                                         "survey,,,\n,type,name,label\n,%s big,q,Q?\nchoices,,,\n"
                                         ",list_name,name,label\n",
                                         multi ? "select_multiple" : "select_one");
            for (int i = 0; i < n && bl < sizeof big; i++)
                bl += (size_t)snprintf(big + bl, sizeof big - bl, ",big,c%d,C %d\n", i, i);
            g = load_csv(big, &dq);
            if (n == 70 && !multi) {
                CHECK(g != NULL && g->questions[0].nchoices == 70);
            } else if (n == 70) {
                CHECK(g == NULL && hys_diags_errors(dq) == 1);
                CHECK(has(dq, 3, 1, HYS_DIAG_ERROR, "select_multiple offers at most 64 choices"));
            } else {
                CHECK(g == NULL);
                CHECK(has(dq, 206, 1, HYS_DIAG_ERROR,
                          "has more than 200 choices (this row and those after"));
            }
            hys_form_destroy(g);
            hys_diags_destroy(dq);
        }
    }
    /* the journey keeps an answer only when it meets its constraint */
    long t = 0;
    hys_journey *j = to_first_question(f, &t);
    const hys_journey_view *v = hys_journey_view_get(j);
    CHECK(v->screen == HYS_SCREEN_QUESTION && v->question == age);
    hys_journey_type(j, "12", ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    const char *value;
    CHECK(v->question == age && v->refused);
    CHECK(hys_journey_answer(j, age, &value) == HYS_STATUS_NONE);
    hys_journey_act(j, HYS_ACT_ERASE, 0, ++t);
    CHECK(!v->refused); /* (a change takes the message away) */
    hys_journey_type(j, "7", ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    CHECK(v->question == hours && hys_journey_answer(j, age, &value) == HYS_STATUS_ANSWERED);
    CHECK_STR(value, "17");
    hys_journey_act(j, HYS_ACT_KEY, '.', ++t);
    hys_journey_act(j, HYS_ACT_KEY, '.', ++t); /* (one point only) */
    hys_journey_act(j, HYS_ACT_KEY, '5', ++t);
    hys_journey_act(j, HYS_ACT_NEXT, 0, ++t);
    CHECK(hys_journey_answer(j, hours, &value) == HYS_STATUS_ANSWERED);
    CHECK_STR(value, "0.5");
    hys_journey_destroy(j);
    hys_form_destroy(f);
}

/* settings public_key: a key made by `haveyoursay keygen` is kept (exports
 * are sealed to it); anything else is refused with its row and column. */
static void test_public_key(void)
{
    static const char head[] = "survey,,,\n,type,name,label\n,text,a,A?\n"
                               "settings,,,\n,form_id,public_key,\n,k,";
    char csv[512];
    hys_diags *d;
    snprintf(csv, sizeof csv, "%sQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0NTY=,\n", head);
    hys_form *f = load_csv(csv, &d);
    CHECK(f && f->public_key &&
          !strcmp(f->public_key, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoxMjM0NTY="));
    hys_form_destroy(f);
    hys_diags_destroy(d);
    snprintf(csv, sizeof csv, "%snot-a-key,\n", head);
    f = load_csv(csv, &d);
    CHECK(f == NULL);
    CHECK(has(d, 6, 2, HYS_DIAG_ERROR, "public_key is not a key"));
    hys_form_destroy(f);
    hys_diags_destroy(d);
    /* an ODK form's key: told what it is, and what to do */
    snprintf(csv, sizeof csv, "%sMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA,\n", head);
    f = load_csv(csv, &d);
    CHECK(f == NULL);
    CHECK(has(d, 6, 2, HYS_DIAG_ERROR, "an ODK encryption key (RSA)"));
    hys_form_destroy(f);
    hys_diags_destroy(d);
}

static void test_media(void)
{
    const char *path = HYS_TEST_DATA "/forms/missing-picture.csv";
    hys_diags *d = hys_diags_create(path);
    hys_form *f = hys_form_load(path, d, NULL);
    CHECK(f == NULL);
    CHECK(has(d, 3, 4, HYS_DIAG_ERROR, "not beside the question set"));
    CHECK(has(d, 4, 4, HYS_DIAG_ERROR, "no folders above it"));
    CHECK(has(d, 5, 4, HYS_DIAG_ERROR, "pictures must be .png, .jpg or .svg"));
    CHECK(has(d, 6, 4, HYS_DIAG_ERROR, "not the kind of file its name says"));
    hys_diags_destroy(d);
}

/* The demo set as .xlsx (openpyxl), .csv and .xlsx saved by LibreOffice agree. */
static void test_demo_formats(void)
{
    const char *paths[] = {HYS_ASSETS "/forms/demo/listening.xlsx",
                           HYS_ASSETS "/forms/demo/listening.csv",
                           HYS_TEST_DATA "/forms/listening-libreoffice.xlsx"};
    hys_form *f[3];
    for (int i = 0; i < 3; i++) {
        hys_diags *d = hys_diags_create(paths[i]);
        f[i] = hys_form_load(paths[i], d, NULL);
        CHECK(f[i] != NULL);
        CHECK(hys_diags_count(d) == 0);
        if (hys_diags_count(d)) hys_diags_print(d, stderr);
        hys_diags_destroy(d);
    }
    if (!f[0] || !f[1] || !f[2]) return;
    for (int i = 1; i < 3; i++) {
        CHECK(f[i]->nquestions == f[0]->nquestions);
        CHECK(f[i]->nlangs == f[0]->nlangs);
        CHECK_STR(f[i]->version, f[0]->version);
        for (int q = 0; q < f[0]->nquestions && q < f[i]->nquestions; q++) {
            CHECK_STR(f[i]->questions[q].name, f[0]->questions[q].name);
            for (int l = 0; l < f[0]->nlangs; l++)
                CHECK_STR(hys_form_text(f[i], &f[i]->questions[q].label, l),
                          hys_form_text(f[0], &f[0]->questions[q].label, l));
            CHECK(f[i]->questions[q].nchoices == f[0]->questions[q].nchoices);
            CHECK(f[i]->questions[q].nrelevant == f[0]->questions[q].nrelevant);
        }
    }
    CHECK(f[0]->nquestions >= 6 && f[0]->nquestions <= 10);
    /* the intro's first line is the set's own, in each language */
    CHECK_STR(hys_form_text(f[0], &f[0]->intro, 1), "Te pytania są o opiece zdrowotnej i pomocy w "
                                                    "Twojej okolicy.");
    CHECK_STR(hys_form_text(f[1], &f[1]->intro, 0), "These questions are about health and care "
                                                    "services near you.");
    /* (Urdu comes after the picture column, a column of no language that is
     * folded away: the intro's languages move with the rest) */
    int ur = hys_form_lang(f[0], "ur");
    CHECK(ur >= 0 && !strncmp(hys_form_text(f[0], &f[0]->intro, ur), "\xDB\x8C\xDB\x81", 4));
    for (int q = 0; q < f[0]->nquestions; q++)
        CHECK(f[0]->questions[q].image.by_lang[0] != NULL);
    for (int i = 0; i < 3; i++)
        hys_form_destroy(f[i]);
}

/* Every pyxform test file loads, or fails with located messages; none crashes. */
static void test_shared_xlsforms(void)
{
    DIR *dir = opendir(HYS_XLSFORMS);
    CHECK(dir != NULL);
    if (!dir) return;
    struct dirent *e;
    int files = 0;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || (strcmp(e->d_name + n - 4, ".csv") && strcmp(e->d_name + n - 5, ".xlsx")))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", HYS_XLSFORMS, e->d_name);
        hys_diags *d = hys_diags_create(path);
        hys_status rc;
        hys_form *f = hys_form_load(path, d, &rc);
        files++;
        if (!f) {
            CHECK(hys_diags_errors(d) > 0);
            for (int i = 0; i < hys_diags_count(d); i++)
                CHECK(hys_diags_get(d, i)->message[0]);
        }
        printf("%s: %s (%d errors, %d warnings)\n", e->d_name, f ? "loads" : "refused",
               hys_diags_errors(d), hys_diags_warnings(d));
        hys_form_destroy(f);
        hys_diags_destroy(d);
    }
    closedir(dir);
    CHECK(files >= 18);
}

/* Pictures that unpack to more than the kiosk can hold are refused from
 * their headers: a PNG of 30000 x 30000 and a JPEG of 9000 x 9000 in files
 * of a few bytes; a small one of each is fine. */
static void test_huge_pictures(void)
{
    char dir[] = "/tmp/hys-test-pictures-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    static const unsigned char png_big[] = {
        0x89, 'P', 'N', 'G',  '\r', '\n', 0x1a, '\n', 0,    0, 0, 13, 'I', 'H', 'D',
        'R',  0,   0,   0x75, 0x30, 0,    0,    0x75, 0x30, 8, 6, 0,  0,   0};
    static const unsigned char png_small[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0,
                                              0,    13,  'I', 'H', 'D',  'R',  0,    0,    1, 0,
                                              0,    0,   1,   0,   8,    6,    0,    0,    0};
    /* SOI, an APP0 of 16 bytes, then SOF0 with height and width */
    static const unsigned char jpg_big[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16,   'J',  'F',  'I',  'F',
                                            0,    1,    1,    0,    0, 1,    0,    1,    0,    0,
                                            0xFF, 0xC0, 0,    17,   8, 0x23, 0x28, 0x23, 0x28, 3};
    static const struct {
        const char *name;
        const unsigned char *bytes;
        size_t n;
    } files[] = {{"big.png", png_big, sizeof png_big},
                 {"small.png", png_small, sizeof png_small},
                 {"big.jpg", jpg_big, sizeof jpg_big}};
    char path[256];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        FILE *f = fopen(path, "wb");
        CHECK(f && fwrite(files[i].bytes, 1, files[i].n, f) == files[i].n);
        if (f) fclose(f);
    }
    snprintf(path, sizeof path, "%s/set.csv", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("survey\n,type,name,label,media::image\n,note,a,A,big.png\n,note,b,B,small.png\n"
          ",note,c,C,big.jpg\n",
          f);
    fclose(f);
    hys_diags *d = hys_diags_create(path);
    hys_form *fm = hys_form_load(path, d, NULL);
    CHECK(fm == NULL);
    CHECK(has(d, 3, 4, HYS_DIAG_ERROR, "is 30000 x 30000 pixels, too big to show"));
    CHECK(has(d, 5, 4, HYS_DIAG_ERROR, "is 9000 x 9000 pixels, too big to show"));
    CHECK(hys_diags_errors(d) == 2); /* the small one is fine */
    hys_form_destroy(fm);
    hys_diags_destroy(d);
    char err[300];
    CHECK(hys_dir_remove(dir, err, sizeof err) == HYS_OK);
}

/* A question inside 8 nested groups, each with a condition: 9 conditions,
 * all kept (it was written past the end of an array of 8: the fuzzers). */
static void test_deep_groups(void)
{
    static const char csv[] = "survey\n,type,name,label,relevant\n"
                              ",begin group,g1,G1,true()\n,begin group,g2,G2,true()\n"
                              ",begin group,g3,G3,true()\n,begin group,g4,G4,true()\n"
                              ",begin group,g5,G5,true()\n,begin group,g6,G6,true()\n"
                              ",begin group,g7,G7,true()\n,begin group,g8,G8,true()\n"
                              ",note,n1,Hello,true()\n"
                              ",end group,,,\n,end group,,,\n,end group,,,\n,end group,,,\n"
                              ",end group,,,\n,end group,,,\n,end group,,,\n,end group,,,\n";
    hys_diags *d = hys_diags_create("deep.csv");
    hys_status rc;
    hys_form *f = hys_form_load_mem("deep.csv", ".", csv, sizeof csv - 1, d, &rc);
    CHECK(f != NULL);
    if (f) {
        CHECK(f->nquestions == 1 && f->questions[0].nrelevant == 9);
        CHECK(f->questions[0].nchoices == 0);
    }
    hys_form_destroy(f);
    hys_diags_destroy(d);
}

/* What KoboToolbox and ODK forms use (issue 14): calculations (left out,
 * with a warning, when the kiosk cannot work them out), ranges, filtered
 * lists, the same name in two groups, and messages that say each problem
 * once, on one line. */
static void test_real_form_features(void)
{
    hys_diags *d;
    hys_form *f = load_csv("survey,,,,,,,,\n"
                           ",type,name,label,relevant,calculation,choice_filter,parameters,colour\n"
                           ",select_one area,area,Area?,,,,,red\n"
                           ",select_one ward,ward,Ward?,,,area = ${area},,red\n"
                           ",range,score,Score?,,,,start=1 end=5,\n"
                           ",range,minutes,Minutes?,,,,start=0 end=60 step=5,blue\n"
                           ",calculate,double,,,${score} * 2,,,\n"
                           ",calculate,stamp,,,now(),,,\n"
                           ",note,said,\"You gave ${score}, twice is ${double}\",,,,,\n"
                           ",begin_group,visit,Visit,,,,,\n"
                           ",text,why,Why?,,,,,\n"
                           ",end_group,,,,,,,\n"
                           ",begin_group,staff,Staff,,,,,\n"
                           ",text,why,Why?,,,,,\n"
                           ",end_group,,,,,,,\n"
                           "choices,,,,,,,,\n"
                           ",list_name,name,label,area,,,,\n"
                           ",area,n,North,,,,,\n"
                           ",area,s,South,,,,,\n"
                           ",ward,w1,Castle,n,,,,\n"
                           ",ward,w2,Park,s,,,,\n",
                           &d);
    CHECK(f != NULL);
    if (!f) {
        hys_diags_destroy(d);
        return;
    }
    int score = hys_form_find(f, "score"), minutes = hys_form_find(f, "minutes");
    CHECK(f->questions[score].type == HYS_Q_SELECT_ONE && f->questions[score].nchoices == 5);
    CHECK(!strcmp(f->questions[score].choices[4].name, "5"));
    CHECK(!strcmp(hys_form_text(f, &f->questions[score].choices[4].label, 0), "5"));
    CHECK(f->questions[minutes].type == HYS_Q_INTEGER && f->questions[minutes].constraint);
    CHECK(f->questions[hys_form_find(f, "double")].type == HYS_Q_CALCULATE);
    CHECK(hys_form_find(f, "stamp") < 0 && f->nleft_out == 1);
    CHECK(has(d, 8, 5, HYS_DIAG_WARNING, "now() gives the time"));
    CHECK(hys_form_find(f, "visit/why") >= 0 && hys_form_find(f, "staff/why") >= 0);
    CHECK(hys_form_find(f, "why") < 0);
    int ward = hys_form_find(f, "ward");
    CHECK(!strcmp(hys_choice_field(&f->questions[ward].choices[1], "area"), "s"));
    CHECK(!strcmp(hys_choice_field(&f->questions[ward].choices[1], "name"), "w2"));
    /* (a column the choice_filter reads is not "not used") */
    for (int i = 0; i < hys_diags_count(d); i++)
        CHECK(!strstr(hys_diags_get(d, i)->message, "\"area\" is not used"));
    /* the survey's unused column: once, with the rows it fills */
    CHECK(has(d, 2, 8, HYS_DIAG_WARNING,
              "column \"colour\" is not used by the kiosk and is "
              "ignored (rows 3-4, 6)"));
    hys_form_destroy(f);
    hys_diags_destroy(d);

    /* mistakes: each said once, where it is */
    f = load_csv("survey,,,,,,\n"
                 ",type,name,label,relevant,calculation,choice_filter\n"
                 ",calculate,a,,,${b} + 1,\n"
                 ",calculate,b,,,${a} + 1,\n"
                 ",note,n,\"Two\nlines ${nobody}\",,,\n"
                 ",begin_group,g,G,${a} = = 1,,\n"
                 ",text,t1,T1,,,\n"
                 ",text,t2,T2,,,\n"
                 ",end_group,,,,,\n"
                 ",begin_group,h,H,,,\n"
                 ",text,t1,T1 again,,,\n"
                 ",end_group,,,,,\n"
                 ",text,u,U,${t1} = 'x',,\n"
                 ",select_one l,s,S,,,colour = 'red'\n"
                 "choices,,,,,,\n"
                 ",list_name,name,label,,,\n"
                 ",l,x,X,,,\n",
                 &d);
    CHECK(f == NULL);
    CHECK(has(d, 3, 5, HYS_DIAG_ERROR, "the calculation ${a} needs its own value"));
    CHECK(has(d, 5, 3, HYS_DIAG_ERROR, "label refers to ${nobody}, but no question"));
    int group_errors = 0;
    for (int i = 0; i < hys_diags_count(d); i++) {
        const hys_diag_item *it = hys_diags_get(d, i);
        CHECK(!strchr(it->message, '\n'));
        group_errors += strstr(it->message, "${a} = = 1") != NULL;
    }
    CHECK(group_errors == 1); /* (on the group's row, not on each question in it) */
    /* (rows as a text editor numbers the file's lines: the note took two) */
    CHECK(has(d, 7, 4, HYS_DIAG_ERROR, "relevant \"${a} = = 1\""));
    CHECK(has(d, 14, 4, HYS_DIAG_ERROR, "2 questions in different groups have that name"));
    CHECK(has(d, 15, 6, HYS_DIAG_ERROR, "choice_filter reads the column \"colour\""));
    hys_diags_destroy(d);
    /* a calculation cycle through a relevant: a is kept only while b is empty, b is a */
    f = load_csv("survey,,,,,\n,type,name,label,relevant,calculation\n"
                 ",calculate,a,,${b} = '',1\n,calculate,b,,,${a}\n,note,n,N,,\n",
                 &d);
    CHECK(f == NULL);
    CHECK(has(d, 3, 5, HYS_DIAG_ERROR, "the calculation ${a} needs its own value"));
    hys_diags_destroy(d);

    /* cascading lists may name a choice twice (King county in two states);
     * a choice with no label is an error only when a question uses it */
    f = load_csv("survey,,,,\n"
                 ",type,name,label,choice_filter\n"
                 ",select_one states,state,State?,\n"
                 ",select_one counties,county,County?,${state} = cf\n"
                 "choices,,,,\n"
                 ",list_name,name,label,cf\n"
                 ",states,tx,Texas,\n"
                 ",states,wa,Washington,\n"
                 ",counties,king,King,wa\n"
                 ",counties,king,King,tx\n"
                 ",unused,b,,\n",
                 &d);
    CHECK(f != NULL);
    CHECK(has(d, 10, 2, HYS_DIAG_WARNING, "has a choice called \"king\" twice: kept"));
    CHECK(f && f->questions[1].nchoices == 2);
    hys_form_destroy(f);
    hys_diags_destroy(d);
    f = load_csv("survey,,,\n,type,name,label\n,select_one l,q,Q?\n"
                 "choices,,,\n,list_name,name,label\n,l,a,A\n,l,a,A again\n,l,b,\n",
                 &d);
    CHECK(f == NULL);
    CHECK(has(d, 7, 2, HYS_DIAG_ERROR, "already has a choice called \"a\""));
    CHECK(has(d, 8, 3, HYS_DIAG_ERROR, "the choice \"b\" has no label"));
    hys_diags_destroy(d);

    /* column letters stay right after picture columns in two languages
     * (a hand-made .xlsx: media::image::English (en) in D, Polski in F) */
    d = hys_diags_create("columns-after-media.xlsx");
    f = hys_form_load(HYS_TEST_DATA "/forms/columns-after-media.xlsx", d, NULL);
    CHECK(f == NULL);
    CHECK(has(d, 2, 6, HYS_DIAG_ERROR, "relevant refers to ${nope}"));
    CHECK(has(d, 2, 7, HYS_DIAG_ERROR, "constraint \". >\""));
    hys_diags_destroy(d);

    /* a cell with a line break stays one line in its message */
    f = load_csv("survey,,\n,type,name,label\n,text,a b,\"Line one\nline two\"\n", &d);
    CHECK(f == NULL);
    char line[2048];
    FILE *mem = fmemopen(line, sizeof line, "w");
    if (mem) {
        hys_diags_print(d, mem);
        fclose(mem);
        int lines = 0;
        for (const char *p = line; *p; p++)
            lines += *p == '\n';
        CHECK(lines == hys_diags_count(d));
    }
    hys_diags_destroy(d);
}

int main(void)
{
    test_real_form_features();
    test_deep_groups();
    test_huge_pictures();
    test_public_key();
    test_left_out();
    test_checks();
    test_numbers();
    test_good();
    test_refused();
    test_media();
    test_demo_formats();
    test_shared_xlsforms();
    return check_done();
}
