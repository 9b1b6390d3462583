/* bad-l1-types.c - L1 declarations the compiler rejects, with messages in the spec's
 * terms: an unknown type, an unknown property, values of the wrong kind. */
/* check-agree: skip does not compile (kind errors are C type errors) */
#include <lambdac.h>

LC_CFN(Unknown, AWS_Lambda_Nonexistent, .Name = LC_STRING("x"));

LC_CFN(Fn, AWS_Lambda_Function,
    .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t, .ZipFile = LC_STRING("x"), .Zip = LC_STRING("y")),
    .Role = LC_STRING("arn:aws:iam::123456789012:role/r"),
    .Handler = LC_INTEGER(3),
    .MemorySize = LC_STRING("128"),
    .Architectures = LC_STRING("arm64"),
    .Tags = LC_LIST_OF(lc_Tag_t, { .Key = LC_STRING("team") }),
    .Layers = LC_LIST_V(LC_VSTR("arn:aws:lambda:us-east-1:1:layer:x:1")),
    .VpcConfig = LC_STRUCT(lc_AWS_Lambda_Function_Code_t, .S3Bucket = LC_STRING("b")),
    .Timeoutt = LC_INTEGER(3));

LC_STACK(L1Stack, &Unknown, &Fn);
LC_MAIN()
