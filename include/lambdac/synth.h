/* lambdac/synth.h - the synthesizer's internal interface (used by lc_main, the L2
 * constructs and the tests).  Most users only need LC_MAIN() from dsl.h.
 */
#ifndef LAMBDAC_SYNTH_H
#define LAMBDAC_SYNTH_H

#include <stddef.h>
#include <stdio.h>
#include <lambdac/construct.h>
#include <lambdac/dsl.h>
#include <lambdac/writer.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An app with lambdac's defaults (native hash profile, flags of an app without
 * context, bootstrap rule on).  Exits 70 when out of memory.  Free with lc_app_fini. */
void lc_app_init(lc_app_t *app);
void lc_app_fini(lc_app_t *app);
/* Switch to the feature flags of a new `cdk init` project. */
void lc_app_set_new_project_flags(lc_app_t *app);
/* Create a stack from its declaration and expand every member; errors are counted in
 * app->nerrors (and printed). */
lc_stack_t *lc_app_add_stack(lc_app_t *app, const lc_stack_decl_t *sd);
/* Every stack declared in the program (link-section order). */
size_t lc_declared_stacks(const lc_stack_decl_t *const **out);

/* Render the stack's template as a value (allocates ids, runs prepare hooks).  Errors
 * found here (duplicate ids, resource limit) are counted in app->nerrors. */
lc_value_t *lc_stack_render(lc_stack_t *st);
/* Resolver that turns Ref/GetAtt targets of this stack into logical ids. */
lc_resolver_t lc_stack_resolver(lc_stack_t *st);
/* Record that a top-level template section is used (sections are written in order of
 * first use: "Resources", "Outputs", "Mappings", "Conditions", "Parameters", "Rules"). */
void lc_stack_use_section(lc_stack_t *st, const char *section);
/* Run fn(st, ctx) once every declaration of the stack has been expanded (in
 * registration order): for work that needs the whole stack, like CDK's lazies. */
void lc_stack_on_finalize(lc_stack_t *st, void (*fn)(lc_stack_t *, void *), void *ctx);
/* Run fn(st, ctx) at rendering, after logical ids are allocated, interleaved with the
 * resources' prepare hooks by `order` (layers 0, aspects 5, currentVersion ids 10). */
void lc_stack_on_prepare(lc_stack_t *st, int order, void (*fn)(lc_stack_t *, void *), void *ctx);
/* A node for declaration d under scope, carrying d's id and source location. */
lc_node_t *lc_decl_new_node(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d);
/* Expand every declaration a value references (Ref / GetAtt to declarations, and
 * currentVersion references), so it can be resolved at rendering. */
void lc_value_touch(lc_stack_t *st, const lc_value_t *v);
/* Order r->props like aws-cdk-lib renders L1 properties (generated key order). */
void lc_resource_order_props(lc_resource_t *r);
/* String.prototype.localeCompare for construct paths (ICU root order, ASCII). */
int lc_locale_compare(const char *a, const char *b);

/* --explain-version: print the version hash input, hash and currentVersion logical id
 * of the function `name` (construct id or path) of a rendered app; with `against` (a
 * template file or an assembly directory), what changed and whether a new version is
 * published.  Returns an exit status (0, 1 errors, 2 usage / unreadable input). */
int lc_explain_version(lc_app_t *app, const char *name, const char *against, FILE *out);

/* Write `data` to `path` atomically: a temporary file in the same directory, fsync,
 * rename.  Returns 0 or LC_E_IO (and prints a message naming the path). */
int lc_write_file_atomic(const char *path, const char *data, size_t n);

#ifdef __cplusplus
}
#endif
#endif
