# t/conformance.mk - the conformance suite (included from t/local.mk).
#   t/conformance.sh         each t/conformance/<s>.c stack vs the aws-cdk-lib golden
#                            t/conformance/expected/<s>.template.json (jq -S -f normalize.jq on
#                            both); also --new-project-flags vs expected-recommended/ for the
#                            scenarios of t/conformance/recommended.list
#   t/conformance-errors.sh  each t/conformance/errors/<name>.c fails as aws-cdk-lib does
#                            (exit 1, CDK's code and message, file:line of the declaration)
# `make goldens` (needs node, npm and the network) installs the oracle's pinned packages
# into $(builddir)/t/conformance/node_modules and re-synthesizes every twin
# t/conformance/<s>.js into expected/ and expected-recommended/.  `make check` never needs
# the network: the goldens are committed.
LC_CONFORMANCE_TESTS = t/conformance.sh t/conformance-errors.sh
TESTS += $(LC_CONFORMANCE_TESTS)
dist_check_SCRIPTS += $(LC_CONFORMANCE_TESTS)

LC_CONFORMANCE_SCENARIOS = \
	t/conformance/a-basic.c \
	t/conformance/ab-efs-imported.c \
	t/conformance/ac-ipv6-imported.c \
	t/conformance/ad-ephemeral.c \
	t/conformance/ag-runtime-management.c \
	t/conformance/b-inline.c \
	t/conformance/c-bucket.c \
	t/conformance/d-python.c \
	t/conformance/f-role.c \
	t/conformance/g-config.c \
	t/conformance/h-logging.c \
	t/conformance/n-arm64.c \
	t/conformance/t-dlq.c \
	t/conformance/u-tracing.c \
	t/conformance/x-reserved-concurrency.c

LC_CONFORMANCE_TWINS = \
	t/conformance/_errors-extra.js \
	t/conformance/_lib.js \
	t/conformance/a-basic.js \
	t/conformance/ab-efs-imported.js \
	t/conformance/ac-ipv6-imported.js \
	t/conformance/ad-ephemeral.js \
	t/conformance/ag-runtime-management.js \
	t/conformance/b-inline.js \
	t/conformance/c-bucket.js \
	t/conformance/d-python.js \
	t/conformance/f-role.js \
	t/conformance/g-config.js \
	t/conformance/h-logging.js \
	t/conformance/n-arm64.js \
	t/conformance/t-dlq.js \
	t/conformance/u-tracing.js \
	t/conformance/x-reserved-concurrency.js

LC_CONFORMANCE_GOLDENS = \
	t/conformance/expected/a-basic.template.json \
	t/conformance/expected/ab-efs-imported.template.json \
	t/conformance/expected/ac-ipv6-imported.template.json \
	t/conformance/expected/ad-ephemeral.template.json \
	t/conformance/expected/ag-runtime-management.template.json \
	t/conformance/expected/b-inline.template.json \
	t/conformance/expected/c-bucket.template.json \
	t/conformance/expected/d-python.template.json \
	t/conformance/expected/f-role.template.json \
	t/conformance/expected/g-config.template.json \
	t/conformance/expected/h-logging.template.json \
	t/conformance/expected/n-arm64.template.json \
	t/conformance/expected/t-dlq.template.json \
	t/conformance/expected/u-tracing.template.json \
	t/conformance/expected/x-reserved-concurrency.template.json

LC_CONFORMANCE_GOLDENS_RECOMMENDED = \
	t/conformance/expected-recommended/a-basic.template.json \
	t/conformance/expected-recommended/ab-efs-imported.template.json \
	t/conformance/expected-recommended/ac-ipv6-imported.template.json \
	t/conformance/expected-recommended/ad-ephemeral.template.json \
	t/conformance/expected-recommended/ag-runtime-management.template.json \
	t/conformance/expected-recommended/b-inline.template.json \
	t/conformance/expected-recommended/c-bucket.template.json \
	t/conformance/expected-recommended/d-python.template.json \
	t/conformance/expected-recommended/f-role.template.json \
	t/conformance/expected-recommended/g-config.template.json \
	t/conformance/expected-recommended/h-logging.template.json \
	t/conformance/expected-recommended/n-arm64.template.json \
	t/conformance/expected-recommended/t-dlq.template.json \
	t/conformance/expected-recommended/u-tracing.template.json \
	t/conformance/expected-recommended/x-reserved-concurrency.template.json

LC_CONFORMANCE_ERRORS = \
	t/conformance/errors/accepted-inline-5000.c \
	t/conformance/errors/accepted-memory-20000.c \
	t/conformance/errors/accepted-memory-64.c \
	t/conformance/errors/accepted-reserved-concurrency-negative.c \
	t/conformance/errors/accepted-timeout-16min.c \
	t/conformance/errors/allow-all-ipv6-outbound-without-vpc.c \
	t/conformance/errors/allow-all-outbound-without-vpc.c \
	t/conformance/errors/application-log-level-conflict.c \
	t/conformance/errors/architecture-conflict.c \
	t/conformance/errors/architectures-two.c \
	t/conformance/errors/description-too-long.c \
	t/conformance/errors/dlq-enabled-false.c \
	t/conformance/errors/dlq-queue-and-topic.c \
	t/conformance/errors/dlq-topic-enabled.c \
	t/conformance/errors/ephemeral-storage-10241.c \
	t/conformance/errors/ephemeral-storage-256.c \
	t/conformance/errors/filesystem-without-vpc.c \
	t/conformance/errors/function-name-format.c \
	t/conformance/errors/function-name-too-long.c \
	t/conformance/errors/inline-code-empty.c \
	t/conformance/errors/inline-code-java11.c \
	t/conformance/errors/ipv6-without-vpc.c \
	t/conformance/errors/log-format-conflict.c \
	t/conformance/errors/log-level-no-format.c \
	t/conformance/errors/log-level-text-format.c \
	t/conformance/errors/log-retention-and-log-group.c \
	t/conformance/errors/mount-path-format.c \
	t/conformance/errors/mount-path-too-long.c \
	t/conformance/errors/reserved-env-aws-region.c \
	t/conformance/errors/reserved-env-lambda-task-root.c \
	t/conformance/errors/security-groups-and-allow-all-outbound.c \
	t/conformance/errors/security-groups-without-vpc.c \
	t/conformance/errors/snapstart-efs.c \
	t/conformance/errors/snapstart-ephemeral.c \
	t/conformance/errors/snapstart-nodejs.c \
	t/conformance/errors/system-log-level-conflict.c \
	t/conformance/errors/too-many-resources.c \
	t/conformance/errors/two-errors.c \
	t/conformance/errors/vpc-subnets-without-vpc.c

LC_CONFORMANCE_FIXTURES = \
	t/conformance/fixtures/docker-handler/Dockerfile \
	t/conformance/fixtures/docker-handler/index.js \
	t/conformance/fixtures/java-handler/handler.zip \
	t/conformance/fixtures/lambda-handler/index.js \
	t/conformance/fixtures/layer-code/nodejs/util.js \
	t/conformance/fixtures/my-python-handler/index.py \
	t/conformance/fixtures/my-python-handler/notes.ignore \
	t/conformance/fixtures/my-python-handler/requirements.txt

LC_CONFORMANCE_MISC = \
	t/conformance/.gitignore \
	t/conformance/errors-extra.json \
	t/conformance/errors.json \
	t/conformance/goldens.sh \
	t/conformance/normalize.jq \
	t/conformance/package-lock.json \
	t/conformance/package.json \
	t/conformance/recommended.list

EXTRA_DIST += $(LC_CONFORMANCE_SCENARIOS) $(LC_CONFORMANCE_TWINS) $(LC_CONFORMANCE_GOLDENS) \
	$(LC_CONFORMANCE_GOLDENS_RECOMMENDED) $(LC_CONFORMANCE_ERRORS) $(LC_CONFORMANCE_FIXTURES) \
	$(LC_CONFORMANCE_MISC)

# ---- make goldens ------------------------------------------------------------------------
LC_CONFORMANCE_NODE_MODULES = $(abs_builddir)/t/conformance/node_modules

goldens:
	@test -n "$(NODE)" || { echo "goldens: node not found (install Node.js, re-run configure)" >&2; exit 1; }
	@test -n "$(NPM)" || { echo "goldens: npm not found (install npm, re-run configure)" >&2; exit 1; }
	$(MKDIR_P) t/conformance
	@if test "$(abs_srcdir)" != "$(abs_builddir)"; then \
	  echo "cp $(srcdir)/t/conformance/package*.json t/conformance/"; \
	  cp -f $(srcdir)/t/conformance/package.json $(srcdir)/t/conformance/package-lock.json \
	    t/conformance/ || exit 1; \
	fi
	cd t/conformance && $(NPM) ci --no-audit --no-fund
	NODE='$(NODE)' $(SHELL) $(srcdir)/t/conformance/goldens.sh -m '$(LC_CONFORMANCE_NODE_MODULES)'

.PHONY: goldens
