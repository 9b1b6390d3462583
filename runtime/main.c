/* main.c - lc_main(): the command line of every stack binary.
 *
 * A stack binary prints the template of its stack (or of --stack NAME), or writes a
 * cloud assembly with --output DIR.  Exit status: 0 ok, 1 validation errors (all of them
 * printed, nothing written), 2 usage.  Output never depends on the locale, time zone or
 * umask: the writer is locale-free and files are written whole, then renamed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lambdac/dsl.h>
#include <lambdac/error.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

static void usage(FILE *f, const char *argv0)
{
    fprintf(f,
            "usage: %s [options]\n"
            "Synthesize the CloudFormation template of the stacks declared in this program.\n"
            "\n"
            "  --stack NAME          only this stack (required to print when there are several)\n"
            "  --list                print the names of the declared stacks and exit\n"
            "  --output DIR          write <Stack>.template.json files into DIR\n"
            "  --hash-profile P      'native' (xxHash, default) or 'cdk' (as aws-cdk-lib)\n"
            "  --new-project-flags   feature flags of a new `cdk init` project\n"
            "  --path-metadata       add aws:cdk:path metadata to every resource\n"
            "  --no-bootstrap-rule   leave out the BootstrapVersion parameter and rule\n"
            "  --explain-version FN  print the version hash input, hash and currentVersion id of\n"
            "                        function FN (construct id or path) instead of the template\n"
            "  --against PATH        with --explain-version: compare with a previous template or\n"
            "                        cloud assembly and tell whether a new version is created\n"
            "  --help, --version\n",
            argv0);
}

int lc_write_file_atomic(const char *path, const char *data, size_t n)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 32);
    if (!tmp)
        return LC_E_NOMEM;
    snprintf(tmp, plen + 32, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        fprintf(stderr, "lambdac: cannot create %s: %s\n", tmp, strerror(errno));
        free(tmp);
        return LC_E_IO;
    }
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, data + off, n - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "lambdac: cannot write %s: %s\n", tmp, strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return LC_E_IO;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        fprintf(stderr, "lambdac: cannot write %s: %s\n", tmp, strerror(errno));
        unlink(tmp);
        free(tmp);
        return LC_E_IO;
    }
    if (rename(tmp, path) != 0) {
        fprintf(stderr, "lambdac: cannot rename %s to %s: %s\n", tmp, path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return LC_E_IO;
    }
    free(tmp);
    return 0;
}

int lc_main(int argc, char **argv)
{
    const char *only = NULL, *outdir = NULL, *explain = NULL, *against = NULL;
    int list = 0, new_flags = 0, path_md = 0, no_bootstrap = 0;
    lc_hash_profile_t profile = LC_HASH_NATIVE;
    const char *argv0 = argc > 0 ? argv[0] : "lambdac";

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout, argv0);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            printf("lambdac %s\n", PACKAGE_VERSION);
            return 0;
        } else if (strcmp(a, "--stack") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else if (strcmp(a, "--output") == 0 && i + 1 < argc) {
            outdir = argv[++i];
        } else if (strcmp(a, "--hash-profile") == 0 && i + 1 < argc) {
            const char *p = argv[++i];
            if (strcmp(p, "cdk") == 0)
                profile = LC_HASH_CDK;
            else if (strcmp(p, "native") == 0)
                profile = LC_HASH_NATIVE;
            else {
                fprintf(stderr, "%s: unknown hash profile '%s' (use 'native' or 'cdk')\n",
                        argv0, p);
                return 2;
            }
        } else if (strcmp(a, "--explain-version") == 0 && i + 1 < argc) {
            explain = argv[++i];
        } else if (strcmp(a, "--against") == 0 && i + 1 < argc) {
            against = argv[++i];
        } else if (strcmp(a, "--new-project-flags") == 0) {
            new_flags = 1;
        } else if (strcmp(a, "--path-metadata") == 0) {
            path_md = 1;
        } else if (strcmp(a, "--no-bootstrap-rule") == 0) {
            no_bootstrap = 1;
        } else if (strcmp(a, "--list") == 0) {
            list = 1;
        } else {
            fprintf(stderr, "%s: unknown or incomplete option '%s'\n", argv0, a);
            usage(stderr, argv0);
            return 2;
        }
    }

    const lc_stack_decl_t *const *decls;
    size_t ndecls = lc_declared_stacks(&decls);
    if (list) {
        for (size_t i = 0; i < ndecls; i++)
            if (decls[i])
                printf("%s\n", decls[i]->h.id);
        return 0;
    }
    if (ndecls == 0) {
        fprintf(stderr, "%s: this program declares no stack (LC_STACK)\n", argv0);
        return 2;
    }
    const lc_stack_decl_t *chosen = NULL;
    if (only) {
        for (size_t i = 0; i < ndecls; i++)
            if (decls[i] && strcmp(decls[i]->h.id, only) == 0)
                chosen = decls[i];
        if (!chosen) {
            fprintf(stderr, "%s: no stack named '%s' (--list shows them)\n", argv0, only);
            return 2;
        }
    } else if (!outdir && !explain && ndecls > 1) {
        fprintf(stderr, "%s: %zu stacks are declared: choose one with --stack NAME, or "
                        "write them all with --output DIR\n", argv0, ndecls);
        return 2;
    }

    lc_app_t app;
    lc_app_init(&app);
    app.argv0 = argv0;
    app.profile = profile;
    app.outdir = outdir;
    app.path_metadata = path_md != 0;
    app.bootstrap_rule = !no_bootstrap;
    if (new_flags)
        lc_app_set_new_project_flags(&app);

    for (size_t i = 0; i < ndecls; i++)
        if (decls[i] && (!chosen || decls[i] == chosen))
            lc_app_add_stack(&app, decls[i]);

    /* Render every stack before writing anything: all errors are reported, and a
     * failing run leaves no partial output. */
    size_t nst = 0;
    for (lc_stack_t *st = app.stacks; st; st = st->next)
        nst++;
    lc_value_t **tmpl = calloc(nst ? nst : 1, sizeof *tmpl);
    lc_sink_t *out = calloc(nst ? nst : 1, sizeof *out);
    if (!tmpl || !out) {
        fputs("lambdac: out of memory\n", stderr);
        return 70;
    }
    size_t k = 0;
    if (app.nerrors == 0)
        for (lc_stack_t *st = app.stacks; st; st = st->next, k++)
            tmpl[k] = lc_stack_render(st);
    int rc = 0;
    if (explain && app.nerrors == 0) {
        rc = lc_explain_version(&app, explain, against, stdout);
        if (app.nerrors)
            rc = 1;
        free(out);
        free(tmpl);
        lc_app_fini(&app);
        return rc;
    }
    if (app.nerrors == 0) {
        k = 0;
        for (lc_stack_t *st = app.stacks; st; st = st->next, k++) {
            lc_resolver_t r = lc_stack_resolver(st);
            int e = lc_write_json(&out[k], tmpl[k], LC_JSON_CDK, &r);
            if (e) {
                fprintf(stderr, "%s: %s: cannot write the template: %s\n", argv0, st->name,
                        lc_strerror(e));
                rc = 1;
            }
        }
    }
    if (app.nerrors) {
        fprintf(stderr, "%s: %d error%s\n", argv0, app.nerrors, app.nerrors == 1 ? "" : "s");
        rc = 1;
    }
    if (rc == 0) {
        k = 0;
        for (lc_stack_t *st = app.stacks; st; st = st->next, k++) {
            if (outdir) {
                if (mkdir(outdir, 0777) != 0 && errno != EEXIST) {
                    fprintf(stderr, "%s: cannot create %s: %s\n", argv0, outdir,
                            strerror(errno));
                    rc = 1;
                    break;
                }
                size_t plen = strlen(outdir) + strlen(st->name) + 32;
                char *path = malloc(plen);
                if (!path) {
                    rc = 70;
                    break;
                }
                snprintf(path, plen, "%s/%s.template.json", outdir, st->name);
                if (lc_write_file_atomic(path, out[k].buf ? out[k].buf : "", out[k].len))
                    rc = 1;
                free(path);
            } else {
                if (fwrite(out[k].buf, 1, out[k].len, stdout) != out[k].len ||
                    fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
                    fprintf(stderr, "%s: cannot write to standard output\n", argv0);
                    rc = 1;
                }
            }
        }
    }
    for (k = 0; k < nst; k++)
        lc_sink_fini(&out[k]);
    free(out);
    free(tmpl);
    lc_app_fini(&app);
    return rc;
}
