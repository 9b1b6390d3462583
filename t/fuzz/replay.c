/* t/fuzz/replay.c - a main() for the fuzz targets without libFuzzer: runs the target
 * once on every file named on the command line (directories are read, not recursively).
 * Used by t/73-fuzz-replay.sh to check the seed corpora with any compiler, and to replay
 * a crash artifact by hand:
 *     cc -std=c11 -Iinclude ... t/fuzz/json-read.c t/fuzz/replay.c liblambdac.a -o r
 *     ./r t/fuzz/corpus/json-read crash-1234
 * Prints "replayed N inputs" and exits 0; a broken invariant aborts.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"


static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f) {
        fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (;;) {
        size_t got;
        if (cap - len < 4096) {
            unsigned char *nb = realloc(buf, cap ? cap * 2 : 8192);
            if (!nb) {
                fclose(f);
                free(buf);
                return -1;
            }
            buf = nb;
            cap = cap ? cap * 2 : 8192;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (!got)
            break;
    }
    fclose(f);
    /* an exact-size copy, so that ASan sees reads past the end of the input */
    {
        unsigned char *exact = malloc(len ? len : 1);
        if (!exact) {
            free(buf);
            return -1;
        }
        if (len)
            memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int i, n = 0, bad = 0;
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            return 2;
        }
        if (S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *de;
            char **names = NULL;
            size_t nn = 0, cap = 0, k;
            if (!d) {
                fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
                return 2;
            }
            while ((de = readdir(d)) != NULL) {
                if (de->d_name[0] == '.')
                    continue;
                if (nn == cap) {
                    char **g = realloc(names, (cap ? cap * 2 : 64) * sizeof *g);
                    if (!g)
                        return 2;
                    names = g;
                    cap = cap ? cap * 2 : 64;
                }
                names[nn] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2);
                if (!names[nn])
                    return 2;
                sprintf(names[nn], "%s/%s", argv[i], de->d_name);
                nn++;
            }
            closedir(d);
            qsort(names, nn, sizeof *names, cmp_str);   /* a stable order for logs */
            for (k = 0; k < nn; k++) {
                if (run_file(names[k]) != 0)
                    bad++;
                else
                    n++;
                free(names[k]);
            }
            free(names);
        } else if (run_file(argv[i]) != 0) {
            bad++;
        } else {
            n++;
        }
    }
    printf("replayed %d inputs\n", n);
    return bad ? 2 : 0;
}
