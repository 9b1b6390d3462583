/* bad-ephemeral.c - ephemeral storage outside 512..10240 MiB (LC_MIB: LC_EPHEMERAL_MIB
 * would stop the compiler). */
#include <lambdac.h>

LC_FUNCTION(Small,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .ephemeral_storage_size = LC_MIB(256));

LC_FUNCTION(Big,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .ephemeral_storage_size = LC_MIB(10241));

LC_FUNCTION(Gib,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .ephemeral_storage_size = LC_GIB(11));

LC_STACK(Probe, &Small, &Big, &Gib);
LC_MAIN()
