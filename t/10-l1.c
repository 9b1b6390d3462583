/* t/10-l1.c - the L1 layer: static initializer macros, descriptor tables, the walker
 * (lc_l1_to_value) and the checker (lc_l1_check), against the types generated from the
 * vendored spec (spec/specification.json + spec/overrides.json). */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/l1.h>
#include <lambdac/writer.h>

#include "tap.h"

/* Targets of Ref / Fn::GetAtt: any object will do; the resolver below names them. */
static const char MyRole[] = "MyRole";
static const char MyQueue[] = "MyQueue";

/* ---- declarations at file scope, as a user writes them ---------------------------------- */
static const lc_AWS_Lambda_Function_t fn = {
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t,
                      .S3Bucket = LC_STRING("my-bucket"),
                      .S3Key = LC_STRING("code.zip")),
    .Handler = LC_STRING("index.handler"),
    .Role = LC_STRING(LC_VGETATT(MyRole, "Arn")),
    .Runtime = LC_STRING("nodejs18.x"),
    .MemorySize = LC_INTEGER(512),
    .Timeout = LC_INTEGER_V(LC_VREFNAME("TimeoutParam")),
    .Architectures = LC_LIST_STRING("arm64"),
    .Layers = LC_LIST_STRING("arn:aws:lambda:us-east-1:123456789012:layer:a:1",
                             LC_FN_SUB("arn:${AWS::Partition}:lambda:us-east-1:123456789012:layer:b:2")),
    .Environment = LC_STRUCT(lc_AWS_Lambda_Function_Environment_t,
                             .Variables = LC_MAP_STRING(LC_M("STAGE", LC_VSTR("prod")),
                                                        LC_M("QUEUE", LC_VREF(MyQueue)))),
    .DeadLetterConfig = LC_STRUCT(lc_AWS_Lambda_Function_DeadLetterConfig_t,
                                  .TargetArn = LC_STRING(LC_VGETATT(MyQueue, "Arn"))),
    .Tags = LC_LIST_OF(lc_Tag_t,
                       { .Key = LC_STRING("team"), .Value = LC_STRING("core") },
                       { .Key = LC_STRING("env"), .Value = LC_STRING(LC_AWS_STACK_NAME) }),
};

static const lc_AWS_IAM_Role_t role = {
    .AssumeRolePolicyDocument = LC_JSON(LC_VOBJ(
        LC_M("Version", LC_VSTR("2012-10-17")),
        LC_M("Statement", LC_VARR(LC_VOBJ(LC_M("Effect", LC_VSTR("Allow")),
                                          LC_M("Action", LC_VSTR("sts:AssumeRole")),
                                          LC_M("Principal", LC_VOBJ(LC_M("Service", LC_VSTR("lambda.amazonaws.com"))))))))),
    .ManagedPolicyArns = LC_LIST_V(LC_FN_SPLIT(",", LC_VREFNAME("Arns"))),
};

static const lc_AWS_Lambda_Function_t bad_fn = {
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t, .S3Bucket = LC_STRING("b")),
    .Handler = LC_STRING("index handler"),
    .MemorySize = LC_INTEGER(64),
    .Timeout = LC_INTEGER(901),
    .Architectures = LC_LIST_STRING("x86_64", "sparc"),
    .Description = LC_STRING("0123456789012345678901234567890123456789012345678901234567890123456789"
                             "0123456789012345678901234567890123456789012345678901234567890123456789"
                             "0123456789012345678901234567890123456789012345678901234567890123456789"
                             "0123456789012345678901234567890123456789012345678901234567890123456789"),
    .Environment = LC_STRUCT(lc_AWS_Lambda_Function_Environment_t,
                             .Variables = LC_MAP_STRING(LC_M("1BAD", LC_VSTR("x")))),
    .Tags = LC_LIST_OF(lc_Tag_t, { .Value = LC_STRING("no key") }),
    .PackageType = LC_STRING(LC_VARR(LC_VSTR("Zip"))),
};

/* The remaining macros, type-checked at file scope. */
static const lc_list_integer_t ints = LC_LIST_INTEGER(1, 2, 3);
static const lc_list_double_t dbls = LC_LIST_DOUBLE(0.5, 1.5);
static const lc_list_boolean_t bools = LC_LIST_BOOLEAN(true, false);
static const lc_list_string_t empty_list = LC_LIST_EMPTY;
static const lc_boolean_t yes = LC_BOOLEAN(true);
static const lc_double_t half = LC_DOUBLE(0.5);
static const lc_long_t big = LC_LONG(5000000000);
static const lc_timestamp_t when = LC_TIMESTAMP("2024-01-01T00:00:00Z");
static const lc_map_integer_t counts = LC_MAP_INTEGER(LC_M("a", LC_VINT(1)));
typedef struct { const char *const *keys; const lc_Tag_t *vals; size_t n; } tag_map_t;
static const tag_map_t tag_map = LC_MAP_OF(lc_Tag_t, LC_KEYS("x", "y"),
                                           { .Key = LC_STRING("kx") }, { .Key = LC_STRING("ky") });

/* ---- helpers ------------------------------------------------------------------------------ */
static const char *resolve(void *ctx, const void *target, int ns)
{
    (void)ctx;
    if (ns == LC_TARGET_NAME)
        return target;
    return target == MyRole ? "MyRole" : target == MyQueue ? "MyQueue" : NULL;
}

static char *json_of(const lc_value_t *v)
{
    static char out[8192];
    lc_sink_t s = {0};
    lc_resolver_t r = { resolve, NULL };
    if (lc_write_json(&s, v, LC_JSON_COMPACT, &r) != 0) {
        lc_sink_fini(&s);
        return strcpy(out, "(write error)");
    }
    snprintf(out, sizeof out, "%s", lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return out;
}

typedef struct { int n; char lines[32][320]; } reports_t;

static void collect(void *ctx, const char *path, const char *msg)
{
    reports_t *r = ctx;
    if (r->n < 32)
        snprintf(r->lines[r->n], sizeof r->lines[0], "%s: %s", path, msg);
    r->n++;
}

static int reported(const reports_t *r, const char *prefix)
{
    for (int i = 0; i < r->n && i < 32; i++)
        if (strncmp(r->lines[i], prefix, strlen(prefix)) == 0)
            return 1;
    return 0;
}

int main(void)
{
    lc_arena_t *a = lc_arena_new();
    const lc_type_desc_t *fd = &lc_AWS_Lambda_Function_desc;
    const lc_field_desc_t *f;

    /* registry */
    ok(lc_l1_find("AWS::Lambda::Function") == fd, "lc_l1_find(AWS::Lambda::Function)");
    ok(lc_l1_find("AWS::Lambda::Function.Code") == &lc_AWS_Lambda_Function_Code_desc,
       "lc_l1_find(AWS::Lambda::Function.Code)");
    ok(lc_l1_find("Tag") == &lc_Tag_desc, "lc_l1_find(Tag)");
    ok(lc_l1_find("AWS::Lambda::Nope") == NULL && lc_l1_find("") == NULL && lc_l1_find(NULL) == NULL,
       "lc_l1_find of unknown names is NULL");
    is_int((long long)lc_l1_type_count(), LC_L1_TYPE_COUNT, "lc_l1_type_count() == LC_L1_TYPE_COUNT");
    is_str(lc_l1_spec_version(), LC_L1_SPEC_VERSION, "lc_l1_spec_version()");
    {
        int sorted = 1, found = 1;
        for (size_t i = 1; i < lc_l1_type_count(); i++)
            sorted &= strcmp(lc_l1_type_at(i - 1)->cfn_name, lc_l1_type_at(i)->cfn_name) < 0;
        for (size_t i = 0; i < lc_l1_type_count(); i++)
            found &= lc_l1_find(lc_l1_type_at(i)->cfn_name) == lc_l1_type_at(i);
        ok(sorted, "registry strictly sorted by cfn_name");
        ok(found, "every registered type is found by name");
    }

    /* descriptor invariants, every type */
    {
        int good = 1, pats = 1;
        for (size_t i = 0; i < lc_l1_type_count(); i++) {
            const lc_type_desc_t *d = lc_l1_type_at(i);
            if (d->fields[d->n_fields].key != NULL) {
                diag("%s: no sentinel", d->cfn_name);
                good = 0;
            }
            for (size_t j = 0; j < d->n_fields; j++) {
                const lc_field_desc_t *r = &d->fields[j];
                int structish = r->shape == LC_SHAPE_STRUCT || r->shape == LC_SHAPE_LIST_STRUCT
                                || r->shape == LC_SHAPE_MAP_STRUCT;
                if ((j && strcmp(d->fields[j - 1].key, r->key) >= 0) || r->key_len != strlen(r->key)
                    || r->offset >= d->size || (structish != (r->type != NULL))
                    || (structish != (r->prim == LC_PRIM_NONE)) || lc_l1_field(d, r->key) != r) {
                    diag("%s.%s: bad row", d->cfn_name, r->key);
                    good = 0;
                }
                if (r->constraint && (r->constraint->checks & (LC_CK_PATTERN | LC_CK_KEY_PATTERN))) {
                    const char *p = (r->constraint->checks & LC_CK_PATTERN) ? r->constraint->pattern
                                                                            : r->constraint->key_pattern;
                    regex_t re;
                    if (regcomp(&re, p, REG_EXTENDED | REG_NOSUB) != 0) {
                        diag("%s.%s: pattern %s does not compile", d->cfn_name, r->key, p);
                        pats = 0;
                    } else {
                        regfree(&re);
                    }
                }
            }
        }
        ok(good, "field tables: sorted, sentinel, key_len, offsets, nested types");
        ok(pats, "every constraint pattern compiles as a POSIX ERE");
    }

    /* fields and flags */
    f = lc_l1_field(fd, "MemorySize");
    ok(f && f->offset == offsetof(lc_AWS_Lambda_Function_t, MemorySize) && f->shape == LC_SHAPE_PRIM
           && f->prim == LC_PRIM_INTEGER, "MemorySize row: offset, shape, kind");
    ok(f && (f->flags & LC_FF_VERSION_LOCKED) && (f->flags & LC_FF_UPDATE_MUTABLE)
           && !(f->flags & LC_FF_REQUIRED), "MemorySize flags: version-locked, mutable, optional");
    ok(f && f->constraint && (f->constraint->checks & LC_CK_MIN) && f->constraint->min == 128
           && f->constraint->max == 10240, "MemorySize constraint 128..10240");
    f = lc_l1_field(fd, "Code");
    ok(f && f->shape == LC_SHAPE_STRUCT && f->type == &lc_AWS_Lambda_Function_Code_desc
           && (f->flags & LC_FF_REQUIRED), "Code: required nested struct");
    f = lc_l1_field(fd, "Tags");
    ok(f && f->shape == LC_SHAPE_LIST_STRUCT && f->type == &lc_Tag_desc
           && (f->flags & LC_FF_VERSION_UNLOCKED), "Tags: list of Tag, not version-locked");
    ok(lc_l1_field(fd, "Nope") == NULL && lc_l1_field(fd, "") == NULL, "lc_l1_field of unknown keys");
    ok(fd->is_resource && !lc_AWS_Lambda_Function_Code_desc.is_resource, "is_resource");
    {
        int snap = 0;
        for (size_t i = 0; i < fd->n_attributes; i++)
            snap |= strcmp(fd->attributes[i], "SnapStartResponse.ApplyOn") == 0;
        ok(snap, "Function attributes include SnapStartResponse.ApplyOn");
    }
    is_str(fd->c_name, "lc_AWS_Lambda_Function_t", "c_name");

    /* walker */
    {
        lc_value_t *v = lc_l1_to_value(a, fd, &fn);
        const lc_value_t *role_v = NULL;
        ok(v != NULL, "lc_l1_to_value");
        is_str(json_of(v),
               "{\"Architectures\":[\"arm64\"],"
               "\"Code\":{\"S3Bucket\":\"my-bucket\",\"S3Key\":\"code.zip\"},"
               "\"DeadLetterConfig\":{\"TargetArn\":{\"Fn::GetAtt\":[\"MyQueue\",\"Arn\"]}},"
               "\"Environment\":{\"Variables\":{\"STAGE\":\"prod\",\"QUEUE\":{\"Ref\":\"MyQueue\"}}},"
               "\"Handler\":\"index.handler\","
               "\"Layers\":[\"arn:aws:lambda:us-east-1:123456789012:layer:a:1\","
               "{\"Fn::Sub\":\"arn:${AWS::Partition}:lambda:us-east-1:123456789012:layer:b:2\"}],"
               "\"MemorySize\":512,"
               "\"Role\":{\"Fn::GetAtt\":[\"MyRole\",\"Arn\"]},"
               "\"Runtime\":\"nodejs18.x\","
               "\"Tags\":[{\"Key\":\"team\",\"Value\":\"core\"},{\"Key\":\"env\",\"Value\":{\"Ref\":\"AWS::StackName\"}}],"
               "\"Timeout\":{\"Ref\":\"TimeoutParam\"}}",
               "Function properties: sorted keys, unset omitted, nested, intrinsics");
        ok(lc_l1_field_value(a, lc_l1_field(fd, "Role"), &fn, &role_v) == 0 && role_v == fn.Role.v,
           "lc_l1_field_value borrows the member's value");
        ok(lc_l1_is_set(lc_l1_field(fd, "Code"), &fn) && !lc_l1_is_set(lc_l1_field(fd, "VpcConfig"), &fn)
               && lc_l1_is_set(lc_l1_field(fd, "Tags"), &fn), "lc_l1_is_set");
        is_str(json_of(lc_l1_to_value(a, &lc_AWS_IAM_Role_desc, &role)),
               "{\"AssumeRolePolicyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
               "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}]},"
               "\"ManagedPolicyArns\":{\"Fn::Split\":[\",\",{\"Ref\":\"Arns\"}]}}",
               "Json as is; a list property holding Fn::Split");
        {
            static const lc_AWS_Lambda_Function_t none = {0};
            is_str(json_of(lc_l1_to_value(a, fd, &none)), "{}", "an all-unset struct is {}");
        }
    }

    /* the other macros */
    is_str(json_of(ints.v), "[1,2,3]", "LC_LIST_INTEGER");
    is_str(json_of(dbls.v), "[0.5,1.5]", "LC_LIST_DOUBLE");
    is_str(json_of(bools.v), "[true,false]", "LC_LIST_BOOLEAN");
    is_str(json_of(empty_list.v), "[]", "LC_LIST_EMPTY");
    is_str(json_of(yes.v), "true", "LC_BOOLEAN");
    is_str(json_of(half.v), "0.5", "LC_DOUBLE");
    is_str(json_of(big.v), "5000000000", "LC_LONG");
    is_str(json_of(when.v), "\"2024-01-01T00:00:00Z\"", "LC_TIMESTAMP");
    is_str(json_of(counts.v), "{\"a\":1}", "LC_MAP_INTEGER");
    ok(tag_map.n == 2 && strcmp(tag_map.keys[1], "y") == 0, "LC_MAP_OF");
    {
        const char *dyn = "runtime string";
        lc_string_t s = LC_STRING(dyn);
        is_str(json_of(s.v), "\"runtime string\"", "LC_STRING of a const char * at block scope");
    }

    /* checker */
    {
        reports_t r = {0};
        is_int(lc_l1_check(fd, &fn, collect, &r), 0, "a valid Function has no problems");
        for (int i = 0; i < r.n && i < 32; i++)
            diag("%s", r.lines[i]);
    }
    {
        reports_t r = {0};
        int n = lc_l1_check(fd, &bad_fn, collect, &r);
        for (int i = 0; i < r.n && i < 32; i++)
            diag("%s", r.lines[i]);
        ok(reported(&r, "Role: required property Role"), "missing Role reported");
        ok(reported(&r, "MemorySize: 64 is less than the minimum 128"), "MemorySize below range");
        ok(reported(&r, "Timeout: 901 is greater than the maximum 900"), "Timeout above range");
        ok(reported(&r, "Architectures: a list of 2 items has more than the maximum 1"), "Architectures too long");
        ok(reported(&r, "Architectures[1]: \"sparc\" is not one of: x86_64, arm64"), "Architectures enum");
        ok(reported(&r, "Description: a string of 280 characters is longer than the maximum 256"),
           "Description too long");
        ok(reported(&r, "Handler: value \"index handler\" does not match the pattern"), "Handler pattern");
        ok(reported(&r, "Code.S3Bucket: \"b\" is 1 characters long, shorter than the minimum 3"),
           "nested constraint: Code.S3Bucket");
        ok(reported(&r, "Environment.Variables[\"1BAD\"]: key \"1BAD\" does not match"), "map key pattern");
        ok(reported(&r, "Tags[0].Key: required property Key of Tag"), "required inside a list item");
        ok(reported(&r, "PackageType: expected a string, got a list"), "wrong literal kind");
        is_int(n, 11, "problem count");
        is_int(lc_l1_check(fd, &bad_fn, NULL, NULL), n, "NULL report callback counts the same");
    }

    lc_arena_free(a);
    return done_testing();
}
