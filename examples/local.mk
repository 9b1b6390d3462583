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
	examples/vpc-efs-ipv6 \
	examples/assets \
	examples/docker-image
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
examples_assets_LDADD = $(LC_LDADD)
examples_docker_image_LDADD = $(LC_LDADD)
EXTRA_DIST += examples/asset-files/docker-handler/Dockerfile \
	examples/asset-files/docker-handler/index.js \
	examples/asset-files/docker-handler/.dockerignore \
	examples/asset-files/docker-handler/README.md \
	examples/asset-files/python-handler/index.py \
	examples/asset-files/python-handler/requirements.txt \
	examples/asset-files/python-handler/notes.ignore \
	examples/asset-files/python-layer/python/util.py \
	examples/asset-files/java-handler.zip
