/* good-full.c - most Function properties, all valid: no errors. */
#include <lambdac.h>

#define HANDLER "index.handler"
#define COMMON .runtime = LC_RUNTIME_PYTHON_3_12, .handler = HANDLER

LC_QUEUE(Dlq, .retention_period = LC_DAYS(4));
LC_LOG_GROUP(Logs, .retention_days = 7);
LC_ROLE_ID(Role, "Execution Role",
    .assumed_by = LC_SERVICE_PRINCIPAL("lambda.amazonaws.com"),
    .managed_policies = LC_STRS("service-role/AWSLambdaBasicExecutionRole"));
LC_VPC_FROM_ATTRIBUTES(Vpc,
    .vpc_id = "vpc-1234",
    .availability_zones = LC_STRS("us-east-1a", "us-east-1b"),
    .private_subnet_ids = LC_STRS("subnet-p1", "subnet-p2"));
LC_SECURITY_GROUP_FROM_ID(EfsSg, "sg-efs");
LC_FILE_SYSTEM_FROM_ATTRIBUTES(Efs, .file_system_id = "fs-1", .security_group = &EfsSg);
LC_ACCESS_POINT_FROM_ATTRIBUTES(Ap, .access_point_id = "fsap-1", .file_system = &Efs);
LC_SECURITY_GROUP_FROM_ID(Sg, "sg-1234");

LC_FUNCTION(Worker,
    COMMON,
    .code = LC_CODE_FROM_INLINE("def handler(event, context):\n"
                                "    return 'ok'\n"),
    .function_name = "order-worker_01",
    .description = "Processes orders",
    .timeout = LC_MINUTES(5),
    .memory_size = 1024,
    .environment = LC_ENV(LC_KV("STAGE", "prod"), LC_KV("DB_PASSWORD_SECRET_ARN",
                          "arn:aws:secretsmanager:us-east-1:123456789012:secret:db")),
    .reserved_concurrent_executions = LC_SOME(10),
    .ephemeral_storage_size = LC_EPHEMERAL_MIB(1024),
    .architecture = LC_ARCH_ARM_64,
    .role = &Role,
    .logging_format = LC_LOGGING_FORMAT_JSON,
    .application_log_level_v2 = LC_LOG_LEVEL_WARN,
    .log_group = &Logs,
    .vpc = &Vpc,
    .security_groups = (const lc_security_group_t *const[]){ &Sg },
    .nsecurity_groups = 1,
    .filesystem = LC_FILESYSTEM_EFS(Ap, "/mnt/data"),
    .dead_letter_queue = &Dlq,
    .tags = LC_TAGS(LC_KV("team", "orders")));

LC_ALIAS(Live, .alias_name = "live", .version = LC_CURRENT_VERSION(Worker),
         .retry_attempts = LC_SOME(1), .max_event_age = LC_HOURS(1));

LC_STACK(FullStack, &Dlq, &Logs, &Role, &Vpc, &EfsSg, &Efs, &Ap, &Sg, &Worker, &Live);

LC_MAIN()
