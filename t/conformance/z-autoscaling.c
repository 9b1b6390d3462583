/* z-autoscaling: provisioned concurrency of the alias "prod" scaled between 3 and 50:
 * on utilization (0.5) and on two schedules.  Twin: z-autoscaling.js. */
#include <lambdac.h>

LC_FUNCTION(MyLambda,
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .handler = "index.handler",
    .runtime = LC_RUNTIME_NODEJS_18_X);

LC_ADD_ALIAS(Prod, LC_CURRENT_VERSION(MyLambda), "prod");

LC_SCALING_SCHEDULE(ScaleUpInTheMorning,
    .schedule = LC_SCHEDULE_CRON(.hour = "8", .minute = "0"),
    .min_capacity = LC_SOME(20));

LC_SCALING_SCHEDULE(ScaleDownAtNight,
    .schedule = LC_SCHEDULE_CRON(.hour = "20", .minute = "0"),
    .max_capacity = LC_SOME(20));

LC_ALIAS_AUTOSCALING(ProdScaling, .alias = &Prod,
    .min_capacity = LC_SOME(3), .max_capacity = LC_SOME(50),
    .utilization_target = 0.5,
    LC_SCALING_SCHEDULES(&ScaleUpInTheMorning, &ScaleDownAtNight));

LC_STACK_NAMED(Stack, "z-autoscaling", &MyLambda, &Prod, &ProdScaling);
LC_MAIN();
