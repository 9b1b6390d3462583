/* integ_util.c - small pieces the integration constructs share.
 *
 * They reproduce aws-cdk-lib behaviours that several constructs lean on: Names.uniqueId
 * (event-source and permission ids are built from it), the way a string with tokens
 * resolves to Fn::Join (layer ARNs with ${AWS::Region}, ARNs of imported resources),
 * Stack.formatArn, fn.addPermission with a service principal, a queue's resource policy,
 * and the schedule expressions of events / application-autoscaling.
 */
#include "config.h"

#include <string.h>

#include <lambdac/logical_id.h>

#include "access-internal.h"
#include "integ.h"

const char *lc_integ_unique_id(lc_app_t *app, const lc_node_t *n)
{
    size_t depth = 0;
    for (const lc_node_t *p = n; p; p = p->parent)
        depth++;
    const char **comp = lc_xalloc(app->arena, depth * sizeof *comp);
    size_t i = depth;
    for (const lc_node_t *p = n; p; p = p->parent)
        comp[--i] = p->id;
    return lc_logical_id(app->arena, app->profile, comp, depth);
}

/* ---- strings with tokens --------------------------------------------------------------- */

void lc_integ_concat_init(lc_integ_concat_t *c, lc_app_t *app)
{
    memset(c, 0, sizeof *c);
    c->app = app;
    c->parts = lc_v_arr(app->arena);
}

static void flush_literal(lc_integ_concat_t *c)
{
    if (c->lit.len) {
        lc_arr_push(c->app->arena, c->parts, lc_v_strdup(c->app->arena, lc_sink_cstr(&c->lit)));
        lc_sink_fini(&c->lit);
        memset(&c->lit, 0, sizeof c->lit);
    }
}

void lc_integ_concat_str(lc_integ_concat_t *c, const char *s)
{
    if (s && *s)
        lc_sink_puts(&c->lit, s);
}

void lc_integ_concat_val(lc_integ_concat_t *c, const lc_value_t *v)
{
    if (v->kind == LC_V_STR) {
        lc_integ_concat_str(c, v->u.s);
        return;
    }
    flush_literal(c);
    lc_arr_push(c->app->arena, c->parts, v);
}

lc_value_t *lc_integ_concat_end(lc_integ_concat_t *c)
{
    flush_literal(c);
    lc_arena_t *a = c->app->arena;
    if (c->parts->u.arr.n == 0)
        return lc_v_str(a, "");
    if (c->parts->u.arr.n == 1)
        return (lc_value_t *)c->parts->u.arr.items[0];
    return lc_fn_join(a, "", c->parts);
}

lc_value_t *lc_integ_region_value(lc_stack_t *st)
{
    if (st->region)
        return lc_v_str(st->app->arena, st->region);
    return lc_v_refname(st->app->arena, "AWS::Region");
}

lc_value_t *lc_integ_format_arn(lc_stack_t *st, const char *service, const char *region,
                                const char *account, const char *resource, const char *sep,
                                const lc_value_t *name)
{
    lc_app_t *app = st->app;
    lc_integ_concat_t c;
    lc_integ_concat_init(&c, app);
    /* stack.partition: a literal under @aws-cdk/core:enablePartitionLiterals in a pinned
     * region, else the pseudo parameter */
    const char *partition = lc_stack_partition(st);
    lc_integ_concat_str(&c, "arn:");
    if (partition)
        lc_integ_concat_str(&c, partition);
    else
        lc_integ_concat_val(&c, lc_v_refname(app->arena, "AWS::Partition"));
    lc_integ_concat_str(&c, ":");
    lc_integ_concat_str(&c, service);
    lc_integ_concat_str(&c, ":");
    if (!region)
        lc_integ_concat_val(&c, lc_integ_region_value(st));
    else
        lc_integ_concat_str(&c, region);
    lc_integ_concat_str(&c, ":");
    if (!account)
        lc_integ_concat_val(&c, st->account ? lc_v_str(app->arena, st->account)
                                            : lc_v_refname(app->arena, "AWS::AccountId"));
    else
        lc_integ_concat_str(&c, account);
    lc_integ_concat_str(&c, ":");
    lc_integ_concat_str(&c, resource);
    if (name) {
        lc_integ_concat_str(&c, sep);
        lc_integ_concat_val(&c, name);
    }
    return lc_integ_concat_end(&c);
}

/* ---- permissions and resource policies ---------------------------------------------------- */

lc_node_t *lc_integ_add_permission(lc_function_state_t *fs, lc_node_t *scope, const char *id,
                                   const char *service, const lc_value_t *source_arn,
                                   const lc_value_t *source_account)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (!scope)
        scope = fs->node;
    lc_node_t *existing = lc_node_child(scope, id);
    if (existing)
        return existing;
    lc_resource_t *r = lc_resource_new(scope, id, "AWS::Lambda::Permission");
    if (!r)
        return NULL;
    lc_obj_set(a, r->props, "Action", lc_v_str(a, "lambda:InvokeFunction"));
    lc_obj_set(a, r->props, "FunctionName", lc_getatt(app, fs->node, "Arn"));
    lc_obj_set(a, r->props, "Principal", lc_v_str(a, service));
    if (source_account)
        lc_obj_set(a, r->props, "SourceAccount", source_account);
    if (source_arn)
        lc_obj_set(a, r->props, "SourceArn", source_arn);
    lc_stack_use_section(st, "Resources");
    return r->node;
}

lc_value_t *lc_integ_service_statement(lc_app_t *app, const char *action, const char *service,
                                       const lc_value_t *resource, const lc_value_t *condition,
                                       const char *sid)
{
    lc_arena_t *a = app->arena;
    lc_value_t *s = lc_v_obj(a);
    lc_obj_set(a, s, "Action", lc_v_str(a, action));
    if (condition)
        lc_obj_set(a, s, "Condition", condition);
    lc_obj_set(a, s, "Effect", lc_v_str(a, "Allow"));
    lc_value_t *pr = lc_v_obj(a);
    lc_obj_set(a, pr, "Service", lc_v_str(a, service));
    lc_obj_set(a, s, "Principal", pr);
    lc_obj_set(a, s, "Resource", resource);
    if (sid)
        lc_obj_set(a, s, "Sid", lc_v_str(a, sid));
    return s;
}

void lc_integ_queue_add_to_policy(lc_stack_t *st, lc_node_t *queue_node, lc_value_t *statement)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (!queue_node || queue_node->l2_kind != LC_DECL_QUEUE)
        return;   /* imported queue: CDK cannot attach a policy either */
    lc_node_t *pn = lc_node_child(queue_node, "Policy");
    lc_resource_t *pr = pn ? lc_node_resource(pn) : NULL;
    if (!pr) {
        pn = lc_node_new(queue_node, "Policy");
        pr = pn ? lc_resource_new(pn, "Resource", "AWS::SQS::QueuePolicy") : NULL;
        if (!pr)
            return;
        lc_value_t *doc = lc_v_obj(a);
        lc_obj_set(a, doc, "Statement", lc_v_arr(a));
        lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
        lc_obj_set(a, pr->props, "PolicyDocument", doc);
        lc_value_t *queues = lc_v_arr(a);
        lc_arr_push(a, queues, lc_ref(app, queue_node));
        lc_obj_set(a, pr->props, "Queues", queues);
        lc_stack_use_section(st, "Resources");
    }
    lc_value_t *doc = (lc_value_t *)lc_obj_get(pr->props, "PolicyDocument");
    lc_value_t *stmts = (lc_value_t *)lc_obj_get(doc, "Statement");
    for (uint32_t i = 0; i < stmts->u.arr.n; i++)
        if (lc_v_equal(stmts->u.arr.items[i], statement))
            return;
    lc_arr_push(a, stmts, statement);
}

/* ---- durations and schedules ------------------------------------------------------------ */

int64_t lc_integ_seconds(lc_stack_t *st, lc_node_t *at, const char *what, lc_duration_t d)
{
    if (d.ms % 1000)
        lc_error(st->app, at, "DurationNotIntegral",
                 "'%lld ms' cannot be converted into a whole number of seconds (%s)",
                 (long long)d.ms, what);
    return d.ms / 1000;
}

static const char *or_default(const char *x, const char *dflt)
{
    return x ? x : dflt;
}

/* makeRate: "rate(1 day)" / "rate(5 days)" */
static const char *rate_text(lc_arena_t *a, int64_t n, const char *unit)
{
    return n == 1 ? lc_sprintf(a, "rate(1 %s)", unit)
                  : lc_sprintf(a, "rate(%lld %ss)", (long long)n, unit);
}

const char *lc_integ_schedule_expression(lc_stack_t *st, lc_node_t *at, const lc_schedule_t *s)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    switch (s->kind) {
    case LC_SCHEDULE_CRON_:
        if (s->week_day && s->day) {
            lc_error(app, at, "CannotSupplyBothDayAndWeekDay",
                     "Cannot supply both 'day' and 'weekDay', use at most one");
            return NULL;
        }
        if (!s->minute)
            lc_warning(app, at, "@aws-cdk/aws-events:scheduleWillRunEveryMinute",
                       "cron: If you don't pass 'minute', by default the event runs every "
                       "minute. Pass 'minute: '*'' if that's what you intend, or 'minute: 0' "
                       "to run once per hour instead.");
        return lc_sprintf(a, "cron(%s %s %s %s %s %s)", or_default(s->minute, "*"),
                          or_default(s->hour, "*"),
                          or_default(s->day, s->week_day ? "?" : "*"),
                          or_default(s->month, "*"), or_default(s->week_day, "?"),
                          or_default(s->year, "*"));
    case LC_SCHEDULE_RATE_: {
        int64_t ms = s->rate.ms;
        if (ms == 0) {
            lc_error(app, at, "DurationCannotBeZero", "Duration cannot be 0");
            return NULL;
        }
        if (ms % 86400000 == 0)
            return rate_text(a, ms / 86400000, "day");
        if (ms % 3600000 == 0)
            return rate_text(a, ms / 3600000, "hour");
        if (ms % 60000) {
            lc_error(app, at, "DurationNotIntegral",
                     "'%lld ms' cannot be converted into a whole number of minutes.",
                     (long long)ms);
            return NULL;
        }
        return rate_text(a, ms / 60000, "minute");
    }
    case LC_SCHEDULE_EXPRESSION_:
        if (!s->expression || !*s->expression) {
            lc_error(app, at, "ScheduleExpressionRequired", "a schedule expression is empty");
            return NULL;
        }
        return s->expression;
    default:
        return NULL;
    }
}
