/* lambdac/construct.h - the construct tree that L2 declarations expand into.
 *
 * Synthesis builds, per stack, a tree of lc_node_t exactly like aws-cdk-lib's construct
 * tree: a node has an id, a parent, and children in creation order.  A node that is a
 * CloudFormation resource carries an lc_resource_t.  Logical ids come from the node path
 * (logical_id.h); the template lists resources in pre-order, as CDK does.
 *
 * Everything here is allocated from the app's arena and freed with the app.  Functions
 * abort (lc_xalloc) on out-of-memory: a synthesizer that cannot allocate cannot report
 * anything useful either.
 */
#ifndef LAMBDAC_CONSTRUCT_H
#define LAMBDAC_CONSTRUCT_H

#include <stdbool.h>
#include <stddef.h>
#include <lambdac/arena.h>
#include <lambdac/value.h>
#include <lambdac/hash.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lc_app lc_app_t;
typedef struct lc_stack lc_stack_t;
typedef struct lc_node lc_node_t;
typedef struct lc_resource lc_resource_t;
typedef struct lc_decl lc_decl_t;

/* Where a declaration was written (for error messages). */
typedef struct lc_srcloc {
    const char *file;
    int line;
} lc_srcloc_t;

struct lc_node {
    const char *id;
    lc_node_t *parent;
    lc_node_t *first, *last, *next;     /* children in creation order */
    lc_stack_t *stack;
    const lc_decl_t *decl;              /* declaration that created it (or NULL) */
    lc_srcloc_t loc;                    /* inherited from the declaration */
    lc_resource_t *res;                 /* when this node is a CfnResource */
    lc_node_t *default_child;           /* "Resource" or "Default" child, for Ref */
    void *l2;                           /* construct-specific state */
    int l2_kind;                        /* LC_DECL_* of the L2 construct, 0 for plain */
    lc_node_t **deps;                   /* node-level dependencies (addDependency) */
    size_t ndeps, capdeps;
};

struct lc_resource {
    lc_node_t *node;
    const char *type;                   /* "AWS::Lambda::Function" */
    lc_value_t *props;                  /* object, may be empty (then omitted) */
    const char *update_replace_policy;  /* "Retain", "Delete", "Snapshot" or NULL */
    const char *deletion_policy;
    const char *condition;
    lc_value_t *metadata;               /* object or NULL */
    const char *logical_id;             /* computed at synthesis */
    const char *override_id;            /* overrideLogicalId, or NULL */
    /* called just before rendering, to compute lazy properties (e.g. a version's
     * logical id from its function's properties); may set override_id */
    void (*prepare)(lc_resource_t *r, void *ctx);
    void *prepare_ctx;
    int prepare_order;                  /* lower runs first (default 0) */
};

/* ---- tree --------------------------------------------------------------------------- */
/* A new child of `parent` with construct id `id` (copied).  Fails (returns NULL and
 * reports an error naming both paths) when the id is already taken under parent. */
lc_node_t *lc_node_new(lc_node_t *parent, const char *id);
/* lc_node_new for a declaration at `loc`: a duplicate id is reported there (where the
 * user wrote the second construct), not at the parent's declaration. */
lc_node_t *lc_node_new_at(lc_node_t *parent, const char *id, lc_srcloc_t loc);
/* The child with this id, or NULL. */
lc_node_t *lc_node_child(const lc_node_t *parent, const char *id);
/* "a/b/c": the path below the stack (the stack id not included), arena-allocated. */
const char *lc_node_path(const lc_node_t *n);
/* A new resource node `id` under parent, of CloudFormation type `type`, with an empty
 * properties object.  When id is "Resource" or "Default", it becomes the parent's
 * default child. */
lc_resource_t *lc_resource_new(lc_node_t *parent, const char *id, const char *type);
/* The CfnResource a Ref to `n` means: n itself or its default child (recursively). */
lc_resource_t *lc_node_resource(const lc_node_t *n);
/* node.addDependency(target): every resource under `from` will DependsOn every resource
 * under `to` (when both are in the same stack). */
void lc_node_add_dependency(lc_node_t *from, lc_node_t *to);

/* ---- values that reference nodes ---------------------------------------------------- */
lc_value_t *lc_ref(lc_app_t *app, const lc_node_t *n);
lc_value_t *lc_getatt(lc_app_t *app, const lc_node_t *n, const char *attr);

/* ---- stacks and the app --------------------------------------------------------------- */
struct lc_stack {
    lc_app_t *app;
    const char *name;                   /* stack id (also the template file stem) */
    lc_node_t *root;                    /* the stack's own node (id = name) */
    const char *account, *region;       /* NULL when environment-agnostic */
    lc_value_t *parameters, *mappings, *conditions, *outputs, *rules;  /* objects */
    const void *decl;                   /* the lc_stack_decl_t */
    void *priv;                         /* synthesizer state (synth.c) */
    lc_stack_t *next;
};

typedef struct lc_flags {
    bool recognize_version_props;       /* @aws-cdk/aws-lambda:recognizeVersionProps */
    bool recognize_layer_version;       /* @aws-cdk/aws-lambda:recognizeLayerVersion */
    bool use_cdk_managed_log_group;     /* @aws-cdk/aws-lambda:useCdkManagedLogGroup */
    bool enable_partition_literals;     /* @aws-cdk/core:enablePartitionLiterals */
    bool minimize_policies;             /* @aws-cdk/aws-iam:minimizePolicies */
    bool signer_profile_name_to_cfn;    /* @aws-cdk/aws-signer:signingProfileNamePassedToCfn */
    /* @aws-cdk/core:target-partitions: NULL-terminated partition names the deploy-time
     * region lookups (Mappings of layer ARNs) are limited to; NULL = every partition */
    const char *const *target_partitions;
} lc_flags_t;

struct lc_app {
    lc_arena_t *arena;
    lc_hash_profile_t profile;
    lc_flags_t flags;
    bool path_metadata;                 /* aws:cdk:path on every resource */
    bool asset_metadata;
    bool bootstrap_rule;                /* BootstrapVersion parameter + rule */
    long stack_resource_limit;          /* @aws-cdk/core:stackResourceLimit (0: none) */
    const char *outdir;                 /* NULL: print templates only */
    lc_stack_t *stacks, *last_stack;
    int nerrors, nwarnings;
    const char *argv0;
    struct lc_assembly_state *assembly; /* assets and assembly options (assembly.h) */
};

/* Report a validation error / warning against a node (prints
 * "file:line: error: <Stack>/<path>: message [Code]" to stderr and counts it). */
void lc_error(lc_app_t *app, const lc_node_t *at, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void lc_warning(lc_app_t *app, const lc_node_t *at, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Error at a source location only (no node yet). */
void lc_error_at(lc_app_t *app, lc_srcloc_t loc, const char *path, const char *code,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif
