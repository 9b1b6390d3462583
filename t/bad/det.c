/* t/bad/det.c - the stack of the determinism tests (t/71-determinism.sh): a directory
 * asset with exclude patterns, a file asset, a layer from a directory, non-ASCII text
 * (Turkish dotted and dotless i, which case mapping under tr_TR changes), numbers, a
 * currentVersion and an alias (whose logical id hashes the function's properties). */
#include <lambdac.h>

LC_LAYER_VERSION(Shared,
    .code = LC_CODE_FROM_ASSET("tree/lib"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_NODEJS_18_X),
    .description = "shared code");

LC_FUNCTION(Dir,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("tree", .exclude = LC_STRS("*.skip", "!keep.skip", "**/*.tmp")),
    .description = "\xc4\xb0stanbul \xc4\xb1i I\xcc\x87 \xe2\x80\x94 d\xc3\xa9j\xc3\xa0 vu",
    .environment = LC_ENV(LC_KV("DOTLESS", "\xc4\xb1"), LC_KV("RATIO", "0.5"),
                          LC_KV("UPPER", "TITLE")),
    .memory_size = 1536,
    .timeout = LC_SECONDS(30),
    LC_LAYERS(&Shared),
    .current_version = true);

LC_FUNCTION(File,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("tree/handler.zip"));

LC_ADD_ALIAS(Live, LC_CURRENT_VERSION(Dir), "live");

LC_STACK(DetStack, &Dir, &File, &Live);

LC_MAIN()
