# t/integrations.mk - tests of Insights / ADOT / Params-and-Secrets / profiling, log
# retention, event sources, events rules and autoscaling (included at the end of
# t/local.mk).
#   t/50-integrations.t  the layer ARN tables and their deploy-time lookup, schedule
#                        expressions, idempotent permissions, every validation rule
# The conformance scenarios of these features (q, r, z, aa, o1, o2, p1, p2, v, w, aj and
# xi-*: t/conformance/<s>.c + twin <s>.js + goldens), the masks in t/conformance/except/
# and the error scenarios (insights-arm-1-0-98, params-secrets-cache-size,
# adot-python-regular-handler, profiling-nodejs, log-retention-and-log-group) are run by
# t/conformance.sh / t/conformance-errors.sh and distributed by t/conformance.mk.
integrations_tests = t/50-integrations.t
check_PROGRAMS += $(integrations_tests)
TESTS += $(integrations_tests)
t_50_integrations_t_SOURCES = t/50-integrations.c
t_50_integrations_t_LDADD = $(LC_LDADD)
