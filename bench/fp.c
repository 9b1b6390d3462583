/* fp.c - print lambdac's asset fingerprint of a directory or file (bench only).
 *
 *     fp cdk|native PATH
 *
 * The same call LC_CODE_FROM_ASSET makes at synth (runtime/assets/fingerprint.c), without
 * the rest of the synthesizer: the twin of bench/apps/fingerprint.js (CDK's
 * FileSystem.fingerprint).  Exit status: 0 ok, 1 error, 2 usage.
 */
#include <stdio.h>
#include <string.h>

#include <lambdac/asset.h>

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "cdk") != 0 && strcmp(argv[1], "native") != 0)) {
        fprintf(stderr, "usage: fp cdk|native PATH\n");
        return 2;
    }
    char out[65], err[512];
    lc_hash_profile_t p = strcmp(argv[1], "cdk") == 0 ? LC_HASH_CDK : LC_HASH_NATIVE;
    if (lc_asset_fingerprint(argv[2], NULL, p, out, err, sizeof err) != 0) {
        fprintf(stderr, "fp: %s\n", err);
        return 1;
    }
    printf("%s\n", out);
    return 0;
}
