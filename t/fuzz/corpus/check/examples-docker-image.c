/* docker-image.c - README "Docker Images": DockerImageFunction from a local Dockerfile
 * directory (x86_64, and arm64 with a command and a build argument) and from an image
 * in an ECR repository (a tag, a digest).
 *
 * Synthesis needs no Docker: the image asset is identified by the hash of its build
 * context (asset-files/docker-handler/, minus what its .dockerignore excludes) and build options;
 * with --output DIR it is copied to DIR/asset.<hash>/ and listed in the stack's asset
 * manifest, where `cdk deploy --app DIR` (or cdk-assets) builds and pushes it. */
#include <lambdac.h>

LC_DOCKER_IMAGE_FUNCTION(AssetFunction,
    .code = LC_DOCKER_IMAGE_FROM_ASSET("asset-files/docker-handler"));

LC_DOCKER_IMAGE_FUNCTION(ArmAssetFunction,
    .code = LC_DOCKER_IMAGE_FROM_ASSET("asset-files/docker-handler",
                                       .cmd = LC_STRS("index.handler"),
                                       .build_args = LC_KVS(LC_KV("NODE_ENV", "production"))),
    .architecture = LC_ARCH_ARM_64,
    .memory_size = 1024,
    .timeout = LC_SECONDS(30));

LC_ECR_REPOSITORY(Repository);

LC_DOCKER_IMAGE_FUNCTION(EcrFunction,
    .code = LC_DOCKER_IMAGE_FROM_ECR(Repository, .tag_or_digest = "v1.2.3",
                                     .entrypoint = LC_STRS("/lambda-entrypoint.sh"),
                                     .working_directory = "/var/task"));

LC_DOCKER_IMAGE_FUNCTION(PinnedDigestFunction,
    .code = LC_DOCKER_IMAGE_FROM_ECR(Repository,
        .tag_or_digest = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"));

LC_STACK(DockerImageStack, &AssetFunction, &ArmAssetFunction, &Repository, &EcrFunction,
         &PinnedDigestFunction);

LC_MAIN()
