/* runtime/writer.c - the one JSON writer (JSON.stringify, byte for byte).
 *
 * Why it looks the way it does:
 *  - It is the hot path of synthesis (every template byte goes through it), so output
 *    goes into one contiguous buffer with an inline memcpy fast path (put()); a file sink
 *    gets a stack staging buffer for the duration of one lc_write_json() call and is
 *    flushed with fwrite in big blocks.
 *  - Strings are scanned 8 bytes at a time (SWAR) for the bytes that need attention
 *    (controls, '"', '\\', non-ASCII); runs of safe bytes are copied at once.  Non-ASCII
 *    is validated as UTF-8 and copied verbatim, as JSON.stringify does.
 *  - Numbers: JavaScript prints the shortest decimal that reads back as the same double.
 *    We find it with printf("%.*e") at increasing precision and strtod.  Both use the
 *    thread's LC_NUMERIC locale, which is fine: only the digits and the exponent are
 *    taken from printf's output, the JavaScript form is assembled here, so a ',' decimal
 *    point never reaches the output.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/error.h>
#include <lambdac/writer.h>

#include "utf8.h"

/* ---- sinks --------------------------------------------------------------------------- */

void lc_sink_init_file(lc_sink_t *s, FILE *fp)
{
    memset(s, 0, sizeof *s);
    s->fp = fp;
}

void lc_sink_fini(lc_sink_t *s)
{
    if (!s->fp)
        free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
}

static void set_err(lc_sink_t *s, int err)
{
    if (!s->err)
        s->err = err;
}

static void flush_file(lc_sink_t *s)
{
    if (s->len) {
        if (!s->err && fwrite(s->buf, 1, s->len, s->fp) != s->len)
            set_err(s, LC_E_IO);
        s->len = 0;
    }
}

/* Memory sink: make room for `need` more bytes (capacity doubles). */
static int grow_mem(lc_sink_t *s, size_t need)
{
    size_t ncap = s->cap ? s->cap : 256;
    char *nb;
    if (need > SIZE_MAX / 2 - s->len) {
        set_err(s, LC_E_NOMEM);
        return -1;
    }
    while (ncap - s->len < need)
        ncap *= 2;
    nb = realloc(s->buf, ncap);
    if (!nb) {
        set_err(s, LC_E_NOMEM);
        return -1;
    }
    s->buf = nb;
    s->cap = ncap;
    return 0;
}

static void put_slow(lc_sink_t *s, const char *p, size_t n)
{
    if (s->err)
        return;
    if (s->fp) {
        flush_file(s);
        if (n >= s->cap) {
            if (n && fwrite(p, 1, n, s->fp) != n)
                set_err(s, LC_E_IO);
            return;
        }
    } else if (grow_mem(s, n)) {
        return;
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
}

static inline void put(lc_sink_t *s, const char *p, size_t n)
{
    if (n <= s->cap - s->len) {
        memcpy(s->buf + s->len, p, n);
        s->len += n;
    } else {
        put_slow(s, p, n);
    }
}

static inline void put1(lc_sink_t *s, char c)
{
    if (s->len < s->cap)
        s->buf[s->len++] = c;
    else
        put_slow(s, &c, 1);
}

#define PUTLIT(s, lit) put((s), (lit), sizeof(lit) - 1)

void lc_sink_put(lc_sink_t *s, const char *p, size_t n)
{
    put(s, p, n);
}

void lc_sink_puts(lc_sink_t *s, const char *str)
{
    put(s, str, strlen(str));
}

void lc_sink_printf(lc_sink_t *s, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    int len;

    va_start(ap, fmt);
    len = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (len < 0) {
        set_err(s, LC_E_INVAL);
        return;
    }
    if ((size_t)len < sizeof small) {
        put(s, small, (size_t)len);
    } else {
        char *big = malloc((size_t)len + 1);
        if (!big) {
            set_err(s, LC_E_NOMEM);
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)len + 1, fmt, ap);
        va_end(ap);
        put(s, big, (size_t)len);
        free(big);
    }
}

const char *lc_sink_cstr(lc_sink_t *s)
{
    if (s->fp)
        return NULL;
    if (s->len == s->cap && grow_mem(s, 1))
        return NULL;
    s->buf[s->len] = '\0';
    return s->buf;
}

/* A file sink gets a staging buffer for one top-level call; everything is handed to
 * fp before the call returns. */
typedef struct stage {
    char *saved;
    int active;
} stage_t;

#define STAGE_SIZE 16384

static void stage_begin(lc_sink_t *s, stage_t *st, char *mem)
{
    st->active = s->fp != NULL && s->cap == 0;
    if (st->active) {
        st->saved = s->buf;
        s->buf = mem;
        s->cap = STAGE_SIZE;
        s->len = 0;
    }
}

static void stage_end(lc_sink_t *s, stage_t *st)
{
    if (st->active) {
        flush_file(s);
        s->buf = st->saved;
        s->cap = 0;
        s->len = 0;
    }
}

/* ---- UTF-8 --------------------------------------------------------------------------- */

int lc_utf8_valid(const char *str, size_t n)
{
    const unsigned char *p = (const unsigned char *)str, *e = p + n;
    while (p < e) {
        if (*p < 0x80) {
            p++;
        } else {
            size_t k = lc__utf8_seq(p, (size_t)(e - p));
            if (!k)
                return 0;
            p += k;
        }
    }
    return 1;
}

/* ---- strings ------------------------------------------------------------------------- */

/* 1 for the bytes that end a run: controls, '"', '\\' and every byte >= 0x80. */
static const unsigned char special[256] = {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
};

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Non-zero when one of the 8 bytes of x is special (see the table). */
static inline uint64_t word_special(uint64_t x)
{
    uint64_t q = x ^ (ONES * '"'), b = x ^ (ONES * '\\');
    return ((x - ONES * 0x20) & ~x)           /* a byte < 0x20 (exact as a boolean) */
         | ((q - ONES) & ~q)                  /* a '"' */
         | ((b - ONES) & ~b)                  /* a '\\' */
         | x;                                 /* a byte >= 0x80 */
}

static int write_string(lc_sink_t *s, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)str, *e = p + n, *run = p;

    put1(s, '"');
    for (;;) {
        while ((size_t)(e - p) >= 8) {
            uint64_t x;
            memcpy(&x, p, 8);
            if (word_special(x) & HIGHS)
                break;
            p += 8;
        }
        while (p < e && !special[*p])
            p++;
        if (p == e)
            break;
        if (*p >= 0x80) {
            size_t k = lc__utf8_seq(p, (size_t)(e - p));
            if (!k) {
                put(s, (const char *)run, (size_t)(p - run));
                set_err(s, LC_E_UTF8);
                return LC_E_UTF8;
            }
            p += k;                     /* valid: stays in the verbatim run */
            continue;
        }
        put(s, (const char *)run, (size_t)(p - run));
        switch (*p) {
        case '"':  PUTLIT(s, "\\\""); break;
        case '\\': PUTLIT(s, "\\\\"); break;
        case '\b': PUTLIT(s, "\\b"); break;
        case '\f': PUTLIT(s, "\\f"); break;
        case '\n': PUTLIT(s, "\\n"); break;
        case '\r': PUTLIT(s, "\\r"); break;
        case '\t': PUTLIT(s, "\\t"); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
            put(s, u, 6);
        }
        }
        p++;
        run = p;
    }
    put(s, (const char *)run, (size_t)(p - run));
    put1(s, '"');
    return 0;
}

int lc_write_json_string(lc_sink_t *s, const char *str)
{
    char mem[STAGE_SIZE];
    stage_t st;
    int rc;

    if (s->err)
        return s->err;
    stage_begin(s, &st, mem);
    rc = write_string(s, str, strlen(str));
    stage_end(s, &st);
    return rc ? rc : s->err;
}

/* ---- numbers ------------------------------------------------------------------------- */

static size_t fmt_int(int64_t i, char *out)
{
    char tmp[24];
    size_t n = 0, len = 0;
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0)
        out[len++] = '-';
    while (n)
        out[len++] = tmp[--n];
    out[len] = '\0';
    return len;
}

/* Pick the digits and decimal exponent out of printf's "%.*e" output
 * "d[<radix>ddd]e<sign>dd" (the radix is whatever the locale says, possibly several
 * bytes).  digits gets nd ASCII digits; the value is 0.d1d2... * 10^(exp10 + 1). */
static void parse_e(const char *buf, char *digits, int *nd, int *exp10)
{
    const char *q = buf;
    int n = 0, ex = 0, neg = 0;
    while (*q && *q != 'e') {
        if (*q >= '0' && *q <= '9')
            digits[n++] = *q;
        q++;
    }
    if (*q == 'e') {
        q++;
        if (*q == '-' || *q == '+')
            neg = *q++ == '-';
        while (*q >= '0' && *q <= '9')
            ex = ex * 10 + (*q++ - '0');
    }
    *nd = n;
    *exp10 = neg ? -ex : ex;
}

/* The next decimal with the same number of digits, up (carry may bump the exponent),
 * rebuilt with the same radix text as printf's output so strtod reads it back. */
static void next_up(const char *buf, char *cand, size_t candsz)
{
    char digits[24], radix[16];
    int nd, ex, i, rl = 0;
    const char *q = buf + 1;

    while (*q && !(*q >= '0' && *q <= '9') && *q != 'e' && rl < (int)sizeof radix - 1)
        radix[rl++] = *q++;
    radix[rl] = '\0';
    parse_e(buf, digits, &nd, &ex);
    for (i = nd - 1; i >= 0; i--) {
        if (digits[i] != '9') {
            digits[i]++;
            break;
        }
        digits[i] = '0';
    }
    if (i < 0) {            /* 9.99e5 -> 1.00e6 */
        digits[0] = '1';
        ex++;
    }
    digits[nd] = '\0';
    snprintf(cand, candsz, "%c%s%se%d", digits[0], nd > 1 ? radix : "", digits + 1, ex);
}

size_t lc_num_to_js(double x, char out[32])
{
    char buf[48], digits[24];
    int p, nd = 0, ex = 0, n, k, i, len = 0, expo;
    double ax;
    int pow2;

    if (isnan(x)) {
        memcpy(out, "NaN", 4);
        return 3;
    }
    if (isinf(x)) {
        if (x > 0) {
            memcpy(out, "Infinity", 9);
            return 8;
        }
        memcpy(out, "-Infinity", 10);
        return 9;
    }
    if (x == 0) {           /* also -0 */
        memcpy(out, "0", 2);
        return 1;
    }
    ax = x < 0 ? -x : x;
    if (ax < 9007199254740992.0 && (double)(int64_t)ax == ax) {
        /* An integer below 2^53: its exact decimal is the shortest (ulp <= 1). */
        return fmt_int((int64_t)x, out);
    }
    {
        /* a normal power of two: all 52 mantissa bits clear (no libm needed) */
        uint64_t bits;
        memcpy(&bits, &ax, sizeof bits);
        pow2 = (bits & 0x000FFFFFFFFFFFFFull) == 0 && (bits >> 52) != 0;
    }
    for (p = 0; p < 17; p++) {
        double y;
        snprintf(buf, sizeof buf, "%.*e", p, ax);
        y = strtod(buf, NULL);
        if (y == ax || p == 16)
            break;
        /* At a power of two the gap below x is half the gap above, so the correctly
         * rounded p-digit decimal may fall just outside below while its upper neighbour
         * still reads back as x: JavaScript (shortest first) takes the neighbour. */
        if (pow2 && y < ax) {
            char cand[48];
            next_up(buf, cand, sizeof cand);
            if (strtod(cand, NULL) == ax) {
                memcpy(buf, cand, sizeof buf);
                break;
            }
        }
    }
    parse_e(buf, digits, &nd, &ex);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    k = nd;
    n = ex + 1;
    if (x < 0)
        out[len++] = '-';
    if (k <= n && n <= 21) {
        memcpy(out + len, digits, (size_t)k);
        len += k;
        for (i = k; i < n; i++)
            out[len++] = '0';
    } else if (0 < n && n <= 21) {
        memcpy(out + len, digits, (size_t)n);
        len += n;
        out[len++] = '.';
        memcpy(out + len, digits + n, (size_t)(k - n));
        len += k - n;
    } else if (-6 < n && n <= 0) {
        out[len++] = '0';
        out[len++] = '.';
        for (i = 0; i < -n; i++)
            out[len++] = '0';
        memcpy(out + len, digits, (size_t)k);
        len += k;
    } else {
        out[len++] = digits[0];
        if (k > 1) {
            out[len++] = '.';
            memcpy(out + len, digits + 1, (size_t)(k - 1));
            len += k - 1;
        }
        out[len++] = 'e';
        expo = n - 1;
        out[len++] = expo < 0 ? '-' : '+';
        len += (int)fmt_int(expo < 0 ? -expo : expo, out + len);
    }
    out[len] = '\0';
    return (size_t)len;
}

/* ---- values -------------------------------------------------------------------------- */

typedef struct wctx {
    lc_sink_t *s;
    const lc_resolver_t *r;
    int unit;                /* spaces per level: 0 (compact), 1 (CDK), 2 */
} wctx_t;

/* "\n" followed by spaces, for indentation. */
static const char nl_spaces[] =
    "\n                                                                "
    "                                                                "
    "                                                                "
    "                                                                ";

static inline void newline(const wctx_t *w, int depth)
{
    size_t n;
    if (!w->unit)
        return;
    n = (size_t)depth * (size_t)w->unit;
    if (n < sizeof nl_spaces - 1) {
        put(w->s, nl_spaces, n + 1);
        return;
    }
    put(w->s, nl_spaces, sizeof nl_spaces - 1);
    n -= sizeof nl_spaces - 2;
    while (n) {
        size_t k = n < sizeof nl_spaces - 2 ? n : sizeof nl_spaces - 2;
        put(w->s, nl_spaces + 1, k);
        n -= k;
    }
}

static inline void write_key(const wctx_t *w, const char *key, int *rc)
{
    int r = write_string(w->s, key, strlen(key));
    if (r && !*rc)
        *rc = r;
    if (w->unit)
        PUTLIT(w->s, ": ");
    else
        put1(w->s, ':');
}

static int write_value(const wctx_t *w, const lc_value_t *v, int depth);

/* {"Ref": id} or {"Fn::GetAtt": [id, attr]} */
static int write_ref(const wctx_t *w, const lc_value_t *v, int depth)
{
    const char *id;
    int rc = 0;

    if (v->u.ref.ns == LC_TARGET_NAME)
        id = v->u.ref.target;
    else if (w->r && w->r->logical_id)
        id = w->r->logical_id(w->r->ctx, v->u.ref.target, v->u.ref.ns);
    else
        id = NULL;
    if (!id)
        return LC_E_UNRESOLVED;
    if (v->kind == LC_V_GETATT && !v->u.ref.attr)
        return LC_E_INVAL;
    put1(w->s, '{');
    newline(w, depth + 1);
    if (v->kind == LC_V_REF) {
        write_key(w, "Ref", &rc);
        if (!rc)
            rc = write_string(w->s, id, strlen(id));
    } else {
        write_key(w, "Fn::GetAtt", &rc);
        put1(w->s, '[');
        newline(w, depth + 2);
        if (!rc)
            rc = write_string(w->s, id, strlen(id));
        put1(w->s, ',');
        newline(w, depth + 2);
        if (!rc)
            rc = write_string(w->s, v->u.ref.attr, strlen(v->u.ref.attr));
        newline(w, depth + 1);
        put1(w->s, ']');
    }
    newline(w, depth);
    put1(w->s, '}');
    return rc;
}

/* JavaScript array index: "0" or [1-9][0-9]* below 2^32 - 1.  Sets *val. */
static int array_index(const char *k, uint64_t *val)
{
    uint64_t v = 0;
    size_t i;
    if (k[0] < '0' || k[0] > '9' || (k[0] == '0' && k[1]))
        return 0;
    for (i = 0; k[i]; i++) {
        if (k[i] < '0' || k[i] > '9' || i >= 10)
            return 0;
        v = v * 10 + (uint64_t)(k[i] - '0');
    }
    if (v >= 4294967295u)
        return 0;
    *val = v;
    return 1;
}

typedef struct idx_member {
    uint64_t key;
    uint32_t pos;
} idx_member_t;

static int idx_cmp(const void *a, const void *b)
{
    const idx_member_t *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Member order for an object that has array-index keys: indices ascending, then the
 * rest in order.  Returns a malloc'd permutation, or NULL when out of memory. */
static uint32_t *js_key_order(const lc_value_t *v)
{
    uint32_t n = v->u.obj.n, i, ni = 0, j = 0;
    uint32_t *order = malloc((size_t)n * sizeof *order);
    idx_member_t *idx = malloc((size_t)n * sizeof *idx);
    if (!order || !idx) {
        free(order);
        free(idx);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        uint64_t k;
        if (array_index(v->u.obj.m[i].key, &k)) {
            idx[ni].key = k;
            idx[ni].pos = i;
            ni++;
        }
    }
    qsort(idx, ni, sizeof *idx, idx_cmp);
    for (i = 0; i < ni; i++)
        order[j++] = idx[i].pos;
    for (i = 0; i < n; i++) {
        uint64_t k;
        if (!array_index(v->u.obj.m[i].key, &k))
            order[j++] = i;
    }
    free(idx);
    return order;
}

static int write_object(const wctx_t *w, const lc_value_t *v, int depth)
{
    uint32_t n = v->u.obj.n, i, written = 0;
    uint32_t *order = NULL;
    int rc = 0;

    for (i = 0; i < n; i++) {
        const char *k = v->u.obj.m[i].key;
        uint64_t dummy;
        if (k[0] >= '0' && k[0] <= '9' && array_index(k, &dummy)) {
            order = js_key_order(v);
            if (!order)
                return LC_E_NOMEM;
            break;
        }
    }
    for (i = 0; i < n && !rc; i++) {
        const lc_member_t *m = &v->u.obj.m[order ? order[i] : i];
        if (!m->val)
            continue;   /* undefined: left out, as JSON.stringify does */
        put1(w->s, written ? ',' : '{');
        newline(w, depth + 1);
        write_key(w, m->key, &rc);
        if (!rc)
            rc = write_value(w, m->val, depth + 1);
        written++;
        if (w->s->err)
            break;
    }
    free(order);
    if (rc)
        return rc;
    if (!written) {
        PUTLIT(w->s, "{}");
    } else {
        newline(w, depth);
        put1(w->s, '}');
    }
    return 0;
}

static int write_value(const wctx_t *w, const lc_value_t *v, int depth)
{
    char num[32];
    uint32_t i;
    int rc;

    if (depth >= LC_JSON_MAX_DEPTH)
        return LC_E_RANGE;
    if (!v) {
        PUTLIT(w->s, "null");
        return 0;
    }
    switch (v->kind) {
    case LC_V_NULL:
        PUTLIT(w->s, "null");
        return 0;
    case LC_V_BOOL:
        if (v->u.b)
            PUTLIT(w->s, "true");
        else
            PUTLIT(w->s, "false");
        return 0;
    case LC_V_INT:
        put(w->s, num, fmt_int(v->u.i, num));
        return 0;
    case LC_V_NUM:
        if (!isfinite(v->u.n))
            PUTLIT(w->s, "null");
        else
            put(w->s, num, lc_num_to_js(v->u.n, num));
        return 0;
    case LC_V_STR:
        if (!v->u.s)
            return LC_E_INVAL;
        return write_string(w->s, v->u.s, strlen(v->u.s));
    case LC_V_ARR:
        if (!v->u.arr.n) {
            PUTLIT(w->s, "[]");
            return 0;
        }
        for (i = 0; i < v->u.arr.n; i++) {
            put1(w->s, i ? ',' : '[');
            newline(w, depth + 1);
            rc = write_value(w, v->u.arr.items[i], depth + 1);
            if (rc)
                return rc;
            if (w->s->err)
                return w->s->err;
        }
        newline(w, depth);
        put1(w->s, ']');
        return 0;
    case LC_V_OBJ:
        return write_object(w, v, depth);
    case LC_V_REF:
    case LC_V_GETATT:
        return write_ref(w, v, depth);
    }
    return LC_E_INVAL;
}

int lc_write_json(lc_sink_t *s, const lc_value_t *v, lc_json_layout_t layout,
                  const lc_resolver_t *r)
{
    char mem[STAGE_SIZE];
    stage_t st;
    wctx_t w;
    int rc;

    if (s->err)
        return s->err;
    w.s = s;
    w.r = r;
    w.unit = layout == LC_JSON_CDK ? 1 : layout == LC_JSON_INDENT2 ? 2 : 0;
    stage_begin(s, &st, mem);
    rc = write_value(&w, v, 0);
    stage_end(s, &st);
    if (rc)
        set_err(s, rc);
    return s->err;
}
