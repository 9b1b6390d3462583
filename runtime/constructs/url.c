/* url.c - lambda.FunctionUrl: AWS::Lambda::Url on a function or an alias.
 *
 * Three details decide whether a template matches aws-cdk-lib's:
 *   - on an alias, the URL targets the *function's* ARN with Qualifier = the alias name,
 *     and the URL resource DependsOn the alias (the alias must exist first);
 *   - authType NONE adds two public permissions on the URL's function or alias,
 *     "invoke-function-url" (lambda:InvokeFunctionUrl, FunctionUrlAuthType NONE) and,
 *     since aws-cdk-lib 2.2xx, "invoke-function" (lambda:InvokeFunction with
 *     InvokedViaFunctionUrl) - without the second, browsers get 403 after Lambda's
 *     authorization change;
 *   - CORS methods default to ["*"], maxAge is written in seconds and capped at a day.
 */
#include "config.h"

#include <string.h>

#include <lambdac/access.h>
#include <lambdac/synth.h>

#include "access-internal.h"

static const char *method_name(lc_http_method_t m)
{
    static const char *const names[] = {
        NULL, "GET", "PUT", "HEAD", "POST", "DELETE", "PATCH", "OPTIONS", "*",
    };
    return (m > 0 && m <= LC_HTTP_ALL) ? names[m] : NULL;
}

static const char *unit_label(int unit)
{
    switch (unit) {
    case LC_UNIT_MILLIS: return "millis";
    case LC_UNIT_MINUTES: return "minutes";
    case LC_UNIT_HOURS: return "hours";
    case LC_UNIT_DAYS: return "days";
    default: return "seconds";
    }
}

static lc_value_t *str_list(lc_arena_t *a, const lc_str_list_t *l)
{
    lc_value_t *arr = lc_v_arr(a);
    for (size_t i = 0; i < l->n; i++)
        lc_arr_push(a, arr, lc_v_str(a, l->items[i]));
    return arr;
}

/* FunctionUrl.renderCors; NULL after reporting an error. */
static lc_value_t *render_cors(lc_stack_t *st, lc_node_t *n, const lc_url_cors_t *c)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_value_t *o = lc_v_obj(a);
    if (c->max_age.set) {
        if (c->max_age.ms % 1000) {
            /* only a duration in milliseconds can fall between two seconds */
            lc_error(app, n, "DurationNotIntegral",
                     "'%lld %s' cannot be converted into a whole number of seconds.",
                     (long long)c->max_age.ms, unit_label(c->max_age.unit));
            return NULL;
        }
        if (c->max_age.ms / 1000 > 86400) {
            lc_error(app, n, "FunctionUrlMaxAgeLess",
                     "FunctionUrl CORS maxAge should be less than or equal to 86400 secs (got %lld)",
                     (long long)(c->max_age.ms / 1000));
            return NULL;
        }
    }
    if (c->allow_credentials != LC_UNSET)
        lc_obj_set(a, o, "AllowCredentials", lc_v_bool(a, c->allow_credentials == LC_TRUE));
    if (c->allowed_headers.n)
        lc_obj_set(a, o, "AllowHeaders", str_list(a, &c->allowed_headers));
    lc_value_t *methods = lc_v_arr(a);
    for (size_t i = 0; i < c->allowed_methods.n; i++) {
        const char *m = method_name(c->allowed_methods.items[i]);
        if (!m) {
            lc_error(app, n, "InvalidHttpMethod", "allowed_methods[%zu] is not an LC_HTTP_* method", i);
            return NULL;
        }
        lc_arr_push(a, methods, lc_v_str(a, m));
    }
    if (!c->allowed_methods.n)
        lc_arr_push(a, methods, lc_v_str(a, "*"));
    lc_obj_set(a, o, "AllowMethods", methods);
    if (c->allowed_origins.n)
        lc_obj_set(a, o, "AllowOrigins", str_list(a, &c->allowed_origins));
    if (c->exposed_headers.n)
        lc_obj_set(a, o, "ExposeHeaders", str_list(a, &c->exposed_headers));
    if (c->max_age.set)
        lc_obj_set(a, o, "MaxAge", lc_v_int(a, c->max_age.ms / 1000));
    return o;
}

lc_node_t *lc_function_url_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_function_url_t *ud = (const lc_function_url_t *)d;
    const lc_function_url_props_t *p = &ud->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_fn_target_t t;
    if (!lc_fn_target_of(st, p->target, d, &t))
        return NULL;

    /* fn.addFunctionUrl(): construct "FunctionUrl" under the function or alias;
     * new FunctionUrl(stack, id): at stack level */
    lc_node_t *n;
    if (p->add) {
        n = lc_node_new(t.node, "FunctionUrl");
        if (n) {
            n->decl = d;
            n->loc = d->loc;
            n->l2_kind = (int)d->kind;
        }
    } else {
        n = lc_decl_new_node(st, scope, d);
    }
    if (!n)
        return NULL;
    if (t.is_version) {
        lc_error(app, n, "FunctionUrlCannotVersion", "FunctionUrl cannot be used with a Version");
        return n;
    }
    lc_value_t *cors = NULL;
    if (p->cors.set && !(cors = render_cors(st, n, &p->cors)))
        return n;

    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Url");
    if (!r)
        return n;
    lc_stack_use_section(st, "Resources");
    const char *auth = p->auth_type == LC_URL_AUTH_NONE ? "NONE" : "AWS_IAM";
    lc_obj_set(a, r->props, "AuthType", lc_v_str(a, auth));
    if (cors)
        lc_obj_set(a, r->props, "Cors", cors);
    if (p->invoke_mode)
        lc_obj_set(a, r->props, "InvokeMode",
                   lc_v_str(a, p->invoke_mode == LC_INVOKE_MODE_RESPONSE_STREAM ? "RESPONSE_STREAM"
                                                                                : "BUFFERED"));
    if (t.alias_name) {
        /* targetFunction = alias.version.lambda; qualifier = alias.aliasName */
        lc_obj_set(a, r->props, "TargetFunctionArn",
                   t.fn_node ? lc_getatt(app, t.fn_node, "Arn") : t.arn);
        lc_obj_set(a, r->props, "Qualifier", lc_v_str(a, t.alias_name));
        if (t.node->default_child)
            lc_node_add_dependency(r->node, t.node->default_child);
    } else {
        lc_obj_set(a, r->props, "TargetFunctionArn", t.arn);
    }

    if (p->auth_type == LC_URL_AUTH_NONE) {
        static const lc_principal_t anyone = { .kind = LC_PRINCIPAL_ANY };
        lc_perm_spec_t url = { .principal = &anyone, .action = "lambda:InvokeFunctionUrl",
                               .function_url_auth_type = "NONE",
                               .invoked_via_function_url = -1, .owner = d };
        lc_fn_add_permission(&t, "invoke-function-url", &url);
        lc_perm_spec_t inv = { .principal = &anyone, .action = "lambda:InvokeFunction",
                               .invoked_via_function_url = 1, .owner = d };
        lc_fn_add_permission(&t, "invoke-function", &inv);
    }
    return n;
}
