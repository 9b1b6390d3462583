# L2 constructs (included from Makefile.am)
liblambdac_la_SOURCES += \
	runtime/constructs/internal.h \
	runtime/constructs/iam.c \
	runtime/constructs/companions.c \
	runtime/constructs/function.c \
	runtime/constructs/version.c \
	runtime/constructs/code.c \
	runtime/constructs/layer.c \
	runtime/constructs/integrations.c \
	runtime/constructs/code_signing.c \
	runtime/constructs/explain.c \
	runtime/constructs/alarm.c
include $(srcdir)/runtime/constructs/access.mk
include $(srcdir)/runtime/constructs/integrations.mk
