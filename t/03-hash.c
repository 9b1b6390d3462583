/* t/03-hash.c - MD5, SHA-256, XXH3-128 and base64 against published vectors.
 * XXH3-128 vectors were checked with `xxhsum -H2` (Debian package xxhash).
 * SHA-256 is also compared with libmd's own on every length 0..1100 and in random
 * pieces: lc_sha256 runs on the CPU's SHA extensions where it has them (runtime/hash.c),
 * libmd where it does not. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sha2.h>

#include <lambdac/hash.h>

#include "tap.h"

static char *repeat(char c, size_t n)
{
    char *p = malloc(n + 1);
    memset(p, c, n);
    p[n] = '\0';
    return p;
}

int main(void)
{
    static const struct { const char *in, *md5; } md5v[] = {   /* RFC 1321 */
        { "", "d41d8cd98f00b204e9800998ecf8427e" },
        { "a", "0cc175b9c0f1b6a831c399e269772661" },
        { "abc", "900150983cd24fb0d6963f7d28e17f72" },
        { "message digest", "f96b697d7cb7938d525a2f31aaf161d0" },
        { "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b" },
        { "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
          "57edf4a22be3c955ac49da2e2107b67a" },
        { "{}", "99914b932bd37a50b983c5e7c90ae93b" },     /* FACTS (a): empty layers hash */
    };
    static const struct { const char *in, *sha; } shav[] = {   /* FIPS 180-2 */
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };
    static const struct { const char *in, *xxh; } xxhv[] = {
        { "", "99aa06d3014798d86001c324468d497f" },
        { "abc", "06b05ab6733a618578af5f94892f3950" },
        { "MyFunction/ServiceRole/Resource", "11310b4e6127597779bc09d3d7a58b47" },
    };
    static const struct { const char *in, *b64; } b64v[] = {   /* RFC 4648 */
        { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
        { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
        { "\xff\xfe\xfd", "//79" }, { "\x00\x10\x83", "ABCD" },
    };
    char hex[65], b64[64];
    unsigned char raw[32];
    size_t i, n;
    char *big;

    for (i = 0; i < sizeof md5v / sizeof md5v[0]; i++) {
        lc_md5_hex(md5v[i].in, strlen(md5v[i].in), hex);
        is_str(hex, md5v[i].md5, "md5(\"%.20s\")", md5v[i].in);
        lc_hash32_hex(LC_HASH_CDK, md5v[i].in, strlen(md5v[i].in), hex);
        is_str(hex, md5v[i].md5, "hash32 cdk profile is md5 (\"%.20s\")", md5v[i].in);
    }
    for (i = 0; i < sizeof shav / sizeof shav[0]; i++) {
        lc_sha256_hex(shav[i].in, strlen(shav[i].in), hex);
        is_str(hex, shav[i].sha, "sha256(\"%.20s\")", shav[i].in);
    }
    big = repeat('a', 1000000);
    lc_sha256_hex(big, 1000000, hex);
    is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
           "sha256(one million 'a')");
    lc_md5_hex(big, 1000000, hex);
    is_str(hex, "7707d6ae4e027c70eea2a935c2296f21", "md5(one million 'a')");
    {
        /* streaming in odd pieces == one shot */
        lc_sha256_ctx_t c;
        lc_md5_ctx_t m;
        size_t off = 0, step = 1;
        lc_sha256_init(&c);
        lc_md5_init(&m);
        while (off < 1000000) {
            size_t k = step < 1000000 - off ? step : 1000000 - off;
            lc_sha256_update(&c, big + off, k);
            lc_md5_update(&m, big + off, k);
            off += k;
            step = step * 3 + 1;
        }
        lc_sha256_update(&c, big, 0);
        lc_sha256_final(&c, raw);
        lc_hex(raw, 32, hex);
        is_str(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
               "streaming sha256");
        lc_md5_final(&m, raw);
        lc_hex(raw, 16, hex);
        is_str(hex, "7707d6ae4e027c70eea2a935c2296f21", "streaming md5");
    }
    lc_sha256("abc", 3, raw);
    ok(raw[0] == 0xba && raw[31] == 0xad, "raw sha256");
    {
        /* against libmd: every length 0..1100 in one piece, then random pieces */
        unsigned char *buf = malloc(70000), want[32];
        uint32_t seed = 12345;
        size_t len, bad_one = 0, bad_pieces = 0, first_bad = SIZE_MAX;
        for (len = 0; len < 70000; len++) {
            seed = seed * 1103515245u + 12345u;
            buf[len] = (unsigned char)(seed >> 16);
        }
        for (len = 0; len <= 1100; len++) {
            SHA2_CTX ref;
            SHA256Init(&ref);
            SHA256Update(&ref, buf, len);
            SHA256Final(want, &ref);
            lc_sha256(buf, len, raw);
            if (memcmp(raw, want, 32) != 0 && bad_one++ == 0)
                first_bad = len;
        }
        if (!is_int((long long)bad_one, 0, "sha256 equals libmd's on lengths 0..1100"))
            diag("first difference at length %zu", first_bad);
        for (i = 0; i < 300; i++) {
            SHA2_CTX ref;
            lc_sha256_ctx_t c;
            size_t off = 0, total;
            seed = seed * 1103515245u + 12345u;
            total = (seed >> 8) % 70000;
            SHA256Init(&ref);
            SHA256Update(&ref, buf, total);
            SHA256Final(want, &ref);
            lc_sha256_init(&c);
            while (off < total) {
                size_t k;
                seed = seed * 1103515245u + 12345u;
                k = (seed >> 8) % (i % 3 == 0 ? 70 : i % 3 == 1 ? 700 : 7000);
                if (k > total - off)
                    k = total - off;
                lc_sha256_update(&c, buf + off, k);
                off += k;
            }
            lc_sha256_final(&c, raw);
            bad_pieces += memcmp(raw, want, 32) != 0;
        }
        is_int((long long)bad_pieces, 0, "sha256 in random pieces equals libmd's (300 messages up to 70 kB)");
        free(buf);
    }
    lc_md5("abc", 3, raw);
    ok(raw[0] == 0x90 && raw[15] == 0x72, "raw md5");

    for (i = 0; i < sizeof xxhv / sizeof xxhv[0]; i++) {
        lc_xxh3_128_hex(xxhv[i].in, strlen(xxhv[i].in), hex);
        is_str(hex, xxhv[i].xxh, "xxh3-128(\"%.20s\")", xxhv[i].in);
        lc_hash32_hex(LC_HASH_NATIVE, xxhv[i].in, strlen(xxhv[i].in), hex);
        is_str(hex, xxhv[i].xxh, "hash32 native profile is xxh3-128 (\"%.20s\")", xxhv[i].in);
    }
    lc_xxh3_128_hex(big, 1000, hex);
    is_str(hex, "b01da365eddaa29cb3e7af627147db7c", "xxh3-128(1000 'a')");
    lc_xxh3_128_hex(NULL, 0, hex);
    is_str(hex, "99aa06d3014798d86001c324468d497f", "xxh3-128(NULL, 0)");
    free(big);

    for (i = 0; i < sizeof b64v / sizeof b64v[0]; i++) {
        size_t len = i == 8 ? 3 : strlen(b64v[i].in);
        n = lc_base64(b64v[i].in, len, b64);
        is_str(b64, b64v[i].b64, "base64 #%zu", i);
        is_int((long long)n, (long long)strlen(b64v[i].b64), "base64 #%zu length", i);
    }
    /* base64 of a sha256, as grantInvoke ids use it (44 chars, one '=') */
    lc_sha256("abc", 3, raw);
    n = lc_base64(raw, 32, b64);
    is_str(b64, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", "base64(sha256(\"abc\"))");
    return done_testing();
}
