# t/access.mk - tests of permissions, function URLs, imports, code signing and singletons
# (included at the end of t/local.mk).
#   t/40-arn.t      the ARN scanner (runtime/arn.re): valid, partial, token-bearing and
#                   malformed ARNs, with aws-cdk-lib's messages and codes
#   t/41-access.t   construct ids, idempotent grants, singletons, the environment rules of
#                   imports, and every error and warning, through the synthesizer API
# The conformance scenarios (t/conformance/<s>.c + twin <s>.js + goldens) and the error
# scenarios below are found by name by t/conformance.sh and t/conformance-errors.sh; this
# fragment only puts them in the tarball.
access_tests = \
	t/40-arn.t \
	t/41-access.t
check_PROGRAMS += $(access_tests)
TESTS += $(access_tests)
t_40_arn_t_SOURCES = t/40-arn.c
t_40_arn_t_LDADD = $(LC_LDADD)
t_41_access_t_SOURCES = t/41-access.c
t_41_access_t_LDADD = $(LC_LDADD)

LC_ACCESS_SCENARIOS = \
	t/conformance/i-permissions.c \
	t/conformance/l-function-url.c \
	t/conformance/s-imported.c \
	t/conformance/af-code-signing.c \
	t/conformance/ae-singleton.c \
	t/conformance/x-url-alias-cors.c \
	t/conformance/x-org-conditions.c \
	t/conformance/x-imported-agnostic.c \
	t/conformance/x-singleton-url.c \
	t/conformance/x-code-signing-enforce.c \
	t/conformance/x-version-permissions.c \
	t/conformance/i-permissions.js \
	t/conformance/l-function-url.js \
	t/conformance/s-imported.js \
	t/conformance/af-code-signing.js \
	t/conformance/ae-singleton.js \
	t/conformance/x-url-alias-cors.js \
	t/conformance/x-org-conditions.js \
	t/conformance/x-imported-agnostic.js \
	t/conformance/x-singleton-url.js \
	t/conformance/x-code-signing-enforce.js \
	t/conformance/x-version-permissions.js

LC_ACCESS_GOLDENS = \
	t/conformance/expected/i-permissions.template.json \
	t/conformance/expected/l-function-url.template.json \
	t/conformance/expected/s-imported.template.json \
	t/conformance/expected/af-code-signing.template.json \
	t/conformance/expected/ae-singleton.template.json \
	t/conformance/expected/x-url-alias-cors.template.json \
	t/conformance/expected/x-org-conditions.template.json \
	t/conformance/expected/x-imported-agnostic.template.json \
	t/conformance/expected/x-singleton-url.template.json \
	t/conformance/expected/x-code-signing-enforce.template.json \
	t/conformance/expected/x-version-permissions.template.json \
	t/conformance/expected-recommended/i-permissions.template.json \
	t/conformance/expected-recommended/l-function-url.template.json \
	t/conformance/expected-recommended/s-imported.template.json \
	t/conformance/expected-recommended/af-code-signing.template.json \
	t/conformance/expected-recommended/ae-singleton.template.json \
	t/conformance/expected-recommended/x-url-alias-cors.template.json \
	t/conformance/expected-recommended/x-org-conditions.template.json \
	t/conformance/expected-recommended/x-imported-agnostic.template.json \
	t/conformance/expected-recommended/x-singleton-url.template.json \
	t/conformance/expected-recommended/x-code-signing-enforce.template.json \
	t/conformance/expected-recommended/x-version-permissions.template.json

LC_ACCESS_ERRORS = \
	t/conformance/errors/accepted-imported-add-permission.c \
	t/conformance/errors/function-url-max-age.c \
	t/conformance/errors/function-url-on-version.c \
	t/conformance/errors/imported-grant-env-agnostic.c

EXTRA_DIST += $(LC_ACCESS_SCENARIOS) $(LC_ACCESS_GOLDENS) $(LC_ACCESS_ERRORS)
