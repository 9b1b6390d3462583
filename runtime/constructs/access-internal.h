/* access-internal.h - what the access constructs share (permission.c, url.c,
 * imported.c, singleton.c, code_signing.c, iam.c); not installed. */
#ifndef LAMBDAC_CONSTRUCTS_ACCESS_INTERNAL_H
#define LAMBDAC_CONSTRUCTS_ACCESS_INTERNAL_H

#include <lambdac/access.h>
#include <lambdac/arn.h>

#include "internal.h"

/* ---- accounts, as aws-cdk-lib compares them (Token.compareStrings) ------------------ */
enum { LC_ACCT_NONE = 0, LC_ACCT_LITERAL, LC_ACCT_TOKEN };
typedef struct lc_acct {
    int kind;           /* LC_ACCT_* */
    const char *s;      /* LC_ACCT_LITERAL: the account id */
} lc_acct_t;
/* The stack's account: literal when pinned, a token otherwise. */
lc_acct_t lc_stack_acct(const lc_stack_t *st);
/* 1 when CDK would treat the accounts as the same (equal literals, or both tokens). */
int lc_acct_same(lc_acct_t a, lc_acct_t b);

/* ---- principals (iam.c) ------------------------------------------------------------- */
/* principal.toString(), e.g. "ServicePrincipal(events.amazonaws.com)" or, for a role,
 * its construct path "<Stack>/<Role>" (the role is expanded). */
const char *lc_principal_string(lc_stack_t *st, const lc_principal_t *p);
/* principal.policyFragment.conditions: the merged conditions object (empty object when
 * none); NULL after reporting an error. */
lc_value_t *lc_principal_conditions(lc_stack_t *st, const lc_principal_t *p, const lc_node_t *at);
/* The "Principal" JSON of a statement in stack st (AccountRootPrincipal needs the stack);
 * StarPrincipal is the string "*". */
lc_value_t *lc_principal_json_in(lc_stack_t *st, const lc_principal_t *p);
/* The class name aws-cdk-lib would print for p ("ServicePrincipal", ...). */
const char *lc_principal_class(const lc_principal_t *p);
/* Checks CDK does when a principal is constructed (organization id format); reports at
 * `at` and returns 0 when invalid. */
int lc_principal_check(lc_stack_t *st, const lc_principal_t *p, const lc_node_t *at);
/* @aws-cdk/aws-iam:minimizePolicies on a policy document value ({"Statement": [...]}),
 * in place; nothing without the flag.  Call it from a resource's prepare hook with an
 * order after 10 (it sorts by resolved logical ids, currentVersion ids included).  Role
 * trust policies and DefaultPolicies are minimized by iam.c itself. */
void lc_policy_document_minimize(lc_stack_t *st, const lc_value_t *doc);
/* For LC_PRINCIPAL_ROLE: the expanded role (NULL otherwise). */
lc_role_state_t *lc_principal_role(lc_stack_t *st, const lc_principal_t *p);
/* The imported ARN of a role (NULL for a role of the stack). */
const char *lc_role_imported_arn(const lc_role_state_t *r);

/* ---- ARN values ----------------------------------------------------------------------- */
/* `${arn}<suffix>` as CDK renders a token string: a literal concatenation, or an Fn::Join
 * with "" whose adjacent strings are merged (an Fn::Join of the same delimiter inside is
 * flattened, as CloudFormationLang.minimalCloudFormationJoin does). */
lc_value_t *lc_arn_concat(lc_arena_t *a, const lc_value_t *arn, const lc_value_t *suffix);
/* stack.partition when it is a literal: with @aws-cdk/core:enablePartitionLiterals and a
 * region the partition is known for ("aws", "aws-cn", "aws-us-gov", ...); NULL means
 * the pseudo parameter AWS::Partition. */
const char *lc_stack_partition(const lc_stack_t *st);
/* stack.formatArn({service, resource, resourceName, arnFormat COLON_RESOURCE_NAME when
 * sep == ':'}) with the stack's region and account (pseudo parameters when agnostic). */
lc_value_t *lc_format_arn(lc_stack_t *st, const char *service, const char *resource,
                          char sep, const char *resource_name);
/* CDK's string form of a value for lc_arn_parse(): strings as they are, tokens as
 * ${Token[...]} markers, Fn::Join with "" concatenated.  Arena-allocated. */
const char *lc_token_string(lc_arena_t *a, const lc_value_t *v);

/* ---- function-like targets (permission.c) ---------------------------------------------- */
typedef struct lc_fn_target {
    lc_stack_t *st;
    const lc_decl_t *decl;      /* the declaration named as target */
    lc_node_t *node;            /* the IFunction construct (warnings, errors, URL scope) */
    lc_node_t *perm_scope;      /* where permissions are attached (_functionNode) */
    const lc_value_t *arn;      /* functionArn */
    lc_node_t *fn_node;         /* the lambda.Function behind it (NULL for imports) */
    const char *alias_name;     /* LC_DECL_ALIAS: the alias name */
    int qualified;              /* alias or version: grants cover [arn] only */
    int is_version;
    int can_create_permissions;
    int skip_permissions;
    lc_acct_t env_account;
    const char *env_region;     /* for messages */
    const char *env_account_text;
} lc_fn_target_t;

/* Expand `d` (a function, alias, version, imported function or singleton declaration)
 * and describe it; reports an error at the declaration `owner` (a grant, permission or
 * URL) and returns 0 when d is none of these. */
int lc_fn_target_of(lc_stack_t *st, const lc_decl_t *d, const lc_decl_t *owner, lc_fn_target_t *t);

/* addPermission(id, permission) on a target. */
typedef struct lc_perm_spec {
    const lc_principal_t *principal;
    const char *action;
    const char *source_account;
    const lc_value_t *source_arn;
    const char *organization_id;
    const char *event_source_token;
    const char *function_url_auth_type;   /* "AWS_IAM", "NONE" or NULL */
    int invoked_via_function_url;         /* -1 unset */
    const lc_decl_t *owner;               /* the declaration asking (error locations) */
} lc_perm_spec_t;
/* Returns the permission's node, or NULL when none was created (skipped with a warning,
 * or an error was reported). */
lc_node_t *lc_fn_add_permission(lc_fn_target_t *t, const char *id, const lc_perm_spec_t *ps);
/* fn.grantInvoke / grantInvokeUrl / ... on a target; `owner` locates errors about the
 * principal.  Returns the permission node when one was created, else NULL. */
lc_node_t *lc_fn_grant_invoke(lc_fn_target_t *t, const lc_principal_t *p, const lc_decl_t *owner);
lc_node_t *lc_fn_grant_invoke_url(lc_fn_target_t *t, const lc_principal_t *p, const lc_decl_t *owner);
lc_node_t *lc_fn_grant_invoke_version(lc_fn_target_t *t, const lc_principal_t *p,
                                      lc_version_ref_t version, const lc_decl_t *owner);

/* ---- imported functions (imported.c) -------------------------------------------------- */
typedef struct lc_imported_state {
    const lc_value_t *arn;
    lc_acct_t account;
    const char *account_text, *region_text;
    int can_create_permissions;
    int skip_permissions;
} lc_imported_state_t;
lc_imported_state_t *lc_imported_state(lc_node_t *n);

/* ---- singletons (singleton.c) --------------------------------------------------------- */
/* The real function node behind a SingletonFunction node (NULL when not one). */
lc_node_t *lc_singleton_function_node(lc_node_t *n);

#endif
