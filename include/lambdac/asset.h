/* lambdac/asset.h - asset fingerprints and exclude patterns.
 *
 * A directory (or single file) given to LC_CODE_FROM_ASSET is identified by a hash of its
 * contents.  Under the `cdk` hash profile the hash is exactly what aws-cdk-lib's
 * FileSystem.fingerprint() returns for the same tree and options, so the S3 keys
 * (`<hash>.zip`) and asset manifests match a CDK app's byte for byte.
 *
 *     lc_asset_options_t o = { .exclude = LC_STRS("*.pyc", "!keep.pyc") };
 *     char hash[65], err[256];
 *     if (lc_asset_fingerprint("src/handler", &o, LC_HASH_CDK, hash, err, sizeof err) < 0)
 *         fprintf(stderr, "%s\n", err);
 *
 * The recipe (oracle FACTS (e)): SHA-256 over fields `0x01 name 0x02 value 0x03`:
 *   options.extra       = extra_hash or ""
 *   options.follow      = "external" | "never" | "always" | "internal-only"
 *   options.ignoreMode  = "git" | "docker"     (only when not the default glob mode)
 * then, walking the tree depth-first with each directory's entries in JS sort order
 * (UTF-16 code units), for every regular file that is not excluded
 *   file:<path relative to the root, '/'-separated>  = <length>:<sha256 hex of content>
 * and for every symbolic link that is not followed (see lc_symlink_follow_t)
 *   link:<relative path>                          = <link target>
 * A single-file asset has the one field `file:` (empty path); its excludes are not
 * consulted (git mode still rejects invalid patterns, as CDK does).  Directories themselves contribute nothing (an empty directory changes
 * nothing), and neither do sockets, FIFOs and devices.  An excluded directory is not
 * entered at all; CDK's modes differ in what "excluded directory" means (see
 * lc_ignore_match).
 *
 * File contents are hashed as CDK reads them: in 8 KiB blocks; a file whose first block
 * holds a NUL byte is binary and hashed as is; otherwise each block is decoded as UTF-8
 * (invalid sequences become U+FFFD), CRLF pairs become LF, and <length> counts the
 * resulting bytes.  (CDK quirk kept: a block ending in CR is held back to join the next
 * one; a held-back tail at end of file is hashed without normalisation and without being
 * counted in <length>.)
 *
 * The `native` profile hashes the same field stream, and each file's content, with
 * XXH3-128 instead of SHA-256: 32 hex characters, stable across lambdac releases (version
 * 1 of the native asset form: changing it is a breaking change).
 *
 * Everything here is deterministic: independent of readdir order, locale, umask and
 * file times.  All functions are reentrant (no global state); one lc_ignore_t may be
 * matched from several threads at once.
 */
#ifndef LAMBDAC_ASSET_H
#define LAMBDAC_ASSET_H

#include <stddef.h>
#include <lambdac/hash.h>
#include <lambdac/lambda.h>   /* lc_str_list_t, lc_ignore_mode_t */

#ifdef __cplusplus
extern "C" {
#endif

/* CDK's SymlinkFollowMode.  A link is "internal" when its target (resolved against the
 * link's real directory) lies inside the asset root.  A followed link to a directory is
 * walked as if it were a directory at the link's place (cycles are cut silently, as in
 * CDK); a followed link to a file is hashed as that file; a link that is not followed,
 * or whose target does not exist, gives a `link:` field whose value is the target as
 * written (or its root-relative form when it is internal and absolute). */
typedef enum lc_symlink_follow {
    LC_FOLLOW_EXTERNAL = 0,       /* "external" (CDK's default): follow external links only */
    LC_FOLLOW_NEVER = 1,          /* "never" */
    LC_FOLLOW_ALWAYS = 2,         /* "always" */
    LC_FOLLOW_BLOCK_EXTERNAL = 3  /* "internal-only": follow internal links only */
} lc_symlink_follow_t;

typedef struct lc_asset_options {
    lc_str_list_t exclude;          /* patterns, in order; later ones win (negation with '!') */
    lc_ignore_mode_t ignore_mode;   /* LC_IGNORE_GLOB (default), LC_IGNORE_GIT, LC_IGNORE_DOCKER */
    int follow;                     /* an lc_symlink_follow_t; 0 = CDK's default EXTERNAL */
    const char *extra_hash;         /* options.extra: "" when NULL */
} lc_asset_options_t;

/* Fingerprint the directory or file at `path` (relative paths are relative to the
 * working directory; a symbolic link as `path` is resolved first).  `o` may be NULL for
 * the defaults.  On success writes the NUL-terminated lower-case hex digest to `out`
 * (64 characters for LC_HASH_CDK, 32 for LC_HASH_NATIVE) and returns 0.  Otherwise
 * returns a negative LC_E_* code and, when err != NULL and errlen > 0, a one-line
 * message naming the path involved:
 *   LC_E_NOTFOUND  `path` does not exist
 *   LC_E_IO        unreadable file or directory, a followed link to something that is
 *                  neither file nor directory, a name that is not valid UTF-8 (CDK
 *                  cannot hash those either)
 *   LC_E_INVAL     bad arguments (NULL path/out, unknown follow or ignore mode), or an
 *                  exclude pattern aws-cdk-lib would reject (see lc_ignore_error)
 *   LC_E_NOMEM     out of memory
 * Reads each file once in 64 KiB blocks; memory use is bounded by the directory depth
 * and the largest directory, never by file sizes. */
int lc_asset_fingerprint(const char *path, const lc_asset_options_t *o, lc_hash_profile_t p,
                         char out[65], char *err, size_t errlen);

/* Fingerprint of one file's content as it appears in a `file:` field value
 * ("<length>:<hex>", see above).  out must hold 21 + 65 bytes.  Errors as above. */
int lc_asset_content_fingerprint(const char *file, lc_hash_profile_t p, char out[86],
                                 char *err, size_t errlen);

/* ---- exclude matching -------------------------------------------------------------------
 * The matcher CDK builds from `exclude` and `ignoreMode` (IgnoreStrategy):
 *  LC_IGNORE_GLOB    each pattern is a minimatch glob with matchBase (a pattern without
 *                    '/' is matched against the base name) and without dot (wildcards do
 *                    not match a leading '.'); braces, extglobs, POSIX classes and `**`
 *                    work.  A pattern starting with '!' re-includes what it matches.  The
 *                    last matching pattern decides.  A directory is excluded when its own
 *                    path is (a negation cannot re-include a file below it).
 *  LC_IGNORE_GIT     .gitignore lines as the `ignore` npm package reads them (which is
 *                    what CDK uses): case-insensitive, `/` anchors, trailing `/` for
 *                    directories only, `**`, `!` negation, `\` escapes, `#` comments;
 *                    nothing below an excluded directory can be re-included.
 *  LC_IGNORE_DOCKER  .dockerignore lines as @balena/dockerignore reads them: paths
 *                    relative to the root (cleaned like Go's filepath.Clean), `**`, `!`,
 *                    case-insensitive; a pattern also matches everything below a matching
 *                    directory.  A directory is skipped only when no negation could
 *                    re-include something below it.  The package turns a line into a JS
 *                    regex passing most characters through, so `+ ( ) | { } ^` are regex
 *                    syntax (`a+b.txt` keeps a+b.txt and excludes aab.txt), here as in CDK.
 * Paths are relative to the asset root, '/'-separated, without "./", "." or ".."
 * components and without a trailing '/'; the root itself ("") is never excluded.
 * runtime/assets/ignore.c lists the few exotic patterns whose answer differs from CDK's. */
typedef struct lc_ignore lc_ignore_t;

/* Compile the patterns (copied; `patterns` may be NULL for none).  NULL when out of
 * memory or the mode is unknown.  Free with lc_ignore_free(). */
lc_ignore_t *lc_ignore_new(const lc_str_list_t *patterns, lc_ignore_mode_t mode);
/* 1 when the file (is_dir = 0) would be left out of the asset, or when the directory
 * (is_dir = 1) would not be entered; else 0.  Pure: safe to call from several threads
 * on the same matcher. */
int lc_ignore_match(const lc_ignore_t *ig, const char *relpath, int is_dir);
/* NULL, or a message naming the first pattern aws-cdk-lib would reject (its mode turns
 * the pattern into a JS regex V8 refuses: e.g. "a(" in docker mode).  Such a pattern
 * matches nothing here; lc_asset_fingerprint fails with LC_E_INVAL and this message,
 * as CDK's synthesis fails.  Valid until lc_ignore_free(). */
const char *lc_ignore_error(const lc_ignore_t *ig);
/* Release the matcher.  NULL is allowed. */
void lc_ignore_free(lc_ignore_t *ig);

#ifdef __cplusplus
}
#endif
#endif
