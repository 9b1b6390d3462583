/* t/assembly/multi.c - twin of multi.js (see there): two stacks, shared and file assets,
 * a layer asset, an image asset with build options; run from t/conformance. */
#include <lambdac.h>

LC_FUNCTION(Fn, .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));
LC_FUNCTION(Fn2, .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"));
LC_FUNCTION(Zip, .runtime = LC_RUNTIME_JAVA_11, .handler = "a::b",
    .code = LC_CODE_FROM_ASSET("fixtures/java-handler/handler.zip"));
LC_LAYER_VERSION(Layer, .code = LC_CODE_FROM_ASSET("fixtures/layer-code"));
LC_STACK(Beta, &Fn, &Fn2, &Zip, &Layer);

LC_DOCKER_IMAGE_FUNCTION(Img,
    .code = LC_DOCKER_IMAGE_FROM_ASSET("fixtures/docker-handler",
        .build_args = LC_KVS(LC_KV("B", "1"), LC_KV("A", "2")),
        .target = "t", .file = "Dockerfile"),
    .architecture = LC_ARCH_X86_64);
LC_STACK_ENV(Alpha, "123456789012", "eu-west-1", &Fn, &Img);

LC_MAIN();
