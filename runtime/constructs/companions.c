/* companions.c - sqs.Queue, sns.Topic, logs.LogGroup and imported resources.
 *
 * Each renders what aws-cdk-lib's construct of the same name renders for the props we
 * support: e.g. an sqs.Queue always carries UpdateReplacePolicy/DeletionPolicy "Delete"
 * (its default removal policy is DESTROY), a LogGroup defaults to RETAIN and to two years
 * of retention.  Imports create a node (so construct ids stay unique, as in CDK) but no
 * resource.
 */
#include "config.h"

#include <string.h>

#include <lambdac/aws.h>
#include <lambdac/synth.h>

#include "internal.h"

static void set_removal(lc_resource_t *r, lc_removal_policy_t p, lc_removal_policy_t dflt)
{
    if (p == LC_REMOVAL__DEFAULT)
        p = dflt;
    switch (p) {
    case LC_REMOVAL_RETAIN:
        r->update_replace_policy = r->deletion_policy = "Retain";
        break;
    case LC_REMOVAL_SNAPSHOT:
        r->update_replace_policy = r->deletion_policy = "Snapshot";
        break;
    case LC_REMOVAL_RETAIN_ON_UPDATE_OR_DELETE:
        r->update_replace_policy = r->deletion_policy = "RetainExceptOnCreate";
        break;
    case LC_REMOVAL_DESTROY:
    default:
        r->update_replace_policy = r->deletion_policy = "Delete";
        break;
    }
}

void lc_resource_set_removal_policy(lc_resource_t *r, int policy, int dflt)
{
    set_removal(r, (lc_removal_policy_t)policy, (lc_removal_policy_t)dflt);
}

/* Durations that CloudFormation wants in whole seconds: CDK's toSeconds() refuses a
 * fractional result. */
static int whole_seconds(lc_stack_t *st, lc_node_t *n, const char *what, lc_duration_t d,
                         int64_t *out)
{
    if (d.ms % 1000) {
        lc_error(st->app, n, "DurationNotIntegral",
                 "'%lld ms' cannot be converted into a whole number of seconds (%s)",
                 (long long)d.ms, what);
        return 0;
    }
    *out = d.ms / 1000;
    return 1;
}

lc_node_t *lc_queue_create(lc_stack_t *st, lc_node_t *scope, const char *id,
                           const lc_queue_props_t *p)
{
    lc_node_t *n = scope;
    if (id) {
        n = lc_node_new(scope, id);
        if (!n)
            return NULL;
    }
    lc_arena_t *a = st->app->arena;
    n->l2_kind = LC_DECL_QUEUE;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::SQS::Queue");
    if (!r)
        return NULL;
    set_removal(r, LC_REMOVAL__DEFAULT, LC_REMOVAL_DESTROY);
    int64_t s;
    if (p->retention_period.set && whole_seconds(st, n, "retention_period", p->retention_period, &s))
        lc_obj_set(a, r->props, "MessageRetentionPeriod", lc_v_int(a, s));
    if (p->visibility_timeout.set && whole_seconds(st, n, "visibility_timeout", p->visibility_timeout, &s))
        lc_obj_set(a, r->props, "VisibilityTimeout", lc_v_int(a, s));
    if (p->queue_name)
        lc_obj_set(a, r->props, "QueueName", lc_v_str(a, p->queue_name));
    if (p->fifo)
        lc_obj_set(a, r->props, "FifoQueue", lc_v_bool(a, true));
    lc_stack_use_section(st, "Resources");
    return n;
}

lc_node_t *lc_queue_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_queue_t *q = (const lc_queue_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    return lc_queue_create(st, n, NULL, &q->p);
}

lc_node_t *lc_topic_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_topic_t *t = (const lc_topic_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_arena_t *a = st->app->arena;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::SNS::Topic");
    if (!r)
        return NULL;
    if (t->p.topic_name)
        lc_obj_set(a, r->props, "TopicName", lc_v_str(a, t->p.topic_name));
    if (t->p.display_name)
        lc_obj_set(a, r->props, "DisplayName", lc_v_str(a, t->p.display_name));
    lc_stack_use_section(st, "Resources");
    return n;
}

lc_node_t *lc_log_group_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_log_group_t *g = (const lc_log_group_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_arena_t *a = st->app->arena;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Logs::LogGroup");
    if (!r)
        return NULL;
    if (g->p.log_group_name)
        lc_obj_set(a, r->props, "LogGroupName", lc_v_str(a, g->p.log_group_name));
    int days = g->p.retention_days ? g->p.retention_days : 731;   /* RetentionDays.TWO_YEARS */
    if (days > 0)
        lc_obj_set(a, r->props, "RetentionInDays", lc_v_int(a, days));
    set_removal(r, g->p.removal_policy, LC_REMOVAL_RETAIN);
    lc_stack_use_section(st, "Resources");
    return n;
}

lc_node_t *lc_import_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    return lc_decl_new_node(st, scope, d);
}
