/* Tests for the staff PIN: kept only as an Argon2id hash in a 0600 file,
 * checked, and locked for longer and longer after wrong tries. */
#include "check.h"

#include "staff/pin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    char dir[128], path[256], err[256], cmd[300];
    snprintf(dir, sizeof dir, "/tmp/hys-pin-test-%d", (int)getpid());
    mkdir(dir, 0700);
    hys_pin_guard g = {0};
    long wait = -1;
    CHECK(!hys_pin_is_set(dir));
    CHECK(hys_pin_check(&g, dir, "1234", 0, &wait) == HYS_PIN_NONE);
    CHECK(hys_pin_set(dir, "12a4", err, sizeof err) == HYS_EFORMAT);
    CHECK(hys_pin_set(dir, "123", err, sizeof err) == HYS_EFORMAT);
    CHECK(hys_pin_set(dir, "1111", err, sizeof err) == HYS_EFORMAT); /* at least 6 digits */
    CHECK(hys_pin_set(dir, "12345", err, sizeof err) == HYS_EFORMAT);
    CHECK(hys_pin_set(dir, "482915", err, sizeof err) == HYS_OK);
    CHECK(hys_pin_is_set(dir));
    /* only a slow hash is kept, in a file nobody else can read */
    snprintf(path, sizeof path, "%s/staff.pin", dir);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0077) == 0);
    FILE *f = fopen(path, "r");
    char text[256] = "";
    if (f) {
        if (!fgets(text, sizeof text, f)) text[0] = 0;
        fclose(f);
    }
    CHECK(strncmp(text, "$argon2id$", 10) == 0 && strstr(text, "482915") == NULL);

    CHECK(hys_pin_check(&g, dir, "482915", 1000, &wait) == HYS_PIN_OK && wait == 0);
    CHECK(hys_pin_check(&g, dir, "000000", 2000, &wait) == HYS_PIN_WRONG && wait == 0);
    CHECK(hys_pin_check(&g, dir, "111111", 3000, &wait) == HYS_PIN_WRONG && wait == 0);
    CHECK(hys_pin_check(&g, dir, "222222", 4000, &wait) == HYS_PIN_WRONG && wait == 30000);
    /* locked: even the right PIN is not tried */
    CHECK(hys_pin_check(&g, dir, "482915", 5000, &wait) == HYS_PIN_LOCKED && wait == 29000);
    CHECK(hys_pin_check(&g, dir, "333333", 34000, &wait) == HYS_PIN_WRONG && wait == 60000);
    CHECK(hys_pin_check(&g, dir, "482915", 94000, &wait) == HYS_PIN_OK);
    CHECK(g.wrong == 0 && g.locked_until == 0);
    /* a restart gives no fresh tries: the count and the lock are kept on
     * disk, and a new guard (the program started again, its clock at 0)
     * takes them in */
    CHECK(hys_pin_check(&g, dir, "000000", 95000, &wait) == HYS_PIN_WRONG);
    CHECK(hys_pin_check(&g, dir, "111111", 96000, &wait) == HYS_PIN_WRONG);
    CHECK(hys_pin_check(&g, dir, "222222", 97000, &wait) == HYS_PIN_WRONG && wait == 30000);
    hys_pin_guard restarted = {0};
    hys_pin_guard_load(&restarted, dir, 0);
    CHECK(restarted.wrong == 3 && restarted.locked_until > 25000 &&
          restarted.locked_until <= 30000);
    CHECK(hys_pin_check(&restarted, dir, "482915", 100, &wait) == HYS_PIN_LOCKED && wait > 25000);
    char tries[600];
    snprintf(tries, sizeof tries, "%s/staff.tries", dir);
    CHECK(stat(tries, &sb) == 0 && (sb.st_mode & 0077) == 0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    return check_done();
}
