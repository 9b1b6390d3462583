/* bad-architecture.c - architecture together with architectures, and two of them. */
#include <lambdac.h>

LC_FUNCTION(Both,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .architecture = LC_ARCH_ARM_64,
    .architectures = (const lc_architecture_t[]){ LC_ARCH_X86_64 },
    .narchitectures = 1);

LC_FUNCTION(Two,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .architectures = (const lc_architecture_t[]){ LC_ARCH_X86_64, LC_ARCH_ARM_64 },
    .narchitectures = 2);

LC_STACK(Probe, &Both, &Two);
LC_MAIN()
