/* runtime/assets/ignore_docker.c - CDK's docker ignore mode: .dockerignore lines as
 * @balena/dockerignore reads them.
 *
 * Each line is cleaned like Go's filepath.Clean (Node's path.normalize), made relative,
 * and turned into a JS regex source exactly as the package does; that source is compiled
 * by jsregex.c, so characters the package passes through (`+`, `(`, `|`, `{`...) keep
 * their regex meaning, as in CDK.  Matching is case-insensitive; a rule that misses a
 * path is tried on the path's parent directories.  For "may the walk skip this
 * directory", CDK asks a second matcher in which every negation also re-includes its
 * parent directories ("!a/b/c" adds "!a/b" and "!a").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignore_impl.h"
#include "jsregex.h"

/* ======================================================================================
 * docker mode: @balena/dockerignore
 * ==================================================================================== */

typedef struct docker_rule {
    int negative;
    size_t ndirs;       /* components of the cleaned pattern */
    size_t nplain;      /* components other than "**" */
    int has_dstar;
    lc__rx_t *rx;       /* NULL: the regex does not compile (CDK throws) */
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

/* _createRule: returns 1 with *out filled, 0 when the line gives no rule, -1 on OOM.
 * A rule whose regex does not compile gets rx = NULL and *err (CDK would throw). */
static int docker_compile(lc_arena_t *a, const char *line, size_t n, docker_rule_t *out,
                          const char **err)
{
    size_t b, e, pn, i;
    const char *p;
    int neg = 0;

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
    /* The regex source, built as @balena/dockerignore builds it: "**" (eating a following
     * '/') is (.*\/)? or .* at the end, '*' is [^/]*, '?' is [^/], '.' and '$' are
     * escaped, '\x' stays an escape, everything else goes in raw (so `a+b` or `(x)` are
     * regex syntax); a trailing '\' escapes the final '$'. */
    {
        sbuf_t re;
        const char *why;
        sb_init(&re, a);
        sb_addc(&re, '^');
        for (i = 0; i < pn; i++) {
            char c = p[i];
            if (c == '*') {
                if (i + 1 < pn && p[i + 1] == '*') {
                    i++;
                    if (i + 1 < pn && p[i + 1] == '/')
                        i++;
                    if (i + 1 >= pn)
                        sb_add(&re, ".*", 2);
                    else
                        sb_add(&re, "(.*/)?", 6);
                } else {
                    sb_add(&re, "[^/]*", 5);
                }
            } else if (c == '?') {
                sb_add(&re, "[^/]", 4);
            } else if (c == '.' || c == '$') {
                sb_addc(&re, '\\');
                sb_addc(&re, c);
            } else if (c == '\\') {
                sb_addc(&re, '\\');
                if (i + 1 < pn)
                    sb_addc(&re, p[++i]);
            } else {
                sb_addc(&re, c);
            }
        }
        sb_addc(&re, '$');
        if (re.oom)
            return -1;
        out->rx = lc__rx_compile(a, re.p, re.n, 1, &why);
        if (!out->rx) {
            if (strcmp(why, "out of memory") == 0)
                return -1;
            *err = why;
        }
    }
    return 1;
}

static int rx_match(const docker_rule_t *r, const char *s, size_t n)
{
    return r->rx && lc__rx_test(r->rx, s, n);
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
        int match = rx_match(&r[i], s, n);
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
                    match = rx_match(&r[i], parent, len);
                }
            } else if (r[i].ndirs <= npar) {
                size_t len = 0, c = 0;
                while (len < parent_n) {
                    if (parent[len] == '/' && ++c == r[i].ndirs)
                        break;
                    len++;
                }
                match = rx_match(&r[i], parent, len);
            }
        }
        if (match)
            matched = !r[i].negative;
    }
    return matched;
}

/* add(): split on \r?\n; each line that is not blank or a comment becomes a rule. */
static int docker_add(lc_arena_t *a, lc__ignore_err_t *err, docker_rule_t **rules, size_t *n,
                      size_t *cap, const char *pattern)
{
    size_t len = strlen(pattern), s0 = 0, i;
    for (i = 0; i <= len; i++) {
        if (i == len || pattern[i] == '\n') {
            size_t e = i;
            size_t b, te;
            if (e > s0 && pattern[e - 1] == '\r' && i < len)
                e--;
            js_trim(pattern + s0, e - s0, &b, &te);
            if (e > s0 && pattern[s0] != '#' && te > b) {
                const char *why = NULL;
                int r;
                if (*n == *cap) {
                    size_t nc = *cap ? *cap * 2 : 8;
                    void *nr = lc_realloc(a, *rules, *cap * sizeof **rules, nc * sizeof **rules);
                    if (!nr)
                        return -1;
                    *rules = nr;
                    *cap = nc;
                }
                r = docker_compile(a, pattern + s0, e - s0, &(*rules)[*n], &why);
                if (r < 0)
                    return -1;
                if (why)
                    lc__ignore_reject(err, pattern, why);
                if (r > 0)
                    (*n)++;
            }
            s0 = i + 1;
        }
    }
    return 0;
}

struct lc__docker {
    docker_rule_t *rules;
    size_t n;
    docker_rule_t *complete;     /* the rules plus the implied parent negations */
    size_t ncomplete;
};

int lc__docker_new(lc_arena_t *a, const lc_str_list_t *pats, lc__docker_t **out,
                   lc__ignore_err_t *err)
{
    size_t np = pats ? pats->n : 0, i, cap = 0, ccap = 0;
    lc__docker_t *d = lc_alloc(a, sizeof *d);
    if (!d)
        return -1;
    for (i = 0; i < np; i++) {
        const char *pt = pats->items[i] ? pats->items[i] : "";
        size_t len = strlen(pt), k = 0;
        if (docker_add(a, err, &d->rules, &d->n, &cap, pt) < 0
            || docker_add(a, err, &d->complete, &d->ncomplete, &ccap, pt) < 0)
            return -1;
        /* /^\s*(\!|\/\!)(.*)/: a negation; its parent directories go into `complete` */
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
                if (d2n == 1 && (d2[0] == '/' || d2[0] == '.'))
                    break;
                line = cat3(a, pt + k, pre, d2, d2n, "", 0);
                if (!line || docker_add(a, err, &d->complete, &d->ncomplete, &ccap, line) < 0)
                    return -1;
                dir = d2;
                dn = d2n;
            }
        }
    }
    *out = d;
    return 0;
}

int lc__docker_ignores(const lc__docker_t *d, const char *s, size_t n, int is_dir)
{
    if (!docker_ignores(d->rules, d->n, s, n))
        return 0;
    return is_dir ? docker_ignores(d->complete, d->ncomplete, s, n) : 1;
}
