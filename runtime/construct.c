/* construct.c - the construct tree, resources, dependencies and error reporting.
 *
 * Why a tree at all: aws-cdk-lib derives logical ids from construct paths, lists
 * resources in pre-order and resolves `addDependency` between whole subtrees.  Keeping
 * the same tree (rather than a flat resource list) is what makes every one of those
 * rules fall out the same way as in the CDK.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/construct.h>
#include <lambdac/dsl.h>

static lc_arena_t *node_arena(const lc_node_t *n)
{
    return n->stack->app->arena;
}

lc_node_t *lc_node_child(const lc_node_t *parent, const char *id)
{
    for (lc_node_t *c = parent->first; c; c = c->next)
        if (strcmp(c->id, id) == 0)
            return c;
    return NULL;
}

static lc_node_t *node_new(lc_node_t *parent, const char *id, const lc_srcloc_t *loc)
{
    lc_arena_t *a = node_arena(parent);
    if (lc_node_child(parent, id)) {
        /* CDK: "There is already a Construct with name 'X' in Stack [S]" ("in <Class>
         * [<id>]" below a stack, where we show the path).  Reported at the declaration
         * that asked for the node when it is known (t/70-bad-input.sh), else at the
         * parent's. */
        const char *in = parent->parent ? lc_node_path(parent)
                                        : lc_sprintf(a, "Stack [%s]", parent->stack->name);
        if (loc)
            lc_error_at(parent->stack->app, *loc,
                        parent->parent ? lc_sprintf(a, "%s/%s/%s", parent->stack->name,
                                                    lc_node_path(parent), id)
                                       : lc_sprintf(a, "%s/%s", parent->stack->name, id),
                        "DuplicateConstructId",
                        "There is already a Construct with name '%s' in %s", id, in);
        else
            lc_error(parent->stack->app, parent, "DuplicateConstructId",
                     "There is already a Construct with name '%s' in %s", id, in);
        return NULL;
    }
    lc_node_t *n = lc_xalloc(a, sizeof *n);
    n->id = lc_strdup(a, id);
    n->parent = parent;
    n->stack = parent->stack;
    n->decl = parent->decl;
    n->loc = parent->loc;
    if (parent->last)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
    if (strcmp(id, "Resource") == 0 || strcmp(id, "Default") == 0)
        parent->default_child = n;
    return n;
}

lc_node_t *lc_node_new(lc_node_t *parent, const char *id)
{
    return node_new(parent, id, NULL);
}

lc_node_t *lc_node_new_at(lc_node_t *parent, const char *id, lc_srcloc_t loc)
{
    return node_new(parent, id, &loc);
}

const char *lc_node_path(const lc_node_t *n)
{
    size_t len = 0, depth = 0;
    for (const lc_node_t *p = n; p && p->parent; p = p->parent) {
        len += strlen(p->id) + 1;
        depth++;
    }
    if (depth == 0)
        return "";
    char *out = lc_xalloc(node_arena(n), len);
    char *end = out + len - 1;
    *end = '\0';
    for (const lc_node_t *p = n; p && p->parent; p = p->parent) {
        size_t l = strlen(p->id);
        end -= l;
        memcpy(end, p->id, l);
        if (end > out)
            *--end = '/';
    }
    return out;
}

lc_resource_t *lc_resource_new(lc_node_t *parent, const char *id, const char *type)
{
    lc_node_t *n = lc_node_new(parent, id);
    if (!n)
        return NULL;
    lc_arena_t *a = node_arena(parent);
    lc_resource_t *r = lc_xalloc(a, sizeof *r);
    r->node = n;
    r->type = type;
    r->props = lc_v_obj(a);
    n->res = r;
    return r;
}

lc_resource_t *lc_node_resource(const lc_node_t *n)
{
    while (n) {
        if (n->res)
            return n->res;
        n = n->default_child;
    }
    return NULL;
}

void lc_node_add_dependency(lc_node_t *from, lc_node_t *to)
{
    for (size_t i = 0; i < from->ndeps; i++)
        if (from->deps[i] == to)
            return;
    if (from->ndeps == from->capdeps) {
        size_t cap = from->capdeps ? from->capdeps * 2 : 4;
        lc_node_t **d = lc_xalloc(node_arena(from), cap * sizeof *d);
        if (from->ndeps)
            memcpy(d, from->deps, from->ndeps * sizeof *d);
        from->deps = d;
        from->capdeps = cap;
    }
    from->deps[from->ndeps++] = to;
}

lc_value_t *lc_ref(lc_app_t *app, const lc_node_t *n)
{
    return lc_v_ref(app->arena, n, LC_TARGET_NODE);
}

lc_value_t *lc_getatt(lc_app_t *app, const lc_node_t *n, const char *attr)
{
    return lc_v_getatt(app->arena, n, LC_TARGET_NODE, attr);
}

/* ---- diagnostics ------------------------------------------------------------------- */

/* One format for every diagnostic, like a compiler's:
 *   file:line: error: Stack/Path: message [Code]
 * so editors can jump to the declaration that caused it. */
static void vreport(lc_app_t *app, const char *sev, lc_srcloc_t loc, const char *stack,
                    const char *path, const char *code, const char *fmt, va_list ap)
{
    if (loc.file)
        fprintf(stderr, "%s:%d: ", loc.file, loc.line);
    else
        fprintf(stderr, "%s: ", app && app->argv0 ? app->argv0 : "lambdac");
    fprintf(stderr, "%s: ", sev);
    if (stack && *stack) {
        fputs(stack, stderr);
        if (path && *path)
            fprintf(stderr, "/%s", path);
        fputs(": ", stderr);
    } else if (path && *path) {
        fprintf(stderr, "%s: ", path);
    }
    vfprintf(stderr, fmt, ap);
    if (code)
        fprintf(stderr, " [%s]", code);
    fputc('\n', stderr);
}

void lc_error(lc_app_t *app, const lc_node_t *at, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(app, "error", at->loc, at->stack->name, lc_node_path(at), code, fmt, ap);
    va_end(ap);
    app->nerrors++;
}

void lc_warning(lc_app_t *app, const lc_node_t *at, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(app, "warning", at->loc, at->stack->name, lc_node_path(at), code, fmt, ap);
    va_end(ap);
    app->nwarnings++;
}

void lc_error_at(lc_app_t *app, lc_srcloc_t loc, const char *path, const char *code,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(app, "error", loc, NULL, path, code, fmt, ap);
    va_end(ap);
    app->nerrors++;
}
