/* t/fuzz/json-read.c - libFuzzer target: the strict JSON reader (runtime/json_read.c)
 * and, for what it accepts, the writer.
 *
 * Invariants, for any bytes:
 *   - lc_json_parse either returns a value or fails with "LINE:COL: message" (1-based
 *     line and column inside the input) - never a crash, never an empty message;
 *   - what parses is written (each layout) without error, and the written text parses
 *     again and is written to the same bytes (JSON.stringify(JSON.parse(t)) is a fixed
 *     point);
 *   - re-reading the CDK layout gives a value equal to the first (lc_v_equal), unless
 *     the input had numbers that overflow to Infinity (written as null, as JavaScript)
 *     or array-index keys (written first, as JavaScript).
 */
#include <math.h>
#include <string.h>

#include <lambdac/arena.h>
#include <lambdac/error.h>
#include <lambdac/json_read.h>
#include <lambdac/value.h>
#include <lambdac/writer.h>

#include "fuzz.h"

/* Values whose written form reads back differently: numbers beyond the double range
 * (Infinity, written as null) and objects with array-index keys ("7"), which the writer
 * puts first, as a JavaScript object does. */
static int reorders(const char *k)
{
    size_t i;
    if (k[0] < '0' || k[0] > '9' || (k[0] == '0' && k[1]))
        return 0;
    for (i = 0; k[i]; i++)
        if (k[i] < '0' || k[i] > '9' || i >= 10)
            return 0;
    return 1;
}

static int has_nonfinite(const lc_value_t *v)
{
    uint32_t i;
    if (!v)
        return 0;
    switch (v->kind) {
    case LC_V_NUM:
        return !isfinite(v->u.n);
    case LC_V_ARR:
        for (i = 0; i < v->u.arr.n; i++)
            if (has_nonfinite(v->u.arr.items[i]))
                return 1;
        return 0;
    case LC_V_OBJ:
        for (i = 0; i < v->u.obj.n; i++)
            if (reorders(v->u.obj.m[i].key) || has_nonfinite(v->u.obj.m[i].val))
                return 1;
        return 0;
    default:
        return 0;
    }
}

/* "L:C: ..." with 1 <= L <= lines of the input + 1, C >= 1 */
static void check_message(const char *err, const uint8_t *data, size_t size)
{
    unsigned long line = 0, col = 0;
    size_t i, lines = 1;
    char *end;
    if (strcmp(err, "out of memory") == 0)
        return;
    line = strtoul(err, &end, 10);
    FZ_CHECK(end != err && *end == ':', "message without a line: \"%s\"", err);
    col = strtoul(end + 1, &end, 10);
    FZ_CHECK(*end == ':' && end[1] == ' ' && end[2], "message without a column: \"%s\"", err);
    for (i = 0; i < size; i++)
        lines += data[i] == '\n';
    FZ_CHECK(line >= 1 && line <= lines && col >= 1 && col <= size + 1,
             "position out of the input: \"%s\" (%zu lines, %zu bytes)", err, lines, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const lc_json_layout_t layouts[] = { LC_JSON_CDK, LC_JSON_COMPACT, LC_JSON_INDENT2 };
    lc_arena_t *a = lc_arena_new();
    char err[256];
    lc_value_t *v;
    size_t k;

    FZ_CHECK(a != NULL, "no arena");
    v = lc_json_parse(a, (const char *)data, size, err, sizeof err);
    if (!v) {
        FZ_CHECK(err[0] != '\0', "rejected without a message");
        check_message(err, data, size);
        lc_arena_free(a);
        return 0;
    }
    for (k = 0; k < sizeof layouts / sizeof layouts[0]; k++) {
        lc_sink_t s1 = { 0 }, s2 = { 0 };
        lc_value_t *w;
        int rc = lc_write_json(&s1, v, layouts[k], NULL);
        FZ_CHECK(rc == 0, "layout %d: cannot write what was read: %s", (int)layouts[k],
                 lc_strerror(rc));
        w = lc_json_parse(a, s1.buf ? s1.buf : "", s1.len, err, sizeof err);
        FZ_CHECK(w != NULL, "layout %d: the writer's output does not parse: %s", (int)layouts[k],
                 err);
        rc = lc_write_json(&s2, w, layouts[k], NULL);
        FZ_CHECK(rc == 0, "layout %d: cannot rewrite", (int)layouts[k]);
        fz_same("write(read(write(v))) against write(v)", s2.buf, s2.len, s1.buf, s1.len);
        if (layouts[k] == LC_JSON_CDK && !has_nonfinite(v))
            FZ_CHECK(lc_v_equal(v, w), "read(write(v)) != v");
        lc_sink_fini(&s1);
        lc_sink_fini(&s2);
    }
    lc_arena_free(a);
    return 0;
}
