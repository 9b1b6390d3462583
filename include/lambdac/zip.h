/* lambdac/zip.h - deterministic zip archives of asset directories.
 *
 * The same tree gives the same zip bytes on every machine, whatever the order readdir
 * returns, the file times, the owner or the umask:
 *   - one entry per regular file (directories get no entries of their own, so empty
 *     directories are left out); symbolic links are followed and stored as what they
 *     point to;
 *   - entries sorted by their '/'-separated path relative to the root, byte order;
 *   - every entry dated 1980-01-01 00:00:00 (the DOS epoch), no extra fields, no
 *     comments, no data descriptors;
 *   - permissions reduced to two values: 0755 when the owner may execute the file,
 *     0644 otherwise (stored as Unix attributes, "version made by" 3.0 Unix);
 *   - content compressed with zlib's raw deflate at the chosen level, or stored when
 *     deflate would not make it smaller (and for empty files).
 * The bytes then depend only on the tree and on zlib's deflate output, which has been
 * stable across zlib releases for a given level (a deflate reimplementation such as
 * zlib-ng may compress differently; lc_zip_zlib_version() names the library in use).
 * Archives are plain zip (no zip64): at most 65535 entries and 4 GiB - 1 per file and
 * in total, far above Lambda's limits; larger trees are refused with LC_E_RANGE.
 *
 *     char sha[65], err[256];
 *     if (lc_zip_dir("build/handler", NULL, "cdk.out/asset.1234.zip", sha, err, sizeof err))
 *         fprintf(stderr, "%s\n", err);
 *     // sha: SHA-256 of the zip file (Lambda's CodeSha256 is its base64 form)
 */
#ifndef LAMBDAC_ZIP_H
#define LAMBDAC_ZIP_H

#include <stddef.h>
#include <stdint.h>
#include <lambdac/asset.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lc_zip_options {
    /* Exclude patterns and ignore mode applied while walking (as for fingerprints);
     * NULL: every file.  The `follow` and `extra_hash` members are not used. */
    const lc_asset_options_t *filter;
    int level;        /* zlib level 1..9; 0 = 6 (zlib's default) */
    int threads;      /* compressing threads; 0 = one per online CPU (at most 16) */
    int progress;     /* 1: progress bar on stderr; 0: never; -1: when stderr is a
                       * terminal and the tree is large (the default for NULL opts) */
    const char *label;  /* name shown by the progress bar (default: the path) */
    const char *skip_dir;   /* a directory never archived (the output directory when it
                             * lies inside the tree), matched by device and inode */
} lc_zip_options_t;

/* Zip the directory at `path` into `out_path`.  The archive is written to a temporary
 * file in out_path's directory and renamed over out_path only when complete, so
 * out_path is either the old file or the whole new archive.  On success writes the
 * lower-case hex SHA-256 of the archive to sha256_hex (when non-NULL) and returns 0.
 * Errors (a one-line message naming the path in err when err != NULL && errlen > 0):
 *   LC_E_NOTFOUND  path does not exist
 *   LC_E_INVAL     path is not a directory, bad arguments
 *   LC_E_IO        unreadable file, dangling symbolic link, write failure
 *   LC_E_RANGE     more than 65535 files, or a file or the archive beyond 4 GiB - 1
 *   LC_E_NOMEM     out of memory
 * Files are read once.  Memory use is bounded (about 64 MiB of file data in flight,
 * plus the file list); files up to 16 MiB are compressed by worker threads in
 * parallel and written in sorted order, larger ones are streamed by the writer. */
int lc_zip_dir(const char *path, const lc_zip_options_t *opts, const char *out_path,
               char sha256_hex[65], char *err, size_t errlen);

/* Lambda's CodeSha256 (base64 of the raw digest) from a hex SHA-256: out must hold 45
 * bytes.  Returns 0, or LC_E_INVAL when hex is not 64 hex digits. */
int lc_code_sha256_from_hex(const char *hex, char out[45]);

/* The zlib version string in use (zlibVersion()). */
const char *lc_zip_zlib_version(void);

#ifdef __cplusplus
}
#endif
#endif
