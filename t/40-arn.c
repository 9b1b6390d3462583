/* t/40-arn.c - the ARN scanner (runtime/arn.re) against aws-cdk-lib's Arn.split.
 *
 * Valid ARNs of several shapes, partial ARNs (empty region/account, missing components),
 * token-bearing ARNs (CDK's "${Token[...]}" form, whole or in one component) and
 * malformed ones, whose messages and codes are aws-cdk-lib's (checked against
 * Stack.splitArn / Function.fromFunctionArn of aws-cdk-lib 2.276.0).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/arn.h>
#include <lambdac/error.h>

#include "tap.h"

static char buf[8][256];

/* A part as a C string ("<absent>" when missing, "<token>" suffix when it holds one). */
static const char *P(int slot, const lc_arn_part_t *p)
{
    if (!(p->flags & LC_ARN_PRESENT))
        return "<absent>";
    snprintf(buf[slot], sizeof buf[slot], "%.*s%s", (int)p->n, p->p,
             (p->flags & LC_ARN_TOKEN) ? "<token>" : "");
    return buf[slot];
}

static void valid(void)
{
    lc_arn_t a;
    char err[256];
    const char *s = "arn:aws:lambda:us-east-1:123456789012:function:MyFn";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "function ARN parses");
    is_str(P(0, &a.partition), "aws", "partition");
    is_str(P(0, &a.service), "lambda", "service");
    is_str(P(0, &a.region), "us-east-1", "region");
    is_str(P(0, &a.account), "123456789012", "account");
    is_str(P(0, &a.resource), "function", "resource");
    is_str(P(0, &a.resource_name), "MyFn", "resource name");
    is_str(P(0, &a.name), "MyFn", "name");
    is_str(P(0, &a.qualifier), "<absent>", "no qualifier");
    is_int(a.sep, ':', "colon separator");
    ok(a.error_code == NULL && !a.token, "no error, not a token");
    ok(lc_arn_part_eq(&a.account, "123456789012"), "lc_arn_part_eq on the account");
    ok(!lc_arn_part_eq(&a.account, "12345678901"), "lc_arn_part_eq compares lengths");

    s = "arn:aws:lambda:us-east-1:123456789012:function:MyFn:live";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "qualified function ARN");
    is_str(P(0, &a.resource_name), "MyFn:live", "resource name keeps the qualifier (CDK)");
    is_str(P(0, &a.name), "MyFn", "name");
    is_str(P(0, &a.qualifier), "live", "qualifier");

    s = "arn:aws:lambda:r:1:function:F:1:x";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "many colons");
    is_str(P(0, &a.resource_name), "F:1:x", "rest joined back with ':'");
    is_str(P(0, &a.qualifier), "1:x", "qualifier after the first ':'");

    s = "arn:aws:iam::123456789012:role/service-role/MyRole";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "IAM role ARN");
    is_str(P(0, &a.region), "", "empty region is present and empty");
    is_str(P(0, &a.resource), "role", "resource before the first slash");
    is_str(P(0, &a.resource_name), "service-role/MyRole", "name after it");
    is_int(a.sep, '/', "slash separator");

    s = "arn:aws:s3:::my-bucket";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "bucket ARN, no region, no account");
    is_str(P(0, &a.account), "", "empty account");
    is_str(P(0, &a.resource), "my-bucket", "resource");
    is_str(P(0, &a.resource_name), "<absent>", "no resource name");
    is_int(a.sep, 0, "no separator");

    s = "arn:aws:lambda:us-east-1:1:function";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "resource without a name");
    is_str(P(0, &a.resource), "function", "resource");

    s = "arn:aws:signer:us-east-1:1://signing-profiles/P/v1";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "leading-slash resource");
    ok(a.slash_resource, "SLASH_RESOURCE_SLASH_RESOURCE_NAME detected");

    s = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "code signing config ARN");
    is_str(P(0, &a.resource_name), "csc-0123", "its id");

    /* length-bounded input: only the first n bytes count */
    s = "arn:aws:lambda:us-east-1:123456789012:function:MyFn:live";
    is_int(lc_arn_parse(s, strlen(s) - 5, &a, err, sizeof err), 0, "length-bounded");
    is_str(P(0, &a.resource_name), "MyFn", "stops at n");
}

static void tokens(void)
{
    lc_arn_t a;
    char err[256];
    const char *s = "${Token[TOKEN.12]}";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "a whole-token ARN is accepted");
    ok(a.token, "... as a token");
    ok(!(a.account.flags & LC_ARN_PRESENT), "... with no known part");

    s = "arn:${Token[AWS.Partition]}:lambda:us-east-1:123456789012:function:MyNamedFn";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "formatArn output");
    ok(!a.token, "starts with arn: so it is split");
    is_str(P(0, &a.partition), "${Token[AWS.Partition]}<token>", "the partition holds a token");
    ok(lc_arn_part_known(&a.account), "the account is known");
    is_str(P(0, &a.account), "123456789012", "account");

    s = "arn:${Token[AWS.Partition]}:lambda:${Token[AWS.Region]}:${Token[AWS.AccountId]}:function:F";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "env-agnostic formatArn output");
    ok(!lc_arn_part_known(&a.account), "the account is a token");
    ok(!lc_arn_part_known(&a.region), "the region is a token");
    is_str(P(0, &a.resource), "function", "resource still known");

    s = "arn:aws:lambda:us-east-1:123456789012:function:${Token[Name:With:Colons]}";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "colons inside a marker do not split");
    is_str(P(0, &a.resource_name), "${Token[Name:With:Colons]}<token>", "one name");
    is_str(P(0, &a.qualifier), "<absent>", "no qualifier from the marker's colons");

    s = "prefix-${Token[X]}";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "text with a token: a token ARN");
    ok(a.token, "... as a whole");

    s = "arn:aws:lambda:us-east-1:${Token[A]}123:function:F";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "token inside a component");
    ok(!lc_arn_part_known(&a.account), "a partly-token account is not known");

    s = "arn:aws:lambda:us-east-1:12${Token:function:F";
    is_int(lc_arn_parse(s, SIZE_MAX, &a, err, sizeof err), 0, "an unterminated marker is text");
    is_str(P(0, &a.account), "12${Token", "... split at the colon");
}

static void malformed(void)
{
    lc_arn_t a;
    char err[256];
    is_int(lc_arn_parse("not-an-arn", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL, "no arn: prefix");
    is_str(a.error_code, "ArnsMustStartWithArn", "code");
    is_str(err, "ARNs must start with \"arn:\" and have at least 6 components: not-an-arn", "message");

    is_int(lc_arn_parse("arn:aws:lambda:us-east-1", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL,
           "four components");
    is_str(a.error_code, "ArnResourceRequired", "code (CDK checks the resource, not the count)");
    is_str(err, "The `resource` component (6th component) of an ARN is required: arn:aws:lambda:us-east-1",
           "message");

    is_int(lc_arn_parse("arn:aws:lambda:us-east-1:1:", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL,
           "empty resource");
    is_str(a.error_code, "ArnResourceRequired", "code");

    is_int(lc_arn_parse("arn::lambda:r:1:function:F", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL,
           "empty partition");
    is_str(a.error_code, "ArnPartitionRequired", "code");
    is_str(err, "The `partition` component (2nd component) of an ARN is required: arn::lambda:r:1:function:F",
           "message");

    is_int(lc_arn_parse("arn:aws::r:1:function:F", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL,
           "empty service");
    is_str(a.error_code, "ArnServiceRequired", "code");
    is_str(err, "The `service` component (3rd component) of an ARN is required: arn:aws::r:1:function:F",
           "message");

    is_int(lc_arn_parse("arn:", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL, "arn: alone");
    is_str(a.error_code, "ArnPartitionRequired", "code");

    is_int(lc_arn_parse("", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL, "empty string");
    is_str(a.error_code, "ArnsMustStartWithArn", "code");

    is_int(lc_arn_parse(NULL, 0, &a, err, sizeof err), LC_E_INVAL, "NULL");

    char small[16];
    is_int(lc_arn_parse("nope", SIZE_MAX, &a, small, sizeof small), LC_E_INVAL, "small buffer");
    is_int((long long)strlen(small), 15, "message truncated and terminated");

    is_int(lc_arn_parse("ARN:aws:lambda:r:1:function:F", SIZE_MAX, &a, err, sizeof err), LC_E_INVAL,
           "the prefix is case-sensitive");
}

int main(void)
{
    valid();
    tokens();
    malformed();
    return done_testing();
}
