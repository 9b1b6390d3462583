/* q-events-rule: an events.Rule with a cron schedule and the function as target: the
 * rule, and the permission for events.amazonaws.com under the rule.
 * Twin: q-events-rule.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));

LC_EVENT_RULE_ID(ScheduleRule, "Schedule Rule",
    .schedule = LC_SCHEDULE_CRON(.minute = "0", .hour = "4"),
    LC_RULE_TARGETS(LC_FUNCTION_TARGET(&MyFunction)));

LC_STACK_NAMED(Stack, "q-events-rule", &MyFunction, &ScheduleRule);
LC_MAIN();
