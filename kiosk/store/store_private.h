/* store_private: what store.c and store_export.c share (not for other modules). */
#ifndef HYS_STORE_PRIVATE_H
#define HYS_STORE_PRIVATE_H

#include "../util/status.h"

#include <sqlite3.h>
#include <stddef.h>

#define APPLICATION_ID 0x48595331 /* "HYS1" */

/* Run sql: HYS_OK, or HYS_EIO with SQLite's reason in err. */
hys_status hys_store_exec(sqlite3 *db, const char *sql, char *err, size_t errn);

/* Open DIR's answers database (flags as sqlite3_open_v2) and check it is
 * ours. HYS_OK with *db set, or HYS_EIO with err set (and *db NULL). */
hys_status hys_store_open_db(const char *dir, int flags, sqlite3 **db, char *err, size_t errn);

#endif
