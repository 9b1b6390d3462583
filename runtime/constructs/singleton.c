/* singleton.c - lambda.SingletonFunction.
 *
 * Higher-level constructs declare "their" function any number of times and expect one
 * resource.  CDK keys it by (lambdaPurpose or "SingletonLambda") + the uuid's
 * alphanumerics, looked up among the *stack's* children - so the logical id does not
 * depend on where, or how often, the singleton is declared, and the first declaration's
 * properties win.  Each declaration still gets its own (resource-less) construct node,
 * like CDK's SingletonFunction construct; grants, permissions, URLs' permissions and
 * references on it act on the one real function.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <lambdac/access.h>
#include <lambdac/synth.h>

#include "access-internal.h"

lc_node_t *lc_singleton_function_node(lc_node_t *n)
{
    if (!n || n->l2_kind != LC_DECL_SINGLETON_FUNCTION)
        return NULL;
    return n->l2;
}

lc_node_t *lc_singleton_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_singleton_function_t *sd = (const lc_singleton_function_t *)d;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (!sd->uuid || !*sd->uuid) {
        lc_error(app, n, "SingletonUuidRequired", "SingletonFunction requires 'uuid'");
        return n;
    }
    /* constructName = (lambdaPurpose || "SingletonLambda") + slugify(uuid) */
    const char *purpose = sd->lambda_purpose && *sd->lambda_purpose ? sd->lambda_purpose
                                                                    : "SingletonLambda";
    size_t pl = strlen(purpose), ul = strlen(sd->uuid);
    char *id = lc_xalloc(a, pl + ul + 1), *o = id + pl;
    memcpy(id, purpose, pl);
    for (const char *c = sd->uuid; *c; c++)
        if (isalnum((unsigned char)*c) && !((unsigned char)*c & 0x80))
            *o++ = *c;
    *o = '\0';

    lc_node_t *real = lc_node_child(st->root, id);
    if (real && !lc_function_state(real)) {
        lc_error(app, n, "DuplicateConstructId",
                 "There is already a Construct with name '%s' in %s (not a function)", id,
                 st->name);
        return n;
    }
    if (!real)
        real = lc_function_create(st, st->root, id, &sd->function);
    if (!real)
        return n;
    n->l2 = real;
    /* a Ref / GetAtt to the declaration means the real function */
    n->default_child = real;
    return n;
}
