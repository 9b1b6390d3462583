/* y-snapstart: SnapStart ON_PUBLISHED_VERSIONS on JAVA_11, code from a .zip file asset
 * (a file asset: staged as asset.<hash>.zip, packaging "file"), currentVersion as an
 * output.  Twin: y-snapstart.js. */
#include <lambdac.h>

LC_FUNCTION(MyFunction,
    .code = LC_CODE_FROM_ASSET("fixtures/java-handler/handler.zip"),
    .runtime = LC_RUNTIME_JAVA_11,
    .handler = "example.Handler::handleRequest",
    .snap_start = LC_SNAP_START_ON_PUBLISHED_VERSIONS,
    .current_version = true);

LC_OUTPUT(VersionArn, .value = LC_VREF_CURRENT_VERSION(MyFunction));

LC_STACK_NAMED(Stack, "y-snapstart", &MyFunction, &VersionArn);
LC_MAIN();
