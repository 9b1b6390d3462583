/* arn.re - the ARN scanner (re2c; the build turns it into arn.gen.c in the build tree).
 *
 * Why a scanner and not strchr(':'): an ARN may carry CloudFormation tokens, written in
 * CDK's string form `${Token[...]}`, and a token is one unit - we must know which
 * components hold one (an account we cannot compare at synthesis) and never split
 * inside one.  The lexer below turns the text into TEXT, MARKER and COLON lexemes; the
 * code after it applies aws-cdk-lib's Arn.split rules (parseArnShape + split with
 * ArnFormat.SLASH_RESOURCE_NAME), with its error codes and messages, so an import that
 * CDK rejects is rejected here with the same words.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <lambdac/arn.h>
#include <lambdac/error.h>

enum lexeme { LX_END, LX_TEXT, LX_MARKER, LX_COLON };

/* The next lexeme of [*cur, lim); *cur advances past it.  A NUL byte ends the text too
 * (ARNs come from C strings). */
static enum lexeme next_lexeme(const char **pcur, const char *lim)
{
    const char *cur = *pcur, *mar = cur;
    (void)mar;
    if (cur >= lim)
        return LX_END;
    /*!re2c
        re2c:api = custom;
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYPEEK = "(cur < lim ? (unsigned char)*cur : 0u)";
        re2c:define:YYSKIP = "++cur;";
        re2c:define:YYBACKUP = "mar = cur;";
        re2c:define:YYRESTORE = "cur = mar;";
        re2c:yyfill:enable = 0;

        marker = "${Token[" [^\]\x00]* "]}";

        "\x00"        { *pcur = cur; return LX_END; }
        marker        { *pcur = cur; return LX_MARKER; }
        ":"           { *pcur = cur; return LX_COLON; }
        [^:$\x00]+    { *pcur = cur; return LX_TEXT; }
        *             { *pcur = cur; return LX_TEXT; }
    */
}

/* One ':'-separated component. */
typedef struct comp {
    const char *p;
    size_t n;
    int token;
} comp_t;

static int fail(lc_arn_t *out, char *err, size_t errsz, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int fail(lc_arn_t *out, char *err, size_t errsz, const char *code, const char *fmt, ...)
{
    out->error_code = code;
    if (err && errsz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errsz, fmt, ap);
        va_end(ap);
    }
    return LC_E_INVAL;
}

static lc_arn_part_t part(const char *p, size_t n, int token)
{
    lc_arn_part_t r = { p, n, LC_ARN_PRESENT | (token ? LC_ARN_TOKEN : 0u) };
    return r;
}

/* Does [p, p+n) hold a marker? */
static int has_marker(const char *p, size_t n)
{
    const char *cur = p, *lim = p + n;
    enum lexeme k;
    while ((k = next_lexeme(&cur, lim)) != LX_END)
        if (k == LX_MARKER)
            return 1;
    return 0;
}

int lc_arn_parse(const char *s, size_t n, lc_arn_t *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    if (err && errsz)
        err[0] = '\0';
    if (!s)
        return fail(out, err, errsz, "ArnsMustStartWithArn",
                    "ARNs must start with \"arn:\" and have at least 6 components: (null)");
    if (n == SIZE_MAX)
        n = strlen(s);
    else {
        const char *z = memchr(s, '\0', n);
        if (z)
            n = (size_t)(z - s);
    }
    int len = n > 4096 ? 4096 : (int)n;   /* for messages only */

    if (n < 4 || memcmp(s, "arn:", 4) != 0) {
        if (has_marker(s, n)) {
            out->token = 1;
            return 0;
        }
        return fail(out, err, errsz, "ArnsMustStartWithArn",
                    "ARNs must start with \"arn:\" and have at least 6 components: %.*s", len, s);
    }

    /* split at the colons outside markers; components 0..5 individually, the rest as
     * one span (CDK joins them back with ':') */
    comp_t c[6];
    size_t nc = 0;
    const char *rest = NULL;     /* start of component 6 */
    int rest_token = 0;
    const char *cur = s, *lim = s + n, *start = s;
    int tok = 0;
    for (;;) {
        const char *before = cur;
        enum lexeme k = next_lexeme(&cur, lim);
        if (k == LX_MARKER) {
            tok = 1;
            continue;
        }
        if (k == LX_TEXT)
            continue;
        const char *end = k == LX_END ? before : cur - 1;
        if (nc < 6) {
            c[nc].p = start;
            c[nc].n = (size_t)(end - start);
            c[nc].token = tok;
            nc++;
        } else {
            if (!rest)
                rest = start;
            rest_token |= tok;
        }
        if (k == LX_END)
            break;
        start = cur;
        tok = 0;
    }

    if (nc < 2 || c[1].n == 0)
        return fail(out, err, errsz, "ArnPartitionRequired",
                    "The `partition` component (2nd component) of an ARN is required: %.*s", len, s);
    if (nc < 3 || c[2].n == 0)
        return fail(out, err, errsz, "ArnServiceRequired",
                    "The `service` component (3rd component) of an ARN is required: %.*s", len, s);
    if (nc < 6 || c[5].n == 0)
        return fail(out, err, errsz, "ArnResourceRequired",
                    "The `resource` component (6th component) of an ARN is required: %.*s", len, s);

    out->partition = part(c[1].p, c[1].n, c[1].token);
    out->service = part(c[2].p, c[2].n, c[2].token);
    out->region = part(c[3].p, c[3].n, c[3].token);
    out->account = part(c[4].p, c[4].n, c[4].token);

    /* The resource component: "type", "type/name", "/type/name", or "type" followed by
     * ":name..." (ArnFormat.SLASH_RESOURCE_NAME semantics of Arn.split). */
    const char *r = c[5].p;
    size_t rn = c[5].n, off = 0;
    const char *slash = memchr(r, '/', rn);
    if (slash == r) {
        out->slash_resource = 1;
        off = 1;
        slash = rn > 1 ? memchr(r + 1, '/', rn - 1) : NULL;
    }
    const char *name_p = NULL;
    size_t name_n = 0;
    int name_tok = 0;
    if (slash) {
        out->sep = '/';
        out->resource = part(r + off, (size_t)(slash - r) - off,
                             has_marker(r + off, (size_t)(slash - r) - off));
        name_p = slash + 1;
        name_n = (size_t)(r + rn - name_p);
        name_tok = has_marker(name_p, name_n);
        if (rest) {   /* "type/name:more" -> resourceName "name:more" */
            name_n = (size_t)(lim - name_p);
            name_tok |= rest_token;
        }
    } else {
        out->resource = part(r + off, rn - off, has_marker(r + off, rn - off));
        if (rest) {
            out->sep = ':';
            name_p = rest;
            name_n = (size_t)(lim - rest);
            name_tok = rest_token;
        }
    }
    if (name_p) {
        out->resource_name = part(name_p, name_n, name_tok);
        /* a Lambda function ARN's qualifier: what follows the name's first ':' */
        const char *q = NULL, *cc = name_p, *nlim = name_p + name_n;
        for (;;) {
            const char *before = cc;
            enum lexeme k = next_lexeme(&cc, nlim);
            if (k == LX_END)
                break;
            if (k == LX_COLON) {
                q = before;
                break;
            }
        }
        if (q) {
            out->name = part(name_p, (size_t)(q - name_p), has_marker(name_p, (size_t)(q - name_p)));
            out->qualifier = part(q + 1, (size_t)(nlim - q - 1), has_marker(q + 1, (size_t)(nlim - q - 1)));
        } else {
            out->name = out->resource_name;
        }
    }
    return 0;
}

int lc_arn_part_known(const lc_arn_part_t *p)
{
    return p && (p->flags & LC_ARN_PRESENT) && !(p->flags & LC_ARN_TOKEN);
}

int lc_arn_part_eq(const lc_arn_part_t *p, const char *want)
{
    return lc_arn_part_known(p) && strlen(want) == p->n && memcmp(p->p, want, p->n) == 0;
}
