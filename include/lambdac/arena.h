/* lambdac/arena.h - bump allocation for scratch data.
 *
 * Everything lambdac builds while synthesizing (construct nodes, values, strings) comes
 * from one arena and is released at once by lc_arena_free().  Allocation never returns
 * memory that must be freed individually.
 */
#ifndef LAMBDAC_ARENA_H
#define LAMBDAC_ARENA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lc_arena lc_arena_t;

/* A new, empty arena; NULL when out of memory.  Free with lc_arena_free(). */
lc_arena_t *lc_arena_new(void);
/* Release the arena and every allocation made from it.  NULL is allowed. */
void lc_arena_free(lc_arena_t *a);
/* Invalidate every allocation made from the arena and start afresh, keeping its memory
 * for the allocations that follow (they are zero-filled as always).  For a loop that
 * builds and drops one graph per input.  Clears the error state.  NULL is allowed. */
void lc_arena_reset(lc_arena_t *a);
/* `n` bytes aligned for any object (16 bytes), zero-filled; NULL (and the arena marked
 * failed, see lc_arena_error()) when out of memory.  n == 0 returns a distinct valid
 * pointer.  An exhausted arena aborts the process in lc_xalloc(). */
void *lc_alloc(lc_arena_t *a, size_t n);
/* Like lc_alloc() but prints a message and exits(70) instead of returning NULL:
 * for paths where an out-of-memory condition cannot be reported meaningfully. */
void *lc_xalloc(lc_arena_t *a, size_t n);
/* Copy of a NUL-terminated string / of n bytes plus a terminating NUL.  NULL when out
 * of memory; lc_strdup(a, NULL) returns NULL. */
char *lc_strdup(lc_arena_t *a, const char *s);
char *lc_strndup(lc_arena_t *a, const char *s, size_t n);
/* printf into the arena (NULL when out of memory).  Uses the C library's printf: %f/%g
 * follow the current LC_NUMERIC locale, so don't format doubles for output with it. */
char *lc_sprintf(lc_arena_t *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Bytes allocated so far (for benchmarks and tests). */
size_t lc_arena_used(const lc_arena_t *a);
/* 0, or LC_E_NOMEM once any allocation from this arena has failed (sticky). */
int lc_arena_error(const lc_arena_t *a);
/* Grow an allocation of `old_n` bytes made from `a` to `new_n` bytes (new_n >= old_n):
 * extended in place when it is the arena's latest allocation, else copied to a new
 * block (the old block stays allocated until the arena dies).  The added bytes are
 * zero.  p == NULL behaves like lc_alloc(a, new_n).  NULL when out of memory (p is
 * then unchanged). */
void *lc_realloc(lc_arena_t *a, void *p, size_t old_n, size_t new_n);

#ifdef __cplusplus
}
#endif
#endif
