/* version.c - lambda.Version, fn.currentVersion, lambda.Alias, EventInvokeConfig.
 *
 * The feature users fight with most is the currentVersion logical id: a new
 * AWS::Lambda::Version must appear exactly when the function changes, or CloudFormation
 * fails with "version already exists".  aws-cdk-lib derives the id from a hash of the
 * function's version-locked properties (oracle FACTS.md (a)); lc_version_hash_prepare
 * reproduces that recipe (cdk profile: MD5) and hashes the same input with XXH3-128 in
 * the native profile.  Which properties are locked is decided by the generator (flags in
 * the descriptor of AWS::Lambda::Function, from spec/overrides.json); at run time we only
 * read flags, plus what the user classified with lc_classify_version_property().
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac/assembly.h>
#include <lambdac/hash.h>
#include <lambdac/l1.h>
#include <lambdac/lambda.h>
#include <lambdac/logical_id.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "internal.h"

/* ---- user classification (Function.classifyVersionProperty) ------------------------ */

#define LC_MAX_USER_CLASSES 64
static struct {
    const char *name;
    bool locked;
} user_classes[LC_MAX_USER_CLASSES];
static size_t n_user_classes;

void lc_classify_version_property(const char *property, bool locked)
{
    for (size_t i = 0; i < n_user_classes; i++)
        if (strcmp(user_classes[i].name, property) == 0) {
            user_classes[i].locked = locked;
            return;
        }
    if (n_user_classes < LC_MAX_USER_CLASSES) {
        user_classes[n_user_classes].name = property;
        user_classes[n_user_classes].locked = locked;
        n_user_classes++;
    }
}

/* 1 locked, 0 not locked, -1 unknown. */
static int classify(const lc_type_desc_t *fn_desc, const char *key)
{
    for (size_t i = 0; i < n_user_classes; i++)
        if (strcmp(user_classes[i].name, key) == 0)
            return user_classes[i].locked;
    const lc_field_desc_t *f = fn_desc ? lc_l1_field(fn_desc, key) : NULL;
    if (f && (f->flags & LC_FF_VERSION_LOCKED))
        return 1;
    if (f && (f->flags & LC_FF_VERSION_UNLOCKED))
        return 0;
    return -1;
}

/* The fixed order aws-cdk-lib puts the locked properties in before hashing (FACTS.md (a)
 * step 4); any other locked key follows in ascending order. */
static const char *const hash_order[] = {
    "Code", "Handler", "Role", "Runtime", "Architectures", "CodeSigningConfigArn",
    "DeadLetterConfig", "Description", "Environment", "EphemeralStorage",
    "FileSystemConfigs", "FunctionName", "ImageConfig", "KmsKeyArn", "Layers", "MemorySize",
    "PackageType", "ReservedConcurrentExecutions", "RuntimeManagementConfig", "SnapStart",
    "Tags", "Timeout", "TracingConfig", "VpcConfig",
};

static int in_hash_order(const char *key)
{
    for (size_t i = 0; i < sizeof hash_order / sizeof *hash_order; i++)
        if (strcmp(hash_order[i], key) == 0)
            return 1;
    return 0;
}

/* The hash input of a function: the compact JSON of its locked properties in CDK's
 * order, then the layers hash when @aws-cdk/aws-lambda:recognizeLayerVersion is on.
 * Returns NULL (after reporting) when a property is unclassified. */
static const char *version_hash_input(lc_function_state_t *fs, lc_sink_t *s)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_resource_t *fr = fs->res;
    lc_resource_order_props(fr);
    const lc_type_desc_t *fd = lc_l1_find("AWS::Lambda::Function");
    const lc_value_t *props = fr->props;

    lc_sink_t bad = { 0 };
    int nbad = 0;
    for (uint32_t i = 0; i < props->u.obj.n; i++) {
        const lc_member_t *m = &props->u.obj.m[i];
        if (m->val->kind != LC_V_NULL && classify(fd, m->key) < 0) {
            lc_sink_printf(&bad, "%s%s", nbad ? "," : "", m->key);
            nbad++;
        }
    }
    if (nbad) {
        lc_error(app, fs->node, "UnrecognizedVersionProperties",
                 "The following properties are not recognized as version properties: [%s]. "
                 "See the README of the aws-lambda module to learn more about this and to fix it.",
                 lc_sink_cstr(&bad));
        lc_sink_fini(&bad);
        return NULL;
    }
    lc_sink_fini(&bad);

    lc_value_t *sel = lc_v_obj(a);
    for (size_t k = 0; k < sizeof hash_order / sizeof *hash_order; k++) {
        const lc_value_t *v = lc_obj_get(props, hash_order[k]);
        if (v && classify(fd, hash_order[k]) == 1)
            lc_obj_set(a, sel, hash_order[k], v);
    }
    lc_value_t *rest = lc_v_obj(a);
    for (uint32_t i = 0; i < props->u.obj.n; i++) {
        const lc_member_t *m = &props->u.obj.m[i];
        if (!in_hash_order(m->key) && classify(fd, m->key) == 1)
            lc_obj_set(a, rest, m->key, m->val);
    }
    lc_obj_sort(rest);
    for (uint32_t i = 0; i < rest->u.obj.n; i++)
        lc_obj_set(a, sel, rest->u.obj.m[i].key, rest->u.obj.m[i].val);

    lc_resolver_t r = lc_stack_resolver(st);
    if (app->profile == LC_HASH_NATIVE) {
        /* The native canonical form, version 1 (README "Hash profiles"): versioned, and
         * independent of the layer feature flag: layers always count, and so do the
         * real bytes of the code when lambdac packaged it. */
        lc_sink_puts(s, "lambdac-version-hash/1\nprops:");
        if (lc_write_json(s, sel, LC_JSON_COMPACT, &r) != 0)
            goto fail;
        lc_sink_puts(s, "\nlayers:");
        lc_layers_hash_config(fs, s);
        /* the real bytes: the SHA-256 of the zip lambdac made of the code (--package) */
        const lc_value_t *code = lc_obj_get(props, "Code");
        const lc_value_t *key = code ? lc_obj_get(code, "S3Key") : NULL;
        const char *sha = fs->code_sha256;
        if (!sha && key && key->kind == LC_V_STR) {
            size_t kl = strlen(key->u.s);
            if (kl > 4 && strcmp(key->u.s + kl - 4, ".zip") == 0)
                sha = lc_stack_asset_zip_sha256(st, lc_strndup(a, key->u.s, kl - 4));
        }
        if (sha) {
            lc_sink_puts(s, "\ncode-sha256:");
            lc_sink_puts(s, sha);
        }
        lc_sink_puts(s, "\n");
        return lc_sink_cstr(s);
    }
    if (lc_write_json(s, sel, LC_JSON_COMPACT, &r) != 0)
        goto fail;
    if (app->flags.recognize_layer_version) {
        /* the layers config (FACTS.md (a)); no layers gives {} */
        lc_sink_t cfg = { 0 };
        lc_layers_hash_config(fs, &cfg);
        char lh[33];
        lc_hash32_hex(app->profile, cfg.buf, cfg.len, lh);
        lc_sink_fini(&cfg);
        lc_sink_puts(s, lh);
    }
    return lc_sink_cstr(s);
fail:
    lc_error(app, fs->node, "VersionHashInput",
             "cannot render the function's properties for its version hash");
    return NULL;
}

const char *lc_function_version_hash_input(lc_function_state_t *fs, lc_sink_t *s)
{
    return version_hash_input(fs, s);
}

int lc_function_version_hash(lc_function_state_t *fs, char out[33])
{
    lc_sink_t s = { 0 };
    const char *input = version_hash_input(fs, &s);
    if (input)
        lc_hash32_hex(fs->st->app->profile, input, s.len, out);
    lc_sink_fini(&s);
    return input ? 0 : -1;
}

void lc_version_hash_prepare(lc_resource_t *vr, void *ctx)
{
    lc_function_state_t *fs = ctx;
    lc_app_t *app = fs->st->app;
    char h[33];
    if (lc_function_version_hash(fs, h) == 0) {
        char *base = lc_trim_from_start(app->arena, vr->logical_id, 223);
        vr->override_id = lc_sprintf(app->arena, "%s%s", base, h);
    }
}

/* ---- FunctionVersionUpgrade ----------------------------------------------------------- */

static void upgrade_walk(const lc_version_upgrade_t *u, lc_node_t *n)
{
    lc_function_state_t *fs = lc_function_state(n);
    if (fs && fs->res) {
        lc_app_t *app = fs->st->app;
        bool state = u->flag == LC_FLAG_RECOGNIZE_LAYER_VERSION
                         ? app->flags.recognize_layer_version
                         : app->flags.recognize_version_props;
        bool enabled = u->enabled != LC_FALSE;
        char h[33];
        if (state == enabled && lc_function_version_hash(fs, h) == 0) {
            /* the original description, as the aspect reads the L1's own property and
             * writes an override (a second aspect replaces the first's override) */
            const char *desc = fs->decl->p.description;
            lc_obj_set(app->arena, fs->res->props, "Description",
                       desc ? lc_v_strfmt(app->arena, "%s version-hash:%s", desc, h)
                            : lc_v_strfmt(app->arena, "version-hash:%s", h));
        }
    }
    for (lc_node_t *c = n->first; c; c = c->next)
        upgrade_walk(u, c);
}

static void upgrade_hook(lc_stack_t *st, void *ctx)
{
    upgrade_walk(ctx, st->root);
}

lc_node_t *lc_version_upgrade_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    (void)scope;
    lc_stack_on_prepare(st, 5, upgrade_hook, (void *)d);
    return st->root;
}

/* ---- Version ----------------------------------------------------------------------- */

static void event_invoke_config(lc_stack_t *st, lc_node_t *parent, lc_node_t *fn_node,
                                const lc_value_t *qualifier, lc_opt_int_t retry,
                                lc_duration_t max_age, const lc_value_t *on_success,
                                const lc_value_t *on_failure)
{
    if (!retry.set && !max_age.set && !on_success && !on_failure)
        return;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_new(parent, "EventInvokeConfig");
    if (!n)
        return;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::EventInvokeConfig");
    if (!r)
        return;
    if (retry.set && (retry.v < 0 || retry.v > 2))
        lc_error(app, n, "RetryAttemptsOutOfRange",
                 "retryAttempts must be between 0 and 2 inclusive, got %lld", (long long)retry.v);
    if (max_age.set && (max_age.ms < 60000 || max_age.ms > 21600000))
        lc_error(app, n, "MaxEventAgeOutOfRange",
                 "maximumEventAge must represent a Duration that is between 60 and 21600 seconds, got %lld",
                 (long long)(max_age.ms / 1000));
    lc_obj_set(a, r->props, "FunctionName", lc_ref(app, fn_node));
    if (retry.set)
        lc_obj_set(a, r->props, "MaximumRetryAttempts", lc_v_int(a, retry.v));
    if (max_age.set)
        lc_obj_set(a, r->props, "MaximumEventAgeInSeconds", lc_v_int(a, max_age.ms / 1000));
    lc_obj_set(a, r->props, "Qualifier", qualifier);
    if (on_success || on_failure) {
        lc_value_t *dc = lc_v_obj(a);
        if (on_failure) {
            lc_value_t *d = lc_v_obj(a);
            lc_obj_set(a, d, "Destination", on_failure);
            lc_obj_set(a, dc, "OnFailure", d);
        }
        if (on_success) {
            lc_value_t *d = lc_v_obj(a);
            lc_obj_set(a, d, "Destination", on_success);
            lc_obj_set(a, dc, "OnSuccess", d);
        }
        lc_obj_set(a, r->props, "DestinationConfig", dc);
    }
}

/* A Version resource under `n` (the Version construct); returns the resource. */
static lc_resource_t *version_resource(lc_stack_t *st, lc_node_t *n, lc_node_t *fn_node,
                                       const lc_version_options_t *o)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Version");
    if (!r)
        return NULL;
    n->l2_kind = LC_DECL_VERSION;
    lc_obj_set(a, r->props, "FunctionName", lc_ref(app, fn_node));
    if (o->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, o->description));
    if (o->code_sha256)
        lc_obj_set(a, r->props, "CodeSha256", lc_v_str(a, o->code_sha256));
    if (o->provisioned_concurrent_executions.set) {
        lc_value_t *pc = lc_v_obj(a);
        lc_obj_set(a, pc, "ProvisionedConcurrentExecutions",
                   lc_v_int(a, o->provisioned_concurrent_executions.v));
        lc_obj_set(a, r->props, "ProvisionedConcurrencyConfig", pc);
    }
    if (o->removal_policy)
        lc_resource_set_removal_policy(r, o->removal_policy, LC_REMOVAL_DESTROY);
    r->metadata = lc_v_obj(a);
    lc_obj_set(a, r->metadata, "aws:cdk:do-not-refactor", lc_v_bool(a, true));
    event_invoke_config(st, n, fn_node, lc_getatt(app, n, "Version"), o->retry_attempts,
                        o->max_event_age, o->on_success, o->on_failure);
    lc_stack_use_section(st, "Resources");
    return r;
}

lc_node_t *lc_function_current_version(lc_function_state_t *fs)
{
    if (fs->current_version)
        return fs->current_version;
    lc_stack_t *st = fs->st;
    const lc_function_props_t *p = &fs->decl->p;
    if (p->code.kind == LC_CODE_BUCKET)
        lc_error(st->app, fs->node, "CurrentVersionNeedsAssetOrInlineCode",
                 "currentVersion is only supported for code from Code.fromAsset or "
                 "Code.fromInline: the contents of an S3 object cannot be tracked, so declare "
                 "an explicit Version (LC_VERSION) for bucket code");
    lc_node_t *n = lc_node_new(fs->node, "CurrentVersion");
    if (!n)
        return NULL;
    fs->current_version = n;
    /* reading currentVersion makes the function render its environment sorted */
    if (fs->env_vars)
        lc_obj_sort(fs->env_vars);
    fs->current_version_res = version_resource(st, n, fs->node, &p->current_version_options);
    if (fs->current_version_res) {
        fs->current_version_res->prepare = lc_version_hash_prepare;
        fs->current_version_res->prepare_ctx = fs;
        fs->current_version_res->prepare_order = 10;
    }
    return n;
}

lc_resource_t *lc_function_resource(lc_function_state_t *fs)
{
    return fs->res;
}

lc_node_t *lc_version_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_version_t *vd = (const lc_version_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_node_t *fn = vd->p.lambda ? lc_expand(st, vd->p.lambda) : NULL;
    if (!fn) {
        lc_error(st->app, n, "VersionRequiresLambda", "Version requires 'lambda' (a function)");
        return n;
    }
    version_resource(st, n, fn, &vd->p.options);
    return n;
}

lc_node_t *lc_version_ref_node(lc_stack_t *st, lc_version_ref_t ref, lc_node_t **fn_node)
{
    if (!ref.decl)
        return NULL;
    lc_node_t *n = lc_expand(st, ref.decl);
    if (!n)
        return NULL;
    if (ref.kind == LC_VERSION_REF_CURRENT || ref.kind == LC_VERSION_REF_LATEST) {
        if (fn_node)
            *fn_node = n;
        lc_function_state_t *fs = lc_function_state(n);
        if (!fs)
            return NULL;
        return ref.kind == LC_VERSION_REF_CURRENT ? lc_function_current_version(fs) : NULL;
    }
    if (fn_node) {
        const lc_version_t *vd = (const lc_version_t *)ref.decl;
        *fn_node = lc_expand(st, vd->p.lambda);
    }
    return n;
}

/* ---- Alias --------------------------------------------------------------------------- */

static lc_value_t *version_number(lc_stack_t *st, lc_node_t *vnode)
{
    if (!vnode)
        return lc_v_str(st->app->arena, "$LATEST");
    return lc_getatt(st->app, vnode, "Version");
}

lc_node_t *lc_alias_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_alias_t *ad = (const lc_alias_t *)d;
    const lc_alias_props_t *p = &ad->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *fn = NULL;
    lc_node_t *vnode = lc_version_ref_node(st, p->version, &fn);
    lc_node_t *n;
    if (p->add_alias) {
        /* fn.addAlias(name) / version.addAlias(name) */
        lc_node_t *owner = p->version.kind == LC_VERSION_REF_EXPLICIT ? vnode : fn;
        if (!owner) {
            lc_error_at(app, d->loc, d->id, "AliasRequiresVersion", "alias needs a version");
            return NULL;
        }
        n = lc_node_new(owner, lc_sprintf(a, "Alias%s", p->alias_name ? p->alias_name : ""));
        if (n) {
            n->decl = d;
            n->loc = d->loc;
        }
    } else {
        n = lc_decl_new_node(st, scope, d);
    }
    if (!n)
        return NULL;
    n->l2_kind = LC_DECL_ALIAS;
    if (!fn) {
        lc_error(app, n, "AliasRequiresVersion", "Alias requires 'version'");
        return n;
    }
    if (!p->alias_name || !*p->alias_name)
        lc_error(app, n, "AliasNameRequired", "Alias requires 'alias_name'");
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Alias");
    if (!r)
        return n;
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    lc_obj_set(a, r->props, "FunctionName", lc_ref(app, fn));
    lc_obj_set(a, r->props, "FunctionVersion", version_number(st, vnode));
    lc_obj_set(a, r->props, "Name", lc_v_str(a, p->alias_name ? p->alias_name : ""));
    if (p->provisioned_concurrent_executions.set) {
        lc_value_t *pc = lc_v_obj(a);
        lc_obj_set(a, pc, "ProvisionedConcurrentExecutions",
                   lc_v_int(a, p->provisioned_concurrent_executions.v));
        lc_obj_set(a, r->props, "ProvisionedConcurrencyConfig", pc);
    }
    if (p->nadditional_versions) {
        double total = 0;
        lc_value_t *weights = lc_v_arr(a);
        for (size_t i = 0; i < p->nadditional_versions; i++) {
            const lc_version_weight_t *w = &p->additional_versions[i];
            if (w->weight < 0 || w->weight > 1)
                lc_error(app, n, "InvalidWeight",
                         "Additional version weight must be between 0 and 1, got: %g", w->weight);
            total += w->weight;
            lc_value_t *o = lc_v_obj(a);
            lc_obj_set(a, o, "FunctionVersion",
                       version_number(st, lc_version_ref_node(st, w->version, NULL)));
            lc_obj_set(a, o, "FunctionWeight", lc_v_num(a, w->weight));
            lc_arr_push(a, weights, o);
        }
        if (total > 1)
            lc_error(app, n, "InvalidTotalWeight",
                     "Sum of additional version weights must not exceed 1, got: %g", total);
        lc_value_t *rc = lc_v_obj(a);
        lc_obj_set(a, rc, "AdditionalVersionWeights", weights);
        lc_obj_set(a, r->props, "RoutingConfig", rc);
    }
    lc_stack_use_section(st, "Resources");
    event_invoke_config(st, n, fn, lc_v_str(a, p->alias_name ? p->alias_name : ""),
                        p->retry_attempts, p->max_event_age, p->on_success, p->on_failure);
    return n;
}
