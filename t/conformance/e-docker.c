/* e-docker: DockerImageFunction from an image asset (x86 default, ARM with cmd) and from
 * an ECR repository (default tag; explicit tag + cmd + working directory).
 * Twin: e-docker.js.  Synthesis needs no Docker: the image asset is fingerprinted (with
 * CDK's extraHash of the build options) and listed in the asset manifest. */
#include <lambdac.h>

LC_DOCKER_IMAGE_FUNCTION(AssetFunction,
    .code = LC_DOCKER_IMAGE_FROM_ASSET("fixtures/docker-handler"));

LC_DOCKER_IMAGE_FUNCTION(ArmAssetFunction,
    .code = LC_DOCKER_IMAGE_FROM_ASSET("fixtures/docker-handler",
                                       .cmd = LC_STRS("index.handler")),
    .architecture = LC_ARCH_ARM_64);

LC_ECR_REPOSITORY(Repository);

LC_DOCKER_IMAGE_FUNCTION(ECRFunction,
    .code = LC_DOCKER_IMAGE_FROM_ECR(Repository));

LC_DOCKER_IMAGE_FUNCTION(ECRTagFunction,
    .code = LC_DOCKER_IMAGE_FROM_ECR(Repository, .tag_or_digest = "v1.2.3",
                                     .cmd = LC_STRS("app.handler"),
                                     .working_directory = "/var/task"));

LC_STACK_NAMED(Stack, "e-docker", &AssetFunction, &ArmAssetFunction, &Repository,
               &ECRFunction, &ECRTagFunction);
LC_MAIN();
