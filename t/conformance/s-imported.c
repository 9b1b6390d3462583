/* s-imported: imported functions in a stack pinned to 123456789012 / us-east-1.
 *   ByArn        same account: a role's grant is a policy statement only
 *   OtherAccount addPermission is skipped (warning UnclearLambdaEnvironment)
 *   SameEnv      sameEnvironment in another account: the role gets the statement AND a
 *                resource policy names the role (cross-account grants need both)
 *   Skip         skipPermissions: the statement, and no permission, no error
 *   ByName       fromFunctionName: an ARN built from the stack's own environment
 * Twin: s-imported.js. */
#include <lambdac.h>

LC_ROLE(InvokerRole, .assumed_by = LC_SERVICE_PRINCIPAL("ec2.amazonaws.com"));
#define SVC LC_SERVICE_PRINCIPAL("events.amazonaws.com")

LC_FUNCTION_FROM_ARN(ByArn, "arn:aws:lambda:us-east-1:123456789012:function:MyFn");
LC_GRANT_INVOKE(ByArnRole, .imported = &ByArn, .principal = LC_ROLE_PRINCIPAL(InvokerRole));
LC_GRANT_INVOKE(ByArnSvc, .imported = &ByArn, .principal = SVC);

LC_FUNCTION_FROM_ARN(OtherAccount, "arn:aws:lambda:us-east-1:444455556666:function:TheirFn");
LC_PERMISSION(SkippedPermission, .imported = &OtherAccount, .principal = SVC);

LC_FUNCTION_FROM_ATTRIBUTES(SameEnv,
    .function_arn = "arn:aws:lambda:eu-west-1:777788889999:function:SameEnvFn",
    .same_environment = LC_TRUE);
LC_GRANT_INVOKE(SameEnvRole, .imported = &SameEnv, .principal = LC_ROLE_PRINCIPAL(InvokerRole));
LC_GRANT_INVOKE(SameEnvSvc, .imported = &SameEnv, .principal = SVC);

LC_FUNCTION_FROM_ATTRIBUTES(Skip,
    .function_arn = "arn:aws:lambda:us-east-1:999999999999:function:OtherAccountFn",
    .skip_permissions = true);
LC_GRANT_INVOKE(SkipRole, .imported = &Skip, .principal = LC_ROLE_PRINCIPAL(InvokerRole));
LC_GRANT_INVOKE(SkipSvc, .imported = &Skip, .principal = SVC);

LC_FUNCTION_FROM_NAME(ByName, "MyNamedFn");
LC_GRANT_INVOKE(ByNameRole, .imported = &ByName, .principal = LC_ROLE_PRINCIPAL(InvokerRole));
LC_GRANT_INVOKE(ByNameSvc, .imported = &ByName, .principal = SVC);

LC_STACK_NAMED_ENV(Stack, "s-imported", "123456789012", "us-east-1",
    &InvokerRole,
    &ByArn, &ByArnRole, &ByArnSvc,
    &OtherAccount, &SkippedPermission,
    &SameEnv, &SameEnvRole, &SameEnvSvc,
    &Skip, &SkipRole, &SkipSvc,
    &ByName, &ByNameRole, &ByNameSvc);
LC_MAIN();
