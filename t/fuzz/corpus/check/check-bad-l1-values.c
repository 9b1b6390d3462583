/* bad-l1-values.c - raw L1 resources whose values break the constraints of
 * spec/overrides.json: ranges, lengths, enums, patterns, list sizes, map keys, a missing
 * required property, an attribute the type does not have.  (It compiles: the C types
 * do not see values.) */
#include <lambdac.h>

LC_CFN(HandlerRole, AWS_IAM_Role,
    .AssumeRolePolicyDocument = LC_JSON(LC_VOBJ(LC_M("Version", LC_VSTR("2012-10-17")))));

LC_CFN(Handler, AWS_Lambda_Function,
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t, .ZipFile = LC_STRING("exports.handler = 1;")),
    .Handler = LC_STRING("index handler"),
    .Role = LC_STRING(LC_VGETATT(HandlerRole, "Arn")),
    .Runtime = LC_STRING("nodejs24.x"),
    .MemorySize = LC_INTEGER(64),
    .Timeout = LC_INTEGER(901),
    .FunctionName = LC_STRING(""),
    .Architectures = LC_LIST_STRING("x86_64", "arm"),
    .TracingConfig = LC_STRUCT(lc_AWS_Lambda_Function_TracingConfig_t, .Mode = LC_STRING("Sometimes")),
    .Environment = LC_STRUCT(lc_AWS_Lambda_Function_Environment_t,
        .Variables = LC_MAP_STRING(LC_M("STAGE", LC_VSTR("prod")), LC_M("A", LC_VSTR("x")))));

/* Code is required */
LC_CFN(NoCode, AWS_Lambda_Function,
    .Role = LC_STRING(LC_VGETATT(HandlerRole, "Arn")));

LC_CFN(Perm, AWS_Lambda_Permission,
    .Action = LC_STRING("invoke"),
    .FunctionName = LC_STRING(LC_VREF(Handler)),
    .Principal = LC_STRING("s3.amazonaws.com"),
    .SourceArn = LC_STRING(LC_VGETATT(Handler, "NoSuchAttribute")));

LC_STACK(L1Stack, &HandlerRole, &Handler, &NoCode, &Perm);
LC_MAIN()
