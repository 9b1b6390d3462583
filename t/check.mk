# t/check.mk - lambdac-check tests (issue 8), included from t/local.mk.
#   t/check.sh         the corpus t/check/*.c against t/check/*.expected, output formats,
#                      command line, examples/ clean
#   t/check-agree.sh   the corpus built with the library: the synthesizer's [Code]s equal
#                      the checker's cdk/ rules
#   t/check-lexer.sh   every .c/.h under /usr/include read without a syntax error (77
#                      when no such tree)
#   t/check-macros.sh  every public LC_* macro has a row in the checker's table (TODO)
TESTS += t/check.sh t/check-agree.sh t/check-lexer.sh t/check-macros.sh
EXTRA_DIST += t/check.sh t/check-agree.sh t/check-lexer.sh t/check-macros.sh \
	$(LC_CHECK_CORPUS)
LC_CHECK_CORPUS = \
	t/check/bad-architecture.c t/check/bad-architecture.expected \
	t/check/bad-code.c t/check/bad-code.expected \
	t/check/bad-description.c t/check/bad-description.expected \
	t/check/bad-dlq.c t/check/bad-dlq.expected \
	t/check/bad-ephemeral.c t/check/bad-ephemeral.expected \
	t/check/bad-event-invoke.c t/check/bad-event-invoke.expected \
	t/check/bad-function-name.c t/check/bad-function-name.expected \
	t/check/bad-l1-types.c t/check/bad-l1-types.expected \
	t/check/bad-l1-values.c t/check/bad-l1-values.expected \
	t/check/bad-layers.c t/check/bad-layers.expected \
	t/check/bad-logging.c t/check/bad-logging.expected \
	t/check/bad-model.c t/check/bad-model.expected \
	t/check/bad-ops.c t/check/bad-ops.expected \
	t/check/bad-references.c t/check/bad-references.expected \
	t/check/bad-reserved-env.c t/check/bad-reserved-env.expected \
	t/check/bad-secrets.c t/check/bad-secrets.expected \
	t/check/bad-snapstart.c t/check/bad-snapstart.expected \
	t/check/bad-url.c t/check/bad-url.expected \
	t/check/bad-vpc.c t/check/bad-vpc.expected \
	t/check/conditional.c t/check/conditional.expected \
	t/check/good-full.c t/check/good-full.expected \
	t/check/good-hello.c t/check/good-hello.expected \
	t/check/not-static.c t/check/not-static.expected \
	t/check/opaque.c t/check/opaque.expected \
	t/check/ops-sqs-visibility.c t/check/ops-sqs-visibility.expected \
	t/check/suppressions.c t/check/suppressions.expected \
	t/check/syntax.c t/check/syntax.expected \
	t/check/unknown-macros.c t/check/unknown-macros.expected \
	t/check/handler/Handler.cs
