/* expect: FunctionUrlMaxAgeLess function URL cors maxAge 2 days @U */
/* A function URL whose CORS maxAge exceeds a day.  (CDK's probe uses fn.addFunctionUrl,
 * whose construct is Probe/Fn/FunctionUrl; the stack-level form new FunctionUrl(stack,
 * 'U', {function}) fails the same way at Probe/U.)  A constant max age written with
 * LC_URL_MAX_AGE_SECONDS would be rejected at compile time instead. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_FUNCTION_URL(U, .function = &Fn, .cors = LC_URL_CORS(.max_age = LC_DAYS(2)));

LC_STACK(Probe, &Fn, &U);
LC_MAIN();
