/* t/02-value.c - arena and value model. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/error.h>
#include <lambdac/value.h>
#include <lambdac/writer.h>

#include "tap.h"

static const lc_value_t *const STATIC_OBJ =
    LC_VOBJ(LC_M("Type", LC_VSTR("AWS::IAM::Role")), LC_M("Count", LC_VINT(2)));

static char *compact(const lc_value_t *v)
{
    lc_sink_t s = {0};
    char *r;
    if (lc_write_json(&s, v, LC_JSON_COMPACT, NULL))
        return NULL;
    r = strdup(lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return r;
}

static void is_compact(const lc_value_t *v, const char *want, const char *name)
{
    char *got = compact(v);
    is_str(got, want, "%s", name);
    free(got);
}

static void test_arena(void)
{
    lc_arena_t *a = lc_arena_new();
    size_t sizes[] = { 0, 1, 3, 15, 16, 17, 100, 4095, 4096, 5000, 70000, 1 << 20, 7 };
    size_t i, j;
    int aligned = 1, zero = 1, distinct = 1;
    unsigned char *prev = NULL;
    char *p, *q;

    ok(a != NULL, "lc_arena_new");
    for (i = 0; i < 2000; i++) {
        size_t n = sizes[i % (sizeof sizes / sizeof sizes[0])];
        unsigned char *m = lc_alloc(a, n);
        aligned &= ((uintptr_t)m % 16) == 0;
        for (j = 0; j < n; j++)
            zero &= m[j] == 0;
        if (n)
            memset(m, 0xAB, n);     /* dirty it: later allocations must still be zero */
        distinct &= m != prev;
        prev = m;
    }
    ok(aligned, "every allocation is 16-byte aligned");
    ok(zero, "every allocation is zero-filled");
    ok(distinct, "zero-size allocations are distinct pointers");
    ok(lc_arena_used(a) > 400u * (1u << 20) / 3, "lc_arena_used counts big blocks (%zu)",
       lc_arena_used(a));
    is_int(lc_arena_error(a), 0, "no error");

    p = lc_alloc(a, 24);
    memcpy(p, "0123456789abcdefghijklm", 24);
    q = lc_realloc(a, p, 24, 100);
    ok(q == p, "latest allocation grows in place");
    ok(memcmp(q, "0123456789abcdefghijklm", 24) == 0 && q[99] == 0 && q[24] == 0,
       "grown block keeps its bytes, new bytes are zero");
    (void)lc_alloc(a, 8);
    p = lc_realloc(a, q, 100, 200);
    ok(p != q && memcmp(p, "0123456789abcdefghijklm", 24) == 0 && p[150] == 0,
       "older allocation is copied");
    ok(lc_realloc(a, p, 200, 100) == p, "shrinking returns the block");
    p = lc_realloc(a, NULL, 0, 10);
    ok(p != NULL && p[9] == 0, "lc_realloc(NULL) allocates");

    is_str(lc_strdup(a, "hello"), "hello", "lc_strdup");
    ok(lc_strdup(a, NULL) == NULL, "lc_strdup(NULL)");
    is_str(lc_strndup(a, "hello", 3), "hel", "lc_strndup");
    is_str(lc_sprintf(a, "%s-%d-%05.1f", "x", 42, 2.25), "x-42-002.2", "lc_sprintf");
    {
        char big[3000];
        memset(big, 'q', sizeof big - 1);
        big[sizeof big - 1] = 0;
        is_int((long long)strlen(lc_sprintf(a, "%s%s", big, big)), 2 * 2999, "long lc_sprintf");
    }
    ok(lc_alloc(a, SIZE_MAX - 3) == NULL, "impossible size fails");
    is_int(lc_arena_error(a), LC_E_NOMEM, "... and marks the arena");
    lc_arena_free(a);
    lc_arena_free(NULL);
    pass("lc_arena_free(NULL) is a no-op");

    /* a big allocation first, then small ones */
    a = lc_arena_new();
    p = lc_alloc(a, 1 << 20);
    q = lc_alloc(a, 16);
    ok(p && q && p[(1 << 20) - 1] == 0 && q[15] == 0, "big first allocation, then small");
    lc_arena_free(a);

    /* lc_arena_reset: memory is kept and handed out again, zero-filled */
    a = lc_arena_new();
    {
        unsigned char *first[64], *big;
        size_t n, dirty = 0, reused = 0;
        for (n = 0; n < 64; n++) {
            first[n] = lc_alloc(a, 4000);
            memset(first[n], 0xa5, 4000);
        }
        big = lc_alloc(a, 3u << 20);
        memset(big, 0x5a, 3u << 20);
        lc_arena_reset(a);
        is_int((long long)lc_arena_used(a), 0, "lc_arena_reset: nothing in use");
        for (n = 0; n < 64; n++) {
            unsigned char *r = lc_alloc(a, 4000);
            size_t k;
            for (k = 0; k < 4000; k++)
                dirty += r[k] != 0;
            for (k = 0; k < 64; k++)
                reused += r == first[k];
            memset(r, 0xa5, 4000);
        }
        is_int((long long)dirty, 0, "after a reset, allocations are zero-filled");
        ok(reused > 0, "after a reset, the arena's memory is reused (%zu blocks)", reused);
        p = lc_alloc(a, 3u << 20);
        ok((unsigned char *)p == big && p[0] == 0 && p[(3u << 20) - 1] == 0, "a big block is reused, zeroed");
        q = lc_realloc(a, lc_alloc(a, 16), 16, 64);
        ok(q && q[63] == 0, "lc_realloc after a reset");
        lc_arena_reset(a);
        lc_arena_reset(a);
        p = lc_alloc(a, 10);
        ok(p && p[9] == 0, "two resets in a row");
    }
    lc_arena_free(a);
    lc_arena_reset(NULL);
    pass("lc_arena_reset(NULL) is a no-op");
}

static void test_values(void)
{
    lc_arena_t *a = lc_arena_new();
    lc_value_t *arr = lc_v_arr(a), *obj = lc_v_obj(a), *c;
    const lc_value_t *first_items;
    uint32_t i;
    int good = 1;
    char *got;

    for (i = 0; i < 1000; i++)
        lc_arr_push(a, arr, lc_v_int(a, i));
    is_int(arr->u.arr.n, 1000, "1000 pushes");
    ok(arr->u.arr.cap >= 1000 && (arr->u.arr.cap & (arr->u.arr.cap - 1)) == 0,
       "capacity is a power of two (%u)", arr->u.arr.cap);
    for (i = 0; i < 1000; i++)
        good &= arr->u.arr.items[i]->u.i == i;
    ok(good, "items keep their order");
    /* growth is interleaved with other allocations: values must survive copies */
    {
        lc_value_t *a1 = lc_v_arr(a), *a2 = lc_v_arr(a);
        good = 1;
        for (i = 0; i < 300; i++) {
            lc_arr_push(a, a1, lc_v_int(a, i));
            lc_arr_push(a, a2, lc_v_int(a, -(int64_t)i));
        }
        for (i = 0; i < 300; i++)
            good &= a1->u.arr.items[i]->u.i == i && a2->u.arr.items[i]->u.i == -(int64_t)i;
        ok(good, "interleaved growth of two arrays");
    }

    lc_obj_set(a, obj, "b", lc_v_str(a, "1"));
    lc_obj_set(a, obj, "a", lc_v_int(a, 2));
    lc_obj_set(a, obj, "c", lc_v_bool(a, true));
    lc_obj_set(a, obj, "a", lc_v_null(a));
    is_compact(obj, "{\"b\":\"1\",\"a\":null,\"c\":true}", "lc_obj_set replaces in place");
    ok(lc_obj_get(obj, "c") && lc_obj_get(obj, "c")->kind == LC_V_BOOL, "lc_obj_get");
    ok(lc_obj_get(obj, "zz") == NULL, "lc_obj_get absent");
    ok(lc_obj_get(arr, "a") == NULL && lc_obj_get(NULL, "a") == NULL, "lc_obj_get non-object");
    is_int(lc_obj_del(obj, "b"), 1, "lc_obj_del present");
    is_int(lc_obj_del(obj, "b"), 0, "lc_obj_del absent");
    is_compact(obj, "{\"a\":null,\"c\":true}", "after delete");
    lc_obj_add(a, obj, "a", lc_v_int(a, 5));
    is_int(obj->u.obj.n, 3, "lc_obj_add does not look up");

    /* stable sort */
    {
        lc_value_t *o = lc_v_obj(a);
        static const char *keys[] = { "b", "a", "B", "a", "_", "Z", "b", "aa", "A", "", "a" };
        for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
            lc_obj_add(a, o, keys[i], lc_v_int(a, i));
        lc_obj_sort(o);
        is_compact(o,
                   "{\"\":9,\"A\":8,\"B\":2,\"Z\":5,\"_\":4,\"a\":1,\"a\":3,\"a\":10,\"aa\":7,"
                   "\"b\":0,\"b\":6}",
                   "lc_obj_sort: byte order, stable");
        /* bigger: exercise the merge path */
        o = lc_v_obj(a);
        for (i = 0; i < 500; i++)
            lc_obj_add(a, o, lc_sprintf(a, "k%03u", (i * 37) % 100), lc_v_int(a, i));
        lc_obj_sort(o);
        good = 1;
        for (i = 1; i < 500; i++) {
            int cmp = strcmp(o->u.obj.m[i - 1].key, o->u.obj.m[i].key);
            good &= cmp < 0 || (cmp == 0 && o->u.obj.m[i - 1].val->u.i < o->u.obj.m[i].val->u.i);
        }
        ok(good, "lc_obj_sort of 500 members with duplicates is sorted and stable");
    }

    /* static values: clone makes them growable, the original is untouched */
    c = lc_v_clone(a, STATIC_OBJ);
    lc_obj_set(a, c, "Count", lc_v_int(a, 3));
    lc_obj_set(a, c, "New", lc_v_str(a, "x"));
    is_compact(c, "{\"Type\":\"AWS::IAM::Role\",\"Count\":3,\"New\":\"x\"}", "clone of static");
    is_compact(STATIC_OBJ, "{\"Type\":\"AWS::IAM::Role\",\"Count\":2}", "static unchanged");
    {
        /* lc_obj_set on a shallow struct copy of a static object copies the members */
        lc_value_t copy = *STATIC_OBJ;
        lc_obj_set(a, &copy, "Count", lc_v_int(a, 9));
        is_compact(&copy, "{\"Type\":\"AWS::IAM::Role\",\"Count\":9}", "set on static storage");
        is_compact(STATIC_OBJ, "{\"Type\":\"AWS::IAM::Role\",\"Count\":2}",
                   "static storage not written");
    }
    first_items = lc_v_clone(a, LC_VARR(LC_VINT(1), LC_VINT(2)));
    is_compact(first_items, "[1,2]", "clone of a static array");
    c = lc_v_clone(a, first_items);
    lc_arr_push(a, c, lc_v_int(a, 3));
    is_compact(c, "[1,2,3]", "push to a clone");
    is_compact(first_items, "[1,2]", "original unchanged");

    /* constructors */
    is_compact(lc_v_strfmt(a, "%s/%d", "MyFunction", 7), "\"MyFunction/7\"", "lc_v_strfmt");
    {
        char buf[8] = "temp";
        lc_value_t *d = lc_v_strdup(a, buf);
        buf[0] = 'X';
        is_compact(d, "\"temp\"", "lc_v_strdup copies");
    }
    is_compact(lc_v_num(a, 0.25), "0.25", "lc_v_num");
    is_compact(lc_v_refname(a, "AWS::StackName"), "{\"Ref\":\"AWS::StackName\"}", "lc_v_refname");
    is_compact(lc_fn_sub(a, "${AWS::Region}"), "{\"Fn::Sub\":\"${AWS::Region}\"}", "lc_fn_sub");
    {
        lc_value_t *list = lc_v_arr(a);
        lc_arr_push(a, list, lc_v_str(a, "a"));
        lc_arr_push(a, list, LC_AWS_REGION);
        is_compact(lc_fn_join(a, "-", list), "{\"Fn::Join\":[\"-\",[\"a\",{\"Ref\":\"AWS::Region\"}]]}",
                   "lc_fn_join");
        is_compact(lc_fn(a, "Fn::Base64", lc_v_str(a, "x")), "{\"Fn::Base64\":\"x\"}", "lc_fn");
    }
    is_compact(LC_FN_SELECT(0, LC_FN_GETAZS(LC_VSTR(""))),
               "{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}", "LC_FN_SELECT / LC_FN_GETAZS");
    is_compact(LC_FN_IF("IsProd", LC_VINT(1), LC_AWS_NO_VALUE),
               "{\"Fn::If\":[\"IsProd\",1,{\"Ref\":\"AWS::NoValue\"}]}", "LC_FN_IF");
    got = compact(LC_FN_SUBV("${X}", LC_VOBJ(LC_M("X", LC_VSTR("y")))));
    is_str(got, "{\"Fn::Sub\":[\"${X}\",{\"X\":\"y\"}]}", "LC_FN_SUBV");
    free(got);
    lc_arena_free(a);
}

static void test_equal(void)
{
    lc_arena_t *a = lc_arena_new();
    static const char t1[] = "t1", t2[] = "t2";
    lc_value_t *o1 = lc_v_obj(a), *o2 = lc_v_obj(a);

    ok(lc_v_equal(NULL, NULL), "NULL == NULL");
    ok(!lc_v_equal(LC_VNULL, NULL), "null != NULL");
    ok(lc_v_equal(LC_VINT(3), lc_v_int(a, 3)), "int");
    ok(!lc_v_equal(LC_VINT(3), LC_VINT(4)), "int differs");
    ok(lc_v_equal(LC_VINT(3), LC_VNUM(3.0)), "INT 3 == NUM 3.0 (same output)");
    ok(!lc_v_equal(LC_VNUM(3.5), LC_VINT(3)), "NUM 3.5 != INT 3");
    ok(!lc_v_equal(LC_VNUM(1e300), LC_VINT(INT64_MAX)), "huge NUM != INT");
    ok(lc_v_equal(LC_VNUM(0.0), LC_VNUM(-0.0)), "0 == -0");
    ok(lc_v_equal(lc_v_num(a, NAN), LC_VNUM(NAN)), "NaN == NaN (both written as null)");
    ok(lc_v_equal(LC_VSTR("a"), lc_v_str(a, "a")), "strings by content");
    ok(!lc_v_equal(LC_VSTR("a"), LC_VSTR("b")), "strings differ");
    ok(!lc_v_equal(LC_VSTR("1"), LC_VINT(1)), "kinds differ");
    ok(lc_v_equal(LC_VTRUE, lc_v_bool(a, true)) && !lc_v_equal(LC_VTRUE, LC_VFALSE), "bool");
    ok(lc_v_equal(LC_VARR(LC_VINT(1), LC_VARR0), LC_VARR(LC_VINT(1), LC_VARR0)), "arrays deep");
    ok(!lc_v_equal(LC_VARR(LC_VINT(1)), LC_VARR(LC_VINT(1), LC_VINT(2))), "array lengths");
    lc_obj_set(a, o1, "x", LC_VARR(LC_VSTR("y")));
    lc_obj_set(a, o1, "z", LC_VNULL);
    lc_obj_set(a, o2, "x", LC_VARR(LC_VSTR("y")));
    ok(!lc_v_equal(o1, o2), "objects: member count");
    lc_obj_set(a, o2, "z", LC_VNULL);
    ok(lc_v_equal(o1, o2), "objects deep");
    ok(!lc_v_equal(LC_VOBJ(LC_M("a", LC_VINT(1)), LC_M("b", LC_VINT(2))),
                   LC_VOBJ(LC_M("b", LC_VINT(2)), LC_M("a", LC_VINT(1)))),
       "objects: member order matters");
    ok(lc_v_equal(LC_VREFNAME("AWS::Region"), lc_v_refname(a, lc_strdup(a, "AWS::Region"))),
       "name refs by name");
    ok(lc_v_equal(lc_v_ref(a, t1, LC_TARGET_DECL), lc_v_ref(a, t1, LC_TARGET_DECL)),
       "refs by target");
    ok(!lc_v_equal(lc_v_ref(a, t1, LC_TARGET_DECL), lc_v_ref(a, t2, LC_TARGET_DECL)),
       "refs: other target");
    ok(!lc_v_equal(lc_v_ref(a, t1, LC_TARGET_DECL), lc_v_ref(a, t1, LC_TARGET_NODE)),
       "refs: other ns");
    ok(lc_v_equal(lc_v_getatt(a, t1, LC_TARGET_DECL, "Arn"),
                  lc_v_getatt(a, t1, LC_TARGET_DECL, "Arn")), "getatt");
    ok(!lc_v_equal(lc_v_getatt(a, t1, LC_TARGET_DECL, "Arn"),
                   lc_v_getatt(a, t1, LC_TARGET_DECL, "Name")), "getatt: other attr");
    ok(!lc_v_equal(lc_v_getatt(a, t1, LC_TARGET_DECL, "Arn"), lc_v_ref(a, t1, LC_TARGET_DECL)),
       "getatt != ref");
    lc_arena_free(a);
}

static void test_errors(void)
{
    is_str(lc_strerror(0), "success", "lc_strerror(0)");
    is_str(lc_strerror(LC_E_NOMEM), "out of memory", "LC_E_NOMEM");
    is_str(lc_strerror(LC_E_UTF8), "invalid UTF-8 in a string", "LC_E_UTF8");
    is_str(lc_strerror(LC_E_RANGE), "value out of range", "LC_E_RANGE");
    is_str(lc_strerror(-1000), "unknown error", "unknown code");
    is_str(lc_strerror(1), "unknown error", "positive code");
}

int main(void)
{
    test_arena();
    test_values();
    test_equal();
    test_errors();
    return done_testing();
}
