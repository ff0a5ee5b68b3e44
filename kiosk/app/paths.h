/* paths: where the kiosk finds its assets and locales, and keeps its data. */
#ifndef HYS_PATHS_H
#define HYS_PATHS_H

#include "../util/status.h"

#include <stddef.h>

/* The folder holding fonts/, icons/ and forms/: $HYS_ASSETS, else the
 * installed share/haveyoursay/assets, else the source tree's assets/. */
void hys_paths_assets(char *out, size_t n);
/* The folder holding LANG.po files, found the same way ($HYS_LOCALES). */
void hys_paths_locales(char *out, size_t n);
/* The default data folder: $XDG_DATA_HOME/haveyoursay, else
 * ~/.local/share/haveyoursay. */
void hys_paths_data(char *out, size_t n);
/* Make dir and its parents (0700 for new ones): HYS_OK, or HYS_EIO (errno
 * says why). */
hys_status hys_paths_mkdirs(const char *dir);

#endif
