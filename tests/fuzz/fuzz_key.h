/* fuzz_key: the fixed Ed25519 key the manifest fuzz target signs with and
 * the seed maker writes its manifests with, so that mutated manifests can
 * be signed again and reach the checks made after the signature. A test key
 * only: it signs nothing real. */
#ifndef HYS_FUZZ_KEY_H
#define HYS_FUZZ_KEY_H

#include <sodium.h>

static inline void fuzz_key(unsigned char pk[crypto_sign_PUBLICKEYBYTES],
                            unsigned char sk[crypto_sign_SECRETKEYBYTES])
{
    unsigned char seed[crypto_sign_SEEDBYTES];
    for (size_t i = 0; i < sizeof seed; i++)
        seed[i] = (unsigned char)(0x5a ^ i);
    crypto_sign_seed_keypair(pk, sk, seed);
}

#endif
