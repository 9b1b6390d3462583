/* t/bad/utf8-description.c - a description holding the byte 0xff (not UTF-8): the run
 * fails with exit status 1, names the declaration and the property, prints nothing on
 * standard output. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .description = "caf\xff au lait",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_STACK(Utf8Stack, &Fn);

LC_MAIN()
