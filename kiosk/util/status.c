/* status: descriptions of status codes. */
#include "status.h"

const char *hys_status_str(hys_status s)
{
    switch (s) {
    case HYS_OK:
        return "ok";
    case HYS_ENOMEM:
        return "out of memory";
    case HYS_EIO:
        return "input/output error";
    case HYS_EFORMAT:
        return "malformed input";
    case HYS_ELIMIT:
        return "input too large";
    case HYS_ENOTFOUND:
        return "not found";
    case HYS_EDENIED:
        return "not allowed";
    case HYS_ETIMEOUT:
        return "timed out";
    }
    return "unknown error";
}
