/* t/fuzz/writer.c - libFuzzer target: the JSON writer and its string escaper
 * (runtime/writer.c), checked against the reader.
 *
 * The first byte chooses a mode:
 *   even: the rest is one string (up to its first NUL, as C strings end there).
 *         Valid UTF-8 (per an independent checker, fuzz.h) must be written without
 *         error and read back by lc_json_parse as exactly the same bytes; invalid UTF-8
 *         must fail with LC_E_UTF8 (and leave the sink's error set).  lc_utf8_valid must
 *         agree with the independent checker.
 *   odd:  the rest describes a value tree (nulls, booleans, integers, doubles, strings,
 *         arrays, objects, Ref / GetAtt of names), depth at most 12.  Writing it must
 *         succeed exactly when every string is valid UTF-8; what is written must parse,
 *         and writing what was read must give the same bytes, in every layout.
 *         Numbers: lc_num_to_js must give text that strtod reads back as the same double.
 */
#include <math.h>
#include <string.h>

#include <lambdac/arena.h>
#include <lambdac/error.h>
#include <lambdac/json_read.h>
#include <lambdac/value.h>
#include <lambdac/writer.h>

#include "fuzz.h"

static void check_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1), err[256];
    size_t n;
    lc_sink_t sink = { 0 };
    int rc, valid;
    FZ_CHECK(s != NULL, "malloc");
    memcpy(s, data, size);
    s[size] = '\0';
    n = strlen(s);
    valid = fz_utf8_ok((const unsigned char *)s, n);
    FZ_CHECK(lc_utf8_valid(s, n) == valid, "lc_utf8_valid says %d, the reference %d",
             lc_utf8_valid(s, n), valid);
    rc = lc_write_json_string(&sink, s);
    if (valid) {
        lc_arena_t *a = lc_arena_new();
        lc_value_t *v;
        size_t i;
        FZ_CHECK(rc == 0 && sink.err == 0, "valid UTF-8 not written: %s", lc_strerror(rc));
        FZ_CHECK(sink.len >= 2 && sink.buf[0] == '"' && sink.buf[sink.len - 1] == '"',
                 "not a string literal");
        for (i = 0; i < sink.len; i++)
            FZ_CHECK((unsigned char)sink.buf[i] >= 0x20, "raw control byte 0x%02x in the output",
                     (unsigned char)sink.buf[i]);
        v = lc_json_parse(a, sink.buf, sink.len, err, sizeof err);
        FZ_CHECK(v != NULL, "written string does not parse: %s", err);
        FZ_CHECK(v->kind == LC_V_STR && strlen(v->u.s) == n && memcmp(v->u.s, s, n) == 0,
                 "string does not round-trip");
        lc_arena_free(a);
    } else {
        FZ_CHECK(rc == LC_E_UTF8 && sink.err == LC_E_UTF8, "invalid UTF-8 not refused (rc %d)", rc);
    }
    lc_sink_fini(&sink);
    free(s);
}

/* ---- value trees ---------------------------------------------------------------------- */

typedef struct gen {
    fz_in_t in;
    lc_arena_t *a;
    int nodes;
} gen_t;

static char *gen_str(gen_t *g)
{
    size_t n = fz_byte(&g->in) % 40, i;
    char *s = lc_alloc(g->a, n + 1);
    FZ_CHECK(s != NULL, "alloc");
    for (i = 0; i < n; i++) {
        unsigned c = fz_byte(&g->in);
        s[i] = (char)(c ? c : 'z');           /* C strings: no NUL inside */
    }
    s[n] = '\0';
    return s;
}

static void check_number(double d)
{
    char buf[32], *end;
    size_t n = lc_num_to_js(d, buf);
    FZ_CHECK(n == strlen(buf) && n > 0 && n <= 25, "lc_num_to_js: bad length %zu", n);
    if (isnan(d)) {
        FZ_CHECK(strcmp(buf, "NaN") == 0, "NaN written as %s", buf);
    } else if (isinf(d)) {
        FZ_CHECK(strcmp(buf, d > 0 ? "Infinity" : "-Infinity") == 0, "infinity as %s", buf);
    } else {
        double back = strtod(buf, &end);
        FZ_CHECK(*end == '\0', "lc_num_to_js(%.17g) = \"%s\": not a number", d, buf);
        FZ_CHECK(back == d, "lc_num_to_js(%.17g) = \"%s\" reads back as %.17g", d, buf, back);
        FZ_CHECK(!strchr(buf, ','), "locale decimal point in \"%s\"", buf);
    }
}

static lc_value_t *gen_value(gen_t *g, int depth)
{
    unsigned op = fz_byte(&g->in);
    lc_value_t *v = NULL;
    unsigned i, n;
    g->nodes++;
    if (depth >= 12 || g->nodes > 400)
        op %= 6;                            /* leaves only */
    switch (op % 9) {
    case 0:
        v = lc_v_null(g->a);
        break;
    case 1:
        v = lc_v_bool(g->a, op & 16);
        break;
    case 2: {
        /* |i| <= 2^53: beyond that the writer prints the exact integer (its contract),
         * which JSON.parse rounds to a double, so it cannot round-trip */
        int64_t i53 = (int64_t)(fz_u64(&g->in, 7) & 0x1FFFFFFFFFFFFFull);
        v = lc_v_int(g->a, (op & 64) ? -i53 : i53);
        break;
    }
    case 3: {
        uint64_t bits = fz_u64(&g->in, 8);
        double d;
        memcpy(&d, &bits, sizeof d);
        check_number(d);
        v = lc_v_num(g->a, d);
        break;
    }
    case 4:
        v = lc_v_str(g->a, gen_str(g));
        break;
    case 5:
        if (op & 32)
            v = lc_v_getatt(g->a, gen_str(g), LC_TARGET_NAME, gen_str(g));
        else
            v = lc_v_refname(g->a, gen_str(g));
        break;
    case 6:
    case 7:
        v = lc_v_arr(g->a);
        n = fz_byte(&g->in) % 6;
        for (i = 0; i < n && fz_left(&g->in); i++)
            FZ_CHECK(lc_arr_push(g->a, v, gen_value(g, depth + 1)) == 0, "push");
        break;
    default:
        v = lc_v_obj(g->a);
        n = fz_byte(&g->in) % 6;
        for (i = 0; i < n && fz_left(&g->in); i++) {
            const char *k = gen_str(g);
            FZ_CHECK(lc_obj_set(g->a, v, k, gen_value(g, depth + 1)) == 0, "set");
        }
        break;
    }
    FZ_CHECK(v != NULL, "alloc");
    return v;
}

static int bad_str(const char *s)
{
    return s && !fz_utf8_ok((const unsigned char *)s, strlen(s));
}

/* 1 when a string of the final tree (lc_obj_set may have replaced some) is not UTF-8 */
static int tree_bad(const lc_value_t *v)
{
    uint32_t i;
    switch (v->kind) {
    case LC_V_STR:
        return bad_str(v->u.s);
    case LC_V_REF:
        return bad_str(v->u.ref.target);
    case LC_V_GETATT:
        return bad_str(v->u.ref.target) || bad_str(v->u.ref.attr);
    case LC_V_ARR:
        for (i = 0; i < v->u.arr.n; i++)
            if (tree_bad(v->u.arr.items[i]))
                return 1;
        return 0;
    case LC_V_OBJ:
        for (i = 0; i < v->u.obj.n; i++)
            if (bad_str(v->u.obj.m[i].key) || tree_bad(v->u.obj.m[i].val))
                return 1;
        return 0;
    default:
        return 0;
    }
}

static void check_tree(const uint8_t *data, size_t size)
{
    static const lc_json_layout_t layouts[] = { LC_JSON_CDK, LC_JSON_COMPACT, LC_JSON_INDENT2 };
    gen_t g;
    lc_value_t *v;
    size_t k;
    char err[256];
    int bad;

    memset(&g, 0, sizeof g);
    g.in.p = data;
    g.in.end = data + size;
    g.a = lc_arena_new();
    FZ_CHECK(g.a != NULL, "arena");
    v = gen_value(&g, 0);
    bad = tree_bad(v);
    for (k = 0; k < sizeof layouts / sizeof layouts[0]; k++) {
        lc_sink_t s1 = { 0 }, s2 = { 0 };
        lc_value_t *w;
        int rc = lc_write_json(&s1, v, layouts[k], NULL);
        if (bad) {
            FZ_CHECK(rc == LC_E_UTF8, "a tree with invalid UTF-8 written (rc %d)", rc);
            lc_sink_fini(&s1);
            continue;
        }
        FZ_CHECK(rc == 0, "layout %d: a valid tree not written: %s", (int)layouts[k],
                 lc_strerror(rc));
        w = lc_json_parse(g.a, s1.buf, s1.len, err, sizeof err);
        FZ_CHECK(w != NULL, "layout %d: output does not parse: %s", (int)layouts[k], err);
        FZ_CHECK(lc_write_json(&s2, w, layouts[k], NULL) == 0, "layout %d: cannot rewrite",
                 (int)layouts[k]);
        fz_same("write(read(write(v))) against write(v)", s2.buf, s2.len, s1.buf, s1.len);
        lc_sink_fini(&s1);
        lc_sink_fini(&s2);
    }
    lc_arena_free(g.a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if ((data[0] & 1) == 0)
        check_string(data + 1, size - 1);
    else
        check_tree(data + 1, size - 1);
    return 0;
}
