/* lambdac/hash.h - the hash functions behind logical ids, version ids and asset hashes.
 *
 * The `cdk` profile reproduces aws-cdk-lib byte for byte (MD5, SHA-256); the `native`
 * profile uses XXH3-128 from libxxhash.  All functions here are pure and thread-safe.
 */
#ifndef LAMBDAC_HASH_H
#define LAMBDAC_HASH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lc_hash_profile {
    LC_HASH_NATIVE = 0,   /* XXH3-128 (default) */
    LC_HASH_CDK = 1       /* MD5 / SHA-256 as aws-cdk-lib */
} lc_hash_profile_t;

/* Lower-case hex digests into `out` (NUL-terminated): 33 bytes for md5/xxh3-128,
 * 65 for sha256. */
void lc_md5_hex(const void *data, size_t n, char out[33]);
void lc_sha256_hex(const void *data, size_t n, char out[65]);
void lc_xxh3_128_hex(const void *data, size_t n, char out[33]);
/* Raw SHA-256 (for base64 forms). */
void lc_sha256(const void *data, size_t n, unsigned char out[32]);
/* The 32-hex "hash32" of a profile: md5 (cdk) or xxh3-128 (native). */
void lc_hash32_hex(lc_hash_profile_t p, const void *data, size_t n, char out[33]);

/* Raw MD5. */
void lc_md5(const void *data, size_t n, unsigned char out[16]);
/* Lower-case hex of n bytes into out (2n+1 bytes, NUL-terminated). */
void lc_hex(const void *data, size_t n, char *out);

/* Streaming SHA-256 / MD5 (for files and directory trees).  The context is plain
 * storage for libmd's context: init, update any number of times, final (which leaves
 * the context unusable until the next init). */
typedef struct lc_sha256_ctx { _Alignas(8) unsigned char opaque[256]; } lc_sha256_ctx_t;
void lc_sha256_init(lc_sha256_ctx_t *c);
void lc_sha256_update(lc_sha256_ctx_t *c, const void *data, size_t n);
void lc_sha256_final(lc_sha256_ctx_t *c, unsigned char out[32]);
typedef struct lc_md5_ctx { _Alignas(8) unsigned char opaque[128]; } lc_md5_ctx_t;
void lc_md5_init(lc_md5_ctx_t *c);
void lc_md5_update(lc_md5_ctx_t *c, const void *data, size_t n);
void lc_md5_final(lc_md5_ctx_t *c, unsigned char out[16]);

/* Standard base64 with padding; out must hold 4*((n+2)/3)+1 bytes (NUL-terminated).
 * Returns the length written (without the NUL). */
size_t lc_base64(const void *data, size_t n, char *out);

#ifdef __cplusplus
}
#endif
#endif
