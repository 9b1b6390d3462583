/* lambdac/runtime_table.h - Lambda runtimes (aws-cdk-lib's lambda.Runtime constants).
 *
 * The enum order is Runtime.ALL's order (it feeds the layers hash of currentVersion);
 * t/20-runtimes checks this table against spec/ data and the oracle's runtime-all.json.
 */
#ifndef LAMBDAC_RUNTIME_TABLE_H
#define LAMBDAC_RUNTIME_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* RuntimeFamily, with the numbers aws-cdk-lib serializes. */
typedef enum lc_runtime_family {
    LC_FAMILY_NODEJS = 0, LC_FAMILY_JAVA = 1, LC_FAMILY_PYTHON = 2, LC_FAMILY_DOTNET_CORE = 3,
    LC_FAMILY_GO = 4, LC_FAMILY_RUBY = 5, LC_FAMILY_OTHER = 6, LC_FAMILY_NONE = -1
} lc_runtime_family_t;

typedef enum lc_runtime_id {
    LC_RUNTIME__UNSET = 0,
    LC_RUNTIME_NODEJS,
    LC_RUNTIME_NODEJS_4_3,
    LC_RUNTIME_NODEJS_6_10,
    LC_RUNTIME_NODEJS_8_10,
    LC_RUNTIME_NODEJS_10_X,
    LC_RUNTIME_NODEJS_12_X,
    LC_RUNTIME_NODEJS_14_X,
    LC_RUNTIME_NODEJS_16_X,
    LC_RUNTIME_NODEJS_18_X,
    LC_RUNTIME_NODEJS_20_X,
    LC_RUNTIME_NODEJS_LATEST,
    LC_RUNTIME_NODEJS_22_X,
    LC_RUNTIME_NODEJS_24_X,
    LC_RUNTIME_PYTHON_2_7,
    LC_RUNTIME_PYTHON_3_6,
    LC_RUNTIME_PYTHON_3_7,
    LC_RUNTIME_PYTHON_3_8,
    LC_RUNTIME_PYTHON_3_9,
    LC_RUNTIME_PYTHON_3_10,
    LC_RUNTIME_PYTHON_3_11,
    LC_RUNTIME_PYTHON_3_12,
    LC_RUNTIME_PYTHON_3_13,
    LC_RUNTIME_PYTHON_3_14,
    LC_RUNTIME_PYTHON_3_15,
    LC_RUNTIME_JAVA_8,
    LC_RUNTIME_JAVA_8_CORRETTO,
    LC_RUNTIME_JAVA_11,
    LC_RUNTIME_JAVA_17,
    LC_RUNTIME_JAVA_21,
    LC_RUNTIME_JAVA_25,
    LC_RUNTIME_JAVA_8_AL2023,
    LC_RUNTIME_JAVA_11_AL2023,
    LC_RUNTIME_JAVA_17_AL2023,
    LC_RUNTIME_DOTNET_6,
    LC_RUNTIME_DOTNET_8,
    LC_RUNTIME_DOTNET_9,
    LC_RUNTIME_DOTNET_10,
    LC_RUNTIME_DOTNET_CORE_1,
    LC_RUNTIME_DOTNET_CORE_2,
    LC_RUNTIME_DOTNET_CORE_2_1,
    LC_RUNTIME_DOTNET_CORE_3_1,
    LC_RUNTIME_GO_1_X,
    LC_RUNTIME_RUBY_2_5,
    LC_RUNTIME_RUBY_2_7,
    LC_RUNTIME_RUBY_3_2,
    LC_RUNTIME_RUBY_3_3,
    LC_RUNTIME_RUBY_3_4,
    LC_RUNTIME_RUBY_4_0,
    LC_RUNTIME_PROVIDED,
    LC_RUNTIME_PROVIDED_AL2,
    LC_RUNTIME_PROVIDED_AL2023,
    LC_RUNTIME_FROM_IMAGE,
    LC_RUNTIME__COUNT
} lc_runtime_id_t;

typedef struct lc_runtime_info {
    const char *constant;          /* "NODEJS_18_X" */
    const char *name;              /* "nodejs18.x" */
    lc_runtime_family_t family;
    bool supports_inline_code;
    bool supports_code_guru_profiling;
    bool supports_snap_start;
    bool is_variable;
    bool deprecated;
} lc_runtime_info_t;

/* The row of a runtime, or NULL for LC_RUNTIME__UNSET / out of range. */
const lc_runtime_info_t *lc_runtime_info(lc_runtime_id_t id);
/* JSON.stringify of one Runtime object into buf (snprintf semantics: returns the length
 * the text needs).  "null" for an unknown id. */
size_t lc_runtime_json(lc_runtime_id_t id, char *buf, size_t cap);
/* Runtime.ALL as JSON exactly as aws-cdk-lib's JSON.stringify writes it (for the
 * layers hash), a static string. */
const char *lc_runtime_all_json(void);

#ifdef __cplusplus
}
#endif
#endif
