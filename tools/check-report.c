/* check-report.c - diagnostics of lambdac-check: collection, suppressions, output.
 *
 * Diagnostics are collected for the whole run and printed at the end, sorted by file
 * and position, because the rules run in passes (declarations, then the model of the
 * file) and a reader wants them in source order, like a compiler's.  Three formats:
 *   text   file:line:col: severity: message [rule-id], with the source line and a caret
 *          when asked for (by default when stderr is a terminal);
 *   json   one object, for scripts;
 *   sarif  SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps):
 *          every rule with its default level, every result with its rule index, and
 *          suppressed results kept with an in-source suppression, as SARIF asks.
 * Columns are bytes in text and JSON (what compilers print) and code points in SARIF
 * (run.columnKind says so).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

void lc_ck_report(lc_ck_run_t *run, const lc_ck_file_t *f, lc_ck_loc_t loc,
                  lc_ck_rule_id_t rule, const char *fmt, ...)
{
    if (run->sev[rule] == LC_SEV_OFF)
        return;
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (run->ndiags == run->capdiags) {
        size_t cap = run->capdiags ? run->capdiags * 2 : 64;
        run->diags = lc_realloc(lc_ck_keep(run), run->diags, run->capdiags * sizeof *run->diags,
                                cap * sizeof *run->diags);
        if (!run->diags)
            lc_xalloc(lc_ck_keep(run), SIZE_MAX);
        run->capdiags = cap;
    }
    lc_ck_diag_t *d = &run->diags[run->ndiags];
    d->file = f;
    d->loc = loc;
    d->rule = rule;
    d->sev = run->sev[rule];
    d->msg = lc_strdup(lc_ck_keep(run), buf);
    d->seq = run->ndiags;
    d->suppressed_by = NULL;
    run->ndiags++;
}

/* A suppression's rule: an id, or a prefix ending in a star or a slash ("sec/"). */
static bool rule_matches(const char *pattern, const char *id)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '*')
        return strncmp(pattern, id, n - 1) == 0;
    if (n && pattern[n - 1] == '/')
        return strncmp(pattern, id, n) == 0;
    return strcmp(pattern, id) == 0;
}

/* ---- ordering --------------------------------------------------------------------------- */
static lc_ck_file_t *const *sort_files;
static size_t sort_nfiles;

static size_t file_index(const lc_ck_file_t *f)
{
    for (size_t i = 0; i < sort_nfiles; i++)
        if (sort_files[i] == f)
            return i;
    return sort_nfiles;
}

static int cmp_diag(const void *a, const void *b)
{
    const lc_ck_diag_t *x = a, *y = b;
    size_t fx = file_index(x->file), fy = file_index(y->file);
    if (fx != fy)
        return fx < fy ? -1 : 1;
    if (x->loc.line != y->loc.line)
        return x->loc.line < y->loc.line ? -1 : 1;
    if (x->loc.col != y->loc.col)
        return x->loc.col < y->loc.col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---- source lines ------------------------------------------------------------------------ */

/* The text of line `line` of f (without its newline). */
static const char *line_text(const lc_ck_file_t *f, uint32_t line, size_t *len)
{
    const char *p = f->buf, *e = f->buf + f->len;
    for (uint32_t l = 1; l < line && p < e; l++) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        p = nl ? nl + 1 : e;
    }
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    *len = (size_t)((nl ? nl : e) - p);
    if (*len && p[*len - 1] == '\r')
        (*len)--;
    return p;
}

static uint32_t codepoint_column(const lc_ck_file_t *f, lc_ck_loc_t loc)
{
    size_t len;
    const char *s = line_text(f, loc.line, &len);
    uint32_t col = 1;
    for (size_t i = 0; i + 1 < loc.col && i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            col++;
    return col;
}

/* ---- JSON ------------------------------------------------------------------------------ */

/* A JSON string: escapes, and invalid UTF-8 replaced by U+FFFD. */
static void json_str(FILE *o, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', o);
    while (*p) {
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            fputc('\\', o);
            fputc((int)c, o);
            p++;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': fputs("\\n", o); break;
            case '\t': fputs("\\t", o); break;
            case '\r': fputs("\\r", o); break;
            default: fprintf(o, "\\u%04x", c);
            }
            p++;
        } else if (c < 0x80) {
            fputc((int)c, o);
            p++;
        } else {
            int n = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
            bool ok = n > 0 && !(c == 0xc0 || c == 0xc1 || c > 0xf4);
            for (int i = 1; ok && i < n; i++)
                ok = (p[i] & 0xc0) == 0x80;
            if (ok && n == 3 && ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0)))
                ok = false;
            if (ok && n == 4 && ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90)))
                ok = false;
            if (ok) {
                fwrite(p, 1, (size_t)n, o);
                p += n;
            } else {
                fputs("\\ufffd", o);
                p++;
            }
        }
    }
    fputc('"', o);
}

static const char *sev_name(lc_ck_sev_t s)
{
    return s == LC_SEV_ERROR ? "error" : s == LC_SEV_WARNING ? "warning" : s == LC_SEV_NOTE ? "note" : "none";
}

/* A SARIF artifact URI: a relative reference, percent-encoded, or file:// for absolute
 * paths. */
static void uri_str(FILE *o, const char *path)
{
    static const char *hex = "0123456789ABCDEF";
    fputc('"', o);
    if (path[0] == '/')
        fputs("file://", o);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            fputc(*p, o);
        else
            fprintf(o, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
    fputc('"', o);
}

/* ---- emit --------------------------------------------------------------------------------- */

static void apply_suppressions(lc_ck_run_t *run, lc_ck_file_t *const *files, size_t nfiles)
{
    for (size_t i = 0; i < run->ndiags; i++) {
        lc_ck_diag_t *d = &run->diags[i];
        if (d->rule == LC_R_BAD_SUPPRESSION || d->rule == LC_R_UNUSED_SUPPRESSION || !d->file)
            continue;
        for (size_t k = 0; k < d->file->nsupprs && !d->suppressed_by; k++) {
            lc_ck_suppr_t *s = &d->file->supprs[k];
            if (s->line != d->loc.line && s->line + 1 != d->loc.line)
                continue;
            for (size_t r = 0; r < s->nrules; r++)
                if (rule_matches(s->rules[r], lc_ck_rules[d->rule].id)) {
                    d->suppressed_by = s;
                    s->used = true;
                    break;
                }
        }
    }
    for (size_t i = 0; i < nfiles; i++)
        for (size_t k = 0; k < files[i]->nsupprs; k++)
            if (!files[i]->supprs[k].used)
                lc_ck_report(run, files[i], files[i]->supprs[k].loc, LC_R_UNUSED_SUPPRESSION,
                             "this suppression suppresses nothing");
}

static void emit_text(lc_ck_run_t *run, int caret)
{
    FILE *o = stderr;
    for (size_t i = 0; i < run->ndiags; i++) {
        const lc_ck_diag_t *d = &run->diags[i];
        if (d->suppressed_by)
            continue;
        fprintf(o, "%s:%u:%u: %s: %s [%s]\n", d->file->path, d->loc.line, d->loc.col,
                sev_name(d->sev), d->msg, lc_ck_rules[d->rule].id);
        if (caret && d->loc.line) {
            size_t len;
            const char *s = line_text(d->file, d->loc.line, &len);
            fprintf(o, "%.*s\n", (int)len, s);
            for (size_t k = 0; k + 1 < d->loc.col && k < len; k++)
                fputc(s[k] == '\t' ? '\t' : ' ', o);
            fputs("^\n", o);
        }
    }
}

static void emit_json(lc_ck_run_t *run, const size_t counts[3])
{
    FILE *o = stdout;
    fprintf(o, "{\n  \"tool\": \"lambdac-check\",\n  \"version\": \"%s\",\n  \"as_of\": \"%s\",\n",
            PACKAGE_VERSION, run->as_of);
    fputs("  \"diagnostics\": [", o);
    for (size_t i = 0; i < run->ndiags; i++) {
        const lc_ck_diag_t *d = &run->diags[i];
        fputs(i ? ",\n    {" : "\n    {", o);
        fputs("\"file\": ", o);
        json_str(o, d->file->path);
        fprintf(o, ", \"line\": %u, \"column\": %u, \"severity\": \"%s\", \"rule\": ", d->loc.line,
                d->loc.col, sev_name(d->sev));
        json_str(o, lc_ck_rules[d->rule].id);
        fputs(", \"message\": ", o);
        json_str(o, d->msg);
        if (d->suppressed_by) {
            fputs(", \"suppressed\": true, \"justification\": ", o);
            json_str(o, d->suppressed_by->reason ? d->suppressed_by->reason : "");
        }
        fputs("}", o);
    }
    fprintf(o, "%s],\n  \"counts\": {\"error\": %zu, \"warning\": %zu, \"note\": %zu}\n}\n",
            run->ndiags ? "\n  " : "", counts[LC_SEV_ERROR], counts[LC_SEV_WARNING], counts[LC_SEV_NOTE]);
}

static void emit_sarif(lc_ck_run_t *run)
{
    FILE *o = stdout;
    fputs("{\n"
          "  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
          "  \"version\": \"2.1.0\",\n"
          "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n"
          "          \"name\": \"lambdac-check\",\n", o);
    fprintf(o, "          \"version\": \"%s\",\n          \"semanticVersion\": \"%s\",\n", PACKAGE_VERSION,
            PACKAGE_VERSION);
    fputs("          \"informationUri\": \"https://github.com/lambdac/lambdac\",\n", o);
    fputs("          \"rules\": [", o);
    for (int r = 0; r < LC_R__COUNT; r++) {
        lc_ck_sev_t sev = run->sev[r] == LC_SEV_OFF ? lc_ck_rules[r].severity : run->sev[r];
        fputs(r ? ",\n            {" : "\n            {", o);
        fputs("\"id\": ", o);
        json_str(o, lc_ck_rules[r].id);
        fputs(", \"shortDescription\": {\"text\": ", o);
        json_str(o, lc_ck_rules[r].doc);
        fprintf(o, "}, \"defaultConfiguration\": {\"level\": \"%s\", \"enabled\": %s}", sev_name(sev),
                run->sev[r] == LC_SEV_OFF ? "false" : "true");
        if (lc_ck_rules[r].runtime_code) {
            fputs(", \"properties\": {\"runtimeCode\": ", o);
            json_str(o, lc_ck_rules[r].runtime_code);
            fputs("}", o);
        }
        fputs("}", o);
    }
    fputs("\n          ]\n        }\n      },\n", o);
    fputs("      \"columnKind\": \"unicodeCodePoints\",\n", o);
    fputs("      \"results\": [", o);
    for (size_t i = 0; i < run->ndiags; i++) {
        const lc_ck_diag_t *d = &run->diags[i];
        fputs(i ? ",\n        {" : "\n        {", o);
        fputs("\"ruleId\": ", o);
        json_str(o, lc_ck_rules[d->rule].id);
        fprintf(o, ", \"ruleIndex\": %d, \"level\": \"%s\", \"message\": {\"text\": ", (int)d->rule,
                sev_name(d->sev));
        json_str(o, d->msg);
        fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", o);
        uri_str(o, d->file->path);
        if (d->file->path[0] != '/')
            fputs(", \"uriBaseId\": \"%SRCROOT%\"", o);
        fprintf(o, "}, \"region\": {\"startLine\": %u, \"startColumn\": %u}}}]",
                d->loc.line ? d->loc.line : 1, d->loc.line ? codepoint_column(d->file, d->loc) : 1);
        if (d->suppressed_by) {
            fputs(", \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ", o);
            json_str(o, d->suppressed_by->reason ? d->suppressed_by->reason : "");
            fputs("}]", o);
        }
        fputs("}", o);
    }
    fprintf(o, "%s]\n    }\n  ]\n}\n", run->ndiags ? "\n      " : "");
}

size_t lc_ck_emit(lc_ck_run_t *run, lc_ck_file_t *const *files, size_t nfiles,
                  lc_ck_format_t fmt, int caret)
{
    apply_suppressions(run, files, nfiles);
    sort_files = files;
    sort_nfiles = nfiles;
    if (run->ndiags)
        qsort(run->diags, run->ndiags, sizeof *run->diags, cmp_diag);
    /* the same diagnostic twice (one value seen from two rules) is printed once */
    size_t k = 0;
    for (size_t i = 0; i < run->ndiags; i++) {
        const lc_ck_diag_t *d = &run->diags[i];
        if (k && run->diags[k - 1].file == d->file && run->diags[k - 1].rule == d->rule &&
            run->diags[k - 1].loc.line == d->loc.line && run->diags[k - 1].loc.col == d->loc.col &&
            strcmp(run->diags[k - 1].msg, d->msg) == 0)
            continue;
        run->diags[k++] = *d;
    }
    run->ndiags = k;
    size_t counts[3] = { 0, 0, 0 };
    for (size_t i = 0; i < run->ndiags; i++)
        if (!run->diags[i].suppressed_by && run->diags[i].sev <= LC_SEV_ERROR)
            counts[run->diags[i].sev]++;
    switch (fmt) {
    case LC_FMT_TEXT: emit_text(run, caret); break;
    case LC_FMT_JSON: emit_json(run, counts); break;
    case LC_FMT_SARIF: emit_sarif(run); break;
    }
    return counts[LC_SEV_ERROR];
}

void lc_ck_list_rules(lc_ck_format_t fmt)
{
    if (fmt == LC_FMT_TEXT) {
        for (int r = 0; r < LC_R__COUNT; r++)
            printf("%-44s %-7s %s\n", lc_ck_rules[r].id, sev_name(lc_ck_rules[r].severity), lc_ck_rules[r].doc);
        return;
    }
    fputs("[", stdout);
    for (int r = 0; r < LC_R__COUNT; r++) {
        fputs(r ? ",\n  {\"id\": " : "\n  {\"id\": ", stdout);
        json_str(stdout, lc_ck_rules[r].id);
        printf(", \"severity\": \"%s\", \"runtime_code\": ", sev_name(lc_ck_rules[r].severity));
        if (lc_ck_rules[r].runtime_code)
            json_str(stdout, lc_ck_rules[r].runtime_code);
        else
            fputs("null", stdout);
        fputs(", \"doc\": ", stdout);
        json_str(stdout, lc_ck_rules[r].doc);
        fputs("}", stdout);
    }
    fputs("\n]\n", stdout);
}
