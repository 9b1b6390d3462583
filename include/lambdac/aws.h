/* lambdac/aws.h - the companion constructs a Lambda stack needs: IAM roles and policy
 * statements, SQS queues, SNS topics, log groups, and imported buckets, VPCs, security
 * groups, KMS keys and EFS access points.
 *
 * Only as much of each service as the Lambda features use; each renders exactly what
 * aws-cdk-lib's construct of the same name renders.  Declarations are static data, like
 * every lambdac declaration (see dsl.h for the expansion scheme).
 */
#ifndef LAMBDAC_AWS_H
#define LAMBDAC_AWS_H

#include <lambdac/lambda.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- IAM ----------------------------------------------------------------------------- */
typedef enum lc_principal_kind {
    LC_PRINCIPAL__NONE = 0,
    LC_PRINCIPAL_SERVICE,        /* new iam.ServicePrincipal("lambda.amazonaws.com") */
    LC_PRINCIPAL_ACCOUNT,        /* new iam.AccountPrincipal("123456789012") */
    LC_PRINCIPAL_ARN,            /* new iam.ArnPrincipal(arn) */
    LC_PRINCIPAL_ORGANIZATION,   /* new iam.OrganizationPrincipal("o-...") */
    LC_PRINCIPAL_ANY,            /* new iam.AnyPrincipal() */
    LC_PRINCIPAL_ACCOUNT_ROOT,   /* new iam.AccountRootPrincipal(): the stack's account */
    LC_PRINCIPAL_STAR,           /* new iam.StarPrincipal() ("Principal": "*") */
    LC_PRINCIPAL_ROLE,           /* an iam.Role declaration used as a grantee */
    LC_PRINCIPAL_COMPOSITE       /* new iam.CompositePrincipal(p1, p2, ...) */
} lc_principal_kind_t;

/* A principal (iam.IPrincipal), as a value.  The macros take the principal's argument
 * first and then optional designators that decorate it:
 *     LC_SERVICE_PRINCIPAL("events.amazonaws.com")
 *     LC_SERVICE_PRINCIPAL("s3.amazonaws.com",          // principal.withConditions({...})
 *         .conditions = LC_CONDITIONS(LC_COND("ArnLike", "aws:SourceArn", "arn:aws:s3:::b")))
 *     LC_ACCOUNT_PRINCIPAL("123456789012", .in_organization = "o-xxxxxxxxxx")
 *     LC_ROLE_PRINCIPAL(InvokerRole)                    // a role of the program
 *     LC_COMPOSITE_PRINCIPAL(&LC_ORGANIZATION_PRINCIPAL("o-zzzzzzzzzz"),
 *                            &LC_SERVICE_PRINCIPAL("apigateway.amazonaws.com"))
 * (a composite lists its members by address: C compilers accept a pointer to a file-scope
 * compound literal in static data, not a copy of one inside another).
 * Conditions are merged as aws-cdk-lib merges them: the principal's own (an
 * organization's aws:PrincipalOrgID), then in_organization, then `conditions`; one
 * operator given twice has its keys merged. */
typedef struct lc_principal {
    lc_principal_kind_t kind;
    const char *value;                    /* service, account id, ARN or organization id */
    const lc_value_t *conditions;         /* withConditions: {"Operator": {"key": value}} */
    const char *in_organization;          /* inOrganization("o-...") */
    const struct lc_role *role;           /* LC_PRINCIPAL_ROLE */
    const struct lc_principal *const *members;   /* LC_PRINCIPAL_COMPOSITE */
    size_t nmembers;
} lc_principal_t;
#define LC_PRINCIPAL(...)              ((lc_principal_t){ __VA_ARGS__ })
#define LC_SERVICE_PRINCIPAL(...)      ((lc_principal_t){ .kind = LC_PRINCIPAL_SERVICE, .value = __VA_ARGS__ })
#define LC_ACCOUNT_PRINCIPAL(...)      ((lc_principal_t){ .kind = LC_PRINCIPAL_ACCOUNT, .value = __VA_ARGS__ })
#define LC_ARN_PRINCIPAL(...)          ((lc_principal_t){ .kind = LC_PRINCIPAL_ARN, .value = __VA_ARGS__ })
#define LC_ORGANIZATION_PRINCIPAL(...) ((lc_principal_t){ .kind = LC_PRINCIPAL_ORGANIZATION, .value = __VA_ARGS__ })
#define LC_ANY_PRINCIPAL               ((lc_principal_t){ .kind = LC_PRINCIPAL_ANY })
#define LC_ACCOUNT_ROOT_PRINCIPAL      ((lc_principal_t){ .kind = LC_PRINCIPAL_ACCOUNT_ROOT })
#define LC_STAR_PRINCIPAL              ((lc_principal_t){ .kind = LC_PRINCIPAL_STAR })
#define LC_ROLE_PRINCIPAL(role_decl) \
    ((lc_principal_t){ .kind = LC_PRINCIPAL_ROLE, .role = &(role_decl) })
#define LC_COMPOSITE_PRINCIPAL(...) \
    ((lc_principal_t){ .kind = LC_PRINCIPAL_COMPOSITE, \
        .members = (const lc_principal_t *const[]){ __VA_ARGS__ }, \
        .nmembers = sizeof((const lc_principal_t *const[]){ __VA_ARGS__ }) / \
                    sizeof(const lc_principal_t *) })
/* Conditions: LC_CONDITIONS(LC_COND("StringEquals", "aws:SourceAccount", "111122223333"),
 * ...) is {"StringEquals": {"aws:SourceAccount": "111122223333"}, ...}; LC_CONDV takes a
 * value (a list, a token) instead of a string. */
#define LC_CONDITIONS(...)             LC_VOBJ(__VA_ARGS__)
#define LC_COND(op, key, str)          LC_M(op, LC_VOBJ(LC_M(key, LC_VSTR(str))))
#define LC_CONDV(op, key, val)         LC_M(op, LC_VOBJ(LC_M(key, val)))

/* A policy statement (iam.PolicyStatement).  Actions and resources are literal strings;
 * `resource_values` takes values (Ref / GetAtt / Fn::Join) when resources are tokens. */
struct lc_policy_statement {
    int deny;                        /* 0: Allow */
    lc_str_list_t actions;
    lc_str_list_t resources;
    const lc_value_t *const *resource_values;
    size_t nresource_values;
    const lc_value_t *conditions;    /* {"StringEquals": {...}} or NULL */
    const char *sid;
};
/* LC_STATEMENT(.actions = LC_STRS("s3:GetObject"), .resources = LC_STRS("*")) is a
 * pointer to a static statement, for initial_policy lists. */
#define LC_STATEMENT(...) (&(const lc_policy_statement_t){ __VA_ARGS__ })
#define LC_STATEMENTS(...) \
    .initial_policy = (const lc_policy_statement_t *const[]){ __VA_ARGS__ }, \
    .ninitial_policy = sizeof((const lc_policy_statement_t *const[]){ __VA_ARGS__ }) / \
                       sizeof(const lc_policy_statement_t *)

typedef struct lc_role_props {
    lc_principal_t assumed_by;
    lc_str_list_t managed_policies;   /* AWS managed policy names ("service-role/...") */
    const char *role_name;
    const char *description;
    const char *path;
    const char *arn;                  /* set by LC_ROLE_FROM_ARN: an imported role */
} lc_role_props_t;
struct lc_role {
    lc_decl_t h;
    lc_role_props_t p;
};
lc_node_t *lc_role_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_ROLE(name, ...) \
    static const lc_role_t name = { .h = LC__DECL_HDR(LC_DECL_ROLE, #name, lc_role_expand), \
                                    .p = { __VA_ARGS__ } }
#define LC_ROLE_ID(name, idstr, ...) \
    static const lc_role_t name = { .h = LC__DECL_HDR(LC_DECL_ROLE, idstr, lc_role_expand), \
                                    .p = { __VA_ARGS__ } }

/* Run-time role API for constructs (Function's ServiceRole uses the same code). */
typedef struct lc_role_state lc_role_state_t;
/* Create iam.Role(scope, id) with the given trust principal. */
lc_role_state_t *lc_role_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                                lc_principal_t assumed_by);
lc_role_state_t *lc_role_state(lc_node_t *role_node);
lc_node_t *lc_role_node(lc_role_state_t *r);
/* addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName(name)); duplicates ignored. */
void lc_role_add_managed_policy(lc_role_state_t *r, const char *aws_managed_name);
/* addToPrincipalPolicy: appends to the role's DefaultPolicy (created on first use). */
void lc_role_add_to_policy(lc_role_state_t *r, lc_value_t *statement_json);
/* The JSON of a statement as aws-cdk-lib renders it (Action, Condition, Effect,
 * Principal, Resource, Sid; one-element lists collapsed to the element). */
lc_value_t *lc_statement_json(lc_app_t *app, const char *effect, const char *const *actions,
                              size_t nactions, const lc_value_t *const *resources,
                              size_t nresources, const lc_value_t *condition);
lc_value_t *lc_statement_from_decl(lc_app_t *app, const lc_policy_statement_t *s);
/* The "Principal" JSON of a principal ({"Service": ...}, {"AWS": ...}). */
lc_value_t *lc_principal_json(lc_app_t *app, lc_principal_t p);
/* arn:${Partition}:iam::aws:policy/<name> as CDK writes it (Fn::Join). */
lc_value_t *lc_aws_managed_policy_arn(lc_app_t *app, const char *name);

/* ---- SQS, SNS --------------------------------------------------------------------------- */
typedef struct lc_queue_props {
    int lc__;                          /* unused: lets LC_QUEUE(Q) take no property */
    lc_duration_t retention_period;    /* MessageRetentionPeriod */
    lc_duration_t visibility_timeout;
    const char *queue_name;
    int fifo;
} lc_queue_props_t;
struct lc_queue {
    lc_decl_t h;
    lc_queue_props_t p;
};
lc_node_t *lc_queue_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_QUEUE(name, ...) \
    static const lc_queue_t name = { .h = LC__DECL_HDR(LC_DECL_QUEUE, #name, lc_queue_expand), \
                                     .p = { .lc__ = 0, __VA_ARGS__ } }
/* Create sqs.Queue(scope, id) at run time. */
lc_node_t *lc_queue_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                           const lc_queue_props_t *p);

typedef struct lc_topic_props {
    int lc__;                          /* unused: lets LC_TOPIC(T) take no property */
    const char *topic_name;
    const char *display_name;
} lc_topic_props_t;
struct lc_topic {
    lc_decl_t h;
    lc_topic_props_t p;
};
lc_node_t *lc_topic_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_TOPIC(name, ...) \
    static const lc_topic_t name = { .h = LC__DECL_HDR(LC_DECL_TOPIC, #name, lc_topic_expand), \
                                     .p = { .lc__ = 0, __VA_ARGS__ } }

/* ---- CloudWatch Logs -------------------------------------------------------------------- */
/* RetentionDays: 0 = CDK's default (TWO_YEARS, 731), LC_RETENTION_INFINITE = none. */
#define LC_RETENTION_INFINITE (-1)
typedef struct lc_log_group_props {
    int lc__;                          /* unused: lets LC_LOG_GROUP(G) take no property */
    int retention_days;
    const char *log_group_name;
    lc_removal_policy_t removal_policy;   /* default RETAIN */
} lc_log_group_props_t;
struct lc_log_group {
    lc_decl_t h;
    lc_log_group_props_t p;
};
lc_node_t *lc_log_group_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_LOG_GROUP(name, ...) \
    static const lc_log_group_t name = { \
        .h = LC__DECL_HDR(LC_DECL_LOG_GROUP, #name, lc_log_group_expand), \
        .p = { .lc__ = 0, __VA_ARGS__ } }

/* ---- imports (no resources) ------------------------------------------------------------- */
/* s3.Bucket.fromBucketName(scope, id, name) */
struct lc_bucket {
    lc_decl_t h;
    const char *bucket_name;
};
lc_node_t *lc_import_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_BUCKET_FROM_NAME(name, bucket) \
    static const lc_bucket_t name = { \
        .h = LC__DECL_HDR(LC_DECL_BUCKET, #name, lc_import_expand), .bucket_name = (bucket) }
#define LC_BUCKET_FROM_NAME_ID(name, idstr, bucket) \
    static const lc_bucket_t name = { \
        .h = LC__DECL_HDR(LC_DECL_BUCKET, idstr, lc_import_expand), .bucket_name = (bucket) }

/* ec2.Vpc.fromVpcAttributes(scope, id, {...}) */
typedef struct lc_vpc_attributes {
    const char *vpc_id;
    lc_str_list_t availability_zones;
    lc_str_list_t public_subnet_ids;
    lc_str_list_t private_subnet_ids;
    lc_str_list_t isolated_subnet_ids;
    const char *vpc_cidr_block;
} lc_vpc_attributes_t;
struct lc_vpc {
    lc_decl_t h;
    lc_vpc_attributes_t p;
};
#define LC_VPC_FROM_ATTRIBUTES(name, ...) \
    static const lc_vpc_t name = { .h = LC__DECL_HDR(LC_DECL_VPC, #name, lc_import_expand), \
                                   .p = { __VA_ARGS__ } }

/* ec2.SecurityGroup.fromSecurityGroupId(scope, id, sgId) */
struct lc_security_group {
    lc_decl_t h;
    const char *security_group_id;
};
#define LC_SECURITY_GROUP_FROM_ID(name, sgid) \
    static const lc_security_group_t name = { \
        .h = LC__DECL_HDR(LC_DECL_SECURITY_GROUP, #name, lc_import_expand), \
        .security_group_id = (sgid) }

/* kms.Key.fromKeyArn(scope, id, arn) */
struct lc_key {
    lc_decl_t h;
    const char *key_arn;
};
#define LC_KEY_FROM_ARN(name, arn) \
    static const lc_key_t name = { .h = LC__DECL_HDR(LC_DECL_KEY, #name, lc_import_expand), \
                                   .key_arn = (arn) }

/* efs.FileSystem.fromFileSystemAttributes(scope, id, {fileSystemId, securityGroup}) */
typedef struct lc_file_system_attributes {
    const char *file_system_id;
    const lc_security_group_t *security_group;
} lc_file_system_attributes_t;
typedef struct lc_file_system {
    lc_decl_t h;
    lc_file_system_attributes_t p;
} lc_file_system_t;
#define LC_FILE_SYSTEM_FROM_ATTRIBUTES(name, ...) \
    static const lc_file_system_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ACCESS_POINT, #name, lc_import_expand), .p = { __VA_ARGS__ } }

/* efs.AccessPoint.fromAccessPointAttributes(scope, id, {accessPointId, fileSystem}).  A
 * function mounting it is allowed NFS (2049) into the file system's security group, with
 * an ingress rule created under that group, as CDK's connections do. */
typedef struct lc_access_point_attributes {
    const char *access_point_id;
    const lc_file_system_t *file_system;
} lc_access_point_attributes_t;
struct lc_access_point {
    lc_decl_t h;
    lc_access_point_attributes_t p;
};
#define LC_ACCESS_POINT_FROM_ATTRIBUTES(name, ...) \
    static const lc_access_point_t name = { \
        .h = LC__DECL_HDR(LC_DECL_ACCESS_POINT, #name, lc_import_expand), .p = { __VA_ARGS__ } }

/* ---- CloudWatch alarms on function metrics ---------------------------------------------
 * cloudwatch.Alarm(scope, id, {metric: fn.metric<Name>({statistic, period}), ...}) */
typedef enum lc_treat_missing_data {
    LC_TREAT_MISSING__UNSET = 0, LC_TREAT_MISSING_BREACHING, LC_TREAT_MISSING_NOT_BREACHING,
    LC_TREAT_MISSING_IGNORE, LC_TREAT_MISSING_MISSING
} lc_treat_missing_data_t;
typedef struct lc_function_metric {
    const lc_function_t *function;
    const char *metric_name;      /* "Duration", "Errors", "Invocations", "Throttles" */
    const char *statistic;        /* "Average" (default), "Maximum", "Sum", "p99", ... */
    lc_duration_t period;         /* default 5 minutes */
} lc_function_metric_t;
#define LC_FUNCTION_METRIC(fn, name, ...) \
    ((lc_function_metric_t){ .function = &(fn), .metric_name = (name), __VA_ARGS__ })
typedef struct lc_alarm_props {
    lc_function_metric_t metric;
    double threshold;
    int evaluation_periods;
    int datapoints_to_alarm;
    const char *comparison_operator;   /* default "GreaterThanOrEqualToThreshold" */
    lc_treat_missing_data_t treat_missing_data;
    const char *alarm_name;
    const char *alarm_description;
} lc_alarm_props_t;
typedef struct lc_alarm {
    lc_decl_t h;
    lc_alarm_props_t p;
} lc_alarm_t;
lc_node_t *lc_alarm_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
#define LC_ALARM(name, ...) \
    static const lc_alarm_t name = { .h = LC__DECL_HDR(LC_DECL_ALARM, #name, lc_alarm_expand), \
                                     .p = { __VA_ARGS__ } }

#ifdef __cplusplus
}
#endif
#endif
