/* runtime_table.c - the rows of lambda.Runtime, in Runtime.ALL order.
 *
 * Why a hand-kept table: the rows are few and rarely change, and they are checked by
 * t/20-runtimes against the oracle's runtime-all.json, so a drift fails the build.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac/runtime_table.h>

static const lc_runtime_info_t rows[LC_RUNTIME__COUNT] = {
    [LC_RUNTIME_NODEJS] = { "NODEJS", "nodejs", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_4_3] = { "NODEJS_4_3", "nodejs4.3", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_6_10] = { "NODEJS_6_10", "nodejs6.10", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_8_10] = { "NODEJS_8_10", "nodejs8.10", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_10_X] = { "NODEJS_10_X", "nodejs10.x", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_12_X] = { "NODEJS_12_X", "nodejs12.x", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_14_X] = { "NODEJS_14_X", "nodejs14.x", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_16_X] = { "NODEJS_16_X", "nodejs16.x", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_18_X] = { "NODEJS_18_X", "nodejs18.x", LC_FAMILY_NODEJS, true, false, false, false, true },
    [LC_RUNTIME_NODEJS_20_X] = { "NODEJS_20_X", "nodejs20.x", LC_FAMILY_NODEJS, true, false, false, false, false },
    [LC_RUNTIME_NODEJS_LATEST] = { "NODEJS_LATEST", "nodejs24.x", LC_FAMILY_NODEJS, true, false, false, true, false },
    [LC_RUNTIME_NODEJS_22_X] = { "NODEJS_22_X", "nodejs22.x", LC_FAMILY_NODEJS, true, false, false, false, false },
    [LC_RUNTIME_NODEJS_24_X] = { "NODEJS_24_X", "nodejs24.x", LC_FAMILY_NODEJS, true, false, false, false, false },
    [LC_RUNTIME_PYTHON_2_7] = { "PYTHON_2_7", "python2.7", LC_FAMILY_PYTHON, true, false, false, false, true },
    [LC_RUNTIME_PYTHON_3_6] = { "PYTHON_3_6", "python3.6", LC_FAMILY_PYTHON, true, true, false, false, true },
    [LC_RUNTIME_PYTHON_3_7] = { "PYTHON_3_7", "python3.7", LC_FAMILY_PYTHON, true, true, false, false, true },
    [LC_RUNTIME_PYTHON_3_8] = { "PYTHON_3_8", "python3.8", LC_FAMILY_PYTHON, true, true, false, false, true },
    [LC_RUNTIME_PYTHON_3_9] = { "PYTHON_3_9", "python3.9", LC_FAMILY_PYTHON, true, true, false, false, true },
    [LC_RUNTIME_PYTHON_3_10] = { "PYTHON_3_10", "python3.10", LC_FAMILY_PYTHON, true, true, false, false, false },
    [LC_RUNTIME_PYTHON_3_11] = { "PYTHON_3_11", "python3.11", LC_FAMILY_PYTHON, true, true, false, false, false },
    [LC_RUNTIME_PYTHON_3_12] = { "PYTHON_3_12", "python3.12", LC_FAMILY_PYTHON, true, true, true, false, false },
    [LC_RUNTIME_PYTHON_3_13] = { "PYTHON_3_13", "python3.13", LC_FAMILY_PYTHON, true, true, true, false, false },
    [LC_RUNTIME_PYTHON_3_14] = { "PYTHON_3_14", "python3.14", LC_FAMILY_PYTHON, true, true, true, false, false },
    [LC_RUNTIME_PYTHON_3_15] = { "PYTHON_3_15", "python3.15", LC_FAMILY_PYTHON, true, true, true, false, false },
    [LC_RUNTIME_JAVA_8] = { "JAVA_8", "java8", LC_FAMILY_JAVA, false, true, false, false, true },
    [LC_RUNTIME_JAVA_8_CORRETTO] = { "JAVA_8_CORRETTO", "java8.al2", LC_FAMILY_JAVA, false, true, false, false, false },
    [LC_RUNTIME_JAVA_11] = { "JAVA_11", "java11", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_JAVA_17] = { "JAVA_17", "java17", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_JAVA_21] = { "JAVA_21", "java21", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_JAVA_25] = { "JAVA_25", "java25", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_JAVA_8_AL2023] = { "JAVA_8_AL2023", "java8.al2023", LC_FAMILY_JAVA, false, true, false, false, false },
    [LC_RUNTIME_JAVA_11_AL2023] = { "JAVA_11_AL2023", "java11.al2023", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_JAVA_17_AL2023] = { "JAVA_17_AL2023", "java17.al2023", LC_FAMILY_JAVA, false, true, true, false, false },
    [LC_RUNTIME_DOTNET_6] = { "DOTNET_6", "dotnet6", LC_FAMILY_DOTNET_CORE, false, false, false, false, true },
    [LC_RUNTIME_DOTNET_8] = { "DOTNET_8", "dotnet8", LC_FAMILY_DOTNET_CORE, false, false, true, false, false },
    [LC_RUNTIME_DOTNET_9] = { "DOTNET_9", "dotnet9", LC_FAMILY_DOTNET_CORE, false, false, true, false, false },
    [LC_RUNTIME_DOTNET_10] = { "DOTNET_10", "dotnet10", LC_FAMILY_DOTNET_CORE, false, false, true, false, false },
    [LC_RUNTIME_DOTNET_CORE_1] = { "DOTNET_CORE_1", "dotnetcore1.0", LC_FAMILY_DOTNET_CORE, false, false, false, false, true },
    [LC_RUNTIME_DOTNET_CORE_2] = { "DOTNET_CORE_2", "dotnetcore2.0", LC_FAMILY_DOTNET_CORE, false, false, false, false, true },
    [LC_RUNTIME_DOTNET_CORE_2_1] = { "DOTNET_CORE_2_1", "dotnetcore2.1", LC_FAMILY_DOTNET_CORE, false, false, false, false, true },
    [LC_RUNTIME_DOTNET_CORE_3_1] = { "DOTNET_CORE_3_1", "dotnetcore3.1", LC_FAMILY_DOTNET_CORE, false, false, false, false, true },
    [LC_RUNTIME_GO_1_X] = { "GO_1_X", "go1.x", LC_FAMILY_GO, false, false, false, false, true },
    [LC_RUNTIME_RUBY_2_5] = { "RUBY_2_5", "ruby2.5", LC_FAMILY_RUBY, false, false, false, false, true },
    [LC_RUNTIME_RUBY_2_7] = { "RUBY_2_7", "ruby2.7", LC_FAMILY_RUBY, false, false, false, false, true },
    [LC_RUNTIME_RUBY_3_2] = { "RUBY_3_2", "ruby3.2", LC_FAMILY_RUBY, false, false, false, false, false },
    [LC_RUNTIME_RUBY_3_3] = { "RUBY_3_3", "ruby3.3", LC_FAMILY_RUBY, false, false, false, false, false },
    [LC_RUNTIME_RUBY_3_4] = { "RUBY_3_4", "ruby3.4", LC_FAMILY_RUBY, false, false, false, false, false },
    [LC_RUNTIME_RUBY_4_0] = { "RUBY_4_0", "ruby4.0", LC_FAMILY_RUBY, false, false, false, false, false },
    [LC_RUNTIME_PROVIDED] = { "PROVIDED", "provided", LC_FAMILY_OTHER, false, false, false, false, true },
    [LC_RUNTIME_PROVIDED_AL2] = { "PROVIDED_AL2", "provided.al2", LC_FAMILY_OTHER, false, false, false, false, false },
    [LC_RUNTIME_PROVIDED_AL2023] = { "PROVIDED_AL2023", "provided.al2023", LC_FAMILY_OTHER, false, false, false, false, false },
    [LC_RUNTIME_FROM_IMAGE] = { "FROM_IMAGE", "FROM_IMAGE", LC_FAMILY_NONE, false, false, false, false, false },
};

const lc_runtime_info_t *lc_runtime_info(lc_runtime_id_t id)
{
    if (id <= LC_RUNTIME__UNSET || id >= LC_RUNTIME__COUNT)
        return NULL;
    return &rows[id];
}

/* JSON.stringify(runtime): a Runtime object serialises its public fields in declaration
 * order; FROM_IMAGE has no family member. */
size_t lc_runtime_json(lc_runtime_id_t id, char *buf, size_t cap)
{
    const lc_runtime_info_t *r = lc_runtime_info(id);
    if (!r)
        return (size_t)snprintf(buf, cap, "null");
    char fam[32] = "";
    if (r->family != LC_FAMILY_NONE)
        snprintf(fam, sizeof fam, "\"family\":%d,", (int)r->family);
    return (size_t)snprintf(buf, cap,
        "{\"name\":\"%s\",\"supportsInlineCode\":%s,\"supportsCodeGuruProfiling\":%s,"
        "\"supportsSnapStart\":%s,%s\"bundlingDockerImage\":\"public.ecr.aws/sam/build-%s\","
        "\"bundlingImage\":\"public.ecr.aws/sam/build-%s\",\"isVariable\":%s}",
        r->name, r->supports_inline_code ? "true" : "false",
        r->supports_code_guru_profiling ? "true" : "false",
        r->supports_snap_start ? "true" : "false", fam, r->name, r->name,
        r->is_variable ? "true" : "false");
}

/* Built once, at first use; the table is constant, so every call returns the same
 * text (not thread-safe on the very first call: lambdac synthesizes on one thread). */
const char *lc_runtime_all_json(void)
{
    static char buf[16384];
    static size_t len;
    if (len)
        return buf;
    size_t off = 0;
    buf[off++] = '[';
    for (int i = LC_RUNTIME__UNSET + 1; i < LC_RUNTIME__COUNT; i++) {
        if (i > 1)
            buf[off++] = ',';
        off += lc_runtime_json((lc_runtime_id_t)i, buf + off, sizeof buf - off);
    }
    buf[off++] = ']';
    buf[off] = '\0';
    len = off;
    return buf;
}
