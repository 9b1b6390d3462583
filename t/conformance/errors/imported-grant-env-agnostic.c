/* expect: CannotModifyLambdaPermission fromFunctionArn in env-agnostic stack + grantInvoke(ServicePrincipal) @Imp */
/* Function.fromFunctionArn in a stack without an account: CDK cannot tell whether the
 * function is in the stack's account, so the permission a grant needs cannot be added
 * (the warning UnclearLambdaEnvironment comes first, then the error on the import). */
#include <lambdac.h>

LC_FUNCTION_FROM_ARN(Imp, "arn:aws:lambda:us-east-1:123456789012:function:MyFn");
LC_GRANT_INVOKE(G, .imported = &Imp, .principal = LC_SERVICE_PRINCIPAL("events.amazonaws.com"));

LC_STACK(Probe, &Imp, &G);
LC_MAIN();
