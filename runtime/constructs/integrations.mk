# runtime/constructs/integrations.mk - Insights / ADOT / Params-and-Secrets / profiling,
# log retention, event sources, events rules, autoscaling (included from
# runtime/constructs/local.mk).
#
#   spec/layer-arns/*.json (dumped from aws-cdk-lib's region-info by
#   spec/layer-arns/extract.js)
#     --gen/emit-layer-arns.jq--> include/lambdac/layer_versions.gen.h  (version constants)
#     --gen/emit-layer-arns.jq--> runtime/layer_arns.gen.c              (ARN tables)
#
# Both outputs live in the build tree (nodist_), like the L1 code; each rule writes
# $@.tmp and renames it.
LC_LAYER_ARNS_JSON = \
	$(srcdir)/spec/layer-arns/regions.json \
	$(srcdir)/spec/layer-arns/insights.json \
	$(srcdir)/spec/layer-arns/params-and-secrets.json \
	$(srcdir)/spec/layer-arns/adot.json
LC_LAYER_ARNS_JQ = $(JQ) -n -r \
	--slurpfile regions $(srcdir)/spec/layer-arns/regions.json \
	--slurpfile insights $(srcdir)/spec/layer-arns/insights.json \
	--slurpfile ps $(srcdir)/spec/layer-arns/params-and-secrets.json \
	--slurpfile adot $(srcdir)/spec/layer-arns/adot.json \
	-f $(srcdir)/gen/emit-layer-arns.jq

liblambdac_la_SOURCES += \
	runtime/constructs/integ.h \
	runtime/constructs/integ_util.c \
	runtime/constructs/layer_arns.c \
	runtime/constructs/handlers.c \
	runtime/constructs/log_retention.c \
	runtime/constructs/sources.c \
	runtime/constructs/event_sources.c \
	runtime/constructs/events.c \
	runtime/constructs/autoscaling.c
nodist_liblambdac_la_SOURCES += runtime/layer_arns.gen.c
nobase_include_HEADERS += include/lambdac/integrations.h
nobase_nodist_include_HEADERS += include/lambdac/layer_versions.gen.h
BUILT_SOURCES += include/lambdac/layer_versions.gen.h runtime/layer_arns.gen.c
CLEANFILES += include/lambdac/layer_versions.gen.h runtime/layer_arns.gen.c
EXTRA_DIST += gen/emit-layer-arns.jq $(LC_LAYER_ARNS_JSON) spec/layer-arns/extract.js \
	spec/layer-arns/README.md

include/lambdac/layer_versions.gen.h: $(LC_LAYER_ARNS_JSON) $(srcdir)/gen/emit-layer-arns.jq
	$(AM_V_GEN)$(MKDIR_P) include/lambdac && \
	if $(LC_LAYER_ARNS_JQ) --arg out header > $@.tmp; \
	then mv -f $@.tmp $@; else rm -f $@.tmp; exit 1; fi

runtime/layer_arns.gen.c: $(LC_LAYER_ARNS_JSON) $(srcdir)/gen/emit-layer-arns.jq
	$(AM_V_GEN)$(MKDIR_P) runtime && \
	if $(LC_LAYER_ARNS_JQ) --arg out source > $@.tmp; \
	then mv -f $@.tmp $@; else rm -f $@.tmp; exit 1; fi
