/* internal.h - helpers shared by the L2 constructs (not installed). */
#ifndef LAMBDAC_CONSTRUCTS_INTERNAL_H
#define LAMBDAC_CONSTRUCTS_INTERNAL_H

#include <lambdac/aws.h>
#include <lambdac/synth.h>

/* The role's ARN: Fn::GetAtt for a role of the stack, the literal for an import. */
lc_value_t *lc_role_arn(lc_role_state_t *r);
/* Removal policy -> UpdateReplacePolicy/DeletionPolicy (lc_removal_policy_t values). */
void lc_resource_set_removal_policy(lc_resource_t *r, int policy, int dflt);
/* The file asset reference of a staged asset: {S3Bucket, S3Key} values for the stack's
 * environment (Fn::Sub of the bootstrap bucket, or its literal name when pinned). */
lc_value_t *lc_asset_bucket_value(lc_stack_t *st);

#endif
