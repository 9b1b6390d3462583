/* expect: ConflictingArchitectureOptions architecture and architectures */
/* architecture and the deprecated architectures list together. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .architecture = LC_ARCH_ARM_64,
    .architectures = (const lc_architecture_t[]){ LC_ARCH_X86_64 },
    .narchitectures = 1);

LC_STACK(Probe, &Fn);
LC_MAIN();
