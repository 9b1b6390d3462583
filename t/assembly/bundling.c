/* t/assembly/bundling.c - twin of bundling.js (see there); run from t/conformance. */
#include <lambdac.h>

LC_FUNCTION(Py, .runtime = LC_RUNTIME_PYTHON_3_12, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler", .bundling = LC_BUNDLING(
        .image = "public.ecr.aws/sam/build-python3.12",
        .command = LC_STRS("bash", "-c", "cp -au . /asset-output"),
        .local = "cp -a . \"$LC_ASSET_OUTPUT\"")));

LC_FUNCTION(Zipped, .runtime = LC_RUNTIME_JAVA_21, .handler = "a::b",
    .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler", .exclude = LC_STRS("*.ignore"),
        .bundling = LC_BUNDLING(
            .image = "public.ecr.aws/sam/build-java21",
            .command = LC_STRS("bash", "-c", "zip -r /asset-output/out.zip ."),
            .environment = LC_KVS(LC_KV("A", "1"),
                LC_KV("PIP_INDEX_URL", "https://user:secret@pypi.example.com/simple")),
            .local = "cp ../java-handler/handler.zip \"$LC_ASSET_OUTPUT/out.zip\"")));

LC_STACK_NAMED(Stack, "bund", &Py, &Zipped);
LC_MAIN();
