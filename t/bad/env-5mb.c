/* t/bad/env-5mb.c - an environment variable whose value is 5 MiB long.  aws-cdk-lib does
 * not limit the size at synthesis (Lambda's 4 KB limit is enforced by the service at
 * deployment), so the template is written with the whole value. */
#include <string.h>
#include <lambdac.h>

#define BIG (5u << 20)
static char big[BIG + 1];

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .environment = LC_ENV(LC_KV("BIG", big)),
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));

LC_STACK(BigEnvStack, &Fn);

int main(int argc, char **argv)
{
    size_t i;
    for (i = 0; i < BIG; i++)
        big[i] = (char)('a' + i % 26);
    /* a few characters the writer must escape, and a multi-byte one */
    memcpy(big + 100, "\"\\\n\t\xc3\xa9", 6);
    return lc_main(argc, argv);
}
