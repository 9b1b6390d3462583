/* x-version-permissions: permissions on qualified functions and function-level options.
 * An explicit Version with addPermission and a role grant (statement on the version ARN);
 * an alias of the currentVersion with a source-ARN permission; on the function itself an
 * addPermission with an event source token, one with FunctionUrlAuthType, a composite
 * grant, and grantInvokeLatestVersion to a role (":$LATEST" and the unqualified ARN).
 * Twin: x-version-permissions.js. */
#include <lambdac.h>

LC_FUNCTION(Handler,
    .runtime = LC_RUNTIME_NODEJS_20_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 2;"),
    .description = "versioned");
LC_VERSION(V1, .lambda = &Handler, .options = { .description = "first" });
LC_PERMISSION(S3Invoke, .version = &V1,
    .principal = LC_SERVICE_PRINCIPAL("s3.amazonaws.com"),
    .source_account = "123456789012");
LC_ROLE(Consumer, .assumed_by = LC_SERVICE_PRINCIPAL("ec2.amazonaws.com"));
LC_GRANT_INVOKE(ConsumerV1, .version = &V1, .principal = LC_ROLE_PRINCIPAL(Consumer));
LC_ALIAS(Live, .alias_name = "live", .version = LC_CURRENT_VERSION(Handler));
LC_PERMISSION(FromQueue, .alias = &Live,
    .principal = LC_SERVICE_PRINCIPAL("sqs.amazonaws.com"),
    .source_arn = "arn:aws:sqs:us-east-1:123456789012:jobs");
LC_PERMISSION(Alexa, .function = &Handler,
    .principal = LC_SERVICE_PRINCIPAL("alexa-appkit.amazon.com"),
    .action = "lambda:InvokeFunction",
    .event_source_token = "amzn1.ask.skill.0000");
LC_PERMISSION(PublicUrl, .function = &Handler,
    .principal = LC_ANY_PRINCIPAL,
    .action = "lambda:InvokeFunctionUrl",
    .function_url_auth_type = LC_URL_AUTH_NONE);
LC_GRANT_INVOKE_COMPOSITE_PRINCIPAL(Partners, .function = &Handler,
    .principal = LC_COMPOSITE_PRINCIPAL(
        &LC_ACCOUNT_PRINCIPAL("111122223333"),
        &LC_SERVICE_PRINCIPAL("scheduler.amazonaws.com")));
LC_GRANT_INVOKE_LATEST_VERSION(ConsumerLatest, .function = &Handler,
    .principal = LC_ROLE_PRINCIPAL(Consumer));

LC_STACK_NAMED(Stack, "x-version-permissions",
    &Handler, &V1, &S3Invoke, &Consumer, &ConsumerV1, &Live, &FromQueue, &Alexa, &PublicUrl,
    &Partners, &ConsumerLatest);
LC_MAIN();
