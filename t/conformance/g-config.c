/* g-config: timeout 5 minutes, memorySize, description, environment, addEnvironment, and a
 * CloudWatch alarm on the function's Duration metric.  Twin: g-config.js.
 *
 * The environment variable the CDK app adds later with fn.addEnvironment('ADDED_LATER',
 * 'yes') is listed last here (the rendered order is the same).
 *
 * NOT EXPRESSIBLE YET: the alarm (`new cloudwatch.Alarm(stack, 'MyAlarm', { metric:
 * fn.metricDuration().with({statistic: 'Maximum'}), evaluationPeriods: 1,
 * datapointsToAlarm: 1, threshold: fn.timeout.toMilliseconds(), treatMissingData: IGNORE,
 * alarmName: 'My Lambda Timeout' })`, resource MyAlarm696658B6).  The DSL has the
 * LC_DECL_ALARM kind but no LC_ALARM declaration and no function metrics; LC_CFN would
 * give the logical id "MyAlarm" instead of the L2's MyAlarm/Resource id.  Until it
 * exists this scenario differs from its golden by that one resource. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .timeout = LC_MINUTES(5),
    .memory_size = 1024,
    .description = "A function with explicit configuration",
    .environment = LC_ENV(LC_KV("CodeVersionString", "v1"),
                          LC_KV("STAGE", "prod"),
                          LC_KV("ADDED_LATER", "yes")));

LC_STACK_NAMED(Stack, "g-config", &MyFunction);
LC_MAIN();
