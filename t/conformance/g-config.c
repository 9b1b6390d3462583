/* g-config: timeout 5 minutes, memorySize, description, environment, addEnvironment, and a
 * CloudWatch alarm on the function's Duration metric.  Twin: g-config.js.
 *
 * The environment variable the CDK app adds later with fn.addEnvironment('ADDED_LATER',
 * 'yes') is listed last here (the rendered order is the same).
 *
 * The alarm's threshold is the function's timeout in milliseconds (the CDK app computes it
 * with fn.timeout.toMilliseconds()); the DSL has no expression for that, so it is written
 * out: 5 minutes = 300000 ms.
 */
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

LC_ALARM(MyAlarm,
    .metric = LC_FUNCTION_METRIC(MyFunction, "Duration", .statistic = "Maximum"),
    .evaluation_periods = 1,
    .datapoints_to_alarm = 1,
    .threshold = 300000,
    .treat_missing_data = LC_TREAT_MISSING_IGNORE,
    .alarm_name = "My Lambda Timeout");

LC_STACK_NAMED(Stack, "g-config", &MyFunction, &MyAlarm);
LC_MAIN();
