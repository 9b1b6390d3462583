/* lambdac/dsl.h - declaring stacks in C.
 *
 * A stack source declares constructs as static const data; nothing runs until the
 * synthesizer (LC_MAIN) walks the declared stacks.  Every declaration starts with an
 * lc_decl_t header that records its construct id, the source location (__FILE__,
 * __LINE__) for error messages, and the function that expands it into the construct
 * tree.  References between declarations are typed pointers (a layer cannot be passed
 * where a role is wanted), and Ref/GetAtt values point at the declaration itself.
 *
 * Worked expansion (one layer deep, as every macro here):
 *
 *     LC_STACK(HelloStack, &MyRole);
 *
 * becomes
 *
 *     static const void *const HelloStack__members[] = { &MyRole };
 *     static const lc_stack_decl_t HelloStack = {
 *         .h = { LC_DECL_MAGIC, LC_DECL_STACK, "HelloStack", { __FILE__, __LINE__ }, 0 },
 *         .members = HelloStack__members, .nmembers = 1 };
 *     static const lc_stack_decl_t *const HelloStack__reg
 *         __attribute__((used, section("lc_stacks"))) = &HelloStack;
 *
 * The linker gathers every `lc_stacks` pointer of the program into one array
 * (__start_lc_stacks .. __stop_lc_stacks), which lc_main() walks: no constructor code
 * runs to build the graph.
 */
#ifndef LAMBDAC_DSL_H
#define LAMBDAC_DSL_H

#include <stddef.h>
#include <stdint.h>
#include <lambdac/value.h>
#include <lambdac/construct.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LC_DECL_MAGIC 0x4c434443u   /* "LCDC": sanity check on untyped member lists */

typedef enum lc_decl_kind {
    LC_DECL_STACK = 1,
    LC_DECL_CFN,            /* a raw L1 resource */
    LC_DECL_FUNCTION,
    LC_DECL_ROLE,
    LC_DECL_QUEUE,
    LC_DECL_TOPIC,
    LC_DECL_LOG_GROUP,
    LC_DECL_BUCKET,
    LC_DECL_VPC,
    LC_DECL_SECURITY_GROUP,
    LC_DECL_KEY,
    LC_DECL_ACCESS_POINT,
    LC_DECL_ALARM,
    LC_DECL_OUTPUT,
    LC_DECL_VERSION,
    LC_DECL_ALIAS,
    LC_DECL_LAYER,
    LC_DECL_ASPECT,
    LC_DECL__USER = 1000
} lc_decl_kind_t;

/* Expands a declaration under `scope` (the stack root) and returns its node, or NULL
 * after reporting an error. */
typedef lc_node_t *(*lc_expand_fn)(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);

struct lc_decl {
    uint32_t magic;          /* LC_DECL_MAGIC */
    uint32_t kind;           /* lc_decl_kind_t */
    const char *id;          /* construct id, e.g. "MyFunction" */
    lc_srcloc_t loc;
    lc_expand_fn expand;
};

#define LC__DECL_HDR(kind, idstr, fn) \
    { LC_DECL_MAGIC, (kind), (idstr), { __FILE__, __LINE__ }, (fn) }

/* ---- stacks ------------------------------------------------------------------------ */
typedef struct lc_stack_decl {
    lc_decl_t h;
    const void *const *members;     /* declarations (any lc_*_decl), in order */
    size_t nmembers;
    const char *account;            /* NULL: environment-agnostic */
    const char *region;
} lc_stack_decl_t;

#if defined(__APPLE__)
#define LC__SECTION "__DATA,lc_stacks"
#else
#define LC__SECTION "lc_stacks"
#endif

#define LC__STACK(name, acct, reg, ...) \
    static const void *const name##__members[] = { __VA_ARGS__ }; \
    static const lc_stack_decl_t name = { \
        .h = LC__DECL_HDR(LC_DECL_STACK, #name, 0), \
        .members = name##__members, \
        .nmembers = sizeof(name##__members) / sizeof(name##__members[0]), \
        .account = (acct), .region = (reg) }; \
    static const lc_stack_decl_t *const name##__reg \
        __attribute__((used, section(LC__SECTION))) = &name

/* LC_STACK(Name, &Construct, ...): an environment-agnostic stack named Name. */
#define LC_STACK(name, ...)            LC__STACK(name, NULL, NULL, __VA_ARGS__)
/* LC_STACK_ENV(Name, "123456789012", "us-east-1", &Construct, ...): a pinned stack. */
#define LC_STACK_ENV(name, acct, reg, ...) LC__STACK(name, acct, reg, __VA_ARGS__)
/* A stack whose construct id differs from the C identifier (ids may contain '-'). */
#define LC_STACK_NAMED(name, idstr, ...) \
    static const void *const name##__members[] = { __VA_ARGS__ }; \
    static const lc_stack_decl_t name = { \
        .h = LC__DECL_HDR(LC_DECL_STACK, idstr, 0), \
        .members = name##__members, \
        .nmembers = sizeof(name##__members) / sizeof(name##__members[0]) }; \
    static const lc_stack_decl_t *const name##__reg \
        __attribute__((used, section(LC__SECTION))) = &name
#define LC_STACK_NAMED_ENV(name, idstr, acct, reg, ...) \
    static const void *const name##__members[] = { __VA_ARGS__ }; \
    static const lc_stack_decl_t name = { \
        .h = LC__DECL_HDR(LC_DECL_STACK, idstr, 0), \
        .members = name##__members, \
        .nmembers = sizeof(name##__members) / sizeof(name##__members[0]), \
        .account = (acct), .region = (reg) }; \
    static const lc_stack_decl_t *const name##__reg \
        __attribute__((used, section(LC__SECTION))) = &name

/* The synthesizer entry point: parses argv (--help, --version, --stack NAME,
 * --output DIR, --hash-profile cdk|native, --new-project-flags, ...), synthesizes every
 * declared stack and prints templates or writes a cloud assembly.  Returns the process
 * exit status: 0 ok, 1 validation errors, 2 usage. */
int lc_main(int argc, char **argv);
/* A main() that synthesizes every stack of the program. */
#define LC_MAIN() int main(int argc, char **argv) { return lc_main(argc, argv); }

/* Expand a declaration in a stack (memoized: a declaration expands once per stack). */
lc_node_t *lc_expand(lc_stack_t *st, const void *decl);
/* The node a declaration expanded into in `st`, or NULL when it has not been. */
lc_node_t *lc_decl_node(lc_stack_t *st, const void *decl);

/* ---- raw L1 resources -------------------------------------------------------------- */
typedef struct lc_type_desc lc_type_desc_t;

typedef struct lc_cfn_decl {
    lc_decl_t h;
    const lc_type_desc_t *desc;     /* generated descriptor of the resource type */
    const void *props;              /* lc_<Type>_t */
    const char *deletion_policy;    /* optional: "Retain", "Delete", "Snapshot" */
    const char *update_replace_policy;
    const void *const *depends_on;  /* declarations this one DependsOn */
    size_t ndepends_on;
} lc_cfn_decl_t;

lc_node_t *lc_cfn_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);

/* LC_CFN(MyRole, AWS_IAM_Role, .RoleName = LC_STRING("x"), ...): a raw CloudFormation
 * resource of a type of the generated slice (include <lambdac/l1.h>), with typed
 * properties.  Its construct id is the C identifier; its logical id comes from the path
 * MyRole (one component: the id itself, no hash, like a CfnResource at stack level). */
#define LC_CFN(name, T, ...) \
    static const lc_##T##_t name##__props = { __VA_ARGS__ }; \
    static const lc_cfn_decl_t name = { \
        .h = LC__DECL_HDR(LC_DECL_CFN, #name, lc_cfn_expand), \
        .desc = &lc_##T##_desc, .props = &name##__props }

/* ---- outputs ----------------------------------------------------------------------- */
typedef struct lc_output_decl {
    lc_decl_t h;
    const lc_value_t *value;
    const char *description;
    const char *export_name;
} lc_output_decl_t;
lc_node_t *lc_output_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* LC_OUTPUT(TheUrl, .value = LC_VGETATT(...), .description = "...") */
#define LC_OUTPUT(name, ...) \
    static const lc_output_decl_t name = { \
        .h = LC__DECL_HDR(LC_DECL_OUTPUT, #name, lc_output_expand), \
        __VA_ARGS__ }

#ifdef __cplusplus
}
#endif
#endif
