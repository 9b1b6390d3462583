/* t/ignore-vectors.h - reader for exclude-pattern test vectors (t/assets/ignore-vectors.txt).
 *
 * Format, one record per line (fields separated by TAB; in every field "\\", "\t", "\n",
 * "\r" and "\xHH" are escapes):
 *     # comment
 *     S <mode> <pattern>...        start a pattern set (mode: glob, git or docker)
 *     <path> <isdir> <expected>    one check: isdir 0/1, expected 0/1 (1 = excluded)
 *     <pattern> E <expected>       expected 1 when aws-cdk-lib rejects the set (throws):
 *                                  lc_ignore_error() must then name <pattern>
 * Header-only; used by t/31-ignore.c and t/ignore-probe.c.
 */
#ifndef LAMBDAC_T_IGNORE_VECTORS_H
#define LAMBDAC_T_IGNORE_VECTORS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IV_MAX_FIELDS 256

/* Unescape s in place; returns its new length. */
static size_t iv_unescape(char *s)
{
    char *r = s, *w = s;
    while (*r) {
        if (*r == '\\' && r[1]) {
            r++;
            switch (*r) {
            case 't': *w++ = '\t'; r++; break;
            case 'n': *w++ = '\n'; r++; break;
            case 'r': *w++ = '\r'; r++; break;
            case 'x': {
                unsigned v = 0;
                int k;
                r++;
                for (k = 0; k < 2 && *r; k++, r++)
                    v = v * 16 + (unsigned)(*r <= '9' ? *r - '0' : (*r | 0x20) - 'a' + 10);
                *w++ = (char)v;
                break;
            }
            default: *w++ = *r++; break;
            }
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

/* Split a line (without its newline) on TABs and unescape each field. */
static int iv_split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (n == max)
            return -1;
        f[n++] = p;
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    for (int i = 0; i < n; i++)
        iv_unescape(f[i]);
    return n;
}

/* Read one line of any length; NULL at EOF.  The caller frees. */
static char *iv_getline(FILE *fp)
{
    size_t cap = 256, n = 0;
    char *b = malloc(cap);
    int c;
    if (!b)
        return NULL;
    while ((c = getc(fp)) != EOF && c != '\n') {
        if (n + 2 > cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                return NULL;
            }
            b = nb;
        }
        b[n++] = (char)c;
    }
    if (c == EOF && n == 0) {
        free(b);
        return NULL;
    }
    b[n] = '\0';
    return b;
}

#endif
