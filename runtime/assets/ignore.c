/* runtime/assets/ignore.c - exclude patterns as aws-cdk-lib applies them.
 *
 * CDK's IgnoreStrategy has three modes, each backed by a different npm package:
 *   glob    minimatch (v10) with {matchBase, flipNegate}; the strategy itself decides
 *           negation by a leading '!' and lets the last matching pattern win;
 *   git     `ignore` (v5), which turns each .gitignore line into a JS regex;
 *   docker  @balena/dockerignore, a port of Docker's Go matcher that also builds a regex.
 * We do not embed a regex engine.  Each mode's patterns are compiled into small token
 * programs with the same meaning as those packages' output (down to their quirks where a
 * quirk changes a real asset hash, e.g. `ignore` being case-insensitive, minimatch's
 * fast paths for `*.ext`), and matched by backtracking with memoisation, so a pattern
 * never costs more than O(tokens x length^2) on a path.
 *
 * Deliberate approximations (all exotic; see t/31-ignore.c for what is pinned):
 *  - JS regex escapes such as `\d`, `\w`, `\b` inside git/docker patterns mean the
 *    letter itself here; regex metacharacters that dockerignore passes through raw
 *    (`+ ( ) | { } ^` outside classes) are literal here (in CDK most of them either
 *    throw or match nothing useful);
 *  - case-insensitive matching is JS's for the BMP (jsfold.h); POSIX classes
 *    ([:alpha:] ...) are exact for ASCII and treat most other code points as letters;
 *  - `?`, `*` and classes consume code points, where JS regexes without the `u` flag
 *    see a character outside the BMP as two units (only `?` next to such a character
 *    can tell the difference);
 *  - extglobs nest without minimatch's depth limit, and `!(...)` looks ahead over the
 *    whole rest of the segment.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/arena.h>
#include <lambdac/asset.h>

#include "jsstr.h"

/* ======================================================================================
 * Small helpers
 * ==================================================================================== */

/* Decode the code point at s[*i] (n bytes total) and advance *i. */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
    uint32_t cp;
    *i += lc__u8_unit((const unsigned char *)s + *i, n - *i, &cp);
    return cp;
}

static int starts_with(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return n >= k && memcmp(s, pre, k) == 0;
}

static int ends_with(const char *s, size_t n, const char *suf, size_t k)
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

static void sb_init(sbuf_t *b, lc_arena_t *a)
{
    b->a = a;
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

static void sb_add(sbuf_t *b, const char *s, size_t k)
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

static void sb_addc(sbuf_t *b, char c) { sb_add(b, &c, 1); }

static const char *sb_str(sbuf_t *b)
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

static void sv_init(strv_t *v, lc_arena_t *a)
{
    v->a = a;
    v->v = NULL;
    v->n = v->cap = 0;
    v->oom = 0;
}

static void sv_push(strv_t *v, const char *s)
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

static char *cat3(lc_arena_t *a, const char *x, size_t nx, const char *y, size_t ny,
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
static void js_trim(const char *s, size_t n, size_t *b, size_t *e)
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

static int cls_add(lc_arena_t *a, cls_t *c, uint32_t lo, uint32_t hi)
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
static int px_is(unsigned cls, uint32_t c)
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

static int px_any(unsigned mask, uint32_t c)
{
    unsigned bit;
    for (bit = 1; bit <= PX_XDIGIT; bit <<= 1)
        if ((mask & bit) && px_is(bit, c))
            return 1;
    return 0;
}

static int ranges_have(const cls_t *c, uint32_t cp)
{
    size_t i;
    for (i = 0; i < c->n; i++)
        if (cp >= c->r[i][0] && cp <= c->r[i][1])
            return 1;
    return 0;
}

static int cls_match(const cls_t *c, uint32_t cp)
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
 * Path token programs (git and docker modes)
 * ==================================================================================== */

enum pm_op {
    PM_LIT,        /* one code point (case-folded when the program folds) */
    PM_ANY,        /* [^/] */
    PM_STAR,       /* [^/]* */
    PM_STAR1,      /* [^/]+ */
    PM_CLASS,      /* [...] */
    PM_ANYSEQ,     /* .*   (any code points but line terminators) */
    PM_ANYSEQ1,    /* .+ */
    PM_DIRS_LEAD,  /* (?:.*\/)? */
    PM_DIRS_MID,   /* (?:\/[^\/]+)* */
    PM_END,        /* $ */
    PM_END_DIR,    /* (?=$|\/$) */
    PM_NEVER       /* matches nothing */
};

typedef struct pm_tok {
    int op;
    uint32_t cp;
    const cls_t *cls;
} pm_tok_t;

typedef struct pm {
    pm_tok_t *t;
    size_t n, cap;
    int anchored;     /* match at 0 only; else at 0 or right after any '/' */
    int fold;
} pm_t;

static int pm_push(lc_arena_t *a, pm_t *p, int op, uint32_t cp, const cls_t *cls)
{
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 16;
        void *nt = lc_realloc(a, p->t, p->cap * sizeof *p->t, nc * sizeof *p->t);
        if (!nt)
            return -1;
        p->t = nt;
        p->cap = nc;
    }
    p->t[p->n].op = op;
    p->t[p->n].cp = p->fold && op == PM_LIT ? lc__js_fold(cp) : cp;
    p->t[p->n].cls = cls;
    p->n++;
    return 0;
}

typedef struct pm_run {
    const pm_t *p;
    const char *s;
    size_t n;
    unsigned char *failed;   /* bit (k * (n + 1) + i): tokens k.. cannot match from i */
} pm_run_t;

static int pm_at(const pm_run_t *r, size_t k, size_t i);

static int pm_at_memo(const pm_run_t *r, size_t k, size_t i)
{
    size_t bit = k * (r->n + 1) + i;
    if (!r->failed)
        return pm_at(r, k, i);
    if (r->failed[bit >> 3] & (1u << (bit & 7)))
        return 0;
    if (pm_at(r, k, i))
        return 1;
    r->failed[bit >> 3] |= (unsigned char)(1u << (bit & 7));
    return 0;
}

static int pm_at(const pm_run_t *r, size_t k, size_t i)
{
    const pm_t *p = r->p;
    const char *s = r->s;
    size_t n = r->n, j;
    const pm_tok_t *t;
    uint32_t cp;

    if (k == p->n)
        return 1;
    t = &p->t[k];
    switch (t->op) {
    case PM_LIT:
        if (i >= n)
            return 0;
        j = i;
        cp = next_cp(s, n, &j);
        if (p->fold)
            cp = lc__js_fold(cp);
        return cp == t->cp && pm_at_memo(r, k + 1, j);
    case PM_ANY:
        if (i >= n || s[i] == '/')
            return 0;
        j = i;
        next_cp(s, n, &j);
        return pm_at_memo(r, k + 1, j);
    case PM_CLASS:
        if (i >= n)
            return 0;
        j = i;
        cp = next_cp(s, n, &j);
        return cls_match(t->cls, cp) && pm_at_memo(r, k + 1, j);
    case PM_STAR:
    case PM_STAR1:
        j = i;
        if (t->op == PM_STAR1) {
            if (j >= n || s[j] == '/')
                return 0;
            next_cp(s, n, &j);
        }
        for (;;) {
            if (pm_at_memo(r, k + 1, j))
                return 1;
            if (j >= n || s[j] == '/')
                return 0;
            next_cp(s, n, &j);
        }
    case PM_ANYSEQ:
    case PM_ANYSEQ1:
        j = i;
        if (t->op == PM_ANYSEQ1) {
            if (j >= n)
                return 0;
            if (lc__js_is_line_terminator(next_cp(s, n, &j)))
                return 0;
        }
        for (;;) {
            size_t j2 = j;
            if (pm_at_memo(r, k + 1, j))
                return 1;
            if (j >= n || lc__js_is_line_terminator(next_cp(s, n, &j2)))
                return 0;
            j = j2;
        }
    case PM_DIRS_LEAD:
        if (pm_at_memo(r, k + 1, i))
            return 1;
        for (j = i; j < n;) {
            size_t j2 = j;
            cp = next_cp(s, n, &j2);
            if (lc__js_is_line_terminator(cp))
                return 0;
            if (cp == '/' && pm_at_memo(r, k + 1, j2))
                return 1;
            j = j2;
        }
        return 0;
    case PM_DIRS_MID:
        if (pm_at_memo(r, k + 1, i))
            return 1;
        if (i >= n || s[i] != '/')
            return 0;
        /* one more "/segment" (non-empty), then the same token again */
        for (j = i + 1; j < n && s[j] != '/';) {
            next_cp(s, n, &j);
            if (pm_at_memo(r, k, j))
                return 1;
        }
        return 0;
    case PM_END:
        return i == n && pm_at_memo(r, k + 1, i);
    case PM_END_DIR:
        return (i == n || (s[i] == '/' && i + 1 == n)) && pm_at_memo(r, k + 1, i);
    case PM_NEVER:
    default:
        return 0;
    }
}

/* Does program p match s[0..n)?  Anchored programs start at 0.  An unanchored one starts
 * at 0 or right after a '/', but only git makes them, and their tokens never consume a
 * '/' except a final one (".../" patterns): so the only start that can succeed is the
 * beginning of the last component (ignoring a trailing '/').  Memoisation is needed only
 * with two or more variable-length tokens. */
static int pm_match(const pm_t *p, const char *s, size_t n)
{
    unsigned char stackbuf[512], *failed = stackbuf;
    size_t i, start = 0, loops = 0, bits, bytes;
    pm_run_t r;
    int hit;

    if (!p->anchored) {
        size_t e = n > 0 && s[n - 1] == '/' ? n - 1 : n;
        for (i = e; i > 0; i--)
            if (s[i - 1] == '/')
                break;
        start = i;
    }
    for (i = 0; i < p->n; i++)
        switch (p->t[i].op) {
        case PM_STAR: case PM_STAR1: case PM_ANYSEQ: case PM_ANYSEQ1: case PM_DIRS_LEAD:
        case PM_DIRS_MID:
            loops++;
            break;
        default:
            break;
        }
    bits = loops >= 2 ? (p->n + 1) * (n + 1) : 0;
    bytes = (bits + 7) / 8;
    if (bytes > sizeof stackbuf) {
        failed = calloc(bytes, 1);
        if (!failed)
            return 0;   /* out of memory: "no match" */
    } else {
        memset(stackbuf, 0, bytes);
    }
    r.p = p;
    r.s = s;
    r.n = n;
    r.failed = bits ? failed : NULL;
    hit = pm_at(&r, 0, start);
    if (failed != stackbuf)
        free(failed);
    return hit;
}

/* ======================================================================================
 * git mode: the `ignore` package's reading of .gitignore lines
 * ==================================================================================== */

typedef struct git_rule {
    int negative;
    pm_t pm;
} git_rule_t;

/* Items of a pattern after escapes are resolved. */
enum { GI_LIT, GI_STAR, GI_QMARK, GI_CLASS, GI_SLASH };
typedef struct gitem {
    int kind;
    uint32_t cp;
    const cls_t *cls;
} gitem_t;

/* Returns 1 and fills *out when the line is a rule, 0 when it is skipped, -1 on OOM. */
static int git_compile(lc_arena_t *a, const char *line, git_rule_t *out)
{
    size_t n = strlen(line), i, w, bs, m;
    const char *s = line;
    int anchored, lead_slash = 0;
    sbuf_t b;
    gitem_t *it;
    size_t nit = 0, k, body_start = 0;
    pm_t *pm = &out->pm;

    memset(out, 0, sizeof *out);
    /* Lines that are no rules: empty, blank, an odd trailing backslash, comments. */
    if (n == 0 || s[0] == '#')
        return 0;
    for (i = 0; i < n;) {
        if (!lc__js_is_space(next_cp(s, n, &i)))
            break;
        if (i == n)
            return 0;
    }
    if (s[n - 1] == '\\' && (n == 1 || s[n - 2] != '\\'))
        return 0;
    if (s[0] == '!') {
        out->negative = 1;
        s++;
        n--;
    }
    sb_init(&b, a);
    /* "\!" and "\#" at the start stand for the character itself. */
    if (starts_with(s, n, "\\!") || starts_with(s, n, "\\#")) {
        sb_addc(&b, s[1]);
        s += 2;
        n -= 2;
    }
    sb_add(&b, s, n);
    if (b.oom)
        return -1;
    s = sb_str(&b);
    n = b.n;
    /* Anchoring is decided on this text (before trailing spaces go): a '/' anywhere but
     * at the very end. */
    anchored = 0;
    for (i = 0; i + 1 < n; i++)
        if (s[i] == '/')
            anchored = 1;
    /* Byte order mark. */
    if (starts_with(s, n, "\xEF\xBB\xBF")) {
        s += 3;
        n -= 3;
    }
    /* Trailing white space goes, unless escaped: "\ " keeps one space; of the backslashes
     * right before the blanks, pairs are kept. */
    {
        size_t last_non = 0;
        int any = 0;
        for (i = 0; i < n;) {
            size_t j = i;
            if (!lc__js_is_space(next_cp(s, n, &j))) {
                last_non = j;
                any = 1;
            }
            i = j;
        }
        w = any ? last_non : 0;
        if (w < n) {
            sbuf_t t;
            for (bs = 0; bs < w && s[w - 1 - bs] == '\\'; bs++)
                ;
            sb_init(&t, a);
            sb_add(&t, s, w - bs);
            for (m = 0; m < bs - bs % 2; m++)
                sb_addc(&t, '\\');
            if (bs % 2)
                sb_addc(&t, ' ');
            if (t.oom)
                return -1;
            s = sb_str(&t);
            n = t.n;
        }
    }
    /* A run of backslashes before a blank: pairs are kept, the blank becomes a space. */
    {
        sbuf_t t;
        sb_init(&t, a);
        for (i = 0; i < n;) {
            if (s[i] == '\\') {
                size_t run = 0, j;
                while (i + run < n && s[i + run] == '\\')
                    run++;
                j = i + run;
                if (j < n) {
                    size_t j2 = j;
                    if (lc__js_is_space(next_cp(s, n, &j2))) {
                        for (m = 0; m < run - run % 2; m++)
                            sb_addc(&t, '\\');
                        sb_addc(&t, ' ');
                        i = j2;
                        continue;
                    }
                }
                sb_add(&t, s + i, run);
                i += run;
                continue;
            }
            sb_addc(&t, s[i]);
            i++;
        }
        if (t.oom)
            return -1;
        s = sb_str(&t);
        n = t.n;
    }

    /* Nothing left ("!" alone, "! "): `ignore` compiles an empty regex, which matches
     * every path. */
    if (n == 0) {
        pm->anchored = 1;
        return 1;
    }

    /* Items. */
    it = lc_alloc(a, (n + 1) * sizeof *it);
    if (!it)
        return -1;
    for (i = 0; i < n;) {
        uint32_t cp;
        char c = s[i];
        if (c == '\\' && i + 2 == n && s[i + 1] == '*') {
            /* `ignore` quirk: an escaped star that ends the line is a wildcard */
            it[nit++].kind = GI_STAR;
            i = n;
            continue;
        }
        if (c == '\\' && i + 1 < n) {
            i++;
            cp = next_cp(s, n, &i);
            it[nit].kind = GI_LIT;
            it[nit++].cp = cp;
            continue;
        }
        if (c == '*' || c == '?' || c == '/') {
            it[nit++].kind = c == '*' ? GI_STAR : c == '?' ? GI_QMARK : GI_SLASH;
            i++;
            continue;
        }
        if (c == '[') {
            /* A class runs to the first ']'; no negation ('!' and '^' are members);
             * reversed ranges are dropped; without a ']' the rule matches nothing. */
            size_t j = i + 1, close;
            cls_t *cl = lc_alloc(a, sizeof *cl);
            if (!cl)
                return -1;
            cl->fold = 1;
            while (j < n && s[j] != ']')
                j++;
            close = j;
            it[nit].kind = GI_CLASS;
            it[nit++].cls = cl;
            if (close >= n) {
                /* matches nothing: an empty class */
                i = n;
                continue;
            }
            {
                /* odd number of trailing backslashes: an escaped ']' - nothing matches */
                size_t tb = 0;
                while (close - tb > i + 1 && s[close - 1 - tb] == '\\')
                    tb++;
                if (tb % 2) {
                    i = close + 1;
                    continue;
                }
            }
            j = i + 1;
            while (j < close) {
                uint32_t lo, hi;
                if (s[j] == '\\' && j + 1 < close)
                    j++;
                lo = next_cp(s, close, &j);
                if (j + 1 < close && s[j] == '-') {
                    size_t j2 = j + 1;
                    if (s[j2] == '\\' && j2 + 1 < close)
                        j2++;
                    hi = next_cp(s, close, &j2);
                    j = j2;
                    if (lo <= hi && cls_add(a, cl, lo, hi) < 0)
                        return -1;
                    continue;
                }
                if (cls_add(a, cl, lo, lo) < 0)
                    return -1;
            }
            i = close + 1;
            continue;
        }
        cp = next_cp(s, n, &i);
        it[nit].kind = GI_LIT;
        it[nit++].cp = cp;
    }

    /* Structure (the regex `ignore` would build, as tokens). */
    pm->fold = 1;
    k = 0;
    if (nit > 0 && it[0].kind == GI_SLASH) {
        lead_slash = 1;
        anchored = 1;
        k = 1;
    }
    if (nit >= k + 3 && it[k].kind == GI_STAR && it[k + 1].kind == GI_STAR
        && it[k + 2].kind == GI_SLASH) {
        if (pm_push(a, pm, PM_DIRS_LEAD, 0, NULL) < 0)
            return -1;
        anchored = 1;
        k += 3;
        body_start = k;
    } else {
        body_start = k;
    }
    pm->anchored = anchored;
    {
        int ends_slash = 0;
        size_t first = k;
        while (k < nit) {
            gitem_t *x = &it[k];
            if (x->kind == GI_SLASH && k + 2 < nit && it[k + 1].kind == GI_STAR
                && it[k + 2].kind == GI_STAR && (k + 3 == nit || it[k + 3].kind == GI_SLASH)) {
                if (k + 3 == nit) {
                    if (pm_push(a, pm, PM_LIT, '/', NULL) < 0
                        || pm_push(a, pm, PM_ANYSEQ1, 0, NULL) < 0)
                        return -1;
                } else if (pm_push(a, pm, PM_DIRS_MID, 0, NULL) < 0) {
                    return -1;
                }
                k += 3;
                continue;
            }
            switch (x->kind) {
            case GI_STAR: {
                size_t r = 0;
                int op = PM_STAR;
                while (k + r < nit && it[k + r].kind == GI_STAR)
                    r++;
                if (k + r == nit && r == 1
                    && ((k > body_start && it[k - 1].kind == GI_SLASH)
                        || (k == first && lead_slash && body_start == 1)))
                    op = PM_STAR1;
                if (pm_push(a, pm, op, 0, NULL) < 0)
                    return -1;
                k += r;
                continue;
            }
            case GI_QMARK:
                if (pm_push(a, pm, PM_ANY, 0, NULL) < 0)
                    return -1;
                break;
            case GI_CLASS:
                if (pm_push(a, pm, PM_CLASS, 0, x->cls) < 0)
                    return -1;
                break;
            case GI_SLASH:
                if (pm_push(a, pm, PM_LIT, '/', NULL) < 0)
                    return -1;
                if (k + 1 == nit)
                    ends_slash = 1;
                break;
            default:
                if (pm_push(a, pm, PM_LIT, x->cp, NULL) < 0)
                    return -1;
                break;
            }
            k++;
        }
        if (pm_push(a, pm, ends_slash ? PM_END : PM_END_DIR, 0, NULL) < 0)
            return -1;
    }
    return 1;
}

/* Last matching rule wins; a path is never re-included once a parent directory ("a/",
 * "a/b/", ...) is ignored. */
static int git_test_one(const git_rule_t *r, size_t nr, const char *s, size_t n)
{
    size_t i;
    int ignored = 0;
    for (i = 0; i < nr; i++) {
        if (r[i].negative != ignored)
            continue;   /* cannot change the outcome */
        if (pm_match(&r[i].pm, s, n))
            ignored = !r[i].negative;
    }
    return ignored;
}

static int git_ignores(const git_rule_t *r, size_t nr, const char *s, size_t n)
{
    size_t j;
    for (j = 0; j + 1 < n; j++)
        if (s[j] == '/' && git_test_one(r, nr, s, j + 1))
            return 1;
    return git_test_one(r, nr, s, n);
}

/* ======================================================================================
 * docker mode: @balena/dockerignore
 * ==================================================================================== */

typedef struct docker_rule {
    int negative;
    size_t ndirs;       /* components of the cleaned pattern */
    size_t nplain;      /* components other than "**" */
    int has_dstar;
    pm_t pm;
} docker_rule_t;

/* Node's path.posix.normalize. */
static const char *js_normalize(lc_arena_t *a, const char *s, size_t n, size_t *outn)
{
    int abs, trail;
    strv_t seg;
    sbuf_t b;
    size_t i = 0, k;

    if (n == 0) {
        *outn = 1;
        return ".";
    }
    abs = s[0] == '/';
    trail = s[n - 1] == '/';
    sv_init(&seg, a);
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        if (j > i && !(j - i == 1 && s[i] == '.')) {
            if (j - i == 2 && s[i] == '.' && s[i + 1] == '.') {
                if (seg.n > 0 && strcmp(seg.v[seg.n - 1], "..") != 0)
                    seg.n--;
                else if (!abs)
                    sv_push(&seg, "..");
            } else {
                sv_push(&seg, lc_strndup(a, s + i, j - i));
            }
        }
        i = j + 1;
    }
    if (seg.oom)
        return NULL;
    sb_init(&b, a);
    if (abs)
        sb_addc(&b, '/');
    for (k = 0; k < seg.n; k++) {
        if (k)
            sb_addc(&b, '/');
        sb_add(&b, seg.v[k], strlen(seg.v[k]));
    }
    if (seg.n == 0 && !abs)
        sb_addc(&b, '.');
    if (seg.n > 0 && trail)
        sb_addc(&b, '/');
    *outn = b.n;
    return sb_str(&b);
}

/* cleanPath: normalize, then drop one trailing '/' that follows some character. */
static const char *docker_clean(lc_arena_t *a, const char *s, size_t n, size_t *outn)
{
    const char *r = js_normalize(a, s, n, outn);
    if (r && *outn > 1 && r[*outn - 1] == '/' && r[*outn - 2] != '\n' && r[*outn - 2] != '\r')
        (*outn)--;
    return r ? lc_strndup(a, r, *outn) : NULL;
}

/* Node's path.posix.dirname. */
static size_t js_dirname(const char *s, size_t n, const char **out)
{
    size_t i, end = (size_t)-1;
    int matched_slash = 1, has_root;
    if (n == 0) {
        *out = ".";
        return 1;
    }
    has_root = s[0] == '/';
    for (i = n - 1; i >= 1; i--) {
        if (s[i] == '/') {
            if (!matched_slash) {
                end = i;
                break;
            }
        } else {
            matched_slash = 0;
        }
    }
    if (end == (size_t)-1) {
        *out = has_root ? "/" : ".";
        return 1;
    }
    if (has_root && end == 1) {
        *out = "//";
        return 2;
    }
    *out = s;
    return end;
}

/* _createRule: returns 1 with *out filled, 0 when the line gives no rule, -1 on OOM. */
static int docker_compile(lc_arena_t *a, const char *line, size_t n, docker_rule_t *out)
{
    size_t b, e, pn, i;
    const char *p;
    int neg = 0, no_end = 0;
    pm_t *pm = &out->pm;

    memset(out, 0, sizeof *out);
    js_trim(line, n, &b, &e);
    p = line + b;
    pn = e - b;
    if (pn > 0 && p[0] == '!') {
        neg = 1;
        js_trim(p + 1, pn - 1, &b, &e);
        p = p + 1 + b;
        pn = e - b;
    }
    if (pn > 0) {
        p = docker_clean(a, p, pn, &pn);
        if (!p)
            return -1;
        if (pn > 1 && p[0] == '/') {
            p++;
            pn--;
        }
    }
    if (neg) {
        p = cat3(a, "!", 1, p, pn, "", 0);
        if (!p)
            return -1;
        pn++;
    }
    js_trim(p, pn, &b, &e);
    p += b;
    pn = e - b;
    if (pn == 0)
        return 0;
    p = docker_clean(a, p, pn, &pn);
    if (!p)
        return -1;
    if (p[0] == '!') {
        if (pn == 1)
            return 0;
        neg = 1;
        p++;
        pn--;
    } else {
        neg = 0;
    }
    out->negative = neg;
    /* components */
    out->ndirs = 1;
    {
        size_t s0 = 0;
        for (i = 0; i <= pn; i++) {
            if (i == pn || p[i] == '/') {
                if (i - s0 == 2 && p[s0] == '*' && p[s0 + 1] == '*')
                    out->has_dstar = 1;
                else
                    out->nplain++;
                if (i < pn)
                    out->ndirs++;
                s0 = i + 1;
            }
        }
    }
    /* The regex, as tokens: "**" (eating a following '/') is (.*\/)? or .* at the end,
     * '*' is [^/]*, '?' is [^/], '\x' is x; a trailing '\' turns the end anchor into a
     * literal '$'.  Classes are JS classes ('^' negates). */
    pm->anchored = 1;
    pm->fold = 1;
    for (i = 0; i < pn;) {
        char c = p[i];
        if (c == '*') {
            if (i + 1 < pn && p[i + 1] == '*') {
                i += 2;
                if (i < pn && p[i] == '/')
                    i++;
                if (pm_push(a, pm, i >= pn ? PM_ANYSEQ : PM_DIRS_LEAD, 0, NULL) < 0)
                    return -1;
                continue;
            }
            i++;
            if (pm_push(a, pm, PM_STAR, 0, NULL) < 0)
                return -1;
            continue;
        }
        if (c == '?') {
            i++;
            if (pm_push(a, pm, PM_ANY, 0, NULL) < 0)
                return -1;
            continue;
        }
        if (c == '\\') {
            if (i + 1 < pn) {
                i++;
                if (pm_push(a, pm, PM_LIT, next_cp(p, pn, &i), NULL) < 0)
                    return -1;
            } else {
                i++;
                if (pm_push(a, pm, PM_LIT, '$', NULL) < 0)
                    return -1;
                no_end = 1;
            }
            continue;
        }
        if (c == '[') {
            size_t j = i + 1;
            int negate = 0, closed = 0;
            cls_t *cl = lc_alloc(a, sizeof *cl);
            if (!cl)
                return -1;
            cl->fold = 1;
            if (j < pn && p[j] == '^') {
                negate = 1;
                j++;
            }
            while (j < pn) {
                uint32_t lo, hi;
                if (p[j] == ']') {
                    closed = 1;
                    j++;
                    break;
                }
                if (p[j] == '\\' && j + 1 < pn)
                    j++;
                lo = next_cp(p, pn, &j);
                if (j + 1 < pn && p[j] == '-' && p[j + 1] != ']') {
                    j++;
                    if (p[j] == '\\' && j + 1 < pn)
                        j++;
                    hi = next_cp(p, pn, &j);
                    if (lo <= hi && cls_add(a, cl, lo, hi) < 0)
                        return -1;
                    continue;
                }
                if (cls_add(a, cl, lo, lo) < 0)
                    return -1;
            }
            if (closed) {
                cl->negate = negate;
                i = j;
                if (pm_push(a, pm, PM_CLASS, 0, cl) < 0)
                    return -1;
                continue;
            }
            /* unterminated: a literal '[' (CDK would throw on the invalid regex) */
        }
        if (pm_push(a, pm, PM_LIT, next_cp(p, pn, &i), NULL) < 0)
            return -1;
    }
    if (!no_end && pm_push(a, pm, PM_END, 0, NULL) < 0)
        return -1;
    return 1;
}

/* _test: does the rule list exclude `s`?  A rule that does not match the path itself
 * may match one of its parent directories. */
static int docker_ignores(const docker_rule_t *r, size_t nr, const char *s, size_t n)
{
    size_t i, npar = 0;
    const char *parent;
    size_t parent_n = js_dirname(s, n, &parent);
    int has_parent = !(parent_n == 1 && parent[0] == '.');
    int matched = 0;

    if (n == 0)
        return 1;
    if (has_parent) {
        npar = 1;
        for (i = 0; i < parent_n; i++)
            if (parent[i] == '/')
                npar++;
    }
    for (i = 0; i < nr; i++) {
        int match = pm_match(&r[i].pm, s, n);
        if (!match && has_parent) {
            if (r[i].has_dstar) {
                size_t d;
                for (d = r[i].nplain; d <= npar && !match; d++) {
                    /* the first d components of the parent */
                    size_t len = 0, c = 0;
                    if (d > 0) {
                        while (len < parent_n) {
                            if (parent[len] == '/' && ++c == d)
                                break;
                            len++;
                        }
                    }
                    match = pm_match(&r[i].pm, parent, len);
                }
            } else if (r[i].ndirs <= npar) {
                size_t len = 0, c = 0;
                while (len < parent_n) {
                    if (parent[len] == '/' && ++c == r[i].ndirs)
                        break;
                    len++;
                }
                match = pm_match(&r[i].pm, parent, len);
            }
        }
        if (match)
            matched = !r[i].negative;
    }
    return matched;
}

/* ======================================================================================
 * glob mode: minimatch
 * ==================================================================================== */

/* --- brace expansion (the `brace-expansion` package, as minimatch calls it) --- */

/* Placeholders for escaped characters; bytes that never occur in valid UTF-8. */
#define ESC_SLASH '\xF8'
#define ESC_OPEN  '\xF9'
#define ESC_CLOSE '\xFA'
#define ESC_COMMA '\xFB'
#define ESC_DOT   '\xFC'

#define BRACE_MAX 100000

typedef struct bal {
    int found;
    size_t start, end;   /* positions of '{' and its '}' */
} bal_t;

static long idx_of(const char *s, size_t n, char c, long from)
{
    size_t i;
    if (from < 0)
        from = 0;
    for (i = (size_t)from; i < n; i++)
        if (s[i] == c)
            return (long)i;
    return -1;
}

/* balanced-match: the first '{' that gets closed, with its '}'. */
static bal_t balanced(const char *s, size_t n)
{
    bal_t r = { 0, 0, 0 };
    long ai = idx_of(s, n, '{', 0), bi = idx_of(s, n, '}', ai + 1), i = ai;
    long *begs, nb = 0, left = (long)n, right = -1;
    if (!(ai >= 0 && bi > 0))
        return r;
    begs = malloc((n + 1) * sizeof *begs);
    if (!begs)
        return r;
    while (i >= 0 && !r.found) {
        if (i == ai) {
            begs[nb++] = i;
            ai = idx_of(s, n, '{', i + 1);
        } else if (nb == 1) {
            r.found = 1;
            r.start = (size_t)begs[--nb];
            r.end = (size_t)bi;
        } else {
            long beg = begs[--nb];
            if (beg < left) {
                left = beg;
                right = bi;
            }
            bi = idx_of(s, n, '}', i + 1);
        }
        i = (ai < bi && ai >= 0) ? ai : bi;
    }
    if (!r.found && nb > 0 && right >= 0) {
        r.found = 1;
        r.start = (size_t)left;
        r.end = (size_t)right;
    }
    free(begs);
    return r;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* -?\d+ at s[*i]; advances. */
static int scan_int(const char *s, size_t n, size_t *i)
{
    size_t j = *i;
    if (j < n && s[j] == '-')
        j++;
    if (j >= n || !is_digit(s[j]))
        return 0;
    while (j < n && is_digit(s[j]))
        j++;
    *i = j;
    return 1;
}

/* ^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$ */
static int is_num_seq(const char *s, size_t n)
{
    size_t i = 0;
    if (!scan_int(s, n, &i) || !starts_with(s + i, n - i, "..") || (i += 2, !scan_int(s, n, &i)))
        return 0;
    if (i == n)
        return 1;
    if (!starts_with(s + i, n - i, ".."))
        return 0;
    i += 2;
    return scan_int(s, n, &i) && i == n;
}

/* ^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$ */
static int is_alpha_seq(const char *s, size_t n)
{
    size_t i = 4;
    if (n < 4 || !is_alpha(s[0]) || s[1] != '.' || s[2] != '.' || !is_alpha(s[3]))
        return 0;
    if (n == 4)
        return 1;
    if (!starts_with(s + i, n - i, ".."))
        return 0;
    i += 2;
    return scan_int(s, n, &i) && i == n;
}

/* JS Number(str) is not NaN -> parseInt, else the first char code (for alpha sequences
 * the operands are single letters; for numeric ones, integers). */
static long seq_num(const char *s, size_t n, int alpha)
{
    if (alpha)
        return (unsigned char)s[0];
    (void)n;
    return strtol(s, NULL, 10);
}

static int is_padded(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    return i + 1 < n && s[i] == '0' && is_digit(s[i + 1]);
}

static void expand_seq(lc_arena_t *a, const char *body, size_t n, int alpha, strv_t *out)
{
    const char *part[3];
    size_t plen[3], np = 0, i = 0, width;
    long x, y, incr = 1, v;
    int reverse, pad = 0;
    char num[48];

    while (np < 3) {
        size_t j = i;
        while (j < n && !(j + 1 < n && body[j] == '.' && body[j + 1] == '.'))
            j++;
        part[np] = body + i;
        plen[np] = j - i;
        np++;
        if (j >= n)
            break;
        i = j + 2;
    }
    x = seq_num(part[0], plen[0], alpha);
    y = seq_num(part[1], plen[1], alpha);
    width = plen[0] > plen[1] ? plen[0] : plen[1];
    if (np == 3) {
        long s3 = strtol(part[2], NULL, 10);
        incr = labs(s3) > 1 ? labs(s3) : 1;
    }
    reverse = y < x;
    if (reverse)
        incr = -incr;
    for (i = 0; i < np; i++)
        if (is_padded(part[i], plen[i]))
            pad = 1;
    for (v = x; (reverse ? v >= y : v <= y) && out->n < BRACE_MAX; v += incr) {
        if (alpha) {
            char c = (char)v;
            sv_push(out, c == '\\' ? "" : lc_strndup(a, &c, 1));
        } else {
            int len = snprintf(num, sizeof num, "%ld", v);
            if (pad && (size_t)len < width) {
                char padded[96];
                size_t need = width - (size_t)len, o = 0, z;
                if (v < 0)
                    padded[o++] = '-';
                for (z = 0; z < need; z++)
                    padded[o++] = '0';
                memcpy(padded + o, v < 0 ? num + 1 : num, (size_t)len - (v < 0));
                o += (size_t)len - (v < 0);
                sv_push(out, lc_strndup(a, padded, o));
            } else {
                sv_push(out, lc_strndup(a, num, (size_t)len));
            }
        }
    }
}

static void combine(lc_arena_t *a, strv_t *acc, const char *pre, size_t npre,
                    const strv_t *vals)
{
    strv_t out;
    size_t i, j;
    sv_init(&out, a);
    for (i = 0; i < acc->n; i++)
        for (j = 0; j < vals->n && out.n < BRACE_MAX; j++)
            sv_push(&out, cat3(a, acc->v[i], strlen(acc->v[i]), pre, npre, vals->v[j],
                               strlen(vals->v[j])));
    out.oom |= acc->oom;
    *acc = out;
}

static void combine1(lc_arena_t *a, strv_t *acc, const char *pre, size_t npre)
{
    strv_t one;
    sv_init(&one, a);
    sv_push(&one, "");
    combine(a, acc, pre, npre, &one);
}

static void expand_(lc_arena_t *a, const char *str, int depth, strv_t *res);

/* Split a brace body on its top-level commas. */
static void comma_parts(lc_arena_t *a, const char *str, strv_t *parts)
{
    const char *carry = "";
    size_t n = strlen(str);
    for (;;) {
        bal_t m = balanced(str, n);
        size_t i, s0;
        strv_t p;
        if (!m.found) {
            s0 = 0;
            for (i = 0; i <= n; i++)
                if (i == n || str[i] == ',') {
                    const char *piece = lc_strndup(a, str + s0, i - s0);
                    if (s0 == 0)
                        piece = piece ? cat3(a, carry, strlen(carry), piece, i - s0, "", 0) : NULL;
                    sv_push(parts, piece);
                    s0 = i + 1;
                }
            return;
        }
        sv_init(&p, a);
        s0 = 0;
        for (i = 0; i <= m.start; i++)
            if (i == m.start || str[i] == ',') {
                sv_push(&p, lc_strndup(a, str + s0, i - s0));
                s0 = i + 1;
            }
        if (p.oom) {
            parts->oom = 1;
            return;
        }
        p.v[0] = cat3(a, carry, strlen(carry), p.v[0], strlen(p.v[0]), "", 0);
        p.v[p.n - 1] = cat3(a, p.v[p.n - 1], strlen(p.v[p.n - 1]), str + m.start,
                            m.end - m.start + 1, "", 0);
        if (!p.v[0] || !p.v[p.n - 1]) {
            parts->oom = 1;
            return;
        }
        if (m.end + 1 == n) {
            for (i = 0; i < p.n; i++)
                sv_push(parts, p.v[i]);
            return;
        }
        carry = p.v[--p.n];
        for (i = 0; i < p.n; i++)
            sv_push(parts, p.v[i]);
        str += m.end + 1;
        n = strlen(str);
    }
}

/* /,(?!,).*\}/ : a comma not followed by a comma, then a '}' on the same line. */
static int post_has_comma_close(const char *s, size_t n)
{
    size_t i, j;
    for (i = 0; i < n; i++) {
        if (s[i] != ',' || (i + 1 < n && s[i + 1] == ','))
            continue;
        for (j = i + 1; j < n; j++) {
            if (s[j] == '\n' || s[j] == '\r')
                break;
            if (s[j] == '}')
                return 1;
        }
    }
    return 0;
}

static void expand_(lc_arena_t *a, const char *str, int depth, strv_t *res)
{
    strv_t acc;
    int rewrites = 0;
    size_t n = strlen(str);

    sv_init(&acc, a);
    sv_push(&acc, "");
    if (depth > 1000) {
        sv_push(res, str);
        return;
    }
    for (;;) {
        bal_t m = balanced(str, n);
        const char *pre, *body, *post;
        size_t npre, nbody, npost;
        int num, alpha;
        strv_t vals;

        if (!m.found) {
            combine1(a, &acc, str, n);
            break;
        }
        pre = str;
        npre = m.start;
        body = str + m.start + 1;
        nbody = m.end - m.start - 1;
        post = str + m.end + 1;
        npost = n - m.end - 1;
        if (npre > 0 && pre[npre - 1] == '$') {
            combine1(a, &acc, str, m.end + 1);
            if (!npost)
                break;
            str = post;
            n = npost;
            continue;
        }
        num = is_num_seq(body, nbody);
        alpha = !num && is_alpha_seq(body, nbody);
        if (!num && !alpha && !memchr(body, ',', nbody)) {
            if (rewrites < 1000 && post_has_comma_close(post, npost)) {
                /* the '}' was not the group's end: escape it and look again */
                char *ns = lc_alloc(a, n + 1);
                if (!ns) {
                    acc.oom = 1;
                    break;
                }
                memcpy(ns, str, n + 1);
                ns[m.end] = ESC_CLOSE;
                rewrites++;
                str = ns;
                continue;
            }
            combine1(a, &acc, str, n);
            break;
        }
        sv_init(&vals, a);
        if (num || alpha) {
            expand_seq(a, body, nbody, alpha, &vals);
        } else {
            strv_t parts;
            size_t j, k;
            const char *b0 = lc_strndup(a, body, nbody);
            sv_init(&parts, a);
            if (!b0) {
                acc.oom = 1;
                break;
            }
            comma_parts(a, b0, &parts);
            if (parts.n == 1) {
                strv_t inner;
                sv_init(&inner, a);
                expand_(a, parts.v[0], depth + 1, &inner);
                sv_init(&parts, a);
                for (j = 0; j < inner.n; j++)
                    sv_push(&parts, cat3(a, "{", 1, inner.v[j], strlen(inner.v[j]), "}", 1));
                if (parts.n == 1) {
                    combine1(a, &acc, cat3(a, pre, npre, parts.v[0], strlen(parts.v[0]), "", 0),
                             npre + strlen(parts.v[0]));
                    if (!npost)
                        break;
                    str = post;
                    n = npost;
                    continue;
                }
            }
            for (j = 0; j < parts.n; j++) {
                strv_t e;
                sv_init(&e, a);
                expand_(a, parts.v[j], depth + 1, &e);
                for (k = 0; k < e.n && vals.n < BRACE_MAX; k++)
                    sv_push(&vals, e.v[k]);
                vals.oom |= e.oom;
            }
            vals.oom |= parts.oom;
        }
        acc.oom |= vals.oom;
        combine(a, &acc, pre, npre, &vals);
        if (!npost)
            break;
        str = post;
        n = npost;
    }
    {
        size_t i;
        for (i = 0; i < acc.n; i++)
            sv_push(res, acc.v[i]);
        res->oom |= acc.oom;
    }
}

/* minimatch's braceExpand: only when some '{' is followed by a '}' with no '{' (and no
 * line break) between them. */
static void brace_expand(lc_arena_t *a, const char *pat, strv_t *out)
{
    size_t n = strlen(pat), i, j;
    int worth = 0;
    sbuf_t b;
    strv_t raw;

    for (i = 0; i < n && !worth; i++) {
        if (pat[i] != '{')
            continue;
        for (j = i + 1; j < n; j++) {
            if (pat[j] == '{' || pat[j] == '\n' || pat[j] == '\r')
                break;
            if (pat[j] == '}') {
                worth = 1;
                break;
            }
        }
    }
    if (!worth) {
        sv_push(out, pat);
        return;
    }
    /* "{}" at the start is literal; then protect escapes (each step on the previous
     * step's output, like the package's chained replaces). */
    sb_init(&b, a);
    if (starts_with(pat, n, "{}")) {
        sb_add(&b, "\\{\\}", 4);
        sb_add(&b, pat + 2, n - 2);
    } else {
        sb_add(&b, pat, n);
    }
    {
        static const struct { char c, ph; } steps[] = {
            { '\\', ESC_SLASH }, { '{', ESC_OPEN }, { '}', ESC_CLOSE }, { ',', ESC_COMMA },
            { '.', ESC_DOT } };
        size_t st;
        char *s = b.p;
        size_t sn = b.n;
        if (b.oom) {
            out->oom = 1;
            return;
        }
        for (st = 0; st < sizeof steps / sizeof steps[0]; st++) {
            size_t r = 0, w = 0;
            while (r < sn) {
                if (s[r] == '\\' && r + 1 < sn && s[r + 1] == steps[st].c) {
                    s[w++] = steps[st].ph;
                    r += 2;
                } else {
                    s[w++] = s[r++];
                }
            }
            s[w] = '\0';
            sn = w;
        }
        sv_init(&raw, a);
        expand_(a, s, 0, &raw);
    }
    for (i = 0; i < raw.n; i++) {
        char *u = lc_strdup(a, raw.v[i]);
        if (!u) {
            out->oom = 1;
            return;
        }
        for (j = 0; u[j]; j++) {
            switch (u[j]) {
            case ESC_SLASH: u[j] = '\\'; break;
            case ESC_OPEN: u[j] = '{'; break;
            case ESC_CLOSE: u[j] = '}'; break;
            case ESC_COMMA: u[j] = ','; break;
            case ESC_DOT: u[j] = '.'; break;
            default: break;
            }
        }
        sv_push(out, u);
    }
    out->oom |= raw.oom;
}

/* --- one path segment: minimatch's AST (extglobs) and #parseGlob --- */

enum { MN_LIT, MN_ANY, MN_STAR, MN_CLASS, MN_NEVER, MN_EXT };

struct mm_seq;
typedef struct mm_node {
    int op;
    uint32_t cp;
    const cls_t *cls;
    char ext;                 /* '@', '?', '*', '+', '!' */
    struct mm_seq *alts;
    size_t nalts;
    int ext_empty;            /* "!()" */
} mm_node_t;

typedef struct mm_seq {
    mm_node_t *v;
    size_t n, cap;
    int start;                /* at the start of the segment */
    int nodot;                /* at the start and begins with a wildcard: no leading '.' */
    int has_ext;
} mm_seq_t;

static mm_node_t *seq_push(lc_arena_t *a, mm_seq_t *q, int op)
{
    if (q->n == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 8;
        void *nv = lc_realloc(a, q->v, q->cap * sizeof *q->v, nc * sizeof *q->v);
        if (!nv)
            return NULL;
        q->v = nv;
        q->cap = nc;
    }
    memset(&q->v[q->n], 0, sizeof q->v[0]);
    q->v[q->n].op = op;
    return &q->v[q->n++];
}

static const struct { const char *name; unsigned bit; int neg; } posix_classes[] = {
    { "[:alnum:]", PX_ALNUM, 0 }, { "[:alpha:]", PX_ALPHA, 0 }, { "[:ascii:]", PX_ASCII, 0 },
    { "[:blank:]", PX_BLANK, 0 }, { "[:cntrl:]", PX_CNTRL, 0 }, { "[:digit:]", PX_DIGIT, 0 },
    { "[:graph:]", PX_GRAPHN, 1 }, { "[:lower:]", PX_LOWER, 0 }, { "[:print:]", PX_PRINT, 0 },
    { "[:punct:]", PX_PUNCT, 0 }, { "[:space:]", PX_SPACE, 0 }, { "[:upper:]", PX_UPPER, 0 },
    { "[:word:]", PX_WORD, 0 }, { "[:xdigit:]", PX_XDIGIT, 0 } };

/* minimatch's parseClass at g[pos] == '['.  Returns the bytes consumed (0: not a class,
 * the '[' is literal) and sets *node_op to MN_CLASS, MN_LIT (a one-character class) or
 * MN_NEVER; *magic tells whether it counts as a wildcard. */
static size_t mm_class(lc_arena_t *a, const char *g, size_t n, size_t pos, int *node_op,
                       uint32_t *lit, cls_t **out, int *magic, int *oom)
{
    size_t i = pos + 1, end_pos = pos;
    int saw_start = 0, escaping = 0, negate = 0, have_range_start = 0, nitems = 0;
    uint32_t range_start = 0, single = 0;
    cls_t *c = lc_alloc(a, sizeof *c);

    *oom = 0;
    if (!c) {
        *oom = 1;
        return 0;
    }
    while (i < n) {
        size_t j;
        uint32_t cp;
        char ch = g[i];
        if ((ch == '!' || ch == '^') && i == pos + 1) {
            negate = 1;
            i++;
            continue;
        }
        if (ch == ']' && saw_start && !escaping) {
            end_pos = i + 1;
            break;
        }
        saw_start = 1;
        if (ch == '\\' && !escaping) {
            escaping = 1;
            i++;
            continue;
        }
        if (ch == '[' && !escaping) {
            size_t k;
            int hit = 0;
            for (k = 0; k < sizeof posix_classes / sizeof posix_classes[0]; k++) {
                if (starts_with(g + i, n - i, posix_classes[k].name)) {
                    if (have_range_start) {
                        *node_op = MN_NEVER;
                        *magic = 1;
                        return n - pos;
                    }
                    i += strlen(posix_classes[k].name);
                    if (posix_classes[k].neg)
                        c->pxneg |= posix_classes[k].bit;
                    else
                        c->px |= posix_classes[k].bit;
                    nitems += 2;   /* never a "single character" class */
                    hit = 1;
                    break;
                }
            }
            if (hit)
                continue;
        }
        escaping = 0;
        j = i;
        cp = next_cp(g, n, &j);
        if (have_range_start) {
            if (cp > range_start) {
                if (cls_add(a, c, range_start, cp) < 0)
                    goto oom;
                nitems += 2;
            } else if (cp == range_start) {
                if (cls_add(a, c, cp, cp) < 0)
                    goto oom;
                nitems++;
                single = cp;
            }
            have_range_start = 0;
            i = j;
            continue;
        }
        if (starts_with(g + j, n - j, "-]")) {
            if (cls_add(a, c, cp, cp) < 0 || cls_add(a, c, '-', '-') < 0)
                goto oom;
            nitems += 2;
            i = j + 1;   /* past the '-'; the ']' closes the class next */
            continue;
        }
        if (starts_with(g + j, n - j, "-")) {
            range_start = cp;
            have_range_start = 1;
            i = j + 1;
            continue;
        }
        if (cls_add(a, c, cp, cp) < 0)
            goto oom;
        nitems++;
        single = cp;
        i = j;
    }
    if (end_pos < i)
        return 0;
    if (c->n == 0 && !c->px && !c->pxneg) {
        *node_op = MN_NEVER;
        *magic = 1;
        return end_pos - pos;
    }
    if (nitems == 1 && c->n == 1 && !c->px && !c->pxneg && !negate) {
        *node_op = MN_LIT;
        *lit = single;
        *magic = 0;
        return end_pos - pos;
    }
    c->negate = negate;
    *node_op = MN_CLASS;
    *out = c;
    *magic = 1;
    return end_pos - pos;
oom:
    *oom = 1;
    return 0;
}

/* #parseGlob of the plain text g[0..n) into nodes of q.  *first_wild tells whether the
 * first node is a wildcard (its regex would start with '['). */
static int mm_parse_glob(lc_arena_t *a, mm_seq_t *q, const char *g, size_t n, int *first_wild)
{
    size_t i = 0, first = q->n;
    int in_star = 0;
    *first_wild = 0;
    while (i < n) {
        char c = g[i];
        mm_node_t *x;
        if (c == '*') {
            i++;
            if (in_star)
                continue;
            in_star = 1;
            if (!(x = seq_push(a, q, MN_STAR)))
                return -1;
            if (q->n - 1 == first)
                *first_wild = 1;
            continue;
        }
        in_star = 0;
        if (c == '\\') {
            if (i + 1 == n) {
                i++;
                if (!(x = seq_push(a, q, MN_LIT)))
                    return -1;
                x->cp = '\\';
                continue;
            }
            i++;
            if (!(x = seq_push(a, q, MN_LIT)))
                return -1;
            x->cp = next_cp(g, n, &i);
            continue;
        }
        if (c == '[') {
            int op = MN_LIT, magic = 0, oom = 0;
            uint32_t lit = 0;
            cls_t *cl = NULL;
            size_t used = mm_class(a, g, n, i, &op, &lit, &cl, &magic, &oom);
            if (oom)
                return -1;
            if (used) {
                if (!(x = seq_push(a, q, op)))
                    return -1;
                x->cp = lit;
                x->cls = cl;
                if (q->n - 1 == first && op == MN_CLASS)
                    *first_wild = 1;
                i += used;
                continue;
            }
        }
        if (c == '?') {
            i++;
            if (!(x = seq_push(a, q, MN_ANY)))
                return -1;
            if (q->n - 1 == first)
                *first_wild = 1;
            continue;
        }
        if (!(x = seq_push(a, q, MN_LIT)))
            return -1;
        x->cp = next_cp(g, n, &i);
    }
    return 0;
}

static int is_ext_type(char c) { return c == '!' || c == '?' || c == '+' || c == '*' || c == '@'; }

/* Where does the extglob whose '(' is at g[open] close?  Index of ')' or n. */
static size_t ext_close(const char *g, size_t n, size_t open)
{
    size_t i = open + 1, depth = 0, brace_start = 0;
    int escaping = 0, in_brace = 0, brace_neg = 0;
    while (i < n) {
        char c = g[i++];
        if (escaping || c == '\\') {
            escaping = !escaping;
            continue;
        }
        if (in_brace) {
            if (i == brace_start + 1) {
                if (c == '^' || c == '!')
                    brace_neg = 1;
            } else if (c == ']' && !(i == brace_start + 2 && brace_neg)) {
                in_brace = 0;
            }
            continue;
        } else if (c == '[') {
            in_brace = 1;
            brace_start = i;
            brace_neg = 0;
            continue;
        }
        if (is_ext_type(c) && i < n && g[i] == '(') {
            depth++;
            i++;
            continue;
        }
        if (c == ')') {
            if (depth == 0)
                return i - 1;
            depth--;
        }
    }
    return n;
}

/* Parse g[*pos..n) into q until (in an extglob) '|' or ')'.  *term receives the
 * terminator ('|', ')' or 0 at the end). */
static int mm_parse_seq(lc_arena_t *a, mm_seq_t *q, const char *g, size_t n, size_t *pos,
                        int in_ext, char *term)
{
    size_t i = *pos, acc = *pos, brace_start = 0;
    int escaping = 0, in_brace = 0, brace_neg = 0, first_part = 1;

    *term = 0;
#define FLUSH(upto)                                                                  \
    do {                                                                             \
        if ((upto) > acc) {                                                          \
            int fw = 0;                                                              \
            if (mm_parse_glob(a, q, g + acc, (upto) - acc, &fw) < 0)                 \
                return -1;                                                           \
            if (first_part && q->start && fw)                                        \
                q->nodot = 1;                                                        \
            first_part = 0;                                                          \
        }                                                                            \
    } while (0)
    while (i < n) {
        char c = g[i++];
        if (escaping || c == '\\') {
            escaping = !escaping;
            continue;
        }
        if (in_brace) {
            if (i == brace_start + 1) {
                if (c == '^' || c == '!')
                    brace_neg = 1;
            } else if (c == ']' && !(i == brace_start + 2 && brace_neg)) {
                in_brace = 0;
            }
            continue;
        } else if (c == '[') {
            in_brace = 1;
            brace_start = i;
            brace_neg = 0;
            continue;
        }
        if (is_ext_type(c) && i < n && g[i] == '(') {
            size_t close = ext_close(g, n, i);
            mm_node_t *x;
            size_t k;
            if (close >= n) {
                /* unclosed: the rest of the text, from the type character, is plain */
                i = n;
                break;
            }
            FLUSH(i - 1);
            if (!(x = seq_push(a, q, MN_EXT)))
                return -1;
            k = q->n - 1;
            q->has_ext = 1;
            q->v[k].ext = c;
            if (g[i + 1] == ')' && c == '!')
                q->v[k].ext_empty = 1;
            i++;   /* past '(' */
            {
                mm_seq_t *alts = NULL;
                size_t na = 0, cap = 0;
                int at_start = q->start && k == 0;
                for (;;) {
                    char t;
                    if (na == cap) {
                        size_t nc = cap ? cap * 2 : 4;
                        void *nv = lc_realloc(a, alts, cap * sizeof *alts, nc * sizeof *alts);
                        if (!nv)
                            return -1;
                        alts = nv;
                        cap = nc;
                    }
                    memset(&alts[na], 0, sizeof alts[0]);
                    alts[na].start = at_start;
                    if (mm_parse_seq(a, &alts[na], g, n, &i, 1, &t) < 0)
                        return -1;
                    na++;
                    if (t != '|')
                        break;
                }
                q->v[k].alts = alts;
                q->v[k].nalts = na;
            }
            first_part = 0;
            acc = i;
            continue;
        }
        if (in_ext && (c == '|' || c == ')')) {
            FLUSH(i - 1);
            *term = c;
            *pos = i;
            return 0;
        }
    }
    FLUSH(n);
    *pos = n;
    return 0;
#undef FLUSH
}

/* Fast paths minimatch substitutes for the regex of common segment shapes; they differ
 * from the regex in details (e.g. an escape in "*\.js" is taken literally). */
enum { MF_NONE, MF_STAR, MF_STAR_EXT, MF_QMARKS, MF_STAR_DOT_STAR, MF_DOT_STAR };

typedef struct mm_seg {
    int globstar;
    mm_seq_t seq;
    int fast;
    const char *ext;          /* MF_STAR_EXT, MF_QMARKS */
    size_t next;
    size_t qlen;              /* MF_QMARKS: pattern length in UTF-16 units */
} mm_seg_t;

static int no_ext_chars(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strchr("+@!?*[(", s[i]) && s[i])
            return 0;
    return 1;
}

static void mm_fast(mm_seg_t *g, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '*')
        i++;
    if (i > 0 && i == n) {
        g->fast = MF_STAR;
        return;
    }
    if (i > 0 && no_ext_chars(s + i, n - i)) {
        g->fast = MF_STAR_EXT;
        g->ext = s + i;
        g->next = n - i;
        return;
    }
    i = 0;
    while (i < n && s[i] == '?')
        i++;
    if (i > 0 && no_ext_chars(s + i, n - i)) {
        g->fast = MF_QMARKS;
        g->ext = s + i;
        g->next = n - i;
        g->qlen = lc__js_length(s, n);
        return;
    }
    i = 0;
    while (i < n && s[i] == '*')
        i++;
    if (i > 0 && i < n && s[i] == '.') {
        size_t j = i + 1;
        while (j < n && s[j] == '*')
            j++;
        if (j > i + 1 && j == n) {
            g->fast = MF_STAR_DOT_STAR;
            return;
        }
    }
    if (n >= 2 && s[0] == '.') {
        for (i = 1; i < n && s[i] == '*'; i++)
            ;
        if (i == n) {
            g->fast = MF_DOT_STAR;
            return;
        }
    }
}

/* Match s[i..n) against q from node k, then the continuation. */
typedef struct mm_cont {
    int repeat;                       /* resume an extglob repetition */
    const mm_seq_t *seq;
    size_t idx;
    size_t rep_start;
    const struct mm_cont *next;
} mm_cont_t;

typedef struct mm_ctx {
    const char *s;
    size_t n;
    unsigned steps;
} mm_ctx_t;

static int mm_seq_at(mm_ctx_t *c, const mm_seq_t *q, size_t k, size_t i, const mm_cont_t *cont);

static int mm_resume(mm_ctx_t *c, size_t i, const mm_cont_t *cont)
{
    if (!cont)
        return i == c->n;
    if (cont->repeat) {
        const mm_node_t *x = &cont->seq->v[cont->idx];
        size_t a;
        if (mm_seq_at(c, cont->seq, cont->idx + 1, i, cont->next))
            return 1;
        if (i > cont->rep_start) {
            mm_cont_t again = *cont;
            again.rep_start = i;
            for (a = 0; a < x->nalts; a++)
                if (mm_seq_at(c, &x->alts[a], 0, i, &again))
                    return 1;
        }
        return 0;
    }
    return mm_seq_at(c, cont->seq, cont->idx, i, cont->next);
}

static int mm_one(const mm_node_t *x, uint32_t cp)
{
    switch (x->op) {
    case MN_LIT: return cp == x->cp;
    case MN_ANY: return 1;
    case MN_CLASS: return cls_match(x->cls, cp);
    default: return 0;
    }
}

static int mm_seq_at(mm_ctx_t *c, const mm_seq_t *q, size_t k, size_t i, const mm_cont_t *cont)
{
    const char *s = c->s;
    size_t n = c->n, j, a;
    const mm_node_t *x;

    if (++c->steps > 2000000u)
        return 0;   /* pathological pattern: give up (no match) */
    if (k == 0 && q->nodot && i == 0 && n > 0 && s[0] == '.')
        return 0;
    if (k == q->n)
        return mm_resume(c, i, cont);
    x = &q->v[k];
    switch (x->op) {
    case MN_LIT:
    case MN_ANY:
    case MN_CLASS:
        if (i >= n)
            return 0;
        j = i;
        if (!mm_one(x, next_cp(s, n, &j)))
            return 0;
        return mm_seq_at(c, q, k + 1, j, cont);
    case MN_STAR:
        for (j = i;;) {
            if (mm_seq_at(c, q, k + 1, j, cont))
                return 1;
            if (j >= n)
                return 0;
            next_cp(s, n, &j);
        }
    case MN_NEVER:
        return 0;
    case MN_EXT: {
        mm_cont_t after = { 0, q, k + 1, 0, cont };
        mm_cont_t rep = { 1, q, k, i, cont };
        switch (x->ext) {
        case '?':
            if (mm_seq_at(c, q, k + 1, i, cont))
                return 1;
            /* fall through */
        case '@':
            for (a = 0; a < x->nalts; a++)
                if (mm_seq_at(c, &x->alts[a], 0, i, &after))
                    return 1;
            return 0;
        case '*':
            if (mm_seq_at(c, q, k + 1, i, cont))
                return 1;
            /* fall through */
        case '+':
            for (a = 0; a < x->nalts; a++)
                if (mm_seq_at(c, &x->alts[a], 0, i, &rep))
                    return 1;
            return 0;
        case '!':
        default:
            for (a = 0; a < x->nalts && !x->ext_empty; a++)
                if (mm_seq_at(c, &x->alts[a], 0, i, &after))
                    return 0;
            if (q->start && k == 0 && i == 0 && n > 0 && s[0] == '.')
                return 0;
            j = i;
            if (x->ext_empty) {
                if (j >= n)
                    return 0;
                next_cp(s, n, &j);
            }
            for (;;) {
                if (mm_seq_at(c, q, k + 1, j, cont))
                    return 1;
                if (j >= n)
                    return 0;
                next_cp(s, n, &j);
            }
        }
    }
    default:
        return 0;
    }
}

/* Iterative wildcard matching for sequences without extglobs (linear backtracking to
 * the last star). */
static int mm_simple(const mm_seq_t *q, const char *s, size_t n)
{
    size_t k = 0, i = 0, star_k = (size_t)-1, star_i = 0;
    if (q->nodot && n > 0 && s[0] == '.')
        return 0;
    while (i < n) {
        if (k < q->n && q->v[k].op == MN_STAR) {
            star_k = k++;
            star_i = i;
            continue;
        }
        if (k < q->n && q->v[k].op != MN_NEVER) {
            size_t j = i;
            if (mm_one(&q->v[k], next_cp(s, n, &j))) {
                k++;
                i = j;
                continue;
            }
        }
        if (star_k == (size_t)-1)
            return 0;
        k = star_k + 1;
        next_cp(s, n, &star_i);
        i = star_i;
    }
    while (k < q->n && q->v[k].op == MN_STAR)
        k++;
    return k == q->n;
}

static int mm_seg_match(const mm_seg_t *g, const char *s, size_t n)
{
    switch (g->fast) {
    case MF_STAR:
        return n > 0 && s[0] != '.';
    case MF_STAR_EXT:
        return !(n > 0 && s[0] == '.') && ends_with(s, n, g->ext, g->next);
    case MF_QMARKS:
        return lc__js_length(s, n) == g->qlen && !(n > 0 && s[0] == '.')
            && ends_with(s, n, g->ext, g->next);
    case MF_STAR_DOT_STAR:
        return !(n > 0 && s[0] == '.') && memchr(s, '.', n) != NULL;
    case MF_DOT_STAR:
        return n > 0 && s[0] == '.' && !(n == 1) && !(n == 2 && s[1] == '.');
    default:
        break;
    }
    if (!g->seq.has_ext)
        return mm_simple(&g->seq, s, n);
    {
        mm_ctx_t c = { s, n, 0 };
        return mm_seq_at(&c, &g->seq, 0, 0, NULL);
    }
}

typedef struct mm_alt {
    mm_seg_t *seg;
    size_t n;
} mm_alt_t;

typedef struct mm_rule {
    int negate;       /* CDK: the pattern starts with '!' */
    mm_alt_t *alts;
    size_t nalts;
} mm_rule_t;

/* A path split into segments. */
typedef struct segs {
    const char **p;
    size_t *len;
    size_t n;
} segs_t;

static int dot_start(const char *s, size_t n) { return n > 0 && s[0] == '.'; }

static int mm_lockstep(const mm_seg_t *pat, size_t np, const segs_t *f, size_t fi)
{
    size_t k;
    if (f->n - fi < np)
        return 0;
    for (k = 0; k < np; k++)
        if (!mm_seg_match(&pat[k], f->p[fi + k], f->len[fi + k]))
            return 0;
    return 1;
}

/* The body sections between globstars, placed left to right (minimatch's algorithm,
 * including its bound on how far right a section may start). 1 match, 0 no, -1 "no,
 * and stop trying". */
typedef struct gs_sec {
    const mm_seg_t *p;
    size_t n;
    long after;
} gs_sec_t;

static int gs_body(const segs_t *f, const gs_sec_t *sec, size_t nsec, size_t fi, size_t j,
                   int saw_tail)
{
    size_t i;
    if (j == nsec) {
        for (i = fi; i < f->n; i++) {
            saw_tail = 1;
            if (dot_start(f->p[i], f->len[i]))
                return 0;
        }
        return saw_tail;
    }
    while ((long)fi <= sec[j].after) {
        if (fi + sec[j].n <= f->n && mm_lockstep(sec[j].p, sec[j].n, f, fi)) {
            int sub = gs_body(f, sec, nsec, fi + sec[j].n, j + 1, saw_tail);
            if (sub != 0)
                return sub;
        }
        if (fi >= f->n || dot_start(f->p[fi], f->len[fi]))
            return 0;
        fi++;
    }
    return -1;
}

static int mm_match_parts(const mm_alt_t *alt, const segs_t *f)
{
    size_t first = (size_t)-1, last = 0, k, fi = 0, tail_n, tail_match = 0;
    const mm_seg_t *pat = alt->seg;
    size_t np = alt->n;

    for (k = 0; k < np; k++)
        if (pat[k].globstar) {
            if (first == (size_t)-1)
                first = k;
            last = k;
        }
    if (first == (size_t)-1)
        return f->n == np && mm_lockstep(pat, np, f, 0);
    /* head */
    if (first > 0) {
        if (!mm_lockstep(pat, first, f, 0))
            return 0;
        fi = first;
    }
    /* tail */
    tail_n = np - last - 1;
    if (tail_n) {
        if (tail_n + fi > f->n)
            return 0;
        if (!mm_lockstep(pat + last + 1, tail_n, f, f->n - tail_n))
            return 0;
        tail_match = tail_n;
    }
    if (first == last) {
        int saw = tail_match > 0;
        for (k = fi; k < f->n - tail_match; k++) {
            saw = 1;
            if (dot_start(f->p[k], f->len[k]))
                return 0;
        }
        return saw;
    }
    {
        gs_sec_t sec[64];
        size_t nsec = 0, sums[64], nsums = 1, nongs = 0, s0 = first + 1;
        long file_len = (long)(f->n - tail_match);
        int r;
        sums[0] = 0;
        for (k = first + 1; k <= last; k++) {
            if (pat[k].globstar) {
                if (nsec >= 63)
                    return 0;
                sec[nsec].p = pat + s0;
                sec[nsec].n = k - s0;
                nsec++;
                s0 = k + 1;
                if (k < last)
                    sums[nsums++] = nongs;
            } else {
                nongs++;
            }
        }
        /* minimatch pairs section j with sums[nsec - 1 - j] */
        for (k = 0; k < nsec; k++)
            sec[k].after = file_len - (long)(sums[nsec - 1 - k] + sec[k].n);
        r = gs_body(f, sec, nsec, fi, 0, tail_match > 0);
        return r == 1;
    }
}

/* Compile one CDK glob pattern. 1 ok, 0 never matches, -1 OOM. */
static int mm_compile(lc_arena_t *a, const char *pattern, mm_rule_t *out)
{
    strv_t set;
    size_t i, e;
    const char *p = pattern;

    memset(out, 0, sizeof *out);
    out->negate = pattern[0] == '!';
    if (pattern[0] == '#' || pattern[0] == '\0')
        return 0;
    while (*p == '!')
        p++;
    sv_init(&set, a);
    brace_expand(a, p, &set);
    if (set.oom)
        return -1;
    out->alts = lc_alloc(a, (set.n + 1) * sizeof *out->alts);
    if (!out->alts)
        return -1;
    for (e = 0; e < set.n; e++) {
        const char *x = set.v[e];
        size_t n = strlen(x), s0 = 0;
        strv_t parts, opt;
        mm_alt_t *alt = &out->alts[out->nalts];
        /* split on runs of '/' */
        sv_init(&parts, a);
        for (i = 0; i <= n; i++) {
            if (i == n || x[i] == '/') {
                sv_push(&parts, lc_strndup(a, x + s0, i - s0));
                while (i + 1 < n && x[i + 1] == '/')
                    i++;
                s0 = i + 1;
            }
        }
        /* merge adjacent "**", drop "x/.." pairs */
        sv_init(&opt, a);
        for (i = 0; i < parts.n; i++) {
            const char *prev = opt.n ? opt.v[opt.n - 1] : NULL;
            if (strcmp(parts.v[i], "**") == 0 && prev && strcmp(prev, "**") == 0)
                continue;
            if (strcmp(parts.v[i], "..") == 0 && prev && strcmp(prev, "..") != 0
                && strcmp(prev, ".") != 0 && strcmp(prev, "**") != 0) {
                opt.n--;
                continue;
            }
            sv_push(&opt, parts.v[i]);
        }
        if (opt.n == 0)
            sv_push(&opt, "");
        if (parts.oom || opt.oom)
            return -1;
        alt->seg = lc_alloc(a, opt.n * sizeof *alt->seg);
        if (!alt->seg)
            return -1;
        alt->n = opt.n;
        for (i = 0; i < opt.n; i++) {
            mm_seg_t *g = &alt->seg[i];
            const char *sg = opt.v[i];
            size_t sn = strlen(sg), pos = 0;
            char term;
            if (strcmp(sg, "**") == 0) {
                g->globstar = 1;
                continue;
            }
            g->seq.start = 1;
            if (mm_parse_seq(a, &g->seq, sg, sn, &pos, 0, &term) < 0)
                return -1;
            {
                /* fast paths apply only to segments with some wildcard */
                size_t k;
                int magic = g->seq.has_ext;
                for (k = 0; k < g->seq.n && !magic; k++)
                    magic = g->seq.v[k].op != MN_LIT;
                if (magic)
                    mm_fast(g, sg, sn);
            }
        }
        out->nalts++;
    }
    return 1;
}

static int mm_rule_match(const mm_rule_t *r, const segs_t *f)
{
    size_t i;
    for (i = 0; i < r->nalts; i++) {
        const mm_alt_t *alt = &r->alts[i];
        if (alt->n == 1) {
            /* matchBase: a one-part pattern is matched against the base name */
            segs_t base;
            base.p = &f->p[f->n - 1];
            base.len = &f->len[f->n - 1];
            base.n = 1;
            if (mm_match_parts(alt, &base))
                return 1;
        } else if (mm_match_parts(alt, f)) {
            return 1;
        }
    }
    return 0;
}

/* ======================================================================================
 * The matcher object
 * ==================================================================================== */

struct lc_ignore {
    lc_arena_t *arena;
    lc_ignore_mode_t mode;
    size_t n;
    mm_rule_t *glob;
    git_rule_t *git;
    docker_rule_t *docker;
    size_t ncomplete;
    docker_rule_t *complete;     /* docker: the rules plus implied parent negations */
};

static int docker_add(lc_arena_t *a, docker_rule_t **rules, size_t *n, size_t *cap,
                      const char *pattern)
{
    size_t len = strlen(pattern), s0 = 0, i;
    /* add(string) splits on \r?\n; each line is checked and compiled */
    for (i = 0; i <= len; i++) {
        if (i == len || pattern[i] == '\n') {
            size_t e = i;
            size_t b, te;
            if (e > s0 && pattern[e - 1] == '\r' && i < len)
                e--;
            js_trim(pattern + s0, e - s0, &b, &te);
            if (e > s0 && pattern[s0] != '#' && te > b) {
                int r;
                if (*n == *cap) {
                    size_t nc = *cap ? *cap * 2 : 8;
                    void *nr = lc_realloc(a, *rules, *cap * sizeof **rules, nc * sizeof **rules);
                    if (!nr)
                        return -1;
                    *rules = nr;
                    *cap = nc;
                }
                r = docker_compile(a, pattern + s0, e - s0, &(*rules)[*n]);
                if (r < 0)
                    return -1;
                if (r > 0)
                    (*n)++;
            }
            s0 = i + 1;
        }
    }
    return 0;
}

lc_ignore_t *lc_ignore_new(const lc_str_list_t *patterns, lc_ignore_mode_t mode)
{
    lc_arena_t *a;
    lc_ignore_t *ig;
    size_t np = patterns ? patterns->n : 0, i;

    if (mode != LC_IGNORE_GLOB && mode != LC_IGNORE_GIT && mode != LC_IGNORE_DOCKER)
        return NULL;
    a = lc_arena_new();
    if (!a)
        return NULL;
    ig = lc_alloc(a, sizeof *ig);
    if (!ig)
        goto fail;
    ig->arena = a;
    ig->mode = mode;
    switch (mode) {
    case LC_IGNORE_GLOB:
        ig->glob = lc_alloc(a, (np + 1) * sizeof *ig->glob);
        if (!ig->glob)
            goto fail;
        for (i = 0; i < np; i++) {
            const char *pt = patterns->items[i] ? patterns->items[i] : "";
            int r = mm_compile(a, pt, &ig->glob[ig->n]);
            if (r < 0)
                goto fail;
            ig->n++;   /* a never-matching rule is kept: it has no alternatives */
        }
        break;
    case LC_IGNORE_GIT:
        ig->git = lc_alloc(a, (np + 1) * sizeof *ig->git);
        if (!ig->git)
            goto fail;
        for (i = 0; i < np; i++) {
            const char *pt = patterns->items[i] ? patterns->items[i] : "";
            int r = git_compile(a, pt, &ig->git[ig->n]);
            if (r < 0)
                goto fail;
            if (r > 0)
                ig->n++;
        }
        break;
    case LC_IGNORE_DOCKER: {
        size_t cap = 0, ccap = 0;
        for (i = 0; i < np; i++) {
            const char *pt = patterns->items[i] ? patterns->items[i] : "";
            size_t len = strlen(pt), k = 0;
            if (docker_add(a, &ig->docker, &ig->n, &cap, pt) < 0
                || docker_add(a, &ig->complete, &ig->ncomplete, &ccap, pt) < 0)
                goto fail;
            /* A negation also re-includes its parent directories for the "may this
             * directory be skipped" question: "!a/b/c" adds "!a/b" and "!a". */
            while (k < len) {
                size_t k2 = k;
                if (!lc__js_is_space(next_cp(pt, len, &k2)))
                    break;
                k = k2;
            }
            if (k < len && (pt[k] == '!' || (pt[k] == '/' && k + 1 < len && pt[k + 1] == '!'))) {
                size_t pre = pt[k] == '!' ? 1 : 2, rest = k + pre, end = rest;
                const char *dir = pt + rest;
                size_t dn;
                while (end < len && pt[end] != '\n' && pt[end] != '\r')
                    end++;
                dn = end - rest;
                for (;;) {
                    const char *d2;
                    size_t d2n = js_dirname(dir, dn, &d2);
                    const char *line;
                    if ((d2n == 1 && (d2[0] == '/' || d2[0] == '.')))
                        break;
                    line = cat3(a, pt + k, pre, d2, d2n, "", 0);
                    if (!line || docker_add(a, &ig->complete, &ig->ncomplete, &ccap, line) < 0)
                        goto fail;
                    dir = d2;
                    dn = d2n;
                }
            }
        }
        break;
    }
    }
    if (lc_arena_error(a))
        goto fail;
    return ig;
fail:
    lc_arena_free(a);
    return NULL;
}

void lc_ignore_free(lc_ignore_t *ig)
{
    if (ig)
        lc_arena_free(ig->arena);
}

int lc_ignore_match(const lc_ignore_t *ig, const char *relpath, int is_dir)
{
    size_t n;
    if (!ig || !relpath || !*relpath)
        return 0;
    n = strlen(relpath);
    switch (ig->mode) {
    case LC_IGNORE_GLOB: {
        /* Split on '/' into a small array (heap for deep paths). */
        const char *pstack[64];
        size_t lstack[64];
        segs_t f;
        size_t nseg = 1, i, s0 = 0, k = 0;
        int excluded = 0;
        for (i = 0; i < n; i++)
            if (relpath[i] == '/')
                nseg++;
        f.p = nseg <= 64 ? pstack : malloc(nseg * sizeof *f.p);
        f.len = nseg <= 64 ? lstack : malloc(nseg * sizeof *f.len);
        if (!f.p || !f.len) {
            if (f.p != pstack)
                free((void *)f.p);
            if (f.len != lstack)
                free(f.len);
            return 0;
        }
        for (i = 0; i <= n; i++)
            if (i == n || relpath[i] == '/') {
                if (i > s0) {
                    f.p[k] = relpath + s0;
                    f.len[k++] = i - s0;
                }
                s0 = i + 1;
            }
        f.n = k;
        if (k > 0)
            for (i = 0; i < ig->n; i++) {
                const mm_rule_t *r = &ig->glob[i];
                if (r->negate == !excluded)
                    continue;   /* cannot change the outcome */
                if (mm_rule_match(r, &f))
                    excluded = !r->negate;
            }
        if (f.p != pstack)
            free((void *)f.p);
        if (f.len != lstack)
            free(f.len);
        return excluded;
    }
    case LC_IGNORE_GIT: {
        int r;
        char *d;
        if (!is_dir || relpath[n - 1] == '/')
            return git_ignores(ig->git, ig->n, relpath, n);
        d = malloc(n + 2);
        if (!d)
            return 0;
        memcpy(d, relpath, n);
        d[n] = '/';
        d[n + 1] = '\0';
        r = git_ignores(ig->git, ig->n, d, n + 1);
        free(d);
        return r;
    }
    case LC_IGNORE_DOCKER:
        if (!docker_ignores(ig->docker, ig->n, relpath, n))
            return 0;
        return is_dir ? docker_ignores(ig->complete, ig->ncomplete, relpath, n) : 1;
    default:
        return 0;
    }
}
