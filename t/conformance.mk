# t/conformance.mk - the conformance suite (included from t/local.mk).
#   t/conformance.sh         each t/conformance/<s>.c stack vs the aws-cdk-lib golden
#                            t/conformance/expected/<s>.template.json (jq -S -f normalize.jq on
#                            both); also --new-project-flags vs expected-recommended/ for the
#                            scenarios of t/conformance/recommended.list
#   t/conformance-errors.sh  each t/conformance/errors/<name>.c fails as aws-cdk-lib does
#                            (exit 1, CDK's code and message, file:line of the declaration)
#   t/conformance/dist-check.sh  every file under t/conformance is listed below (the lists
#                            are explicit: add a new scenario's files by hand)
# `make goldens` (needs node, npm and the network) installs the oracle's pinned packages
# into $(builddir)/t/conformance/node_modules and re-synthesizes every twin
# t/conformance/<s>.js into expected/ and expected-recommended/.  `make check` never needs
# the network: the goldens are committed.
LC_CONFORMANCE_TESTS = t/conformance.sh t/conformance-errors.sh
TESTS += $(LC_CONFORMANCE_TESTS) t/conformance/dist-check.sh
dist_check_SCRIPTS += $(LC_CONFORMANCE_TESTS)

# the C stacks, one per scenario
# the C stacks, one per scenario
# the C stacks, one per scenario
LC_CONFORMANCE_SCENARIOS = \
	t/conformance/a-basic.c \
	t/conformance/aa-loggroup.c \
	t/conformance/ab-efs-imported.c \
	t/conformance/ac-ipv6-imported.c \
	t/conformance/ad-ephemeral.c \
	t/conformance/ae-singleton.c \
	t/conformance/af-code-signing.c \
	t/conformance/ag-runtime-management.c \
	t/conformance/ah-exclude.c \
	t/conformance/ai-version-upgrade.c \
	t/conformance/aj-layers-hash.c \
	t/conformance/b-inline.c \
	t/conformance/c-bucket.c \
	t/conformance/d-python.c \
	t/conformance/e-docker.c \
	t/conformance/f-role.c \
	t/conformance/g-config.c \
	t/conformance/h-logging.c \
	t/conformance/i-permissions.c \
	t/conformance/j-version.c \
	t/conformance/k-current-version.c \
	t/conformance/l-function-url.c \
	t/conformance/m-layer.c \
	t/conformance/n-arm64.c \
	t/conformance/o1-insights-agnostic.c \
	t/conformance/o2-insights-pinned.c \
	t/conformance/p1-params-secrets-agnostic.c \
	t/conformance/p2-params-secrets-pinned.c \
	t/conformance/q-events-rule.c \
	t/conformance/r-event-sources.c \
	t/conformance/s-imported.c \
	t/conformance/t-dlq.c \
	t/conformance/u-tracing.c \
	t/conformance/v-adot.c \
	t/conformance/w-profiling.c \
	t/conformance/x-code-signing-enforce.c \
	t/conformance/x-imported-agnostic.c \
	t/conformance/x-org-conditions.c \
	t/conformance/x-reserved-concurrency.c \
	t/conformance/x-singleton-url.c \
	t/conformance/x-url-alias-cors.c \
	t/conformance/x-version-permissions.c \
	t/conformance/xi-event-sources.c \
	t/conformance/xi-events.c \
	t/conformance/xi-extensions.c \
	t/conformance/xi-log-retention.c \
	t/conformance/xi-pinned-layers.c \
	t/conformance/y-snapstart.c \
	t/conformance/z-autoscaling.c

# their aws-cdk-lib twins (and the helpers/probes, _*.js)
LC_CONFORMANCE_TWINS = \
	t/conformance/_errors-extra.js \
	t/conformance/_lib.js \
	t/conformance/a-basic.js \
	t/conformance/aa-loggroup.js \
	t/conformance/ab-efs-imported.js \
	t/conformance/ac-ipv6-imported.js \
	t/conformance/ad-ephemeral.js \
	t/conformance/ae-singleton.js \
	t/conformance/af-code-signing.js \
	t/conformance/ag-runtime-management.js \
	t/conformance/ah-exclude.js \
	t/conformance/ai-version-upgrade.js \
	t/conformance/aj-layers-hash.js \
	t/conformance/b-inline.js \
	t/conformance/c-bucket.js \
	t/conformance/d-python.js \
	t/conformance/e-docker.js \
	t/conformance/f-role.js \
	t/conformance/g-config.js \
	t/conformance/h-logging.js \
	t/conformance/i-permissions.js \
	t/conformance/j-version.js \
	t/conformance/k-current-version.js \
	t/conformance/l-function-url.js \
	t/conformance/m-layer.js \
	t/conformance/n-arm64.js \
	t/conformance/o1-insights-agnostic.js \
	t/conformance/o2-insights-pinned.js \
	t/conformance/p1-params-secrets-agnostic.js \
	t/conformance/p2-params-secrets-pinned.js \
	t/conformance/q-events-rule.js \
	t/conformance/r-event-sources.js \
	t/conformance/s-imported.js \
	t/conformance/t-dlq.js \
	t/conformance/u-tracing.js \
	t/conformance/v-adot.js \
	t/conformance/w-profiling.js \
	t/conformance/x-code-signing-enforce.js \
	t/conformance/x-imported-agnostic.js \
	t/conformance/x-org-conditions.js \
	t/conformance/x-reserved-concurrency.js \
	t/conformance/x-singleton-url.js \
	t/conformance/x-url-alias-cors.js \
	t/conformance/x-version-permissions.js \
	t/conformance/xi-event-sources.js \
	t/conformance/xi-events.js \
	t/conformance/xi-extensions.js \
	t/conformance/xi-log-retention.js \
	t/conformance/xi-pinned-layers.js \
	t/conformance/y-snapstart.js \
	t/conformance/z-autoscaling.js

# goldens, flags unset
LC_CONFORMANCE_GOLDENS = \
	t/conformance/expected/a-basic.template.json \
	t/conformance/expected/aa-loggroup.template.json \
	t/conformance/expected/ab-efs-imported.template.json \
	t/conformance/expected/ac-ipv6-imported.template.json \
	t/conformance/expected/ad-ephemeral.template.json \
	t/conformance/expected/ae-singleton.template.json \
	t/conformance/expected/af-code-signing.template.json \
	t/conformance/expected/ag-runtime-management.template.json \
	t/conformance/expected/ah-exclude.template.json \
	t/conformance/expected/ai-version-upgrade.template.json \
	t/conformance/expected/aj-layers-hash.template.json \
	t/conformance/expected/b-inline.template.json \
	t/conformance/expected/c-bucket.template.json \
	t/conformance/expected/d-python.template.json \
	t/conformance/expected/e-docker.template.json \
	t/conformance/expected/f-role.template.json \
	t/conformance/expected/g-config.template.json \
	t/conformance/expected/h-logging.template.json \
	t/conformance/expected/i-permissions.template.json \
	t/conformance/expected/j-version.template.json \
	t/conformance/expected/k-current-version.template.json \
	t/conformance/expected/l-function-url.template.json \
	t/conformance/expected/m-layer.template.json \
	t/conformance/expected/n-arm64.template.json \
	t/conformance/expected/o1-insights-agnostic.template.json \
	t/conformance/expected/o2-insights-pinned.template.json \
	t/conformance/expected/p1-params-secrets-agnostic.template.json \
	t/conformance/expected/p2-params-secrets-pinned.template.json \
	t/conformance/expected/q-events-rule.template.json \
	t/conformance/expected/r-event-sources.template.json \
	t/conformance/expected/s-imported.template.json \
	t/conformance/expected/t-dlq.template.json \
	t/conformance/expected/u-tracing.template.json \
	t/conformance/expected/v-adot.template.json \
	t/conformance/expected/w-profiling.template.json \
	t/conformance/expected/x-code-signing-enforce.template.json \
	t/conformance/expected/x-imported-agnostic.template.json \
	t/conformance/expected/x-org-conditions.template.json \
	t/conformance/expected/x-reserved-concurrency.template.json \
	t/conformance/expected/x-singleton-url.template.json \
	t/conformance/expected/x-url-alias-cors.template.json \
	t/conformance/expected/x-version-permissions.template.json \
	t/conformance/expected/xi-event-sources.template.json \
	t/conformance/expected/xi-events.template.json \
	t/conformance/expected/xi-extensions.template.json \
	t/conformance/expected/xi-log-retention.template.json \
	t/conformance/expected/xi-pinned-layers.template.json \
	t/conformance/expected/y-snapstart.template.json \
	t/conformance/expected/z-autoscaling.template.json

# goldens, new-project flags
LC_CONFORMANCE_GOLDENS_RECOMMENDED = \
	t/conformance/expected-recommended/a-basic.template.json \
	t/conformance/expected-recommended/aa-loggroup.template.json \
	t/conformance/expected-recommended/ab-efs-imported.template.json \
	t/conformance/expected-recommended/ac-ipv6-imported.template.json \
	t/conformance/expected-recommended/ad-ephemeral.template.json \
	t/conformance/expected-recommended/ae-singleton.template.json \
	t/conformance/expected-recommended/af-code-signing.template.json \
	t/conformance/expected-recommended/ag-runtime-management.template.json \
	t/conformance/expected-recommended/ah-exclude.template.json \
	t/conformance/expected-recommended/ai-version-upgrade.template.json \
	t/conformance/expected-recommended/aj-layers-hash.template.json \
	t/conformance/expected-recommended/b-inline.template.json \
	t/conformance/expected-recommended/c-bucket.template.json \
	t/conformance/expected-recommended/d-python.template.json \
	t/conformance/expected-recommended/e-docker.template.json \
	t/conformance/expected-recommended/f-role.template.json \
	t/conformance/expected-recommended/g-config.template.json \
	t/conformance/expected-recommended/h-logging.template.json \
	t/conformance/expected-recommended/i-permissions.template.json \
	t/conformance/expected-recommended/j-version.template.json \
	t/conformance/expected-recommended/k-current-version.template.json \
	t/conformance/expected-recommended/l-function-url.template.json \
	t/conformance/expected-recommended/m-layer.template.json \
	t/conformance/expected-recommended/n-arm64.template.json \
	t/conformance/expected-recommended/o1-insights-agnostic.template.json \
	t/conformance/expected-recommended/o2-insights-pinned.template.json \
	t/conformance/expected-recommended/p1-params-secrets-agnostic.template.json \
	t/conformance/expected-recommended/p2-params-secrets-pinned.template.json \
	t/conformance/expected-recommended/q-events-rule.template.json \
	t/conformance/expected-recommended/r-event-sources.template.json \
	t/conformance/expected-recommended/s-imported.template.json \
	t/conformance/expected-recommended/t-dlq.template.json \
	t/conformance/expected-recommended/u-tracing.template.json \
	t/conformance/expected-recommended/v-adot.template.json \
	t/conformance/expected-recommended/w-profiling.template.json \
	t/conformance/expected-recommended/x-code-signing-enforce.template.json \
	t/conformance/expected-recommended/x-imported-agnostic.template.json \
	t/conformance/expected-recommended/x-org-conditions.template.json \
	t/conformance/expected-recommended/x-reserved-concurrency.template.json \
	t/conformance/expected-recommended/x-singleton-url.template.json \
	t/conformance/expected-recommended/x-url-alias-cors.template.json \
	t/conformance/expected-recommended/x-version-permissions.template.json \
	t/conformance/expected-recommended/xi-event-sources.template.json \
	t/conformance/expected-recommended/xi-events.template.json \
	t/conformance/expected-recommended/xi-extensions.template.json \
	t/conformance/expected-recommended/xi-log-retention.template.json \
	t/conformance/expected-recommended/xi-pinned-layers.template.json \
	t/conformance/expected-recommended/y-snapstart.template.json \
	t/conformance/expected-recommended/z-autoscaling.template.json

# invalid stacks (t/conformance-errors.sh)
LC_CONFORMANCE_ERRORS = \
	t/conformance/errors/accepted-imported-add-permission.c \
	t/conformance/errors/accepted-inline-5000.c \
	t/conformance/errors/accepted-memory-20000.c \
	t/conformance/errors/accepted-memory-64.c \
	t/conformance/errors/accepted-reserved-concurrency-negative.c \
	t/conformance/errors/accepted-timeout-16min.c \
	t/conformance/errors/adot-python-regular-handler.c \
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
	t/conformance/errors/function-url-max-age.c \
	t/conformance/errors/function-url-on-version.c \
	t/conformance/errors/imported-grant-env-agnostic.c \
	t/conformance/errors/inline-code-empty.c \
	t/conformance/errors/inline-code-java11.c \
	t/conformance/errors/insights-arm-1-0-98.c \
	t/conformance/errors/ipv6-without-vpc.c \
	t/conformance/errors/log-format-conflict.c \
	t/conformance/errors/log-level-no-format.c \
	t/conformance/errors/log-level-text-format.c \
	t/conformance/errors/log-retention-and-log-group.c \
	t/conformance/errors/mount-path-format.c \
	t/conformance/errors/mount-path-too-long.c \
	t/conformance/errors/params-secrets-cache-size.c \
	t/conformance/errors/profiling-nodejs.c \
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

# per-scenario masks of intended differences
LC_CONFORMANCE_EXCEPT = \
	t/conformance/except/aa-loggroup.jq \
	t/conformance/except/r-event-sources.jq \
	t/conformance/except/xi-event-sources.jq \
	t/conformance/except/xi-log-retention.jq

# asset fixtures (a copy of the oracle's)
LC_CONFORMANCE_FIXTURES = \
	t/conformance/fixtures/docker-handler/Dockerfile \
	t/conformance/fixtures/docker-handler/index.js \
	t/conformance/fixtures/java-handler/handler.zip \
	t/conformance/fixtures/lambda-handler/index.js \
	t/conformance/fixtures/layer-code/nodejs/util.js \
	t/conformance/fixtures/my-python-handler/index.py \
	t/conformance/fixtures/my-python-handler/notes.ignore \
	t/conformance/fixtures/my-python-handler/requirements.txt

# scripts, normalizer, CDK error probes, npm pins
LC_CONFORMANCE_MISC = \
	t/conformance/.gitignore \
	t/conformance/dist-check.sh \
	t/conformance/errors-extra.json \
	t/conformance/errors.json \
	t/conformance/goldens.sh \
	t/conformance/normalize.jq \
	t/conformance/package-lock.json \
	t/conformance/package.json \
	t/conformance/recommended.list

EXTRA_DIST += $(LC_CONFORMANCE_SCENARIOS) $(LC_CONFORMANCE_TWINS) $(LC_CONFORMANCE_GOLDENS) $(LC_CONFORMANCE_GOLDENS_RECOMMENDED) \
	$(LC_CONFORMANCE_ERRORS) $(LC_CONFORMANCE_EXCEPT) $(LC_CONFORMANCE_FIXTURES) $(LC_CONFORMANCE_MISC)

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
