/* o1-insights-agnostic: Lambda Insights in an environment-agnostic stack (the layer ARN
 * of 1.0.98.0 comes from the CloudwatchlambdainsightsversionMap mapping, the ARM one of
 * 1.0.119.0 is a Fn::Join over AWS::Region), fromInsightVersionArn, an ARM_64 function.
 * Twin: o1-insights-agnostic.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .insights_version = LC_INSIGHTS_VERSION_1_0_98_0);

LC_FUNCTION(ArnFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .insights_version = LC_INSIGHTS_FROM_ARN(
        "arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14"));

LC_FUNCTION(ArmFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .architecture = LC_ARCH_ARM_64,
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .insights_version = LC_INSIGHTS_VERSION_1_0_119_0);

LC_STACK_NAMED(Stack, "o1-insights-agnostic", &MyFunction, &ArnFunction, &ArmFunction);
LC_MAIN();
