/* lambdac-check - static analysis of lambdac stack sources, without building them.
 *
 *     lambdac-check [options] FILE...     (- reads standard input)
 *
 * Why a separate tool when the synthesizer validates too: the synthesizer needs a build
 * (a compiler, the library, include paths) and a run, stops at compile errors with
 * messages about macro expansions, and only sees the declarations that a stack reaches.
 * The checker reads the source text, so it runs in an editor, a pre-commit hook or a CI
 * job that has no toolchain, reports every declaration, knows what cannot be known
 * statically (and says so instead of guessing), and adds rules the synthesizer has no
 * business enforcing (secrets, deprecated runtimes, unreachable declarations).
 *
 * Exit status: 0 no errors, 1 errors, 2 usage or an unreadable file.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static void usage(FILE *o)
{
    fputs("usage: lambdac-check [options] FILE...   (- reads standard input)\n"
          "Checks lambdac stack sources without building them.\n"
          "\n"
          "  --format text|json|sarif  output format (text goes to stderr, the others to stdout)\n"
          "  --list-rules              print every rule: id, default severity, description\n"
          "  --list-macros             print the DSL macros the checker knows\n"
          "  --as-of YYYY-MM-DD        the date for runtime deprecation rules (default: today, UTC)\n"
          "  --disable RULE[,RULE]     turn rules off (a trailing * matches a prefix: 'sec/*')\n"
          "  --severity RULE=LEVEL     error, warning, note or off\n"
          "  --werror                  treat warnings as errors\n"
          "  --caret, --no-caret       show the source line under text diagnostics\n"
          "                            (default: when stderr is a terminal)\n"
          "  --help, --version\n"
          "\n"
          "Suppress a diagnostic with a comment on its line or the line before:\n"
          "  /* lambdac-check: ignore[rule-id, area/] why */\n"
          "(an id ending in '/' or '*' is a prefix: 'sec/' covers every security rule)\n"
          "Exit status: 0 no errors, 1 errors, 2 usage error or unreadable file.\n", o);
}

static int set_severity(lc_ck_run_t *run, const char *pattern, lc_ck_sev_t sev)
{
    size_t n = strlen(pattern);
    int hits = 0;
    for (int r = 0; r < LC_R__COUNT; r++) {
        bool m = (n && pattern[n - 1] == '*') ? strncmp(pattern, lc_ck_rules[r].id, n - 1) == 0
                                                : strcmp(pattern, lc_ck_rules[r].id) == 0;
        if (m) {
            run->sev[r] = sev;
            hits++;
        }
    }
    if (!hits)
        fprintf(stderr, "lambdac-check: unknown rule '%s' (see --list-rules)\n", pattern);
    return hits ? 0 : -1;
}

static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int m = atoi(s + 5), d = atoi(s + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* The whole file, NUL-terminated, from the arena; NULL (errno set) when unreadable.
 * A regular file is read into a buffer of its size; a pipe into a growing one. */
static char *read_all(lc_arena_t *a, FILE *in, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (uintmax_t)st.st_size < SIZE_MAX / 2)
        cap = (size_t)st.st_size + 2;
    char *buf = lc_alloc(a, cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            char *g = lc_realloc(a, buf, cap, cap * 2);
            if (!g)
                return NULL;
            buf = g;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, in);
        n += r;
        if (r == 0)
            break;
    }
    if (ferror(in))
        return NULL;
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The program, with everything it allocates in `arena` (freed by main). */
static int check_main(int argc, char **argv, lc_arena_t *arena)
{
    lc_ck_run_t run;
    memset(&run, 0, sizeof run);
    run.arena = arena;
    for (int r = 0; r < LC_R__COUNT; r++)
        run.sev[r] = lc_ck_rules[r].severity;
    {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(run.as_of, sizeof run.as_of, "%Y-%m-%d", &tm);
    }
    lc_ck_format_t fmt = LC_FMT_TEXT;
    int caret = -1;
    bool werror = false, list_rules = false, list_macros = false;
    const char **paths = lc_xalloc(arena, (size_t)(argc + 1) * sizeof *paths);
    size_t npaths = 0;
    bool only_files = false;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            paths[npaths++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
#define OPT(name) (strcmp(a, name) == 0 || (strncmp(a, name "=", sizeof(name)) == 0 && (val = a + sizeof(name))))
#define NEED_VAL() do { if (!val) { if (i + 1 >= argc) { fprintf(stderr, "lambdac-check: %s needs a value\n", a); return 2; } val = argv[++i]; } } while (0)
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("lambdac-check %s\n", PACKAGE_VERSION);
            return 0;
        } else if (OPT("--format")) {
            NEED_VAL();
            if (strcmp(val, "text") == 0)
                fmt = LC_FMT_TEXT;
            else if (strcmp(val, "json") == 0)
                fmt = LC_FMT_JSON;
            else if (strcmp(val, "sarif") == 0)
                fmt = LC_FMT_SARIF;
            else {
                fprintf(stderr, "lambdac-check: unknown format '%s' (text, json, sarif)\n", val);
                return 2;
            }
        } else if (strcmp(a, "--list-rules") == 0) {
            list_rules = true;
        } else if (strcmp(a, "--list-macros") == 0) {
            list_macros = true;
        } else if (OPT("--as-of")) {
            NEED_VAL();
            if (!valid_date(val)) {
                fprintf(stderr, "lambdac-check: --as-of wants YYYY-MM-DD, not '%s'\n", val);
                return 2;
            }
            memcpy(run.as_of, val, 11);
        } else if (OPT("--disable")) {
            NEED_VAL();
            char *list = lc_strdup(arena, val), *save = NULL;
            for (char *w = strtok_r(list, ",", &save); w; w = strtok_r(NULL, ",", &save))
                if (set_severity(&run, w, LC_SEV_OFF) < 0)
                    return 2;
        } else if (OPT("--severity")) {
            NEED_VAL();
            const char *eq = strrchr(val, '=');
            lc_ck_sev_t sev;
            if (!eq) {
                fprintf(stderr, "lambdac-check: --severity wants RULE=LEVEL\n");
                return 2;
            }
            if (strcmp(eq + 1, "error") == 0)
                sev = LC_SEV_ERROR;
            else if (strcmp(eq + 1, "warning") == 0)
                sev = LC_SEV_WARNING;
            else if (strcmp(eq + 1, "note") == 0)
                sev = LC_SEV_NOTE;
            else if (strcmp(eq + 1, "off") == 0)
                sev = LC_SEV_OFF;
            else {
                fprintf(stderr, "lambdac-check: unknown level '%s' (error, warning, note, off)\n", eq + 1);
                return 2;
            }
            if (set_severity(&run, lc_strndup(arena, val, (size_t)(eq - val)), sev) < 0)
                return 2;
        } else if (strcmp(a, "--werror") == 0) {
            werror = true;
        } else if (strcmp(a, "--caret") == 0) {
            caret = 1;
        } else if (strcmp(a, "--no-caret") == 0) {
            caret = 0;
        } else {
            fprintf(stderr, "lambdac-check: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
#undef OPT
#undef NEED_VAL
    }
    if (list_rules) {
        lc_ck_list_rules(fmt);
        return 0;
    }
    if (list_macros) {
        size_t n;
        const lc_ck_macro_t *rows = lc_ck_macro_rows(&n);
        for (size_t i = 0; i < n; i++)
            printf("%s\n", rows[i].name);
        return 0;
    }
    if (npaths == 0) {
        usage(stderr);
        return 2;
    }
    if (werror)
        for (int r = 0; r < LC_R__COUNT; r++)
            if (run.sev[r] == LC_SEV_WARNING)
                run.sev[r] = LC_SEV_ERROR;
    if (caret < 0)
        caret = fmt == LC_FMT_TEXT && isatty(STDERR_FILENO);

    lc_ck_file_t **files = lc_xalloc(arena, npaths * sizeof *files);
    size_t nfiles = 0;
    int status = 0;
    /* A file's model lives in its own arena, reset after the file is checked: the
     * next file reuses those pages instead of faulting in new ones (with 8 MB of
     * sources, a third of the run's page faults).  Diagnostics, suppressions and the
     * file texts (for caret lines) stay in `arena`. */
    lc_arena_t *model = lc_arena_new();
    if (!model) {
        fputs("lambdac-check: out of memory\n", stderr);
        return 2;
    }
    run.keep = arena;
    run.arena = model;
    size_t model_peak = 0;
    for (size_t i = 0; i < npaths; i++) {
        bool is_stdin = strcmp(paths[i], "-") == 0;
        FILE *in = is_stdin ? stdin : fopen(paths[i], "rb");
        size_t len = 0;
        /* the text goes to the model's arena too (its pages are reused file after
         * file); it is copied to `arena` below when the output may quote it */
        char *buf = in ? read_all(model, in, &len) : NULL;
        if (!buf) {
            fprintf(stderr, "lambdac-check: cannot read %s: %s\n", paths[i],
                    in ? "read error" : strerror(errno));
            status = 2;
            if (in && !is_stdin)
                fclose(in);
            continue;
        }
        if (!is_stdin)
            fclose(in);
        lc_ck_file_t *f = lc_xalloc(arena, sizeof *f);
        f->path = is_stdin ? "<stdin>" : paths[i];
        f->buf = buf;
        f->len = len;
        size_t ndiags = run.ndiags;
        lc_ck_parse(&run, f);
        lc_ck_check_file(&run, f);
        files[nfiles++] = f;
        /* diagnostics quote their line (caret, SARIF); suppressions may give unused-
         * suppression notes at the end */
        if (run.ndiags > ndiags || f->nsupprs) {
            char *keep = lc_xalloc(arena, len + 1);
            memcpy(keep, buf, len + 1);
            f->buf = keep;
        } else {
            f->buf = "";        /* nothing will quote it */
            f->len = 0;
        }
        /* what the model held is gone: the output reads only path, text and
         * suppressions */
        f->decls = NULL;
        f->ndecls = f->capdecls = 0;
        f->by_name = NULL;
        f->nbuckets = 0;
        f->names = NULL;
        f->nnames_cap = f->nnames = 0;
        f->opaque_why = NULL;
        if (lc_arena_used(model) > model_peak)
            model_peak = lc_arena_used(model);
        lc_arena_reset(model);
    }
    run.arena = arena;
    size_t errors = lc_ck_emit(&run, files, nfiles, fmt, caret);
    if (getenv("LC_CHECK_ARENA_STATS"))
        fprintf(stderr, "lambdac-check: %zu bytes of arena, %zu bytes for the largest file's model\n",
                lc_arena_used(arena), model_peak);
    lc_arena_free(model);
    if (status)
        return status;
    return errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    lc_arena_t *arena = lc_arena_new();
    if (!arena) {
        fputs("lambdac-check: out of memory\n", stderr);
        return 2;
    }
    int status = check_main(argc, argv, arena);
    lc_arena_free(arena);
    return status;
}
