/* staging.c - the per-stack asset registry, the fingerprint cache and asset staging.
 *
 * Registry: code.c and docker.c register each asset as they expand a declaration, with
 * the resource that consumes it.  Registering is what adds CDK's aws:asset:* metadata
 * (it has to happen during expansion, because aws:cdk:path is put before it and
 * construct metadata such as aws:cdk:do-not-refactor after it) and what the writer
 * later stages and lists in <Stack>.assets.json, in registration order, once per hash.
 *
 * Cache: fingerprinting reads every byte of an asset.  aws-cdk-lib keeps a per-file
 * cache (~/.cdk/cache/fingerprints, keyed by inode|mtime|size); we keep one line per
 * asset in DIR/.lambdac-asset-cache keyed by the path and options, holding a
 * signature of the whole tree's metadata (every entry's relative path, type, mode,
 * size, mtime, ctime, inode and symlink target, walked in sorted order, following
 * links like the fingerprint does).  Computing the signature costs one lstat per entry
 * and no reads; a matching signature gives the hash back.  An entry touched less than
 * two seconds before the run started is "racy" (a write in the same clock tick would
 * not change its mtime) and is never stored, as git does with its index.
 *
 * Staging (CDK's AssetStaging): a directory asset is copied to DIR/asset.<hash>/ with
 * the exclude patterns applied and CDK's symlink rules (links leaving the asset are
 * followed, links inside it are re-created relative), a file asset to
 * DIR/asset.<hash><ext>; nothing is copied when the target already exists.  A copy is
 * made under a temporary name and renamed, so a crash never leaves a half asset under
 * the final name.  With --package a directory is zipped instead (zip.c), and the
 * SHA-256 of an existing zip is remembered in the cache too.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include <lambdac/assembly.h>
#include <lambdac/error.h>
#include <lambdac/hash.h>
#include <lambdac/synth.h>
#include <lambdac/zip.h>

#include "assembly-int.h"

#define RACY_NS (2000000000LL)

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* An absolute form of `p` (the working directory prepended to a relative path; no
 * symlinks resolved, so the staged copy walks what the user named). */
static char *abs_path(lc_arena_t *a, const char *p)
{
    if (p[0] == '/')
        return lc_strdup(a, p);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return lc_strdup(a, p);
    if (strcmp(p, ".") == 0)
        return lc_strdup(a, cwd);
    if (strncmp(p, "./", 2) == 0)
        p += 2;
    return lc_sprintf(a, "%s/%s", cwd, p);
}

/* ---- state ------------------------------------------------------------------------- */

struct lc_assembly_state *lc__assembly_state(lc_app_t *app)
{
    if (!app->assembly) {
        struct lc_assembly_state *as = lc_xalloc(app->arena, sizeof *as);
        as->opts.progress = -1;
        as->start_ns = now_ns();
        app->assembly = as;
    }
    return app->assembly;
}

lc_stack_assets_t *lc__stack_assets(lc_stack_t *st)
{
    struct lc_assembly_state *as = lc__assembly_state(st->app);
    for (lc_stack_assets_t *s = as->stacks; s; s = s->next)
        if (s->st == st)
            return s;
    lc_stack_assets_t *s = lc_xalloc(st->app->arena, sizeof *s);
    s->st = st;
    if (as->last)
        as->last->next = s;
    else
        as->stacks = s;
    as->last = s;
    return s;
}

static void *grow(lc_arena_t *a, void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? *cap * 2 : 8;
    void *g = lc_xalloc(a, nc * size);
    if (n)
        memcpy(g, v, n * size);
    *cap = nc;
    return g;
}

/* ---- the cache file ------------------------------------------------------------------ */

static int is_hex(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

static void load_cache(lc_app_t *app, struct lc_assembly_state *as)
{
    char *path = lc_sprintf(app->arena, "%s/%s", app->outdir, LC_ASSET_CACHE_FILE);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    if (!fgets(line, sizeof line, f) || strcmp(line, "lambdac-asset-cache 1\n") != 0) {
        fclose(f);      /* another version's cache: ignore it, it will be rewritten */
        return;
    }
    while (fgets(line, sizeof line, f)) {
        char kind[4], a1[80], a2[80], a3[80];
        if (sscanf(line, "%3s %79s %79s %79s", kind, a1, a2, a3) != 4)
            continue;
        if (strcmp(kind, "F") == 0 && is_hex(a1, 32) && is_hex(a2, 32) &&
            (is_hex(a3, 64) || is_hex(a3, 32))) {
            as->fp = grow(app->arena, as->fp, as->nfp, &as->capfp, sizeof *as->fp);
            lc_fp_cache_entry_t *e = &as->fp[as->nfp++];
            memset(e, 0, sizeof *e);
            memcpy(e->key, a1, 33);
            memcpy(e->sig, a2, 33);
            snprintf(e->hash, sizeof e->hash, "%s", a3);
            e->from_file = 1;
        } else if (strcmp(kind, "Z") == 0 && (is_hex(a1, 64) || is_hex(a1, 32)) &&
                   is_hex(a2, 32) && is_hex(a3, 64)) {
            as->zc = grow(app->arena, as->zc, as->nzc, &as->capzc, sizeof *as->zc);
            lc_zip_cache_entry_t *e = &as->zc[as->nzc++];
            memset(e, 0, sizeof *e);
            snprintf(e->hash, sizeof e->hash, "%s", a1);
            memcpy(e->sig, a2, 33);
            memcpy(e->sha, a3, 65);
        }
    }
    fclose(f);
}

#define LC_CACHE_MAX 4096

void lc__cache_serialize(struct lc_assembly_state *as, lc_sink_t *s)
{
    size_t n = 0;
    lc_sink_puts(s, "lambdac-asset-cache 1\n");
    /* entries of this run first, then older ones while there is room */
    for (int pass = 1; pass >= 0; pass--) {
        for (size_t i = 0; i < as->nfp && n < LC_CACHE_MAX; i++) {
            lc_fp_cache_entry_t *e = &as->fp[i];
            if (e->used == pass && e->sig[0]) {
                lc_sink_printf(s, "F %s %s %s\n", e->key, e->sig, e->hash);
                n++;
            }
        }
        for (size_t i = 0; i < as->nzc && n < LC_CACHE_MAX; i++) {
            lc_zip_cache_entry_t *e = &as->zc[i];
            if (e->used == pass) {
                lc_sink_printf(s, "Z %s %s %s\n", e->hash, e->sig, e->sha);
                n++;
            }
        }
    }
}

static void sweep_stale_tmp(const char *dir);

void lc_assembly_setup(lc_app_t *app, const lc_assembly_options_t *o)
{
    struct lc_assembly_state *as = lc__assembly_state(app);
    if (o)
        as->opts = *o;
    if (app->outdir) {
        as->outdir_abs = abs_path(app->arena, app->outdir);
        sweep_stale_tmp(app->outdir);
        load_cache(app, as);
    }
}

/* ---- tree signatures ------------------------------------------------------------------ */

typedef struct sigwalk {
    XXH3_state_t *xx;
    int64_t racy_after;
    int racy;
    struct { dev_t dev; ino_t ino; } stack[128];
    size_t depth;
} sigwalk_t;

static int64_t ts_ns(const struct timespec *t)
{
    return (int64_t)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void sig_stat(sigwalk_t *w, const char *tag, const char *rel, const struct stat *sb)
{
    struct {
        uint64_t mode, size, mtime, ctime, ino, dev;
    } rec = { (uint64_t)sb->st_mode, (uint64_t)sb->st_size, (uint64_t)ts_ns(&sb->st_mtim),
              (uint64_t)ts_ns(&sb->st_ctim), (uint64_t)sb->st_ino, (uint64_t)sb->st_dev };
    XXH3_128bits_update(w->xx, tag, strlen(tag) + 1);
    XXH3_128bits_update(w->xx, rel, strlen(rel) + 1);
    XXH3_128bits_update(w->xx, &rec, sizeof rec);
    if (ts_ns(&sb->st_mtim) >= w->racy_after || ts_ns(&sb->st_ctim) >= w->racy_after)
        w->racy = 1;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Names in directory `path`, sorted; NULL on error (errno set). */
static char **list_dir(const char *path, size_t *n)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **g = realloc(v, cap * sizeof *g);
            if (!g)
                goto fail;
            v = g;
        }
        if (!(v[*n] = strdup(de->d_name)))
            goto fail;
        (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(v, *n, sizeof *v, cmp_str);
    if (!v)
        v = calloc(1, sizeof *v);
    return v;
fail:
    closedir(d);
    for (size_t i = 0; i < *n; i++)
        free(v[i]);
    free(v);
    errno = ENOMEM;
    return NULL;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static int sig_dir(sigwalk_t *w, const char *path, const char *rel);

/* One entry: lstat it; a symbolic link adds its text and what it points to. */
static int sig_entry(sigwalk_t *w, const char *path, const char *rel)
{
    struct stat lb;
    if (lstat(path, &lb) != 0)
        return -1;
    sig_stat(w, "l", rel, &lb);
    struct stat sb = lb;
    if (S_ISLNK(lb.st_mode)) {
        char t[PATH_MAX];
        ssize_t k = readlink(path, t, sizeof t - 1);
        if (k < 0)
            return -1;
        t[k] = 0;
        XXH3_128bits_update(w->xx, t, (size_t)k + 1);
        if (stat(path, &sb) != 0)
            return 0;       /* dangling: its text is all there is */
        sig_stat(w, "t", rel, &sb);
    }
    if (S_ISDIR(sb.st_mode))
        return sig_dir(w, path, rel);
    return 0;
}

static int sig_dir(sigwalk_t *w, const char *path, const char *rel)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return -1;
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == sb.st_dev && w->stack[i].ino == sb.st_ino)
            return 0;
    if (w->depth == sizeof w->stack / sizeof w->stack[0])
        return -1;
    w->stack[w->depth].dev = sb.st_dev;
    w->stack[w->depth].ino = sb.st_ino;
    w->depth++;
    size_t n;
    char **names = list_dir(path, &n);
    int rc = names ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0 && names; i++) {
        size_t lp = strlen(path), lr = strlen(rel), ln = strlen(names[i]);
        char *cp = malloc(lp + ln + 2), *cr = malloc(lr + ln + 2);
        if (!cp || !cr) {
            rc = -1;
        } else {
            snprintf(cp, lp + ln + 2, "%s/%s", path, names[i]);
            snprintf(cr, lr + ln + 2, "%s%s%s", rel, lr ? "/" : "", names[i]);
            rc = sig_entry(w, cp, cr);
        }
        free(cp);
        free(cr);
    }
    if (names)
        free_list(names, n);
    w->depth--;
    return rc;
}

/* The signature of the tree at path: 0 and sig (32 hex), racy set when an entry is too
 * recent to be trusted; -1 when the tree cannot be walked (the fingerprint reports). */
static int tree_signature(const char *path, int64_t racy_after, char sig[33], int *racy)
{
    sigwalk_t w;
    memset(&w, 0, sizeof w);
    w.racy_after = racy_after;
    w.xx = XXH3_createState();
    if (!w.xx)
        return -1;
    XXH3_128bits_reset(w.xx);
    int rc = sig_entry(&w, path, "");
    XXH128_hash_t h = XXH3_128bits_digest(w.xx);
    XXH3_freeState(w.xx);
    if (rc)
        return -1;
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, h);
    lc_hex(c.digest, 16, sig);
    *racy = w.racy;
    return 0;
}

static void options_key(lc_hash_profile_t p, const char *abs, const lc_asset_options_t *o,
                        char key[33])
{
    XXH3_state_t *xx = XXH3_createState();
    if (!xx) {
        key[0] = 0;
        return;
    }
    XXH3_128bits_reset(xx);
    char head[64];
    int n = snprintf(head, sizeof head, "v1 %d %d %d", (int)p, o ? (int)o->ignore_mode : 0,
                     o ? o->follow : 0);
    XXH3_128bits_update(xx, head, (size_t)n + 1);
    XXH3_128bits_update(xx, abs, strlen(abs) + 1);
    const char *extra = o && o->extra_hash ? o->extra_hash : "";
    XXH3_128bits_update(xx, extra, strlen(extra) + 1);
    for (size_t i = 0; o && i < o->exclude.n; i++)
        XXH3_128bits_update(xx, o->exclude.items[i], strlen(o->exclude.items[i]) + 1);
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(xx));
    XXH3_freeState(xx);
    lc_hex(c.digest, 16, key);
}

int lc_asset_fingerprint_cached(lc_app_t *app, const char *path, const lc_asset_options_t *o,
                                char out[65], char *err, size_t errlen)
{
    struct lc_assembly_state *as = lc__assembly_state(app);
    if (!path || !out)
        return lc_asset_fingerprint(path, o, app->profile, out, err, errlen);
    char key[33];
    options_key(app->profile, abs_path(app->arena, path), o, key);
    lc_fp_cache_entry_t *hit = NULL;
    for (size_t i = 0; key[0] && i < as->nfp; i++)
        if (strcmp(as->fp[i].key, key) == 0)
            hit = &as->fp[i];
    if (hit && hit->used) {          /* already fingerprinted (or verified) in this run */
        memcpy(out, hit->hash, strlen(hit->hash) + 1);
        as->stats.cached++;
        return 0;
    }
    char sig[33] = "";
    int racy = 1;
    if (as->outdir_abs && key[0] &&
        tree_signature(path, as->start_ns - RACY_NS, sig, &racy) == 0 && hit &&
        strcmp(hit->sig, sig) == 0) {
        hit->used = 1;
        memcpy(out, hit->hash, strlen(hit->hash) + 1);
        as->stats.cached++;
        return 0;
    }
    int rc = lc_asset_fingerprint(path, o, app->profile, out, err, errlen);
    if (rc == 0)
        as->stats.fingerprinted++;
    if (rc || !key[0])
        return rc;
    if (!hit) {
        as->fp = grow(app->arena, as->fp, as->nfp, &as->capfp, sizeof *as->fp);
        hit = &as->fp[as->nfp++];
        memset(hit, 0, sizeof *hit);
        memcpy(hit->key, key, 33);
    }
    hit->used = 1;
    hit->from_file = 0;
    snprintf(hit->hash, sizeof hit->hash, "%s", out);
    /* an empty signature keeps the entry out of the cache file (racy or unknown) */
    snprintf(hit->sig, sizeof hit->sig, "%s", (sig[0] && !racy) ? sig : "");
    return 0;
}

/* ---- the registry --------------------------------------------------------------------- */

static const char *const archive_ext[] = { ".tar.gz", ".zip", ".jar", ".tar", ".tgz" };

/* CDK's getExtension: a known archive extension (case-insensitive), else extname. */
static const char *cdk_extname(const char *p)
{
    const char *base = strrchr(p, '/');
    base = base ? base + 1 : p;
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof archive_ext / sizeof *archive_ext; i++) {
        size_t k = strlen(archive_ext[i]);
        if (n >= k && strcasecmp(base + n - k, archive_ext[i]) == 0)
            return base + n - k;
    }
    /* Node's path.extname: from the last '.', unless that dot starts the name */
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return "";
    return dot;
}

/* Node's path.extname of a staged name "asset.<hash><ext>". */
static const char *node_extname(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && dot != name ? dot : "";
}

static void set_md(lc_app_t *app, lc_resource_t *r, const char *key, const lc_value_t *v)
{
    if (!r || !v)
        return;
    if (!r->metadata)
        r->metadata = lc_v_obj(app->arena);
    lc_obj_set(app->arena, r->metadata, key, v);
}

static int stage_zip(lc_app_t *app, lc_file_asset_rec_t *rec, const char *dst);

static void add_virtual(lc_stack_t *st, lc_stack_assets_t *sa, lc_resource_t *consumer, int image)
{
    if (!consumer || !consumer->node || !consumer->node->parent)
        return;
    sa->virt = grow(st->app->arena, sa->virt, sa->nvirt, &sa->capvirt, sizeof *sa->virt);
    sa->virt[sa->nvirt].owner = consumer->node->parent;
    sa->virt[sa->nvirt].image = image;
    sa->nvirt++;
}

const char *lc_stack_add_file_asset(lc_stack_t *st, const lc_file_asset_spec_t *spec,
                                    lc_resource_t *consumer, const char *property)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    struct lc_assembly_state *as = lc__assembly_state(app);
    lc_stack_assets_t *sa = lc__stack_assets(st);
    lc_file_asset_rec_t *rec = NULL;
    for (size_t i = 0; i < sa->nfiles; i++)
        if (strcmp(sa->files[i]->spec.hash, spec->hash) == 0)
            rec = sa->files[i];
    if (!rec) {
        rec = lc_xalloc(a, sizeof *rec);
        rec->spec = *spec;
        rec->spec.hash = lc_strdup(a, spec->hash);
        rec->spec.source = lc_strdup(a, spec->source);
        rec->spec.display_name = lc_strdup(a, spec->display_name);
        rec->abs_source = abs_path(a, spec->source);
        if (spec->packaging == LC_ASSET_ZIP_DIRECTORY) {
            rec->object_key = lc_sprintf(a, "%s.zip", spec->hash);
            if (as->opts.package) {
                rec->zip = 1;
                rec->staged = lc_sprintf(a, "asset.%s.zip", spec->hash);
                rec->manifest_packaging = LC_ASSET_FILE;
            } else {
                rec->staged = lc_sprintf(a, "asset.%s", spec->hash);
                rec->manifest_packaging = LC_ASSET_ZIP_DIRECTORY;
            }
        } else {
            rec->staged = lc_sprintf(a, "asset.%s%s", spec->hash, cdk_extname(spec->source));
            rec->object_key = lc_sprintf(a, "%s%s", spec->hash, node_extname(rec->staged));
            rec->manifest_packaging = LC_ASSET_FILE;
        }
        sa->files = grow(a, sa->files, sa->nfiles, &sa->capfiles, sizeof *sa->files);
        sa->files[sa->nfiles++] = rec;
        /* --package zips right away, so that the archive's SHA-256 (Lambda's CodeSha256)
         * is known while the stack renders (lc_stack_asset_zip_sha256) */
        if (rec->zip && app->outdir) {
            if (mkdir(app->outdir, 0777) != 0 && errno != EEXIST)
                lc_error(app, consumer ? consumer->node : st->root, "AssetStaging",
                         "cannot create %s: %s", app->outdir, strerror(errno));
            else if (stage_zip(app, rec, lc_sprintf(a, "%s/%s", app->outdir, rec->staged)) != 0)
                lc_error(app, consumer ? consumer->node : st->root, "AssetStaging",
                         "cannot zip asset '%s'", spec->source);
        }
    }
    add_virtual(st, sa, consumer, 0);
    if (app->asset_metadata && consumer) {
        set_md(app, consumer, "aws:asset:path", lc_v_str(a, rec->staged));
        set_md(app, consumer, "aws:asset:is-bundled", lc_v_bool(a, spec->bundled));
        set_md(app, consumer, "aws:asset:property", lc_v_str(a, property));
    }
    return rec->staged;
}

const char *lc_stack_add_image_asset(lc_stack_t *st, const lc_image_asset_spec_t *spec,
                                     lc_resource_t *consumer, const char *property)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_stack_assets_t *sa = lc__stack_assets(st);
    lc_image_asset_rec_t *rec = NULL;
    for (size_t i = 0; i < sa->nimages; i++)
        if (strcmp(sa->images[i]->spec.hash, spec->hash) == 0)
            rec = sa->images[i];
    if (!rec) {
        rec = lc_xalloc(a, sizeof *rec);
        rec->spec = *spec;
        rec->spec.hash = lc_strdup(a, spec->hash);
        rec->spec.directory = lc_strdup(a, spec->directory);
        rec->spec.display_name = lc_strdup(a, spec->display_name);
        rec->abs_directory = abs_path(a, spec->directory);
        rec->staged = lc_sprintf(a, "asset.%s", spec->hash);
        sa->images = grow(a, sa->images, sa->nimages, &sa->capimages, sizeof *sa->images);
        sa->images[sa->nimages++] = rec;
    }
    add_virtual(st, sa, consumer, 1);
    if (app->asset_metadata && consumer) {
        set_md(app, consumer, "aws:asset:path", lc_v_str(a, rec->staged));
        set_md(app, consumer, "aws:asset:dockerfile-path",
               lc_v_str(a, spec->file ? spec->file : "Dockerfile"));
        if (spec->build_args && spec->build_args->n) {
            lc_value_t *ba = lc_v_obj(a);
            for (size_t i = 0; i < spec->build_args->n; i++)
                lc_obj_set(a, ba, spec->build_args->items[i].key,
                           lc_v_str(a, spec->build_args->items[i].value));
            set_md(app, consumer, "aws:asset:docker-build-args", ba);
        }
        if (spec->target)
            set_md(app, consumer, "aws:asset:docker-build-target", lc_v_str(a, spec->target));
        set_md(app, consumer, "aws:asset:property", lc_v_str(a, property));
        if (spec->outputs && spec->outputs->n) {
            lc_value_t *arr = lc_v_arr(a);
            for (size_t i = 0; i < spec->outputs->n; i++)
                lc_arr_push(a, arr, lc_v_str(a, spec->outputs->items[i]));
            set_md(app, consumer, "aws:asset:docker-outputs", arr);
        }
    }
    return rec->staged;
}

const char *lc_stack_asset_zip_sha256(lc_stack_t *st, const char *hash)
{
    lc_stack_assets_t *sa = lc__stack_assets(st);
    for (size_t i = 0; i < sa->nfiles; i++)
        if (strcmp(sa->files[i]->spec.hash, hash) == 0 && sa->files[i]->zip_sha256[0])
            return sa->files[i]->zip_sha256;
    return NULL;
}

/* ---- staging ----------------------------------------------------------------------------- */

int lc__sha256_file(const char *path, char out[65])
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return LC_E_IO;
    lc_sha256_ctx_t c;
    lc_sha256_init(&c);
    unsigned char *b = malloc(1 << 18);
    if (!b) {
        close(fd);
        return LC_E_NOMEM;
    }
    ssize_t r;
    while ((r = read(fd, b, 1 << 18)) != 0) {
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(b);
            close(fd);
            return LC_E_IO;
        }
        lc_sha256_update(&c, b, (size_t)r);
    }
    free(b);
    close(fd);
    unsigned char d[32];
    lc_sha256_final(&c, d);
    lc_hex(d, 32, out);
    return 0;
}

static int rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(p);
}

static void rm_rf(const char *p)
{
    nftw(p, rm_cb, 32, FTW_DEPTH | FTW_PHYS);
}

/* Temporaries ("<name>.tmp.<pid>") that a killed or interrupted earlier run left in the
 * output directory: never part of the assembly, and a series of interrupted runs must
 * not fill the disk with them (t/72-interrupt.sh).  Only those whose process is gone are
 * removed: a live pid may be another run writing into the same directory. */
static void sweep_stale_tmp(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return;
    while ((de = readdir(d)) != NULL) {
        const char *t = NULL, *q = de->d_name;
        while ((q = strstr(q, ".tmp.")) != NULL)
            t = q++;
        if (!t || !t[5] || strspn(t + 5, "0123456789") != strlen(t + 5))
            continue;
        long pid = strtol(t + 5, NULL, 10);
        if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(n);
        if (p) {
            snprintf(p, n, "%s/%s", dir, de->d_name);
            rm_rf(p);
            free(p);
        }
    }
    closedir(d);
}

typedef struct copier {
    const char *argv0;
    const lc_ignore_t *ig;
    int follow;                     /* lc_symlink_follow_t */
    char *canon_root;               /* realpath of the source root */
    struct stat outdir;             /* never copied into itself */
    int have_outdir;
    struct { dev_t dev; ino_t ino; } stack[128];
    size_t depth;
} copier_t;

static int copy_file(copier_t *c, const char *src, const char *dst, mode_t mode)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        fprintf(stderr, "%s: cannot read %s: %s\n", c->argv0, src, strerror(errno));
        return LC_E_IO;
    }
    int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        fprintf(stderr, "%s: cannot create %s: %s\n", c->argv0, dst, strerror(errno));
        close(in);
        return LC_E_IO;
    }
    char *buf = malloc(1 << 17);
    int rc = buf ? 0 : LC_E_NOMEM;
    while (!rc) {
        ssize_t r = read(in, buf, 1 << 17);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "%s: cannot read %s: %s\n", c->argv0, src, strerror(errno));
            rc = LC_E_IO;
            break;
        }
        if (r == 0)
            break;
        for (ssize_t off = 0; off < r;) {
            ssize_t w = write(out, buf + off, (size_t)(r - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                fprintf(stderr, "%s: cannot write %s: %s\n", c->argv0, dst, strerror(errno));
                rc = LC_E_IO;
                break;
            }
            off += w;
        }
        if (rc)
            break;
    }
    free(buf);
    /* CDK's copyFileSync keeps the permission bits (not the times) */
    if (!rc && fchmod(out, mode & 07777) != 0)
        rc = LC_E_IO;
    if (close(out) != 0 && !rc) {
        fprintf(stderr, "%s: cannot write %s: %s\n", c->argv0, dst, strerror(errno));
        rc = LC_E_IO;
    }
    close(in);
    return rc;
}

static int internal_path(const copier_t *c, const char *real)
{
    size_t n = strlen(c->canon_root);
    return strncmp(real, c->canon_root, n) == 0 && (real[n] == '/' || real[n] == 0);
}

/* Split a relative path into components (in place); returns their number. */
static size_t split_rel(char *s, char **comp, size_t max)
{
    size_t n = 0;
    char *save = NULL;
    for (char *p = strtok_r(s, "/", &save); p && n < max; p = strtok_r(NULL, "/", &save))
        comp[n++] = p;
    return n;
}

/* Node's path.relative(from_dir, to) for two paths relative to the asset root ("" is
 * the root): the text of an internal link re-created in the copy. */
static char *relative_link(const char *from_dir, const char *to)
{
    char *f = strdup(from_dir), *t = strdup(to);
    char *fc[256], *tc[256];
    char *s = NULL;
    if (f && t) {
        size_t nf = split_rel(f, fc, 256), nt = split_rel(t, tc, 256), k = 0;
        while (k < nf && k < nt && strcmp(fc[k], tc[k]) == 0)
            k++;
        size_t len = 3 * (nf - k) + strlen(to) + 2;
        s = malloc(len);
        if (s) {
            s[0] = 0;
            for (size_t i = k; i < nf; i++)
                strcat(s, i + 1 < nf || k < nt ? "../" : "..");
            for (size_t i = k; i < nt; i++) {
                strcat(s, tc[i]);
                if (i + 1 < nt)
                    strcat(s, "/");
            }
            if (!s[0])
                strcpy(s, ".");
        }
    }
    free(f);
    free(t);
    return s;
}

static int copy_dir(copier_t *c, const char *src, const char *dst, const char *rel);

static int copy_entry(copier_t *c, const char *src, const char *dst, const char *rel,
                      const char *dir_rel)
{
    struct stat lb;
    if (lstat(src, &lb) != 0) {
        fprintf(stderr, "%s: cannot read %s: %s\n", c->argv0, src, strerror(errno));
        return LC_E_IO;
    }
    if (S_ISLNK(lb.st_mode)) {
        char real[PATH_MAX];
        int exists = realpath(src, real) != NULL;
        int internal = exists && internal_path(c, real);
        int follow = exists && (c->follow == LC_FOLLOW_ALWAYS ||
                                (c->follow == LC_FOLLOW_EXTERNAL && !internal) ||
                                (c->follow == LC_FOLLOW_BLOCK_EXTERNAL && internal));
        if (follow) {
            struct stat sb;
            if (stat(src, &sb) != 0)
                return LC_E_IO;
            if (S_ISDIR(sb.st_mode)) {
                if (c->ig && lc_ignore_match(c->ig, rel, 1))
                    return 0;
                if (mkdir(dst, 0777) != 0) {
                    fprintf(stderr, "%s: cannot create %s: %s\n", c->argv0, dst, strerror(errno));
                    return LC_E_IO;
                }
                return copy_dir(c, real, dst, rel);
            }
            if (c->ig && lc_ignore_match(c->ig, rel, 0))
                return 0;
            return S_ISREG(sb.st_mode) ? copy_file(c, real, dst, sb.st_mode) : 0;
        }
        if (c->ig && lc_ignore_match(c->ig, rel, 0))
            return 0;
        if (c->follow == LC_FOLLOW_BLOCK_EXTERNAL && exists && !internal) {
            fprintf(stderr, "%s: %s is an external symbolic link, which follow mode "
                            "internal-only forbids\n", c->argv0, src);
            return LC_E_IO;
        }
        char text[PATH_MAX];
        ssize_t k = readlink(src, text, sizeof text - 1);
        if (k < 0)
            return LC_E_IO;
        text[k] = 0;
        char *link = NULL;
        if (internal) {
            /* CDK re-targets an internal link at the copy: relative from the link's dir */
            const char *to = real + strlen(c->canon_root);
            if (*to == '/')
                to++;
            link = relative_link(dir_rel, to);
        }
        int rc = symlink(link ? link : text, dst);
        free(link);
        if (rc != 0) {
            fprintf(stderr, "%s: cannot create %s: %s\n", c->argv0, dst, strerror(errno));
            return LC_E_IO;
        }
        return 0;
    }
    if (S_ISDIR(lb.st_mode)) {
        if (c->have_outdir && lb.st_dev == c->outdir.st_dev && lb.st_ino == c->outdir.st_ino)
            return 0;   /* the output directory inside the asset: never copy it into itself */
        if (c->ig && lc_ignore_match(c->ig, rel, 1))
            return 0;
        if (mkdir(dst, 0777) != 0) {
            fprintf(stderr, "%s: cannot create %s: %s\n", c->argv0, dst, strerror(errno));
            return LC_E_IO;
        }
        return copy_dir(c, src, dst, rel);
    }
    if (S_ISREG(lb.st_mode)) {
        if (c->ig && lc_ignore_match(c->ig, rel, 0))
            return 0;
        return copy_file(c, src, dst, lb.st_mode);
    }
    return 0;   /* sockets, FIFOs, devices: CDK's walk skips them too */
}

static int copy_dir(copier_t *c, const char *src, const char *dst, const char *rel)
{
    struct stat sb;
    if (stat(src, &sb) != 0)
        return LC_E_IO;
    for (size_t i = 0; i < c->depth; i++)
        if (c->stack[i].dev == sb.st_dev && c->stack[i].ino == sb.st_ino)
            return 0;   /* a followed link back into an enclosing directory */
    if (c->depth == sizeof c->stack / sizeof c->stack[0]) {
        fprintf(stderr, "%s: %s: directories nested too deeply\n", c->argv0, src);
        return LC_E_RANGE;
    }
    c->stack[c->depth].dev = sb.st_dev;
    c->stack[c->depth].ino = sb.st_ino;
    c->depth++;
    size_t n;
    char **names = list_dir(src, &n);
    if (!names) {
        fprintf(stderr, "%s: cannot read %s: %s\n", c->argv0, src, strerror(errno));
        c->depth--;
        return LC_E_IO;
    }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        size_t ls = strlen(src), ld = strlen(dst), lr = strlen(rel), ln = strlen(names[i]);
        char *cs = malloc(ls + ln + 2), *cd = malloc(ld + ln + 2), *cr = malloc(lr + ln + 2);
        if (!cs || !cd || !cr) {
            rc = LC_E_NOMEM;
        } else {
            snprintf(cs, ls + ln + 2, "%s/%s", src, names[i]);
            snprintf(cd, ld + ln + 2, "%s/%s", dst, names[i]);
            snprintf(cr, lr + ln + 2, "%s%s%s", rel, lr ? "/" : "", names[i]);
            rc = copy_entry(c, cs, cd, cr, rel);
        }
        free(cs);
        free(cd);
        free(cr);
    }
    free_list(names, n);
    c->depth--;
    return rc;
}

static int exists(const char *p)
{
    struct stat sb;
    return lstat(p, &sb) == 0;
}

/* Copy directory `src` to `dst` (which does not exist) through dst.tmp.<pid>. */
static int stage_directory(lc_app_t *app, const char *src, const char *dst,
                           const lc_asset_options_t *o)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", dst, (long)getpid());
    rm_rf(tmp);
    copier_t c;
    memset(&c, 0, sizeof c);
    c.argv0 = app->argv0 ? app->argv0 : "lambdac";
    c.follow = o ? o->follow : LC_FOLLOW_EXTERNAL;
    lc_ignore_t *ig = NULL;
    if (o && o->exclude.n) {
        ig = lc_ignore_new(&o->exclude, o->ignore_mode);
        if (!ig)
            return LC_E_NOMEM;
    }
    c.ig = ig;
    c.canon_root = realpath(src, NULL);
    if (!c.canon_root) {
        fprintf(stderr, "%s: cannot read %s: %s\n", c.argv0, src, strerror(errno));
        lc_ignore_free(ig);
        return LC_E_NOTFOUND;
    }
    if (app->outdir && stat(app->outdir, &c.outdir) == 0)
        c.have_outdir = 1;
    int rc = 0;
    if (mkdir(tmp, 0777) != 0) {
        fprintf(stderr, "%s: cannot create %s: %s\n", c.argv0, tmp, strerror(errno));
        rc = LC_E_IO;
    } else {
        rc = copy_dir(&c, src, tmp, "");
    }
    if (!rc && rename(tmp, dst) != 0) {
        if (errno == ENOTEMPTY || errno == EEXIST)
            rc = 0;     /* someone staged the same content meanwhile */
        else {
            fprintf(stderr, "%s: cannot rename %s to %s: %s\n", c.argv0, tmp, dst,
                    strerror(errno));
            rc = LC_E_IO;
        }
    }
    if (exists(tmp))
        rm_rf(tmp);
    free(c.canon_root);
    lc_ignore_free(ig);
    return rc;
}

static int stage_file(lc_app_t *app, const char *src, const char *dst)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", dst, (long)getpid());
    unlink(tmp);
    copier_t c;
    memset(&c, 0, sizeof c);
    c.argv0 = app->argv0 ? app->argv0 : "lambdac";
    struct stat sb;
    if (stat(src, &sb) != 0) {
        fprintf(stderr, "%s: cannot read %s: %s\n", c.argv0, src, strerror(errno));
        return LC_E_NOTFOUND;
    }
    int rc = copy_file(&c, src, tmp, sb.st_mode);
    if (!rc && rename(tmp, dst) != 0) {
        fprintf(stderr, "%s: cannot rename %s to %s: %s\n", c.argv0, tmp, dst, strerror(errno));
        rc = LC_E_IO;
    }
    if (rc)
        unlink(tmp);
    return rc;
}

static void file_sig(const struct stat *sb, char sig[33])
{
    struct {
        uint64_t size, mtime, ino, dev;
    } rec = { (uint64_t)sb->st_size, (uint64_t)ts_ns(&sb->st_mtim), (uint64_t)sb->st_ino,
              (uint64_t)sb->st_dev };
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits(&rec, sizeof rec));
    lc_hex(c.digest, 16, sig);
}

/* The zip of a directory asset: made when missing; its SHA-256 from the cache when the
 * zip file is the one the cache saw, else read back. */
static int stage_zip(lc_app_t *app, lc_file_asset_rec_t *rec, const char *dst)
{
    struct lc_assembly_state *as = lc__assembly_state(app);
    const char *argv0 = app->argv0 ? app->argv0 : "lambdac";
    struct stat sb;
    char sha[65] = "";
    if (stat(dst, &sb) == 0) {
        char sig[33];
        file_sig(&sb, sig);
        for (size_t i = 0; i < as->nzc; i++)
            if (strcmp(as->zc[i].hash, rec->spec.hash) == 0 && strcmp(as->zc[i].sig, sig) == 0) {
                as->zc[i].used = 1;
                memcpy(rec->zip_sha256, as->zc[i].sha, 65);
                as->stats.present++;
                return 0;
            }
        if (lc__sha256_file(dst, sha) != 0) {
            fprintf(stderr, "%s: cannot read %s\n", argv0, dst);
            return LC_E_IO;
        }
        as->stats.present++;
    } else {
        char err[512];
        lc_zip_options_t zo = { .filter = rec->spec.copy, .progress = as->opts.progress,
                                .label = rec->staged, .skip_dir = app->outdir };
        int rc = lc_zip_dir(rec->abs_source, &zo, dst, sha, err, sizeof err);
        if (rc) {
            fprintf(stderr, "%s: cannot zip asset %s: %s\n", argv0, rec->spec.source, err);
            return rc;
        }
        if (stat(dst, &sb) != 0)
            return LC_E_IO;
        as->stats.zipped++;
    }
    memcpy(rec->zip_sha256, sha, 65);
    lc_zip_cache_entry_t *e = NULL;
    for (size_t i = 0; i < as->nzc; i++)
        if (strcmp(as->zc[i].hash, rec->spec.hash) == 0)
            e = &as->zc[i];
    if (!e) {
        as->zc = grow(app->arena, as->zc, as->nzc, &as->capzc, sizeof *as->zc);
        e = &as->zc[as->nzc++];
        memset(e, 0, sizeof *e);
        snprintf(e->hash, sizeof e->hash, "%s", rec->spec.hash);
    }
    file_sig(&sb, e->sig);
    memcpy(e->sha, sha, 65);
    e->used = 1;
    return 0;
}

int lc__stage_assets(lc_app_t *app)
{
    struct lc_assembly_state *as = lc__assembly_state(app);
    lc_arena_t *a = app->arena;
    for (lc_stack_assets_t *sa = as->stacks; sa; sa = sa->next) {
        for (size_t i = 0; i < sa->nfiles; i++) {
            lc_file_asset_rec_t *rec = sa->files[i];
            const char *dst = lc_sprintf(a, "%s/%s", app->outdir, rec->staged);
            int rc = 0;
            if (rec->zip && rec->zip_sha256[0])
                continue;       /* zipped when registered */
            if (rec->zip)
                rc = stage_zip(app, rec, dst);
            else if (exists(dst)) {
                as->stats.present++;
                continue;
            } else if (rec->spec.packaging == LC_ASSET_ZIP_DIRECTORY)
                rc = stage_directory(app, rec->abs_source, dst, rec->spec.copy);
            else
                rc = stage_file(app, rec->abs_source, dst);
            if (rc)
                return rc;
            if (!rec->zip)
                as->stats.staged++;
        }
        for (size_t i = 0; i < sa->nimages; i++) {
            lc_image_asset_rec_t *rec = sa->images[i];
            const char *dst = lc_sprintf(a, "%s/%s", app->outdir, rec->staged);
            if (exists(dst)) {
                as->stats.present++;
                continue;
            }
            int rc = stage_directory(app, rec->abs_directory, dst, rec->spec.copy);
            if (rc)
                return rc;
            as->stats.staged++;
        }
    }
    return 0;
}
