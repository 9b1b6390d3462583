/* runtime/json_read.c - strict JSON reader (see json_read.h for the contract).
 *
 * Why it is built this way:
 *  - Recursive descent with an explicit depth limit: simple, and the limit keeps hostile
 *    input from exhausting the C stack.
 *  - Members and items of the containers being parsed are collected on two malloc'd
 *    scratch stacks and copied into exactly-sized arena blocks when the container
 *    closes, so nested parsing never fragments the arena.
 *  - Every read checks the end pointer; the input need not be NUL-terminated.
 *  - Numbers are converted by strtod, which follows LC_NUMERIC: the '.' of the JSON text
 *    is replaced by the locale's decimal point (found by printing 0.5) before the call,
 *    so "1.5" reads as 1.5 under de_DE too.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/json_read.h>

#include "utf8.h"

typedef struct parser {
    lc_arena_t *a;
    const unsigned char *start, *p, *end;
    char *errbuf;
    size_t errlen;
    int failed;
    lc_member_t *ms;               /* scratch: members of open objects */
    size_t mn, mcap;
    const lc_value_t **vs;         /* scratch: items of open arrays */
    size_t vn, vcap;
    char radix[16];                /* the locale's decimal point, "" until needed */
} parser_t;

static void fail_at(parser_t *ps, const unsigned char *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void fail_at(parser_t *ps, const unsigned char *at, const char *fmt, ...)
{
    const unsigned char *q;
    size_t line = 1, col = 1;
    char msg[160];
    va_list ap;

    if (ps->failed)
        return;
    ps->failed = 1;
    if (!ps->errbuf || !ps->errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!at) {
        snprintf(ps->errbuf, ps->errlen, "%s", msg);
        return;
    }
    for (q = ps->start; q < at; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    snprintf(ps->errbuf, ps->errlen, "%zu:%zu: %s", line, col, msg);
}

static void fail_nomem(parser_t *ps)
{
    fail_at(ps, NULL, "out of memory");
}

/* Describe the byte at p for messages. */
static const char *what(parser_t *ps, const unsigned char *p, char buf[16])
{
    if (p >= ps->end)
        return "end of input";
    if (*p >= 0x21 && *p < 0x7f)
        snprintf(buf, 16, "'%c'", *p);
    else
        snprintf(buf, 16, "byte 0x%02x", *p);
    return buf;
}

static inline void skip_ws(parser_t *ps)
{
    while (ps->p < ps->end
           && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
        ps->p++;
}

static lc_value_t *parse_value(parser_t *ps, int depth);

/* ---- strings ------------------------------------------------------------------------- */

static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        v = v << 4 | d;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ps->p is at the opening quote.  Returns the arena copy, NULL on error. */
static char *parse_string(parser_t *ps)
{
    const unsigned char *s = ps->p + 1, *q = s, *e = ps->end;
    int esc = 0;
    char *out;
    size_t o = 0;

    for (;;) {
        unsigned c;
        if (q >= e) {
            fail_at(ps, ps->p, "unterminated string");
            return NULL;
        }
        c = *q;
        if (c == '"')
            break;
        if (c == '\\') {
            esc = 1;
            q += 2;             /* the escape itself is checked while decoding */
            continue;
        }
        if (c < 0x20) {
            fail_at(ps, q, "control character 0x%02x in string (must be escaped)", c);
            return NULL;
        }
        if (c >= 0x80) {
            size_t k = lc__utf8_seq(q, (size_t)(e - q));
            if (!k) {
                fail_at(ps, q, "invalid UTF-8 in string");
                return NULL;
            }
            q += k;
            continue;
        }
        q++;
    }
    if (!esc) {
        out = lc_strndup(ps->a, (const char *)s, (size_t)(q - s));
        if (!out)
            fail_nomem(ps);
        ps->p = q + 1;
        return out;
    }
    /* Decoded text is never longer than the escaped text. */
    out = lc_alloc(ps->a, (size_t)(q - s) + 1);
    if (!out) {
        fail_nomem(ps);
        return NULL;
    }
    e = q;                      /* the closing quote */
    for (q = s; q < e;) {
        unsigned cp, lo;
        if (*q != '\\') {
            out[o++] = (char)*q++;
            continue;
        }
        if (q + 1 >= e) {
            fail_at(ps, q, "unterminated escape");
            return NULL;
        }
        switch (q[1]) {
        case '"':  out[o++] = '"'; q += 2; continue;
        case '\\': out[o++] = '\\'; q += 2; continue;
        case '/':  out[o++] = '/'; q += 2; continue;
        case 'b':  out[o++] = '\b'; q += 2; continue;
        case 'f':  out[o++] = '\f'; q += 2; continue;
        case 'n':  out[o++] = '\n'; q += 2; continue;
        case 'r':  out[o++] = '\r'; q += 2; continue;
        case 't':  out[o++] = '\t'; q += 2; continue;
        case 'u':
            break;
        default:
            fail_at(ps, q, "invalid escape '\\%c'", q[1] >= 0x20 && q[1] < 0x7f ? q[1] : '?');
            return NULL;
        }
        if (e - q < 6 || !hex4(q + 2, &cp)) {
            fail_at(ps, q, "invalid \\u escape (4 hex digits expected)");
            return NULL;
        }
        if (cp == 0) {
            fail_at(ps, q, "\\u0000 is not supported (strings are NUL-terminated)");
            return NULL;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail_at(ps, q, "lone low surrogate \\u%04x", cp);
            return NULL;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (e - q < 12 || q[6] != '\\' || q[7] != 'u' || !hex4(q + 8, &lo)
                || lo < 0xDC00 || lo > 0xDFFF) {
                fail_at(ps, q, "lone high surrogate \\u%04x", cp);
                return NULL;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            q += 12;
        } else {
            q += 6;
        }
        o += put_utf8(out + o, cp);
    }
    out[o] = '\0';
    ps->p = e + 1;
    return out;
}

/* ---- numbers ------------------------------------------------------------------------- */

static void find_radix(parser_t *ps)
{
    char buf[32], *q = buf + 1;
    size_t n = 0;
    snprintf(buf, sizeof buf, "%.1f", 0.5);     /* "0.5", "0,5", ... */
    while (*q && *q != '5' && n < sizeof ps->radix - 1)
        ps->radix[n++] = *q++;
    if (n == 0)
        ps->radix[n++] = '.';
    ps->radix[n] = '\0';
}

static lc_value_t *make_number(parser_t *ps, double d)
{
    lc_value_t *v;
    /* integral and |d| <= 2^53 (no libm: the int64 cast is exact in that range) */
    if (d >= -9007199254740992.0 && d <= 9007199254740992.0 && (double)(int64_t)d == d)
        v = lc_v_int(ps->a, (int64_t)d);
    else
        v = lc_v_num(ps->a, d);
    if (!v)
        fail_nomem(ps);
    return v;
}

static lc_value_t *parse_number(parser_t *ps)
{
    const unsigned char *s = ps->p, *q = s, *e = ps->end, *dot = NULL;
    int simple = 1, ndig = 0;
    char small[128], *buf;
    size_t len, rl, i, o;
    double d;

    if (q < e && *q == '-')
        q++;
    if (q >= e || *q < '0' || *q > '9') {
        fail_at(ps, q, "invalid number");
        return NULL;
    }
    if (*q == '0') {
        q++;
        ndig = 1;
    } else {
        while (q < e && *q >= '0' && *q <= '9') {
            q++;
            ndig++;
        }
    }
    if (q < e && *q == '.') {
        simple = 0;
        dot = q++;
        if (q >= e || *q < '0' || *q > '9') {
            fail_at(ps, q, "invalid number: digit expected after '.'");
            return NULL;
        }
        while (q < e && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < e && (*q == 'e' || *q == 'E')) {
        simple = 0;
        q++;
        if (q < e && (*q == '+' || *q == '-'))
            q++;
        if (q >= e || *q < '0' || *q > '9') {
            fail_at(ps, q, "invalid number: digit expected in exponent");
            return NULL;
        }
        while (q < e && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < e && *q >= '0' && *q <= '9') {
        fail_at(ps, q, "invalid number: leading zero");
        return NULL;
    }
    ps->p = q;
    len = (size_t)(q - s);

    if (simple && ndig <= 15) {
        /* exact in a double and in int64 */
        const unsigned char *r = s;
        int64_t v = 0;
        int neg = *r == '-';
        if (neg)
            r++;
        for (; r < q; r++)
            v = v * 10 + (*r - '0');
        return make_number(ps, neg ? -(double)v : (double)v);
    }

    if (dot && !ps->radix[0])
        find_radix(ps);
    rl = dot ? strlen(ps->radix) : 1;
    buf = len + rl + 1 <= sizeof small ? small : malloc(len + rl + 1);
    if (!buf) {
        fail_nomem(ps);
        return NULL;
    }
    for (i = 0, o = 0; i < len; i++) {
        if (s + i == dot) {
            memcpy(buf + o, ps->radix, rl);
            o += rl;
        } else {
            buf[o++] = (char)s[i];
        }
    }
    buf[o] = '\0';
    d = strtod(buf, NULL);     /* overflow: +-HUGE_VAL == +-Infinity, as in JavaScript */
    if (buf != small)
        free(buf);
    return make_number(ps, d);
}

/* ---- containers ---------------------------------------------------------------------- */

static int push_member(parser_t *ps, const char *key, const lc_value_t *v)
{
    if (ps->mn == ps->mcap) {
        size_t ncap = ps->mcap ? ps->mcap * 2 : 64;
        lc_member_t *nm = realloc(ps->ms, ncap * sizeof *nm);
        if (!nm) {
            fail_nomem(ps);
            return -1;
        }
        ps->ms = nm;
        ps->mcap = ncap;
    }
    ps->ms[ps->mn].key = key;
    ps->ms[ps->mn].val = v;
    ps->mn++;
    return 0;
}

static int push_item(parser_t *ps, const lc_value_t *v)
{
    if (ps->vn == ps->vcap) {
        size_t ncap = ps->vcap ? ps->vcap * 2 : 64;
        const lc_value_t **nv = realloc(ps->vs, ncap * sizeof *nv);
        if (!nv) {
            fail_nomem(ps);
            return -1;
        }
        ps->vs = nv;
        ps->vcap = ncap;
    }
    ps->vs[ps->vn++] = v;
    return 0;
}

typedef struct keypos {
    const char *key;
    size_t pos;
} keypos_t;

static int keypos_cmp(const void *a, const void *b)
{
    const keypos_t *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Duplicate keys: first position, last value (a JavaScript object).  Returns the new
 * member count, or (size_t)-1 when out of memory. */
static size_t dedupe(parser_t *ps, lc_member_t *m, size_t n)
{
    size_t i, j, o;
    int dups = 0;

    if (n <= 32) {
        for (i = 1; i < n; i++) {
            for (j = 0; j < i; j++) {
                if (m[j].key && strcmp(m[j].key, m[i].key) == 0) {
                    m[j].val = m[i].val;
                    m[i].key = NULL;
                    dups = 1;
                    break;
                }
            }
        }
    } else {
        keypos_t *kp = malloc(n * sizeof *kp);
        if (!kp) {
            fail_nomem(ps);
            return (size_t)-1;
        }
        for (i = 0; i < n; i++) {
            kp[i].key = m[i].key;
            kp[i].pos = i;
        }
        qsort(kp, n, sizeof *kp, keypos_cmp);
        for (i = 0; i < n; i = j) {
            for (j = i + 1; j < n && strcmp(kp[j].key, kp[i].key) == 0; j++) {
                m[kp[i].pos].val = m[kp[j].pos].val;
                m[kp[j].pos].key = NULL;
                dups = 1;
            }
        }
        free(kp);
    }
    if (!dups)
        return n;
    for (i = 0, o = 0; i < n; i++)
        if (m[i].key)
            m[o++] = m[i];
    return o;
}

static lc_value_t *parse_object(parser_t *ps, int depth)
{
    size_t base = ps->mn, n;
    lc_value_t *obj;
    char buf[16];

    ps->p++;                    /* '{' */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        obj = lc_v_obj(ps->a);
        if (!obj)
            fail_nomem(ps);
        return obj;
    }
    for (;;) {
        char *key;
        lc_value_t *v;
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != '"') {
            fail_at(ps, ps->p, "expected a string key, got %s", what(ps, ps->p, buf));
            return NULL;
        }
        key = parse_string(ps);
        if (!key)
            return NULL;
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != ':') {
            fail_at(ps, ps->p, "expected ':', got %s", what(ps, ps->p, buf));
            return NULL;
        }
        ps->p++;
        v = parse_value(ps, depth + 1);
        if (!v || push_member(ps, key, v))
            return NULL;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == '}') {
            ps->p++;
            break;
        }
        fail_at(ps, ps->p, "expected ',' or '}', got %s", what(ps, ps->p, buf));
        return NULL;
    }
    n = dedupe(ps, ps->ms + base, ps->mn - base);
    if (n == (size_t)-1)
        return NULL;
    obj = lc_v_obj(ps->a);
    if (obj)
        obj->u.obj.m = lc_alloc(ps->a, n * sizeof *obj->u.obj.m);
    if (!obj || !obj->u.obj.m) {
        fail_nomem(ps);
        return NULL;
    }
    if (n > UINT32_MAX) {
        fail_at(ps, ps->p, "object too large");
        return NULL;
    }
    memcpy(obj->u.obj.m, ps->ms + base, n * sizeof *obj->u.obj.m);
    obj->u.obj.n = obj->u.obj.cap = (uint32_t)n;
    ps->mn = base;
    return obj;
}

static lc_value_t *parse_array(parser_t *ps, int depth)
{
    size_t base = ps->vn, n;
    lc_value_t *arr;
    char buf[16];

    ps->p++;                    /* '[' */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        arr = lc_v_arr(ps->a);
        if (!arr)
            fail_nomem(ps);
        return arr;
    }
    for (;;) {
        lc_value_t *v = parse_value(ps, depth + 1);
        if (!v || push_item(ps, v))
            return NULL;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == ']') {
            ps->p++;
            break;
        }
        fail_at(ps, ps->p, "expected ',' or ']', got %s", what(ps, ps->p, buf));
        return NULL;
    }
    n = ps->vn - base;
    if (n > UINT32_MAX) {
        fail_at(ps, ps->p, "array too large");
        return NULL;
    }
    arr = lc_v_arr(ps->a);
    if (arr)
        arr->u.arr.items = lc_alloc(ps->a, n * sizeof *arr->u.arr.items);
    if (!arr || !arr->u.arr.items) {
        fail_nomem(ps);
        return NULL;
    }
    memcpy(arr->u.arr.items, ps->vs + base, n * sizeof *arr->u.arr.items);
    arr->u.arr.n = arr->u.arr.cap = (uint32_t)n;
    ps->vn = base;
    return arr;
}

static int literal(parser_t *ps, const char *word, size_t n)
{
    if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, word, n) == 0) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static lc_value_t *parse_value(parser_t *ps, int depth)
{
    lc_value_t *v = NULL;
    char buf[16];

    if (depth >= LC_JSON_READ_MAX_DEPTH) {
        fail_at(ps, ps->p, "nesting deeper than %d levels", LC_JSON_READ_MAX_DEPTH);
        return NULL;
    }
    skip_ws(ps);
    if (ps->p >= ps->end) {
        fail_at(ps, ps->p, "unexpected end of input");
        return NULL;
    }
    switch (*ps->p) {
    case '{':
        return parse_object(ps, depth);
    case '[':
        return parse_array(ps, depth);
    case '"': {
        char *s = parse_string(ps);
        if (!s)
            return NULL;
        v = lc_v_str(ps->a, s);
        break;
    }
    case 't':
        if (!literal(ps, "true", 4))
            goto bad;
        v = lc_v_bool(ps->a, true);
        break;
    case 'f':
        if (!literal(ps, "false", 5))
            goto bad;
        v = lc_v_bool(ps->a, false);
        break;
    case 'n':
        if (!literal(ps, "null", 4))
            goto bad;
        v = lc_v_null(ps->a);
        break;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return parse_number(ps);
    default:
        goto bad;
    }
    if (!v)
        fail_nomem(ps);
    return v;
bad:
    fail_at(ps, ps->p, "unexpected %s", what(ps, ps->p, buf));
    return NULL;
}

lc_value_t *lc_json_parse(lc_arena_t *a, const char *text, size_t n, char *errbuf,
                          size_t errlen)
{
    parser_t ps;
    lc_value_t *v;

    memset(&ps, 0, sizeof ps);
    ps.a = a;
    ps.start = ps.p = (const unsigned char *)(text ? text : "");
    ps.end = ps.start + (text ? n : 0);
    ps.errbuf = errbuf;
    ps.errlen = errlen;
    if (errbuf && errlen)
        errbuf[0] = '\0';
    v = parse_value(&ps, 0);
    if (v) {
        skip_ws(&ps);
        if (ps.p < ps.end) {
            char buf[16];
            fail_at(&ps, ps.p, "unexpected %s after the JSON value", what(&ps, ps.p, buf));
            v = NULL;
        }
    }
    free(ps.ms);
    free(ps.vs);
    return ps.failed ? NULL : v;
}

lc_value_t *lc_json_parse_file(lc_arena_t *a, const char *path, char *errbuf,
                               size_t errlen)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL, msg[256];
    size_t len = 0, cap = 0;
    lc_value_t *v;

    if (!fp) {
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        size_t got;
        if (cap - len < 65536) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                if (fp != stdin)
                    fclose(fp);
                if (errbuf && errlen)
                    snprintf(errbuf, errlen, "%s: out of memory", path);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int err = errno;
        free(buf);
        if (fp != stdin)
            fclose(fp);
        if (errbuf && errlen)
            snprintf(errbuf, errlen, "%s: %s", path, strerror(err ? err : EIO));
        return NULL;
    }
    if (fp != stdin)
        fclose(fp);
    v = lc_json_parse(a, buf, len, msg, sizeof msg);
    free(buf);
    if (!v && errbuf && errlen)
        snprintf(errbuf, errlen, "%s:%s", path, msg);
    return v;
}
