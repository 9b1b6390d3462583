/* t/gen/mini-walk.c - built by t/gen-golden.sh against the code generated from
 * t/gen/mini-spec.json: the quirky shapes (recursion, keyword member, property named Type,
 * Long, Double, Timestamp, Json, map of property types, aliases, empty structs) go through
 * the walker and the checker.  Prints one line per check: "ok <name>" or "not ok <name>: ...";
 * exits 1 when any check failed. */
#include <stdio.h>
#include <string.h>

#include <lambdac/l1.h>
#include <lambdac/writer.h>

static const lc_AWS_Mini_Thing_t thing = {
    .Config = LC_STRUCT(lc_AWS_Mini_Thing_Config_t,
        .Type = LC_STRING("A"),
        .default_ = LC_BOOLEAN(true),
        .Size = LC_LONG(1099511627776),
        .Ratio = LC_DOUBLE(0.25),
        .Since = LC_TIMESTAMP("2024-01-01T00:00:00Z"),
        .Next = LC_STRUCT(lc_AWS_Mini_Thing_Config_t, .Type = LC_STRING("B"),
                          .Next = LC_STRUCT(lc_AWS_Mini_Thing_Config_t, .Type = LC_STRING("A"))),
        .Children = LC_LIST_OF(lc_AWS_Mini_Thing_Config_t, { .Type = LC_STRING("B") }, { .Type = LC_STRING("A") }),
        .Targets = LC_MAP_OF(lc_AWS_Mini_Thing_DeadLetterConfig_t, LC_KEYS("z", "a"),
                             { .TargetArn = LC_STRING("arn:z") }, { .TargetArn = LC_STRING("arn:a") })),
    .Count = LC_INTEGER(3),
    .Document = LC_JSON(LC_VOBJ(LC_M("b", LC_VINT(1)), LC_M("a", LC_VNULL))),
    .Labels = LC_LIST_STRING("ab", "cd.ef"),
    .Limits = LC_MAP_INTEGER(LC_M("x", LC_VINT(1))),
    .Names = LC_LIST_STRING("n"),
    .Nothing = LC_STRUCT(lc_AWS_Mini_Thing_Nothing_t, 0),
    .Ports = LC_LIST_OF(lc_AWS_Mini_Thing_Port_t, { .Number = LC_INTEGER(443) }),
    .Union = LC_JSON(LC_VSTR("either")),
    .while_ = LC_STRING("loop"),
};

static const lc_AWS_Mini_Thing_t bad = {
    .Config = LC_STRUCT(lc_AWS_Mini_Thing_Config_t,
        .Type = LC_STRING("C"),
        .Children = LC_LIST_OF(lc_AWS_Mini_Thing_Config_t, { .Size = LC_LONG(1) })),
    .Count = LC_INTEGER(11),
    .Labels = LC_LIST_STRING("a", "b.c", "UP", "dd"),
    .Limits = LC_MAP_INTEGER(LC_M("Bad", LC_VINT(4))),
    .Ports = LC_LIST_OF(lc_AWS_Mini_Thing_Port_t, { .Number = LC_INTEGER(0) }),
    .Tags = LC_LIST_OF(lc_Tag_t, { .Key = LC_STRING("k") }),
};

static int failures;

static void check(int cond, const char *name, const char *detail)
{
    if (cond) {
        printf("ok %s\n", name);
    } else {
        printf("not ok %s: %s\n", name, detail ? detail : "");
        failures++;
    }
}

static void collect(void *ctx, const char *path, const char *msg)
{
    char *buf = ctx;
    size_t len = strlen(buf);
    snprintf(buf + len, 4096 - len, "%s: %s\n", path, msg);
}

int main(void)
{
    lc_arena_t *a = lc_arena_new();
    lc_sink_t s = {0};
    lc_value_t *v = lc_l1_to_value(a, &lc_AWS_Mini_Thing_desc, &thing);
    const char *want =
        "{\"Config\":{\"Children\":[{\"Type\":\"B\"},{\"Type\":\"A\"}],"
        "\"Next\":{\"Next\":{\"Type\":\"A\"},\"Type\":\"B\"},"
        "\"Ratio\":0.25,\"Since\":\"2024-01-01T00:00:00Z\",\"Size\":1099511627776,"
        "\"Targets\":{\"z\":{\"TargetArn\":\"arn:z\"},\"a\":{\"TargetArn\":\"arn:a\"}},"
        "\"Type\":\"A\",\"default\":true},"
        "\"Count\":3,\"Document\":{\"b\":1,\"a\":null},\"Labels\":[\"ab\",\"cd.ef\"],"
        "\"Limits\":{\"x\":1},\"Names\":[\"n\"],\"Nothing\":{},\"Ports\":[{\"Number\":443}],"
        "\"Union\":\"either\",\"while\":\"loop\"}";
    char problems[4096] = "";
    const char *want_problems =
        "Config.Children[0].Type: required property Type of AWS::Mini::Thing.Config is not set\n"
        "Config.Type: \"C\" is not one of: A, B\n"
        "Count: 11 is greater than the maximum 10\n"
        "Labels: a list of 4 items has more than the maximum 3\n"
        "Labels[0]: \"a\" is 1 characters long, shorter than the minimum 2\n"
        "Labels[2]: value \"UP\" does not match the pattern ^[a-z]+(\\.[a-z]+)??$\n"
        "Limits.Bad: key \"Bad\" does not match the pattern ^[a-z]+$\n"
        "Limits.Bad: \"4\" is not one of: 1, 2, 3\n"
        "Ports[0].Number: 0 is less than the minimum 1\n"
        "Tags[0].Value: required property Value of Tag is not set\n";
    int n;

    check(v && lc_write_json(&s, v, LC_JSON_COMPACT, NULL) == 0 && strcmp(lc_sink_cstr(&s), want) == 0,
          "walk: recursion, keyword member, Type, Long, Double, Timestamp, Json, maps, aliases, empty struct",
          s.buf);
    check(lc_l1_check(&lc_AWS_Mini_Thing_desc, &thing, NULL, NULL) == 0, "check: valid value", NULL);
    n = lc_l1_check(&lc_AWS_Mini_Thing_desc, &bad, collect, problems);
    check(n == 10 && strcmp(problems, want_problems) == 0, "check: problems and paths", problems);
    check(lc_l1_find("AWS::Mini::Thing.Config") == &lc_AWS_Mini_Thing_Config_desc
              && lc_l1_find("AWS::Mini::Empty") == &lc_AWS_Mini_Empty_desc
              && lc_l1_find("AWS::Mini::Thing.Names") == NULL,
          "find: property types, empty resource, no alias types", NULL);
    check(lc_l1_field(&lc_AWS_Mini_Thing_Config_desc, "default") != NULL
              && lc_l1_field(&lc_AWS_Mini_Thing_Config_desc, "default")->offset
                     == offsetof(lc_AWS_Mini_Thing_Config_t, default_),
          "field: JSON key default is member default_", NULL);
    check(lc_AWS_Mini_Empty_desc.n_fields == 0 && lc_AWS_Mini_Empty_desc.fields[0].key == NULL,
          "empty type: no fields, sentinel", NULL);
    lc_sink_fini(&s);
    lc_arena_free(a);
    return failures ? 1 : 0;
}
