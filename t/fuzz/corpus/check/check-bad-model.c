/* bad-model.c - the declarations as a whole: two constructs with one id in a stack, two
 * stacks with one name, a declaration in no stack, a stack inside a stack. */
#include <lambdac.h>

LC_QUEUE(Q);

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue = &Q);

/* another function with the construct id "Fn" */
LC_FUNCTION_ID(Fn2, "Fn",
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);

/* never in a stack (a plain variable refers to it, which keeps the compiler quiet) */
LC_FUNCTION(Orphan,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE);
const void *orphan_keep = &Orphan;

/* Q is no member of Probe, but Fn refers to it: it is synthesized in Probe */
LC_STACK(Probe, &Fn, &Fn2);
LC_STACK(Outer, &Probe);
LC_STACK_NAMED(Probe3, "Probe", &Q);
LC_MAIN()
