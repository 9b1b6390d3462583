/* t/bad/duplicate-id.c - two functions with the construct id "Fn" in one stack, and two
 * stacks with the same name: aws-cdk-lib's "There is already a Construct with name ..."
 * for each, exit 1, nothing on stdout. */
#include <lambdac.h>

LC_FUNCTION_ID(A, "Fn",
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_FUNCTION_ID(B, "Fn",
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(e, c): pass"));

LC_STACK(DupStack, &A, &B);
LC_STACK_NAMED(DupStack2, "DupStack", &A);

LC_MAIN()
