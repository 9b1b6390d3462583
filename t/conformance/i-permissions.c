/* i-permissions: resource-based policies.  grantInvoke to a service, an organization, an
 * account, an account in an organization, a service with conditions, a composite
 * principal and a role of the stack; addPermission with and without source conditions;
 * grantInvokeLatestVersion.  The permissions' logical ids come from CDK's own construct
 * ids ("Invoke" + sha256 of the principal); the role gets a policy statement instead of a
 * permission.  Twin: i-permissions.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));

LC_GRANT_INVOKE(MyService, .function = &MyFunction,
    .principal = LC_SERVICE_PRINCIPAL("my-service"));
LC_PERMISSION(OtherService, .function = &MyFunction, .id = "my-service Invocation",
    .principal = LC_SERVICE_PRINCIPAL("other-service"));
LC_PERMISSION(WithSource, .function = &MyFunction,
    .principal = LC_SERVICE_PRINCIPAL("s3.amazonaws.com"),
    .action = "lambda:InvokeFunction",
    .source_account = "111122223333",
    .source_arn = "arn:aws:s3:::amzn-s3-demo-bucket");
LC_GRANT_INVOKE(Organization, .function = &MyFunction,
    .principal = LC_ORGANIZATION_PRINCIPAL("o-xxxxxxxxxx"));
LC_GRANT_INVOKE(AccountInOrganization, .function = &MyFunction,
    .principal = LC_ACCOUNT_PRINCIPAL("123456789012", .in_organization = "o-yyyyyyyyyy"));
LC_GRANT_INVOKE(Account, .function = &MyFunction,
    .principal = LC_ACCOUNT_PRINCIPAL("210987654321"));
LC_GRANT_INVOKE(ServiceWithConditions, .function = &MyFunction,
    .principal = LC_SERVICE_PRINCIPAL("cond-service",
        .conditions = LC_CONDITIONS(
            LC_COND("ArnLike", "aws:SourceArn", "arn:aws:s3:::amzn-s3-demo-bucket"),
            LC_COND("StringEquals", "aws:SourceAccount", "111122223333"))));
LC_GRANT_INVOKE_COMPOSITE_PRINCIPAL(Composite, .function = &MyFunction,
    .principal = LC_COMPOSITE_PRINCIPAL(
        &LC_ORGANIZATION_PRINCIPAL("o-zzzzzzzzzz"),
        &LC_SERVICE_PRINCIPAL("apigateway.amazonaws.com")));
LC_GRANT_INVOKE_LATEST_VERSION(Latest, .function = &MyFunction,
    .principal = LC_SERVICE_PRINCIPAL("latest-service"));

LC_ROLE(InvokerRole, .assumed_by = LC_ACCOUNT_ROOT_PRINCIPAL);
LC_GRANT_INVOKE(RoleMayInvoke, .function = &MyFunction,
    .principal = LC_ROLE_PRINCIPAL(InvokerRole));

LC_STACK_NAMED(Stack, "i-permissions",
    &MyFunction, &MyService, &OtherService, &WithSource, &Organization,
    &AccountInOrganization, &Account, &ServiceWithConditions, &Composite, &Latest,
    &InvokerRole, &RoleMayInvoke);
LC_MAIN();
