/* 21-version-hash.c - what changes a currentVersion's logical id, and what does not.
 *
 * A new AWS::Lambda::Version must appear exactly when a version-locked property changes
 * (FACTS.md (a)); anything else would make CloudFormation fail with "version already
 * exists" or silently skip a publish.  Each stack below is a variant of one base
 * function; the test renders each and compares the version ids.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <lambdac.h>
#include <lambdac/synth.h>

#include "tap.h"

#define CODE LC_CODE_FROM_INLINE("exports.handler = async () => 1;")
#define BASE .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = CODE, \
             .current_version = true

LC_FUNCTION(Base, BASE);
LC_FUNCTION(Tagged, BASE, .tags = LC_TAGS(LC_KV("team", "x")));
LC_FUNCTION(Reserved, BASE, .reserved_concurrent_executions = LC_SOME(5));
LC_FUNCTION(Signed, BASE, .code_signing_config_arn = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1");
LC_QUEUE(Q);
LC_FUNCTION(Depending, BASE, .depends_on = LC_DEPENDS_ON(&Q));
LC_FUNCTION(Timeout, BASE, .timeout = LC_SECONDS(10));
LC_FUNCTION(Env, BASE, .environment = LC_ENV(LC_KV("A1", "x")));
LC_FUNCTION(Memory, BASE, .memory_size = 256);
LC_FUNCTION(Described, BASE, .description = "d");
LC_FUNCTION(EnvAB, BASE, .environment = LC_ENV(LC_KV("AA", "1"), LC_KV("BB", "2")));
LC_FUNCTION(EnvBA, BASE, .environment = LC_ENV(LC_KV("BB", "2"), LC_KV("AA", "1")));

LC_BUCKET_FROM_NAME(Bkt, "bucket");
LC_LAYER_VERSION(LayerA, .code = LC_CODE_FROM_BUCKET(Bkt, "a.zip"), .description = "A");
LC_LAYER_VERSION(LayerA2, .code = LC_CODE_FROM_BUCKET(Bkt, "a.zip"), .description = "A, changed");
LC_LAYER_VERSION(LayerB, .code = LC_CODE_FROM_BUCKET(Bkt, "b.zip"), .description = "B");
LC_FUNCTION(LayeredAB, BASE, LC_LAYERS(&LayerA, &LayerB));
LC_FUNCTION(LayeredBA, BASE, LC_LAYERS(&LayerB, &LayerA));

/* Each variant is rendered in a stack of its own under the construct id "Fn", so only
 * the property differs.  Render `fn_decl` and return the version id, or NULL. */
static const char *version_id(lc_app_t *app, const void *fn_decl, const void *extra)
{
    const void *members[2] = { extra, NULL };
    lc_stack_decl_t sd = { .h = { LC_DECL_MAGIC, LC_DECL_STACK, "S", { __FILE__, __LINE__ }, 0 },
                           .members = members, .nmembers = extra ? 1 : 0 };
    lc_stack_t *st = lc_app_add_stack(app, &sd);
    lc_function_t copy = *(const lc_function_t *)fn_decl;
    copy.h.id = "Fn";
    lc_node_t *fn = lc_function_create(st, st->root, "Fn", &copy);
    if (!fn)
        return NULL;
    lc_value_t *t = lc_stack_render(st);
    if (app->nerrors)
        return NULL;
    const lc_value_t *res = lc_obj_get(t, "Resources");
    for (uint32_t i = 0; res && i < res->u.obj.n; i++)
        if (strncmp(res->u.obj.m[i].key, "FnCurrentVersion", 16) == 0)
            return res->u.obj.m[i].key;
    return NULL;
}

static const char *vid(lc_hash_profile_t p, int new_flags, const void *fn, const void *extra)
{
    static lc_app_t apps[64];
    static int k;
    lc_app_t *app = &apps[k++ % 64];
    lc_app_init(app);
    app->profile = p;
    if (new_flags)
        lc_app_set_new_project_flags(app);
    return version_id(app, fn, extra);
}

int main(void)
{
    for (int prof = 0; prof < 2; prof++) {
        lc_hash_profile_t p = prof ? LC_HASH_CDK : LC_HASH_NATIVE;
        const char *pn = prof ? "cdk" : "native";
        const char *base = vid(p, 0, &Base, NULL);
        ok(base != NULL, "%s: base function has a currentVersion", pn);
        if (!base)
            continue;
        is_str(vid(p, 0, &Tagged, NULL), base, "%s: Tags leave the version id unchanged", pn);
        is_str(vid(p, 0, &Reserved, NULL), base,
               "%s: reserved concurrency leaves the version id unchanged", pn);
        is_str(vid(p, 0, &Signed, NULL), base,
               "%s: the code signing config leaves the version id unchanged", pn);
        is_str(vid(p, 0, &Depending, &Q), base,
               "%s: DependsOn leaves the version id unchanged", pn);
        const void *locked[] = { &Timeout, &Env, &Memory, &Described };
        const char *names[] = { "Timeout", "Environment", "MemorySize", "Description" };
        for (int i = 0; i < 4; i++) {
            const char *v = vid(p, 0, locked[i], NULL);
            ok(v && strcmp(v, base) != 0, "%s: changing %s changes the version id", pn, names[i]);
        }
        is_str(vid(p, 0, &EnvAB, NULL), vid(p, 0, &EnvBA, NULL),
               "%s: environment order does not matter (sorted once currentVersion is read)", pn);
    }
    /* layers: with the layer flag off (cdk profile, no flags) the order matters and the
     * content does not; with it on, the content matters and the order does not */
    const char *ab_off = vid(LC_HASH_CDK, 0, &LayeredAB, NULL);
    const char *ba_off = vid(LC_HASH_CDK, 0, &LayeredBA, NULL);
    ok(ab_off && ba_off && strcmp(ab_off, ba_off) != 0,
       "cdk, layer flag off: layer order changes the version id");
    const char *ab_on = vid(LC_HASH_CDK, 1, &LayeredAB, NULL);
    const char *ba_on = vid(LC_HASH_CDK, 1, &LayeredBA, NULL);
    ok(ab_on && ba_on && strcmp(ab_on, ba_on) == 0,
       "cdk, layer flag on: layer order does not change the version id");
    /* native: the Layers property is the deployed order, so it counts when the flag
     * keeps the declared order, and not when the flag sorts the layers by path */
    const char *ab_nat = vid(LC_HASH_NATIVE, 0, &LayeredAB, NULL);
    const char *ba_nat = vid(LC_HASH_NATIVE, 0, &LayeredBA, NULL);
    ok(ab_nat && ba_nat && strcmp(ab_nat, ba_nat) != 0,
       "native, layer flag off: layer order (the deployed order) changes the version id");
    const char *ab_nat_on = vid(LC_HASH_NATIVE, 1, &LayeredAB, NULL);
    const char *ba_nat_on = vid(LC_HASH_NATIVE, 1, &LayeredBA, NULL);
    ok(ab_nat_on && ba_nat_on && strcmp(ab_nat_on, ba_nat_on) == 0,
       "native, layer flag on: layer order does not change the version id");
    /* layer content: a layer under the same construct id with another description */
    static lc_layer_t a2;
    a2 = LayerA2;
    a2.h.id = "LayerA";
    static const lc_layer_t *changed[2] = { &a2, &LayerB };
    static lc_function_t f2;
    f2 = LayeredAB;
    f2.p.layers = changed;
    const char *c_on = vid(LC_HASH_CDK, 1, &f2, NULL);
    ok(c_on && ab_on && strcmp(c_on, ab_on) != 0,
       "cdk, layer flag on: changing a layer's content changes the version id");
    const char *c_off = vid(LC_HASH_CDK, 0, &f2, NULL);
    ok(c_off && ab_off && strcmp(c_off, ab_off) == 0,
       "cdk, layer flag off: a layer's content does not count (CDK's old behaviour)");
    const char *c_nat = vid(LC_HASH_NATIVE, 0, &f2, NULL);
    ok(c_nat && ab_nat && strcmp(c_nat, ab_nat) != 0,
       "native: changing a layer's content changes the version id");
    return done_testing();
}
