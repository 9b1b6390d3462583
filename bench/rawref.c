/* rawref.c - physical references for the asset benchmark (bench only).
 *
 *     rawref read|sha256|sha256-openssl|xxh3|deflate DIR
 *
 * Walks DIR (every regular file, any order) and, per file, in 64 KiB blocks:
 *   read     only reads the bytes (the I/O floor),
 *   sha256   SHA-256 of each file's bytes with libmd (what lambdac's `cdk` profile uses on
 *            a CPU without the SHA extensions; with them it runs runtime/hash.c's code),
 *   sha256-openssl  the same with OpenSSL's EVP (SHA-NI / AVX2 code paths; what node's
 *            crypto, and so CDK, uses); only when built with -DHAVE_OPENSSL -lcrypto,
 *   xxh3     XXH3-128 of each file's bytes (the floor of the `native` fingerprint),
 *   deflate  zlib deflate, level 6, raw (as a zip entry is stored), plus the CRC-32 a zip
 *            needs; the output is counted and dropped (the floor of any zip writer).
 * Prints files, input bytes, output bytes (deflate) and a digest of the per-file results
 * so the work cannot be optimised away.  Exit status: 0 ok, 1 I/O error, 2 usage.
 */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sha2.h>
#ifdef HAVE_OPENSSL
#include <openssl/evp.h>
#endif
#include <xxhash.h>
#include <zlib.h>

enum { M_READ, M_SHA256, M_OSSL, M_XXH3, M_DEFLATE };
static int mode;
static unsigned long long nfiles, nin, nout, mix;
static unsigned char in[65536], out[65536];

static int one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    if (type != FTW_F)
        return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        return 1;
    }
    SHA2_CTX sha;
    XXH3_state_t *xx = NULL;
    z_stream z;
    uLong crc = crc32(0L, Z_NULL, 0);
#ifdef HAVE_OPENSSL
    EVP_MD_CTX *ev = NULL;
    if (mode == M_OSSL) {
        ev = EVP_MD_CTX_new();
        EVP_DigestInit_ex(ev, EVP_sha256(), NULL);
    }
#endif
    if (mode == M_SHA256)
        SHA256Init(&sha);
    if (mode == M_XXH3) {
        xx = XXH3_createState();
        XXH3_128bits_reset(xx);
    }
    if (mode == M_DEFLATE) {
        memset(&z, 0, sizeof z);
        if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            return 1;
    }
    for (;;) {
        ssize_t n = read(fd, in, sizeof in);
        if (n < 0) {
            perror(path);
            close(fd);
            return 1;
        }
        nin += (unsigned long long)n;
        if (mode == M_SHA256 && n)
            SHA256Update(&sha, in, (size_t)n);
        if (mode == M_XXH3 && n)
            XXH3_128bits_update(xx, in, (size_t)n);
#ifdef HAVE_OPENSSL
        if (mode == M_OSSL && n)
            EVP_DigestUpdate(ev, in, (size_t)n);
#endif
        if (mode == M_DEFLATE) {
            crc = crc32(crc, in, (uInt)n);
            z.next_in = in;
            z.avail_in = (uInt)n;
            int flush = n == 0 ? Z_FINISH : Z_NO_FLUSH;
            int rc;
            do {
                z.next_out = out;
                z.avail_out = sizeof out;
                rc = deflate(&z, flush);
                nout += sizeof out - z.avail_out;
            } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        }
        if (n == 0)
            break;
    }
    close(fd);
    if (mode == M_SHA256) {
        uint8_t d[SHA256_DIGEST_LENGTH];
        SHA256Final(d, &sha);
        mix ^= d[0] | (uint64_t)d[1] << 8;
    }
#ifdef HAVE_OPENSSL
    if (mode == M_OSSL) {
        unsigned char d[EVP_MAX_MD_SIZE];
        unsigned int dl = 0;
        EVP_DigestFinal_ex(ev, d, &dl);
        EVP_MD_CTX_free(ev);
        mix ^= d[0] | (uint64_t)d[1] << 8;
    }
#endif
    if (mode == M_XXH3) {
        XXH128_hash_t h = XXH3_128bits_digest(xx);
        XXH3_freeState(xx);
        mix ^= h.low64;
    }
    if (mode == M_DEFLATE) {
        deflateEnd(&z);
        mix ^= crc;
    }
    nfiles++;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        goto usage;
    if (strcmp(argv[1], "read") == 0)
        mode = M_READ;
    else if (strcmp(argv[1], "sha256") == 0)
        mode = M_SHA256;
#ifdef HAVE_OPENSSL
    else if (strcmp(argv[1], "sha256-openssl") == 0)
        mode = M_OSSL;
#endif
    else if (strcmp(argv[1], "xxh3") == 0)
        mode = M_XXH3;
    else if (strcmp(argv[1], "deflate") == 0)
        mode = M_DEFLATE;
    else
        goto usage;
    if (nftw(argv[2], one, 32, FTW_PHYS) != 0)
        return 1;
    printf("%llu files, %llu bytes in, %llu bytes out, mix %016llx\n", nfiles, nin, nout, mix);
    return 0;
usage:
    fprintf(stderr, "usage: rawref read|sha256|sha256-openssl|xxh3|deflate DIR\n");
    return 2;
}
