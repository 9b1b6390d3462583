/* runtime/assets/jsregex.h - private: a small JavaScript regular expression engine.
 *
 * @balena/dockerignore (CDK's docker ignore mode) turns each pattern into the source of a
 * JS RegExp, passing most characters through untouched: `a+b`, `x(1)` or `a|b` in a
 * .dockerignore line are regex syntax there.  To give the same answers we compile that
 * source with JS's rules: no `u` flag (UTF-16 code units, Annex B leniency for `{`, `]`,
 * identity escapes, legacy octal), the `i` flag's Canonicalize, RegExp#test's search.
 * Supported: alternation, groups (capturing, (?:), (?<name>)), lookahead, quantifiers
 * (greedy and lazy), classes and class escapes, \b \B, back-references, ^ $ (no `m`).
 * Not supported (compile error, reported as such): lookbehind.
 */
#ifndef LAMBDAC_RUNTIME_ASSETS_JSREGEX_H
#define LAMBDAC_RUNTIME_ASSETS_JSREGEX_H

#include <stddef.h>
#include <lambdac/arena.h>

typedef struct lc__rx lc__rx_t;

/* Compile `src` (UTF-8, n bytes) as `new RegExp(src, icase ? "i" : "")`.  NULL with
 * *why set to a static message on a syntax error (what V8 would throw) or on OOM
 * (*why = "out of memory").  Memory comes from `a`. */
lc__rx_t *lc__rx_compile(lc_arena_t *a, const char *src, size_t n, int icase,
                         const char **why);

/* RegExp.prototype.test on s[0..n) (UTF-8, decoded as Node would): 1 on a match. */
int lc__rx_test(const lc__rx_t *rx, const char *s, size_t n);

#endif
