/* ops-sqs-visibility.c - functions whose timeout exceeds the visibility timeout of their
 * SQS event source's queue: messages come back while they are being worked on. */
/* check-agree: needs lambdac/integrations.h */
#include <lambdac.h>

LC_QUEUE(Jobs, .visibility_timeout = LC_SECONDS(30));
LC_QUEUE(LongJobs, .visibility_timeout = LC_MINUTES(15));
LC_QUEUE(Default);

LC_FUNCTION(Worker,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .timeout = LC_MINUTES(2));
LC_SQS_EVENT_SOURCE(WorkerJobs, .function = &Worker, .queue = &Jobs, .batch_size = 10);

LC_FUNCTION(Patient,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .timeout = LC_MINUTES(5));
LC_SQS_EVENT_SOURCE(PatientJobs, .function = &Patient, .queue = &LongJobs);

/* the default visibility timeout of a queue (30 s) against a 40 s timeout */
LC_FUNCTION(Slow,
    .runtime = LC_RUNTIME_NODEJS_24_X,
    .handler = "index.handler",
    .code = LC_CODE_FROM_INLINE("exports.handler = async () => 1;"),
    .dead_letter_queue_enabled = LC_TRUE,
    .timeout = LC_SECONDS(40));
LC_SQS_EVENT_SOURCE(SlowJobs, .function = &Slow, .queue = &Default);

LC_STACK(Probe, &Jobs, &LongJobs, &Default, &Worker, &WorkerJobs, &Patient, &PatientJobs, &Slow,
         &SlowJobs);
LC_MAIN()
