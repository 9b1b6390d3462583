/* 20-runtimes.c - the runtime table agrees with spec/runtimes.json and with aws-cdk-lib's
 * JSON of Runtime.ALL (t/fixtures/runtime-all.json, from the oracle), which the layers
 * hash of currentVersion depends on byte for byte. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/json_read.h>
#include <lambdac/runtime_table.h>
#include <lambdac/writer.h>

#include "tap.h"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)len + 1);
    if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    *n = (size_t)len;
    return buf;
}

static const char *family_name(lc_runtime_family_t f)
{
    switch (f) {
    case LC_FAMILY_NODEJS: return "NODEJS";
    case LC_FAMILY_JAVA: return "JAVA";
    case LC_FAMILY_PYTHON: return "PYTHON";
    case LC_FAMILY_DOTNET_CORE: return "DOTNET_CORE";
    case LC_FAMILY_GO: return "GO";
    case LC_FAMILY_RUBY: return "RUBY";
    case LC_FAMILY_OTHER: return "OTHER";
    default: return NULL;
    }
}

int main(void)
{
    const char *srcdir = getenv("top_srcdir");
    char path[4096];
    size_t n;
    lc_arena_t *a = lc_arena_new();
    char err[256];

    is_int(LC_RUNTIME__COUNT - 1, 52, "52 runtime constants");

    /* Runtime.ALL, re-serialized compactly, equals our text */
    snprintf(path, sizeof path, "%s/t/fixtures/runtime-all.json", srcdir ? srcdir : ".");
    char *text = slurp(path, &n);
    ok(text != NULL, "read %s", path);
    lc_value_t *all = text ? lc_json_parse(a, text, n, err, sizeof err) : NULL;
    ok(all != NULL, "runtime-all.json parses");
    if (all) {
        lc_sink_t s = { 0 };
        lc_write_json(&s, all, LC_JSON_COMPACT, NULL);
        is_str(lc_runtime_all_json(), lc_sink_cstr(&s),
               "lc_runtime_all_json() is JSON.stringify(Runtime.ALL)");
        lc_sink_fini(&s);
    }
    free(text);

    /* every row agrees with the spec data */
    snprintf(path, sizeof path, "%s/spec/runtimes.json", srcdir ? srcdir : ".");
    text = slurp(path, &n);
    lc_value_t *spec = text ? lc_json_parse(a, text, n, err, sizeof err) : NULL;
    const lc_value_t *rows = spec ? lc_obj_get(spec, "runtimes") : NULL;
    ok(rows && rows->kind == LC_V_ARR && rows->u.arr.n == 52, "spec/runtimes.json has 52 rows");
    for (uint32_t i = 0; rows && i < rows->u.arr.n && i < 52; i++) {
        const lc_value_t *r = rows->u.arr.items[i];
        const lc_runtime_info_t *ri = lc_runtime_info((lc_runtime_id_t)(i + 1));
        const lc_value_t *fam = lc_obj_get(r, "family");
        const char *fname = family_name(ri->family);
        int same = strcmp(lc_obj_get(r, "constant")->u.s, ri->constant) == 0 &&
                   strcmp(lc_obj_get(r, "name")->u.s, ri->name) == 0 &&
                   ((fam && fam->kind == LC_V_STR && fname && strcmp(fam->u.s, fname) == 0) ||
                    ((!fam || fam->kind == LC_V_NULL) && !fname)) &&
                   lc_obj_get(r, "supportsInlineCode")->u.b == ri->supports_inline_code &&
                   lc_obj_get(r, "supportsCodeGuruProfiling")->u.b == ri->supports_code_guru_profiling &&
                   lc_obj_get(r, "supportsSnapStart")->u.b == ri->supports_snap_start &&
                   lc_obj_get(r, "isVariable")->u.b == ri->is_variable &&
                   lc_obj_get(r, "deprecated")->u.b == ri->deprecated;
        ok(same, "row %u (%s) agrees with spec/runtimes.json", i + 1, ri->constant);
    }
    free(text);
    lc_arena_free(a);
    return done_testing();
}
