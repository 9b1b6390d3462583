/* lambdac/value.h - the value model: JSON values plus CloudFormation intrinsics.
 *
 * Every property value lambdac writes is an lc_value_t.  A value is either
 *   - a literal: null, boolean, integer, number (double), string, array, object;
 *   - a reference to a resource that only gets its logical id at synthesis time
 *     (LC_V_REF -> {"Ref": id}, LC_V_GETATT -> {"Fn::GetAtt": [id, attr]}).
 * Every other intrinsic (Fn::Join, Fn::Sub, Fn::Select, ...) is an ordinary one-member
 * object whose key is the intrinsic's name; lc_fn_*() and LC_FN_*() build them.
 *
 * Two ways to make values:
 *   - static, in declarations: the LC_V* macros below expand to address constants
 *     (file-scope compound literals), usable in static const initializers;
 *   - at run time, from an arena (lc_v_*() functions); the arena owns them.
 * Values are never freed one by one: static ones live forever, arena ones die with
 * their arena.  Objects keep member order (CloudFormation output order matters for
 * byte-identical output); arrays and objects built at run time can grow.
 */
#ifndef LAMBDAC_VALUE_H
#define LAMBDAC_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <lambdac/arena.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lc_kind {
    LC_V_NULL = 0,
    LC_V_BOOL,
    LC_V_INT,     /* 64-bit integer, written without fraction or exponent */
    LC_V_NUM,     /* double, written as JavaScript's JSON.stringify writes it */
    LC_V_STR,     /* NUL-terminated UTF-8 (invalid UTF-8 is an error at write time) */
    LC_V_ARR,
    LC_V_OBJ,
    LC_V_REF,     /* {"Ref": <logical id of target>} */
    LC_V_GETATT   /* {"Fn::GetAtt": [<logical id of target>, attr]} */
} lc_kind_t;

typedef struct lc_value lc_value_t;

typedef struct lc_member {
    const char *key;
    const lc_value_t *val;
} lc_member_t;

/* The target of a Ref / GetAtt is opaque to the value model: it is resolved to a
 * logical id by the lc_resolver_t handed to the writer (see writer.h).  `ns` tells the
 * resolver what `target` points to (LC_TARGET_* below). */
enum {
    LC_TARGET_NAME = 0,  /* target is a const char * logical id or pseudo parameter */
    LC_TARGET_DECL = 1,  /* target is a const lc_decl_t * (a static declaration) */
    LC_TARGET_NODE = 2,  /* target is an lc_node_t * (a runtime construct node) */
    LC_TARGET_CURRENT_VERSION = 3  /* target is a function declaration: its currentVersion */
};

struct lc_value {
    lc_kind_t kind;
    union {
        bool b;
        int64_t i;
        double n;
        const char *s;
        struct { const lc_value_t **items; uint32_t n, cap; } arr;
        struct { lc_member_t *m; uint32_t n, cap; } obj;
        struct { const void *target; const char *attr; int ns; } ref;
    } u;
};

/* ---- static construction (address constants) ------------------------------------
 * Only at file scope do these compound literals have static storage; inside a function
 * body they live until the end of the enclosing block (never return them). */
#define LC_VNULL        (&(const lc_value_t){ .kind = LC_V_NULL })
#define LC_VTRUE        (&(const lc_value_t){ .kind = LC_V_BOOL, .u.b = true })
#define LC_VFALSE       (&(const lc_value_t){ .kind = LC_V_BOOL, .u.b = false })
#define LC_VBOOL(x)     (&(const lc_value_t){ .kind = LC_V_BOOL, .u.b = (x) })
#define LC_VINT(x)      (&(const lc_value_t){ .kind = LC_V_INT, .u.i = (x) })
#define LC_VNUM(x)      (&(const lc_value_t){ .kind = LC_V_NUM, .u.n = (x) })
#define LC_VSTR(x)      (&(const lc_value_t){ .kind = LC_V_STR, .u.s = (x) })
/* LC_VARR(v1, v2, ...): an array of value pointers. */
#define LC_VARR(...) \
    (&(const lc_value_t){ .kind = LC_V_ARR, .u.arr = { \
        .items = (const lc_value_t *[]){ __VA_ARGS__ }, \
        .n = sizeof((const lc_value_t *[]){ __VA_ARGS__ }) / sizeof(const lc_value_t *) } })
#define LC_VARR0        (&(const lc_value_t){ .kind = LC_V_ARR })
/* LC_VOBJ(LC_M("k", v), ...): an object; members keep the order given. */
#define LC_M(k, v)      { (k), (v) }
#define LC_VOBJ(...) \
    (&(const lc_value_t){ .kind = LC_V_OBJ, .u.obj = { \
        .m = (lc_member_t[]){ __VA_ARGS__ }, \
        .n = sizeof((lc_member_t[]){ __VA_ARGS__ }) / sizeof(lc_member_t) } })
#define LC_VOBJ0        (&(const lc_value_t){ .kind = LC_V_OBJ })
/* References to a static declaration (see dsl.h). */
#define LC_VREF(decl) \
    (&(const lc_value_t){ .kind = LC_V_REF, .u.ref = { .target = &(decl), .ns = LC_TARGET_DECL } })
#define LC_VGETATT(decl, attr_name) \
    (&(const lc_value_t){ .kind = LC_V_GETATT, \
        .u.ref = { .target = &(decl), .attr = (attr_name), .ns = LC_TARGET_DECL } })
/* Ref to a function's currentVersion (its AWS::Lambda::Version): the version ARN. */
#define LC_VREF_CURRENT_VERSION(fn_decl) \
    (&(const lc_value_t){ .kind = LC_V_REF, \
        .u.ref = { .target = &(fn_decl), .ns = LC_TARGET_CURRENT_VERSION } })
#define LC_VGETATT_CURRENT_VERSION(fn_decl, attr_name) \
    (&(const lc_value_t){ .kind = LC_V_GETATT, \
        .u.ref = { .target = &(fn_decl), .attr = (attr_name), .ns = LC_TARGET_CURRENT_VERSION } })
/* Ref to a name written verbatim: a parameter or a pseudo parameter. */
#define LC_VREFNAME(name) \
    (&(const lc_value_t){ .kind = LC_V_REF, .u.ref = { .target = (name), .ns = LC_TARGET_NAME } })

/* Intrinsic functions, static.  Each is a one-member object, as CloudFormation spells it. */
#define LC__FN1(fn, arg)             LC_VOBJ(LC_M(fn, arg))
#define LC_FN_JOIN(sep, ...)         LC__FN1("Fn::Join", LC_VARR(LC_VSTR(sep), LC_VARR(__VA_ARGS__)))
#define LC_FN_SUB(str)               LC__FN1("Fn::Sub", LC_VSTR(str))
#define LC_FN_SUBV(str, varsobj)     LC__FN1("Fn::Sub", LC_VARR(LC_VSTR(str), varsobj))
#define LC_FN_SELECT(idx, list)      LC__FN1("Fn::Select", LC_VARR(LC_VINT(idx), list))
#define LC_FN_SPLIT(sep, str)        LC__FN1("Fn::Split", LC_VARR(LC_VSTR(sep), str))
#define LC_FN_IF(cond, a, b)         LC__FN1("Fn::If", LC_VARR(LC_VSTR(cond), a, b))
#define LC_FN_IMPORTVALUE(v)         LC__FN1("Fn::ImportValue", v)
#define LC_FN_BASE64(v)              LC__FN1("Fn::Base64", v)
#define LC_FN_GETAZS(region)         LC__FN1("Fn::GetAZs", region)
#define LC_FN_FINDINMAP(m, k1, k2)   LC__FN1("Fn::FindInMap", LC_VARR(LC_VSTR(m), k1, k2))
#define LC_FN_EQUALS(a, b)           LC__FN1("Fn::Equals", LC_VARR(a, b))
#define LC_FN_NOT(c)                 LC__FN1("Fn::Not", LC_VARR(c))
#define LC_FN_AND(...)               LC__FN1("Fn::And", LC_VARR(__VA_ARGS__))
#define LC_FN_OR(...)                LC__FN1("Fn::Or", LC_VARR(__VA_ARGS__))
#define LC_FN_CONDITION(name)        LC__FN1("Condition", LC_VSTR(name))

/* Pseudo parameters. */
#define LC_AWS_ACCOUNT_ID       LC_VREFNAME("AWS::AccountId")
#define LC_AWS_NOTIFICATION_ARNS LC_VREFNAME("AWS::NotificationARNs")
#define LC_AWS_NO_VALUE         LC_VREFNAME("AWS::NoValue")
#define LC_AWS_PARTITION        LC_VREFNAME("AWS::Partition")
#define LC_AWS_REGION           LC_VREFNAME("AWS::Region")
#define LC_AWS_STACK_ID         LC_VREFNAME("AWS::StackId")
#define LC_AWS_STACK_NAME       LC_VREFNAME("AWS::StackName")
#define LC_AWS_URL_SUFFIX       LC_VREFNAME("AWS::URLSuffix")

/* ---- run-time construction (arena-owned) -----------------------------------------
 * All return NULL only when the arena cannot allocate (then the arena's error is set).
 * Strings passed in are borrowed, not copied: use lc_v_strdup() for transient text. */
lc_value_t *lc_v_null(lc_arena_t *a);
lc_value_t *lc_v_bool(lc_arena_t *a, bool b);
lc_value_t *lc_v_int(lc_arena_t *a, int64_t i);
lc_value_t *lc_v_num(lc_arena_t *a, double n);
lc_value_t *lc_v_str(lc_arena_t *a, const char *s);
lc_value_t *lc_v_strdup(lc_arena_t *a, const char *s);
lc_value_t *lc_v_strfmt(lc_arena_t *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
lc_value_t *lc_v_arr(lc_arena_t *a);
lc_value_t *lc_v_obj(lc_arena_t *a);
lc_value_t *lc_v_ref(lc_arena_t *a, const void *target, int ns);
lc_value_t *lc_v_getatt(lc_arena_t *a, const void *target, int ns, const char *attr);
lc_value_t *lc_v_refname(lc_arena_t *a, const char *name);

/* Growing: arena-built arrays and objects double their capacity, taking the new block
 * from the arena (in place when it is the arena's latest allocation).  A static array
 * or object (cap < n) handed to these functions is copied into `a` first, never written
 * to.  None of them may be called on a value another thread is reading. */
/* Append to an arena-built array.  Returns 0 or LC_E_NOMEM. */
int lc_arr_push(lc_arena_t *a, lc_value_t *arr, const lc_value_t *v);
/* Set key in an arena-built object: replaces the value in place when the key exists
 * (keeping its position), appends otherwise.  Returns 0 or LC_E_NOMEM. */
int lc_obj_set(lc_arena_t *a, lc_value_t *obj, const char *key, const lc_value_t *v);
/* Append key without looking for an existing member (the caller knows it is new):
 * O(1), for building big objects such as "Resources".  Returns 0 or LC_E_NOMEM. */
int lc_obj_add(lc_arena_t *a, lc_value_t *obj, const char *key, const lc_value_t *v);
/* Look up a key (static or arena objects); NULL when absent or obj is not an object. */
const lc_value_t *lc_obj_get(const lc_value_t *obj, const char *key);
/* Remove a key from an arena-built object; returns 1 if removed, 0 if absent. */
int lc_obj_del(lc_value_t *obj, const char *key);
/* Sort an arena-built object's members by key, stable (equal keys keep their order),
 * byte order (== JS code-unit order for the ASCII keys CloudFormation uses).  Note the
 * writer still puts array-index keys ("0", "17") first, as JavaScript objects do. */
void lc_obj_sort(lc_value_t *obj);
/* A shallow copy of an object or array, made growable in arena `a`. */
lc_value_t *lc_v_clone(lc_arena_t *a, const lc_value_t *v);

/* Intrinsics built at run time. */
lc_value_t *lc_fn(lc_arena_t *a, const char *name, const lc_value_t *arg); /* {name: arg} */
lc_value_t *lc_fn_join(lc_arena_t *a, const char *sep, const lc_value_t *list);
lc_value_t *lc_fn_sub(lc_arena_t *a, const char *text);

/* Deep structural equality: kinds and contents; object members compared in order
 * (order is part of the output); INT and NUM are equal when they denote the same number
 * (they are written the same way), NUM compares with == except that NaN equals NaN
 * (both are written as null); references compare by ns, target (by name for
 * LC_TARGET_NAME, by address otherwise) and attr.  NULL equals only NULL. */
bool lc_v_equal(const lc_value_t *x, const lc_value_t *y);

#ifdef __cplusplus
}
#endif
#endif
