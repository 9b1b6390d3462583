/* opaque.c - declarations made by user macros: the checker cannot see them, says so
 * once, and does not call references to them undeclared. */
#include <lambdac.h>

#define FN_(n) \
    LC_FUNCTION(F##n, \
        .runtime = LC_RUNTIME_NODEJS_24_X, \
        .handler = "index.handler", \
        .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"), \
        .dead_letter_queue_enabled = LC_TRUE)
#define TWO_(p) FN_(p##0); FN_(p##1)

TWO_(1);
TWO_(2);

/* an object-like macro is expanded: this declaration is checked */
#define BAD_NAME_FN LC_FUNCTION(Named, .runtime = LC_RUNTIME_NODEJS_24_X, \
    .handler = "index.handler", .code = LC_CODE_FROM_INLINE("x"), \
    .dead_letter_queue_enabled = LC_TRUE, .function_name = "bad name")
BAD_NAME_FN;

LC_STACK(Probe, &F10, &F11, &F20, &F21, &Named);
LC_MAIN()
