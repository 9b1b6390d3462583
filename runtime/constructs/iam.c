/* iam.c - iam.Role, its DefaultPolicy, policy statements and principals.
 *
 * aws-cdk-lib renders a role's policy lazily: statements added by grants after the role
 * was created still end up in one `DefaultPolicy` (an AWS::IAM::Policy child of the
 * role, created on the first statement).  We keep the same shape: the role state holds
 * the live JSON arrays, grants append to them, and the policy's PolicyName (its own
 * logical id) is filled in by a prepare hook once logical ids exist.
 */
#include "config.h"

#include <string.h>

#include <lambdac/aws.h>
#include <lambdac/synth.h>

#include "internal.h"

struct lc_role_state {
    lc_stack_t *st;
    lc_node_t *node;              /* the iam.Role construct */
    lc_resource_t *res;           /* its AWS::IAM::Role (NULL for an imported role) */
    lc_value_t *managed;          /* ManagedPolicyArns array (in res->props once non-empty) */
    lc_str_list_t managed_names;  /* names added, to skip duplicates */
    const char **names;
    size_t nnames, capnames;
    lc_resource_t *policy;        /* DefaultPolicy/Resource, created on first statement */
    lc_value_t *statements;       /* its Statement array */
    const char *imported_arn;
};

lc_value_t *lc_aws_managed_policy_arn(lc_app_t *app, const char *name)
{
    lc_arena_t *a = app->arena;
    lc_value_t *parts = lc_v_arr(a);
    lc_arr_push(a, parts, lc_v_str(a, "arn:"));
    lc_arr_push(a, parts, lc_v_refname(a, "AWS::Partition"));
    lc_arr_push(a, parts, lc_v_strfmt(a, ":iam::aws:policy/%s", name));
    return lc_fn_join(a, "", parts);
}

lc_value_t *lc_principal_json(lc_app_t *app, lc_principal_t p)
{
    lc_arena_t *a = app->arena;
    lc_value_t *o = lc_v_obj(a);
    switch (p.kind) {
    case LC_PRINCIPAL_SERVICE:
        lc_obj_set(a, o, "Service", lc_v_str(a, p.value));
        break;
    case LC_PRINCIPAL_ACCOUNT: {
        lc_value_t *parts = lc_v_arr(a);
        lc_arr_push(a, parts, lc_v_str(a, "arn:"));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::Partition"));
        lc_arr_push(a, parts, lc_v_strfmt(a, ":iam::%s:root", p.value));
        lc_obj_set(a, o, "AWS", lc_fn_join(a, "", parts));
        break;
    }
    case LC_PRINCIPAL_ARN:
        lc_obj_set(a, o, "AWS", lc_v_str(a, p.value));
        break;
    case LC_PRINCIPAL_ORGANIZATION:
    case LC_PRINCIPAL_ANY:
    default:
        lc_obj_set(a, o, "AWS", lc_v_str(a, "*"));
        break;
    }
    return o;
}

/* One element is written as the element itself, as PolicyStatement.toJSON does. */
static const lc_value_t *one_or_list(lc_value_t *list)
{
    if (list->u.arr.n == 1)
        return list->u.arr.items[0];
    return list;
}

lc_value_t *lc_statement_json(lc_app_t *app, const char *effect, const char *const *actions,
                              size_t nactions, const lc_value_t *const *resources,
                              size_t nresources, const lc_value_t *condition)
{
    lc_arena_t *a = app->arena;
    lc_value_t *s = lc_v_obj(a);
    lc_value_t *act = lc_v_arr(a);
    for (size_t i = 0; i < nactions; i++) {
        /* PolicyStatement de-duplicates actions */
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= strcmp(actions[i], actions[j]) == 0;
        if (!dup)
            lc_arr_push(a, act, lc_v_str(a, actions[i]));
    }
    if (act->u.arr.n)
        lc_obj_set(a, s, "Action", one_or_list(act));
    if (condition)
        lc_obj_set(a, s, "Condition", condition);
    lc_obj_set(a, s, "Effect", lc_v_str(a, effect));
    if (nresources) {
        lc_value_t *res = lc_v_arr(a);
        for (size_t i = 0; i < nresources; i++) {
            int dup = 0;
            for (size_t j = 0; j < i; j++)
                dup |= lc_v_equal(resources[i], resources[j]);
            if (!dup)
                lc_arr_push(a, res, resources[i]);
        }
        lc_obj_set(a, s, "Resource", one_or_list(res));
    }
    return s;
}

lc_value_t *lc_statement_from_decl(lc_app_t *app, const lc_policy_statement_t *d)
{
    lc_arena_t *a = app->arena;
    size_t nr = d->resources.n + d->nresource_values;
    const lc_value_t **res = lc_xalloc(a, (nr ? nr : 1) * sizeof *res);
    size_t k = 0;
    for (size_t i = 0; i < d->resources.n; i++)
        res[k++] = lc_v_str(a, d->resources.items[i]);
    for (size_t i = 0; i < d->nresource_values; i++)
        res[k++] = d->resource_values[i];
    lc_value_t *s = lc_statement_json(app, d->deny ? "Deny" : "Allow", d->actions.items,
                                      d->actions.n, res, nr, d->conditions);
    if (d->sid)
        lc_obj_set(a, s, "Sid", lc_v_str(a, d->sid));
    return s;
}

/* ---- roles --------------------------------------------------------------------------- */

lc_role_state_t *lc_role_state(lc_node_t *role_node)
{
    if (!role_node || role_node->l2_kind != LC_DECL_ROLE)
        return NULL;
    return role_node->l2;
}

lc_node_t *lc_role_node(lc_role_state_t *r)
{
    return r->node;
}

static lc_role_state_t *role_init(lc_stack_t *st, lc_node_t *n, lc_principal_t assumed_by)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_role_state_t *r = lc_xalloc(a, sizeof *r);
    r->st = st;
    r->node = n;
    n->l2 = r;
    n->l2_kind = LC_DECL_ROLE;
    r->res = lc_resource_new(n, "Resource", "AWS::IAM::Role");
    if (!r->res)
        return r;
    lc_value_t *stmt = lc_v_obj(a);
    lc_obj_set(a, stmt, "Action", lc_v_str(a, "sts:AssumeRole"));
    lc_obj_set(a, stmt, "Effect", lc_v_str(a, "Allow"));
    lc_obj_set(a, stmt, "Principal", lc_principal_json(app, assumed_by));
    lc_value_t *stmts = lc_v_arr(a);
    lc_arr_push(a, stmts, stmt);
    lc_value_t *doc = lc_v_obj(a);
    lc_obj_set(a, doc, "Statement", stmts);
    lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
    lc_obj_set(a, r->res->props, "AssumeRolePolicyDocument", doc);
    r->managed = lc_v_arr(a);
    lc_stack_use_section(st, "Resources");
    return r;
}

lc_role_state_t *lc_role_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                                lc_principal_t assumed_by)
{
    lc_node_t *n = lc_node_new(scope, id);
    if (!n)
        return NULL;
    return role_init(st, n, assumed_by);
}

void lc_role_add_managed_policy(lc_role_state_t *r, const char *name)
{
    if (!r->res)
        return;
    for (size_t i = 0; i < r->nnames; i++)
        if (strcmp(r->names[i], name) == 0)
            return;
    lc_arena_t *a = r->st->app->arena;
    if (r->nnames == r->capnames) {
        size_t cap = r->capnames ? r->capnames * 2 : 4;
        const char **g = lc_xalloc(a, cap * sizeof *g);
        if (r->nnames)
            memcpy(g, r->names, r->nnames * sizeof *g);
        r->names = g;
        r->capnames = cap;
    }
    r->names[r->nnames++] = name;
    lc_arr_push(a, r->managed, lc_aws_managed_policy_arn(r->st->app, name));
    if (!lc_obj_get(r->res->props, "ManagedPolicyArns"))
        lc_obj_set(a, r->res->props, "ManagedPolicyArns", r->managed);
}

/* PolicyName is generated from the policy's own logical id (at most 128 characters,
 * keeping the end, as iam.Policy's generatePolicyName does). */
static void policy_name_prepare(lc_resource_t *res, void *ctx)
{
    (void)ctx;
    lc_app_t *app = res->node->stack->app;
    const char *id = res->override_id ? res->override_id : res->logical_id;
    size_t n = strlen(id);
    const char *name = n > 128 ? id + (n - 128) : id;
    lc_obj_set(app->arena, res->props, "PolicyName", lc_v_str(app->arena, name));
}

void lc_role_add_to_policy(lc_role_state_t *r, lc_value_t *statement)
{
    if (!r->res)
        return;   /* imported role: CDK drops the statement (no policy can be attached) */
    lc_app_t *app = r->st->app;
    lc_arena_t *a = app->arena;
    if (!r->policy) {
        lc_node_t *pn = lc_node_new(r->node, "DefaultPolicy");
        if (!pn)
            return;
        r->policy = lc_resource_new(pn, "Resource", "AWS::IAM::Policy");
        if (!r->policy)
            return;
        r->statements = lc_v_arr(a);
        lc_value_t *doc = lc_v_obj(a);
        lc_obj_set(a, doc, "Statement", r->statements);
        lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
        lc_obj_set(a, r->policy->props, "PolicyDocument", doc);
        lc_obj_set(a, r->policy->props, "PolicyName", lc_v_str(a, ""));
        lc_value_t *roles = lc_v_arr(a);
        lc_arr_push(a, roles, lc_ref(app, r->node));
        lc_obj_set(a, r->policy->props, "Roles", roles);
        r->policy->prepare = policy_name_prepare;
    }
    /* a PolicyDocument never holds the same statement twice */
    for (uint32_t i = 0; i < r->statements->u.arr.n; i++)
        if (lc_v_equal(r->statements->u.arr.items[i], statement))
            return;
    lc_arr_push(a, r->statements, statement);
}

lc_node_t *lc_role_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_role_t *rd = (const lc_role_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (rd->p.arn) {
        lc_role_state_t *r = lc_xalloc(st->app->arena, sizeof *r);
        r->st = st;
        r->node = n;
        r->imported_arn = rd->p.arn;
        n->l2 = r;
        return n;
    }
    lc_principal_t by = rd->p.assumed_by;
    if (by.kind == LC_PRINCIPAL__NONE) {
        lc_error(st->app, n, "RoleAssumedByRequired", "Role requires 'assumed_by' (a principal)");
        by = LC_SERVICE_PRINCIPAL("lambda.amazonaws.com");
    }
    lc_role_state_t *r = role_init(st, n, by);
    lc_arena_t *a = st->app->arena;
    if (rd->p.role_name)
        lc_obj_set(a, r->res->props, "RoleName", lc_v_str(a, rd->p.role_name));
    if (rd->p.description)
        lc_obj_set(a, r->res->props, "Description", lc_v_str(a, rd->p.description));
    if (rd->p.path)
        lc_obj_set(a, r->res->props, "Path", lc_v_str(a, rd->p.path));
    for (size_t i = 0; i < rd->p.managed_policies.n; i++)
        lc_role_add_managed_policy(r, rd->p.managed_policies.items[i]);
    return n;
}

/* The role's ARN as a value: GetAtt for a role of the stack, the literal for an import. */
lc_value_t *lc_role_arn(lc_role_state_t *r)
{
    if (r->imported_arn)
        return lc_v_str(r->st->app->arena, r->imported_arn);
    return lc_getatt(r->st->app, r->node, "Arn");
}
