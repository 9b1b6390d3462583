/* lambdac.h - everything a stack source needs: the DSL, the L2 constructs, the L1 types.
 *
 *     #include <lambdac.h>
 *     LC_FUNCTION(MyFunction, .runtime = LC_RUNTIME_NODEJS_18_X, ...);
 *     LC_STACK(HelloStack, &MyFunction);
 *     LC_MAIN()
 */
#ifndef LAMBDAC_H
#define LAMBDAC_H

#include <lambdac/value.h>
#include <lambdac/dsl.h>
#include <lambdac/l1.h>
#include <lambdac/lambda.h>
#include <lambdac/aws.h>
#include <lambdac/access.h>
#include <lambdac/integrations.h>
#include <lambdac/docker.h>
#include <lambdac/assembly.h>
#include <lambdac/zip.h>

#endif
