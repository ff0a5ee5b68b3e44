/* commands: check and answers (see commands.h). */
#include "commands.h"

#include "paths.h"

#include "../form/easyread.h"
#include "../form/form.h"
#include "../export/enrol.h"
#include "../export/files.h"
#include "../export/export.h"
#include "../export/manifest.h"
#include "../export/seal.h"
#include "../export/trust.h"
#include "../speech/speech.h"
#include "../staff/pin.h"
#include "../store/store.h"
#include "../util/alloc.h"

#include <sodium.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

/* Which languages the kiosk can speak, and how many recordings each has. */
static int check_speech(const char *path, const hys_form *f)
{
    int warnings = 0;
    char err[300];
    hys_speech *sp = hys_speech_open(HYS_SPEECH_MEMORY, err, sizeof err);
    if (sp && hys_speech_start(sp, err, sizeof err) != HYS_OK) {
        hys_speech_close(sp);
        sp = NULL;
    }
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
        int calcs = 0;
        for (int q = 0; q < f->nquestions; q++)
            calcs += !hys_qtype_is_asked(f->questions[q].type);
        printf("%s: can run: \"%s\" (%s, version %s), %d questions", path, f->title, f->id,
               f->version[0] ? f->version : "none", f->nquestions - calcs);
        if (calcs) printf(" and %d calculation%s", calcs, calcs == 1 ? "" : "s");
        printf(", %d language%s", f->nlangs, f->nlangs == 1 ? "" : "s");
        for (int i = 0; i < f->nlangs; i++)
            printf("%s%s (%s)", i ? ", " : ": ", f->langs[i].name, f->langs[i].code);
        if (f->nleft_out)
            printf("; %d question%s left out: %s", f->nleft_out, f->nleft_out == 1 ? "" : "s",
                   f->left_out);
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
    hys_export_options o = {dir, stick, venue, full, seal_to, NULL};
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
    hys_status rc = hys_export_combine(dir, stick, &cr, err, sizeof err);
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
    /* (sealed bundles stay sealed: only the office holds their key; other
     * kiosks' bundles need their keys trusted here: haveyoursay trust --data) */
    if (cr.untrusted)
        printf("the combined report leaves out %d bundle%s from kiosks not trusted on this one\n",
               cr.untrusted, cr.untrusted == 1 ? "" : "s");
    if (cr.rejected > cr.sealed + cr.untrusted) {
        fprintf(stderr,
                "haveyoursay: the export is safe, but the combined report leaves out %d "
                "bundle%s on the stick that could not be read or checked: "
                "haveyoursay collect %s/HAVEYOURSAY says why\n",
                cr.rejected - cr.sealed - cr.untrusted,
                cr.rejected - cr.sealed - cr.untrusted == 1 ? "" : "s", stick);
        return 3;
    }
    return 0;
}

/* The data folder given, or the installed kiosk's. */
static void data_dir_of(const char *given, char *dir, size_t n)
{
    if (given)
        snprintf(dir, n, "%s", given);
    else
        hys_paths_data(dir, n);
}

int hys_cmd_collect(const char *const *in, int nin, const char *out, const char *key,
                    const char *trust_file)
{
    char err[512], path[4096];
    if (!trust_file) {
        if (hys_trust_default_path(path, sizeof path) != HYS_OK) {
            fprintf(stderr, "haveyoursay: no home folder for the trust list: give one with "
                            "--trust FILE\n");
            return 1;
        }
        trust_file = path;
    }
    hys_trust *trust = hys_calloc(1, sizeof *trust);
    hys_status rc = trust ? hys_trust_load(trust, trust_file, err, sizeof err) : HYS_ENOMEM;
    if (rc != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", trust ? err : "out of memory");
        hys_free(trust);
        return 1;
    }
    hys_collect_result r;
    rc = hys_collect(in, nin, out, key, trust, stdout, &r, err, sizeof err);
    hys_free(trust);
    if (rc != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        return 1;
    }
    printf("collected %lld answers: %d bundles accepted from %d kiosks, %d rejected (%d from "
           "untrusted kiosks), %d missing\n",
           r.answers, r.accepted, r.kiosks, r.rejected, r.untrusted, r.gaps);
    if (r.untrusted) printf("the trust list read: %s\n", trust_file);
    return r.rejected || r.gaps ? 3 : 0;
}

/* The kiosk's id and public key: the store is made when the kiosk has
 * never run (an installer's first step). HYS_OK; else the reason is printed,
 * and this HYS_EIO when the answers cannot be opened, or what
 * hys_manifest_key gave. */
static hys_status kiosk_identity(const char *dir, char id[40], char pk[64])
{
    char err[512];
    unsigned char sk[64];
    hys_store *st = NULL;
    if (hys_store_read_kiosk_id(dir, id, err, sizeof err) != HYS_OK) {
        st = hys_store_open(dir, HYS_PERIOD_DAY, err, sizeof err);
        if (st) snprintf(id, 40, "%s", hys_store_kiosk_id(st));
        hys_store_close(st);
        if (!st) {
            fprintf(stderr, "haveyoursay: %s\n", err);
            return HYS_EIO;
        }
    }
    hys_status rc = hys_manifest_key(dir, sk, pk, err, sizeof err);
    if (rc != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        return rc;
    }
    sodium_memzero(sk, sizeof sk);
    return HYS_OK;
}

int hys_cmd_kiosk_key(const char *data_dir)
{
    char dir[1024], id[40], pk[64], line[300];
    data_dir_of(data_dir, dir, sizeof dir);
    if (kiosk_identity(dir, id, pk) != HYS_OK) return 1;
    hys_trust_line(id, pk, line, sizeof line);
    printf("%s\n", line);
    return 0;
}

int hys_cmd_trust(const char *line, const char *file, const char *data_dir)
{
    char path[4096], id[40], key[64], err[512];
    if (file)
        snprintf(path, sizeof path, "%s", file);
    else if (data_dir)
        snprintf(path, sizeof path, "%s/trusted-kiosks", data_dir);
    else if (hys_trust_default_path(path, sizeof path) != HYS_OK) {
        fprintf(stderr, "haveyoursay: no home folder for the trust list: give one with --file\n");
        return 1;
    }
    if (sodium_init() < 0 || hys_trust_parse(line, id, key, err, sizeof err) != HYS_OK ||
        hys_trust_append(path, id, key, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: nothing was trusted: %s\n", err);
        return 1;
    }
    char fp[HYS_TRUST_FINGERPRINT];
    hys_trust_fingerprint(key, fp);
    printf("kiosk %s (fingerprint %s) is trusted in %s\n", id, fp, path);
    return 0;
}

int hys_cmd_enrol_stick(const char *stick, const char *data_dir)
{
    char dir[1024], id[40], pk[64], err[512];
    data_dir_of(data_dir, dir, sizeof dir);
    if (kiosk_identity(dir, id, pk) != HYS_OK) return 1;
    if (hys_enrol_stick(dir, id, stick, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: the stick was not enrolled: %s\n", err);
        return 1;
    }
    printf("the stick at %s is enrolled on kiosk %s: it takes the answers from now on\n", stick,
           id);
    return 0;
}

int hys_cmd_forget_sticks(const char *data_dir)
{
    char dir[1024], err[512];
    data_dir_of(data_dir, dir, sizeof dir);
    if (hys_enrol_forget_all(dir, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: %s\n", err);
        return 1;
    }
    printf("every stick enrolled on this kiosk is forgotten: enrol the ones to keep again\n");
    return 0;
}

/* What the combined report may take: it reads a stick, which is hostile
 * until its bundles are checked. (AddressSanitizer's shadow memory needs
 * terabytes of address space: its builds keep only the CPU limit.) */
#define COMBINE_MEMORY_BYTES (768L * 1024 * 1024)
#define COMBINE_CPU_SECONDS 300
#if defined(__SANITIZE_ADDRESS__)
#define COMBINE_LIMIT_MEMORY 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COMBINE_LIMIT_MEMORY 0
#endif
#endif
#ifndef COMBINE_LIMIT_MEMORY
#define COMBINE_LIMIT_MEMORY 1
#endif

int hys_cmd_combine(const char *stick, const char *data_dir)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* the kiosk gone: so is this */
    struct rlimit cpu = {COMBINE_CPU_SECONDS, COMBINE_CPU_SECONDS};
    setrlimit(RLIMIT_CPU, &cpu);
    if (COMBINE_LIMIT_MEMORY) {
        struct rlimit mem = {COMBINE_MEMORY_BYTES, COMBINE_MEMORY_BYTES};
        setrlimit(RLIMIT_AS, &mem);
    }
    char dir[1024], err[512], work[1100];
    data_dir_of(data_dir, dir, sizeof dir);
    if (getppid() == 1) return 1; /* (the kiosk went before prctl) */
    /* its working folder in the kiosk's own folder, cleared first: a run
     * killed past its deadline leaves one there, never one a run in /tmp */
    snprintf(work, sizeof work, "%s/combine-work", dir);
    if (hys_dir_remove(work, err, sizeof err) != HYS_OK ||
        hys_dir_make(work, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: the combined report could not be made: %s\n", err);
        return 1;
    }
    setenv("TMPDIR", work, 1);
    hys_collect_result r;
    if (hys_export_combine(dir, stick, &r, err, sizeof err) != HYS_OK) {
        fprintf(stderr, "haveyoursay: the combined report could not be made: %s\n", err);
        return 1;
    }
    if (r.rejected > r.sealed + r.untrusted)
        fprintf(stderr,
                "haveyoursay: the combined report leaves out %d bundles that could not be read "
                "or checked\n",
                r.rejected - r.sealed - r.untrusted);
    return r.rejected > r.sealed + r.untrusted ? 3 : 0;
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
