/* ah-exclude: asset exclude patterns - glob (default), DOCKER ignore mode, negation
 * ('*', '!index.py'), GIT ignore mode; each file set has its own asset hash.
 * Twin: ah-exclude.js. */
#include <lambdac.h>

#define PY_FN(name, ...) \
    LC_FUNCTION(name, \
        .code = LC_CODE_FROM_ASSET("fixtures/my-python-handler", __VA_ARGS__), \
        .runtime = LC_RUNTIME_PYTHON_3_9, \
        .handler = "index.handler")

PY_FN(NoExclude, .ignore_mode = LC_IGNORE_GLOB);   /* the default mode, no patterns */
PY_FN(GlobExclude, .exclude = LC_STRS("*.ignore"));
PY_FN(DockerExclude, .exclude = LC_STRS("*.ignore"), .ignore_mode = LC_IGNORE_DOCKER);
PY_FN(Negation, .exclude = LC_STRS("*", "!index.py"));
PY_FN(GitExclude, .exclude = LC_STRS("*.ignore", "requirements.txt"),
      .ignore_mode = LC_IGNORE_GIT);

LC_STACK_NAMED(Stack, "ah-exclude", &NoExclude, &GlobExclude, &DockerExclude, &Negation,
               &GitExclude);
LC_MAIN();
