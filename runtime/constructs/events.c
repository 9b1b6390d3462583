/* events.c - events.Rule with targets.LambdaFunction targets.
 *
 * A rule is an AWS::Events::Rule ("<Rule>/Resource") whose Targets are "Target0",
 * "Target1", ... in addTarget order.  Binding a Lambda target lets EventBridge invoke the
 * function: a permission "AllowEventRule<unique id of the function>" created under the
 * rule (aws-cdk-lib puts it there when the rule is a construct, so the function's own
 * subtree does not change when rules come and go), once per rule and function.  A
 * target's dead-letter queue gets a resource-policy statement "AllowEventRule<unique id
 * of the rule>" that lets the rule send to it.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <lambdac/writer.h>

#include "integ.h"

static int valid_rule_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-' && *s != '_')
            return 0;
    return 1;
}

/* renderEventPattern: keys as given, except detailType -> detail-type. */
static lc_value_t *event_pattern(lc_arena_t *a, const lc_value_t *pat)
{
    lc_value_t *out = lc_v_obj(a);
    for (uint32_t i = 0; i < pat->u.obj.n; i++) {
        const char *k = pat->u.obj.m[i].key;
        lc_obj_set(a, out, strcmp(k, "detailType") == 0 ? "detail-type" : k, pat->u.obj.m[i].val);
    }
    return out;
}

static lc_value_t *lambda_target(lc_stack_t *st, lc_node_t *rule, const lc_lambda_target_t *t,
                                 size_t index)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_function_state_t *fs = t->function ? lc_function_state(lc_expand(st, t->function)) : NULL;
    if (!fs) {
        lc_error(app, rule, "RuleTargetFunctionRequired", "target %zu needs a function", index);
        return NULL;
    }
    lc_value_t *rule_arn = lc_getatt(app, rule, "Arn");
    /* addLambdaPermission: under the rule, named after the function */
    lc_integ_add_permission(fs, rule,
                            lc_sprintf(a, "AllowEventRule%s", lc_integ_unique_id(app, fs->node)),
                            "events.amazonaws.com", rule_arn, NULL);
    lc_value_t *tj = lc_v_obj(a);
    lc_obj_set(a, tj, "Arn", lc_getatt(app, fs->node, "Arn"));
    lc_obj_set(a, tj, "Id", lc_v_strfmt(a, "Target%zu", index));
    if (t->dead_letter_queue) {
        lc_node_t *q = lc_expand(st, t->dead_letter_queue);
        if (q) {
            lc_value_t *cond = lc_v_obj(a), *arneq = lc_v_obj(a);
            lc_obj_set(a, arneq, "aws:SourceArn", rule_arn);
            lc_obj_set(a, cond, "ArnEquals", arneq);
            lc_integ_queue_add_to_policy(
                st, q, lc_integ_service_statement(
                           app, "sqs:SendMessage", "events.amazonaws.com", lc_getatt(app, q, "Arn"),
                           cond, lc_sprintf(a, "AllowEventRule%s", lc_integ_unique_id(app, rule))));
            lc_value_t *dlc = lc_v_obj(a);
            lc_obj_set(a, dlc, "Arn", lc_getatt(app, q, "Arn"));
            lc_obj_set(a, tj, "DeadLetterConfig", dlc);
        }
    }
    if (t->event) {
        lc_sink_t s = { 0 };
        lc_resolver_t r = lc_stack_resolver(st);
        lc_write_json(&s, t->event, LC_JSON_COMPACT, &r);
        lc_obj_set(a, tj, "Input", lc_v_strdup(a, lc_sink_cstr(&s)));
        lc_sink_fini(&s);
    }
    /* bindBaseTargetConfig: a retry policy when attempts >= 0 or a maximum age is set */
    if ((t->retry_attempts.set && t->retry_attempts.v >= 0) || t->max_event_age.set) {
        lc_value_t *rp = lc_v_obj(a);
        if (t->max_event_age.set)
            lc_obj_set(a, rp, "MaximumEventAgeInSeconds",
                       lc_v_int(a, lc_integ_seconds(st, rule, "max_event_age", t->max_event_age)));
        if (t->retry_attempts.set)
            lc_obj_set(a, rp, "MaximumRetryAttempts", lc_v_int(a, t->retry_attempts.v));
        lc_obj_set(a, tj, "RetryPolicy", rp);
    }
    return tj;
}

lc_node_t *lc_event_rule_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_event_rule_props_t *p = &((const lc_event_rule_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    /* validateRule */
    if (p->rule_name) {
        size_t len = strlen(p->rule_name);
        if (len < 1 || len > 64)
            lc_error(app, n, "RuleNameLength",
                     "Event rule name must be between 1 and 64 characters. Received: %s",
                     p->rule_name);
        if (!valid_rule_name(p->rule_name))
            lc_error(app, n, "RuleNameFormat",
                     "Event rule name %s can contain only letters, numbers, periods, hyphens, or "
                     "underscores with no spaces.", p->rule_name);
    }
    int has_pattern = p->event_pattern && p->event_pattern->kind == LC_V_OBJ &&
                      p->event_pattern->u.obj.n > 0;
    if (!has_pattern && !p->schedule.kind)
        lc_error(app, n, "RulePatternOrSchedule",
                 "Either 'eventPattern' or 'schedule' must be defined");
    if (p->ntargets > 5)
        lc_error(app, n, "RuleTooManyTargets", "Event rule cannot have more than 5 targets.");

    const char *expr = p->schedule.kind ? lc_integ_schedule_expression(st, n, &p->schedule) : NULL;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Events::Rule");
    if (!r)
        return n;
    lc_stack_use_section(st, "Resources");
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    if (has_pattern)
        lc_obj_set(a, r->props, "EventPattern", event_pattern(a, p->event_pattern));
    if (p->rule_name)
        lc_obj_set(a, r->props, "Name", lc_v_str(a, p->rule_name));
    if (expr)
        lc_obj_set(a, r->props, "ScheduleExpression", lc_v_str(a, expr));
    lc_obj_set(a, r->props, "State", lc_v_str(a, p->enabled == LC_FALSE ? "DISABLED" : "ENABLED"));
    if (p->ntargets) {
        lc_value_t *targets = lc_v_arr(a);
        for (size_t i = 0; i < p->ntargets; i++) {
            lc_value_t *tj = lambda_target(st, n, p->targets[i], i);
            if (tj)
                lc_arr_push(a, targets, tj);
        }
        lc_obj_set(a, r->props, "Targets", targets);
    }
    return n;
}
