/* expect: none fromFunctionArn in env-agnostic stack + addPermission */
/* addPermission on such an import is not an error: it does nothing, with the warning
 * UnclearLambdaEnvironment.  (A function is added so that the template has resources;
 * the probe's stack has none.) */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_FUNCTION_FROM_ARN(Imp, "arn:aws:lambda:us-east-1:123456789012:function:MyFn");
LC_PERMISSION(P, .imported = &Imp, .principal = LC_SERVICE_PRINCIPAL("events.amazonaws.com"));

LC_STACK(Probe, &Fn, &Imp, &P);
LC_MAIN();
