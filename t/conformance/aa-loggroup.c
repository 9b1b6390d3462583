/* aa-loggroup: a function writing to a declared LogGroup, and one with the legacy
 * logRetention (a Custom::LogRetention and the stack's retention provider).
 * Twin: aa-loggroup.js.  The provider runs lambdac's own handler, inline:
 * except/aa-loggroup.jq names the one property that differs from CDK's. */
#include <lambdac.h>

LC_LOG_GROUP(MyLogGroupWithLogGroupName, .log_group_name = "customLogGroup");

LC_FUNCTION(Lambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .log_group = &MyLogGroupWithLogGroupName);

LC_FUNCTION(RetentionLambda,
    .code = LC_CODE_FROM_INLINE("foo"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .log_retention_days = 30);

LC_STACK_NAMED(Stack, "aa-loggroup", &MyLogGroupWithLogGroupName, &Lambda, &RetentionLambda);
LC_MAIN();
