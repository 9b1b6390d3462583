/* internal.h - helpers shared by the L2 constructs (not installed). */
#ifndef LAMBDAC_CONSTRUCTS_INTERNAL_H
#define LAMBDAC_CONSTRUCTS_INTERNAL_H

#include <lambdac/aws.h>
#include <lambdac/synth.h>

/* The role's ARN: Fn::GetAtt for a role of the stack, the literal for an import. */
lc_value_t *lc_role_arn(lc_role_state_t *r);
/* Removal policy -> UpdateReplacePolicy/DeletionPolicy (lc_removal_policy_t values). */
void lc_resource_set_removal_policy(lc_resource_t *r, int policy, int dflt);
/* The file asset reference of a staged asset: {S3Bucket, S3Key} values for the stack's
 * environment (Fn::Sub of the bootstrap bucket, or its literal name when pinned). */
lc_value_t *lc_asset_bucket_value(lc_stack_t *st);

/* The Code (function) or Content (layer) property for code `c` of the construct at n. */
lc_value_t *lc_code_value(lc_stack_t *st, lc_node_t *n, const lc_code_t *c, const char *what);

/* The expanded state of a lambda.Function (function.c, version.c). */
struct lc_function_state {
    lc_stack_t *st;
    lc_node_t *node;
    const lc_function_t *decl;
    lc_resource_t *res;
    lc_node_t *role_node;
    lc_role_state_t *role;          /* NULL when the role is imported */
    lc_value_t *env_vars;           /* Environment.Variables (insertion order) */
    lc_node_t *current_version;     /* fn.currentVersion, once read */
    lc_resource_t *current_version_res;
    const char *code_sha256;        /* sha256 of the packaged code zip, when lambdac built it */
    lc_node_t **layers;             /* in addLayers order */
    size_t nlayers, caplayers;
};

/* Hooks of the integrations (integrations.c): called by the Function expansion before
 * the AWS::Lambda::Function resource is created (profiling) and after it (layers of
 * Insights / ADOT / Params-and-Secrets, log retention).  Each does nothing for a
 * function that uses none of those properties. */
void lc_function_integrations_pre(lc_function_state_t *fs);
void lc_function_integrations_post(lc_function_state_t *fs);
/* The CodeSigningConfigArn value of a code signing configuration declaration
 * (code_signing.c). */
lc_value_t *lc_code_signing_config_arn_value(lc_stack_t *st, lc_node_t *fn_node,
                                             const struct lc_code_signing_config *csc);

/* The state of a LayerVersion node (layer.c). */
typedef struct lc_layer_state {
    int kind;                       /* LC_LAYER_DEFINED / _FROM_ARN_ / _FROM_ATTRIBUTES_ */
    lc_resource_t *res;             /* defined layers */
    const lc_value_t *arn;          /* imports: literal or token */
    const lc_runtime_list_t *runtimes;  /* NULL: Runtime.ALL (fromLayerVersionArn) */
    int has_runtimes;               /* attributes import: compatibleRuntimes given */
} lc_layer_state_t;
lc_layer_state_t *lc_layer_state(lc_node_t *n);
/* The layers config JSON of FACTS.md (a) (recognizeLayerVersion), appended to s. */
void lc_layers_hash_config(lc_function_state_t *fs, lc_sink_t *s);
/* Sets the function's Layers property (prepare hook of the function resource). */
void lc_function_layers_prepare(lc_resource_t *r, void *fs);

/* The function's version hash (32 hex, the profile's hash) as of now; 0 or -1 after an
 * error was reported (an unclassified property). */
int lc_function_version_hash(lc_function_state_t *fs, char out[33]);
/* The text that is hashed (cdk: CDK's input; native: the canonical form v1), into s. */
const char *lc_function_version_hash_input(lc_function_state_t *fs, lc_sink_t *s);
/* Compute a currentVersion's logical id (version.c); a prepare hook. */
void lc_version_hash_prepare(lc_resource_t *version_res, void *fn_state);

#endif
