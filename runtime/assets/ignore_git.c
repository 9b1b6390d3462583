/* runtime/assets/ignore_git.c - CDK's git ignore mode: .gitignore lines as the `ignore`
 * npm package (v5) reads them.
 *
 * `ignore` rewrites each line into a JS regex with a chain of textual replacements.  We
 * compile the same meaning into a token program instead: case-insensitive (its default),
 * unanchored unless a '/' starts or splits the line, "**" forms, a trailing '/' for
 * directories, and its quirks (a class has no negation, an escaped '*' ending the line
 * is a wildcard, a line that is empty after trimming matches everything).  A path is
 * tested after each of its parent directories ("a/", "a/b/", ...): nothing below an
 * excluded directory comes back.  The programs are matched by backtracking with
 * memoisation.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignore_impl.h"

/* ======================================================================================
 * Path token programs
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

/* Returns 1 and fills *out when the line is a rule, 0 when it is skipped, -1 on OOM.
 * Lines whose regex V8 would reject get *err (and a rule that matches nothing). */
static int git_compile(lc_arena_t *a, const char *line, git_rule_t *out, const char **err)
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

    /* An odd run of trailing backslashes leaves a dangling escape in the regex. */
    {
        size_t tb = 0;
        while (tb < n && s[n - 1 - tb] == '\\')
            tb++;
        if (tb % 2)
            *err = "Unmatched ')'";
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
                /* `ignore` turns "[abc" into an empty class (matches nothing), unless a
                 * '/' follows: then the raw '[' makes an invalid regex */
                if (memchr(s + i, '/', n - i))
                    *err = "Unterminated character class";
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

struct lc__git {
    git_rule_t *rules;
    size_t n;
};

int lc__git_new(lc_arena_t *a, const lc_str_list_t *pats, lc__git_t **out,
                lc__ignore_err_t *err)
{
    size_t np = pats ? pats->n : 0, i;
    lc__git_t *g = lc_alloc(a, sizeof *g);
    if (!g || !(g->rules = lc_alloc(a, (np + 1) * sizeof *g->rules)))
        return -1;
    for (i = 0; i < np; i++) {
        const char *pt = pats->items[i] ? pats->items[i] : "";
        const char *why = NULL;
        int r = git_compile(a, pt, &g->rules[g->n], &why);
        if (r < 0)
            return -1;
        if (why)
            lc__ignore_reject(err, pt, why);
        if (r > 0)
            g->n++;
    }
    *out = g;
    return 0;
}

int lc__git_ignores(const lc__git_t *g, const char *s, size_t n)
{
    return git_ignores(g->rules, g->n, s, n);
}
