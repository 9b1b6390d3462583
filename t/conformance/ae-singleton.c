/* ae-singleton: SingletonFunction declared twice with the same uuid - one function,
 * created at stack level as "SingletonLambda<uuid without dashes>" from the first
 * declaration's properties (the second's code is ignored) - and once with a
 * lambdaPurpose, which makes a second function.  s1.addEnvironment("FROM_S1", "1") of
 * the CDK app is the first declaration's environment here; s2.grantInvoke lands on the
 * shared function.  Twin: ae-singleton.js. */
#include <lambdac.h>

#define UUID "84c0de93-353f-4217-9b0b-45b6c993251a"

LC_SINGLETON_FUNCTION(Singleton1, UUID,
    .code = LC_CODE_FROM_INLINE("def main(event, context):\n    print(\"hello, world\")"),
    .handler = "index.main",
    .runtime = LC_RUNTIME_PYTHON_3_12,
    .environment = LC_ENV(LC_KV("FROM_S1", "1")));
LC_SINGLETON_FUNCTION(Singleton2, UUID,
    .code = LC_CODE_FROM_INLINE("def main(event, context):\n    print(\"other code, ignored\")"),
    .handler = "index.main",
    .runtime = LC_RUNTIME_PYTHON_3_12);
LC_GRANT_INVOKE(EventsInvoke, .singleton = &Singleton2,
    .principal = LC_SERVICE_PRINCIPAL("events.amazonaws.com"));

LC_SINGLETON_FUNCTION_PURPOSE(Purposeful, UUID, "CustomPurpose",
    .code = LC_CODE_FROM_INLINE("def main(event, context): pass"),
    .handler = "index.main",
    .runtime = LC_RUNTIME_PYTHON_3_12);

LC_STACK_NAMED(Stack, "ae-singleton", &Singleton1, &Singleton2, &EventsInvoke, &Purposeful);
LC_MAIN();
