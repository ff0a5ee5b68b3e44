/* collect: many bundles checked and merged into one set of files (see
 * export.h). Bundles are found, checked one by one (manifest signature, then
 * every file's size and SHA-256), grouped by kiosk (one key a kiosk,
 * sequence gaps, the chain of manifests), then merged into a new SQLite
 * file, each answer once, in a fixed order so that the result does not
 * depend on the order the folders were read. */
#include "export.h"
#include "files.h"
#include "manifest.h"
#include "report.h"
#include "seal.h"
#include "trust.h"

#include "../store/store.h"
#include "../util/alloc.h"
#include "../util/limits.h"

#include <assert.h>
#include <dirent.h>
#include <limits.h>
#include <sodium.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

typedef struct found {
    char *path;
    hys_manifest m;
    char msha[65]; /* SHA-256 of its manifest.json */
    int genuine;   /* signed by a key trusted for the kiosk it names */
    int ok;        /* passed every check so far */
} found;

typedef struct finder {
    found *b;
    int n, cap;
    int over;     /* more than HYS_MAX_BUNDLES, or HYS_MAX_FOLDERS looked in */
    long folders; /* folders looked in so far */
} finder;

static void find(finder *fd, const char *dir, int depth)
{
    if (depth > HYS_MAX_FOLDER_DEPTH) return;
    if (++fd->folders > HYS_MAX_FOLDERS) { /* a stick full of empty folders */
        fd->over = 1;
        return;
    }
    char man[4200];
    hys_path(man, sizeof man, dir, "manifest.json");
    struct stat sb;
    if (lstat(man, &sb) == 0 && S_ISREG(sb.st_mode)) {
        if (fd->n == HYS_MAX_BUNDLES) {
            fd->over = 1;
            return;
        }
        if (fd->n == fd->cap) {
            int cap = fd->cap ? fd->cap * 2 : 64;
            found *more = hys_realloc(fd->b, (size_t)cap * sizeof *more);
            if (!more) return;
            fd->b = more, fd->cap = cap;
        }
        memset(&fd->b[fd->n], 0, sizeof fd->b[0]);
        fd->b[fd->n].path = hys_strdup(dir);
        if (fd->b[fd->n].path) fd->n++;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while (!fd->over && (de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.' || !strcmp(name, "combined")) continue; /* unfinished, or ours */
        int odd = 0; /* (a name no kiosk makes: a line break could forge a line of the log) */
        for (const char *c = name; *c; c++)
            odd |= (unsigned char)*c < 0x20 || *c == 0x7f;
        if (odd) continue;
        char sub[4200];
        if (snprintf(sub, sizeof sub, "%s/%s", dir, name) >= (int)sizeof sub) continue;
        if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)) find(fd, sub, depth + 1);
    }
    closedir(d);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const found *)a)->path, ((const found *)b)->path);
}

static int by_kiosk_seq(const void *a, const void *b)
{
    const found *x = a, *y = b;
    int c = strcmp(x->m.kiosk_id, y->m.kiosk_id);
    if (c) return c;
    if (x->m.seq != y->m.seq) return x->m.seq < y->m.seq ? -1 : 1;
    c = strcmp(x->msha, y->msha);
    return c ? c : strcmp(x->path, y->path);
}

static const char *const required[] = {"data.sqlite", "answers.csv", "sessions.csv", "report.html"};
static const char *const required_sealed[] = {"data.sqlite.sealed"};

/* Check one bundle's manifest and files (a sealed one needs a key); only
 * a bundle signed by a key trusted for the kiosk it names goes on (an
 * unknown key goes into unknown, to be listed once). */
static void check(found *b, int have_key, const hys_trust *trust, hys_trust *unknown, FILE *log,
                  hys_collect_result *r)
{
    char path[4300], err[300], *text = NULL;
    size_t n = 0;
    hys_path(path, sizeof path, b->path, "manifest.json");
    hys_status rc = hys_file_read(path, HYS_MAX_MANIFEST_BYTES, &text, &n, err, sizeof err);
    hys_manifest_check mc =
        rc ? HYS_MANIFEST_UNREADABLE : hys_manifest_read(text, n, &b->m, err, sizeof err);
    if (!rc) rc = hys_file_sha256(path, b->msha, NULL, err, sizeof err);
    hys_free(text);
    if (rc || mc != HYS_MANIFEST_OK) {
        fprintf(log, "rejected %s: %s: %s\n", b->path,
                mc == HYS_MANIFEST_UNSIGNED ? "unsigned"
                : mc == HYS_MANIFEST_FORGED ? "tampered"
                                            : "unreadable",
                err);
        r->rejected++;
        return;
    }
    char fp[HYS_TRUST_FINGERPRINT], ignore[200];
    hys_trust_fingerprint(b->m.public_key, fp);
    switch (hys_trust_check(trust, b->m.kiosk_id, b->m.public_key)) {
    case HYS_TRUSTED:
        b->genuine = 1;
        break;
    case HYS_TRUST_UNKNOWN:
        fprintf(log, "untrusted %s: kiosk %s, key fingerprint %s, is not in the trust list\n",
                b->path, b->m.kiosk_id, fp);
        hys_trust_add(unknown, b->m.kiosk_id, b->m.public_key, ignore, sizeof ignore);
        r->rejected++, r->untrusted++;
        return;
    case HYS_TRUST_OTHER:
        fprintf(log,
                "rejected %s: forged: it names kiosk %s but is signed by a key not trusted for "
                "it (fingerprint %s); if that kiosk was set up again, compare the fingerprint "
                "with its staff screen and trust its new line\n",
                b->path, b->m.kiosk_id, fp);
        r->rejected++;
        return;
    }
    if (b->m.sealed && !have_key) {
        fprintf(log, "rejected %s: sealed: give the secret key for it with --key\n", b->path);
        r->rejected++, r->sealed++;
        return;
    }
    const char *const *need = b->m.sealed ? required_sealed : required;
    size_t nneed = b->m.sealed ? 1 : sizeof required / sizeof required[0];
    for (size_t k = 0; k < nneed; k++) {
        int listed = 0;
        for (int i = 0; i < b->m.nfiles; i++)
            listed |= !strcmp(b->m.files[i].name, need[k]);
        if (!listed) {
            fprintf(log, "rejected %s: unreadable: its manifest does not list %s\n", b->path,
                    need[k]);
            r->rejected++;
            return;
        }
    }
    for (int i = 0; i < b->m.nfiles; i++) {
        char fpath[4300], sha[65];
        long long bytes = -1;
        hys_path(fpath, sizeof fpath, b->path, b->m.files[i].name);
        rc = hys_file_sha256(fpath, sha, &bytes, err, sizeof err);
        if (rc || bytes != b->m.files[i].bytes || strcmp(sha, b->m.files[i].sha256)) {
            fprintf(log, "rejected %s: tampered: %s\n", b->path,
                    rc ? err : "a file differs from what the kiosk signed");
            r->rejected++;
            return;
        }
    }
    b->ok = 1;
}

/* One key a kiosk (its earliest bundle's), gaps in its numbers (a bundle
 * that is there but refused is not missing), its chain. */
static void per_kiosk(found *b, int n, FILE *log, hys_collect_result *r)
{
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && !strcmp(b[j].m.kiosk_id, b[i].m.kiosk_id))
            j++;
        /* (only keys trusted for the kiosk got this far: a bundle signed
         * by another never counts, nor hides a gap) */
        long long expect = 1;
        int accepted = 0;
        for (int k = i; k < j; k++) {
            if (b[k].genuine && b[k].m.seq >= 1) {
                /* one line a run of missing numbers: never one a number */
                long long missing = b[k].m.seq - expect;
                if (missing == 1)
                    fprintf(log, "gap: kiosk %s has no bundle %lld (lost, or not brought)\n",
                            b[k].m.kiosk_id, expect);
                else if (missing > 1)
                    fprintf(log,
                            "gap: kiosk %s has no bundles %lld to %lld (%lld, lost or not "
                            "brought)\n",
                            b[k].m.kiosk_id, expect, b[k].m.seq - 1, missing);
                if (missing > 0) {
                    r->gaps = missing > INT_MAX - r->gaps ? INT_MAX : r->gaps + (int)missing;
                    expect = b[k].m.seq;
                }
                if (expect == b[k].m.seq) expect++;
            }
            if (!b[k].ok) continue;
            int prev = k - 1; /* the accepted bundle before this one */
            while (prev >= i && !b[prev].ok)
                prev--;
            if (prev >= i && b[prev].m.seq == b[k].m.seq) {
                if (!strcmp(b[prev].msha, b[k].msha)) { /* the same bundle twice */
                    b[k].ok = 0;
                    continue;
                }
                fprintf(log, "note: kiosk %s has two different bundles numbered %lld (%s, %s)\n",
                        b[k].m.kiosk_id, b[k].m.seq, b[prev].path, b[k].path);
            }
            /* the chain: this bundle names the manifest of the one before */
            if (prev >= i && b[prev].m.seq == b[k].m.seq - 1 && strcmp(b[k].m.prev, b[prev].msha))
                fprintf(log,
                        "note: kiosk %s bundle %lld does not follow on from bundle %lld "
                        "(a bundle was made twice)\n",
                        b[k].m.kiosk_id, b[k].m.seq, b[prev].m.seq);
            accepted++;
        }
        if (accepted) r->kiosks++;
        r->accepted += accepted;
        i = j;
    }
}

static const char *const schema =
    "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-32000;"
    /* a form's words as each kiosk gave them: no kiosk can rename what
     * another's answers mean (report.c shows the words most kiosks give) */
    "CREATE TABLE forms(kiosk_id TEXT NOT NULL, form_hash TEXT NOT NULL, form_id TEXT NOT NULL,"
    "  form_version TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY(kiosk_id, form_hash));"
    "CREATE TABLE labels(kiosk_id TEXT NOT NULL, form_hash TEXT NOT NULL,"
    "  question TEXT NOT NULL, choice TEXT NOT NULL, label TEXT NOT NULL,"
    "  PRIMARY KEY(kiosk_id, form_hash, question, choice));"
    /* made: the day the bundle that first brought the session was made */
    "CREATE TABLE sessions(session_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL,"
    "  form_hash TEXT NOT NULL, period TEXT NOT NULL, completed INTEGER NOT NULL,"
    "  made TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE answers(answer_id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
    "  kiosk_id TEXT NOT NULL, form_id TEXT NOT NULL, form_version TEXT NOT NULL,"
    "  question TEXT NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL,"
    "  status TEXT NOT NULL, language TEXT NOT NULL, period TEXT NOT NULL);"
    "CREATE TABLE kiosks(kiosk_id TEXT PRIMARY KEY, venue TEXT NOT NULL);"
    /* the answers counted, bundle by bundle as they are merged: what
     * report.html is made from (see hys_report_html) */
    "CREATE TABLE tally(form_id TEXT NOT NULL, question TEXT NOT NULL, status TEXT NOT NULL,"
    "  kiosk_id TEXT NOT NULL, value TEXT NOT NULL, day TEXT NOT NULL, position INTEGER NOT NULL,"
    "  n INTEGER NOT NULL, PRIMARY KEY(form_id, question, status, kiosk_id, value, day));"
    "CREATE INDEX tally_by_question ON tally(question, form_id);";

/* Run sql: HYS_OK, or HYS_EIO with SQLite's reason in err. */
static hys_status run(sqlite3 *db, const char *sql, char *err, size_t errn)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return HYS_OK;
    snprintf(err, errn, "%s", msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    return HYS_EIO;
}

/* A count from one SQL statement with up to one text parameter, into *n:
 * HYS_OK, or HYS_EIO when it cannot run (*n untouched). */
static hys_status count_sql(sqlite3 *db, const char *sql, const char *param, long long *n)
{
    sqlite3_stmt *st = NULL;
    hys_status rc = HYS_EIO;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (param) sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0), rc = HYS_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Copy the rows of one table of the bundle (attached as b) into the
 * collection, each once, in one statement; where is a condition on them as
 * x (or ""), order the order they are added in. Counts the rows, and as foreign those not of kiosk
 * (when kiosk_col names a column) or that the collection does not now hold exactly (a key the
 * collection already held with other content: a bundle claiming someone else's rows, or changing
 * rows already collected). keys: the table's key columns (the collection's index finds them).
 * With kiosk_col NULL, the collection's table has a first column kiosk_id that the rows get
 * (the kiosk's own copy of a form's words). HYS_OK, or HYS_EIO when the rows cannot be read
 * or copied. */
static hys_status copy_rows(sqlite3 *db, const char *table, const char *cols, const char *keys,
                            const char *where, const char *order, const char *kiosk_col,
                            const char *kiosk, long long *rows, long long *foreign)
{
    char sql[2048], same[1024] = "", own[120] = "", own_value[120] = "";
    if (!kiosk_col) { /* (a kiosk id is letters, digits, '-' and '_': trust.c) */
        snprintf(own, sizeof own, "kiosk_id,");
        snprintf(own_value, sizeof own_value, "'%s',", kiosk);
        snprintf(same, sizeof same, "y.kiosk_id = '%s'", kiosk);
    }
    const char *w = where[0] ? where : "WHERE 1";
    snprintf(sql, sizeof sql, "SELECT count(*) FROM b.%s x %s", table, w);
    long long n = 0, bad = 0;
    hys_status counted = count_sql(db, sql, NULL, &n);
    if (counted == HYS_OK && kiosk_col) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM b.%s x %s AND x.%s IS NOT ?1", table, w,
                 kiosk_col);
        counted = count_sql(db, sql, kiosk, &bad);
    }
    char xcols[600] = "";
    for (const char *c = cols; *c;) {
        size_t len = strcspn(c, ",");
        size_t k = strlen(xcols);
        snprintf(xcols + k, sizeof xcols - k, "%sx.%.*s", xcols[0] ? "," : "", (int)len, c);
        c += len;
        c += *c == ',';
    }
    snprintf(sql, sizeof sql,
             "INSERT OR IGNORE INTO main.%s(%s%s) SELECT %s%s FROM b.%s x %s ORDER BY %s", table,
             own, cols, own_value, xcols, table, w, order);
    char err[200];
    if (counted != HYS_OK || run(db, sql, err, sizeof err) != HYS_OK) return HYS_EIO;
    *rows += n;
    *foreign += bad;
    /* every row new (the usual case): each is there exactly as it came */
    if (sqlite3_changes64(db) == n) return HYS_OK;
    /* y (the collection's row) is x (the bundle's), column by column */
    for (int pass = 0; pass < 2; pass++)
        for (const char *c = pass ? cols : keys; *c;) {
            size_t len = strcspn(c, ",");
            size_t k = strlen(same);
            snprintf(same + k, sizeof same - k, "%sy.%.*s %s x.%.*s", same[0] ? " AND " : "",
                     (int)len, c, pass ? "IS" : "=", (int)len, c);
            c += len;
            c += *c == ',';
        }
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM b.%s x %s AND NOT EXISTS (SELECT 1 FROM main.%s y WHERE %s)",
             table, w, table, same);
    long long differ;
    if (count_sql(db, sql, NULL, &differ) != HYS_OK) return HYS_EIO;
    *foreign += differ;
    return HYS_OK;
}

/* Count the answers this bundle added (those after rowid before: answers
 * are only ever added) into the tally, one by one: the tally is small and
 * stays in the cache, which is 20 times faster than grouping them first.
 * HYS_OK, or HYS_EIO with err set. */
static hys_status count_new(sqlite3 *db, long long before, char *err, size_t errn)
{
    char sql[600];
    snprintf(sql, sizeof sql,
             "INSERT INTO tally SELECT a.form_id, a.question, a.status, a.kiosk_id, a.value,"
             " s.made, a.position, 1" /* (the day its session's bundle was made) */
             " FROM main.answers a JOIN main.sessions s USING(session_id) WHERE a.rowid > %lld"
             " ON CONFLICT DO UPDATE SET n = n + 1, position = min(position, excluded.position)",
             before);
    return run(db, sql, err, errn);
}

/* A bundle's rows are read within this long, or it is refused (a kiosk's
 * largest, 100,000 answers, takes about a second here). */
#define HYS_COLLECT_BUNDLE_SECONDS 120
/* No value in a bundle's database is longer (a kiosk's longest is a typed
 * answer, HYS_MAX_TEXT_ANSWER bytes). */
#define HYS_COLLECT_MAX_VALUE 100000

/* SQLite's progress handler: 1 (stop) once the bundle has taken too long. */
static int over_time(void *arg)
{
    const struct timespec *start = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec - start->tv_sec > HYS_COLLECT_BUNDLE_SECONDS;
}

/* Merge one checked bundle, whose database is the file data; a bundle whose
 * database disagrees with its manifest is rejected and leaves nothing behind.
 * Each bundle is one transaction: the database is attached (read-only and
 * immutable) and the rows are copied table by table, in bulk. */
static void merge(sqlite3 *db, found *b, const char *data, FILE *log, hys_collect_result *r)
{
    char err[300] = "", uri[13000];
    /* read-only and immutable: a journal left beside it on the stick can
     * never roll the signed file back into something else */
    size_t k = (size_t)snprintf(uri, sizeof uri, "file:");
    for (const char *p = data; *p && k + 4 < sizeof uri - 64; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("/._-", c))
            uri[k++] = (char)c;
        else
            k += (size_t)snprintf(uri + k, 4, "%%%02X", c);
    }
    snprintf(uri + k, sizeof uri - k, "?mode=ro&immutable=1");
    char *attach = sqlite3_mprintf("ATTACH %Q AS b", uri);
    if (!attach) snprintf(err, sizeof err, "out of memory");
    int ok = attach && run(db, attach, err, sizeof err) == HYS_OK;
    sqlite3_free(attach);
    int attached = ok;
    /* a kiosk's tables and their indexes, nothing that runs: a view (say a
     * recursive one), a trigger or a virtual table could make reading it
     * endless or huge */
    long long runs = 0;
    if (ok && (count_sql(db,
                         "SELECT count(*) FROM b.sqlite_master WHERE type NOT IN ('table', 'index')"
                         " OR sql LIKE 'CREATE VIRTUAL%'",
                         NULL, &runs) != HYS_OK ||
               runs != 0)) {
        snprintf(err, sizeof err,
                 "its data.sqlite holds views, triggers or virtual tables, which a kiosk's "
                 "never does");
        ok = 0;
    }
    /* every value at most HYS_COLLECT_MAX_VALUE bytes, and the bundle read
     * within HYS_COLLECT_BUNDLE_SECONDS (sqlite3_progress_handler) */
    int was_length = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, HYS_COLLECT_MAX_VALUE);
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    sqlite3_progress_handler(db, 100000, over_time, &start);
    ok = ok && run(db, "BEGIN", err, sizeof err) == HYS_OK;
    long long n = 0, answers = 0, foreign = 0, before = 0, sessions_before = 0;
    hys_status before_rc =
        ok ? count_sql(db, "SELECT coalesce(max(rowid), 0) FROM main.answers", NULL, &before)
           : HYS_OK;
    hys_status sessions_before_rc =
        ok ? count_sql(db, "SELECT coalesce(max(rowid), 0) FROM main.sessions", NULL,
                       &sessions_before)
           : HYS_OK;
    char made_sql[200]; /* (made: YYYY-MM-DD, as the manifest reader checked) */
    snprintf(made_sql, sizeof made_sql, "UPDATE main.sessions SET made = '%s' WHERE rowid > %lld",
             b->m.made, sessions_before);
    ok = ok && before_rc == HYS_OK && sessions_before_rc == HYS_OK &&
         /* only the forms (and their words) this bundle's own sessions answered */
         copy_rows(db, "forms", "form_hash,form_id,form_version,title", "form_hash",
                   "WHERE x.form_hash IN (SELECT form_hash FROM b.sessions)", "x.rowid", NULL,
                   b->m.kiosk_id, &n, &foreign) == HYS_OK &&
         copy_rows(db, "labels", "form_hash,question,choice,label", "form_hash,question,choice",
                   "WHERE x.form_hash IN (SELECT form_hash FROM b.sessions)", "x.rowid", NULL,
                   b->m.kiosk_id, &n, &foreign) == HYS_OK &&
         copy_rows(db, "sessions", "session_id,kiosk_id,form_hash,period,completed", "session_id",
                   "", "x.rowid", "kiosk_id", b->m.kiosk_id, &n, &foreign) == HYS_OK &&
         copy_rows(db, "answers",
                   "answer_id,session_id,kiosk_id,form_id,form_version,question,position,"
                   "value,status,language,period",
                   /* each session's answers together: sessions.csv reads them so */
                   "answer_id", "", "x.session_id, x.rowid", "kiosk_id", b->m.kiosk_id, &answers,
                   &foreign) == HYS_OK &&
         run(db, made_sql, err, sizeof err) == HYS_OK &&
         count_new(db, before, err, sizeof err) == HYS_OK;
    if (!ok && !err[0])
        snprintf(err, sizeof err, "its data.sqlite cannot be read: %s", sqlite3_errmsg(db));
    if (ok && (answers != b->m.answers || foreign != 0)) {
        snprintf(err, sizeof err, "%s",
                 foreign ? "its data.sqlite claims rows of another kiosk, or changes rows "
                           "already collected"
                         : "its data.sqlite does not hold what its manifest says");
        ok = 0;
    }
    if (ok) {
        char *sql = sqlite3_mprintf("INSERT OR REPLACE INTO kiosks VALUES(%Q, %Q)", b->m.kiosk_id,
                                    b->m.venue);
        if (!sql) snprintf(err, sizeof err, "out of memory");
        ok = sql && run(db, sql, err, sizeof err) == HYS_OK;
        sqlite3_free(sql);
    }
    char ignore[200];
    sqlite3_progress_handler(db, 0, NULL, NULL);
    if (attached) {
        if (!ok || run(db, "COMMIT", ignore, sizeof ignore) != HYS_OK) {
            run(db, "ROLLBACK", ignore, sizeof ignore);
            ok = 0;
        }
        run(db, "DETACH b", ignore, sizeof ignore);
    }
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, was_length);
    if (ok) {
        fprintf(log, "accepted %s: kiosk %s bundle %lld, %lld answers\n", b->path, b->m.kiosk_id,
                b->m.seq, b->m.answers);
    } else {
        fprintf(log, "rejected %s: unreadable: %s\n", b->path, err);
        b->ok = 0;
        r->rejected++, r->accepted--;
    }
}

/* The About sheet's sentence on how the collection's answers were checked. */
static const char *how_collected(const hys_collect_result *r, char *how, size_t n)
{
    snprintf(how, n,
             "Collected from %d bundle%s of %d kiosk%s. Each was checked before its answers were "
             "taken: signed with the key of a kiosk this computer trusts, every file as it was "
             "signed (SHA-256), and no bundle missing in each kiosk's numbering. %d bundle%s "
             "refused, %d missing (the collect log says which).",
             r->accepted, r->accepted == 1 ? "" : "s", r->kiosks, r->kiosks == 1 ? "" : "s",
             r->rejected, r->rejected == 1 ? " was" : "s were", r->gaps);
    return how;
}

/* Make a file of the collection in work from its database. */
static hys_status make(const char *work, const char *name, int which, char *err, size_t errn)
{
    char db[4300], path[4300];
    hys_path(db, sizeof db, work, "data.sqlite");
    hys_path(path, sizeof path, work, name);
    return which == 0   ? hys_report_answers_csv(db, path, err, errn)
           : which == 1 ? hys_report_sessions_csv(db, path, 1, err, errn)
           : which == 2 ? hys_report_free_text_csv(db, path, err, errn)
                        : hys_report_html(db, path, 1, err, errn);
}

/* Remove the working folders an earlier collect into out left there when it
 * was stopped (a stick pulled out, the power cut): ours by their name. */
static void tidy_work(const char *out)
{
    DIR *d = opendir(out);
    if (!d) return;
    char names[8][256];
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n < 8)
        if (!strncmp(de->d_name, ".collect-", 9) && strlen(de->d_name) < sizeof names[0])
            snprintf(names[n++], sizeof names[0], "%s", de->d_name);
    closedir(d);
    for (int i = 0; i < n; i++) {
        char path[4200], ignore[256];
        if (hys_path(path, sizeof path, out, names[i]) == HYS_OK) /* (a link: only it goes) */
            hys_dir_remove(path, ignore, sizeof ignore);
    }
}

/* The kiosks whose keys are not trusted, once each, with how to trust
 * them after comparing the fingerprint. */
static void list_unknown(const hys_trust *unknown, FILE *log)
{
    for (int i = 0; i < unknown->n; i++) {
        char line[300];
        hys_trust_line(unknown->e[i].kiosk_id, unknown->e[i].key, line, sizeof line);
        fprintf(log,
                "untrusted: kiosk %s: nothing of it was merged. If the fingerprint is the one "
                "its staff screen shows, trust it with:\n  haveyoursay trust %s\n",
                unknown->e[i].kiosk_id, line);
    }
}

hys_status hys_collect(const char *const *in, int nin, const char *out, const char *key,
                       const hys_trust *trust, FILE *log, hys_collect_result *r, char *err,
                       size_t errn)
{
    assert(in && nin > 0 && out && trust && log && r && err);
    memset(r, 0, sizeof *r);
    unsigned char pk[32], sk[32];
    if (key && hys_seal_load_key(key, pk, sk, err, errn) != HYS_OK) return HYS_EIO;
    hys_trust *unknown = hys_calloc(1, sizeof *unknown);
    if (!unknown) {
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    finder fd = {0};
    for (int i = 0; i < nin; i++) {
        struct stat sb;
        if (stat(in[i], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            snprintf(err, errn, "%s is not a folder", in[i]);
            for (int k = 0; k < fd.n; k++)
                hys_free(fd.b[k].path);
            hys_free(fd.b);
            hys_free(unknown);
            return HYS_ENOTFOUND;
        }
        find(&fd, in[i], 0);
    }
    if (fd.over)
        fprintf(log, "note: only the first %d bundles in the first %d folders were read\n",
                (int)HYS_MAX_BUNDLES, (int)HYS_MAX_FOLDERS);
    if (fd.n) qsort(fd.b, (size_t)fd.n, sizeof fd.b[0], by_path);
    for (int i = 0; i < fd.n; i++)
        check(&fd.b[i], key != NULL, trust, unknown, log, r);
    list_unknown(unknown, log);
    hys_free(unknown);
    if (fd.n) qsort(fd.b, (size_t)fd.n, sizeof fd.b[0], by_kiosk_seq);
    per_kiosk(fd.b, fd.n, log, r);

    /* the collection is made beside out and renamed into it; but on a stick
     * (FAT, or a FUSE driver: SQLite needs a file system that locks and
     * truncates) it is made in this computer's temporary folder and copied */
    char work[4096];
    hys_status rc = hys_dir_make(out, err, errn);
    struct statfs fs;
    int stick = rc || statfs(out, &fs) != 0 || fs.f_type == 0x4d44 /* FAT */ ||
                fs.f_type == 0x65735546 /* FUSE */ || fs.f_type == 0x2011BAB0 /* exFAT */;
    const char *tmpdir = getenv("TMPDIR");
    hys_path(work, sizeof work,
             !stick              ? out
             : tmpdir && *tmpdir ? tmpdir
                                 : "/tmp",
             ".collect-XXXXXX");
    if (!rc && !stick) tidy_work(out);
    int made = 0; /* (the working folder exists: it goes at the end) */
    if (!rc && !(made = mkdtemp(work) != NULL)) {
        snprintf(err, errn, "cannot make a working folder in %s: %s", work, strerror(errno));
        rc = HYS_EIO;
    }
    char dbpath[4300];
    hys_path(dbpath, sizeof dbpath, work, "data.sqlite");
    sqlite3 *db = NULL;
    if (!rc &&
        sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        NULL) != SQLITE_OK) {
        snprintf(err, errn, "cannot make %s: %s", dbpath, db ? sqlite3_errmsg(db) : "no memory");
        rc = HYS_EIO;
    }
    if (!rc) {
        /* bundles come from sticks: their databases are read defensively */
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
        if (run(db, schema, err, errn) != HYS_OK) rc = HYS_EIO;
    }
    for (int i = 0; !rc && i < fd.n; i++) {
        found *b = &fd.b[i];
        if (!b->ok) continue;
        char data[4300], sealed[4300], merr[300];
        if (!b->m.sealed) {
            hys_path(data, sizeof data, b->path, "data.sqlite");
            merge(db, b, data, log, r);
            continue;
        }
        /* opened into the working folder, merged, and gone again */
        hys_path(sealed, sizeof sealed, b->path, "data.sqlite.sealed");
        hys_path(data, sizeof data, work, "opened.sqlite");
        if (hys_seal_open(sealed, data, pk, sk, merr, sizeof merr) != HYS_OK) {
            fprintf(log, "rejected %s: unreadable: %s\n", b->path, merr);
            b->ok = 0;
            r->rejected++, r->accepted--;
            continue;
        }
        merge(db, b, data, log, r);
        unlink(data);
    }
    if (key) sodium_memzero(sk, sizeof sk);
    if (!rc) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM answers", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            r->answers = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    if (db && sqlite3_close(db) != SQLITE_OK && !rc) {
        snprintf(err, errn, "cannot finish %s", dbpath);
        rc = HYS_EIO;
    }
    static const char *const files[] = {"answers.csv", "sessions.csv", "free-text.csv",
                                        "report.html", "answers.xlsx", "data.sqlite"};
    char how[600];
    /* answers.xlsx on its own thread while the others are made */
    hys_report_job *wb = NULL;
    if (!rc) {
        char made_db[4300], path[4300];
        hys_path(made_db, sizeof made_db, work, "data.sqlite");
        hys_path(path, sizeof path, work, files[4]);
        wb = hys_report_workbook_begin(made_db, path, 1, how_collected(r, how, sizeof how));
    }
    for (int i = 0; !rc && i < 4; i++)
        rc = make(work, files[i], i, err, errn);
    if (wb) {
        char werr[512];
        hys_status wrc = hys_report_workbook_end(wb, werr, sizeof werr);
        if (!rc && wrc) rc = wrc, snprintf(err, errn, "%s", werr);
    }
    for (int i = 0; !rc && i < 6; i++)
        rc = stick ? hys_file_place(work, out, files[i], NULL, err, errn)
                   : hys_file_settle(work, out, files[i], err, errn);
    if (!rc) rc = hys_dir_sync(out, err, errn);
    char ignore[256];
    if (made) hys_dir_remove(work, ignore, sizeof ignore);
    for (int i = 0; i < fd.n; i++)
        hys_free(fd.b[i].path);
    hys_free(fd.b);
    return rc;
}

hys_status hys_export_combine(const char *data, const char *stick, hys_collect_result *r, char *err,
                              size_t errn)
{
    char top[4200], combined[4300];
    hys_path(top, sizeof top, stick, "HAVEYOURSAY");
    hys_path(combined, sizeof combined, top, "combined");
    if (!hys_dir_on(top, stick) || (access(combined, F_OK) == 0 && !hys_dir_on(combined, stick))) {
        snprintf(err, errn, "%s or %s is a link, not a folder on the stick", top, combined);
        return HYS_EFORMAT;
    }
    /* this kiosk's own key, and those its installer trusted on it */
    hys_trust *trust = hys_calloc(1, sizeof *trust);
    unsigned char sk[64];
    char pk[64], id[40], path[4200];
    hys_status rc = trust ? hys_manifest_key(data, sk, pk, err, errn) : HYS_ENOMEM;
    sodium_memzero(sk, sizeof sk);
    if (!rc) rc = hys_store_read_kiosk_id(data, id, err, errn);
    if (!rc && hys_trust_add(trust, id, pk, err, errn) != HYS_OK) rc = HYS_EFORMAT;
    hys_path(path, sizeof path, data, "trusted-kiosks");
    if (!rc) rc = hys_trust_load(trust, path, err, errn);
    if (!rc) {
        const char *in[1] = {top};
        FILE *quiet = fopen("/dev/null", "w");
        rc = hys_collect(in, 1, combined, NULL, trust, quiet ? quiet : stderr, r, err, errn);
        if (quiet) fclose(quiet);
    } else if (!trust) {
        snprintf(err, errn, "out of memory");
    }
    hys_free(trust);
    return rc;
}
