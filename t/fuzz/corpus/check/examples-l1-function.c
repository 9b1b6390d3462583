/* l1-function.c - an IAM role and a Lambda function written entirely with L1 types.
 *
 * The same stack an aws-cdk-lib user writes with CfnRole and CfnFunction: every property
 * is typed from the CloudFormation spec, and the function gets the role's ARN through
 * Fn::GetAtt.  Build and run:
 *     cc l1-function.c $(pkg-config --cflags --libs lambdac) -o l1-function && ./l1-function
 */
#include <lambdac.h>

LC_CFN(HandlerRole, AWS_IAM_Role,
    .AssumeRolePolicyDocument = LC_JSON(LC_VOBJ(
        LC_M("Statement", LC_VARR(LC_VOBJ(
            LC_M("Action", LC_VSTR("sts:AssumeRole")),
            LC_M("Effect", LC_VSTR("Allow")),
            LC_M("Principal", LC_VOBJ(LC_M("Service", LC_VSTR("lambda.amazonaws.com"))))))),
        LC_M("Version", LC_VSTR("2012-10-17")))),
    .ManagedPolicyArns = LC_LIST_V(LC_VARR(
        LC_FN_JOIN("", LC_VSTR("arn:"), LC_AWS_PARTITION,
                   LC_VSTR(":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")))));

LC_CFN(Handler, AWS_Lambda_Function,
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t,
        .ZipFile = LC_STRING("exports.handler = async () => ({ statusCode: 200 });")),
    .Handler = LC_STRING("index.handler"),
    .Role = LC_STRING(LC_VGETATT(HandlerRole, "Arn")),
    .Runtime = LC_STRING("nodejs20.x"),
    .MemorySize = LC_INTEGER(256),
    .Timeout = LC_INTEGER(30),
    .Environment = LC_STRUCT(lc_AWS_Lambda_Function_Environment_t,
        .Variables = LC_MAP_STRING(LC_M("STAGE", LC_VSTR("prod")))),
    .Tags = LC_LIST_OF(lc_Tag_t, { .Key = LC_STRING("team"), .Value = LC_STRING("platform") }));

LC_STACK(L1FunctionStack, &HandlerRole, &Handler);

LC_MAIN()
