/* runtime/assets/ignore.c - exclude patterns as aws-cdk-lib applies them: the lc_ignore
 * object.
 *
 * CDK's IgnoreStrategy has three modes, each backed by a different npm package, and each
 * implemented here in its own file (see ignore_impl.h):
 *   glob    minimatch (v10) with {matchBase, flipNegate}; the strategy itself decides
 *           negation by a leading '!' and lets the last matching pattern win;
 *   git     `ignore` (v5), which turns each .gitignore line into a JS regex;
 *   docker  @balena/dockerignore, a port of Docker's Go matcher that also builds a regex.
 * What counts is the answer those packages give, quirks included: t/31-ignore.c replays
 * thousands of answers recorded from aws-cdk-lib itself, and t/32-ignore-git.sh checks
 * the git mode against git.  Patterns CDK would choke on (V8 rejects the regex a package
 * builds) are reported by lc_ignore_error() so that fingerprinting fails as CDK does.
 *
 * Known differences, all exotic (excluded from the recorded vectors):
 *  - git mode: JS regex escapes such as `\d`, `\w`, `\b` mean the letter itself here, and
 *    "\\" followed by a regex metacharacter is a literal backslash and that character
 *    (`ignore` emits broken regex there);
 *  - glob mode: an escaped '|' ("\|") is a literal '|' (minimatch leaks it into its regex
 *    as an alternation); extglobs nest without minimatch's depth limit and `!(...)` looks
 *    ahead over the whole rest of the segment; POSIX classes ([:alpha:] ...) are exact
 *    for ASCII and treat most other code points as letters; '?', '*' and classes consume
 *    code points where minimatch's regexes without the `u` flag see a character outside
 *    the BMP as two units;
 *  - docker mode: lookbehind in a pattern is reported as an error (V8 would accept it).
 */
#include <stdlib.h>
#include <string.h>

#include "ignore_impl.h"

struct lc_ignore {
    lc_arena_t *arena;
    lc_ignore_mode_t mode;
    lc__glob_t *glob;
    lc__git_t *git;
    lc__docker_t *docker;
    const char *error;           /* the first pattern CDK would reject, or NULL */
};

lc_ignore_t *lc_ignore_new(const lc_str_list_t *patterns, lc_ignore_mode_t mode)
{
    static const lc_str_list_t none = { NULL, 0 };
    lc__ignore_err_t err = { NULL, NULL };
    lc_arena_t *a;
    lc_ignore_t *ig;
    int rc;

    if (mode != LC_IGNORE_GLOB && mode != LC_IGNORE_GIT && mode != LC_IGNORE_DOCKER)
        return NULL;
    if (!patterns)
        patterns = &none;
    a = lc_arena_new();
    if (!a)
        return NULL;
    ig = lc_alloc(a, sizeof *ig);
    if (!ig)
        goto fail;
    ig->arena = a;
    ig->mode = mode;
    rc = mode == LC_IGNORE_GLOB ? lc__glob_new(a, patterns, &ig->glob, &err)
       : mode == LC_IGNORE_GIT ? lc__git_new(a, patterns, &ig->git, &err)
       : lc__docker_new(a, patterns, &ig->docker, &err);
    if (rc < 0 || lc_arena_error(a))
        goto fail;
    if (err.pattern) {
        ig->error = lc_sprintf(a, "exclude pattern '%s' (%s mode): %s", err.pattern,
                               mode == LC_IGNORE_GIT ? "git"
                               : mode == LC_IGNORE_DOCKER ? "docker" : "glob", err.why);
        if (!ig->error)
            goto fail;
    }
    return ig;
fail:
    lc_arena_free(a);
    return NULL;
}

void lc_ignore_free(lc_ignore_t *ig)
{
    if (ig)
        lc_arena_free(ig->arena);
}

const char *lc_ignore_error(const lc_ignore_t *ig)
{
    return ig ? ig->error : NULL;
}

int lc_ignore_match(const lc_ignore_t *ig, const char *relpath, int is_dir)
{
    size_t n;
    int r;
    char *d;

    if (!ig || !relpath || !*relpath)
        return 0;
    n = strlen(relpath);
    switch (ig->mode) {
    case LC_IGNORE_GLOB:
        return lc__glob_ignores(ig->glob, relpath, n);
    case LC_IGNORE_GIT:
        /* CDK asks `ignore` about "dir/" for a directory */
        if (!is_dir || relpath[n - 1] == '/')
            return lc__git_ignores(ig->git, relpath, n);
        d = malloc(n + 2);
        if (!d)
            return 0;
        memcpy(d, relpath, n);
        d[n] = '/';
        d[n + 1] = '\0';
        r = lc__git_ignores(ig->git, d, n + 1);
        free(d);
        return r;
    case LC_IGNORE_DOCKER:
        return lc__docker_ignores(ig->docker, relpath, n, is_dir);
    default:
        return 0;
    }
}
