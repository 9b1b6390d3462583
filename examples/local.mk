# Examples: one stack per README section; built by `make check` and run by t/examples.sh.
LC_EXAMPLES = \
	examples/hello \
	examples/l1-function \
	examples/handler-code \
	examples/execution-role \
	examples/function-config \
	examples/advanced-logging \
	examples/dlq \
	examples/tracing \
	examples/runtime-updates \
	examples/vpc-efs-ipv6
check_PROGRAMS += $(LC_EXAMPLES)
examples_hello_LDADD = $(LC_LDADD)
examples_l1_function_LDADD = $(LC_LDADD)
examples_handler_code_LDADD = $(LC_LDADD)
examples_execution_role_LDADD = $(LC_LDADD)
examples_function_config_LDADD = $(LC_LDADD)
examples_advanced_logging_LDADD = $(LC_LDADD)
examples_dlq_LDADD = $(LC_LDADD)
examples_tracing_LDADD = $(LC_LDADD)
examples_runtime_updates_LDADD = $(LC_LDADD)
examples_vpc_efs_ipv6_LDADD = $(LC_LDADD)
EXTRA_DIST += examples/lambda-handler/index.js
