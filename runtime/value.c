/* runtime/value.c - run-time construction, lookup and comparison of lc_value_t.
 *
 * Static values (LC_V* macros) and arena values share one representation; the only
 * difference is the capacity field: arena-built arrays/objects have cap >= n, static
 * ones have cap == 0 (their storage is a compound literal that must not be written).
 * So growth code treats "cap < n" as "not ours": it copies into the arena first.
 */
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/error.h>
#include <lambdac/value.h>

static lc_value_t *v_new(lc_arena_t *a, lc_kind_t k)
{
    lc_value_t *v = lc_alloc(a, sizeof *v);
    if (v)
        v->kind = k;
    return v;
}

lc_value_t *lc_v_null(lc_arena_t *a) { return v_new(a, LC_V_NULL); }

lc_value_t *lc_v_bool(lc_arena_t *a, bool b)
{
    lc_value_t *v = v_new(a, LC_V_BOOL);
    if (v)
        v->u.b = b;
    return v;
}

lc_value_t *lc_v_int(lc_arena_t *a, int64_t i)
{
    lc_value_t *v = v_new(a, LC_V_INT);
    if (v)
        v->u.i = i;
    return v;
}

lc_value_t *lc_v_num(lc_arena_t *a, double n)
{
    lc_value_t *v = v_new(a, LC_V_NUM);
    if (v)
        v->u.n = n;
    return v;
}

lc_value_t *lc_v_str(lc_arena_t *a, const char *s)
{
    lc_value_t *v;
    assert(s != NULL);
    v = v_new(a, LC_V_STR);
    if (v)
        v->u.s = s;
    return v;
}

lc_value_t *lc_v_strdup(lc_arena_t *a, const char *s)
{
    char *copy;
    assert(s != NULL);
    copy = lc_strdup(a, s);
    return copy ? lc_v_str(a, copy) : NULL;
}

lc_value_t *lc_v_strfmt(lc_arena_t *a, const char *fmt, ...)
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
    return p ? lc_v_str(a, p) : NULL;
}

lc_value_t *lc_v_arr(lc_arena_t *a) { return v_new(a, LC_V_ARR); }
lc_value_t *lc_v_obj(lc_arena_t *a) { return v_new(a, LC_V_OBJ); }

lc_value_t *lc_v_ref(lc_arena_t *a, const void *target, int ns)
{
    lc_value_t *v;
    assert(target != NULL);
    v = v_new(a, LC_V_REF);
    if (v) {
        v->u.ref.target = target;
        v->u.ref.ns = ns;
    }
    return v;
}

lc_value_t *lc_v_getatt(lc_arena_t *a, const void *target, int ns, const char *attr)
{
    lc_value_t *v;
    assert(target != NULL && attr != NULL);
    v = v_new(a, LC_V_GETATT);
    if (v) {
        v->u.ref.target = target;
        v->u.ref.ns = ns;
        v->u.ref.attr = attr;
    }
    return v;
}

lc_value_t *lc_v_refname(lc_arena_t *a, const char *name)
{
    return lc_v_ref(a, name, LC_TARGET_NAME);
}

/* ---- growth ------------------------------------------------------------------------ */

/* Make room for one more element in a block of `n` used / `cap` allocated elements of
 * `size` bytes.  Returns the (possibly moved) block or NULL. */
static void *grow(lc_arena_t *a, void *block, uint32_t n, uint32_t *cap, size_t size)
{
    uint32_t ncap;
    void *nb;

    if (n < *cap)
        return block;
    if (n >= UINT32_MAX / 2)
        return NULL;
    ncap = n < 4 ? 4 : n * 2;
    if (*cap < n) {
        /* static storage: copy, never extend in place */
        nb = lc_alloc(a, (size_t)ncap * size);
        if (nb && n)
            memcpy(nb, block, (size_t)n * size);
    } else {
        nb = lc_realloc(a, block, (size_t)*cap * size, (size_t)ncap * size);
    }
    if (!nb)
        return NULL;
    *cap = ncap;
    return nb;
}

/* Static objects/arrays: copy the storage into the arena before writing to it. */
static int own_members(lc_arena_t *a, lc_value_t *obj)
{
    lc_member_t *m;
    if (obj->u.obj.cap >= obj->u.obj.n)
        return 0;
    m = lc_alloc(a, (size_t)obj->u.obj.n * sizeof *m);
    if (!m)
        return LC_E_NOMEM;
    memcpy(m, obj->u.obj.m, (size_t)obj->u.obj.n * sizeof *m);
    obj->u.obj.m = m;
    obj->u.obj.cap = obj->u.obj.n;
    return 0;
}

int lc_arr_push(lc_arena_t *a, lc_value_t *arr, const lc_value_t *v)
{
    const lc_value_t **items;
    assert(arr && arr->kind == LC_V_ARR && v);
    items = grow(a, (void *)arr->u.arr.items, arr->u.arr.n, &arr->u.arr.cap,
                 sizeof *items);
    if (!items)
        return LC_E_NOMEM;
    arr->u.arr.items = items;
    items[arr->u.arr.n++] = v;
    return 0;
}

int lc_obj_add(lc_arena_t *a, lc_value_t *obj, const char *key, const lc_value_t *v)
{
    lc_member_t *m;
    assert(obj && obj->kind == LC_V_OBJ && key && v);
    m = grow(a, obj->u.obj.m, obj->u.obj.n, &obj->u.obj.cap, sizeof *m);
    if (!m)
        return LC_E_NOMEM;
    obj->u.obj.m = m;
    m[obj->u.obj.n].key = key;
    m[obj->u.obj.n].val = v;
    obj->u.obj.n++;
    return 0;
}

int lc_obj_set(lc_arena_t *a, lc_value_t *obj, const char *key, const lc_value_t *v)
{
    uint32_t i;
    assert(obj && obj->kind == LC_V_OBJ && key && v);
    for (i = 0; i < obj->u.obj.n; i++) {
        if (strcmp(obj->u.obj.m[i].key, key) == 0) {
            if (own_members(a, obj))
                return LC_E_NOMEM;
            obj->u.obj.m[i].val = v;
            return 0;
        }
    }
    return lc_obj_add(a, obj, key, v);
}

const lc_value_t *lc_obj_get(const lc_value_t *obj, const char *key)
{
    uint32_t i;
    if (!obj || obj->kind != LC_V_OBJ || !key)
        return NULL;
    for (i = 0; i < obj->u.obj.n; i++)
        if (strcmp(obj->u.obj.m[i].key, key) == 0)
            return obj->u.obj.m[i].val;
    return NULL;
}

int lc_obj_del(lc_value_t *obj, const char *key)
{
    uint32_t i;
    assert(obj && obj->kind == LC_V_OBJ && key);
    for (i = 0; i < obj->u.obj.n; i++) {
        if (strcmp(obj->u.obj.m[i].key, key) == 0) {
            assert(obj->u.obj.cap >= obj->u.obj.n);  /* not a static object */
            memmove(&obj->u.obj.m[i], &obj->u.obj.m[i + 1],
                    (size_t)(obj->u.obj.n - i - 1) * sizeof(lc_member_t));
            obj->u.obj.n--;
            return 1;
        }
    }
    return 0;
}

/* Stable sort by key, byte order.  Merge sort with a malloc'd buffer; without memory,
 * binary insertion sort (also stable, only slower). */
static void merge_sort(lc_member_t *m, lc_member_t *tmp, uint32_t n)
{
    uint32_t mid, i, j, k;
    if (n < 2)
        return;
    if (n <= 12) {
        for (i = 1; i < n; i++) {
            lc_member_t x = m[i];
            j = i;
            while (j > 0 && strcmp(m[j - 1].key, x.key) > 0) {
                m[j] = m[j - 1];
                j--;
            }
            m[j] = x;
        }
        return;
    }
    mid = n / 2;
    merge_sort(m, tmp, mid);
    merge_sort(m + mid, tmp, n - mid);
    if (strcmp(m[mid - 1].key, m[mid].key) <= 0)
        return;  /* already in order */
    memcpy(tmp, m, (size_t)mid * sizeof *m);
    i = 0;
    j = mid;
    k = 0;
    while (i < mid && j < n) {
        if (strcmp(m[j].key, tmp[i].key) < 0)
            m[k++] = m[j++];
        else
            m[k++] = tmp[i++];
    }
    while (i < mid)
        m[k++] = tmp[i++];
}

void lc_obj_sort(lc_value_t *obj)
{
    uint32_t n, i, j;
    lc_member_t *m, *tmp;
    assert(obj && obj->kind == LC_V_OBJ);
    n = obj->u.obj.n;
    m = obj->u.obj.m;
    if (n < 2)
        return;
    assert(obj->u.obj.cap >= n);  /* not a static object */
    tmp = malloc(((size_t)n / 2 + 1) * sizeof *tmp);
    if (tmp) {
        merge_sort(m, tmp, n);
        free(tmp);
        return;
    }
    for (i = 1; i < n; i++) {
        lc_member_t x = m[i];
        uint32_t lo = 0, hi = i;
        while (lo < hi) {  /* first position whose key is > x.key */
            uint32_t mid = lo + (hi - lo) / 2;
            if (strcmp(m[mid].key, x.key) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (j = i; j > lo; j--)
            m[j] = m[j - 1];
        m[lo] = x;
    }
}

lc_value_t *lc_v_clone(lc_arena_t *a, const lc_value_t *v)
{
    lc_value_t *c;
    assert(v != NULL);
    c = lc_alloc(a, sizeof *c);
    if (!c)
        return NULL;
    *c = *v;
    if (v->kind == LC_V_ARR) {
        c->u.arr.cap = v->u.arr.n;
        c->u.arr.items = NULL;
        if (v->u.arr.n) {
            c->u.arr.items = lc_alloc(a, (size_t)v->u.arr.n * sizeof *c->u.arr.items);
            if (!c->u.arr.items)
                return NULL;
            memcpy(c->u.arr.items, v->u.arr.items,
                   (size_t)v->u.arr.n * sizeof *c->u.arr.items);
        }
    } else if (v->kind == LC_V_OBJ) {
        c->u.obj.cap = v->u.obj.n;
        c->u.obj.m = NULL;
        if (v->u.obj.n) {
            c->u.obj.m = lc_alloc(a, (size_t)v->u.obj.n * sizeof *c->u.obj.m);
            if (!c->u.obj.m)
                return NULL;
            memcpy(c->u.obj.m, v->u.obj.m, (size_t)v->u.obj.n * sizeof *c->u.obj.m);
        }
    }
    return c;
}

lc_value_t *lc_fn(lc_arena_t *a, const char *name, const lc_value_t *arg)
{
    lc_value_t *o = lc_v_obj(a);
    if (!o || lc_obj_add(a, o, name, arg))
        return NULL;
    return o;
}

lc_value_t *lc_fn_join(lc_arena_t *a, const char *sep, const lc_value_t *list)
{
    lc_value_t *args = lc_v_arr(a), *s = lc_v_str(a, sep);
    if (!args || !s || lc_arr_push(a, args, s) || lc_arr_push(a, args, list))
        return NULL;
    return lc_fn(a, "Fn::Join", args);
}

lc_value_t *lc_fn_sub(lc_arena_t *a, const char *text)
{
    lc_value_t *s = lc_v_str(a, text);
    return s ? lc_fn(a, "Fn::Sub", s) : NULL;
}

/* ---- equality ---------------------------------------------------------------------- */

static bool num_eq(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return x == y;
}

/* INT i and NUM d denote the same number iff d is integral, in int64 range, and equal. */
static bool int_num_eq(int64_t i, double d)
{
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        return false;
    return (double)(int64_t)d == d && (int64_t)d == i;
}

static bool str_eq(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}

bool lc_v_equal(const lc_value_t *x, const lc_value_t *y)
{
    uint32_t i;
    if (x == y)
        return true;
    if (!x || !y)
        return false;
    if (x->kind != y->kind) {
        if (x->kind == LC_V_INT && y->kind == LC_V_NUM)
            return int_num_eq(x->u.i, y->u.n);
        if (x->kind == LC_V_NUM && y->kind == LC_V_INT)
            return int_num_eq(y->u.i, x->u.n);
        return false;
    }
    switch (x->kind) {
    case LC_V_NULL:
        return true;
    case LC_V_BOOL:
        return x->u.b == y->u.b;
    case LC_V_INT:
        return x->u.i == y->u.i;
    case LC_V_NUM:
        return num_eq(x->u.n, y->u.n);
    case LC_V_STR:
        return str_eq(x->u.s, y->u.s);
    case LC_V_ARR:
        if (x->u.arr.n != y->u.arr.n)
            return false;
        for (i = 0; i < x->u.arr.n; i++)
            if (!lc_v_equal(x->u.arr.items[i], y->u.arr.items[i]))
                return false;
        return true;
    case LC_V_OBJ:
        if (x->u.obj.n != y->u.obj.n)
            return false;
        for (i = 0; i < x->u.obj.n; i++)
            if (!str_eq(x->u.obj.m[i].key, y->u.obj.m[i].key)
                || !lc_v_equal(x->u.obj.m[i].val, y->u.obj.m[i].val))
                return false;
        return true;
    case LC_V_REF:
    case LC_V_GETATT:
        if (x->u.ref.ns != y->u.ref.ns || !str_eq(x->u.ref.attr, y->u.ref.attr))
            return false;
        if (x->u.ref.ns == LC_TARGET_NAME)
            return str_eq(x->u.ref.target, y->u.ref.target);
        return x->u.ref.target == y->u.ref.target;
    }
    return false;
}
