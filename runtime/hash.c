/* runtime/hash.c - MD5 / SHA-256 (libmd) for the cdk profile, XXH3-128 (libxxhash) for
 * the native profile, hex and base64.
 *
 * Why libraries: the cdk profile must match Node's crypto bit for bit, and well-tested
 * implementations are a package away.  One exception: on x86-64 CPUs with the SHA
 * extensions, SHA-256's block function runs on them (sha256rnds2 and friends), because
 * libmd's portable code made the cdk profile's fingerprint of a big asset slower than
 * Node's (bench/: 100 MiB, 462 ms vs 363 ms).  The choice is made once per process from
 * CPUID; the buffering, padding and length encoding around the block function are plain
 * C, and t/03-hash.c compares the result with libmd on thousands of inputs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <md5.h>
#include <sha2.h>
#include <xxhash.h>

#include <lambdac/hash.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LC_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

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

#ifdef LC_SHA_NI
/* ---- SHA-256 on the SHA extensions ------------------------------------------------------
 * The context when the extensions are used (in lc_sha256_ctx_t's opaque bytes). */
struct sha_ni_ctx {
    uint32_t h[8];
    uint64_t nbytes;             /* message bytes so far */
    unsigned char buf[64];
    size_t nbuf;
};
_Static_assert(sizeof(struct sha_ni_ctx) <= sizeof(((lc_sha256_ctx_t *)0)->opaque),
               "lc_sha256_ctx_t too small for the SHA-NI context");

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* n 64-byte blocks into h.  The extensions keep the state as two vectors, ABEF and
 * CDGH; each sha256rnds2 does two rounds, so a group of four message words takes two.
 * The message schedule, four words at a time (X[i] = words 4i..4i+3):
 *   W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]
 * sha256msg1(X[i-4], X[i-3]) gives W[t-16] + s0(W[t-15]); alignr(X[i-1], X[i-2], 4)
 * the W[t-7] words; sha256msg2 adds s1(W[t-2]). */
__attribute__((target("sha,sse4.1,ssse3")))
static void sha_ni_blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)(const void *)&h[0]);   /* lanes A B C D */
    __m128i hgfe = _mm_loadu_si128((const __m128i *)(const void *)&h[4]);   /* lanes E F G H */
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
    for (; n; n--, p += 64) {
        __m128i abef0 = abef, cdgh0 = cdgh, x[4], wk;
        for (int i = 0; i < 16; i++) {
            if (i < 4) {
                x[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)), bswap);
            } else {
                __m128i t = _mm_sha256msg1_epu32(x[i & 3], x[(i + 1) & 3]);
                t = _mm_add_epi32(t, _mm_alignr_epi8(x[(i + 3) & 3], x[(i + 2) & 3], 4));
                x[i & 3] = _mm_sha256msg2_epu32(t, x[(i + 3) & 3]);
            }
            wk = _mm_add_epi32(x[i & 3], _mm_loadu_si128((const __m128i *)(const void *)&sha_k[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)(void *)&h[0], dcba);
    _mm_storeu_si128((__m128i *)(void *)&h[4], hgfe);
}

/* Whether this CPU has the SHA extensions (and SSSE3 / SSE4.1 beside them); asked once.
 * LC_SHA256_PORTABLE=1 in the environment forces libmd (for comparisons). */
static int use_sha_ni(void)
{
    static int known = -1;
    if (known < 0) {
        unsigned a, b, c, d;
        const char *env = getenv("LC_SHA256_PORTABLE");
        known = 0;
        if ((!env || strcmp(env, "1") != 0) && __get_cpuid(1, &a, &b, &c, &d) &&
            (c & bit_SSSE3) && (c & bit_SSE4_1) && __get_cpuid_count(7, 0, &a, &b, &c, &d) &&
            (b & (1u << 29)))
            known = 1;
    }
    return known;
}

static void be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}
#endif

void lc_sha256_init(lc_sha256_ctx_t *c)
{
#ifdef LC_SHA_NI
    if (use_sha_ni()) {
        static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        struct sha_ni_ctx *x = (struct sha_ni_ctx *)(void *)c->opaque;
        memcpy(x->h, iv, sizeof iv);
        x->nbytes = 0;
        x->nbuf = 0;
        return;
    }
#endif
    SHA256Init((SHA2_CTX *)(void *)c->opaque);
}

void lc_sha256_update(lc_sha256_ctx_t *c, const void *data, size_t n)
{
    if (!n)
        return;
#ifdef LC_SHA_NI
    if (use_sha_ni()) {
        struct sha_ni_ctx *x = (struct sha_ni_ctx *)(void *)c->opaque;
        const unsigned char *p = data;
        x->nbytes += n;
        if (x->nbuf) {
            size_t k = 64 - x->nbuf < n ? 64 - x->nbuf : n;
            memcpy(x->buf + x->nbuf, p, k);
            x->nbuf += k;
            p += k;
            n -= k;
            if (x->nbuf < 64)
                return;
            sha_ni_blocks(x->h, x->buf, 1);
            x->nbuf = 0;
        }
        if (n >= 64) {
            sha_ni_blocks(x->h, p, n / 64);
            p += n / 64 * 64;
            n %= 64;
        }
        memcpy(x->buf, p, n);
        x->nbuf = n;
        return;
    }
#endif
    SHA256Update((SHA2_CTX *)(void *)c->opaque, data, n);
}

void lc_sha256_final(lc_sha256_ctx_t *c, unsigned char out[32])
{
#ifdef LC_SHA_NI
    if (use_sha_ni()) {
        struct sha_ni_ctx *x = (struct sha_ni_ctx *)(void *)c->opaque;
        uint64_t bits = x->nbytes * 8;
        x->buf[x->nbuf++] = 0x80;
        if (x->nbuf > 56) {
            memset(x->buf + x->nbuf, 0, 64 - x->nbuf);
            sha_ni_blocks(x->h, x->buf, 1);
            x->nbuf = 0;
        }
        memset(x->buf + x->nbuf, 0, 56 - x->nbuf);
        be32(x->buf + 56, (uint32_t)(bits >> 32));
        be32(x->buf + 60, (uint32_t)bits);
        sha_ni_blocks(x->h, x->buf, 1);
        for (int i = 0; i < 8; i++)
            be32(out + 4 * i, x->h[i]);
        return;
    }
#endif
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
