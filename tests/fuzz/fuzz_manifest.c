/* Fuzzes the bundle manifest reader (hys_manifest_read: the strict JSON
 * reader, the Ed25519 signature check and the checks after it). Each input
 * is read twice: as it is, and with its body (everything before its last
 * signature line, or all of it) signed again with a fixed test key, so that
 * mutated manifests also get past the signature. Must hold for every input:
 * no crash, no leak, no ASan/UBSan finding, bounded time and memory; a
 * refused manifest always has a reason; an accepted one has a kiosk id,
 * a sequence number and file names that stay inside the bundle's folder. */
#include "export/manifest.h"

#include "fuzz_key.h"

#include <sodium.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sig_line[] = ",\n  \"signature\": \"";

static void check(const char *text, size_t n)
{
    hys_manifest m;
    char err[200];
    err[0] = '\0';
    hys_manifest_check rc = hys_manifest_read(text, n, &m, err, sizeof err);
    if (rc != HYS_MANIFEST_OK && !err[0]) abort(); /* refused without saying why */
    if (strnlen(m.kiosk_id, sizeof m.kiosk_id) == sizeof m.kiosk_id) abort();
    if (rc != HYS_MANIFEST_OK) return;
    if (strlen(m.kiosk_id) != 36 || m.seq < 1 || m.nfiles < 0 ||
        m.nfiles > HYS_MANIFEST_MAX_FILES || m.nforms < 0 || m.nforms > HYS_MANIFEST_MAX_FORMS)
        abort();
    for (int i = 0; i < m.nfiles; i++) {
        const char *name = m.files[i].name;
        if (!name[0] || name[0] == '.' || strchr(name, '/') || strchr(name, '\\') ||
            strlen(m.files[i].sha256) != 64 || m.files[i].bytes < 0)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    static int ready;
    if (!ready) {
        if (sodium_init() < 0) abort();
        fuzz_key(pk, sk);
        ready = 1;
    }
    const char *text = (const char *)data;
    check(text, size);

    size_t k = sizeof sig_line - 1, body = size;
    for (size_t i = size >= k ? size - k + 1 : 0; i-- > 0;)
        if (!memcmp(text + i, sig_line, k)) {
            body = i;
            break;
        }
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, data, body, sk);
    char b64[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);
    size_t tail = k + strlen(b64) + 4, n = body + tail;
    char *signed_text = malloc(n + 1);
    if (!signed_text) return 0;
    memcpy(signed_text, text, body);
    snprintf(signed_text + body, tail + 1, "%s%s\"\n}\n", sig_line, b64);
    check(signed_text, n);
    free(signed_text);
    return 0;
}
