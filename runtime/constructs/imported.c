/* imported.c - Function.fromFunctionArn / fromFunctionName / fromFunctionAttributes, and
 * the ARN values they need.
 *
 * An imported function has no resource of its own; what matters is what CDK *believes*
 * about it, because that decides whether grants and permissions produce anything:
 *   - its environment comes from splitting the ARN (runtime/arn.re): a literal account,
 *     or a token (the ARN is an Fn::ImportValue, or holds pseudo parameters);
 *   - canCreatePermissions = sameEnvironment, else "the stack's account is known, the ARN
 *     holds no token, and its account is the stack's" (FunctionBase._isStackAccount -
 *     the region is not compared, whatever the warning text says);
 *   - skipPermissions silences both the warning and the error.
 * ARN values keep CDK's token semantics: `${arn}:*` of a literal ARN is a literal, of an
 * Fn::Join it is the same Fn::Join with ":*" merged into its last string.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/access.h>
#include <lambdac/arn.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "access-internal.h"

/* ---- ARN values ---------------------------------------------------------------------- */

static int is_join(const lc_value_t *v, const char **sep, const lc_value_t **list)
{
    if (!v || v->kind != LC_V_OBJ || v->u.obj.n != 1 || strcmp(v->u.obj.m[0].key, "Fn::Join") != 0)
        return 0;
    const lc_value_t *args = v->u.obj.m[0].val;
    if (args->kind != LC_V_ARR || args->u.arr.n != 2 || args->u.arr.items[0]->kind != LC_V_STR ||
        args->u.arr.items[1]->kind != LC_V_ARR)
        return 0;
    *sep = args->u.arr.items[0]->u.s;
    *list = args->u.arr.items[1];
    return 1;
}

/* Append v to an Fn::Join("") list: adjacent strings merge, nested Fn::Join("") splices. */
static void join_push(lc_arena_t *a, lc_value_t *list, const lc_value_t *v)
{
    const char *sep;
    const lc_value_t *inner;
    if (is_join(v, &sep, &inner) && sep[0] == '\0') {
        for (uint32_t i = 0; i < inner->u.arr.n; i++)
            join_push(a, list, inner->u.arr.items[i]);
        return;
    }
    if (v->kind == LC_V_STR) {
        if (!v->u.s[0])
            return;
        uint32_t n = list->u.arr.n;
        if (n && list->u.arr.items[n - 1]->kind == LC_V_STR) {
            list->u.arr.items[n - 1] =
                lc_v_strfmt(a, "%s%s", list->u.arr.items[n - 1]->u.s, v->u.s);
            return;
        }
    }
    lc_arr_push(a, list, v);
}

static lc_value_t *join_finish(lc_arena_t *a, lc_value_t *list)
{
    if (list->u.arr.n == 0)
        return lc_v_str(a, "");
    if (list->u.arr.n == 1 && list->u.arr.items[0]->kind == LC_V_STR)
        return (lc_value_t *)list->u.arr.items[0];
    return lc_fn_join(a, "", list);
}

lc_value_t *lc_arn_concat(lc_arena_t *a, const lc_value_t *arn, const lc_value_t *suffix)
{
    lc_value_t *list = lc_v_arr(a);
    join_push(a, list, arn);
    join_push(a, list, suffix);
    return join_finish(a, list);
}

const char *lc_stack_partition(const lc_stack_t *st)
{
    /* RegionInfo's partition facts, by region prefix; an unknown region keeps the
     * pseudo parameter, as CDK does when the fact is missing */
    static const struct { const char *prefix, *partition; } parts[] = {
        { "us-gov-", "aws-us-gov" }, { "us-isob-", "aws-iso-b" }, { "us-isof-", "aws-iso-f" },
        { "us-iso-", "aws-iso" }, { "eu-isoe-", "aws-iso-e" }, { "eusc-", "aws-eusc" },
        { "cn-", "aws-cn" },
    };
    const char *r = st->region;
    if (!st->app->flags.enable_partition_literals || !r)
        return NULL;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (strncmp(r, parts[i].prefix, strlen(parts[i].prefix)) == 0)
            return parts[i].partition;
    /* "<2 letters>-<word>-<digit>": a commercial region */
    size_t n = strlen(r);
    if (n >= 6 && r[2] == '-' && r[n - 2] == '-' && r[n - 1] >= '0' && r[n - 1] <= '9')
        return "aws";
    return NULL;
}

lc_value_t *lc_format_arn(lc_stack_t *st, const char *service, const char *resource,
                          char sep, const char *resource_name)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *list = lc_v_arr(a);
    const char *partition = lc_stack_partition(st);
    join_push(a, list, lc_v_str(a, "arn:"));
    join_push(a, list, partition ? lc_v_str(a, partition) : lc_v_refname(a, "AWS::Partition"));
    join_push(a, list, lc_v_strfmt(a, ":%s:", service));
    join_push(a, list, st->region ? lc_v_str(a, st->region) : lc_v_refname(a, "AWS::Region"));
    join_push(a, list, lc_v_str(a, ":"));
    join_push(a, list, st->account ? lc_v_str(a, st->account) : lc_v_refname(a, "AWS::AccountId"));
    join_push(a, list, lc_v_strfmt(a, ":%s", resource));
    if (resource_name)
        join_push(a, list, lc_v_strfmt(a, "%c%s", sep, resource_name));
    return join_finish(a, list);
}

static void token_string(lc_sink_t *s, const lc_value_t *v)
{
    const char *sep;
    const lc_value_t *list;
    switch (v ? v->kind : LC_V_NULL) {
    case LC_V_STR:
        lc_sink_puts(s, v->u.s);
        return;
    case LC_V_INT:
        lc_sink_printf(s, "%lld", (long long)v->u.i);
        return;
    case LC_V_REF:
        if (v->u.ref.ns == LC_TARGET_NAME) {
            /* pseudo parameters print as CDK names them: ${Token[AWS.Region]} */
            const char *name = v->u.ref.target;
            lc_sink_puts(s, "${Token[");
            for (const char *c = name; *c; c++) {
                if (c[0] == ':' && c[1] == ':') {
                    lc_sink_puts(s, ".");
                    c++;
                } else if (*c != ']') {
                    lc_sink_put(s, c, 1);
                }
            }
            lc_sink_puts(s, "]}");
            return;
        }
        lc_sink_puts(s, "${Token[Ref]}");
        return;
    case LC_V_OBJ:
        if (is_join(v, &sep, &list)) {
            for (uint32_t i = 0; i < list->u.arr.n; i++) {
                if (i)
                    lc_sink_puts(s, sep);
                token_string(s, list->u.arr.items[i]);
            }
            return;
        }
        lc_sink_printf(s, "${Token[%s]}", v->u.obj.n ? v->u.obj.m[0].key : "Object");
        return;
    default:
        lc_sink_puts(s, "${Token[TOKEN]}");
        return;
    }
}

const char *lc_token_string(lc_arena_t *a, const lc_value_t *v)
{
    lc_sink_t s = { 0 };
    token_string(&s, v);
    const char *r = lc_strdup(a, lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return r;
}

/* ---- the import ------------------------------------------------------------------------ */

lc_imported_state_t *lc_imported_state(lc_node_t *n)
{
    if (!n || n->l2_kind != LC_DECL_IMPORTED_FUNCTION)
        return NULL;
    return n->l2;
}

static const char *part_text(lc_arena_t *a, const lc_arn_part_t *p)
{
    if (!(p->flags & LC_ARN_PRESENT))
        return "undefined";
    return lc_strndup(a, p->p, p->n);
}

lc_node_t *lc_imported_function_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_imported_function_t *fd = (const lc_imported_function_t *)d;
    const lc_function_attributes_t *p = &fd->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_imported_state_t *is = lc_xalloc(a, sizeof *is);
    n->l2 = is;
    n->l2_kind = LC_DECL_IMPORTED_FUNCTION;

    int same_env = p->same_environment;
    if (fd->how == LC_IMPORT_FROM_NAME) {
        /* Function.fromFunctionName: stack.formatArn(...) and sameEnvironment: true */
        if (!fd->function_name || !*fd->function_name)
            lc_error(app, n, "FunctionNameRequired", "fromFunctionName needs a function name");
        is->arn = lc_format_arn(st, "lambda", "function", ':',
                                fd->function_name ? fd->function_name : "");
        same_env = LC_TRUE;
    } else if (p->function_arn_value) {
        is->arn = p->function_arn_value;
        lc_value_touch(st, p->function_arn_value);
    } else if (p->function_arn) {
        is->arn = lc_v_str(a, p->function_arn);
    } else {
        lc_error(app, n, "FunctionArnRequired", "an imported function needs its ARN (function_arn)");
        is->arn = lc_v_str(a, "");
        return n;
    }

    /* the environment, from the ARN (Resource's environmentFromArn) */
    const char *text = lc_token_string(a, is->arn);
    lc_arn_t arn;
    char err[512];
    if (lc_arn_parse(text, SIZE_MAX, &arn, err, sizeof err) != 0) {
        lc_error(app, n, arn.error_code, "%s", err);
        return n;
    }
    int arn_has_token = strstr(text, "${Token[") != NULL;
    if (arn.token) {
        is->account.kind = LC_ACCT_TOKEN;
        is->account_text = "${Token[Fn::Select.4]}";
        is->region_text = "${Token[Fn::Select.3]}";
    } else {
        is->account.kind = lc_arn_part_known(&arn.account) ? LC_ACCT_LITERAL : LC_ACCT_TOKEN;
        is->account.s = lc_strndup(a, arn.account.p, arn.account.n);
        is->account_text = part_text(a, &arn.account);
        is->region_text = part_text(a, &arn.region);
    }

    /* canCreatePermissions = sameEnvironment ?? _isStackAccount() */
    if (same_env != LC_UNSET) {
        is->can_create_permissions = same_env == LC_TRUE;
    } else {
        is->can_create_permissions = st->account && !arn_has_token &&
                                     is->account.kind == LC_ACCT_LITERAL &&
                                     strcmp(is->account.s, st->account) == 0;
    }
    is->skip_permissions = p->skip_permissions;

    if (p->role)
        lc_expand(st, p->role);
    if (p->security_group)
        lc_expand(st, p->security_group);
    return n;
}
