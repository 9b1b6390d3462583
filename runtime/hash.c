/* runtime/hash.c - MD5 / SHA-256 (libmd) for the cdk profile, XXH3-128 (libxxhash) for
 * the native profile, hex and base64.
 *
 * Why libraries: the cdk profile must match Node's crypto bit for bit, and well-tested
 * implementations are a package away; nothing here is worth owning.
 */
#include <stdint.h>
#include <string.h>

#include <md5.h>
#include <sha2.h>
#include <xxhash.h>

#include <lambdac/hash.h>

_Static_assert(sizeof(SHA2_CTX) <= sizeof(((lc_sha256_ctx_t *)0)->opaque),
               "lc_sha256_ctx_t too small for libmd's SHA2_CTX");
_Static_assert(sizeof(MD5_CTX) <= sizeof(((lc_md5_ctx_t *)0)->opaque),
               "lc_md5_ctx_t too small for libmd's MD5_CTX");
_Static_assert(_Alignof(SHA2_CTX) <= 8 && _Alignof(MD5_CTX) <= 8,
               "hash context alignment");

void lc_hex(const void *data, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = data;
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = hex[p[i] >> 4];
        out[2 * i + 1] = hex[p[i] & 15];
    }
    out[2 * n] = '\0';
}

void lc_md5_init(lc_md5_ctx_t *c) { MD5Init((MD5_CTX *)(void *)c->opaque); }

void lc_md5_update(lc_md5_ctx_t *c, const void *data, size_t n)
{
    if (n)
        MD5Update((MD5_CTX *)(void *)c->opaque, data, n);
}

void lc_md5_final(lc_md5_ctx_t *c, unsigned char out[16])
{
    MD5Final(out, (MD5_CTX *)(void *)c->opaque);
}

void lc_sha256_init(lc_sha256_ctx_t *c) { SHA256Init((SHA2_CTX *)(void *)c->opaque); }

void lc_sha256_update(lc_sha256_ctx_t *c, const void *data, size_t n)
{
    if (n)
        SHA256Update((SHA2_CTX *)(void *)c->opaque, data, n);
}

void lc_sha256_final(lc_sha256_ctx_t *c, unsigned char out[32])
{
    SHA256Final(out, (SHA2_CTX *)(void *)c->opaque);
}

void lc_md5(const void *data, size_t n, unsigned char out[16])
{
    lc_md5_ctx_t c;
    lc_md5_init(&c);
    lc_md5_update(&c, data, n);
    lc_md5_final(&c, out);
}

void lc_sha256(const void *data, size_t n, unsigned char out[32])
{
    lc_sha256_ctx_t c;
    lc_sha256_init(&c);
    lc_sha256_update(&c, data, n);
    lc_sha256_final(&c, out);
}

void lc_md5_hex(const void *data, size_t n, char out[33])
{
    unsigned char d[16];
    lc_md5(data, n, d);
    lc_hex(d, sizeof d, out);
}

void lc_sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char d[32];
    lc_sha256(data, n, d);
    lc_hex(d, sizeof d, out);
}

void lc_xxh3_128_hex(const void *data, size_t n, char out[33])
{
    XXH128_canonical_t canon;
    /* XXH3 accepts (NULL, 0); keep a valid pointer anyway. */
    XXH128_hash_t h = XXH3_128bits(n ? data : "", n);
    XXH128_canonicalFromHash(&canon, h);     /* big-endian: high64 then low64 */
    lc_hex(canon.digest, sizeof canon.digest, out);
}

void lc_hash32_hex(lc_hash_profile_t p, const void *data, size_t n, char out[33])
{
    if (p == LC_HASH_CDK)
        lc_md5_hex(data, n, out);
    else
        lc_xxh3_128_hex(data, n, out);
}

size_t lc_base64(const void *data, size_t n, char *out)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *p = data;
    size_t i, o = 0;
    for (i = 0; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = b64[(v >> 6) & 63];
        out[o++] = b64[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = '=';
        out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = b64[(v >> 6) & 63];
        out[o++] = '=';
    }
    out[o] = '\0';
    return o;
}
