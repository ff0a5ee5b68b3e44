/* iofault: an LD_PRELOAD library that makes one file operation under a
 * folder fail, the way a USB stick fails: the Nth operation that changes
 * something there (open to write, write, fsync, close, rename, mkdir,
 * unlink, rmdir, truncate) or reads from a file opened there fails with
 * EIO or ENOSPC, or the process is killed there (SIGKILL: the stick pulled
 * with the power, or the kiosk unplugged, at that very moment). The real
 * program runs on the real file system; only that one call is changed.
 *
 *   HYS_FAULT_UNDER=/path  the folder (the stick); operations elsewhere
 *                          are never counted
 *   HYS_FAULT_AT=N         fail the Nth operation (0: only count)
 *   HYS_FAULT_HOW=eio|enospc|erofs|kill
 *   HYS_FAULT_WHILE=FILE   instead of the Nth: every operation there that
 *                          changes something fails while FILE exists (a
 *                          full or read-only disk, until space returns)
 *   HYS_FAULT_COUNT=FILE   at exit, write how many operations were counted
 *   HYS_FAULT_TRACE=1      print each counted operation on stderr
 *
 * Used by tests/export-faults and tests/storage/disk-trouble. A test tool, never linked into the
 * kiosk. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FD 4096

static const char *under, *while_file;
static size_t under_len;
static long fail_at, counted;
static int how_errno = EIO, how_kill, trace;
static unsigned char on_stick[MAX_FD]; /* 0, or 1 read, 2 written, 3 written since flushed */

static void report(void)
{
    const char *out = getenv("HYS_FAULT_COUNT");
    FILE *f = out ? fopen(out, "w") : NULL;
    if (!f) return;
    fprintf(f, "%ld\n", counted);
    fclose(f);
}

__attribute__((constructor)) static void setup(void)
{
    under = getenv("HYS_FAULT_UNDER");
    under_len = under ? strlen(under) : 0;
    const char *at = getenv("HYS_FAULT_AT"), *how = getenv("HYS_FAULT_HOW");
    fail_at = at ? atol(at) : 0;
    if (how && !strcmp(how, "enospc")) how_errno = ENOSPC;
    if (how && !strcmp(how, "erofs")) how_errno = EROFS;
    while_file = getenv("HYS_FAULT_WHILE");
    if (how && !strcmp(how, "kill")) how_kill = 1;
    trace = getenv("HYS_FAULT_TRACE") != NULL;
    if (under_len) atexit(report);
}

static int is_under(const char *path)
{
    return under_len && path && !strncmp(path, under, under_len) &&
           (path[under_len] == '/' || path[under_len] == 0);
}

/* Count one operation (what, on path or descriptor fd); 1 when it is the
 * one to fail (errno is then set). */
static int hit_op(const char *what, const char *path, int fd)
{
    ++counted;
    if (trace) fprintf(stderr, "iofault %ld: %s %s (fd %d)\n", counted, what, path ? path : "", fd);
    if (while_file) {
        struct stat sb;
        if (stat(while_file, &sb) != 0) return 0;
        errno = how_errno;
        return 1;
    }
    if (counted != fail_at) return 0;
    if (how_kill) {
        report();
        kill(getpid(), SIGKILL);
    }
    errno = how_errno;
    return 1;
}

#define hit() hit_op(__func__, NULL, -1)
#define path_hit(path) hit_op(__func__, path, -1)

static int fd_hit_op(const char *what, int fd)
{
    return fd >= 0 && fd < MAX_FD && on_stick[fd] && hit_op(what, NULL, fd);
}

/* fd was written to (dirty) or flushed */
static void mark(int fd, int dirty)
{
    if (fd >= 0 && fd < MAX_FD && on_stick[fd] >= 2) on_stick[fd] = dirty ? 3 : 2;
}
#define fd_hit(fd) fd_hit_op(__func__, fd)

#define REAL(ret, name, ...)                                                                       \
    static ret (*real)(__VA_ARGS__);                                                               \
    if (!real) real = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, name)

static int writes(int flags)
{
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
}

/* fd is open on path (see on_stick) */
static int track(int fd, const char *path, int writes)
{
    if (fd >= 0 && fd < MAX_FD) on_stick[fd] = (unsigned char)(is_under(path) ? 1 + writes : 0);
    return fd;
}

/* open and open64: the same, through the C library's own one */
static int open_as(const char *name, const char *path, int flags, mode_t mode)
{
    int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, name);
    if (is_under(path) && writes(flags) && hit_op(name, path, -1)) return -1;
    return track(real(path, flags, mode), path, writes(flags));
}

#define OPEN_CALL(name)                                                                            \
    int name(const char *path, int flags, ...)                                                     \
    {                                                                                              \
        va_list ap;                                                                                \
        va_start(ap, flags);                                                                       \
        mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;               \
        va_end(ap);                                                                                \
        return open_as(#name, path, flags, mode);                                                  \
    }

OPEN_CALL(open)
OPEN_CALL(open64)

/* A call on a file descriptor: fails when it is the one; dirty: it writes
 * (1), flushes (0) or only reads (-1). */
#define FD_CALL(ret, name, dirty, params, args, ...)                                               \
    ret name params                                                                                \
    {                                                                                              \
        REAL(ret, #name, __VA_ARGS__);                                                             \
        if ((dirty >= 0 || !while_file) && fd_hit_op(#name, fd)) return -1;                        \
        if (dirty >= 0) mark(fd, dirty);                                                           \
        return real args;                                                                          \
    }

FD_CALL(ssize_t, read, -1, (int fd, void *buf, size_t n), (fd, buf, n), int, void *, size_t)
FD_CALL(ssize_t, write, 1, (int fd, const void *buf, size_t n), (fd, buf, n), int, const void *,
        size_t)
FD_CALL(ssize_t, pread, -1, (int fd, void *buf, size_t n, off_t at), (fd, buf, n, at), int, void *,
        size_t, off_t)
FD_CALL(ssize_t, pread64, -1, (int fd, void *buf, size_t n, off_t at), (fd, buf, n, at), int,
        void *, size_t, off_t)
FD_CALL(ssize_t, pwrite, 1, (int fd, const void *buf, size_t n, off_t at), (fd, buf, n, at), int,
        const void *, size_t, off_t)
FD_CALL(ssize_t, pwrite64, 1, (int fd, const void *buf, size_t n, off_t at), (fd, buf, n, at), int,
        const void *, size_t, off_t)
FD_CALL(int, ftruncate, 1, (int fd, off_t len), (fd, len), int, off_t)
FD_CALL(int, ftruncate64, 1, (int fd, off_t len), (fd, len), int, off_t)
FD_CALL(int, fsync, 0, (int fd), (fd), int)
FD_CALL(int, fdatasync, 0, (int fd), (fd), int)

int close(int fd)
{
    REAL(int, "close", int);
    /* (closing a file read from, or flushed since it was last written to,
     * cannot lose anything: only those with unflushed writes count) */
    int failed = fd >= 0 && fd < MAX_FD && on_stick[fd] == 3 && fd_hit(fd), e = errno;
    if (fd >= 0 && fd < MAX_FD) on_stick[fd] = 0;
    int rc = real(fd); /* (a failed close still closes, as on Linux) */
    if (failed) {
        errno = e;
        return -1;
    }
    return rc;
}

int rename(const char *from, const char *to)
{
    REAL(int, "rename", const char *, const char *);
    if ((is_under(from) || is_under(to)) && path_hit(to)) return -1;
    return real(from, to);
}

int mkdir(const char *path, mode_t mode)
{
    REAL(int, "mkdir", const char *, mode_t);
    struct stat sb; /* (a full or read-only disk still says a folder exists) */
    if (is_under(path) && !(while_file && stat(path, &sb) == 0) && path_hit(path)) return -1;
    return real(path, mode);
}

int unlink(const char *path)
{
    REAL(int, "unlink", const char *);
    if (is_under(path) && path_hit(path)) return -1;
    return real(path);
}

int rmdir(const char *path)
{
    REAL(int, "rmdir", const char *);
    if (is_under(path) && path_hit(path)) return -1;
    return real(path);
}
