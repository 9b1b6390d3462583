# runtime/assets/local.mk - asset fingerprints and exclude patterns (included from
# Makefile.am).
#   fingerprint.c      aws-cdk-lib's FileSystem.fingerprint (cdk profile) / XXH3 (native)
#   ignore.c           the exclude matcher object; one file per CDK ignore mode:
#   ignore_glob.c        glob (minimatch; ignore_brace.c: its brace expansion),
#   ignore_git.c         git (the `ignore` package), ignore_docker.c
#                        (@balena/dockerignore); ignore_impl.h is what they share
#   jsregex.c          a small JS RegExp engine (dockerignore patterns are regexes)
#   jsstr.c            the JS string semantics all of these depend on (decoding, sort
#                      order, case folding); jsfold.h is its generated case table
liblambdac_la_SOURCES += \
	runtime/assets/fingerprint.c \
	runtime/assets/ignore.c \
	runtime/assets/ignore_brace.c \
	runtime/assets/ignore_docker.c \
	runtime/assets/ignore_git.c \
	runtime/assets/ignore_glob.c \
	runtime/assets/jsregex.c \
	runtime/assets/jsstr.c
noinst_HEADERS += \
	runtime/assets/ignore_impl.h \
	runtime/assets/jsfold.h \
	runtime/assets/jsregex.h \
	runtime/assets/jsstr.h
nobase_include_HEADERS += include/lambdac/asset.h
