/* t/bad/utf8-env.c - an environment variable value with a truncated UTF-8 sequence and a
 * key with a stray continuation byte: both reported, exit 1, nothing on stdout. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .environment = LC_ENV(LC_KV("GOOD", "ok"), LC_KV("BAD_VALUE", "abc\xe2\x82"),
                          LC_KV("K\x80", "v")),
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_STACK(Utf8EnvStack, &Fn);

LC_MAIN()
