/* expect: InlineSourceAllowed inline code with JAVA_11 */
/* inline code on a runtime without inline support. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_JAVA_11,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_STACK(Probe, &Fn);
LC_MAIN();
