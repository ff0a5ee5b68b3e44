/* commands: check and answers (see commands.h). */
#include "commands.h"

#include "paths.h"

#include "../form/easyread.h"
#include "../form/form.h"
#include "../export/export.h"
#include "../export/seal.h"
#include "../speech/speech.h"
#include "../staff/pin.h"
#include "../store/store.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Which languages the kiosk can speak, and how many recordings each has. */
static int check_speech(const char *path, const hys_form *f)
{
    int warnings = 0;
    char err[300];
    hys_speech *sp = hys_speech_open(HYS_SPEECH_MEMORY, err, sizeof err);
    if (!sp) printf("%s: warning: the kiosk cannot speak here: %s\n", path, err), warnings++;
    for (int i = 0; i < f->nlangs; i++) {
        int recorded = 0;
        for (int q = 0; q < f->nquestions; q++) {
            const hys_question *qu = &f->questions[q];
            recorded += qu->audio.by_lang[i] != NULL;
            for (int c = 0; c < qu->nchoices; c++)
                recorded += qu->choices[c].audio.by_lang[i] != NULL;
        }
        const char *voice = sp ? hys_speech_voice_for(sp, f->langs[i].code) : NULL;
        if (voice)
            printf("%s: speech: %s (%s): eSpeak NG voice \"%s\", %d recording%s\n", path,
                   f->langs[i].name, f->langs[i].code, voice, recorded, recorded == 1 ? "" : "s");
        else if (sp)
            printf("%s: warning: speech: %s (%s): no eSpeak NG voice on this kiosk, so in this "
                   "language there is no speaker button and nothing is read aloud (%d "
                   "recording%s)\n",
                   path, f->langs[i].name, f->langs[i].code, recorded, recorded == 1 ? "" : "s"),
                warnings++;
    }
    hys_speech_close(sp);
    return warnings;
}

int hys_cmd_check(const char *path)
{
    hys_diags *d = hys_diags_create(path);
    if (!d) {
        fprintf(stderr, "haveyoursay: out of memory\n");
        return 1;
    }
    hys_form *f = hys_form_load(path, d, NULL);
    if (f) {
        /* the words: easy read, per language where there are rules */
        char assets[1024], rules[1100];
        hys_paths_assets(assets, sizeof assets);
        snprintf(rules, sizeof rules, "%s/easy-read", assets);
        hys_easyread_check(f, rules, d);
    }
    hys_diags_print(d, stdout);
    int errors = hys_diags_errors(d), warnings = hys_diags_warnings(d);
    if (f) {
        warnings += check_speech(path, f);
        printf("%s: can run: \"%s\" (%s, version %s), %d questions, %d language%s", path, f->title,
               f->id, f->version[0] ? f->version : "none", f->nquestions, f->nlangs,
               f->nlangs == 1 ? "" : "s");
        for (int i = 0; i < f->nlangs; i++)
            printf("%s%s (%s)", i ? ", " : ": ", f->langs[i].name, f->langs[i].code);
        printf("; %d warning%s\n", warnings, warnings == 1 ? "" : "s");
    } else {
        printf("%s: cannot run: %d error%s, %d warning%s\n", path, errors, errors == 1 ? "" : "s",
               warnings, warnings == 1 ? "" : "s");
    }
    hys_form_destroy(f);
    hys_diags_destroy(d);
    return f ? 0 : 1;
}

int hys_cmd_answers(const char *data_dir)
{
    char dir[1024], err[512];
    if (data_dir)
        snprintf(dir, sizeof dir, "%s", data_dir);
    else
        hys_paths_data(dir, sizeof dir);
    if (hys_store_print_answers(dir, stdout, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        return 1;
    }
    return 0;
}

int hys_cmd_export(const char *data_dir, const char *stick, const char *venue, int full,
                   const char *seal_to)
{
    char dir[1024], err[512];
    if (data_dir)
        snprintf(dir, sizeof dir, "%s", data_dir);
    else
        hys_paths_data(dir, sizeof dir);
    hys_export_options o = {dir, stick, venue, full, seal_to};
    hys_export_result r;
    if (hys_export_bundle(&o, &r, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: nothing was exported: %s\n", err);
        return 1;
    }
    if (r.nothing_new)
        printf("no new answers since the last export\n");
    else
        printf("exported %ld answers from %ld sessions to %s\n", r.answers, r.sessions, r.bundle);
    /* every bundle on the stick, from every kiosk, as one report */
    char combined[4300];
    snprintf(combined, sizeof combined, "%s/HAVEYOURSAY/combined", stick);
    hys_collect_result cr;
    hys_status rc = hys_export_combine(stick, &cr, err, sizeof err);
    if (rc != HYS_OK) {
        fprintf(stderr,
                "haveyoursay: the export is safe, but the combined report could not be "
                "made: %s\n",
                err);
        return 1;
    }
    printf("combined report: %d bundles from %d kiosks, %lld answers, in %s\n", cr.accepted,
           cr.kiosks, cr.answers, combined);
    printf("it is safe to take the stick out\n");
    /* (sealed bundles stay sealed: only the office holds their key) */
    if (cr.rejected > cr.sealed) {
        fprintf(stderr,
                "haveyoursay: the export is safe, but the combined report leaves out %d "
                "bundle%s on the stick that could not be read or checked: "
                "haveyoursay collect %s/HAVEYOURSAY says why\n",
                cr.rejected - cr.sealed, cr.rejected - cr.sealed == 1 ? "" : "s", stick);
        return 3;
    }
    return 0;
}

int hys_cmd_collect(const char *const *in, int nin, const char *out, const char *key)
{
    char err[512];
    hys_collect_result r;
    if (hys_collect(in, nin, out, key, stdout, &r, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        return 1;
    }
    printf("collected %lld answers: %d bundles accepted from %d kiosks, %d rejected, %d missing\n",
           r.answers, r.accepted, r.kiosks, r.rejected, r.gaps);
    return r.rejected || r.gaps ? 3 : 0;
}

int hys_cmd_set_pin(const char *data_dir)
{
    char dir[1024], err[512], pin[64] = "";
    if (data_dir)
        snprintf(dir, sizeof dir, "%s", data_dir);
    else
        hys_paths_data(dir, sizeof dir);
    struct termios old, quiet;
    int tty = isatty(0) && tcgetattr(0, &old) == 0;
    if (tty) {
        fprintf(stderr, "staff PIN (6 to 8 digits): ");
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(0, TCSANOW, &quiet);
    }
    int got = fgets(pin, sizeof pin, stdin) != NULL;
    if (tty) {
        tcsetattr(0, TCSANOW, &old);
        fputc('\n', stderr);
    }
    pin[strcspn(pin, "\r\n")] = 0;
    hys_status rc = got ? hys_pin_set(dir, pin, err, sizeof err) : HYS_EFORMAT;
    memset(pin, 0, sizeof pin);
    if (rc != HYS_OK) {
        fprintf(stderr, "haveyoursay: the PIN was not set: %s\n", got ? err : "nothing was typed");
        return 1;
    }
    printf("the staff PIN is set (kept only as a slow hash in %s/staff.pin)\n", dir);
    return 0;
}

int hys_cmd_keygen(const char *path)
{
    char pk[64], err[512];
    if (hys_seal_keygen(path, pk, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: no key was made: %s\n", err);
        return 1;
    }
    printf("the secret key is in %s: keep it safe, off the kiosks; collect opens sealed\n"
           "bundles with it (--key %s). Put this public key in the question set's settings\n"
           "sheet, column public_key:\n%s\n",
           path, path, pk);
    return 0;
}
