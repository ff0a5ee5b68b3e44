/* sticks: the USB stick watcher (see sticks.h). */
#include "sticks.h"

#include "../util/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_STICKS 16
#define PATH 4096

struct hys_sticks {
    char roots[1024];
    Uint32 event;
    int (*has_questions)(const char *stick);
    int ino, mounts, stop[2];
    pthread_t thread;
    char seen[MAX_STICKS][PATH], now[MAX_STICKS][PATH];
    int nseen;
};

/* dir is a mount point with a HAVEYOURSAY folder at its top. */
static int is_stick(const char *dir)
{
    struct stat d, parent, h;
    char up[PATH + 4], top[PATH + 16];
    snprintf(up, sizeof up, "%s/..", dir);
    snprintf(top, sizeof top, "%s/HAVEYOURSAY", dir);
    return stat(dir, &d) == 0 && stat(up, &parent) == 0 && d.st_dev != parent.st_dev &&
           lstat(top, &h) == 0 && S_ISDIR(h.st_mode) && h.st_dev == d.st_dev;
}

/* dir is a mount point. */
static int is_mount(const char *dir)
{
    struct stat d, parent;
    char up[PATH + 4];
    snprintf(up, sizeof up, "%s/..", dir);
    return stat(dir, &d) == 0 && stat(up, &parent) == 0 && d.st_dev != parent.st_dev;
}

/* Visit the folders one and two levels under root. */
static void under(const char *root, int depth, char *out, size_t n, int max, int *count,
                  int (*want)(const char *))
{
    DIR *d = opendir(root);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && *count < max) {
        if (de->d_name[0] == '.') continue;
        char sub[PATH];
        if (snprintf(sub, sizeof sub, "%s/%s", root, de->d_name) >= (int)sizeof sub) continue;
        struct stat sb;
        if (lstat(sub, &sb) != 0 || !S_ISDIR(sb.st_mode)) continue;
        if (want(sub))
            snprintf(out + (size_t)(*count)++ * n, n, "%s", sub);
        else if (depth < 2)
            under(sub, depth + 1, out, n, max, count, want);
    }
    closedir(d);
}

int hys_sticks_scan(const char *roots, int any, char *out, size_t n, int max)
{
    char list[1024];
    snprintf(list, sizeof list, "%s", roots);
    int count = 0;
    for (char *save = NULL, *r = strtok_r(list, ",", &save); r; r = strtok_r(NULL, ",", &save))
        under(r, 1, out, n, max, &count, any ? is_mount : is_stick);
    return count;
}

static void post(hys_sticks *w, int inserted, const char *path)
{
    hys_stick_seen *seen = hys_calloc(1, sizeof *seen);
    if (!seen) return;
    snprintf(seen->path, sizeof seen->path, "%s", path);
    if (inserted) {
        seen->kiosk_folder = is_stick(path);
        seen->questions = w->has_questions && w->has_questions(path);
    }
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = w->event;
    ev.user.code = inserted;
    ev.user.data1 = seen;
    if (SDL_PushEvent(&ev) != 1) hys_free(seen);
}

/* Compare what is mounted now with what was: post the differences. */
static void rescan(hys_sticks *w)
{
    char(*now)[PATH] = w->now;
    int n = hys_sticks_scan(w->roots, 1, &now[0][0], PATH, MAX_STICKS);
    for (int i = 0; i < n; i++) {
        int old = 0;
        for (int k = 0; k < w->nseen && !old; k++)
            old = !strcmp(now[i], w->seen[k]);
        if (!old) post(w, 1, now[i]);
    }
    for (int k = 0; k < w->nseen; k++) {
        int still = 0;
        for (int i = 0; i < n && !still; i++)
            still = !strcmp(now[i], w->seen[k]);
        if (!still) post(w, 0, w->seen[k]);
    }
    memcpy(w->seen, w->now, sizeof w->now);
    w->nseen = n;
}

/* Watch the roots and the folders just under them (where /media/USER/LABEL
 * mount points are made). */
static void watch_all(hys_sticks *w)
{
    char list[1024];
    snprintf(list, sizeof list, "%s", w->roots);
    for (char *save = NULL, *r = strtok_r(list, ",", &save); r; r = strtok_r(NULL, ",", &save)) {
        inotify_add_watch(w->ino, r, IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_ONLYDIR);
        DIR *d = opendir(r);
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) {
            char sub[PATH];
            if (de->d_name[0] == '.' ||
                snprintf(sub, sizeof sub, "%s/%s", r, de->d_name) >= (int)sizeof sub)
                continue;
            inotify_add_watch(w->ino, sub, IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_ONLYDIR);
        }
        if (d) closedir(d);
    }
}

static void *run(void *arg)
{
    hys_sticks *w = arg;
    rescan(w); /* sticks already in when the kiosk starts */
    for (;;) {
        struct pollfd p[3] = {
            {w->stop[0], POLLIN, 0}, {w->ino, POLLIN, 0}, {w->mounts, POLLPRI | POLLERR, 0}};
        if (poll(p, w->mounts >= 0 ? 3 : 2, -1) < 0 && errno != EINTR) break;
        if (p[0].revents) break;
        if (p[1].revents) {
            char buf[4096];
            while (read(w->ino, buf, sizeof buf) > 0)
                ;
            watch_all(w); /* a new /media/USER folder is watched too */
        }
        if (p[2].revents) { /* the kernel marks mountinfo on every mount change */
            char buf[4096];
            lseek(w->mounts, 0, SEEK_SET);
            while (read(w->mounts, buf, sizeof buf) > 0)
                ;
        }
        rescan(w);
    }
    return NULL;
}

hys_sticks *hys_sticks_start(const char *roots, Uint32 event_type,
                             int (*has_questions)(const char *stick), char *err, size_t errn)
{
    hys_sticks *w = hys_calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errn, "out of memory");
        return NULL;
    }
    snprintf(w->roots, sizeof w->roots, "%s", roots);
    w->event = event_type;
    w->has_questions = has_questions;
    w->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    w->mounts = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (w->ino < 0 || pipe(w->stop) != 0) {
        snprintf(err, errn, "cannot watch for USB sticks: %s", strerror(errno));
        if (w->ino >= 0) close(w->ino);
        if (w->mounts >= 0) close(w->mounts);
        hys_free(w);
        return NULL;
    }
    watch_all(w);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        snprintf(err, errn, "cannot start the USB stick watcher");
        close(w->ino), close(w->stop[0]), close(w->stop[1]);
        if (w->mounts >= 0) close(w->mounts);
        hys_free(w);
        return NULL;
    }
    return w;
}

void hys_sticks_stop(hys_sticks *w)
{
    if (!w) return;
    if (write(w->stop[1], "x", 1) != 1) fprintf(stderr, "haveyoursay: cannot stop the watcher\n");
    pthread_join(w->thread, NULL);
    close(w->ino), close(w->stop[0]), close(w->stop[1]);
    if (w->mounts >= 0) close(w->mounts);
    hys_free(w);
}
