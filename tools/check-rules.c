/* check-rules.c - the rules of lambdac-check over a parsed file.
 *
 * The CDK rules repeat, condition for condition and message for message, what the
 * synthesizer checks when it expands a declaration (runtime/constructs/function.c
 * validate(), layer.c, version.c): t/check-agree.sh builds every corpus file with the
 * library and compares the [Code]s it prints with the cdk/ rules reported here.  They are
 * evaluated in three-valued logic: a condition that depends on a value that is not
 * statically known is neither reported nor guessed, the value gets a check/not-static
 * note instead.  Enumerators and runtime rows come from the public headers and from
 * lc_runtime_info() (linked from liblambdac), so the checker cannot drift from the
 * library it checks for.  Like the synthesizer, they look only at declarations that a
 * stack reaches (when that is known); an unreachable one gets model/unreachable.
 *
 * Model rules look at the declarations of a file together (references, reachability
 * from the stacks, construct ids per stack); security and operations rules add what good
 * IaC linters check (credentials in environment variables, deprecated runtimes, ...).
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lambdac.h>

#include "check.h"

const lc_ck_rule_t lc_ck_rules[LC_R__COUNT] = {
#define LC__CK_RULE_ROW(e, id, sev, code, doc) [LC_R_##e] = { id, LC_SEV_##sev, code, doc },
    LC_CK_RULES(LC__CK_RULE_ROW)
#undef LC__CK_RULE_ROW
};

int lc_ck_rule_find(const char *id)
{
    for (int i = 0; i < LC_R__COUNT; i++)
        if (strcmp(lc_ck_rules[i].id, id) == 0)
            return i;
    return -1;
}

/* ---- enumerators the DSL uses as values (their values from the headers) ------------------ */
#define E(x) { #x, (int64_t)(x) }
static const struct enumerator {
    const char *name;
    int64_t value;
} enumerators[] = {
    E(LC_UNSET), E(LC_FALSE), E(LC_TRUE),
    E(LC_ARCH__UNSET), E(LC_ARCH_X86_64), E(LC_ARCH_ARM_64),
    E(LC_TRACING__UNSET), E(LC_TRACING_ACTIVE), E(LC_TRACING_PASS_THROUGH), E(LC_TRACING_DISABLED),
    E(LC_LOGGING_FORMAT__UNSET), E(LC_LOGGING_FORMAT_TEXT), E(LC_LOGGING_FORMAT_JSON),
    E(LC_LOG_LEVEL__UNSET), E(LC_LOG_LEVEL_TRACE), E(LC_LOG_LEVEL_DEBUG), E(LC_LOG_LEVEL_INFO),
    E(LC_LOG_LEVEL_WARN), E(LC_LOG_LEVEL_ERROR), E(LC_LOG_LEVEL_FATAL),
    E(LC_SNAP_START__UNSET), E(LC_SNAP_START_ON_PUBLISHED_VERSIONS),
    E(LC_RUNTIME_MGMT__UNSET), E(LC_RUNTIME_MGMT_AUTO_), E(LC_RUNTIME_MGMT_FUNCTION_UPDATE_),
    E(LC_RUNTIME_MGMT_MANUAL_),
    E(LC_REMOVAL__DEFAULT), E(LC_REMOVAL_RETAIN), E(LC_REMOVAL_DESTROY), E(LC_REMOVAL_SNAPSHOT),
    E(LC_REMOVAL_RETAIN_ON_UPDATE_OR_DELETE),
    E(LC_VERSION_REF__NONE), E(LC_VERSION_REF_CURRENT), E(LC_VERSION_REF_EXPLICIT),
    E(LC_VERSION_REF_LATEST),
    E(LC_CODE__NONE), E(LC_CODE_INLINE), E(LC_CODE_ASSET), E(LC_CODE_BUCKET),
    E(LC_IGNORE_GLOB), E(LC_IGNORE_GIT), E(LC_IGNORE_DOCKER),
    E(LC_SUBNETS__DEFAULT), E(LC_SUBNETS_PRIVATE_WITH_EGRESS), E(LC_SUBNETS_PRIVATE_ISOLATED),
    E(LC_SUBNETS_PUBLIC),
    E(LC_LAYER_DEFINED), E(LC_LAYER_FROM_ARN_), E(LC_LAYER_FROM_ATTRIBUTES_),
    E(LC_PRINCIPAL__NONE), E(LC_PRINCIPAL_SERVICE), E(LC_PRINCIPAL_ACCOUNT), E(LC_PRINCIPAL_ARN),
    E(LC_PRINCIPAL_ORGANIZATION), E(LC_PRINCIPAL_ANY),
    E(LC_UNIT_MILLIS), E(LC_UNIT_SECONDS), E(LC_UNIT_MINUTES), E(LC_UNIT_HOURS), E(LC_UNIT_DAYS),
    E(LC_RETENTION_INFINITE),
};
#undef E

/* Every enumerator the checker knows, in a hash table built once (every function reads
 * several): the table above and one LC_RUNTIME_<constant> per row of lc_runtime_info(). */
static struct enumerator *known_enums;
static const struct enumerator **enum_table;   /* open addressing, enum_cap slots */
static size_t enum_cap = 64;

static size_t enum_slot(const char *name)
{
    return lc_ck_hash(name, strlen(name)) & (enum_cap - 1);
}

static void build_enumerators(void)
{
    size_t n = sizeof enumerators / sizeof enumerators[0];
    static char names[LC_RUNTIME__COUNT][48];
    known_enums = calloc(n + LC_RUNTIME__COUNT, sizeof *known_enums);
    if (!known_enums)
        abort();
    memcpy(known_enums, enumerators, sizeof enumerators);
    snprintf(names[0], sizeof names[0], "LC_RUNTIME__UNSET");
    known_enums[n++] = (struct enumerator){ names[0], 0 };
    for (int id = 1; id < LC_RUNTIME__COUNT; id++) {
        const lc_runtime_info_t *r = lc_runtime_info((lc_runtime_id_t)id);
        if (!r)
            continue;
        snprintf(names[id], sizeof names[id], "LC_RUNTIME_%s", r->constant);
        known_enums[n++] = (struct enumerator){ names[id], id };
    }
    while (enum_cap < 2 * n)
        enum_cap *= 2;
    enum_table = calloc(enum_cap, sizeof *enum_table);
    if (!enum_table)
        abort();
    for (size_t i = 0; i < n; i++) {
        size_t h = enum_slot(known_enums[i].name);
        while (enum_table[h])
            h = (h + 1) & (enum_cap - 1);
        enum_table[h] = &known_enums[i];
    }
}

/* The value of an enumerator name; false when the checker does not know it. */
static bool enumerator(const char *name, int64_t *out)
{
    if (!known_enums)
        build_enumerators();
    for (size_t h = enum_slot(name); enum_table[h]; h = (h + 1) & (enum_cap - 1))
        if (strcmp(enum_table[h]->name, name) == 0) {
            *out = enum_table[h]->value;
            return true;
        }
    return false;
}

/* ---- positional members of the DSL's small structs --------------------------------------- */
static const struct positional {
    const char *type;
    const char *fields[4];
} positionals[] = {
    { "lc_kv_t", { "key", "value" } },
    { "lc_filesystem_t", { "access_point", "mount_path" } },
    { "lc_runtime_management_t", { "mode", "arn" } },
    { "lc_version_ref_t", { "decl", "kind" } },
    { "lc_principal_t", { "kind", "value" } },
    { "lc_layer_permission_t", { "id", "account_id", "organization_id" } },
    { "lc_version_weight_t", { "version", "weight" } },
    { "lc_duration_t", { "ms", "set", "unit" } },
    { "lc_size_t", { "mib", "set" } },
    { "lc_opt_int_t", { "v", "set" } },
    { "lc_str_list_t", { "items", "n" } },
    { "lc_kv_list_t", { "items", "n" } },
    { "lc_subnet_selection_t", { "subnet_type" } },
};

static const char *positional_name(const lc_cv_t *init, size_t index)
{
    if (!init->type)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < index; i++)
        if (!init->items[i].desig)
            k++;
        else
            return NULL;     /* positional after a designator: not worth following */
    for (size_t i = 0; i < sizeof positionals / sizeof positionals[0]; i++)
        if (strcmp(positionals[i].type, init->type) == 0)
            return k < 4 ? positionals[i].fields[k] : NULL;
    return NULL;
}

/* Rules read members by path dozens of times per declaration, and a function has
 * twenty-odd members: a linear scan per lookup was a fifth of the checker's time.  So
 * an initializer of 8 or more designated members gets, on its first lookup, a hash
 * index of its items by key (lc_ck_desig_key), allocated in the arena of the file
 * being checked (it dies with the values it indexes).  Slot 0 holds the mask; the
 * other slots hold item index + 1, 0 for empty.  Initializers with positional members
 * are scanned (their names come from positional_name()). */
static lc_arena_t *index_arena;            /* set while lc_ck_check_file() runs */
static const uint16_t no_index[1];

static size_t key_slot(uint16_t key)
{
    return (size_t)((uint32_t)key * 40503u >> 7);
}

static const uint16_t *build_index(const lc_cv_t *init)
{
    size_t n = init->nitems, cap = 16;
    if (n < 8 || n > 8000 || !index_arena)
        return no_index;
    for (size_t i = 0; i < n; i++)
        if (!init->items[i].desig)
            return no_index;
    while (cap < 2 * n)
        cap *= 2;
    uint16_t *ix = lc_alloc(index_arena, (cap + 1) * sizeof *ix);
    if (!ix)
        return no_index;
    ix[0] = (uint16_t)(cap - 1);
    for (size_t i = 0; i < n; i++) {
        size_t h = key_slot(init->items[i].dkey) & (cap - 1);
        while (ix[1 + h])
            h = (h + 1) & (cap - 1);
        ix[1 + h] = (uint16_t)(i + 1);
    }
    return ix;
}

enum { GET_NEXT = -1 };

/* Item i against the path: GET_NEXT when it is not the member (perhaps setting
 * *partial: it sets a part of the member), else lc_ck_get()'s result. */
static int get_item(const lc_cv_t *init, size_t i, const char *path, size_t pl, lc_cv_t **out,
                    lc_ck_loc_t *loc, bool *partial)
{
    const lc_cv_item_t *it = &init->items[i];
    const char *name = it->desig;
    size_t nl = it->dlen;
    if (!name) {
        name = positional_name(init, i);
        if (!name)
            return GET_NEXT;
        nl = strlen(name);
    }
    if (name[0] != path[0])
        return GET_NEXT;
    if (nl == pl && memcmp(name, path, pl) == 0) {
        *out = it->val;
        if (loc)
            *loc = it->loc;
        return it->val->kind == LC_CV_UNKNOWN ? LC_GET_UNKNOWN : LC_GET_SET;
    }
    if (nl < pl && memcmp(path, name, nl) == 0 && path[nl] == '.') {
        lc_ck_loc_t inner = it->loc;
        int r = lc_ck_get(it->val, path + nl + 1, out, &inner);
        if (loc && r != LC_GET_UNSET)
            *loc = inner;
        return r;
    }
    if (nl > pl && memcmp(name, path, pl) == 0 && (name[pl] == '.' || name[pl] == '['))
        *partial = true;
    return GET_NEXT;
}

int lc_ck_get(const lc_cv_t *init, const char *path, lc_cv_t **out, lc_ck_loc_t *loc)
{
    *out = NULL;
    if (!init)
        return LC_GET_UNSET;
    if (init->kind == LC_CV_UNKNOWN) {
        *out = (lc_cv_t *)init;
        return LC_GET_UNKNOWN;
    }
    if (init->kind == LC_CV_NULL || (init->kind == LC_CV_INT && init->i == 0))
        return LC_GET_UNSET;
    if (init->kind != LC_CV_INIT) {
        *out = (lc_cv_t *)init;
        return LC_GET_UNKNOWN;
    }
    uint16_t key = lc_ck_desig_key(path);
    size_t pl = strlen(path);
    bool partial = false;
    int r;
    const uint16_t *ix = init->index;
    if (!ix && init->nitems >= 8)
        ix = ((lc_cv_t *)init)->index = build_index(init);
    if (ix && ix != no_index) {
        /* the items with the path's key, latest first (the last designation of a
         * member is the one that counts), as the scan below would meet them */
        size_t cand[32], nc = 0, mask = ix[0];
        for (size_t h = key_slot(key) & mask; ix[1 + h] && nc < 32; h = (h + 1) & mask)
            if (init->items[ix[1 + h] - 1].dkey == key) {
                size_t i = ix[1 + h] - 1u, k = nc++;
                for (; k > 0 && cand[k - 1] < i; k--)
                    cand[k] = cand[k - 1];
                cand[k] = i;
            }
        if (nc < 32) {
            for (size_t k = 0; k < nc; k++)
                if ((r = get_item(init, cand[k], path, pl, out, loc, &partial)) != GET_NEXT)
                    return r;
            if (partial)
                return LC_GET_UNKNOWN;
            return init->opaque ? LC_GET_UNKNOWN : LC_GET_UNSET;
        }
        /* 32 items with one key: scan (no item was tried yet) */
    }
    for (size_t i = init->nitems; i-- > 0;) {
        const lc_cv_item_t *it = &init->items[i];
        if (it->dkey != key && it->desig)
            continue;           /* most members: another key (see lc_ck_desig_key) */
        if ((r = get_item(init, i, path, pl, out, loc, &partial)) != GET_NEXT)
            return r;
    }
    if (partial)
        return LC_GET_UNKNOWN;
    return init->opaque ? LC_GET_UNKNOWN : LC_GET_UNSET;
}

/* ---- three-valued reading of members ------------------------------------------------------ */
enum { NO = 0, YES = 1, MAYBE = 2 };
/* The value of an enumerator the checker does not know (see get()). */
#define UNKNOWN_ENUM INT64_MIN

static int t_and(int a, int b)
{
    return (a == NO || b == NO) ? NO : (a == YES && b == YES) ? YES : MAYBE;
}

static int t_or(int a, int b)
{
    return (a == YES || b == YES) ? YES : (a == NO && b == NO) ? NO : MAYBE;
}

static int t_not(int a)
{
    return a == MAYBE ? MAYBE : !a;
}

/* A set of names (open addressing), for facts gathered once per file. */
typedef struct nameset {
    const char **slot;
    size_t cap, n;
} nameset_t;

typedef struct ctx {
    lc_ck_run_t *run;
    lc_ck_file_t *f;
    bool cdk;        /* report cdk/ rules for the declaration at hand (see lc_ck_check_file) */
    nameset_t current_version;   /* functions whose currentVersion the file reads */
    nameset_t on_failure;        /* functions with an alias / version with on_failure */
} ctx_t;

static size_t name_hash(const char *s)
{
    return lc_ck_hash(s, strlen(s));
}

static void nameset_add(lc_arena_t *a, nameset_t *set, const char *name)
{
    if (2 * (set->n + 1) > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        const char **slot = lc_xalloc(a, cap * sizeof *slot);
        for (size_t i = 0; i < set->cap; i++)
            if (set->slot[i]) {
                size_t h = name_hash(set->slot[i]) & (cap - 1);
                while (slot[h])
                    h = (h + 1) & (cap - 1);
                slot[h] = set->slot[i];
            }
        set->slot = slot;
        set->cap = cap;
    }
    size_t h = name_hash(name) & (set->cap - 1);
    for (; set->slot[h]; h = (h + 1) & (set->cap - 1))
        if (strcmp(set->slot[h], name) == 0)
            return;
    set->slot[h] = name;
    set->n++;
}

static bool nameset_has(const nameset_t *set, const char *name)
{
    if (!set->cap || !name)
        return false;
    for (size_t h = name_hash(name) & (set->cap - 1); set->slot[h]; h = (h + 1) & (set->cap - 1))
        if (strcmp(set->slot[h], name) == 0)
            return true;
    return false;
}

/* One member, read as the runtime reads it: `st` YES when set (non-NULL, non-zero), NO
 * when unset or zero, MAYBE when not statically known.  Strings in s, numbers and
 * enumerators in i. */
typedef struct fv {
    int st;
    int64_t i;
    const char *s;
    const char *ref;       /* a pointer member: the declaration's name (&Name), or NULL */
    lc_cv_t *v;
    lc_ck_loc_t loc;
} fv_t;

void lc_ck_not_static(lc_ck_run_t *run, const lc_ck_file_t *f, lc_cv_t *v, const char *what)
{
    if (!v || v->reported)
        return;
    v->reported = true;
    lc_ck_report(run, f, v->loc, LC_R_NOT_STATIC, "%s is not statically known (%s): rules that need it are skipped",
                 what, v->kind == LC_CV_UNKNOWN && v->s ? v->s : "a value the checker cannot evaluate");
}

static fv_t get(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *init, const char *path)
{
    fv_t r = { NO, 0, NULL, NULL, NULL, d->loc };
    int st = lc_ck_get(init, path, &r.v, &r.loc);
    if (st == LC_GET_UNSET)
        return r;
    if (st == LC_GET_UNKNOWN) {
        r.st = MAYBE;
        if (r.v)
            lc_ck_not_static(c->run, c->f, r.v, lc_sprintf(c->run->arena, "'%s' of %s", path, d->id ? d->id : "?"));
        return r;
    }
    lc_cv_t *v = r.v;
    switch (v->kind) {
    case LC_CV_NULL:
        r.st = NO;
        break;
    case LC_CV_STR:
        r.st = YES;
        r.s = v->s;
        break;
    case LC_CV_INT:
        r.i = v->i;
        r.st = v->i != 0 ? YES : NO;
        break;
    case LC_CV_NUM:
        /* saturated: a double beyond int64_t does not convert (UB; t/fuzz/check.c found
         * 1e108 as a max_event_age), and a saturated value fails every range check the
         * real one would; NaN compares with nothing, so its value is not known */
        if (isnan(v->n))
            r.i = UNKNOWN_ENUM;
        else if (v->n >= 9223372036854775807.0)
            r.i = INT64_MAX;
        else if (v->n <= -9223372036854775807.0)
            r.i = INT64_MIN + 1;    /* INT64_MIN is UNKNOWN_ENUM */
        else
            r.i = (int64_t)v->n;
        r.st = v->n != 0 ? YES : NO;
        break;
    case LC_CV_IDENT:
        if (enumerator(v->s, &r.i)) {
            r.st = r.i != 0 ? YES : NO;
        } else if (strncmp(v->s, "LC_", 3) == 0 && !strstr(v->s, "__")) {
            /* an enumerator of a newer DSL than the checker knows: the DSL's only zero
             * enumerators are the LC_X__UNSET / __NONE / __DEFAULT ones, so it is set;
             * its value is unknown (comparisons with it are MAYBE) */
            r.st = YES;
            r.i = UNKNOWN_ENUM;
        } else {
            r.st = MAYBE;
            lc_ck_not_static(c->run, c->f, v,
                             lc_sprintf(c->run->arena, "'%s' of %s ('%s')", path, d->id ? d->id : "?", v->s));
        }
        break;
    case LC_CV_ADDR:
        r.st = YES;
        r.ref = v->s;
        break;
    case LC_CV_INIT:
    case LC_CV_CALL:
        r.st = YES;      /* a struct given, or a value the schema rules read */
        break;
    default:
        r.st = MAYBE;
        break;
    }
    return r;
}

/* An integer member that must be known to be used (MAYBE otherwise). */
static bool known(const fv_t *v)
{
    return v->st != MAYBE && v->i != UNKNOWN_ENUM;
}

static lc_ck_decl_t *target(ctx_t *c, const fv_t *ptr)
{
    return ptr->ref ? lc_ck_lookup(c->f, ptr->ref) : NULL;
}

/* Report a diagnostic about declaration d, its construct id first ("Fn: ..."). */
static void report(ctx_t *c, const lc_ck_decl_t *d, lc_ck_loc_t at, lc_ck_rule_id_t rule,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void report(ctx_t *c, const lc_ck_decl_t *d, lc_ck_loc_t at, lc_ck_rule_id_t rule,
                   const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    if (!c->cdk && strncmp(lc_ck_rules[rule].id, "cdk/", 4) == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lc_ck_report(c->run, c->f, at, rule, "%s: %s", d->id && *d->id ? d->id : d->cname ? d->cname : "?", msg);
}
#define REPORT(d, at, rule, ...) report(c, (d), (at), (rule), __VA_ARGS__)

/* ---- runtimes ------------------------------------------------------------------------------ */

static const lc_runtime_info_t *runtime_of(const fv_t *rt)
{
    return rt->st == YES ? lc_runtime_info((lc_runtime_id_t)rt->i) : NULL;
}

/* Runtime.runtimeEquals: name, family and inline-code support. */
static bool runtime_equals(const lc_runtime_info_t *a, const lc_runtime_info_t *b)
{
    return a && b && strcmp(a->name, b->name) == 0 && a->family == b->family &&
           a->supports_inline_code == b->supports_inline_code;
}

static int cmp_deprecation(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const lc_ck_deprecation_t *)elem)->runtime);
}

/* The row of a runtime name (the generated table is sorted by name). */
static const lc_ck_deprecation_t *deprecation(const char *name)
{
    return bsearch(name, lc_ck_deprecations, lc_ck_ndeprecations, sizeof *lc_ck_deprecations,
                   cmp_deprecation);
}

/* Days from 1970-01-01 of a YYYY-MM-DD date (civil calendar). */
static long days_of(const char *ymd)
{
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void check_runtime_deprecation(ctx_t *c, const lc_ck_decl_t *d, const char *name,
                                      bool table_deprecated, lc_ck_loc_t at)
{
    const lc_ck_deprecation_t *dep = deprecation(name);
    if (dep && strcmp(dep->date, c->run->as_of) <= 0)
        REPORT(d, at, LC_R_OPS_DEPRECATED_RUNTIME,
               "runtime %s is deprecated since %s (AWS Lambda runtime deprecation policy; as of %s): it gets no security patches",
               name, dep->date, c->run->as_of);
    else if (!dep && table_deprecated)
        REPORT(d, at, LC_R_OPS_DEPRECATED_RUNTIME,
               "runtime %s is deprecated (aws-cdk-lib marks it deprecated)", name);
    else if (dep && days_of(dep->date) - days_of(c->run->as_of) <= 180)
        REPORT(d, at, LC_R_OPS_RUNTIME_SOON,
               "runtime %s will be deprecated on %s (within 180 days of %s): plan the upgrade",
               name, dep->date, c->run->as_of);
}

/* ---- environment and secrets ----------------------------------------------------------------- */

static bool is_key_char(char ch)
{
    return isupper((unsigned char)ch) || isdigit((unsigned char)ch);
}

/* An AWS access key id at p: AKIA/ASIA/ABIA/ACCA and 16 more [A-Z0-9], on word
 * boundaries (s is the start of the string). */
static bool access_key_at(const char *s, const char *p)
{
    if ((p > s && is_key_char(p[-1])) ||
        (strncmp(p, "AKIA", 4) && strncmp(p, "ASIA", 4) && strncmp(p, "ABIA", 4) &&
         strncmp(p, "ACCA", 4)))
        return false;
    int n = 0;
    while (n < 16 && is_key_char(p[4 + n]))
        n++;
    return n == 16 && !is_key_char(p[20]);
}

/* Well-known token formats: the prefix and the minimum run of token characters after it. */
static const struct token_format {
    const char *prefix, *what;
    int min;
} token_formats[] = {
    { "ghp_", "a GitHub personal access token", 36 },
    { "gho_", "a GitHub OAuth token", 36 },
    { "ghu_", "a GitHub user-to-server token", 36 },
    { "ghs_", "a GitHub server-to-server token", 36 },
    { "ghr_", "a GitHub refresh token", 36 },
    { "github_pat_", "a GitHub fine-grained token", 22 },
    { "xoxb-", "a Slack bot token", 10 },
    { "xoxp-", "a Slack user token", 10 },
    { "xoxa-", "a Slack app token", 10 },
    { "xoxs-", "a Slack token", 10 },
    { "sk_live_", "a Stripe secret key", 16 },
    { "rk_live_", "a Stripe restricted key", 16 },
    { "AIza", "a Google API key", 35 },
};

/* The kind of well-known token that starts at p, or NULL. */
static const char *token_at(const char *p)
{
    for (size_t i = 0; i < sizeof token_formats / sizeof token_formats[0]; i++) {
        const struct token_format *t = &token_formats[i];
        if (t->prefix[0] != p[0] || t->prefix[1] != p[1])
            continue;
        size_t pl = strlen(t->prefix);
        if (strncmp(p, t->prefix, pl) != 0)
            continue;
        int n = 0;
        for (const char *q = p + pl; isalnum((unsigned char)*q) || *q == '_' || *q == '-'; q++)
            n++;
        if (n >= t->min)
            return t->what;
    }
    return NULL;
}

/* What credentials a string holds, in one pass (every format starts with one of a few
 * bytes). */
typedef struct secrets {
    bool access_key, private_key;
    const char *token;
} secrets_t;

static secrets_t find_secrets(const char *s)
{
    secrets_t r = { false, false, NULL };
    for (const char *p = s; *p; p++) {
        /* the first two bytes of every format, checked before anything slower */
        switch (*p) {
        case 'A':
            if (p[1] == 'K' || p[1] == 'S' || p[1] == 'B' || p[1] == 'C')
                r.access_key |= access_key_at(s, p);
            else if (p[1] == 'I' && !r.token)
                r.token = token_at(p);
            break;
        case '-':
            if (!r.private_key && p[1] == '-' && strncmp(p, "-----BEGIN", 10) == 0 &&
                strstr(p, "PRIVATE KEY-----"))
                r.private_key = true;
            break;
        case 'g':
            if ((p[1] == 'h' || p[1] == 'i') && !r.token)
                r.token = token_at(p);
            break;
        case 'x':
            if (p[1] == 'o' && !r.token)
                r.token = token_at(p);
            break;
        case 's':
        case 'r':
            if (p[1] == 'k' && !r.token)
                r.token = token_at(p);
            break;
        default:
            break;
        }
    }
    return r;
}

/* Credentials in any literal string of a declaration.  Every format looked for is at
 * least 14 characters long, which most strings of a stack are not. */
static void scan_secret_literals(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *v)
{
    const char *what;
    if (v->kind != LC_CV_STR || v->len < 14)
        return;
    secrets_t f = find_secrets(v->s);
    if (f.access_key)
        REPORT(d, v->loc, LC_R_SEC_ACCESS_KEY,
               "an AWS access key id is written in the source: use a role, not long-term keys");
    if (f.private_key)
        REPORT(d, v->loc, LC_R_SEC_PRIVATE_KEY,
               "a private key is written in the source: keep it in AWS Secrets Manager");
    if ((what = f.token) != NULL)
        REPORT(d, v->loc, LC_R_SEC_KNOWN_TOKEN,
               "%s is written in the source: keep it in AWS Secrets Manager", what);
}

static double entropy(const char *s, size_t n)
{
    unsigned counts[256] = { 0 };
    double h = 0;
    for (size_t i = 0; i < n; i++)
        counts[(unsigned char)s[i]]++;
    for (int i = 0; i < 256; i++)
        if (counts[i]) {
            double q = (double)counts[i] / (double)n;
            h -= q * log2(q);
        }
    return h;
}

/* A value that points at a secret instead of being one. */
static bool is_reference_value(const char *v)
{
    return strncmp(v, "arn:", 4) == 0 || strncmp(v, "{{resolve:", 10) == 0 ||
           strncmp(v, "ssm:", 4) == 0 || v[0] == '/' || strncmp(v, "projects/", 9) == 0;
}

static void check_env_pair(ctx_t *c, const lc_ck_decl_t *d, const char *key, const char *val,
                           lc_ck_loc_t at)
{
    static const char *const secret_words[] = {
        "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY",
        "ACCESS_KEY", "CREDENTIAL", "AUTH_KEY", "CLIENT_KEY",
    };
    static const char *const pointer_suffixes[] = {
        "_ARN", "_NAME", "_ID", "_PATH", "_PARAM", "_PARAMETER", "_URL", "_URI", "_FILE",
        "_TTL", "_HEADER", "_REGION", "_ENDPOINT", "_VERSION",
    };
    if (!key || !val || !*val)
        return;
    /* the letters A-Z of each word, as bits: a word can only occur in a name that has
     * all of its letters, which rules out a strstr per word for most names */
    static uint32_t word_letters[sizeof secret_words / sizeof secret_words[0]];
    if (!word_letters[0])
        for (size_t i = 0; i < sizeof secret_words / sizeof secret_words[0]; i++)
            for (const char *q = secret_words[i]; *q; q++)
                if (*q >= 'A' && *q <= 'Z')
                    word_letters[i] |= UINT32_C(1) << (*q - 'A');
    char up[128];
    uint32_t letters = 0;
    size_t kl = strlen(key);
    if (kl >= sizeof up)
        kl = sizeof up - 1;
    for (size_t i = 0; i < kl; i++) {
        up[i] = (char)toupper((unsigned char)key[i]);
        if (up[i] >= 'A' && up[i] <= 'Z')
            letters |= UINT32_C(1) << (up[i] - 'A');
    }
    up[kl] = '\0';
    bool secret_name = false;
    for (size_t i = 0; i < sizeof secret_words / sizeof secret_words[0] && !secret_name; i++)
        secret_name = (word_letters[i] & ~letters) == 0 && strstr(up, secret_words[i]) != NULL;
    for (size_t i = 0; i < sizeof pointer_suffixes / sizeof pointer_suffixes[0] && secret_name; i++) {
        size_t sl = strlen(pointer_suffixes[i]);
        if (kl >= sl && memcmp(up + kl - sl, pointer_suffixes[i], sl) == 0)
            secret_name = false;
    }
    bool numeric = strspn(val, "0123456789") == strlen(val);
    bool boolean = strcmp(val, "true") == 0 || strcmp(val, "false") == 0;
    if (secret_name && !is_reference_value(val) && !numeric && !boolean) {
        REPORT(d, at, LC_R_SEC_SECRET_ENV,
               "environment variable %s looks like a secret and has a literal value: pass a Secrets Manager or SSM reference instead",
               key);
        return;
    }
    size_t n = strlen(val);
    if (n < 24)
        return;
    bool charset = strspn(val, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-") == n;
    bool has_up = false, has_low = false, has_digit = false;
    for (const char *q = val; *q; q++) {
        has_up |= isupper((unsigned char)*q) != 0;
        has_low |= islower((unsigned char)*q) != 0;
        has_digit |= isdigit((unsigned char)*q) != 0;
    }
    secrets_t f;
    if (charset && has_up && has_low && has_digit && entropy(val, n) >= 4.2 &&
        (f = find_secrets(val), !f.access_key && !f.token))
        /* (those are reported by sec/aws-access-key, sec/known-token) */
        REPORT(d, at, LC_R_SEC_HIGH_ENTROPY,
               "the value of environment variable %s looks like a random credential (%zu characters, %.1f bits of entropy per character): keep it in AWS Secrets Manager",
               key, n, entropy(val, n));
}

/* The items of a list member (LC_ENV, LC_STRS, LC_LAYERS...): *items and the count the
 * runtime uses (the `n` member when it is set, else the number of items).  Returns
 * false when the list is not statically known. */
static bool list_of(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *init, const char *items_path,
                    const char *count_path, lc_cv_t **items, size_t *count)
{
    fv_t l = get(c, d, init, items_path);
    fv_t n = get(c, d, init, count_path);
    *items = NULL;
    *count = 0;
    if (l.st == MAYBE || n.st == MAYBE)
        return false;
    if (l.st == NO) {
        *count = 0;
        return n.st == NO;
    }
    if (!l.v || l.v->kind != LC_CV_INIT || l.v->opaque) {
        lc_ck_not_static(c->run, c->f, l.v, lc_sprintf(c->run->arena, "'%s' of %s", items_path, d->id));
        return false;
    }
    *items = l.v;
    *count = (size_t)n.i;
    if (*count > l.v->nitems)
        *count = l.v->nitems;
    return true;
}

static void check_function_env(ctx_t *c, const lc_ck_decl_t *d)
{
    lc_cv_t *items;
    size_t n;
    if (!list_of(c, d, d->props, "environment.items", "environment.n", &items, &n))
        return;
    for (size_t i = 0; i < n; i++) {
        lc_cv_t *kv = items->items[i].val;
        fv_t k = get(c, d, kv, "key"), v = get(c, d, kv, "value");
        if (k.st != YES || !k.s)
            continue;
        if (lc_env_var_reserved(k.s))     /* the synthesizer's own list */
            REPORT(d, k.loc, LC_R_CDK_RESERVED_ENV,
                   "%s environment variable is reserved by the lambda runtime and can not be set manually. See https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
                   k.s);
        if (v.st == YES && v.s)
            check_env_pair(c, d, k.s, v.s, v.loc);
    }
}

/* L1 Environment.Variables = LC_MAP_STRING(LC_M("K", LC_VSTR("v")), ...) */
static void check_l1_env(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *v, bool inside)
{
    if (v->kind == LC_CV_CALL && strcmp(v->s, "LC_M") == 0 && inside && v->nitems == 2) {
        const lc_cv_t *k = v->items[0].val, *val = v->items[1].val;
        if (val->kind == LC_CV_CALL && strcmp(val->s, "LC_VSTR") == 0 && val->nitems == 1)
            val = val->items[0].val;
        if (k->kind == LC_CV_STR && val->kind == LC_CV_STR)
            check_env_pair(c, d, k->s, val->s, val->loc);
        return;
    }
    if (v->kind == LC_CV_CALL || v->kind == LC_CV_INIT)
        for (size_t i = 0; i < v->nitems; i++) {
            bool in = inside || (v->items[i].desig && (strcmp(v->items[i].desig, "Environment") == 0 ||
                                                       strcmp(v->items[i].desig, "Variables") == 0));
            check_l1_env(c, d, v->items[i].val, in);
        }
}

/* ---- Function --------------------------------------------------------------------------- */

static bool valid_function_name(const char *s)
{
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
            return false;
    return true;
}

static const char *format_name(int64_t f)
{
    return f == LC_LOGGING_FORMAT_JSON ? "JSON" : f == LC_LOGGING_FORMAT_TEXT ? "Text" : "?";
}

static int nz(const fv_t *v)
{
    return v->st;
}

static int eq(const fv_t *v, int64_t x)
{
    return (v->st == MAYBE || v->i == UNKNOWN_ENUM) ? MAYBE : v->i == x;
}

/* fn.addLayers for each layer, as lc_function_add_layer() does it. */
static void check_function_layers(ctx_t *c, const lc_ck_decl_t *d, const fv_t *runtime)
{
    lc_cv_t *items;
    size_t n;
    if (!list_of(c, d, d->props, "layers", "nlayers", &items, &n))
        return;
    size_t lo = 0, hi = 0;       /* layers certainly / possibly added so far */
    const lc_runtime_info_t *rt = runtime_of(runtime);
    for (size_t i = 0; i < n; i++) {
        lc_cv_t *lv = items->items[i].val;
        lc_ck_loc_t at = items->items[i].loc;
        if (lv->kind != LC_CV_ADDR) {
            hi++;
            continue;
        }
        lc_ck_decl_t *l = lc_ck_lookup(c->f, lv->s);
        if (!l || l->kind != LC_CK_LAYER) {
            hi++;
            continue;
        }
        if (lo >= 5) {
            REPORT(d, at, LC_R_CDK_MAX_LAYERS,
                   "Unable to add layer: this lambda function already uses 5 layers.");
            continue;
        }
        if (hi >= 5) {
            hi++;
            continue;      /* whether the limit is reached depends on unknown layers */
        }
        fv_t kind = get(c, d, l->props, "kind");
        lc_cv_t *rts;
        size_t nr;
        int incompatible;
        if (!known(&kind) || !known(runtime)) {
            incompatible = MAYBE;
        } else if (kind.i == LC_LAYER_FROM_ARN_ || !rt) {
            incompatible = NO;
        } else if (!list_of(c, l, l->props, "compatible_runtimes.items", "compatible_runtimes.n", &rts, &nr)) {
            incompatible = MAYBE;
        } else if (nr == 0) {
            incompatible = NO;
        } else {
            incompatible = YES;
            char names[512];
            size_t len = 0;
            names[0] = '\0';
            for (size_t k = 0; k < nr; k++) {
                lc_cv_t *rv = rts->items[k].val;
                int64_t id;
                const lc_runtime_info_t *ri = NULL;
                if (rv->kind == LC_CV_IDENT && enumerator(rv->s, &id))
                    ri = lc_runtime_info((lc_runtime_id_t)id);
                else if (rv->kind == LC_CV_INT)
                    ri = lc_runtime_info((lc_runtime_id_t)rv->i);
                else {
                    lc_ck_not_static(c->run, c->f, rv, lc_sprintf(c->run->arena, "a compatible runtime of %s", l->id));
                    incompatible = MAYBE;
                }
                if (runtime_equals(ri, rt))
                    incompatible = NO;
                /* for the message, by hand: printf here cost more than the rest of
                 * the function checks together */
                const char *nm = ri ? ri->name : "?";
                size_t nl = strlen(nm);
                if (len + nl + 2 < sizeof names) {
                    if (k)
                        names[len++] = ',';
                    memcpy(names + len, nm, nl + 1);
                    len += nl;
                }
            }
            if (incompatible == YES)
                REPORT(d, at, LC_R_CDK_LAYER_RUNTIME,
                       "This lambda function uses a runtime that is incompatible with this layer (%s is not in [%s])",
                       rt->name, names);
        }
        if (incompatible == NO) {
            lo++;
            hi++;
        } else if (incompatible == MAYBE) {
            hi++;
        }
    }
}

static void check_public_subnets(ctx_t *c, const lc_ck_decl_t *d, const fv_t *vpc)
{
    fv_t st = get(c, d, d->props, "vpc_subnets.subnet_type");
    fv_t allow = get(c, d, d->props, "allow_public_subnet");
    if (!known(&st) || !known(&allow) || allow.i == LC_TRUE)
        return;
    int public_ = NO;
    if (st.i == LC_SUBNETS_PUBLIC) {
        public_ = YES;
    } else if (st.i == LC_SUBNETS__DEFAULT) {
        lc_ck_decl_t *v = target(c, vpc);
        lc_cv_t *items;
        size_t np = 0, ni = 0;
        if (!v || v->kind != LC_CK_VPC)
            return;
        if (!list_of(c, v, v->props, "private_subnet_ids.items", "private_subnet_ids.n", &items, &np) ||
            !list_of(c, v, v->props, "isolated_subnet_ids.items", "isolated_subnet_ids.n", &items, &ni))
            return;
        public_ = np == 0 && ni == 0;
    }
    if (public_ == YES)
        REPORT(d, st.st == YES ? st.loc : vpc->loc, LC_R_CDK_PUBLIC_SUBNETS,
               "Lambda Functions in a public subnet can NOT access the internet. If you are aware of this limitation and would still like to place the function in a public subnet, set `allowPublicSubnet` to true");
}

/* a + b into buf (truncated to fit, always terminated) */
static void join_path(char *buf, size_t cap, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > cap - 1)
        na = cap - 1;
    if (nb > cap - 1 - na)
        nb = cap - 1 - na;
    memcpy(buf, a, na);
    memcpy(buf + na, b, nb);
    buf[na + nb] = '\0';
}

static void check_event_invoke(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *init,
                               const char *prefix)
{
    /* the prefix is one of a few short literals ("", "current_version_options."): the
     * paths are joined by hand, as this runs for every function */
    char p1[96], p2[96], p3[96], p4[96];
    join_path(p1, sizeof p1, prefix, "retry_attempts.set");
    join_path(p2, sizeof p2, prefix, "retry_attempts.v");
    join_path(p3, sizeof p3, prefix, "max_event_age.set");
    join_path(p4, sizeof p4, prefix, "max_event_age.ms");
    fv_t rs = get(c, d, init, p1), rv = get(c, d, init, p2);
    fv_t as = get(c, d, init, p3), av = get(c, d, init, p4);
    if (rs.st == YES && known(&rv) && (rv.i < 0 || rv.i > 2))
        REPORT(d, rv.loc, LC_R_CDK_RETRY_RANGE,
               "retryAttempts must be between 0 and 2 inclusive, got %lld", (long long)rv.i);
    if (as.st == YES && known(&av) && (av.i < 60000 || av.i > 21600000))
        REPORT(d, av.loc, LC_R_CDK_EVENT_AGE_RANGE,
               "maximumEventAge must represent a Duration that is between 60 and 21600 seconds, got %lld",
               (long long)(av.i / 1000));
}

/* The names of the macros the walk below looks for, as the parser stores them: the
 * row's own string (call names and `via` of known macros are row->name), so a pointer
 * comparison finds them. */
static const char *name_current_version, *name_vref_cv, *name_vgetatt_cv, *name_vgetatt;

static const char *row_name(const char *macro)
{
    const lc_ck_macro_t *row = lc_ck_macro_find(macro, strlen(macro));
    return row ? row->name : macro;
}

/* One walk over every value of a declaration: the functions whose fn.currentVersion
 * the file reads (which creates it: LC_CURRENT_VERSION(Fn), LC_VREF_CURRENT_VERSION(Fn),
 * LC_VGETATT_CURRENT_VERSION(Fn)), credentials in literal strings, and the attribute of
 * every LC_VGETATT (check-schema.c). */
static void scan_secret_literals(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *v);

static void walk_values(ctx_t *c, const lc_ck_decl_t *d, const lc_cv_t *v)
{
    switch (v->kind) {
    case LC_CV_STR:
        scan_secret_literals(c, d, v);
        return;
    case LC_CV_INIT:
        if (v->via == name_current_version)
            for (size_t i = 0; i < v->nitems; i++)
                if (v->items[i].val->kind == LC_CV_ADDR)
                    nameset_add(c->run->arena, &c->current_version, v->items[i].val->s);
        break;
    case LC_CV_CALL:
        if ((v->s == name_vref_cv || v->s == name_vgetatt_cv) && v->nitems &&
            v->items[0].val->kind == LC_CV_IDENT)
            nameset_add(c->run->arena, &c->current_version, v->items[0].val->s);
        if (v->s == name_vgetatt)       /* its attribute check, in this one walk */
            lc_ck_check_getatt(c->run, c->f, (lc_ck_decl_t *)d, v);
        break;
    default:
        return;
    }
    for (size_t i = 0; i < v->nitems; i++)
        walk_values(c, d, v->items[i].val);
}

/* Facts about the whole file that per-declaration rules read. */
static void collect_file_facts(ctx_t *c)
{
    if (!name_current_version) {
        name_current_version = row_name("LC_CURRENT_VERSION");
        name_vref_cv = row_name("LC_VREF_CURRENT_VERSION");
        name_vgetatt_cv = row_name("LC_VGETATT_CURRENT_VERSION");
        name_vgetatt = row_name("LC_VGETATT");
    }
    for (size_t i = 0; i < c->f->ndecls; i++) {
        lc_ck_decl_t *o = c->f->decls[i];
        walk_values(c, o, o->props);
        if (o->kind != LC_CK_ALIAS && o->kind != LC_CK_VERSION)
            continue;
        lc_cv_t *x;
        if (lc_ck_get(o->props, "on_failure", &x, NULL) == LC_GET_UNSET &&
            lc_ck_get(o->props, "options.on_failure", &x, NULL) == LC_GET_UNSET)
            continue;
        for (size_t k = 0; k < o->nrefs; k++)
            nameset_add(c->run->arena, &c->on_failure, o->refs[k].name);
    }
}

static void check_function(ctx_t *c, lc_ck_decl_t *d)
{
    const lc_cv_t *P = d->props;
    fv_t runtime = get(c, d, P, "runtime");
    const lc_runtime_info_t *rt = runtime_of(&runtime);
    int has_rt = !known(&runtime) ? MAYBE : rt != NULL;

    fv_t name = get(c, d, P, "function_name");
    if (name.st == YES && name.s) {
        size_t len = strlen(name.s);
        if (len > 64)
            REPORT(d, name.loc, LC_R_CDK_FUNCTION_NAME_TOO_LONG,
                   "Function name can not be longer than 64 characters but has %zu characters.", len);
        if (!valid_function_name(name.s))
            REPORT(d, name.loc, LC_R_CDK_FUNCTION_NAME_FORMAT,
                   "Function name %s can contain only letters, numbers, hyphens, or underscores with no spaces.",
                   name.s);
    }
    fv_t desc = get(c, d, P, "description");
    if (desc.st == YES && desc.s && strlen(desc.s) > 256)
        REPORT(d, desc.loc, LC_R_CDK_DESCRIPTION_TOO_LONG,
               "Function description can not be longer than 256 characters but has %zu characters.",
               strlen(desc.s));

    fv_t code = get(c, d, P, "code.kind");
    int no_code = t_not(nz(&code));
    if (no_code == YES)
        REPORT(d, d->loc, LC_R_CDK_CODE_REQUIRED, "Function requires 'code'");
    if (t_and(t_not(no_code), t_not(has_rt)) == YES)
        REPORT(d, d->loc, LC_R_CDK_RUNTIME_REQUIRED, "Function requires 'runtime'");
    fv_t handler = get(c, d, P, "handler");
    if (t_and(t_not(nz(&handler)), t_not(no_code)) == YES)
        REPORT(d, d->loc, LC_R_CDK_HANDLER_REQUIRED, "Function requires 'handler'");
    if (code.st == YES && code.i == LC_CODE_INLINE) {
        fv_t text = get(c, d, P, "code.text");
        int empty = text.st == MAYBE ? MAYBE : text.st == NO || !text.s || !*text.s;
        if (empty == YES)
            REPORT(d, text.st == YES ? text.loc : code.loc, LC_R_CDK_INLINE_EMPTY,
                   "Lambda inline code cannot be empty");
        else if (empty == NO && has_rt == YES && !rt->supports_inline_code)
            REPORT(d, code.loc, LC_R_CDK_INLINE_NOT_ALLOWED, "Inline source not allowed for %s",
                   rt->name);
    }
    check_function_env(c, d);

    fv_t es_set = get(c, d, P, "ephemeral_storage_size.set");
    fv_t es_mib = get(c, d, P, "ephemeral_storage_size.mib");
    if (es_set.st == YES && known(&es_mib) && (es_mib.i < 512 || es_mib.i > 10240))
        REPORT(d, es_mib.loc, LC_R_CDK_EPHEMERAL_RANGE,
               "Ephemeral storage size must be between 512 and 10240 MB, received Size.mebibytes(%lld).",
               (long long)es_mib.i);

    /* logging */
    fv_t lf = get(c, d, P, "log_format"), lgf = get(c, d, P, "logging_format");
    fv_t al = get(c, d, P, "application_log_level"), al2 = get(c, d, P, "application_log_level_v2");
    fv_t sl = get(c, d, P, "system_log_level"), sl2 = get(c, d, P, "system_log_level_v2");
    if (t_and(nz(&lf), nz(&lgf)) == YES)
        REPORT(d, lf.loc, LC_R_CDK_LOG_FORMAT_CONFLICT, "Only define LogFormat or LoggingFormat, not both.");
    if (t_and(nz(&al), nz(&al2)) == YES)
        REPORT(d, al.loc, LC_R_CDK_APP_LEVEL_CONFLICT,
               "Only define applicationLogLevel or applicationLogLevelV2, not both.");
    if (t_and(nz(&sl), nz(&sl2)) == YES)
        REPORT(d, sl.loc, LC_R_CDK_SYS_LEVEL_CONFLICT,
               "Only define systemLogLevel or systemLogLevelV2, not both.");
    int levels = t_or(t_or(nz(&al), nz(&al2)), t_or(nz(&sl), nz(&sl2)));
    if (levels == YES) {
        lc_ck_loc_t at = al2.st == YES ? al2.loc : sl2.st == YES ? sl2.loc : al.st == YES ? al.loc : sl.loc;
        int c1 = t_and(nz(&lgf), t_not(eq(&lgf, LC_LOGGING_FORMAT_JSON)));
        int c2 = t_and(t_not(nz(&lgf)), t_not(eq(&lf, LC_LOGGING_FORMAT_JSON)));
        if (c1 == YES)
            REPORT(d, lgf.loc, LC_R_CDK_JSON_LOGGING_FORMAT,
                   "To use ApplicationLogLevel and/or SystemLogLevel you must set LoggingFormat to 'JSON', got '%s'.",
                   format_name(lgf.i));
        else if (c1 == NO && c2 == YES)
            REPORT(d, lf.st == YES ? lf.loc : at, LC_R_CDK_JSON_LOG_FORMAT,
                   "To use ApplicationLogLevel and/or SystemLogLevel you must set LogFormat to 'JSON', got '%s'.",
                   lf.st == YES ? format_name(lf.i) : "undefined");
    }
    fv_t retention = get(c, d, P, "log_retention_days"), log_group = get(c, d, P, "log_group");
    if (t_and(nz(&retention), nz(&log_group)) == YES)
        REPORT(d, retention.loc, LC_R_CDK_LOG_RETENTION_GROUP,
               "CDK does not support setting logRetention and logGroup");

    /* SnapStart */
    fv_t snap = get(c, d, P, "snap_start");
    fv_t efs = get(c, d, P, "filesystem.access_point");
    if (t_and(nz(&snap), has_rt) == YES) {
        if (!rt->supports_snap_start && runtime.i != LC_RUNTIME_FROM_IMAGE)
            REPORT(d, snap.loc, LC_R_CDK_SNAPSTART_RUNTIME,
                   "SnapStart currently not supported by runtime %s", rt->name);
        if (efs.st == YES)
            REPORT(d, snap.loc, LC_R_CDK_SNAPSTART_EFS, "SnapStart is currently not supported using EFS");
        if (es_set.st == YES && known(&es_mib) && es_mib.i > 512)
            REPORT(d, snap.loc, LC_R_CDK_SNAPSTART_EPHEMERAL,
                   "SnapStart is currently not supported using more than 512 MiB Ephemeral Storage");
    }

    /* dead letters */
    fv_t dlq = get(c, d, P, "dead_letter_queue"), dlq_on = get(c, d, P, "dead_letter_queue_enabled");
    fv_t dlt = get(c, d, P, "dead_letter_topic");
    if (t_and(nz(&dlq), eq(&dlq_on, LC_FALSE)) == YES)
        REPORT(d, dlq_on.loc, LC_R_CDK_DLQ_ENABLED_FALSE,
               "deadLetterQueue defined but deadLetterQueueEnabled explicitly set to false");
    if (t_and(nz(&dlt), t_or(nz(&dlq), nz(&dlq_on))) == YES)
        REPORT(d, dlt.loc, LC_R_CDK_DLQ_AND_TOPIC,
               "deadLetterQueue and deadLetterTopic cannot be specified together at the same time");

    fv_t arch = get(c, d, P, "architecture"), narch = get(c, d, P, "narchitectures");
    if (t_and(nz(&arch), nz(&narch)) == YES)
        REPORT(d, arch.loc, LC_R_CDK_ARCH_CONFLICT,
               "Either architecture or architectures must be specified but not both.");
    if (known(&narch) && narch.i > 1)
        REPORT(d, narch.loc, LC_R_CDK_ONE_ARCH, "Only one architecture must be specified.");

    /* VPC-only properties */
    fv_t vpc = get(c, d, P, "vpc");
    fv_t ipv6 = get(c, d, P, "ipv6_allowed_for_dual_stack");
    fv_t out4 = get(c, d, P, "allow_all_outbound"), out6 = get(c, d, P, "allow_all_ipv6_outbound");
    fv_t nsg = get(c, d, P, "nsecurity_groups"), subnets = get(c, d, P, "vpc_subnets.subnet_type");
    if (vpc.st == NO) {
        if (ipv6.st == YES)
            REPORT(d, ipv6.loc, LC_R_CDK_IPV6_NEEDS_VPC,
                   "Cannot configure 'ipv6AllowedForDualStack' without configuring a VPC");
        if (out4.st == YES)
            REPORT(d, out4.loc, LC_R_CDK_OUTBOUND_NEEDS_VPC,
                   "Cannot configure 'allowAllOutbound' without configuring a VPC");
        if (out6.st == YES)
            REPORT(d, out6.loc, LC_R_CDK_OUTBOUND6_NEEDS_VPC,
                   "Cannot configure 'allowAllIpv6Outbound' without configuring a VPC");
        if (nsg.st == YES)
            REPORT(d, nsg.loc, LC_R_CDK_SG_NEEDS_VPC,
                   "Cannot configure 'securityGroups' without configuring a VPC");
        if (subnets.st == YES)
            REPORT(d, subnets.loc, LC_R_CDK_SUBNETS_NEED_VPC,
                   "Cannot configure 'vpcSubnets' without configuring a VPC");
        if (efs.st == YES)
            REPORT(d, efs.loc, LC_R_CDK_FS_NEEDS_VPC,
                   "Cannot configure 'filesystem' without configuring a VPC.");
    } else if (vpc.st == YES) {
        if (t_and(nz(&nsg), nz(&out4)) == YES)
            REPORT(d, out4.loc, LC_R_CDK_SG_AND_OUTBOUND,
                   "Configure 'allowAllOutbound' directly on the supplied SecurityGroups.");
        check_public_subnets(c, d, &vpc);
    }
    if (efs.st == YES) {
        fv_t mp = get(c, d, P, "filesystem.mount_path");
        if (known(&mp)) {
            const char *s = mp.st == YES && mp.s ? mp.s : "";
            bool ok = strncmp(s, "/mnt/", 5) == 0 && s[5];
            for (const char *q = s + 5; ok && *q; q++)
                ok = isalnum((unsigned char)*q) || *q == '-' || *q == '_' || *q == '.';
            lc_ck_loc_t at = mp.st == YES ? mp.loc : efs.loc;
            if (!ok)
                REPORT(d, at, LC_R_CDK_MOUNT_PATH_FORMAT,
                       "Local mount path should match with ^/mnt/[a-zA-Z0-9-_.]+$ but given %s.", s);
            if (strlen(s) > 160)
                REPORT(d, at, LC_R_CDK_MOUNT_PATH_TOO_LONG,
                       "Local mount path can not be longer than 160 characters but has %zu characters.",
                       strlen(s));
        }
    }

    fv_t to_set = get(c, d, P, "timeout.set"), to_ms = get(c, d, P, "timeout.ms");
    if (to_set.st == YES && known(&to_ms) && to_ms.i % 1000)
        REPORT(d, to_ms.loc, LC_R_CDK_DURATION_NOT_INTEGRAL,
               "'%lld ms' cannot be converted into a whole number of seconds.", (long long)to_ms.i);
    check_function_layers(c, d, &runtime);

    fv_t cv = get(c, d, P, "current_version");
    if (cv.st == YES || nameset_has(&c->current_version, d->cname))
        check_event_invoke(c, d, P, "current_version_options.");

    /* ---- security and operations ---- */
    if (rt)
        check_runtime_deprecation(c, d, rt->name, rt->deprecated, runtime.loc);
    fv_t rc_set = get(c, d, P, "reserved_concurrent_executions.set");
    fv_t rc = get(c, d, P, "reserved_concurrent_executions.v");
    if (rc_set.st == YES && known(&rc) && rc.i == 0)
        REPORT(d, rc.loc, LC_R_OPS_ZERO_CONCURRENCY,
               "reserved concurrency 0 throttles every invocation of the function");
    fv_t mem = get(c, d, P, "memory_size");
    if (mem.st == YES && (mem.i < 128 || mem.i > 10240))
        REPORT(d, mem.loc, LC_R_OPS_MEMORY_RANGE,
               "memory_size %lld MB is outside Lambda's 128..10240 MB: the deployment will fail",
               (long long)mem.i);
    if (to_set.st == YES && known(&to_ms) && to_ms.i > 900000)
        REPORT(d, to_ms.loc, LC_R_OPS_TIMEOUT_RANGE,
               "a timeout of %lld seconds is over Lambda's maximum of 900 seconds: the deployment will fail",
               (long long)(to_ms.i / 1000));

    /* a dead-letter queue or topic, or an on-failure destination somewhere */
    fv_t onf = get(c, d, P, "current_version_options.on_failure");
    int has_dlq = t_or(t_or(nz(&dlq), nz(&dlt)), t_or(eq(&dlq_on, LC_TRUE), nz(&onf)));
    if (nameset_has(&c->on_failure, d->cname))
        has_dlq = YES;
    if (has_dlq == NO)
        REPORT(d, d->loc, LC_R_OPS_NO_DLQ,
               "no dead-letter queue or on-failure destination: failed asynchronous invocations are dropped after the retries");
}

/* SQS event sources: a queue referenced from the function's `events` / `event_sources`,
 * or a declaration whose macro names SQS and references both a function and a queue. */
static void check_sqs_visibility(ctx_t *c, lc_ck_decl_t *fn, lc_ck_decl_t *queue, lc_ck_loc_t at,
                                 const lc_ck_decl_t *where)
{
    fv_t to_set = get(c, fn, fn->props, "timeout.set"), to_ms = get(c, fn, fn->props, "timeout.ms");
    fv_t vs = get(c, queue, queue->props, "visibility_timeout.set");
    fv_t vms = get(c, queue, queue->props, "visibility_timeout.ms");
    if (!known(&to_set) || !known(&vs) || (to_set.st == YES && !known(&to_ms)) ||
        (vs.st == YES && !known(&vms)))
        return;
    int64_t fto = to_set.st == YES ? to_ms.i : 3000;         /* Lambda's default */
    int64_t vis = vs.st == YES ? vms.i : 30000;              /* SQS's default */
    if (fto > vis)
        REPORT(where, at, LC_R_OPS_TIMEOUT_VISIBILITY,
               "the timeout of %s (%lld s) is longer than the visibility timeout of queue %s (%lld s): messages are delivered again while the function still works on them",
               fn->id, (long long)(fto / 1000), queue->id, (long long)(vis / 1000));
}

static void check_event_sources(ctx_t *c, lc_ck_decl_t *d)
{
    if (d->kind == LC_CK_FUNCTION) {
        for (size_t i = 0; i < d->nrefs; i++) {
            const lc_ck_ref_t *r = &d->refs[i];
            if (!r->field || r->field[0] != 'e' ||
                (strcmp(r->field, "events") && strcmp(r->field, "event_sources")))
                continue;
            lc_ck_decl_t *q = lc_ck_lookup(c->f, r->name);
            if (q && q->kind == LC_CK_QUEUE)
                check_sqs_visibility(c, d, q, r->loc, d);
        }
        return;
    }
    if (!d->macro_name || !strstr(d->macro_name, "SQS"))
        return;
    lc_ck_decl_t *fn = NULL, *q = NULL;
    lc_ck_loc_t at = d->loc;
    for (size_t i = 0; i < d->nrefs; i++) {
        lc_ck_decl_t *t = lc_ck_lookup(c->f, d->refs[i].name);
        if (t && t->kind == LC_CK_FUNCTION)
            fn = t;
        if (t && t->kind == LC_CK_QUEUE) {
            q = t;
            at = d->refs[i].loc;
        }
    }
    if (fn && q)
        check_sqs_visibility(c, fn, q, at, d);
}

/* ---- Layer, Version, Alias ------------------------------------------------------------------ */

static void check_layer(ctx_t *c, lc_ck_decl_t *d)
{
    const lc_cv_t *P = d->props;
    fv_t kind = get(c, d, P, "kind");
    if (!known(&kind) || kind.i != LC_LAYER_DEFINED)
        return;
    fv_t nrt = get(c, d, P, "compatible_runtimes.n");
    if (known(&nrt) && nrt.i > 15)
        REPORT(d, nrt.loc, LC_R_CDK_LAYER_RUNTIMES_MAX, "Only up to 15 runtimes can be specified, got %lld",
               (long long)nrt.i);
    fv_t code = get(c, d, P, "code.kind");
    if (code.st == NO)
        REPORT(d, d->loc, LC_R_CDK_LAYER_CODE_REQUIRED, "LayerVersion requires 'code'");
    else if (code.st == YES && code.i == LC_CODE_INLINE)
        REPORT(d, code.loc, LC_R_CDK_LAYER_INLINE, "Inline code is not supported for AWS Lambda layers");
    lc_cv_t *items;
    size_t n;
    if (list_of(c, d, P, "permissions", "npermissions", &items, &n))
        for (size_t i = 0; i < n; i++) {
            lc_cv_t *perm = items->items[i].val;
            fv_t org = get(c, d, perm, "organization_id"), acct = get(c, d, perm, "account_id");
            if (org.st == YES && known(&acct)) {
                const char *a = acct.st == YES && acct.s ? acct.s : "";
                if (strcmp(a, "*") != 0)
                    REPORT(d, org.loc, LC_R_CDK_LAYER_ORG_ACCOUNT,
                           "OrganizationId can only be specified if AwsAccountId is '*', but it is %s", a);
            }
        }
}

/* FunctionUrl (runtime/constructs/url.c): not on a Version, and CORS max age. */
static void check_url(ctx_t *c, lc_ck_decl_t *d)
{
    static const char *const targets[] = { "target", "function", "alias", "version", "imported",
                                           "singleton" };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        fv_t t = get(c, d, d->props, targets[i]);
        lc_ck_decl_t *td = t.st == YES ? target(c, &t) : NULL;
        if (td && td->kind == LC_CK_VERSION) {
            REPORT(d, t.loc, LC_R_CDK_URL_VERSION, "FunctionUrl cannot be used with a Version");
            return;     /* the synthesizer stops there */
        }
    }
    fv_t set = get(c, d, d->props, "cors.set");
    fv_t age_set = get(c, d, d->props, "cors.max_age.set");
    fv_t age = get(c, d, d->props, "cors.max_age.ms");
    if (set.st != YES || age_set.st != YES || !known(&age))
        return;
    if (age.i % 1000)
        REPORT(d, age.loc, LC_R_CDK_DURATION_NOT_INTEGRAL,
               "'%lld ms' cannot be converted into a whole number of seconds.", (long long)age.i);
    else if (age.i / 1000 > 86400)
        REPORT(d, age.loc, LC_R_CDK_URL_MAX_AGE,
               "FunctionUrl CORS maxAge should be less than or equal to 86400 secs (got %lld)",
               (long long)(age.i / 1000));
}

static void check_version(ctx_t *c, lc_ck_decl_t *d)
{
    fv_t fn = get(c, d, d->props, "lambda");
    if (fn.st == YES)
        check_event_invoke(c, d, d->props, "options.");
}

static void check_alias(ctx_t *c, lc_ck_decl_t *d)
{
    fv_t ver = get(c, d, d->props, "version.decl");
    if (ver.st != YES)
        return;
    check_event_invoke(c, d, d->props, "");
}

/* ---- model --------------------------------------------------------------------------------- */

/* Which kinds a reference in a member may point to (compile errors in C, but a clear
 * message here; `members` of a stack is untyped in C and the runtime rejects a stack). */
static const struct ref_rule {
    lc_ck_kind_t from;
    const char *field;
    lc_ck_kind_t to, to2;
} ref_rules[] = {
    { LC_CK_FUNCTION, "role", LC_CK_ROLE, LC_CK_ROLE },
    { LC_CK_FUNCTION, "log_retention_role", LC_CK_ROLE, LC_CK_ROLE },
    { LC_CK_FUNCTION, "dead_letter_queue", LC_CK_QUEUE, LC_CK_QUEUE },
    { LC_CK_FUNCTION, "dead_letter_topic", LC_CK_TOPIC, LC_CK_TOPIC },
    { LC_CK_FUNCTION, "log_group", LC_CK_LOG_GROUP, LC_CK_LOG_GROUP },
    { LC_CK_FUNCTION, "vpc", LC_CK_VPC, LC_CK_VPC },
    { LC_CK_FUNCTION, "environment_encryption", LC_CK_KEY, LC_CK_KEY },
    { LC_CK_FUNCTION, "layers", LC_CK_LAYER, LC_CK_LAYER },
    { LC_CK_FUNCTION, "security_groups", LC_CK_SECURITY_GROUP, LC_CK_SECURITY_GROUP },
    { LC_CK_FUNCTION, "filesystem", LC_CK_ACCESS_POINT, LC_CK_ACCESS_POINT },
    { LC_CK_FUNCTION, "code", LC_CK_BUCKET, LC_CK_BUCKET },
    { LC_CK_LAYER, "code", LC_CK_BUCKET, LC_CK_BUCKET },
    { LC_CK_VERSION, "lambda", LC_CK_FUNCTION, LC_CK_FUNCTION },
    { LC_CK_ALIAS, "version", LC_CK_FUNCTION, LC_CK_VERSION },
};

static void check_refs(ctx_t *c, lc_ck_decl_t *d)
{
    for (size_t i = 0; i < d->nrefs; i++) {
        const lc_ck_ref_t *r = &d->refs[i];
        lc_ck_decl_t *t = lc_ck_lookup(c->f, r->name);
        if (!t) {
            if (c->f->opaque)
                continue;       /* check/opaque-macro said so once for the file */
            if (lc_ck_is_plain_name(c->f, r->name))
                lc_ck_report(c->run, c->f, r->loc, LC_R_NOT_STATIC,
                             "%s: '%s' is not a declaration the checker can see: references to it are not checked",
                             d->id ? d->id : "?", r->name);
            else
                lc_ck_report(c->run, c->f, r->loc, LC_R_MODEL_UNDECLARED,
                             "%s: '%s' is not declared", d->id ? d->id : "?", r->name);
            continue;
        }
        if (t->kind == LC_CK_UNKNOWN || t->kind == LC_CK_OTHER)
            continue;
        if (d->kind == LC_CK_STACK && r->field && strcmp(r->field, "members") == 0) {
            if (t->kind == LC_CK_STACK)
                lc_ck_report(c->run, c->f, r->loc, LC_R_MODEL_WRONG_REF,
                             "%s: '%s' is a stack, not a construct: a stack cannot be a member of another stack",
                             d->id ? d->id : "?", r->name);
            continue;
        }
        for (size_t k = 0; k < sizeof ref_rules / sizeof ref_rules[0]; k++) {
            const struct ref_rule *rr = &ref_rules[k];
            if (rr->from != d->kind || !r->field || rr->field[0] != r->field[0] ||
                strcmp(rr->field, r->field) != 0)
                continue;
            if (t->kind != rr->to && t->kind != rr->to2)
                lc_ck_report(c->run, c->f, r->loc, LC_R_MODEL_WRONG_REF,
                             "%s: '%s' is a %s, but %s takes a %s", d->id ? d->id : "?", r->name,
                             lc_ck_kind_name(t->kind), r->field, lc_ck_kind_name(rr->to));
        }
    }
}

/* The (first) declaration a reference names, resolved once. */
static lc_ck_decl_t *ref_target(ctx_t *c, lc_ck_ref_t *r)
{
    if (!r->resolved) {
        r->target = lc_ck_lookup(c->f, r->name);
        r->resolved = true;
    }
    return r->target;
}

/* What a declaration reaches, iteratively (stacks can hold thousands of members).  With
 * mark: sets `reachable` on everything reached.  Without: collects the declarations
 * reached into seen[] (each once, by a walk mark) and returns their number. */
static size_t reach(ctx_t *c, lc_ck_decl_t *root, lc_ck_decl_t **seen, lc_ck_decl_t ***stackp,
                    size_t *capp, bool mark)
{
    static uint32_t walk;
    lc_ck_decl_t **stack = *stackp;
    size_t cap = *capp, sp = 0, nseen = 0;
    walk++;
    stack[sp++] = root;
    while (sp) {
        lc_ck_decl_t *d = stack[--sp];
        for (size_t i = 0; i < d->nrefs; i++) {
            for (lc_ck_decl_t *t = ref_target(c, &d->refs[i]); t; t = t->same_name) {
                if (t->kind == LC_CK_STACK || (mark ? t->reachable : t->visit == walk))
                    continue;
                if (mark)
                    t->reachable = true;
                else
                    seen[nseen++] = t;
                t->visit = walk;
                if (sp == cap) {
                    cap *= 2;
                    stack = lc_realloc(c->run->arena, stack, sp * sizeof *stack, cap * sizeof *stack);
                }
                stack[sp++] = t;
            }
        }
    }
    *stackp = stack;
    *capp = cap;
    return nseen;
}

static bool stack_members_opaque(const lc_ck_decl_t *s)
{
    lc_cv_t *m;
    int r = lc_ck_get(s->props, "members", &m, NULL);
    if (r != LC_GET_SET || m->kind != LC_CV_INIT || m->opaque)
        return true;
    for (size_t i = 0; i < m->nitems; i++)
        if (m->items[i].val->kind != LC_CV_ADDR)
            return true;
    return false;
}

static int cmp_id(const void *a, const void *b)
{
    const lc_ck_decl_t *x = *(lc_ck_decl_t *const *)a, *y = *(lc_ck_decl_t *const *)b;
    int r = strcmp(x->id, y->id);
    if (r)
        return r;
    return x->loc.line != y->loc.line ? (x->loc.line < y->loc.line ? -1 : 1)
                                      : (x->loc.col < y->loc.col ? -1 : x->loc.col > y->loc.col);
}

static bool at_stack_root(ctx_t *c, const lc_ck_decl_t *d)
{
    fv_t aa;
    if (d->kind != LC_CK_ALIAS)
        return d->id && *d->id;
    aa = get(c, d, d->props, "add_alias");
    return aa.st == NO && d->id && *d->id;
}

/* Mark the declarations some stack reaches (members, and what they refer to, which the
 * synthesizer expands into the stack too).  Returns whether that is known: not when the
 * file has no stack (declarations for another file) or hides declarations or members
 * in user macros. */
static bool compute_reachability(ctx_t *c)
{
    lc_ck_file_t *f = c->f;
    size_t cap = 64;
    lc_ck_decl_t **stack = lc_xalloc(c->run->arena, cap * sizeof *stack);
    bool any_stack = false, opaque = f->opaque;

    /* stacks and unknown declarations (maybe a new kind of stack) are the roots */
    for (size_t i = 0; i < f->ndecls; i++) {
        lc_ck_decl_t *d = f->decls[i];
        if (d->kind == LC_CK_STACK || d->kind == LC_CK_UNKNOWN) {
            d->reachable = true;
            any_stack |= d->kind == LC_CK_STACK;
            if (d->kind == LC_CK_STACK && stack_members_opaque(d))
                opaque = true;
            reach(c, d, NULL, &stack, &cap, true);
        }
    }
    return any_stack && !opaque;
}

static void check_model(ctx_t *c, bool reach_known)
{
    lc_ck_file_t *f = c->f;
    size_t cap = 64;
    lc_ck_decl_t **stack = lc_xalloc(c->run->arena, cap * sizeof *stack);
    lc_ck_decl_t **seen = lc_xalloc(c->run->arena, (f->ndecls + 1) * sizeof *seen);

    if (reach_known)
        for (size_t i = 0; i < f->ndecls; i++) {
            lc_ck_decl_t *d = f->decls[i];
            if (!d->reachable && d->cname)
                lc_ck_report(c->run, f, d->loc, LC_R_MODEL_UNREACHABLE,
                             "%s: this %s is in no stack (not a member, and nothing in a stack refers to it): it is never synthesized",
                             d->id ? d->id : d->cname, lc_ck_kind_name(d->kind));
        }

    /* construct ids: unique among the stacks of the app, and at each stack's root */
    size_t ns = 0;
    for (size_t i = 0; i < f->ndecls; i++)
        if (f->decls[i]->kind == LC_CK_STACK && f->decls[i]->id && *f->decls[i]->id)
            seen[ns++] = f->decls[i];
    qsort(seen, ns, sizeof *seen, cmp_id);
    for (size_t i = 1; i < ns; i++)
        for (size_t k = i; k-- > 0 && strcmp(seen[k]->id, seen[i]->id) == 0;)
            if (lc_ck_coexist(seen[k], seen[i])) {
                lc_ck_report(c->run, f, seen[i]->loc, LC_R_MODEL_DUPLICATE_ID,
                             "There is already a Construct with name '%s' in App", seen[i]->id);
                break;
            }
    for (size_t i = 0; i < f->ndecls; i++) {
        lc_ck_decl_t *s = f->decls[i];
        if (s->kind != LC_CK_STACK)
            continue;
        size_t n = reach(c, s, seen, &stack, &cap, false);
        size_t k = 0;
        for (size_t j = 0; j < n; j++)
            if (at_stack_root(c, seen[j]))
                seen[k++] = seen[j];
        qsort(seen, k, sizeof *seen, cmp_id);
        for (size_t j = 1; j < k; j++)
            for (size_t m = j; m-- > 0 && strcmp(seen[m]->id, seen[j]->id) == 0;)
                if (lc_ck_coexist(seen[m], seen[j])) {
                    lc_ck_report(c->run, f, seen[j]->loc, LC_R_MODEL_DUPLICATE_ID,
                                 "There is already a Construct with name '%s' in %s (declared as %s at line %u)",
                                 seen[j]->id, s->id ? s->id : "?",
                                 seen[m]->cname ? seen[m]->cname : "?", seen[m]->loc.line);
                    break;
                }
    }
}

/* ---- per file ------------------------------------------------------------------------------ */

void lc_ck_check_file(lc_ck_run_t *run, lc_ck_file_t *f)
{
    ctx_t c = { run, f, true, { 0 }, { 0 } };
    index_arena = run->arena;       /* lc_ck_get()'s indexes live as long as the model */
    bool reach_known = compute_reachability(&c);
    collect_file_facts(&c);
    for (size_t i = 0; i < f->ndecls; i++) {
        lc_ck_decl_t *d = f->decls[i];
        /* The CDK rules report what the synthesizer would reject, and it only validates
         * what it synthesizes: a declaration no stack reaches gets model/unreachable
         * instead.  The other rules look at every declaration (a secret in the source is
         * a leak whether or not it is deployed). */
        c.cdk = d->reachable || !reach_known;
        check_refs(&c, d);
        switch (d->kind) {
        case LC_CK_FUNCTION:
            check_function(&c, d);
            check_event_sources(&c, d);
            break;
        case LC_CK_LAYER:
            check_layer(&c, d);
            break;
        case LC_CK_VERSION:
            check_version(&c, d);
            break;
        case LC_CK_ALIAS:
            check_alias(&c, d);
            break;
        case LC_CK_URL:
            check_url(&c, d);
            break;
        case LC_CK_CFN:
            lc_ck_check_cfn(run, f, d);
            check_l1_env(&c, d, d->props, false);
            if (d->cfn_type && strcmp(d->cfn_type, "AWS_Lambda_Function") == 0) {
                lc_cv_t *v;
                lc_ck_loc_t at = d->loc;
                if (lc_ck_get(d->props, "Runtime", &v, &at) == LC_GET_SET && v->kind == LC_CV_CALL &&
                    strcmp(v->s, "LC_STRING") == 0 && v->nitems == 1 &&
                    v->items[0].val->kind == LC_CV_STR) {
                    const char *name = v->items[0].val->s;
                    bool table_dep = false;
                    for (int id = 1; id < LC_RUNTIME__COUNT; id++) {
                        const lc_runtime_info_t *r = lc_runtime_info((lc_runtime_id_t)id);
                        if (r && r->deprecated && strcmp(r->name, name) == 0)
                            table_dep = true;
                    }
                    check_runtime_deprecation(&c, d, name, table_dep, at);
                }
            }
            break;
        case LC_CK_UNKNOWN:
        case LC_CK_OTHER:
            check_event_sources(&c, d);
            break;
        default:
            break;
        }
    }
    check_model(&c, reach_known);
    index_arena = NULL;
}
