/* t/04-logical-id.c - logical ids from construct paths (oracle FACTS.md (b)).
 *
 * Besides the examples below, every resource of every oracle template in
 * shared/oracle/expected-cli is checked through the committed fixture
 * t/fixtures/logical-ids.tsv (path below the stack, TAB, logical id; CDKMetadata left
 * out; currentVersion ids checked up to their 32-hex version hash); the jq command that
 * generated it is in the fixture's header.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/logical_id.h>

#include "tap.h"

static char *id_of(lc_arena_t *a, lc_hash_profile_t p, const char *path)
{
    const char *comps[64];
    char *copy = lc_strdup(a, path), *s = copy, *slash;
    size_t n = 0;
    for (;;) {
        comps[n++] = s;
        slash = strchr(s, '/');
        if (!slash || n == 64)
            break;
        *slash = '\0';
        s = slash + 1;
    }
    return lc_logical_id(a, p, comps, n);
}

static void examples(lc_arena_t *a)
{
    static const struct { const char *path, *id; } ex[] = {
        { "MyFunction/ServiceRole/Resource", "MyFunctionServiceRole3C357FF2" },
        { "MyFunction/Resource", "MyFunction3BAA72D1" },
        { "Schedule Rule/Resource", "ScheduleRuleF1783FBC" },
        { "MyFunction/CurrentVersion/Resource", "MyFunctionCurrentVersion197490AF" },
        { "CDKMetadata/Default", "CDKMetadata" },
        { "BootstrapVersion", "BootstrapVersion" },
        { "The Url!", "TheUrl" },
        { "Default/Default/BootstrapVersion", "BootstrapVersion" },
    };
    size_t i;
    for (i = 0; i < sizeof ex / sizeof ex[0]; i++)
        is_str(id_of(a, LC_HASH_CDK, ex[i].path), ex[i].id, "%s", ex[i].path);
}

static int all_alnum(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

static void rules(lc_arena_t *a)
{
    char buf[600], want[600], *id;
    const char *none[] = { "Default" };
    size_t i;

    ok(lc_logical_id(a, LC_HASH_CDK, none, 0) == NULL, "no components: NULL");
    ok(lc_logical_id(a, LC_HASH_CDK, none, 1) == NULL, "only Default: NULL");
    ok(id_of(a, LC_HASH_CDK, "!!!") == NULL, "single component without alphanumerics: NULL");
    /* Exact ids below were computed with the JavaScript recipe (node, crypto md5). */
    is_str(id_of(a, LC_HASH_CDK, "!!!/???"), "85114240",
           "several components without alphanumerics: hash only");
    /* Default is dropped before hashing: same id with and without it */
    is_str(id_of(a, LC_HASH_CDK, "MyFunction/Default/Resource"), "MyFunction3BAA72D1",
           "Default in the middle is dropped");
    /* Resource is hidden from the human part but hashed */
    is_str(id_of(a, LC_HASH_CDK, "A/Resource/B"), "AB1CD9EF1B", "Resource hidden mid-path");
    ok(strcmp(id_of(a, LC_HASH_CDK, "A/B"), "AB1CD9EF1B") != 0, "... but part of the hash");
    /* removeDupes: a component the last kept one ends with is dropped */
    is_str(id_of(a, LC_HASH_CDK, "FooBar/Bar/Baz"), "FooBarBaz2AF7B3CB", "suffix duplicate dropped");
    is_str(id_of(a, LC_HASH_CDK, "Foo/Foo/Foo"), "Foo2F27EE46", "repeated component dropped");
    is_str(id_of(a, LC_HASH_CDK, "Foo/Bar/Foo"), "FooBarFoo4CD3705C",
           "only the previous kept one counts");
    /* dedupe compares un-stripped strings: "A-B" does not end with "AB" */
    is_str(id_of(a, LC_HASH_CDK, "A-B/AB"), "ABABEE0A59ED", "dedupe before stripping");
    /* dropped components do not become "previous": o is compared with Foo */
    is_str(id_of(a, LC_HASH_CDK, "Foo/oo/o"), "Foo56E81933", "dropped components are not 'previous'");
    /* Resource takes part in dedupe (it is removed after) */
    is_str(id_of(a, LC_HASH_CDK, "Resource/Resource/X"), "X056948BD", "Resource/Resource/X");

    /* 255 limit for the single component, 240 cut for the human part */
    memset(buf, 'a', 255);
    buf[255] = '\0';
    is_str(id_of(a, LC_HASH_CDK, buf), buf, "single component of 255 chars: no hash");
    buf[255] = 'b';
    buf[256] = '\0';
    id = id_of(a, LC_HASH_CDK, buf);
    ok(strlen(id) == 248 && strncmp(id, buf, 240) == 0, "single component of 256 chars: hashed and cut");
    for (i = 0; i < 300; i++)
        buf[i] = (char)('a' + i % 26);
    buf[300] = '\0';
    memcpy(want, buf, 240);
    want[240] = '\0';
    strcat(buf, "/Resource");
    id = id_of(a, LC_HASH_CDK, buf);
    ok(strlen(id) == 248 && strncmp(id, want, 240) == 0 && all_alnum(id), "human part cut to 240");
    {
        /* stripping happens before the cut: 300 chars of which 200 are '-' */
        char *p = buf;
        for (i = 0; i < 300; i++)
            *p++ = i % 3 ? '-' : 'x';
        strcpy(p, "/Resource");
        id = id_of(a, LC_HASH_CDK, buf);
        ok(strlen(id) == 108, "strip then cut (%zu)", strlen(id));
    }
    /* non-ASCII is stripped from the human part, hashed as UTF-8 */
    is_str(id_of(a, LC_HASH_CDK, "Caf\xc3\xa9/Resource"), "CafE7D2C93D",
           "non-ASCII stripped from the human part, hashed as UTF-8");

    /* native profile: same human part, xxh3-128 hash */
    is_str(id_of(a, LC_HASH_NATIVE, "MyFunction/ServiceRole/Resource"),
           "MyFunctionServiceRole11310B4E", "native profile hash8 is upper-cased xxh3-128");
    is_str(id_of(a, LC_HASH_NATIVE, "BootstrapVersion"), "BootstrapVersion",
           "native profile: single component unchanged");

    is_str(lc_trim_from_start(a, "abcdef", 3), "def", "trimFromStart keeps the tail");
    is_str(lc_trim_from_start(a, "abc", 3), "abc", "trimFromStart exact");
    is_str(lc_trim_from_start(a, "ab", 3), "ab", "trimFromStart short");
}

/* A currentVersion id: the ordinary id of .../CurrentVersion/Resource followed by 32
 * lower-case hex chars (the version hash, not computed here). */
static int is_version_id(const char *path, const char *id, const char *want)
{
    static const char tail[] = "/CurrentVersion/Resource";
    size_t lp = strlen(path), li = strlen(id), lw = strlen(want), i;
    if (lp < sizeof tail - 1 || strcmp(path + lp - (sizeof tail - 1), tail) != 0)
        return 0;
    if (lw != li + 32 || strncmp(want, id, li) != 0)
        return 0;
    for (i = li; i < lw; i++)
        if (!((want[i] >= '0' && want[i] <= '9') || (want[i] >= 'a' && want[i] <= 'f')))
            return 0;
    return 1;
}

static void fixture(lc_arena_t *a)
{
    const char *dir = getenv("top_srcdir");
    char path[4096], line[2048];
    FILE *fp;
    int n = 0, nv = 0, bad = 0;

    snprintf(path, sizeof path, "%s/t/fixtures/logical-ids.tsv", dir ? dir : ".");
    fp = fopen(path, "r");
    if (!fp) {
        bail_out("cannot open %s (set top_srcdir)", path);
        return;
    }
    while (fgets(line, sizeof line, fp)) {
        char *tab, *nl, *id;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        tab = strchr(line, '\t');
        if (!tab) {
            fail("malformed fixture line: %s", line);
            continue;
        }
        *tab = '\0';
        id = id_of(a, LC_HASH_CDK, line);
        n++;
        if (id && is_version_id(line, id, tab + 1)) {
            nv++;
            continue;
        }
        if (!id || strcmp(id, tab + 1) != 0) {
            bad++;
            diag("%s: got %s, want %s", line, id ? id : "NULL", tab + 1);
        }
    }
    fclose(fp);
    ok(n >= 200, "fixture has %d paths", n);
    ok(nv >= 10, "%d of them are currentVersion ids (prefix checked)", nv);
    is_int(bad, 0, "every oracle path gives its logical id (%d checked)", n);
}

int main(void)
{
    lc_arena_t *a = lc_arena_new();
    examples(a);
    rules(a);
    fixture(a);
    lc_arena_free(a);
    return done_testing();
}
