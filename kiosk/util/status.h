/* status: the status codes every fallible function of the kiosk returns
 * (HYS_OK on success; what it makes goes out through pointer parameters,
 * and a message, where it has one, into its err or msg buffer). */
#ifndef HYS_STATUS_H
#define HYS_STATUS_H

typedef enum {
    HYS_OK = 0,
    HYS_ENOMEM,    /* an allocation failed */
    HYS_EIO,       /* a file could not be read or written */
    HYS_EFORMAT,   /* input is malformed (details in err, or in a diagnostics list) */
    HYS_ELIMIT,    /* input is over a limit in limits.h, or a path over its buffer */
    HYS_ENOTFOUND, /* a named thing does not exist */
    HYS_EDENIED,   /* not allowed: a stick not enrolled on this kiosk, a setting refused */
    HYS_ETIMEOUT   /* did not finish in the time given (speech, a stick that does not answer) */
} hys_status;

/* A short English description of a status, for logs. Never NULL. */
const char *hys_status_str(hys_status s);

#endif
