/* files: file work that survives a USB stick pulled at any moment: copies
 * that are flushed to the stick and read back, SHA-256 of files, folders
 * made and removed, all with messages that say which file and why. */
#ifndef HYS_FILES_H
#define HYS_FILES_H

#include "../util/status.h"

#include <stddef.h>

/* Words for an errno from a stick that staff can act on ("the stick is
 * full", "the stick was taken out, or cannot be read", ...). */
const char *hys_file_why(int e);
/* dir/name into out (n bytes): HYS_OK, or HYS_ELIMIT (out empty) when it
 * does not fit. */
hys_status hys_path(char *out, size_t n, const char *dir, const char *name);
/* SHA-256 of the file at path as 64 hex digits, and its size. Refuses files
 * over HYS_MAX_BUNDLE_FILE_BYTES, and anything but a regular file (links,
 * FIFOs and devices are never opened). */
hys_status hys_file_sha256(const char *path, char hex[65], long long *bytes, char *err,
                           size_t errn);
/* Copy from to to, flush it to the device (fsync) and read it back: its
 * SHA-256 must be sha (hex). Whatever is at to is removed first, and to is
 * made new (never through a link; a FIFO there never blocks it). The
 * message names a full or read-only stick. */
hys_status hys_file_copy_verified(const char *from, const char *to, const char *sha, char *err,
                                  size_t errn);
/* Copy from_dir/name to to_dir/name as to_dir/name.part, checked against
 * sha (hex; NULL: from's own), then renamed over any old to_dir/name. */
hys_status hys_file_place(const char *from_dir, const char *to_dir, const char *name,
                          const char *sha, char *err, size_t errn);
/* Flush from_dir/name to the disk and rename it to to_dir/name (the same
 * file system). */
hys_status hys_file_settle(const char *from_dir, const char *to_dir, const char *name, char *err,
                           size_t errn);
/* path is a folder itself, not a link to one (a stick may hold links). */
int hys_dir_real(const char *path);
/* path is a real folder on the same file system as the folder base (a
 * folder on a stick, not somewhere a link on the stick points). */
int hys_dir_on(const char *path, const char *base);
/* Make path and its missing parents (mode 0700). */
hys_status hys_dir_make(const char *path, char *err, size_t errn);
/* Remove a folder and everything in it, never following a link (a link is
 * removed itself). Missing is fine. */
hys_status hys_dir_remove(const char *path, char *err, size_t errn);
/* Flush a folder's entries (renames, new files) to the device. */
hys_status hys_dir_sync(const char *path, char *err, size_t errn);
/* Read a whole small file (up to max bytes) into a new NUL-terminated buffer. */
hys_status hys_file_read(const char *path, size_t max, char **out, size_t *n, char *err,
                         size_t errn);

#endif
