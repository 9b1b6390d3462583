/* t/bad/output.c - two valid stacks, each a function with a 64 KiB environment value (so
 * a template needs more than a few blocks of disk): the output rows of
 * t/70-bad-input.sh (directories that cannot be written, full disks, I/O errors) and the
 * interruption tests of t/72-interrupt.sh. */
#include <stdlib.h>
#include <string.h>
#include <lambdac.h>

#define PAD (64u << 10)
static char pad[PAD + 1];

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_18_X,
    .handler = "index.handler",
    .environment = LC_ENV(LC_KV("PAD", pad)),
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"));
LC_FUNCTION(Other,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .environment = LC_ENV(LC_KV("PAD", pad)),
    .code = LC_CODE_FROM_INLINE("def handler(e, c): pass"));

LC_STACK(FirstStack, &Fn);
LC_STACK(SecondStack, &Other);

int main(int argc, char **argv)
{
    /* LC_OUTPUT_VARIANT changes every template, so a test can tell a new assembly from
     * the previous one */
    const char *variant = getenv("LC_OUTPUT_VARIANT");
    memset(pad, variant && *variant ? variant[0] : 'x', PAD);
    return lc_main(argc, argv);
}
