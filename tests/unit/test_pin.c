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
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    return check_done();
}
