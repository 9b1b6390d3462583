/* x-imported-agnostic: imports in an environment-agnostic stack.  fromFunctionName builds
 * its ARN from pseudo parameters (grants and grantInvokeUrl work: same environment); an
 * ARN that is an Fn::ImportValue token with sameEnvironment gets a permission and a role
 * statement (both accounts are tokens: "the same"); a literal ARN with skipPermissions
 * takes the role's statement only; addPermission on a plain fromFunctionArn is skipped
 * with the warning UnclearLambdaEnvironment.  Twin: x-imported-agnostic.js. */
#include <lambdac.h>

LC_ROLE(Invoker, .assumed_by = LC_SERVICE_PRINCIPAL("states.amazonaws.com"));
#define SVC LC_SERVICE_PRINCIPAL("events.amazonaws.com")

LC_FUNCTION_FROM_NAME(ByName, "shared-fn");
LC_GRANT_INVOKE(ByNameRole, .imported = &ByName, .principal = LC_ROLE_PRINCIPAL(Invoker));
LC_GRANT_INVOKE(ByNameSvc, .imported = &ByName, .principal = SVC);
LC_GRANT_INVOKE_URL(ByNameUrl, .imported = &ByName, .principal = SVC);

LC_FUNCTION_FROM_ATTRIBUTES(Exported,
    .function_arn_value = LC_FN_IMPORTVALUE(LC_VSTR("SharedFunctionArn")),
    .same_environment = LC_TRUE);
LC_GRANT_INVOKE(ExportedRole, .imported = &Exported, .principal = LC_ROLE_PRINCIPAL(Invoker));
LC_GRANT_INVOKE(ExportedSvc, .imported = &Exported, .principal = SVC);

LC_FUNCTION_FROM_ATTRIBUTES(Elsewhere,
    .function_arn = "arn:aws:lambda:eu-central-1:555566667777:function:Elsewhere",
    .skip_permissions = true);
LC_GRANT_INVOKE(ElsewhereRole, .imported = &Elsewhere, .principal = LC_ROLE_PRINCIPAL(Invoker));
LC_GRANT_INVOKE(ElsewhereSvc, .imported = &Elsewhere, .principal = SVC);

LC_FUNCTION_FROM_ARN(Unclear, "arn:aws:lambda:us-east-1:123456789012:function:Unclear");
LC_PERMISSION(Skipped, .imported = &Unclear, .principal = SVC);

LC_STACK_NAMED(Stack, "x-imported-agnostic",
    &Invoker,
    &ByName, &ByNameRole, &ByNameSvc, &ByNameUrl,
    &Exported, &ExportedRole, &ExportedSvc,
    &Elsewhere, &ElsewhereRole, &ElsewhereSvc,
    &Unclear, &Skipped);
LC_MAIN();
