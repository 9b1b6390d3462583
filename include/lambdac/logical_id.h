/* lambdac/logical_id.h - logical ids from construct paths (aws-cdk-lib's makeUniqueId).
 *
 * Input: the construct ids from just below the stack down to the element, e.g.
 * {"MyFunction", "ServiceRole", "Resource"}.  Recipe (oracle FACTS.md (b)):
 *   1. drop components equal to "Default";
 *   2. one component left whose alphanumeric-only form is <= 255 chars: that form, no hash;
 *   3. otherwise hash8 = first 8 hex chars, upper-cased, of hash(components joined by "/")
 *      (md5 in the cdk profile, xxh3-128 in the native profile);
 *   4. human part: drop a component when the previously kept one ends with it, drop
 *      "Resource" components, keep only [A-Za-z0-9], concatenate, cut to 240 chars;
 *   5. id = human + hash8.
 */
#ifndef LAMBDAC_LOGICAL_ID_H
#define LAMBDAC_LOGICAL_ID_H

#include <stddef.h>
#include <lambdac/hash.h>
#include <lambdac/arena.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Returns the logical id allocated in `a`, or NULL when out of memory, when no component
 * is left after dropping "Default" (n == 0 included: CDK throws), or when the single
 * remaining component has no alphanumeric character (CDK rejects the empty id).  A
 * result always matches ^[A-Za-z0-9]{1,255}$ (hashed ids: at most 248 chars; several
 * components without alphanumerics give the bare hash8).  Components are UTF-8; the
 * hash covers their bytes. */
char *lc_logical_id(lc_arena_t *a, lc_hash_profile_t p, const char *const *components,
                    size_t n);

/* Keep the last `max` characters of s (aws-cdk-lib's trimFromStart). */
char *lc_trim_from_start(lc_arena_t *a, const char *s, size_t max);

#ifdef __cplusplus
}
#endif
#endif
