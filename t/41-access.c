/* t/41-access.c - permissions, grants, URLs, imports, singletons and code signing through
 * the synthesizer API: the construct ids CDK derives, the rules that decide whether a
 * permission exists at all, and every error and warning with its aws-cdk-lib code.
 * (Whole templates are compared with aws-cdk-lib by t/conformance.sh; this test pins the
 * individual rules, including the failures a conformance scenario cannot show.)
 */
#include <stdio.h>
#include <string.h>

#include <lambdac.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "tap.h"

#define CODE LC_CODE_FROM_INLINE("exports.handler = async () => 1;")
#define FN_PROPS .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = CODE

/* ---- stacks ------------------------------------------------------------------------------ */

LC_FUNCTION(MyFunction, FN_PROPS);
LC_GRANT_INVOKE(G1, .function = &MyFunction, .principal = LC_SERVICE_PRINCIPAL("my-service"));
LC_GRANT_INVOKE(G2, .function = &MyFunction, .principal = LC_SERVICE_PRINCIPAL("my-service"));
LC_ROLE(R, .assumed_by = LC_SERVICE_PRINCIPAL("ec2"));
LC_GRANT_INVOKE(GR1, .function = &MyFunction, .principal = LC_ROLE_PRINCIPAL(R));
LC_GRANT_INVOKE(GR2, .function = &MyFunction, .principal = LC_ROLE_PRINCIPAL(R));
LC_PERMISSION(Named, .function = &MyFunction, .id = "a/b", .principal = LC_ANY_PRINCIPAL);
LC_STACK(Grants, &MyFunction, &G1, &G2, &R, &GR1, &GR2, &Named);

LC_SINGLETON_FUNCTION(S1, "84c0de93-353f-4217-9b0b-45b6c993251a", FN_PROPS);
LC_SINGLETON_FUNCTION(S2, "84c0de93-353f-4217-9b0b-45b6c993251a", FN_PROPS, .memory_size = 512);
LC_SINGLETON_FUNCTION_PURPOSE(S3, "84c0de93-353f-4217-9b0b-45b6c993251a", "Other", FN_PROPS);
LC_OUTPUT(SingletonArn, .value = LC_VGETATT(S2, "Arn"));
LC_STACK(Singletons, &S1, &S2, &S3, &SingletonArn);

LC_FUNCTION_FROM_ARN(Other, "arn:aws:lambda:us-east-1:444455556666:function:TheirFn");
LC_PERMISSION(OtherPerm, .imported = &Other, .principal = LC_SERVICE_PRINCIPAL("events"));
LC_FUNCTION_FROM_ARN(Same, "arn:aws:lambda:eu-west-1:123456789012:function:MineElsewhere");
LC_GRANT_INVOKE(SameGrant, .imported = &Same, .principal = LC_SERVICE_PRINCIPAL("events"));
LC_FUNCTION_FROM_ATTRIBUTES(Tok, .function_arn_value = LC_FN_IMPORTVALUE(LC_VSTR("Exp")));
LC_PERMISSION(TokPerm, .imported = &Tok, .principal = LC_SERVICE_PRINCIPAL("events"));
LC_STACK_ENV(Imports, "123456789012", "us-east-1", &Other, &OtherPerm, &Same, &SameGrant, &Tok,
             &TokPerm);

LC_FUNCTION_FROM_ARN(Skipping, "arn:aws:lambda:us-east-1:444455556666:function:F");
LC_FUNCTION_FROM_ATTRIBUTES(Skipped, .function_arn = "arn:aws:lambda:us-east-1:444455556666:function:F",
                            .skip_permissions = true);
LC_GRANT_INVOKE(SkippedGrant, .imported = &Skipped, .principal = LC_SERVICE_PRINCIPAL("events"));
LC_STACK(SkipStack, &Skipped, &SkippedGrant);

LC_FUNCTION_FROM_ARN(NotAnArn, "not-an-arn");
LC_STACK(BadArn, &NotAnArn);

LC_GRANT_INVOKE(BadCond, .function = &MyFunction,
    .principal = LC_SERVICE_PRINCIPAL("s", .conditions = LC_CONDITIONS(
        LC_COND("StringLike", "aws:SourceVpc", "vpc-1"))));
LC_STACK(BadCondStack, &MyFunction, &BadCond);

LC_GRANT_INVOKE(OrgAndArn, .function = &MyFunction,
    .principal = LC_ORGANIZATION_PRINCIPAL("o-abcdefghij", .conditions = LC_CONDITIONS(
        LC_COND("ArnLike", "aws:SourceArn", "arn:aws:s3:::b"))));
LC_STACK(OrgAndArnStack, &MyFunction, &OrgAndArn);

LC_GRANT_INVOKE(BadOrg, .function = &MyFunction, .principal = LC_ORGANIZATION_PRINCIPAL("o-x"));
LC_STACK(BadOrgStack, &MyFunction, &BadOrg);

LC_GRANT_INVOKE(Star, .function = &MyFunction, .principal = LC_STAR_PRINCIPAL);
LC_STACK(StarStack, &MyFunction, &Star);

LC_GRANT_INVOKE(Composite, .function = &MyFunction,
    .principal = LC_COMPOSITE_PRINCIPAL(&LC_SERVICE_PRINCIPAL("a"), &LC_ACCOUNT_PRINCIPAL("1")));
LC_STACK(CompositeStack, &MyFunction, &Composite);

LC_GRANT_INVOKE(NoTarget, .principal = LC_SERVICE_PRINCIPAL("a"));
LC_STACK(NoTargetStack, &NoTarget);

LC_ADD_FUNCTION_URL(Url1, .function = &MyFunction);
LC_ADD_FUNCTION_URL(Url2, .function = &MyFunction);
LC_STACK(TwoUrls, &MyFunction, &Url1, &Url2);

LC_FUNCTION_URL(Millis, .function = &MyFunction, .cors = LC_URL_CORS(.max_age = LC_MILLIS(1500)));
LC_STACK(MillisStack, &MyFunction, &Millis);

LC_CODE_SIGNING_CONFIG_FROM_ARN(NoName, "arn:aws:lambda:us-east-1:123456789012:code-signing-config");
LC_STACK(BadCsc, &NoName);

LC_SIGNING_PROFILE(Hours, .platform = LC_SIGNING_PLATFORM_AWS_LAMBDA_SHA384_ECDSA,
                   .signature_validity = LC_HOURS(36));
LC_STACK(BadValidity, &Hours);

LC_ROLE(ImportedRole, .arn = "arn:aws:iam::123456789012:role/Imported");
LC_GRANT_INVOKE(ToImportedRole, .function = &MyFunction, .principal = LC_ROLE_PRINCIPAL(ImportedRole));
LC_STACK(ImportedRoleStack, &MyFunction, &ImportedRole, &ToImportedRole);

LC_FUNCTION(Versioned, FN_PROPS, .current_version = true);
LC_GRANT_INVOKE(VersionedGrant, .function = &Versioned, .principal = LC_SERVICE_PRINCIPAL("x"));
LC_STACK(QualifierWarning, &Versioned, &VersionedGrant);

/* ---- helpers ------------------------------------------------------------------------------- */

typedef struct run {
    lc_app_t app;
    lc_stack_t *st;
    const lc_value_t *t, *resources;
} run_t;

static void synth(run_t *r, const lc_stack_decl_t *sd)
{
    lc_app_init(&r->app);
    r->app.profile = LC_HASH_CDK;
    r->st = lc_app_add_stack(&r->app, sd);
    r->t = lc_stack_render(r->st);
    r->resources = lc_obj_get(r->t, "Resources");
}

static void done(run_t *r)
{
    lc_app_fini(&r->app);
}

static size_t count_type(const run_t *r, const char *type)
{
    size_t n = 0;
    for (uint32_t i = 0; r->resources && i < r->resources->u.obj.n; i++) {
        const lc_value_t *ty = lc_obj_get(r->resources->u.obj.m[i].val, "Type");
        n += ty && strcmp(ty->u.s, type) == 0;
    }
    return n;
}

static const lc_value_t *prop(const run_t *r, const char *id, const char *key)
{
    const lc_value_t *res = r->resources ? lc_obj_get(r->resources, id) : NULL;
    const lc_value_t *props = res ? lc_obj_get(res, "Properties") : NULL;
    return props ? lc_obj_get(props, key) : NULL;
}

static const char *json(run_t *r, const lc_value_t *v)
{
    static char buf[4096];
    lc_sink_t s = { 0 };
    lc_resolver_t res = lc_stack_resolver(r->st);
    if (!v)
        return "(none)";
    lc_write_json(&s, v, LC_JSON_COMPACT, &res);
    snprintf(buf, sizeof buf, "%s", lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return buf;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void grants(void)
{
    run_t r;
    synth(&r, &Grants);
    is_int(r.app.nerrors, 0, "grants: no error");
    is_int((long long)count_type(&r, "AWS::Lambda::Permission"), 2,
           "a grant given twice is one permission; the role gets none");
    ok(prop(&r, "MyFunctionInvokeaYrg64kigAjrTMjUFbwrDqrRLYoIr3QRxyOm3u5Ru00A504BFC", "Principal") != NULL,
       "the permission's logical id is CDK's Invoke<sha256> id");
    ok(prop(&r, "MyFunctionab97483038", "Principal") != NULL,
       "an id with '/' becomes 'a--b' as in constructs (CDK's logical id)");
    const lc_value_t *stmts = prop(&r, "RDefaultPolicy0707467B", "PolicyDocument");
    stmts = stmts ? lc_obj_get(stmts, "Statement") : NULL;
    is_int(stmts ? (long long)stmts->u.arr.n : -1, 1, "two role grants are one statement");
    is_str(json(&r, stmts),
           "[{\"Action\":\"lambda:InvokeFunction\",\"Effect\":\"Allow\",\"Resource\":[{\"Fn::GetAtt\":"
           "[\"MyFunction3BAA72D1\",\"Arn\"]},{\"Fn::Join\":[\"\",[{\"Fn::GetAtt\":[\"MyFunction3BAA72D1\","
           "\"Arn\"]},\":*\"]]}]}]",
           "the statement covers the function and its qualifiers");
    is_str(json(&r, lc_obj_get(lc_obj_get(lc_obj_get(lc_obj_get(r.resources, "RC21A1702"), "Properties"),
                                          "AssumeRolePolicyDocument"), "Statement")),
           "[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]",
           "a short service name is completed as ServicePrincipal does");
    done(&r);
}

static void singletons(void)
{
    run_t r;
    synth(&r, &Singletons);
    is_int(r.app.nerrors, 0, "singletons: no error");
    is_int((long long)count_type(&r, "AWS::Lambda::Function"), 2, "two uuids+purposes, two functions");
    ok(prop(&r, "SingletonLambda84c0de93353f42179b0b45b6c993251a840BCC38", "Handler") != NULL,
       "the shared function has CDK's id");
    ok(prop(&r, "SingletonLambda84c0de93353f42179b0b45b6c993251a840BCC38", "MemorySize") == NULL,
       "the second declaration's properties are ignored");
    ok(prop(&r, "Other84c0de93353f42179b0b45b6c993251a302050A2", "Handler") != NULL,
       "the purpose makes another function");
    const lc_value_t *out = lc_obj_get(lc_obj_get(r.t, "Outputs"), "SingletonArn");
    is_str(json(&r, out ? lc_obj_get(out, "Value") : NULL),
           "{\"Fn::GetAtt\":[\"SingletonLambda84c0de93353f42179b0b45b6c993251a840BCC38\",\"Arn\"]}",
           "a GetAtt on a singleton declaration means the shared function");
    done(&r);
}

static void imports(void)
{
    run_t r;
    synth(&r, &Imports);
    is_int(r.app.nerrors, 0, "imports: no error");
    is_int(r.app.nwarnings, 2, "other account and token ARN: UnclearLambdaEnvironment each");
    is_int((long long)count_type(&r, "AWS::Lambda::Permission"), 1,
           "only the same-account import (another region) gets its permission");
    done(&r);

    synth(&r, &SkipStack);
    is_int(r.app.nerrors + r.app.nwarnings, 0, "skipPermissions: no error, no warning");
    is_int((long long)count_type(&r, "AWS::Lambda::Permission"), 0, "... and no permission");
    done(&r);

    synth(&r, &BadArn);
    is_int(r.app.nerrors, 1, "an ARN without arn: is an error (ArnsMustStartWithArn)");
    done(&r);
    (void)Skipping;
}

static void errors(void)
{
    static const struct {
        const lc_stack_decl_t *sd;
        const char *what;
    } cases[] = {
        { &BadCondStack, "an unsupported condition (UnsupportedConditionsForLambdaPermission)" },
        { &OrgAndArnStack, "PrincipalOrgID with SourceArn (PrincipalOrgIdCannotBeCombinedWithOtherConditions)" },
        { &BadOrgStack, "a malformed organization id (ExpectedOrganizationMatchRegex)" },
        { &StarStack, "StarPrincipal in a permission (InvalidPrincipalTypeForLambdaPermission)" },
        { &CompositeStack, "grantInvoke with a composite (InvalidPrincipalTypeForLambdaPermission)" },
        { &NoTargetStack, "a grant without a function (FunctionRequired)" },
        { &TwoUrls, "two addFunctionUrl on one function (DuplicateConstructId)" },
        { &MillisStack, "a CORS max age of 1.5 s (DurationNotIntegral)" },
        { &BadCsc, "a code signing config ARN without an id (MustBeCodeSigningConfig)" },
        { &BadValidity, "a signature validity of 36 hours (DurationNotIntegral)" },
        { &ImportedRoleStack, "a grant to an imported role (NotSupportedYet)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_t r;
        synth(&r, cases[i].sd);
        is_int(r.app.nerrors, 1, "%s", cases[i].what);
        done(&r);
    }
}

static void warnings(void)
{
    run_t r;
    synth(&r, &QualifierWarning);
    is_int(r.app.nerrors, 0, "a grant on a function with a currentVersion is valid");
    is_int(r.app.nwarnings, 1, "... with CDK's warning about Qualifier invocations");
    done(&r);
}

int main(void)
{
    grants();
    singletons();
    imports();
    errors();
    warnings();
    return done_testing();
}
