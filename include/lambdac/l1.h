/* lambdac/l1.h - L1 (CloudFormation-level) types: typed structs, their descriptors, the
 * generic walker that turns them into values, and the property checker.
 *
 * The structs themselves are generated from spec/specification.json into
 * <lambdac/cfn.gen.h> (included at the end of this file) by the jq programs in gen/;
 * their descriptor tables live in runtime/cfn.gen.c.  This header holds what the
 * generated code is built from: the member wrapper types, the descriptor types, the one
 * macro that binds a generated field list into a descriptor (LC_L1_BIND), the
 * initializer macros used to declare L1 values statically, and the run-time API
 * (runtime/l1.c).
 *
 * Names, mechanically from the spec (see gen/normalize.jq):
 *   resource type  AWS::Lambda::Function       -> lc_AWS_Lambda_Function_t,
 *                                                  lc_AWS_Lambda_Function_desc
 *   property type  AWS::Lambda::Function.Code  -> lc_AWS_Lambda_Function_Code_t, ..._desc
 *   global type    Tag                         -> lc_Tag_t, lc_Tag_desc
 *   members keep the property names (.Handler, .Runtime, .Code); "_" is appended to C
 *   (and C++) keywords and standard macro names (a property "default" is .default_).
 *
 * Member types:
 *   String Integer Long Double Boolean Timestamp Json  lc_string_t ... lc_json_t
 *   List<primitive>, Map<primitive>                     lc_list_string_t, lc_map_string_t, ...
 *       all of these are one `const lc_value_t *v`: a literal or any intrinsic (a list
 *       property can be Fn::Split / Fn::GetAZs, a string a Ref / Fn::Join / ...);
 *   property type X                                     const lc_X_t *
 *   List<X>                                             lc_X_list_t  { items, n }
 *   Map<X>                                              lc_X_map_t   { keys, vals, n }
 * A zero / NULL member is unset and is not written.
 *
 * Declaring an L1 value statically (file scope or block scope; every macro below is an
 * initializer made of address constants):
 *
 *     static const lc_AWS_Lambda_Function_t fn = {
 *         .Code = LC_STRUCT(lc_AWS_Lambda_Function_Code_t,
 *                           .S3Bucket = LC_STRING("my-bucket"),
 *                           .S3Key = LC_STRING("code.zip")),
 *         .Handler = LC_STRING("index.handler"),
 *         .Role = LC_STRING(LC_VGETATT(MyRole, "Arn")),
 *         .Runtime = LC_STRING("nodejs18.x"),
 *         .MemorySize = LC_INTEGER(512),
 *         .Architectures = LC_LIST_STRING("arm64"),
 *         .Environment = LC_STRUCT(lc_AWS_Lambda_Function_Environment_t,
 *             .Variables = LC_MAP_STRING(LC_M("STAGE", LC_VSTR("prod")))),
 *         .Tags = LC_LIST_OF(lc_Tag_t, { .Key = LC_STRING("team"), .Value = LC_STRING("x") }),
 *     };
 *
 * Descriptor binding, one worked expansion (the generated header has, per type, a field
 * list in nanopb's X-macro style; runtime/cfn.gen.c binds it):
 *
 *     #define lc_AWS_Lambda_Function_Code_FIELDS(X, T) \
 *         X(T, S3Bucket, "S3Bucket", PRIM, STRING, NULL, LC_FF_UPDATE_MUTABLE, NULL) \
 *         X(T, S3Key, "S3Key", PRIM, STRING, NULL, LC_FF_UPDATE_MUTABLE, NULL)
 *     LC_L1_BIND(lc_AWS_Lambda_Function_Code, "AWS::Lambda::Function.Code", 0, NULL, 0);
 *   ->
 *     static const lc_field_desc_t lc_AWS_Lambda_Function_Code_fields[] = {
 *         { "S3Bucket", sizeof("S3Bucket") - 1,
 *           offsetof(lc_AWS_Lambda_Function_Code_t, S3Bucket), LC_SHAPE_PRIM,
 *           LC_PRIM_STRING, LC_FF_UPDATE_MUTABLE, NULL, NULL },
 *         { "S3Key", ... },
 *         { NULL, 0, 0, LC_SHAPE_NONE, LC_PRIM_NONE, 0, NULL, NULL } };
 *     const lc_type_desc_t lc_AWS_Lambda_Function_Code_desc = {
 *         "AWS::Lambda::Function.Code", "lc_AWS_Lambda_Function_Code_t",
 *         sizeof(lc_AWS_Lambda_Function_Code_t), lc_AWS_Lambda_Function_Code_fields,
 *         sizeof(lc_AWS_Lambda_Function_Code_fields) / sizeof(lc_field_desc_t) - 1,
 *         0, NULL, 0 };
 */
#ifndef LAMBDAC_L1_H
#define LAMBDAC_L1_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <lambdac/arena.h>
#include <lambdac/value.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The layout contract between this header, runtime/l1.c and the generated code.  The
 * generated header defines LC_GEN_ABI and stops with #error when it differs; the
 * generated registry symbol carries the number too, so stale generated objects cannot
 * link against a newer runtime.  Bump it on any change to the types below, to
 * LC_L1_BIND, or to what the generator emits. */
#define LC_L1_ABI 1

/* ---- member wrapper types -------------------------------------------------------------
 * LC_L1_PRIMS(X): X(kind, Spec name, ENUM) for every primitive of the spec.  Each kind
 * gets three one-pointer wrappers: lc_<kind>_t, lc_list_<kind>_t, lc_map_<kind>_t.  They
 * are distinct types with one layout, which is what lets the walker read one
 * `const lc_value_t *` at the member's offset.  Read the pointer as `.v`.  Each wrapper
 * also names the same pointer after its kind (`.lc__integer`, `.lc__list_string`, ...):
 * the typed initializer macros below designate that name, so `.Handler = LC_INTEGER(3)`
 * (Handler is an lc_string_t) does not compile. */
#define LC_L1_PRIMS(X) \
    X(string, String, STRING) \
    X(integer, Integer, INTEGER) \
    X(long, Long, LONG) \
    X(double, Double, DOUBLE) \
    X(boolean, Boolean, BOOLEAN) \
    X(timestamp, Timestamp, TIMESTAMP) \
    X(json, Json, JSON)

#define LC__L1_WRAPPERS(kind, spec, ENUM) \
    typedef struct { union { const lc_value_t *v, *lc__##kind; }; } lc_##kind##_t; \
    typedef struct { union { const lc_value_t *v, *lc__list_##kind; }; } lc_list_##kind##_t; \
    typedef struct { union { const lc_value_t *v, *lc__map_##kind; }; } lc_map_##kind##_t;
LC_L1_PRIMS(LC__L1_WRAPPERS)
#undef LC__L1_WRAPPERS

/* The primitive kind of a field (LC_PRIM_NONE for fields holding property types). */
typedef enum lc_prim {
    LC_PRIM_NONE = 0,
#define LC__L1_PRIM_ENUM(kind, spec, ENUM) LC_PRIM_##ENUM,
    LC_L1_PRIMS(LC__L1_PRIM_ENUM)
#undef LC__L1_PRIM_ENUM
    LC_PRIM__COUNT
} lc_prim_t;

/* How a field is stored (the member types listed at the top of this file). */
typedef enum lc_shape {
    LC_SHAPE_NONE = 0,      /* only in the sentinel row that ends a field table */
    LC_SHAPE_PRIM,          /* lc_<kind>_t: one value pointer */
    LC_SHAPE_JSON,          /* lc_json_t: one value pointer, any JSON, written as is */
    LC_SHAPE_STRUCT,        /* const lc_X_t *: a nested property type */
    LC_SHAPE_LIST_PRIM,     /* lc_list_<kind>_t: one value pointer (array or intrinsic) */
    LC_SHAPE_LIST_STRUCT,   /* lc_X_list_t: { const lc_X_t *items; size_t n; } */
    LC_SHAPE_MAP_PRIM,      /* lc_map_<kind>_t: one value pointer (object or intrinsic) */
    LC_SHAPE_MAP_STRUCT     /* lc_X_map_t: { const char *const *keys; const lc_X_t *vals; size_t n; } */
} lc_shape_t;

/* Field flags, decided by the generator (from the spec and spec/overrides.json). */
enum {
    LC_FF_REQUIRED          = 1u << 0,  /* "Required": true */
    LC_FF_UPDATE_MUTABLE    = 1u << 1,  /* UpdateType; none of the three = not stated */
    LC_FF_UPDATE_IMMUTABLE  = 1u << 2,
    LC_FF_UPDATE_CONDITIONAL = 1u << 3,
    LC_FF_VERSION_LOCKED    = 1u << 4,  /* changes the Lambda version hash (overrides.json) */
    LC_FF_VERSION_UNLOCKED  = 1u << 5,  /* known not to; neither flag = unknown */
    LC_FF_DUPLICATES_ALLOWED = 1u << 6, /* "DuplicatesAllowed": true */
    LC_FF_NO_DUPLICATES     = 1u << 7   /* "DuplicatesAllowed": false; neither = not stated */
};
#define LC_FF_UPDATE_MASK (LC_FF_UPDATE_MUTABLE | LC_FF_UPDATE_IMMUTABLE | LC_FF_UPDATE_CONDITIONAL)

/* Which checks a constraint row carries (lc_constraint_t.checks). */
enum {
    LC_CK_MIN        = 1u << 0,   /* number >= min */
    LC_CK_MAX        = 1u << 1,   /* number <= max */
    LC_CK_MIN_LENGTH = 1u << 2,   /* string length (Unicode code points) >= min_length */
    LC_CK_MAX_LENGTH = 1u << 3,
    LC_CK_MIN_ITEMS  = 1u << 4,   /* list length */
    LC_CK_MAX_ITEMS  = 1u << 5,
    LC_CK_ENUM       = 1u << 6,   /* string is one of enum_values */
    LC_CK_PATTERN    = 1u << 7,   /* string matches pattern (POSIX ERE, a search: anchor it) */
    LC_CK_KEY_PATTERN = 1u << 8   /* every key of a map matches key_pattern */
};

/* A value constraint from spec/overrides.json (the legacy spec has none).  For a list
 * or map property the string / number checks apply to each item / value. */
typedef struct lc_constraint {
    unsigned checks;                    /* LC_CK_* bits: which members below are set */
    double min, max;
    size_t min_length, max_length;
    size_t min_items, max_items;
    const char *const *enum_values;
    size_t n_enum;
    const char *pattern;                /* POSIX extended regular expression */
    const char *key_pattern;
    const char *source;                 /* where the fact comes from, or NULL */
} lc_constraint_t;

typedef struct lc_type_desc lc_type_desc_t;

/* One property of a type.  Rows are sorted by key (byte order); a table ends with a
 * row whose key is NULL. */
typedef struct lc_field_desc {
    const char *key;                    /* the JSON key, e.g. "MemorySize" */
    size_t key_len;
    size_t offset;                      /* offsetof(struct, member) */
    lc_shape_t shape;
    lc_prim_t prim;                     /* for PRIM, JSON, LIST_PRIM, MAP_PRIM */
    unsigned flags;                     /* LC_FF_* */
    const lc_type_desc_t *type;         /* for STRUCT, LIST_STRUCT, MAP_STRUCT; else NULL */
    const lc_constraint_t *constraint;  /* NULL when none */
} lc_field_desc_t;

/* One resource type or property type. */
struct lc_type_desc {
    const char *cfn_name;               /* "AWS::Lambda::Function", "AWS::Lambda::Function.Code", "Tag" */
    const char *c_name;                 /* "lc_AWS_Lambda_Function_t" */
    size_t size;                        /* sizeof the struct */
    const lc_field_desc_t *fields;      /* n_fields rows + the NULL-key sentinel */
    size_t n_fields;
    bool is_resource;
    const char *const *attributes;      /* Fn::GetAtt names, sorted, incl. dotted ones
                                         * ("SnapStartResponse.ApplyOn"); NULL when none */
    size_t n_attributes;
};

/* Generic views of the struct-list / struct-map members (same layout for every X). */
typedef struct { const void *items; size_t n; } lc_l1_list_view_t;
typedef struct { const char *const *keys; const void *vals; size_t n; } lc_l1_map_view_t;

/* ---- binding (used by the generated runtime/cfn.gen.c) -------------------------------- */
#define LC__L1_FIELD_ROW(T, member, key, shape, prim, nested, flags, cons) \
    { key, sizeof(key) - 1, offsetof(T##_t, member), LC_SHAPE_##shape, LC_PRIM_##prim, \
      (flags), (nested), (cons) },

/* LC_L1_BIND(T, cfn_name, is_resource, attrs, n_attrs): defines T_fields from the list
 * T_FIELDS(X, T) and the descriptor T_desc.  Follow it with a semicolon. */
#define LC_L1_BIND(T, cfn, is_res, attrs, n_attrs) \
    static const lc_field_desc_t T##_fields[] = { \
        T##_FIELDS(LC__L1_FIELD_ROW, T) \
        { NULL, 0, 0, LC_SHAPE_NONE, LC_PRIM_NONE, 0, NULL, NULL } }; \
    const lc_type_desc_t T##_desc = { \
        (cfn), #T "_t", sizeof(T##_t), T##_fields, \
        sizeof(T##_fields) / sizeof(lc_field_desc_t) - 1, (is_res), (attrs), (n_attrs) }

/* The generated table of every descriptor, sorted by cfn_name (strcmp).  Internal: use
 * lc_l1_find() / lc_l1_type_at().  The symbol name carries LC_L1_ABI. */
typedef struct lc_l1_registry {
    const lc_type_desc_t *const *types;
    size_t n_types;
    const char *spec_version;           /* ResourceSpecificationVersion */
} lc_l1_registry_t;
#define LC__L1_CAT2(a, b) a##b
#define LC__L1_CAT(a, b) LC__L1_CAT2(a, b)
#define LC__L1_REGISTRY LC__L1_CAT(lc__l1_registry_abi, LC_L1_ABI)
extern const lc_l1_registry_t LC__L1_REGISTRY;

/* ---- initializer macros ----------------------------------------------------------------
 * All expand to brace initializers or address constants, so they work in static const
 * declarations at file scope as well as in automatic ones.
 *
 * LC_STRING(x): x is a string literal / const char * (-> a string value) or a
 * `const lc_value_t *` (a Ref, Fn::GetAtt, Fn::Join, ...: used as is); anything else (an
 * int, a struct pointer) is a compile-time error.  Each branch of the _Generic casts x so
 * that the branches not taken are still valid C. */
#define LC__L1_STRV(x) \
    _Generic((x), \
        char *: LC_VSTR((const char *)(x)), \
        const char *: LC_VSTR((const char *)(x)), \
        lc_value_t *: (const lc_value_t *)(x), \
        const lc_value_t *: (const lc_value_t *)(x))
#define LC_STRING(x)        { .lc__string = LC__L1_STRV(x) }
#define LC_TIMESTAMP(x)     { .lc__timestamp = LC__L1_STRV(x) }       /* "2024-01-01T00:00:00Z" or a value */
#define LC_INTEGER(n)       { .lc__integer = LC_VINT(n) }
#define LC_LONG(n)          { .lc__long = LC_VINT(n) }
#define LC_DOUBLE(x)        { .lc__double = LC_VNUM(x) }
#define LC_BOOLEAN(b)       { .lc__boolean = LC_VBOOL(b) }
#define LC_JSON(v_)         { .lc__json = (v_) }                 /* any value: LC_VOBJ(...), ... */
/* The _V forms take a `const lc_value_t *` (an intrinsic, or a literal of another kind,
 * e.g. LC_INTEGER_V(LC_VSTR("128"))).  LC_WRAP / LC_LIST_V / LC_MAP_V fit any wrapper of
 * their family and are therefore not kind-checked. */
#define LC_WRAP(v_)         { .v = (v_) }
#define LC_STRING_V(v_)     { .lc__string = (v_) }
#define LC_INTEGER_V(v_)    { .lc__integer = (v_) }
#define LC_LONG_V(v_)       { .lc__long = (v_) }
#define LC_DOUBLE_V(v_)     { .lc__double = (v_) }
#define LC_BOOLEAN_V(v_)    { .lc__boolean = (v_) }
#define LC_TIMESTAMP_V(v_)  { .lc__timestamp = (v_) }
#define LC_LIST_V(v_)       LC_WRAP(v_)   /* any lc_list_*_t: LC_VARR(...), LC_FN_SPLIT(...) */
#define LC_MAP_V(v_)        LC_WRAP(v_)   /* any lc_map_*_t: LC_VOBJ(...), an intrinsic */
#define LC_LIST_EMPTY       { .v = LC_VARR0 }             /* [] (unset is {0} / omitted) */

/* Lists of primitives, one argument per item (at most 32; use LC_LIST_V(LC_VARR(...))
 * beyond).  LC_LIST_STRING items are literals or values, like LC_STRING; the others
 * take C constants. */
#define LC__L1_N(...) LC__L1_N_(__VA_ARGS__, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, \
    20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define LC__L1_N_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, \
    _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, n, ...) n
#define LC__L1_MAP(f, ...) LC__L1_CAT(LC__L1_MAP, LC__L1_N(__VA_ARGS__))(f, __VA_ARGS__)
#define LC__L1_MAP1(f, a) f(a)
#define LC__L1_MAP2(f, a, ...) f(a), LC__L1_MAP1(f, __VA_ARGS__)
#define LC__L1_MAP3(f, a, ...) f(a), LC__L1_MAP2(f, __VA_ARGS__)
#define LC__L1_MAP4(f, a, ...) f(a), LC__L1_MAP3(f, __VA_ARGS__)
#define LC__L1_MAP5(f, a, ...) f(a), LC__L1_MAP4(f, __VA_ARGS__)
#define LC__L1_MAP6(f, a, ...) f(a), LC__L1_MAP5(f, __VA_ARGS__)
#define LC__L1_MAP7(f, a, ...) f(a), LC__L1_MAP6(f, __VA_ARGS__)
#define LC__L1_MAP8(f, a, ...) f(a), LC__L1_MAP7(f, __VA_ARGS__)
#define LC__L1_MAP9(f, a, ...) f(a), LC__L1_MAP8(f, __VA_ARGS__)
#define LC__L1_MAP10(f, a, ...) f(a), LC__L1_MAP9(f, __VA_ARGS__)
#define LC__L1_MAP11(f, a, ...) f(a), LC__L1_MAP10(f, __VA_ARGS__)
#define LC__L1_MAP12(f, a, ...) f(a), LC__L1_MAP11(f, __VA_ARGS__)
#define LC__L1_MAP13(f, a, ...) f(a), LC__L1_MAP12(f, __VA_ARGS__)
#define LC__L1_MAP14(f, a, ...) f(a), LC__L1_MAP13(f, __VA_ARGS__)
#define LC__L1_MAP15(f, a, ...) f(a), LC__L1_MAP14(f, __VA_ARGS__)
#define LC__L1_MAP16(f, a, ...) f(a), LC__L1_MAP15(f, __VA_ARGS__)
#define LC__L1_MAP17(f, a, ...) f(a), LC__L1_MAP16(f, __VA_ARGS__)
#define LC__L1_MAP18(f, a, ...) f(a), LC__L1_MAP17(f, __VA_ARGS__)
#define LC__L1_MAP19(f, a, ...) f(a), LC__L1_MAP18(f, __VA_ARGS__)
#define LC__L1_MAP20(f, a, ...) f(a), LC__L1_MAP19(f, __VA_ARGS__)
#define LC__L1_MAP21(f, a, ...) f(a), LC__L1_MAP20(f, __VA_ARGS__)
#define LC__L1_MAP22(f, a, ...) f(a), LC__L1_MAP21(f, __VA_ARGS__)
#define LC__L1_MAP23(f, a, ...) f(a), LC__L1_MAP22(f, __VA_ARGS__)
#define LC__L1_MAP24(f, a, ...) f(a), LC__L1_MAP23(f, __VA_ARGS__)
#define LC__L1_MAP25(f, a, ...) f(a), LC__L1_MAP24(f, __VA_ARGS__)
#define LC__L1_MAP26(f, a, ...) f(a), LC__L1_MAP25(f, __VA_ARGS__)
#define LC__L1_MAP27(f, a, ...) f(a), LC__L1_MAP26(f, __VA_ARGS__)
#define LC__L1_MAP28(f, a, ...) f(a), LC__L1_MAP27(f, __VA_ARGS__)
#define LC__L1_MAP29(f, a, ...) f(a), LC__L1_MAP28(f, __VA_ARGS__)
#define LC__L1_MAP30(f, a, ...) f(a), LC__L1_MAP29(f, __VA_ARGS__)
#define LC__L1_MAP31(f, a, ...) f(a), LC__L1_MAP30(f, __VA_ARGS__)
#define LC__L1_MAP32(f, a, ...) f(a), LC__L1_MAP31(f, __VA_ARGS__)

#define LC__L1_INTV(n)  LC_VINT(n)
#define LC__L1_NUMV(x)  LC_VNUM(x)
#define LC__L1_BOOLV(b) LC_VBOOL(b)
#define LC_LIST_STRING(...)    { .lc__list_string = LC_VARR(LC__L1_MAP(LC__L1_STRV, __VA_ARGS__)) }
#define LC_LIST_TIMESTAMP(...) { .lc__list_timestamp = LC_VARR(LC__L1_MAP(LC__L1_STRV, __VA_ARGS__)) }
#define LC_LIST_INTEGER(...)   { .lc__list_integer = LC_VARR(LC__L1_MAP(LC__L1_INTV, __VA_ARGS__)) }
#define LC_LIST_LONG(...)      { .lc__list_long = LC_VARR(LC__L1_MAP(LC__L1_INTV, __VA_ARGS__)) }
#define LC_LIST_DOUBLE(...)    { .lc__list_double = LC_VARR(LC__L1_MAP(LC__L1_NUMV, __VA_ARGS__)) }
#define LC_LIST_BOOLEAN(...)   { .lc__list_boolean = LC_VARR(LC__L1_MAP(LC__L1_BOOLV, __VA_ARGS__)) }
#define LC_LIST_JSON(...)      { .lc__list_json = LC_VARR(__VA_ARGS__) }   /* items are values */

/* Maps of primitives: LC_MAP_STRING(LC_M("KEY", LC_VSTR("v")), ...) (members in order). */
#define LC_MAP_STRING(...)     { .lc__map_string = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_INTEGER(...)    { .lc__map_integer = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_LONG(...)       { .lc__map_long = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_DOUBLE(...)     { .lc__map_double = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_BOOLEAN(...)    { .lc__map_boolean = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_TIMESTAMP(...)  { .lc__map_timestamp = LC_VOBJ(__VA_ARGS__) }
#define LC_MAP_JSON(...)       { .lc__map_json = LC_VOBJ(__VA_ARGS__) }

/* Property types.
 * LC_STRUCT(T, .Member = ..., ...): a pointer to a T (for `const lc_X_t *` members).
 * LC_LIST_OF(T, { .Member = ... }, { ... }): an lc_X_list_t of the given items.
 * LC_MAP_OF(T, LC_KEYS("a", "b"), { ... }, { ... }): an lc_X_map_t; the number of keys
 * must equal the number of items (a compile-time error otherwise). */
#define LC_STRUCT(T, ...)   (&(const T){ __VA_ARGS__ })
#define LC_LIST_OF(T, ...) \
    { .items = (const T[]){ __VA_ARGS__ }, \
      .n = sizeof((const T[]){ __VA_ARGS__ }) / sizeof(T) }
#define LC_KEYS(...)        ((const char *const[]){ __VA_ARGS__ })
#define LC_MAP_OF(T, keys_, ...) \
    { .keys = (keys_), .vals = (const T[]){ __VA_ARGS__ }, \
      .n = sizeof((const T[]){ __VA_ARGS__ }) / sizeof(T) \
           + 0 * sizeof(struct { int lc__ok; _Static_assert( \
                 sizeof(keys_) / sizeof(const char *) \
                 == sizeof((const T[]){ __VA_ARGS__ }) / sizeof(T), \
                 "LC_MAP_OF: as many keys as values"); }) }

/* ---- run-time API (runtime/l1.c) ---------------------------------------------------------
 * Descriptors are static and immutable; every function here is safe to call from any
 * thread at any time (lc_l1_check serializes its regex cache internally). */

/* The descriptor of a CloudFormation type name ("AWS::Lambda::Function",
 * "AWS::Lambda::Function.Code", "Tag"), by binary search; NULL when the slice lacks it. */
const lc_type_desc_t *lc_l1_find(const char *cfn_type_name);

/* Number of descriptors (resource and property types) and the i-th one in cfn_name
 * order (i < lc_l1_type_count(); misuse is an assert). */
size_t lc_l1_type_count(void);
const lc_type_desc_t *lc_l1_type_at(size_t i);

/* The ResourceSpecificationVersion the types were generated from. */
const char *lc_l1_spec_version(void);

/* The row of `d` for a JSON key, by binary search; NULL when the type has no such
 * property. */
const lc_field_desc_t *lc_l1_field(const lc_type_desc_t *d, const char *json_key);

/* Whether field f of the struct at obj (a struct of the type f belongs to) is set:
 * a non-NULL value / struct pointer / items / keys pointer. */
bool lc_l1_is_set(const lc_field_desc_t *f, const void *obj);

/* The CloudFormation value of one field of obj: *out is NULL when the field is unset,
 * the member's own value when it holds one (borrowed, not copied), or an arena-built
 * array / object for property types.  Returns 0 or LC_E_NOMEM. */
int lc_l1_field_value(lc_arena_t *a, const lc_field_desc_t *f, const void *obj,
                      const lc_value_t **out);

/* The Properties object of obj, a struct of type d: set members only, keys in descriptor
 * order (ascending by key, as aws-cdk-lib writes L1 properties), property types
 * recursively, lists of property types as arrays, Json values as they are.  An all-unset
 * struct gives an empty object.  Values are borrowed from obj; containers come from `a`.
 * Returns NULL only when the arena cannot allocate. */
lc_value_t *lc_l1_to_value(lc_arena_t *a, const lc_type_desc_t *d, const void *obj);

/* Reports problems one by one: `path` is the property path from obj ("MemorySize",
 * "Code.S3Bucket", "Tags[1].Key", "Environment.Variables.MY_VAR"), `msg` a sentence
 * without the path.  Both strings live only for the duration of the call. */
typedef void (*lc_l1_report_fn)(void *ctx, const char *path, const char *msg);

/* Check obj, a struct of type d, recursively: required properties that are unset, and
 * literal values outside the constraints of spec/overrides.json (ranges, lengths, list
 * sizes, enums, patterns - regcomp(REG_EXTENDED), compiled once and cached), and literals
 * of the wrong kind (an array where a string is expected...).  Intrinsics are not
 * checked.  `report` may be NULL (count only).  Returns the number of problems found. */
int lc_l1_check(const lc_type_desc_t *d, const void *obj, lc_l1_report_fn report, void *ctx);

#ifdef __cplusplus
}
#endif

/* The generated structs, field lists and descriptor declarations. */
#ifndef LC_L1_NO_GENERATED
#include <lambdac/cfn.gen.h>
#endif

#endif
