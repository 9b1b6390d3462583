/* t/30-fingerprint.c - lc_asset_fingerprint against aws-cdk-lib's FileSystem.fingerprint.
 *
 *  1. the oracle fixtures: the hashes of the oracle templates (expected/X.template.json);
 *  2. the trees of t/assets/fp-trees.txt, built here in a temporary directory, with the
 *     cdk hashes computed by aws-cdk-lib (t/assets/gen-fp-vectors.js) and the native
 *     hashes pinned;
 *  3. determinism (creation order, permissions), error reporting.
 * LC_PRINT_NATIVE=1 prints each tree's native hash (to fill the spec's native column).
 */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <ftw.h>

#include <lambdac/asset.h>
#include <lambdac/error.h>

#include "tap.h"
#include "ignore-vectors.h"

static char tmpdir[1024];

static const char *srcdir(void)
{
    const char *s = getenv("top_srcdir");
    return s && *s ? s : ".";
}

/* ---- building trees --------------------------------------------------------------- */

static int mkdir_p(const char *path)
{
    char buf[8192];
    size_t n = strlen(path), i;
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, path, n + 1);
    for (i = 1; i <= n; i++) {
        if (buf[i] == '/' || buf[i] == '\0') {
            char c = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) < 0 && errno != EEXIST)
                return -1;
            buf[i] = c;
        }
    }
    return 0;
}

static int mkdir_parent(const char *path)
{
    char buf[8192];
    char *slash;
    snprintf(buf, sizeof buf, "%s", path);
    slash = strrchr(buf, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    return mkdir_p(buf);
}

/* Write the content spec (see fp-trees.txt) to fd. */
static int write_content(int fd, const char *spec)
{
    const char *p = spec;
    while (*p) {
        const char *end = strchr(p, '+');   /* items never contain '+' */
        if (!end)
            end = p + strlen(p);
        if (p[0] == 's' && p[1] == ':') {
            if (write(fd, p + 2, (size_t)(end - p - 2)) != end - p - 2)
                return -1;
        } else if (p[0] == 'r' && p[1] == ':') {
            char *colon;
            long nrep = strtol(p + 2, &colon, 10), k;
            size_t len = (size_t)(end - colon - 1);
            for (k = 0; k < nrep; k++)
                if (write(fd, colon + 1, len) != (ssize_t)len)
                    return -1;
        } else if (p[0] == 'z' && p[1] == ':') {
            long nz = strtol(p + 2, NULL, 10), k;
            for (k = 0; k < nz; k++)
                if (write(fd, "", 1) != 1)
                    return -1;
        } else if (p[0] == 'p' && p[1] == ':') {
            char *colon;
            long nb = strtol(p + 2, &colon, 10), k;
            uint32_t s = (uint32_t)strtoul(colon + 1, NULL, 10);
            unsigned char *b = malloc((size_t)nb + 1);
            if (!b)
                return -1;
            for (k = 0; k < nb; k++) {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                b[k] = (unsigned char)(s & 0xff);
            }
            if (write(fd, b, (size_t)nb) != nb) {
                free(b);
                return -1;
            }
            free(b);
        } else {
            return -1;
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

static char *replace_tree(const char *s, const char *tree)
{
    const char *at = strstr(s, "@TREE@");
    char *r;
    if (!at) {
        r = malloc(strlen(s) + 1);
        return r ? strcpy(r, s) : NULL;
    }
    r = malloc(strlen(s) + strlen(tree) + 1);
    if (!r)
        return NULL;
    memcpy(r, s, (size_t)(at - s));
    strcpy(r + (at - s), tree);
    strcat(r, at + 6);
    return r;
}

typedef struct tree {
    char name[256];
    char dir[2048];
    char sub[1024];
    const char *x[64];
    char *xown[64];
    size_t nx;
    lc_asset_options_t o;
    int built_ok;
} tree_t;

static void tree_reset(tree_t *t)
{
    size_t i;
    for (i = 0; i < t->nx; i++)
        free(t->xown[i]);
    free((void *)t->o.extra_hash);
    memset(t, 0, sizeof *t);
}

static int rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(p);
}

static void check_tree(tree_t *t, const char *want_cdk, const char *want_native)
{
    char path[8192], out[65], err[512];
    int rc;
    snprintf(path, sizeof path, "%s/root%s%s", t->dir, t->sub[0] ? "/" : "", t->sub);
    t->o.exclude.items = t->x;
    t->o.exclude.n = t->nx;
    if (!t->built_ok) {
        fail("%s: could not build the tree", t->name);
        fail("%s: could not build the tree", t->name);
        return;
    }
    rc = lc_asset_fingerprint(path, &t->o, LC_HASH_CDK, out, err, sizeof err);
    if (rc < 0)
        diag("%s: %s", t->name, err);
    is_str(rc < 0 ? "(error)" : out, want_cdk, "tree %s: cdk hash equals aws-cdk-lib's", t->name);
    rc = lc_asset_fingerprint(path, &t->o, LC_HASH_NATIVE, out, err, sizeof err);
    if (rc < 0)
        diag("%s: %s", t->name, err);
    if (getenv("LC_PRINT_NATIVE"))
        printf("# native %s %s\n", t->name, rc < 0 ? "(error)" : out);
    if (strcmp(want_native, "-") == 0)
        skip(1, "tree %s: no pinned native hash", t->name);
    else
        is_str(rc < 0 ? "(error)" : out, want_native, "tree %s: native hash is stable", t->name);
}

static void run_spec(void)
{
    char file[4096];
    FILE *fp;
    char *line, *f[IV_MAX_FIELDS];
    tree_t t;
    char *p;

    snprintf(file, sizeof file, "%s/t/assets/fp-trees.txt", srcdir());
    fp = fopen(file, "r");
    if (!fp) {
        fail("cannot open %s", file);
        return;
    }
    memset(&t, 0, sizeof t);
    while ((line = iv_getline(fp)) != NULL) {
        int n;
        char full[8192];
        if (line[0] == '#' || line[0] == '\0') {
            free(line);
            continue;
        }
        n = iv_split(line, f, IV_MAX_FIELDS);
        if (n < 2) {
            free(line);
            continue;
        }
        if (f[1][0])
            snprintf(full, sizeof full, "%s/%s", t.dir, f[1]);
        switch (f[0][0]) {
        case 'T':
            tree_reset(&t);
            snprintf(t.name, sizeof t.name, "%s", f[1]);
            snprintf(t.dir, sizeof t.dir, "%s/%s", tmpdir, f[1]);
            t.built_ok = mkdir_p(t.dir) == 0;
            break;
        case 'P':
            snprintf(t.sub, sizeof t.sub, "%s", f[1]);
            break;
        case 'F': {
            int fd;
            if (mkdir_parent(full) < 0
                || (fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
                t.built_ok = 0;
                break;
            }
            if (write_content(fd, n > 2 ? f[2] : "") < 0)
                t.built_ok = 0;
            close(fd);
            break;
        }
        case 'D':
            if (mkdir_p(full) < 0)
                t.built_ok = 0;
            break;
        case 'L':
            p = replace_tree(n > 2 ? f[2] : "", t.dir);
            if (!p || mkdir_parent(full) < 0 || symlink(p, full) < 0)
                t.built_ok = 0;
            free(p);
            break;
        case 'Q':
            if (mkdir_parent(full) < 0 || mkfifo(full, 0644) < 0)
                t.built_ok = 0;
            break;
        case 'X':
            if (t.nx < 64) {
                t.xown[t.nx] = malloc(strlen(f[1]) + 1);
                if (t.xown[t.nx]) {
                    strcpy(t.xown[t.nx], f[1]);
                    t.x[t.nx] = t.xown[t.nx];
                    t.nx++;
                }
            }
            break;
        case 'M':
            t.o.ignore_mode = strcmp(f[1], "git") == 0 ? LC_IGNORE_GIT
                            : strcmp(f[1], "docker") == 0 ? LC_IGNORE_DOCKER : LC_IGNORE_GLOB;
            break;
        case 'W':
            t.o.follow = strcmp(f[1], "never") == 0 ? LC_FOLLOW_NEVER
                       : strcmp(f[1], "always") == 0 ? LC_FOLLOW_ALWAYS
                       : strcmp(f[1], "internal-only") == 0 ? LC_FOLLOW_BLOCK_EXTERNAL
                       : LC_FOLLOW_EXTERNAL;
            break;
        case 'H': {
            char *h = malloc(strlen(f[1]) + 1);
            if (h)
                strcpy(h, f[1]);
            free((void *)t.o.extra_hash);
            t.o.extra_hash = h;
            break;
        }
        case 'E':
            check_tree(&t, f[1], n > 2 ? f[2] : "-");
            break;
        default:
            break;
        }
        free(line);
    }
    tree_reset(&t);
    fclose(fp);
}

/* ---- the oracle's own fixtures ------------------------------------------------------ */

static void run_oracle(void)
{
    static const struct {
        const char *what, *path, *exclude[3];
        lc_ignore_mode_t mode;
        const char *want;
    } cases[] = {
        { "a-basic lambda-handler", "lambda-handler", { NULL }, LC_IGNORE_GLOB,
          "e0aacf4f58941445848d6a41303f1c44640c8e868f6ffcdf6ab77c19b38ef3e4" },
        { "d-python my-python-handler", "my-python-handler", { NULL }, LC_IGNORE_GLOB,
          "5f765fe61a68d54fcd7574ca2bfb69b60008d26357cfa32ca7cbe2bf957a4d4c" },
        { "y-snapstart java-handler/handler.zip (a file)", "java-handler/handler.zip", { NULL },
          LC_IGNORE_GLOB, "40a6004259b00738c2f2177c2d19b9672cfadf23c1651664441245d785ae9de1" },
        { "m-layer layer-code", "layer-code", { NULL }, LC_IGNORE_GLOB,
          "1963b65c33d4bd251b91ae3fd3bf1abc80178237c8a47e737fa630e0478d2136" },
        { "ah-exclude GlobExclude", "my-python-handler", { "*.ignore", NULL }, LC_IGNORE_GLOB,
          "9d29268b1ce40a2c9279bfa9f008c56c08a558e026d127b6803e4de8f64cfe1f" },
        { "ah-exclude DockerExclude", "my-python-handler", { "*.ignore", NULL }, LC_IGNORE_DOCKER,
          "5daaf1f2389e226c95338828d8306db1647d1b3c0c9e854db7fb231621cf7abd" },
        { "ah-exclude Negation", "my-python-handler", { "*", "!index.py", NULL }, LC_IGNORE_GLOB,
          "696d23192985cef85ab58f792e2c8dd6b3acb1f28ef682d31763f14fecf922ec" },
        { "ah-exclude GitExclude", "my-python-handler", { "*.ignore", "requirements.txt", NULL },
          LC_IGNORE_GIT, "212f1e6f7513308bc630cf2c7d4529f594dd13b2829b5eb9122c2114d08d9a2a" },
    };
    size_t i;
    char base[4096];
    struct stat st;

    snprintf(base, sizeof base, "%s/t/conformance/fixtures", srcdir());
    if (stat(base, &st) < 0) {
        skip((int)(sizeof cases / sizeof cases[0]), "no %s", base);
        return;
    }
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lc_asset_options_t o;
        char path[8192], out[65], err[512];
        size_t n = 0;
        int rc;
        memset(&o, 0, sizeof o);
        while (cases[i].exclude[n])
            n++;
        o.exclude.items = cases[i].exclude;
        o.exclude.n = n;
        o.ignore_mode = cases[i].mode;
        snprintf(path, sizeof path, "%s/%s", base, cases[i].path);
        rc = lc_asset_fingerprint(path, &o, LC_HASH_CDK, out, err, sizeof err);
        if (rc < 0)
            diag("%s", err);
        is_str(rc < 0 ? "(error)" : out, cases[i].want, "oracle: %s", cases[i].what);
    }
}

/* ---- determinism and errors --------------------------------------------------------- */

static int put(const char *dir, const char *name, const char *text, mode_t mode)
{
    char p[8192];
    int fd;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    if (mkdir_parent(p) < 0)
        return -1;
    fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0)
        return -1;
    if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        close(fd);
        return -1;
    }
    close(fd);
    return chmod(p, mode);
}

static void run_determinism(void)
{
    char d1[8192], d2[8192], h1[65], h2[65], err[512], name[64];
    int i, ok1 = 1, ok2 = 1;
    snprintf(d1, sizeof d1, "%s/order1", tmpdir);
    snprintf(d2, sizeof d2, "%s/order2", tmpdir);
    /* same tree, created in opposite orders and with different permissions */
    for (i = 0; i < 300 && ok1; i++) {
        snprintf(name, sizeof name, "d%d/f%03d.txt", i % 7, i);
        ok1 = put(d1, name, name, 0644) == 0;
    }
    for (i = 299; i >= 0 && ok2; i--) {
        snprintf(name, sizeof name, "d%d/f%03d.txt", i % 7, i);
        ok2 = put(d2, name, name, i % 2 ? 0600 : 0755) == 0;
    }
    ok(ok1 && ok2, "determinism trees built");
    ok(lc_asset_fingerprint(d1, NULL, LC_HASH_CDK, h1, err, sizeof err) == 0
       && lc_asset_fingerprint(d2, NULL, LC_HASH_CDK, h2, err, sizeof err) == 0
       && strcmp(h1, h2) == 0, "creation order and permissions do not matter (cdk)");
    ok(lc_asset_fingerprint(d1, NULL, LC_HASH_NATIVE, h1, err, sizeof err) == 0
       && lc_asset_fingerprint(d2, NULL, LC_HASH_NATIVE, h2, err, sizeof err) == 0
       && strcmp(h1, h2) == 0 && strlen(h1) == 32, "... nor for the native profile (32 hex)");
    {
        /* a relative path and a path through a symlink give the same hash */
        char link[8192], cwd[4096];
        snprintf(link, sizeof link, "%s/order-link", tmpdir);
        ok(symlink(d1, link) == 0
           && lc_asset_fingerprint(link, NULL, LC_HASH_CDK, h2, err, sizeof err) == 0
           && lc_asset_fingerprint(d1, NULL, LC_HASH_CDK, h1, err, sizeof err) == 0
           && strcmp(h1, h2) == 0, "the asset path is resolved first");
        if (getcwd(cwd, sizeof cwd) && chdir(tmpdir) == 0) {
            ok(lc_asset_fingerprint("order1", NULL, LC_HASH_CDK, h2, err, sizeof err) == 0
               && strcmp(h1, h2) == 0, "relative asset paths");
            if (chdir(cwd) < 0)
                bail_out("cannot chdir back");
        } else {
            fail("relative asset paths: chdir");
        }
    }
}

static void run_errors(void)
{
    char p[8192], out[65], err[512], val[86];
    lc_asset_options_t o;
    int rc;

    snprintf(p, sizeof p, "%s/does-not-exist", tmpdir);
    rc = lc_asset_fingerprint(p, NULL, LC_HASH_CDK, out, err, sizeof err);
    is_int(rc, LC_E_NOTFOUND, "missing path: LC_E_NOTFOUND");
    ok(strstr(err, "does-not-exist") != NULL, "... and the message names it: %s", err);

    memset(&o, 0, sizeof o);
    o.follow = 42;
    rc = lc_asset_fingerprint(tmpdir, &o, LC_HASH_CDK, out, err, sizeof err);
    is_int(rc, LC_E_INVAL, "unknown follow mode: LC_E_INVAL");
    memset(&o, 0, sizeof o);
    o.ignore_mode = (lc_ignore_mode_t)7;
    is_int(lc_asset_fingerprint(tmpdir, &o, LC_HASH_CDK, out, err, sizeof err), LC_E_INVAL,
           "unknown ignore mode: LC_E_INVAL");
    is_int(lc_asset_fingerprint(NULL, NULL, LC_HASH_CDK, out, NULL, 0), LC_E_INVAL,
           "NULL path: LC_E_INVAL (and err may be NULL)");

    {
        /* a followed link to a FIFO cannot be hashed; CDK throws the same way */
        char d[8192], fifo[8192], link[8192];
        snprintf(d, sizeof d, "%s/err-fifo/root", tmpdir);
        snprintf(fifo, sizeof fifo, "%s/err-fifo/pipe", tmpdir);
        snprintf(link, sizeof link, "%s/err-fifo/root/link", tmpdir);
        if (mkdir_p(d) == 0 && mkfifo(fifo, 0644) == 0 && symlink("../pipe", link) == 0) {
            rc = lc_asset_fingerprint(d, NULL, LC_HASH_CDK, out, err, sizeof err);
            is_int(rc, LC_E_IO, "followed link to a FIFO: LC_E_IO");
            ok(strstr(err, "neither a file nor a directory") && strstr(err, "link"),
               "... message: %s", err);
            memset(&o, 0, sizeof o);
            o.exclude.items = (const char *const[]){ "link" };
            o.exclude.n = 1;
            is_int(lc_asset_fingerprint(d, &o, LC_HASH_CDK, out, err, sizeof err), 0,
                   "... unless it is excluded");
        } else {
            skip(3, "cannot create a FIFO here");
        }
    }
    {
        char d[8192];
        snprintf(d, sizeof d, "%s/err-utf8", tmpdir);
        if (put(d, "bad-\xff-name.txt", "x", 0644) == 0) {
            rc = lc_asset_fingerprint(d, NULL, LC_HASH_CDK, out, err, sizeof err);
            is_int(rc, LC_E_IO, "a file name that is not UTF-8: LC_E_IO");
            ok(strstr(err, "UTF-8") != NULL, "... message: %s", err);
            memset(&o, 0, sizeof o);
            o.exclude.items = (const char *const[]){ "bad-*" };
            o.exclude.n = 1;
            is_int(lc_asset_fingerprint(d, &o, LC_HASH_CDK, out, err, sizeof err), 0,
                   "... fine when excluded");
        } else {
            skip(3, "file system refuses non-UTF-8 names");
        }
    }
    {
        /* patterns aws-cdk-lib rejects (V8 throws on the regex the ignore package builds) */
        char d[2048];
        snprintf(d, sizeof d, "%s/err-pattern", tmpdir);
        if (put(d, "a.txt", "a", 0644) == 0) {
            memset(&o, 0, sizeof o);
            o.exclude.items = (const char *const[]){ "*.md", "a(" };
            o.exclude.n = 2;
            o.ignore_mode = LC_IGNORE_DOCKER;
            rc = lc_asset_fingerprint(d, &o, LC_HASH_CDK, out, err, sizeof err);
            is_int(rc, LC_E_INVAL, "docker pattern 'a(' (unterminated group): LC_E_INVAL");
            ok(strstr(err, "'a('") && strstr(err, "docker"), "... message: %s", err);
            o.exclude.items = (const char *const[]){ "[a/b" };
            o.exclude.n = 1;
            o.ignore_mode = LC_IGNORE_GIT;
            snprintf(p, sizeof p, "%s/a.txt", d);
            is_int(lc_asset_fingerprint(p, &o, LC_HASH_CDK, out, err, sizeof err), LC_E_INVAL,
                   "git pattern '[a/b': rejected even for a single-file asset (as CDK does)");
            o.ignore_mode = LC_IGNORE_DOCKER;
            o.exclude.items = (const char *const[]){ "a(" };
            is_int(lc_asset_fingerprint(p, &o, LC_HASH_CDK, out, err, sizeof err), 0,
                   "docker patterns are not consulted for a single-file asset");
        } else {
            skip(4, "cannot write the tree");
        }
    }
    if (geteuid() != 0) {
        char d[8192];
        snprintf(d, sizeof d, "%s/err-perm", tmpdir);
        if (put(d, "secret.txt", "s", 0000) == 0) {
            rc = lc_asset_fingerprint(d, NULL, LC_HASH_CDK, out, err, sizeof err);
            is_int(rc, LC_E_IO, "unreadable file: LC_E_IO");
            ok(strstr(err, "secret.txt") != NULL, "... message names it: %s", err);
        } else {
            skip(2, "cannot create an unreadable file");
        }
    } else {
        skip(2, "running as root: permissions are not enforced");
    }

    /* the content fingerprint on its own */
    snprintf(p, sizeof p, "%s/content.txt", tmpdir);
    if (put(tmpdir, "content.txt", "a\r\nb", 0644) == 0) {
        ok(lc_asset_content_fingerprint(p, LC_HASH_CDK, val, err, sizeof err) == 0, "content fingerprint");
        is_str(val, "3:7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78",
               "... CRLF normalised, length counted after normalisation");
    } else {
        skip(2, "content fingerprint: cannot write the file");
    }
    is_int(lc_asset_content_fingerprint(tmpdir, LC_HASH_CDK, val, err, sizeof err) < 0, 1,
           "content fingerprint of a directory fails");
}

int main(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/lc-fp-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(tmpdir))
        bail_out("mkdtemp: %s", strerror(errno));
    umask(022);
    run_oracle();
    run_spec();
    run_determinism();
    run_errors();
    nftw(tmpdir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    return done_testing();
}
