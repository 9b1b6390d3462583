/* runtime/logical_id.c - aws-cdk-lib's makeUniqueId (oracle FACTS.md (b)).
 *
 * The recipe, and why each step is where it is:
 *   1. "Default" components are dropped before anything else, so a construct may hide
 *      behind a "Default" child without changing its id (CDKMetadata/Default).
 *   2. A single remaining component whose alphanumeric form fits in 255 chars is the id
 *      as is: top-level resources keep the name a hand-written template would use.
 *   3. hash8 covers the components *as given* (after step 1, before stripping and
 *      de-duplication) joined by "/", so "Schedule Rule" and "ScheduleRule" differ.
 *   4. The human part drops a component when the previously *kept* one ends with it
 *      (compares un-stripped strings), then drops "Resource", strips to [A-Za-z0-9],
 *      concatenates and keeps the first 240 chars.
 * Strings are UTF-8 here and UTF-16 in JavaScript; that only matters for endsWith on
 * non-ASCII text, where byte suffix and code-unit suffix agree for valid UTF-8.
 */
#include <string.h>

#include <lambdac/logical_id.h>

#define HASH_LEN 8
#define MAX_HUMAN_LEN 240
#define MAX_ID_LEN 255

static int is_alnum(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static int ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return lx <= ls && memcmp(s + ls - lx, suffix, lx) == 0;
}

/* Append the alphanumeric bytes of s to out[*len], up to `max` bytes in total. */
static void append_alnum(char *out, size_t *len, size_t max, const char *s)
{
    for (; *s && *len < max; s++)
        if (is_alnum((unsigned char)*s))
            out[(*len)++] = *s;
}

char *lc_logical_id(lc_arena_t *a, lc_hash_profile_t p, const char *const *components,
                    size_t n)
{
    const char **kept;
    size_t nk = 0, i, total = 0, len = 0;
    const char *prev = NULL;
    char *joined, *id, hex[33];

    if (n == 0)
        return NULL;
    kept = lc_alloc(a, n * sizeof *kept);
    if (!kept)
        return NULL;
    for (i = 0; i < n; i++) {
        if (strcmp(components[i], "Default") != 0) {
            kept[nk++] = components[i];
            total += strlen(components[i]) + 1;
        }
    }
    if (nk == 0)
        return NULL;  /* CDK: "Unable to calculate a unique id for an empty set" */

    if (nk == 1) {
        size_t alnum = 0;
        const char *s;
        for (s = kept[0]; *s; s++)
            alnum += is_alnum((unsigned char)*s);
        if (alnum <= MAX_ID_LEN) {
            if (alnum == 0)
                return NULL;  /* CDK rejects the empty id */
            id = lc_alloc(a, alnum + 1);
            if (!id)
                return NULL;
            append_alnum(id, &len, alnum, kept[0]);
            id[len] = '\0';
            return id;
        }
    }

    /* hash8 over the components joined by "/" */
    joined = lc_alloc(a, total);
    if (!joined)
        return NULL;
    for (i = 0; i < nk; i++) {
        size_t l = strlen(kept[i]);
        memcpy(joined + len, kept[i], l);
        len += l;
        if (i + 1 < nk)
            joined[len++] = '/';
    }
    lc_hash32_hex(p, joined, len, hex);

    id = lc_alloc(a, MAX_HUMAN_LEN + HASH_LEN + 1);
    if (!id)
        return NULL;
    len = 0;
    for (i = 0; i < nk; i++) {
        const char *c = kept[i];
        if (prev && ends_with(prev, c))
            continue;               /* removeDupes: compared with the last kept one */
        prev = c;
        if (strcmp(c, "Resource") == 0)
            continue;               /* kept for the dedupe walk, hidden from humans */
        append_alnum(id, &len, MAX_HUMAN_LEN, c);
    }
    for (i = 0; i < HASH_LEN; i++) {
        char h = hex[i];
        id[len++] = (h >= 'a' && h <= 'f') ? (char)(h - 'a' + 'A') : h;
    }
    id[len] = '\0';
    return id;
}

char *lc_trim_from_start(lc_arena_t *a, const char *s, size_t max)
{
    size_t l = strlen(s);
    if (l > max)
        s += l - max;
    return lc_strdup(a, s);
}
