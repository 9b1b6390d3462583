/* runtime-updates.c - README "Runtime updates": runtime management modes. */
#include <lambdac.h>

LC_FUNCTION(AutoLambda,
    .runtime_management_mode = LC_RUNTIME_MANAGEMENT_AUTO,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"));

LC_FUNCTION(ManualLambda,
    .runtime_management_mode = LC_RUNTIME_MANAGEMENT_MANUAL(
        "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9"),
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"));

LC_STACK(RuntimeUpdatesStack, &AutoLambda, &ManualLambda);

LC_MAIN()
