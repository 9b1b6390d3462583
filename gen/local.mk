# gen/local.mk - the L1 generator (included from Makefile.am).
#
#   spec/specification.json + spec/overrides.json
#     --gen/normalize.jq-->   gen/cfn.ir.json                 (sorted, classified, mangled)
#     --gen/emit-header.jq--> include/lambdac/cfn.gen.h       (structs + X-macro field rows)
#     --gen/emit-source.jq--> runtime/cfn.gen.c               (descriptors + sorted registry)
#
# The three outputs live in the build tree; they are neither committed nor distributed
# (nodist_), so `make distcheck` proves they regenerate in a VPATH build.  Every rule
# writes $@.tmp and renames it, so a failing jq run never leaves a half-written file.
# `make regen [SPEC=file.json]`: see gen/regen.sh.

LC_GEN_DEPS = $(srcdir)/spec/specification.json $(srcdir)/spec/overrides.json \
	$(srcdir)/gen/normalize.jq

liblambdac_la_SOURCES += runtime/l1.c
nodist_liblambdac_la_SOURCES += runtime/cfn.gen.c
nobase_include_HEADERS += include/lambdac/l1.h
nobase_nodist_include_HEADERS += include/lambdac/cfn.gen.h
BUILT_SOURCES += include/lambdac/cfn.gen.h runtime/cfn.gen.c
CLEANFILES += gen/cfn.ir.json include/lambdac/cfn.gen.h runtime/cfn.gen.c
EXTRA_DIST += gen/README.md gen/normalize.jq gen/emit-header.jq gen/emit-source.jq \
	gen/regen.sh spec/specification.json spec/overrides.json spec/types.list spec/slice.jq

gen/cfn.ir.json: $(LC_GEN_DEPS)
	$(AM_V_GEN)$(MKDIR_P) gen && \
	if $(JQ) --arg input spec/specification.json \
	      --slurpfile overrides $(srcdir)/spec/overrides.json \
	      -f $(srcdir)/gen/normalize.jq $(srcdir)/spec/specification.json > $@.tmp; \
	then mv -f $@.tmp $@; else rm -f $@.tmp; exit 1; fi

include/lambdac/cfn.gen.h: gen/cfn.ir.json $(srcdir)/gen/emit-header.jq
	$(AM_V_GEN)$(MKDIR_P) include/lambdac && \
	if $(JQ) -r -f $(srcdir)/gen/emit-header.jq gen/cfn.ir.json > $@.tmp; \
	then mv -f $@.tmp $@; else rm -f $@.tmp; exit 1; fi

runtime/cfn.gen.c: gen/cfn.ir.json $(srcdir)/gen/emit-source.jq
	$(AM_V_GEN)$(MKDIR_P) runtime && \
	if $(JQ) -r -f $(srcdir)/gen/emit-source.jq gen/cfn.ir.json > $@.tmp; \
	then mv -f $@.tmp $@; else rm -f $@.tmp; exit 1; fi

# make regen [SPEC=path/to/CloudFormationResourceSpecification.json]
regen:
	@SPEC='$(SPEC)' JQ='$(JQ)' $(SHELL) $(srcdir)/gen/regen.sh '$(srcdir)' .
	$(AM_V_at)$(MAKE) $(AM_MAKEFLAGS) all

.PHONY: regen
