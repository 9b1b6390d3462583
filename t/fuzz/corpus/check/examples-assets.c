/* assets.c - README "Handler Code" (Code.fromAsset of a directory and of a .zip file),
 * "Layers" from a directory, and "Exclude Patterns for Assets".
 *
 *     ./assets                          # the template (asset keys are content hashes)
 *     ./assets --output cdk.out         # a cloud assembly: assets staged in cdk.out
 *     ./assets --output cdk.out --package   # ... zipped deterministically at synthesis
 *
 * Run from the examples directory (asset paths are relative to the working directory). */
#include <lambdac.h>

LC_LAYER_VERSION(SharedLayer,
    .code = LC_CODE_FROM_ASSET("asset-files/python-layer"),
    .compatible_runtimes = LC_RUNTIMES(LC_RUNTIME_PYTHON_3_12),
    .description = "helpers shared by the Python functions");

/* the directory without the scratch notes: Docker's .dockerignore rules */
LC_FUNCTION(DirFunction,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("asset-files/python-handler",
                               .exclude = LC_STRS("*.ignore"),
                               .ignore_mode = LC_IGNORE_DOCKER),
    LC_LAYERS(&SharedLayer));

/* only index.py: exclude everything, then re-include one file */
LC_FUNCTION(OnlyIndex,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("asset-files/python-handler", .exclude = LC_STRS("*", "!index.py")),
    LC_LAYERS(&SharedLayer));

/* an archive is used as is (a file asset, key <hash>.zip) */
LC_FUNCTION(ZipFunction,
    .runtime = LC_RUNTIME_JAVA_21,
    .handler = "example.Handler::handleRequest",
    .code = LC_CODE_FROM_ASSET("asset-files/java-handler.zip"));

LC_STACK(AssetsStack, &SharedLayer, &DirFunction, &OnlyIndex, &ZipFunction);

LC_MAIN()
