/* expect: TooManyResourcesInStack too many resources (251 functions = 502 resources) @Probe */
/* 251 functions (a role and a function each: 502 resources) exceed CloudFormation's 500
 * resources per stack.  The construct ids are F0 .. F250, declared by the macros below. */
#include <lambdac.h>

#define FN_(n) \
    LC_FUNCTION(F##n, \
        .runtime = LC_RUNTIME_NODEJS_18_X, \
        .handler = "index.handler", \
        .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"))
/* TEN_(p): the ten functions F<p>0 .. F<p>9 (p may be empty). */
#define TEN_(p) FN_(p##0); FN_(p##1); FN_(p##2); FN_(p##3); FN_(p##4); \
                FN_(p##5); FN_(p##6); FN_(p##7); FN_(p##8); FN_(p##9)
#define REF_(n) &F##n
#define REFS_(p) REF_(p##0), REF_(p##1), REF_(p##2), REF_(p##3), REF_(p##4), \
                 REF_(p##5), REF_(p##6), REF_(p##7), REF_(p##8), REF_(p##9)

TEN_();   TEN_(1);  TEN_(2);  TEN_(3);  TEN_(4);  TEN_(5);  TEN_(6);  TEN_(7);  TEN_(8);
TEN_(9);  TEN_(10); TEN_(11); TEN_(12); TEN_(13); TEN_(14); TEN_(15); TEN_(16); TEN_(17);
TEN_(18); TEN_(19); TEN_(20); TEN_(21); TEN_(22); TEN_(23); TEN_(24); FN_(250);

#define MEMBERS_ REFS_(), REFS_(1), REFS_(2), REFS_(3), REFS_(4), REFS_(5), REFS_(6), \
    REFS_(7), REFS_(8), REFS_(9), REFS_(10), REFS_(11), REFS_(12), REFS_(13), REFS_(14), \
    REFS_(15), REFS_(16), REFS_(17), REFS_(18), REFS_(19), REFS_(20), REFS_(21), REFS_(22), \
    REFS_(23), REFS_(24), REF_(250)

LC_STACK(Probe, MEMBERS_);
LC_MAIN();
