/* ad-ephemeral: ephemeralStorageSize Size.mebibytes(1024).  Twin: ad-ephemeral.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_ASSET("fixtures/lambda-handler"),
    .ephemeral_storage_size = LC_EPHEMERAL_MIB(1024));

LC_STACK_NAMED(Stack, "ad-ephemeral", &MyFunction);
LC_MAIN();
