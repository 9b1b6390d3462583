/* zip.c - deterministic zip archives (see include/lambdac/zip.h for the format rules).
 *
 * Why a zip writer of our own: Lambda's CodeSha256 is the SHA-256 of the zip that gets
 * uploaded.  cdk-assets builds that zip at publish time, so a CDK app cannot know it at
 * synthesis; a deterministic zip made at synthesis (--package) can, and the same tree
 * then always gives the same CodeSha256 on every machine.
 *
 * How it is built:
 *   1. walk the tree (following symbolic links, cutting directory cycles), apply the
 *      exclude filter, sort the file list by path (byte order);
 *   2. worker threads take files in list order and deflate each one whole into memory
 *      (files up to LARGE bytes; at most INFLIGHT bytes of input in flight, so memory
 *      stays bounded whatever the tree);
 *   3. the calling thread writes the entries strictly in list order as they complete,
 *      streaming the few LARGE files itself (their local header is patched afterwards,
 *      because a header needs the compressed size before the data);
 *   4. central directory, end record, fsync, rename.
 * The SHA-256 is computed on the bytes as they are written; when a header had to be
 * patched, the archive is re-read from that header on to finish the digest.
 * Because the order of the output never depends on which thread finished first, the
 * bytes are the same with 1 thread or 16.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include <lambdac/asset.h>
#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/zip.h>

#define LARGE     (16u << 20)   /* bigger files are streamed by the writer thread */
#define INFLIGHT  (64u << 20)   /* input bytes compressed but not yet written, at most */
#define IOCHUNK   (256u << 10)
#define MAXTHREADS 16
#define ZIP_MAX   0xFFFFFFFFull

/* ---- errors --------------------------------------------------------------------- */

typedef struct zerr {
    char *buf;
    size_t len;
    int code;
} zerr_t;

static int zfail(zerr_t *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int zfail(zerr_t *e, int code, const char *fmt, ...)
{
    if (e->code == 0) {
        e->code = code;
        if (e->buf && e->len) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(e->buf, e->len, fmt, ap);
            va_end(ap);
        }
    }
    return e->code;
}

static int errno_code(int err)
{
    if (err == ENOENT || err == ENOTDIR)
        return LC_E_NOTFOUND;
    if (err == ENOMEM)
        return LC_E_NOMEM;
    return LC_E_IO;
}

/* ---- the file list -------------------------------------------------------------- */

typedef struct entry {
    char *rel;          /* '/'-separated, relative to the root */
    char *abs;          /* path to open */
    uint64_t size;
    unsigned mode;      /* 0644 or 0755 */
    /* filled by compression */
    unsigned char *data;
    uint64_t csize;
    uint32_t crc;
    int method;         /* 0 stored, 8 deflate */
    int state;          /* 0 pending, 1 compressing, 2 done, 3 left to the writer */
    int err;
    char errmsg[200];
    uint64_t offset;    /* of the local header */
} entry_t;

typedef struct flist {
    entry_t *v;
    size_t n, cap;
    uint64_t total;
} flist_t;

typedef struct dirid {
    dev_t dev;
    ino_t ino;
} dirid_t;

typedef struct walker {
    flist_t *fl;
    lc_ignore_t *ig;
    zerr_t *e;
    dirid_t stack[256];
    size_t depth;
    int have_skip;
    dirid_t skip;       /* lc_zip_options_t.skip_dir */
} walker_t;

static char *join(const char *a, const char *sep, const char *b)
{
    size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
    char *s = malloc(na + ns + nb + 1);
    if (!s)
        return NULL;
    memcpy(s, a, na);
    memcpy(s + na, sep, ns);
    memcpy(s + na + ns, b, nb + 1);
    return s;
}

static int cmp_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const entry_t *)x)->rel, ((const entry_t *)y)->rel);
}

static int push_file(walker_t *w, const char *rel, const char *abs, const struct stat *sb)
{
    flist_t *fl = w->fl;
    if (fl->n == fl->cap) {
        size_t nc = fl->cap ? fl->cap * 2 : 256;
        entry_t *g = realloc(fl->v, nc * sizeof *g);
        if (!g)
            return zfail(w->e, LC_E_NOMEM, "out of memory");
        fl->v = g;
        fl->cap = nc;
    }
    entry_t *en = &fl->v[fl->n];
    memset(en, 0, sizeof *en);
    en->rel = strdup(rel);
    en->abs = strdup(abs);
    if (!en->rel || !en->abs) {
        free(en->rel);
        free(en->abs);
        return zfail(w->e, LC_E_NOMEM, "out of memory");
    }
    en->size = (uint64_t)sb->st_size;
    en->mode = (sb->st_mode & S_IXUSR) ? 0755 : 0644;
    fl->n++;
    fl->total += en->size;
    if (en->size > ZIP_MAX)
        return zfail(w->e, LC_E_RANGE, "%s: larger than 4 GiB, which a plain zip cannot hold",
                     abs);
    return 0;
}

/* Walk directory `abs` (relative name `rel`, "" for the root). */
static int walk(walker_t *w, const char *abs, const char *rel)
{
    struct stat ds;
    if (stat(abs, &ds) != 0)
        return zfail(w->e, errno_code(errno), "%s: %s", abs, strerror(errno));
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == ds.st_dev && w->stack[i].ino == ds.st_ino)
            return 0;   /* a link back to an enclosing directory: cut the cycle */
    if (w->depth == sizeof w->stack / sizeof w->stack[0])
        return zfail(w->e, LC_E_RANGE, "%s: directories nested too deeply", abs);
    w->stack[w->depth++] = (dirid_t){ ds.st_dev, ds.st_ino };

    DIR *d = opendir(abs);
    if (!d) {
        w->depth--;
        return zfail(w->e, errno_code(errno), "%s: %s", abs, strerror(errno));
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **g = realloc(names, nc * sizeof *g);
            if (!g) {
                rc = zfail(w->e, LC_E_NOMEM, "out of memory");
                break;
            }
            names = g;
            cap = nc;
        }
        if (!(names[n] = strdup(de->d_name))) {
            rc = zfail(w->e, LC_E_NOMEM, "out of memory");
            break;
        }
        n++;
    }
    if (!rc && errno)
        rc = zfail(w->e, LC_E_IO, "%s: %s", abs, strerror(errno));
    closedir(d);
    /* sorted only to make error reports deterministic; the list is sorted at the end */
    if (!rc && n > 1)   /* qsort(NULL, 0, ...) is undefined: an empty directory (t/fuzz/zip.c) */
        qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n && !rc; i++) {
        char *cabs = join(abs, "/", names[i]);
        char *crel = *rel ? join(rel, "/", names[i]) : strdup(names[i]);
        if (!cabs || !crel) {
            rc = zfail(w->e, LC_E_NOMEM, "out of memory");
        } else {
            struct stat sb;
            if (stat(cabs, &sb) != 0) {
                struct stat lb;
                if (lstat(cabs, &lb) == 0 && S_ISLNK(lb.st_mode))
                    rc = zfail(w->e, LC_E_IO, "%s: dangling symbolic link", cabs);
                else
                    rc = zfail(w->e, errno_code(errno), "%s: %s", cabs, strerror(errno));
            } else if (S_ISDIR(sb.st_mode)) {
                int skip = w->have_skip && sb.st_dev == w->skip.dev && sb.st_ino == w->skip.ino;
                if (!skip && (!w->ig || !lc_ignore_match(w->ig, crel, 1)))
                    rc = walk(w, cabs, crel);
            } else if (S_ISREG(sb.st_mode)) {
                if (!w->ig || !lc_ignore_match(w->ig, crel, 0))
                    rc = push_file(w, crel, cabs, &sb);
            }
            /* sockets, FIFOs and devices have no content to archive */
        }
        free(cabs);
        free(crel);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    w->depth--;
    return rc;
}

/* ---- compression ------------------------------------------------------------------ */

static int read_all(const char *path, unsigned char *buf, uint64_t size, char *msg, size_t ml)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(msg, ml, "%s: %s", path, strerror(errno));
        return errno_code(errno);
    }
    uint64_t off = 0;
    while (off < size) {
        ssize_t r = read(fd, buf + off, (size_t)(size - off));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            snprintf(msg, ml, "%s: %s", path, r < 0 ? strerror(errno) : "file shrank while being read");
            close(fd);
            return LC_E_IO;
        }
        off += (uint64_t)r;
    }
    /* a file that grew since it was listed would give an entry that lies about its size */
    unsigned char extra;
    ssize_t r = read(fd, &extra, 1);
    close(fd);
    if (r != 0) {
        snprintf(msg, ml, "%s: file changed while being archived", path);
        return LC_E_IO;
    }
    return 0;
}

/* Compress en in memory: en->data/csize/crc/method, or en->err.  zs is the caller's
 * deflate stream, initialised once per thread and reset per file: deflateInit allocates
 * some 256 KiB of window and hash tables, which per file would cost more than
 * compressing a small source file. */
static void compress_entry(entry_t *en, z_stream *zs)
{
    unsigned char *in = NULL, *out = NULL;
    uLong crc = crc32(0L, Z_NULL, 0);
    if (en->size) {
        in = malloc((size_t)en->size);
        if (!in) {
            en->err = LC_E_NOMEM;
            snprintf(en->errmsg, sizeof en->errmsg, "out of memory");
            return;
        }
        int rc = read_all(en->abs, in, en->size, en->errmsg, sizeof en->errmsg);
        if (rc) {
            en->err = rc;
            free(in);
            return;
        }
        crc = crc32_z(crc, in, (z_size_t)en->size);
    }
    en->crc = (uint32_t)crc;
    if (en->size == 0) {
        en->method = 0;
        en->csize = 0;
        en->data = NULL;
        return;
    }
    if (deflateReset(zs) != Z_OK) {
        en->err = LC_E_NOMEM;
        snprintf(en->errmsg, sizeof en->errmsg, "zlib: cannot reset deflate");
        free(in);
        return;
    }
    uLong bound = deflateBound(zs, (uLong)en->size);
    out = malloc(bound);
    if (!out) {
        free(in);
        en->err = LC_E_NOMEM;
        snprintf(en->errmsg, sizeof en->errmsg, "out of memory");
        return;
    }
    zs->next_in = in;
    zs->avail_in = (uInt)en->size;
    zs->next_out = out;
    zs->avail_out = (uInt)bound;
    int zr = deflate(zs, Z_FINISH);
    uint64_t csize = zs->total_out;
    if (zr != Z_STREAM_END) {
        free(in);
        free(out);
        en->err = LC_E_IO;
        snprintf(en->errmsg, sizeof en->errmsg, "%s: deflate failed", en->abs);
        return;
    }
    if (csize >= en->size) {     /* incompressible: store it */
        free(out);
        en->method = 0;
        en->data = in;
        en->csize = en->size;
    } else {
        free(in);
        en->method = 8;
        en->data = out;
        en->csize = csize;
    }
}

/* ---- the job queue ------------------------------------------------------------------ */

typedef struct queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    entry_t *v;
    size_t n;
    size_t next;        /* next entry to claim */
    size_t written;     /* entries [0, written) have been written */
    uint64_t inflight;  /* input bytes claimed but not written */
    int stop;
    int level;
} queue_t;

static void *worker(void *arg)
{
    queue_t *q = arg;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int zok = deflateInit2(&zs, q->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->stop && q->next < q->n && q->next > q->written &&
               q->inflight + q->v[q->next].size > INFLIGHT)
            pthread_cond_wait(&q->cv, &q->mu);
        if (q->stop || q->next >= q->n)
            break;
        entry_t *en = &q->v[q->next++];
        if (en->size > LARGE) {
            en->state = 3;
            pthread_cond_broadcast(&q->cv);
            continue;
        }
        en->state = 1;
        q->inflight += en->size;
        pthread_mutex_unlock(&q->mu);
        if (zok) {
            compress_entry(en, &zs);
        } else {
            en->err = LC_E_NOMEM;
            snprintf(en->errmsg, sizeof en->errmsg, "zlib: cannot initialise deflate");
        }
        pthread_mutex_lock(&q->mu);
        en->state = 2;
        pthread_cond_broadcast(&q->cv);
    }
    pthread_mutex_unlock(&q->mu);
    if (zok)
        deflateEnd(&zs);
    return NULL;
}

/* ---- output ----------------------------------------------------------------------- */

typedef struct out {
    int fd;
    uint64_t off;
    lc_sha256_ctx_t sha;
    int sha_all;            /* 1 while every byte written so far is in sha */
    uint64_t sha_upto;      /* else: bytes [0, sha_upto) are in sha, the rest is re-read */
    unsigned char buf[1 << 16];
    size_t blen;
    const char *path;
    zerr_t *e;
} out_t;

static int out_flush(out_t *o)
{
    size_t off = 0;
    while (off < o->blen) {
        ssize_t w = write(o->fd, o->buf + off, o->blen - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return zfail(o->e, LC_E_IO, "cannot write %s: %s", o->path, strerror(errno));
        off += (size_t)w;
    }
    o->blen = 0;
    return 0;
}

static int out_put(out_t *o, const void *p, size_t n)
{
    const unsigned char *s = p;
    if (o->sha_all)
        lc_sha256_update(&o->sha, s, n);
    o->off += n;
    while (n) {
        if (o->blen == sizeof o->buf && out_flush(o))
            return o->e->code;
        size_t k = sizeof o->buf - o->blen;
        if (k > n)
            k = n;
        memcpy(o->buf + o->blen, s, k);
        o->blen += k;
        s += k;
        n -= k;
    }
    return 0;
}

static void le16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
}

static void le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)((v >> 8) & 0xff);
    p[2] = (unsigned char)((v >> 16) & 0xff);
    p[3] = (unsigned char)((v >> 24) & 0xff);
}

#define DOS_TIME 0u
#define DOS_DATE ((0u << 9) | (1u << 5) | 1u)   /* 1980-01-01 */

static unsigned name_flags(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 1u << 11;   /* language encoding flag: the name is UTF-8 */
    return 0;
}

static unsigned version_needed(int method)
{
    return method == 8 ? 20 : 10;
}

/* The 26 bytes the local header and the central directory record share, from "version
 * needed" to "extra field length" (no extra fields). */
static void entry_fields(unsigned char f[26], const entry_t *en)
{
    le16(f, version_needed(en->method));
    le16(f + 2, name_flags(en->rel));
    le16(f + 4, (unsigned)en->method);
    le16(f + 6, DOS_TIME);
    le16(f + 8, DOS_DATE);
    le32(f + 10, en->crc);
    le32(f + 14, (uint32_t)en->csize);
    le32(f + 18, (uint32_t)en->size);
    le16(f + 22, (unsigned)strlen(en->rel));
    le16(f + 24, 0);
}

static void local_header(unsigned char h[30], const entry_t *en)
{
    le32(h, 0x04034b50u);
    entry_fields(h + 4, en);
}

static int write_entry(out_t *o, entry_t *en)
{
    if (o->off > ZIP_MAX)
        return zfail(o->e, LC_E_RANGE, "%s: archive larger than 4 GiB", o->path);
    en->offset = o->off;
    unsigned char h[30];
    local_header(h, en);
    if (out_put(o, h, 30) || out_put(o, en->rel, strlen(en->rel)))
        return o->e->code;
    if (en->csize && out_put(o, en->data, (size_t)en->csize))
        return o->e->code;
    return 0;
}

/* A LARGE file: header with zero sizes, deflate streamed from the file, header patched. */
static int stream_entry(out_t *o, entry_t *en, int level)
{
    if (o->off > ZIP_MAX)
        return zfail(o->e, LC_E_RANGE, "%s: archive larger than 4 GiB", o->path);
    en->offset = o->off;
    en->method = 8;
    unsigned char h[30];
    local_header(h, en);
    if (o->sha_all) {
        /* from here on the digest is finished by re-reading the file */
        o->sha_all = 0;
        o->sha_upto = o->off;
    }
    if (out_put(o, h, 30) || out_put(o, en->rel, strlen(en->rel)))
        return o->e->code;
    int fd = open(en->abs, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return zfail(o->e, errno_code(errno), "%s: %s", en->abs, strerror(errno));
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        close(fd);
        return zfail(o->e, LC_E_NOMEM, "zlib: cannot initialise deflate");
    }
    unsigned char *in = malloc(IOCHUNK), *zout = malloc(IOCHUNK);
    uLong crc = crc32(0L, Z_NULL, 0);
    uint64_t seen = 0, csize = 0;
    int rc = (!in || !zout) ? zfail(o->e, LC_E_NOMEM, "out of memory") : 0;
    int flush = Z_NO_FLUSH;
    while (!rc && flush != Z_FINISH) {
        ssize_t r = read(fd, in, IOCHUNK);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = zfail(o->e, LC_E_IO, "%s: %s", en->abs, strerror(errno));
            break;
        }
        seen += (uint64_t)r;
        crc = crc32_z(crc, in, (z_size_t)r);
        flush = r == 0 ? Z_FINISH : Z_NO_FLUSH;
        zs.next_in = in;
        zs.avail_in = (uInt)r;
        do {
            zs.next_out = zout;
            zs.avail_out = IOCHUNK;
            int zr = deflate(&zs, flush);
            if (zr == Z_STREAM_ERROR) {
                rc = zfail(o->e, LC_E_IO, "%s: deflate failed", en->abs);
                break;
            }
            size_t have = IOCHUNK - zs.avail_out;
            csize += have;
            if (have && out_put(o, zout, have)) {
                rc = o->e->code;
                break;
            }
        } while (zs.avail_out == 0);
    }
    deflateEnd(&zs);
    close(fd);
    free(in);
    free(zout);
    if (rc)
        return rc;
    if (seen != en->size)
        return zfail(o->e, LC_E_IO, "%s: file changed while being archived", en->abs);
    if (csize > ZIP_MAX)
        return zfail(o->e, LC_E_RANGE, "%s: compressed data larger than 4 GiB", en->abs);
    en->crc = (uint32_t)crc;
    en->csize = csize;
    /* Deflate is kept even when it did not shrink the file: storing would mean reading
     * the file a third time, and the rule stays deterministic (size > LARGE). */
    if (out_flush(o))
        return o->e->code;
    local_header(h, en);
    if (pwrite(o->fd, h, 30, (off_t)en->offset) != 30)
        return zfail(o->e, LC_E_IO, "cannot write %s: %s", o->path, strerror(errno));
    return 0;
}

static int write_central(out_t *o, entry_t *v, size_t n)
{
    if (n > 0xFFFF)
        return zfail(o->e, LC_E_RANGE, "more than 65535 files, which a plain zip cannot hold");
    uint64_t cd_start = o->off;
    if (cd_start > ZIP_MAX)
        return zfail(o->e, LC_E_RANGE, "%s: archive larger than 4 GiB", o->path);
    for (size_t i = 0; i < n; i++) {
        entry_t *en = &v[i];
        unsigned char h[46];
        le32(h, 0x02014b50u);
        le16(h + 4, (3u << 8) | 30u);      /* made by: Unix, spec 3.0 */
        entry_fields(h + 6, en);
        le16(h + 32, 0);                   /* comment */
        le16(h + 34, 0);                   /* disk */
        le16(h + 36, 0);                   /* internal attributes */
        le32(h + 38, (uint32_t)((0100000u | en->mode) << 16));   /* S_IFREG | mode */
        le32(h + 42, (uint32_t)en->offset);
        if (out_put(o, h, 46) || out_put(o, en->rel, strlen(en->rel)))
            return o->e->code;
    }
    uint64_t cd_size = o->off - cd_start;
    if (o->off > ZIP_MAX)
        return zfail(o->e, LC_E_RANGE, "%s: archive larger than 4 GiB", o->path);
    unsigned char eocd[22];
    le32(eocd, 0x06054b50u);
    le16(eocd + 4, 0);
    le16(eocd + 6, 0);
    le16(eocd + 8, (unsigned)n);
    le16(eocd + 10, (unsigned)n);
    le32(eocd + 12, (uint32_t)cd_size);
    le32(eocd + 16, (uint32_t)cd_start);
    le16(eocd + 20, 0);
    if (out_put(o, eocd, 22) || out_flush(o))
        return o->e->code;
    return 0;
}

/* ---- progress ------------------------------------------------------------------------ */

typedef struct progress {
    int on;
    const char *label;
    uint64_t total, done;
    struct timespec t0, last;
    int shown;
} progress_t;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_step(progress_t *p, uint64_t bytes)
{
    p->done += bytes;
    if (!p->on)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    /* only for work that is long: nothing is drawn during the first half second */
    if (since(&p->t0, &now) < 0.5 || (p->shown && since(&p->last, &now) < 0.1))
        return;
    p->last = now;
    p->shown = 1;
    int pct = p->total ? (int)(p->done * 100 / p->total) : 100;
    int bar = pct / 4;
    char b[26];
    for (int i = 0; i < 25; i++)
        b[i] = i < bar ? '#' : '.';
    b[25] = 0;
    /* fits 80 columns: a long label (asset.<64 hex>.zip) is cut to 24 characters + "..." */
    int cut = strlen(p->label) > 27;
    fprintf(stderr, "\rzipping %.*s%s [%s] %3d%% %.1f/%.1f MiB", cut ? 24 : 27, p->label,
            cut ? "..." : "", b, pct, (double)p->done / 1048576.0, (double)p->total / 1048576.0);
    fflush(stderr);
}

static void progress_end(progress_t *p)
{
    if (p->on && p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

/* ---- the whole job --------------------------------------------------------------------- */

static int online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > MAXTHREADS)
        n = MAXTHREADS;
    return (int)n;
}

static int finish_sha(out_t *o, char hex[65])
{
    if (!o->sha_all) {
        unsigned char *b = malloc(IOCHUNK);
        if (!b)
            return zfail(o->e, LC_E_NOMEM, "out of memory");
        uint64_t off = o->sha_upto;
        for (;;) {
            ssize_t r = pread(o->fd, b, IOCHUNK, (off_t)off);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0) {
                free(b);
                return zfail(o->e, LC_E_IO, "cannot read back %s: %s", o->path, strerror(errno));
            }
            if (r == 0)
                break;
            lc_sha256_update(&o->sha, b, (size_t)r);
            off += (uint64_t)r;
        }
        free(b);
    }
    unsigned char d[32];
    lc_sha256_final(&o->sha, d);
    if (hex)
        lc_hex(d, 32, hex);
    return 0;
}

int lc_zip_dir(const char *path, const lc_zip_options_t *opts, const char *out_path,
               char sha256_hex[65], char *err, size_t errlen)
{
    zerr_t e = { err, errlen, 0 };
    if (err && errlen)
        err[0] = 0;
    if (!path || !out_path)
        return zfail(&e, LC_E_INVAL, "lc_zip_dir: invalid arguments");
    lc_zip_options_t dflt = { .progress = -1 };
    if (!opts)
        opts = &dflt;
    int level = opts->level ? opts->level : 6;
    if (level < 1 || level > 9)
        return zfail(&e, LC_E_INVAL, "lc_zip_dir: compression level %d is not 1..9", level);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return zfail(&e, errno_code(errno), "%s: %s", path, strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return zfail(&e, LC_E_INVAL, "%s: not a directory", path);

    flist_t fl = { 0 };
    walker_t w = { .fl = &fl, .e = &e };
    if (opts->filter && opts->filter->exclude.n) {
        w.ig = lc_ignore_new(&opts->filter->exclude, opts->filter->ignore_mode);
        if (!w.ig)
            return zfail(&e, LC_E_NOMEM, "out of memory (exclude patterns)");
    }
    struct stat ks;
    if (opts->skip_dir && stat(opts->skip_dir, &ks) == 0) {
        w.have_skip = 1;
        w.skip = (dirid_t){ ks.st_dev, ks.st_ino };
    }
    int rc = walk(&w, path, "");
    lc_ignore_free(w.ig);
    if (!rc && fl.n > 1)   /* fl.v is NULL for a tree without files (t/fuzz/zip.c) */
        qsort(fl.v, fl.n, sizeof *fl.v, cmp_entry);
    if (!rc && fl.n > 0xFFFF)
        rc = zfail(&e, LC_E_RANGE, "%s: more than 65535 files, which a plain zip cannot hold", path);

    char *tmp = NULL;
    out_t *o = NULL;
    if (!rc) {
        size_t tl = strlen(out_path) + 48;
        tmp = malloc(tl);
        o = calloc(1, sizeof *o);
        if (!tmp || !o)
            rc = zfail(&e, LC_E_NOMEM, "out of memory");
        else {
            snprintf(tmp, tl, "%s.tmp.%ld", out_path, (long)getpid());
            o->fd = -1;
            o->fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            if (o->fd < 0)
                rc = zfail(&e, errno_code(errno), "cannot create %s: %s", tmp, strerror(errno));
            o->path = tmp;
            o->e = &e;
            o->sha_all = 1;
            lc_sha256_init(&o->sha);
        }
    }

    progress_t pr = { 0 };
    pr.total = fl.total;
    pr.label = opts->label ? opts->label : path;
    pr.on = opts->progress > 0 || (opts->progress < 0 && isatty(2) && fl.total >= (32u << 20));
    clock_gettime(CLOCK_MONOTONIC, &pr.t0);

    queue_t q;
    memset(&q, 0, sizeof q);
    pthread_t th[MAXTHREADS];
    int nth = 0;
    if (!rc) {
        q.v = fl.v;
        q.n = fl.n;
        q.level = level;
        pthread_mutex_init(&q.mu, NULL);
        pthread_cond_init(&q.cv, NULL);
        int want = opts->threads > 0 ? opts->threads : online_cpus();
        if (want > MAXTHREADS)
            want = MAXTHREADS;
        if ((size_t)want > fl.n)
            want = (int)fl.n;
        for (int i = 0; i < want; i++) {
            if (pthread_create(&th[nth], NULL, worker, &q) != 0)
                break;
            nth++;
        }
        z_stream izs;
        memset(&izs, 0, sizeof izs);
        if (nth == 0 && fl.n && deflateInit2(&izs, level, Z_DEFLATED, -15, 8,
                                             Z_DEFAULT_STRATEGY) != Z_OK)
            rc = zfail(&e, LC_E_NOMEM, "zlib: cannot initialise deflate");
        else if (nth == 0 && fl.n) {
            /* no threads available: do the work inline, in order */
            for (size_t i = 0; i < fl.n && !rc; i++) {
                entry_t *en = &fl.v[i];
                if (en->size > LARGE)
                    rc = stream_entry(o, en, level);
                else {
                    compress_entry(en, &izs);
                    rc = en->err ? zfail(&e, en->err, "%s", en->errmsg) : write_entry(o, en);
                    free(en->data);
                    en->data = NULL;
                }
                progress_step(&pr, en->size);
                q.written = i + 1;
            }
            deflateEnd(&izs);
        }
        for (size_t i = q.written; i < fl.n && nth; i++) {
            entry_t *en = &fl.v[i];
            pthread_mutex_lock(&q.mu);
            while (en->state != 2 && en->state != 3)
                pthread_cond_wait(&q.cv, &q.mu);
            pthread_mutex_unlock(&q.mu);
            if (!rc) {
                if (en->state == 3)
                    rc = stream_entry(o, en, level);
                else if (en->err)
                    rc = zfail(&e, en->err, "%s", en->errmsg);
                else
                    rc = write_entry(o, en);
            }
            free(en->data);
            en->data = NULL;
            progress_step(&pr, en->size);
            pthread_mutex_lock(&q.mu);
            q.written = i + 1;
            if (en->state == 2)
                q.inflight -= en->size;
            if (rc)
                q.stop = 1;
            pthread_cond_broadcast(&q.cv);
            pthread_mutex_unlock(&q.mu);
            if (rc)
                break;
        }
        if (nth) {
            pthread_mutex_lock(&q.mu);
            q.stop = 1;
            pthread_cond_broadcast(&q.cv);
            pthread_mutex_unlock(&q.mu);
            for (int i = 0; i < nth; i++)
                pthread_join(th[i], NULL);
        }
        pthread_mutex_destroy(&q.mu);
        pthread_cond_destroy(&q.cv);
    }
    progress_end(&pr);

    if (!rc)
        rc = write_central(o, fl.v, fl.n);
    char hex[65];
    if (!rc)
        rc = finish_sha(o, hex);
    if (!rc && fsync(o->fd) != 0)
        rc = zfail(&e, LC_E_IO, "cannot write %s: %s", tmp, strerror(errno));
    if (o && o->fd >= 0 && close(o->fd) != 0 && !rc)
        rc = zfail(&e, LC_E_IO, "cannot write %s: %s", tmp, strerror(errno));
    if (!rc && rename(tmp, out_path) != 0)
        rc = zfail(&e, LC_E_IO, "cannot rename %s to %s: %s", tmp, out_path, strerror(errno));
    if (rc && tmp && o && o->fd >= 0)
        unlink(tmp);
    if (!rc && sha256_hex)
        memcpy(sha256_hex, hex, 65);

    for (size_t i = 0; i < fl.n; i++) {
        free(fl.v[i].rel);
        free(fl.v[i].abs);
        free(fl.v[i].data);
    }
    free(fl.v);
    free(tmp);
    free(o);
    return rc;
}

int lc_code_sha256_from_hex(const char *hex, char out[45])
{
    unsigned char d[32];
    if (!hex || strlen(hex) != 64)
        return LC_E_INVAL;
    for (int i = 0; i < 32; i++) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = hex[2 * i + k];
            int x = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (x < 0)
                return LC_E_INVAL;
            v = v * 16 + x;
        }
        d[i] = (unsigned char)v;
    }
    lc_base64(d, 32, out);
    return 0;
}

const char *lc_zip_zlib_version(void)
{
    return zlibVersion();
}
