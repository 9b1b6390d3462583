/* log_retention.c - the legacy `logRetention` of a function (logs.LogRetention).
 *
 * Lambda creates a function's log group on first use, so the retention cannot be a
 * property of the function: aws-cdk-lib adds a Custom::LogRetention "LogRetention"
 * under the function whose provider - one per stack, at stack level with the fixed id
 * "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a" - creates the group if needed and sets
 * its retention.  We write the custom resource and the provider's role, policy and
 * function with the same ids and properties; the provider's code is lambdac's own
 * handler, inline (handlers.c), where CDK uploads an asset.
 */
#include "config.h"

#include <string.h>

#include "integ.h"

#define PROVIDER_ID "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a"

/* The provider's function node, created on first use with the first caller's role. */
static lc_node_t *provider(lc_function_state_t *fs)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_child(st->root, PROVIDER_ID);
    if (n)
        return n;
    n = lc_node_new(st->root, PROVIDER_ID);
    if (!n)
        return NULL;
    const lc_function_props_t *p = &fs->decl->p;
    lc_node_t *role_node;
    lc_role_state_t *role;
    if (p->log_retention_role) {
        role_node = lc_expand(st, p->log_retention_role);
        role = lc_role_state(role_node);
    } else {
        role = lc_role_create(st, n, "ServiceRole", LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"));
        if (!role)
            return n;
        lc_role_add_managed_policy(role, "service-role/AWSLambdaBasicExecutionRole");
        role_node = lc_role_node(role);
    }
    if (role) {
        const char *act[2] = { "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy" };
        const lc_value_t *star[1] = { lc_v_str(a, "*") };
        lc_role_add_to_policy(role, lc_statement_json(app, "Allow", act, 2, star, 1, NULL));
    }
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Function");
    if (!r)
        return n;
    lc_value_t *code = lc_v_obj(a);
    lc_obj_set(a, code, "ZipFile", lc_v_str(a, lc_integ_log_retention_handler_js));
    lc_obj_set(a, r->props, "Code", code);
    lc_obj_set(a, r->props, "Handler", lc_v_str(a, "index.handler"));
    lc_obj_set(a, r->props, "Role", role ? lc_role_arn(role) : lc_getatt(app, role_node, "Arn"));
    /* determineLatestNodeRuntimeName: NODEJS_LATEST */
    lc_obj_set(a, r->props, "Runtime",
               lc_v_str(a, lc_runtime_info(LC_RUNTIME_NODEJS_LATEST)->name));
    lc_obj_set(a, r->props, "Timeout", lc_v_int(a, 900));
    if (role_node)
        lc_node_add_dependency(r->node, role_node);
    lc_stack_use_section(st, "Resources");
    return n;
}

void lc_integ_log_retention(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *prov = provider(fs);
    lc_node_t *n = lc_node_new(fs->node, "LogRetention");
    if (!n || !prov)
        return;
    lc_resource_t *r = lc_resource_new(n, "Resource", "Custom::LogRetention");
    if (!r)
        return;
    lc_obj_set(a, r->props, "ServiceToken", lc_getatt(app, prov, "Arn"));
    lc_value_t *parts = lc_v_arr(a);
    lc_arr_push(a, parts, lc_v_str(a, "/aws/lambda/"));
    lc_arr_push(a, parts, lc_ref(app, fs->node));
    lc_obj_set(a, r->props, "LogGroupName", lc_fn_join(a, "", parts));
    if (p->log_retention_retry_options) {
        lc_value_t *retry = lc_v_obj(a);
        if (p->log_retention_retry_options->max_retries.set)
            lc_obj_set(a, retry, "maxRetries",
                       lc_v_int(a, p->log_retention_retry_options->max_retries.v));
        lc_obj_set(a, r->props, "SdkRetry", retry);
    }
    /* RetentionDays.INFINITE (9999) is written as no retention at all */
    if (p->log_retention_days > 0 && p->log_retention_days != 9999)
        lc_obj_set(a, r->props, "RetentionInDays", lc_v_int(a, p->log_retention_days));
    lc_stack_use_section(st, "Resources");
    /* LogGroup.fromLogGroupArn(fn, "LogGroup", ...): a node, no resource */
    lc_node_new(fs->node, "LogGroup");
}
