/* t/fuzz/arn.c - libFuzzer target: the ARN scanner (runtime/arn.re, re2c).
 *
 * Invariants, for any bytes (the text ends at the first NUL, as a C string would):
 *   - lc_arn_parse returns 0 or LC_E_INVAL; a failure has one of aws-cdk-lib's codes and
 *     a message;
 *   - a token ARN (no "arn:" prefix, a ${Token[...]} marker inside) has no parts;
 *   - otherwise every part points into the input, and the parts put back together -
 *     "arn:" partition ":" service ":" region ":" account ":" ["/"] resource
 *     [sep resource_name] - give the input back, byte for byte;
 *   - name and qualifier split resource_name at a ':' (name alone when there is none);
 *   - the four leading parts are flagged LC_ARN_TOKEN exactly when they hold a marker.
 */
#include <string.h>

#include <lambdac/arn.h>
#include <lambdac/error.h>

#include "fuzz.h"

/* An independent marker test: "${Token[" then bytes other than ']' then "]}". */
static int has_marker(const char *p, size_t n)
{
    size_t i, j;
    for (i = 0; i + 10 <= n; i++) {
        if (memcmp(p + i, "${Token[", 8) != 0)
            continue;
        for (j = i + 8; j < n && p[j] != ']'; j++)
            ;
        if (j + 1 < n && p[j] == ']' && p[j + 1] == '}')
            return 1;
    }
    return 0;
}

static void inside(const lc_arn_part_t *x, const char *s, size_t n, const char *what)
{
    if (!(x->flags & LC_ARN_PRESENT))
        return;
    FZ_CHECK(x->p >= s && x->p + x->n <= s + n, "%s points outside the input", what);
}

static void put(char *buf, size_t *len, const char *p, size_t n)
{
    memcpy(buf + *len, p, n);
    *len += n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char err[256], *re;
    size_t n = size, len = 0;
    lc_arn_t a;
    int rc;
    const char *z = memchr(s, '\0', size);

    if (z)
        n = (size_t)(z - s);
    rc = lc_arn_parse(s, size, &a, err, sizeof err);
    if (rc != 0) {
        static const char *const codes[] = { "ArnsMustStartWithArn", "ArnPartitionRequired",
                                             "ArnServiceRequired", "ArnResourceRequired" };
        size_t i;
        int known = 0;
        FZ_CHECK(rc == LC_E_INVAL, "rc %d", rc);
        FZ_CHECK(a.error_code != NULL && err[0], "a failure without code or message");
        for (i = 0; i < 4; i++)
            known |= strcmp(a.error_code, codes[i]) == 0;
        FZ_CHECK(known, "unknown code %s", a.error_code);
        return 0;
    }
    FZ_CHECK(a.error_code == NULL, "success with an error code");
    if (a.token) {
        FZ_CHECK(!(a.partition.flags | a.service.flags | a.region.flags | a.account.flags
                   | a.resource.flags | a.resource_name.flags),
                 "a token ARN with parts");
        FZ_CHECK(has_marker(s, n) && !(n >= 4 && memcmp(s, "arn:", 4) == 0), "not a token ARN");
        return 0;
    }
    FZ_CHECK(n >= 4 && memcmp(s, "arn:", 4) == 0, "accepted without \"arn:\"");
    inside(&a.partition, s, n, "partition");
    inside(&a.service, s, n, "service");
    inside(&a.region, s, n, "region");
    inside(&a.account, s, n, "account");
    inside(&a.resource, s, n, "resource");
    inside(&a.resource_name, s, n, "resource_name");
    inside(&a.name, s, n, "name");
    inside(&a.qualifier, s, n, "qualifier");
    FZ_CHECK((a.partition.flags & a.service.flags & a.region.flags & a.account.flags
              & a.resource.flags & LC_ARN_PRESENT) && a.partition.n && a.service.n,
             "a required part is missing");
    FZ_CHECK(!!(a.partition.flags & LC_ARN_TOKEN) == has_marker(a.partition.p, a.partition.n)
                 && !!(a.service.flags & LC_ARN_TOKEN) == has_marker(a.service.p, a.service.n)
                 && !!(a.region.flags & LC_ARN_TOKEN) == has_marker(a.region.p, a.region.n)
                 && !!(a.account.flags & LC_ARN_TOKEN) == has_marker(a.account.p, a.account.n),
             "token flags");

    re = malloc(n + 16);
    FZ_CHECK(re != NULL, "malloc");
    put(re, &len, "arn:", 4);
    put(re, &len, a.partition.p, a.partition.n);
    put(re, &len, ":", 1);
    put(re, &len, a.service.p, a.service.n);
    put(re, &len, ":", 1);
    put(re, &len, a.region.p, a.region.n);
    put(re, &len, ":", 1);
    put(re, &len, a.account.p, a.account.n);
    put(re, &len, ":", 1);
    if (a.slash_resource)
        put(re, &len, "/", 1);
    put(re, &len, a.resource.p, a.resource.n);
    if (a.resource_name.flags & LC_ARN_PRESENT) {
        FZ_CHECK(a.sep == ':' || a.sep == '/', "a name without a separator");
        put(re, &len, &a.sep, 1);
        put(re, &len, a.resource_name.p, a.resource_name.n);
        FZ_CHECK(a.name.flags & LC_ARN_PRESENT, "resource_name without name");
        FZ_CHECK(a.name.p == a.resource_name.p, "name does not start resource_name");
        if (a.qualifier.flags & LC_ARN_PRESENT)
            FZ_CHECK(a.name.n + 1 + a.qualifier.n == a.resource_name.n
                         && a.resource_name.p[a.name.n] == ':'
                         && a.qualifier.p == a.name.p + a.name.n + 1,
                     "name:qualifier is not resource_name");
        else
            FZ_CHECK(a.name.n == a.resource_name.n, "name is not resource_name");
    } else {
        FZ_CHECK(a.sep == 0 && !(a.name.flags & LC_ARN_PRESENT), "a separator without a name");
    }
    FZ_CHECK(len == n && memcmp(re, s, n) == 0, "the parts do not give the input back: \"%.*s\"",
             (int)len, re);
    free(re);
    return 0;
}
