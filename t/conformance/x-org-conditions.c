/* x-org-conditions: organization principals and conditions.  An OrganizationPrincipal,
 * an ArnPrincipal in an organization, a service principal whose ArnLike condition becomes
 * SourceArn, the stack's own account (Ref AWS::AccountId), an addPermission for anyone in
 * an organization with another action, and roles trusted by an account in an
 * organization with an extra condition (the two StringEquals merge) and by a composite
 * principal (one trust statement each).  Twin: x-org-conditions.js. */
#include <lambdac.h>

#define ORG "o-abcdefghij"

LC_FUNCTION(Worker,
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("def handler(event, context):\n    return event"));
LC_GRANT_INVOKE(OrgMayInvoke, .function = &Worker, .principal = LC_ORGANIZATION_PRINCIPAL(ORG));
LC_GRANT_INVOKE(CallerInOrg, .function = &Worker,
    .principal = LC_ARN_PRINCIPAL("arn:aws:iam::111122223333:role/Caller", .in_organization = ORG));
LC_GRANT_INVOKE(AlertsTopic, .function = &Worker,
    .principal = LC_SERVICE_PRINCIPAL("sns.amazonaws.com",
        .conditions = LC_CONDITIONS(
            LC_COND("ArnLike", "aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:alerts"))));
LC_GRANT_INVOKE(OwnAccount, .function = &Worker, .principal = LC_ACCOUNT_ROOT_PRINCIPAL);
LC_PERMISSION(OrgMayRead, .function = &Worker,
    .principal = LC_ANY_PRINCIPAL,
    .action = "lambda:GetFunction",
    .organization_id = ORG);

LC_ROLE(OrgRole,
    .assumed_by = LC_ACCOUNT_PRINCIPAL("111122223333", .in_organization = ORG,
        .conditions = LC_CONDITIONS(LC_COND("StringEquals", "sts:ExternalId", "secret"))));
LC_ROLE(MultiRole,
    .assumed_by = LC_COMPOSITE_PRINCIPAL(
        &LC_SERVICE_PRINCIPAL("lambda"),
        &LC_ORGANIZATION_PRINCIPAL(ORG),
        &LC_ANY_PRINCIPAL));

LC_STACK_NAMED(Stack, "x-org-conditions",
    &Worker, &OrgMayInvoke, &CallerInOrg, &AlertsTopic, &OwnAccount, &OrgMayRead,
    &OrgRole, &MultiRole);
LC_MAIN();
