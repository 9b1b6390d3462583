# Synthesizer and DSL tests (included from t/local.mk)
TESTS += t/examples.sh
EXTRA_DIST += t/examples.sh
