/* runtime/assets/ignore_brace.c - brace expansion as minimatch does it (the
 * `brace-expansion` package, v5): "{a,b}", "{1..3}", "{01..10..2}", "{a..e}", nesting,
 * "${...}" left alone, "\{" "\}" "\," "\." and "\\" escapes (which lose their backslash
 * once a pattern is expanded, as in the package), and a group without a comma or a
 * range kept literally.  The pair of braces to expand is the one balanced-match picks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignore_impl.h"

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
void lc__brace_expand(lc_arena_t *a, const char *pat, strv_t *out)
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
