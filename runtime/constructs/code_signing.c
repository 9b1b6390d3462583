/* code_signing.c - lambda.CodeSigningConfig and signer.SigningProfile.
 *
 * A CodeSigningConfig lists the signing profile *versions* a function accepts
 * (AllowedPublishers.SigningProfileVersionArns = each profile's ProfileVersionArn) and
 * what to do with unsigned code (Warn unless told to Enforce).  The function points at it
 * with CodeSigningConfigArn, a property CDK does not count as version-locked, so
 * attaching a config never publishes a new version by itself.  A SigningProfile's
 * validity is 135 months unless given, then a whole number of days - the same defaults
 * as aws-cdk-lib, because a different default would replace the profile on deploy.
 * The profile's name reaches the template only under the new-project flag
 * @aws-cdk/aws-signer:signingProfileNamePassedToCfn (older apps never sent it, and
 * sending it now would replace their profiles).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <lambdac/access.h>
#include <lambdac/arn.h>
#include <lambdac/synth.h>

#include "access-internal.h"

static const char *unit_label(int unit)
{
    switch (unit) {
    case LC_UNIT_MILLIS: return "millis";
    case LC_UNIT_SECONDS: return "seconds";
    case LC_UNIT_MINUTES: return "minutes";
    case LC_UNIT_HOURS: return "hours";
    default: return "days";
    }
}

static int64_t unit_ms(int unit)
{
    switch (unit) {
    case LC_UNIT_MILLIS: return 1;
    case LC_UNIT_SECONDS: return 1000;
    case LC_UNIT_MINUTES: return 60000;
    case LC_UNIT_HOURS: return 3600000;
    default: return 86400000;
    }
}

lc_node_t *lc_signing_profile_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_signing_profile_t *sp = (const lc_signing_profile_t *)d;
    const lc_signing_profile_props_t *p = &sp->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (sp->imported) {
        /* fromSigningProfileAttributes: stack.formatArn({service: "signer", resource: "",
         * resourceName: "/signing-profiles/<name>/<version>"}) - the "//" is CDK's */
        n->l2 = lc_format_arn(st, "signer", "", '/',
                              lc_sprintf(a, "/signing-profiles/%s/%s",
                                         p->signing_profile_name ? p->signing_profile_name : "",
                                         p->signing_profile_version ? p->signing_profile_version : ""));
        return n;
    }
    if (!p->platform || !*p->platform) {
        lc_error(app, n, "SigningPlatformRequired", "SigningProfile requires 'platform'");
        return n;
    }
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Signer::SigningProfile");
    if (!r)
        return n;
    lc_stack_use_section(st, "Resources");
    lc_obj_set(a, r->props, "PlatformId", lc_v_str(a, p->platform));
    if (p->signing_profile_name && app->flags.signer_profile_name_to_cfn)
        lc_obj_set(a, r->props, "ProfileName", lc_v_str(a, p->signing_profile_name));
    lc_value_t *validity = lc_v_obj(a);
    if (p->signature_validity.set) {
        if (p->signature_validity.ms % 86400000) {
            lc_error(app, n, "DurationNotIntegral",
                     "'%lld %s' cannot be converted into a whole number of days.",
                     (long long)(p->signature_validity.ms / unit_ms(p->signature_validity.unit)),
                     unit_label(p->signature_validity.unit));
        }
        lc_obj_set(a, validity, "Type", lc_v_str(a, "DAYS"));
        lc_obj_set(a, validity, "Value", lc_v_int(a, p->signature_validity.ms / 86400000));
    } else {
        lc_obj_set(a, validity, "Type", lc_v_str(a, "MONTHS"));
        lc_obj_set(a, validity, "Value", lc_v_int(a, 135));
    }
    lc_obj_set(a, r->props, "SignatureValidityPeriod", validity);
    return n;
}

/* signingProfile.signingProfileVersionArn */
static const lc_value_t *profile_version_arn(lc_stack_t *st, const lc_signing_profile_t *sp)
{
    lc_node_t *n = lc_expand(st, sp);
    if (!n)
        return NULL;
    if (sp->imported)
        return n->l2;
    return lc_getatt(st->app, n, "ProfileVersionArn");
}

lc_node_t *lc_code_signing_config_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_code_signing_config_t *cd = (const lc_code_signing_config_t *)d;
    const lc_code_signing_config_props_t *p = &cd->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (p->arn) {
        /* fromCodeSigningConfigArn: the ARN must carry a resource name */
        lc_arn_t arn;
        char err[512];
        const char *text = p->arn;
        if (lc_arn_parse(text, SIZE_MAX, &arn, err, sizeof err) != 0)
            lc_error(app, n, arn.error_code, "%s", err);
        else if (!arn.token && !((arn.resource_name.flags & LC_ARN_PRESENT) && arn.resource_name.n))
            lc_error(app, n, "MustBeCodeSigningConfig",
                     "Code signing config ARN must be in the format "
                     "'arn:<partition>:lambda:<region>:<account>:code-signing-config:<codeSigningConfigArn>', "
                     "got: '%s'", text);
        n->l2 = lc_v_str(a, text);
        return n;
    }
    if (!p->nsigning_profiles)
        lc_error(app, n, "SigningProfilesRequired", "CodeSigningConfig requires 'signing_profiles'");
    lc_value_t *arns = lc_v_arr(a);
    for (size_t i = 0; i < p->nsigning_profiles; i++) {
        const lc_value_t *v = profile_version_arn(st, p->signing_profiles[i]);
        if (v)
            lc_arr_push(a, arns, v);
    }
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::CodeSigningConfig");
    if (!r)
        return n;
    lc_stack_use_section(st, "Resources");
    lc_value_t *pubs = lc_v_obj(a);
    lc_obj_set(a, pubs, "SigningProfileVersionArns", arns);
    lc_obj_set(a, r->props, "AllowedPublishers", pubs);
    lc_value_t *pol = lc_v_obj(a);
    lc_obj_set(a, pol, "UntrustedArtifactOnDeployment",
               lc_v_str(a, p->untrusted_artifact_on_deployment == LC_UNTRUSTED_ARTIFACT_ENFORCE
                               ? "Enforce" : "Warn"));
    lc_obj_set(a, r->props, "CodeSigningPolicies", pol);
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    return n;
}

lc_value_t *lc_code_signing_config_arn_value(lc_stack_t *st, lc_node_t *fn_node,
                                             const struct lc_code_signing_config *csc)
{
    lc_node_t *n = lc_expand(st, csc);
    if (!n || n->l2_kind != LC_DECL_CODE_SIGNING_CONFIG) {
        lc_error(st->app, fn_node, "CodeSigningConfigRequired",
                 "'code_signing_config' must point at an LC_CODE_SIGNING_CONFIG declaration");
        return lc_v_str(st->app->arena, "");
    }
    if (csc->p.arn)
        return n->l2;
    return lc_getatt(st->app, n, "CodeSigningConfigArn");
}
