/* layer.c - lambda.LayerVersion, its imports and permissions, and function layers.
 *
 * Layers matter beyond the Layers property: with @aws-cdk/aws-lambda:recognizeLayerVersion
 * the currentVersion hash includes a description of every layer (FACTS.md (a),
 * "layersHash"), and the Layers list is sorted by construct path.  The description of an
 * imported layer with a literal ARN is the JSON of its compatible Runtime objects, which
 * is why the runtime table can print each row exactly as aws-cdk-lib serializes it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac/lambda.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "internal.h"

lc_layer_state_t *lc_layer_state(lc_node_t *n)
{
    if (!n || n->l2_kind != LC_DECL_LAYER)
        return NULL;
    return n->l2;
}

static const char *arch_name(lc_architecture_t a)
{
    return a == LC_ARCH_ARM_64 ? "arm64" : "x86_64";
}

lc_node_t *lc_layer_import(lc_stack_t *st, lc_node_t *scope, const char *id,
                           const lc_value_t *arn, const lc_runtime_list_t *runtimes)
{
    lc_node_t *n = lc_node_new(scope, id);
    if (!n)
        return NULL;
    lc_layer_state_t *ls = lc_xalloc(st->app->arena, sizeof *ls);
    ls->kind = LC_LAYER_FROM_ARN_;
    ls->arn = arn;
    ls->runtimes = runtimes;
    ls->has_runtimes = runtimes != NULL;
    n->l2 = ls;
    n->l2_kind = LC_DECL_LAYER;
    return n;
}

lc_node_t *lc_layer_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_layer_t *ld = (const lc_layer_t *)d;
    const lc_layer_props_t *p = &ld->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_layer_state_t *ls = lc_xalloc(a, sizeof *ls);
    ls->kind = p->kind;
    n->l2 = ls;
    n->l2_kind = LC_DECL_LAYER;
    if (p->kind != LC_LAYER_DEFINED) {
        ls->arn = lc_v_str(a, p->arn ? p->arn : "");
        if (p->kind == LC_LAYER_FROM_ATTRIBUTES_) {
            ls->has_runtimes = p->compatible_runtimes.n > 0;
            ls->runtimes = ls->has_runtimes ? &p->compatible_runtimes : NULL;
        }
        if (!p->arn)
            lc_error(app, n, "LayerArnRequired", "an imported layer needs its ARN");
        return n;
    }
    ls->has_runtimes = p->compatible_runtimes.n > 0;
    ls->runtimes = ls->has_runtimes ? &p->compatible_runtimes : NULL;
    if (p->compatible_runtimes.n > 15)
        lc_error(app, n, "TooManyCompatibleRuntimes",
                 "Only up to 15 runtimes can be specified, got %zu", p->compatible_runtimes.n);
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::LayerVersion");
    if (!r)
        return n;
    ls->res = r;
    lc_stack_use_section(st, "Resources");
    if (p->compatible_architectures.n) {
        lc_value_t *arr = lc_v_arr(a);
        for (size_t i = 0; i < p->compatible_architectures.n; i++)
            lc_arr_push(a, arr, lc_v_str(a, arch_name(p->compatible_architectures.items[i])));
        lc_obj_set(a, r->props, "CompatibleArchitectures", arr);
    }
    if (p->compatible_runtimes.n) {
        lc_value_t *arr = lc_v_arr(a);
        for (size_t i = 0; i < p->compatible_runtimes.n; i++) {
            const lc_runtime_info_t *ri = lc_runtime_info(p->compatible_runtimes.items[i]);
            lc_arr_push(a, arr, lc_v_str(a, ri ? ri->name : ""));
        }
        lc_obj_set(a, r->props, "CompatibleRuntimes", arr);
    }
    if (p->code.kind == LC_CODE__NONE)
        lc_error(app, n, "LayerCodeRequired", "LayerVersion requires 'code'");
    else
        lc_obj_set(a, r->props, "Content", lc_code_value(st, n, &p->code, "Content"));
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    if (p->layer_version_name)
        lc_obj_set(a, r->props, "LayerName", lc_v_str(a, p->layer_version_name));
    if (p->license)
        lc_obj_set(a, r->props, "LicenseInfo", lc_v_str(a, p->license));
    if (p->removal_policy)
        lc_resource_set_removal_policy(r, p->removal_policy, LC_REMOVAL_DESTROY);

    for (size_t i = 0; i < p->npermissions; i++) {
        const lc_layer_permission_t *lp = &p->permissions[i];
        const char *acct = lp->account_id ? lp->account_id : "";
        lc_resource_t *pr = lc_resource_new(n, lp->id ? lp->id : "",
                                            "AWS::Lambda::LayerVersionPermission");
        if (!pr)
            continue;
        if (lp->organization_id && strcmp(acct, "*") != 0)
            lc_error(app, pr->node, "OrganizationidOnlySpecifiedAwsaccountid",
                     "OrganizationId can only be specified if AwsAccountId is '*', but it is %s",
                     acct);
        lc_obj_set(a, pr->props, "Action", lc_v_str(a, "lambda:GetLayerVersion"));
        lc_obj_set(a, pr->props, "LayerVersionArn", lc_ref(app, n));
        if (lp->organization_id)
            lc_obj_set(a, pr->props, "OrganizationId", lc_v_str(a, lp->organization_id));
        lc_obj_set(a, pr->props, "Principal", lc_v_str(a, acct));
    }
    return n;
}

/* ---- function layers ------------------------------------------------------------------ */

static int runtime_in(const lc_runtime_list_t *l, lc_runtime_id_t id)
{
    const lc_runtime_info_t *want = lc_runtime_info(id);
    for (size_t i = 0; i < l->n; i++) {
        const lc_runtime_info_t *r = lc_runtime_info(l->items[i]);
        /* Runtime.runtimeEquals compares name, family and inline-code support */
        if (r && want && strcmp(r->name, want->name) == 0 && r->family == want->family &&
            r->supports_inline_code == want->supports_inline_code)
            return 1;
    }
    return 0;
}

void lc_function_add_layer(lc_function_state_t *fs, lc_node_t *layer)
{
    lc_app_t *app = fs->st->app;
    lc_layer_state_t *ls = lc_layer_state(layer);
    if (!ls)
        return;
    if (fs->nlayers >= 5) {
        lc_error(app, fs->node, "MaxLayersExceeded",
                 "Unable to add layer: this lambda function already uses 5 layers.");
        return;
    }
    lc_runtime_id_t rt = fs->decl->p.runtime;
    if (ls->has_runtimes && ls->runtimes && rt && !runtime_in(ls->runtimes, rt)) {
        lc_sink_t s = { 0 };
        for (size_t i = 0; i < ls->runtimes->n; i++) {
            const lc_runtime_info_t *r = lc_runtime_info(ls->runtimes->items[i]);
            lc_sink_printf(&s, "%s%s", i ? "," : "", r ? r->name : "?");
        }
        lc_error(app, fs->node, "IncompatibleLayerRuntime",
                 "This lambda function uses a runtime that is incompatible with this layer (%s is not in [%s])",
                 lc_runtime_info(rt)->name, lc_sink_cstr(&s));
        lc_sink_fini(&s);
        return;
    }
    if (fs->nlayers == fs->caplayers) {
        size_t cap = fs->caplayers ? fs->caplayers * 2 : 4;
        lc_node_t **g = lc_xalloc(app->arena, cap * sizeof *g);
        if (fs->nlayers)
            memcpy(g, fs->layers, fs->nlayers * sizeof *g);
        fs->layers = g;
        fs->caplayers = cap;
    }
    fs->layers[fs->nlayers++] = layer;
}

static lc_value_t *layer_arn(lc_app_t *app, lc_node_t *layer)
{
    lc_layer_state_t *ls = lc_layer_state(layer);
    if (ls->res)
        return lc_ref(app, layer);
    return (lc_value_t *)ls->arn;
}

/* Layers sorted by construct path (JS default sort: UTF-16 code units; construct paths
 * are ASCII here, where that is byte order). */
static lc_node_t **layers_by_path(lc_function_state_t *fs)
{
    lc_arena_t *a = fs->st->app->arena;
    lc_node_t **v = lc_xalloc(a, (fs->nlayers ? fs->nlayers : 1) * sizeof *v);
    const char **paths = lc_xalloc(a, (fs->nlayers ? fs->nlayers : 1) * sizeof *paths);
    for (size_t i = 0; i < fs->nlayers; i++) {
        const char *pth = lc_node_path(fs->layers[i]);
        size_t j = i;
        while (j > 0 && strcmp(paths[j - 1], pth) > 0) {
            v[j] = v[j - 1];
            paths[j] = paths[j - 1];
            j--;
        }
        v[j] = fs->layers[i];
        paths[j] = pth;
    }
    return v;
}

void lc_function_layers_prepare(lc_resource_t *r, void *ctx)
{
    lc_function_state_t *fs = ctx;
    lc_app_t *app = fs->st->app;
    lc_arena_t *a = app->arena;
    if (!fs->nlayers)
        return;
    lc_node_t **order = app->flags.recognize_layer_version ? layers_by_path(fs) : fs->layers;
    lc_value_t *arr = lc_v_arr(a);
    for (size_t i = 0; i < fs->nlayers; i++)
        lc_arr_push(a, arr, layer_arn(app, order[i]));
    lc_obj_set(a, r->props, "Layers", arr);
}

/* Keys of a layer's properties in the order the layers hash wants them. */
static const char *const layer_key_order[] = {
    "Content", "CompatibleArchitectures", "CompatibleRuntimes", "Description", "LayerName",
    "LicenseInfo",
};

void lc_layers_hash_config(lc_function_state_t *fs, lc_sink_t *s)
{
    lc_app_t *app = fs->st->app;
    lc_arena_t *a = app->arena;
    lc_resolver_t res = lc_stack_resolver(fs->st);
    lc_node_t **order = layers_by_path(fs);
    lc_sink_puts(s, "{");
    int first = 1;
    for (size_t i = 0; i < fs->nlayers; i++) {
        lc_node_t *ln = order[i];
        lc_layer_state_t *ls = lc_layer_state(ln);
        if (ls->res) {
            /* key: the construct id; value: the layer's properties, reordered */
            lc_resource_order_props(ls->res);
            lc_value_t *o = lc_v_obj(a);
            for (size_t k = 0; k < sizeof layer_key_order / sizeof *layer_key_order; k++) {
                const lc_value_t *v = lc_obj_get(ls->res->props, layer_key_order[k]);
                if (v)
                    lc_obj_set(a, o, layer_key_order[k], v);
            }
            const lc_value_t *p = ls->res->props;
            for (uint32_t k = 0; k < p->u.obj.n; k++)
                if (!lc_obj_get(o, p->u.obj.m[k].key))
                    lc_obj_set(a, o, p->u.obj.m[k].key, p->u.obj.m[k].val);
            lc_sink_puts(s, first ? "" : ",");
            lc_write_json_string(s, ln->id);
            lc_sink_puts(s, ":");
            lc_write_json(s, o, LC_JSON_COMPACT, &res);
            first = 0;
        } else if (ls->arn && ls->arn->kind != LC_V_STR) {
            /* token ARN: {"arn": <resolved>, "runtimes": [names]} under the construct id */
            lc_sink_puts(s, first ? "" : ",");
            lc_write_json_string(s, ln->id);
            lc_sink_puts(s, ":{\"arn\":");
            lc_write_json(s, ls->arn, LC_JSON_COMPACT, &res);
            if (ls->kind != LC_LAYER_FROM_ATTRIBUTES_ || ls->has_runtimes) {
                lc_sink_puts(s, ",\"runtimes\":[");
                if (ls->runtimes) {
                    for (size_t k = 0; k < ls->runtimes->n; k++) {
                        const lc_runtime_info_t *ri = lc_runtime_info(ls->runtimes->items[k]);
                        lc_sink_puts(s, k ? "," : "");
                        lc_write_json_string(s, ri ? ri->name : "");
                    }
                } else {
                    for (int k = LC_RUNTIME__UNSET + 1; k < LC_RUNTIME__COUNT; k++) {
                        lc_sink_puts(s, k > 1 ? "," : "");
                        lc_write_json_string(s, lc_runtime_info((lc_runtime_id_t)k)->name);
                    }
                }
                lc_sink_puts(s, "]");
            }
            lc_sink_puts(s, "}");
            first = 0;
        } else if (ls->arn) {
            /* literal ARN: the compatible runtimes as Runtime objects; none: no member */
            if (ls->kind == LC_LAYER_FROM_ATTRIBUTES_ && !ls->has_runtimes)
                continue;
            lc_sink_puts(s, first ? "" : ",");
            lc_write_json_string(s, ls->arn->u.s);
            lc_sink_puts(s, ":");
            if (!ls->runtimes) {
                lc_sink_puts(s, lc_runtime_all_json());
            } else {
                lc_sink_puts(s, "[");
                for (size_t k = 0; k < ls->runtimes->n; k++) {
                    char buf[1024];
                    lc_runtime_json(ls->runtimes->items[k], buf, sizeof buf);
                    lc_sink_puts(s, k ? "," : "");
                    lc_sink_puts(s, buf);
                }
                lc_sink_puts(s, "]");
            }
            first = 0;
        }
    }
    lc_sink_puts(s, "}");
}
