/* zipdir.c - zip a directory with lambdac's deterministic zip writer (bench only).
 *
 *     zipdir [-t THREADS] DIR OUT.zip
 *
 * The call `--package` makes for a directory asset (runtime/zip.c, lc_zip_dir), without
 * the rest of the synthesizer: the twin of bench/apps/zip.js (cdk-assets' zipDirectory).
 * THREADS: 0 (default) = one per online CPU, 1 = single-threaded.  Prints the archive's
 * SHA-256.  Exit status: 0 ok, 1 error, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/zip.h>

int main(int argc, char **argv)
{
    lc_zip_options_t o;
    memset(&o, 0, sizeof o);
    o.progress = 0;
    int i = 1;
    if (argc == 5 && strcmp(argv[1], "-t") == 0) {
        o.threads = atoi(argv[2]);
        i = 3;
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: zipdir [-t THREADS] DIR OUT.zip\n");
        return 2;
    }
    char sha[65], err[512];
    if (lc_zip_dir(argv[i], &o, argv[i + 1], sha, err, sizeof err) != 0) {
        fprintf(stderr, "zipdir: %s\n", err);
        return 1;
    }
    printf("%s\n", sha);
    return 0;
}
