/* f-role: the function's own iam.Role ("My Role") with two AWS managed policies.  The CDK
 * app adds the policies after creating the function (addManagedPolicy); the template is
 * the same as declaring them on the role.  Twin: f-role.js. */
#include <lambdac.h>

LC_ROLE_ID(MyRole, "My Role",
    .assumed_by = LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"),
    .managed_policies = LC_STRS("service-role/AWSLambdaBasicExecutionRole",
                                "service-role/AWSLambdaVPCAccessExecutionRole"));

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .role = &MyRole);

LC_STACK_NAMED(Stack, "f-role", &MyRole, &MyFunction);
LC_MAIN();
