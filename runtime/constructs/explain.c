/* explain.c - `--explain-version FUNCTION [--against TEMPLATE|ASSEMBLY]`.
 *
 * "Why did (or didn't) my function get a new version?" is the question CDK users cannot
 * answer without reading the CDK's source.  This prints the exact text that is hashed,
 * the hash and the version's logical id, and, given the previous template, which
 * version-locked properties changed and whether CloudFormation will publish a new
 * version.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lambdac/json_read.h>
#include <lambdac/l1.h>
#include <lambdac/lambda.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "internal.h"

static lc_node_t *find_function(lc_node_t *n, const char *name)
{
    lc_function_state_t *fs = lc_function_state(n);
    if (fs && (strcmp(n->id, name) == 0 || strcmp(lc_node_path(n), name) == 0))
        return n;
    for (lc_node_t *c = n->first; c; c = c->next) {
        lc_node_t *f = find_function(c, name);
        if (f)
            return f;
    }
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
        if (n == cap) {
            char *g = realloc(buf, cap * 2);
            if (!g) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = g;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Compact JSON text of a value (resolved against the stack), for comparisons. */
static char *text_of(lc_stack_t *st, const lc_value_t *v)
{
    lc_sink_t s = { 0 };
    lc_resolver_t r = lc_stack_resolver(st);
    if (!v || lc_write_json(&s, v, LC_JSON_COMPACT, &r) != 0) {
        lc_sink_fini(&s);
        return NULL;
    }
    char *t = lc_strdup(st->app->arena, lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return t;
}

int lc_explain_version(lc_app_t *app, const char *name, const char *against, FILE *out)
{
    lc_node_t *fn = NULL;
    lc_stack_t *st;
    for (st = app->stacks; st && !fn; st = st->next)
        fn = find_function(st->root, name);
    if (!fn) {
        fprintf(stderr, "%s: no function '%s' in the declared stacks\n", app->argv0, name);
        return 2;
    }
    st = fn->stack;
    lc_function_state_t *fs = lc_function_state(fn);
    lc_sink_t in = { 0 };
    const char *input = lc_function_version_hash_input(fs, &in);
    if (!input) {
        lc_sink_fini(&in);
        return 1;
    }
    char h[33];
    lc_hash32_hex(app->profile, in.buf, in.len, h);
    lc_resource_t *vr = fs->current_version_res;
    const char *vid = vr ? (vr->override_id ? vr->override_id : vr->logical_id) : NULL;
    const char *fid = fs->res->override_id ? fs->res->override_id : fs->res->logical_id;

    fprintf(out, "function: %s/%s (logical id %s)\n", st->name, lc_node_path(fn), fid);
    fprintf(out, "profile: %s; @aws-cdk/aws-lambda:recognizeVersionProps=%s, "
                 "@aws-cdk/aws-lambda:recognizeLayerVersion=%s\n",
            app->profile == LC_HASH_CDK ? "cdk (md5)" : "native (xxh3-128, canonical form 1)",
            app->flags.recognize_version_props ? "true" : "false",
            app->flags.recognize_layer_version ? "true" : "false");
    fprintf(out, "hash input (%zu bytes):\n%s\n", in.len, input);
    fprintf(out, "hash: %s\n", h);
    if (vid)
        fprintf(out, "currentVersion logical id: %s\n", vid);
    else
        fprintf(out, "currentVersion: not used by this stack\n");
    lc_sink_fini(&in);
    if (!against)
        return 0;

    /* the previous template: a file, or <dir>/<Stack>.template.json of an assembly */
    char *path = (char *)against;
    struct stat sb;
    if (stat(against, &sb) == 0 && S_ISDIR(sb.st_mode))
        path = lc_sprintf(app->arena, "%s/%s.template.json", against, st->name);
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "%s: cannot read %s: %s\n", app->argv0, path, strerror(errno));
        return 2;
    }
    char err[256];
    lc_value_t *prev = lc_json_parse(app->arena, text, len, err, sizeof err);
    free(text);
    if (!prev) {
        fprintf(stderr, "%s: %s:%s\n", app->argv0, path, err);
        return 2;
    }
    const lc_value_t *res = lc_obj_get(prev, "Resources");
    const lc_value_t *old = res ? lc_obj_get(res, fid) : NULL;
    const lc_value_t *oldp = old ? lc_obj_get(old, "Properties") : NULL;
    if (!old) {
        fprintf(out, "against %s: the function %s is new\n", path, fid);
        return 0;
    }
    const lc_type_desc_t *fd = lc_l1_find("AWS::Lambda::Function");
    int locked_changes = 0;
    const lc_value_t *np = fs->res->props;
    /* every key of either side */
    for (int side = 0; side < 2; side++) {
        const lc_value_t *o = side ? oldp : np;
        for (uint32_t i = 0; o && i < o->u.obj.n; i++) {
            const char *k = o->u.obj.m[i].key;
            if (side && lc_obj_get(np, k))
                continue;
            char *a = text_of(st, lc_obj_get(np, k));
            char *b = text_of(st, oldp ? lc_obj_get(oldp, k) : NULL);
            if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0)) {
                const lc_field_desc_t *f = fd ? lc_l1_field(fd, k) : NULL;
                int locked = f && (f->flags & LC_FF_VERSION_LOCKED);
                locked_changes += locked;
                fprintf(out, "changed: %s (%s)\n", k,
                        locked ? "version-locked"
                        : (f && (f->flags & LC_FF_VERSION_UNLOCKED)) ? "not version-locked"
                                                                      : "unclassified");
            }
        }
    }
    int existed = vid && lc_obj_get(res, vid) != NULL;
    if (!vid)
        fprintf(out, "verdict: no currentVersion, nothing to publish\n");
    else if (existed)
        fprintf(out, "verdict: %s already exists in %s: no new version is created\n", vid, path);
    else
        fprintf(out, "verdict: a new version is created (%s is not in %s; %d version-locked "
                     "propert%s changed)\n", vid, path, locked_changes,
                locked_changes == 1 ? "y" : "ies");
    return 0;
}
