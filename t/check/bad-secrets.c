/* bad-secrets.c - credentials written into environment variables (and elsewhere). */
#include <lambdac.h>

LC_FUNCTION(Fn,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .environment = LC_ENV(
        LC_KV("STAGE", "prod"),
        LC_KV("UPSTREAM_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        LC_KV("DB_PASSWORD", "hunter2"),
        LC_KV("DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"),
        LC_KV("API_TOKEN", "{{resolve:secretsmanager:api:SecretString:token}}"),
        LC_KV("SIGNING_SALT", "q8Zr3Lx0PvT7mW2nK9sB4yHc6JdF1gUe"),
        LC_KV("GITHUB", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"),
        LC_KV("TLS_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"),
        LC_KV("MAX_TOKENS", "4096"),
        LC_KV("BUILD", "2024-06-01-main-3f2a9c1")));

/* an access key id outside the environment is still a leaked credential */
LC_ROLE(R, .assumed_by = LC_ARN_PRINCIPAL("arn:aws:iam::123456789012:user/AKIAIOSFODNN7EXAMPLE"));

LC_STACK(Probe, &Fn, &R);
LC_MAIN()
