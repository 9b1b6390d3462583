/* t/fuzz/zip.c - libFuzzer target: the deterministic zip writer (runtime/zip.c), read back
 * with an independent zip reader and zlib's inflate.
 *
 * Input: byte 0 holds the compression level (1..9) and a thread count; then records
 *   [path length][path bytes][flags][content length: 2 bytes][content]
 * make a tree of regular files (path components cleaned to [a-z0-9._-]{1,8}, at most
 * 4 deep; flags: executable, content repeated to compress well, an empty directory)
 * in a scratch directory.  lc_zip_dir zips it; the archive must then:
 *   - be a plain zip whose end record, central directory and local headers agree;
 *   - hold exactly the tree's files, sorted by path (byte order), no directories;
 *   - date every entry 1980-01-01 00:00, store Unix modes 0100644 or 0100755 (executable
 *     by the owner), no extra fields or comments;
 *   - give back every file's bytes (stored, or raw deflate through zlib's inflate) with
 *     matching CRC-32 and sizes;
 *   - have the SHA-256 lc_zip_dir reported;
 *   - be byte-identical when made again with another thread count.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/zip.h>

#include "fuzz.h"

#define MAXFILES 64

typedef struct file {
    char path[64];
    unsigned char *data;
    size_t n;
    int exec;
} file_t;

static char root[256];       /* scratch directory: root/tree, root/a.zip, root/b.zip */

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static void cleanup(void)
{
    if (root[0])
        nftw(root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void setup(void)
{
    const char *t = getenv("TMPDIR");
    struct stat st;
    if (root[0])
        return;
    /* a memory file system when there is one: fsync and file creation cost nothing */
    if (!(t && *t))
        t = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0
            ? "/dev/shm" : "/tmp";
    snprintf(root, sizeof root, "%s/lc-fuzz-zip.XXXXXX", t);
    FZ_CHECK(mkdtemp(root) != NULL, "mkdtemp: %s", strerror(errno));
    atexit(cleanup);
}

static unsigned u16(const unsigned char *p) { return p[0] | p[1] << 8; }
static unsigned long u32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16
         | (unsigned long)p[3] << 24;
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *b;
    long len;
    FZ_CHECK(f != NULL, "%s: %s", path, strerror(errno));
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = malloc((size_t)len + 1);
    FZ_CHECK(b && fread(b, 1, (size_t)len, f) == (size_t)len, "read %s", path);
    fclose(f);
    *n = (size_t)len;
    return b;
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const file_t *)a)->path, ((const file_t *)b)->path);
}

/* mkdir -p of the directories of `rel` under dir; 0 or -1 (a file is in the way). */
static int make_parents(const char *dir, const char *rel)
{
    char p[512];
    size_t i, dl = strlen(dir);
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    for (i = dl + 1; p[i]; i++) {
        if (p[i] == '/') {
            p[i] = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                return -1;
            {
                struct stat st;
                if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
                    return -1;
            }
            p[i] = '/';
        }
    }
    return 0;
}

static void check_archive(const char *zpath, file_t *fs, size_t nf, const char *sha)
{
    size_t n, off, i;
    unsigned char *z = slurp(zpath, &n);
    const unsigned char *eocd;
    unsigned long cd_off, cd_size;
    unsigned entries;
    char hex[65];

    lc_sha256_hex(z, n, hex);
    FZ_CHECK(strcmp(hex, sha) == 0, "reported SHA-256 %s, the file's is %s", sha, hex);
    FZ_CHECK(n >= 22, "archive of %zu bytes", n);
    eocd = z + n - 22;                       /* no archive comment */
    FZ_CHECK(u32(eocd) == 0x06054b50UL, "no end of central directory record at the end");
    entries = u16(eocd + 10);
    FZ_CHECK(u16(eocd + 8) == entries && u16(eocd + 4) == 0 && u16(eocd + 6) == 0
                 && u16(eocd + 20) == 0, "odd end record");
    FZ_CHECK(entries == nf, "%u entries, %zu files", entries, nf);
    cd_size = u32(eocd + 12);
    cd_off = u32(eocd + 16);
    FZ_CHECK(cd_off + cd_size == n - 22, "central directory not right before the end record");
    off = cd_off;
    for (i = 0; i < entries; i++) {
        const unsigned char *c = z + off, *l;
        unsigned method, nlen, xlen, clen, lnlen, lxlen;
        unsigned long crc, csize, usize, lofs, attr;
        unsigned char *out;
        FZ_CHECK(off + 46 <= n && u32(c) == 0x02014b50UL, "entry %zu: bad central header", i);
        method = u16(c + 10);
        crc = u32(c + 16);
        csize = u32(c + 20);
        usize = u32(c + 24);
        nlen = u16(c + 28);
        xlen = u16(c + 30);
        clen = u16(c + 32);
        attr = u32(c + 38);
        lofs = u32(c + 42);
        FZ_CHECK(off + 46 + nlen <= n, "entry %zu: name past the end", i);
        FZ_CHECK(nlen == strlen(fs[i].path) && memcmp(c + 46, fs[i].path, nlen) == 0,
                 "entry %zu is \"%.*s\", want \"%s\" (sorted)", i, (int)nlen, c + 46, fs[i].path);
        FZ_CHECK(xlen == 0 && clen == 0, "entry %zu: extra field or comment", i);
        FZ_CHECK(u16(c + 12) == 0 && u16(c + 14) == 0x21, "entry %zu: date %04x time %04x",
                 i, u16(c + 14), u16(c + 12));
        FZ_CHECK(u16(c + 4) >> 8 == 3, "entry %zu: not made by Unix", i);
        FZ_CHECK(attr >> 16 == (fs[i].exec ? 0100755UL : 0100644UL), "entry %zu: mode %lo",
                 i, attr >> 16);
        FZ_CHECK(usize == fs[i].n, "entry %zu: size %lu, file %zu", i, usize, fs[i].n);
        FZ_CHECK(method == 0 || method == 8, "entry %zu: method %u", i, method);
        FZ_CHECK(method == 8 || csize == usize, "stored entry %zu with csize != usize", i);
        FZ_CHECK((u16(c + 8) & 8) == 0, "entry %zu: data descriptor", i);
        /* the local header */
        l = z + lofs;
        FZ_CHECK(lofs + 30 <= cd_off && u32(l) == 0x04034b50UL, "entry %zu: bad local header", i);
        lnlen = u16(l + 26);
        lxlen = u16(l + 28);
        FZ_CHECK(u16(l + 8) == method && u32(l + 14) == crc && u32(l + 18) == csize
                     && u32(l + 22) == usize && lnlen == nlen && lxlen == 0
                     && memcmp(l + 30, c + 46, nlen) == 0,
                 "entry %zu: local header disagrees with the central directory", i);
        FZ_CHECK(lofs + 30 + nlen + csize <= cd_off, "entry %zu: data past the directory", i);
        /* the content */
        out = malloc(usize + 1);
        FZ_CHECK(out != NULL, "malloc");
        if (method == 0) {
            memcpy(out, l + 30 + nlen, usize);
        } else {
            z_stream zs;
            int zr;
            memset(&zs, 0, sizeof zs);
            FZ_CHECK(inflateInit2(&zs, -15) == Z_OK, "inflateInit2");
            zs.next_in = (Bytef *)(l + 30 + nlen);
            zs.avail_in = (uInt)csize;
            zs.next_out = out;
            zs.avail_out = (uInt)usize + 1;
            zr = inflate(&zs, Z_FINISH);
            FZ_CHECK(zr == Z_STREAM_END && zs.total_out == usize && zs.avail_in == 0,
                     "entry %zu: inflate %d, %lu bytes", i, zr, (unsigned long)zs.total_out);
            inflateEnd(&zs);
        }
        FZ_CHECK(usize == 0 || memcmp(out, fs[i].data, usize) == 0, "entry %zu: content differs", i);
        FZ_CHECK(crc32(0L, out, (uInt)usize) == crc, "entry %zu: CRC-32", i);
        free(out);
        off += 46 + nlen + xlen + clen;
    }
    FZ_CHECK(off == cd_off + cd_size, "central directory size");
    free(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in_t in = { data, data + size };
    file_t fs[MAXFILES];
    size_t nf = 0, i;
    char tree[300], za[300], zb[300], sha_a[65], sha_b[65], err[512];
    unsigned b0;
    lc_zip_options_t o;
    int rc;

    if (size > 65536)
        return 0;
    setup();
    cleanup();
    FZ_CHECK(mkdir(root, 0700) == 0, "mkdir %s: %s", root, strerror(errno));
    snprintf(tree, sizeof tree, "%s/tree", root);
    snprintf(za, sizeof za, "%s/a.zip", root);
    snprintf(zb, sizeof zb, "%s/b.zip", root);
    FZ_CHECK(mkdir(tree, 0755) == 0, "mkdir tree");

    b0 = fz_byte(&in);
    while (fz_left(&in) && nf < MAXFILES) {
        unsigned plen = fz_byte(&in) % 40, flags, j, comps = 0;
        char p[64];
        size_t o2 = 0, k, clen;
        int clen_comp = 0;
        for (j = 0; j < plen; j++) {      /* cleaned path: [a-z0-9._-] components, '/' */
            unsigned c = fz_byte(&in);
            static const char ok[] = "abcdefghijklmnopqrstuvwxyz0123456789._-";
            if (c % 7 == 0 && clen_comp > 0 && comps < 3 && o2 < sizeof p - 2) {
                p[o2++] = '/';
                comps++;
                clen_comp = 0;
            } else if (clen_comp < 8 && o2 < sizeof p - 2) {
                p[o2++] = ok[c % (sizeof ok - 1)];
                clen_comp++;
            }
        }
        if (o2 && p[o2 - 1] == '/')
            o2--;
        p[o2] = '\0';
        flags = fz_byte(&in);
        clen = (size_t)fz_u64(&in, 2) % 4097;
        /* components "." and ".." are not files */
        {
            int bad = o2 == 0;
            char *s = p;
            while (!bad && s) {
                char *e = strchr(s, '/');
                size_t cl = e ? (size_t)(e - s) : strlen(s);
                if ((cl == 1 && s[0] == '.') || (cl == 2 && s[0] == '.' && s[1] == '.'))
                    bad = 1;
                s = e ? e + 1 : NULL;
            }
            if (bad)
                continue;
        }
        if (flags & 4) {                  /* an empty directory: no entry */
            char d[400];
            if (make_parents(tree, p) == 0) {
                snprintf(d, sizeof d, "%s/%s", tree, p);
                if (mkdir(d, 0755) != 0 && errno != EEXIST)
                    (void)0;
            }
            continue;
        }
        for (k = 0; k < nf && strcmp(fs[k].path, p) != 0; k++)
            ;
        if (k < nf)
            continue;                     /* the same path twice */
        if (make_parents(tree, p) != 0)
            continue;
        {
            char fp[400];
            int fd;
            unsigned char *buf = malloc(clen ? clen : 1);
            FZ_CHECK(buf != NULL, "malloc");
            for (k = 0; k < clen; k++)
                buf[k] = (flags & 2) ? (unsigned char)('a' + k % 7) : (unsigned char)fz_byte(&in);
            snprintf(fp, sizeof fp, "%s/%s", tree, p);
            fd = open(fp, O_WRONLY | O_CREAT | O_EXCL, (flags & 1) ? 0755 : 0644);
            if (fd < 0) {                 /* a directory is in the way */
                free(buf);
                continue;
            }
            FZ_CHECK(write(fd, buf, clen) == (ssize_t)clen, "write");
            close(fd);
            chmod(fp, (flags & 1) ? 0755 : 0644);      /* whatever the umask */
            snprintf(fs[nf].path, sizeof fs[nf].path, "%s", p);
            fs[nf].data = buf;
            fs[nf].n = clen;
            fs[nf].exec = flags & 1;
            nf++;
        }
    }
    qsort(fs, nf, sizeof *fs, cmp_file);

    memset(&o, 0, sizeof o);
    o.level = 1 + (int)(b0 % 9);
    o.threads = 1;
    o.progress = 0;
    rc = lc_zip_dir(tree, &o, za, sha_a, err, sizeof err);
    FZ_CHECK(rc == 0, "lc_zip_dir: %s (%s)", lc_strerror(rc), err);
    check_archive(za, fs, nf, sha_a);
    o.threads = 2 + (int)(b0 / 9 % 3);
    rc = lc_zip_dir(tree, &o, zb, sha_b, err, sizeof err);
    FZ_CHECK(rc == 0, "lc_zip_dir (again): %s (%s)", lc_strerror(rc), err);
    FZ_CHECK(strcmp(sha_a, sha_b) == 0, "not deterministic: %d thread(s) give %s, %d give %s",
             1, sha_a, o.threads, sha_b);
    for (i = 0; i < nf; i++)
        free(fs[i].data);
    return 0;
}
