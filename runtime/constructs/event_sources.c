/* event_sources.c - fn.addEventSource(...) for SQS, DynamoDB streams, Kinesis, S3 and SNS.
 *
 * Each declaration does what the aws-lambda-event-sources class does when bound to a
 * function, in the same order (statement order in the role's DefaultPolicy and creation
 * order follow it):
 *   SQS      EventSourceMapping "SqsEventSource:<uid(queue)>", then grantConsumeMessages;
 *   DynamoDB / Kinesis
 *            the on-failure destination's grant (inside the mapping's constructor), the
 *            mapping "DynamoDBEventSource:<uid(table)>" / "KinesisEventSource:<uid>", then
 *            grantStreamRead / grantRead;
 *   S3       per event: the bucket's notifications resource (created once, with the
 *            stack's notifications handler and the handler's policy), the permission
 *            "AllowBucketNotificationsTo<uid(fn)>" under the bucket, and one
 *            LambdaFunctionConfigurations entry;
 *   SNS      the permission "AllowInvoke:<uid(topic)>" and the Subscription <topic id>
 *            under the function.
 * uid(x) is Names.nodeUniqueId, the logical-id form of x's full path.  Validation
 * messages and codes are aws-cdk-lib's.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/writer.h>

#include "access-internal.h"
#include "integ.h"

#define NOTIFICATIONS_HANDLER_ID "BucketNotificationsHandler050a0587b7544547bf325f094a3db834"

/* An error about construct `at` (CDK's scope: the queue, the table, ...), reported at the
 * declaration the user wrote (d), since `at` may be declared elsewhere. */
static void err(lc_stack_t *st, const lc_decl_t *d, const lc_node_t *at, const char *code,
                const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
static void err(lc_stack_t *st, const lc_decl_t *d, const lc_node_t *at, const char *code,
                const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lc_error_at(st->app, d->loc, lc_sprintf(st->app->arena, "%s/%s", st->name, lc_node_path(at)),
                code, "%s", msg);
}

/* The function a source binds to, or NULL after an error naming the declaration. */
static lc_function_state_t *target(lc_stack_t *st, const lc_decl_t *d, const lc_function_t *fn)
{
    if (!fn) {
        lc_error_at(st->app, d->loc, d->id, "EventSourceFunctionRequired",
                    "an event source needs '.function'");
        return NULL;
    }
    return lc_function_state(lc_expand(st, fn));
}

static lc_node_t *source_node(lc_stack_t *st, const lc_decl_t *d, const lc_decl_t *src,
                              const char *what)
{
    if (!src) {
        lc_error_at(st->app, d->loc, d->id, "EventSourceRequired",
                    "an event source needs its %s", what);
        return NULL;
    }
    return lc_expand(st, src);
}

/* Duration.toHumanString: "5 minutes 1 second" */
static const char *human(lc_arena_t *a, lc_duration_t d)
{
    static const struct { int64_t ms; const char *unit; } u[] = {
        { 86400000, "day" }, { 3600000, "hour" }, { 60000, "minute" }, { 1000, "second" },
        { 1, "milli" } };
    lc_sink_t s = { 0 };
    int64_t left = d.ms;
    for (size_t i = 0; i < sizeof u / sizeof *u; i++) {
        int64_t k = left / u[i].ms;
        left %= u[i].ms;
        if (k)
            lc_sink_printf(&s, "%s%lld %s%s", s.len ? " " : "", (long long)k, u[i].unit,
                           k == 1 ? "" : "s");
    }
    if (!s.len)
        lc_sink_puts(&s, "0 seconds");
    char *r = lc_strdup(a, lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return r;
}

/* FilterCriteria: {"Filters": [{"Pattern": "<compact JSON>"}, ...]} */
static lc_value_t *filter_criteria(lc_stack_t *st, lc_node_t *at, const lc_value_list_t *f)
{
    lc_arena_t *a = st->app->arena;
    lc_value_t *filters = lc_v_arr(a);
    for (size_t i = 0; i < f->n; i++) {
        lc_sink_t s = { 0 };
        lc_resolver_t r = lc_stack_resolver(st);
        if (lc_write_json(&s, f->items[i], LC_JSON_COMPACT, &r) != 0)
            lc_error(st->app, at, "InvalidFilterPattern", "filter %zu cannot be written as JSON", i);
        lc_value_t *o = lc_v_obj(a);
        lc_obj_set(a, o, "Pattern", lc_v_strdup(a, lc_sink_cstr(&s)));
        lc_sink_fini(&s);
        lc_arr_push(a, filters, o);
    }
    lc_value_t *fc = lc_v_obj(a);
    lc_obj_set(a, fc, "Filters", filters);
    return fc;
}

/* The options EventSourceMapping validates and renders (a superset of every source). */
typedef struct esm_options {
    lc_srcloc_t loc;                        /* the declaration (errors point there) */
    const lc_value_t *arn;
    int batch_size;
    lc_opt_bool_t bisect;
    lc_opt_bool_t enabled;
    lc_starting_position_t starting_position;
    double starting_position_timestamp;
    bool report_batch_item_failures;
    lc_duration_t max_batching_window;
    lc_duration_t max_record_age;
    lc_opt_int_t retry_attempts;
    int parallelization_factor;
    lc_duration_t tumbling_window;
    int max_concurrency;
    const lc_value_list_t *filters;
    const lc_value_t *on_failure;           /* destination ARN */
} esm_options_t;

/* new EventSourceMapping(fn, id, {...}): its checks, then the resource. */
static lc_node_t *event_source_mapping(lc_function_state_t *fs, const char *id,
                                       const esm_options_t *o)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_new_at(fs->node, id, o->loc);
    if (!n)
        return NULL;
    n->loc = o->loc;
    int ok = 1;
    if (o->max_batching_window.set && o->max_batching_window.ms > 300000) {
        lc_error(app, n, "MaxBatchingWindowCannotSeconds",
                 "maxBatchingWindow cannot be over 300 seconds, got %lld",
                 (long long)(o->max_batching_window.ms / 1000));
        ok = 0;
    }
    if (o->max_concurrency && (o->max_concurrency < 2 || o->max_concurrency > 1000)) {
        lc_error(app, n, "MaxConcurrencyConcurrentInstances",
                 "maxConcurrency must be between 2 and 1000 concurrent instances");
        ok = 0;
    }
    if (o->max_record_age.set &&
        (o->max_record_age.ms < 60000 || o->max_record_age.ms > 7 * 86400000LL)) {
        lc_error(app, n, "MaxRecordAgeSecondsDays",
                 "maxRecordAge must be between 60 seconds and 7 days inclusive");
        ok = 0;
    }
    if (o->retry_attempts.set && !(o->retry_attempts.v == -1 ||
                                   (o->retry_attempts.v >= 0 && o->retry_attempts.v <= 10000))) {
        lc_error(app, n, "RetryAttemptsInfiniteInclusive",
                 "retryAttempts must be -1 (for infinite) or between 0 and 10000 inclusive, got %lld",
                 (long long)o->retry_attempts.v);
        ok = 0;
    }
    if (o->parallelization_factor && (o->parallelization_factor < 1 || o->parallelization_factor > 10)) {
        lc_error(app, n, "ParallelizationFactorInclusive",
                 "parallelizationFactor must be between 1 and 10 inclusive, got %d",
                 o->parallelization_factor);
        ok = 0;
    }
    if (o->tumbling_window.set && o->tumbling_window.ms > 900000) {
        lc_error(app, n, "TumblingWindowCannotSeconds",
                 "tumblingWindow cannot be over 900 seconds, got %lld",
                 (long long)(o->tumbling_window.ms / 1000));
        ok = 0;
    }
    if (o->starting_position == LC_STARTING_POSITION_AT_TIMESTAMP && !o->starting_position_timestamp) {
        lc_error(app, n, "StartingPositionTimestampProvidedStarting",
                 "startingPositionTimestamp must be provided when startingPosition is AT_TIMESTAMP");
        ok = 0;
    }
    if (o->starting_position != LC_STARTING_POSITION_AT_TIMESTAMP && o->starting_position_timestamp) {
        lc_error(app, n, "StartingPositionTimestampStartingPosition",
                 "startingPositionTimestamp can only be used when startingPosition is AT_TIMESTAMP");
        ok = 0;
    }
    if (!ok)
        return n;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::EventSourceMapping");
    if (!r)
        return n;
    lc_value_t *p = r->props;
    if (o->batch_size)
        lc_obj_set(a, p, "BatchSize", lc_v_int(a, o->batch_size));
    if (o->bisect)
        lc_obj_set(a, p, "BisectBatchOnFunctionError", lc_v_bool(a, o->bisect == LC_TRUE));
    if (o->on_failure) {
        lc_value_t *dest = lc_v_obj(a), *dc = lc_v_obj(a);
        lc_obj_set(a, dest, "Destination", o->on_failure);
        lc_obj_set(a, dc, "OnFailure", dest);
        lc_obj_set(a, p, "DestinationConfig", dc);
    }
    if (o->enabled)
        lc_obj_set(a, p, "Enabled", lc_v_bool(a, o->enabled == LC_TRUE));
    lc_obj_set(a, p, "EventSourceArn", o->arn);
    lc_obj_set(a, p, "FunctionName", lc_ref(app, fs->node));
    if (o->starting_position) {
        static const char *const sp[] = { NULL, "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP" };
        lc_obj_set(a, p, "StartingPosition", lc_v_str(a, sp[o->starting_position]));
    }
    if (o->starting_position_timestamp)
        lc_obj_set(a, p, "StartingPositionTimestamp", lc_v_num(a, o->starting_position_timestamp));
    if (o->report_batch_item_failures) {
        lc_value_t *t = lc_v_arr(a);
        lc_arr_push(a, t, lc_v_str(a, "ReportBatchItemFailures"));
        lc_obj_set(a, p, "FunctionResponseTypes", t);
    }
    if (o->max_batching_window.set)
        lc_obj_set(a, p, "MaximumBatchingWindowInSeconds",
                   lc_v_int(a, lc_integ_seconds(st, n, "max_batching_window", o->max_batching_window)));
    if (o->max_record_age.set)
        lc_obj_set(a, p, "MaximumRecordAgeInSeconds",
                   lc_v_int(a, lc_integ_seconds(st, n, "max_record_age", o->max_record_age)));
    if (o->retry_attempts.set)
        lc_obj_set(a, p, "MaximumRetryAttempts", lc_v_int(a, o->retry_attempts.v));
    if (o->parallelization_factor)
        lc_obj_set(a, p, "ParallelizationFactor", lc_v_int(a, o->parallelization_factor));
    if (o->tumbling_window.set)
        lc_obj_set(a, p, "TumblingWindowInSeconds",
                   lc_v_int(a, lc_integ_seconds(st, n, "tumbling_window", o->tumbling_window)));
    if (o->max_concurrency) {
        lc_value_t *sc = lc_v_obj(a);
        lc_obj_set(a, sc, "MaximumConcurrency", lc_v_int(a, o->max_concurrency));
        lc_obj_set(a, p, "ScalingConfig", sc);
    }
    if (o->filters && o->filters->n)
        lc_obj_set(a, p, "FilterCriteria", filter_criteria(st, n, o->filters));
    lc_stack_use_section(st, "Resources");
    return n;
}

static void grant(lc_function_state_t *fs, const char *const *actions, size_t n,
                  const lc_value_t *resource)
{
    const lc_value_t *res[1] = { resource };
    lc_function_add_to_role_policy(fs, lc_statement_json(fs->st->app, "Allow", actions, n,
                                                         res, 1, NULL));
}

static const lc_value_t *queue_arn(lc_stack_t *st, lc_node_t *q)
{
    if (q->l2_kind == LC_DECL_QUEUE)
        return lc_getatt(st->app, q, "Arn");
    return lc_integ_source_arn(q);
}

/* ---- SQS -------------------------------------------------------------------------------- */

lc_node_t *lc_sqs_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_sqs_event_source_props_t *p = &((const lc_sqs_event_source_t *)d)->p;
    lc_app_t *app = st->app;
    (void)scope;
    lc_function_state_t *fs = target(st, d, p->function);
    lc_node_t *q = source_node(st, d, p->source, "'.queue'");
    if (!fs || !q)
        return NULL;
    if (q->l2_kind != LC_DECL_QUEUE && q->l2_kind != LC_DECL_IMPORTED_QUEUE) {
        err(st, d, q, "EventSourceNotAQueue", "an SQS event source needs a queue");
        return NULL;
    }
    /* SqsEventSource's constructor checks (reported against the queue, as CDK) */
    int ok = 1;
    if (p->max_batching_window.set && p->max_batching_window.ms > 300000) {
        err(st, d, q, "MaximumBatchingWindowSecondsLess",
                 "Maximum batching window must be 300 seconds or less (given %s)",
                 human(app->arena, p->max_batching_window));
        ok = 0;
    }
    if (p->batch_size) {
        if (p->max_batching_window.set && (p->batch_size < 1 || p->batch_size > 10000)) {
            err(st, d, q, "MaximumBatchSizeInclusiveGiven",
                     "Maximum batch size must be between 1 and 10000 inclusive (given %d) when "
                     "batching window is specified.", p->batch_size);
            ok = 0;
        } else if (!p->max_batching_window.set && (p->batch_size < 1 || p->batch_size > 10)) {
            err(st, d, q, "MaximumBatchSizeInclusiveGiven",
                     "Maximum batch size must be between 1 and 10 inclusive (given %d) when "
                     "batching window is not specified.", p->batch_size);
            ok = 0;
        }
    }
    if (!ok)
        return NULL;
    const lc_value_t *arn = queue_arn(st, q);
    esm_options_t o = {
        .loc = d->loc,
        .arn = arn, .batch_size = p->batch_size, .max_batching_window = p->max_batching_window,
        .max_concurrency = p->max_concurrency,
        .report_batch_item_failures = p->report_batch_item_failures, .enabled = p->enabled,
        .filters = &p->filters,
    };
    lc_node_t *n = event_source_mapping(
        fs, lc_sprintf(app->arena, "SqsEventSource:%s", lc_integ_unique_id(app, q)), &o);
    /* queue.grantConsumeMessages(fn) */
    const char *act[5] = { "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                           "sqs:DeleteMessage", "sqs:GetQueueAttributes" };
    grant(fs, act, 5, arn);
    return n;
}

/* ---- DynamoDB streams and Kinesis -------------------------------------------------------- */

/* The on-failure destination: SqsDlq / SnsDlq bind (grant, then the ARN). */
static const lc_value_t *on_failure(lc_function_state_t *fs, const lc_on_failure_t *of)
{
    lc_stack_t *st = fs->st;
    lc_app_t *app = st->app;
    if (of->queue) {
        lc_node_t *q = lc_expand(st, of->queue);
        if (!q)
            return NULL;
        const char *act[3] = { "sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl" };
        grant(fs, act, 3, lc_getatt(app, q, "Arn"));
        return lc_getatt(app, q, "Arn");
    }
    if (of->topic) {
        lc_node_t *t = lc_expand(st, of->topic);
        if (!t)
            return NULL;
        const char *act[1] = { "sns:Publish" };
        grant(fs, act, 1, lc_ref(app, t));
        return lc_ref(app, t);
    }
    return NULL;
}

static lc_node_t *stream_source(lc_stack_t *st, const lc_decl_t *d, int dynamo)
{
    const lc_stream_event_source_props_t *p = &((const lc_stream_event_source_t *)d)->p;
    lc_app_t *app = st->app;
    lc_function_state_t *fs = target(st, d, p->function);
    lc_node_t *src = source_node(st, d, p->source, dynamo ? "'.table'" : "'.stream'");
    if (!fs || !src)
        return NULL;
    if (src->l2_kind != (dynamo ? LC_DECL_TABLE : LC_DECL_STREAM)) {
        err(st, d, src, "EventSourceWrongKind", "a %s event source needs a %s",
                 dynamo ? "DynamoDB" : "Kinesis", dynamo ? "table (LC_TABLE)" : "stream (LC_STREAM_FROM_ARN)");
        return NULL;
    }
    if (p->batch_size && (p->batch_size < 1 || p->batch_size > 10000)) {
        err(st, d, src, dynamo ? "MaximumBatchSizeInclusiveGiven" : "MustBeMaximumBatchSize",
                 "Maximum batch size must be between 1 and 10000 inclusive (given %d)",
                 p->batch_size);
        return NULL;
    }
    if (!p->starting_position) {
        lc_error_at(app, d->loc, d->id, "StartingPositionRequired",
                    "a stream event source needs '.starting_position'");
        return NULL;
    }
    const lc_value_t *arn;
    if (dynamo) {
        arn = lc_integ_table_stream_arn(src);
        if (!arn) {
            err(st, d, src, "DynamoStreamsEnabledTable",
                     "DynamoDB Streams must be enabled on the table %s", lc_node_path(src));
            return NULL;
        }
    } else {
        arn = lc_integ_source_arn(src);
    }
    esm_options_t o = {
        .loc = d->loc,
        .arn = arn, .batch_size = p->batch_size ? p->batch_size : 100,
        .bisect = p->bisect_batch_on_error, .starting_position = p->starting_position,
        .starting_position_timestamp = dynamo ? 0 : p->starting_position_timestamp,
        .report_batch_item_failures = p->report_batch_item_failures,
        .max_batching_window = p->max_batching_window, .max_record_age = p->max_record_age,
        .retry_attempts = p->retry_attempts, .parallelization_factor = p->parallelization_factor,
        .tumbling_window = p->tumbling_window, .enabled = p->enabled, .filters = &p->filters,
    };
    /* the destination binds inside the mapping's constructor, before its resource */
    o.on_failure = on_failure(fs, &p->on_failure);
    lc_node_t *n = event_source_mapping(
        fs, lc_sprintf(app->arena, "%s:%s", dynamo ? "DynamoDBEventSource" : "KinesisEventSource",
                       lc_integ_unique_id(app, src)), &o);
    lc_integ_grant_stream_read(fs, src);
    return n;
}

lc_node_t *lc_dynamo_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    (void)scope;
    return stream_source(st, d, 1);
}

lc_node_t *lc_kinesis_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    (void)scope;
    return stream_source(st, d, 0);
}

/* ---- S3 ------------------------------------------------------------------------------- */

/* NotificationsResourceHandler.singleton: the stack's one handler function. */
static lc_node_t *notifications_handler(lc_stack_t *st, lc_role_state_t **role_out)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_child(st->root, NOTIFICATIONS_HANDLER_ID);
    if (n) {
        *role_out = lc_role_state(lc_node_child(n, "Role"));
        return n;
    }
    n = lc_node_new(st->root, NOTIFICATIONS_HANDLER_ID);
    if (!n)
        return NULL;
    lc_role_state_t *role = lc_role_create(st, n, "Role", LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"));
    if (!role)
        return NULL;
    lc_role_add_managed_policy(role, "service-role/AWSLambdaBasicExecutionRole");
    *role_out = role;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::Lambda::Function");
    if (!r)
        return NULL;
    lc_value_t *code = lc_v_obj(a);
    lc_obj_set(a, code, "ZipFile", lc_v_str(a, lc_integ_s3_notifications_handler_py));
    lc_obj_set(a, r->props, "Code", code);
    lc_obj_set(a, r->props, "Description",
               lc_v_str(a, "AWS CloudFormation handler for \"Custom::S3BucketNotifications\" "
                           "resources (@aws-cdk/aws-s3)"));
    lc_obj_set(a, r->props, "Handler", lc_v_str(a, "index.handler"));
    lc_obj_set(a, r->props, "Role", lc_role_arn(role));
    /* Runtime.determineLatestPythonRuntime */
    lc_obj_set(a, r->props, "Runtime", lc_v_str(a, lc_runtime_info(LC_RUNTIME_PYTHON_3_13)->name));
    lc_obj_set(a, r->props, "Timeout", lc_v_int(a, 300));
    lc_node_add_dependency(r->node, lc_role_node(role));
    lc_stack_use_section(st, "Resources");
    return n;
}

/* PolicyName = the policy's own logical id (its last 128 characters). */
static void policy_name_prepare(lc_resource_t *r, void *ctx)
{
    (void)ctx;
    lc_arena_t *a = r->node->stack->app->arena;
    const char *id = r->override_id ? r->override_id : r->logical_id;
    size_t n = strlen(id);
    lc_obj_set(a, r->props, "PolicyName", lc_v_str(a, n > 128 ? id + (n - 128) : id));
}

static void minimize_doc(lc_stack_t *st, void *doc)
{
    lc_policy_document_minimize(st, doc);
}

/* The bucket's Custom::S3BucketNotifications (BucketNotifications.createResourceOnce). */
static lc_resource_t *bucket_notifications(lc_stack_t *st, lc_node_t *bucket, int managed,
                                           const lc_value_t *bucket_arn,
                                           const lc_value_t *bucket_name)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_node_child(bucket, "Notifications");
    if (n)
        return lc_node_resource(n);
    n = lc_node_new(bucket, "Notifications");
    if (!n)
        return NULL;
    lc_role_state_t *role = NULL;
    lc_node_t *handler = notifications_handler(st, &role);
    if (!handler || !role)
        return NULL;
    /* iam.Policy "HandlerPolicy", attached to the handler's role */
    lc_node_t *pn = lc_node_new(n, "HandlerPolicy");
    lc_resource_t *pol = pn ? lc_resource_new(pn, "Resource", "AWS::IAM::Policy") : NULL;
    if (!pol)
        return NULL;
    lc_value_t *stmts = lc_v_arr(a);
    const lc_value_t *res[1] = { bucket_arn };
    const char *put[1] = { "s3:PutBucketNotification" };
    lc_arr_push(a, stmts, lc_statement_json(app, "Allow", put, 1, res, 1, NULL));
    if (!managed) {
        const char *get[1] = { "s3:GetBucketNotification" };
        lc_arr_push(a, stmts, lc_statement_json(app, "Allow", get, 1, res, 1, NULL));
    }
    lc_value_t *doc = lc_v_obj(a);
    lc_obj_set(a, doc, "Statement", stmts);
    lc_obj_set(a, doc, "Version", lc_v_str(a, "2012-10-17"));
    lc_obj_set(a, pol->props, "PolicyDocument", doc);
    /* @aws-cdk/aws-iam:minimizePolicies merges the two statements (after logical ids) */
    lc_stack_on_prepare(st, 20, minimize_doc, doc);
    /* iam.Policy names itself after its logical id (known once ids are allocated) */
    lc_obj_set(a, pol->props, "PolicyName", lc_v_str(a, ""));
    pol->prepare = policy_name_prepare;
    lc_value_t *roles = lc_v_arr(a);
    lc_arr_push(a, roles, lc_ref(app, lc_role_node(role)));
    lc_obj_set(a, pol->props, "Roles", roles);

    lc_resource_t *r = lc_resource_new(n, "Resource", "Custom::S3BucketNotifications");
    if (!r)
        return NULL;
    lc_obj_set(a, r->props, "ServiceToken", lc_getatt(app, handler, "Arn"));
    lc_obj_set(a, r->props, "BucketName", bucket_name);
    lc_obj_set(a, r->props, "NotificationConfiguration", lc_v_obj(a));
    lc_obj_set(a, r->props, "Managed", lc_v_bool(a, managed));
    lc_obj_set(a, r->props, "SkipDestinationValidation", lc_v_bool(a, false));
    lc_node_add_dependency(r->node, pn);
    lc_stack_use_section(st, "Resources");
    return r;
}

/* renderFilters: per key filter, suffix then prefix; at most one of each. */
static lc_value_t *key_filter(lc_stack_t *st, const lc_decl_t *d, lc_node_t *at,
                              const lc_s3_event_source_props_t *p)
{
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    if (!p->nkey_filters)
        return NULL;
    lc_value_t *rules = lc_v_arr(a);
    int has_prefix = 0, has_suffix = 0;
    for (size_t i = 0; i < p->nkey_filters; i++) {
        const lc_s3_key_filter_t *k = &p->key_filters[i];
        if (!k->prefix && !k->suffix) {
            err(st, d, at, "NotificationKeyFilterMustSpecifyPrefixOrSuffix",
                     "NotificationKeyFilter must specify `prefix` and/or `suffix`");
            return NULL;
        }
        if (k->suffix) {
            if (has_suffix) {
                err(st, d, at, "CannotSpecifyMultipleSuffixRules",
                         "Cannot specify more than one suffix rule in a filter.");
                return NULL;
            }
            lc_value_t *r = lc_v_obj(a);
            lc_obj_set(a, r, "Name", lc_v_str(a, "suffix"));
            lc_obj_set(a, r, "Value", lc_v_str(a, k->suffix));
            lc_arr_push(a, rules, r);
            has_suffix = 1;
        }
        if (k->prefix) {
            if (has_prefix) {
                err(st, d, at, "CannotSpecifyMultiplePrefixRules",
                         "Cannot specify more than one prefix rule in a filter.");
                return NULL;
            }
            lc_value_t *r = lc_v_obj(a);
            lc_obj_set(a, r, "Name", lc_v_str(a, "prefix"));
            lc_obj_set(a, r, "Value", lc_v_str(a, k->prefix));
            lc_arr_push(a, rules, r);
            has_prefix = 1;
        }
    }
    lc_value_t *key = lc_v_obj(a), *filter = lc_v_obj(a);
    lc_obj_set(a, key, "FilterRules", rules);
    lc_obj_set(a, filter, "Key", key);
    return filter;
}

lc_node_t *lc_s3_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_s3_event_source_props_t *p = &((const lc_s3_event_source_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    (void)scope;
    lc_function_state_t *fs = target(st, d, p->function);
    lc_node_t *b = source_node(st, d, p->source, "'.bucket'");
    if (!fs || !b)
        return NULL;
    const lc_value_t *arn, *name;
    int managed;
    if (b->l2_kind == LC_DECL_S3_BUCKET) {
        managed = 1;
        arn = lc_getatt(app, b, "Arn");
        name = lc_ref(app, b);
    } else if (b->l2_kind == LC_DECL_BUCKET) {
        /* s3.Bucket.fromBucketName: not managed by this stack */
        const char *bn = p->imported_bucket->bucket_name ? p->imported_bucket->bucket_name : "";
        managed = 0;
        lc_integ_concat_t c;
        lc_integ_concat_init(&c, app);
        lc_integ_concat_str(&c, "arn:");
        lc_integ_concat_val(&c, lc_v_refname(a, "AWS::Partition"));
        lc_integ_concat_str(&c, ":s3:::");
        lc_integ_concat_str(&c, bn);
        arn = lc_integ_concat_end(&c);
        name = lc_v_str(a, bn);
    } else {
        err(st, d, b, "EventSourceNotABucket", "an S3 event source needs a bucket");
        return NULL;
    }
    if (!p->events.n)
        lc_error_at(app, d->loc, d->id, "S3EventsRequired", "an S3 event source needs '.events'");
    lc_value_t *filter = key_filter(st, d, b, p);
    for (size_t i = 0; i < p->events.n; i++) {
        lc_resource_t *cr = bucket_notifications(st, b, managed, arn, name);
        if (!cr)
            return NULL;
        /* LambdaDestination.bind: the permission, once per bucket and function */
        lc_node_t *perm = lc_integ_add_permission(
            fs, b, lc_sprintf(a, "AllowBucketNotificationsTo%s", lc_integ_unique_id(app, fs->node)),
            "s3.amazonaws.com", arn,
            st->account ? lc_v_str(a, st->account) : lc_v_refname(a, "AWS::AccountId"));
        if (perm)
            lc_node_add_dependency(cr->node, perm);
        lc_value_t *cfg = (lc_value_t *)lc_obj_get(cr->props, "NotificationConfiguration");
        lc_value_t *list = (lc_value_t *)lc_obj_get(cfg, "LambdaFunctionConfigurations");
        if (!list) {
            list = lc_v_arr(a);
            lc_obj_set(a, cfg, "LambdaFunctionConfigurations", list);
        }
        lc_value_t *e = lc_v_obj(a), *ev = lc_v_arr(a);
        lc_arr_push(a, ev, lc_v_str(a, p->events.items[i]));
        lc_obj_set(a, e, "Events", ev);
        if (filter)
            lc_obj_set(a, e, "Filter", filter);
        lc_obj_set(a, e, "LambdaFunctionArn", lc_getatt(app, fs->node, "Arn"));
        lc_arr_push(a, list, e);
    }
    return b;
}

/* ---- SNS -------------------------------------------------------------------------------- */

lc_node_t *lc_sns_event_source_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_sns_event_source_props_t *p = &((const lc_sns_event_source_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    (void)scope;
    lc_function_state_t *fs = target(st, d, p->function);
    lc_node_t *t = source_node(st, d, p->topic ? &p->topic->h : NULL, "'.topic'");
    if (!fs || !t)
        return NULL;
    /* LambdaSubscription.bind: the permission, then the subscription under the function */
    lc_integ_add_permission(fs, NULL, lc_sprintf(a, "AllowInvoke:%s", lc_integ_unique_id(app, t)),
                            "sns.amazonaws.com", lc_ref(app, t), NULL);
    lc_node_t *sn = lc_node_new_at(fs->node, t->id, d->loc);
    lc_resource_t *r = sn ? lc_resource_new(sn, "Resource", "AWS::SNS::Subscription") : NULL;
    if (!r)
        return NULL;
    lc_obj_set(a, r->props, "Endpoint", lc_getatt(app, fs->node, "Arn"));
    if (p->filter_policy)
        lc_obj_set(a, r->props, "FilterPolicy", p->filter_policy);
    lc_obj_set(a, r->props, "Protocol", lc_v_str(a, "lambda"));
    if (p->dead_letter_queue) {
        lc_node_t *q = lc_expand(st, p->dead_letter_queue);
        if (q) {
            /* the queue lets the topic send to it (ArnEquals aws:SourceArn) */
            lc_value_t *cond = lc_v_obj(a), *arneq = lc_v_obj(a);
            lc_obj_set(a, arneq, "aws:SourceArn", lc_ref(app, t));
            lc_obj_set(a, cond, "ArnEquals", arneq);
            lc_integ_queue_add_to_policy(
                st, q, lc_integ_service_statement(app, "sqs:SendMessage", "sns.amazonaws.com",
                                                  lc_getatt(app, q, "Arn"), cond, NULL));
            lc_value_t *rp = lc_v_obj(a);
            lc_obj_set(a, rp, "deadLetterTargetArn", lc_getatt(app, q, "Arn"));
            lc_obj_set(a, r->props, "RedrivePolicy", rp);
        }
    }
    lc_obj_set(a, r->props, "TopicArn", lc_ref(app, t));
    lc_stack_use_section(st, "Resources");
    return sn;
}
