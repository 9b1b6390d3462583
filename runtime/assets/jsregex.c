/* runtime/assets/jsregex.c - a small JS RegExp engine (see jsregex.h for why and what).
 *
 * Both the pattern and the subject are turned into UTF-16 code units first, as V8 sees
 * them without the `u` flag; the matcher is a backtracking one in continuation-passing
 * style (each node gets "what comes after me"), with JS's RepeatMatcher rules (an
 * iteration that matches empty ends the loop) and a fast loop for quantified
 * single-unit atoms, so `.*` over a long path does not recurse per character.  A step
 * budget bounds catastrophic patterns (they then report "no match").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsregex.h"
#include "jsstr.h"

#define RX_STEP_BUDGET 20000000UL

/* ---- UTF-16 ------------------------------------------------------------------------- */

/* UTF-8 -> UTF-16 units as Node decodes (U+FFFD for invalid sequences).  *out is
 * malloc'ed (caller frees); returns the unit count, or (size_t)-1 on OOM. */
static size_t to_units(const char *s, size_t n, uint16_t **out)
{
    uint16_t *u = malloc((n + 1) * sizeof *u);
    size_t i = 0, k = 0;
    if (!u)
        return (size_t)-1;
    while (i < n) {
        uint32_t cp;
        i += lc__u8_unit((const unsigned char *)s + i, n - i, &cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            u[k++] = (uint16_t)(0xD800 + (cp >> 10));
            u[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            u[k++] = (uint16_t)cp;
        }
    }
    *out = u;
    return k;
}

static uint16_t fold(uint16_t c)
{
    return (uint16_t)lc__js_fold(c);   /* surrogates are returned unchanged */
}

static int is_word(uint16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int is_digit(uint16_t c) { return c >= '0' && c <= '9'; }

static int is_hex(uint16_t c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int hexval(uint16_t c)
{
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* ---- the tree ----------------------------------------------------------------------- */

enum { RX_CHAR, RX_ANY, RX_CLASS, RX_BOL, RX_EOL, RX_WORDB, RX_NWORDB, RX_GROUP, RX_LOOK,
       RX_BACKREF };

/* class escapes */
enum { CE_D = 1, CE_ND = 2, CE_W = 4, CE_NW = 8, CE_S = 16, CE_NS = 32 };

typedef struct rx_cls {
    uint16_t (*r)[2];
    size_t n, cap;
    unsigned esc;
    int negate;
} rx_cls_t;

struct rx_alt;
typedef struct rx_node {
    int op;
    uint16_t c;
    rx_cls_t *cls;
    struct rx_alt *alts;
    size_t nalts;
    int capture;         /* RX_GROUP: 1-based capture index, 0 for (?:) */
    int negative;        /* RX_LOOK */
    int backref;         /* RX_BACKREF */
    long min, max;       /* max < 0: no limit */
    int greedy;
} rx_node_t;

typedef struct rx_alt {
    rx_node_t *v;
    size_t n, cap;
} rx_alt_t;

struct lc__rx {
    rx_alt_t *alts;
    size_t nalts;
    int icase;
    int ncaps;
    int anchored;        /* every alternative starts with ^ */
};

/* ---- parsing -------------------------------------------------------------------------- */

typedef struct rx_parser {
    lc_arena_t *a;
    const uint16_t *u;
    size_t n, i;
    int ncaps_total;     /* capturing groups in the whole pattern */
    int ncaps;           /* opened so far */
    int named;           /* the pattern has named groups */
    size_t names[64][2]; /* [start, end) of each group name seen, to reject duplicates */
    size_t nnames;
    const char *err;
} rx_parser_t;

static int set_err(rx_parser_t *p, const char *msg)
{
    if (!p->err)
        p->err = msg;
    return -1;
}

static rx_node_t *alt_push(rx_parser_t *p, rx_alt_t *q, int op)
{
    if (q->n == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 8;
        void *nv = lc_realloc(p->a, q->v, q->cap * sizeof *q->v, nc * sizeof *q->v);
        if (!nv) {
            set_err(p, "out of memory");
            return NULL;
        }
        q->v = nv;
        q->cap = nc;
    }
    memset(&q->v[q->n], 0, sizeof q->v[0]);
    q->v[q->n].op = op;
    q->v[q->n].min = q->v[q->n].max = 1;
    q->v[q->n].greedy = 1;
    return &q->v[q->n++];
}

static int cls_add(rx_parser_t *p, rx_cls_t *c, uint16_t lo, uint16_t hi)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 4;
        void *nr = lc_realloc(p->a, c->r, c->cap * sizeof *c->r, nc * sizeof *c->r);
        if (!nr)
            return set_err(p, "out of memory");
        c->r = nr;
        c->cap = nc;
    }
    c->r[c->n][0] = lo;
    c->r[c->n][1] = hi;
    c->n++;
    return 0;
}

/* Count capturing groups (and note named ones) before parsing: \N means a back-reference
 * only when the pattern has at least N groups. */
static void count_groups(rx_parser_t *p)
{
    size_t i;
    int in_class = 0;
    for (i = 0; i < p->n; i++) {
        uint16_t c = p->u[i];
        if (c == '\\') {
            i++;
            continue;
        }
        if (in_class) {
            if (c == ']')
                in_class = 0;
            continue;
        }
        if (c == '[')
            in_class = 1;
        else if (c == '(') {
            if (i + 1 < p->n && p->u[i + 1] == '?') {
                if (i + 2 < p->n && p->u[i + 2] == '<' && i + 3 < p->n && p->u[i + 3] != '='
                    && p->u[i + 3] != '!') {
                    p->ncaps_total++;
                    p->named = 1;
                }
            } else {
                p->ncaps_total++;
            }
        }
    }
}

/* A legacy octal escape starting at p->u[p->i] (a digit 0-7): up to three digits, value
 * at most 0377. */
static uint16_t legacy_octal(rx_parser_t *p)
{
    unsigned v = (unsigned)(p->u[p->i++] - '0');
    if (p->i < p->n && p->u[p->i] >= '0' && p->u[p->i] <= '7') {
        unsigned v2 = v * 8 + (unsigned)(p->u[p->i] - '0');
        p->i++;
        if (v <= 3 && p->i < p->n && p->u[p->i] >= '0' && p->u[p->i] <= '7') {
            v2 = v2 * 8 + (unsigned)(p->u[p->i] - '0');
            p->i++;
        }
        v = v2;
    }
    return (uint16_t)v;
}

/* Escapes shared by atoms and classes, after the backslash (p->i at the escaped unit).
 * Returns 1 with *c set for a character, 2 with *esc set for a class escape, 0 when the
 * escape is handled by the caller (\b, \B, back-references), -1 on error. */
static int char_escape(rx_parser_t *p, int in_class, uint16_t *c, unsigned *esc)
{
    uint16_t e;
    if (p->i >= p->n)
        return set_err(p, "\\ at end of pattern");
    e = p->u[p->i];
    switch (e) {
    case 'd': p->i++; *esc = CE_D; return 2;
    case 'D': p->i++; *esc = CE_ND; return 2;
    case 'w': p->i++; *esc = CE_W; return 2;
    case 'W': p->i++; *esc = CE_NW; return 2;
    case 's': p->i++; *esc = CE_S; return 2;
    case 'S': p->i++; *esc = CE_NS; return 2;
    case 't': p->i++; *c = '\t'; return 1;
    case 'n': p->i++; *c = '\n'; return 1;
    case 'v': p->i++; *c = '\v'; return 1;
    case 'f': p->i++; *c = '\f'; return 1;
    case 'r': p->i++; *c = '\r'; return 1;
    case 'c':
        if (p->i + 1 < p->n) {
            uint16_t l = p->u[p->i + 1];
            if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')
                || (in_class && (is_digit(l) || l == '_'))) {
                p->i += 2;
                *c = (uint16_t)(l % 32);
                return 1;
            }
        }
        /* Annex B: "\c" not followed by a letter is a literal backslash */
        *c = '\\';
        return 1;
    case 'x':
        if (p->i + 2 < p->n && is_hex(p->u[p->i + 1]) && is_hex(p->u[p->i + 2])) {
            *c = (uint16_t)(hexval(p->u[p->i + 1]) * 16 + hexval(p->u[p->i + 2]));
            p->i += 3;
            return 1;
        }
        p->i++;
        *c = 'x';
        return 1;
    case 'u':
        if (p->i + 4 < p->n && is_hex(p->u[p->i + 1]) && is_hex(p->u[p->i + 2])
            && is_hex(p->u[p->i + 3]) && is_hex(p->u[p->i + 4])) {
            *c = (uint16_t)(hexval(p->u[p->i + 1]) << 12 | hexval(p->u[p->i + 2]) << 8
                            | hexval(p->u[p->i + 3]) << 4 | hexval(p->u[p->i + 4]));
            p->i += 5;
            return 1;
        }
        p->i++;
        *c = 'u';
        return 1;
    case '0':
        if (!(p->i + 1 < p->n && is_digit(p->u[p->i + 1]))) {
            p->i++;
            *c = 0;
            return 1;
        }
        *c = legacy_octal(p);
        return 1;
    default:
        break;
    }
    if (e >= '1' && e <= '9') {
        if (!in_class)
            return 0;   /* back-reference or legacy octal: the caller decides */
        if (e >= '8') {
            p->i++;
            *c = e;
            return 1;
        }
        *c = legacy_octal(p);
        return 1;
    }
    if (in_class && e == 'b') {
        p->i++;
        *c = 8;
        return 1;
    }
    if (!in_class && (e == 'b' || e == 'B'))
        return 0;
    if (e == 'k' && p->named)
        return set_err(p, "named back-references are not supported");
    p->i++;
    *c = e;   /* identity escape */
    return 1;
}

static int parse_class(rx_parser_t *p, rx_node_t *x)
{
    rx_cls_t *c = lc_alloc(p->a, sizeof *c);
    if (!c)
        return set_err(p, "out of memory");
    x->op = RX_CLASS;
    x->cls = c;
    p->i++;   /* '[' */
    if (p->i < p->n && p->u[p->i] == '^') {
        c->negate = 1;
        p->i++;
    }
    for (;;) {
        uint16_t lo = 0, hi = 0;
        unsigned e1 = 0, e2 = 0;
        int r;
        if (p->i >= p->n)
            return set_err(p, "Unterminated character class");
        if (p->u[p->i] == ']') {
            p->i++;
            return 0;
        }
        if (p->u[p->i] == '\\') {
            p->i++;
            r = char_escape(p, 1, &lo, &e1);
            if (r < 0)
                return -1;
        } else {
            lo = p->u[p->i++];
        }
        if (p->i + 1 < p->n && p->u[p->i] == '-' && p->u[p->i + 1] != ']') {
            p->i++;
            if (p->u[p->i] == '\\') {
                p->i++;
                r = char_escape(p, 1, &hi, &e2);
                if (r < 0)
                    return -1;
            } else {
                hi = p->u[p->i++];
            }
            if (e1 || e2) {
                /* Annex B: a class escape at either end makes '-' a member */
                if (e1)
                    c->esc |= e1;
                else if (cls_add(p, c, lo, lo) < 0)
                    return -1;
                if (cls_add(p, c, '-', '-') < 0)
                    return -1;
                if (e2)
                    c->esc |= e2;
                else if (cls_add(p, c, hi, hi) < 0)
                    return -1;
                continue;
            }
            if (lo > hi)
                return set_err(p, "Range out of order in character class");
            if (cls_add(p, c, lo, hi) < 0)
                return -1;
            continue;
        }
        if (e1)
            c->esc |= e1;
        else if (cls_add(p, c, lo, lo) < 0)
            return -1;
    }
}

/* {n}, {n,}, {n,m} at p->i (a '{'): 1 with the bounds and p->i past the '}', 0 when it is
 * not a quantifier (then '{' is a literal, Annex B). */
static int brace_quant(rx_parser_t *p, long *min, long *max)
{
    size_t i = p->i + 1;
    long a = 0, b;
    if (i >= p->n || !is_digit(p->u[i]))
        return 0;
    while (i < p->n && is_digit(p->u[i])) {
        if (a < 100000000L)
            a = a * 10 + (p->u[i] - '0');
        i++;
    }
    b = a;
    if (i < p->n && p->u[i] == ',') {
        i++;
        if (i < p->n && is_digit(p->u[i])) {
            b = 0;
            while (i < p->n && is_digit(p->u[i])) {
                if (b < 100000000L)
                    b = b * 10 + (p->u[i] - '0');
                i++;
            }
        } else {
            b = -1;
        }
    }
    if (i >= p->n || p->u[i] != '}')
        return 0;
    p->i = i + 1;
    *min = a;
    *max = b;
    return 1;
}

static int parse_disj(rx_parser_t *p, rx_alt_t **alts, size_t *nalts);

static int parse_alt(rx_parser_t *p, rx_alt_t *q)
{
    while (p->i < p->n) {
        uint16_t c = p->u[p->i];
        rx_node_t *x;
        int quantifiable = 1;
        long qmin, qmax;

        if (c == '|' || c == ')')
            return 0;
        if (c == '*' || c == '+' || c == '?')
            return set_err(p, "Nothing to repeat");
        if (c == '{' && (qmin = 0, brace_quant(p, &qmin, &qmax)))
            return set_err(p, "Nothing to repeat");
        if (!(x = alt_push(p, q, RX_CHAR)))
            return -1;
        if (c == '^' || c == '$') {
            x->op = c == '^' ? RX_BOL : RX_EOL;
            quantifiable = 0;
            p->i++;
        } else if (c == '.') {
            x->op = RX_ANY;
            p->i++;
        } else if (c == '[') {
            if (parse_class(p, x) < 0)
                return -1;
        } else if (c == '(') {
            size_t na;
            rx_alt_t *al;
            p->i++;
            x->op = RX_GROUP;
            if (p->i < p->n && p->u[p->i] == '?') {
                uint16_t k = p->i + 1 < p->n ? p->u[p->i + 1] : 0;
                if (k == ':') {
                    p->i += 2;
                } else if (k == '=' || k == '!') {
                    x->op = RX_LOOK;
                    x->negative = k == '!';
                    p->i += 2;
                } else if (k == '<') {
                    uint16_t k2 = p->i + 2 < p->n ? p->u[p->i + 2] : 0;
                    if (k2 == '=' || k2 == '!')
                        return set_err(p, "lookbehind is not supported");
                    size_t nstart, d;
                    p->i += 2;
                    nstart = p->i;
                    while (p->i < p->n && p->u[p->i] != '>')
                        p->i++;
                    if (p->i >= p->n || p->i == nstart)
                        return set_err(p, "Invalid capture group name");
                    for (d = 0; d < p->nnames; d++)
                        if (p->names[d][1] - p->names[d][0] == p->i - nstart
                            && memcmp(p->u + p->names[d][0], p->u + nstart,
                                      (p->i - nstart) * sizeof *p->u) == 0)
                            return set_err(p, "Duplicate capture group name");
                    if (p->nnames < 64) {
                        p->names[p->nnames][0] = nstart;
                        p->names[p->nnames][1] = p->i;
                        p->nnames++;
                    }
                    p->i++;
                    x->capture = ++p->ncaps;
                } else {
                    return set_err(p, "Invalid group");
                }
            } else {
                x->capture = ++p->ncaps;
            }
            if (parse_disj(p, &al, &na) < 0)
                return -1;
            if (p->i >= p->n || p->u[p->i] != ')')
                return set_err(p, "Unterminated group");
            p->i++;
            x->alts = al;
            x->nalts = na;
        } else if (c == '\\') {
            uint16_t ch = 0;
            unsigned esc = 0;
            int r;
            p->i++;
            r = char_escape(p, 0, &ch, &esc);
            if (r < 0)
                return -1;
            if (r == 1) {
                x->c = ch;
            } else if (r == 2) {
                rx_cls_t *cl = lc_alloc(p->a, sizeof *cl);
                if (!cl)
                    return set_err(p, "out of memory");
                cl->esc = esc;
                x->op = RX_CLASS;
                x->cls = cl;
            } else if (p->u[p->i] == 'b' || p->u[p->i] == 'B') {
                x->op = p->u[p->i] == 'b' ? RX_WORDB : RX_NWORDB;
                quantifiable = 0;
                p->i++;
            } else {
                /* \1-\9...: a back-reference when that many groups exist, else a
                 * legacy octal escape (or the digit itself for 8 and 9) */
                size_t save = p->i;
                long v = 0;
                while (p->i < p->n && is_digit(p->u[p->i]) && v < 100000)
                    v = v * 10 + (p->u[p->i++] - '0');
                if (v <= p->ncaps_total) {
                    x->op = RX_BACKREF;
                    x->backref = (int)v;
                } else {
                    p->i = save;
                    if (p->u[p->i] >= '8') {
                        x->c = p->u[p->i++];
                    } else {
                        x->c = legacy_octal(p);
                    }
                }
            }
        } else {
            x->c = c;   /* includes Annex B's literal ']', '{', '}' */
            p->i++;
        }
        /* quantifier */
        if (p->i < p->n) {
            uint16_t q2 = p->u[p->i];
            long mn = -2, mx = -2;
            if (q2 == '*') {
                mn = 0;
                mx = -1;
                p->i++;
            } else if (q2 == '+') {
                mn = 1;
                mx = -1;
                p->i++;
            } else if (q2 == '?') {
                mn = 0;
                mx = 1;
                p->i++;
            } else if (q2 == '{' && brace_quant(p, &mn, &mx)) {
                if (mx >= 0 && mn > mx)
                    return set_err(p, "numbers out of order in {} quantifier");
            }
            if (mn != -2) {
                if (!quantifiable)
                    return set_err(p, "Nothing to repeat");
                x->min = mn;
                x->max = mx;
                if (p->i < p->n && p->u[p->i] == '?') {
                    x->greedy = 0;
                    p->i++;
                }
                if (p->i < p->n) {
                    uint16_t q3 = p->u[p->i];
                    long t1, t2;
                    if (q3 == '*' || q3 == '+' || q3 == '?'
                        || (q3 == '{' && brace_quant(p, &t1, &t2)))
                        return set_err(p, "Nothing to repeat");
                }
            }
        }
    }
    return 0;
}

static int parse_disj(rx_parser_t *p, rx_alt_t **alts, size_t *nalts)
{
    rx_alt_t *v = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 2;
            void *nv = lc_realloc(p->a, v, cap * sizeof *v, nc * sizeof *v);
            if (!nv)
                return set_err(p, "out of memory");
            v = nv;
            cap = nc;
        }
        memset(&v[n], 0, sizeof v[0]);
        if (parse_alt(p, &v[n]) < 0)
            return -1;
        n++;
        if (p->i < p->n && p->u[p->i] == '|') {
            p->i++;
            continue;
        }
        break;
    }
    *alts = v;
    *nalts = n;
    return 0;
}

lc__rx_t *lc__rx_compile(lc_arena_t *a, const char *src, size_t n, int icase, const char **why)
{
    rx_parser_t p;
    uint16_t *u = NULL;
    size_t nu = to_units(src, n, &u), i;
    lc__rx_t *rx;

    *why = NULL;
    if (nu == (size_t)-1) {
        *why = "out of memory";
        return NULL;
    }
    memset(&p, 0, sizeof p);
    p.a = a;
    p.u = u;
    p.n = nu;
    count_groups(&p);
    rx = lc_alloc(a, sizeof *rx);
    if (!rx) {
        free(u);
        *why = "out of memory";
        return NULL;
    }
    if (parse_disj(&p, &rx->alts, &rx->nalts) < 0 || (p.i < p.n && set_err(&p, "Unmatched ')'"))) {
        free(u);
        *why = p.err;
        return NULL;
    }
    free(u);
    rx->icase = icase;
    rx->ncaps = p.ncaps;
    rx->anchored = 1;
    for (i = 0; i < rx->nalts; i++)
        if (!(rx->alts[i].n > 0 && rx->alts[i].v[0].op == RX_BOL))
            rx->anchored = 0;
    return rx;
}

/* ---- matching --------------------------------------------------------------------------- */

enum { K_SEQ, K_REPEAT, K_GROUP_END, K_ACCEPT };

typedef struct rx_cont {
    int kind;
    const rx_alt_t *alt;       /* K_SEQ */
    size_t k;
    const rx_node_t *node;     /* K_REPEAT */
    long count;                /* iterations including the one that just ended */
    size_t start;              /* K_REPEAT: where that iteration began; K_GROUP_END: group start */
    const struct rx_cont *next;
} rx_cont_t;

typedef struct rx_ctx {
    const lc__rx_t *rx;
    const uint16_t *s;
    size_t n;
    long (*caps)[2];           /* [ncaps + 1], -1 when unset */
    unsigned long steps;
} rx_ctx_t;

static int m_seq(rx_ctx_t *c, const rx_alt_t *alt, size_t k, size_t pos, const rx_cont_t *cont);
static int m_node(rx_ctx_t *c, const rx_node_t *x, size_t pos, const rx_cont_t *cont);

static int cls_has(const rx_cls_t *cl, uint16_t ch)
{
    size_t i;
    for (i = 0; i < cl->n; i++)
        if (ch >= cl->r[i][0] && ch <= cl->r[i][1])
            return 1;
    if (cl->esc) {
        int sp = lc__js_is_space(ch);
        if (((cl->esc & CE_D) && is_digit(ch)) || ((cl->esc & CE_ND) && !is_digit(ch))
            || ((cl->esc & CE_W) && is_word(ch)) || ((cl->esc & CE_NW) && !is_word(ch))
            || ((cl->esc & CE_S) && sp) || ((cl->esc & CE_NS) && !sp))
            return 1;
    }
    return 0;
}

static int unit_ok(const rx_ctx_t *c, const rx_node_t *x, uint16_t ch)
{
    switch (x->op) {
    case RX_CHAR:
        return ch == x->c || (c->rx->icase && fold(ch) == fold(x->c));
    case RX_ANY:
        return !(ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029);
    case RX_CLASS: {
        int in = cls_has(x->cls, ch);
        if (!in && c->rx->icase) {
            uint16_t f = fold(ch);
            uint32_t pre[8];
            size_t k, np;
            in = cls_has(x->cls, f);
            for (k = 0, np = in ? 0 : lc__js_unfold(f, pre); k < np && !in; k++)
                in = pre[k] <= 0xFFFF && cls_has(x->cls, (uint16_t)pre[k]);
        }
        return in != x->cls->negate;
    }
    default:
        return 0;
    }
}

static int resume(rx_ctx_t *c, size_t pos, const rx_cont_t *cont);

/* RepeatMatcher: `done` iterations so far. */
static int m_repeat(rx_ctx_t *c, const rx_node_t *x, long done, size_t pos, const rx_cont_t *cont)
{
    rx_cont_t it;
    if (x->max >= 0 && done >= x->max)
        return resume(c, pos, cont);
    it.kind = K_REPEAT;
    it.node = x;
    it.count = done + 1;
    it.start = pos;
    it.next = cont;
    if (done < x->min)
        return m_node(c, x, pos, &it);
    if (x->greedy)
        return m_node(c, x, pos, &it) || resume(c, pos, cont);
    return resume(c, pos, cont) || m_node(c, x, pos, &it);
}

static int resume(rx_ctx_t *c, size_t pos, const rx_cont_t *cont)
{
    if (!cont)
        return 1;
    switch (cont->kind) {
    case K_SEQ:
        return m_seq(c, cont->alt, cont->k, pos, cont->next);
    case K_REPEAT:
        /* an iteration that matched nothing, once the minimum is reached, fails */
        if (cont->count - 1 >= cont->node->min && pos == cont->start)
            return 0;
        return m_repeat(c, cont->node, cont->count, pos, cont->next);
    case K_GROUP_END: {
        int cap = cont->node->capture, r;
        long old0 = c->caps[cap][0], old1 = c->caps[cap][1];
        c->caps[cap][0] = (long)cont->start;
        c->caps[cap][1] = (long)pos;
        r = resume(c, pos, cont->next);
        if (!r) {
            c->caps[cap][0] = old0;
            c->caps[cap][1] = old1;
        }
        return r;
    }
    case K_ACCEPT:
    default:
        return 1;
    }
}

/* One occurrence of x at pos, then cont. */
static int m_node(rx_ctx_t *c, const rx_node_t *x, size_t pos, const rx_cont_t *cont)
{
    size_t i;
    if (++c->steps > RX_STEP_BUDGET)
        return 0;
    switch (x->op) {
    case RX_CHAR:
    case RX_ANY:
    case RX_CLASS:
        return pos < c->n && unit_ok(c, x, c->s[pos]) && resume(c, pos + 1, cont);
    case RX_BOL:
        return pos == 0 && resume(c, pos, cont);
    case RX_EOL:
        return pos == c->n && resume(c, pos, cont);
    case RX_WORDB:
    case RX_NWORDB: {
        int a = pos > 0 && is_word(c->s[pos - 1]), b = pos < c->n && is_word(c->s[pos]);
        return ((a != b) == (x->op == RX_WORDB)) && resume(c, pos, cont);
    }
    case RX_BACKREF: {
        long s0 = c->caps[x->backref][0], s1 = c->caps[x->backref][1];
        size_t len;
        if (s0 < 0 || s1 < 0)
            return resume(c, pos, cont);
        len = (size_t)(s1 - s0);
        if (pos + len > c->n)
            return 0;
        for (i = 0; i < len; i++) {
            uint16_t a = c->s[(size_t)s0 + i], b = c->s[pos + i];
            if (a != b && !(c->rx->icase && fold(a) == fold(b)))
                return 0;
        }
        return resume(c, pos + len, cont);
    }
    case RX_GROUP: {
        rx_cont_t end;
        const rx_cont_t *after = cont;
        if (x->capture) {
            end.kind = K_GROUP_END;
            end.node = x;
            end.start = pos;
            end.next = cont;
            after = &end;
        }
        for (i = 0; i < x->nalts; i++)
            if (m_seq(c, &x->alts[i], 0, pos, after))
                return 1;
        return 0;
    }
    case RX_LOOK: {
        rx_cont_t accept;
        int found = 0;
        accept.kind = K_ACCEPT;
        accept.next = NULL;
        for (i = 0; i < x->nalts && !found; i++)
            found = m_seq(c, &x->alts[i], 0, pos, &accept);
        return found != x->negative && resume(c, pos, cont);
    }
    default:
        return 0;
    }
}

static int m_seq(rx_ctx_t *c, const rx_alt_t *alt, size_t k, size_t pos, const rx_cont_t *cont)
{
    const rx_node_t *x;
    rx_cont_t after;
    if (k == alt->n)
        return resume(c, pos, cont);
    x = &alt->v[k];
    after.kind = K_SEQ;
    after.alt = alt;
    after.k = k + 1;
    after.next = cont;
    if (x->min == 1 && x->max == 1)
        return m_node(c, x, pos, &after);
    if (x->op == RX_CHAR || x->op == RX_ANY || x->op == RX_CLASS) {
        /* a quantified single unit: count the run, then try the lengths in order */
        size_t run = 0, j;
        while (pos + run < c->n && (x->max < 0 || (long)run < x->max)
               && unit_ok(c, x, c->s[pos + run]))
            run++;
        if ((long)run < x->min)
            return 0;
        if (x->greedy) {
            for (j = run + 1; j-- > (size_t)x->min;) {
                if (++c->steps > RX_STEP_BUDGET)
                    return 0;
                if (m_seq(c, alt, k + 1, pos + j, cont))
                    return 1;
            }
        } else {
            for (j = (size_t)x->min; j <= run; j++) {
                if (++c->steps > RX_STEP_BUDGET)
                    return 0;
                if (m_seq(c, alt, k + 1, pos + j, cont))
                    return 1;
            }
        }
        return 0;
    }
    return m_repeat(c, x, 0, pos, &after);
}

int lc__rx_test(const lc__rx_t *rx, const char *s, size_t n)
{
    rx_ctx_t c;
    uint16_t *u = NULL;
    long caps_stack[11][2];
    size_t nu = to_units(s, n, &u), start, k;
    int hit = 0;

    if (nu == (size_t)-1)
        return 0;
    c.rx = rx;
    c.s = u;
    c.n = nu;
    c.steps = 0;
    c.caps = rx->ncaps < 11 ? caps_stack : malloc((size_t)(rx->ncaps + 1) * sizeof *c.caps);
    if (!c.caps) {
        free(u);
        return 0;
    }
    for (start = 0; start <= nu && !hit; start++) {
        for (k = 0; k <= (size_t)rx->ncaps; k++)
            c.caps[k][0] = c.caps[k][1] = -1;
        for (k = 0; k < rx->nalts && !hit; k++)
            hit = m_seq(&c, &rx->alts[k], 0, start, NULL);
        if (rx->anchored)
            break;
    }
    if (c.caps != caps_stack)
        free(c.caps);
    free(u);
    return hit;
}
