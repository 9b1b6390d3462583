/* mktree.c - write a deterministic tree of mixed files for the asset benchmark.
 *
 *     mktree DIR [MIB]          (default 100 MiB)
 *
 * The same bytes on every machine (a fixed xorshift generator, no clock, no locale).
 * Roughly, by size: 35 % JavaScript-like text (LF; one text file in eight uses CRLF, so
 * CDK's line-ending normalisation has work to do), 30 % incompressible binary (random
 * bytes with a NUL in the first block), 25 % compressible binary (repeated records with
 * NULs), and a few large files (one text, one binary) for the remaining 10 %.  Files sit
 * in a tree 3 levels deep (pkg<i>/lib<j>/...), like a node_modules folder.
 * Exit status: 0 ok, 1 I/O error, 2 usage.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t range(uint64_t lo, uint64_t hi) /* [lo, hi] */
{
    return lo + next() % (hi - lo + 1);
}

static const char *words[] = {
    "const", "function", "return", "await", "async", "module", "exports", "require",
    "handler", "event", "context", "callback", "if", "else", "for", "let", "var", "new",
    "this", "null", "undefined", "true", "false", "=>", "{", "}", "(", ")", ";", "=",
    "response", "statusCode", "body", "JSON.stringify", "headers", "items", "length",
    "map", "filter", "reduce", "Promise", "resolve", "reject", "throw", "Error", "try",
    "catch", "finally", "import", "from", "default", "class", "extends", "super",
};

static int mkdirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(buf, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

static unsigned char *buf;
static size_t cap;

static void ensure(size_t n)
{
    if (n > cap) {
        cap = n;
        buf = realloc(buf, cap);
        if (!buf) {
            perror("mktree");
            exit(1);
        }
    }
}

/* kinds: 0 text LF, 1 text CRLF, 2 random binary, 3 compressible binary */
static size_t fill(int kind, size_t n)
{
    ensure(n + 64);
    size_t o = 0;
    if (kind <= 1) {
        size_t col = 0;
        while (o < n) {
            const char *w = words[next() % (sizeof words / sizeof *words)];
            size_t wl = strlen(w);
            memcpy(buf + o, w, wl);
            o += wl;
            col += wl + 1;
            if (col > 60 + next() % 40) {
                if (kind == 1)
                    buf[o++] = '\r';
                buf[o++] = '\n';
                col = 0;
            } else {
                buf[o++] = ' ';
            }
        }
        return o;
    }
    if (kind == 2) {
        for (; o + 8 <= n; o += 8) {
            uint64_t v = next();
            memcpy(buf + o, &v, 8);
        }
        for (; o < n; o++)
            buf[o] = (unsigned char)next();
        buf[0] = 0;     /* binary for CDK: a NUL in the first 8 KiB */
        return n;
    }
    /* compressible: 64-byte records, few distinct */
    unsigned char rec[8][64];
    for (int r = 0; r < 8; r++)
        for (int i = 0; i < 64; i++)
            rec[r][i] = (unsigned char)(i % 5 == 0 ? 0 : next() % 32);
    while (o < n) {
        size_t k = n - o < 64 ? n - o : 64;
        memcpy(buf + o, rec[next() % 8], k);
        o += k;
    }
    return n;
}

/* Writes about n bytes (text runs to the end of a word); returns the count, or -1. */
static long long write_file(const char *path, int kind, size_t n)
{
    size_t len = fill(kind, n);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "mktree: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return (long long)len;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: mktree DIR [MIB]\n");
        return 2;
    }
    const char *root = argv[1];
    uint64_t total = (uint64_t)(argc == 3 ? atoi(argv[2]) : 100) << 20;
    if (mkdirs(root) != 0) {
        fprintf(stderr, "mktree: %s: %s\n", root, strerror(errno));
        return 1;
    }
    char path[4096];
    uint64_t written = 0, nfiles = 0;
    /* the big files: 10 % */
    long long w;
    snprintf(path, sizeof path, "%s/big.js", root);
    if ((w = write_file(path, 0, (size_t)(total / 20))) < 0)
        return 1;
    written += (uint64_t)w;
    snprintf(path, sizeof path, "%s/big.bin", root);
    if ((w = write_file(path, 2, (size_t)(total / 20))) < 0)
        return 1;
    written += (uint64_t)w;
    nfiles += 2;
    while (written < total) {
        unsigned pkg = (unsigned)(nfiles / 97), lib = (unsigned)((nfiles / 13) % 7);
        snprintf(path, sizeof path, "%s/pkg%03u/lib%u", root, pkg, lib);
        if (mkdirs(path) != 0) {
            fprintf(stderr, "mktree: %s: %s\n", path, strerror(errno));
            return 1;
        }
        uint64_t r = next() % 100;
        int kind;
        size_t n;
        if (r < 55) {               /* small text, many files */
            kind = (next() % 8 == 0) ? 1 : 0;
            n = (size_t)range(200, 60000);
        } else if (r < 80) {
            kind = 2;
            n = (size_t)range(1000, 240000);
        } else {
            kind = 3;
            n = (size_t)range(1000, 200000);
        }
        if (written + n > total)
            n = (size_t)(total - written);
        static const char *ext[] = { ".js", ".js", ".node", ".dat" };
        snprintf(path, sizeof path, "%s/pkg%03u/lib%u/f%06llu%s", root, pkg, lib,
                 (unsigned long long)nfiles, ext[kind]);
        if ((w = write_file(path, kind, n)) < 0)
            return 1;
        written += (uint64_t)w;
        nfiles++;
    }
    printf("%llu files, %llu bytes\n", (unsigned long long)nfiles, (unsigned long long)written);
    return 0;
}
