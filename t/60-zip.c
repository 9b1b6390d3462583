/* t/60-zip.c - lc_zip_dir: deterministic archives.
 *
 * The same tree written twice - files created in opposite orders, under different
 * umasks, with different mtimes - must give byte-identical zips, with 1 thread or
 * several, and `unzip -t` must accept them (skipped when unzip is not installed).  Then
 * the format rules one by one (sorted names, DOS epoch dates, 0644/0755, stored vs
 * deflated, large files streamed), the exclude filter, errors, and CodeSha256.
 */
#define _XOPEN_SOURCE 700   /* mkdtemp, symlink, utimes */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/zip.h>

#include "tap.h"

static char root[256];

static void put(const char *dir, const char *rel, const void *data, size_t n, mode_t mode)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    /* parents */
    for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = 0;
        mkdir(p, 0777);
        *s = '/';
    }
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, data, n) != (ssize_t)n || close(fd) != 0)
        bail_out("cannot write %s: %s", p, strerror(errno));
}

static void set_mtime(const char *dir, const char *rel, time_t t)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    struct timeval tv[2] = { { t, 0 }, { t, 0 } };
    utimes(p, tv);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(len > 0 ? (size_t)len : 1);
    *n = fread(b, 1, (size_t)len, f);
    fclose(f);
    return b;
}

/* A pseudo-random but fixed byte stream (incompressible enough). */
static void fill(unsigned char *b, size_t n, uint32_t seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        b[i] = (unsigned char)(seed >> 16);
    }
}

typedef struct file {
    const char *rel;
    const char *text;
    mode_t mode;
} file_t;

static const file_t files[] = {
    { "index.js", "exports.handler = async () => 'hi';\n", 0644 },
    { "lib/a.js", "module.exports = 1;\n", 0644 },
    { "lib/b.js", "module.exports = 2;\n", 0600 },
    { "bin/run", "#!/bin/sh\nexec node index.js\n", 0755 },
    { "a.txt", "", 0644 },
    { "lib/deep/x/y/z.json", "{\"k\": [1, 2, 3]}\n", 0664 },
    { "caf\xc3\xa9.txt", "utf-8 name\n", 0644 },
    { ".hidden", "dot file\n", 0644 },
};
#define NFILES (sizeof files / sizeof *files)

static unsigned char big[3 << 20];

/* Write the tree into dir: in forward or reverse order, under umask um, with mtimes
 * starting at t0. */
static void make_tree(const char *dir, int reverse, mode_t um, time_t t0)
{
    mode_t old = umask(um);
    mkdir(dir, 0777);
    for (size_t k = 0; k < NFILES; k++) {
        const file_t *f = &files[reverse ? NFILES - 1 - k : k];
        put(dir, f->rel, f->text, strlen(f->text), f->mode);
        set_mtime(dir, f->rel, t0 + (time_t)k * 977);
    }
    put(dir, "data/big.bin", big, sizeof big, 0644);
    put(dir, "data/zeros.bin", (unsigned char[4096]){ 0 }, 4096, 0644);
    set_mtime(dir, "data/big.bin", t0 + 5);
    mkdir(strcat(strcpy((char[512]){ 0 }, dir), "/empty-dir"), 0777);
    umask(old);
}

static int have_unzip(void)
{
    return system("unzip -v >/dev/null 2>&1") == 0;
}

/* Local header fields of the entry at offset off. */
static unsigned u16(const unsigned char *p) { return p[0] | (unsigned)p[1] << 8; }
static uint32_t u32(const unsigned char *p)
{
    return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(void)
{
    char err[512], sha1[65], sha2[65], sha3[65];
    snprintf(root, sizeof root, "%s/lc-zip.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(root))
        bail_out("mkdtemp: %s", strerror(errno));
    fill(big, sizeof big, 42);

    char t1[1024], t2[1024], z1[1024], z2[1024], z3[1024];
    snprintf(t1, sizeof t1, "%s/tree1", root);
    snprintf(t2, sizeof t2, "%s/tree2", root);
    snprintf(z1, sizeof z1, "%s/one.zip", root);
    snprintf(z2, sizeof z2, "%s/two.zip", root);
    snprintf(z3, sizeof z3, "%s/three.zip", root);
    make_tree(t1, 0, 022, 1000000000);
    make_tree(t2, 1, 077, 1600000000);

    lc_zip_options_t o1 = { .threads = 1, .progress = 0 };
    lc_zip_options_t o4 = { .threads = 4, .progress = 0 };
    is_int(lc_zip_dir(t1, &o1, z1, sha1, err, sizeof err), 0, "zip tree 1 (1 thread) %s", err);
    is_int(lc_zip_dir(t2, &o4, z2, sha2, err, sizeof err), 0, "zip tree 2 (4 threads) %s", err);
    size_t n1 = 0, n2 = 0;
    unsigned char *b1 = slurp(z1, &n1), *b2 = slurp(z2, &n2);
    ok(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0,
       "same tree, other creation order, umask and mtimes: byte-identical zips (%zu bytes)", n1);
    is_str(sha1, sha2, "same SHA-256");
    char check[65] = "";
    if (b1)
        lc_sha256_hex(b1, n1, check);
    is_str(sha1, check, "the SHA-256 returned is the file's");

    /* default options (threads = CPUs) give the same bytes too */
    is_int(lc_zip_dir(t1, NULL, z3, sha3, err, sizeof err), 0, "zip with NULL options");
    is_str(sha3, sha1, "NULL options: same archive");

    if (have_unzip()) {
        char cmd[1200];
        snprintf(cmd, sizeof cmd, "unzip -tqq '%s' >/dev/null 2>&1", z1);
        ok(system(cmd) == 0, "unzip -t accepts the archive");
        snprintf(cmd, sizeof cmd, "cd '%s' && mkdir out && cd out && unzip -qq ../one.zip && "
                 "cmp data/big.bin ../tree1/data/big.bin && cmp bin/run ../tree1/bin/run && "
                 "test -x bin/run && test ! -x index.js && test -f 'caf\xc3\xa9.txt' && "
                 "test -f .hidden && test ! -e empty-dir", root);
        ok(system(cmd) == 0, "unzip restores contents, names and the exec bit");
    } else {
        skip(2, "unzip is not installed");
    }

    /* format rules, read back from the bytes */
    {
        size_t off = 0;
        int sorted = 1, dates = 1, noextra = 1, count = 0;
        char prev[512] = "";
        while (b1 && off + 30 <= n1 && u32(b1 + off) == 0x04034b50u) {
            unsigned nl = u16(b1 + off + 26), xl = u16(b1 + off + 28);
            char name[512];
            memcpy(name, b1 + off + 30, nl < 511 ? nl : 511);
            name[nl < 511 ? nl : 511] = 0;
            if (count && strcmp(prev, name) >= 0)
                sorted = 0;
            strcpy(prev, name);
            if (u16(b1 + off + 10) != 0 || u16(b1 + off + 12) != 0x21)
                dates = 0;
            if (xl || (u16(b1 + off + 6) & 8))
                noextra = 0;
            off += 30 + nl + xl + u32(b1 + off + 18);
            count++;
        }
        is_int(count, (int)NFILES + 2, "one entry per file, none for directories");
        ok(sorted, "entries sorted by path (byte order)");
        ok(dates, "every entry dated 1980-01-01 00:00");
        ok(noextra, "no extra fields, no data descriptors");
        /* central directory: modes */
        int modes = 1;
        for (size_t p = off; b1 && p + 46 <= n1 && u32(b1 + p) == 0x02014b50u;) {
            unsigned nl = u16(b1 + p + 28);
            uint32_t ext = u32(b1 + p + 38) >> 16;
            int exec = nl == 7 && memcmp(b1 + p + 46, "bin/run", 7) == 0;
            if (ext != (exec ? 0100755u : 0100644u))
                modes = 0;
            if (u16(b1 + p + 4) != 0x031e)
                modes = 0;
            p += 46 + nl;
        }
        ok(modes, "modes reduced to 0644 / 0755 (lib/b.js was 0600), made by Unix 3.0");
    }

    /* large files go through the streaming path and stay deterministic */
    {
        char t3[1024], z4[1024], z5[1024], s4[65], s5[65];
        snprintf(t3, sizeof t3, "%s/large", root);
        snprintf(z4, sizeof z4, "%s/large1.zip", root);
        snprintf(z5, sizeof z5, "%s/large2.zip", root);
        size_t ln = (size_t)20 << 20;
        unsigned char *lb = malloc(ln);
        for (size_t i = 0; i < ln; i++)
            lb[i] = (unsigned char)("abcdefgh\n"[i % 9] ^ (i % 4099 == 0));
        mkdir(t3, 0777);
        put(t3, "large.txt", lb, ln, 0644);
        put(t3, "small.txt", "x\n", 2, 0644);
        free(lb);
        is_int(lc_zip_dir(t3, &o1, z4, s4, err, sizeof err), 0, "a 20 MiB file (streamed)");
        is_int(lc_zip_dir(t3, &o4, z5, s5, err, sizeof err), 0, "... again with 4 threads");
        is_str(s4, s5, "streamed entries: same archive");
        size_t nz = 0;
        unsigned char *zb = slurp(z4, &nz);
        char hx[65] = "";
        if (zb)
            lc_sha256_hex(zb, nz, hx);
        is_str(s4, hx, "SHA-256 of an archive with a patched header is the file's");
        ok(nz < (size_t)2 << 20, "20 MiB of text deflates (%zu bytes)", nz);
        free(zb);
        if (have_unzip()) {
            char cmd[1200];
            snprintf(cmd, sizeof cmd, "unzip -tqq '%s' >/dev/null 2>&1", z4);
            ok(system(cmd) == 0, "unzip -t accepts the streamed archive");
        } else {
            skip(1, "unzip is not installed");
        }
    }

    /* exclude filter */
    {
        char z6[1024], s6[65];
        snprintf(z6, sizeof z6, "%s/filtered.zip", root);
        lc_asset_options_t f = { .exclude = LC_STRS("*.bin", "lib", "!lib/a.js") };
        lc_zip_options_t of = { .filter = &f, .progress = 0 };
        is_int(lc_zip_dir(t1, &of, z6, s6, err, sizeof err), 0, "zip with exclude patterns");
        size_t nz = 0;
        unsigned char *zb = slurp(z6, &nz);
        int has_bin = 0, has_lib = 0, has_index = 0;
        for (size_t i = 0; zb && i + 8 < nz; i++) {
            if (memcmp(zb + i, "big.bin", 7) == 0)
                has_bin = 1;
            if (memcmp(zb + i, "lib/", 4) == 0)
                has_lib = 1;
            if (memcmp(zb + i, "index.js", 8) == 0)
                has_index = 1;
        }
        ok(!has_bin && !has_lib && has_index, "excluded files and directories are left out");
        free(zb);
    }

    /* errors */
    {
        char missing[1100], z7[1100], f1[1100];
        snprintf(missing, sizeof missing, "%s/nope", root);
        snprintf(z7, sizeof z7, "%s/err.zip", root);
        snprintf(f1, sizeof f1, "%s/index.js", t1);
        is_int(lc_zip_dir(missing, NULL, z7, NULL, err, sizeof err), LC_E_NOTFOUND,
               "missing directory: LC_E_NOTFOUND");
        ok(strstr(err, "nope") != NULL, "... the message names it (%s)", err);
        is_int(lc_zip_dir(f1, NULL, z7, NULL, err, sizeof err), LC_E_INVAL,
               "a file is not a directory: LC_E_INVAL");
        ok(access(z7, F_OK) != 0, "nothing written on error");
        char dang[1024], z8[1024];
        snprintf(dang, sizeof dang, "%s/dangling", root);
        snprintf(z8, sizeof z8, "%s/dangling.zip", root);
        mkdir(dang, 0777);
        char lnk[1100];
        snprintf(lnk, sizeof lnk, "%s/broken", dang);
        if (symlink("does-not-exist", lnk) != 0)
            bail_out("symlink: %s", strerror(errno));
        is_int(lc_zip_dir(dang, NULL, z8, NULL, err, sizeof err), LC_E_IO,
               "a dangling symbolic link: LC_E_IO");
        char tmpname[1200];
        snprintf(tmpname, sizeof tmpname, "%s.tmp.%ld", z8, (long)getpid());
        ok(access(z8, F_OK) != 0 && access(tmpname, F_OK) != 0,
           "no archive and no temporary file left");
        lc_zip_options_t bad = { .level = 12 };
        is_int(lc_zip_dir(t1, &bad, z7, NULL, err, sizeof err), LC_E_INVAL, "level 12: LC_E_INVAL");
    }

    /* an empty directory is a valid empty archive */
    {
        char e[1024], ze[1024], se[65];
        snprintf(e, sizeof e, "%s/emptytree", root);
        snprintf(ze, sizeof ze, "%s/empty.zip", root);
        mkdir(e, 0777);
        is_int(lc_zip_dir(e, NULL, ze, se, err, sizeof err), 0, "empty directory");
        size_t nz = 0;
        unsigned char *zb = slurp(ze, &nz);
        ok(zb && nz == 22 && u32(zb) == 0x06054b50u, "... gives the 22-byte end record only");
        free(zb);
    }

    /* CodeSha256 */
    {
        char b64[45];
        is_int(lc_code_sha256_from_hex(
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", b64), 0,
               "CodeSha256 of a hex digest");
        is_str(b64, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "... base64 of the raw digest");
        is_int(lc_code_sha256_from_hex("xyz", b64), LC_E_INVAL, "bad hex: LC_E_INVAL");
    }
    diag("zlib %s", lc_zip_zlib_version());

    free(b1);
    free(b2);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        diag("could not remove %s", root);
    return done_testing();
}
