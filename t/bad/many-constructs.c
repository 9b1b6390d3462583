/* t/bad/many-constructs.c - 10,000 functions in one stack (20,000 resources: a role and a
 * function each).  CloudFormation allows 500 per stack; aws-cdk-lib refuses to synthesize
 * with TooManyResourcesInStack, and so must lambdac - quickly, and with one message. */
#include <lambdac.h>

#define FN_(n) \
    LC_FUNCTION(F##n, \
        .runtime = LC_RUNTIME_NODEJS_18_X, \
        .handler = "index.handler", \
        .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"))
#define TEN_(p)      FN_(p##0); FN_(p##1); FN_(p##2); FN_(p##3); FN_(p##4); \
                     FN_(p##5); FN_(p##6); FN_(p##7); FN_(p##8); FN_(p##9)
#define HUNDRED_(p)  TEN_(p##0); TEN_(p##1); TEN_(p##2); TEN_(p##3); TEN_(p##4); \
                     TEN_(p##5); TEN_(p##6); TEN_(p##7); TEN_(p##8); TEN_(p##9)
#define THOUSAND_(p) HUNDRED_(p##0); HUNDRED_(p##1); HUNDRED_(p##2); HUNDRED_(p##3); \
                     HUNDRED_(p##4); HUNDRED_(p##5); HUNDRED_(p##6); HUNDRED_(p##7); \
                     HUNDRED_(p##8); HUNDRED_(p##9)
#define R_(n)        &F##n
#define RTEN_(p)     R_(p##0), R_(p##1), R_(p##2), R_(p##3), R_(p##4), \
                     R_(p##5), R_(p##6), R_(p##7), R_(p##8), R_(p##9)
#define RHUNDRED_(p) RTEN_(p##0), RTEN_(p##1), RTEN_(p##2), RTEN_(p##3), RTEN_(p##4), \
                     RTEN_(p##5), RTEN_(p##6), RTEN_(p##7), RTEN_(p##8), RTEN_(p##9)
#define RTHOUSAND_(p) RHUNDRED_(p##0), RHUNDRED_(p##1), RHUNDRED_(p##2), RHUNDRED_(p##3), \
                     RHUNDRED_(p##4), RHUNDRED_(p##5), RHUNDRED_(p##6), RHUNDRED_(p##7), \
                     RHUNDRED_(p##8), RHUNDRED_(p##9)

/* F10000 .. F19999: ten thousand functions */
THOUSAND_(10); THOUSAND_(11); THOUSAND_(12); THOUSAND_(13); THOUSAND_(14);
THOUSAND_(15); THOUSAND_(16); THOUSAND_(17); THOUSAND_(18); THOUSAND_(19);

LC_STACK(BigStack, RTHOUSAND_(10), RTHOUSAND_(11), RTHOUSAND_(12), RTHOUSAND_(13),
         RTHOUSAND_(14), RTHOUSAND_(15), RTHOUSAND_(16), RTHOUSAND_(17), RTHOUSAND_(18),
         RTHOUSAND_(19));

LC_MAIN()
