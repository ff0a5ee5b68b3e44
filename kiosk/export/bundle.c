/* bundle: one export onto a stick (see export.h): made in the data folder,
 * copied under a temporary name, checked, renamed into place, then marked. */
#include "enrol.h"
#include "export.h"
#include "files.h"
#include "manifest.h"
#include "report.h"
#include "seal.h"

#include "../store/store.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

static const char *const bundle_files[] = {"data.sqlite",   "answers.csv", "sessions.csv",
                                           "free-text.csv", "report.html", "answers.xlsx"};
#define NFILES (int)(sizeof bundle_files / sizeof bundle_files[0])

/* The forms the bundle's answers belong to, from its database. */
static void forms_of(const char *db, hys_manifest *m)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "SELECT form_id, form_version, form_hash FROM forms ORDER BY 1, 2",
                           -1, &st, NULL) == SQLITE_OK)
        while (m->nforms < HYS_MANIFEST_MAX_FORMS && sqlite3_step(st) == SQLITE_ROW) {
            hys_manifest_form *f = &m->forms[m->nforms++];
            snprintf(f->id, sizeof f->id, "%s", (const char *)sqlite3_column_text(st, 0));
            snprintf(f->version, sizeof f->version, "%s", (const char *)sqlite3_column_text(st, 1));
            snprintf(f->hash, sizeof f->hash, "%s", (const char *)sqlite3_column_text(st, 2));
        }
    sqlite3_finalize(st);
    sqlite3_close(h);
}

/* Remove what exports that did not finish left in the kiosk's folder root:
 * bundle folders with no manifest.json (never complete, never collected). */
static void tidy(const char *root, const char *keep)
{
    DIR *d = opendir(root);
    if (!d) return;
    struct dirent *de;
    char names[32][256];
    int n = 0;
    while ((de = readdir(d)) != NULL && n < 32) {
        char man[4600];
        char sub[4400];
        if (hys_path(sub, sizeof sub, root, de->d_name) != HYS_OK ||
            hys_path(man, sizeof man, sub, "manifest.json") != HYS_OK || !hys_dir_real(sub))
            continue; /* (a link on the stick is never followed, nor removed through) */
        if (de->d_name[0] >= '0' && de->d_name[0] <= '9' && strcmp(de->d_name, keep) &&
            access(man, F_OK) != 0)
            snprintf(names[n++], sizeof names[0], "%s", de->d_name);
    }
    closedir(d);
    for (int i = 0; i < n; i++) {
        char path[4600], ignore[256];
        hys_path(path, sizeof path, root, names[i]);
        hys_dir_remove(path, ignore, sizeof ignore);
    }
}

/* Make the bundle's files in work; fill m (but its files' list is by name). */
static hys_status make_files(const hys_export_options *o, hys_store_export *e,
                             const hys_store_export_info *info, const char *work, hys_manifest *m,
                             const unsigned char sk[64], char *err, size_t errn)
{
    char path[NFILES + 1][4200];
    for (int i = 0; i < NFILES; i++)
        hys_path(path[i], sizeof path[i], work, bundle_files[i]);
    hys_status rc = hys_store_export_write_db(e, path[0], err, errn);
    if (!rc) forms_of(path[0], m);
    /* answers.xlsx (not for a sealed bundle) on its own thread meanwhile */
    hys_report_job *wb = NULL;
    if (!rc && !o->seal_to) {
        char how[600];
        snprintf(how, sizeof how,
                 "Saved by kiosk %s%s%s onto a USB stick, and signed with its key: manifest.json "
                 "lists every file with its SHA-256, and the office's collect checks them before "
                 "it takes any.",
                 info->kiosk_id, o->venue && *o->venue ? " at " : "", o->venue ? o->venue : "");
        wb = hys_report_workbook_begin(path[0], path[5], 0, how);
    }
    if (!rc) rc = hys_report_answers_csv(path[0], path[1], err, errn);
    if (!rc) rc = hys_report_sessions_csv(path[0], path[2], 0, err, errn);
    if (!rc) rc = hys_report_free_text_csv(path[0], path[3], err, errn);
    unsigned char pk[32];
    int nfiles = NFILES;
    if (o->seal_to) { /* only the key's holder can read them: and no report */
        m->sealed = 1;
        nfiles = NFILES - 2; /* (all but report.html and answers.xlsx) */
        if (hys_seal_key_from_base64(o->seal_to, pk) != HYS_OK) {
            snprintf(err, errn, "the question set's public_key is not a valid key");
            return HYS_EFORMAT;
        }
        for (int i = 0; !rc && i < nfiles; i++) {
            char name[64], sealed[4200];
            snprintf(name, sizeof name, "%s.sealed", bundle_files[i]);
            hys_path(sealed, sizeof sealed, work, name);
            rc = hys_seal_file(path[i], sealed, pk, err, errn);
            unlink(path[i]); /* (the plain copy: only ever in the kiosk's own folder) */
            memcpy(path[i], sealed, sizeof sealed);
        }
    } else if (!rc) {
        rc = hys_report_html(path[0], path[4], 0, err, errn);
    }
    if (wb) { /* (waited for whatever happened: its thread reads the database) */
        char werr[512];
        hys_status wrc = hys_report_workbook_end(wb, werr, sizeof werr);
        if (!rc && wrc) rc = wrc, snprintf(err, errn, "%s", werr);
    }
    if (rc) return rc;
    snprintf(m->kiosk_id, sizeof m->kiosk_id, "%s", info->kiosk_id);
    snprintf(m->venue, sizeof m->venue, "%s", o->venue ? o->venue : "");
    m->seq = info->seq;
    m->full = o->full;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(m->made, sizeof m->made, "%Y-%m-%d", &tm);
    snprintf(m->period_from, sizeof m->period_from, "%s", info->period_from);
    snprintf(m->period_to, sizeof m->period_to, "%s", info->period_to);
    m->answers = info->answers;
    m->sessions = info->sessions;
    snprintf(m->prev, sizeof m->prev, "%s", info->prev_manifest);
    for (int i = 0; i < nfiles; i++) {
        hys_manifest_file *f = &m->files[m->nfiles++];
        snprintf(f->name, sizeof f->name, "%s%s", bundle_files[i], m->sealed ? ".sealed" : "");
        rc = hys_file_sha256(path[i], f->sha256, &f->bytes, err, errn);
        if (rc) return rc;
    }
    hys_path(path[NFILES], sizeof path[NFILES], work, "manifest.json");
    return hys_manifest_write(path[NFILES], m, sk, err, errn);
}

/* Copy the files of work into the stick's folder root as name. The
 * manifest goes last: a folder is a bundle only once it has one, so a stick
 * pulled out half-way never holds a bundle that looks complete. (Files are
 * renamed, never folders: some FAT drivers lose a renamed folder's files.) */
static hys_status place(const char *work, const hys_manifest *m, const char *root, const char *name,
                        const char *msha, char *final, size_t finaln, char *err, size_t errn)
{
    hys_path(final, finaln, root, name);
    char man[4400];
    hys_path(man, sizeof man, final, "manifest.json");
    /* the folder is checked first: a link planted in its place (to a folder
     * off the stick) must not have anything removed through it */
    hys_status rc = hys_dir_make(final, err, errn);
    if (!rc && !hys_dir_on(final, root)) {
        snprintf(err, errn, "%s is a link, not a folder on the stick: nothing was written", final);
        return HYS_EFORMAT;
    }
    /* a bundle with this number that was placed but never marked (the kiosk
     * stopped in between) holds a subset of these answers: this one replaces
     * it, and it stops looking complete first */
    if (!rc && unlink(man) != 0 && errno != ENOENT) {
        snprintf(err, errn, "cannot replace %s: %s", man, hys_file_why(errno));
        return HYS_EIO;
    }
    for (int i = 0; !rc && i < m->nfiles; i++)
        rc = hys_file_place(work, final, m->files[i].name, m->files[i].sha256, err, errn);
    if (!rc) rc = hys_dir_sync(final, err, errn);
    if (!rc) rc = hys_file_place(work, final, "manifest.json", msha, err, errn);
    if (!rc) rc = hys_dir_sync(final, err, errn);
    return rc;
}

/* Room on the stick for the bundle (its files and a little for folders)? */
static hys_status room(const char *stick, const hys_manifest *m, const char *mpath, char *err,
                       size_t errn)
{
    long long need = 256 * 1024;
    for (int i = 0; i < m->nfiles; i++)
        need += m->files[i].bytes;
    struct stat sb;
    if (stat(mpath, &sb) == 0) need += sb.st_size;
    struct statvfs fs;
    if (statvfs(stick, &fs) != 0) {
        snprintf(err, errn, "cannot use the stick at %s: %s", stick, hys_file_why(errno));
        return HYS_EIO;
    }
    long long free_bytes = (long long)fs.f_bavail * (long long)fs.f_frsize;
    if (fs.f_blocks > 0 && free_bytes < need) { /* (some FUSE drivers cannot tell: 0 blocks) */
        snprintf(err, errn, "the stick is full: it has %lld kB free and the answers need %lld kB",
                 free_bytes / 1024, (need + 1023) / 1024);
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_status hys_export_bundle(const hys_export_options *o, hys_export_result *r, char *err,
                             size_t errn)
{
    assert(o && o->data && o->stick && r && err);
    memset(r, 0, sizeof *r);
    unsigned char sk[64];
    char pk[64];
    hys_status rc = hys_manifest_key(o->data, sk, pk, err, errn);
    if (rc) return rc;
    hys_store_export_info info;
    hys_store_export *e = hys_store_export_begin(o->data, o->full, &info, err, errn);
    if (!e) return HYS_EIO;
    r->seq = info.seq, r->answers = info.answers, r->sessions = info.sessions;
    /* only to a stick staff enrolled on this kiosk: a stranger's stick gets
     * nothing, and nothing is marked exported */
    char why[300];
    hys_status enrolled = hys_enrol_check(o->data, info.kiosk_id, o->stick, why, sizeof why);
    if (enrolled != HYS_OK) {
        snprintf(err, errn, "%s", why);
        hys_store_export_end(e);
        sodium_memzero(sk, sizeof sk);
        return enrolled; /* HYS_EDENIED: not enrolled; HYS_EIO: it cannot be told */
    }
    if (info.answers == 0) {
        r->nothing_new = 1;
        hys_store_export_end(e);
        return HYS_OK;
    }
    /* sealed to the key the answers' question set names (or the one given) */
    hys_export_options so = *o;
    if (!so.seal_to && info.seal_clash) {
        snprintf(err, errn,
                 "these answers belong to question sets sealed to different keys: "
                 "export them one key at a time (--seal-to)");
        hys_store_export_end(e);
        return HYS_EFORMAT;
    }
    if (!so.seal_to && info.seal_to[0]) so.seal_to = info.seal_to;
    if (!so.seal_to && so.seal_default && so.seal_default[0]) so.seal_to = so.seal_default;
    o = &so;
    char work[4200], root[4200], ignore[256];
    hys_path(work, sizeof work, o->data, "export-work");
    char top[4200];
    hys_path(top, sizeof top, o->stick, "HAVEYOURSAY");
    hys_path(root, sizeof root, top, info.kiosk_id);
    hys_manifest m;
    memset(&m, 0, sizeof m);
    snprintf(m.public_key, sizeof m.public_key, "%s", pk);
    rc = hys_dir_remove(work, err, errn);
    if (!rc) rc = hys_dir_make(work, err, errn);
    if (!rc) rc = make_files(o, e, &info, work, &m, sk, err, errn);
    char mpath[4300], msha[65];
    hys_path(mpath, sizeof mpath, work, "manifest.json");
    if (!rc) rc = hys_file_sha256(mpath, msha, NULL, err, errn);
    if (!rc) rc = room(o->stick, &m, mpath, err, errn);
    if (!rc) rc = hys_dir_make(root, err, errn);
    if (!rc && (!hys_dir_on(top, o->stick) || !hys_dir_on(root, o->stick))) {
        snprintf(err, errn, "%s or %s is a link, not a folder on the stick: nothing was written",
                 top, root);
        rc = HYS_EFORMAT;
    }
    if (!rc) {
        char name[64];
        snprintf(name, sizeof name, "%06lld-%.4s%.2s%.2s", m.seq, m.made, m.made + 5, m.made + 8);
        tidy(root, name);
        rc = place(work, &m, root, name, msha, r->bundle, sizeof r->bundle, err, errn);
    }
    if (!rc) rc = hys_store_export_commit(e, msha, err, errn);
    hys_store_export_end(e);
    hys_dir_remove(work, ignore, sizeof ignore);
    sodium_memzero(sk, sizeof sk);
    return rc;
}
