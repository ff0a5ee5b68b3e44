/* status: the status codes every fallible function of the kiosk returns. */
#ifndef HYS_STATUS_H
#define HYS_STATUS_H

typedef enum {
    HYS_OK = 0,
    HYS_ENOMEM,    /* an allocation failed */
    HYS_EIO,       /* a file could not be read or written */
    HYS_EFORMAT,   /* input is malformed (details went to a diagnostics list) */
    HYS_ELIMIT,    /* input is over a limit in limits.h */
    HYS_ENOTFOUND, /* a named thing does not exist */
    HYS_EDENIED    /* not allowed: a stick not enrolled on this kiosk */
} hys_status;

/* A short English description of a status, for logs. Never NULL. */
const char *hys_status_str(hys_status s);

#endif
