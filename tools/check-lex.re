/* check-lex.re - the C lexer of lambdac-check (re2c turns this into check-lex.gen.c).
 *
 * Why a real lexer and not a grep: a DSL macro name inside a comment, a string or an
 * `#if 0` block is not a declaration, and a property value is only known once string
 * concatenation, escapes and line continuations are understood.  Why re2c: the lexer
 * runs over every byte of every checked file (and over whole system header trees in the
 * tests), and a DFA compiled from regular expressions is both the fastest and the most
 * obviously correct way to do that.
 *
 * What it recognizes: identifiers (with $, UTF-8 bytes and universal character names),
 * pp-numbers (with C23 digit separators), string and character literals with their
 * u8/u/U/L prefixes, C++ raw strings (so C++ headers lex too), every punctuator,
 * comments, line continuations anywhere between tokens, and whole preprocessor lines
 * (a `#` first on its line up to the end of the logical line, comments inside included).
 *
 * The buffer ends with a NUL sentinel (a NUL before the end is a stray byte, not the
 * end), so the DFA needs no bounds checks.
 *
 * It never stops at bad input: an unterminated comment or literal gives an LC_TK_ERROR
 * token and lexing goes on after it, and a byte that starts no token is a punctuator of
 * its own.  Comments are handed to a callback (suppression comments live there).
 *
 * Parts that regular expressions express badly are plain C: block comments (a memchr
 * loop), line comments (continuations), preprocessor lines (strings and comments inside
 * them, continuations) and raw strings (a delimiter chosen by the text).
 */
#include "config.h"

#include <string.h>

#include "check.h"

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "cur";      /* locals of lc_lex_next(), see there */
    re2c:define:YYMARKER = "mar";
    re2c:yyfill:enable = 0;

    H      = [0-9a-fA-F];
    UCN    = "\\u" H{4} | "\\U" H{8};
    IDSTART = [a-zA-Z_$\x80-\xff] | UCN;
    IDCONT  = [a-zA-Z_$0-9\x80-\xff] | UCN;
    PPNUM  = "."? [0-9] ([0-9a-zA-Z_.] | [eEpP] [+-] | "'" [0-9a-zA-Z_])*;
    ESC    = "\\" [^\x00];
    PREFIX = "u8" | "u" | "U" | "L";
    DQ     = [^"\\\n\x00] | ESC;
    SQ     = [^'\\\n\x00] | ESC;
    RAWDELIM = [^ ()\\\t\v\f\r\n"\x00]{0,16};
*/

void lc_lex_init(lc_lexer_t *lx, const char *buf, size_t len, uint32_t first_line)
{
    const unsigned char *b = (const unsigned char *)buf;
    memset(lx, 0, sizeof *lx);
    /* a UTF-8 byte order mark is not part of the first token */
    if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
        b += 3, len -= 3;
    lx->cur = b;
    lx->lim = b + len;
    lx->line_start = b;
    lx->line = first_line;
    lx->bol = true;
}

/* Account for the newlines in [p, e): the line number and where the current line starts. */
static void count_lines(lc_lexer_t *lx, const unsigned char *p, const unsigned char *e)
{
    while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        lx->line++;
        lx->line_start = ++p;
    }
}

static int emit(lc_lexer_t *lx, lc_tok_t *t, int kind, const unsigned char *start,
                lc_ck_loc_t at)
{
    t->kind = kind;
    t->p = (const char *)start;
    t->len = (size_t)(lx->cur - start);
    t->loc = at;
    if (kind != LC_TK_PP)
        lx->bol = false;
    return kind;
}

static int punct(lc_lexer_t *lx, lc_tok_t *t, int p, const unsigned char *start,
                 lc_ck_loc_t at)
{
    t->punct = p;
    return emit(lx, t, LC_TK_PUNCT, start, at);
}

static int error(lc_lexer_t *lx, lc_tok_t *t, const char *msg, const unsigned char *start,
                 lc_ck_loc_t at)
{
    t->msg = msg;
    return emit(lx, t, LC_TK_ERROR, start, at);
}

/* After "/ *": skip to the closing "* /"; false when the file ends first. */
static bool skip_block_comment(lc_lexer_t *lx)
{
    const unsigned char *p = lx->cur;
    for (;;) {
        const unsigned char *star = memchr(p, '*', (size_t)(lx->lim - p));
        if (!star || star + 1 >= lx->lim) {
            count_lines(lx, lx->cur, lx->lim);
            lx->cur = lx->lim;
            return false;
        }
        if (star[1] == '/') {
            count_lines(lx, lx->cur, star);
            lx->cur = star + 2;
            return true;
        }
        p = star + 1;
    }
}

/* After "//": to the end of the line, which a backslash before the newline continues.
 * The newline itself is left for the main scanner. */
static void skip_line_comment(lc_lexer_t *lx)
{
    const unsigned char *p = lx->cur;
    for (;;) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(lx->lim - p));
        if (!nl) {
            lx->cur = lx->lim;
            return;
        }
        const unsigned char *q = nl;
        if (q > p && q[-1] == '\r')
            q--;
        if (q > p && q[-1] == '\\') {
            lx->line++;
            lx->line_start = nl + 1;
            p = nl + 1;
            continue;
        }
        lx->cur = nl;
        return;
    }
}

/* After '#' first on a line: the rest of the logical line.  Comments inside it belong
 * to it (a block comment may carry it over several lines); quotes are skipped leniently,
 * because `#error don't` is common and not a character constant. */
static void skip_pp_line(lc_lexer_t *lx)
{
    const unsigned char *p = lx->cur, *e = lx->lim;
    while (p < e) {
        unsigned char c = *p;
        if (c == '\n') {
            const unsigned char *q = p;
            if (q > lx->cur && q[-1] == '\r')
                q--;
            if (q > lx->cur && q[-1] == '\\') {
                lx->line++;
                lx->line_start = ++p;
                continue;
            }
            break;
        }
        if (c == '/' && p + 1 < e && p[1] == '*') {
            lx->cur = p + 2;
            if (!skip_block_comment(lx)) {
                p = lx->lim;
                break;
            }
            p = lx->cur;
            continue;
        }
        if (c == '/' && p + 1 < e && p[1] == '/') {
            lx->cur = p + 2;
            skip_line_comment(lx);
            p = lx->cur;
            break;
        }
        if (c == '"' || c == '\'') {
            const unsigned char *q = p + 1;
            while (q < e && *q != c && *q != '\n') {
                if (*q == '\\' && q + 1 < e) {
                    if (q[1] == '\n') {
                        lx->line++;
                        lx->line_start = q + 2;
                    }
                    q++;
                }
                q++;
            }
            p = (q < e && *q == c) ? q + 1 : q;
            continue;
        }
        if (c == '\\' && p + 1 < e && p[1] == '\n') {
            lx->line++;
            lx->line_start = p + 2;
            p += 2;
            continue;
        }
        p++;
    }
    lx->cur = p;
}

/* After R"delim( : the raw string ends at )delim". */
static bool skip_raw_string(lc_lexer_t *lx, const unsigned char *start)
{
    const unsigned char *q = memchr(start, '"', (size_t)(lx->cur - start));
    size_t dlen = (size_t)(lx->cur - q) - 2;   /* between '"' and '(' */
    const unsigned char *d = q + 1, *p = lx->cur;
    while (p < lx->lim) {
        const unsigned char *close = memchr(p, ')', (size_t)(lx->lim - p));
        if (!close)
            break;
        if ((size_t)(lx->lim - close) > dlen + 1 && memcmp(close + 1, d, dlen) == 0 &&
            close[1 + dlen] == '"') {
            count_lines(lx, lx->cur, close);
            lx->cur = close + dlen + 2;
            return true;
        }
        p = close + 1;
    }
    count_lines(lx, lx->cur, lx->lim);
    lx->cur = lx->lim;
    return false;
}

int lc_lex_next(lc_lexer_t *lx, lc_tok_t *t)
{
    for (;;) {
        /* The DFA runs on locals (cursor and marker in registers, not stored through
         * lx at every byte); each action first writes the cursor back, so the helpers
         * and the code below see lx->cur as before. */
        const unsigned char *cur = lx->cur, *mar = NULL;
        /* blanks between tokens (a third of a stack source) without entering the DFA */
        while (*cur == ' ' || *cur == '\t')
            cur++;
        const unsigned char *start = cur;
        lc_ck_loc_t at = { lx->line, (uint32_t)(start - lx->line_start) + 1 };
        t->punct = 0;
        t->msg = NULL;
    /*!re2c
        "\x00" { lx->cur = cur;
            if (lx->cur > lx->lim) {
                /* the sentinel: the end (and it stays the end) */
                lx->cur = lx->lim;
                t->kind = LC_TK_EOF;
                t->p = (const char *)lx->lim;
                t->len = 0;
                t->loc = at;
                return LC_TK_EOF;
            }
            return punct(lx, t, 0, start, at);   /* a NUL byte inside the file */
        }

        [ \t\v\f\r]+ { lx->cur = cur; continue; }
        "\n" | "\\" [ \t]* "\r"? "\n" { lx->cur = cur;
            lx->line++;
            lx->line_start = lx->cur;
            if (start[0] == '\n')
                lx->bol = true;
            continue;
        }

        "/*" { lx->cur = cur;
            bool ok = skip_block_comment(lx);
            if (lx->on_comment)
                lx->on_comment(lx->ctx, (const char *)start, (size_t)(lx->cur - start), at,
                               lx->line);
            if (!ok)
                return error(lx, t, "unterminated comment", start, at);
            continue;
        }
        "//" { lx->cur = cur;
            skip_line_comment(lx);
            if (lx->on_comment)
                lx->on_comment(lx->ctx, (const char *)start, (size_t)(lx->cur - start), at,
                               lx->line);
            continue;
        }

        "#" { lx->cur = cur;
            if (lx->bol) {
                skip_pp_line(lx);
                return emit(lx, t, LC_TK_PP, start, at);
            }
            return punct(lx, t, '#', start, at);
        }

        IDSTART IDCONT* { lx->cur = cur; return emit(lx, t, LC_TK_IDENT, start, at); }
        PPNUM           { lx->cur = cur; return emit(lx, t, LC_TK_NUMBER, start, at); }

        PREFIX? "\"" DQ* "\"" { lx->cur = cur;
            count_lines(lx, start, lx->cur);
            return emit(lx, t, LC_TK_STRING, start, at);
        }
        PREFIX? "'" SQ* "'" { lx->cur = cur;
            count_lines(lx, start, lx->cur);
            return emit(lx, t, LC_TK_CHAR, start, at);
        }
        PREFIX? "R\"" RAWDELIM "(" { lx->cur = cur;
            if (!skip_raw_string(lx, start))
                return error(lx, t, "unterminated raw string literal", start, at);
            return emit(lx, t, LC_TK_STRING, start, at);
        }
        PREFIX? "\"" DQ* { lx->cur = cur;
            count_lines(lx, start, lx->cur);
            return error(lx, t, "missing terminating \" character", start, at);
        }
        PREFIX? "'" SQ* { lx->cur = cur;
            count_lines(lx, start, lx->cur);
            return error(lx, t, "missing terminating ' character", start, at);
        }

        "->"  { lx->cur = cur; return punct(lx, t, LC_P_ARROW, start, at); }
        "++"  { lx->cur = cur; return punct(lx, t, LC_P_INC, start, at); }
        "--"  { lx->cur = cur; return punct(lx, t, LC_P_DEC, start, at); }
        "<<"  { lx->cur = cur; return punct(lx, t, LC_P_SHL, start, at); }
        ">>"  { lx->cur = cur; return punct(lx, t, LC_P_SHR, start, at); }
        "<="  { lx->cur = cur; return punct(lx, t, LC_P_LE, start, at); }
        ">="  { lx->cur = cur; return punct(lx, t, LC_P_GE, start, at); }
        "=="  { lx->cur = cur; return punct(lx, t, LC_P_EQ, start, at); }
        "!="  { lx->cur = cur; return punct(lx, t, LC_P_NE, start, at); }
        "&&"  { lx->cur = cur; return punct(lx, t, LC_P_ANDAND, start, at); }
        "||"  { lx->cur = cur; return punct(lx, t, LC_P_OROR, start, at); }
        "..." { lx->cur = cur; return punct(lx, t, LC_P_ELLIPSIS, start, at); }
        "##"  { lx->cur = cur; return punct(lx, t, LC_P_HASHHASH, start, at); }
        "::"  { lx->cur = cur; return punct(lx, t, LC_P_SCOPE, start, at); }
        "<<=" | ">>=" | [-+*/%&^|] "=" { lx->cur = cur; return punct(lx, t, LC_P_ASSIGNOP, start, at); }

        [^\x00] { lx->cur = cur; return punct(lx, t, start[0], start, at); }
    */
    }
}
