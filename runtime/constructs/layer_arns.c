/* layer_arns.c - the layer ARNs of Insights, Params-and-Secrets and ADOT, and how a stack
 * refers to them.
 *
 * The ARNs are data (spec/layer-arns/, compiled into runtime/layer_arns.gen.c).  What is
 * code is aws-cdk-lib's Stack.regionalFact: a pinned stack gets its region's literal; an
 * environment-agnostic stack cannot know the region, so the ARN has to be computed at
 * deploy time.  CDK first tries to find one shape for every region (replacing each
 * region's URL suffix, when they differ, with ${AWS::URLSuffix} and the region name with
 * ${AWS::Region}); if every region's ARN then reads the same, that shape is the answer
 * (a Fn::Join).  Otherwise it writes a CfnMapping "<FactClass>Map" of region -> ARN and
 * answers Fn::FindInMap.  The mapping key is the fact's parameter with every
 * non-alphanumeric character replaced by 'x'.  Doing the same here keeps templates (and
 * the currentVersion hashes that include layer ARNs) identical.  Under the new-project
 * flags (@aws-cdk/core:target-partitions = aws, aws-cn) only those partitions' regions
 * take part, as RegionInfo.limitedRegionMap does.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <lambdac/logical_id.h>

#include "integ.h"

const lc_region_info_t *lc_regions(size_t *n)
{
    *n = lc__nregions;
    return lc__regions;
}

const lc_region_info_t *lc_region_find(const char *name)
{
    for (size_t i = 0; i < lc__nregions; i++)
        if (strcmp(lc__regions[i].name, name) == 0)
            return &lc__regions[i];
    return NULL;
}

const lc_layer_fact_t *lc_layer_fact_find(lc_layer_product_t product, const char *adot_type,
                                          const char *version, const char *arch)
{
    if (!version || !arch)
        return NULL;
    for (size_t i = 0; i < lc__nlayer_facts; i++) {
        const lc_layer_fact_t *f = &lc__layer_facts[i];
        if (f->product != product || strcmp(f->version, version) != 0 ||
            strcmp(f->arch, arch) != 0)
            continue;
        if (product == LC_LAYER_PRODUCT_ADOT &&
            (!adot_type || !f->adot_type || strcmp(adot_type, f->adot_type) != 0))
            continue;
        return f;
    }
    return NULL;
}

const char *lc_layer_fact_arn(const lc_layer_fact_t *f, const char *region)
{
    for (size_t i = 0; i < f->narns; i++)
        if (strcmp(lc__regions[f->arns[i].region].name, region) == 0)
            return f->arns[i].arn;
    return NULL;
}

/* ---- the deploy-time lookup ------------------------------------------------------------- */

/* Markers for the pseudo parameters inside a pattern (ARNs never hold control chars). */
#define MARK_REGION '\001'
#define MARK_SUFFIX '\002'

/* x with every (non-overlapping, left to right) occurrence of pat replaced by mark. */
static char *replace_all(lc_arena_t *a, const char *x, const char *pat, char mark)
{
    size_t pl = strlen(pat);
    lc_sink_t s = { 0 };
    const char *p = x, *q;
    while (pl && (q = strstr(p, pat)) != NULL) {
        lc_sink_put(&s, p, (size_t)(q - p));
        lc_sink_put(&s, &mark, 1);
        p = q + pl;
    }
    lc_sink_puts(&s, p);
    char *r = lc_strdup(a, lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return r;
}

static const char *url_suffix(const char *region)
{
    const lc_region_info_t *r = lc_region_find(region);
    return r && r->domain_suffix ? r->domain_suffix : "amazonaws.com";
}

/* findValuePattern: the common shape of every region's value, or NULL. */
static const char *value_pattern(lc_arena_t *a, const lc_layer_fact_t *f)
{
    size_t n = f->narns;
    char **v = lc_xalloc(a, n * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (char *)f->arns[i].arn;
    int suffixes_same = 1, all_have_suffix = 1, all_have_region = 1;
    const char *s0 = url_suffix(lc__regions[f->arns[0].region].name);
    for (size_t i = 0; i < n; i++) {
        const char *rn = lc__regions[f->arns[i].region].name;
        if (strcmp(url_suffix(rn), s0) != 0)
            suffixes_same = 0;
        if (!strstr(v[i], url_suffix(rn)))
            all_have_suffix = 0;
    }
    if (!suffixes_same && all_have_suffix)
        for (size_t i = 0; i < n; i++)
            v[i] = replace_all(a, v[i], url_suffix(lc__regions[f->arns[i].region].name),
                               MARK_SUFFIX);
    for (size_t i = 0; i < n; i++)
        if (!strstr(v[i], lc__regions[f->arns[i].region].name))
            all_have_region = 0;
    if (all_have_region)
        for (size_t i = 0; i < n; i++)
            v[i] = replace_all(a, v[i], lc__regions[f->arns[i].region].name, MARK_REGION);
    for (size_t i = 1; i < n; i++)
        if (strcmp(v[i], v[0]) != 0)
            return NULL;
    return v[0];
}

/* The value of a pattern: literal pieces and pseudo-parameter Refs, concatenated. */
static lc_value_t *pattern_value(lc_app_t *app, const char *pat)
{
    lc_integ_concat_t c;
    lc_integ_concat_init(&c, app);
    const char *p = pat;
    while (*p) {
        size_t k = strcspn(p, "\001\002");
        if (k) {
            char *lit = lc_xalloc(app->arena, k + 1);
            memcpy(lit, p, k);
            lit[k] = 0;
            lc_integ_concat_str(&c, lit);
            p += k;
        }
        if (*p == MARK_REGION || *p == MARK_SUFFIX) {
            lc_integ_concat_val(&c, lc_v_refname(app->arena, *p == MARK_REGION
                                                                 ? "AWS::Region"
                                                                 : "AWS::URLSuffix"));
            p++;
        }
    }
    return lc_integ_concat_end(&c);
}

lc_value_t *lc_layer_fact_value(lc_stack_t *st, const lc_layer_fact_t *f)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (st->region) {
        const char *arn = lc_layer_fact_arn(f, st->region);
        return arn ? lc_v_str(a, arn) : NULL;
    }
    /* @aws-cdk/core:target-partitions limits the lookup to those partitions' regions */
    if (app->flags.target_partitions) {
        lc_layer_fact_t *lim = lc_xalloc(a, sizeof *lim);
        *lim = *f;
        lc_layer_arn_t *rows = lc_xalloc(a, (f->narns ? f->narns : 1) * sizeof *rows);
        lim->arns = rows;
        lim->narns = 0;
        for (size_t i = 0; i < f->narns; i++)
            for (const char *const *pp = app->flags.target_partitions; *pp; pp++)
                if (strcmp(lc__regions[f->arns[i].region].partition, *pp) == 0) {
                    rows[lim->narns++] = f->arns[i];
                    break;
                }
        f = lim;
    }
    if (!f->narns)
        return NULL;
    const char *pat = value_pattern(a, f);
    if (pat)
        return pattern_value(app, pat);

    /* a CfnMapping "<FactClass>Map" at stack level, one member per region */
    char *map_id = lc_sprintf(a, "%sMap", f->fact_class);
    map_id[0] = (char)toupper((unsigned char)map_id[0]);
    char *key = lc_strdup(a, f->fact_param);
    for (char *k = key; *k; k++)
        if (!isalnum((unsigned char)*k))
            *k = 'x';
    const char *comp[1] = { map_id };
    const char *logical = lc_logical_id(a, app->profile, comp, 1);
    if (!lc_node_child(st->root, map_id))
        lc_node_new(st->root, map_id);
    lc_value_t *mapping = (lc_value_t *)lc_obj_get(st->mappings, logical);
    if (!mapping) {
        mapping = lc_v_obj(a);
        lc_obj_set(a, st->mappings, logical, mapping);
    }
    for (size_t i = 0; i < f->narns; i++) {
        const char *rn = lc__regions[f->arns[i].region].name;
        lc_value_t *row = (lc_value_t *)lc_obj_get(mapping, rn);
        if (!row) {
            row = lc_v_obj(a);
            lc_obj_set(a, mapping, rn, row);
        }
        lc_obj_set(a, row, key, lc_v_str(a, f->arns[i].arn));
    }
    lc_stack_use_section(st, "Mappings");
    lc_value_t *args = lc_v_arr(a);
    lc_arr_push(a, args, lc_v_str(a, logical));
    lc_arr_push(a, args, lc_v_refname(a, "AWS::Region"));
    lc_arr_push(a, args, lc_v_str(a, key));
    return lc_fn(a, "Fn::FindInMap", args);
}
