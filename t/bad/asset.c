/* t/bad/asset.c - one function whose code is the directory "asset" (relative to the
 * working directory): t/70-bad-input.sh runs it in directories where "asset" is missing,
 * unreadable, loops, or changes while it is fingerprinted; t/71-determinism.sh and
 * t/72-interrupt.sh run it on generated trees. */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("asset", .exclude = LC_STRS("*.skip", "!keep.skip")));

LC_STACK(AssetStack, &Fn);

LC_MAIN()
