'use strict';
// x-code-signing-enforce: a CodeSigningConfig that enforces two publishers - a signing
// profile of the stack (one-year validity, named) and an imported profile version - with
// a description, shared by two functions; a third function uses an imported
// CodeSigningConfig ARN.
const cdk = require('aws-cdk-lib');
const lambda = require('aws-cdk-lib/aws-lambda');
const signer = require('aws-cdk-lib/aws-signer');
const { scenario } = require('./_lib');

scenario('x-code-signing-enforce', (stack) => {
  const own = new signer.SigningProfile(stack, 'Own', {
    platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA,
    signatureValidity: cdk.Duration.days(365),
    signingProfileName: 'release_signer',
  });
  const partner = signer.SigningProfile.fromSigningProfileAttributes(stack, 'Partner', {
    signingProfileName: 'partner_signer',
    signingProfileVersion: 'v2',
  });
  const csc = new lambda.CodeSigningConfig(stack, 'Strict', {
    signingProfiles: [own, partner],
    untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE,
    description: 'only signed code',
  });
  const fn = (id, codeSigningConfig) => new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    codeSigningConfig,
  });
  fn('First', csc);
  fn('Second', csc);
  fn('Third', lambda.CodeSigningConfig.fromCodeSigningConfigArn(stack, 'Shared',
    'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0a1b2c3d4e5f60718'));
});
