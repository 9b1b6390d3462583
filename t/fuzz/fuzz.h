/* t/fuzz/fuzz.h - shared by the libFuzzer targets t/fuzz/<target>.c.
 *
 * Each target defines LLVMFuzzerTestOneInput(data, size).  It is built two ways:
 *   - by `make fuzz` (t/fuzz/fuzz.sh) with clang -fsanitize=fuzzer,address,undefined,
 *     linked against an instrumented copy of the library, and run for FUZZ_SECONDS;
 *   - by t/73-fuzz-replay.sh with any C11 compiler and t/fuzz/replay.c (a main() that
 *     feeds every file of the seed corpus t/fuzz/corpus/<target>/ to the target), so the
 *     seeds and the invariants are checked by every `make check`, also under the
 *     sanitizer build and valgrind.
 * An invariant that does not hold is reported by FZ_CHECK: a message on stderr, then
 * abort() - libFuzzer keeps the input as a crash artifact, the replay test fails.
 */
#ifndef LAMBDAC_T_FUZZ_H
#define LAMBDAC_T_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_CHECK(cond, ...) \
    do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
            abort(); \
        } \
    } while (0)

/* Abort with both texts around their first difference unless a[0..an) == b[0..bn). */
static inline void fz_same(const char *what, const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, from;
    if (an == bn && (an == 0 || memcmp(a, b, an) == 0))
        return;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    from = i > 40 ? i - 40 : 0;
    fprintf(stderr, "%s: the texts differ at byte %zu:\n  <%.*s>\n  <%.*s>\n", what, i,
            (int)((an - from) < 100 ? an - from : 100), a + from,
            (int)((bn - from) < 100 ? bn - from : 100), b + from);
    abort();
}

/* A cursor over the fuzzer's bytes: reads past the end give zeros. */
typedef struct fz_in {
    const uint8_t *p, *end;
} fz_in_t;

static inline unsigned fz_byte(fz_in_t *in)
{
    return in->p < in->end ? *in->p++ : 0u;
}

static inline uint64_t fz_u64(fz_in_t *in, int nbytes)
{
    uint64_t v = 0;
    int i;
    for (i = 0; i < nbytes; i++)
        v = v << 8 | fz_byte(in);
    return v;
}

static inline size_t fz_left(const fz_in_t *in)
{
    return (size_t)(in->end - in->p);
}

/* Reference UTF-8 check (Unicode 15, table 3-7), independent of runtime/utf8.h: 1 when
 * s[0..n) is well formed. */
static inline int fz_utf8_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], need, lo = 0x80, hi = 0xBF, k;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (n - i - 1 < need)
            return 0;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return 0;
        for (k = 2; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += need + 1;
    }
    return 1;
}

#endif
