/* code_signing.c - lambda.CodeSigningConfig.
 *
 * Not implemented yet: a declaration that uses one is rejected with a clear error.
 */
#include "config.h"

#include <lambdac/lambda.h>

#include "internal.h"

lc_value_t *lc_code_signing_config_arn_value(lc_stack_t *st, lc_node_t *fn_node,
                                             const struct lc_code_signing_config *csc)
{
    (void)csc;
    lc_error(st->app, fn_node, "NotSupportedYet",
             "'code_signing_config' is not supported by lambdac yet (use code_signing_config_arn)");
    return lc_v_str(st->app->arena, "");
}
