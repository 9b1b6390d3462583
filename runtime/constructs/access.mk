# runtime/constructs/access.mk - who may call a function (included at the end of
# runtime/constructs/local.mk): permissions and grants, function URLs, imported functions,
# SingletonFunction, code signing (code_signing.c and iam.c are listed in local.mk), and
# the ARN scanner they share.
#   runtime/arn.re   re2c source of the ARN scanner; runtime/arn.gen.c is generated into the
#                    build tree (never distributed: the tarball carries arn.re)
liblambdac_la_SOURCES += \
	runtime/constructs/access-internal.h \
	runtime/constructs/permission.c \
	runtime/constructs/url.c \
	runtime/constructs/imported.c \
	runtime/constructs/singleton.c
nodist_liblambdac_la_SOURCES += runtime/arn.gen.c
BUILT_SOURCES += runtime/arn.gen.c
CLEANFILES += runtime/arn.gen.c
EXTRA_DIST += runtime/arn.re
nobase_include_HEADERS += \
	include/lambdac/access.h \
	include/lambdac/arn.h

runtime/arn.gen.c: runtime/arn.re
	$(AM_V_GEN)$(MKDIR_P) runtime && \
	$(RE2C) -W -Werror --no-generation-date -o $@.tmp $(srcdir)/runtime/arn.re && \
	mv -f $@.tmp $@
