/* questions: a new question set from a USB stick, loaded by staff. The
 * stick's HAVEYOURSAY/questions/ folder (one .xlsx or .csv, and its
 * pictures and recordings) is copied into DATA/questions/incoming/, checked
 * as `haveyoursay check` does, and only when it can run does it become
 * DATA/questions/current/ (the set in use kept as previous/, to go back to).
 * Files from the stick are hostile: plain files only, safe names, sizes and
 * counts capped. */
#include "kiosk_impl.h"

#include "../export/files.h"
#include "../form/diag.h"
#include "../util/limits.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FILES 400

/* The one question set file (.xlsx or .csv) in dir: 1 with its path. */
static int set_in(const char *dir, char *path, size_t n)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *de;
    int found = 0;
    while ((de = readdir(d)) != NULL) {
        const char *dot = strrchr(de->d_name, '.');
        if (de->d_name[0] == '.' || !dot || (strcmp(dot, ".xlsx") && strcmp(dot, ".csv"))) continue;
        if (found++ == 0) hys_path(path, n, dir, de->d_name);
    }
    closedir(d);
    return found == 1;
}

static void folder(const char *data, const char *name, char *out, size_t n)
{
    char q[4200];
    hys_path(q, sizeof q, data, "questions");
    hys_path(out, n, q, name);
}

int hys_questions_current(const char *data, char *path, size_t n)
{
    char dir[4400];
    folder(data, "current", dir, sizeof dir);
    return set_in(dir, path, n);
}

int hys_questions_on_stick(const char *stick)
{
    char top[4200], dir[4300], path[4400];
    hys_path(top, sizeof top, stick, "HAVEYOURSAY");
    hys_path(dir, sizeof dir, top, "questions");
    return set_in(dir, path, sizeof path);
}

/* The set that was in use before staff first loaded one (the configured or
 * demo set), kept by its path in DATA/questions/previous.path. */
static int previous_path(const char *data, char *path, size_t n)
{
    char file[4400];
    folder(data, "previous.path", file, sizeof file);
    FILE *f = fopen(file, "r");
    int ok = f && fgets(path, (int)n, f) != NULL;
    if (f) fclose(f);
    if (ok) path[strcspn(path, "\n")] = 0;
    return ok && path[0];
}

int hys_questions_previous(const char *data)
{
    char dir[4400], path[4600];
    folder(data, "previous", dir, sizeof dir);
    return set_in(dir, path, sizeof path) || previous_path(data, path, sizeof path);
}

/* Copy the plain files of from (not folders, not links) into to: HYS_OK;
 * else, with why in msg, HYS_ELIMIT for too many files or one too big, or
 * what reading or copying gave (HYS_EIO, ...). */
static hys_status copy_set(const char *from, const char *to, char *msg, size_t msgn)
{
    DIR *d = opendir(from);
    if (!d) {
        snprintf(msg, msgn, "cannot read %s: %s", from, strerror(errno));
        return HYS_EIO;
    }
    struct dirent *de;
    int n = 0;
    hys_status rc = HYS_OK;
    char err[512];
    while (rc == HYS_OK && (de = readdir(d)) != NULL) {
        char src[4400];
        struct stat sb;
        if (de->d_name[0] == '.' || strchr(de->d_name, '/') || strlen(de->d_name) > 200 ||
            hys_path(src, sizeof src, from, de->d_name) != HYS_OK || lstat(src, &sb) != 0 ||
            !S_ISREG(sb.st_mode))
            continue;
        if (++n > MAX_FILES || sb.st_size > HYS_MAX_MEDIA_BYTES) {
            snprintf(msg, msgn, "%s: too many files, or %s is too big (over %ld bytes)", from,
                     de->d_name, (long)HYS_MAX_MEDIA_BYTES);
            rc = HYS_ELIMIT;
            break;
        }
        rc = hys_file_place(from, to, de->d_name, NULL, err, sizeof err);
        if (rc != HYS_OK) snprintf(msg, msgn, "%s", err);
    }
    closedir(d);
    return rc;
}

/* Load the set at path, as check does: the set, or NULL with the first
 * problem (row and column) in msg. */
static hys_form *load_path(const char *path, char *msg, size_t msgn)
{
    hys_diags *d = hys_diags_create(path);
    hys_form *f = d ? hys_form_load(path, d, NULL) : NULL;
    if (!f) {
        int errors = d ? hys_diags_errors(d) : 0;
        const hys_diag_item *first = NULL;
        for (int i = 0; d && i < hys_diags_count(d) && !first; i++)
            if (hys_diags_get(d, i)->level == HYS_DIAG_ERROR) first = hys_diags_get(d, i);
        const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        snprintf(msg, msgn, "%s cannot run: %d problem%s; the first: row %d, column %d: %s", name,
                 errors, errors == 1 ? "" : "s", first ? first->row : 0, first ? first->col + 1 : 0,
                 first ? first->message : "out of memory");
        if (d) hys_diags_print(d, stderr);
        hys_diags_destroy(d);
        return NULL;
    }
    hys_diags_destroy(d);
    return f;
}

/* Load the one set in folder dir. */
static hys_form *load_set(const char *dir, char *msg, size_t msgn)
{
    char path[4600];
    if (!set_in(dir, path, sizeof path)) {
        snprintf(msg, msgn, "there is no single .xlsx or .csv question set in %s", dir);
        return NULL;
    }
    return load_path(path, msg, msgn);
}

/* Use form f (the message says so): HYS_OK, or what hys_kiosk_use_form
 * gave. */
static hys_status use_form(hys_kiosk *k, hys_form *f, char *msg, size_t msgn)
{
    char err[512];
    hys_status rc = hys_kiosk_use_form(k, f, err, sizeof err);
    if (rc != HYS_OK) {
        snprintf(msg, msgn, "%s", err);
        return rc;
    }
    snprintf(msg, msgn, "%s, version %s, is in use", k->form->title,
             k->form->version && k->form->version[0] ? k->form->version : "-");
    return HYS_OK;
}

/* Load the set in folder dir and use it: HYS_OK, or HYS_EFORMAT when dir
 * holds no set that can run (msg says why), or what use_form gave. */
static hys_status use(hys_kiosk *k, const char *dir, char *msg, size_t msgn)
{
    hys_form *f = load_set(dir, msg, msgn);
    return f ? use_form(k, f, msg, msgn) : HYS_EFORMAT;
}

/* Make current/ hold what is in from/, and previous/ what current/ held:
 * HYS_OK, or HYS_EIO with why in msg. */
static hys_status rotate(const char *data, const char *from, char *msg, size_t msgn)
{
    char cur[4400], prev[4400], tmp[4400], err[512];
    folder(data, "current", cur, sizeof cur);
    folder(data, "previous", prev, sizeof prev);
    folder(data, "rotating", tmp, sizeof tmp);
    hys_dir_remove(tmp, err, sizeof err);
    struct stat sb;
    int had = stat(cur, &sb) == 0;
    if ((had && rename(cur, tmp) != 0) || rename(from, cur) != 0) {
        snprintf(msg, msgn, "cannot put the question set in place: %s", strerror(errno));
        return HYS_EIO;
    }
    hys_dir_remove(prev, err, sizeof err);
    if (had && rename(tmp, prev) != 0) hys_dir_remove(tmp, err, sizeof err);
    return HYS_OK;
}

hys_status hys_questions_load(hys_kiosk *k, const char *stick, char *msg, size_t msgn)
{
    char top[4200], src[4300], in[4400], err[512];
    hys_path(top, sizeof top, stick, "HAVEYOURSAY");
    hys_path(src, sizeof src, top, "questions");
    folder(k->data, "incoming", in, sizeof in);
    hys_status rc = hys_dir_remove(in, err, sizeof err);
    if (!rc) rc = hys_dir_make(in, err, sizeof err);
    if (rc) {
        snprintf(msg, msgn, "%s", err);
        return rc;
    }
    hys_form *checked = NULL;
    rc = copy_set(src, in, msg, msgn);
    if (rc == HYS_OK && !(checked = load_set(in, msg, msgn))) rc = HYS_EFORMAT;
    if (rc != HYS_OK) {
        hys_dir_remove(in, err, sizeof err);
        fprintf(stderr, "haveyoursay: the question set on the stick was not loaded: %s\n", msg);
        return rc;
    }
    hys_form_destroy(checked); /* it can run: it goes in place, and is used from there */
    char cur[4400], path[4600];
    folder(k->data, "current", cur, sizeof cur);
    if (!set_in(cur, path, sizeof path) && k->form->path) { /* the first: remember the set */
        char file[4400];
        folder(k->data, "previous.path", file, sizeof file);
        FILE *f = fopen(file, "w");
        if (f) fprintf(f, "%s\n", k->form->path), fclose(f);
    }
    rc = rotate(k->data, in, msg, msgn);
    if (!rc) rc = use(k, cur, msg, msgn);
    if (rc) return rc;
    fprintf(stderr, "haveyoursay: staff loaded a question set from the stick: %s\n", msg);
    return HYS_OK;
}

hys_status hys_questions_back(hys_kiosk *k, char *msg, size_t msgn)
{
    char prev[4400], err[512], path[4600];
    folder(k->data, "previous", prev, sizeof prev);
    if (!set_in(prev, path, sizeof path) && previous_path(k->data, path, sizeof path)) {
        /* back to the configured (or demo) set: staff's set waits in previous/ */
        hys_form *f = load_path(path, msg, msgn);
        if (!f) return HYS_EFORMAT;
        char cur[4400], file[4400];
        folder(k->data, "current", cur, sizeof cur);
        folder(k->data, "previous.path", file, sizeof file);
        hys_dir_remove(prev, err, sizeof err);
        if (rename(cur, prev) != 0) {
            hys_form_destroy(f);
            snprintf(msg, msgn, "cannot move the question set aside: %s", strerror(errno));
            return HYS_EIO;
        }
        unlink(file);
        hys_status rc = use_form(k, f, msg, msgn);
        fprintf(stderr, "haveyoursay: staff went back to the earlier question set: %s\n", msg);
        return rc;
    }
    char tmp[4400];
    folder(k->data, "back", tmp, sizeof tmp);
    hys_dir_remove(tmp, err, sizeof err);
    if (rename(prev, tmp) != 0) {
        snprintf(msg, msgn, "there is no earlier question set");
        return HYS_ENOTFOUND;
    }
    hys_status rc = rotate(k->data, tmp, msg, msgn);
    if (rc) return rc;
    char cur[4400];
    folder(k->data, "current", cur, sizeof cur);
    rc = use(k, cur, msg, msgn);
    fprintf(stderr, "haveyoursay: staff went back to the earlier question set: %s\n", msg);
    return rc;
}
