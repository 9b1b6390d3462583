/* t/05-json-read.c - the JSON reader, and writer round trips of every oracle output.
 *
 * Every *.json under shared/oracle/expected{,-cli,-recommended} (templates: JSON.stringify(t, undefined, 1);
 * assets/manifest/metadata: indent 2; tree.json: compact; some end with a newline) is
 * parsed and written back with the matching layout: the bytes must be identical.  The
 * oracle directory is $LC_ORACLE_DIR, else $top_srcdir/../shared/oracle; that part is
 * skipped when it is absent.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lambdac/error.h>
#include <lambdac/json_read.h>
#include <lambdac/writer.h>

#include "tap.h"

static lc_arena_t *A;

static lc_value_t *parse(const char *text, char *err, size_t errlen)
{
    return lc_json_parse(A, text, strlen(text), err, errlen);
}

static char *write_c(const lc_value_t *v, lc_json_layout_t layout)
{
    lc_sink_t s = {0};
    char *r = NULL;
    if (lc_write_json(&s, v, layout, NULL) == 0)
        r = strdup(lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return r;
}

/* parse, write compact, compare */
static void rt(const char *in, const char *want)
{
    char err[200];
    lc_value_t *v = parse(in, err, sizeof err);
    char *got = v ? write_c(v, LC_JSON_COMPACT) : NULL;
    if (!v)
        diag("parse error: %s", err);
    is_str(got, want, "read %s", in);
    free(got);
}

static void bad(const char *in, size_t n, const char *want_err)
{
    char err[200] = "unset";
    lc_value_t *v = lc_json_parse(A, in, n, err, sizeof err);
    ok(v == NULL, "rejects %s", want_err);
    is_str(err, want_err, "... with message");
}

static void test_basics(void)
{
    char err[200];
    lc_value_t *v;

    rt("null", "null");
    rt(" \t\r\n true \n", "true");
    rt("false", "false");
    rt("\"\"", "\"\"");
    rt("[]", "[]");
    rt("{}", "{}");
    rt("[1,[2,[3,{}]],{\"a\":[]}]", "[1,[2,[3,{}]],{\"a\":[]}]");
    rt("{ \"a\" : 1 , \"b\" : [ true , null ] }", "{\"a\":1,\"b\":[true,null]}");
    rt("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\\"\\\\/\\b\\f\\n\\r\\t\"");
    rt("\"\\u00e9\\u00E9\\u20ac\"", "\"\xc3\xa9\xc3\xa9\xe2\x82\xac\"");
    rt("\"\\ud83d\\ude00\"", "\"\xf0\x9f\x98\x80\"");
    rt("\"\\u0001\\u001F\\u007f\"", "\"\\u0001\\u001f\x7f\"");
    rt("\"caf\xc3\xa9 \xf0\x9f\x98\x80\"", "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"");
    /* numbers: JavaScript's double, written back by the writer */
    rt("[0,-0,1,-1,1.0,1e3,1E+3,100e-2,0.5,-0.5e1,1.5e-7,1e21,1e-7]",
       "[0,0,1,-1,1,1000,1000,1,0.5,-5,1.5e-7,1e+21,1e-7]");
    rt("[9007199254740993,123456789012345678901234567890,1e400,-1e400,5e-325]",
       "[9007199254740992,1.2345678901234568e+29,null,null,0]");
    rt("[0.1,0.30000000000000004,1.7976931348623157e308,4.9e-324]",
       "[0.1,0.30000000000000004,1.7976931348623157e+308,5e-324]");
    v = parse("[1, 1.5, 9007199254740992, 9007199254740994, -0, 123456789012345]", err, sizeof err);
    ok(v && v->u.arr.items[0]->kind == LC_V_INT, "1 is INT");
    ok(v && v->u.arr.items[1]->kind == LC_V_NUM, "1.5 is NUM");
    ok(v && v->u.arr.items[2]->kind == LC_V_INT, "2^53 is INT");
    ok(v && v->u.arr.items[3]->kind == LC_V_NUM, "2^53+2 is NUM");
    ok(v && v->u.arr.items[4]->kind == LC_V_INT && v->u.arr.items[4]->u.i == 0, "-0 is INT 0");
    ok(v && v->u.arr.items[5]->u.i == 123456789012345, "15 digits exact");
    /* long number literals */
    {
        char buf[1100];
        memset(buf, '1', 1000);
        buf[1000] = '\0';
        v = parse(buf, err, sizeof err);
        ok(v && v->kind == LC_V_NUM && isinf(v->u.n), "1000-digit number is Infinity");
        strcpy(buf, "0.");
        memset(buf + 2, '0', 500);
        strcpy(buf + 502, "1e500");
        v = parse(buf, err, sizeof err);
        ok(v && v->kind == LC_V_NUM && v->u.n == 1e-1, "long fraction (%s)", err);
    }
    /* duplicate keys: first position, last value (small and large objects) */
    rt("{\"a\":1,\"b\":2,\"a\":3,\"c\":4,\"b\":5,\"a\":6}", "{\"a\":6,\"b\":5,\"c\":4}");
    {
        char buf[4000], want[4000];
        size_t o = 0, w = 0;
        int i;
        o += (size_t)sprintf(buf + o, "{");
        w += (size_t)sprintf(want + w, "{");
        for (i = 0; i < 50; i++)
            o += (size_t)sprintf(buf + o, "%s\"k%02d\":%d", i ? "," : "", i, i);
        for (i = 0; i < 50; i += 7)
            o += (size_t)sprintf(buf + o, ",\"k%02d\":%d", i, 1000 + i);
        for (i = 0; i < 50; i++)
            w += (size_t)sprintf(want + w, "%s\"k%02d\":%d", i ? "," : "", i,
                                 i % 7 ? i : 1000 + i);
        strcpy(buf + o, "}");
        strcpy(want + w, "}");
        rt(buf, want);
    }
    /* array-index keys come first when written, as in JavaScript */
    rt("{\"b\":1,\"1\":2,\"a\":3,\"0\":4}", "{\"0\":4,\"1\":2,\"b\":1,\"a\":3}");
    /* not NUL-terminated: only n bytes are read */
    v = lc_json_parse(A, "[1,2]garbage", 5, err, sizeof err);
    ok(v && v->u.arr.n == 2, "reads only n bytes");
    /* containers from the reader can grow */
    v = parse("{\"a\":[1]}", err, sizeof err);
    lc_arr_push(A, (lc_value_t *)lc_obj_get(v, "a"), lc_v_int(A, 2));
    lc_obj_set(A, v, "b", lc_v_null(A));
    {
        char *got = write_c(v, LC_JSON_COMPACT);
        is_str(got, "{\"a\":[1,2],\"b\":null}", "parsed containers are growable");
        free(got);
    }
}

static void test_errors(void)
{
    char deep[2100];
    int i;

    bad("", 0, "1:1: unexpected end of input");
    bad("   \n  ", 6, "2:3: unexpected end of input");
    bad("{\"a\":1,}", 8, "1:8: expected a string key, got '}'");
    bad("[1,]", 4, "1:4: unexpected ']'");
    bad("[1 2]", 5, "1:4: expected ',' or ']', got '2'");
    bad("{\"a\" 1}", 7, "1:6: expected ':', got '1'");
    bad("{\"a\":1 \"b\":2}", 13, "1:8: expected ',' or '}', got '\"'");
    bad("{\n  \"a\": tru\n}", 14, "2:8: unexpected 't'");
    bad("nul", 3, "1:1: unexpected 'n'");
    bad("[1] x", 5, "1:5: unexpected 'x' after the JSON value");
    bad("01", 2, "1:2: invalid number: leading zero");
    bad("-", 1, "1:2: invalid number");
    bad("1.", 2, "1:3: invalid number: digit expected after '.'");
    bad("1e", 2, "1:3: invalid number: digit expected in exponent");
    bad("+1", 2, "1:1: unexpected '+'");
    bad(".5", 2, "1:1: unexpected '.'");
    bad("NaN", 3, "1:1: unexpected 'N'");
    bad("\"abc", 4, "1:1: unterminated string");
    bad("\"a\\", 3, "1:1: unterminated string");
    bad("\"a\nb\"", 5, "1:3: control character 0x0a in string (must be escaped)");
    bad("\"\\x\"", 4, "1:2: invalid escape '\\x'");
    bad("\"\\u12\"", 6, "1:2: invalid \\u escape (4 hex digits expected)");
    bad("\"\\u0000\"", 8, "1:2: \\u0000 is not supported (strings are NUL-terminated)");
    bad("\"\\ud800\"", 8, "1:2: lone high surrogate \\ud800");
    bad("\"\\ud800\\u0041\"", 14, "1:2: lone high surrogate \\ud800");
    bad("\"\\udc00\"", 8, "1:2: lone low surrogate \\udc00");
    bad("\"\xc3\"", 3, "1:2: invalid UTF-8 in string");
    bad("\"\xed\xa0\x80\"", 5, "1:2: invalid UTF-8 in string");
    bad("\"\xc0\xaf\"", 4, "1:2: invalid UTF-8 in string");
    bad("\xef\xbb\xbf{}", 5, "1:1: unexpected byte 0xef");
    bad("{} // c", 7, "1:4: unexpected '/' after the JSON value");
    bad("[1,2", 4, "1:5: expected ',' or ']', got end of input");
    bad("[\"a\0b\"]", 7, "1:4: control character 0x00 in string (must be escaped)");

    /* LC_JSON_READ_MAX_DEPTH nested containers are read, one more is refused */
    for (i = 0; i <= LC_JSON_READ_MAX_DEPTH; i++)
        deep[i] = '[';
    for (i = 0; i <= LC_JSON_READ_MAX_DEPTH; i++)
        deep[LC_JSON_READ_MAX_DEPTH + 1 + i] = ']';
    ok(lc_json_parse(A, deep + 1, 2 * LC_JSON_READ_MAX_DEPTH, NULL, 0) != NULL,
       "%d nested arrays are read", LC_JSON_READ_MAX_DEPTH);
    bad(deep, 2 * LC_JSON_READ_MAX_DEPTH + 2, "1:1001: nesting deeper than 1000 levels");
    ok(lc_json_parse(A, "[", 1, NULL, 0) == NULL, "NULL errbuf is fine");
}

static void test_locale(void)
{
    static const char *locales[] = { "de_DE.UTF-8", "tr_TR.UTF-8", "ps_AF.UTF-8" };
    size_t i;
    int tested = 0;
    for (i = 0; i < sizeof locales / sizeof locales[0]; i++) {
        if (!setlocale(LC_ALL, locales[i]))
            continue;
        tested++;
        rt("[1.5,-0.25e1,3]", "[1.5,-2.5,3]");
    }
    setlocale(LC_ALL, "C");
    if (!tested)
        skip(1, "no de_DE/tr_TR/ps_AF locale installed");
}

/* ---- oracle round trips ---------------------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long len;
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    rewind(fp);
    buf = malloc((size_t)len + 1);
    if (fread(buf, 1, (size_t)len, fp) != (size_t)len) {
        free(buf);
        fclose(fp);
        return NULL;
    }
    buf[len] = '\0';
    fclose(fp);
    *n = (size_t)len;
    return buf;
}

static int files_checked, files_bad, templates_checked;
static char *fuzz_seed;
static size_t fuzz_seed_len;

static void roundtrip_file(const char *path)
{
    size_t n, body;
    char *text = slurp(path, &n), err[256];
    lc_json_layout_t layout;
    lc_value_t *v;
    lc_sink_t s = {0};
    lc_arena_t *a;
    int rc;

    if (!text) {
        fail("read %s", path);
        return;
    }
    /* layout from the text itself: "{\n  " indent 2, "{\n " indent 1, else compact */
    if (n > 3 && (text[0] == '{' || text[0] == '[') && text[1] == '\n')
        layout = text[3] == ' ' ? LC_JSON_INDENT2 : LC_JSON_CDK;
    else
        layout = LC_JSON_COMPACT;
    body = n > 0 && text[n - 1] == '\n' ? n - 1 : n;
    a = lc_arena_new();
    v = lc_json_parse(a, text, n, err, sizeof err);
    files_checked++;
    if (!v) {
        files_bad++;
        diag("%s: %s", path, err);
    } else {
        rc = lc_write_json(&s, v, layout, NULL);
        if (rc || s.len != body || memcmp(s.buf, text, body) != 0) {
            size_t i = 0;
            while (i < s.len && i < body && s.buf[i] == text[i])
                i++;
            files_bad++;
            diag("%s: rc %d, %zu vs %zu bytes, first difference at byte %zu", path, rc, s.len,
                 body, i);
        }
        if (strstr(path, ".template.json")) {
            templates_checked++;
            if (!fuzz_seed || n > fuzz_seed_len) {
                free(fuzz_seed);
                fuzz_seed = malloc(n);
                memcpy(fuzz_seed, text, n);
                fuzz_seed_len = n;
            }
        }
    }
    lc_sink_fini(&s);
    lc_arena_free(a);
    free(text);
}

static void walk(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t nn = 0, cap = 0, i;
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (nn == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
        }
        names[nn++] = strdup(e->d_name);
    }
    closedir(d);
    for (i = 0; i < nn; i++) {
        char path[4096];
        struct stat st;
        size_t l = strlen(names[i]);
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 3)
                walk(path, depth + 1);
        } else if (l > 5 && strcmp(names[i] + l - 5, ".json") == 0) {
            roundtrip_file(path);
        }
        free(names[i]);
    }
    free(names);
}

static void test_oracle(void)
{
    const char *env = getenv("LC_ORACLE_DIR"), *top = getenv("top_srcdir");
    char root[4096], sub[4200];
    static const char *dirs[] = { "expected", "expected-cli", "expected-recommended" };
    struct stat st;
    size_t i;

    if (env)
        snprintf(root, sizeof root, "%s", env);
    else
        snprintf(root, sizeof root, "%s/../shared/oracle", top ? top : "..");
    if (stat(root, &st) != 0) {
        skip(3, "no oracle directory at %s (set LC_ORACLE_DIR)", root);
        return;
    }
    for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(sub, sizeof sub, "%s/%s", root, dirs[i]);
        walk(sub, 0);
    }
    ok(templates_checked >= 100, "%d oracle templates found", templates_checked);
    ok(files_checked > templates_checked, "%d oracle json files in all", files_checked);
    is_int(files_bad, 0, "every oracle json file is re-written byte for byte");
}

/* ---- fuzz: mutated templates never crash, and whatever parses round-trips -------------- */

static void test_fuzz(void)
{
    static const char seed_text[] =
        "{\n \"Resources\": {\n  \"A\": {\n   \"Type\": \"X\",\n   \"Properties\": {\n"
        "    \"N\": [1, 2.5, -3e4, true, false, null, \"s\\u00e9\\n\"]\n   }\n  }\n }\n}";
    static const char inserts[] = "{}[],:\"\\0123456789.eE+-tfnu \n\x80\xc3\xed\xf4";
    const char *seed = fuzz_seed ? fuzz_seed : seed_text;
    size_t seed_len = fuzz_seed ? fuzz_seed_len : sizeof seed_text - 1;
    char *buf = malloc(seed_len + 64), err[256];
    uint64_t st = 0x9E3779B97F4A7C15ull;
    int i, parsed = 0, bad_rt = 0, iters = 3000;

    for (i = 0; i < iters; i++) {
        size_t n = seed_len, k, muts;
        lc_arena_t *a = lc_arena_new();
        lc_value_t *v;
        memcpy(buf, seed, n);
        st ^= st << 13;
        st ^= st >> 7;
        st ^= st << 17;
        muts = 1 + st % 4;
        for (k = 0; k < muts; k++) {
            size_t pos;
            st ^= st << 13;
            st ^= st >> 7;
            st ^= st << 17;
            if (n == 0)     /* deletions ate the whole text: `% n` would divide by 0 */
                break;
            pos = (size_t)(st >> 8) % n;
            switch (st % 4) {
            case 0:                             /* overwrite */
                buf[pos] = inserts[(st >> 40) % (sizeof inserts - 1)];
                break;
            case 1:                             /* delete */
                memmove(buf + pos, buf + pos + 1, n - pos - 1);
                n--;
                break;
            case 2:                             /* truncate */
                n = pos + 1;
                break;
            default:                            /* bit flip */
                buf[pos] ^= (char)(1u << ((st >> 32) % 8));
            }
        }
        v = lc_json_parse(a, buf, n, err, sizeof err);
        if (v) {
            lc_sink_t s = {0};
            parsed++;
            /* write, read back, write again: same bytes (Infinity becomes null, so
             * the values themselves may differ) */
            if (lc_write_json(&s, v, LC_JSON_CDK, NULL) != 0) {
                bad_rt++;
            } else {
                lc_value_t *w = lc_json_parse(a, s.buf, s.len, err, sizeof err);
                lc_sink_t s2 = {0};
                if (!w || lc_write_json(&s2, w, LC_JSON_CDK, NULL) != 0 || s2.len != s.len
                    || memcmp(s.buf, s2.buf, s.len) != 0)
                    bad_rt++;
                lc_sink_fini(&s2);
            }
            lc_sink_fini(&s);
        } else if (!err[0] || !strchr(err, ':')) {
            bad_rt++;
        }
        lc_arena_free(a);
    }
    free(buf);
    diag("fuzz: %d of %d mutants parsed", parsed, iters);
    is_int(bad_rt, 0, "%d mutated templates: no crash, messages with positions, round trips",
           iters);
}

int main(void)
{
    A = lc_arena_new();
    test_basics();
    test_errors();
    test_locale();
    test_oracle();
    test_fuzz();
    free(fuzz_seed);
    lc_arena_free(A);
    return done_testing();
}
