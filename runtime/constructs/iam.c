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
#include <lambdac/writer.h>

#include "access-internal.h"

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

/* ---- principals ------------------------------------------------------------------------
 * aws-cdk-lib's principals are objects with a policy fragment (the "Principal" JSON and
 * the conditions), a toString() that feeds construct ids (grantInvoke's "Invoke<hash>"),
 * and a principal account that decides whether a grant also needs a resource policy.
 * lc_principal_t is the flat C form of all of them; the functions below give each of
 * those views exactly as CDK computes it. */

lc_acct_t lc_stack_acct(const lc_stack_t *st)
{
    lc_acct_t a = { st->account ? LC_ACCT_LITERAL : LC_ACCT_TOKEN, st->account };
    return a;
}

int lc_acct_same(lc_acct_t a, lc_acct_t b)
{
    /* Token.compareStrings: both unresolved counts as the same ("BOTH_UNRESOLVED") */
    if (a.kind == LC_ACCT_NONE || b.kind == LC_ACCT_NONE)
        return 0;
    if (a.kind == LC_ACCT_TOKEN && b.kind == LC_ACCT_TOKEN)
        return 1;
    if (a.kind == LC_ACCT_TOKEN || b.kind == LC_ACCT_TOKEN)
        return 0;
    return strcmp(a.s, b.s) == 0;
}

/* ServicePrincipalToken: "x", "x.amazonaws.com", "x.amazonaws.com.cn", "x.c2s.ic.gov" and
 * "x.sc2s.sgov.gov" all render as "x.amazonaws.com"; anything else as written. */
static const char *service_name(lc_arena_t *a, const char *s)
{
    if (!s)
        return "";
    const char *dot = strchr(s, '.');
    size_t n1 = dot ? (size_t)(dot - s) : strlen(s);
    if (n1 == 0)
        return s;
    if (!dot || strcmp(dot, ".amazonaws.com") == 0 || strcmp(dot, ".amazonaws.com.cn") == 0 ||
        strcmp(dot, ".c2s.ic.gov") == 0 || strcmp(dot, ".sc2s.sgov.gov") == 0)
        return lc_sprintf(a, "%.*s.amazonaws.com", (int)n1, s);
    return s;
}

/* arn:${Partition}:iam::<account>:root (stack.partition: a literal in a new project with a
 * known region) */
static lc_value_t *account_root_arn(lc_arena_t *a, lc_stack_t *st, const char *account)
{
    const char *partition = st ? lc_stack_partition(st) : NULL;
    if (partition && (account || st->account))
        return lc_v_strfmt(a, "arn:%s:iam::%s:root", partition, account ? account : st->account);
    lc_value_t *parts = lc_v_arr(a);
    if (partition) {
        lc_arr_push(a, parts, lc_v_strfmt(a, "arn:%s:iam::", partition));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::AccountId"));
        lc_arr_push(a, parts, lc_v_str(a, ":root"));
        return lc_fn_join(a, "", parts);
    }
    lc_arr_push(a, parts, lc_v_str(a, "arn:"));
    lc_arr_push(a, parts, lc_v_refname(a, "AWS::Partition"));
    if (account) {
        lc_arr_push(a, parts, lc_v_strfmt(a, ":iam::%s:root", account));
    } else if (st && st->account) {
        lc_arr_push(a, parts, lc_v_strfmt(a, ":iam::%s:root", st->account));
    } else {
        lc_arr_push(a, parts, lc_v_str(a, ":iam::"));
        lc_arr_push(a, parts, lc_v_refname(a, "AWS::AccountId"));
        lc_arr_push(a, parts, lc_v_str(a, ":root"));
    }
    return lc_fn_join(a, "", parts);
}

lc_role_state_t *lc_principal_role(lc_stack_t *st, const lc_principal_t *p)
{
    if (p->kind != LC_PRINCIPAL_ROLE || !p->role)
        return NULL;
    return lc_role_state(lc_expand(st, p->role));
}

static lc_value_t *principal_json(lc_app_t *app, lc_stack_t *st, const lc_principal_t *p)
{
    lc_arena_t *a = app->arena;
    lc_value_t *o = lc_v_obj(a);
    switch (p->kind) {
    case LC_PRINCIPAL_SERVICE:
        lc_obj_set(a, o, "Service", lc_v_str(a, service_name(a, p->value)));
        break;
    case LC_PRINCIPAL_ACCOUNT:
        lc_obj_set(a, o, "AWS", account_root_arn(a, st, p->value ? p->value : ""));
        break;
    case LC_PRINCIPAL_ACCOUNT_ROOT:
        lc_obj_set(a, o, "AWS", account_root_arn(a, st, NULL));
        break;
    case LC_PRINCIPAL_ARN:
        lc_obj_set(a, o, "AWS", lc_v_str(a, p->value ? p->value : ""));
        break;
    case LC_PRINCIPAL_STAR:
        return lc_v_str(a, "*");
    case LC_PRINCIPAL_ROLE: {
        lc_role_state_t *r = st ? lc_principal_role(st, p) : NULL;
        lc_obj_set(a, o, "AWS", r ? lc_role_arn(r) : lc_v_str(a, ""));
        break;
    }
    case LC_PRINCIPAL_COMPOSITE:
        /* mergePrincipal: one list per key, in order of first appearance */
        for (size_t i = 0; i < p->nmembers; i++) {
            lc_value_t *m = principal_json(app, st, p->members[i]);
            if (m->kind != LC_V_OBJ)
                continue;
            for (uint32_t k = 0; k < m->u.obj.n; k++) {
                lc_value_t *list = (lc_value_t *)lc_obj_get(o, m->u.obj.m[k].key);
                if (!list) {
                    list = lc_v_arr(a);
                    lc_obj_set(a, o, m->u.obj.m[k].key, list);
                }
                lc_arr_push(a, list, m->u.obj.m[k].val);
            }
        }
        for (uint32_t k = 0; k < o->u.obj.n; k++) {
            const lc_value_t *list = o->u.obj.m[k].val;
            if (list->u.arr.n == 1)
                o->u.obj.m[k].val = list->u.arr.items[0];
        }
        break;
    case LC_PRINCIPAL_ORGANIZATION:
    case LC_PRINCIPAL_ANY:
    default:
        lc_obj_set(a, o, "AWS", lc_v_str(a, "*"));
        break;
    }
    return o;
}

lc_value_t *lc_principal_json(lc_app_t *app, lc_principal_t p)
{
    return principal_json(app, NULL, &p);
}

lc_value_t *lc_principal_json_in(lc_stack_t *st, const lc_principal_t *p)
{
    return principal_json(st->app, st, p);
}

const char *lc_principal_class(const lc_principal_t *p)
{
    switch (p->kind) {
    case LC_PRINCIPAL_SERVICE: return "ServicePrincipal";
    case LC_PRINCIPAL_ACCOUNT: return "AccountPrincipal";
    case LC_PRINCIPAL_ARN: return "ArnPrincipal";
    case LC_PRINCIPAL_ORGANIZATION: return "OrganizationPrincipal";
    case LC_PRINCIPAL_ANY: return "AnyPrincipal";
    case LC_PRINCIPAL_ACCOUNT_ROOT: return "AccountRootPrincipal";
    case LC_PRINCIPAL_STAR: return "StarPrincipal";
    case LC_PRINCIPAL_ROLE: return "Role";
    case LC_PRINCIPAL_COMPOSITE: return "CompositePrincipal";
    default: return "Principal";
    }
}

const char *lc_principal_string(lc_stack_t *st, const lc_principal_t *p)
{
    lc_arena_t *a = st->app->arena;
    const char *v = p->value ? p->value : "";
    switch (p->kind) {
    case LC_PRINCIPAL_SERVICE: return lc_sprintf(a, "ServicePrincipal(%s)", v);
    case LC_PRINCIPAL_ACCOUNT: return lc_sprintf(a, "AccountPrincipal(%s)", v);
    case LC_PRINCIPAL_ARN: return lc_sprintf(a, "ArnPrincipal(%s)", v);
    case LC_PRINCIPAL_ORGANIZATION: return lc_sprintf(a, "OrganizationPrincipal(%s)", v);
    case LC_PRINCIPAL_ANY: return "AnyPrincipal()";
    case LC_PRINCIPAL_ACCOUNT_ROOT: return "AccountRootPrincipal()";
    case LC_PRINCIPAL_STAR: return "StarPrincipal()";
    case LC_PRINCIPAL_ROLE: {
        /* a construct's toString() is its path, stack included */
        lc_node_t *n = p->role ? lc_expand(st, p->role) : NULL;
        return n ? lc_sprintf(a, "%s/%s", st->name, lc_node_path(n)) : "";
    }
    case LC_PRINCIPAL_COMPOSITE: {
        lc_sink_t s = { 0 };
        lc_sink_puts(&s, "CompositePrincipal(");
        for (size_t i = 0; i < p->nmembers; i++) {
            if (i)
                lc_sink_puts(&s, ",");
            lc_sink_puts(&s, lc_principal_string(st, p->members[i]));
        }
        lc_sink_puts(&s, ")");
        const char *r = lc_strdup(a, lc_sink_cstr(&s));
        lc_sink_fini(&s);
        return r;
    }
    default:
        return "";
    }
}

/* {...existing, ...add} for one operator: existing keys keep their place. */
static int merge_condition(lc_stack_t *st, lc_value_t *into, const char *op,
                           const lc_value_t *add, const lc_node_t *at)
{
    lc_arena_t *a = st->app->arena;
    const lc_value_t *old = lc_obj_get(into, op);
    if (!old) {
        lc_obj_set(a, into, op, add);
        return 1;
    }
    if (old->kind != LC_V_OBJ || !add || add->kind != LC_V_OBJ) {
        lc_error(st->app, at, "ShouldBeConditionShouldRepresented",
                 "A Condition should be represented as a map of operator to value");
        return 0;
    }
    lc_value_t *m = lc_v_clone(a, old);
    for (uint32_t i = 0; i < add->u.obj.n; i++)
        lc_obj_set(a, m, add->u.obj.m[i].key, add->u.obj.m[i].val);
    lc_obj_set(a, into, op, m);
    return 1;
}

static lc_value_t *org_condition(lc_arena_t *a, const char *org)
{
    lc_value_t *inner = lc_v_obj(a);
    lc_obj_set(a, inner, "aws:PrincipalOrgID", lc_v_str(a, org ? org : ""));
    return inner;
}

lc_value_t *lc_principal_conditions(lc_stack_t *st, const lc_principal_t *p, const lc_node_t *at)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *c = lc_v_obj(a);
    int ok = 1;
    if (p->kind == LC_PRINCIPAL_ORGANIZATION)
        ok &= merge_condition(st, c, "StringEquals", org_condition(a, p->value), at);
    if (p->in_organization)
        ok &= merge_condition(st, c, "StringEquals", org_condition(a, p->in_organization), at);
    if (p->conditions) {
        if (p->conditions->kind != LC_V_OBJ) {
            lc_error(st->app, at, "ShouldBeConditionShouldRepresented",
                     "A Condition should be represented as a map of operator to value");
            return NULL;
        }
        for (uint32_t i = 0; i < p->conditions->u.obj.n; i++)
            ok &= merge_condition(st, c, p->conditions->u.obj.m[i].key,
                                  p->conditions->u.obj.m[i].val, at);
    }
    return ok ? c : NULL;
}

int lc_principal_check(lc_stack_t *st, const lc_principal_t *p, const lc_node_t *at)
{
    int ok = 1;
    if (p->kind == LC_PRINCIPAL__NONE) {
        lc_error(st->app, at, "PrincipalRequired", "a principal is required");
        return 0;
    }
    if ((p->kind == LC_PRINCIPAL_SERVICE || p->kind == LC_PRINCIPAL_ACCOUNT ||
         p->kind == LC_PRINCIPAL_ARN || p->kind == LC_PRINCIPAL_ORGANIZATION) && !p->value) {
        lc_error(st->app, at, "PrincipalRequired", "%s needs its argument", lc_principal_class(p));
        return 0;
    }
    if (p->kind == LC_PRINCIPAL_ROLE && !p->role) {
        lc_error(st->app, at, "PrincipalRequired", "LC_ROLE_PRINCIPAL needs a role");
        return 0;
    }
    if (p->kind == LC_PRINCIPAL_ORGANIZATION) {
        /* ^o-[a-z0-9]{10,32}$ */
        const char *v = p->value;
        size_t n = strlen(v), i;
        int good = n >= 12 && n <= 34 && v[0] == 'o' && v[1] == '-';
        for (i = 2; good && i < n; i++)
            good = (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9');
        if (!good) {
            lc_error(st->app, at, "ExpectedOrganizationMatchRegex",
                     "Expected Organization ID must match regex pattern ^o-[a-z0-9]{10,32}$, received %s",
                     v);
            ok = 0;
        }
    }
    if (p->kind == LC_PRINCIPAL_COMPOSITE) {
        if (p->nmembers == 0) {
            lc_error(st->app, at, "CompositePrincipalsConstructedLeastPrincipal",
                     "CompositePrincipals must be constructed with at least 1 Principal but none were passed.");
            ok = 0;
        }
        for (size_t i = 0; i < p->nmembers; i++) {
            if (!p->members[i]) {
                lc_error(st->app, at, "PrincipalRequired", "CompositePrincipal member %zu is NULL", i);
                return 0;
            }
            ok &= lc_principal_check(st, p->members[i], at);
        }
    }
    return ok;
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

/* The AssumeRolePolicyDocument statements for a principal: one per principal of a
 * CompositePrincipal (CompositePrincipal.addToAssumeRolePolicy), each with the
 * principal's conditions. */
static void add_trust_statements(lc_stack_t *st, lc_node_t *n, lc_value_t *stmts,
                                 const lc_principal_t *p)
{
    lc_arena_t *a = st->app->arena;
    if (p->kind == LC_PRINCIPAL_COMPOSITE) {
        for (size_t i = 0; i < p->nmembers; i++)
            add_trust_statements(st, n, stmts, p->members[i]);
        return;
    }
    lc_value_t *stmt = lc_v_obj(a);
    lc_obj_set(a, stmt, "Action", lc_v_str(a, "sts:AssumeRole"));
    lc_value_t *cond = lc_principal_conditions(st, p, n);
    if (cond && cond->u.obj.n)
        lc_obj_set(a, stmt, "Condition", cond);
    lc_obj_set(a, stmt, "Effect", lc_v_str(a, "Allow"));
    lc_obj_set(a, stmt, "Principal", lc_principal_json_in(st, p));
    lc_arr_push(a, stmts, stmt);
}

static void role_prepare(lc_resource_t *res, void *ctx);

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
    lc_value_t *stmts = lc_v_arr(a);
    add_trust_statements(st, n, stmts, &assumed_by);
    lc_value_t *doc = lc_v_obj(a);
    lc_obj_set(a, doc, "Statement", stmts);
    lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
    lc_obj_set(a, r->res->props, "AssumeRolePolicyDocument", doc);
    r->res->prepare = role_prepare;
    r->res->prepare_order = 20;
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

/* ---- @aws-cdk/aws-iam:minimizePolicies ---------------------------------------------------
 * A new CDK project minimizes every policy document when it is rendered: statements that
 * agree on effect, conditions and Sid (none) and on two of {actions, resources,
 * principals} are merged into one (repeatedly, first with later), then duplicate
 * statements are dropped and Action, Resource and each Principal list are sorted by the
 * JSON text of their *resolved* values (PostProcessPolicyDocument).  That order is why
 * this runs at rendering, with logical ids known.  Statements here are already in their
 * JSON form (lc_statement_json), so merging works on values: a one-element list is the
 * element, principals are {key: value or list}. */

typedef struct stmt {
    const lc_value_t *orig;
    lc_value_t *actions, *resources;     /* arrays, never NULL */
    lc_value_t *principal;               /* object of key -> array; NULL when none */
    int literal_principal;               /* "Principal": "*" (StarPrincipal) */
    const lc_value_t *literal;
    const lc_value_t *effect, *cond, *sid;
    int other;                           /* NotAction & co.: never merged */
} stmt_t;

static lc_value_t *as_list(lc_arena_t *a, const lc_value_t *v)
{
    lc_value_t *l = lc_v_arr(a);
    if (v && v->kind == LC_V_ARR)
        for (uint32_t i = 0; i < v->u.arr.n; i++)
            lc_arr_push(a, l, v->u.arr.items[i]);
    else if (v)
        lc_arr_push(a, l, v);
    return l;
}

static int list_has(const lc_value_t *l, const lc_value_t *v)
{
    for (uint32_t i = 0; i < l->u.arr.n; i++)
        if (lc_v_equal(l->u.arr.items[i], v))
            return 1;
    return 0;
}

static int set_equal(const lc_value_t *x, const lc_value_t *y)
{
    if (x->u.arr.n != y->u.arr.n)
        return 0;
    for (uint32_t i = 0; i < x->u.arr.n; i++)
        if (!list_has(y, x->u.arr.items[i]))
            return 0;
    return 1;
}

static lc_value_t *set_merge(lc_arena_t *a, const lc_value_t *x, const lc_value_t *y)
{
    lc_value_t *l = lc_v_arr(a);
    for (uint32_t i = 0; i < x->u.arr.n; i++)
        if (!list_has(l, x->u.arr.items[i]))
            lc_arr_push(a, l, x->u.arr.items[i]);
    for (uint32_t i = 0; i < y->u.arr.n; i++)
        if (!list_has(l, y->u.arr.items[i]))
            lc_arr_push(a, l, y->u.arr.items[i]);
    return l;
}

/* principals as a set of (key, value) pairs */
static int principals_equal(const stmt_t *x, const stmt_t *y)
{
    if (x->literal_principal != y->literal_principal)
        return 0;
    size_t nx = 0, ny = 0;
    for (uint32_t i = 0; x->principal && i < x->principal->u.obj.n; i++)
        nx += x->principal->u.obj.m[i].val->u.arr.n;
    for (uint32_t i = 0; y->principal && i < y->principal->u.obj.n; i++)
        ny += y->principal->u.obj.m[i].val->u.arr.n;
    if (nx != ny)
        return 0;
    for (uint32_t i = 0; x->principal && i < x->principal->u.obj.n; i++) {
        const lc_value_t *other = y->principal ? lc_obj_get(y->principal, x->principal->u.obj.m[i].key) : NULL;
        const lc_value_t *mine = x->principal->u.obj.m[i].val;
        for (uint32_t k = 0; k < mine->u.arr.n; k++)
            if (!other || !list_has(other, mine->u.arr.items[k]))
                return 0;
    }
    return 1;
}

static lc_value_t *principals_merge(lc_arena_t *a, const lc_value_t *x, const lc_value_t *y)
{
    if (!x && !y)
        return NULL;
    lc_value_t *o = lc_v_obj(a);
    const lc_value_t *both[2] = { x, y };
    for (int b = 0; b < 2; b++) {
        for (uint32_t i = 0; both[b] && i < both[b]->u.obj.n; i++) {
            const char *k = both[b]->u.obj.m[i].key;
            const lc_value_t *have = lc_obj_get(o, k);
            lc_obj_set(a, o, k, have ? set_merge(a, have, both[b]->u.obj.m[i].val)
                                     : as_list(a, both[b]->u.obj.m[i].val));
        }
    }
    return o;
}

static stmt_t stmt_view(lc_arena_t *a, const lc_value_t *s)
{
    stmt_t v = { 0 };
    v.orig = s;
    v.actions = as_list(a, lc_obj_get(s, "Action"));
    v.resources = as_list(a, lc_obj_get(s, "Resource"));
    v.effect = lc_obj_get(s, "Effect");
    v.cond = lc_obj_get(s, "Condition");
    v.sid = lc_obj_get(s, "Sid");
    v.other = lc_obj_get(s, "NotAction") || lc_obj_get(s, "NotResource") ||
              lc_obj_get(s, "NotPrincipal");
    const lc_value_t *p = lc_obj_get(s, "Principal");
    if (p && p->kind == LC_V_OBJ) {
        v.principal = lc_v_obj(a);
        for (uint32_t i = 0; i < p->u.obj.n; i++)
            lc_obj_set(a, v.principal, p->u.obj.m[i].key, as_list(a, p->u.obj.m[i].val));
    } else if (p) {
        v.literal_principal = 1;
        v.literal = p;
    }
    return v;
}

/* mergeIfCombinable */
static int stmt_merge(lc_arena_t *a, stmt_t *x, const stmt_t *y)
{
    if (!lc_v_equal(x->effect, y->effect) || x->sid || y->sid || x->other || y->other ||
        !lc_v_equal(x->cond, y->cond))
        return 0;
    int same = set_equal(x->actions, y->actions) + set_equal(x->resources, y->resources) +
               principals_equal(x, y);
    if (same < 2 || x->literal_principal != y->literal_principal)
        return 0;
    x->actions = set_merge(a, x->actions, y->actions);
    x->resources = set_merge(a, x->resources, y->resources);
    if (!x->literal_principal)
        x->principal = principals_merge(a, x->principal, y->principal);
    x->orig = NULL;    /* rendered anew */
    return 1;
}

/* sortByJson: distinct values ordered by their JSON text; one value is the value */
static const lc_value_t *sort_by_json(lc_stack_t *st, const lc_value_t *v)
{
    if (!v || v->kind != LC_V_ARR)
        return v;
    lc_arena_t *a = st->app->arena;
    lc_resolver_t r = lc_stack_resolver(st);
    uint32_t n = v->u.arr.n;
    const char **keys = lc_xalloc(a, (n ? n : 1) * sizeof *keys);
    const lc_value_t **vals = lc_xalloc(a, (n ? n : 1) * sizeof *vals);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        lc_sink_t s = { 0 };
        lc_write_json(&s, v->u.arr.items[i], LC_JSON_COMPACT, &r);
        const char *k = lc_strdup(a, lc_sink_cstr(&s));
        lc_sink_fini(&s);
        uint32_t j;
        for (j = 0; j < m && strcmp(keys[j], k) != 0; j++)
            ;
        if (j < m) {
            vals[j] = v->u.arr.items[i];   /* Map.set: the last value of a key wins */
            continue;
        }
        /* insertion sort (stable; byte order = code-unit order for these texts) */
        for (j = m; j > 0 && strcmp(keys[j - 1], k) > 0; j--) {
            keys[j] = keys[j - 1];
            vals[j] = vals[j - 1];
        }
        keys[j] = k;
        vals[j] = v->u.arr.items[i];
        m++;
    }
    lc_value_t *out = lc_v_arr(a);
    for (uint32_t i = 0; i < m; i++)
        lc_arr_push(a, out, vals[i]);
    return one_or_list(out);
}

static lc_value_t *render_stmt(lc_stack_t *st, const stmt_t *v)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *s = lc_v_obj(a);
    if (v->orig) {
        for (uint32_t i = 0; i < v->orig->u.obj.n; i++)
            lc_obj_set(a, s, v->orig->u.obj.m[i].key, v->orig->u.obj.m[i].val);
    } else {
        /* PolicyStatement.toStatementJson order: Action, Condition, Effect, Principal,
         * Resource, Sid */
        if (v->actions->u.arr.n)
            lc_obj_set(a, s, "Action", v->actions);
        if (v->cond)
            lc_obj_set(a, s, "Condition", v->cond);
        if (v->effect)
            lc_obj_set(a, s, "Effect", v->effect);
        if (v->principal)
            lc_obj_set(a, s, "Principal", v->principal);
        else if (v->literal_principal)
            lc_obj_set(a, s, "Principal", v->literal);
        if (v->resources->u.arr.n)
            lc_obj_set(a, s, "Resource", v->resources);
    }
    /* PostProcessPolicyDocument with sorting */
    const lc_value_t *act = lc_obj_get(s, "Action");
    if (act)
        lc_obj_set(a, s, "Action", sort_by_json(st, act));
    const lc_value_t *res = lc_obj_get(s, "Resource");
    if (res)
        lc_obj_set(a, s, "Resource", sort_by_json(st, res));
    const lc_value_t *pr = lc_obj_get(s, "Principal");
    if (pr && pr->kind == LC_V_OBJ) {
        lc_value_t *sorted = lc_v_obj(a);
        for (uint32_t i = 0; i < pr->u.obj.n; i++)
            lc_obj_set(a, sorted, pr->u.obj.m[i].key, sort_by_json(st, pr->u.obj.m[i].val));
        lc_obj_sort(sorted);
        lc_obj_set(a, s, "Principal", sorted);
    }
    return s;
}

static void minimize_document(lc_stack_t *st, const lc_value_t *doc);

/* Minimize a "Statement" array in place (the array object is shared with the document). */
static void minimize_statements(lc_stack_t *st, lc_value_t *stmts)
{
    lc_arena_t *a = st->app->arena;
    uint32_t n = stmts->u.arr.n;
    if (!n)
        return;
    stmt_t *v = lc_xalloc(a, n * sizeof *v);
    for (uint32_t i = 0; i < n; i++)
        v[i] = stmt_view(a, stmts->u.arr.items[i]);
    for (int changed = 1; changed;) {
        changed = 0;
        for (uint32_t i = 0; i < n; i++) {
            for (uint32_t j = i + 1; j < n;) {
                if (stmt_merge(a, &v[i], &v[j])) {
                    memmove(&v[j], &v[j + 1], (n - j - 1) * sizeof *v);
                    n--;
                    changed = 1;
                } else {
                    j++;
                }
            }
        }
    }
    /* render, then drop statements whose JSON repeats an earlier one */
    lc_resolver_t r = lc_stack_resolver(st);
    const char **seen = lc_xalloc(a, n * sizeof *seen);
    uint32_t out = 0;
    for (uint32_t i = 0; i < n; i++) {
        lc_value_t *s = render_stmt(st, &v[i]);
        lc_sink_t k = { 0 };
        lc_write_json(&k, s, LC_JSON_COMPACT, &r);
        const char *key = lc_strdup(a, lc_sink_cstr(&k));
        lc_sink_fini(&k);
        uint32_t j;
        for (j = 0; j < out && strcmp(seen[j], key) != 0; j++)
            ;
        if (j < out)
            continue;
        seen[out] = key;
        stmts->u.arr.items[out++] = s;
    }
    stmts->u.arr.n = out;
}

void lc_policy_document_minimize(lc_stack_t *st, const lc_value_t *doc)
{
    if (st->app->flags.minimize_policies)
        minimize_document(st, doc);
}

static void minimize_document(lc_stack_t *st, const lc_value_t *doc)
{
    const lc_value_t *stmts = doc ? lc_obj_get(doc, "Statement") : NULL;
    if (stmts && stmts->kind == LC_V_ARR && stmts->u.arr.cap >= stmts->u.arr.n)
        minimize_statements(st, (lc_value_t *)stmts);
}

/* The role's trust policy is a policy document too. */
static void role_prepare(lc_resource_t *res, void *ctx)
{
    (void)ctx;
    lc_stack_t *st = res->node->stack;
    if (st->app->flags.minimize_policies)
        minimize_document(st, lc_obj_get(res->props, "AssumeRolePolicyDocument"));
}

/* PolicyName is generated from the policy's own logical id (at most 128 characters,
 * keeping the end, as iam.Policy's generatePolicyName does). */
static void policy_name_prepare(lc_resource_t *res, void *ctx)
{
    (void)ctx;
    lc_stack_t *st = res->node->stack;
    lc_app_t *app = st->app;
    const char *id = res->override_id ? res->override_id : res->logical_id;
    size_t n = strlen(id);
    const char *name = n > 128 ? id + (n - 128) : id;
    lc_obj_set(app->arena, res->props, "PolicyName", lc_v_str(app->arena, name));
    if (app->flags.minimize_policies)
        minimize_document(st, lc_obj_get(res->props, "PolicyDocument"));
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
        r->policy->prepare_order = 20;   /* after currentVersion ids: resources sort by them */
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
    } else {
        lc_principal_check(st, &by, n);
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

const char *lc_role_imported_arn(const lc_role_state_t *r)
{
    return r ? r->imported_arn : NULL;
}
