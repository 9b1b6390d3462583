/* t/fuzz/check.c - libFuzzer target: lambdac-check's lexer (tools/check-lex.re) and
 * parser / rules / reports (tools/check-*.c) on arbitrary source text.
 *
 * Invariants, for any bytes:
 *   - the lexer ends with LC_TK_EOF after at most one token per byte (plus one), every
 *     token lies inside the buffer, lines never go back, and EOF repeats;
 *   - parsing, checking and reporting never crash, every diagnostic points inside the
 *     file (line 1..lines+1), and the JSON and SARIF reports are valid JSON (read back
 *     with lc_json_parse) whatever bytes the source holds.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include <unistd.h>

#include <lambdac/arena.h>
#include <lambdac/json_read.h>

#include "check.h"
#include "fuzz.h"

static void lex_all(const char *buf, size_t len)
{
    lc_lexer_t lx;
    lc_tok_t t;
    size_t steps = 0;
    uint32_t last_line = 1;
    lc_lex_init(&lx, buf, len, 1);
    for (;;) {
        int k = lc_lex_next(&lx, &t);
        FZ_CHECK(k >= LC_TK_EOF && k <= LC_TK_ERROR, "token kind %d", k);
        FZ_CHECK(t.loc.line >= last_line, "line went back from %u to %u", last_line, t.loc.line);
        last_line = t.loc.line;
        if (k == LC_TK_EOF)
            break;
        FZ_CHECK(t.p >= buf && t.p + t.len <= buf + len, "token outside the buffer");
        FZ_CHECK(k != LC_TK_ERROR || t.msg, "error token without a message");
        FZ_CHECK(++steps <= len + 1, "the lexer does not advance");
    }
    FZ_CHECK(lc_lex_next(&lx, &t) == LC_TK_EOF, "EOF does not repeat");
}

/* Run lc_ck_emit with stdout sent to a scratch file; returns the report (malloc'd). */
static char *emit_to_string(lc_ck_run_t *run, lc_ck_file_t *f, lc_ck_format_t fmt, size_t *n)
{
    FILE *tf = tmpfile();
    int saved, fd;
    char *out;
    long len;
    FZ_CHECK(tf != NULL, "tmpfile");
    fflush(stdout);
    saved = dup(1);
    fd = fileno(tf);
    FZ_CHECK(saved >= 0 && dup2(fd, 1) >= 0, "dup2");
    lc_ck_emit(run, &f, 1, fmt, 0);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    fseek(tf, 0, SEEK_END);
    len = ftell(tf);
    fseek(tf, 0, SEEK_SET);
    out = malloc((size_t)len + 1);
    FZ_CHECK(out && fread(out, 1, (size_t)len, tf) == (size_t)len, "read back");
    out[len] = '\0';
    fclose(tf);
    *n = (size_t)len;
    return out;
}

static void check_file(const char *buf, size_t len, lc_ck_format_t fmt)
{
    lc_arena_t *a = lc_arena_new();
    lc_ck_run_t run;
    lc_ck_file_t *f;
    size_t i, lines = 1, n;
    char *report, err[256];
    int r;

    FZ_CHECK(a != NULL, "arena");
    memset(&run, 0, sizeof run);
    run.arena = a;
    for (r = 0; r < LC_R__COUNT; r++)
        run.sev[r] = lc_ck_rules[r].severity;
    memcpy(run.as_of, "2025-01-01", 11);
    f = lc_xalloc(a, sizeof *f);
    memset(f, 0, sizeof *f);
    f->path = "fuzz.c";
    f->buf = buf;
    f->len = len;
    lc_ck_parse(&run, f);
    lc_ck_check_file(&run, f);
    for (i = 0; i < len; i++)
        lines += buf[i] == '\n';
    for (i = 0; i < run.ndiags; i++)
        FZ_CHECK(run.diags[i].loc.line >= 1 && run.diags[i].loc.line <= lines + 1,
                 "diagnostic at line %u of %zu", run.diags[i].loc.line, lines);
    if (fmt != LC_FMT_TEXT) {
        report = emit_to_string(&run, f, fmt, &n);
        FZ_CHECK(lc_json_parse(a, report, n, err, sizeof err) != NULL,
                 "the %s report is not valid JSON: %s", fmt == LC_FMT_JSON ? "JSON" : "SARIF", err);
        free(report);
    }
    lc_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf;
    if (size > 65536)
        return 0;
    buf = malloc(size + 1);
    FZ_CHECK(buf != NULL, "malloc");
    memcpy(buf, data, size);
    buf[size] = '\0';                  /* the lexer's sentinel */
    lex_all(buf, size);
    /* the report format from the input's length: most runs skip the (slower) report */
    check_file(buf, size, size % 8 == 1 ? LC_FMT_JSON : size % 8 == 2 ? LC_FMT_SARIF : LC_FMT_TEXT);
    free(buf);
    return 0;
}
