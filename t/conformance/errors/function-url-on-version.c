/* expect: FunctionUrlCannotVersion function URL on a Version @U */
/* new lambda.FunctionUrl(stack, 'U', {function: <a Version>}): URLs exist for functions
 * and aliases only.  (CDK's probe passes fn.currentVersion; an explicit Version fails the
 * same way.) */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_VERSION(V, .lambda = &Fn);
LC_FUNCTION_URL(U, .version = &V);

LC_STACK(Probe, &Fn, &V, &U);
LC_MAIN();
