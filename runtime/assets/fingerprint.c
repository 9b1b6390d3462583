/* runtime/assets/fingerprint.c - aws-cdk-lib's FileSystem.fingerprint, reimplemented.
 *
 * The recipe is in include/lambdac/asset.h.  This file mirrors the behaviour of CDK's
 * fs/fingerprint.ts and fs/utils.ts (walkDirectory) where it shows in the hash:
 *  - entries are sorted as JS sorts Node's decoded names (UTF-16 code units);
 *  - symbolic links are classified and resolved exactly like walkDirectory does
 *    (internal/external by the canonical target, `link:` fields for links not followed
 *    or dangling, cycles through followed links cut silently);
 *  - text content is decoded and CRLF-normalised per 8 KiB block, with CDK's handling of
 *    a block that ends in CR (see hash_content).
 * Files are read in 64 KiB chunks; nothing holds a whole file in memory.
 */
#define _XOPEN_SOURCE 700   /* POSIX 2008 + realpath */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <xxhash.h>

#include <lambdac/asset.h>
#include <lambdac/error.h>
#include <lambdac/hash.h>

#include "jsstr.h"

#define BLOCK 8192            /* CDK's read size: text decoding is per block */
#define CHUNK (8 * BLOCK)     /* our read size */

/* ---- hashers: SHA-256 (cdk) or XXH3-128 (native) behind one interface ----------------- */

typedef struct hasher {
    lc_hash_profile_t p;
    lc_sha256_ctx_t sha;
    XXH3_state_t *xx;
} hasher_t;

static int h_init(hasher_t *h, lc_hash_profile_t p)
{
    h->p = p;
    h->xx = NULL;
    if (p == LC_HASH_CDK) {
        lc_sha256_init(&h->sha);
        return 0;
    }
    h->xx = XXH3_createState();
    if (!h->xx)
        return LC_E_NOMEM;
    XXH3_128bits_reset(h->xx);
    return 0;
}

static void h_update(hasher_t *h, const void *d, size_t n)
{
    if (!n)
        return;
    if (h->p == LC_HASH_CDK)
        lc_sha256_update(&h->sha, d, n);
    else
        XXH3_128bits_update(h->xx, d, n);
}

/* dst (initialised with h_init or h_copy, same profile) becomes a copy of src. */
static void h_copy(hasher_t *dst, const hasher_t *src)
{
    if (src->p == LC_HASH_CDK)
        dst->sha = src->sha;
    else
        XXH3_copyState(dst->xx, src->xx);
}

static void h_hex(hasher_t *h, char out[65])
{
    if (h->p == LC_HASH_CDK) {
        unsigned char d[32];
        lc_sha256_final(&h->sha, d);
        lc_hex(d, sizeof d, out);
    } else {
        XXH128_canonical_t c;
        XXH128_canonicalFromHash(&c, XXH3_128bits_digest(h->xx));
        lc_hex(c.digest, sizeof c.digest, out);
    }
}

static void h_free(hasher_t *h)
{
    if (h->xx)
        XXH3_freeState(h->xx);
    h->xx = NULL;
}

/* One field of the stream: 0x01 name 0x02 value 0x03. */
static void h_field(hasher_t *h, const char *name, size_t nn, const char *value, size_t nv)
{
    h_update(h, "\x01", 1);
    h_update(h, name, nn);
    h_update(h, "\x02", 1);
    h_update(h, value, nv);
    h_update(h, "\x03", 1);
}

/* ---- errors --------------------------------------------------------------------------- */

typedef struct errbuf {
    char *buf;
    size_t len;
} errbuf_t;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(errbuf_t *e, int code, const char *fmt, ...)
{
    if (e->buf && e->len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->buf, e->len, fmt, ap);
        va_end(ap);
    }
    return code;
}

static int errno_code(int err)
{
    return err == ENOENT || err == ENOTDIR ? LC_E_NOTFOUND : err == ENOMEM ? LC_E_NOMEM : LC_E_IO;
}

/* ---- small strings -------------------------------------------------------------------- */

static char *str_join(const char *a, size_t na, const char *sep, const char *b, size_t nb)
{
    size_t ns = strlen(sep);
    char *r = malloc(na + ns + nb + 1);
    if (!r)
        return NULL;
    memcpy(r, a, na);
    memcpy(r + na, sep, ns);
    memcpy(r + na + ns, b, nb);
    r[na + ns + nb] = '\0';
    return r;
}

static char *str_dup(const char *s)
{
    return str_join(s, strlen(s), "", "", 0);
}

/* The string Node would make of these bytes (invalid UTF-8 -> U+FFFD); NULL on OOM.
 * Returns s itself when it is valid. */
static char *js_string(const char *s, int *copied)
{
    size_t n = strlen(s), i = 0, o = 0;
    char *r;
    *copied = 0;
    if (lc__u8_valid_prefix((const unsigned char *)s, n) == n)
        return (char *)s;
    r = malloc(3 * n + 1);
    if (!r)
        return NULL;
    while (i < n) {
        uint32_t cp;
        size_t k = lc__u8_unit((const unsigned char *)s + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
            memcpy(r + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(r + o, s + i, k);
            o += k;
        }
        i += k;
    }
    r[o] = '\0';
    *copied = 1;
    return r;
}

/* Node's path.posix.normalize for an absolute path, without a trailing '/' (what
 * path.resolve returns). */
static char *abs_normalize(const char *p)
{
    size_t n = strlen(p), i = 0, o = 0;
    char *r = malloc(n + 2);
    if (!r)
        return NULL;
    r[o++] = '/';
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '/')
            j++;
        if (j == i || (j - i == 1 && p[i] == '.')) {
            /* skip */
        } else if (j - i == 2 && p[i] == '.' && p[i + 1] == '.') {
            if (o > 1) {
                while (o > 1 && r[o - 1] != '/')
                    o--;
                if (o > 1)
                    o--;   /* the '/' before the removed component */
            }
        } else {
            if (o > 1)
                r[o++] = '/';
            memcpy(r + o, p + i, j - i);
            o += j - i;
        }
        i = j + 1;
    }
    r[o] = '\0';
    return r;
}

static char *realpath_or_self(const char *p)
{
    char *r = realpath(p, NULL);
    return r ? r : str_dup(p);
}

/* ---- content ---------------------------------------------------------------------------- */

/* Node's Buffer#toString() round trip of one block: the block itself when it is valid
 * UTF-8, else a copy in `scratch` (3 * BLOCK bytes) with U+FFFD for invalid sequences. */
static const unsigned char *js_block(const unsigned char *b, size_t n, unsigned char *scratch,
                                     size_t *out_n)
{
    size_t i = lc__u8_valid_prefix(b, n), o;
    if (i == n) {
        *out_n = n;
        return b;
    }
    memcpy(scratch, b, i);
    o = i;
    while (i < n) {
        uint32_t cp;
        size_t k = lc__u8_unit(b + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && b[i] == 0xEF && b[i + 1] == 0xBF && b[i + 2] == 0xBD)) {
            memcpy(scratch + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(scratch + o, b + i, k);
            o += k;
        }
        i += k;
    }
    *out_n = o;
    return scratch;
}

/* Feed s[0..n) with CRLF -> LF into h, through `tmp` (n + 1 bytes).  *held is a CR held
 * back from the previous piece (emitted unless s starts with LF).  When hold_last is set
 * and s ends with CR, that CR is held back in turn.  Returns the number of bytes fed. */
static uint64_t feed_normalized(hasher_t *h, int *held, const unsigned char *s, size_t n,
                                int hold_last, unsigned char *tmp)
{
    size_t i = 0, o = 0;
    if (*held) {
        *held = 0;
        if (!(n > 0 && s[0] == '\n'))
            tmp[o++] = '\r';
    }
    if (hold_last && n > 0 && s[n - 1] == '\r') {
        n--;
        *held = 1;
    }
    while (i < n) {
        const unsigned char *cr = memchr(s + i, '\r', n - i);
        size_t end = cr ? (size_t)(cr - s) : n;
        memcpy(tmp + o, s + i, end - i);
        o += end - i;
        i = end;
        if (cr) {
            /* the CR of a CRLF goes; a lone CR (or one ending s, when not held) stays */
            if (!(end + 1 < n && s[end + 1] == '\n'))
                tmp[o++] = '\r';
            i = end + 1;
        }
    }
    h_update(h, tmp, o);
    return o;
}

/* Read up to `want` bytes (short only at EOF). */
static ssize_t read_full(int fd, unsigned char *b, size_t want)
{
    size_t got = 0;
    while (got < want) {
        ssize_t r = read(fd, b + got, want - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* The content fingerprint "<length>:<hex>" of the file at `path`, as CDK's
 * contentFingerprintMiss computes it:
 *   for each 8 KiB block:
 *     while nothing has been counted yet, the block decides binary (has a NUL) or text;
 *     binary: hash the bytes, count them;
 *     text: decode (U+FFFD for invalid UTF-8); if the text ends in CR, append it to a
 *           held-back string and go on; else hash (held-back + text) with CRLF -> LF and
 *           count the result;
 *   at the end, a non-empty held-back string is hashed as is (not normalised, not counted).
 * The held-back text is tracked as two hash states (normalised and raw) instead of being
 * kept in memory; only a binary block after held-back text (which then goes to the end)
 * needs the held-back blocks again, and those are re-read from the file. */
static int hash_content(const char *path, lc_hash_profile_t prof, unsigned char *buf,
                        char out[86], errbuf_t *e)
{
    unsigned char scratch[3 * BLOCK], norm[3 * BLOCK + 1];
    hasher_t main_h, raw_h, norm_h;
    uint64_t size = 0, norm_len = 0;
    off_t off = 0, pend_end = 0;
    int binary = 0, pending = 0, held = 0, rc = 0, fd;
    char hex[65];
    struct stat st0, st1;

    /* O_NONBLOCK + S_ISREG: a file replaced by a FIFO after the directory was listed must
     * not block the run forever.  st0 against st1 (after the last read) tells a file that
     * changed while it was read: its hash would describe neither version, and the staged
     * copy would not match it.  (t/70-bad-input.sh) */
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return fail(e, errno_code(errno), "cannot read %s: %s", path, strerror(errno));
    if (fstat(fd, &st0) != 0 || !S_ISREG(st0.st_mode)) {
        close(fd);
        return fail(e, LC_E_IO, "cannot hash %s: it is not a regular file any more (it changed "
                    "while the asset was being fingerprinted)", path);
    }
    if ((rc = h_init(&main_h, prof)) < 0 || (rc = h_init(&raw_h, prof)) < 0
        || (rc = h_init(&norm_h, prof)) < 0) {
        close(fd);
        h_free(&main_h);
        h_free(&raw_h);
        return fail(e, rc, "out of memory hashing %s", path);
    }
    for (;;) {
        ssize_t got = read_full(fd, buf, CHUNK);
        size_t at;
        if (got < 0) {
            rc = fail(e, LC_E_IO, "cannot read %s: %s", path, strerror(errno));
            goto out;
        }
        if (got == 0)
            break;
        for (at = 0; at < (size_t)got; at += BLOCK) {
            size_t bn = (size_t)got - at < BLOCK ? (size_t)got - at : BLOCK, tn;
            const unsigned char *blk = buf + at, *txt;
            if (size == 0)
                binary = memchr(blk, 0, bn) != NULL;
            if (binary) {
                h_update(&main_h, blk, bn);
                size += bn;
                off += (off_t)bn;
                continue;
            }
            txt = js_block(blk, bn, scratch, &tn);
            if (txt[tn - 1] == '\r') {
                if (!pending) {
                    h_copy(&raw_h, &main_h);
                    h_copy(&norm_h, &main_h);
                    norm_len = 0;
                    held = 0;
                    pending = 1;
                }
                h_update(&raw_h, txt, tn);
                norm_len += feed_normalized(&norm_h, &held, txt, tn, 1, norm);
                off += (off_t)bn;
                pend_end = off;
                continue;
            }
            if (pending) {
                h_copy(&main_h, &norm_h);
                size += norm_len;
                pending = 0;
            }
            size += feed_normalized(&main_h, &held, txt, tn, 0, norm);
            off += (off_t)bn;
        }
        if ((size_t)got < CHUNK)
            break;
    }
    if (pending) {
        if (!binary) {
            h_copy(&main_h, &raw_h);
        } else {
            /* The held-back text blocks (from offset 0) go after the binary content. */
            off_t p;
            for (p = 0; p < pend_end; p += BLOCK) {
                size_t want = (size_t)(pend_end - p < BLOCK ? pend_end - p : BLOCK), tn;
                ssize_t r = pread(fd, buf, want, p);
                const unsigned char *txt;
                if (r != (ssize_t)want) {
                    rc = fail(e, LC_E_IO, "cannot re-read %s: %s", path,
                              r < 0 ? strerror(errno) : "file changed while hashing");
                    goto out;
                }
                txt = js_block(buf, want, scratch, &tn);
                h_update(&main_h, txt, tn);
            }
        }
    }
    if (fstat(fd, &st1) != 0 || off != st0.st_size || st1.st_size != st0.st_size
        || st1.st_mtim.tv_sec != st0.st_mtim.tv_sec || st1.st_mtim.tv_nsec != st0.st_mtim.tv_nsec
        || st1.st_ctim.tv_sec != st0.st_ctim.tv_sec || st1.st_ctim.tv_nsec != st0.st_ctim.tv_nsec) {
        rc = fail(e, LC_E_IO, "cannot hash %s: the file changed while it was being fingerprinted",
                  path);
        goto out;
    }
    h_hex(&main_h, hex);
    snprintf(out, 86, "%llu:%s", (unsigned long long)size, hex);
out:
    close(fd);
    h_free(&main_h);
    h_free(&raw_h);
    h_free(&norm_h);
    return rc;
}

/* ---- the walk --------------------------------------------------------------------------- */

typedef struct walk {
    hasher_t h;
    lc_hash_profile_t prof;
    int follow;
    lc_ignore_t *ig;
    const char *root;            /* canonical (real) root */
    size_t rootlen;
    char **anc;                  /* canonical paths of the directories being walked */
    size_t nanc, capanc;
    unsigned char *buf;          /* CHUNK bytes */
    errbuf_t *e;
} walk_t;

typedef struct entry {
    char *name;                  /* as on disk */
    char *js;                    /* as Node sees it (== name when valid UTF-8) */
} entry_t;

static int cmp_entry(const void *a, const void *b)
{
    return lc__js_compare(((const entry_t *)a)->name, ((const entry_t *)b)->name);
}

/* The hash key of a relative path: '\' becomes '/' (CDK's hashKey does this on every
 * platform). */
static char *hash_key(const char *prefix, const char *rel)
{
    char *k = str_join(prefix, strlen(prefix), "", rel, strlen(rel)), *p;
    if (!k)
        return NULL;
    for (p = k; *p; p++)
        if (*p == '\\')
            *p = '/';
    return k;
}

static int hash_file_field(walk_t *w, const char *rel, const char *real)
{
    char value[86], *key;
    int rc = hash_content(real, w->prof, w->buf, value, w->e);
    if (rc < 0)
        return rc;
    key = hash_key("file:", rel);
    if (!key)
        return fail(w->e, LC_E_NOMEM, "out of memory");
    h_field(&w->h, key, strlen(key), value, strlen(value));
    free(key);
    return 0;
}

static int walk_dir(walk_t *w, const char *real, const char *canon, const char *rel);

static int is_internal(const walk_t *w, const char *t)
{
    size_t n = strlen(t);
    return (n == w->rootlen && memcmp(t, w->root, n) == 0)
        || (n > w->rootlen && memcmp(t, w->root, w->rootlen) == 0 && t[w->rootlen] == '/');
}

static int should_follow(int follow, int internal)
{
    switch (follow) {
    case LC_FOLLOW_ALWAYS: return 1;
    case LC_FOLLOW_EXTERNAL: return !internal;
    case LC_FOLLOW_BLOCK_EXTERNAL: return internal;
    default: return 0;
    }
}

/* walkDirectory's visitSymlink. */
static int visit_symlink(walk_t *w, const char *real, const char *rel)
{
    char *target = NULL, *target_js = NULL, *joined = NULL, *resolved = NULL, *dir = NULL,
         *dir_real = NULL, *canonical = NULL;
    const char *base;
    size_t cap = 256;
    ssize_t n;
    int rc = 0, internal, copied = 0, have_stat;
    struct stat st;

    for (;;) {
        target = malloc(cap);
        if (!target)
            return fail(w->e, LC_E_NOMEM, "out of memory");
        n = readlink(real, target, cap);
        if (n < 0) {
            rc = fail(w->e, LC_E_IO, "cannot read symbolic link %s: %s", real, strerror(errno));
            goto out;
        }
        if ((size_t)n < cap)
            break;
        free(target);
        cap *= 2;
    }
    target[n] = '\0';
    target_js = js_string(target, &copied);
    if (!target_js) {
        rc = fail(w->e, LC_E_NOMEM, "out of memory");
        goto out;
    }
    /* resolveLinkTarget, then canonicalLinkTarget: the real path of the target's
     * directory joined with the target's base name. */
    if (target[0] == '/') {
        resolved = abs_normalize(target);
    } else {
        const char *slash = strrchr(real, '/');
        size_t dn = slash ? (size_t)(slash - real) : 0;
        joined = str_join(real, dn, "/", target, strlen(target));
        resolved = joined ? abs_normalize(joined) : NULL;
    }
    if (!resolved) {
        rc = fail(w->e, LC_E_NOMEM, "out of memory");
        goto out;
    }
    {
        const char *slash = strrchr(resolved, '/');
        size_t dn = (size_t)(slash - resolved);
        base = slash + 1;
        dir = str_join(resolved, dn ? dn : 1, "", "", 0);
    }
    if (!dir || !(dir_real = realpath_or_self(dir))) {
        rc = fail(w->e, LC_E_NOMEM, "out of memory");
        goto out;
    }
    {
        size_t dl = strlen(dir_real);
        char *j = *base ? str_join(dir_real, dl, dl > 0 && dir_real[dl - 1] == '/' ? "" : "/",
                                   base, strlen(base))
                        : str_dup(dir_real);
        canonical = j ? abs_normalize(j) : NULL;
        free(j);
    }
    if (!canonical) {
        rc = fail(w->e, LC_E_NOMEM, "out of memory");
        goto out;
    }
    internal = is_internal(w, canonical);
    have_stat = should_follow(w->follow, internal) && stat(canonical, &st) == 0;
    if (!have_stat) {
        if (!lc_ignore_match(w->ig, rel, 0)) {
            char *key = hash_key("link:", rel), *value;
            if (internal && target[0] == '/') {
                /* path.relative(root, target), then hashKey's '\' -> '/' */
                const char *r = canonical + w->rootlen;
                value = hash_key("", *r == '/' ? r + 1 : r);
            } else {
                value = str_dup(target_js);
            }
            if (!key || !value)
                rc = fail(w->e, LC_E_NOMEM, "out of memory");
            else
                h_field(&w->h, key, strlen(key), value, strlen(value));
            free(key);
            free(value);
        }
        goto out;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!lc_ignore_match(w->ig, rel, 1)) {
            char *canon2 = realpath_or_self(canonical);
            if (!canon2) {
                rc = fail(w->e, LC_E_NOMEM, "out of memory");
                goto out;
            }
            rc = walk_dir(w, canonical, canon2, rel);
            free(canon2);
        }
    } else if (S_ISREG(st.st_mode)) {
        if (!lc_ignore_match(w->ig, rel, 0))
            rc = hash_file_field(w, rel, canonical);
    } else if (!lc_ignore_match(w->ig, rel, 0)) {
        rc = fail(w->e, LC_E_IO, "Unable to hash %s/%s: it is neither a file nor a directory",
                  w->root, rel);
    }
out:
    if (copied)
        free(target_js);
    free(target);
    free(joined);
    free(resolved);
    free(dir);
    free(dir_real);
    free(canonical);
    return rc;
}

static int walk_dir(walk_t *w, const char *real, const char *canon, const char *rel)
{
    DIR *d;
    struct dirent *de;
    entry_t *ents = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0, dfd;

    for (i = 0; i < w->nanc; i++)
        if (strcmp(w->anc[i], canon) == 0)
            return 0;   /* a cycle through a followed link: CDK stops silently */
    if (w->nanc == w->capanc) {
        size_t nc = w->capanc ? w->capanc * 2 : 16;
        char **na = realloc(w->anc, nc * sizeof *na);
        if (!na)
            return fail(w->e, LC_E_NOMEM, "out of memory");
        w->anc = na;
        w->capanc = nc;
    }
    w->anc[w->nanc] = str_dup(canon);
    if (!w->anc[w->nanc])
        return fail(w->e, LC_E_NOMEM, "out of memory");
    w->nanc++;

    d = opendir(real);
    if (!d) {
        rc = fail(w->e, errno_code(errno), "cannot read directory %s: %s", real, strerror(errno));
        goto out;
    }
    dfd = dirfd(d);
    for (;;) {
        errno = 0;
        de = readdir(d);
        if (!de) {
            if (errno) {
                rc = fail(w->e, LC_E_IO, "cannot read directory %s: %s", real, strerror(errno));
                closedir(d);
                goto out;
            }
            break;
        }
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            entry_t *ne = realloc(ents, nc * sizeof *ne);
            if (!ne) {
                rc = fail(w->e, LC_E_NOMEM, "out of memory");
                closedir(d);
                goto out;
            }
            ents = ne;
            cap = nc;
        }
        ents[n].name = str_dup(de->d_name);
        if (!ents[n].name) {
            rc = fail(w->e, LC_E_NOMEM, "out of memory");
            closedir(d);
            goto out;
        }
        {
            int copied;
            ents[n].js = js_string(ents[n].name, &copied);
            if (!ents[n].js) {
                free(ents[n].name);
                rc = fail(w->e, LC_E_NOMEM, "out of memory");
                closedir(d);
                goto out;
            }
        }
        n++;
    }
    if (n > 1)
        qsort(ents, n, sizeof *ents, cmp_entry);

    for (i = 0; i < n && rc == 0; i++) {
        struct stat st;
        size_t rl = strlen(rel);
        char *crel = rl ? str_join(rel, rl, "/", ents[i].js, strlen(ents[i].js))
                        : str_dup(ents[i].js);
        char *creal = str_join(real, strlen(real), strcmp(real, "/") ? "/" : "", ents[i].name,
                               strlen(ents[i].name));
        int bad_name = ents[i].js != ents[i].name;
        if (!crel || !creal) {
            free(crel);
            free(creal);
            rc = fail(w->e, LC_E_NOMEM, "out of memory");
            break;
        }
        if (fstatat(dfd, ents[i].name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
            rc = fail(w->e, errno_code(errno), "cannot stat %s: %s", creal, strerror(errno));
        } else if (S_ISLNK(st.st_mode)) {
            rc = bad_name ? fail(w->e, LC_E_IO, "cannot hash %s: the name is not valid UTF-8",
                                 creal)
                          : visit_symlink(w, creal, crel);
        } else if (S_ISDIR(st.st_mode)) {
            if (!lc_ignore_match(w->ig, crel, 1)) {
                char *ccanon = str_join(canon, strlen(canon), strcmp(canon, "/") ? "/" : "",
                                        ents[i].name, strlen(ents[i].name));
                if (!ccanon)
                    rc = fail(w->e, LC_E_NOMEM, "out of memory");
                else if (bad_name)
                    rc = fail(w->e, LC_E_IO, "cannot hash %s: the name is not valid UTF-8", creal);
                else
                    rc = walk_dir(w, creal, ccanon, crel);
                free(ccanon);
            }
        } else if (S_ISREG(st.st_mode)) {
            if (!lc_ignore_match(w->ig, crel, 0))
                rc = bad_name ? fail(w->e, LC_E_IO, "cannot hash %s: the name is not valid UTF-8",
                                     creal)
                              : hash_file_field(w, crel, creal);
        }
        /* sockets, FIFOs, devices: skipped, as CDK does */
        free(crel);
        free(creal);
    }
    closedir(d);
out:
    for (i = 0; i < n; i++) {
        if (ents[i].js != ents[i].name)
            free(ents[i].js);
        free(ents[i].name);
    }
    free(ents);
    w->nanc--;
    free(w->anc[w->nanc]);
    return rc;
}

static const char *follow_name(int f)
{
    switch (f) {
    case LC_FOLLOW_EXTERNAL: return "external";
    case LC_FOLLOW_NEVER: return "never";
    case LC_FOLLOW_ALWAYS: return "always";
    case LC_FOLLOW_BLOCK_EXTERNAL: return "internal-only";
    default: return NULL;
    }
}

int lc_asset_fingerprint(const char *path, const lc_asset_options_t *o, lc_hash_profile_t p,
                         char out[65], char *err, size_t errlen)
{
    static const lc_asset_options_t defaults;
    errbuf_t e = { err, errlen };
    walk_t w;
    char *root;
    struct stat st;
    const char *follow, *extra;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!o)
        o = &defaults;
    if (!path || !out || (p != LC_HASH_CDK && p != LC_HASH_NATIVE))
        return fail(&e, LC_E_INVAL, "lc_asset_fingerprint: invalid arguments");
    follow = follow_name(o->follow);
    if (!follow)
        return fail(&e, LC_E_INVAL, "lc_asset_fingerprint: unknown symlink follow mode %d",
                    o->follow);
    if (o->ignore_mode != LC_IGNORE_GLOB && o->ignore_mode != LC_IGNORE_GIT
        && o->ignore_mode != LC_IGNORE_DOCKER)
        return fail(&e, LC_E_INVAL, "lc_asset_fingerprint: unknown ignore mode %d",
                    (int)o->ignore_mode);
    root = realpath(path, NULL);
    if (!root)
        return fail(&e, errno_code(errno), "asset path %s: %s", path, strerror(errno));
    if (stat(root, &st) < 0) {
        rc = fail(&e, errno_code(errno), "asset path %s: %s", path, strerror(errno));
        free(root);
        return rc;
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
        free(root);
        return fail(&e, LC_E_IO, "asset path %s is neither a file nor a directory", path);
    }

    memset(&w, 0, sizeof w);
    w.prof = p;
    w.follow = o->follow;
    w.root = root;
    w.rootlen = strlen(root);
    w.e = &e;
    w.buf = malloc(CHUNK);
    if (!w.buf || (rc = h_init(&w.h, p)) < 0) {
        free(w.buf);
        free(root);
        return fail(&e, LC_E_NOMEM, "out of memory");
    }
    extra = o->extra_hash ? o->extra_hash : "";
    h_field(&w.h, "options.extra", 13, extra, strlen(extra));
    h_field(&w.h, "options.follow", 14, follow, strlen(follow));
    if (o->ignore_mode == LC_IGNORE_GIT)
        h_field(&w.h, "options.ignoreMode", 18, "git", 3);
    else if (o->ignore_mode == LC_IGNORE_DOCKER)
        h_field(&w.h, "options.ignoreMode", 18, "docker", 6);

    if (S_ISDIR(st.st_mode)) {
        w.ig = lc_ignore_new(&o->exclude, o->ignore_mode);
        if (!w.ig)
            rc = fail(&e, LC_E_NOMEM, "out of memory compiling exclude patterns");
        else if (lc_ignore_error(w.ig))
            rc = fail(&e, LC_E_INVAL, "%s", lc_ignore_error(w.ig));
        else
            rc = walk_dir(&w, root, root, "");
    } else {
        /* CDK builds the exclude matcher for a file too, and `ignore` (git mode) rejects
         * bad patterns right away; the other modes never look at them. */
        char value[86];
        rc = 0;
        if (o->ignore_mode == LC_IGNORE_GIT) {
            w.ig = lc_ignore_new(&o->exclude, o->ignore_mode);
            if (!w.ig)
                rc = fail(&e, LC_E_NOMEM, "out of memory compiling exclude patterns");
            else if (lc_ignore_error(w.ig))
                rc = fail(&e, LC_E_INVAL, "%s", lc_ignore_error(w.ig));
        }
        if (rc == 0)
            rc = hash_content(root, p, w.buf, value, &e);
        if (rc == 0)
            h_field(&w.h, "file:", 5, value, strlen(value));
    }
    if (rc == 0)
        h_hex(&w.h, out);
    h_free(&w.h);
    lc_ignore_free(w.ig);
    free(w.anc);
    free(w.buf);
    free(root);
    return rc;
}

int lc_asset_content_fingerprint(const char *file, lc_hash_profile_t p, char out[86],
                                 char *err, size_t errlen)
{
    errbuf_t e = { err, errlen };
    unsigned char *buf;
    int rc;
    if (err && errlen)
        err[0] = '\0';
    if (!file || !out || (p != LC_HASH_CDK && p != LC_HASH_NATIVE))
        return fail(&e, LC_E_INVAL, "lc_asset_content_fingerprint: invalid arguments");
    buf = malloc(CHUNK);
    if (!buf)
        return fail(&e, LC_E_NOMEM, "out of memory");
    rc = hash_content(file, p, buf, out, &e);
    free(buf);
    return rc;
}
