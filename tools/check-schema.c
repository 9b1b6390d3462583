/* check-schema.c - raw L1 declarations (LC_CFN) against the generated descriptors.
 *
 * One source of truth: the property names, shapes, kinds, required flags and value
 * constraints come from the descriptor tables the runtime itself uses (lc_l1_find,
 * lc_l1_type_at, lc_l1_field, lc_constraint_t rows from spec/overrides.json), linked
 * from liblambdac.  Regenerating the L1 layer from a new spec changes what this file
 * checks without a line of it changing.
 *
 * The value checks follow runtime/l1.c lc_l1_check() rule for rule (string lengths in
 * code points, list and map constraints per item, enum values compared as text,
 * intrinsics never checked) but run on the parsed source, so every problem points at
 * the literal that causes it.  Kind mismatches (LC_INTEGER for a String property) are
 * compile errors in C; the checker reports them with the property's spec kind, which
 * is easier to act on than a missing-member error deep in a macro expansion.
 */
#include "config.h"

#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac/l1.h>

#include "check.h"

typedef struct sctx {
    lc_ck_run_t *run;
    lc_ck_file_t *f;
    const lc_ck_decl_t *d;
} sctx_t;

static void sreport(sctx_t *s, lc_ck_loc_t at, lc_ck_rule_id_t rule, const char *path,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void sreport(sctx_t *s, lc_ck_loc_t at, lc_ck_rule_id_t rule, const char *path,
                    const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lc_ck_report(s->run, s->f, at, rule, "%s: %s%s%s", s->d->id ? s->d->id : "?",
                 path && *path ? path : "", path && *path ? ": " : "", msg);
}

/* The descriptors sorted by C name, built once (lc_l1_type_at() orders them by
 * CloudFormation name). */
static const lc_type_desc_t **by_c_name;
static size_t n_by_c_name;

static int cmp_c_name(const void *a, const void *b)
{
    return strcmp((*(const lc_type_desc_t *const *)a)->c_name,
                  (*(const lc_type_desc_t *const *)b)->c_name);
}

static int cmp_key_c_name(const void *key, const void *elem)
{
    return strcmp((const char *)key, (*(const lc_type_desc_t *const *)elem)->c_name);
}

/* Property paths ("Code.ZipFile", "Layers[2]") are built for every member checked and
 * read only when something is reported: they are joined by hand, not with printf. */
static const char *path_member(sctx_t *s, const char *path, const char *member, size_t n)
{
    size_t np = path ? strlen(path) : 0;
    char *r = lc_xalloc(s->run->arena, np + 1 + n + 1);
    if (np) {
        memcpy(r, path, np);
        r[np++] = '.';
    }
    memcpy(r + np, member, n);
    r[np + n] = '\0';
    return r;
}

static const char *path_index(sctx_t *s, const char *path, size_t i)
{
    char digits[24];
    size_t nd = 0, np = strlen(path);
    do
        digits[nd++] = (char)('0' + i % 10);
    while ((i /= 10) != 0);
    char *r = lc_xalloc(s->run->arena, np + nd + 3);
    memcpy(r, path, np);
    r[np++] = '[';
    while (nd)
        r[np++] = digits[--nd];
    r[np++] = ']';
    r[np] = '\0';
    return r;
}

/* The descriptor of a C type name ("lc_AWS_Lambda_Function_t" or "AWS_Lambda_Function"). */
static const lc_type_desc_t *desc_of_c_name(const char *name)
{
    char want[256];
    if (!by_c_name) {
        n_by_c_name = lc_l1_type_count();
        by_c_name = calloc(n_by_c_name ? n_by_c_name : 1, sizeof *by_c_name);
        if (!by_c_name)
            abort();
        for (size_t i = 0; i < n_by_c_name; i++)
            by_c_name[i] = lc_l1_type_at(i);
        qsort(by_c_name, n_by_c_name, sizeof *by_c_name, cmp_c_name);
    }
    const char *key = name;
    if (strncmp(name, "lc_", 3) != 0) {
        size_t n = strlen(name);
        if (n > sizeof want - 6)
            return NULL;        /* no generated type has such a name */
        memcpy(want, "lc_", 3);
        memcpy(want + 3, name, n);
        memcpy(want + 3 + n, "_t", 3);
        key = want;
    }
    const lc_type_desc_t *const *hit = bsearch(key, by_c_name, n_by_c_name, sizeof *by_c_name,
                                               cmp_key_c_name);
    return hit ? *hit : NULL;
}

/* The row of a member name: as written, or without the '_' the generator appends to
 * C keywords (`.default_` is "default"). */
static const lc_field_desc_t *field_of(const lc_type_desc_t *t, const char *member)
{
    const lc_field_desc_t *f = lc_l1_field(t, member);
    size_t n = strlen(member);
    if (!f && n > 1 && member[n - 1] == '_') {
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)(n - 1), member);
        f = lc_l1_field(t, buf);
    }
    return f;
}

static const char *prim_name(lc_prim_t p)
{
    switch (p) {
    case LC_PRIM_STRING: return "a String";
    case LC_PRIM_INTEGER: return "an Integer";
    case LC_PRIM_LONG: return "a Long";
    case LC_PRIM_DOUBLE: return "a Double";
    case LC_PRIM_BOOLEAN: return "a Boolean";
    case LC_PRIM_TIMESTAMP: return "a Timestamp";
    case LC_PRIM_JSON: return "Json";
    default: return "a value";
    }
}

static const char *field_kind(const lc_field_desc_t *f, char *buf, size_t n)
{
    switch (f->shape) {
    case LC_SHAPE_PRIM: return prim_name(f->prim);
    case LC_SHAPE_JSON: return "Json";
    case LC_SHAPE_STRUCT: snprintf(buf, n, "of type %s", f->type->cfn_name); return buf;
    case LC_SHAPE_LIST_PRIM: snprintf(buf, n, "a List of %s", prim_name(f->prim) + 2); return buf;
    case LC_SHAPE_LIST_STRUCT: snprintf(buf, n, "a List of %s", f->type->cfn_name); return buf;
    case LC_SHAPE_MAP_PRIM: snprintf(buf, n, "a Map of %s", prim_name(f->prim) + 2); return buf;
    case LC_SHAPE_MAP_STRUCT: snprintf(buf, n, "a Map of %s", f->type->cfn_name); return buf;
    default: return "a property";
    }
}

/* ---- literals --------------------------------------------------------------------------- */
enum { L_UNKNOWN, L_INTRINSIC, L_NULL, L_BOOL, L_INT, L_NUM, L_STR, L_ARR, L_OBJ };
typedef struct lit {
    int kind;
    const lc_cv_t *v;          /* the value (for locations and items) */
    int64_t i;
    double n;
    const char *s;
    const lc_cv_item_t *items; /* ARR: elements; OBJ: LC_M(k, v) calls */
    size_t nitems;
} lit_t;

static bool is_call(const lc_cv_t *v, const char *name)
{
    return v->kind == LC_CV_CALL && strcmp(v->s, name) == 0;
}

static bool is_intrinsic_name(const char *s)
{
    return strncmp(s, "LC_FN_", 6) == 0 || strncmp(s, "LC_AWS_", 7) == 0 ||
           strcmp(s, "LC_VREF") == 0 || strcmp(s, "LC_VGETATT") == 0 ||
           strcmp(s, "LC_VREFNAME") == 0 || strcmp(s, "LC_VREF_CURRENT_VERSION") == 0 ||
           strcmp(s, "LC_VGETATT_CURRENT_VERSION") == 0;
}

/* What a value expression (LC_VSTR("x"), LC_VARR(...), a C literal) denotes. */
static lit_t lit_of(const lc_cv_t *v)
{
    lit_t l = { L_UNKNOWN, v, 0, 0, NULL, NULL, 0 };
    switch (v->kind) {
    case LC_CV_STR: l.kind = L_STR; l.s = v->s; return l;
    case LC_CV_INT: l.kind = L_INT; l.i = v->i; return l;
    case LC_CV_NUM: l.kind = L_NUM; l.n = v->n; return l;
    case LC_CV_NULL: l.kind = L_NULL; return l;
    case LC_CV_IDENT:
        if (is_intrinsic_name(v->s))
            l.kind = L_INTRINSIC;
        else if (strcmp(v->s, "LC_VTRUE") == 0 || strcmp(v->s, "LC_VFALSE") == 0) {
            l.kind = L_BOOL;
            l.i = v->s[4] == 'T';
        } else if (strcmp(v->s, "LC_VNULL") == 0)
            l.kind = L_NULL;
        else if (strcmp(v->s, "LC_VARR0") == 0)
            l.kind = L_ARR;
        else if (strcmp(v->s, "LC_VOBJ0") == 0)
            l.kind = L_OBJ;
        return l;
    case LC_CV_CALL:
        if (is_intrinsic_name(v->s)) {
            l.kind = L_INTRINSIC;
        } else if ((is_call(v, "LC_VSTR") || is_call(v, "LC_VINT") || is_call(v, "LC_VNUM")) &&
                   v->nitems == 1) {
            l = lit_of(v->items[0].val);
            if (l.kind == L_NULL)
                l.kind = L_UNKNOWN;
        } else if (is_call(v, "LC_VBOOL") && v->nitems == 1) {
            l = lit_of(v->items[0].val);
            if (l.kind == L_INT) {
                l.kind = L_BOOL;
                l.i = l.i != 0;
            }
        } else if (is_call(v, "LC_VARR")) {
            l.kind = L_ARR;
            l.items = v->items;
            l.nitems = v->nitems;
        } else if (is_call(v, "LC_VOBJ")) {
            l.kind = L_OBJ;
            l.items = v->items;
            l.nitems = v->nitems;
        }
        l.v = v;
        return l;
    default:
        return l;
    }
}

static const char *lit_kind_name(int k)
{
    switch (k) {
    case L_NULL: return "null";
    case L_BOOL: return "a boolean";
    case L_INT: return "an integer";
    case L_NUM: return "a number";
    case L_STR: return "a string";
    case L_ARR: return "an array";
    case L_OBJ: return "an object";
    default: return "a value";
    }
}

/* ---- constraint checks (runtime/l1.c semantics) --------------------------------------------- */

static size_t utf8_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n;
}

static struct {
    const char *pattern;
    regex_t re;
    int status;
} regex_cache[64];
static size_t nregex;

/* 1 match, 0 no match, -1 the pattern does not compile (reported once by the caller). */
static int regex_match(const char *pattern, const char *s)
{
    size_t i;
    for (i = 0; i < nregex; i++)
        if (regex_cache[i].pattern == pattern || strcmp(regex_cache[i].pattern, pattern) == 0)
            break;
    if (i == nregex) {
        if (nregex == sizeof regex_cache / sizeof regex_cache[0]) {
            regex_t re;
            int st = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
            int m = st ? -1 : regexec(&re, s, 0, NULL, 0) == 0;
            if (!st)
                regfree(&re);
            return m;
        }
        regex_cache[i].pattern = pattern;
        regex_cache[i].status = regcomp(&regex_cache[i].re, pattern, REG_EXTENDED | REG_NOSUB);
        nregex++;
    }
    if (regex_cache[i].status)
        return -1;
    return regexec(&regex_cache[i].re, s, 0, NULL, 0) == 0;
}

static void check_enum(sctx_t *s, const lc_constraint_t *k, const char *text, lc_ck_loc_t at,
                       const char *path)
{
    char list[512];
    size_t len = 0;
    for (size_t i = 0; i < k->n_enum; i++)
        if (strcmp(k->enum_values[i], text) == 0)
            return;
    list[0] = '\0';
    for (size_t i = 0; i < k->n_enum && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", k->enum_values[i]);
    sreport(s, at, LC_R_SCHEMA_ENUM, path, "\"%s\" is not one of: %s", text, list);
}

static void check_pattern(sctx_t *s, const char *what, const char *pattern, const char *str,
                          lc_ck_loc_t at, const char *path)
{
    int m = regex_match(pattern, str);
    if (m == 0)
        sreport(s, at, LC_R_SCHEMA_PATTERN, path, "%s \"%s\" does not match the pattern %s", what, str, pattern);
}

static void note_unknown(sctx_t *s, const lc_cv_t *v, const char *path)
{
    lc_ck_not_static(s->run, s->f, (lc_cv_t *)v,
                     lc_sprintf(s->run->arena, "the value of %s of %s", path, s->d->id ? s->d->id : "?"));
}

static void check_scalar(sctx_t *s, const lc_field_desc_t *f, const lit_t *l, const char *path)
{
    const lc_constraint_t *k = f->constraint;
    if (l->kind == L_UNKNOWN) {
        if (k)
            note_unknown(s, l->v, path);
        return;
    }
    if (l->kind == L_INTRINSIC || f->prim == LC_PRIM_JSON)
        return;
    if (l->kind == L_ARR || l->kind == L_OBJ) {
        sreport(s, l->v->loc, LC_R_SCHEMA_WRONG_KIND, path, "expected %s, got %s",
                prim_name(f->prim), lit_kind_name(l->kind));
        return;
    }
    if (!k)
        return;
    if (l->kind == L_INT || l->kind == L_NUM) {
        double x = l->kind == L_INT ? (double)l->i : l->n;
        char text[64] = "";
        /* formatted only when something reads it: most numbers have no constraint */
        if (k->checks & (LC_CK_MIN | LC_CK_MAX | LC_CK_ENUM)) {
            if (l->kind == L_INT)
                snprintf(text, sizeof text, "%lld", (long long)l->i);
            else
                snprintf(text, sizeof text, "%.17g", l->n);
        }
        if ((k->checks & LC_CK_MIN) && x < k->min)
            sreport(s, l->v->loc, LC_R_SCHEMA_RANGE, path, "%s is less than the minimum %.17g", text, k->min);
        if ((k->checks & LC_CK_MAX) && x > k->max)
            sreport(s, l->v->loc, LC_R_SCHEMA_RANGE, path, "%s is greater than the maximum %.17g", text, k->max);
        if (k->checks & LC_CK_ENUM)
            check_enum(s, k, text, l->v->loc, path);
    } else if (l->kind == L_STR && l->s) {
        size_t n = utf8_length(l->s);
        if ((k->checks & LC_CK_MIN_LENGTH) && n < k->min_length)
            sreport(s, l->v->loc, LC_R_SCHEMA_LENGTH, path,
                    "\"%s\" is %zu characters long, shorter than the minimum %zu", l->s, n, k->min_length);
        if ((k->checks & LC_CK_MAX_LENGTH) && n > k->max_length)
            sreport(s, l->v->loc, LC_R_SCHEMA_LENGTH, path,
                    "a string of %zu characters is longer than the maximum %zu", n, k->max_length);
        if (k->checks & LC_CK_ENUM)
            check_enum(s, k, l->s, l->v->loc, path);
        if (k->checks & LC_CK_PATTERN)
            check_pattern(s, "value", k->pattern, l->s, l->v->loc, path);
    }
}

static void check_items(sctx_t *s, const lc_field_desc_t *f, size_t n, lc_ck_loc_t at, const char *path)
{
    const lc_constraint_t *k = f->constraint;
    if (k && (k->checks & LC_CK_MIN_ITEMS) && n < k->min_items)
        sreport(s, at, LC_R_SCHEMA_ITEMS, path, "a list of %zu items has fewer than the minimum %zu", n, k->min_items);
    if (k && (k->checks & LC_CK_MAX_ITEMS) && n > k->max_items)
        sreport(s, at, LC_R_SCHEMA_ITEMS, path, "a list of %zu items has more than the maximum %zu", n, k->max_items);
}

static void check_struct(sctx_t *s, const lc_type_desc_t *t, const lc_cv_t *init,
                         const char *path, lc_ck_loc_t at);

/* A list of values (LC_VARR or the items of LC_LIST_STRING). */
static void check_list_values(sctx_t *s, const lc_field_desc_t *f, const lc_cv_item_t *items,
                              size_t n, lc_ck_loc_t at, const char *path)
{
    check_items(s, f, n, at, path);
    for (size_t i = 0; i < n; i++) {
        lit_t l = lit_of(items[i].val);
        check_scalar(s, f, &l, path_index(s, path, i));
    }
}

/* Map members LC_M("key", value). */
static void check_map_values(sctx_t *s, const lc_field_desc_t *f, const lc_cv_item_t *items,
                             size_t n, const char *path)
{
    const lc_constraint_t *k = f->constraint;
    for (size_t i = 0; i < n; i++) {
        const lc_cv_t *m = items[i].val;
        if (!is_call(m, "LC_M") || m->nitems != 2) {
            note_unknown(s, m, path);
            continue;
        }
        const lc_cv_t *key = m->items[0].val;
        const char *sub = key->kind == LC_CV_STR ? path_member(s, path, key->s, strlen(key->s)) : path;
        if (key->kind == LC_CV_STR && k && (k->checks & LC_CK_KEY_PATTERN))
            check_pattern(s, "key", k->key_pattern, key->s, key->loc, sub);
        lit_t l = lit_of(m->items[1].val);
        check_scalar(s, f, &l, sub);
    }
}

/* The checks of one member value. */
static void check_field(sctx_t *s, const lc_field_desc_t *f, const lc_cv_t *v, const char *path)
{
    char kind_buf[256];
    if (v->kind == LC_CV_UNKNOWN) {
        note_unknown(s, v, path);
        return;
    }
    if (v->kind == LC_CV_INIT)
        return;     /* { .v = ... } written by hand: the compiler checks it */
    if (v->kind == LC_CV_IDENT && strcmp(v->s, "LC_LIST_EMPTY") == 0) {
        if (f->shape != LC_SHAPE_LIST_PRIM)
            sreport(s, v->loc, LC_R_SCHEMA_WRONG_KIND, path, "LC_LIST_EMPTY gives a list, but the property is %s",
                    field_kind(f, kind_buf, sizeof kind_buf));
        else
            check_items(s, f, 0, v->loc, path);
        return;
    }
    if (v->kind != LC_CV_CALL) {
        note_unknown(s, v, path);
        return;
    }
    /* the wrapper macro: which shape and kind it makes */
    static const struct wrapper {
        const char *name;
        lc_shape_t shape;
        lc_prim_t prim;       /* LC_PRIM_NONE: any kind */
        int arg;              /* 0: a C literal / string, 1: a value expression */
    } wrappers[] = {
        { "LC_STRING", LC_SHAPE_PRIM, LC_PRIM_STRING, 0 },
        { "LC_TIMESTAMP", LC_SHAPE_PRIM, LC_PRIM_TIMESTAMP, 0 },
        { "LC_INTEGER", LC_SHAPE_PRIM, LC_PRIM_INTEGER, 0 },
        { "LC_LONG", LC_SHAPE_PRIM, LC_PRIM_LONG, 0 },
        { "LC_DOUBLE", LC_SHAPE_PRIM, LC_PRIM_DOUBLE, 0 },
        { "LC_BOOLEAN", LC_SHAPE_PRIM, LC_PRIM_BOOLEAN, 0 },
        { "LC_JSON", LC_SHAPE_JSON, LC_PRIM_JSON, 1 },
        { "LC_STRING_V", LC_SHAPE_PRIM, LC_PRIM_STRING, 1 },
        { "LC_INTEGER_V", LC_SHAPE_PRIM, LC_PRIM_INTEGER, 1 },
        { "LC_LONG_V", LC_SHAPE_PRIM, LC_PRIM_LONG, 1 },
        { "LC_DOUBLE_V", LC_SHAPE_PRIM, LC_PRIM_DOUBLE, 1 },
        { "LC_BOOLEAN_V", LC_SHAPE_PRIM, LC_PRIM_BOOLEAN, 1 },
        { "LC_TIMESTAMP_V", LC_SHAPE_PRIM, LC_PRIM_TIMESTAMP, 1 },
        { "LC_WRAP", LC_SHAPE_NONE, LC_PRIM_NONE, 1 },
        { "LC_LIST_V", LC_SHAPE_NONE, LC_PRIM_NONE, 1 },
        { "LC_MAP_V", LC_SHAPE_NONE, LC_PRIM_NONE, 1 },
        { "LC_LIST_STRING", LC_SHAPE_LIST_PRIM, LC_PRIM_STRING, 0 },
        { "LC_LIST_TIMESTAMP", LC_SHAPE_LIST_PRIM, LC_PRIM_TIMESTAMP, 0 },
        { "LC_LIST_INTEGER", LC_SHAPE_LIST_PRIM, LC_PRIM_INTEGER, 0 },
        { "LC_LIST_LONG", LC_SHAPE_LIST_PRIM, LC_PRIM_LONG, 0 },
        { "LC_LIST_DOUBLE", LC_SHAPE_LIST_PRIM, LC_PRIM_DOUBLE, 0 },
        { "LC_LIST_BOOLEAN", LC_SHAPE_LIST_PRIM, LC_PRIM_BOOLEAN, 0 },
        { "LC_LIST_JSON", LC_SHAPE_LIST_PRIM, LC_PRIM_JSON, 1 },
        { "LC_MAP_STRING", LC_SHAPE_MAP_PRIM, LC_PRIM_STRING, 1 },
        { "LC_MAP_INTEGER", LC_SHAPE_MAP_PRIM, LC_PRIM_INTEGER, 1 },
        { "LC_MAP_LONG", LC_SHAPE_MAP_PRIM, LC_PRIM_LONG, 1 },
        { "LC_MAP_DOUBLE", LC_SHAPE_MAP_PRIM, LC_PRIM_DOUBLE, 1 },
        { "LC_MAP_BOOLEAN", LC_SHAPE_MAP_PRIM, LC_PRIM_BOOLEAN, 1 },
        { "LC_MAP_TIMESTAMP", LC_SHAPE_MAP_PRIM, LC_PRIM_TIMESTAMP, 1 },
        { "LC_MAP_JSON", LC_SHAPE_MAP_PRIM, LC_PRIM_JSON, 1 },
        { "LC_STRUCT", LC_SHAPE_STRUCT, LC_PRIM_NONE, 1 },
        { "LC_LIST_OF", LC_SHAPE_LIST_STRUCT, LC_PRIM_NONE, 1 },
        { "LC_MAP_OF", LC_SHAPE_MAP_STRUCT, LC_PRIM_NONE, 1 },
    };
    const struct wrapper *w = NULL;
    /* calls of known macros are named by their row's string: remember the last few */
    static const char *seen_name[8];
    static const struct wrapper *seen_w[8];
    static unsigned seen_next;
    for (size_t i = 0; i < 8 && !w; i++)
        if (seen_name[i] == v->s)
            w = seen_w[i];
    for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0] && !w; i++)
        if (strcmp(wrappers[i].name, v->s) == 0) {
            w = &wrappers[i];
            seen_name[seen_next % 8] = v->s;
            seen_w[seen_next++ % 8] = w;
        }
    if (!w) {
        note_unknown(s, v, path);
        return;
    }
    /* does the wrapper fit the member? */
    bool fits;
    const lc_type_desc_t *given = NULL;
    if (w->shape == LC_SHAPE_NONE) {
        fits = f->shape == LC_SHAPE_PRIM || f->shape == LC_SHAPE_JSON ||
               f->shape == LC_SHAPE_LIST_PRIM || f->shape == LC_SHAPE_MAP_PRIM;
    } else if (w->shape == LC_SHAPE_JSON) {
        fits = f->shape == LC_SHAPE_JSON || (f->shape == LC_SHAPE_PRIM && f->prim == LC_PRIM_JSON);
    } else if (w->shape == LC_SHAPE_STRUCT || w->shape == LC_SHAPE_LIST_STRUCT ||
               w->shape == LC_SHAPE_MAP_STRUCT) {
        if (v->nitems == 0 || v->items[0].val->kind != LC_CV_IDENT) {
            note_unknown(s, v, path);
            return;
        }
        given = desc_of_c_name(v->items[0].val->s);
        fits = f->shape == w->shape && given == f->type;
    } else {
        fits = f->shape == w->shape && f->prim == w->prim;
        if (w->shape == LC_SHAPE_PRIM && f->shape == LC_SHAPE_JSON && w->prim == LC_PRIM_JSON)
            fits = true;
    }
    if (!fits) {
        const char *gives = given ? lc_sprintf(s->run->arena, "a value of type %s", given->cfn_name)
                          : w->shape == LC_SHAPE_LIST_PRIM ? "a list"
                          : w->shape == LC_SHAPE_MAP_PRIM ? "a map"
                          : w->shape == LC_SHAPE_NONE ? "a one-value wrapper"
                          : w->shape == LC_SHAPE_STRUCT ? "a property type"
                          : w->shape == LC_SHAPE_LIST_STRUCT ? "a list of property types"
                          : w->shape == LC_SHAPE_MAP_STRUCT ? "a map of property types"
                          : prim_name(w->prim);
        sreport(s, v->loc, LC_R_SCHEMA_WRONG_KIND, path, "%s gives %s, but the property is %s",
                v->s, gives, field_kind(f, kind_buf, sizeof kind_buf));
        return;
    }
    /* the values */
    switch (w->shape) {
    case LC_SHAPE_PRIM:
    case LC_SHAPE_JSON: {
        if (v->nitems != 1) {
            note_unknown(s, v, path);
            return;
        }
        lit_t l = lit_of(v->items[0].val);
        if (w->arg == 0 && f->prim == LC_PRIM_BOOLEAN && l.kind == L_INT)
            l.kind = L_BOOL;
        check_scalar(s, f, &l, path);
        return;
    }
    case LC_SHAPE_NONE: {
        if (v->nitems != 1)
            return;
        lit_t l = lit_of(v->items[0].val);
        if (f->shape == LC_SHAPE_LIST_PRIM) {
            if (l.kind == L_ARR)
                check_list_values(s, f, l.items, l.nitems, v->loc, path);
            else if (l.kind != L_INTRINSIC && l.kind != L_UNKNOWN)
                sreport(s, v->loc, LC_R_SCHEMA_WRONG_KIND, path, "expected a list, got %s",
                        lit_kind_name(l.kind));
            else if (l.kind == L_UNKNOWN && f->constraint)
                note_unknown(s, v->items[0].val, path);
        } else if (f->shape == LC_SHAPE_MAP_PRIM) {
            if (l.kind == L_OBJ)
                check_map_values(s, f, l.items, l.nitems, path);
            else if (l.kind != L_INTRINSIC && l.kind != L_UNKNOWN)
                sreport(s, v->loc, LC_R_SCHEMA_WRONG_KIND, path, "expected a map, got %s",
                        lit_kind_name(l.kind));
        } else {
            check_scalar(s, f, &l, path);
        }
        return;
    }
    case LC_SHAPE_LIST_PRIM:
        check_list_values(s, f, v->items, v->nitems, v->loc, path);
        return;
    case LC_SHAPE_MAP_PRIM:
        check_map_values(s, f, v->items, v->nitems, path);
        return;
    case LC_SHAPE_STRUCT: {
        lc_cv_t init = { .kind = LC_CV_INIT, .loc = v->loc, .items = v->items + 1,
                         .nitems = v->nitems - 1, .opaque = v->opaque };
        check_struct(s, f->type, &init, path, v->loc);
        return;
    }
    case LC_SHAPE_LIST_STRUCT: {
        size_t n = v->nitems - 1;
        check_items(s, f, n, v->loc, path);
        for (size_t i = 0; i < n; i++) {
            const lc_cv_t *it = v->items[1 + i].val;
            const char *sub = path_index(s, path, i);
            if (it->kind == LC_CV_INIT)
                check_struct(s, f->type, it, sub, it->loc);
            else
                note_unknown(s, it, sub);
        }
        return;
    }
    case LC_SHAPE_MAP_STRUCT: {
        if (v->nitems < 2)
            return;
        const lc_cv_t *keys = v->items[1].val;
        const lc_constraint_t *k = f->constraint;
        size_t n = v->nitems - 2;
        bool keys_known = is_call(keys, "LC_KEYS");
        for (size_t i = 0; i < n; i++) {
            const lc_cv_t *key = keys_known && i < keys->nitems ? keys->items[i].val : NULL;
            const char *sub = key && key->kind == LC_CV_STR ? path_member(s, path, key->s, strlen(key->s))
                                                             : path_index(s, path, i);
            if (key && key->kind == LC_CV_STR && k && (k->checks & LC_CK_KEY_PATTERN))
                check_pattern(s, "key", k->key_pattern, key->s, key->loc, sub);
            const lc_cv_t *it = v->items[2 + i].val;
            if (it->kind == LC_CV_INIT)
                check_struct(s, f->type, it, sub, it->loc);
            else
                note_unknown(s, it, sub);
        }
        return;
    }
    default:
        return;
    }
}

static void check_struct(sctx_t *s, const lc_type_desc_t *t, const lc_cv_t *init,
                         const char *path, lc_ck_loc_t at)
{
    bool *seen = lc_xalloc(s->run->arena, (t->n_fields + 1) * sizeof *seen);
    bool opaque = init->opaque;
    for (size_t i = 0; i < init->nitems; i++) {
        const lc_cv_item_t *it = &init->items[i];
        if (!it->desig) {
            if (!(it->val->kind == LC_CV_INT && it->val->i == 0))
                opaque = true;      /* positional members: the compiler places them */
            continue;
        }
        size_t seg = strcspn(it->desig, ".[");
        char member[256];
        size_t ml = seg < sizeof member - 1 ? seg : sizeof member - 1;
        memcpy(member, it->desig, ml);
        member[ml] = '\0';
        const lc_field_desc_t *f = field_of(t, member);
        const char *sub = path_member(s, path, member, ml);
        if (!f) {
            sreport(s, it->loc, LC_R_SCHEMA_UNKNOWN_PROPERTY, path, "%s has no property %s", t->cfn_name, member);
            continue;
        }
        if (it->desig[seg]) {
            opaque = true;          /* .Code.S3Bucket = ...: not valid for a pointer member */
            continue;
        }
        if (it->val->kind == LC_CV_NULL || (it->val->kind == LC_CV_INT && it->val->i == 0))
            continue;               /* NULL / 0: unset */
        if (it->val->kind == LC_CV_INIT && it->val->nitems == 1 && !it->val->items[0].desig &&
            it->val->items[0].val->kind == LC_CV_INT && it->val->items[0].val->i == 0)
            continue;               /* {0}: unset */
        seen[f - t->fields] = true;
        check_field(s, f, it->val, sub);
    }
    if (opaque)
        return;
    for (size_t i = 0; i < t->n_fields; i++)
        if ((t->fields[i].flags & LC_FF_REQUIRED) && !seen[i]) {
            const char *sub = path_member(s, path, t->fields[i].key, strlen(t->fields[i].key));
            sreport(s, at, LC_R_SCHEMA_MISSING_REQUIRED, sub, "required property %s of %s is not set",
                    t->fields[i].key, t->cfn_name);
        }
}

void lc_ck_check_cfn(lc_ck_run_t *run, lc_ck_file_t *f, lc_ck_decl_t *d)
{
    sctx_t s = { run, f, d };
    if (!d->cfn_type) {
        lc_ck_report(run, f, d->loc, LC_R_NOT_STATIC,
                     "%s: the L1 type of this declaration is not statically known: its properties are not checked",
                     d->id ? d->id : "?");
        return;
    }
    const lc_type_desc_t *t = desc_of_c_name(d->cfn_type);
    if (!t || !t->is_resource) {
        sreport(&s, d->cfn_type_loc, LC_R_SCHEMA_UNKNOWN_TYPE, NULL,
                "%s is not a resource type of the generated slice (spec/types.list)", d->cfn_type);
        return;
    }
    check_struct(&s, t, d->props, "", d->loc);
}

/* LC_VGETATT(X, "Attr") where X is an LC_CFN declaration: Attr must be an attribute of
 * X's type. */
void lc_ck_check_getatt(lc_ck_run_t *run, lc_ck_file_t *f, lc_ck_decl_t *d, const lc_cv_t *v)
{
    if (!is_call(v, "LC_VGETATT") || v->nitems != 2 || v->items[0].val->kind != LC_CV_IDENT ||
        v->items[1].val->kind != LC_CV_STR)
        return;
    sctx_t s = { run, f, d };
    const lc_ck_decl_t *t = lc_ck_lookup(f, v->items[0].val->s);
    const lc_type_desc_t *td = t && t->kind == LC_CK_CFN && t->cfn_type ? desc_of_c_name(t->cfn_type) : NULL;
    if (td) {
        const char *attr = v->items[1].val->s;
        bool found = false;
        for (size_t i = 0; i < td->n_attributes && !found; i++)
            found = strcmp(td->attributes[i], attr) == 0;
        if (!found)
            sreport(&s, v->items[1].val->loc, LC_R_SCHEMA_ATTRIBUTE, NULL,
                    "%s (%s) has no attribute %s for Fn::GetAtt", t->id, td->cfn_name, attr);
    }
}
