/* autoscaling.c - alias.addAutoScaling(): provisioned concurrency that follows
 * utilization or a schedule.
 *
 * aws-cdk-lib builds it from application-autoscaling parts under the alias:
 *   <alias>/ScalingRole                 the service-linked role, imported by ARN
 *   <alias>/AliasScaling                ScalableFunctionAttribute
 *   <alias>/AliasScaling/Target         ScalableTarget (Resource), scheduled actions inline
 *   <alias>/AliasScaling/Target/Tracking  TargetTrackingScalingPolicy (scaleOnUtilization)
 * The ScalableTarget's ResourceId is "function:<function name>:<alias name>" where the
 * function name is cut out of the alias ARN (Fn::Select 6 of Fn::Split ":").  Checks and
 * messages are aws-cdk-lib's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "integ.h"

static lc_value_t *resource_id(lc_app_t *app, lc_node_t *alias, const char *alias_name)
{
    lc_arena_t *a = app->arena;
    lc_value_t *split_args = lc_v_arr(a);
    lc_arr_push(a, split_args, lc_v_str(a, ":"));
    lc_arr_push(a, split_args, lc_ref(app, alias));
    lc_value_t *sel_args = lc_v_arr(a);
    lc_arr_push(a, sel_args, lc_v_int(a, 6));
    lc_arr_push(a, sel_args, lc_fn(a, "Fn::Split", split_args));
    lc_integ_concat_t c;
    lc_integ_concat_init(&c, app);
    lc_integ_concat_str(&c, "function:");
    lc_integ_concat_val(&c, lc_fn(a, "Fn::Select", sel_args));
    lc_integ_concat_str(&c, ":");
    lc_integ_concat_str(&c, alias_name);
    return lc_integ_concat_end(&c);
}

static void scheduled_action(lc_stack_t *st, lc_node_t *target, lc_value_t *actions,
                             const lc_scaling_schedule_t *s)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (!s->min_capacity.set && !s->max_capacity.set) {
        lc_error(app, target, "SupplyLeastOneMinCapacity",
                 "You must supply at least one of minCapacity or maxCapacity, got {}");
        return;
    }
    const char *expr = lc_integ_schedule_expression(st, target, &s->schedule);
    if (!expr)
        return;
    lc_value_t *o = lc_v_obj(a);
    if (s->end_time)
        lc_obj_set(a, o, "EndTime", lc_v_str(a, s->end_time));
    lc_value_t *act = lc_v_obj(a);
    if (s->max_capacity.set)
        lc_obj_set(a, act, "MaxCapacity", lc_v_int(a, s->max_capacity.v));
    if (s->min_capacity.set)
        lc_obj_set(a, act, "MinCapacity", lc_v_int(a, s->min_capacity.v));
    lc_obj_set(a, o, "ScalableTargetAction", act);
    lc_obj_set(a, o, "Schedule", lc_v_str(a, expr));
    lc_obj_set(a, o, "ScheduledActionName", lc_v_str(a, s->id ? s->id : ""));
    if (s->start_time)
        lc_obj_set(a, o, "StartTime", lc_v_str(a, s->start_time));
    if (s->time_zone)
        lc_obj_set(a, o, "Timezone", lc_v_str(a, s->time_zone));
    lc_arr_push(a, actions, o);
}

lc_node_t *lc_alias_autoscaling_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_alias_autoscaling_props_t *p = &((const lc_alias_autoscaling_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    (void)scope;
    if (!p->alias) {
        lc_error_at(app, d->loc, d->id, "AutoScalingAliasRequired",
                    "autoscaling needs '.alias' (an LC_ALIAS / LC_ADD_ALIAS declaration)");
        return NULL;
    }
    lc_node_t *alias = lc_expand(st, p->alias);
    if (!alias)
        return NULL;
    if (lc_node_child(alias, "AliasScaling")) {
        lc_error_at(app, d->loc, lc_sprintf(a, "%s/%s", st->name, lc_node_path(alias)),
                    "AutoScalingAlreadyEnabledAlias",
                    "AutoScaling already enabled for this alias");
        return NULL;
    }
    const char *alias_name = p->alias->p.alias_name ? p->alias->p.alias_name : "";
    int64_t min = p->min_capacity.set ? p->min_capacity.v : 1;
    if (!p->max_capacity.set) {
        lc_error_at(app, d->loc, d->id, "MaxCapacityRequired",
                    "autoscaling needs '.max_capacity'");
        return NULL;
    }
    int64_t max = p->max_capacity.v;

    /* the alias's service-linked scaling role (an import: a node, no resource) */
    if (!lc_node_child(alias, "ScalingRole"))
        lc_node_new(alias, "ScalingRole");
    lc_node_t *attr = lc_node_new(alias, "AliasScaling");
    if (!attr)
        return NULL;
    attr->decl = d;
    attr->loc = d->loc;
    /* new ScalableTarget(attr, "Target", ...): checks against its scope */
    int ok = 1;
    if (max < 0) {
        lc_error(app, attr, "MaxCapacityCannotNegative",
                 "maxCapacity cannot be negative, got: %lld", (long long)max);
        ok = 0;
    }
    if (min < 0) {
        lc_error(app, attr, "MinCapacityCannotNegative",
                 "minCapacity cannot be negative, got: %lld", (long long)min);
        ok = 0;
    }
    if (ok && max < min) {
        lc_error(app, attr, "MinCapacity", "minCapacity (%lld) should be lower than maxCapacity (%lld)",
                 (long long)min, (long long)max);
        ok = 0;
    }
    if (!ok)
        return attr;
    lc_node_t *tn = lc_node_new(attr, "Target");
    lc_resource_t *t = tn ? lc_resource_new(tn, "Resource", "AWS::ApplicationAutoScaling::ScalableTarget") : NULL;
    if (!t)
        return attr;
    lc_stack_use_section(st, "Resources");
    lc_obj_set(a, t->props, "MaxCapacity", lc_v_int(a, max));
    lc_obj_set(a, t->props, "MinCapacity", lc_v_int(a, min));
    lc_obj_set(a, t->props, "ResourceId", resource_id(app, alias, alias_name));
    lc_obj_set(a, t->props, "RoleARN",
               lc_integ_format_arn(st, "iam", "", NULL,
                                   "role/aws-service-role/lambda.application-autoscaling.amazonaws.com",
                                   "/", lc_v_str(a, "AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency")));
    lc_obj_set(a, t->props, "ScalableDimension", lc_v_str(a, "lambda:function:ProvisionedConcurrency"));
    lc_obj_set(a, t->props, "ServiceNamespace", lc_v_str(a, "lambda"));

    /* scaleOnUtilization */
    if (p->utilization_target != 0) {
        if (p->utilization_target < 0.1 || p->utilization_target > 0.9) {
            lc_error(app, attr, "UtilizationTargetFound",
                     "Utilization Target should be between 0.1 and 0.9. Found %g.",
                     p->utilization_target);
        } else {
            lc_node_t *pn = lc_node_new(tn, "Tracking");
            lc_resource_t *pol = pn ? lc_resource_new(pn, "Resource", "AWS::ApplicationAutoScaling::ScalingPolicy") : NULL;
            if (pol) {
                lc_obj_set(a, pol->props, "PolicyName", lc_v_str(a, lc_integ_unique_id(app, pn)));
                lc_obj_set(a, pol->props, "PolicyType", lc_v_str(a, "TargetTrackingScaling"));
                lc_obj_set(a, pol->props, "ScalingTargetId", lc_ref(app, tn));
                lc_value_t *cfg = lc_v_obj(a), *pm = lc_v_obj(a);
                if (p->disable_scale_in)
                    lc_obj_set(a, cfg, "DisableScaleIn", lc_v_bool(a, p->disable_scale_in == LC_TRUE));
                lc_obj_set(a, pm, "PredefinedMetricType",
                           lc_v_str(a, "LambdaProvisionedConcurrencyUtilization"));
                lc_obj_set(a, cfg, "PredefinedMetricSpecification", pm);
                if (p->scale_in_cooldown.set)
                    lc_obj_set(a, cfg, "ScaleInCooldown",
                               lc_v_int(a, lc_integ_seconds(st, pn, "scale_in_cooldown", p->scale_in_cooldown)));
                if (p->scale_out_cooldown.set)
                    lc_obj_set(a, cfg, "ScaleOutCooldown",
                               lc_v_int(a, lc_integ_seconds(st, pn, "scale_out_cooldown", p->scale_out_cooldown)));
                lc_obj_set(a, cfg, "TargetValue", lc_v_num(a, p->utilization_target));
                lc_obj_set(a, pol->props, "TargetTrackingScalingPolicyConfiguration", cfg);
            }
        }
    }
    /* scaleOnSchedule, in the order given */
    if (p->nschedules) {
        lc_value_t *actions = lc_v_arr(a);
        for (size_t i = 0; i < p->nschedules; i++)
            scheduled_action(st, tn, actions, p->schedules[i]);
        if (actions->u.arr.n)
            lc_obj_set(a, t->props, "ScheduledActions", actions);
    }
    return attr;
}
