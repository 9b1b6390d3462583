/* synth.c - from declared stacks to templates: expansion, logical ids, rendering, CLI.
 *
 * The pipeline for each stack (DESIGN.md "Data flow"):
 *   expand declarations -> construct tree -> allocate logical ids (pre-order) ->
 *   run `prepare` hooks (lazy values such as currentVersion ids) -> render the template
 *   value -> write it with the one JSON writer.
 * Rendering keeps aws-cdk-lib's orders: sections in order of first use, resources in
 * pre-order of the tree, resource keys Type, Properties, DependsOn, UpdateReplacePolicy,
 * DeletionPolicy, Metadata, Condition, and DependsOn sorted by construct path.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lambdac/dsl.h>
#include <lambdac/error.h>
#include <lambdac/l1.h>
#include <lambdac/lambda.h>
#include <lambdac/logical_id.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "utf8.h"

/* ---- declarations -> nodes ----------------------------------------------------------- */

/* Per-stack memo of expanded declarations.  Stacks hold few declarations, so a small
 * open-addressing table keyed by pointer is plenty. */
typedef struct memo {
    const void **keys;
    lc_node_t **vals;
    size_t cap, n;
} memo_t;

typedef struct stack_priv {
    memo_t memo;
    const char **sections;   /* top-level template sections in order of first use */
    size_t nsections;
    struct { void (*fn)(lc_stack_t *, void *); void *ctx; } *finalizers;
    size_t nfinalizers;
    struct prep *hooks;      /* stack-level prepare hooks (aspects) */
    size_t nhooks;
} stack_priv_t;

/* One prepare step: a resource's hook (res set) or a stack hook (fn set). */
typedef struct prep {
    int order;
    lc_resource_t *res;
    void (*fn)(lc_stack_t *, void *);
    void *ctx;
} prep_t;

static stack_priv_t *priv(lc_stack_t *st)
{
    return (stack_priv_t *)st->priv;
}

static size_t ptr_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static lc_node_t *memo_get(memo_t *m, const void *k)
{
    if (!m->cap)
        return NULL;
    for (size_t i = ptr_hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return NULL;
        if (m->keys[i] == k)
            return m->vals[i];
    }
}

static void memo_put(lc_arena_t *a, memo_t *m, const void *k, lc_node_t *v)
{
    if ((m->n + 1) * 2 > m->cap) {
        memo_t g = { 0 };
        g.cap = m->cap ? m->cap * 2 : 16;
        g.keys = lc_xalloc(a, g.cap * sizeof *g.keys);
        g.vals = lc_xalloc(a, g.cap * sizeof *g.vals);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i])
                memo_put(a, &g, m->keys[i], m->vals[i]);
        *m = g;
    }
    size_t i = ptr_hash(k) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->n++;
    m->keys[i] = k;
    m->vals[i] = v;
}

lc_node_t *lc_decl_node(lc_stack_t *st, const void *decl)
{
    return memo_get(&priv(st)->memo, decl);
}

lc_node_t *lc_expand(lc_stack_t *st, const void *decl)
{
    const lc_decl_t *d = decl;
    lc_node_t *n = memo_get(&priv(st)->memo, d);
    if (n)
        return n;
    if (!d || d->magic != LC_DECL_MAGIC || !d->expand) {
        lc_error(st->app, st->root, "NotADeclaration",
                 "a stack member is not a lambdac declaration");
        return NULL;
    }
    n = d->expand(st, st->root, d);
    if (n)
        memo_put(st->app->arena, &priv(st)->memo, d, n);
    return n;
}

void lc_stack_use_section(lc_stack_t *st, const char *section)
{
    stack_priv_t *p = priv(st);
    for (size_t i = 0; i < p->nsections; i++)
        if (strcmp(p->sections[i], section) == 0)
            return;
    const char **s = lc_xalloc(st->app->arena, (p->nsections + 1) * sizeof *s);
    if (p->nsections)
        memcpy(s, p->sections, p->nsections * sizeof *s);
    s[p->nsections++] = section;
    p->sections = s;
}

void lc_stack_on_finalize(lc_stack_t *st, void (*fn)(lc_stack_t *, void *), void *ctx)
{
    stack_priv_t *p = priv(st);
    void *g = lc_xalloc(st->app->arena, (p->nfinalizers + 1) * sizeof *p->finalizers);
    if (p->nfinalizers)
        memcpy(g, p->finalizers, p->nfinalizers * sizeof *p->finalizers);
    p->finalizers = g;
    p->finalizers[p->nfinalizers].fn = fn;
    p->finalizers[p->nfinalizers].ctx = ctx;
    p->nfinalizers++;
}

void lc_stack_on_prepare(lc_stack_t *st, int order, void (*fn)(lc_stack_t *, void *), void *ctx)
{
    stack_priv_t *p = priv(st);
    prep_t *g = lc_xalloc(st->app->arena, (p->nhooks + 1) * sizeof *g);
    if (p->nhooks)
        memcpy(g, p->hooks, p->nhooks * sizeof *g);
    g[p->nhooks++] = (prep_t){ order, NULL, fn, ctx };
    p->hooks = g;
}

lc_node_t *lc_decl_new_node(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    lc_node_t *n = lc_node_new_at(scope, d->id, d->loc);
    if (n) {
        n->decl = d;
        n->loc = d->loc;
        n->l2_kind = (int)d->kind;
    }
    (void)st;
    return n;
}

void lc_value_touch(lc_stack_t *st, const lc_value_t *v)
{
    if (!v)
        return;
    switch (v->kind) {
    case LC_V_ARR:
        for (uint32_t i = 0; i < v->u.arr.n; i++)
            lc_value_touch(st, v->u.arr.items[i]);
        break;
    case LC_V_OBJ:
        for (uint32_t i = 0; i < v->u.obj.n; i++)
            lc_value_touch(st, v->u.obj.m[i].val);
        break;
    case LC_V_REF:
    case LC_V_GETATT:
        if (v->u.ref.ns == LC_TARGET_DECL) {
            lc_expand(st, v->u.ref.target);
        } else if (v->u.ref.ns == LC_TARGET_CURRENT_VERSION) {
            lc_function_state_t *fs = lc_function_state(lc_expand(st, v->u.ref.target));
            if (fs)
                lc_function_current_version(fs);
        }
        break;
    default:
        break;
    }
}

/* ---- raw L1 resources and outputs ---------------------------------------------------- */

lc_node_t *lc_cfn_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_cfn_decl_t *c = (const lc_cfn_decl_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    /* A CfnResource declared at stack level is itself the resource: path "<Id>". */
    lc_resource_t *r = lc_xalloc(st->app->arena, sizeof *r);
    r->node = n;
    r->type = c->desc->cfn_name;
    r->props = lc_l1_to_value(st->app->arena, c->desc, c->props);
    lc_value_touch(st, r->props);
    r->deletion_policy = c->deletion_policy;
    r->update_replace_policy = c->update_replace_policy;
    n->res = r;
    for (size_t i = 0; i < c->ndepends_on; i++) {
        lc_node_t *t = lc_expand(st, c->depends_on[i]);
        if (t)
            lc_node_add_dependency(n, t);
    }
    lc_stack_use_section(st, "Resources");
    return n;
}

lc_node_t *lc_output_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_output_decl_t *o = (const lc_output_decl_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_arena_t *a = st->app->arena;
    lc_value_t *entry = lc_v_obj(a);
    if (o->description)
        lc_obj_set(a, entry, "Description", lc_v_str(a, o->description));
    lc_obj_set(a, entry, "Value", o->value ? o->value : lc_v_null(a));
    lc_value_touch(st, o->value);
    if (o->export_name) {
        lc_value_t *ex = lc_v_obj(a);
        lc_obj_set(a, ex, "Name", lc_v_str(a, o->export_name));
        lc_obj_set(a, entry, "Export", ex);
    }
    /* Outputs are keyed by their logical id; a one-component path gives the id itself. */
    const char *comp[1] = { d->id };
    lc_obj_set(a, st->outputs, lc_logical_id(a, st->app->profile, comp, 1), entry);
    lc_stack_use_section(st, "Outputs");
    return n;
}

/* ---- logical ids ------------------------------------------------------------------- */

static void collect_resources(lc_node_t *n, lc_resource_t ***v, size_t *len, size_t *cap,
                              lc_arena_t *a)
{
    if (n->res) {
        if (*len == *cap) {
            size_t nc = *cap ? *cap * 2 : 32;
            lc_resource_t **g = lc_xalloc(a, nc * sizeof *g);
            if (*len)
                memcpy(g, *v, *len * sizeof *g);
            *v = g;
            *cap = nc;
        }
        (*v)[(*len)++] = n->res;
    }
    for (lc_node_t *c = n->first; c; c = c->next)
        collect_resources(c, v, len, cap, a);
}

static const char *path_logical_id(lc_app_t *app, const lc_node_t *n)
{
    size_t depth = 0;
    for (const lc_node_t *p = n; p->parent; p = p->parent)
        depth++;
    const char **comp = lc_xalloc(app->arena, (depth ? depth : 1) * sizeof *comp);
    size_t i = depth;
    for (const lc_node_t *p = n; p->parent; p = p->parent)
        comp[--i] = p->id;
    return lc_logical_id(app->arena, app->profile, comp, depth);
}

static const char *resolve_id(void *ctx, const void *target, int ns)
{
    lc_stack_t *st = ctx;
    const lc_node_t *n = NULL;
    if (ns == LC_TARGET_NAME)
        return target;
    if (ns == LC_TARGET_DECL)
        n = lc_decl_node(st, target);
    else if (ns == LC_TARGET_NODE)
        n = target;
    else if (ns == LC_TARGET_CURRENT_VERSION) {
        lc_function_state_t *fs = lc_function_state(lc_decl_node(st, target));
        n = fs ? lc_function_current_version(fs) : NULL;
    }
    if (!n)
        return NULL;
    lc_resource_t *r = lc_node_resource(n);
    if (!r)
        return NULL;
    return r->override_id ? r->override_id : r->logical_id;
}

lc_resolver_t lc_stack_resolver(lc_stack_t *st)
{
    lc_resolver_t r = { resolve_id, st };
    return r;
}

/* ---- DependsOn ordering -------------------------------------------------------------- */

/* aws-cdk-lib sorts DependsOn by construct path with String.prototype.localeCompare,
 * i.e. ICU root collation, not byte order.  For the characters construct paths use
 * (ASCII letters, digits, punctuation) the root collation orders, at the primary level,
 * punctuation and symbols before digits before letters, letters case-insensitively; ties
 * are broken by case with lower case first.  That is what this comparison does. */
static int coll_class(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 2;
    return 0;
}

static int coll_primary(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    return c;
}

int lc_locale_compare(const char *x, const char *y)
{
    const unsigned char *a = (const unsigned char *)x, *b = (const unsigned char *)y;
    size_t i = 0;
    for (;; i++) {
        if (!a[i] || !b[i])
            break;
        int ca = coll_class(a[i]), cb = coll_class(b[i]);
        if (ca != cb)
            return ca - cb;
        int pa = coll_primary(a[i]), pb = coll_primary(b[i]);
        if (pa != pb)
            return pa - pb;
    }
    if (a[i] || b[i])
        return a[i] ? 1 : -1;
    /* tertiary: lower case before upper case at the first difference */
    for (i = 0; a[i]; i++) {
        if (a[i] != b[i]) {
            int la = (a[i] >= 'a' && a[i] <= 'z'), lb = (b[i] >= 'a' && b[i] <= 'z');
            return lb - la;
        }
    }
    return 0;
}

typedef struct dep {
    const char *path;
    const char *id;
} dep_t;

static int dep_cmp(const void *x, const void *y)
{
    const dep_t *a = x, *b = y;
    return lc_locale_compare(a->path, b->path);
}

static void add_deps_of(lc_stack_t *st, lc_node_t *target, lc_resource_t *self,
                        dep_t **v, size_t *n, size_t *cap)
{
    if (target->stack != st)
        return;
    if (target->res && target->res != self) {
        const char *id = target->res->override_id ? target->res->override_id
                                                  : target->res->logical_id;
        for (size_t i = 0; i < *n; i++)
            if (strcmp((*v)[i].id, id) == 0)
                goto children;
        if (*n == *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            dep_t *g = lc_xalloc(st->app->arena, nc * sizeof *g);
            if (*n)
                memcpy(g, *v, *n * sizeof *g);
            *v = g;
            *cap = nc;
        }
        (*v)[(*n)++] = (dep_t){ lc_node_path(target), id };
    }
children:
    for (lc_node_t *c = target->first; c; c = c->next)
        add_deps_of(st, c, self, v, n, cap);
}

/* The DependsOn list of a resource: every resource under every dependency target of
 * the resource's node or of any ancestor up to the stack (CDK applies a construct's
 * dependencies to every CfnResource beneath it). */
static lc_value_t *depends_on(lc_stack_t *st, lc_resource_t *r)
{
    dep_t *v = NULL;
    size_t n = 0, cap = 0;
    for (lc_node_t *p = r->node; p && p->parent; p = p->parent)
        for (size_t i = 0; i < p->ndeps; i++)
            add_deps_of(st, p->deps[i], r, &v, &n, &cap);
    if (!n)
        return NULL;
    qsort(v, n, sizeof *v, dep_cmp);
    lc_value_t *arr = lc_v_arr(st->app->arena);
    for (size_t i = 0; i < n; i++)
        lc_arr_push(st->app->arena, arr, lc_v_str(st->app->arena, v[i].id));
    return arr;
}

/* ---- rendering --------------------------------------------------------------------- */

/* Sort an L1 properties object the way aws-cdk-lib renders L1s: keys of a resource or
 * property type in the generated (ascending) order, recursively through nested property
 * types; Json values and maps keep the order they were built in. */
static void order_props(lc_value_t *obj, const lc_type_desc_t *desc)
{
    if (!obj || obj->kind != LC_V_OBJ || !desc)
        return;
    lc_obj_sort(obj);
    for (uint32_t i = 0; i < obj->u.obj.n; i++) {
        const lc_field_desc_t *f = lc_l1_field(desc, obj->u.obj.m[i].key);
        if (!f || !f->type)
            continue;
        lc_value_t *v = (lc_value_t *)obj->u.obj.m[i].val;
        if (f->shape == LC_SHAPE_STRUCT) {
            order_props(v, f->type);
        } else if (f->shape == LC_SHAPE_LIST_STRUCT && v->kind == LC_V_ARR) {
            for (uint32_t j = 0; j < v->u.arr.n; j++)
                order_props((lc_value_t *)v->u.arr.items[j], f->type);
        } else if (f->shape == LC_SHAPE_MAP_STRUCT && v->kind == LC_V_OBJ) {
            for (uint32_t j = 0; j < v->u.obj.n; j++)
                order_props((lc_value_t *)v->u.obj.m[j].val, f->type);
        }
    }
}

void lc_resource_order_props(lc_resource_t *r)
{
    order_props(r->props, lc_l1_find(r->type));
}

/* qsort has no context argument in C11; rendering is single-threaded. */
static const char **id_sort_ctx;

static int id_cmp(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    const char *a = id_sort_ctx[i] ? id_sort_ctx[i] : "", *b = id_sort_ctx[j] ? id_sort_ctx[j] : "";
    int c = strcmp(a, b);
    if (c)
        return c;
    return (i > j) - (i < j);
}

static void add_bootstrap(lc_stack_t *st)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *p = lc_v_obj(a);
    lc_obj_set(a, p, "Type", lc_v_str(a, "AWS::SSM::Parameter::Value<String>"));
    lc_obj_set(a, p, "Default", lc_v_str(a, "/cdk-bootstrap/hnb659fds/version"));
    lc_obj_set(a, p, "Description",
               lc_v_str(a, "Version of the CDK Bootstrap resources in this environment, "
                           "automatically retrieved from SSM Parameter Store. [cdk:skip]"));
    lc_obj_set(a, st->parameters, "BootstrapVersion", p);
    lc_stack_use_section(st, "Parameters");

    lc_value_t *versions = lc_v_arr(a);
    static const char *const old[] = { "1", "2", "3", "4", "5" };
    for (size_t i = 0; i < 5; i++)
        lc_arr_push(a, versions, lc_v_str(a, old[i]));
    lc_value_t *contains = lc_v_arr(a);
    lc_arr_push(a, contains, versions);
    lc_arr_push(a, contains, lc_v_refname(a, "BootstrapVersion"));
    lc_value_t *notargs = lc_v_arr(a);
    lc_arr_push(a, notargs, lc_fn(a, "Fn::Contains", contains));
    lc_value_t *assertion = lc_v_obj(a);
    lc_obj_set(a, assertion, "Assert", lc_fn(a, "Fn::Not", notargs));
    lc_obj_set(a, assertion, "AssertDescription",
               lc_v_str(a, "CDK bootstrap stack version 6 required. Please run 'cdk "
                           "bootstrap' with a recent version of the CDK CLI."));
    lc_value_t *assertions = lc_v_arr(a);
    lc_arr_push(a, assertions, assertion);
    lc_value_t *rule = lc_v_obj(a);
    lc_obj_set(a, rule, "Assertions", assertions);
    lc_obj_set(a, st->rules, "CheckBootstrapVersion", rule);
    lc_stack_use_section(st, "Rules");
}

/* CloudFormation's limit, which aws-cdk-lib enforces at synthesis. */
#define LC_STACK_RESOURCE_LIMIT 500

typedef struct type_count {
    const char *type;
    size_t n;
} type_count_t;

static int tc_cmp(const void *x, const void *y)
{
    const type_count_t *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? 1 : -1;
    return strcmp(a->type, b->type);
}

static void check_resource_limit(lc_stack_t *st, lc_resource_t **v, size_t n)
{
    long limit = st->app->stack_resource_limit;
    if (limit <= 0 || n <= (size_t)limit)
        return;
    lc_arena_t *a = st->app->arena;
    type_count_t *tc = lc_xalloc(a, n * sizeof *tc);
    size_t nt = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < nt && strcmp(tc[j].type, v[i]->type) != 0)
            j++;
        if (j == nt)
            tc[nt++] = (type_count_t){ v[i]->type, 0 };
        tc[j].n++;
    }
    qsort(tc, nt, sizeof *tc, tc_cmp);
    lc_sink_t s = { 0 };
    for (size_t j = 0; j < nt; j++)
        lc_sink_printf(&s, "%s%s (%zu)", j ? ", " : "", tc[j].type, tc[j].n);
    lc_error(st->app, st->root, "TooManyResourcesInStack",
             "Number of resources in stack '%s': %zu is greater than allowed maximum of %ld: %s",
             st->name, n, limit, lc_sink_cstr(&s));
    lc_sink_fini(&s);
}

/* Invalid UTF-8 makes the writer fail (LC_E_UTF8) without a hint of where: find it here,
 * while the declaration that holds it is known, and report it like a validation error
 * (file:line of the declaration, JSON path of the value).  Added with the reliability
 * tests (t/70-bad-input.sh). */
typedef struct utf8_walk {
    lc_stack_t *st;
    const lc_node_t *at;     /* the node errors are reported against */
    lc_sink_t path;          /* JSON path of the value being looked at */
} utf8_walk_t;

/* Report s when it is not valid UTF-8 (what: "the value" or "a key"). */
static void utf8_check_str(utf8_walk_t *w, const char *s, const char *what)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t k = p[i] < 0x80 ? 1 : lc__utf8_seq(p + i, n - i);
        if (!k) {
            lc_error(w->st->app, w->at, "InvalidUtf8",
                     "%s: %s is not valid UTF-8 (byte 0x%02x at offset %zu)",
                     lc_sink_cstr(&w->path), what, p[i], i);
            return;
        }
        i += k;
    }
}

static void utf8_walk(utf8_walk_t *w, const lc_value_t *v, int depth)
{
    size_t mark = w->path.len;
    if (!v || depth > LC_JSON_MAX_DEPTH)
        return;
    switch (v->kind) {
    case LC_V_STR:
        if (v->u.s)
            utf8_check_str(w, v->u.s, "the value");
        break;
    case LC_V_REF:
    case LC_V_GETATT:
        if (v->u.ref.ns == LC_TARGET_NAME)
            utf8_check_str(w, v->u.ref.target, "the reference");
        if (v->kind == LC_V_GETATT && v->u.ref.attr)
            utf8_check_str(w, v->u.ref.attr, "the attribute name");
        break;
    case LC_V_ARR:
        for (uint32_t i = 0; i < v->u.arr.n; i++) {
            lc_sink_printf(&w->path, "[%u]", (unsigned)i);
            utf8_walk(w, v->u.arr.items[i], depth + 1);
            w->path.len = mark;
        }
        break;
    case LC_V_OBJ:
        for (uint32_t i = 0; i < v->u.obj.n; i++) {
            if (!v->u.obj.m[i].val)
                continue;       /* undefined: not written */
            utf8_check_str(w, v->u.obj.m[i].key, "a key");
            lc_sink_printf(&w->path, ".%s", v->u.obj.m[i].key);
            utf8_walk(w, v->u.obj.m[i].val, depth + 1);
            w->path.len = mark;
        }
        break;
    default:
        break;
    }
}

static int str_valid(const char *s)
{
    return !s || lc_utf8_valid(s, strlen(s));
}

/* The common case, cheaply: every string valid (no JSON paths built). */
static int utf8_all_valid(const lc_value_t *v, int depth)
{
    if (!v || depth > LC_JSON_MAX_DEPTH)
        return 1;
    switch (v->kind) {
    case LC_V_STR:
        return str_valid(v->u.s);
    case LC_V_REF:
    case LC_V_GETATT:
        return (v->u.ref.ns != LC_TARGET_NAME || str_valid(v->u.ref.target)) &&
               (v->kind != LC_V_GETATT || str_valid(v->u.ref.attr));
    case LC_V_ARR:
        for (uint32_t i = 0; i < v->u.arr.n; i++)
            if (!utf8_all_valid(v->u.arr.items[i], depth + 1))
                return 0;
        return 1;
    case LC_V_OBJ:
        for (uint32_t i = 0; i < v->u.obj.n; i++)
            if (v->u.obj.m[i].val && (!str_valid(v->u.obj.m[i].key) ||
                                      !utf8_all_valid(v->u.obj.m[i].val, depth + 1)))
                return 0;
        return 1;
    default:
        return 1;
    }
}

/* Report every invalid string of v, a value of node `at` at JSON path `prefix`.  The
 * paths are only built when something is wrong: this runs on every resource. */
static void check_utf8(lc_stack_t *st, const lc_node_t *at, const char *prefix,
                       const lc_value_t *v)
{
    if (utf8_all_valid(v, 0))
        return;
    utf8_walk_t w = { st, at, { 0 } };
    lc_sink_puts(&w.path, prefix);
    utf8_walk(&w, v, 0);
    lc_sink_fini(&w.path);
}

lc_value_t *lc_stack_render(lc_stack_t *st)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_resource_t **v = NULL;
    size_t n = 0, cap = 0;
    collect_resources(st->root, &v, &n, &cap, a);
    check_resource_limit(st, v, n);

    /* 1. ordinary logical ids, and the duplicate check CDK does */
    for (size_t i = 0; i < n; i++)
        v[i]->logical_id = path_logical_id(app, v[i]->node);

    /* 2. lazy values: resource hooks and stack hooks (aspects), by order; ties keep
     * tree order for resources, then registration order for stack hooks (an insertion
     * sort, so the result never depends on the libc's qsort) */
    stack_priv_t *sp = priv(st);
    size_t nh = sp->nhooks;
    for (size_t i = 0; i < n; i++)
        nh += v[i]->prepare != NULL;
    prep_t *prep = lc_xalloc(a, (nh ? nh : 1) * sizeof *prep);
    size_t np = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i]->prepare)
            prep[np++] = (prep_t){ v[i]->prepare_order, v[i], NULL, v[i]->prepare_ctx };
    for (size_t i = 0; i < sp->nhooks; i++)
        prep[np++] = sp->hooks[i];
    for (size_t i = 1; i < np; i++)
        for (size_t j = i; j > 0 && prep[j - 1].order > prep[j].order; j--) {
            prep_t t = prep[j];
            prep[j] = prep[j - 1];
            prep[j - 1] = t;
        }
    for (size_t i = 0; i < np; i++) {
        if (prep[i].res)
            prep[i].res->prepare(prep[i].res, prep[i].ctx);
        else
            prep[i].fn(st, prep[i].ctx);
    }

    /* CDK refuses two elements with one logical id: sort the ids, compare neighbours */
    const char **ids = lc_xalloc(a, (n ? n : 1) * sizeof *ids);
    size_t *idx = lc_xalloc(a, (n ? n : 1) * sizeof *idx);
    for (size_t i = 0; i < n; i++) {
        ids[i] = v[i]->override_id ? v[i]->override_id : v[i]->logical_id;
        idx[i] = i;
    }
    id_sort_ctx = ids;
    qsort(idx, n, sizeof *idx, id_cmp);
    for (size_t k = 1; k < n; k++) {
        size_t i = idx[k - 1], j = idx[k];
        if (ids[i] && ids[j] && strcmp(ids[i], ids[j]) == 0)
            lc_error(app, v[j > i ? j : i]->node, "ObjectsAssignedSameLogical",
                     "Two objects have been assigned the same Logical ID: '%s' and '%s' are now both named '%s'.",
                     lc_node_path(v[i < j ? i : j]->node), lc_node_path(v[j > i ? j : i]->node),
                     ids[i]);
    }

    /* 3. the Resources section */
    lc_value_t *resources = lc_v_obj(a);
    for (size_t i = 0; i < n; i++) {
        lc_resource_t *r = v[i];
        lc_value_t *e = lc_v_obj(a);
        lc_obj_set(a, e, "Type", lc_v_str(a, r->type));
        lc_resource_order_props(r);
        if (r->props && r->props->u.obj.n)
            lc_obj_set(a, e, "Properties", r->props);
        lc_value_t *deps = depends_on(st, r);
        if (deps)
            lc_obj_set(a, e, "DependsOn", deps);
        if (r->update_replace_policy)
            lc_obj_set(a, e, "UpdateReplacePolicy", lc_v_str(a, r->update_replace_policy));
        if (r->deletion_policy)
            lc_obj_set(a, e, "DeletionPolicy", lc_v_str(a, r->deletion_policy));
        lc_value_t *md = r->metadata;
        if (app->path_metadata) {
            lc_value_t *m2 = lc_v_obj(a);
            lc_obj_set(a, m2, "aws:cdk:path",
                       lc_v_strfmt(a, "%s/%s", st->name, lc_node_path(r->node)));
            for (uint32_t k = 0; md && k < md->u.obj.n; k++)
                lc_obj_set(a, m2, md->u.obj.m[k].key, md->u.obj.m[k].val);
            md = m2;
        }
        if (md && md->u.obj.n)
            lc_obj_set(a, e, "Metadata", md);
        if (r->condition)
            lc_obj_set(a, e, "Condition", lc_v_str(a, r->condition));
        /* lc_obj_add: ids are unique here (duplicates were reported above), and with
         * thousands of resources lc_obj_set's search made rendering quadratic */
        const char *rid = r->override_id ? r->override_id : r->logical_id;
        lc_obj_add(a, resources, rid, e);
        if (!utf8_all_valid(e, 0))
            check_utf8(st, r->node, lc_sprintf(a, "Resources.%s", rid), e);
    }

    if (app->bootstrap_rule)
        add_bootstrap(st);

    lc_value_t *t = lc_v_obj(a);
    stack_priv_t *p = priv(st);
    for (size_t i = 0; i < p->nsections; i++) {
        const char *s = p->sections[i];
        const lc_value_t *val = NULL;
        if (strcmp(s, "Resources") == 0)
            val = resources;
        else if (strcmp(s, "Parameters") == 0)
            val = st->parameters;
        else if (strcmp(s, "Mappings") == 0)
            val = st->mappings;
        else if (strcmp(s, "Conditions") == 0)
            val = st->conditions;
        else if (strcmp(s, "Outputs") == 0)
            val = st->outputs;
        else if (strcmp(s, "Rules") == 0)
            val = st->rules;
        if (val && val->u.obj.n) {
            lc_obj_set(a, t, s, val);
            if (val != resources)
                check_utf8(st, st->root, s, val);
        }
    }
    return t;
}

/* ---- the app ------------------------------------------------------------------------ */

extern const lc_stack_decl_t *const __start_lc_stacks[] __attribute__((weak));
extern const lc_stack_decl_t *const __stop_lc_stacks[] __attribute__((weak));

size_t lc_declared_stacks(const lc_stack_decl_t *const **out)
{
    if (!__start_lc_stacks || !__stop_lc_stacks) {
        *out = NULL;
        return 0;
    }
    *out = __start_lc_stacks;
    return (size_t)(__stop_lc_stacks - __start_lc_stacks);
}

void lc_app_init(lc_app_t *app)
{
    memset(app, 0, sizeof *app);
    app->arena = lc_arena_new();
    if (!app->arena) {
        fputs("lambdac: out of memory\n", stderr);
        exit(70);
    }
    app->profile = LC_HASH_NATIVE;
    app->flags.recognize_version_props = true;
    app->bootstrap_rule = true;
    app->stack_resource_limit = LC_STACK_RESOURCE_LIMIT;
}

void lc_app_set_new_project_flags(lc_app_t *app)
{
    app->flags.recognize_version_props = true;
    app->flags.recognize_layer_version = true;
    app->flags.use_cdk_managed_log_group = true;
    app->flags.enable_partition_literals = true;
    app->flags.minimize_policies = true;
    app->flags.signer_profile_name_to_cfn = true;
    static const char *const partitions[] = { "aws", "aws-cn", NULL };
    app->flags.target_partitions = partitions;
}

void lc_app_fini(lc_app_t *app)
{
    lc_arena_free(app->arena);
    app->arena = NULL;
}

lc_stack_t *lc_app_add_stack(lc_app_t *app, const lc_stack_decl_t *sd)
{
    lc_arena_t *a = app->arena;
    lc_stack_t *st = lc_xalloc(a, sizeof *st);
    st->app = app;
    st->name = sd->h.id;
    st->decl = sd;
    st->account = sd->account;
    st->region = sd->region;
    st->priv = lc_xalloc(a, sizeof(stack_priv_t));
    st->root = lc_xalloc(a, sizeof *st->root);
    st->root->id = st->name;
    st->root->stack = st;
    st->root->loc = sd->h.loc;
    st->parameters = lc_v_obj(a);
    st->mappings = lc_v_obj(a);
    st->conditions = lc_v_obj(a);
    st->outputs = lc_v_obj(a);
    st->rules = lc_v_obj(a);
    for (lc_stack_t *o = app->stacks; o; o = o->next)
        if (strcmp(o->name, st->name) == 0)
            lc_error_at(app, sd->h.loc, st->name, "DuplicateConstructId",
                        "There is already a Construct with name '%s' in App", st->name);
    if (app->last_stack)
        app->last_stack->next = st;
    else
        app->stacks = st;
    app->last_stack = st;
    for (size_t i = 0; i < sd->nmembers; i++)
        lc_expand(st, sd->members[i]);
    for (size_t i = 0; i < priv(st)->nfinalizers; i++)
        priv(st)->finalizers[i].fn(st, priv(st)->finalizers[i].ctx);
    return st;
}
