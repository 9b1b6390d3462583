/* integ.h - helpers shared by the integration constructs (not installed): layer facts,
 * event sources, events rules, autoscaling, log retention, profiling.
 */
#ifndef LAMBDAC_CONSTRUCTS_INTEG_H
#define LAMBDAC_CONSTRUCTS_INTEG_H

#include <lambdac/integrations.h>
#include <lambdac/synth.h>

#include "internal.h"

/* Names.uniqueId(node): the logical-id form of the node's full path, stack id included
 * ("reventsourcesQueueC27889F2").  Arena-owned. */
const char *lc_integ_unique_id(lc_app_t *app, const lc_node_t *n);

/* String concatenation with tokens, as aws-cdk-lib resolves "a${token}b": adjacent
 * literals merge, empty literals vanish; one literal gives a string, one value alone
 * gives that value, anything else {"Fn::Join": ["", [...]]}. */
typedef struct lc_integ_concat {
    lc_app_t *app;
    lc_value_t *parts;
    lc_sink_t lit;               /* pending literal */
} lc_integ_concat_t;
void lc_integ_concat_init(lc_integ_concat_t *c, lc_app_t *app);
void lc_integ_concat_str(lc_integ_concat_t *c, const char *s);
void lc_integ_concat_val(lc_integ_concat_t *c, const lc_value_t *v);
lc_value_t *lc_integ_concat_end(lc_integ_concat_t *c);

/* Stack.formatArn({service, resource, resourceName, arnFormat}) for this stack:
 * "arn:${Partition}:<service>:<region>:<account>:<resource><sep><name>" with the
 * stack's region / account literal when pinned, the pseudo parameters otherwise.
 * `region` NULL means the stack's region, "" means none (IAM, S3).  `name` may be a
 * value (a Ref). */
lc_value_t *lc_integ_format_arn(lc_stack_t *st, const char *service, const char *region,
                                const char *account, const char *resource, const char *sep,
                                const lc_value_t *name);

/* The stack's region as a value: the literal when pinned, {"Ref": "AWS::Region"}. */
lc_value_t *lc_integ_region_value(lc_stack_t *st);

/* fn.addPermission(id, {principal: <service>, sourceArn, sourceAccount, scope}): an
 * AWS::Lambda::Permission "id" under `scope` (the function when NULL) that lets the
 * service invoke the function.  Returns the permission's node, or the existing one when
 * `scope` already has a child `id` (CDK's idempotent bindings). */
lc_node_t *lc_integ_add_permission(lc_function_state_t *fs, lc_node_t *scope, const char *id,
                                   const char *service, const lc_value_t *source_arn,
                                   const lc_value_t *source_account);

/* queue.addToResourcePolicy(statement): appends to the queue's "Policy" (an
 * AWS::SQS::QueuePolicy created on first use).  `queue_node` is a queue of the stack;
 * imported queues have no policy (nothing is written, as CDK). */
void lc_integ_queue_add_to_policy(lc_stack_t *st, lc_node_t *queue_node, lc_value_t *statement);

/* A statement with a service principal: {Action, Condition, Effect, Principal, Resource,
 * Sid}. */
lc_value_t *lc_integ_service_statement(lc_app_t *app, const char *action, const char *service,
                                       const lc_value_t *resource, const lc_value_t *condition,
                                       const char *sid);

/* The expression of a schedule (events and application-autoscaling agree on cron, rate
 * and expression); reports CDK's errors against `at`.  NULL on error. */
const char *lc_integ_schedule_expression(lc_stack_t *st, lc_node_t *at, const lc_schedule_t *s);

/* Whole seconds of a duration, reporting DurationNotIntegral against `at`. */
int64_t lc_integ_seconds(lc_stack_t *st, lc_node_t *at, const char *what, lc_duration_t d);

/* The custom-resource handlers lambdac ships instead of aws-cdk-lib's (handlers.c). */
extern const char lc_integ_s3_notifications_handler_py[];
extern const char lc_integ_log_retention_handler_js[];

/* Legacy log retention of a function (log_retention.c). */
void lc_integ_log_retention(lc_function_state_t *fs);

/* What sources.c knows about a source node: the ARN of an imported queue / stream / a
 * table / bucket / secret / parameter (NULL for nodes of other constructs), a table's
 * stream ARN (NULL when streams are off), and stream.grantRead / table.grantStreamRead
 * of a table or imported stream to the function's role. */
const lc_value_t *lc_integ_source_arn(lc_node_t *n);
const lc_value_t *lc_integ_table_stream_arn(lc_node_t *n);
void lc_integ_grant_stream_read(lc_function_state_t *fs, lc_node_t *source);

#endif
