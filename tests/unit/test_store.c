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
    hys_store_form f = {"demo", "3", "abc123", "Demo"};
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
    CHECK(query_int("PRAGMA user_version") == 1);
    CHECK(query_int("SELECT completed FROM sessions") == 1);
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

    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", dir, other);
    CHECK(system(cmd) == 0);
    return check_done();
}
