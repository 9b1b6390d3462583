/* integrations.c - Lambda Insights, ADOT, Params-and-Secrets, profiling, legacy log
 * retention: the Function properties that add layers, environment, policies or
 * companion resources.
 *
 * Not implemented yet: a function that uses one of these properties is rejected with a
 * clear error rather than synthesized without it.
 */
#include "config.h"

#include <lambdac/lambda.h>

#include "internal.h"

void lc_function_integrations_pre(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_app_t *app = fs->st->app;
    if (p->profiling || p->profiling_group)
        lc_error(app, fs->node, "NotSupportedYet", "'profiling' is not supported by lambdac yet");
}

void lc_function_integrations_post(lc_function_state_t *fs)
{
    const lc_function_props_t *p = &fs->decl->p;
    lc_app_t *app = fs->st->app;
    if (p->insights_version)
        lc_error(app, fs->node, "NotSupportedYet", "'insights_version' is not supported by lambdac yet");
    if (p->adot_instrumentation)
        lc_error(app, fs->node, "NotSupportedYet", "'adot_instrumentation' is not supported by lambdac yet");
    if (p->params_and_secrets)
        lc_error(app, fs->node, "NotSupportedYet", "'params_and_secrets' is not supported by lambdac yet");
    if (p->log_retention_days || p->log_retention_retry_options || p->log_retention_role)
        lc_error(app, fs->node, "NotSupportedYet", "'log_retention' is not supported by lambdac yet");
}
