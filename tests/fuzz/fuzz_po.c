/* Fuzzes the gettext .po reader (hys_po_parse, hys_po_get, hys_po_count,
 * hys_po_destroy) with arbitrary bytes as a translation file. Must hold for
 * every input: no crash, no leak, no ASan/UBSan finding, bounded time and
 * memory; a refused file always has a reason; every translation is valid
 * UTF-8 and a missing one falls back to the English msgid. */
#include "util/po.h"
#include "util/text.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hys_status rc;
    char err[200];
    hys_po *po = hys_po_parse((const char *)data, size, &rc, err, sizeof err);
    if (!po) {
        if (rc == HYS_OK || !err[0]) abort(); /* refused without saying why */
        return 0;
    }
    if (rc != HYS_OK || hys_po_count(po) < 0) abort();
    static const char *ids[] = {"Start", "Next", "Back", "Thank you", "", "fuzzy"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const char *t = hys_po_get(po, ids[i]);
        if (!t || !hys_utf8_valid(t, strlen(t))) abort();
    }
    static char missing[5000]; /* longer than any msgid can be: never translated */
    if (!missing[0]) memset(missing, 'x', sizeof missing - 1);
    if (hys_po_get(po, missing) != missing) abort();
    hys_po_destroy(po);
    return 0;
}
