/* seal: files sealed to a public key, for bundles whose question set names
 * one (settings public_key): only the holder of the matching secret key
 * (made with `haveyoursay keygen`) can open them. A random key encrypts the
 * file in 64 KiB chunks (libsodium secretstream, XChaCha20-Poly1305), and
 * that key is sealed to the public key (crypto_box_seal, X25519), so memory
 * stays small however big the file. Layout: "HYSSEAL1", the sealed key (80
 * bytes), the stream header (24), then the chunks; the last chunk is marked
 * final, so a cut-off file is refused. */
#ifndef HYS_SEAL_H
#define HYS_SEAL_H

#include "../util/status.h"

#include <stddef.h>

/* Decode a base64 X25519 public key (32 bytes) into pk: HYS_OK, or
 * HYS_EFORMAT when it is not a valid one. */
hys_status hys_seal_key_from_base64(const char *b64, unsigned char pk[32]);
/* Seal the file from into to for the public key pk. */
hys_status hys_seal_file(const char *from, const char *to, const unsigned char pk[32], char *err,
                         size_t errn);
/* Open a sealed file from into to with the key pair (pk, sk). */
hys_status hys_seal_open(const char *from, const char *to, const unsigned char pk[32],
                         const unsigned char sk[32], char *err, size_t errn);
/* Make a key pair: the secret one into path (0600, base64 of secret then
 * public key, one line), the public one as base64 into pk_b64. */
hys_status hys_seal_keygen(const char *path, char pk_b64[64], char *err, size_t errn);
/* Read a key pair written by hys_seal_keygen. */
hys_status hys_seal_load_key(const char *path, unsigned char pk[32], unsigned char sk[32],
                             char *err, size_t errn);

#endif
