/* t/tap.h - a tiny TAP producer for the C unit tests under t/.
 *
 * Header-only (all state is static, so use it from ONE translation unit per test
 * program).  Output is TAP 13 on stdout, read by automake's tap-driver.sh:
 *
 *     #include "tap.h"
 *     int main(void) {
 *         plan(2);                          // or no plan and done_testing() at the end
 *         ok(1 + 1 == 2, "addition");
 *         is_str(lc_strerror(0), "success", "strerror(%d)", 0);
 *         return done_testing();            // 0 when every test passed, 1 otherwise
 *     }
 *
 * Functions (every test function returns its condition, 1 = pass):
 *   plan(n)                      print "1..n" (call at most once, before or after tests)
 *   plan_skip_all(fmt, ...)      print "1..0 # SKIP reason" and exit(0)
 *   ok(cond, fmt, ...)           "ok N - name" / "not ok N - name"
 *   is_int(got, want, fmt, ...)  long long comparison, diagnostics on failure
 *   is_str(got, want, fmt, ...)  strcmp comparison (NULL equals only NULL)
 *   is_mem(got, gn, want, wn, fmt, ...)  byte comparison with lengths
 *   pass(fmt, ...) / fail(fmt, ...)
 *   skip(n, fmt, ...)            n "ok N # skip reason" lines
 *   diag(fmt, ...)               "# message" on stdout (keeps order with the results)
 *   bail_out(fmt, ...)           "Bail out! message" and exit(99) (hard error)
 *   done_testing()               prints the plan if none was given, reports a plan
 *                                mismatch, returns the exit status for main()
 * Everything goes through one vprintf-style core, so names may be printf formats.
 * A failing test makes done_testing() return 1; the process exit status is what
 * tap-driver.sh checks together with the "not ok" lines.
 */
#ifndef LAMBDAC_T_TAP_H
#define LAMBDAC_T_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define TAP__FMT(a, b) __attribute__((format(printf, a, b)))
#define TAP__UNUSED __attribute__((unused))
#else
#define TAP__FMT(a, b)
#define TAP__UNUSED
#endif

static int tap__planned = -1;   /* -1: no plan printed yet */
static int tap__run = 0;
static int tap__failed = 0;

/* "ok 3 - name": the name is printed with newlines as "\n", other control characters as
 * '?' and '#' as "\#", so a name can never break the TAP stream or read as a directive. */
static inline void tap__vline(const char *prefix, const char *fmt, va_list ap)
{
    fputs(prefix, stdout);
    if (fmt && *fmt) {
        char small[512], *buf = small;
        va_list ap2;
        int n;
        va_copy(ap2, ap);
        n = vsnprintf(small, sizeof small, fmt, ap);
        if (n >= (int)sizeof small && (buf = malloc((size_t)n + 1)) != NULL)
            vsnprintf(buf, (size_t)n + 1, fmt, ap2);
        else if (!buf)
            buf = small;
        va_end(ap2);
        fputs(" - ", stdout);
        if (n > 0) {
            const char *p;
            for (p = buf; *p; p++) {
                unsigned char c = (unsigned char)*p;
                if (c == '\n')
                    fputs("\\n", stdout);
                else if (c == '#')
                    fputs("\\#", stdout);
                else if (c < 0x20 || c == 0x7f)
                    fputc('?', stdout);
                else
                    fputc(c, stdout);
            }
        }
        if (buf != small)
            free(buf);
    }
    fputc('\n', stdout);
    fflush(stdout);
}

static inline int tap__vok(int cond, const char *fmt, va_list ap)
{
    char prefix[64];
    tap__run++;
    if (!cond)
        tap__failed++;
    snprintf(prefix, sizeof prefix, "%sok %d", cond ? "" : "not ", tap__run);
    tap__vline(prefix, fmt, ap);
    return cond;
}

static inline TAP__FMT(1, 2) void diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stdout);
    vprintf(fmt, ap);
    fputc('\n', stdout);
    fflush(stdout);
    va_end(ap);
}

/* Print bytes as a C-ish quoted literal for diagnostics. */
static inline void tap__quote(const char *p, size_t n)
{
    size_t i;
    if (!p) {
        fputs("(null)", stdout);
        return;
    }
    fputc('"', stdout);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            fputc(c, stdout);
    }
    fputc('"', stdout);
}

static inline void plan(int n)
{
    if (tap__planned >= 0)
        fprintf(stdout, "# plan(%d) called twice\n", n);
    tap__planned = n;
    printf("1..%d\n", n);
    fflush(stdout);
}

static inline TAP__FMT(1, 2) void plan_skip_all(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("1..0 # SKIP ", stdout);
    vprintf(fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    fflush(stdout);
    exit(0);
}

static inline TAP__FMT(1, 2) void bail_out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("Bail out! ", stdout);
    vprintf(fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    fflush(stdout);
    exit(99);
}

static inline TAP__FMT(2, 3) int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cond = tap__vok(cond != 0, fmt, ap);
    va_end(ap);
    return cond;
}

static inline TAP__FMT(1, 2) int pass(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap__vok(1, fmt, ap);
    va_end(ap);
    return 1;
}

static inline TAP__FMT(1, 2) int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap__vok(0, fmt, ap);
    va_end(ap);
    return 0;
}

static inline TAP__FMT(3, 4) int is_int(long long got, long long want, const char *fmt, ...)
{
    va_list ap;
    int cond = got == want;
    va_start(ap, fmt);
    tap__vok(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#          got: %lld\n#     expected: %lld\n", got, want);
    return cond;
}

static inline TAP__FMT(5, 6) int is_mem(const void *got, size_t gn, const void *want, size_t wn,
                                        const char *fmt, ...)
{
    va_list ap;
    int cond = (got == NULL || want == NULL) ? got == want
             : (gn == wn && memcmp(got, want, gn) == 0);
    va_start(ap, fmt);
    tap__vok(cond, fmt, ap);
    va_end(ap);
    if (!cond) {
        size_t i = 0;
        if (got && want)
            while (i < gn && i < wn && ((const char *)got)[i] == ((const char *)want)[i])
                i++;
        fputs("#          got: ", stdout);
        tap__quote(got, gn);
        fputs("\n#     expected: ", stdout);
        tap__quote(want, wn);
        printf("\n#   (lengths %zu vs %zu, first difference at byte %zu)\n", gn, wn, i);
        fflush(stdout);
    }
    return cond;
}

static inline TAP__FMT(3, 4) int is_str(const char *got, const char *want, const char *fmt, ...)
{
    va_list ap;
    int cond = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;
    va_start(ap, fmt);
    tap__vok(cond, fmt, ap);
    va_end(ap);
    if (!cond) {
        fputs("#          got: ", stdout);
        tap__quote(got, got ? strlen(got) : 0);
        fputs("\n#     expected: ", stdout);
        tap__quote(want, want ? strlen(want) : 0);
        fputc('\n', stdout);
        fflush(stdout);
    }
    return cond;
}

static inline TAP__FMT(2, 3) void skip(int n, const char *fmt, ...)
{
    while (n-- > 0) {
        va_list ap;
        tap__run++;
        printf("ok %d # skip ", tap__run);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        fputc('\n', stdout);
    }
    fflush(stdout);
}

/* Number of failures so far (for early exits in a test). */
static inline TAP__UNUSED int tap_failures(void) { return tap__failed; }

static inline int done_testing(void)
{
    if (tap__planned < 0) {
        printf("1..%d\n", tap__run);
        tap__planned = tap__run;
    } else if (tap__planned != tap__run) {
        printf("# planned %d tests but ran %d\n", tap__planned, tap__run);
        fflush(stdout);
        return 1;
    }
    if (tap__failed)
        printf("# failed %d of %d tests\n", tap__failed, tap__run);
    fflush(stdout);
    return tap__failed ? 1 : 0;
}

#endif
