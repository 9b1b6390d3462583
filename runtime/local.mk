# runtime rules (included from Makefile.am): the runtime core.
liblambdac_la_SOURCES += \
	runtime/arena.c \
	runtime/error.c \
	runtime/hash.c \
	runtime/json_read.c \
	runtime/logical_id.c \
	runtime/value.c \
	runtime/writer.c
noinst_HEADERS += runtime/utf8.h
nobase_include_HEADERS += \
	include/lambdac/arena.h \
	include/lambdac/error.h \
	include/lambdac/hash.h \
	include/lambdac/json_read.h \
	include/lambdac/logical_id.h \
	include/lambdac/value.h \
	include/lambdac/writer.h
