/* runtime/error.c - messages for the LC_E_* codes, from the one X-macro list in error.h. */
#include <lambdac/error.h>

const char *lc_strerror(int code)
{
    switch (code) {
#define LC__ERR_CASE(name, num, msg) case (num): return (msg);
        LC_ERRORS(LC__ERR_CASE)
#undef LC__ERR_CASE
    default:
        return "unknown error";
    }
}
