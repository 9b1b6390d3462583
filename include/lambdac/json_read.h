/* lambdac/json_read.h - a strict JSON reader producing lc_value_t (JSON.parse semantics).
 *
 * For tests, `--against` template comparisons and lambdac-check: it reads what the
 * writer writes, so lc_write_json(lc_json_parse(t)) reproduces JSON.stringify(
 * JSON.parse(t)) byte for byte.
 *
 * Accepted: RFC 8259 JSON text (any value at top level, surrounded by optional
 * whitespace), UTF-8 only.  Rejected, with a message: anything else - trailing commas,
 * comments, a BOM, raw control characters in strings, invalid UTF-8, lone surrogate
 * escapes and "\u0000" (neither fits a NUL-terminated UTF-8 string), nesting deeper
 * than LC_JSON_READ_MAX_DEPTH.
 * Numbers become the double JavaScript would read (strtod, correctly rounded; overflow
 * gives +-Infinity, written back as null); that double is stored as LC_V_INT when it is
 * integral and |x| <= 2^53 (so -0 becomes INT 0), else as LC_V_NUM.
 * Duplicate keys: the member stays at its first position with its last value (what a
 * JavaScript object does).  Object member order is kept otherwise.
 * Every value, key and string is allocated in the arena; arrays and objects are exactly
 * sized and may be grown with lc_arr_push / lc_obj_set.
 */
#ifndef LAMBDAC_JSON_READ_H
#define LAMBDAC_JSON_READ_H

#include <stddef.h>
#include <lambdac/arena.h>
#include <lambdac/value.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LC_JSON_READ_MAX_DEPTH 1000

/* Parse text[0..n) (need not be NUL-terminated).  Returns the value, or NULL with a
 * message "LINE:COL: what" (1-based; the column counts bytes) in errbuf (when errbuf is
 * non-NULL and errlen > 0; truncated to fit).  Out of memory is reported as
 * "out of memory". */
lc_value_t *lc_json_parse(lc_arena_t *a, const char *text, size_t n, char *errbuf,
                          size_t errlen);

/* Read a whole file (path "-" = stdin) and parse it; NULL with "PATH: ..." in errbuf on
 * I/O or syntax errors. */
lc_value_t *lc_json_parse_file(lc_arena_t *a, const char *path, char *errbuf,
                               size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
