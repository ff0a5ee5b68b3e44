/* files: stick-safe file work (see files.h). */
#include "files.h"

#include "../util/alloc.h"
#include "../util/limits.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Open path to read into *fd: a regular file only (not a link, a FIFO or a
 * device a hostile stick may hold), never blocking. HYS_OK, or HYS_EIO with
 * errno set (and *fd -1). */
static hys_status open_plain(const char *path, int *fd)
{
    *fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    if (*fd < 0) return HYS_EIO;
    if (fstat(*fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(*fd);
        *fd = -1;
        errno = EINVAL;
        return HYS_EIO;
    }
    fcntl(*fd, F_SETFL, fcntl(*fd, F_GETFL) & ~O_NONBLOCK);
    return HYS_OK;
}

const char *hys_file_why(int e)
{
    switch (e) {
    case ENOSPC:
        return "the stick is full";
    case EROFS:
    case EACCES:
    case EPERM:
        return "the stick cannot be written to (read-only or locked)";
    case EIO:
    case ENODEV:
    case ENOENT:
        return "the stick was taken out, or cannot be read";
    default:
        return strerror(e);
    }
}

hys_status hys_path(char *out, size_t n, const char *dir, const char *name)
{
    if (n == 0) return HYS_ELIMIT;
    int k = snprintf(out, n, "%s/%s", dir, name);
    if (k < 0 || (size_t)k >= n) {
        out[0] = 0;
        return HYS_ELIMIT;
    }
    return HYS_OK;
}

hys_status hys_file_sha256(const char *path, char hex[65], long long *bytes, char *err, size_t errn)
{
    int fd;
    if (open_plain(path, &fd) != HYS_OK) {
        snprintf(err, errn, "cannot read %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    /* OpenSSL's SHA-256 uses the processor's SHA instructions where there
     * are any: 1.5 GB/s against libsodium's 160 MB/s on the test machine,
     * and collect hashes every file of every bundle */
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(md);
        close(fd);
        snprintf(err, errn, "cannot hash %s: no memory", path);
        return HYS_ENOMEM;
    }
    unsigned char buf[65536];
    long long total = 0;
    ssize_t n;
    int hashed = 1;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        total += n;
        if (total > HYS_MAX_BUNDLE_FILE_BYTES) {
            EVP_MD_CTX_free(md);
            close(fd);
            snprintf(err, errn, "%s is too big (over %ld bytes)", path,
                     (long)HYS_MAX_BUNDLE_FILE_BYTES);
            return HYS_ELIMIT;
        }
        hashed = hashed && EVP_DigestUpdate(md, buf, (size_t)n);
    }
    int e = errno;
    close(fd);
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int hn = 0;
    hashed = hashed && EVP_DigestFinal_ex(md, h, &hn) && hn == 32;
    EVP_MD_CTX_free(md);
    if (n < 0) {
        snprintf(err, errn, "cannot read %s: %s", path, hys_file_why(e));
        return HYS_EIO;
    }
    if (!hashed) {
        snprintf(err, errn, "cannot hash %s", path);
        return HYS_ENOMEM;
    }
    sodium_bin2hex(hex, 65, h, 32);
    if (bytes) *bytes = total;
    return HYS_OK;
}

hys_status hys_file_copy_verified(const char *from, const char *to, const char *sha, char *err,
                                  size_t errn)
{
    int in;
    if (open_plain(from, &in) != HYS_OK) {
        snprintf(err, errn, "cannot read %s: %s", from, strerror(errno));
        return HYS_EIO;
    }
    /* whatever is there goes first (an old part, or a FIFO or a link a
     * hostile stick planted: opening a FIFO to write waits for a reader for
     * ever); then a new file of our own, never through a link, never waiting */
    if (unlink(to) != 0 && errno != ENOENT) {
        snprintf(err, errn, "cannot replace %s: %s", to, hys_file_why(errno));
        close(in);
        return HYS_EIO;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (out < 0) {
        snprintf(err, errn, "cannot write %s: %s", to, hys_file_why(errno));
        close(in);
        return HYS_EIO;
    }
    fcntl(out, F_SETFL, fcntl(out, F_GETFL) & ~O_NONBLOCK);
    char buf[65536];
    ssize_t n;
    int e = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0) {
                if (errno == EINTR) continue;
                e = errno;
                break;
            }
            done += w;
        }
        if (e) break;
    }
    if (n < 0 && !e) e = errno;
    if (!e && fsync(out) != 0) e = errno;
    /* the read-back below must come from the stick, not from memory */
    if (!e) posix_fadvise(out, 0, 0, POSIX_FADV_DONTNEED);
    if (close(out) != 0 && !e) e = errno;
    close(in);
    if (e) {
        snprintf(err, errn, "cannot write %s: %s", to, hys_file_why(e));
        return HYS_EIO;
    }
    char got[65];
    hys_status rc = hys_file_sha256(to, got, NULL, err, errn);
    if (rc) return rc;
    if (strcmp(got, sha)) {
        snprintf(err, errn, "%s reads back different from what was written: the stick is faulty",
                 to);
        return HYS_EIO;
    }
    return HYS_OK;
}

hys_status hys_file_place(const char *from_dir, const char *to_dir, const char *name,
                          const char *sha, char *err, size_t errn)
{
    char from[4400], tmp[4400], to[4400], part[80], own[65];
    snprintf(part, sizeof part, "%s.part", name);
    if (hys_path(from, sizeof from, from_dir, name) != HYS_OK ||
        hys_path(tmp, sizeof tmp, to_dir, part) != HYS_OK ||
        hys_path(to, sizeof to, to_dir, name) != HYS_OK) {
        snprintf(err, errn, "the path of %s in %s is too long", name, to_dir);
        return HYS_ELIMIT;
    }
    hys_status rc = sha ? HYS_OK : hys_file_sha256(from, own, NULL, err, errn);
    if (!rc) rc = hys_file_copy_verified(from, tmp, sha ? sha : own, err, errn);
    if (!rc && rename(tmp, to) != 0) {
        snprintf(err, errn, "cannot finish %s: %s", to, hys_file_why(errno));
        rc = HYS_EIO;
    }
    if (rc) unlink(tmp); /* (a stick taken out: the next export clears it) */
    return rc;
}

hys_status hys_file_settle(const char *from_dir, const char *to_dir, const char *name, char *err,
                           size_t errn)
{
    char from[4400], to[4400];
    if (hys_path(from, sizeof from, from_dir, name) != HYS_OK ||
        hys_path(to, sizeof to, to_dir, name) != HYS_OK) {
        snprintf(err, errn, "the path of %s in %s is too long", name, to_dir);
        return HYS_ELIMIT;
    }
    int fd = open(from, O_RDONLY | O_CLOEXEC);
    int ok = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    if (!ok || rename(from, to) != 0) {
        snprintf(err, errn, "cannot write %s: %s", to, hys_file_why(errno));
        return HYS_EIO;
    }
    return HYS_OK;
}

int hys_dir_real(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int hys_dir_on(const char *path, const char *base)
{
    struct stat p, b;
    return lstat(path, &p) == 0 && S_ISDIR(p.st_mode) && stat(base, &b) == 0 &&
           p.st_dev == b.st_dev;
}

hys_status hys_dir_make(const char *path, char *err, size_t errn)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        snprintf(err, errn, "the path %s is too long", path);
        return HYS_ELIMIT;
    }
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == 0) {
            char c = *p;
            *p = 0;
            if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
                snprintf(err, errn, "cannot make the folder %s: %s", buf, hys_file_why(errno));
                return HYS_EIO;
            }
            *p = c;
            if (!c) break;
        }
    }
    return HYS_OK;
}

/* At most this many entries are looked at while removing one folder tree:
 * a stick's folders are few, and a bomb of folders ends in an error. */
#define REMOVE_MAX_STEPS 2000000L

/* Empty the folder open as fd of its files, links and empty folders:
 * HYS_OK, with *deeper 1 and the name of a folder that is not empty in sub
 * (to go down into), or *deeper 0 when the folder is now empty; HYS_EIO on
 * an error (in err). */
static hys_status clear_level(int fd, char sub[256], int *deeper, long *steps, const char *path,
                              char *err, size_t errn)
{
    *deeper = 0;
    int dup_fd = dup(fd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        if (dup_fd >= 0) close(dup_fd);
        snprintf(err, errn, "cannot remove %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    rewinddir(d);
    struct dirent *de;
    hys_status rc = HYS_OK;
    while (rc == HYS_OK && !*deeper && (de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
        if (++*steps > REMOVE_MAX_STEPS) {
            snprintf(err, errn, "cannot remove %s: it holds too many folders", path);
            rc = HYS_EIO;
        } else if (unlinkat(fd, name, 0) == 0 || errno == ENOENT) {
            continue; /* a file or a link (never followed) */
        } else if (errno != EISDIR && errno != EPERM) {
            snprintf(err, errn, "cannot remove %s/%s: %s", path, name, hys_file_why(errno));
            rc = HYS_EIO;
        } else if (unlinkat(fd, name, AT_REMOVEDIR) != 0) { /* a folder not yet empty */
            if (errno != ENOTEMPTY && errno != EEXIST) {
                snprintf(err, errn, "cannot remove %s/%s: %s", path, name, hys_file_why(errno));
                rc = HYS_EIO;
            } else if (strlen(name) < 256) {
                memcpy(sub, name, strlen(name) + 1);
                *deeper = 1;
            } else {
                rc = HYS_EIO;
            }
        }
    }
    closedir(d);
    return rc;
}

hys_status hys_dir_remove(const char *path, char *err, size_t errn)
{
    struct stat sb0;
    if (lstat(path, &sb0) != 0) return errno == ENOENT ? HYS_OK : HYS_EIO;
    if (!S_ISDIR(sb0.st_mode)) { /* a link (never followed) or a file: only it goes */
        if (unlink(path) == 0) return HYS_OK;
        snprintf(err, errn, "cannot remove %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    /* without recursion and without long paths, however deep: down into the
     * first folder not yet empty, clear it, back up through "..", and the
     * emptied folder goes when its parent is cleared again */
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return HYS_OK;
        snprintf(err, errn, "cannot remove %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    long depth = 0, steps = 0;
    hys_status rc = HYS_OK;
    for (;;) {
        char sub[256];
        int deeper;
        rc = clear_level(fd, sub, &deeper, &steps, path, err, errn);
        if (rc != HYS_OK) break;
        if (!deeper && depth == 0) break; /* the top folder is empty */
        int next = deeper ? openat(fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                          : openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (next < 0) {
            snprintf(err, errn, "cannot remove %s: %s", path, hys_file_why(errno));
            rc = HYS_EIO;
            break;
        }
        depth += deeper ? 1 : -1;
        close(fd);
        fd = next;
    }
    if (fd >= 0) close(fd);
    if (rc == HYS_OK && rmdir(path) != 0 && errno != ENOENT) {
        snprintf(err, errn, "cannot remove %s: %s", path, hys_file_why(errno));
        rc = HYS_EIO;
    }
    return rc;
}

hys_status hys_dir_sync(const char *path, char *err, size_t errn)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errn, "cannot open the folder %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    /* some file systems (FUSE ones among them) cannot flush a folder: the
     * files in it were flushed one by one already */
    if (fsync(fd) != 0 && errno != EINVAL && errno != ENOSYS && errno != EROFS) {
        snprintf(err, errn, "cannot flush the folder %s: %s", path, hys_file_why(errno));
        close(fd);
        return HYS_EIO;
    }
    close(fd);
    return HYS_OK;
}

hys_status hys_file_read(const char *path, size_t max, char **out, size_t *n, char *err,
                         size_t errn)
{
    *out = NULL, *n = 0;
    int fd;
    if (open_plain(path, &fd) != HYS_OK) {
        snprintf(err, errn, "cannot read %s: %s", path, hys_file_why(errno));
        return HYS_EIO;
    }
    char *buf = hys_malloc(max + 1);
    if (!buf) {
        close(fd);
        snprintf(err, errn, "out of memory");
        return HYS_ENOMEM;
    }
    size_t len = 0;
    ssize_t r;
    while ((r = read(fd, buf + len, max + 1 - len)) > 0) {
        len += (size_t)r;
        if (len > max) break;
    }
    int e = errno;
    close(fd);
    if (r < 0) {
        hys_free(buf);
        snprintf(err, errn, "cannot read %s: %s", path, hys_file_why(e));
        return HYS_EIO;
    }
    if (len > max) {
        hys_free(buf);
        snprintf(err, errn, "%s is too big (over %zu bytes)", path, max);
        return HYS_ELIMIT;
    }
    buf[len] = 0;
    *out = buf, *n = len;
    return HYS_OK;
}
