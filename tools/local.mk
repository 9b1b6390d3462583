# tools rules (included from Makefile.am)
