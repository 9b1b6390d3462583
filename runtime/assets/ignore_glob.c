/* runtime/assets/ignore_glob.c - CDK's default (glob) ignore mode: minimatch v10 with
 * {matchBase, flipNegate}, and its brace expansion (the `brace-expansion` package).
 *
 * GlobIgnoreStrategy calls minimatch(relativePath, pattern) for every pattern, treats a
 * leading '!' as a re-inclusion and lets the last match win.  Each pattern is expanded
 * ({a,b}, {1..3}), split into segments, and each segment compiled from minimatch's AST:
 * '*', '?', classes with POSIX names, extglobs @(..) ?(..) *(..) +(..) !(..), and the
 * dot rule (a wildcard at the start of a segment does not match a leading '.').  "**"
 * segments follow minimatch's own globstar algorithm, including where it gives up early
 * (pinned by the vectors).  Segments with the shapes minimatch short-cuts ("*.ext",
 * "???", "*.*", ".*") use its shortcut's exact test, which differs from the regex in
 * small ways.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignore_impl.h"

/* ======================================================================================
 * glob mode: minimatch
 * ==================================================================================== */

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

/* name, bit, given by complement, needs the regex `u` flag (Unicode properties) */
static const struct { const char *name; unsigned bit; int neg, u; } posix_classes[] = {
    { "[:alnum:]", PX_ALNUM, 0, 1 }, { "[:alpha:]", PX_ALPHA, 0, 1 },
    { "[:ascii:]", PX_ASCII, 0, 0 }, { "[:blank:]", PX_BLANK, 0, 1 },
    { "[:cntrl:]", PX_CNTRL, 0, 1 }, { "[:digit:]", PX_DIGIT, 0, 1 },
    { "[:graph:]", PX_GRAPHN, 1, 1 }, { "[:lower:]", PX_LOWER, 0, 1 },
    { "[:print:]", PX_PRINT, 0, 1 }, { "[:punct:]", PX_PUNCT, 0, 1 },
    { "[:space:]", PX_SPACE, 0, 1 }, { "[:upper:]", PX_UPPER, 0, 1 },
    { "[:word:]", PX_WORD, 0, 1 }, { "[:xdigit:]", PX_XDIGIT, 0, 0 } };

/* What minimatch's regex for a segment needs: the `u` flag (a Unicode POSIX class), and
 * whether it holds an escape that is an error under `u` (regExpEscape's "\-", "\,",
 * "\#", "\ " and the "\!" of an escaped '!'): together, V8 throws. */
typedef struct mm_flags {
    int u, bad_u_escape;
} mm_flags_t;

/* minimatch's parseClass at g[pos] == '['.  Returns the bytes consumed (0: not a class,
 * the '[' is literal) and sets *node_op to MN_CLASS, MN_LIT (a one-character class) or
 * MN_NEVER; *magic tells whether it counts as a wildcard. */
static size_t mm_class(lc_arena_t *a, const char *g, size_t n, size_t pos, int *node_op,
                       uint32_t *lit, cls_t **out, int *magic, int *oom, mm_flags_t *fl)
{
    size_t i = pos + 1, end_pos = pos;
    int saw_start = 0, escaping = 0, negate = 0, have_range_start = 0, nitems = 0;
    uint32_t range_start = 0, single = 0;
    cls_t *c;

    *oom = 0;
    /* no ']' after the '[': the '[' is literal.  Said before allocating, as every '['
     * of a pattern is tried and arena memory is not given back (t/fuzz/ignore.c) */
    if (!memchr(g + pos + 1, ']', n - pos - 1))
        return 0;
    c = lc_alloc(a, sizeof *c);
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
                    if (posix_classes[k].u)
                        fl->u = 1;
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
static int mm_parse_glob(lc_arena_t *a, mm_seq_t *q, const char *g, size_t n, int *first_wild,
                         mm_flags_t *fl)
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
            if (g[i] == '!')
                fl->bad_u_escape = 1;
            if (!(x = seq_push(a, q, MN_LIT)))
                return -1;
            x->cp = next_cp(g, n, &i);
            continue;
        }
        if (c == '[') {
            int op = MN_LIT, magic = 0, oom = 0;
            uint32_t lit = 0;
            cls_t *cl = NULL;
            size_t used = mm_class(a, g, n, i, &op, &lit, &cl, &magic, &oom, fl);
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
        if (x->cp == '-' || x->cp == ',' || x->cp == '#' || lc__js_is_space(x->cp))
            fl->bad_u_escape = 1;
    }
    return 0;
}

static int is_ext_type(char c) { return c == '!' || c == '?' || c == '+' || c == '*' || c == '@'; }

/* What both passes over a pattern (ext_close, mm_parse_seq) skip alike: a backslash
 * escape, and a [...] class, inside which '(' '|' ')' mean nothing (a ']' right after
 * the '[' or after "[^" / "[!" does not close it). */
typedef struct quote_state {
    int escaping, in_brace, brace_neg;
    size_t brace_start;       /* index just after the '[' */
} quote_state_t;

/* c is the character just read and i the index after it: 1 when c belongs to an escape
 * or a class, and the caller goes on with the next one. */
static int quoted(quote_state_t *qs, char c, size_t i)
{
    if (qs->escaping || c == '\\') {
        qs->escaping = !qs->escaping;
        return 1;
    }
    if (qs->in_brace) {
        if (i == qs->brace_start + 1) {
            if (c == '^' || c == '!')
                qs->brace_neg = 1;
        } else if (c == ']' && !(i == qs->brace_start + 2 && qs->brace_neg)) {
            qs->in_brace = 0;
        }
        return 1;
    }
    if (c == '[') {
        qs->in_brace = 1;
        qs->brace_start = i;
        qs->brace_neg = 0;
        return 1;
    }
    return 0;
}

/* Where does the extglob whose '(' is at g[open] close?  Index of ')' or n. */
static size_t ext_close(const char *g, size_t n, size_t open)
{
    size_t i = open + 1, depth = 0;
    quote_state_t qs = { 0, 0, 0, 0 };
    while (i < n) {
        char c = g[i++];
        if (quoted(&qs, c, i))
            continue;
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
                        int in_ext, char *term, mm_flags_t *fl)
{
    size_t i = *pos, acc = *pos;
    int first_part = 1;
    quote_state_t qs = { 0, 0, 0, 0 };

    *term = 0;
#define FLUSH(upto)                                                                  \
    do {                                                                             \
        if ((upto) > acc) {                                                          \
            int fw = 0;                                                              \
            if (mm_parse_glob(a, q, g + acc, (upto) - acc, &fw, fl) < 0)             \
                return -1;                                                           \
            if (first_part && q->start && fw)                                        \
                q->nodot = 1;                                                        \
            first_part = 0;                                                          \
        }                                                                            \
    } while (0)
    while (i < n) {
        char c = g[i++];
        if (quoted(&qs, c, i))
            continue;
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
                    if (mm_parse_seq(a, &alts[na], g, n, &i, 1, &t, fl) < 0)
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

/* Compile one CDK glob pattern. 1 ok, 0 never matches, -1 OOM; *err when minimatch
 * would throw. */
static int mm_compile(lc_arena_t *a, const char *pattern, mm_rule_t *out, const char **err)
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
    lc__brace_expand(a, p, &set);
    if (set.oom)
        return -1;
    /* Brace expansion stops at 100,000 patterns, but each is compiled into nodes of a
     * few dozen bytes per character: "{a..z}{a..z}{a..z}{a..z}" on a long pattern asked
     * for gigabytes and got the run killed (t/fuzz/ignore.c).  Refuse, with a message,
     * a pattern whose expansions add up to more than 1 MiB of text. */
    {
        size_t total = 0;
        for (e = 0; e < set.n; e++)
            total += strlen(set.v[e]);
        if (total > ((size_t)1 << 20)) {
            *err = "its brace expansion is too large (more than 1 MiB of patterns)";
            return 0;
        }
    }
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
            {
                mm_flags_t fl = { 0, 0 };
                if (mm_parse_seq(a, &g->seq, sg, sn, &pos, 0, &term, &fl) < 0)
                    return -1;
                if (fl.u && fl.bad_u_escape)
                    *err = "Invalid regular expression (minimatch): Invalid escape";
            }
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

struct lc__glob {
    mm_rule_t *rules;
    size_t n;
};

int lc__glob_new(lc_arena_t *a, const lc_str_list_t *pats, lc__glob_t **out,
                 lc__ignore_err_t *err)
{
    size_t np = pats ? pats->n : 0, i;
    lc__glob_t *g = lc_alloc(a, sizeof *g);
    if (!g || !(g->rules = lc_alloc(a, (np + 1) * sizeof *g->rules)))
        return -1;
    for (i = 0; i < np; i++) {
        const char *pt = pats->items[i] ? pats->items[i] : "";
        const char *why = NULL;
        if (mm_compile(a, pt, &g->rules[g->n], &why) < 0)
            return -1;
        if (why)
            lc__ignore_reject(err, pt, why);
        g->n++;   /* a never-matching rule is kept: it has no alternatives */
    }
    *out = g;
    return 0;
}

int lc__glob_ignores(const lc__glob_t *g, const char *relpath, size_t n)
{
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
        for (i = 0; i < g->n; i++) {
            const mm_rule_t *r = &g->rules[i];
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
