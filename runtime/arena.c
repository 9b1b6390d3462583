/* runtime/arena.c - chunked bump allocator.
 *
 * Why a bump allocator: synthesis builds a large, short-lived graph (construct nodes,
 * values, strings) that dies all at once when the template has been written.  Freeing
 * object by object would cost more than building, so everything comes from chunks that
 * are released together.
 *
 * Layout: a list of chunks, newest first.  Allocations are rounded up to 16 bytes so
 * every pointer handed out is 16-byte aligned (enough for long double and SSE).  Chunks
 * come from calloc, and memory is never reused within an arena, so every allocation is
 * already zero: no memset on the hot path.  Chunk sizes double from 16 KiB up to 1 MiB;
 * an allocation bigger than a quarter of the current chunk size gets a chunk of its own
 * (linked behind the current one, which stays current), so a big array does not waste
 * the tail of a chunk.
 *
 * lc_arena_reset() keeps the chunks on a spare list instead of freeing them: a program
 * that builds and drops one graph per input (lambdac-check, one file after another)
 * then touches the same pages again rather than faulting in fresh ones from the
 * kernel.  A spare chunk is zeroed when it is taken back, so the zero guarantee holds.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/arena.h>
#include <lambdac/error.h>

#define ARENA_ALIGN 16u
#define ARENA_FIRST_CHUNK ((size_t)16 * 1024)
#define ARENA_MAX_CHUNK ((size_t)1024 * 1024)

struct chunk {
    struct chunk *next;
    size_t size;               /* usable bytes (from the aligned start) */
};

struct lc_arena {
    unsigned char *cur, *end;  /* free space of the current chunk */
    unsigned char *last;       /* start of the latest bump allocation (for lc_realloc) */
    struct chunk *head;        /* newest chunk first */
    struct chunk *spare;       /* chunks released by lc_arena_reset(), for reuse */
    size_t next_size;          /* usable size of the next ordinary chunk */
    size_t used;               /* bytes handed out (rounded sizes) */
    int err;                   /* LC_E_NOMEM once an allocation failed */
};

/* Round n up to the alignment; 0 when that overflows. */
static size_t round_up(size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX - (ARENA_ALIGN - 1))
        return 0;
    return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

/* The usable area of a chunk: after its header, at a 16-byte boundary. */
static unsigned char *chunk_start(struct chunk *c)
{
    uintptr_t p = (uintptr_t)((unsigned char *)c + sizeof(struct chunk));
    p = (p + (ARENA_ALIGN - 1)) & ~(uintptr_t)(ARENA_ALIGN - 1);
    return (unsigned char *)p;
}

/* A zeroed chunk with at least `size` usable bytes: the smallest spare one that is big
 * enough, or a new one.  Links it into the list after `*link`; returns the start of its
 * usable area and sets *got to the usable size. */
static unsigned char *chunk_new(lc_arena_t *a, struct chunk **link, size_t size, size_t *got)
{
    size_t hdr = sizeof(struct chunk), total;
    struct chunk *c, **sp, **best = NULL;

    for (sp = &a->spare; *sp; sp = &(*sp)->next)
        if ((*sp)->size >= size && (!best || (*sp)->size < (*best)->size))
            best = sp;
    if (best) {
        c = *best;
        *best = c->next;
        memset(chunk_start(c), 0, c->size);
        c->next = *link;
        *link = c;
        *got = c->size;
        return chunk_start(c);
    }
    if (size > SIZE_MAX - hdr - ARENA_ALIGN)
        return NULL;
    total = hdr + ARENA_ALIGN + size;
    c = calloc(1, total);
    if (!c)
        return NULL;
    c->size = size;
    c->next = *link;
    *link = c;
    *got = size;
    return chunk_start(c);
}

lc_arena_t *lc_arena_new(void)
{
    lc_arena_t *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->next_size = ARENA_FIRST_CHUNK;
    return a;
}

static void free_chunks(struct chunk *c)
{
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
}

void lc_arena_free(lc_arena_t *a)
{
    if (!a)
        return;
    free_chunks(a->head);
    free_chunks(a->spare);
    free(a);
}

void lc_arena_reset(lc_arena_t *a)
{
    struct chunk *c, *next;
    if (!a)
        return;
    for (c = a->head; c; c = next) {
        next = c->next;
        c->next = a->spare;
        a->spare = c;
    }
    a->head = NULL;
    a->cur = a->end = a->last = NULL;
    a->used = 0;
    /* the same allocations again take the same chunks, best fit */
    a->next_size = ARENA_FIRST_CHUNK;
    a->err = 0;
}

static void *alloc_slow(lc_arena_t *a, size_t n)
{
    unsigned char *p;
    size_t got;

    if (n > a->next_size / 4) {
        /* Own chunk, linked behind the current one so the current one stays current. */
        struct chunk **link = a->head ? &a->head->next : &a->head;
        p = chunk_new(a, link, n, &got);
        if (!p) {
            a->err = LC_E_NOMEM;
            return NULL;
        }
        if (link == &a->head)
            a->cur = a->end = NULL;  /* the big chunk is full: next alloc starts a new one */
        /* a->last is left alone: the current chunk's latest block can still grow. */
        a->used += n;
        return p;
    }
    p = chunk_new(a, &a->head, a->next_size, &got);
    if (!p) {
        a->err = LC_E_NOMEM;
        return NULL;
    }
    a->cur = p + n;
    a->end = p + got;
    a->last = p;
    a->used += n;
    if (a->next_size < ARENA_MAX_CHUNK)
        a->next_size *= 2;
    return p;
}

void *lc_alloc(lc_arena_t *a, size_t n)
{
    unsigned char *p;

    assert(a != NULL);
    n = round_up(n);
    if (n == 0) {
        a->err = LC_E_NOMEM;
        return NULL;
    }
    if ((size_t)(a->end - a->cur) >= n) {
        p = a->cur;
        a->cur += n;
        a->last = p;
        a->used += n;
        return p;
    }
    return alloc_slow(a, n);
}

void *lc_xalloc(lc_arena_t *a, size_t n)
{
    void *p = lc_alloc(a, n);
    if (!p) {
        fflush(stdout);
        fprintf(stderr, "lambdac: out of memory (allocating %zu bytes)\n", n);
        exit(70);
    }
    return p;
}

void *lc_realloc(lc_arena_t *a, void *p, size_t old_n, size_t new_n)
{
    size_t ro, rn;
    void *q;

    if (!p)
        return lc_alloc(a, new_n);
    if (new_n <= old_n)
        return p;
    ro = round_up(old_n);
    rn = round_up(new_n);
    if (rn == 0) {
        a->err = LC_E_NOMEM;
        return NULL;
    }
    /* The latest allocation of the current chunk: bump the pointer.  The bytes beyond
     * the old size were never handed out, so they are still zero. */
    if (p == a->last && (unsigned char *)p + ro == a->cur
        && (size_t)(a->end - (unsigned char *)p) >= rn) {
        a->cur = (unsigned char *)p + rn;
        a->used += rn - ro;
        return p;
    }
    q = lc_alloc(a, new_n);
    if (!q)
        return NULL;
    memcpy(q, p, old_n);
    return q;
}

char *lc_strndup(lc_arena_t *a, const char *s, size_t n)
{
    char *p;
    if (n == SIZE_MAX) {
        a->err = LC_E_NOMEM;
        return NULL;
    }
    p = lc_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *lc_strdup(lc_arena_t *a, const char *s)
{
    if (!s)
        return NULL;
    return lc_strndup(a, s, strlen(s));
}

char *lc_sprintf(lc_arena_t *a, const char *fmt, ...)
{
    va_list ap, ap2;
    int len;
    char *p;

    va_start(ap, fmt);
    va_copy(ap2, ap);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0) {
        va_end(ap2);
        return NULL;
    }
    p = lc_alloc(a, (size_t)len + 1);
    if (p)
        vsnprintf(p, (size_t)len + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

size_t lc_arena_used(const lc_arena_t *a)
{
    return a ? a->used : 0;
}

int lc_arena_error(const lc_arena_t *a)
{
    return a ? a->err : 0;
}
