/* bundling.c - Code.fromAsset(path, {bundling}): CDK's AssetStaging.stageByBundling.
 *
 * The asset hash of bundled code does not depend on the bundle (hash type SOURCE, CDK's
 * default): it is the hash of the source fingerprint's hex text followed by
 * JSON.stringify(bundlingOptions).  So the template is known before anything runs, and
 * the bundle is made once per hash: DIR/asset.<hash>/ is built under
 * DIR/asset.<hash>-building and renamed when complete, and skipped when it exists.
 *
 * How the bundle is made: the `local` command (lambdac's stand-in for CDK's
 * ILocalBundling.tryBundle, which is code) runs with /bin/sh in the asset directory;
 * without one the bundling command runs in the image with `docker run`, with the mounts,
 * user and working directory CDK's bind-mount bundling uses.  No Docker engine is
 * assumed: when no Docker client can be found, the error says so and names the way out
 * (a `local` command).  The output is then classified as CDK does: one archive file
 * (.zip, .jar, ...) is published as that file, anything else as a zipped directory.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xxhash.h>

#include <lambdac/assembly.h>
#include <lambdac/docker.h>
#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/synth.h>

#include "assembly-int.h"

/* JSON.stringify of the options as a user writes them: image first (it is required and
 * comes first in every example), then the others in alphabetical order; a local bundler
 * serializes as {} (an object whose only member is a method). */
static char *bundling_json(lc_arena_t *a, const lc_bundling_t *b)
{
    static const char *const outputs[] = { "auto-discover", "archived", "not-archived",
                                           "single-file" };
    lc_value_t *o = lc_v_obj(a);
    lc_obj_set(a, o, "image", lc_v_str(a, b->image ? b->image : ""));
    if (b->command.n) {
        lc_value_t *v = lc_v_arr(a);
        for (size_t i = 0; i < b->command.n; i++)
            lc_arr_push(a, v, lc_v_str(a, b->command.items[i]));
        lc_obj_set(a, o, "command", v);
    }
    if (b->entrypoint.n) {
        lc_value_t *v = lc_v_arr(a);
        for (size_t i = 0; i < b->entrypoint.n; i++)
            lc_arr_push(a, v, lc_v_str(a, b->entrypoint.items[i]));
        lc_obj_set(a, o, "entrypoint", v);
    }
    if (b->environment.n) {
        lc_value_t *v = lc_v_obj(a);
        for (size_t i = 0; i < b->environment.n; i++) {
            const char *k = b->environment.items[i].key, *val = b->environment.items[i].value;
            /* CDK's sanitizeHashValue keeps credentials of pip index URLs out of the hash */
            if (strcmp(k, "PIP_INDEX_URL") == 0 || strcmp(k, "PIP_EXTRA_INDEX_URL") == 0) {
                const char *at = strchr(val, '@'), *scheme = strstr(val, "://");
                const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
                if (at && scheme && colon && colon < at)
                    val = lc_sprintf(a, "%.*s%s", (int)(colon - val), val, at);
            }
            lc_obj_set(a, v, k, lc_v_str(a, val));
        }
        lc_obj_set(a, o, "environment", v);
    }
    if (b->local)
        lc_obj_set(a, o, "local", lc_v_obj(a));
    if (b->network)
        lc_obj_set(a, o, "network", lc_v_str(a, b->network));
    if (b->output_type > 0 && b->output_type <= LC_BUNDLING_OUTPUT_SINGLE_FILE)
        lc_obj_set(a, o, "outputType", lc_v_str(a, outputs[b->output_type]));
    if (b->platform)
        lc_obj_set(a, o, "platform", lc_v_str(a, b->platform));
    if (b->security_opt)
        lc_obj_set(a, o, "securityOpt", lc_v_str(a, b->security_opt));
    if (b->user)
        lc_obj_set(a, o, "user", lc_v_str(a, b->user));
    if (b->working_directory)
        lc_obj_set(a, o, "workingDirectory", lc_v_str(a, b->working_directory));
    lc_sink_t sk = { 0 };
    lc_write_json(&sk, o, LC_JSON_COMPACT, NULL);
    char *s = lc_strdup(a, lc_sink_cstr(&sk) ? lc_sink_cstr(&sk) : "");
    lc_sink_fini(&sk);
    return s;
}

static void bundle_hash(lc_hash_profile_t p, const char *fp, const char *json, char out[65])
{
    if (p == LC_HASH_CDK) {
        lc_sha256_ctx_t c;
        unsigned char d[32];
        lc_sha256_init(&c);
        lc_sha256_update(&c, fp, strlen(fp));
        lc_sha256_update(&c, json, strlen(json));
        lc_sha256_final(&c, d);
        lc_hex(d, 32, out);
    } else {
        XXH3_state_t *x = XXH3_createState();
        XXH3_128bits_reset(x);
        XXH3_128bits_update(x, fp, strlen(fp));
        XXH3_128bits_update(x, json, strlen(json));
        XXH128_canonical_t c;
        XXH128_canonicalFromHash(&c, XXH3_128bits_digest(x));
        XXH3_freeState(x);
        lc_hex(c.digest, 16, out);
    }
}

/* ---- running the bundler -------------------------------------------------------------- */

/* The Docker client CDK would use (CDK_DOCKER or docker) when it is on PATH. */
static char *find_docker(lc_arena_t *a)
{
    const char *name = getenv("CDK_DOCKER");
    if (!name || !*name)
        name = "docker";
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? lc_strdup(a, name) : NULL;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/bin:/bin";
    while (*path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        char *cand = lc_sprintf(a, "%.*s/%s", (int)n, n ? path : ".", name);
        if (access(cand, X_OK) == 0)
            return cand;
        path += n + (end ? 1 : 0);
    }
    return NULL;
}

/* fork + exec argv in dir with extra environment; the child's stdout goes to stderr
 * (the template may be on stdout).  Returns the exit status, or -1. */
static int run(const char *const *argv, const char *dir, const lc_kv_list_t *env,
               const char *in, const char *out)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (dir && chdir(dir) != 0)
            _exit(126);
        dup2(2, 1);
        if (in)
            setenv("LC_ASSET_INPUT", in, 1);
        if (out)
            setenv("LC_ASSET_OUTPUT", out, 1);
        for (size_t i = 0; env && i < env->n; i++)
            setenv(env->items[i].key, env->items[i].value, 1);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static int rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(p);
}

static int is_empty_dir(const char *p)
{
    DIR *d = opendir(p);
    if (!d)
        return 1;
    struct dirent *de;
    int empty = 1;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            empty = 0;
            break;
        }
    closedir(d);
    return empty;
}

/* `docker run` as CDK's DockerImage.run for bind-mount bundling. */
static int docker_bundle(lc_app_t *app, const char *docker, const lc_bundling_t *b,
                         const char *src, const char *out)
{
    lc_arena_t *a = app->arena;
    size_t cap = 32 + 2 * b->environment.n + b->command.n + b->entrypoint.n, n = 0;
    const char **argv = lc_xalloc(a, cap * sizeof *argv);
    argv[n++] = docker;
    argv[n++] = "run";
    argv[n++] = "--rm";
    if (b->platform) {
        argv[n++] = "--platform";
        argv[n++] = b->platform;
    }
    argv[n++] = "-u";
    argv[n++] = b->user ? b->user : lc_sprintf(a, "%ld:%ld", (long)getuid(), (long)getgid());
    argv[n++] = "-v";
    argv[n++] = lc_sprintf(a, "%s:/asset-input:delegated", src);
    argv[n++] = "-v";
    argv[n++] = lc_sprintf(a, "%s:/asset-output:delegated", out);
    for (size_t i = 0; i < b->environment.n; i++) {
        argv[n++] = "--env";
        argv[n++] = lc_sprintf(a, "%s=%s", b->environment.items[i].key,
                               b->environment.items[i].value);
    }
    argv[n++] = "-w";
    argv[n++] = b->working_directory ? b->working_directory : "/asset-input";
    if (b->network) {
        argv[n++] = "--network";
        argv[n++] = b->network;
    }
    if (b->security_opt && *b->security_opt) {
        argv[n++] = "--security-opt";
        argv[n++] = b->security_opt;
    }
    if (b->entrypoint.n) {
        argv[n++] = "--entrypoint";
        argv[n++] = b->entrypoint.items[0];
    }
    argv[n++] = b->image;
    for (size_t i = 1; i < b->entrypoint.n; i++)
        argv[n++] = b->entrypoint.items[i];
    for (size_t i = 0; i < b->command.n; i++)
        argv[n++] = b->command.items[i];
    argv[n] = NULL;
    return run(argv, NULL, NULL, NULL, NULL);
}

static const char *const archive_ext[] = { ".tar.gz", ".zip", ".jar", ".tar", ".tgz" };

static const char *archive_extension(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof archive_ext / sizeof *archive_ext; i++) {
        size_t k = strlen(archive_ext[i]);
        if (n >= k && strcasecmp(name + n - k, archive_ext[i]) == 0)
            return name + n - k;
    }
    return NULL;
}

/* The single file of dir (an archive unless any file will do), or NULL. */
static char *single_file(lc_arena_t *a, const char *dir, int archive_only)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    struct dirent *de;
    char *only = NULL;
    int count = 0;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (++count == 1)
            only = lc_strdup(a, de->d_name);
    }
    closedir(d);
    if (count != 1)
        return NULL;
    struct stat sb;
    char *p = lc_sprintf(a, "%s/%s", dir, only);
    if (lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
        return NULL;
    if (archive_only && !archive_extension(only))
        return NULL;
    return only;
}

int lc_stack_add_bundled_asset(lc_stack_t *st, const lc_file_asset_spec_t *spec,
                               const lc_bundling_t *b, lc_resource_t *consumer,
                               const char *property, char hash_out[65],
                               const char **object_ext)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *at = consumer ? consumer->node : st->root;
    struct stat sb;
    *object_ext = ".zip";
    if (!b->image || !*b->image) {
        lc_error(app, at, "BundlingImageRequired", "bundling needs an image");
        return LC_E_INVAL;
    }
    if (stat(spec->source, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        lc_error(app, at, "AssetExpectedDirectoryForBundling",
                 "Asset %s is expected to be a directory when bundling", spec->source);
        return LC_E_INVAL;
    }
    char fp[65], err[512];
    if (lc_asset_fingerprint_cached(app, spec->source, spec->copy, fp, err, sizeof err) != 0) {
        lc_error(app, at, "AssetFingerprint", "cannot fingerprint asset '%s': %s",
                 spec->source, err);
        return LC_E_IO;
    }
    bundle_hash(app->profile, fp, bundling_json(a, b), hash_out);

    lc_file_asset_spec_t reg = *spec;
    reg.hash = hash_out;
    reg.bundled = true;
    reg.packaging = LC_ASSET_ZIP_DIRECTORY;
    reg.copy = NULL;        /* CDK: exclude patterns do not apply to a bundle */
    if (!app->outdir) {
        /* nothing to bundle into: the template only needs the hash */
        lc_stack_add_file_asset(st, &reg, consumer, property);
        return 0;
    }

    const char *bundle = lc_sprintf(a, "%s/asset.%s", app->outdir, hash_out);
    if (stat(bundle, &sb) != 0) {
        if (mkdir(app->outdir, 0777) != 0 && errno != EEXIST) {
            lc_error(app, at, "AssetStaging", "cannot create %s: %s", app->outdir, strerror(errno));
            return LC_E_IO;
        }
        const char *tmp = lc_sprintf(a, "%s-building", bundle);
        nftw(tmp, rm_cb, 32, FTW_DEPTH | FTW_PHYS);
        if (mkdir(tmp, 0777) != 0) {
            lc_error(app, at, "AssetStaging", "cannot create %s: %s", tmp, strerror(errno));
            return LC_E_IO;
        }
        char *src = realpath(spec->source, NULL), *out = realpath(tmp, NULL);
        fprintf(stderr, "Bundling asset %s/%s/Stage...\n", st->name, spec->display_name);
        int rc;
        if (b->local) {
            const char *argv[] = { "/bin/sh", "-c", b->local, NULL };
            rc = run(argv, src, &b->environment, src, out);
            if (rc != 0)
                lc_error(app, at, "FailedToBundleAsset",
                         "Failed to bundle asset %s/%s, bundle output is located at %s: the "
                         "local bundling command exited with status %d",
                         st->name, spec->display_name, tmp, rc);
        } else {
            char *docker = find_docker(a);
            if (!docker) {
                rc = -1;
                rmdir(tmp);     /* nothing ran: no output to look at */
                lc_error(app, at, "BundlingNeedsDocker",
                         "Bundling asset %s/%s needs Docker to run %s, but no Docker client "
                         "('%s') was found on PATH; install Docker, set CDK_DOCKER, or give "
                         "the bundling a .local command that runs on this host",
                         st->name, spec->display_name, b->image,
                         getenv("CDK_DOCKER") && *getenv("CDK_DOCKER") ? getenv("CDK_DOCKER")
                                                                       : "docker");
            } else {
                rc = docker_bundle(app, docker, b, src, out);
                if (rc != 0)
                    lc_error(app, at, "FailedToBundleAsset",
                             "Failed to bundle asset %s/%s, bundle output is located at %s: "
                             "docker run exited with status %d", st->name, spec->display_name,
                             tmp, rc);
            }
        }
        free(src);
        free(out);
        if (rc != 0)
            return LC_E_IO;
        if (is_empty_dir(tmp)) {
            lc_error(app, at, "BundlingProducedNoOutput",
                     "Bundling did not produce any output. Check that content is written to %s.",
                     b->local ? bundle : "/asset-output");
            nftw(tmp, rm_cb, 32, FTW_DEPTH | FTW_PHYS);
            return LC_E_IO;
        }
        if (rename(tmp, bundle) != 0) {
            lc_error(app, at, "AssetStaging", "cannot rename %s: %s", tmp, strerror(errno));
            return LC_E_IO;
        }
    }

    /* CDK's determineBundledAsset */
    int ot = b->output_type;
    char *file = ot == LC_BUNDLING_OUTPUT_NOT_ARCHIVED
                     ? NULL : single_file(a, bundle, ot != LC_BUNDLING_OUTPUT_SINGLE_FILE);
    if ((ot == LC_BUNDLING_OUTPUT_ARCHIVED || ot == LC_BUNDLING_OUTPUT_SINGLE_FILE) && !file) {
        lc_error(app, at, "BundlingOutputDirectoryExpectedSingleFile",
                 "Bundling output directory is expected to include only a single file when "
                 "`output` is set to `ARCHIVED` or `SINGLE_FILE`");
        return LC_E_INVAL;
    }
    if (file) {
        const char *ext = archive_extension(file);
        if (!ext) {
            const char *dot = strrchr(file, '.');
            ext = dot && dot != file ? dot : "";
        }
        const char *staged = lc_sprintf(a, "%s/asset.%s%s", app->outdir, hash_out, ext);
        const char *inner = lc_sprintf(a, "%s/%s", bundle, file);
        if (stat(staged, &sb) != 0) {
            if (rename(inner, staged) != 0) {
                lc_error(app, at, "AssetStaging", "cannot move %s: %s", inner, strerror(errno));
                return LC_E_IO;
            }
            /* CDK leaves an empty file behind, so the bundle directory stays non-empty */
            int fd = open(inner, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            if (fd >= 0)
                close(fd);
        }
        reg.source = staged;
        reg.packaging = LC_ASSET_FILE;
        const char *dot = strrchr(staged, '.');
        *object_ext = dot ? lc_strdup(a, dot) : "";
    } else {
        reg.source = bundle;
    }
    lc_stack_add_file_asset(st, &reg, consumer, property);
    return 0;
}
