# t/core.mk - runtime core unit tests (TAP, t/tap.h).
core_tests = \
	t/01-writer.t \
	t/02-value.t \
	t/03-hash.t \
	t/04-logical-id.t \
	t/05-json-read.t
check_PROGRAMS += $(core_tests)
TESTS += $(core_tests)
noinst_HEADERS += t/tap.h
EXTRA_DIST += t/fixtures/logical-ids.tsv

t_01_writer_t_SOURCES = t/01-writer.c
t_01_writer_t_LDADD = $(LC_LDADD)
t_02_value_t_SOURCES = t/02-value.c
t_02_value_t_LDADD = $(LC_LDADD)
t_03_hash_t_SOURCES = t/03-hash.c
t_03_hash_t_LDADD = $(LC_LDADD)
t_04_logical_id_t_SOURCES = t/04-logical-id.c
t_04_logical_id_t_LDADD = $(LC_LDADD)
t_05_json_read_t_SOURCES = t/05-json-read.c
t_05_json_read_t_LDADD = $(LC_LDADD)
