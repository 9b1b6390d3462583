/* lambdac/assembly.h - the cloud assembly (--output DIR) and the assets it stages.
 *
 * What `--output DIR` writes, as aws-cdk-lib 2.276.0's DefaultStackSynthesizer does
 * (oracle FACTS (e)):
 *   manifest.json            schema 55.0.0: per stack an asset-manifest artifact
 *                            "<Stack>.assets" and a stack artifact "<Stack>", then
 *                            "Tree" and the feature-flag report
 *   <Stack>.template.json    the template (also published as a file asset: its hash is
 *                            the SHA-256 of these bytes, key "<hash>.json")
 *   <Stack>.assets.json      files{} and dockerImages{} with their bootstrap destinations
 *   <Stack>.metadata.json    aws:cdk:logicalId of every construct path
 *   tree.json, cdk.out       the construct tree; the assembly version marker
 *   asset.<hash>/            a directory asset (copied once: skipped when it exists)
 *   asset.<hash><ext>        a file asset; with --package, a directory asset zipped
 *                            deterministically (lambdac/zip.h), published as a file
 * Every file is written to a temporary name first; the names are switched (rename) only
 * when every file has been written, manifest.json last, so a failing run leaves the
 * previous assembly as it was.
 *
 * Assets are registered per stack while declarations expand (code.c for Code.fromAsset,
 * docker.c for image assets): the registry gives the staged name for the resource's
 * `aws:asset:*` metadata and is what the writer stages and lists in assets.json.
 */
#ifndef LAMBDAC_ASSEMBLY_H
#define LAMBDAC_ASSEMBLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <lambdac/asset.h>
#include <lambdac/construct.h>
#include <lambdac/lambda.h>
#include <lambdac/writer.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- options of a run -------------------------------------------------------------- */
typedef struct lc_assembly_options {
    bool package;             /* --package: zip directory assets at synthesis */
    int progress;             /* progress bar while zipping: -1 auto, 0 never, 1 always */
    bool new_project_flags;   /* the feature-flag report shows the new-project values */
} lc_assembly_options_t;

/* Attach the options to the app before any stack is added (the registry needs them to
 * name staged assets).  Loads the asset cache of app->outdir when there is one.  Safe
 * to skip: an app without it stages nothing special and caches in memory only. */
void lc_assembly_setup(lc_app_t *app, const lc_assembly_options_t *o);

/* ---- the asset registry ------------------------------------------------------------- */
enum { LC_ASSET_ZIP_DIRECTORY = 1, LC_ASSET_FILE = 2 };

typedef struct lc_file_asset_spec {
    const char *source;                 /* directory or file (relative to the cwd) */
    const char *hash;                   /* the asset hash (profile's fingerprint) */
    int packaging;                      /* LC_ASSET_ZIP_DIRECTORY or LC_ASSET_FILE */
    const lc_asset_options_t *copy;     /* exclude patterns used when staging (or NULL) */
    const char *display_name;           /* "MyFunction/Code" */
    bool bundled;                       /* aws:asset:is-bundled (set by the bundler) */
} lc_file_asset_spec_t;

/* Register a file asset of stack st, consumed by resource `consumer` through property
 * `property` ("Code", "Content"); with app->asset_metadata set, adds aws:asset:path,
 * aws:asset:is-bundled and aws:asset:property to the consumer's metadata.  An asset
 * whose hash is already registered in the stack is listed once (the first display name
 * stays, as in CDK).  Returns the staged name relative to the output directory
 * ("asset.<hash>", "asset.<hash>.zip", "asset.<hash>.jar", ...), arena-owned. */
const char *lc_stack_add_file_asset(lc_stack_t *st, const lc_file_asset_spec_t *spec,
                                    lc_resource_t *consumer, const char *property);

/* Code.fromAsset(source, {bundling}) (see lambdac/docker.h): computes CDK's asset hash
 * for bundled code (source fingerprint + JSON of the options), bundles into
 * app->outdir/asset.<hash>/ when there is an output directory and the bundle is not
 * there yet, and registers the result like lc_stack_add_file_asset (is-bundled true).
 * Writes the hash to hash_out and the S3 key extension (".zip", or the archive's own
 * extension when the bundle is a single archive) to *object_ext.  Returns 0, or a
 * negative LC_E_* after reporting the error against the consumer's node. */
struct lc_bundling;
int lc_stack_add_bundled_asset(lc_stack_t *st, const lc_file_asset_spec_t *spec,
                               const struct lc_bundling *bundling, lc_resource_t *consumer,
                               const char *property, char hash_out[65],
                               const char **object_ext);

typedef struct lc_image_asset_spec {
    const char *directory;              /* build context (relative to the cwd) */
    const char *hash;
    const char *display_name;           /* "MyFunction/AssetImage" */
    const char *file;                   /* Dockerfile name relative to directory, or NULL */
    const lc_kv_list_t *build_args;     /* NULL or empty: none */
    const char *target;
    const char *platform;               /* "linux/arm64", ... or NULL */
    const char *network_mode;
    const lc_str_list_t *outputs;
    const lc_asset_options_t *copy;     /* exclude patterns used when staging */
} lc_image_asset_spec_t;

/* Register a Docker image asset; metadata as CDK's DockerImageAsset.addResourceMetadata
 * (aws:asset:path, aws:asset:dockerfile-path, build args/target, aws:asset:property).
 * Returns the staged directory name "asset.<hash>". */
const char *lc_stack_add_image_asset(lc_stack_t *st, const lc_image_asset_spec_t *spec,
                                     lc_resource_t *consumer, const char *property);

/* lc_asset_fingerprint() with the run's cache: the same path and options fingerprint
 * once per run, and with an output directory the hash is remembered across runs in
 * DIR/.lambdac-asset-cache, keyed by the tree's metadata (path, type, size, mtime,
 * inode, mode, link target of every entry): an unchanged tree is not read again.
 * Entries modified within the last two seconds are never trusted (their mtime may not
 * have ticked yet).  Same contract as lc_asset_fingerprint otherwise. */
int lc_asset_fingerprint_cached(lc_app_t *app, const char *path, const lc_asset_options_t *o,
                                char out[65], char *err, size_t errlen);

/* SHA-256 (hex) of the deterministic zip of a registered directory asset of st (the
 * hash is the asset hash).  Under --package the zip is made as soon as the asset is
 * registered, so this is known while the stack renders (base64 of it is Lambda's
 * CodeSha256, see lc_code_sha256_from_hex); NULL without --package or an outdir. */
const char *lc_stack_asset_zip_sha256(lc_stack_t *st, const char *hash);

/* ---- writing ------------------------------------------------------------------------- */
/* Write the cloud assembly of every stack of `app` into app->outdir (created when
 * missing).  templates[i] holds the serialized template of the i-th stack of
 * app->stacks (LC_JSON_CDK layout).  Stages assets first (copies, zips), then writes
 * every JSON file under a temporary name and renames them all.  Returns 0, or
 * LC_E_IO / LC_E_NOMEM / LC_E_NOTFOUND after printing "<argv0>: message" lines to
 * stderr; on failure nothing of the previous assembly has been replaced (staged asset
 * directories may have been added: they are named by content and harmless). */
int lc_assembly_write(lc_app_t *app, const lc_sink_t *templates);

/* One line of asset statistics of the run to f ("assets: 2 fingerprinted, 1 from the
 * cache; 1 staged, 2 already staged, 0 zipped"), for --verbose.  Everything the
 * registry and cache hold lives in the app's arena: nothing to release. */
void lc_assembly_report(lc_app_t *app, FILE *f);

#ifdef __cplusplus
}
#endif
#endif
