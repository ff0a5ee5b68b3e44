/* Tests for the answer store: a real SQLite file, WAL with full sync,
 * upserts and withdrawals, the answers CSV, coarse periods, schema checks,
 * file modes, and refusing a database that is not ours. */
#include "check.h"

#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

/* noinline: inlined, GCC 12 at -O2 takes the memstream's buffer for a local
 * (a false "dangling pointer" warning) */
__attribute__((noinline)) static char *answers_csv(void)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    char err[256];
    CHECK(hys_store_print_answers(dir, out, err, sizeof err) == HYS_OK);
    fclose(out);
    return buf;
}

static int query_int(const char *sql)
{
    char path[512];
    hys_store_path(dir, path, sizeof path);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/hys-store-test-%d", (int)getpid());
    char err[512];
    hys_store *s = hys_store_open(dir, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return check_done();
    }
    struct stat st;
    CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
    char path[512];
    hys_store_path(dir, path, sizeof path);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0077) == 0);
    char kiosk[64];
    snprintf(kiosk, sizeof kiosk, "%s", hys_store_kiosk_id(s));
    CHECK(strlen(kiosk) == 36);
    hys_store_form f = {.id = "demo", .version = "3", .hash = "abc123", .title = "Demo"};
    hys_store_set_form(s, &f);
    hys_store_session_begin(s, "11111111-1111-4111-8111-111111111111");
    hys_store_answer(s, "11111111-1111-4111-8111-111111111111", "q1", 0, "good", "answered", "en",
                     4);
    hys_store_answer(s, "11111111-1111-4111-8111-111111111111", "q2", 1, "a \"quoted\", b",
                     "answered", "pl", 2);
    hys_store_answer(s, "11111111-1111-4111-8111-111111111111", "q3", 2, "", "skipped", "en", 1);
    hys_store_answer(s, "11111111-1111-4111-8111-111111111111", "q1", 0, "bad", "answered", "en",
                     6);
    hys_store_withdraw(s, "11111111-1111-4111-8111-111111111111", "q3");
    hys_store_session_end(s, "11111111-1111-4111-8111-111111111111", 1);
    hys_store_flush(s);
    CHECK(hys_store_failures(s) == 0);
    hys_store_close(s);

    char *csv = answers_csv();
    CHECK(csv != NULL);
    if (csv) {
        CHECK(!strncmp(csv,
                       "answer_id,session_id,kiosk_id,form_id,form_version,question,value,"
                       "status,language,period\r\n",
                       90));
        CHECK(strstr(csv, ",demo,3,q1,bad,answered,en,") != NULL);
        CHECK(strstr(csv, ",q2,\"a \"\"quoted\"\", b\",answered,pl,") != NULL);
        CHECK(strstr(csv, ",q3,") == NULL);
        CHECK(strstr(csv, kiosk) != NULL);
        int lines = 0;
        for (char *p = csv; *p; p++)
            lines += *p == '\n';
        CHECK(lines == 3);
        /* no exact time anywhere: the period ends in :00 */
        char *period = strstr(csv, ",en,");
        CHECK(period && strlen(period) >= 4 + 16 && !strncmp(period + 4 + 14, "00", 2));
        free(csv);
    }
    CHECK(query_int("PRAGMA application_id") == 0x48595331);
    CHECK(query_int("PRAGMA user_version") == 3);
    CHECK(query_int("SELECT completed FROM sessions") == 1);
    CHECK(query_int("SELECT ended FROM sessions") == 1);
    CHECK(query_int("SELECT count(*) FROM answers WHERE export_seq IS NULL") == 2);
    CHECK(query_int("SELECT count(*) FROM pragma_table_info('answers') WHERE name LIKE '%time%'") ==
          0);

    /* reopening keeps the kiosk id and the answers */
    s = hys_store_open(dir, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s && !strcmp(hys_store_kiosk_id(s), kiosk));
    hys_store_close(s);

    char p[32];
    hys_store_period(HYS_PERIOD_HOUR, 1795000000, p); /* a fixed moment in 2026 */
    CHECK(strlen(p) == 16 && !strcmp(p + 13, ":00"));
    hys_store_period(HYS_PERIOD_DAY, 1795000000, p);
    CHECK(strlen(p) == 10);

    /* a database of another program is refused, not changed */
    char other[512];
    snprintf(other, sizeof other, "%s-other", dir);
    mkdir(other, 0700);
    char opath[600];
    hys_store_path(other, opath, sizeof opath);
    sqlite3 *db;
    sqlite3_open(opath, &db);
    sqlite3_exec(db, "CREATE TABLE theirs(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    s = hys_store_open(other, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s == NULL);
    CHECK(strstr(err, "another program") != NULL);

    /* a database of the first schema (as kiosks of that version have it:
     * a frozen copy, not the migration's text) is brought up to date: its
     * sessions ended (a restart ends them), its answers not yet exported */
    char old[512];
    snprintf(old, sizeof old, "%s-v1", dir);
    mkdir(old, 0700);
    hys_store_path(old, opath, sizeof opath);
    sqlite3_open(opath, &db);
    CHECK(
        sqlite3_exec(
            db,
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE forms(form_hash TEXT PRIMARY KEY, form_id TEXT NOT NULL,"
            "  form_version TEXT NOT NULL, title TEXT NOT NULL);"
            "CREATE TABLE sessions(session_id TEXT PRIMARY KEY,"
            "  form_hash TEXT NOT NULL REFERENCES forms(form_hash), period TEXT NOT NULL,"
            "  completed INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE answers(answer_id TEXT PRIMARY KEY,"
            "  session_id TEXT NOT NULL REFERENCES sessions(session_id), question TEXT NOT NULL,"
            "  position INTEGER NOT NULL, value TEXT NOT NULL,"
            "  status TEXT NOT NULL CHECK(status IN ('answered','skipped','dont_understand')),"
            "  language TEXT NOT NULL, period TEXT NOT NULL, seconds INTEGER NOT NULL DEFAULT 0,"
            "  UNIQUE(session_id, question));"
            "INSERT INTO meta VALUES('kiosk_id','22222222-2222-4222-8222-222222222222');"
            "INSERT INTO forms VALUES('h','f','1','F');"
            "INSERT INTO sessions VALUES('s1','h','2026-11-20 10:00',0);"
            "INSERT INTO answers VALUES('a1','s1','q',0,'v','answered','en','2026-11-20 10:00',1);"
            "PRAGMA application_id=1213813553; PRAGMA user_version=1;",
            NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    s = hys_store_open(old, HYS_PERIOD_HOUR, err, sizeof err);
    CHECK(s != NULL);
    hys_store_close(s);
    long unexported = -1;
    CHECK(hys_store_unexported(old, &unexported) == HYS_OK && unexported == 1);

    char cmd[1800];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s'", dir, other, old);
    CHECK(system(cmd) == 0);
    return check_done();
}
