/* xi-events: events rules beyond q-events-rule (see xi-events.js): a rate schedule, an
 * event pattern, a disabled named rule with a description, target options, two rules
 * and two targets on the same function. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_FUNCTION(Other,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 2;"));

LC_LAMBDA_TARGET(OtherWithOptions, .function = &Other,
    .retry_attempts = LC_SOME(2), .max_event_age = LC_HOURS(2),
    .event = LC_VOBJ(LC_M("hello", LC_VSTR("world")), LC_M("n", LC_VINT(1))));

LC_EVENT_RULE(Every5,
    .schedule = LC_SCHEDULE_RATE(LC_MINUTES(5)),
    LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Fn), &OtherWithOptions));

LC_QUEUE(RuleDlq);

LC_LAMBDA_TARGET(FnWithDlq, .function = &Fn, .dead_letter_queue = &RuleDlq,
    .retry_attempts = LC_SOME(0));

LC_EVENT_RULE(OnEc2,
    .rule_name = "on-ec2-state",
    .description = "EC2 state changes",
    .enabled = LC_FALSE,
    .event_pattern = LC_VOBJ(
        LC_M("source", LC_VARR(LC_VSTR("aws.ec2"))),
        LC_M("detailType", LC_VARR(LC_VSTR("EC2 Instance State-change Notification")))),
    LC_RULE_TARGETS(&FnWithDlq));

LC_EVENT_RULE(Daily,
    .schedule = LC_SCHEDULE_RATE(LC_DAYS(1)),
    LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Fn)));

LC_EVENT_RULE(Hourly,
    .schedule = LC_SCHEDULE_EXPRESSION("rate(1 hour)"),
    LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Other)));

LC_STACK_NAMED(Stack, "xi-events", &Fn, &Other, &Every5, &RuleDlq, &OnEc2, &Daily, &Hourly);
LC_MAIN();
