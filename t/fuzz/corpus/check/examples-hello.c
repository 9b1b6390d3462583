/* hello.c - the aws-lambda README's first example: a Node.js function from an asset.
 *
 *     fn := lambda.NewFunction(this, "MyFunction", &FunctionProps{
 *         Runtime: lambda.Runtime_NODEJS_18_X(), Handler: "index.handler",
 *         Code: lambda.Code_FromAsset("lambda-handler") })
 *
 * Run from this directory (the asset path is relative to the working directory).
 */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("lambda-handler"));

LC_STACK(HelloStack, &MyFunction);

LC_MAIN()
