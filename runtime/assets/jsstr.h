/* runtime/assets/jsstr.h - private: the few JavaScript string semantics that asset hashing
 * depends on, expressed over UTF-8 bytes.
 *
 * aws-cdk-lib runs on Node, so file names, patterns and text file contents pass through
 * JS strings (UTF-16) on their way into the hash.  To hash the same bytes we reproduce:
 *  - Node's UTF-8 decoding with replacement (WHATWG "maximal subpart": each maximal
 *    prefix of an invalid sequence becomes one U+FFFD),
 *  - Array.prototype.sort's default order (UTF-16 code units, not code points),
 *  - String.prototype.trim / the regex \s class,
 *  - the case folding of a JS regex with the `i` flag (no `u` flag).
 */
#ifndef LAMBDAC_RUNTIME_ASSETS_JSSTR_H
#define LAMBDAC_RUNTIME_ASSETS_JSSTR_H

#include <stddef.h>
#include <stdint.h>

/* Number of bytes at p (avail > 0) forming one unit of Node's UTF-8 decoder: the length of
 * a valid sequence (1-4) with *cp set to its code point, or the length of the maximal
 * subpart of an invalid sequence (1-3) with *cp = U+FFFD. */
size_t lc__u8_unit(const unsigned char *p, size_t avail, uint32_t *cp);

/* Length of the longest prefix of p[0..n) that is valid UTF-8 (fast path for ASCII). */
size_t lc__u8_valid_prefix(const unsigned char *p, size_t n);

/* Encode cp as UTF-8 into out (4 bytes max); returns the length. */
size_t lc__u8_put(uint32_t cp, unsigned char *out);

/* Compare two UTF-8 strings as JS compares the strings Node decodes from them (UTF-16
 * code unit order).  Invalid sequences compare as U+FFFD.  <0, 0, >0. */
int lc__js_compare(const char *a, const char *b);

/* Length of s in UTF-16 code units (invalid sequences count as one U+FFFD each). */
size_t lc__js_length(const char *s, size_t n);

/* 1 when cp is in JS's WhiteSpace or LineTerminator sets (the regex \s class). */
int lc__js_is_space(uint32_t cp);

/* 1 when cp is a JS line terminator (what a regex `.` does not match). */
int lc__js_is_line_terminator(uint32_t cp);

/* Canonical case of cp for a case-insensitive JS regex without the `u` flag: the upper
 * case when it is a single code unit and does not map a non-ASCII letter to ASCII
 * (exact for the BMP, from the table in jsfold.h; other code points are unchanged). */
uint32_t lc__js_fold(uint32_t cp);

/* The other code points whose lc__js_fold() is f (f itself excluded); returns how many
 * (at most 8). */
size_t lc__js_unfold(uint32_t f, uint32_t out[8]);

#endif
