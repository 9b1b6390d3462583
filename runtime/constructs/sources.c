/* sources.c - the resources event sources and extensions read from: imported queues and
 * streams, S3 buckets, DynamoDB tables, Secrets Manager secrets, SSM string parameters,
 * and their read grants.
 *
 * Only what the Lambda features need, rendered as aws-cdk-lib renders it: a new
 * s3.Bucket and dynamodb.Table are RETAINed by default, a Secret is DESTROYed and gets
 * an (empty) GenerateSecretString, a table is provisioned at 5/5 unless billed per
 * request.  Imports make a node (construct ids stay unique and feed unique ids) and no
 * resource.
 */
#include "config.h"

#include <string.h>

#include "integ.h"

/* Grants and event sources need the ARN of what they read; a small per-node state. */
typedef struct source_state {
    const lc_value_t *arn;          /* queue / stream / table ARN */
    const lc_value_t *stream_arn;   /* table stream ARN, NULL when streams are off */
} source_state_t;

static source_state_t *state_of(lc_stack_t *st, lc_node_t *n)
{
    source_state_t *s = lc_xalloc(st->app->arena, sizeof *s);
    n->l2 = s;
    return s;
}

lc_node_t *lc_imported_queue_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_imported_queue_t *q = (const lc_imported_queue_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (!q->queue_arn)
        lc_error(st->app, n, "QueueArnRequired", "an imported queue needs its ARN");
    state_of(st, n)->arn = lc_v_str(st->app->arena, q->queue_arn ? q->queue_arn : "");
    return n;
}

lc_node_t *lc_stream_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_stream_t *s = (const lc_stream_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    if (!s->stream_arn)
        lc_error(st->app, n, "StreamArnRequired", "an imported stream needs its ARN");
    state_of(st, n)->arn = lc_v_str(st->app->arena, s->stream_arn ? s->stream_arn : "");
    return n;
}

lc_node_t *lc_s3_bucket_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_s3_bucket_t *b = (const lc_s3_bucket_t *)d;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_arena_t *a = st->app->arena;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::S3::Bucket");
    if (!r)
        return n;
    if (b->p.bucket_name)
        lc_obj_set(a, r->props, "BucketName", lc_v_str(a, b->p.bucket_name));
    lc_resource_set_removal_policy(r, b->p.removal_policy, LC_REMOVAL_RETAIN);
    lc_stack_use_section(st, "Resources");
    state_of(st, n)->arn = lc_getatt(st->app, n, "Arn");
    return n;
}

static const char *attr_type(lc_attribute_type_t t)
{
    return t == LC_ATTRIBUTE_NUMBER ? "N" : t == LC_ATTRIBUTE_BINARY ? "B" : "S";
}

static const char *view_type(lc_stream_view_type_t v)
{
    static const char *const n[] = { NULL, "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES",
                                     "KEYS_ONLY" };
    return v > 0 && v <= LC_STREAM_KEYS_ONLY ? n[v] : NULL;
}

lc_node_t *lc_table_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_table_props_t *p = &((const lc_table_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    source_state_t *ss = state_of(st, n);
    if (p->imported) {
        /* fromTableAttributes: the ARN (or one built from the name), the stream ARN */
        if (p->table_arn)
            ss->arn = lc_v_str(a, p->table_arn);
        else if (p->table_name)
            ss->arn = lc_integ_format_arn(st, "dynamodb", NULL, NULL, "table", "/",
                                          lc_v_str(a, p->table_name));
        else
            lc_error(app, n, "TableArnOrNameRequired",
                     "One of tableArn or tableName is required");
        if (p->table_stream_arn)
            ss->stream_arn = lc_v_str(a, p->table_stream_arn);
        return n;
    }
    if (!p->partition_key.name) {
        lc_error(app, n, "PartitionKeyRequired", "Table requires 'partition_key'");
        return n;
    }
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::DynamoDB::Table");
    if (!r)
        return n;
    /* keys in the order CloudFormation L1s are rendered (ascending) */
    lc_value_t *defs = lc_v_arr(a), *schema = lc_v_arr(a);
    const lc_table_attribute_t *keys[2] = { &p->partition_key, p->sort_key.name ? &p->sort_key : NULL };
    for (int i = 0; i < 2; i++) {
        if (!keys[i])
            continue;
        lc_value_t *ad = lc_v_obj(a), *ks = lc_v_obj(a);
        lc_obj_set(a, ad, "AttributeName", lc_v_str(a, keys[i]->name));
        lc_obj_set(a, ad, "AttributeType", lc_v_str(a, attr_type(keys[i]->type)));
        lc_arr_push(a, defs, ad);
        lc_obj_set(a, ks, "AttributeName", lc_v_str(a, keys[i]->name));
        lc_obj_set(a, ks, "KeyType", lc_v_str(a, i == 0 ? "HASH" : "RANGE"));
        lc_arr_push(a, schema, ks);
    }
    lc_obj_set(a, r->props, "AttributeDefinitions", defs);
    if (p->billing_mode == LC_BILLING_PAY_PER_REQUEST)
        lc_obj_set(a, r->props, "BillingMode", lc_v_str(a, "PAY_PER_REQUEST"));
    lc_obj_set(a, r->props, "KeySchema", schema);
    if (p->billing_mode != LC_BILLING_PAY_PER_REQUEST) {
        lc_value_t *pt = lc_v_obj(a);
        lc_obj_set(a, pt, "ReadCapacityUnits", lc_v_int(a, p->read_capacity ? p->read_capacity : 5));
        lc_obj_set(a, pt, "WriteCapacityUnits", lc_v_int(a, p->write_capacity ? p->write_capacity : 5));
        lc_obj_set(a, r->props, "ProvisionedThroughput", pt);
    }
    if (p->stream) {
        lc_value_t *ss_spec = lc_v_obj(a);
        lc_obj_set(a, ss_spec, "StreamViewType", lc_v_str(a, view_type(p->stream)));
        lc_obj_set(a, r->props, "StreamSpecification", ss_spec);
        ss->stream_arn = lc_getatt(app, n, "StreamArn");
    }
    if (p->table_name)
        lc_obj_set(a, r->props, "TableName", lc_v_str(a, p->table_name));
    lc_resource_set_removal_policy(r, p->removal_policy, LC_REMOVAL_RETAIN);
    ss->arn = lc_getatt(app, n, "Arn");
    lc_stack_use_section(st, "Resources");
    return n;
}

lc_node_t *lc_secret_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_secret_props_t *p = &((const lc_secret_t *)d)->p;
    lc_arena_t *a = st->app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::SecretsManager::Secret");
    if (!r)
        return n;
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    lc_obj_set(a, r->props, "GenerateSecretString", lc_v_obj(a));
    if (p->secret_name)
        lc_obj_set(a, r->props, "Name", lc_v_str(a, p->secret_name));
    lc_resource_set_removal_policy(r, LC_REMOVAL_DESTROY, LC_REMOVAL_DESTROY);
    lc_stack_use_section(st, "Resources");
    state_of(st, n)->arn = lc_ref(st->app, n);
    return n;
}

lc_node_t *lc_string_parameter_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_string_parameter_props_t *p = &((const lc_string_parameter_t *)d)->p;
    lc_app_t *app = st->app;
    lc_arena_t *a = app->arena;
    lc_node_t *n = lc_decl_new_node(st, scope, d);
    if (!n)
        return NULL;
    lc_resource_t *r = lc_resource_new(n, "Resource", "AWS::SSM::Parameter");
    if (!r)
        return n;
    if (!p->string_value)
        lc_error(app, n, "StringValueRequired", "StringParameter requires 'string_value'");
    if (p->description)
        lc_obj_set(a, r->props, "Description", lc_v_str(a, p->description));
    if (p->parameter_name)
        lc_obj_set(a, r->props, "Name", lc_v_str(a, p->parameter_name));
    lc_obj_set(a, r->props, "Type", lc_v_str(a, "String"));
    lc_obj_set(a, r->props, "Value", lc_v_str(a, p->string_value ? p->string_value : ""));
    lc_stack_use_section(st, "Resources");
    /* arnForParameterName: a name starting with "/" needs no separator */
    const char *sep = p->parameter_name && p->parameter_name[0] == '/' ? "" : "/";
    state_of(st, n)->arn = lc_integ_format_arn(st, "ssm", NULL, NULL, "parameter", sep,
                                               lc_ref(app, n));
    return n;
}

/* ---- grants ----------------------------------------------------------------------------- */

static void grant(lc_function_state_t *fs, const char *const *actions, size_t nactions,
                  const lc_value_t *resource)
{
    const lc_value_t *res[1] = { resource };
    lc_function_add_to_role_policy(fs, lc_statement_json(fs->st->app, "Allow", actions,
                                                         nactions, res, 1, NULL));
}

/* table.grantStreamRead(fn) */
static void grant_stream_read_table(lc_function_state_t *fs, lc_node_t *table)
{
    source_state_t *ss = table->l2;
    lc_app_t *app = fs->st->app;
    const char *list[1] = { "dynamodb:ListStreams" };
    grant(fs, list, 1, lc_v_str(app->arena, "*"));
    const char *read[3] = { "dynamodb:DescribeStream", "dynamodb:GetRecords",
                            "dynamodb:GetShardIterator" };
    grant(fs, read, 3, ss->stream_arn);
}

/* stream.grantRead(fn) */
static void grant_read_stream(lc_function_state_t *fs, lc_node_t *stream)
{
    source_state_t *ss = stream->l2;
    const char *act[8] = { "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                           "kinesis:GetShardIterator", "kinesis:ListShards",
                           "kinesis:SubscribeToShard", "kinesis:DescribeStream",
                           "kinesis:ListStreams", "kinesis:DescribeStreamConsumer" };
    grant(fs, act, 8, ss->arn);
}

const lc_value_t *lc_integ_source_arn(lc_node_t *n)
{
    source_state_t *ss = n ? n->l2 : NULL;
    return ss ? ss->arn : NULL;
}
const lc_value_t *lc_integ_table_stream_arn(lc_node_t *n)
{
    source_state_t *ss = n ? n->l2 : NULL;
    return ss ? ss->stream_arn : NULL;
}
void lc_integ_grant_stream_read(lc_function_state_t *fs, lc_node_t *source)
{
    if (source->l2_kind == LC_DECL_TABLE)
        grant_stream_read_table(fs, source);
    else
        grant_read_stream(fs, source);
}

lc_node_t *lc_read_grant_expand(lc_stack_t *st, lc_node_t *scope, const lc_decl_t *d)
{
    const lc_read_grant_props_t *p = &((const lc_read_grant_t *)d)->p;
    lc_app_t *app = st->app;
    (void)scope;
    if (!p->grantee || !p->resource) {
        lc_error_at(app, d->loc, d->id, "GrantNeedsResourceAndGrantee",
                    "a read grant needs a resource and a grantee");
        return NULL;
    }
    lc_node_t *res = lc_expand(st, p->resource);
    lc_function_state_t *fs = lc_function_state(lc_expand(st, p->grantee));
    if (!res || !fs)
        return NULL;
    switch (p->resource->kind) {
    case LC_DECL_SECRET: {
        const char *act[2] = { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" };
        grant(fs, act, 2, lc_integ_source_arn(res));
        break;
    }
    case LC_DECL_STRING_PARAMETER: {
        const char *act[4] = { "ssm:DescribeParameters", "ssm:GetParameters", "ssm:GetParameter",
                               "ssm:GetParameterHistory" };
        grant(fs, act, 4, lc_integ_source_arn(res));
        break;
    }
    case LC_DECL_TABLE:
        if (!lc_integ_table_stream_arn(res)) {
            lc_error(app, res, "DynamoStreamsEnabledTable",
                     "DynamoDB Streams must be enabled on the table %s", lc_node_path(res));
            return NULL;
        }
        grant_stream_read_table(fs, res);
        break;
    case LC_DECL_STREAM:
        grant_read_stream(fs, res);
        break;
    default:
        lc_error(app, res, "GrantReadUnsupported",
                 "LC_GRANT_READ supports secrets, string parameters, tables and streams");
        return NULL;
    }
    /* a grant has no construct of its own: it stands for the grantee */
    return fs->node;
}
