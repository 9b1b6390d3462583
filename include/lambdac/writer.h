/* lambdac/writer.h - the one JSON writer.
 *
 * Output goes through a sink: a growable memory buffer or a FILE *.  Layouts:
 *   LC_JSON_CDK      - what aws-cdk-lib writes for templates:
 *                      JSON.stringify(v, undefined, 1): one-space indent, "key": value,
 *                      empty arrays/objects as [] / {}, no trailing newline;
 *   LC_JSON_COMPACT  - JSON.stringify(v): no whitespace at all (hash inputs);
 *   LC_JSON_INDENT2  - JSON.stringify(v, undefined, 2) (assets.json, manifest.json).
 * Strings are escaped exactly as JSON.stringify does: \" \\ \b \f \n \r \t, other
 * control characters as \u00xx (lower-case hex), everything else (including non-ASCII
 * UTF-8 and '/') verbatim.  Invalid UTF-8 is an error (LC_E_UTF8), never repaired.
 * Numbers: LC_V_INT as decimal; LC_V_NUM as the shortest text that reads back as the
 * same double, in JavaScript's Number-to-String form (1e21 and up in exponent form,
 * -0 as 0, NaN/Infinity as null).
 * References (LC_V_REF / LC_V_GETATT) are turned into logical ids by the resolver.
 * Like a JavaScript object, an object writes its array-index keys ("0", "42": canonical
 * decimal integers below 2^32-1) first, in ascending numeric order, then the other keys
 * in member order.  A NULL member value is JavaScript's `undefined`: the member is left
 * out; a NULL array item is written as null.
 * Nesting deeper than LC_JSON_MAX_DEPTH fails with LC_E_RANGE (this also stops cycles).
 * The output does not depend on the C locale (LC_NUMERIC): the writer never uses the
 * locale's decimal point.
 */
#ifndef LAMBDAC_WRITER_H
#define LAMBDAC_WRITER_H

#include <stdio.h>
#include <stddef.h>
#include <lambdac/value.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lc_sink {
    /* memory sink: buf/len/cap (buf owned by the sink, free with lc_sink_fini) */
    char *buf;
    size_t len, cap;
    /* file sink: when fp is non-NULL, bytes go there and buf is unused */
    FILE *fp;
    int err;          /* first error (LC_E_*), sticky */
} lc_sink_t;

#define LC_JSON_MAX_DEPTH 1000

/* A memory sink starts zeroed: lc_sink_t s = {0}.  A file sink writes through fp (not
 * closed by the sink); lc_write_json() buffers internally and has handed every byte to
 * fp (fwrite) when it returns, so callers may mix sink calls and their own stdio calls
 * on fp between calls.  A write error sets err = LC_E_IO; a memory sink that cannot
 * grow sets LC_E_NOMEM; after the first error further output is dropped. */
void lc_sink_init_file(lc_sink_t *s, FILE *fp);
void lc_sink_fini(lc_sink_t *s);               /* frees a memory sink's buffer */
void lc_sink_put(lc_sink_t *s, const char *p, size_t n);
void lc_sink_puts(lc_sink_t *s, const char *str);
void lc_sink_printf(lc_sink_t *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* NUL-terminates a memory sink's buffer (not counted in len) and returns it ("" for a
 * fresh sink); NULL for a file sink or when out of memory. */
const char *lc_sink_cstr(lc_sink_t *s);

/* Resolves a Ref/GetAtt target to the logical id written in the output.  Returns NULL
 * when the target is unknown (the writer then fails with LC_E_UNRESOLVED).  A NULL
 * resolver only accepts LC_TARGET_NAME targets. */
typedef struct lc_resolver {
    const char *(*logical_id)(void *ctx, const void *target, int ns);
    void *ctx;
} lc_resolver_t;

typedef enum lc_json_layout {
    LC_JSON_CDK = 1,
    LC_JSON_COMPACT = 0,
    LC_JSON_INDENT2 = 2
} lc_json_layout_t;

/* Write v.  Returns 0 or a negative LC_E_* code (also left in s->err). */
int lc_write_json(lc_sink_t *s, const lc_value_t *v, lc_json_layout_t layout,
                  const lc_resolver_t *r);
/* Write one JSON string literal (with quotes).  Returns 0 or LC_E_UTF8. */
int lc_write_json_string(lc_sink_t *s, const char *str);
/* Validate UTF-8: 1 when valid (no overlongs, no surrogates, <= U+10FFFF). */
int lc_utf8_valid(const char *p, size_t n);
/* JavaScript's String(x) for a double (Number#toString(10)): shortest digits that read
 * back as x, "1e+21" / "1.5e-7" exponent forms outside [1e-7, 1e21), "0" for -0,
 * "NaN", "Infinity", "-Infinity".  Writes a NUL-terminated string (at most 25 chars)
 * into out, returns its length.  Locale-independent, thread-safe. */
size_t lc_num_to_js(double x, char out[32]);

#ifdef __cplusplus
}
#endif
#endif
