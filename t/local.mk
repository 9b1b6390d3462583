# Test fragments, one per area (each appends to TESTS / check_PROGRAMS / EXTRA_DIST).
include $(srcdir)/t/core.mk
include $(srcdir)/t/gen.mk
include $(srcdir)/t/dsl.mk
include $(srcdir)/t/conformance.mk
include $(srcdir)/t/access.mk
include $(srcdir)/t/check.mk
include $(srcdir)/t/assembly.mk
include $(srcdir)/t/reliability.mk
include $(srcdir)/t/integrations.mk
