/* t/fuzz/ignore.c - libFuzzer target: the exclude-pattern matcher (runtime/assets/ignore*.c,
 * jsregex.c) in its three modes.
 *
 * Input: byte 0 chooses the mode (glob / git / docker); the rest is text: lines before
 * the first empty line are patterns, the lines after it are paths.  Paths are cleaned to
 * the matcher's contract (relative, '/'-separated, no ".", ".." or empty components) and
 * each is asked about as a file and as a directory.
 * Invariants: lc_ignore_new never fails for lack of anything but memory; answers are 0
 * or 1 and the same when asked twice (the matcher is pure); without patterns nothing is
 * excluded; the root ("") is never excluded; a matcher with an error message (a pattern
 * CDK rejects) still answers.  Time: libFuzzer's -timeout catches patterns that make
 * matching exponential, -rss_limit_mb patterns that make compiling explode.
 */
#include <string.h>

#include <lambdac/asset.h>
#include <lambdac/lambda.h>

#include "fuzz.h"

#define MAXLINES 64

/* In place: the matcher's form of a path ("a/b/c"). */
static void clean_path(char *p)
{
    char *out = p, *s = p;
    while (*s) {
        char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (!(n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))) {
            if (out != p)
                *out++ = '/';
            memmove(out, s, n);
            out += n;
        }
        s += n;
        if (*s == '/')
            s++;
    }
    *out = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const lc_ignore_mode_t modes[] = { LC_IGNORE_GLOB, LC_IGNORE_GIT, LC_IGNORE_DOCKER };
    const char *pats[MAXLINES], *paths[MAXLINES];
    size_t np = 0, nq = 0, i;
    int in_paths = 0;
    char *text, *line;
    lc_ignore_mode_t mode;
    lc_str_list_t list;
    lc_ignore_t *ig, *none;

    if (size == 0 || size > 4096)
        return 0;
    mode = modes[data[0] % 3];
    text = malloc(size);
    FZ_CHECK(text != NULL, "malloc");
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    for (line = text; line && np + nq < MAXLINES;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (!in_paths && *line == '\0')
            in_paths = 1;
        else if (in_paths)
            paths[nq++] = line;
        else
            pats[np++] = line;
        line = nl ? nl + 1 : NULL;
    }
    list.items = pats;
    list.n = np;

    ig = lc_ignore_new(&list, mode);
    none = lc_ignore_new(NULL, mode);
    FZ_CHECK(ig != NULL && none != NULL, "lc_ignore_new failed");
    (void)lc_ignore_error(ig);
    FZ_CHECK(lc_ignore_match(ig, "", 1) == 0, "the root is excluded");
    for (i = 0; i < nq; i++) {
        char *p = (char *)paths[i];
        int d;
        clean_path(p);
        for (d = 0; d <= 1; d++) {
            int r1 = lc_ignore_match(ig, p, d), r2 = lc_ignore_match(ig, p, d);
            FZ_CHECK(r1 == 0 || r1 == 1, "answer %d for \"%s\"", r1, p);
            FZ_CHECK(r1 == r2, "two answers for \"%s\" (%d, %d)", p, r1, r2);
            FZ_CHECK(lc_ignore_match(none, p, d) == 0, "no patterns, but \"%s\" excluded", p);
        }
    }
    lc_ignore_free(ig);
    lc_ignore_free(none);
    free(text);
    return 0;
}
