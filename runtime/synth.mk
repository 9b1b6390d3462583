# The synthesizer: construct tree, stacks, rendering, CLI (included from Makefile.am)
liblambdac_la_SOURCES += \
	runtime/construct.c \
	runtime/synth.c \
	runtime/main.c \
	runtime/runtime_table.c
nobase_include_HEADERS += \
	include/lambdac/construct.h \
	include/lambdac/dsl.h \
	include/lambdac/synth.h \
	include/lambdac/lambda.h \
	include/lambdac/aws.h \
	include/lambdac/runtime_table.h
