/* xi-log-retention: legacy logRetention beyond aa-loggroup (see xi-log-retention.js):
 * retry options and a given role for the shared provider, never-expiring retention,
 * three functions on one provider.  The provider runs lambdac's own handler
 * (except/xi-log-retention.jq). */
#include <lambdac.h>

LC_ROLE(RetentionRole, .assumed_by = LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"));

LC_LOG_RETENTION_RETRY_OPTIONS(Retry, .max_retries = LC_SOME(7));

LC_FUNCTION(A,
    .code = LC_CODE_FROM_INLINE("foo"), .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .log_retention_days = 7,
    .log_retention_role = &RetentionRole,
    .log_retention_retry_options = &Retry);

LC_FUNCTION(B,
    .code = LC_CODE_FROM_INLINE("foo"), .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .log_retention_days = LC_RETENTION_INFINITE);

LC_FUNCTION(C,
    .code = LC_CODE_FROM_INLINE("foo"), .handler = "index.handler",
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .log_retention_days = 365);

LC_STACK_NAMED(Stack, "xi-log-retention", &RetentionRole, &A, &B, &C);
LC_MAIN();
