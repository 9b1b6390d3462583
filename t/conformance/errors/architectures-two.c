/* expect: MultipleArchitecturesSpecified architectures with two entries */
/* the deprecated architectures list with two entries (errors-extra.json). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .architectures = (const lc_architecture_t[]){ LC_ARCH_X86_64, LC_ARCH_ARM_64 },
    .narchitectures = 2);

LC_STACK(Probe, &Fn);
LC_MAIN();
