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
 *   HYS_FAULT_HOW=eio|enospc|kill
 *   HYS_FAULT_COUNT=FILE   at exit, write how many operations were counted
 *   HYS_FAULT_TRACE=1      print each counted operation on stderr
 *
 * Used by tests/export-faults. A test tool, never linked into the kiosk. */
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

static const char *under;
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

int open(const char *path, int flags, ...)
{
    REAL(int, "open", const char *, int, ...);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    if (is_under(path) && writes(flags) && path_hit(path)) return -1;
    return track(real(path, flags, mode), path, writes(flags));
}

int open64(const char *path, int flags, ...)
{
    REAL(int, "open64", const char *, int, ...);
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    if (is_under(path) && writes(flags) && path_hit(path)) return -1;
    return track(real(path, flags, mode), path, writes(flags));
}

ssize_t read(int fd, void *buf, size_t n)
{
    REAL(ssize_t, "read", int, void *, size_t);
    if (fd_hit(fd)) return -1;
    return real(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(ssize_t, "write", int, const void *, size_t);
    if (fd_hit(fd)) return -1;
    mark(fd, 1);
    return real(fd, buf, n);
}

ssize_t pread64(int fd, void *buf, size_t n, off_t at)
{
    REAL(ssize_t, "pread64", int, void *, size_t, off_t);
    if (fd_hit(fd)) return -1;
    return real(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t at)
{
    REAL(ssize_t, "pwrite64", int, const void *, size_t, off_t);
    if (fd_hit(fd)) return -1;
    mark(fd, 1);
    return real(fd, buf, n, at);
}

int ftruncate64(int fd, off_t len)
{
    REAL(int, "ftruncate64", int, off_t);
    if (fd_hit(fd)) return -1;
    mark(fd, 1);
    return real(fd, len);
}

ssize_t pread(int fd, void *buf, size_t n, off_t at)
{
    REAL(ssize_t, "pread", int, void *, size_t, off_t);
    if (fd_hit(fd)) return -1;
    return real(fd, buf, n, at);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t at)
{
    REAL(ssize_t, "pwrite", int, const void *, size_t, off_t);
    if (fd_hit(fd)) return -1;
    mark(fd, 1);
    return real(fd, buf, n, at);
}

int ftruncate(int fd, off_t len)
{
    REAL(int, "ftruncate", int, off_t);
    if (fd_hit(fd)) return -1;
    mark(fd, 1);
    return real(fd, len);
}

int fsync(int fd)
{
    REAL(int, "fsync", int);
    if (fd_hit(fd)) return -1;
    mark(fd, 0);
    return real(fd);
}

int fdatasync(int fd)
{
    REAL(int, "fdatasync", int);
    if (fd_hit(fd)) return -1;
    mark(fd, 0);
    return real(fd);
}

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
    if (is_under(path) && path_hit(path)) return -1;
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
