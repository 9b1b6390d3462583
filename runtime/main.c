/* main.c - lc_main(): the command line of every stack binary.
 *
 * A stack binary prints the template of its stack (or of --stack NAME), or writes a
 * cloud assembly with --output DIR (assembly.c: manifest, templates, asset manifests,
 * staged assets; CDK CLI's defaults of path and asset metadata on, switchable).  The
 * CLI switches follow the CDK CLI's names where it has one (--no-path-metadata,
 * --no-asset-metadata).  Exit status: 0 ok, 1 validation errors (all of them
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

#include <lambdac/assembly.h>
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
            "  --output DIR          write a cloud assembly into DIR (manifest.json, templates,\n"
            "                        asset manifests, staged assets, tree.json)\n"
            "  --package             with --output: zip directory assets deterministically at\n"
            "                        synthesis (asset.<hash>.zip, its SHA-256 known)\n"
            "  --no-progress         no progress bar while zipping large assets\n"
            "  --verbose, -v         with --output: asset statistics (fingerprinted, cached,\n"
            "                        staged) on stderr\n"
            "  --hash-profile P      'native' (xxHash, default) or 'cdk' (as aws-cdk-lib)\n"
            "  --new-project-flags   feature flags of a new `cdk init` project\n"
            "  --context KEY=VALUE   a cdk.json context key: @aws-cdk/aws-lambda:recognizeLayerVersion,\n"
            "                        @aws-cdk/aws-lambda:useCdkManagedLogGroup (true|false),\n"
            "                        @aws-cdk/core:stackResourceLimit (N, 0 = no limit)\n"
            "  --path-metadata       add aws:cdk:path metadata to every resource (the default\n"
            "                        with --output); --no-path-metadata leaves it out\n"
            "  --asset-metadata      add aws:asset:* metadata to resources that use assets (the\n"
            "                        default with --output); --no-asset-metadata leaves it out\n"
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

static int decl_loc_cmp(const void *x, const void *y)
{
    const lc_stack_decl_t *a = *(const lc_stack_decl_t *const *)x;
    const lc_stack_decl_t *b = *(const lc_stack_decl_t *const *)y;
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    int c = strcmp(a->h.loc.file ? a->h.loc.file : "", b->h.loc.file ? b->h.loc.file : "");
    if (c)
        return c;
    return (a->h.loc.line > b->h.loc.line) - (a->h.loc.line < b->h.loc.line);
}

/* The declared stacks in declaration order.  The link section holds them in the order
 * the compiler emitted the variables, which optimization changes (gcc -O2 reorders
 * top-level variables), so the order of stacks - and of the artifacts of a cloud
 * assembly - would depend on compiler flags; sorting by source location (file name,
 * then line) gives the order they were written in, whatever the flags.  Computed once;
 * the array lives as long as the process.  (size_t)-1 when out of memory. */
static size_t sorted_stacks(const lc_stack_decl_t *const **out)
{
    static const lc_stack_decl_t **sorted;
    static size_t n;
    if (!sorted) {
        const lc_stack_decl_t *const *linked;
        n = lc_declared_stacks(&linked);
        sorted = malloc((n ? n : 1) * sizeof *sorted);
        if (!sorted)
            return (size_t)-1;
        if (n)
            memcpy(sorted, linked, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, decl_loc_cmp);
    }
    *out = sorted;
    return n;
}

int lc_main(int argc, char **argv)
{
    const char *only = NULL, *outdir = NULL, *explain = NULL, *against = NULL;
    int list = 0, new_flags = 0, path_md = -1, asset_md = -1, no_bootstrap = 0;
    int package = 0, progress = -1, verbose = 0;
    long resource_limit = -1;
    int ctx_flags[3] = { -1, -1, -1 };  /* version props, layer version, managed log group */
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
        } else if (strcmp(a, "--context") == 0 && i + 1 < argc) {
            /* the cdk.json / `cdk -c` context keys lambdac knows */
            const char *kv = argv[++i];
            const char *eq = strchr(kv, '=');
            size_t kl = eq ? (size_t)(eq - kv) : 0;
            const char *v = eq ? eq + 1 : "";
            int bval = strcmp(v, "true") == 0 ? 1 : strcmp(v, "false") == 0 ? 0 : -1;
            static const char *const keys[3] = { "@aws-cdk/aws-lambda:recognizeVersionProps",
                                                 "@aws-cdk/aws-lambda:recognizeLayerVersion",
                                                 "@aws-cdk/aws-lambda:useCdkManagedLogGroup" };
            int known = 0;
            for (int k = 0; k < 3 && eq; k++)
                if (strlen(keys[k]) == kl && strncmp(kv, keys[k], kl) == 0 && bval >= 0) {
                    ctx_flags[k] = bval;
                    known = 1;
                }
            if (eq && kl == strlen("@aws-cdk/core:stackResourceLimit") &&
                strncmp(kv, "@aws-cdk/core:stackResourceLimit", kl) == 0) {
                char *end;
                resource_limit = strtol(v, &end, 10);
                known = *v && !*end && resource_limit >= 0;
            }
            if (known && kl == strlen(keys[0]) && strncmp(kv, keys[0], kl) == 0 && bval == 0) {
                fprintf(stderr, "%s: %s=false (the hash of aws-cdk-lib 1.x apps) is not "
                                "supported: lambdac hashes version properties as CDK v2\n",
                        argv0, keys[0]);
                return 2;
            }
            if (!known) {
                fprintf(stderr, "%s: unsupported context '%s' (KEY=VALUE with a key of "
                                "--help)\n", argv0, kv);
                return 2;
            }
        } else if (strcmp(a, "--new-project-flags") == 0) {
            new_flags = 1;
        } else if (strcmp(a, "--path-metadata") == 0) {
            path_md = 1;
        } else if (strcmp(a, "--no-path-metadata") == 0) {
            path_md = 0;
        } else if (strcmp(a, "--asset-metadata") == 0) {
            asset_md = 1;
        } else if (strcmp(a, "--no-asset-metadata") == 0) {
            asset_md = 0;
        } else if (strcmp(a, "--package") == 0) {
            package = 1;
        } else if (strcmp(a, "--no-progress") == 0) {
            progress = 0;
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            verbose = 1;
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
    size_t ndecls = sorted_stacks(&decls);
    if (ndecls == (size_t)-1) {
        fputs("lambdac: out of memory\n", stderr);
        return 70;
    }
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
    /* Two stacks with one name: aws-cdk-lib throws while building the app, whichever
     * stack is wanted; without this check --stack NAME picked one of them silently
     * (t/70-bad-input.sh).  With --output every stack is added and lc_app_add_stack
     * reports it among all the other errors. */
    int dups = 0;
    for (size_t i = 0; (only || !outdir) && i < ndecls; i++)
        for (size_t j = 0; decls[i] && j < i; j++)
            if (decls[j] && strcmp(decls[j]->h.id, decls[i]->h.id) == 0) {
                fprintf(stderr, "%s:%d: error: %s: There is already a Construct with name "
                                "'%s' in App [DuplicateConstructId]\n",
                        decls[i]->h.loc.file, decls[i]->h.loc.line, decls[i]->h.id,
                        decls[i]->h.id);
                dups++;
                break;
            }
    if (dups) {
        fprintf(stderr, "%s: %d error%s\n", argv0, dups, dups == 1 ? "" : "s");
        return 1;
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
    /* metadata: off when printing a template, on in an assembly (as `cdk synth`) */
    app.path_metadata = path_md < 0 ? outdir != NULL : path_md != 0;
    app.asset_metadata = asset_md < 0 ? outdir != NULL : asset_md != 0;
    app.bootstrap_rule = !no_bootstrap;
    if (new_flags)
        lc_app_set_new_project_flags(&app);
    if (ctx_flags[0] >= 0)
        app.flags.recognize_version_props = ctx_flags[0];
    if (ctx_flags[1] >= 0)
        app.flags.recognize_layer_version = ctx_flags[1];
    if (ctx_flags[2] >= 0)
        app.flags.use_cdk_managed_log_group = ctx_flags[2];
    if (resource_limit >= 0)
        app.stack_resource_limit = resource_limit;
    if (package && !outdir) {
        fprintf(stderr, "%s: --package needs --output DIR\n", argv0);
        lc_app_fini(&app);
        return 2;
    }
    lc_assembly_options_t aopt = { .package = package != 0, .progress = progress,
                                   .new_project_flags = new_flags != 0 };
    lc_assembly_setup(&app, &aopt);

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
    if (rc == 0 && outdir) {
        if (lc_assembly_write(&app, out) != 0)
            rc = 1;
        else if (verbose)
            lc_assembly_report(&app, stderr);
    } else if (rc == 0) {
        k = 0;
        for (lc_stack_t *st = app.stacks; st; st = st->next, k++) {
            if (fwrite(out[k].buf, 1, out[k].len, stdout) != out[k].len ||
                fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
                fprintf(stderr, "%s: cannot write to standard output\n", argv0);
                rc = 1;
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
