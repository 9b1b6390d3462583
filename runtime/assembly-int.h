/* assembly-int.h - state shared by assembly.c (the writer) and staging.c (the asset
 * registry, the fingerprint cache and staging).  Not installed. */
#ifndef LAMBDAC_ASSEMBLY_INT_H
#define LAMBDAC_ASSEMBLY_INT_H

#include <stdint.h>
#include <lambdac/assembly.h>

/* A registered file asset. */
typedef struct lc_file_asset_rec {
    lc_file_asset_spec_t spec;      /* strings and options owned by the arena / decls */
    const char *abs_source;         /* absolute source path (staging runs later) */
    const char *staged;             /* "asset.<hash>[.ext]" (".zip" when packaged) */
    const char *object_key;         /* "<hash>.zip" / "<hash><extname>" */
    int manifest_packaging;         /* what assets.json says: zip (a directory) or file */
    int zip;                        /* 1: the writer zips the directory (--package) */
    char zip_sha256[65];            /* when zipped */
} lc_file_asset_rec_t;

/* A registered Docker image asset. */
typedef struct lc_image_asset_rec {
    lc_image_asset_spec_t spec;
    const char *abs_directory;
    const char *staged;             /* "asset.<hash>" */
} lc_image_asset_rec_t;

typedef struct lc_stack_assets {
    lc_stack_t *st;
    lc_file_asset_rec_t **files;
    size_t nfiles, capfiles;
    lc_image_asset_rec_t **images;
    size_t nimages, capimages;
    /* the Asset / DockerImageAsset constructs CDK creates under the consuming
     * construct ("Code", "AssetImage"): not resources, only shown in tree.json */
    struct { lc_node_t *owner; int image; } *virt;
    size_t nvirt, capvirt;
    struct lc_stack_assets *next;
} lc_stack_assets_t;

/* One fingerprint cache line: key (path + options + profile) and tree signature. */
typedef struct lc_fp_cache_entry {
    char key[33];
    char sig[33];
    char hash[65];
    int used;                       /* looked up (or computed) in this run */
    int from_file;
} lc_fp_cache_entry_t;

typedef struct lc_zip_cache_entry {
    char hash[65];                  /* asset hash */
    char sig[33];                   /* signature of the zip file (size, mtime, inode) */
    char sha[65];
    int used;
} lc_zip_cache_entry_t;

struct lc_assembly_state {
    lc_assembly_options_t opts;
    lc_stack_assets_t *stacks, *last;
    lc_fp_cache_entry_t *fp;
    size_t nfp, capfp;
    lc_zip_cache_entry_t *zc;
    size_t nzc, capzc;
    int64_t start_ns;               /* wall clock at setup, for the racy-entry rule */
    struct {
        unsigned fingerprinted, cached, staged, present, zipped;
    } stats;                        /* for --verbose */
    const char *outdir_abs;         /* NULL without --output */
};

/* The app's state (created with defaults on first use). */
struct lc_assembly_state *lc__assembly_state(lc_app_t *app);
/* The registry of a stack (created on first use). */
lc_stack_assets_t *lc__stack_assets(lc_stack_t *st);

/* Stage every asset of every stack into app->outdir (copies, zips); prints messages to
 * stderr.  Returns 0 or an LC_E_* code. */
int lc__stage_assets(lc_app_t *app);
/* Serialize the cache file content into s (used entries first). */
void lc__cache_serialize(struct lc_assembly_state *as, lc_sink_t *s);
/* SHA-256 hex of a file's bytes; 0 or LC_E_*. */
int lc__sha256_file(const char *path, char out[65]);

#define LC_ASSET_CACHE_FILE ".lambdac-asset-cache"

#endif
