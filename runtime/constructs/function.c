/* function.c - lambda.Function: validation and expansion into Role, Policy, Function.
 *
 * The order of work follows aws-cdk-lib's Function constructor, because construct
 * creation order is template order: the ServiceRole (and its DefaultPolicy, which
 * grants create), then a dead-letter queue, a VPC security group, then the
 * AWS::Lambda::Function itself ("Resource").  Validation reports every problem (CDK
 * throws at the first), each with CDK's error code and message.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/aws.h>
#include <lambdac/lambda.h>
#include <lambdac/logical_id.h>
#include <lambdac/synth.h>

#include "internal.h"



lc_function_state_t *lc_function_state(lc_node_t *fn_node)
{
    if (!fn_node || fn_node->l2_kind != LC_DECL_FUNCTION)
        return NULL;
    return fn_node->l2;
}

lc_node_t *lc_function_role_node(lc_function_state_t *fs)
{
    return fs->role_node;
}

void lc_function_add_to_role_policy(lc_function_state_t *fs, lc_value_t *statement)
{
    if (fs->role)
        lc_role_add_to_policy(fs->role, statement);
}

void lc_function_add_environment(lc_function_state_t *fs, const char *key,
                                 const lc_value_t *value)
{
    lc_arena_t *a = fs->st->app->arena;
    if (!fs->env_vars) {
        fs->env_vars = lc_v_obj(a);
        lc_value_t *env = lc_v_obj(a);
        lc_obj_set(a, env, "Variables", fs->env_vars);
        if (fs->res)
            lc_obj_set(a, fs->res->props, "Environment", env);
    }
    lc_obj_set(a, fs->env_vars, key, value);
    if (fs->current_version)
        lc_obj_sort(fs->env_vars);
}

/* ---- validation ---------------------------------------------------------------------- */

static const char *const reserved_env[] = {
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
};

bool lc_env_var_reserved(const char *name)
{
    for (size_t k = 0; k < sizeof reserved_env / sizeof *reserved_env; k++)
        if (strcmp(name, reserved_env[k]) == 0)
            return true;
    return false;
}

static int valid_function_name(const char *s)
{
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
            return 0;
    return 1;
}

static const char *format_name(lc_logging_format_t f)
{
    return f == LC_LOGGING_FORMAT_JSON ? "JSON" : f == LC_LOGGING_FORMAT_TEXT ? "Text" : NULL;
}

static const char *level_name(lc_log_level_t l)
{
    static const char *const n[] = { NULL, "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" };
    return (l > 0 && l <= LC_LOG_LEVEL_FATAL) ? n[l] : NULL;
}

static void validate(lc_stack_t *st, lc_node_t *n, const lc_function_props_t *p)
{
    lc_app_t *app = st->app;
    const lc_runtime_info_t *rt = lc_runtime_info(p->runtime);

    if (p->function_name) {
        size_t len = strlen(p->function_name);
        if (len > 64)
            lc_error(app, n, "FunctionNameTooLong",
                     "Function name can not be longer than 64 characters but has %zu characters.",
                     len);
        if (!valid_function_name(p->function_name))
            lc_error(app, n, "InvalidFunctionNameFormat",
                     "Function name %s can contain only letters, numbers, hyphens, or underscores with no spaces.",
                     p->function_name);
    }
    if (p->description && strlen(p->description) > 256)
        lc_error(app, n, "DescriptionTooLong",
                 "Function description can not be longer than 256 characters but has %zu characters.",
                 strlen(p->description));
    if (p->code.kind == LC_CODE__NONE)
        lc_error(app, n, "CodeRequired", "Function requires 'code'");
    if (p->code.kind != LC_CODE__NONE && !rt)
        lc_error(app, n, "RuntimeRequired", "Function requires 'runtime'");
    if (!p->handler && p->code.kind != LC_CODE__NONE)
        lc_error(app, n, "HandlerRequired", "Function requires 'handler'");
    if (p->code.kind == LC_CODE_INLINE) {
        if (!p->code.text || !*p->code.text)
            lc_error(app, n, "LambdaInlineCodeCannotBeEmpty", "Lambda inline code cannot be empty");
        else if (rt && !rt->supports_inline_code)
            lc_error(app, n, "InlineSourceAllowed", "Inline source not allowed for %s", rt->name);
    }
    for (size_t i = 0; i < p->environment.n; i++)
        if (lc_env_var_reserved(p->environment.items[i].key))
            lc_error(app, n, "ReservedEnvironmentVariable",
                     "%s environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
                     p->environment.items[i].key);
    if (p->ephemeral_storage_size.set &&
        (p->ephemeral_storage_size.mib < 512 || p->ephemeral_storage_size.mib > 10240))
        lc_error(app, n, "EphemeralStorageOutOfRange",
                 "Ephemeral storage size must be between 512 and 10240 MB, received Size.mebibytes(%lld).",
                 (long long)p->ephemeral_storage_size.mib);

    /* logging */
    if (p->log_format && p->logging_format)
        lc_error(app, n, "LogFormatConflict", "Only define LogFormat or LoggingFormat, not both.");
    if (p->application_log_level && p->application_log_level_v2)
        lc_error(app, n, "ApplicationLogLevelConflict",
                 "Only define applicationLogLevel or applicationLogLevelV2, not both.");
    if (p->system_log_level && p->system_log_level_v2)
        lc_error(app, n, "SystemLogLevelConflict",
                 "Only define systemLogLevel or systemLogLevelV2, not both.");
    int levels = p->application_log_level || p->application_log_level_v2 ||
                 p->system_log_level || p->system_log_level_v2;
    if (levels) {
        if (p->logging_format && p->logging_format != LC_LOGGING_FORMAT_JSON)
            lc_error(app, n, "JsonLoggingFormatRequired",
                     "To use ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to 'JSON', got '%s'.",
                     format_name(p->logging_format));
        else if (!p->logging_format && p->log_format != LC_LOGGING_FORMAT_JSON)
            lc_error(app, n, "JsonLogFormatRequired",
                     "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got '%s'.",
                     p->log_format ? format_name(p->log_format) : "undefined");
    }
    if (p->log_retention_days && p->log_group)
        lc_error(app, n, "LogRetentionLogGroupConflict",
                 "CDK does not support setting logRetention and logGroup");

    /* SnapStart */
    if (p->snap_start && rt) {
        if (!rt->supports_snap_start && p->runtime != LC_RUNTIME_FROM_IMAGE)
            lc_error(app, n, "SnapStartCurrentlySupportedRuntime",
                     "SnapStart currently not supported by runtime %s", rt->name);
        if (p->filesystem.access_point)
            lc_error(app, n, "SnapStartCurrentlySupported",
                     "SnapStart is currently not supported using EFS");
        if (p->ephemeral_storage_size.set && p->ephemeral_storage_size.mib > 512)
            lc_error(app, n, "SnapStartCurrentlySupportedMi",
                     "SnapStart is currently not supported using more than 512 MiB Ephemeral Storage");
    }

    /* dead-letter configuration */
    if (p->dead_letter_queue && p->dead_letter_queue_enabled == LC_FALSE)
        lc_error(app, n, "DeadLetterQueueEnabledFalse",
                 "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false");
    if (p->dead_letter_topic && (p->dead_letter_queue || p->dead_letter_queue_enabled != LC_UNSET))
        lc_error(app, n, "DeadLetterQueueDeadLetter",
                 "deadLetterQueue and deadLetterTopic cannot be specified together at the same time");

    if (p->architecture && p->narchitectures)
        lc_error(app, n, "ConflictingArchitectureOptions",
                 "Either architecture or architectures must be specified but not both.");
    if (p->narchitectures > 1)
        lc_error(app, n, "MultipleArchitecturesSpecified",
                 "Only one architecture must be specified.");

    /* VPC-only properties */
    if (!p->vpc) {
        if (p->ipv6_allowed_for_dual_stack != LC_UNSET)
            lc_error(app, n, "Ipv6DualStackRequiresVpc",
                     "Cannot configure 'ipv6AllowedForDualStack' without configuring a VPC");
        if (p->allow_all_outbound != LC_UNSET)
            lc_error(app, n, "AllowAllOutboundRequiresVpc",
                     "Cannot configure 'allowAllOutbound' without configuring a VPC");
        if (p->allow_all_ipv6_outbound != LC_UNSET)
            lc_error(app, n, "AllowAllIpv6OutboundRequiresVpc",
                     "Cannot configure 'allowAllIpv6Outbound' without configuring a VPC");
        if (p->nsecurity_groups)
            lc_error(app, n, "SecurityGroupsRequireVpc",
                     "Cannot configure 'securityGroups' without configuring a VPC");
        if (p->vpc_subnets.subnet_type)
            lc_error(app, n, "VpcSubnetsRequiresVpc",
                     "Cannot configure 'vpcSubnets' without configuring a VPC");
        if (p->filesystem.access_point)
            lc_error(app, n, "FilesystemRequiresVpc",
                     "Cannot configure 'filesystem' without configuring a VPC.");
    } else if (p->nsecurity_groups && p->allow_all_outbound != LC_UNSET) {
        lc_error(app, n, "ConfigureAllowAllOutboundOnSecurityGroups",
                 "Configure 'allowAllOutbound' directly on the supplied SecurityGroups.");
    }
    if (p->filesystem.access_point) {
        const char *mp = p->filesystem.mount_path ? p->filesystem.mount_path : "";
        int ok = strncmp(mp, "/mnt/", 5) == 0 && mp[5];
        for (const char *c = mp + 5; ok && *c; c++)
            ok = isalnum((unsigned char)*c) || *c == '-' || *c == '_' || *c == '.';
        if (!ok)
            lc_error(app, n, "InvalidMountPathFormat",
                     "Local mount path should match with ^/mnt/[a-zA-Z0-9-_.]+$ but given %s.", mp);
        if (strlen(mp) > 160)
            lc_error(app, n, "MountPathTooLong",
                     "Local mount path can not be longer than 160 characters but has %zu characters.",
                     strlen(mp));
    }
}

/* ---- pieces of the Function resource ------------------------------------------------ */

static const char *arch_name(lc_architecture_t a)
{
    return a == LC_ARCH_ARM_64 ? "arm64" : "x86_64";
}

/* Names.uniqueId(fn): a logical-id-style name over the full path, stack included. */
static const char *unique_id(lc_app_t *app, lc_node_t *n)
{
    size_t depth = 0;
    for (lc_node_t *p = n; p; p = p->parent)
        depth++;
    const char **comp = lc_xalloc(app->arena, depth * sizeof *comp);
    size_t i = depth;
    for (lc_node_t *p = n; p; p = p->parent)
        comp[--i] = p->id;
    return lc_logical_id(app->arena, app->profile, comp, depth);
}

static void add_egress_all(lc_arena_t *a, lc_value_t *props, int ipv6)
{
    lc_value_t *rule = lc_v_obj(a);
    if (ipv6)
        lc_obj_set(a, rule, "CidrIpv6", lc_v_str(a, "::/0"));
    else
        lc_obj_set(a, rule, "CidrIp", lc_v_str(a, "0.0.0.0/0"));
    lc_obj_set(a, rule, "Description",
               lc_v_str(a, ipv6 ? "Allow all outbound ipv6 traffic by default"
                                : "Allow all outbound traffic by default"));
    lc_obj_set(a, rule, "IpProtocol", lc_v_str(a, "-1"));
    lc_value_t *arr = (lc_value_t *)lc_obj_get(props, "SecurityGroupEgress");
    if (!arr) {
        arr = lc_v_arr(a);
        lc_obj_set(a, props, "SecurityGroupEgress", arr);
    }
    lc_arr_push(a, arr, rule);
}

/* configureVpc: the automatic security group (or the given ones) and the subnets. */
static lc_value_t *vpc_config(lc_stack_t *st, lc_node_t *n, const lc_function_props_t *p)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_expand(st, p->vpc);
    const lc_vpc_attributes_t *v = &p->vpc->p;
    lc_value_t *sgids = lc_v_arr(a);
    if (p->nsecurity_groups) {
        for (size_t i = 0; i < p->nsecurity_groups; i++) {
            lc_expand(st, p->security_groups[i]);
            lc_arr_push(a, sgids, lc_v_str(a, p->security_groups[i]->security_group_id));
        }
    } else {
        lc_resource_t *sg;
        lc_node_t *sgn = lc_node_new(n, "SecurityGroup");
        if (!sgn || !(sg = lc_resource_new(sgn, "Resource", "AWS::EC2::SecurityGroup")))
            return NULL;
        lc_obj_set(a, sg->props, "GroupDescription",
                   lc_v_strfmt(a, "Automatic security group for Lambda Function %s",
                               unique_id(app, n)));
        if (p->allow_all_outbound != LC_FALSE)
            add_egress_all(a, sg->props, 0);
        else {
            /* CDK's placeholder rule that matches no traffic */
            lc_value_t *rule = lc_v_obj(a);
            lc_obj_set(a, rule, "CidrIp", lc_v_str(a, "255.255.255.255/32"));
            lc_obj_set(a, rule, "Description", lc_v_str(a, "Disallow all traffic"));
            lc_obj_set(a, rule, "FromPort", lc_v_int(a, 252));
            lc_obj_set(a, rule, "IpProtocol", lc_v_str(a, "icmp"));
            lc_obj_set(a, rule, "ToPort", lc_v_int(a, 86));
            lc_value_t *arr = lc_v_arr(a);
            lc_arr_push(a, arr, rule);
            lc_obj_set(a, sg->props, "SecurityGroupEgress", arr);
        }
        if (p->allow_all_ipv6_outbound == LC_TRUE)
            add_egress_all(a, sg->props, 1);
        lc_obj_set(a, sg->props, "VpcId", lc_v_str(a, v->vpc_id ? v->vpc_id : ""));
        lc_arr_push(a, sgids, lc_getatt(app, sgn, "GroupId"));
    }
    /* default selection: private subnets, else isolated, else public if allowed */
    const lc_str_list_t *subnets = NULL;
    switch (p->vpc_subnets.subnet_type) {
    case LC_SUBNETS_PUBLIC:
        subnets = &v->public_subnet_ids;
        if (p->allow_public_subnet != LC_TRUE)
            lc_error(app, n, "PublicSubnetsNotAllowed",
                     "Lambda Functions in a public subnet can NOT access the internet. If you are aware of this limitation and would still like to place the function in a public subnet, set `allowPublicSubnet` to true");
        break;
    case LC_SUBNETS_PRIVATE_ISOLATED:
        subnets = &v->isolated_subnet_ids;
        break;
    case LC_SUBNETS_PRIVATE_WITH_EGRESS:
        subnets = &v->private_subnet_ids;
        break;
    default:
        subnets = v->private_subnet_ids.n ? &v->private_subnet_ids
                : v->isolated_subnet_ids.n ? &v->isolated_subnet_ids : &v->public_subnet_ids;
        if (subnets == &v->public_subnet_ids && p->allow_public_subnet != LC_TRUE)
            lc_error(app, n, "PublicSubnetsNotAllowed",
                     "Lambda Functions in a public subnet can NOT access the internet. If you are aware of this limitation and would still like to place the function in a public subnet, set `allowPublicSubnet` to true");
        break;
    }
    lc_value_t *ids = lc_v_arr(a);
    for (size_t i = 0; i < subnets->n; i++)
        lc_arr_push(a, ids, lc_v_str(a, subnets->items[i]));
    lc_value_t *cfg = lc_v_obj(a);
    if (p->ipv6_allowed_for_dual_stack != LC_UNSET)
        lc_obj_set(a, cfg, "Ipv6AllowedForDualStack",
                   lc_v_bool(a, p->ipv6_allowed_for_dual_stack == LC_TRUE));
    lc_obj_set(a, cfg, "SecurityGroupIds", sgids);
    lc_obj_set(a, cfg, "SubnetIds", ids);
    return cfg;
}

/* arn:${Partition}:elasticfilesystem:${Region}:${AccountId}:<kind>/<id> as CDK's
 * Stack.formatArn renders it in an environment-agnostic stack. */
static lc_value_t *efs_arn(lc_stack_t *st, const char *kind, const char *id)
{
    lc_arena_t *a = st->app->arena;
    if (st->account && st->region)
        return lc_v_strfmt(a, "arn:aws:elasticfilesystem:%s:%s:%s/%s", st->region,
                           st->account, kind, id);
    lc_value_t *parts = lc_v_arr(a);
    lc_arr_push(a, parts, lc_v_str(a, "arn:"));
    lc_arr_push(a, parts, lc_v_refname(a, "AWS::Partition"));
    lc_arr_push(a, parts, lc_v_str(a, ":elasticfilesystem:"));
    lc_arr_push(a, parts, lc_v_refname(a, "AWS::Region"));
    lc_arr_push(a, parts, lc_v_str(a, ":"));
    lc_arr_push(a, parts, lc_v_refname(a, "AWS::AccountId"));
    lc_arr_push(a, parts, lc_v_strfmt(a, ":%s/%s", kind, id));
    return lc_fn_join(a, "", parts);
}

/* fileSystem.connections.allowDefaultPortFrom(fn): an ingress rule on the file system's
 * (imported) security group, under that group's node, with the construct id CDK derives
 * ("from <peer uniqueId>:2049"); the function resource waits for it. */
static void nfs_ingress(lc_stack_t *st, lc_resource_t *fn_res, lc_node_t *efs_sg,
                        const char *efs_sg_id, lc_node_t *fn_sg)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    const char *peer = unique_id(app, fn_sg);
    const char *id = lc_sprintf(a, "from %s:2049", peer);
    lc_resource_t *in = lc_resource_new(efs_sg, id, "AWS::EC2::SecurityGroupIngress");
    if (!in)
        return;
    lc_obj_set(a, in->props, "Description", lc_v_str(a, id));
    lc_obj_set(a, in->props, "FromPort", lc_v_int(a, 2049));
    lc_obj_set(a, in->props, "GroupId", lc_v_str(a, efs_sg_id ? efs_sg_id : ""));
    lc_obj_set(a, in->props, "IpProtocol", lc_v_str(a, "tcp"));
    lc_obj_set(a, in->props, "SourceSecurityGroupId", lc_getatt(app, fn_sg, "GroupId"));
    lc_obj_set(a, in->props, "ToPort", lc_v_int(a, 2049));
    lc_node_add_dependency(fn_res->node, in->node);
}

/* ---- expansion --------------------------------------------------------------------- */

lc_node_t *lc_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    return lc_function_create(st, scope, d->id, (const lc_function_t *)d);
}

lc_node_t *lc_function_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                              const lc_function_t *fd)
{
    const lc_function_props_t *p = &fd->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_new_at(scope, id, fd->h.loc);  /* a duplicate id: at fd's line */
    if (!n)
        return NULL;
    n->decl = &fd->h;
    n->loc = fd->h.loc;
    n->l2_kind = LC_DECL_FUNCTION;
    lc_function_state_t *fs = lc_xalloc(a, sizeof *fs);
    fs->st = st;
    fs->node = n;
    fs->decl = fd;
    n->l2 = fs;
    validate(st, n, p);
    const lc_runtime_info_t *rt = lc_runtime_info(p->runtime);

    /* the execution role */
    if (p->role) {
        fs->role_node = lc_expand(st, p->role);
        fs->role = lc_role_state(fs->role_node);
    } else {
        fs->role = lc_role_create(st, n, "ServiceRole",
                                  LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"));
        if (!fs->role)
            return n;
        fs->role_node = lc_role_node(fs->role);
        lc_role_add_managed_policy(fs->role, "service-role/AWSLambdaBasicExecutionRole");
        if (p->vpc)
            lc_role_add_managed_policy(fs->role, "service-role/AWSLambdaVPCAccessExecutionRole");
    }
    for (size_t i = 0; i < p->ninitial_policy; i++)
        lc_function_add_to_role_policy(fs, lc_statement_from_decl(app, p->initial_policy[i]));

    /* profiling: CDK creates the ProfilingGroup and its grant here, before the dead-letter
     * queue (creation and statement order follow) */
    lc_function_integrations_pre(fs);

    /* dead letters: a queue of our own, the user's queue, or a topic */
    lc_value_t *dlq_arn = NULL;
    if (p->dead_letter_topic) {
        lc_node_t *t = lc_expand(st, p->dead_letter_topic);
        if (t) {
            const lc_value_t *res[1] = { lc_ref(app, t) };
            const char *act[1] = { "sns:Publish" };
            lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", act, 1, res, 1, NULL));
            dlq_arn = lc_ref(app, t);
        }
    } else if (p->dead_letter_queue || p->dead_letter_queue_enabled == LC_TRUE) {
        lc_node_t *q;
        if (p->dead_letter_queue) {
            q = lc_expand(st, p->dead_letter_queue);
        } else {
            lc_queue_props_t qp = { .retention_period = LC_DAYS(14) };
            q = lc_queue_create(st, n, "DeadLetterQueue", &qp);
        }
        if (q) {
            const lc_value_t *res[1] = { lc_getatt(app, q, "Arn") };
            const char *act[1] = { "sqs:SendMessage" };
            lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", act, 1, res, 1, NULL));
            dlq_arn = lc_getatt(app, q, "Arn");
        }
    }

    /* X-Ray */
    if (p->tracing == LC_TRACING_ACTIVE || p->tracing == LC_TRACING_PASS_THROUGH) {
        const char *act[2] = { "xray:PutTraceSegments", "xray:PutTelemetryRecords" };
        const lc_value_t *res[1] = { lc_v_str(a, "*") };
        lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", act, 2, res, 1, NULL));
    }

    lc_value_t *vpc = p->vpc ? vpc_config(st, n, p) : NULL;

    /* the function itself */
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Function");
    if (!r)
        return n;
    fs->res = r;
    r->prepare = lc_function_layers_prepare;
    r->prepare_ctx = fs;
    lc_value_t *props = r->props;
    lc_stack_use_section(st, "Resources");

    lc_obj_set(a, props, "Code", lc_code_value(st, n, &p->code, "Code"));
    lc_obj_set(a, props, "Role", fs->role ? lc_role_arn(fs->role)
                                          : lc_getatt(app, fs->role_node, "Arn"));
    if (p->description)
        lc_obj_set(a, props, "Description", lc_v_str(a, p->description));
    if (p->function_name)
        lc_obj_set(a, props, "FunctionName", lc_v_str(a, p->function_name));
    if (p->handler)
        lc_obj_set(a, props, "Handler", lc_v_str(a, p->handler));
    if (rt && p->runtime != LC_RUNTIME_FROM_IMAGE)
        lc_obj_set(a, props, "Runtime", lc_v_str(a, rt->name));
    if (p->timeout.set) {
        if (p->timeout.ms % 1000)
            lc_error(app, n, "DurationNotIntegral",
                     "'%lld ms' cannot be converted into a whole number of seconds.",
                     (long long)p->timeout.ms);
        lc_obj_set(a, props, "Timeout", lc_v_int(a, p->timeout.ms / 1000));
    }
    if (p->memory_size)
        lc_obj_set(a, props, "MemorySize", lc_v_int(a, p->memory_size));
    if (p->reserved_concurrent_executions.set)
        lc_obj_set(a, props, "ReservedConcurrentExecutions",
                   lc_v_int(a, p->reserved_concurrent_executions.v));
    if (p->architecture || p->narchitectures) {
        lc_value_t *arr = lc_v_arr(a);
        lc_arr_push(a, arr, lc_v_str(a, arch_name(p->architecture ? p->architecture
                                                                   : p->architectures[0])));
        lc_obj_set(a, props, "Architectures", arr);
    }
    for (size_t i = 0; i < p->environment.n; i++)
        lc_function_add_environment(fs, p->environment.items[i].key,
                                    lc_v_str(a, p->environment.items[i].value));
    if (p->environment_encryption) {
        lc_expand(st, p->environment_encryption);
        lc_obj_set(a, props, "KmsKeyArn", lc_v_str(a, p->environment_encryption->key_arn));
    }
    if (p->ephemeral_storage_size.set) {
        lc_value_t *es = lc_v_obj(a);
        lc_obj_set(a, es, "Size", lc_v_int(a, p->ephemeral_storage_size.mib));
        lc_obj_set(a, props, "EphemeralStorage", es);
    }
    if (p->tracing == LC_TRACING_ACTIVE || p->tracing == LC_TRACING_PASS_THROUGH) {
        lc_value_t *tc = lc_v_obj(a);
        lc_obj_set(a, tc, "Mode",
                   lc_v_str(a, p->tracing == LC_TRACING_ACTIVE ? "Active" : "PassThrough"));
        lc_obj_set(a, props, "TracingConfig", tc);
    }
    if (dlq_arn) {
        lc_value_t *dc = lc_v_obj(a);
        lc_obj_set(a, dc, "TargetArn", dlq_arn);
        lc_obj_set(a, props, "DeadLetterConfig", dc);
    }
    {
        lc_logging_format_t fmt = p->logging_format ? p->logging_format : p->log_format;
        lc_log_level_t app_level = p->application_log_level_v2 ? p->application_log_level_v2
                                                               : p->application_log_level;
        lc_log_level_t sys_level = p->system_log_level_v2 ? p->system_log_level_v2
                                                          : p->system_log_level;
        if (fmt || app_level || sys_level || p->log_group) {
            lc_value_t *lc = lc_v_obj(a);
            if (fmt)
                lc_obj_set(a, lc, "LogFormat", lc_v_str(a, format_name(fmt)));
            if (app_level)
                lc_obj_set(a, lc, "ApplicationLogLevel", lc_v_str(a, level_name(app_level)));
            if (sys_level)
                lc_obj_set(a, lc, "SystemLogLevel", lc_v_str(a, level_name(sys_level)));
            if (p->log_group) {
                lc_node_t *lg = lc_expand(st, p->log_group);
                if (lg)
                    lc_obj_set(a, lc, "LogGroup", lc_ref(app, lg));
            }
            lc_obj_set(a, props, "LoggingConfig", lc);
        }
    }
    if (p->snap_start == LC_SNAP_START_ON_PUBLISHED_VERSIONS) {
        lc_value_t *ss = lc_v_obj(a);
        lc_obj_set(a, ss, "ApplyOn", lc_v_str(a, "PublishedVersions"));
        lc_obj_set(a, props, "SnapStart", ss);
    }
    if (p->runtime_management_mode.mode) {
        static const char *const on[] = { NULL, "Auto", "FunctionUpdate", "Manual" };
        lc_value_t *rm = lc_v_obj(a);
        if (p->runtime_management_mode.arn)
            lc_obj_set(a, rm, "RuntimeVersionArn", lc_v_str(a, p->runtime_management_mode.arn));
        lc_obj_set(a, rm, "UpdateRuntimeOn", lc_v_str(a, on[p->runtime_management_mode.mode]));
        lc_obj_set(a, props, "RuntimeManagementConfig", rm);
    }
    if (p->code_signing_config_arn)
        lc_obj_set(a, props, "CodeSigningConfigArn", lc_v_str(a, p->code_signing_config_arn));
    else if (p->code_signing_config)
        lc_obj_set(a, props, "CodeSigningConfigArn",
                   lc_code_signing_config_arn_value(st, n, p->code_signing_config));
    if (vpc)
        lc_obj_set(a, props, "VpcConfig", vpc);
    if (p->tags.n) {
        /* CDK's TagManager renders tags sorted by key */
        lc_value_t *tags = lc_v_arr(a);
        size_t nt = p->tags.n;
        const lc_kv_t **sorted = lc_xalloc(a, nt * sizeof *sorted);
        for (size_t i = 0; i < nt; i++) {
            size_t j = i;
            while (j > 0 && strcmp(sorted[j - 1]->key, p->tags.items[i].key) > 0) {
                sorted[j] = sorted[j - 1];
                j--;
            }
            sorted[j] = &p->tags.items[i];
        }
        for (size_t i = 0; i < nt; i++) {
            lc_value_t *t = lc_v_obj(a);
            lc_obj_set(a, t, "Key", lc_v_str(a, sorted[i]->key));
            lc_obj_set(a, t, "Value", lc_v_str(a, sorted[i]->value));
            lc_arr_push(a, tags, t);
        }
        lc_obj_set(a, props, "Tags", tags);
    }

    for (size_t i = 0; i < p->nlayers; i++) {
        lc_node_t *ln = lc_expand(st, p->layers[i]);
        if (ln)
            lc_function_add_layer(fs, ln);
    }

    /* the function waits for its role (and the role's policy) */
    lc_node_add_dependency(r->node, fs->role_node);
    for (size_t i = 0; i < p->ndepends_on; i++) {
        lc_node_t *dn = lc_expand(st, p->depends_on[i]);
        if (dn)
            lc_node_add_dependency(n, dn);
    }
    /* @aws-cdk/aws-lambda:useCdkManagedLogGroup: the function gets a log group of its
     * own (kept on deletion, two years of retention) unless it was given one */
    if (app->flags.use_cdk_managed_log_group && !p->log_group && !p->log_retention_days) {
        lc_node_t *lgn = lc_node_new(n, "LogGroup");
        lc_resource_t *lg = lgn ? lc_resource_new(lgn, "Resource", "AWS::Logs::LogGroup") : NULL;
        if (lg) {
            lc_value_t *parts = lc_v_arr(a);
            lc_arr_push(a, parts, lc_v_str(a, "/aws/lambda/"));
            lc_arr_push(a, parts, lc_ref(app, n));
            lc_obj_set(a, lg->props, "LogGroupName", lc_fn_join(a, "", parts));
            lc_obj_set(a, lg->props, "RetentionInDays", lc_v_int(a, 731));
            lc_resource_set_removal_policy(lg, LC_REMOVAL_RETAIN, LC_REMOVAL_RETAIN);
        }
    }
    /* Insights, ADOT, Params-and-Secrets layers, legacy log retention, ... */
    lc_function_integrations_post(fs);

    if (p->current_version)
        lc_function_current_version(fs);

    /* EFS: mount and write permissions on the access point and its file system, and NFS
     * from the function's security group into the file system's */
    if (p->filesystem.access_point && p->vpc) {
        const lc_access_point_t *ap = p->filesystem.access_point;
        const lc_file_system_t *efs = ap->p.file_system;
        lc_expand(st, ap);
        if (efs)
            lc_expand(st, efs);
        lc_value_t *ap_arn = efs_arn(st, "access-point", ap->p.access_point_id);
        lc_value_t *fsc = lc_v_obj(a);
        lc_obj_set(a, fsc, "Arn", ap_arn);
        lc_obj_set(a, fsc, "LocalMountPath", lc_v_str(a, p->filesystem.mount_path));
        lc_value_t *fscs = lc_v_arr(a);
        lc_arr_push(a, fscs, fsc);
        lc_obj_set(a, props, "FileSystemConfigs", fscs);

        lc_value_t *cond_inner = lc_v_obj(a);
        lc_obj_set(a, cond_inner, "elasticfilesystem:AccessPointArn", ap_arn);
        lc_value_t *cond = lc_v_obj(a);
        lc_obj_set(a, cond, "StringEquals", cond_inner);
        const char *mount[1] = { "elasticfilesystem:ClientMount" };
        const lc_value_t *star[1] = { lc_v_str(a, "*") };
        lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", mount, 1, star, 1, cond));
        if (efs && efs->p.file_system_id) {
            const char *write[1] = { "elasticfilesystem:ClientWrite" };
            const lc_value_t *fsarn[1] = { efs_arn(st, "file-system", efs->p.file_system_id) };
            lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", write, 1, fsarn, 1, NULL));
        }
        lc_node_t *sgn = lc_node_child(n, "SecurityGroup");
        if (efs && efs->p.security_group && sgn) {
            lc_node_t *efs_sg = lc_expand(st, efs->p.security_group);
            if (efs_sg)
                nfs_ingress(st, r, efs_sg, efs->p.security_group->security_group_id, sgn);
        }
    }
    return n;
}
