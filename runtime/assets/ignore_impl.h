/* runtime/assets/ignore_impl.h - private to the exclude matchers (runtime/assets/ignore*.c).
 *
 * ignore.c owns the lc_ignore object and dispatches to one module per CDK ignore mode:
 *   ignore_glob.c    minimatch, CDK's GlobIgnoreStrategy (braces: ignore_brace.c)
 *   ignore_git.c     the `ignore` package, CDK's GitIgnoreStrategy
 *   ignore_docker.c  @balena/dockerignore, CDK's DockerIgnoreStrategy (via jsregex.c)
 * This header holds what they share: UTF-8 cursors, arena-backed strings, and the
 * character classes of the glob and git modes.  Everything lives in the matcher's arena.
 */
#ifndef LAMBDAC_RUNTIME_ASSETS_IGNORE_IMPL_H
#define LAMBDAC_RUNTIME_ASSETS_IGNORE_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/arena.h>
#include <lambdac/asset.h>

#include "jsstr.h"

/* ======================================================================================
 * Small helpers
 * ==================================================================================== */

/* Decode the code point at s[*i] (n bytes total) and advance *i. */
static inline uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    uint32_t cp;
    *i += lc__u8_unit((const unsigned char *)s + *i, n - *i, &cp);
    return cp;
}

static inline int starts_with(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && memcmp(s, pre, k) == 0;
}

static inline int ends_with(const char *s, size_t n, const char *suf, size_t k)
{
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* A growable byte string in the arena. */
typedef struct sbuf {
    lc_arena_t *a;
    char *p;
    size_t n, cap;
    int oom;
} sbuf_t;

static inline void sb_init(sbuf_t *b, lc_arena_t *a)
{
    b->a = a;
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

static inline void sb_add(sbuf_t *b, const char *s, size_t k)
{
    if (b->oom)
        return;
    if (b->n + k + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 32;
        char *np;
        while (nc < b->n + k + 1)
            nc *= 2;
        np = lc_realloc(b->a, b->p, b->cap, nc);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    if (k)
        memcpy(b->p + b->n, s, k);
    b->n += k;
    b->p[b->n] = '\0';
}

static inline void sb_addc(sbuf_t *b, char c) { sb_add(b, &c, 1); }

static inline const char *sb_str(sbuf_t *b)
{
    if (!b->p)
        sb_add(b, "", 0);
    return b->oom ? NULL : b->p;
}

/* A growable array of strings in the arena. */
typedef struct strv {
    lc_arena_t *a;
    const char **v;
    size_t n, cap;
    int oom;
} strv_t;

static inline void sv_init(strv_t *v, lc_arena_t *a)
{
    v->a = a;
    v->v = NULL;
    v->n = v->cap = 0;
    v->oom = 0;
}

static inline void sv_push(strv_t *v, const char *s)
{
    if (v->oom || !s) {
        v->oom = 1;
        return;
    }
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 8;
        const char **nv = lc_realloc(v->a, (void *)v->v, v->cap * sizeof *nv, nc * sizeof *nv);
        if (!nv) {
            v->oom = 1;
            return;
        }
        v->v = nv;
        v->cap = nc;
    }
    v->v[v->n++] = s;
}

static inline char *cat3(lc_arena_t *a, const char *x, size_t nx, const char *y, size_t ny,
                  const char *z, size_t nz)
{
    char *r = lc_alloc(a, nx + ny + nz + 1);
    if (!r)
        return NULL;
    memcpy(r, x, nx);
    memcpy(r + nx, y, ny);
    memcpy(r + nx + ny, z, nz);
    r[nx + ny + nz] = '\0';
    return r;
}

/* JS String.prototype.trim over UTF-8: [*b, *e) without leading/trailing \s. */
static inline void js_trim(const char *s, size_t n, size_t *b, size_t *e)
{
    size_t i = 0, last_non_space = 0;
    int any = 0;
    while (i < n) {
        size_t j = i;
        uint32_t cp = next_cp(s, n, &j);
        if (!lc__js_is_space(cp))
            break;
        i = j;
    }
    *b = i;
    /* find the end of the last non-space code point */
    while (i < n) {
        size_t j = i;
        uint32_t cp = next_cp(s, n, &j);
        if (!lc__js_is_space(cp)) {
            last_non_space = j;
            any = 1;
        }
        i = j;
    }
    *e = any ? last_non_space : *b;
}

/* ======================================================================================
 * Character classes
 * ==================================================================================== */

enum {
    PX_ALNUM = 1 << 0, PX_ALPHA = 1 << 1, PX_ASCII = 1 << 2, PX_BLANK = 1 << 3,
    PX_CNTRL = 1 << 4, PX_DIGIT = 1 << 5, PX_GRAPHN = 1 << 6, PX_LOWER = 1 << 7,
    PX_PRINT = 1 << 8, PX_PUNCT = 1 << 9, PX_SPACE = 1 << 10, PX_UPPER = 1 << 11,
    PX_WORD = 1 << 12, PX_XDIGIT = 1 << 13
};

typedef struct cls {
    uint32_t (*r)[2];     /* inclusive ranges */
    size_t n, cap;
    unsigned px;          /* POSIX classes among the "ranges" (minimatch) */
    unsigned pxneg;       /* POSIX classes given by complement ([:graph:] in minimatch) */
    int negate;
    int fold;             /* case-insensitive (git, docker) */
} cls_t;

static inline int cls_add(lc_arena_t *a, cls_t *c, uint32_t lo, uint32_t hi)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 4;
        void *nr = lc_realloc(a, c->r, c->cap * sizeof *c->r, nc * sizeof *c->r);
        if (!nr)
            return -1;
        c->r = nr;
        c->cap = nc;
    }
    c->r[c->n][0] = lo;
    c->r[c->n][1] = hi;
    c->n++;
    return 0;
}

/* Unicode general categories, exact for ASCII; other code points are letters unless they
 * are obviously spaces, controls or punctuation blocks. */
static inline int px_is(unsigned cls, uint32_t c)
{
    int ascii = c < 0x80;
    int upper = ascii ? (c >= 'A' && c <= 'Z') : 0;
    int lower = ascii ? (c >= 'a' && c <= 'z') : 0;
    int digit = c >= '0' && c <= '9';
    int space = lc__js_is_space(c) && c != 0xFEFF;     /* \p{Z} plus \t\n\v\f\r */
    int cntrl = c < 0x20 || (c >= 0x7F && c < 0xA0);
    int punct = ascii ? (strchr("!\"#%&'()*,-./:;?@[\\]_{}", (int)c) != NULL && c) : 0;
    int nonascii_letter = !ascii && !cntrl && !space && !(c >= 0xA0 && c <= 0xBF)
                          && !(c >= 0x2000 && c <= 0x206F) && !(c >= 0x3000 && c <= 0x303F);
    int alpha = upper || lower || nonascii_letter;
    switch (cls) {
    case PX_ALNUM: return alpha || digit;
    case PX_ALPHA: return alpha;
    case PX_ASCII: return c < 0x80;
    case PX_BLANK: return c == '\t' || (space && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C
                                        && c != 0x2028 && c != 0x2029);
    case PX_CNTRL: return cntrl;
    case PX_DIGIT: return digit;
    case PX_GRAPHN: return space || cntrl || c == 0xFEFF;  /* complemented by the caller */
    case PX_LOWER: return lower;
    case PX_PRINT: return cntrl || c == 0xFEFF;            /* minimatch maps [:print:] to \p{C} */
    case PX_PUNCT: return punct;
    case PX_SPACE: return space || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
    case PX_UPPER: return upper;
    case PX_WORD: return alpha || digit || c == '_';
    case PX_XDIGIT: return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    default: return 0;
    }
}

static inline int px_any(unsigned mask, uint32_t c)
{
    unsigned bit;
    for (bit = 1; bit <= PX_XDIGIT; bit <<= 1)
        if ((mask & bit) && px_is(bit, c))
            return 1;
    return 0;
}

static inline int ranges_have(const cls_t *c, uint32_t cp)
{
    size_t i;
    for (i = 0; i < c->n; i++)
        if (cp >= c->r[i][0] && cp <= c->r[i][1])
            return 1;
    return 0;
}

static inline int cls_match(const cls_t *c, uint32_t cp)
{
    int in_r, has_r = c->n > 0 || c->px != 0;
    if (c->fold) {
        /* JS: some member has the same canonical case as cp */
        uint32_t f = lc__js_fold(cp), pre[8];
        size_t k, np;
        in_r = ranges_have(c, cp) || ranges_have(c, f);
        for (k = 0, np = in_r ? 0 : lc__js_unfold(f, pre); k < np && !in_r; k++)
            in_r = ranges_have(c, pre[k]);
    } else {
        in_r = ranges_have(c, cp);
    }
    in_r = in_r || px_any(c->px, cp);
    if (c->pxneg) {
        /* minimatch: ranges ? ([^?ranges] | [^?negs]) : [^?negs] with negs complemented */
        int in_n = px_any(c->pxneg, cp);
        int m_n = c->negate ? in_n : !in_n;
        if (has_r)
            return (in_r != c->negate) || m_n;
        return m_n;
    }
    return in_r != c->negate;
}

/* ======================================================================================
 * The modes
 * ==================================================================================== */

/* The first pattern a mode rejects (aws-cdk-lib throws on it). */
typedef struct lc__ignore_err {
    const char *pattern;
    const char *why;
} lc__ignore_err_t;

static inline void lc__ignore_reject(lc__ignore_err_t *e, const char *pattern, const char *why)
{
    if (!e->pattern) {
        e->pattern = pattern;
        e->why = why;
    }
}

/* Brace expansion for the glob mode (ignore_brace.c): the expansions of pat, in order. */
void lc__brace_expand(lc_arena_t *a, const char *pat, strv_t *out);

/* Each mode: compile the patterns into *out (0, or -1 when out of memory), and answer
 * "is this path excluded" for a clean relative path s[0..n), n > 0. */
typedef struct lc__glob lc__glob_t;
int lc__glob_new(lc_arena_t *a, const lc_str_list_t *pats, lc__glob_t **out,
                 lc__ignore_err_t *err);
int lc__glob_ignores(const lc__glob_t *g, const char *s, size_t n);

typedef struct lc__git lc__git_t;
int lc__git_new(lc_arena_t *a, const lc_str_list_t *pats, lc__git_t **out,
                lc__ignore_err_t *err);
/* s ends with '/' for a directory. */
int lc__git_ignores(const lc__git_t *g, const char *s, size_t n);

typedef struct lc__docker lc__docker_t;
int lc__docker_new(lc_arena_t *a, const lc_str_list_t *pats, lc__docker_t **out,
                   lc__ignore_err_t *err);
/* For a directory: may the walk skip it (no negation could re-include anything)? */
int lc__docker_ignores(const lc__docker_t *d, const char *s, size_t n, int is_dir);

#endif
