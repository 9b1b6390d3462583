/* alarm.c - cloudwatch.Alarm on a function metric (fn.metricDuration(), ...).
 *
 * The README's "Function Timeout" example alarms on the maximum duration reaching the
 * function's timeout; this renders what aws-cdk-lib's Alarm renders for such a metric:
 * namespace AWS/Lambda, the FunctionName dimension, a 300 s default period, and a
 * percentile statistic as ExtendedStatistic.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <lambdac/aws.h>
#include <lambdac/synth.h>

#include "internal.h"

lc_node_t *lc_alarm_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_alarm_t *ad = (const lc_alarm_t *)d;
    const lc_alarm_props_t *p = &ad->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_node_t *fn = p->metric.function ? lc_expand(st, p->metric.function) : NULL;
    if (!fn || !p->metric.metric_name) {
        lc_error(app, n, "AlarmMetricRequired", "Alarm requires a function metric");
        return n;
    }
    if (p->evaluation_periods < 1)
        lc_error(app, n, "EvaluationPeriodsRequired", "Alarm requires 'evaluation_periods' >= 1");
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::CloudWatch::Alarm");
    if (!r)
        return n;
    lc_stack_use_section(st, "Resources");
    lc_value_t *o = r->props;
    if (p->alarm_description)
        lc_obj_set(a, o, "AlarmDescription", lc_v_str(a, p->alarm_description));
    if (p->alarm_name)
        lc_obj_set(a, o, "AlarmName", lc_v_str(a, p->alarm_name));
    lc_obj_set(a, o, "ComparisonOperator",
               lc_v_str(a, p->comparison_operator ? p->comparison_operator
                                                  : "GreaterThanOrEqualToThreshold"));
    if (p->datapoints_to_alarm)
        lc_obj_set(a, o, "DatapointsToAlarm", lc_v_int(a, p->datapoints_to_alarm));
    lc_value_t *dim = lc_v_obj(a);
    lc_obj_set(a, dim, "Name", lc_v_str(a, "FunctionName"));
    lc_obj_set(a, dim, "Value", lc_ref(app, fn));
    lc_value_t *dims = lc_v_arr(a);
    lc_arr_push(a, dims, dim);
    lc_obj_set(a, o, "Dimensions", dims);
    lc_obj_set(a, o, "EvaluationPeriods", lc_v_int(a, p->evaluation_periods));
    const char *stat = p->metric.statistic ? p->metric.statistic : "Average";
    /* percentiles (p99, p99.9, tm90, ...) go to ExtendedStatistic */
    size_t sl = strlen(stat);
    int extended = (sl > 1 && stat[0] == 'p' && isdigit((unsigned char)stat[1])) ||
                   (sl > 2 && (stat[0] == 't' || stat[0] == 'w') && isdigit((unsigned char)stat[2]));
    if (extended)
        lc_obj_set(a, o, "ExtendedStatistic", lc_v_str(a, stat));
    lc_obj_set(a, o, "MetricName", lc_v_str(a, p->metric.metric_name));
    lc_obj_set(a, o, "Namespace", lc_v_str(a, "AWS/Lambda"));
    int64_t period = p->metric.period.set ? p->metric.period.ms / 1000 : 300;
    lc_obj_set(a, o, "Period", lc_v_int(a, period));
    if (!extended)
        lc_obj_set(a, o, "Statistic", lc_v_str(a, stat));
    double t = p->threshold;
    if (t == (double)(int64_t)t)
        lc_obj_set(a, o, "Threshold", lc_v_int(a, (int64_t)t));
    else
        lc_obj_set(a, o, "Threshold", lc_v_num(a, t));
    static const char *const tmd[] = { NULL, "breaching", "notBreaching", "ignore", "missing" };
    if (p->treat_missing_data)
        lc_obj_set(a, o, "TreatMissingData", lc_v_str(a, tmd[p->treat_missing_data]));
    return n;
}
