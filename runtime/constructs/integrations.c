/* integrations.c - Lambda Insights, ADOT, Params-and-Secrets, CodeGuru profiling and
 * legacy log retention: the Function properties that add layers, environment, policies
 * or companion resources.
 *
 * The hooks run where aws-cdk-lib's Function constructor does the same work, because
 * creation order is template order and statement order:
 *   pre  (after the role and its initial policy, before the dead-letter queue and the
 *         function resource): profiling - the ProfilingGroup child, the publish grant
 *         and the AWS_CODEGURU_PROFILER_* variables, which come before the user's own;
 *   post (after the function resource and its layers): ADOT's implicit tracing, legacy
 *         log retention, then configureLambdaInsights, configureAdotInstrumentation,
 *         configureParamsAndSecretsExtension, in that order.
 * The layers are imports ("LambdaInsightsLayer", "AdotLayer", "ParamsAndSecretsLayer")
 * whose construct ids and ARN values feed the currentVersion layers hash (FACTS (a)).
 *
 * aws-cdk-lib quirk kept: these layers pick their architecture from the `architecture`
 * property only (fn.architecture), never from the deprecated `architectures` list.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac/lambda.h>

#include "integ.h"

static const char *fn_arch(const lc_function_props_t *p)
{
    return p->architecture == LC_ARCH_ARM_64 ? "arm64" : "x86_64";
}

/* ---- profiling --------------------------------------------------------------------------- */

static void add_profiling_grant(lc_function_state_t *fs, lc_node_t *group_res_node)
{
    lc_app_t *app = fs->st->app;
    const char *act[2] = { "codeguru-profiler:ConfigureAgent", "codeguru-profiler:PostAgentProfile" };
    const lc_value_t *res[1] = { lc_getatt(app, group_res_node, "Arn") };
    lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", act, 2, res, 1, NULL));
}

static void add_profiling_env(lc_function_state_t *fs, lc_node_t *group_res_node)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_function_add_environment(fs, "AWS_CODEGURU_PROFILER_GROUP_NAME", lc_ref(app, group_res_node));
    lc_function_add_environment(fs, "AWS_CODEGURU_PROFILER_TARGET_REGION", lc_integ_region_value(st));
    lc_function_add_environment(fs, "AWS_CODEGURU_PROFILER_GROUP_ARN",
                                lc_getatt(app, group_res_node, "Arn"));
    lc_function_add_environment(fs, "AWS_CODEGURU_PROFILER_ENABLED",
                                lc_v_str(app->arena, "TRUE"));
}

static int validate_profiling(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_app_t *app = fs->st->app;
    const lc_runtime_info_t *rt = lc_runtime_info(p->runtime);
    if (rt && !rt->supports_code_guru_profiling) {
        lc_error(app, fs->node, "CodeGuruProfilingSupportedRuntime",
                 "CodeGuru profiling is not supported by runtime %s", rt->name);
        return 0;
    }
    for (size_t i = 0; i < p->environment.n; i++) {
        const char *k = p->environment.items[i].key;
        if (strcmp(k, "AWS_CODEGURU_PROFILER_GROUP_NAME") == 0 ||
            strcmp(k, "AWS_CODEGURU_PROFILER_GROUP_ARN") == 0 ||
            strcmp(k, "AWS_CODEGURU_PROFILER_TARGET_REGION") == 0 ||
            strcmp(k, "AWS_CODEGURU_PROFILER_ENABLED") == 0) {
            lc_warning(app, fs->node, "ProfilingEnvironment",
                       "AWS_CODEGURU_PROFILER_GROUP_NAME, AWS_CODEGURU_PROFILER_GROUP_ARN, "
                       "AWS_CODEGURU_PROFILER_TARGET_REGION, and AWS_CODEGURU_PROFILER_ENABLED "
                       "should not be set when profiling options enabled");
            break;
        }
    }
    return 1;
}

/* new codeguruprofiler.ProfilingGroup(scope, id, props): the CfnProfilingGroup is the
 * child "ProfilingGroup" (not "Resource"), named by default after the construct's unique
 * id (at most 240 characters: the first and last 120 of a longer one). */
static lc_node_t *profiling_group(lc_stack_t *st, lc_node_t *n, const char *name,
                                  lc_compute_platform_t platform)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_resource_t *r = lc_resource_new(n, "ProfilingGroup", "AWS::CodeGuruProfiler::ProfilingGroup");
    if (!r)
        return NULL;
    if (platform)
        lc_obj_set(a, r->props, "ComputePlatform",
                   lc_v_str(a, platform == LC_COMPUTE_PLATFORM_AWS_LAMBDA ? "AWSLambda" : "Default"));
    if (!name) {
        const char *u = lc_integ_unique_id(app, n);
        size_t len = strlen(u);
        name = len > 240 ? lc_sprintf(a, "%.120s%s", u, u + len - 120) : u;
    }
    lc_obj_set(a, r->props, "ProfilingGroupName", lc_v_str(a, name));
    lc_stack_use_section(st, "Resources");
    return r->node;
}

lc_node_t *lc_profiling_group_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_profiling_group_t *g = (const lc_profiling_group_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    profiling_group(st, n, g->p.profiling_group_name, g->p.compute_platform);
    return n;
}

void lc_function_integrations_pre(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_stack_t *st = fs->st;
    lc_node_t *res_node = NULL;
    if (p->profiling_group) {
        if (!validate_profiling(fs))
            return;
        lc_node_t *g = lc_expand(st, p->profiling_group);
        res_node = g ? lc_node_child(g, "ProfilingGroup") : NULL;
    } else if (p->profiling) {
        if (!validate_profiling(fs))
            return;
        lc_node_t *g = lc_node_new(fs->node, "ProfilingGroup");
        res_node = g ? profiling_group(st, g, NULL, LC_COMPUTE_PLATFORM_AWS_LAMBDA) : NULL;
    }
    if (!res_node)
        return;
    add_profiling_grant(fs, res_node);
    add_profiling_env(fs, res_node);
}

/* ---- layers ------------------------------------------------------------------------------ */

static void add_layer(lc_function_state_t *fs, const char *id, const lc_value_t *arn)
{
    lc_node_t *ln = lc_layer_import(fs->st, fs->node, id, arn, NULL);
    if (ln)
        lc_function_add_layer(fs, ln);
}

/* LambdaInsightsVersion._bind + configureLambdaInsights */
static void insights(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    const struct lc_insights_version *iv = p->insights_version;
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    if (p->runtime != LC_RUNTIME_FROM_IMAGE) {
        const lc_value_t *arn = NULL;
        if (iv->arn) {
            arn = lc_v_str(app->arena, iv->arn);
        } else {
            const char *arch = fn_arch(p);
            const lc_layer_fact_t *f =
                lc_layer_fact_find(LC_LAYER_PRODUCT_INSIGHTS, NULL, iv->version, arch);
            if (!f || !f->narns) {
                lc_error(app, fs->node, "InsightsVersion", "Insights version %s does not exist.",
                         iv->version ? iv->version : "(none)");
                return;
            }
            arn = lc_layer_fact_value(st, f);
            if (!arn) {
                lc_error(app, fs->node, "InsightsVersion",
                         "Insights version %s is not supported in region %s", iv->version,
                         st->region);
                return;
            }
        }
        add_layer(fs, "LambdaInsightsLayer", arn);
    }
    if (fs->role)
        lc_role_add_managed_policy(fs->role, "CloudWatchLambdaInsightsExecutionRolePolicy");
}

/* configureAdotInstrumentation */
static void adot(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    const struct lc_adot_instrumentation *ai = p->adot_instrumentation;
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    const lc_runtime_info_t *rt = lc_runtime_info(p->runtime);
    const char *wrapper = ai->exec_wrapper ? ai->exec_wrapper : "";
    if (p->runtime == LC_RUNTIME_FROM_IMAGE) {
        lc_error(app, fs->node, "AdotLayerContainerImageIncompatible",
                 "ADOT Lambda layer can't be configured with container image package type");
        return;
    }
    if (p->runtime == LC_RUNTIME_GO_1_X) {
        lc_error(app, fs->node, "AdotGoRuntimeNotSupported",
                 "Runtime go1.x is not supported by the ADOT Lambda Go SDK");
        return;
    }
    if (rt && rt->family == LC_FAMILY_PYTHON && strcmp(wrapper, LC_ADOT_INSTRUMENT_HANDLER) != 0) {
        lc_error(app, fs->node, "AdotPythonHandlerWrapperRequired",
                 "Python Adot Lambda layer requires AdotLambdaExecWrapper.INSTRUMENT_HANDLER");
        return;
    }
    const char *type = ai->layer_version.type, *version = ai->layer_version.version;
    const lc_layer_fact_t *f =
        lc_layer_fact_find(LC_LAYER_PRODUCT_ADOT, type, version, fn_arch(p));
    const lc_value_t *arn = f ? lc_layer_fact_value(st, f) : NULL;
    if (!arn) {
        if (st->region)
            lc_error(app, fs->node, "AdotLayerArnNotFound",
                     "Could not find the ARN information for the ADOT Lambda Layer of type %s "
                     "and version %s in %s", type ? type : "(none)",
                     version ? version : "(none)", st->region);
        else
            lc_error(app, fs->node, "RegionInfoDonTInformation",
                     "region-info: don't have any information for adot-lambda-layer:%s_%s_%s. "
                     "Use 'Fact.register' to provide values, or add partitions to the "
                     "'@aws-cdk/core:target-partitions' context value.",
                     type ? type : "", version ? version : "", fn_arch(p));
        return;
    }
    add_layer(fs, "AdotLayer", arn);
    lc_function_add_environment(fs, "AWS_LAMBDA_EXEC_WRAPPER", lc_v_str(app->arena, wrapper));
}

/* ParamsAndSecretsLayerVersion._bind + configureParamsAndSecretsExtension */
static void params_and_secrets(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    const struct lc_params_and_secrets *ps = p->params_and_secrets;
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    const lc_value_t *arn = NULL;
    if (ps->arn) {
        arn = lc_v_str(a, ps->arn);
    } else {
        const char *arch = fn_arch(p);
        const lc_layer_fact_t *f =
            lc_layer_fact_find(LC_LAYER_PRODUCT_PARAMS_AND_SECRETS, NULL, ps->version, arch);
        arn = f ? lc_layer_fact_value(st, f) : NULL;
        if (!arn) {
            if (st->region)
                lc_error(app, fs->node, "ParametersSecretsExtensionSupportedRegion",
                         "Parameters and Secrets Extension is not supported in region %s for "
                         "%s architecture", st->region, arch);
            else
                lc_error(app, fs->node, "RegionInfoDonTInformation",
                         "region-info: don't have any information for "
                         "params-and-secrets-layer:%s_%s. Use 'Fact.register' to provide "
                         "values, or add partitions to the '@aws-cdk/core:target-partitions' "
                         "context value.", ps->version ? ps->version : "", arch);
            return;
        }
    }
    /* environmentVariablesFromOptions: CDK's checks, in its order */
    int ok = 1;
    if (ps->cache_size.set && (ps->cache_size.v < 0 || ps->cache_size.v > 1000)) {
        lc_error(app, fs->node, "CacheSizeInclusiveProvided",
                 "Cache size must be between 0 and 1000 inclusive - provided: %lld",
                 (long long)ps->cache_size.v);
        ok = 0;
    }
    if (ps->http_port.set && (ps->http_port.v < 1 || ps->http_port.v > 65535)) {
        lc_error(app, fs->node, "PortInclusiveProvided",
                 "HTTP port must be between 1 and 65535 inclusive - provided: %lld",
                 (long long)ps->http_port.v);
        ok = 0;
    }
    if (ps->max_connections.set && ps->max_connections.v < 1) {
        lc_error(app, fs->node, "MaximumConnectionsLeastProvided",
                 "Maximum connections must be at least 1 - provided: %lld",
                 (long long)ps->max_connections.v);
        ok = 0;
    }
    int64_t sm_ttl = ps->secrets_manager_ttl.set
                         ? lc_integ_seconds(st, fs->node, "secrets_manager_ttl", ps->secrets_manager_ttl)
                         : 300;
    int64_t ps_ttl = ps->parameter_store_ttl.set
                         ? lc_integ_seconds(st, fs->node, "parameter_store_ttl", ps->parameter_store_ttl)
                         : 300;
    if (sm_ttl > 300) {
        lc_error(app, fs->node, "MaximumCachedSecretSecondsProvided",
                 "Maximum TTL for a cached secret is 300 seconds - provided: %lld seconds",
                 (long long)sm_ttl);
        ok = 0;
    }
    if (ps_ttl > 300) {
        lc_error(app, fs->node, "MaximumCachedParameterSecondsProvided",
                 "Maximum TTL for a cached parameter is 300 seconds - provided: %lld seconds",
                 (long long)ps_ttl);
        ok = 0;
    }
    if (!ok)
        return;
    static const char *const levels[] = { "info", "debug", "info", "warn", "error", "none" };
    add_layer(fs, "ParamsAndSecretsLayer", arn);
    lc_function_add_environment(fs, "PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED",
                                lc_v_str(a, ps->cache_enabled == LC_FALSE ? "false" : "true"));
    lc_function_add_environment(fs, "PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE",
                                lc_v_strfmt(a, "%lld", ps->cache_size.set ? (long long)ps->cache_size.v : 1000LL));
    lc_function_add_environment(fs, "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
                                lc_v_strfmt(a, "%lld", ps->http_port.set ? (long long)ps->http_port.v : 2773LL));
    lc_function_add_environment(fs, "PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL",
                                lc_v_str(a, levels[ps->log_level <= LC_PARAMS_AND_SECRETS_LOG_NONE
                                                       ? ps->log_level : 0]));
    lc_function_add_environment(fs, "PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS",
                                lc_v_strfmt(a, "%lld", ps->max_connections.set ? (long long)ps->max_connections.v : 3LL));
    lc_function_add_environment(fs, "SECRETS_MANAGER_TIMEOUT_MILLIS",
                                lc_v_strfmt(a, "%lld", (long long)ps->secrets_manager_timeout.ms));
    lc_function_add_environment(fs, "SECRETS_MANAGER_TTL", lc_v_strfmt(a, "%lld", (long long)sm_ttl));
    lc_function_add_environment(fs, "SSM_PARAMETER_STORE_TIMEOUT_MILLIS",
                                lc_v_strfmt(a, "%lld", (long long)ps->parameter_store_timeout.ms));
    lc_function_add_environment(fs, "SSM_PARAMETER_STORE_TTL", lc_v_strfmt(a, "%lld", (long long)ps_ttl));
}

void lc_function_integrations_post(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (!fs->res)
        return;
    /* variables added before the function resource existed (profiling) */
    if (fs->env_vars && !lc_obj_get(fs->res->props, "Environment")) {
        lc_value_t *env = lc_v_obj(a);
        lc_obj_set(a, env, "Variables", fs->env_vars);
        lc_obj_set(a, fs->res->props, "Environment", env);
    }
    /* ADOT implies active tracing unless `tracing` says otherwise */
    if (p->adot_instrumentation && p->tracing == LC_TRACING__UNSET) {
        const char *act[2] = { "xray:PutTraceSegments", "xray:PutTelemetryRecords" };
        const lc_value_t *res[1] = { lc_v_str(a, "*") };
        lc_function_add_to_role_policy(fs, lc_statement_json(app, "Allow", act, 2, res, 1, NULL));
        lc_value_t *tc = lc_v_obj(a);
        lc_obj_set(a, tc, "Mode", lc_v_str(a, "Active"));
        lc_obj_set(a, fs->res->props, "TracingConfig", tc);
    }
    if (p->log_retention_days && !p->log_group)
        lc_integ_log_retention(fs);
    if (p->insights_version)
        insights(fs);
    if (p->adot_instrumentation)
        adot(fs);
    if (p->params_and_secrets)
        params_and_secrets(fs);
}
