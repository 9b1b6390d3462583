/* conditional.c - preprocessor conditionals: #if 0 is skipped, other branches are all
 * read, and a declaration repeated in two branches of one #if is not a duplicate. */
#include <lambdac.h>

#if 0
LC_FUNCTION(Disabled, .function_name = "this is never compiled");
#endif

#ifdef USE_ARM
LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .architecture = LC_ARCH_ARM_64);
#else
LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .architecture = LC_ARCH_X86_64);
#endif

#if 1
LC_QUEUE(Q);
#else
LC_TOPIC(Q, this branch is dead: not even C);
#endif

/* a declaration inside a function body is still a declaration */
static const lc_function_t *pick(void)
{
    LC_FUNCTION(Local,
        .runtime = LC_RUNTIME_NODEJS_24_X,
        .handler = "index.handler",
        .code = LC_CODE_FROM_INLINE("exports.handler = async () => 2;"),
        .dead_letter_queue_enabled = LC_TRUE);
    return &Local;
}
const void *pick_keep = (const void *)&pick;

LC_STACK(Probe, &Fn, &Q);
LC_MAIN()
