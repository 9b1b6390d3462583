/* lambdac/error.h - error codes.
 *
 * Functions that can fail return 0 on success or a negative LC_E_* code.  The codes and
 * their messages come from one X-macro list, so lc_strerror() and the enum cannot drift.
 */
#ifndef LAMBDAC_ERROR_H
#define LAMBDAC_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

#define LC_ERRORS(X) \
    X(OK,        0, "success") \
    X(NOMEM,    -1, "out of memory") \
    X(IO,       -2, "input/output error") \
    X(UTF8,     -3, "invalid UTF-8 in a string") \
    X(INVAL,    -4, "invalid argument") \
    X(UNRESOLVED, -5, "reference to an unknown resource") \
    X(VALIDATION, -6, "validation failed") \
    X(USAGE,    -7, "usage error") \
    X(NOTFOUND, -8, "not found") \
    X(RANGE,    -9, "value out of range")

enum lc_error {
#define LC__ERR_ENUM(name, code, msg) LC_E_##name = (code),
    LC_ERRORS(LC__ERR_ENUM)
#undef LC__ERR_ENUM
    LC_E__END = -10
};

/* Static message for an LC_E_* code ("unknown error" for anything else). */
const char *lc_strerror(int code);

#ifdef __cplusplus
}
#endif
#endif
