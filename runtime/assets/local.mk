# runtime/assets/local.mk - asset fingerprints and exclude patterns (included from
# Makefile.am).
#   fingerprint.c  aws-cdk-lib's FileSystem.fingerprint (cdk profile) / XXH3 (native)
#   ignore.c       CDK's exclude matchers: glob (minimatch), git (ignore), docker
#   jsstr.c        the JS string semantics both depend on (decoding, sort order, case)
#   jsfold.h       generated table: JS regex case folding (see its header comment)
liblambdac_la_SOURCES += \
	runtime/assets/fingerprint.c \
	runtime/assets/ignore.c \
	runtime/assets/jsstr.c
noinst_HEADERS += \
	runtime/assets/jsfold.h \
	runtime/assets/jsstr.h
nobase_include_HEADERS += include/lambdac/asset.h
