# t/assembly.mk - cloud assembly, asset staging and zip tests (included from t/local.mk).
#   t/60-zip.t              lc_zip_dir: byte-identical archives from trees written in other
#                           orders, umasks and mtimes; format rules; unzip -t; errors
#   t/assembly.sh           --output DIR against aws-cdk-lib's assemblies (a-basic, e-docker,
#                           y-snapstart, t/assembly/multi), metadata switches, staging,
#                           the asset cache, failure atomicity, --package
#   t/assembly-validate.sh  the oracle's validate.sh --assembly and `cdk diff --template`
#                           on the examples' assemblies; skipped (77) unless
#                           LC_VALIDATE_DIR names an installed copy of oracle/validate
# Goldens: t/assembly/expected/<s>/ are the oracle's expected/<s>.assembly files (metadata
# without creation traces, tree without L1 props, cli.template.json = expected-cli minus
# CDKMetadata, recommended.manifest.json = t/conformance/a-basic.js run with
# CDK_ORACLE_RECOMMENDED=1); multi/ and bundling/ are written by t/assembly/{multi,bundling}.js.
LC_ASSEMBLY_TESTS = t/60-zip.t t/assembly.sh t/assembly-validate.sh
check_PROGRAMS += t/60-zip.t
TESTS += $(LC_ASSEMBLY_TESTS)
dist_check_SCRIPTS += t/assembly.sh t/assembly-validate.sh
t_60_zip_t_SOURCES = t/60-zip.c t/tap.h
t_60_zip_t_LDADD = $(LC_LDADD)
AM_TESTS_ENVIRONMENT += LC_VALIDATE_DIR='$(LC_VALIDATE_DIR)'; export LC_VALIDATE_DIR;
EXTRA_DIST += \
	t/assembly/multi.c t/assembly/multi.js \
	t/assembly/bundling.c t/assembly/bundling.js \
	t/assembly/expected/bundling/manifest.json t/assembly/expected/bundling/bund.assets.json \
	t/assembly/expected/bundling/bund.template.json \
	t/assembly/expected/multi/manifest.json \
	t/assembly/expected/multi/Alpha.assets.json t/assembly/expected/multi/Alpha.template.json \
	t/assembly/expected/multi/Beta.assets.json t/assembly/expected/multi/Beta.template.json \
	t/assembly/expected/a-basic/manifest.json t/assembly/expected/a-basic/a-basic.assets.json \
	t/assembly/expected/a-basic/a-basic.template.json t/assembly/expected/a-basic/a-basic.metadata.json \
	t/assembly/expected/a-basic/tree.json t/assembly/expected/a-basic/cli.template.json \
	t/assembly/expected/a-basic/recommended.manifest.json \
	t/assembly/expected/e-docker/manifest.json t/assembly/expected/e-docker/e-docker.assets.json \
	t/assembly/expected/e-docker/e-docker.template.json t/assembly/expected/e-docker/e-docker.metadata.json \
	t/assembly/expected/e-docker/tree.json t/assembly/expected/e-docker/cli.template.json \
	t/assembly/expected/y-snapstart/manifest.json t/assembly/expected/y-snapstart/y-snapstart.assets.json \
	t/assembly/expected/y-snapstart/y-snapstart.template.json \
	t/assembly/expected/y-snapstart/y-snapstart.metadata.json \
	t/assembly/expected/y-snapstart/tree.json t/assembly/expected/y-snapstart/cli.template.json \
	t/conformance/e-docker.c t/conformance/e-docker.js \
	t/conformance/y-snapstart.c t/conformance/y-snapstart.js \
	t/conformance/ah-exclude.c t/conformance/ah-exclude.js \
	t/conformance/expected/e-docker.template.json \
	t/conformance/expected/y-snapstart.template.json \
	t/conformance/expected/ah-exclude.template.json \
	t/conformance/expected-recommended/e-docker.template.json \
	t/conformance/expected-recommended/y-snapstart.template.json \
	t/conformance/expected-recommended/ah-exclude.template.json
