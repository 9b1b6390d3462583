/* permission.c - resource-based policies: addPermission and the grantInvoke family.
 *
 * aws-cdk-lib's FunctionBase decides, per grant, between two very different outputs:
 *   - the grantee is an identity of this stack (a Role): a statement in the role's
 *     DefaultPolicy, and nothing else - unless the role and the function are in
 *     different accounts as far as synthesis can tell (Grant.addToPrincipalOrResource),
 *     then an AWS::Lambda::Permission as well;
 *   - anything else (service, account, organization, ARN): an AWS::Lambda::Permission
 *     child of the function, whose construct id CDK derives from the principal, so the
 *     logical id is `<Fn>Invoke<base64 sha256 of {principal, conditions}><hash8>`.
 * Both depend on facts about the function (lc_fn_target_t): its ARN, whether it may
 * carry permissions at all (imports), and where permissions attach (a SingletonFunction
 * delegates to its one real function).  Getting any of these wrong changes logical ids
 * or drops a permission silently, so each rule below follows function-base.ts.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac/access.h>
#include <lambdac/hash.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "access-internal.h"

/* ---- targets ----------------------------------------------------------------------------- */

/* A copy of `n` that reports at the declaration `d` (the grant or permission that acts on
 * n): messages name the construct CDK names, the location is the C line that caused it. */
static lc_node_t at_decl(const lc_node_t *n, const lc_decl_t *d)
{
    lc_node_t c = *n;
    if (d)
        c.loc = d->loc;
    return c;
}

static void decl_error(lc_stack_t *st, const lc_decl_t *d, const char *code, const char *msg)
{
    lc_error_at(st->app, d->loc, lc_sprintf(st->app->arena, "%s/%s", st->name, d->id), code,
                "%s", msg);
}

int lc_fn_target_of(lc_stack_t *st, const lc_decl_t *d, const lc_decl_t *owner, lc_fn_target_t *t)
{
    lc_app_t *app = st->app;
    memset(t, 0, sizeof *t);
    t->st = st;
    t->decl = d;
    if (!d || d->magic != LC_DECL_MAGIC) {
        decl_error(st, owner, "FunctionRequired",
                   "needs the function it acts on: .function, .alias, .version, .imported or .singleton");
        return 0;
    }
    lc_node_t *n = lc_expand(st, d);
    if (!n)
        return 0;
    t->node = n;
    t->env_account = lc_stack_acct(st);
    t->env_account_text = st->account ? st->account : "${Token[AWS.AccountId]}";
    t->env_region = st->region ? st->region : "${Token[AWS.Region]}";
    t->can_create_permissions = 1;
    if (d->expand == lc_function_expand) {
        t->fn_node = n;
        t->perm_scope = n;
        t->arn = lc_getatt(app, n, "Arn");
    } else if (d->expand == lc_singleton_function_expand) {
        t->fn_node = lc_singleton_function_node(n);
        if (!t->fn_node)
            return 0;
        t->perm_scope = t->fn_node;
        t->arn = lc_getatt(app, t->fn_node, "Arn");
    } else if (d->expand == lc_alias_expand) {
        const lc_alias_t *ad = (const lc_alias_t *)d;
        lc_version_ref_node(st, ad->p.version, &t->fn_node);
        t->perm_scope = n;
        t->arn = lc_ref(app, n);
        t->qualified = 1;
        t->alias_name = ad->p.alias_name;
    } else if (d->expand == lc_version_expand) {
        const lc_version_t *vd = (const lc_version_t *)d;
        t->fn_node = vd->p.lambda ? lc_expand(st, vd->p.lambda) : NULL;
        t->perm_scope = n;
        t->arn = lc_ref(app, n);
        t->qualified = 1;
        t->is_version = 1;
    } else if (d->expand == lc_imported_function_expand) {
        lc_imported_state_t *is = lc_imported_state(n);
        if (!is || !is->arn)
            return 0;
        t->perm_scope = n;
        t->arn = is->arn;
        t->can_create_permissions = is->can_create_permissions;
        t->skip_permissions = is->skip_permissions;
        t->env_account = is->account;
        t->env_account_text = is->account_text;
        t->env_region = is->region_text;
    } else {
        decl_error(st, owner, "FunctionRequired",
                   lc_sprintf(app->arena, "'%s' is not a function, alias, version, imported "
                              "function or singleton function", d->id));
        return 0;
    }
    return 1;
}

/* ---- addPermission ---------------------------------------------------------------------- */

/* The permission's Principal (parsePermissionPrincipal): what AWS::Lambda::Permission
 * can express of the principal, conditions aside. */
static lc_value_t *permission_principal(lc_fn_target_t *t, const lc_principal_t *p,
                                        const lc_node_t *at)
{
    lc_stack_t *st = t->st;
    lc_arena_t *a = st->app->arena;
    switch (p->kind) {
    case LC_PRINCIPAL_SERVICE:
    case LC_PRINCIPAL_ACCOUNT:
    case LC_PRINCIPAL_ARN:
        return lc_v_str(a, p->value ? p->value : "");
    case LC_PRINCIPAL_ACCOUNT_ROOT:
        return st->account ? lc_v_str(a, st->account) : lc_v_refname(a, "AWS::AccountId");
    case LC_PRINCIPAL_ANY:
    case LC_PRINCIPAL_ORGANIZATION:   /* its aws:PrincipalOrgID moves to PrincipalOrgID */
        return lc_v_str(a, "*");
    case LC_PRINCIPAL_ROLE: {
        lc_role_state_t *r = lc_principal_role(st, p);
        return r ? lc_role_arn(r) : NULL;
    }
    default:
        lc_error(st->app, at, "InvalidPrincipalTypeForLambdaPermission",
                 "Invalid principal type for Lambda permission statement: %s. Supported: "
                 "AccountPrincipal, ArnPrincipal, ServicePrincipal, OrganizationPrincipal",
                 lc_principal_class(p));
        return NULL;
    }
}

/* ArnLike/StringEquals values CDK accepts (requireString): strings and tokens, not lists. */
static const lc_value_t *cond_string(const lc_value_t *conds, const char *op, const char *key)
{
    const lc_value_t *o = lc_obj_get(conds, op);
    const lc_value_t *v = o && o->kind == LC_V_OBJ ? lc_obj_get(o, key) : NULL;
    if (!v || v->kind == LC_V_ARR || v->kind == LC_V_NULL || v->kind == LC_V_BOOL ||
        v->kind == LC_V_INT || v->kind == LC_V_NUM || (v->kind == LC_V_STR && !v->u.s[0]))
        return NULL;
    return v;
}

/* validateConditions + validateConditionCombinations: only the three pairs a Lambda
 * permission can hold. */
static int permission_conditions(lc_fn_target_t *t, const lc_value_t *c, const lc_node_t *at,
                                 const lc_value_t **src_arn, const lc_value_t **src_acct,
                                 const lc_value_t **org)
{
    static const char *const ok[3][2] = {
        { "ArnLike", "aws:SourceArn" },
        { "StringEquals", "aws:SourceAccount" },
        { "StringEquals", "aws:PrincipalOrgID" },
    };
    lc_sink_t bad = { 0 };
    int nbad = 0;
    for (uint32_t i = 0; i < c->u.obj.n; i++) {
        const char *op = c->u.obj.m[i].key;
        const lc_value_t *keys = c->u.obj.m[i].val;
        if (!keys || keys->kind != LC_V_OBJ)
            continue;
        for (uint32_t k = 0; k < keys->u.obj.n; k++) {
            const char *key = keys->u.obj.m[k].key;
            int supported = 0;
            for (size_t j = 0; j < 3; j++)
                supported |= strcmp(ok[j][0], op) == 0 && strcmp(ok[j][1], key) == 0;
            if (supported)
                continue;
            lc_sink_puts(&bad, nbad++ ? "," : "[");
            lc_sink_puts(&bad, "{\"operator\":");
            lc_write_json_string(&bad, op);
            lc_sink_puts(&bad, ",\"key\":");
            lc_write_json_string(&bad, key);
            lc_sink_puts(&bad, "}");
        }
    }
    if (nbad) {
        lc_sink_puts(&bad, "]");
        lc_error(t->st->app, at, "UnsupportedConditionsForLambdaPermission",
                 "PrincipalWithConditions had unsupported conditions for Lambda permission "
                 "statement: %s. Supported operator/condition pairs: "
                 "[{\"operator\":\"ArnLike\",\"key\":\"aws:SourceArn\"},"
                 "{\"operator\":\"StringEquals\",\"key\":\"aws:SourceAccount\"},"
                 "{\"operator\":\"StringEquals\",\"key\":\"aws:PrincipalOrgID\"}]",
                 lc_sink_cstr(&bad));
        lc_sink_fini(&bad);
        return 0;
    }
    lc_sink_fini(&bad);
    *src_arn = cond_string(c, "ArnLike", "aws:SourceArn");
    *src_acct = cond_string(c, "StringEquals", "aws:SourceAccount");
    *org = cond_string(c, "StringEquals", "aws:PrincipalOrgID");
    if (*org && (*src_arn || *src_acct)) {
        lc_error(t->st->app, at, "PrincipalOrgIdCannotBeCombinedWithOtherConditions",
                 "PrincipalWithConditions had unsupported condition combinations for Lambda "
                 "permission statement: principalOrgID cannot be set with other conditions.");
        return 0;
    }
    return 1;
}

static int invoke_action(const char *action)
{
    return strcmp(action, "lambda:InvokeFunction") == 0 || strcmp(action, "lambda:*") == 0 ||
           strcmp(action, "lambda:Invoke*") == 0;
}

static void warn_qualifier(lc_app_t *app, const lc_node_t *fn)
{
    lc_warning(app, fn, "@aws-cdk/aws-lambda:addPermissionsToVersionOrAlias",
               "AWS Lambda has changed their authorization strategy, which may cause client "
               "invocations using the 'Qualifier' parameter of the lambda function to fail with "
               "Access Denied errors.\\nIf you are using a lambda Version or Alias, make sure to "
               "call 'grantInvoke' or 'addPermission' on the Version or Alias, not the underlying "
               "Function\\nSee: https://github.com/aws/aws-cdk/issues/19273");
}

/* considerWarningOnInvokeFunctionPermissions, the "currentVersion read later" half: once
 * the stack is complete, the first invoke permission created before the function's
 * CurrentVersion warns (CDK warns when currentVersion is read after such a permission). */
typedef struct late_warning {
    lc_node_t *fn;
    lc_node_t *perm;
} late_warning_t;

static void late_warning(lc_stack_t *st, void *ctx)
{
    late_warning_t *w = ctx;
    for (lc_node_t *c = w->fn->first; c; c = c->next) {
        if (strcmp(c->id, "CurrentVersion") == 0)
            return;   /* no invoke permission before it: nothing to say */
        if (c->res && strcmp(c->res->type, "AWS::Lambda::Permission") == 0) {
            const lc_value_t *act = lc_obj_get(c->res->props, "Action");
            if (act && act->kind == LC_V_STR && invoke_action(act->u.s)) {
                if (c == w->perm && lc_node_child(w->fn, "CurrentVersion"))
                    warn_qualifier(st->app, w->fn);
                return;
            }
        }
    }
}

/* constructs' Node sanitizes ids: a '/' (the path separator) becomes "--" - base64
 * construct ids such as "Invoke<hash>" contain slashes, and the logical id hashes the
 * sanitized path. */
static const char *sanitize_id(lc_arena_t *a, const char *id)
{
    if (!strchr(id, '/'))
        return id;
    size_t n = 0;
    for (const char *c = id; *c; c++)
        n += *c == '/' ? 2 : 1;
    char *out = lc_xalloc(a, n + 1), *o = out;
    for (const char *c = id; *c; c++) {
        if (*c == '/') {
            *o++ = '-';
            *o++ = '-';
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return out;
}

lc_node_t *lc_fn_add_permission(lc_fn_target_t *t, const char *id, const lc_perm_spec_t *ps)
{
    lc_stack_t *st = t->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t at = at_decl(t->node, ps->owner);
    if (!t->can_create_permissions) {
        if (!t->skip_permissions)
            lc_warning(app, &at, "UnclearLambdaEnvironment",
                       "addPermission() has no effect on a Lambda Function with region=%s, "
                       "account=%s, in a Stack with region=%s, account=%s. Suppress this warning "
                       "if this is intentional, or pass sameEnvironment=true to "
                       "fromFunctionAttributes() if you would like to add the permissions.",
                       t->env_region, t->env_account_text,
                       st->region ? st->region : "${Token[AWS.Region]}",
                       st->account ? st->account : "${Token[AWS.AccountId]}");
        return NULL;
    }
    const lc_principal_t *p = ps->principal;
    lc_value_t *principal = permission_principal(t, p, &at);
    if (!principal)
        return NULL;
    lc_value_t *conds = lc_principal_conditions(st, p, &at);
    if (!conds)
        return NULL;
    const lc_value_t *src_arn = NULL, *src_acct = NULL, *org = NULL;
    if (conds->u.obj.n && !permission_conditions(t, conds, &at, &src_arn, &src_acct, &org))
        return NULL;
    const char *action = ps->action ? ps->action : "lambda:InvokeFunction";

    /* a permission on the unqualified function: CDK warns about Qualifier invocations
     * when the function also has a currentVersion */
    lc_node_t *fn = (!t->qualified && t->fn_node) ? t->fn_node : NULL;
    int warn_now = fn && invoke_action(action) && lc_node_child(fn, "CurrentVersion");

    lc_resource_t *r = lc_resource_new(t->perm_scope, sanitize_id(a, id), "AWS::Lambda::Permission");
    if (!r)
        return NULL;
    if (ps->owner) {
        r->node->decl = ps->owner;
        r->node->loc = ps->owner->loc;
    }
    lc_value_t *props = r->props;
    lc_obj_set(a, props, "Action", lc_v_str(a, action));
    if (ps->event_source_token)
        lc_obj_set(a, props, "EventSourceToken", lc_v_str(a, ps->event_source_token));
    lc_obj_set(a, props, "FunctionName", t->arn);
    if (ps->function_url_auth_type)
        lc_obj_set(a, props, "FunctionUrlAuthType", lc_v_str(a, ps->function_url_auth_type));
    if (ps->invoked_via_function_url >= 0)
        lc_obj_set(a, props, "InvokedViaFunctionUrl", lc_v_bool(a, ps->invoked_via_function_url));
    lc_obj_set(a, props, "Principal", principal);
    if (ps->organization_id)
        lc_obj_set(a, props, "PrincipalOrgID", lc_v_str(a, ps->organization_id));
    else if (org)
        lc_obj_set(a, props, "PrincipalOrgID", org);
    if (ps->source_account)
        lc_obj_set(a, props, "SourceAccount", lc_v_str(a, ps->source_account));
    else if (src_acct)
        lc_obj_set(a, props, "SourceAccount", src_acct);
    if (ps->source_arn)
        lc_obj_set(a, props, "SourceArn", ps->source_arn);
    else if (src_arn)
        lc_obj_set(a, props, "SourceArn", src_arn);
    lc_value_touch(st, props);
    lc_stack_use_section(st, "Resources");

    if (warn_now) {
        warn_qualifier(app, fn);
    } else if (fn && invoke_action(action)) {
        late_warning_t *w = lc_xalloc(a, sizeof *w);
        w->fn = fn;
        w->perm = r->node;
        lc_stack_on_finalize(st, late_warning, w);
    }
    return r->node;
}

/* ---- grants -------------------------------------------------------------------------- */

/* Any Ref/GetAtt in a principal's conditions: CDK would print a token there, which no
 * one can reproduce; we write a fixed stand-in so the id stays deterministic. */
static const char *token_stand_in(void *ctx, const void *target, int ns)
{
    (void)ctx;
    (void)target;
    (void)ns;
    return "TOKEN";
}

/* "Invoke" + base64(sha256(JSON.stringify({principal, conditions[, version]}))) */
static const char *invoke_identifier(lc_stack_t *st, const lc_principal_t *p,
                                     const lc_value_t *conds, const char *version)
{
    lc_sink_t s = { 0 };
    lc_resolver_t r = { token_stand_in, NULL };
    lc_sink_puts(&s, "{\"principal\":");
    lc_write_json_string(&s, lc_principal_string(st, p));
    lc_sink_puts(&s, ",\"conditions\":");
    lc_write_json(&s, conds, LC_JSON_COMPACT, &r);
    if (version) {
        lc_sink_puts(&s, ",\"version\":");
        lc_write_json_string(&s, version);
    }
    lc_sink_puts(&s, "}");
    unsigned char h[32];
    char b64[48];
    lc_sha256(s.buf, s.len, h);
    lc_base64(h, sizeof h, b64);
    lc_sink_fini(&s);
    return lc_sprintf(st->app->arena, "Invoke%s", b64);
}

/* FunctionBase.grant: Grant.addToPrincipalOrResource with addPermission as the resource
 * policy.  Returns the permission node when one was created. */
static lc_node_t *grant(lc_fn_target_t *t, const lc_principal_t *grantee, const char *identifier,
                        const char *action, const lc_value_t *const *res, size_t nres,
                        const lc_perm_spec_t *overrides, const lc_value_t *conditions,
                        const lc_decl_t *owner)
{
    lc_stack_t *st = t->st;
    lc_app_t *app = st->app;
    lc_node_t at = at_decl(t->node, owner);

    /* the grant is memoized by its identifier (CDK's _invocationGrants) */
    lc_node_t *done = lc_node_child(t->perm_scope, sanitize_id(app->arena, identifier));
    if (done)
        return done;

    /* Grant.addToPrincipal: only identities take statements */
    int added = 0;
    lc_acct_t principal_account = { LC_ACCT_NONE, NULL };
    if (grantee->kind == LC_PRINCIPAL_ROLE) {
        lc_role_state_t *r = lc_principal_role(st, grantee);
        if (!r)
            return NULL;
        if (lc_role_imported_arn(r)) {
            lc_error(app, &at, "NotSupportedYet",
                     "a grant to an imported role is not supported by lambdac yet");
            return NULL;
        }
        const char *acts[1] = { action };
        lc_role_add_to_policy(r, lc_statement_json(app, "Allow", acts, 1, res, nres, conditions));
        added = 1;
        principal_account = lc_stack_acct(st);
    }
    if (added && lc_acct_same(t->env_account, principal_account))
        return NULL;

    /* ... else (or also) the resource policy: addPermission(identifier, ...) */
    lc_perm_spec_t spec = *overrides;
    spec.principal = grantee;
    spec.action = action;
    spec.owner = owner;
    lc_node_t *pn = lc_fn_add_permission(t, identifier, &spec);
    if (!pn && !t->can_create_permissions && !t->skip_permissions)
        lc_error(app, t->node, "CannotModifyLambdaPermission",
                 "Cannot modify permission to lambda function. Function is either imported or "
                 "$LATEST version.\\nIf the function is imported from the same account use "
                 "`fromFunctionAttributes()` API with the `sameEnvironment` flag.\\nIf the function "
                 "is imported from a different account and already has the correct permissions use "
                 "`fromFunctionAttributes()` API with the `skipPermissions` flag.");
    return pn;
}

static const lc_perm_spec_t no_overrides = { .invoked_via_function_url = -1 };

lc_node_t *lc_fn_grant_invoke(lc_fn_target_t *t, const lc_principal_t *p, const lc_decl_t *owner)
{
    lc_stack_t *st = t->st;
    lc_arena_t *a = st->app->arena;
    lc_node_t at = at_decl(t->node, owner);
    if (!lc_principal_check(st, p, &at))
        return NULL;
    lc_value_t *conds = lc_principal_conditions(st, p, &at);
    if (!conds)
        return NULL;
    const char *id = invoke_identifier(st, p, conds, NULL);
    /* resourceArnsForGrantInvoke: the function and all its qualifiers, or the one
     * qualified ARN of an alias or version */
    const lc_value_t *res[2] = { t->arn, lc_arn_concat(a, t->arn, lc_v_str(a, ":*")) };
    return grant(t, p, id, "lambda:InvokeFunction", res, t->qualified ? 1 : 2, &no_overrides,
                 NULL, owner);
}

lc_node_t *lc_fn_grant_invoke_url(lc_fn_target_t *t, const lc_principal_t *p, const lc_decl_t *owner)
{
    lc_stack_t *st = t->st;
    lc_arena_t *a = st->app->arena;
    lc_node_t at = at_decl(t->node, owner);
    if (!lc_principal_check(st, p, &at))
        return NULL;
    const char *id = lc_sprintf(a, "InvokeFunctionUrl%s", lc_principal_string(st, p));
    const lc_value_t *res[1] = { t->arn };

    lc_value_t *auth = lc_v_obj(a);
    lc_obj_set(a, auth, "lambda:FunctionUrlAuthType", lc_v_str(a, "AWS_IAM"));
    lc_value_t *c1 = lc_v_obj(a);
    lc_obj_set(a, c1, "StringEquals", auth);
    lc_perm_spec_t o1 = no_overrides;
    o1.function_url_auth_type = "AWS_IAM";
    lc_node_t *pn = grant(t, p, id, "lambda:InvokeFunctionUrl", res, 1, &o1, c1, owner);

    /* the dual authorization a URL call also needs (lambda:InvokeFunction) */
    lc_value_t *via = lc_v_obj(a);
    lc_obj_set(a, via, "lambda:InvokedViaFunctionUrl", lc_v_bool(a, true));
    lc_value_t *c2 = lc_v_obj(a);
    lc_obj_set(a, c2, "Bool", via);
    lc_perm_spec_t o2 = no_overrides;
    o2.invoked_via_function_url = 1;
    lc_node_t *pn2 = grant(t, p, lc_sprintf(a, "%s-DualAuth", id), "lambda:InvokeFunction", res, 1,
                           &o2, c2, owner);
    return pn ? pn : pn2;
}

lc_node_t *lc_fn_grant_invoke_version(lc_fn_target_t *t, const lc_principal_t *p,
                                      lc_version_ref_t version, const lc_decl_t *owner)
{
    lc_stack_t *st = t->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t at = at_decl(t->node, owner);
    if (!lc_principal_check(st, p, &at))
        return NULL;
    lc_value_t *conds = lc_principal_conditions(st, p, &at);
    if (!conds)
        return NULL;
    const char *vstr;
    const lc_value_t *vval;
    int latest = version.kind == LC_VERSION_REF_LATEST;
    if (latest) {
        vstr = "$LATEST";
        vval = lc_v_str(a, "$LATEST");
    } else {
        lc_node_t *vn = lc_version_ref_node(st, version, NULL);
        if (!vn) {
            lc_error(app, &at, "VersionRequired", "grantInvokeVersion needs a version (.invoke_version)");
            return NULL;
        }
        /* version.version is a token in CDK, hashed as "${Token[TOKEN.<n>]}" with a
         * process-wide counter no one can reproduce: we hash the version's path instead */
        vstr = lc_sprintf(a, "${Token[%s/%s.Version]}", st->name, lc_node_path(vn));
        vval = lc_getatt(app, vn, "Version");
    }
    const char *id = invoke_identifier(st, p, conds, vstr);
    lc_value_t *suffix = lc_v_arr(a);
    lc_arr_push(a, suffix, lc_v_str(a, ":"));
    lc_arr_push(a, suffix, vval);
    const lc_value_t *res[2] = { lc_arn_concat(a, t->arn, lc_fn_join(a, "", suffix)), t->arn };
    return grant(t, p, id, "lambda:InvokeFunction", res, latest ? 2 : 1, &no_overrides, NULL, owner);
}

/* ---- declarations ----------------------------------------------------------------------- */

lc_node_t *lc_permission_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    (void)scope;
    const lc_permission_t *pd = (const lc_permission_t *)d;
    const lc_permission_props_t *p = &pd->p;
    lc_app_t *app = st->app;
    lc_fn_target_t t;
    if (!lc_fn_target_of(st, p->target, d, &t))
        return NULL;
    lc_node_t at = at_decl(t.node, d);
    if (!lc_principal_check(st, &p->principal, &at))
        return t.node;
    lc_perm_spec_t spec = no_overrides;
    spec.owner = d;
    spec.principal = &p->principal;
    spec.action = p->action;
    spec.source_account = p->source_account;
    spec.source_arn = p->source_arn_value ? p->source_arn_value
                    : p->source_arn ? lc_v_str(app->arena, p->source_arn) : NULL;
    spec.organization_id = p->organization_id;
    spec.event_source_token = p->event_source_token;
    spec.function_url_auth_type = p->function_url_auth_type == LC_URL_AUTH_NONE ? "NONE"
                                : p->function_url_auth_type == LC_URL_AUTH_AWS_IAM ? "AWS_IAM"
                                : NULL;
    if (p->invoked_via_function_url != LC_UNSET)
        spec.invoked_via_function_url = p->invoked_via_function_url == LC_TRUE;
    lc_node_t *pn = lc_fn_add_permission(&t, p->id ? p->id : d->id, &spec);
    return pn ? pn : t.node;
}

lc_node_t *lc_grant_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    (void)scope;
    const lc_grant_t *g = (const lc_grant_t *)d;
    const lc_decl_t *target = g->p.target;
    if (g->p.url) {
        /* url.grantInvokeUrl(p) is the URL's function's grantInvokeUrl(p) */
        if (!lc_expand(st, g->p.url))
            return NULL;
        target = g->p.url->p.target;
    }
    lc_fn_target_t t;
    if (!lc_fn_target_of(st, target, d, &t))
        return NULL;
    const lc_principal_t *p = &g->p.principal;
    lc_node_t *pn = NULL;
    switch (g->kind) {
    case LC_GRANT_KIND_INVOKE:
        pn = lc_fn_grant_invoke(&t, p, d);
        break;
    case LC_GRANT_KIND_INVOKE_URL:
        pn = lc_fn_grant_invoke_url(&t, p, d);
        break;
    case LC_GRANT_KIND_INVOKE_LATEST_VERSION: {
        lc_version_ref_t latest = { NULL, LC_VERSION_REF_LATEST };
        pn = lc_fn_grant_invoke_version(&t, p, latest, d);
        break;
    }
    case LC_GRANT_KIND_INVOKE_VERSION:
        pn = lc_fn_grant_invoke_version(&t, p, g->p.invoke_version, d);
        break;
    case LC_GRANT_KIND_INVOKE_COMPOSITE_PRINCIPAL:
        if (p->kind != LC_PRINCIPAL_COMPOSITE) {
            decl_error(st, d, "CompositePrincipalRequired",
                       "grantInvokeCompositePrincipal needs an LC_COMPOSITE_PRINCIPAL(...)");
            break;
        }
        for (size_t i = 0; i < p->nmembers; i++) {
            lc_node_t *m = lc_fn_grant_invoke(&t, p->members[i], d);
            if (!pn)
                pn = m;
        }
        break;
    default:
        decl_error(st, d, "UnknownGrant", "unknown grant kind");
        break;
    }
    return pn ? pn : t.node;
}
