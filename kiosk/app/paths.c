/* paths: asset, locale and data folders (see paths.h). */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* <dir of the executable>/../share/haveyoursay/<leaf> when it exists. */
static int beside_exe(const char *leaf, char *out, size_t n)
{
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) return 0;
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return 0;
    *slash = '\0';
    snprintf(out, n, "%s/../share/haveyoursay/%s", exe, leaf);
    return is_dir(out);
}

static void find(const char *env, const char *leaf, char *out, size_t n)
{
    const char *e = getenv(env);
    if (e && *e) {
        snprintf(out, n, "%s", e);
        return;
    }
    if (beside_exe(leaf, out, n)) return;
    snprintf(out, n, "%s/%s", HYS_SOURCE_DIR, leaf);
    if (is_dir(out)) return;
    snprintf(out, n, "%s/%s", HYS_DATADIR, leaf);
}

void hys_paths_assets(char *out, size_t n)
{
    find("HYS_ASSETS", "assets", out, n);
}

void hys_paths_locales(char *out, size_t n)
{
    find("HYS_LOCALES", "locales", out, n);
}

void hys_paths_data(char *out, size_t n)
{
    const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (x && *x)
        snprintf(out, n, "%s/haveyoursay", x);
    else
        snprintf(out, n, "%s/.local/share/haveyoursay", home && *home ? home : "/tmp");
}

hys_status hys_paths_mkdirs(const char *dir)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return HYS_EIO;
        *p = '/';
    }
    if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return HYS_EIO;
    return HYS_OK;
}
