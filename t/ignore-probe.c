/* t/ignore-probe.c - drive lc_ignore_match from the command line (for t/32-ignore-git.sh
 * and for comparing with aws-cdk-lib by hand).
 *
 *   ignore-probe -m MODE [-f FILE] [PATTERN...] < paths
 *       MODE is glob, git or docker; patterns come from FILE (one per line, like a
 *       .gitignore) and/or the arguments.  Each stdin line is a relative path; a
 *       trailing '/' marks a directory.  Prints "<0|1> <line>" per path (1 = excluded).
 *   ignore-probe -v VECTORS
 *       Check a vector file (t/ignore-vectors.h format); prints each mismatch, exits 1
 *       if there was any.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/asset.h>

#include "ignore-vectors.h"

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

static int parse_mode(const char *s, lc_ignore_mode_t *m)
{
    if (strcmp(s, "glob") == 0)
        *m = LC_IGNORE_GLOB;
    else if (strcmp(s, "git") == 0)
        *m = LC_IGNORE_GIT;
    else if (strcmp(s, "docker") == 0)
        *m = LC_IGNORE_DOCKER;
    else
        return -1;
    return 0;
}

static int run_vectors(const char *file)
{
    FILE *fp = fopen(file, "r");
    char *line, *f[IV_MAX_FIELDS];
    lc_ignore_t *ig = NULL;
    char *setline = NULL;
    long lineno = 0, bad = 0, checks = 0;

    if (!fp) {
        perror(file);
        return 2;
    }
    while ((line = iv_getline(fp)) != NULL) {
        int n;
        lineno++;
        if (line[0] == '#' || line[0] == '\0') {
            free(line);
            continue;
        }
        if (line[0] == 'S' && line[1] == '\t') {
            lc_str_list_t pats;
            lc_ignore_mode_t mode;
            free(setline);
            setline = xstrdup(line);
            n = iv_split(line, f, IV_MAX_FIELDS);
            lc_ignore_free(ig);
            ig = NULL;
            if (n < 2 || parse_mode(f[1], &mode) < 0) {
                fprintf(stderr, "%s:%ld: bad set line\n", file, lineno);
                free(line);
                return 2;
            }
            pats.items = (const char *const *)(f + 2);
            pats.n = (size_t)(n - 2);
            ig = lc_ignore_new(&pats, mode);
            if (!ig) {
                fprintf(stderr, "%s:%ld: lc_ignore_new failed\n", file, lineno);
                return 2;
            }
            free(line);
            continue;
        }
        n = iv_split(line, f, IV_MAX_FIELDS);
        if (n != 3 || !ig) {
            fprintf(stderr, "%s:%ld: bad check line\n", file, lineno);
            return 2;
        }
        checks++;
        if (strcmp(f[1], "E") == 0) {
            const char *e = lc_ignore_error(ig);
            int want = atoi(f[2]);
            if ((e != NULL) != want || (want && !strstr(e, f[0]))) {
                bad++;
                printf("MISMATCH line %ld: set [%s] error '%s', expected %s\n", lineno, setline,
                       e ? e : "(none)", want ? "an error" : "none");
            }
            free(line);
            continue;
        }
        if (lc_ignore_match(ig, f[0], atoi(f[1])) != atoi(f[2])) {
            bad++;
            printf("MISMATCH line %ld: set [%s] path '%s' dir=%s expected %s\n", lineno,
                   setline, f[0], f[1], f[2]);
        }
        free(line);
    }
    fclose(fp);
    lc_ignore_free(ig);
    free(setline);
    printf("%ld checks, %ld mismatches\n", checks, bad);
    return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
    lc_ignore_mode_t mode = LC_IGNORE_GLOB;
    const char **pats = calloc((size_t)argc + 1, sizeof *pats);
    char **owned = NULL;
    size_t npats = 0, nowned = 0;
    lc_ignore_t *ig;
    lc_str_list_t list;
    char *line;
    int i;

    if (!pats)
        return 2;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0 && i + 1 < argc) {
            free(pats);
            return run_vectors(argv[i + 1]);
        }
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            if (parse_mode(argv[++i], &mode) < 0) {
                fprintf(stderr, "unknown mode %s\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
            FILE *fp = fopen(argv[++i], "r");
            if (!fp) {
                perror(argv[i]);
                return 2;
            }
            while ((line = iv_getline(fp)) != NULL) {
                size_t len = strlen(line);
                const char **np;
                char **no;
                if (len && line[len - 1] == '\r' && mode == LC_IGNORE_GIT)
                    line[--len] = '\0';
                np = realloc(pats, (npats + (size_t)argc + 2) * sizeof *pats);
                no = realloc(owned, (nowned + 1) * sizeof *owned);
                if (!np || !no)
                    return 2;
                pats = np;
                owned = no;
                pats[npats++] = line;
                owned[nowned++] = line;
            }
            fclose(fp);
        } else {
            pats[npats++] = argv[i];
        }
    }
    list.items = pats;
    list.n = npats;
    ig = lc_ignore_new(&list, mode);
    if (!ig) {
        fprintf(stderr, "lc_ignore_new failed\n");
        return 2;
    }
    while ((line = iv_getline(stdin)) != NULL) {
        size_t len = strlen(line);
        int dir = len > 1 && line[len - 1] == '/';
        char *p = xstrdup(line);
        if (!p)
            return 2;
        if (dir)
            p[len - 1] = '\0';
        printf("%d %s\n", lc_ignore_match(ig, p, dir), line);
        free(p);
        free(line);
    }
    lc_ignore_free(ig);
    while (nowned)
        free(owned[--nowned]);
    free(owned);
    free(pats);
    return 0;
}
