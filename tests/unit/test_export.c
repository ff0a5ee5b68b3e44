/* Tests for export and collect on real files: a kiosk's answers (a real
 * store) exported to a folder standing in for a stick (tests/export-fat32
 * does the same on a FAT32 file system), incrementally, with the chain of
 * manifests; a stick that cannot be written changes nothing; collect merges
 * each answer once, gives the same files when run twice or on overlapping
 * folders, and rejects tampered, unsigned and foreign-key bundles and
 * reports gaps. */
#include "check.h"

#include "export/enrol.h"
#include "export/export.h"
#include "export/files.h"
#include "export/json.h"
#include "export/manifest.h"
#include "export/report.h"
#include "export/seal.h"
#include "export/trust.h"
#include "store/store.h"

#include <dirent.h>
#include <sqlite3.h>
#include <time.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char top[256];
static const char *key; /* the secret key collect is given, or NULL */
static hys_trust trust; /* the kiosks collect trusts: each one export_to exported from */

/* A path under the test's folder (kept for the test's whole run). */
static const char *at(const char *rel)
{
    static char buf[128][512];
    static int k;
    k = (k + 1) % 128;
    if (snprintf(buf[k], sizeof buf[k], "%s/%s", top, rel) >= (int)sizeof buf[k]) abort();
    return buf[k];
}

static void sh(const char *fmt, const char *a, const char *b)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, fmt, a, b);
    CHECK(system(cmd) == 0);
}

/* n finished sessions of three answers, and one resident still answering. */
static const char *form_key;                    /* the question set's public_key, or NULL */
static const char *answered_day = "2025-06-02"; /* the day residents() answer on */
static int other_set; /* answers to a second question set using the same names */

static void residents(const char *data, int n, int open_one)
{
    char err[256];
    hys_store *s = hys_store_open(data, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    static const hys_store_label labels[] = {{"mood", "", "How do you feel?"},
                                             {"mood", "good", "Good"},
                                             {"mood", "bad", "Bad"},
                                             {"why", "", "Why?"}};
    static const hys_store_label other[] = {
        {"mood", "", "How is the weather?"}, {"mood", "good", "Sunny"}, {"mood", "bad", "Rainy"}};
    hys_store_form f = {"demo", "1", form_key ? "5ea1" : "f00d", "Demo", labels, 4, form_key};
    if (other_set) f = (hys_store_form){"weather", "1", "0add", "Weather", other, 3, NULL};
    hys_store_set_form(s, &f);
    for (int i = 0; i < n + open_one; i++) {
        char sid[40];
        snprintf(sid, sizeof sid, "%08x-0000-4000-8000-%012x", (unsigned)rand(), i);
        hys_store_session_begin(s, sid);
        hys_store_answer(s, sid, "mood", 0, i % 3 ? "good" : "bad", "answered", "en", 2);
        hys_store_answer(s, sid, "why", 1, i % 2 ? "=HYPERLINK(\"x\")" : "",
                         i % 2 ? "answered" : "skipped", "en", 3);
        hys_store_answer(s, sid, "extra", 2, "", "dont_understand", "pl", 1);
        if (i < n) hys_store_session_end(s, sid, 1);
    }
    hys_store_close(s);
    /* as if they had answered on answered_day: a collection's report
     * counts only days that are over */
    char today[32], db[600], *sql;
    hys_store_period(HYS_PERIOD_DAY, time(NULL), today);
    snprintf(db, sizeof db, "%s/answers.sqlite", data);
    sqlite3 *h = NULL;
    sql = sqlite3_mprintf("UPDATE sessions SET period = %Q || substr(period, 11)"
                          " WHERE period LIKE '%q%%';"
                          "UPDATE answers SET period = %Q || substr(period, 11)"
                          " WHERE period LIKE '%q%%';",
                          answered_day, today, answered_day, today);
    CHECK(sqlite3_open(db, &h) == SQLITE_OK && sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(h);
}

static long lines(const char *path)
{
    FILE *f = fopen(path, "r");
    long n = 0;
    int c;
    while (f && (c = fgetc(f)) != EOF)
        n += c == '\n';
    if (f) fclose(f);
    return n;
}

static int same_file(const char *a, const char *b)
{
    char ha[65] = "", hb[65] = "", err[256];
    return hys_file_sha256(a, ha, NULL, err, sizeof err) == HYS_OK &&
           hys_file_sha256(b, hb, NULL, err, sizeof err) == HYS_OK && !strcmp(ha, hb);
}

static int contains(const char *path, const char *what)
{
    char *text = NULL, err[256];
    size_t n;
    if (hys_file_read(path, 1 << 20, &text, &n, err, sizeof err)) return 0;
    int yes = strstr(text, what) != NULL;
    free(text);
    return yes;
}

static void collect_into(const char *out, const char *const *in, int nin, hys_collect_result *r,
                         char *log, size_t logn)
{
    char err[256];
    FILE *lf = fmemopen(log, logn, "w");
    CHECK(hys_collect(in, nin, out, key, &trust, lf, r, err, sizeof err) == HYS_OK);
    fclose(lf);
}

/* The kiosk whose data folder is data: its id and public key. */
static void identity(const char *data, char id[40], char pk[64])
{
    char err[256];
    unsigned char sk[64];
    CHECK(hys_store_read_kiosk_id(data, id, err, sizeof err) == HYS_OK);
    CHECK(hys_manifest_key(data, sk, pk, err, sizeof err) == HYS_OK);
}

/* An export as staff make one: to a stick enrolled on the kiosk, from a
 * kiosk the office trusts. */
static hys_status export_to(const hys_export_options *o, hys_export_result *r, char *err,
                            size_t errn)
{
    char id[40], pk[64];
    identity(o->data, id, pk);
    CHECK(hys_trust_add(&trust, id, pk, err, errn) == HYS_OK);
    hys_status rc = hys_enrol_stick(o->data, id, o->stick, err, errn);
    return rc ? rc : hys_export_bundle(o, r, err, errn);
}

/* The one bundle folder of the kiosk under stick with this sequence number. */
static int bundle_dir(const char *stick, long long seq, char *out, size_t n)
{
    char root[512];
    snprintf(root, sizeof root, "%s/HAVEYOURSAY", stick);
    DIR *d = opendir(root);
    struct dirent *de;
    int found = 0;
    while (d && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || !strcmp(de->d_name, "combined")) continue;
        char k[1024];
        snprintf(k, sizeof k, "%s/%s", root, de->d_name);
        DIR *kd = opendir(k);
        struct dirent *be;
        while (kd && (be = readdir(kd)) != NULL)
            if (atoll(be->d_name) == seq && be->d_name[0] != '.') {
                if (snprintf(out, n, "%s/%s", k, be->d_name) < (int)n) found++;
            }
        if (kd) closedir(kd);
    }
    if (d) closedir(d);
    return found == 1;
}

static void test_export(void)
{
    char err[512], b1[1024], b2[1024];
    const char *data = at("kiosk"), *stick = at("stick");
    long unexported = -1;
    mkdir(stick, 0700);
    residents(data, 5, 1);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 15);

    hys_export_options o = {data, stick, "Central Library", 0, NULL, NULL};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK);
    CHECK(!r.nothing_new && r.seq == 1 && r.answers == 15 && r.sessions == 5);
    CHECK(bundle_dir(stick, 1, b1, sizeof b1));
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 0);
    /* the files, and a manifest that checks out */
    char path[1200], *text = NULL;
    size_t n;
    snprintf(path, sizeof path, "%s/answers.csv", b1);
    CHECK(lines(path) == 16);
    FILE *bom = fopen(path, "rb"); /* (for Excel: UTF-8, whatever the local code page) */
    char first[4] = "";
    CHECK(bom && fread(first, 1, 3, bom) == 3 && !memcmp(first, HYS_REPORT_BOM, 3));
    if (bom) fclose(bom);
    snprintf(path, sizeof path, "%s/answers.xlsx", b1);
    CHECK(access(path, F_OK) == 0); /* (its sheets: tests/workbook) */
    snprintf(path, sizeof path, "%s/answers.csv", b1);
    /* words a resident typed stand apart from their session, time and
     * language: answers.csv and sessions.csv only point to free-text.csv */
    CHECK(contains(path, "," HYS_REPORT_FREE_TEXT ",answered,en,") && !contains(path, "HYPERLINK"));
    snprintf(path, sizeof path, "%s/sessions.csv", b1);
    CHECK(lines(path) == 6);
    CHECK(contains(path, "session_id,kiosk_id,period,completed,mood,why,extra"));
    CHECK(!contains(path, "HYPERLINK"));
    snprintf(path, sizeof path, "%s/free-text.csv", b1);
    CHECK(lines(path) == 3 && contains(path, "form_id,question,text\r\n"));
    CHECK(contains(path, "demo,why,\"'=HYPERLINK(\"\"x\"\")\"")); /* never a formula in Excel */
    snprintf(path, sizeof path, "%s/report.html", b1);
    CHECK(contains(path, "How do you feel?") && contains(path, "fewer than 5"));
    /* five people answered: how they answered is not shown at all */
    CHECK(contains(path, "Fewer than 10 people answered this question") && !contains(path, "<svg"));
    CHECK(!contains(path, "<script") && !contains(path, "http"));
    snprintf(path, sizeof path, "%s/manifest.json", b1);
    CHECK(hys_file_read(path, 65536, &text, &n, err, sizeof err) == HYS_OK);
    hys_manifest m;
    CHECK(text && hys_manifest_read(text, n, &m, err, sizeof err) == HYS_MANIFEST_OK);
    CHECK(m.seq == 1 && m.answers == 15 && m.nfiles == 6 && !m.prev[0]);
    CHECK_STR(m.venue, "Central Library");
    free(text);
    char sha1[65];
    CHECK(hys_file_sha256(path, sha1, NULL, err, sizeof err) == HYS_OK);
    /* the signing key stays in the data folder, 0600, and nowhere on the stick */
    struct stat sb;
    CHECK(stat(at("kiosk/signing.key"), &sb) == 0 && (sb.st_mode & 0077) == 0);

    /* nothing new: nothing written */
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.nothing_new);
    /* the resident who was answering finishes after a restart: export 2
     * takes them and names export 1's manifest */
    residents(data, 2, 0);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK &&
          unexported == 9); /* 2 new, and the one ended by the restart */
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.seq == 2 && r.answers == 9);
    CHECK(bundle_dir(stick, 2, b2, sizeof b2));
    snprintf(path, sizeof path, "%s/manifest.json", b2);
    CHECK(hys_file_read(path, 65536, &text, &n, err, sizeof err) == HYS_OK);
    CHECK(text && hys_manifest_read(text, n, &m, err, sizeof err) == HYS_MANIFEST_OK);
    CHECK_STR(m.prev, sha1);
    free(text);

    /* a stick that cannot be written: a clear message, nothing marked */
    residents(data, 1, 0);
    const char *bad = at("badstick");
    sh("touch %s && true %s", bad, "");
    hys_export_options ob = {data, bad, NULL, 0, NULL, NULL};
    CHECK(export_to(&ob, &r, err, sizeof err) != HYS_OK);
    CHECK(strstr(err, "badstick") != NULL);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 3);
    /* an export cut off half-way left a folder with no manifest: it is not a
     * bundle, and the next export clears it */
    char part[1200];
    snprintf(part, sizeof part, "%s", b1);
    *strrchr(part, '/') = 0; /* the kiosk's folder on the stick */
    strcat(part, "/000003-20990101");
    CHECK(hys_dir_make(part, err, sizeof err) == HYS_OK);
    sh("echo half > %s/answers.csv.part%s", part, "");
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.seq == 3 && r.answers == 3);
    CHECK(access(part, F_OK) != 0);
    /* a link on the stick, named like an unfinished bundle, pointing at the
     * kiosk's own files: the next export removes the link, never what it
     * points at */
    residents(data, 1, 0);
    char link[1200], victim[600];
    snprintf(victim, sizeof victim, "%s", at("victim"));
    CHECK(hys_dir_make(victim, err, sizeof err) == HYS_OK);
    sh("touch %s/precious%s", victim, "");
    snprintf(link, sizeof link, "%s", b1);
    *strrchr(link, '/') = 0;
    strcat(link, "/000007-20990101");
    CHECK(symlink(victim, link) == 0);
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 3);
    snprintf(path, sizeof path, "%s/precious", victim);
    CHECK(access(path, F_OK) == 0);
    /* a full re-export sends everything again, as bundle 5 */
    hys_export_options of = {data, stick, "Central Library", 1, NULL, NULL};
    CHECK(export_to(&of, &r, err, sizeof err) == HYS_OK && r.seq == 5 && r.answers == 30);
}

/* Sign the bundle in dir again with the key kept in key_dir (made when
 * missing), as someone with their own key would; when db is not NULL, its
 * data.sqlite changed first and the manifest takes its new hash. */
static void resign(const char *dir, const char *key_dir, const char *db)
{
    char err[512], man[1300], *text = NULL;
    size_t n;
    hys_manifest m;
    snprintf(man, sizeof man, "%s/manifest.json", dir);
    CHECK(hys_file_read(man, 65536, &text, &n, err, sizeof err) == HYS_OK);
    CHECK(text && hys_manifest_read(text, n, &m, err, sizeof err) == HYS_MANIFEST_OK);
    free(text);
    for (int i = 0; db && i < m.nfiles; i++)
        if (!strcmp(m.files[i].name, "data.sqlite"))
            CHECK(hys_file_sha256(db, m.files[i].sha256, &m.files[i].bytes, err, sizeof err) ==
                  HYS_OK);
    unsigned char sk[64];
    char pk[64];
    CHECK(hys_dir_make(key_dir, err, sizeof err) == HYS_OK);
    CHECK(hys_manifest_key(key_dir, sk, pk, err, sizeof err) == HYS_OK);
    snprintf(m.public_key, sizeof m.public_key, "%s", pk);
    CHECK(hys_manifest_write(man, &m, sk, err, sizeof err) == HYS_OK);
}

/* The bundle in dir, as if made on day (signed again with the key of the
 * kiosk whose data folder is data): a collection's report counts only
 * bundles made on days that are over. */
static void redate(const char *dir, const char *data, const char *day)
{
    char man[1200], *text = NULL, err[512], pk[64];
    size_t n;
    hys_manifest m;
    unsigned char sk[64];
    snprintf(man, sizeof man, "%s/manifest.json", dir);
    CHECK(hys_file_read(man, 65536, &text, &n, err, sizeof err) == HYS_OK);
    CHECK(text && hys_manifest_read(text, n, &m, err, sizeof err) == HYS_MANIFEST_OK);
    free(text);
    snprintf(m.made, sizeof m.made, "%s", day);
    CHECK(hys_manifest_key(data, sk, pk, err, sizeof err) == HYS_OK);
    CHECK(hys_manifest_write(man, &m, sk, err, sizeof err) == HYS_OK);
}

/* Every bundle of the kiosk in data on stick, as if made on day. */
static void made_on(const char *stick, const char *data, const char *day)
{
    char b[1024];
    for (long long seq = 1; bundle_dir(stick, seq, b, sizeof b); seq++)
        redate(b, data, day);
}

static void test_collect(void)
{
    char log[8192], b1[1024], b2[1024];
    hys_collect_result r;
    const char *stick = at("stick");
    made_on(stick, at("kiosk"), "2025-06-03");
    const char *in1[] = {stick};
    collect_into(at("out1"), in1, 1, &r, log, sizeof log);
    CHECK(r.accepted == 5 && r.rejected == 0 && r.gaps == 0 && r.kiosks == 1);
    CHECK(r.answers == 30); /* the full re-export adds nothing twice */
    CHECK(lines(at("out1/answers.csv")) == 31);
    CHECK(contains(at("out1/report.html"), "Central Library"));
    /* again, and with the same stick twice and a copy of it: the same files */
    sh("cp -r %s %s", stick, at("copy"));
    const char *in2[] = {stick, at("copy"), stick};
    collect_into(at("out2"), in2, 3, &r, log, sizeof log);
    CHECK(r.accepted == 5 && r.rejected == 0 && r.gaps == 0 && r.answers == 30);
    static const char *const names[] = {"answers.csv", "sessions.csv", "report.html",
                                        "data.sqlite"};
    for (int i = 0; i < 4; i++) {
        char a[600], b[600];
        snprintf(a, sizeof a, "out1/%s", names[i]);
        snprintf(b, sizeof b, "out2/%s", names[i]);
        CHECK(same_file(at(a), at(b)));
    }
    /* a second kiosk's stick joins in */
    const char *data2 = at("kiosk2"), *stick2 = at("stick2");
    mkdir(stick2, 0700);
    residents(data2, 4, 0);
    hys_export_options o2 = {data2, stick2, "Youth Club", 0, NULL, NULL};
    hys_export_result er;
    char err[512];
    CHECK(export_to(&o2, &er, err, sizeof err) == HYS_OK);
    made_on(stick2, data2, "2025-06-03");
    const char *in3[] = {stick, stick2};
    collect_into(at("out3"), in3, 2, &r, log, sizeof log);
    CHECK(r.accepted == 6 && r.kiosks == 2 && r.answers == 42);
    CHECK(contains(at("out3/report.html"), "Youth Club"));
    /* each question venue by venue */
    CHECK(contains(at("out3/report.html"), "<table><tr><th>Venue</th><th>Good</th><th>Bad</th>"));
    CHECK(contains(at("out3/report.html"), "<tr><td>Youth Club</td><td>fewer than 5</td>"));
    /* ... and the other venue's count in that column is not shown: with the
     * chart's total it would give the small one away */
    CHECK(contains(at("out3/report.html"), "<tr><td>Central Library</td><td>not shown</td>"));
    /* a second question set using the same question names: each keeps its
     * own words in the report */
    const char *data5 = at("kiosk5"), *stick5 = at("stick5");
    mkdir(stick5, 0700);
    other_set = 1;
    residents(data5, 10, 0); /* (10: a question answered by fewer shows no breakdown) */
    other_set = 0;
    hys_export_options o5 = {data5, stick5, "Park", 0, NULL, NULL};
    CHECK(export_to(&o5, &er, err, sizeof err) == HYS_OK);
    made_on(stick5, data5, "2025-06-03");
    const char *in35[] = {stick, stick5};
    collect_into(at("out35"), in35, 2, &r, log, sizeof log);
    CHECK(contains(at("out35/report.html"), "How do you feel?") &&
          contains(at("out35/report.html"), "How is the weather?") &&
          contains(at("out35/report.html"), "Sunny") &&
          contains(at("out35/report.html"), ">Weather</h1>"));

    /* tampering: a changed answer, a changed count, a removed signature */
    const char *t = at("tampered");
    sh("cp -r %s %s", stick, t);
    CHECK(bundle_dir(t, 1, b1, sizeof b1) && bundle_dir(t, 2, b2, sizeof b2));
    sh("sed -i 's/,good,/,bad,/' %s/answers.csv%s", b1, "");
    sh("sed -i 's/\"answers\": 9/\"answers\": 90/' %s/manifest.json%s", b2, "");
    const char *in4[] = {t};
    collect_into(at("out4"), in4, 1, &r, log, sizeof log);
    /* (a manifest changed after signing says nothing it claims, its number
     * neither: bundle 2 is missing) */
    CHECK(r.rejected == 2 && r.accepted == 3 && r.gaps == 1);
    CHECK(strstr(log, "tampered: a file differs") && strstr(log, "tampered: the signature"));
    char unsigned_[1200];
    CHECK(bundle_dir(t, 3, unsigned_, sizeof unsigned_));
    sh("sed -i '/\"signature\"/d; s/\"public_key\": \\(.*\\),$/\"public_key\": \\1/' "
       "%s/manifest.json%s",
       unsigned_, "");
    collect_into(at("out5"), in4, 1, &r, log, sizeof log);
    CHECK(r.rejected == 3 && strstr(log, "unsigned") != NULL);

    /* a lost bundle: the numbers have a gap, the rest still merge */
    const char *g = at("gap");
    sh("cp -r %s %s", stick, g);
    CHECK(bundle_dir(g, 2, b2, sizeof b2));
    sh("rm -r %s%s", b2, "");
    const char *in5[] = {g};
    collect_into(at("out6"), in5, 1, &r, log, sizeof log);
    CHECK(r.gaps == 1 && r.rejected == 0 && r.accepted == 4);
    CHECK(strstr(log, "has no bundle 2") != NULL);

    /* a bundle re-signed with another key under this kiosk's name */
    const char *f = at("forged");
    sh("cp -r %s %s", stick, f);
    CHECK(bundle_dir(f, 3, b1, sizeof b1));
    resign(b1, at("thief"), NULL);
    const char *in6[] = {f};
    collect_into(at("out7"), in6, 1, &r, log, sizeof log);
    /* the forged one alone is refused: the genuine ones are all merged,
     * and the number it claims hides no gap */
    CHECK(r.rejected == 1 && r.accepted == 4 && r.answers == 30);
    CHECK(strstr(log, "forged: it names kiosk") != NULL && r.untrusted == 0);
    CHECK(r.gaps == 1 && strstr(log, "has no bundle 3") != NULL);
}

/* A question set with a public key: the answer files are sealed to it, no
 * report is written, and only collect --key opens them. */
static void test_sealed(void)
{
    char err[512], b[1024], pk[64];
    const char *data = at("kiosk3"), *stick = at("stick3"), *secret = at("office.key");
    mkdir(stick, 0700);
    CHECK(hys_seal_keygen(secret, pk, err, sizeof err) == HYS_OK);
    /* the key comes with the question set (settings public_key) and stays
     * with its answers in the store */
    form_key = pk;
    residents(data, 3, 0);
    form_key = NULL;
    CHECK(hys_seal_keygen(secret, pk, err, sizeof err) != HYS_OK); /* never overwritten */
    struct stat sb;
    CHECK(stat(secret, &sb) == 0 && (sb.st_mode & 0077) == 0);
    hys_export_options o = {data, stick, "Surgery", 0, NULL, NULL};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 9);
    CHECK(bundle_dir(stick, 1, b, sizeof b));
    char path[1200];
    snprintf(path, sizeof path, "%s/report.html", b);
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/answers.xlsx", b); /* (made at the office, by collect) */
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/answers.csv", b);
    CHECK(access(path, F_OK) != 0);
    snprintf(path, sizeof path, "%s/answers.csv.sealed", b);
    CHECK(access(path, F_OK) == 0 && !contains(path, "HYPERLINK") && !contains(path, "mood"));
    /* without the key: rejected, saying why; with it: every answer */
    char log[8192];
    hys_collect_result cr;
    const char *in[] = {stick};
    collect_into(at("out8"), in, 1, &cr, log, sizeof log);
    CHECK(cr.rejected == 1 && strstr(log, "sealed: give the secret key") != NULL);
    key = secret;
    collect_into(at("out9"), in, 1, &cr, log, sizeof log);
    CHECK(cr.accepted == 1 && cr.rejected == 0 && cr.answers == 9);
    CHECK(lines(at("out9/answers.csv")) == 10);
    /* the wrong key opens nothing */
    char pk2[64];
    CHECK(hys_seal_keygen(at("other.key"), pk2, err, sizeof err) == HYS_OK);
    key = at("other.key");
    collect_into(at("out10"), in, 1, &cr, log, sizeof log);
    CHECK(cr.rejected == 1 && strstr(log, "not sealed for this key") != NULL);
    key = NULL;
}

/* A few bytes on a stick must not jam collect (nor the kiosk's combined
 * report): a manifest claiming bundle 999999999999999999, unsigned, from
 * no kiosk or from the real one, once sent the gap count round for ever. */
static void test_jam_manifests(void)
{
    char log[16384], real_id[300] = "";
    const char *jam = at("jam");
    sh("cp -r %s %s", at("stick"), jam);
    /* the real kiosk's id, from its folder on the stick */
    DIR *d = opendir(at("jam/HAVEYOURSAY"));
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL)
        if (strlen(de->d_name) == 36) snprintf(real_id, sizeof real_id, "%s", de->d_name);
    if (d) closedir(d);
    CHECK(real_id[0] != 0);
    static const char *const texts[] = {
        "{\"kiosk_id\": \"k\", \"sequence\": 999999999999999999}",
        "{\"kiosk_id\": \"%s\", \"sequence\": 999999999999999999}",
        "{\"kiosk_id\": \"%s\", \"sequence\": 900000}",
    };
    for (int i = 0; i < 3; i++) {
        char dir[600], file[700], text[600];
        snprintf(dir, sizeof dir, "%s/HAVEYOURSAY/x%d", jam, i);
        mkdir(dir, 0700);
        snprintf(file, sizeof file, "%s/manifest.json", dir);
        snprintf(text, sizeof text, texts[i], real_id);
        FILE *f = fopen(file, "w");
        CHECK(f != NULL);
        if (f) fputs(text, f), fclose(f);
    }
    hys_collect_result r;
    const char *in[] = {jam};
    double t0 = (double)clock() / CLOCKS_PER_SEC;
    collect_into(at("jam-out"), in, 1, &r, log, sizeof log);
    double took = (double)clock() / CLOCKS_PER_SEC - t0;
    CHECK(took < 5.0);
    CHECK(r.accepted == 5 && r.rejected == 3 && r.answers == 30);
    /* an unsigned claim counts for nothing: no gap is made up, none hidden */
    CHECK(r.gaps == 0 && strstr(log, "has no bundle") == NULL);
}

/* A stick made hostile where the next bundle goes: a FIFO named like the
 * part files an export writes (opening it to write would wait for ever),
 * then the bundle folder a link to a folder off the stick (nothing may be
 * removed or written through it). */
static void test_hostile_bundle_folder(void)
{
    char err[512], b1[1024], next[1100];
    const char *data = at("hostile-kiosk"), *stick = at("hostile-stick");
    long unexported = -1;
    mkdir(stick, 0700);
    residents(data, 2, 0);
    hys_export_options o = {data, stick, NULL, 0, NULL, NULL};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.seq == 1);
    CHECK(bundle_dir(stick, 1, b1, sizeof b1));
    /* the next bundle's folder: the same name with 000002 */
    snprintf(next, sizeof next, "%s", b1);
    char *num = strstr(next, "/000001-");
    CHECK(num != NULL);
    if (!num) return;
    memcpy(num + 1, "000002", 6);
    mkdir(next, 0700);
    static const char *const fifos[] = {"data.sqlite.part", "answers.csv.part",
                                        "manifest.json.part"};
    for (int i = 0; i < 3; i++) {
        char f[1200];
        snprintf(f, sizeof f, "%s/%s", next, fifos[i]);
        CHECK(mkfifo(f, 0600) == 0);
    }
    residents(data, 2, 0);
    alarm(30); /* (the old code waited here for ever) */
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.seq == 2 && r.answers == 6);
    alarm(0);
    struct stat sb;
    char f[1200];
    snprintf(f, sizeof f, "%s/data.sqlite", next);
    CHECK(stat(f, &sb) == 0 && S_ISREG(sb.st_mode));
    /* bundle 3's folder: a link to a folder off the stick holding a file */
    const char *outside = at("outside");
    mkdir(outside, 0700);
    char victim[600], link3[1100];
    snprintf(victim, sizeof victim, "%s/manifest.json", outside);
    FILE *vf = fopen(victim, "w");
    CHECK(vf != NULL);
    if (vf) fputs("mine", vf), fclose(vf);
    snprintf(link3, sizeof link3, "%s", next);
    memcpy(strstr(link3, "/000002-") + 1, "000003", 6);
    CHECK(symlink(outside, link3) == 0);
    residents(data, 1, 0);
    CHECK(export_to(&o, &r, err, sizeof err) != HYS_OK);
    CHECK(strstr(err, "is a link, not a folder on the stick") != NULL);
    CHECK(stat(victim, &sb) == 0 && sb.st_size == 4); /* untouched */
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK &&
          unexported == 3); /* nothing marked exported */
}

/* A bundle signed with a trusted kiosk's own key whose data.sqlite was made to
 * hurt: sql runs on a copy of a real bundle's database, the manifest is
 * signed again, and collect must refuse it at once, for why. */
static void hostile_database(const char *name, const char *sql, const char *why)
{
    char src[1024], dir[1200], db[1300], log[8192];
    CHECK(bundle_dir(at("stick"), 1, src, sizeof src));
    const char *stick = at(name);
    const char *kiosk = strrchr(src, '/') - 36;
    snprintf(dir, sizeof dir, "%s/HAVEYOURSAY/%.36s", stick, kiosk);
    sh("mkdir -p %s%s", dir, "");
    sh("cp -r %s %s", src, dir);
    snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "%s", strrchr(src, '/'));
    snprintf(db, sizeof db, "%s/data.sqlite", dir);
    sh("sqlite3 %s \"%s\"", db, sql);
    resign(dir, at("kiosk"), db); /* (the kiosk's own key: taken from it) */
    hys_collect_result r;
    const char *in[] = {stick};
    char out[300];
    snprintf(out, sizeof out, "%s-out", name);
    alarm(60); /* (a recursive view read for ever) */
    collect_into(at(out), in, 1, &r, log, sizeof log);
    alarm(0);
    CHECK(r.rejected == 1 && r.accepted == 0 && strstr(log, why) != NULL);
    if (!strstr(log, why)) fprintf(stderr, "test_export: %s: %s", name, log);
}

static void test_hostile_databases(void)
{
    /* answers a recursive view that never ends */
    hostile_database("db-view",
                     "ALTER TABLE answers RENAME TO real_answers; CREATE VIEW answers AS "
                     "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                     "SELECT a.* FROM r, real_answers a",
                     "holds views, triggers or virtual tables");
    /* a trigger */
    hostile_database("db-trigger",
                     "CREATE TRIGGER t AFTER INSERT ON answers BEGIN DELETE FROM answers; END",
                     "holds views, triggers or virtual tables");
    /* an answer of 5 MB (a kiosk's are at most a few hundred bytes) */
    hostile_database("db-huge", "UPDATE answers SET value = printf('%.5000000c', 'x')",
                     "cannot be read");
}

/* A stranger's stick gets nothing: one with an empty HAVEYOURSAY folder,
 * one holding another kiosk's token in this kiosk's folder, one enrolled
 * before the kiosk forgot its sticks; nothing is marked exported, nothing
 * written. */
static void test_stranger_sticks(void)
{
    char err[512], id[40], pk[64], id2[40], pk2[64], dir[700];
    const char *data = at("door-kiosk"), *stick = at("stranger");
    long unexported = -1;
    residents(data, 3, 0);
    identity(data, id, pk);
    identity(at("kiosk2"), id2, pk2);
    snprintf(dir, sizeof dir, "%s/HAVEYOURSAY", stick);
    CHECK(hys_dir_make(dir, err, sizeof err) == HYS_OK);
    hys_export_options o = {data, stick, NULL, 0, NULL, NULL};
    hys_export_result r;
    CHECK(hys_export_bundle(&o, &r, err, sizeof err) == HYS_EDENIED);
    CHECK(strstr(err, "not enrolled") != NULL);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 9);
    /* another kiosk's token, put where this kiosk's would be (on a kiosk
     * that has enrolled a stick of its own) */
    mkdir(at("own-stick"), 0700);
    mkdir(at("other-stick"), 0700);
    CHECK(hys_enrol_stick(data, id, at("own-stick"), err, sizeof err) == HYS_OK);
    const char *other = at("other-stick");
    CHECK(hys_enrol_stick(at("kiosk2"), id2, other, err, sizeof err) == HYS_OK);
    snprintf(dir, sizeof dir, "%s/HAVEYOURSAY/%s", stick, id);
    CHECK(hys_dir_make(dir, err, sizeof err) == HYS_OK);
    sh("cp %s/HAVEYOURSAY/*/stick.key %s/", other, dir);
    CHECK(hys_export_bundle(&o, &r, err, sizeof err) == HYS_EDENIED);
    CHECK(strstr(err, "not made by this kiosk") != NULL);
    /* the only thing on the stick is what the stranger put there */
    sh("test \"$(find %s -type f | wc -l)\" = 1%s", stick, "");
    /* enrolled, then every stick forgotten: refused again */
    CHECK(hys_enrol_stick(data, id, stick, err, sizeof err) == HYS_OK);
    CHECK(hys_enrol_check(data, id, stick, err, sizeof err) == HYS_OK);
    CHECK(hys_enrol_forget_all(data, err, sizeof err) == HYS_OK);
    CHECK(hys_export_bundle(&o, &r, err, sizeof err) == HYS_EDENIED);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 9);
    /* enrolled again: it takes the answers */
    CHECK(hys_enrol_stick(data, id, stick, err, sizeof err) == HYS_OK);
    CHECK(hys_export_bundle(&o, &r, err, sizeof err) == HYS_OK && r.answers == 9);
    CHECK(hys_store_unexported(data, &unexported) == HYS_OK && unexported == 0);
}

/* Forged answers from a made-up kiosk naming a real venue: nothing merged,
 * listed with the command that would trust it; and a trusted kiosk whose
 * bundle gives another kiosk's form other words renames nobody's answers. */
#define MADE_UP "00000000-0000-4000-8000-000000000bad"
static void test_untrusted_and_relabelled(void)
{
    char log[16384], b1[1024], dir[1200];
    const char *f = at("made-up");
    sh("cp -r %s %s", at("stick"), f);
    CHECK(bundle_dir(f, 1, b1, sizeof b1));
    /* the bundle moves to a made-up kiosk and is signed with its own key */
    snprintf(dir, sizeof dir, "%s/HAVEYOURSAY/" MADE_UP, f);
    sh("mkdir -p %s%s", dir, "");
    sh("cp -r %s %s/", b1, dir);
    char real[1024];
    snprintf(real, sizeof real, "%s", b1);
    *strrchr(real, '/') = 0;
    sh("rm -r %s%s", real, "");
    char moved[1300];
    snprintf(moved, sizeof moved, "%s%s", dir, strrchr(b1, '/'));
    char man[1400], *text = NULL, err[512];
    size_t n;
    hys_manifest m;
    snprintf(man, sizeof man, "%s/manifest.json", moved);
    CHECK(hys_file_read(man, 65536, &text, &n, err, sizeof err) == HYS_OK);
    CHECK(text && hys_manifest_read(text, n, &m, err, sizeof err) == HYS_MANIFEST_OK);
    free(text);
    snprintf(m.kiosk_id, sizeof m.kiosk_id, MADE_UP);
    unsigned char sk[64];
    char pk[64];
    CHECK(hys_dir_make(at("forger"), err, sizeof err) == HYS_OK);
    CHECK(hys_manifest_key(at("forger"), sk, pk, err, sizeof err) == HYS_OK);
    snprintf(m.public_key, sizeof m.public_key, "%s", pk);
    CHECK(hys_manifest_write(man, &m, sk, err, sizeof err) == HYS_OK);
    hys_collect_result r;
    const char *in[] = {f, at("stick2")};
    collect_into(at("made-up-out"), in, 2, &r, log, sizeof log);
    CHECK(r.untrusted == 1 && r.rejected == 1 && r.accepted == 1 && r.answers == 12);
    if (r.untrusted != 1) fprintf(stderr, "%s", log);
    CHECK(strstr(log, "haveyoursay trust kiosk " MADE_UP " key ") != NULL);
    CHECK(!contains(at("made-up-out/report.html"), "Central Library"));

    /* kiosk2 (trusted) answers the same form (the same hash) and says its
     * "good" is "Awful": with kiosk 1's answers beside it, the report still
     * says "Good", and kiosk 1's answers keep their own words */
    const char *rl = at("relabel");
    sh("cp -r %s %s", at("stick2"), rl);
    CHECK(bundle_dir(rl, 1, b1, sizeof b1));
    char db[1200];
    snprintf(db, sizeof db, "%s/data.sqlite", b1);
    sh("sqlite3 %s \"UPDATE labels SET label = 'Awful' WHERE label = 'Good'\"%s", db, "");
    resign(b1, at("kiosk2"), db);
    const char *in2[] = {at("stick"), rl};
    collect_into(at("relabel-out"), in2, 2, &r, log, sizeof log);
    CHECK(r.rejected == 0 && r.accepted == 6);
    CHECK(contains(at("relabel-out/report.html"), "<th>Good</th>"));
    CHECK(!contains(at("relabel-out/report.html"), "Awful"));
    sh("test \"$(sqlite3 %s/relabel-out/data.sqlite \"SELECT label FROM labels WHERE choice='good' "
       "ORDER BY label\" | tr '\\n' ' ')\" = 'Awful Good '%s",
       top, "");
}

/* Folders made to exhaust: 2,000 deep where an unfinished bundle would be
 * (the export removes it, without recursion), and 30,000 empty ones beside
 * the bundles (collect looks in at most HYS_MAX_FOLDERS, and says so). */
static void test_folder_bombs(void)
{
    char err[512], b1[1024], deep[1200];
    const char *data = at("bomb-kiosk"), *stick = at("bomb-stick");
    mkdir(stick, 0700);
    residents(data, 2, 0);
    hys_export_options o = {data, stick, NULL, 0, NULL, NULL};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK);
    CHECK(bundle_dir(stick, 1, b1, sizeof b1));
    snprintf(deep, sizeof deep, "%s", b1);
    memcpy(strstr(deep, "/000001-") + 1, "000009", 6);
    CHECK(mkdir(deep, 0700) == 0);
    int fd = open(deep, O_RDONLY | O_DIRECTORY);
    for (int i = 0; fd >= 0 && i < 2000; i++) {
        CHECK(mkdirat(fd, "d", 0700) == 0);
        int sub = openat(fd, "d", O_RDONLY | O_DIRECTORY);
        close(fd);
        fd = sub;
    }
    if (fd >= 0) close(fd);
    residents(data, 1, 0);
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 3);
    CHECK(access(deep, F_OK) != 0);
    /* 30,000 empty folders */
    char many[1200];
    snprintf(many, sizeof many, "%s/HAVEYOURSAY/many", stick);
    sh("mkdir -p %s && cd %s && seq 1 30000 | xargs mkdir", many, many);
    char log[8192];
    hys_collect_result cr;
    const char *in[] = {stick};
    alarm(60);
    collect_into(at("bomb-out"), in, 1, &cr, log, sizeof log);
    alarm(0);
    CHECK(strstr(log, "folders were read") != NULL);
}

/* Two reports of a growing collection differ only by whole days that are
 * over, at least 10 people at a time: days with 4, 7 and 3 people, and
 * some today, count the first two days (11 people); the rest wait, and the
 * report says so. With 7 more on a fourth day, 21 are counted. */
static void test_release(void)
{
    char err[512], log[8192], today[32];
    const char *data = at("release-kiosk"), *stick = at("release-stick");
    const char *in[] = {stick};
    hys_collect_result cr;
    mkdir(stick, 0700);
    hys_store_period(HYS_PERIOD_DAY, time(NULL), today);
    /* each day's people, exported that day */
    static const struct {
        const char *day;
        int people;
    } days[] = {{"2025-07-01", 4}, {"2025-07-02", 7}, {"2025-07-03", 3}, {NULL, 5}};
    hys_export_options o = {data, stick, "Library", 0, NULL, NULL};
    hys_export_result r;
    for (int i = 0; i < 4; i++) {
        answered_day = days[i].day ? days[i].day : today;
        residents(data, days[i].people, 0);
        CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK);
        char b[1024];
        CHECK(bundle_dir(stick, r.seq, b, sizeof b));
        if (days[i].day) redate(b, data, days[i].day);
    }
    collect_into(at("release-out1"), in, 1, &cr, log, sizeof log);
    CHECK(cr.answers == 19 * 3);
    const char *html = at("release-out1/report.html");
    CHECK(contains(html, "People who answered: 11. From 2025-07-01 ") &&
          contains(html, "to 2025-07-02 "));
    CHECK(contains(html, "<p>8 people whose answers left their kiosks on 2025-07-03 or later are "
                         "not counted here yet."));
    /* a kiosk that exported late: answers of 2025-07-01 in a bundle made
     * on 2025-07-04, with 6 more: a new block with the third day's 3, never
     * a change to the first day's */
    answered_day = "2025-07-01";
    residents(data, 7, 0);
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK);
    char late[1024];
    CHECK(bundle_dir(stick, r.seq, late, sizeof late));
    redate(late, data, "2025-07-04");
    collect_into(at("release-out2"), in, 1, &cr, log, sizeof log);
    html = at("release-out2/report.html");
    CHECK(contains(html, "People who answered: 21. From 2025-07-01 "));
    CHECK(contains(html, "<p>5 people whose answers left their kiosks on "));
    answered_day = "2025-06-02";
}

/* What counts as words a resident typed: anything but a short number. An
 * age stays in answers.csv; a telephone number and a date of birth go to
 * free-text.csv, away from their session. */
static void test_free_text(void)
{
    char err[512], b[1024], path[1200];
    const char *data = at("typed-kiosk"), *stick = at("typed-stick");
    mkdir(stick, 0700);
    hys_store *st = hys_store_open(data, HYS_PERIOD_DAY, err, sizeof err);
    CHECK(st != NULL);
    if (!st) return;
    static const hys_store_label labels[] = {
        {"age", "", "How old are you?"}, {"phone", "", "Phone?"}, {"dob", "", "Born?"}};
    hys_store_form f = {"typed", "1", "7e57", "Typed", labels, 3, NULL};
    hys_store_set_form(st, &f);
    const char *sid = "00000000-0000-4000-8000-00000000beef";
    hys_store_session_begin(st, sid);
    hys_store_answer(st, sid, "age", 0, "42", "answered", "en", 1);
    hys_store_answer(st, sid, "phone", 1, "07700900123", "answered", "en", 1);
    hys_store_answer(st, sid, "dob", 2, "1985-03-02", "answered", "en", 1);
    hys_store_session_end(st, sid, 1);
    hys_store_close(st);
    hys_export_options o = {data, stick, NULL, 0, NULL, NULL};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 3);
    CHECK(bundle_dir(stick, 1, b, sizeof b));
    snprintf(path, sizeof path, "%s/answers.csv", b);
    CHECK(contains(path, ",typed,1,age,42,answered,"));
    CHECK(!contains(path, "07700900123") && !contains(path, "1985-03-02"));
    snprintf(path, sizeof path, "%s/sessions.csv", b);
    CHECK(contains(path, ",42," HYS_REPORT_FREE_TEXT "," HYS_REPORT_FREE_TEXT "\r\n"));
    snprintf(path, sizeof path, "%s/free-text.csv", b);
    CHECK(contains(path, "typed,dob,1985-03-02\r\ntyped,phone,07700900123\r\n"));
    CHECK(!contains(path, "42") && !contains(path, sid));
}

/* A kiosk whose config names the office's key (office_key) seals every
 * export to it when the question set names none; a set's own key still
 * comes first. */
static void test_office_key(void)
{
    char err[512], b[1024], path[1200], office[64], own[64];
    const char *data = at("office-kiosk"), *stick = at("office-stick");
    mkdir(stick, 0700);
    CHECK(hys_seal_keygen(at("office2.key"), office, err, sizeof err) == HYS_OK);
    CHECK(hys_seal_keygen(at("set.key"), own, err, sizeof err) == HYS_OK);
    residents(data, 2, 0);
    hys_export_options o = {data, stick, NULL, 0, NULL, office};
    hys_export_result r;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 6);
    CHECK(bundle_dir(stick, 1, b, sizeof b));
    snprintf(path, sizeof path, "%s/data.sqlite.sealed", b);
    CHECK(access(path, F_OK) == 0);
    snprintf(path, sizeof path, "%s/answers.csv", b);
    CHECK(access(path, F_OK) != 0);
    /* opened with the office's key, and no other */
    char log[8192];
    hys_collect_result cr;
    const char *in[] = {stick};
    made_on(stick, data, "2025-06-03");
    key = at("office2.key");
    collect_into(at("office-out"), in, 1, &cr, log, sizeof log);
    CHECK(cr.accepted == 1 && cr.answers == 6);
    /* a set naming its own key: sealed to that one, not the office's */
    form_key = own;
    residents(data, 1, 0);
    form_key = NULL;
    CHECK(export_to(&o, &r, err, sizeof err) == HYS_OK && r.answers == 3);
    collect_into(at("office-out2"), in, 1, &cr, log, sizeof log);
    CHECK(cr.rejected == 1 && strstr(log, "not sealed for this key") != NULL);
    key = NULL;
}

/* The manifest reader takes hostile text: each of these is refused. */
static void test_hostile_manifests(void)
{
    static const char *const bad[] = {
        "",
        "{",
        "{\"a\": 1,}",
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": \"\\ud800\"}",
        "{\"a\": \"\\u0000\"}",
        "{\"a\": 1.5}",
        "{\"a\": 12345678901234567890}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{\"a\": \"\xff\"}",
        "{} {}",
    };
    char err[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hys_json *j = hys_json_parse(bad[i], strlen(bad[i]), err, sizeof err);
        CHECK(j == NULL && strncmp(err, "byte ", 5) == 0);
        hys_json_free(j);
    }
    const char *good = "{\"s\": \"a\\u00e9\\ud83d\\ude00\\n\", \"n\": -42, \"l\": [true, null]}";
    hys_json *j = hys_json_parse(good, strlen(good), err, sizeof err);
    CHECK(j != NULL);
    CHECK_STR(hys_json_str(hys_json_get(j, "s")), "a\xc3\xa9\xf0\x9f\x98\x80\n");
    CHECK(hys_json_int(hys_json_get(j, "n"), 0) == -42);
    CHECK(hys_json_count(hys_json_get(j, "l")) == 2);
    hys_json_free(j);
    hys_manifest m;
    CHECK(hys_manifest_read("{\"format\": 1}", 13, &m, err, sizeof err) == HYS_MANIFEST_UNSIGNED);
    CHECK(hys_manifest_read("not json", 8, &m, err, sizeof err) == HYS_MANIFEST_MALFORMED);
}

/* Small counts stay hidden, and can't be worked out from the others. */
static void test_small_counts(void)
{
    enum { S = HYS_COUNT_SHOWN, F = HYS_COUNT_SMALL, N = HYS_COUNT_NOT_SHOWN };
    static const struct {
        long n[4];
        unsigned char want[4];
    } cases[] = {
        {{3, 10, 12, 40}, {F, N, S, S}}, /* one small: the next smallest goes too */
        {{3, 4, 12, 40}, {F, F, S, S}},  /* two small: neither can be worked out */
        {{5, 10, 12, 40}, {S, S, S, S}}, /* nothing small */
        /* a zero is small too: "fewer than 5" beside zeros would say what the
         * few all answered */
        {{0, 10, 12, 40}, {F, N, S, S}},
        {{2, 0, 0, 0}, {F, F, F, F}},
        {{0, 7, 2, 5}, {F, S, F, S}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        unsigned char how[4];
        hys_report_protect(cases[c].n, 4, 1, how);
        CHECK(!memcmp(how, cases[c].want, 4));
    }
    /* a table's column: every third count */
    long table[9] = {3, 0, 0, 9, 0, 0, 6, 0, 0};
    unsigned char how[9];
    memset(how, 9, sizeof how);
    hys_report_protect(table, 3, 3, how);
    CHECK(how[0] == F && how[3] == S && how[6] == N && how[1] == 9);
}

int main(void)
{
    srand((unsigned)getpid());
    snprintf(top, sizeof top, "/tmp/hys-export-test-%d", (int)getpid());
    mkdir(top, 0700);
    test_small_counts();
    test_hostile_manifests();
    test_export();
    test_collect();
    test_jam_manifests();
    test_hostile_bundle_folder();
    test_hostile_databases();
    test_stranger_sticks();
    test_untrusted_and_relabelled();
    test_folder_bombs();
    test_release();
    test_free_text();
    test_sealed();
    test_office_key();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", top);
    if (!check_fail && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", top);
    return check_done();
}
