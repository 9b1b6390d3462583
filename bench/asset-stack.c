/* asset-stack.c - the lambdac twin of bench/apps/scale-asset.js: one function whose code
 * is the asset directory "tree" (the benchmark's generated 100 MiB tree, relative to the
 * working directory).  A synth fingerprints it (no copy, no zip: see bench/README.md). */
#include <lambdac.h>

LC_FUNCTION(BigAssetFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("tree"));

LC_STACK(ScaleAsset, &BigAssetFunction);

LC_MAIN()
