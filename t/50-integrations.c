/* t/50-integrations.c - Insights / Params-and-Secrets / ADOT / profiling / log retention,
 * event sources, events rules and autoscaling through the synthesizer API: the layer ARN
 * tables and their deploy-time lookup, schedule expressions, idempotent permissions, and
 * every validation rule with aws-cdk-lib's code, including the failures a conformance
 * scenario cannot show.  (Whole templates are compared with aws-cdk-lib by
 * t/conformance.sh.)
 */
#include <stdio.h>
#include <string.h>

#include <lambdac.h>
#include <lambdac/synth.h>
#include <lambdac/writer.h>

#include "tap.h"

#define CODE LC_CODE_FROM_INLINE("exports.handler = async () => 1;")
#define FN_PROPS .runtime = LC_RUNTIME_NODEJS_18_X, .handler = "index.handler", .code = CODE

/* ---- stacks ------------------------------------------------------------------------------ */

LC_FUNCTION(Fn, FN_PROPS);
LC_FUNCTION(ArmInsights, FN_PROPS, .architecture = LC_ARCH_ARM_64,
            .insights_version = LC_INSIGHTS_VERSION_1_0_119_0);
LC_FUNCTION(X86Insights, FN_PROPS, .insights_version = LC_INSIGHTS_VERSION_1_0_98_0);
LC_FUNCTION(Params, FN_PROPS,
            .params_and_secrets = LC_PARAMS_AND_SECRETS_FROM_VERSION(LC_PARAMS_AND_SECRETS_V1_0_103));
LC_STACK(Agnostic, &ArmInsights, &X86Insights, &Params);
/* ap-east-1 has 1.0.98.0 for x86_64 but no ARM_64 layer of 1.0.119.0 */
LC_STACK_ENV(PinnedHongKong, "123456789012", "ap-east-1", &ArmInsights, &X86Insights);

/* schedules */
LC_EVENT_RULE(WeekDay, .schedule = LC_SCHEDULE_CRON(.minute = "0", .week_day = "MON"),
              LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Fn), LC_FUNCTION_TARGET(&Fn)));
LC_EVENT_RULE(Rate1, .schedule = LC_SCHEDULE_RATE(LC_MINUTES(1)));
LC_EVENT_RULE(Rate90, .schedule = LC_SCHEDULE_RATE(LC_MINUTES(90)));
LC_EVENT_RULE(Rate2h, .schedule = LC_SCHEDULE_RATE(LC_HOURS(2)));
LC_EVENT_RULE(Rate7d, .schedule = LC_SCHEDULE_RATE(LC_DAYS(7)));
LC_EVENT_RULE(NoMinute, .schedule = LC_SCHEDULE_CRON(.hour = "4"));
LC_STACK(Schedules, &Fn, &WeekDay, &Rate1, &Rate90, &Rate2h, &Rate7d, &NoMinute);

LC_EVENT_RULE(Seconds, .schedule = LC_SCHEDULE_RATE(LC_SECONDS(30)));
LC_STACK(BadRate, &Seconds);
LC_EVENT_RULE(DayAndWeekDay, .schedule = LC_SCHEDULE_CRON(.day = "1", .week_day = "MON"));
LC_STACK(BadCron, &DayAndWeekDay);
LC_EVENT_RULE(Nothing, .rule_name = "has space");
LC_STACK(BadRule, &Nothing);
LC_EVENT_RULE(SixTargets, .schedule = LC_SCHEDULE_EXPRESSION("rate(1 hour)"),
              LC_RULE_TARGETS(LC_FUNCTION_TARGET(&Fn), LC_FUNCTION_TARGET(&Fn),
                              LC_FUNCTION_TARGET(&Fn), LC_FUNCTION_TARGET(&Fn),
                              LC_FUNCTION_TARGET(&Fn), LC_FUNCTION_TARGET(&Fn)));
LC_STACK(TooManyTargets, &Fn, &SixTargets);

/* event sources */
LC_QUEUE(Q);
LC_SQS_EVENT_SOURCE(Batch11, .function = &Fn, .queue = &Q, .batch_size = 11);
LC_STACK(SqsBatch, &Fn, &Q, &Batch11);
LC_SQS_EVENT_SOURCE(Batch11Window, .function = &Fn, .queue = &Q, .batch_size = 11,
                    .max_batching_window = LC_SECONDS(5), .max_concurrency = 1);
LC_STACK(SqsConcurrency, &Fn, &Q, &Batch11Window);
LC_TABLE(NoStream, .partition_key = LC_ATTRIBUTE("id", LC_ATTRIBUTE_STRING));
LC_DYNAMO_EVENT_SOURCE(FromNoStream, .function = &Fn, .table = &NoStream,
                       .starting_position = LC_STARTING_POSITION_LATEST);
LC_STACK(DynamoNoStream, &Fn, &NoStream, &FromNoStream);
LC_STREAM_FROM_ARN(S, "arn:aws:kinesis:us-east-1:123456789012:stream/s1");
LC_KINESIS_EVENT_SOURCE(BadStream, .function = &Fn, .stream = &S,
                        .starting_position = LC_STARTING_POSITION_AT_TIMESTAMP,
                        .retry_attempts = LC_SOME(10001), .parallelization_factor = 11,
                        .max_record_age = LC_SECONDS(30), .tumbling_window = LC_MINUTES(16));
LC_STACK(StreamChecks, &Fn, &S, &BadStream);
LC_S3_BUCKET(B);
LC_S3_EVENT_SOURCE(TwoSuffixes, .function = &Fn, .bucket = &B,
                   .events = LC_STRS(LC_S3_OBJECT_CREATED),
                   LC_S3_KEY_FILTERS({ .suffix = ".a" }, { .suffix = ".b" }));
LC_STACK(S3Filters, &Fn, &B, &TwoSuffixes);
LC_S3_EVENT_SOURCE(Created, .function = &Fn, .bucket = &B,
                   .events = LC_STRS(LC_S3_OBJECT_CREATED, LC_S3_OBJECT_REMOVED));
LC_S3_EVENT_SOURCE(Removed, .function = &Fn, .bucket = &B, .events = LC_STRS(LC_S3_OBJECT_RESTORE_POST));
LC_STACK(S3Twice, &Fn, &B, &Created, &Removed);

/* autoscaling */
LC_ADD_ALIAS(Live, LC_CURRENT_VERSION(Fn), "live");
LC_SCALING_SCHEDULE(Empty, .schedule = LC_SCHEDULE_EXPRESSION("cron(0 8 * * ? *)"));
LC_ALIAS_AUTOSCALING(MinOverMax, .alias = &Live, .min_capacity = LC_SOME(5),
                     .max_capacity = LC_SOME(2));
LC_STACK(ScalingMinMax, &Fn, &Live, &MinOverMax);
LC_ALIAS_AUTOSCALING(BadTarget, .alias = &Live, .max_capacity = LC_SOME(10),
                     .utilization_target = 0.95, LC_SCALING_SCHEDULES(&Empty));
LC_ALIAS_AUTOSCALING(Again, .alias = &Live, .max_capacity = LC_SOME(10));
LC_STACK(ScalingChecks, &Fn, &Live, &BadTarget, &Again);

/* extension options */
LC_PARAMS_AND_SECRETS(BadOptions, .version = LC_PARAMS_AND_SECRETS_V1_0_103,
                      .http_port = LC_SOME(70000), .max_connections = LC_SOME(0),
                      .secrets_manager_ttl = LC_SECONDS(301));
LC_FUNCTION(BadParams, FN_PROPS, .params_and_secrets = &BadOptions);
LC_STACK(ParamsChecks, &BadParams);
LC_BUCKET_FROM_NAME(CodeBucket, "code-bucket");
LC_FUNCTION(GoAdot, .runtime = LC_RUNTIME_GO_1_X, .handler = "main",
            .code = LC_CODE_FROM_BUCKET(CodeBucket, "go.zip"),
            .adot_instrumentation = LC_ADOT(.layer_version = LC_ADOT_GENERIC_LATEST,
                                            .exec_wrapper = LC_ADOT_REGULAR_HANDLER));
LC_STACK(AdotGo, &GoAdot);
LC_PROFILING_GROUP(PG);
LC_FUNCTION(NodeProfiled, FN_PROPS, .profiling_group = &PG);
LC_STACK(ProfilingGroupChecks, &PG, &NodeProfiled);

/* log retention */
LC_FUNCTION(Forever, FN_PROPS, .log_retention_days = LC_RETENTION_INFINITE);
LC_FUNCTION(Month, FN_PROPS, .log_retention_days = 30);
LC_STACK(Retention, &Forever, &Month);

/* ---- helpers ------------------------------------------------------------------------------- */

typedef struct run {
    lc_app_t app;
    lc_stack_t *st;
    const lc_value_t *t, *resources;
} run_t;

static void synth(run_t *r, const lc_stack_decl_t *sd, int new_project)
{
    lc_app_init(&r->app);
    r->app.profile = LC_HASH_CDK;
    if (new_project)
        lc_app_set_new_project_flags(&r->app);
    r->st = lc_app_add_stack(&r->app, sd);
    r->t = lc_stack_render(r->st);
    r->resources = lc_obj_get(r->t, "Resources");
}

static void done(run_t *r)
{
    lc_app_fini(&r->app);
}

static size_t count_type(const run_t *r, const char *type)
{
    size_t n = 0;
    for (uint32_t i = 0; r->resources && i < r->resources->u.obj.n; i++) {
        const lc_value_t *ty = lc_obj_get(r->resources->u.obj.m[i].val, "Type");
        n += ty && strcmp(ty->u.s, type) == 0;
    }
    return n;
}

/* The first resource of a type (template order). */
static const lc_value_t *first_of(const run_t *r, const char *type)
{
    for (uint32_t i = 0; r->resources && i < r->resources->u.obj.n; i++) {
        const lc_value_t *ty = lc_obj_get(r->resources->u.obj.m[i].val, "Type");
        if (ty && strcmp(ty->u.s, type) == 0)
            return r->resources->u.obj.m[i].val;
    }
    return NULL;
}

static const lc_value_t *prop_of(const lc_value_t *res, const char *key)
{
    const lc_value_t *props = res ? lc_obj_get(res, "Properties") : NULL;
    return props ? lc_obj_get(props, key) : NULL;
}

static const lc_value_t *prop(const run_t *r, const char *id, const char *key)
{
    return prop_of(r->resources ? lc_obj_get(r->resources, id) : NULL, key);
}

static const char *json(run_t *r, const lc_value_t *v)
{
    static char buf[8192];
    lc_sink_t s = { 0 };
    lc_resolver_t res = lc_stack_resolver(r->st);
    if (!v)
        return "(none)";
    lc_write_json(&s, v, LC_JSON_COMPACT, &res);
    snprintf(buf, sizeof buf, "%s", lc_sink_cstr(&s));
    lc_sink_fini(&s);
    return buf;
}

/* Run a stack that must fail: its error count. */
static int errors_of(const lc_stack_decl_t *sd)
{
    run_t r;
    synth(&r, sd, 0);
    int n = r.app.nerrors;
    done(&r);
    return n;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void tables(void)
{
    size_t nregions;
    const lc_region_info_t *regions = lc_regions(&nregions);
    ok(nregions >= 30 && regions[0].name, "the region table has aws-cdk-lib's regions (%zu)", nregions);
    const lc_region_info_t *cn = lc_region_find("cn-north-1");
    is_str(cn ? cn->partition : NULL, "aws-cn", "cn-north-1 is in aws-cn");
    ok(lc_region_find("xx-nowhere-1") == NULL, "an unknown region is not found");

    const lc_layer_fact_t *f = lc_layer_fact_find(LC_LAYER_PRODUCT_INSIGHTS, NULL, "1.0.98.0", "x86_64");
    is_str(f ? lc_layer_fact_arn(f, "us-east-1") : NULL,
           "arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14",
           "Insights 1.0.98.0 x86_64 in us-east-1");
    is_str(f ? f->fact_param : NULL, "1_0_98_0_x86_64", "the fact parameter is CDK's");
    f = lc_layer_fact_find(LC_LAYER_PRODUCT_INSIGHTS, NULL, "1.0.98.0", "arm64");
    is_int(f ? (long long)f->narns : -1, 0, "Insights 1.0.98.0 has no ARM_64 layer anywhere");
    f = lc_layer_fact_find(LC_LAYER_PRODUCT_ADOT, "JAVASCRIPT_SDK", "1.30.0", "x86_64");
    ok(f && lc_layer_fact_arn(f, "eu-west-1") && strstr(lc_layer_fact_arn(f, "eu-west-1"), "aws-otel-nodejs"),
       "ADOT JavaScript layers are in the table");
    ok(lc_layer_fact_find(LC_LAYER_PRODUCT_ADOT, "PYTHON_SDK", "1.30.0", "x86_64") == NULL,
       "an ADOT version is looked up within its type");
    const struct lc_insights_version *iv = LC_INSIGHTS_VERSION_1_0_119_0;
    is_str(iv->version, "1.0.119.0", "LC_INSIGHTS_VERSION_1_0_119_0 names its version");
    lc_adot_layer_version_t latest = LC_ADOT_JAVASCRIPT_SDK_LATEST;
    is_str(latest.type, "JAVASCRIPT_SDK", "LC_ADOT_JAVASCRIPT_SDK_LATEST carries its type");
}

static void lookups(void)
{
    run_t r;
    synth(&r, &Agnostic, 0);
    is_int(r.app.nerrors, 0, "agnostic layers: no error");
    const lc_value_t *maps = lc_obj_get(r.t, "Mappings");
    ok(maps && lc_obj_get(maps, "CloudwatchlambdainsightsversionMap") &&
       lc_obj_get(maps, "ParamsandsecretslayerMap"), "two Mappings entries, named after the facts");
    const lc_value_t *pm = maps ? lc_obj_get(maps, "ParamsandsecretslayerMap") : NULL;
    ok(pm && lc_obj_get(pm, "us-gov-west-1"), "without target partitions every partition is mapped");
    char arm[512] = "", x86[512] = "";
    for (uint32_t i = 0; r.resources && i < r.resources->u.obj.n; i++) {
        const lc_value_t *res = r.resources->u.obj.m[i].val;
        if (strcmp(lc_obj_get(res, "Type")->u.s, "AWS::Lambda::Function") != 0)
            continue;
        const char *id = r.resources->u.obj.m[i].key;
        if (strncmp(id, "ArmInsights", 11) == 0)
            snprintf(arm, sizeof arm, "%s", json(&r, prop_of(res, "Layers")));
        if (strncmp(id, "X86Insights", 11) == 0)
            snprintf(x86, sizeof x86, "%s", json(&r, prop_of(res, "Layers")));
    }
    is_str(arm, "[{\"Fn::Join\":[\"\",[\"arn:aws:lambda:\",{\"Ref\":\"AWS::Region\"},"
                "\":580247275435:layer:LambdaInsightsExtension-Arm64:1\"]]}]",
           "one shape for every region: a Fn::Join over AWS::Region");
    is_str(x86, "[{\"Fn::FindInMap\":[\"CloudwatchlambdainsightsversionMap\",{\"Ref\":\"AWS::Region\"},"
                "\"1x0x98x0xx86x64\"]}]",
           "different accounts per region: Fn::FindInMap");
    done(&r);

    synth(&r, &Agnostic, 1);
    pm = lc_obj_get(lc_obj_get(r.t, "Mappings"), "ParamsandsecretslayerMap");
    ok(pm && lc_obj_get(pm, "cn-north-1") && !lc_obj_get(pm, "us-gov-west-1"),
       "new-project flags: only the aws and aws-cn partitions are mapped");
    done(&r);

    synth(&r, &PinnedHongKong, 0);
    is_int(r.app.nerrors, 1, "pinned to ap-east-1: the ARM_64 layer is missing there");
    done(&r);
}

static void schedules(void)
{
    run_t r;
    synth(&r, &Schedules, 0);
    is_int(r.app.nerrors, 0, "schedules: no error");
    is_int(r.app.nwarnings, 1, "a cron without minute warns (runs every minute)");
    const char *want[][2] = {
        { "WeekDay", "cron(0 * ? * MON *)" }, { "Rate1", "rate(1 minute)" },
        { "Rate90", "rate(90 minutes)" }, { "Rate2h", "rate(2 hours)" },
        { "Rate7d", "rate(7 days)" }, { "NoMinute", "cron(* 4 * * ? *)" },
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const lc_value_t *res = NULL;
        for (uint32_t k = 0; k < r.resources->u.obj.n; k++)
            if (strncmp(r.resources->u.obj.m[k].key, want[i][0], strlen(want[i][0])) == 0 &&
                strcmp(lc_obj_get(r.resources->u.obj.m[k].val, "Type")->u.s, "AWS::Events::Rule") == 0)
                res = r.resources->u.obj.m[k].val;
        const lc_value_t *e = prop_of(res, "ScheduleExpression");
        is_str(e ? e->u.s : NULL, want[i][1], "%s", want[i][0]);
    }
    is_int((long long)count_type(&r, "AWS::Lambda::Permission"), 1,
           "two targets on one function: one permission");
    done(&r);

    is_int(errors_of(&BadRate), 1, "rate(30 seconds) is not a whole number of minutes");
    is_int(errors_of(&BadCron), 1, "day and week_day together (CannotSupplyBothDayAndWeekDay)");
    is_int(errors_of(&BadRule), 2, "a bad rule name and neither pattern nor schedule");
    is_int(errors_of(&TooManyTargets), 1, "at most 5 targets");
}

static void event_sources(void)
{
    is_int(errors_of(&SqsBatch), 1, "SQS batch size 11 without a batching window");
    is_int(errors_of(&SqsConcurrency), 1, "batch size 11 with a window is fine; max concurrency 1 is not");
    is_int(errors_of(&DynamoNoStream), 1, "a table without stream (DynamoStreamsEnabledTable)");
    is_int(errors_of(&StreamChecks), 5,
           "retry attempts, parallelization, record age, tumbling window, missing timestamp");
    is_int(errors_of(&S3Filters), 1, "two suffix rules in one filter");

    run_t r;
    synth(&r, &S3Twice, 0);
    is_int(r.app.nerrors, 0, "two S3 sources on one bucket: no error");
    is_int((long long)count_type(&r, "Custom::S3BucketNotifications"), 1, "one notifications resource");
    is_int((long long)count_type(&r, "AWS::Lambda::Permission"), 1, "one permission per function");
    const lc_value_t *cfg = prop_of(first_of(&r, "Custom::S3BucketNotifications"),
                                    "NotificationConfiguration");
    const lc_value_t *l = cfg ? lc_obj_get(cfg, "LambdaFunctionConfigurations") : NULL;
    is_int(l ? (long long)l->u.arr.n : -1, 3, "one configuration per event");
    int handlers = 0;
    for (uint32_t i = 0; i < r.resources->u.obj.n; i++)
        handlers += strncmp(r.resources->u.obj.m[i].key,
                            "BucketNotificationsHandler050a0587b7544547bf325f094a3db834", 58) == 0;
    is_int(handlers, 2, "one notifications handler (role + function) per stack");
    done(&r);
}

static void autoscaling(void)
{
    is_int(errors_of(&ScalingMinMax), 1, "minCapacity above maxCapacity");
    is_int(errors_of(&ScalingChecks), 3,
           "utilization target out of range, a schedule without capacities, autoscaling twice");
}

static void extensions(void)
{
    is_int(errors_of(&ParamsChecks), 3, "port, connections and secret TTL out of range");
    is_int(errors_of(&AdotGo), 1, "go1.x has no ADOT SDK");
    is_int(errors_of(&ProfilingGroupChecks), 1, "profiling needs a supporting runtime");
}

static void retention(void)
{
    run_t r;
    synth(&r, &Retention, 0);
    is_int(r.app.nerrors, 0, "retention: no error");
    is_int((long long)count_type(&r, "Custom::LogRetention"), 2, "one Custom::LogRetention per function");
    is_int((long long)count_type(&r, "AWS::Lambda::Function"), 3, "two functions and one provider");
    const lc_value_t *provider_code = prop(&r, "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A", "Code");
    const lc_value_t *zip = provider_code ? lc_obj_get(provider_code, "ZipFile") : NULL;
    ok(zip && strstr(zip->u.s, "PutRetentionPolicyCommand"), "the provider runs lambdac's handler inline");
    int with_days = 0, without = 0;
    for (uint32_t i = 0; i < r.resources->u.obj.n; i++) {
        const lc_value_t *res = r.resources->u.obj.m[i].val;
        if (strcmp(lc_obj_get(res, "Type")->u.s, "Custom::LogRetention") != 0)
            continue;
        if (prop_of(res, "RetentionInDays"))
            with_days++;
        else
            without++;
    }
    ok(with_days == 1 && without == 1, "INFINITE writes no RetentionInDays");
    done(&r);
}

int main(void)
{
    tables();
    lookups();
    schedules();
    event_sources();
    autoscaling();
    extensions();
    retention();
    return done_testing();
}
