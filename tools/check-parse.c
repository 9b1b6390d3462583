/* check-parse.c - from tokens to declarations: the DSL invocations of one file.
 *
 * The parser does not run a preprocessor, because a stack source must be checkable
 * without its include paths or a compiler.  It does as much of one as the DSL needs:
 *   - object-like macros defined in the file (`#define CODE "..."`) are expanded,
 *     because sharing a string or a designator list that way is common;
 *   - function-like user macros are never expanded: a value that comes from one is "not
 *     statically known", and when one declares constructs (its body names a DSL
 *     declaration macro) the file is marked opaque, so that references into what it
 *     declares are not called undeclared;
 *   - `#if 0` regions are skipped; other conditional groups are read in every branch,
 *     and each declaration remembers its branches so that two declarations in
 *     different branches of one group are not duplicates.
 * Everything else in the file (functions, types, unrelated macros) is skimmed: only
 * file-scope identifiers are remembered, so that a reference to a hand-written
 * declaration is "not statically known" rather than undeclared.
 *
 * Expressions are parsed fully (precedence climbing) and folded when their operands are
 * constants; anything else becomes an LC_CV_UNKNOWN value carrying the reason.  A DSL
 * helper macro (LC_MINUTES(5), LC_ENV(...)) becomes the initializer it expands to, by
 * the template of its row in check-macros.c.
 *
 * Errors in the source never stop the parser: it reports check/syntax and resynchronizes
 * at the next comma or closing bracket of the invocation it was reading.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_FRAMES 64        /* nested macro expansions */
#define MAX_CONDS 64         /* nested #if groups that are tracked */
#define MAX_NEST 256         /* nested expressions / initializers */
#define UM_BUCKETS 1024

/* ---- user macros --------------------------------------------------------------------- */
typedef struct umacro {
    const char *name;
    size_t nlen;
    bool fnlike;
    lc_tok_t *body;
    size_t nbody;
    bool active;              /* being expanded: C never expands a macro inside itself */
    int declares;             /* -1 unknown yet, 0, 1: its expansion declares constructs */
    bool noted;
    struct umacro *next;
} umacro_t;

typedef struct frame {
    const lc_tok_t *toks;
    size_t n, i;
    umacro_t *m;              /* the macro being expanded, or NULL for re-read tokens */
    lc_ck_loc_t at;           /* where the macro was invoked: its tokens report there */
} frame_t;

typedef struct cond {
    uint32_t id, branch;
    bool skip;                /* this branch is dead (#if 0, or after a taken #if 1) */
    bool taken;               /* a branch of the group was certainly taken */
} cond_t;

typedef struct parser {
    lc_ck_run_t *run;
    lc_ck_file_t *f;
    lc_arena_t *a;
    lc_lexer_t lx;
    frame_t fr[MAX_FRAMES];
    int nfr;
    bool from_frame;          /* the last raw token came from a frame (already expanded) */
    lc_tok_t la;
    bool has_la;
    umacro_t *um[UM_BUCKETS];
    uint64_t um_lengths;      /* bit min(length, 63) set for every user macro defined */
    cond_t conds[MAX_CONDS];
    int ncond, nskip, overflow_conds;
    uint32_t next_cond;
    int nest;
    unsigned nsyntax;         /* syntax errors so far */
    const char **interned;        /* designators (see intern()) */
    uint32_t *interned_len;       /* their lengths, slot by slot */
    size_t ninterned, capinterned;
    const struct template **templates;   /* compiled templates, by macro row index */
    lc_cv_item_t *istack;         /* items of the lists being read (see push_item()) */
    size_t nistack, capistack;
    lc_cv_t *slab, *slab_end;     /* values are carved from here (see new_cv()) */
    char *scratch;                /* string literals are decoded here, then copied */
    size_t scratch_cap;
    const char **noted_unknown;   /* LC_* names already noted as unknown */
    size_t nnoted, capnoted;
} parser_t;

static bool tok_is(const lc_tok_t *t, const char *s)
{
    size_t n = strlen(s);
    return t->kind == LC_TK_IDENT && t->len == n && memcmp(t->p, s, n) == 0;
}

static bool is_punct(const lc_tok_t *t, int c)
{
    return t->kind == LC_TK_PUNCT && t->punct == c;
}

static char *tok_str(parser_t *p, const lc_tok_t *t)
{
    return lc_strndup(p->a, t->p, t->len);
}

static umacro_t *find_umacro_in_bucket(parser_t *p, const char *name, size_t n)
{
    for (umacro_t *m = p->um[lc_ck_hash(name, n) % UM_BUCKETS]; m; m = m->next)
        if (m->nlen == n && memcmp(m->name, name, n) == 0)
            return m;
    return NULL;
}

/* The user macro of a name, or NULL.  Inline: it runs for nearly every identifier, and
 * most are no user macro, which the length test tells without a call. */
static inline umacro_t *find_umacro(parser_t *p, const char *name, size_t n)
{
    if (!(p->um_lengths & (UINT64_C(1) << (n < 63 ? n : 63))))
        return NULL;
    return find_umacro_in_bucket(p, name, n);
}

/* A zeroed value of the file's model.  Values are the most frequent allocation (one per
 * token of a value, nearly): they come from slabs of 128, one arena call per slab. */
static lc_cv_t *new_cv(parser_t *p, lc_cv_kind_t kind, lc_ck_loc_t loc)
{
    if (p->slab == p->slab_end) {
        p->slab = lc_xalloc(p->a, 128 * sizeof *p->slab);
        p->slab_end = p->slab + 128;
    }
    lc_cv_t *v = p->slab++;
    v->kind = kind;
    v->loc = loc;
    return v;
}

static lc_cv_t *unknown(parser_t *p, lc_ck_loc_t loc, const char *why)
{
    lc_cv_t *v = new_cv(p, LC_CV_UNKNOWN, loc);
    v->s = why;
    return v;
}

/* The one copy of a designator ("timeout", "code.text"): designators repeat in every
 * declaration, so they are stored once and compared by length first. */
static const char *intern(parser_t *p, const char *s, size_t n)
{
    if (2 * (p->ninterned + 1) > p->capinterned) {
        size_t cap = p->capinterned ? p->capinterned * 2 : 256;
        const char **t = lc_xalloc(p->a, cap * sizeof *t);
        uint32_t *tl = lc_xalloc(p->a, cap * sizeof *tl);
        for (size_t i = 0; i < p->capinterned; i++)
            if (p->interned[i]) {
                size_t h = lc_ck_hash(p->interned[i], p->interned_len[i]) & (cap - 1);
                while (t[h])
                    h = (h + 1) & (cap - 1);
                t[h] = p->interned[i];
                tl[h] = p->interned_len[i];
            }
        p->interned = t;
        p->interned_len = tl;
        p->capinterned = cap;
    }
    /* lengths are kept beside the strings: a hit costs one memcmp of known size */
    size_t h = lc_ck_hash(s, n) & (p->capinterned - 1);
    for (; p->interned[h]; h = (h + 1) & (p->capinterned - 1))
        if (p->interned_len[h] == n && memcmp(p->interned[h], s, n) == 0)
            return p->interned[h];
    p->ninterned++;
    p->interned_len[h] = (uint32_t)n;
    return p->interned[h] = lc_strndup(p->a, s, n);
}

/* Room for n items in a new initializer (add_item() never grows it). */
static void reserve_items(parser_t *p, lc_cv_t *init, size_t n)
{
    init->items = n ? lc_xalloc(p->a, n * sizeof *init->items) : NULL;
    init->nitems = 0;
}

/* Append an item; desig (n bytes, NULL for a positional item) is already interned.  The
 * room was reserved by reserve_items(). */
static void add_item(parser_t *p, lc_cv_t *init, const char *desig, size_t n, lc_ck_loc_t loc,
                     lc_cv_t *val)
{
    lc_cv_item_t *it = &init->items[init->nitems++];
    (void)p;
    it->desig = desig;
    it->dlen = desig ? (uint32_t)n : 0;
    it->dkey = desig ? lc_ck_desig_key(desig) : 0;
    it->loc = loc;
    it->val = val;
}

/* Append a copy of an item made elsewhere. */
static void copy_item(parser_t *p, lc_cv_t *init, const lc_cv_item_t *it)
{
    (void)p;
    init->items[init->nitems++] = *it;
}

/* ---- suppression comments -------------------------------------------------------------- */

static void on_comment(void *ctx, const char *text, size_t len, lc_ck_loc_t at, uint32_t end_line)
{
    parser_t *p = ctx;
    static const char marker[] = "lambdac-check:";
    /* the marker must open the comment (after blanks), so that prose mentioning it in
     * a comment is not a suppression */
    const char *m = text + 2;
    while (m < text + len && (*m == ' ' || *m == '\t' || *m == '*' || *m == '/'))
        m++;
    if ((size_t)(text + len - m) < sizeof marker - 1 || memcmp(m, marker, sizeof marker - 1) != 0)
        return;
    const char *s = m + sizeof marker - 1, *e = text + len;
    /* drop the closing star-slash - when there is one: a comment left open at the end
     * of the file has none, and e fell before s (a heap overread, t/fuzz/check.c) */
    if (len >= 4 && text[1] == '*' && text[len - 2] == '*' && text[len - 1] == '/'
        && e - 2 >= s)
        e -= 2;
    lc_ck_file_t *f = p->f;
    lc_ck_loc_t loc = { at.line, at.col + (uint32_t)(m - text) };
    while (s < e && isspace((unsigned char)*s))
        s++;
    if ((size_t)(e - s) < 7 || memcmp(s, "ignore[", 7) != 0) {
        lc_ck_report(p->run, f, loc, LC_R_BAD_SUPPRESSION,
                     "malformed suppression: write 'lambdac-check: ignore[rule-id] reason'");
        return;
    }
    s += 7;
    const char *close = memchr(s, ']', (size_t)(e - s));
    if (!close) {
        lc_ck_report(p->run, f, loc, LC_R_BAD_SUPPRESSION, "malformed suppression: missing ']'");
        return;
    }
    if (f->nsupprs == f->capsupprs) {
        size_t cap = f->capsupprs ? f->capsupprs * 2 : 8;
        f->supprs = lc_realloc(lc_ck_keep(p->run), f->supprs, f->capsupprs * sizeof *f->supprs,
                               cap * sizeof *f->supprs);
        f->capsupprs = cap;
    }
    lc_ck_suppr_t *sp = &f->supprs[f->nsupprs];
    memset(sp, 0, sizeof *sp);
    sp->line = end_line;
    sp->loc = loc;
    sp->rules = lc_xalloc(lc_ck_keep(p->run), (size_t)(close - s + 1) * sizeof *sp->rules);
    for (const char *q = s; q < close;) {
        while (q < close && (isspace((unsigned char)*q) || *q == ','))
            q++;
        const char *w = q;
        while (q < close && !isspace((unsigned char)*q) && *q != ',')
            q++;
        if (q == w)
            continue;
        char *id = lc_strndup(lc_ck_keep(p->run), w, (size_t)(q - w));
        size_t il = strlen(id);     /* shorter than q - w when the comment holds a NUL
                                     * byte (t/fuzz/check.c found one first in a word) */
        bool ok = il && lc_ck_rule_find(id) >= 0;
        char last = il ? id[il - 1] : '\0';
        if (!ok && (last == '*' || last == '/')) {
            /* a prefix: "sec/" and a star, or "sec/" alone (which a block comment holds
             * without -Wcomment); it must cover at least one rule */
            size_t pl = il - (last == '*');
            for (int r = 0; r < LC_R__COUNT && !ok; r++)
                ok = strncmp(lc_ck_rules[r].id, id, pl) == 0;
        }
        if (!ok) {
            lc_ck_report(p->run, f, loc, LC_R_BAD_SUPPRESSION,
                         "suppression names an unknown rule '%s' (see lambdac-check --list-rules)", id);
            continue;
        }
        sp->rules[sp->nrules++] = id;
    }
    const char *r = close + 1;
    while (r < e && isspace((unsigned char)*r))
        r++;
    const char *re = e;
    while (re > r && isspace((unsigned char)re[-1]))
        re--;
    sp->reason = lc_strndup(lc_ck_keep(p->run), r, (size_t)(re - r));
    if (sp->nrules)
        f->nsupprs++;
}

/* ---- preprocessor lines --------------------------------------------------------------- */

static const char *skip_blank(const char *s, const char *e)
{
    for (;;) {
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v' || *s == '\r'))
            s++;
        if (s + 1 < e && s[0] == '\\' && s[1] == '\n') {
            s += 2;
            continue;
        }
        if (s + 1 < e && s[0] == '/' && s[1] == '*') {
            const char *c = s + 2;
            while (c + 1 < e && !(c[0] == '*' && c[1] == '/'))
                c++;
            s = c + 1 < e ? c + 2 : e;
            continue;
        }
        return s;
    }
}

static size_t ident_len(const char *s, const char *e)
{
    const char *q = s;
    while (q < e && (isalnum((unsigned char)*q) || *q == '_' || *q == '$'))
        q++;
    return (size_t)(q - s);
}

/* Tokens of a macro body (copied, so that the lexer's sentinel rule holds). */
static lc_tok_t *lex_body(parser_t *p, const char *s, const char *e, size_t *n)
{
    size_t len = (size_t)(e - s), cap = 8, cnt = 0;
    char *copy = lc_strndup(p->a, s, len);
    lc_tok_t *v = lc_xalloc(p->a, cap * sizeof *v);
    lc_lexer_t lx;
    lc_tok_t t;
    lc_lex_init(&lx, copy, len, 1);
    lx.bol = false;
    while (lc_lex_next(&lx, &t) != LC_TK_EOF) {
        if (t.kind == LC_TK_ERROR || t.kind == LC_TK_PP)
            continue;
        if (cnt == cap) {
            v = lc_realloc(p->a, v, cap * sizeof *v, 2 * cap * sizeof *v);
            cap *= 2;
        }
        v[cnt++] = t;
    }
    *n = cnt;
    return v;
}

static void define_macro(parser_t *p, const char *s, const char *e)
{
    size_t nl = ident_len(s, e);
    if (nl == 0)
        return;
    const char *name = s;
    s += nl;
    bool fnlike = s < e && *s == '(';
    if (fnlike) {
        while (s < e && *s != ')')
            s++;
        if (s < e)
            s++;
    }
    uint32_t h = lc_ck_hash(name, nl) % UM_BUCKETS;
    p->um_lengths |= UINT64_C(1) << (nl < 63 ? nl : 63);
    umacro_t *m = find_umacro(p, name, nl);
    if (!m) {
        m = lc_xalloc(p->a, sizeof *m);
        m->name = lc_strndup(p->a, name, nl);
        m->nlen = nl;
        m->next = p->um[h];
        p->um[h] = m;
    }
    m->fnlike = fnlike;
    m->declares = -1;
    m->active = false;
    m->body = lex_body(p, s, e, &m->nbody);
}

static void undef_macro(parser_t *p, const char *s, const char *e)
{
    size_t nl = ident_len(s, e);
    umacro_t **pp = &p->um[lc_ck_hash(s, nl) % UM_BUCKETS];
    for (; *pp; pp = &(*pp)->next)
        if ((*pp)->nlen == nl && memcmp((*pp)->name, s, nl) == 0) {
            *pp = (*pp)->next;
            return;
        }
}

/* The value of an #if / #elif condition when it is a literal 0 or 1; -1 otherwise. */
static int literal_cond(const char *s, const char *e)
{
    s = skip_blank(s, e);
    if (s < e && (*s == '0' || *s == '1')) {
        int v = *s - '0';
        s = skip_blank(s + 1, e);
        if (s == e || (s + 1 < e && s[0] == '/' && s[1] == '/'))
            return v;
    }
    return -1;
}

static void directive(parser_t *p, const lc_tok_t *t)
{
    const char *s = t->p + 1, *e = t->p + t->len;
    s = skip_blank(s, e);
    size_t wl = ident_len(s, e);
    const char *w = s;
    s = skip_blank(s + wl, e);
#define IS(word) (wl == sizeof(word) - 1 && memcmp(w, word, wl) == 0)
    if (IS("if") || IS("ifdef") || IS("ifndef")) {
        if (p->ncond == MAX_CONDS) {
            p->overflow_conds++;
            return;
        }
        cond_t *c = &p->conds[p->ncond++];
        int lit = IS("if") ? literal_cond(s, e) : -1;
        c->id = ++p->next_cond;
        c->branch = 0;
        c->skip = lit == 0;
        c->taken = lit == 1;
        if (c->skip)
            p->nskip++;
    } else if (IS("elif") || IS("else") || IS("elifdef") || IS("elifndef")) {
        if (p->overflow_conds || p->ncond == 0)
            return;
        cond_t *c = &p->conds[p->ncond - 1];
        int lit = IS("elif") ? literal_cond(s, e) : IS("else") ? 1 : -1;
        bool skip = c->taken || lit == 0;
        if (!c->taken && lit == 1 && IS("elif"))
            c->taken = true;
        if (skip != c->skip)
            p->nskip += skip ? 1 : -1;
        c->skip = skip;
        c->branch++;
    } else if (IS("endif")) {
        if (p->overflow_conds) {
            p->overflow_conds--;
            return;
        }
        if (p->ncond == 0)
            return;
        if (p->conds[p->ncond - 1].skip)
            p->nskip--;
        p->ncond--;
    } else if (p->nskip) {
        return;
    } else if (IS("define")) {
        define_macro(p, s, e);
    } else if (IS("undef")) {
        undef_macro(p, s, e);
    }
#undef IS
}

/* ---- the token stream ------------------------------------------------------------------- */

static void report_syntax(parser_t *p, lc_ck_loc_t loc, const char *msg)
{
    p->nsyntax++;
    lc_ck_report(p->run, p->f, loc, LC_R_SYNTAX, "%s", msg);
}

static int raw_next(parser_t *p, lc_tok_t *t)
{
    for (;;) {
        if (p->nfr) {
            frame_t *fr = &p->fr[p->nfr - 1];
            if (fr->i < fr->n) {
                *t = fr->toks[fr->i++];
                if (fr->m)
                    t->loc = fr->at;
                p->from_frame = true;
                return t->kind;
            }
            if (fr->m)
                fr->m->active = false;
            p->nfr--;
            continue;
        }
        p->from_frame = false;
        lc_lex_next(&p->lx, t);
        if (t->kind == LC_TK_PP) {
            directive(p, t);
            continue;
        }
        if (t->kind == LC_TK_EOF)
            return t->kind;
        if (p->nskip)
            continue;
        if (t->kind == LC_TK_ERROR) {
            report_syntax(p, t->loc, t->msg);
            continue;
        }
        return t->kind;
    }
}

/* The next token, object-like user macros expanded.  A token that came from a macro
 * body may expand another macro (still guarded by `active`); one that was only put back
 * by unread() was expanded already.  Expanded tokens report the invocation's place. */
static int next_slow(parser_t *p, lc_tok_t *t)
{
    for (;;) {
        raw_next(p, t);
        if (t->kind != LC_TK_IDENT || p->nfr >= MAX_FRAMES ||
            (p->from_frame && !p->fr[p->nfr - 1].m))
            return t->kind;
        umacro_t *m = find_umacro(p, t->p, t->len);
        if (!m || m->fnlike || m->active || lc_ck_macro_find(t->p, t->len))
            return t->kind;
        lc_ck_loc_t at = p->from_frame ? p->fr[p->nfr - 1].at : t->loc;
        frame_t *fr = &p->fr[p->nfr++];
        fr->toks = m->body;
        fr->n = m->nbody;
        fr->i = 0;
        fr->m = m;
        fr->at = at;
        m->active = true;
    }
}

/* The hot part of next(): the token peek() read already. */
static inline int next(parser_t *p, lc_tok_t *t)
{
    if (p->has_la) {
        *t = p->la;
        p->has_la = false;
        return t->kind;
    }
    return next_slow(p, t);
}

static const lc_tok_t *peek(parser_t *p)
{
    if (!p->has_la) {
        next(p, &p->la);        /* straight into the lookahead: no copy (next() does
                                 * not read p->la while has_la is false) */
        p->has_la = true;
    }
    return &p->la;
}

/* Put tokens back in front of the stream (they are read again as they are). */
static void unread(parser_t *p, const lc_tok_t *toks, size_t n)
{
    if (p->nfr + 2 > MAX_FRAMES)
        return;
    if (p->has_la) {
        lc_tok_t *one = lc_xalloc(p->a, sizeof *one);
        *one = p->la;
        p->has_la = false;
        p->fr[p->nfr++] = (frame_t){ one, 1, 0, NULL, { 0, 0 } };
    }
    p->fr[p->nfr++] = (frame_t){ toks, n, 0, NULL, { 0, 0 } };
}

/* After an opening bracket: skip to its partner (consumed); false at EOF. */
static bool skip_balanced(parser_t *p, int open, lc_ck_loc_t at)
{
    int depth = 1;
    lc_tok_t t;
    (void)open;
    while (depth > 0) {
        if (next(p, &t) == LC_TK_EOF) {
            report_syntax(p, at, "unterminated bracket: the file ends first");
            return false;
        }
        if (t.kind != LC_TK_PUNCT)
            continue;
        if (t.punct == '(' || t.punct == '[' || t.punct == '{')
            depth++;
        else if (t.punct == ')' || t.punct == ']' || t.punct == '}')
            depth--;
    }
    return true;
}

/* Skip what remains of a list item: to the next ',' or closing bracket at depth 0 (not
 * consumed). */
static void skip_item(parser_t *p)
{
    for (;;) {
        const lc_tok_t *t = peek(p);
        if (t->kind == LC_TK_EOF)
            return;
        if (t->kind == LC_TK_PUNCT) {
            int c = t->punct;
            if (c == ',' || c == ')' || c == ']' || c == '}' || c == ';')
                return;
            if (c == '(' || c == '[' || c == '{') {
                lc_tok_t o;
                next(p, &o);
                skip_balanced(p, c, o.loc);
                continue;
            }
        }
        lc_tok_t x;
        next(p, &x);
    }
}

/* ---- literals ------------------------------------------------------------------------------ */

typedef struct strbuf {
    char *s;
    size_t n, cap;
} strbuf_t;

static void sb_append(parser_t *p, strbuf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > cap)
            cap *= 2;
        b->s = lc_realloc(p->a, b->s, b->cap, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_putc(parser_t *p, strbuf_t *b, char c)
{
    sb_append(p, b, &c, 1);
}

/* The parser's reusable buffer for decoding literals (copied out at the exact size). */
static strbuf_t scratch(parser_t *p)
{
    strbuf_t b = { p->scratch, 0, p->scratch_cap };
    if (b.s)
        b.s[0] = '\0';
    return b;
}

static void scratch_done(parser_t *p, const strbuf_t *b)
{
    p->scratch = b->s;
    p->scratch_cap = b->cap;
}

static void sb_utf8(parser_t *p, strbuf_t *b, uint32_t cp)
{
    if (cp < 0x80) {
        sb_putc(p, b, (char)cp);
    } else if (cp < 0x800) {
        sb_putc(p, b, (char)(0xc0 | (cp >> 6)));
        sb_putc(p, b, (char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        sb_putc(p, b, (char)(0xe0 | (cp >> 12)));
        sb_putc(p, b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        sb_putc(p, b, (char)(0x80 | (cp & 0x3f)));
    } else {
        sb_putc(p, b, (char)(0xf0 | (cp >> 18)));
        sb_putc(p, b, (char)(0x80 | ((cp >> 12) & 0x3f)));
        sb_putc(p, b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        sb_putc(p, b, (char)(0x80 | (cp & 0x3f)));
    }
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Decode the escapes of the literal body [s, e) onto b (C's rules: \n, \x41, \101,
 * \u00e9 as UTF-8; a backslash-newline disappears). */
static void decode_escapes(parser_t *p, strbuf_t *b, const char *s, const char *e)
{
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        if (!bs) {
            sb_append(p, b, s, (size_t)(e - s));   /* the common case: no escape at all */
            return;
        }
        if (bs > s)
            sb_append(p, b, s, (size_t)(bs - s));
        s = bs;
        char c = *s++;
        if (s >= e) {
            sb_putc(p, b, c);
            continue;
        }
        c = *s++;
        switch (c) {
        case 'n': sb_putc(p, b, '\n'); break;
        case 't': sb_putc(p, b, '\t'); break;
        case 'r': sb_putc(p, b, '\r'); break;
        case 'a': sb_putc(p, b, '\a'); break;
        case 'b': sb_putc(p, b, '\b'); break;
        case 'f': sb_putc(p, b, '\f'); break;
        case 'v': sb_putc(p, b, '\v'); break;
        case 'e': sb_putc(p, b, 27); break;
        case '\n': break;
        case '\r': if (s < e && *s == '\n') s++; break;
        case 'x': {
            uint32_t v = 0;
            while (s < e && hexval((unsigned char)*s) >= 0)
                v = v * 16 + (uint32_t)hexval((unsigned char)*s++);
            sb_putc(p, b, (char)(v & 0xff));
            break;
        }
        case 'u':
        case 'U': {
            int nd = c == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int i = 0; i < nd && s < e && hexval((unsigned char)*s) >= 0; i++)
                v = v * 16 + (uint32_t)hexval((unsigned char)*s++);
            sb_utf8(p, b, v);
            break;
        }
        default:
            if (c >= '0' && c <= '7') {
                uint32_t v = (uint32_t)(c - '0');
                for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
                    v = v * 8 + (uint32_t)(*s++ - '0');
                sb_putc(p, b, (char)(v & 0xff));
            } else {
                sb_putc(p, b, c);      /* \\ \" \' \? and unknown escapes */
            }
        }
    }
}

static void decode_string_tok(parser_t *p, strbuf_t *b, const lc_tok_t *t)
{
    const char *s = t->p, *e = t->p + t->len;
    const char *q = memchr(s, '"', t->len);
    if (!q)
        return;
    if (q > s && q[-1] == 'R') {
        /* raw string R"delim( ... )delim" */
        const char *open = memchr(q, '(', (size_t)(e - q));
        size_t dlen = open ? (size_t)(open - q - 1) : 0;
        if (!open || (size_t)(e - open) < dlen + 2)
            return;
        sb_append(p, b, open + 1, (size_t)((e - dlen - 2) - (open + 1)));
        return;
    }
    decode_escapes(p, b, q + 1, e - 1);
}

static lc_cv_t *number(parser_t *p, const lc_tok_t *t)
{
    char buf[128];
    size_t n = 0;
    if (t->len >= sizeof buf)
        return unknown(p, t->loc, "a number too long to read");
    for (size_t i = 0; i < t->len; i++)
        if (t->p[i] != '\'')
            buf[n++] = t->p[i];
    buf[n] = '\0';
    bool hex = n > 1 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
    bool bin = n > 1 && buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B');
    bool flt = hex ? strpbrk(buf, ".pP") != NULL : strpbrk(buf, ".eE") != NULL;
    char *end;
    errno = 0;
    if (flt) {
        double d = strtod(buf, &end);
        while (*end == 'f' || *end == 'F' || *end == 'l' || *end == 'L')
            end++;
        if (*end || errno)
            return unknown(p, t->loc, "a number the checker cannot read");
        lc_cv_t *v = new_cv(p, LC_CV_NUM, t->loc);
        v->n = d;
        return v;
    }
    unsigned long long u = bin ? strtoull(buf + 2, &end, 2) : strtoull(buf, &end, 0);
    while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
        end++;
    if (*end || errno || u > (unsigned long long)INT64_MAX)
        return unknown(p, t->loc, "a number the checker cannot read");
    lc_cv_t *v = new_cv(p, LC_CV_INT, t->loc);
    v->i = (int64_t)u;
    return v;
}

static lc_cv_t *char_const(parser_t *p, const lc_tok_t *t)
{
    strbuf_t b = scratch(p);
    const char *q = memchr(t->p, '\'', t->len);
    if (q)
        decode_escapes(p, &b, q + 1, t->p + t->len - 1);
    scratch_done(p, &b);
    if (b.n != 1)
        return unknown(p, t->loc, "a multi-character constant");
    lc_cv_t *v = new_cv(p, LC_CV_INT, t->loc);
    v->i = (unsigned char)b.s[0];
    return v;
}

/* ---- expressions --------------------------------------------------------------------------- */

static lc_cv_t *parse_value(parser_t *p);
static lc_cv_t *parse_expr(parser_t *p, int minprec);
static lc_cv_t *parse_unary(parser_t *p);
static void parse_list(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc);
static size_t parse_list_transient(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc);
static void keep_list(parser_t *p, lc_cv_t *init, size_t base);

static bool is_stop(const lc_tok_t *t)
{
    if (t->kind == LC_TK_EOF)
        return true;
    if (t->kind != LC_TK_PUNCT)
        return false;
    switch (t->punct) {
    case ',': case ')': case ']': case '}': case ';': case ':': case '=': case '.':
    case LC_P_ASSIGNOP:
        return true;
    default:
        return false;
    }
}

static int binprec(const lc_tok_t *t)
{
    if (t->kind != LC_TK_PUNCT)
        return -1;
    switch (t->punct) {
    case LC_P_OROR: return 1;
    case LC_P_ANDAND: return 2;
    case '|': return 3;
    case '^': return 4;
    case '&': return 5;
    case LC_P_EQ: case LC_P_NE: return 6;
    case '<': case '>': case LC_P_LE: case LC_P_GE: return 7;
    case LC_P_SHL: case LC_P_SHR: return 8;
    case '+': case '-': return 9;
    case '*': case '/': case '%': return 10;
    default: return -1;
    }
}

static bool is_num(const lc_cv_t *v)
{
    return v->kind == LC_CV_INT || v->kind == LC_CV_NUM;
}

static double as_double(const lc_cv_t *v)
{
    return v->kind == LC_CV_INT ? (double)v->i : v->n;
}

/* a op b on constants; unknown otherwise (or on overflow / division by zero). */
static lc_cv_t *fold(parser_t *p, int op, lc_cv_t *a, lc_cv_t *b)
{
    if (!is_num(a) || !is_num(b)) {
        if (a->kind == LC_CV_UNKNOWN)
            return a;
        if (b->kind == LC_CV_UNKNOWN)
            return b;
        return unknown(p, a->loc, "a computed value");
    }
    lc_cv_t *r = new_cv(p, LC_CV_INT, a->loc);
    if (a->kind == LC_CV_NUM || b->kind == LC_CV_NUM) {
        double x = as_double(a), y = as_double(b);
        switch (op) {
        case '+': r->kind = LC_CV_NUM; r->n = x + y; return r;
        case '-': r->kind = LC_CV_NUM; r->n = x - y; return r;
        case '*': r->kind = LC_CV_NUM; r->n = x * y; return r;
        case '/': r->kind = LC_CV_NUM; r->n = x / y; return r;
        case '<': r->i = x < y; return r;
        case '>': r->i = x > y; return r;
        case LC_P_LE: r->i = x <= y; return r;
        case LC_P_GE: r->i = x >= y; return r;
        case LC_P_EQ: r->i = x == y; return r;
        case LC_P_NE: r->i = x != y; return r;
        case LC_P_ANDAND: r->i = x != 0 && y != 0; return r;
        case LC_P_OROR: r->i = x != 0 || y != 0; return r;
        default: return unknown(p, a->loc, "a computed value");
        }
    }
    int64_t x = a->i, y = b->i;
    uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
    switch (op) {
    case '+':
        if ((y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y))
            return unknown(p, a->loc, "an overflowing computation");
        r->i = x + y;
        break;
    case '-':
        if ((y < 0 && x > INT64_MAX + y) || (y > 0 && x < INT64_MIN + y))
            return unknown(p, a->loc, "an overflowing computation");
        r->i = x - y;
        break;
    case '*':
        if (x != 0 && y != 0 && ((x == -1 && y == INT64_MIN) || (y == -1 && x == INT64_MIN) ||
                                 (x != -1 && y != -1 && (y > INT64_MAX / (x < 0 ? -x : x) ||
                                                         x == INT64_MIN || y == INT64_MIN))))
            return unknown(p, a->loc, "an overflowing computation");
        r->i = x * y;
        break;
    case '/':
    case '%':
        if (y == 0 || (x == INT64_MIN && y == -1))
            return unknown(p, a->loc, "a division by zero");
        r->i = op == '/' ? x / y : x % y;
        break;
    case LC_P_SHL:
        if (y < 0 || y > 62)
            return unknown(p, a->loc, "a shift out of range");
        r->i = (int64_t)(ux << y);
        break;
    case LC_P_SHR:
        if (y < 0 || y > 63)
            return unknown(p, a->loc, "a shift out of range");
        r->i = x >> y;
        break;
    case '&': r->i = (int64_t)(ux & uy); break;
    case '|': r->i = (int64_t)(ux | uy); break;
    case '^': r->i = (int64_t)(ux ^ uy); break;
    case '<': r->i = x < y; break;
    case '>': r->i = x > y; break;
    case LC_P_LE: r->i = x <= y; break;
    case LC_P_GE: r->i = x >= y; break;
    case LC_P_EQ: r->i = x == y; break;
    case LC_P_NE: r->i = x != y; break;
    case LC_P_ANDAND: r->i = x && y; break;
    case LC_P_OROR: r->i = x || y; break;
    default: return unknown(p, a->loc, "a computed value");
    }
    return r;
}

static lc_cv_t *parse_expr(parser_t *p, int minprec)
{
    lc_cv_t *lhs = parse_unary(p);
    for (;;) {
        const lc_tok_t *t = peek(p);
        if (minprec <= 1 && is_punct(t, '?')) {
            lc_tok_t q;
            next(p, &q);
            lc_cv_t *a = parse_expr(p, 1);
            if (!is_punct(peek(p), ':'))
                return unknown(p, lhs->loc, "a conditional expression the checker cannot read");
            next(p, &q);
            lc_cv_t *b = parse_expr(p, 1);
            if (is_num(lhs))
                lhs = as_double(lhs) != 0 ? a : b;
            else
                lhs = lhs->kind == LC_CV_UNKNOWN ? lhs : unknown(p, lhs->loc, "a conditional expression");
            continue;
        }
        int prec = binprec(t);
        if (prec < 0 || prec < minprec)
            return lhs;
        lc_tok_t op;
        next(p, &op);
        lc_cv_t *rhs = parse_expr(p, prec + 1);
        lhs = fold(p, op.punct, lhs, rhs);
    }
}

static bool is_type_keyword(const lc_tok_t *t)
{
    static const char *const kw[] = {
        "const", "volatile", "restrict", "struct", "union", "enum", "signed", "unsigned",
        "char", "short", "int", "long", "float", "double", "void", "_Bool", "bool",
        "_Atomic", "__restrict", "__const", "size_t", "int64_t", "int32_t", "uint32_t",
        "uint64_t", "int8_t", "uint8_t", "int16_t", "uint16_t", "uintptr_t", "intptr_t"
    };
    if (t->kind != LC_TK_IDENT)
        return false;
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (tok_is(t, kw[i]))
            return true;
    return false;
}

static bool is_qualifier(const lc_tok_t *t)
{
    return tok_is(t, "const") || tok_is(t, "volatile") || tok_is(t, "restrict") ||
           tok_is(t, "__restrict") || tok_is(t, "_Atomic");
}

/* The tokens of a parenthesized type name, as a compact string ("lc_kv_t[]"). */
static const char *type_text(parser_t *p, const lc_tok_t *toks, size_t n)
{
    strbuf_t b = { 0 };
    for (size_t i = 0; i < n; i++) {
        if (is_qualifier(&toks[i]) || tok_is(&toks[i], "struct"))
            continue;
        if (toks[i].kind == LC_TK_NUMBER)
            continue;    /* "T[3]" reads as "T[]" */
        for (size_t k = 0; k < toks[i].len; k++)
            sb_putc(p, &b, toks[i].p[k]);
    }
    return b.s ? b.s : "";
}

/* After '(': a cast, a compound literal or a parenthesized expression. */
static lc_cv_t *paren(parser_t *p, const lc_tok_t *lp)
{
    size_t cap = 8, n = 0;
    lc_tok_t *toks = lc_xalloc(p->a, cap * sizeof *toks);
    int depth = 0;
    bool typeish = true, after_star = false;
    for (;;) {
        lc_tok_t t;
        if (next(p, &t) == LC_TK_EOF || (depth == 0 && is_punct(&t, ';'))) {
            report_syntax(p, lp->loc, "unterminated parenthesis");
            if (t.kind != LC_TK_EOF) {
                lc_tok_t *one = lc_xalloc(p->a, sizeof *one);
                *one = t;
                unread(p, one, 1);
            }
            return unknown(p, lp->loc, "an unreadable expression");
        }
        if (n + 1 >= cap) {
            toks = lc_realloc(p->a, toks, cap * sizeof *toks, 2 * cap * sizeof *toks);
            cap *= 2;
        }
        toks[n++] = t;
        if (t.kind == LC_TK_PUNCT && (t.punct == '(' || t.punct == '[' || t.punct == '{'))
            depth++;
        if (t.kind == LC_TK_PUNCT && (t.punct == ')' || t.punct == ']' || t.punct == '}')) {
            if (depth == 0)
                break;
            depth--;
        }
        /* a type name: identifiers, '*', '[', ']' and numbers in brackets, no identifier
         * after a '*' but qualifiers */
        if (t.kind == LC_TK_IDENT) {
            if (after_star && !is_qualifier(&t))
                typeish = false;
        } else if (t.kind == LC_TK_PUNCT && t.punct == '*') {
            after_star = true;
        } else if (!(t.kind == LC_TK_PUNCT && (t.punct == '[' || t.punct == ']')) &&
                   t.kind != LC_TK_NUMBER) {
            typeish = false;
        }
    }
    size_t inner = n - 1;      /* without the ')' */
    bool has_star = false;
    for (size_t i = 0; i < inner; i++)
        if (is_punct(&toks[i], '*') || is_punct(&toks[i], '['))
            has_star = true;
    if (inner == 0)
        typeish = false;
    if (typeish) {
        const lc_tok_t *nx = peek(p);
        if (is_punct(nx, '{')) {
            lc_tok_t open;
            next(p, &open);
            lc_cv_t *init = new_cv(p, LC_CV_INIT, lp->loc);
            init->type = type_text(p, toks, inner);
            parse_list(p, '}', init, open.loc);
            /* (T[]){ { ... }, ... }: each braced element is a T */
            size_t tl = strlen(init->type);
            if (tl > 2 && strcmp(init->type + tl - 2, "[]") == 0) {
                const char *elem = lc_strndup(p->a, init->type, tl - 2);
                for (size_t i = 0; i < init->nitems; i++)
                    if (init->items[i].val->kind == LC_CV_INIT && !init->items[i].val->type)
                        init->items[i].val->type = elem;
            }
            return init;
        }
        size_t tl = toks[inner - 1].len;
        bool t_suffix = toks[0].kind == LC_TK_IDENT && inner == 1 && tl > 2 &&
                        memcmp(toks[0].p + tl - 2, "_t", 2) == 0;
        if (is_type_keyword(&toks[0]) || has_star || t_suffix) {
            lc_cv_t *v = parse_unary(p);      /* a cast: the value goes through */
            if (v->kind == LC_CV_INT && v->i == 0 && has_star)
                v->kind = LC_CV_NULL;
            return v;
        }
    }
    unread(p, toks, n);
    lc_cv_t *v = parse_expr(p, 0);
    if (!is_punct(peek(p), ')')) {
        skip_item(p);
        if (is_punct(peek(p), ','))
            v = unknown(p, lp->loc, "a comma expression");
        while (!is_punct(peek(p), ')') && peek(p)->kind != LC_TK_EOF) {
            lc_tok_t x;
            next(p, &x);
        }
    }
    lc_tok_t rp;
    next(p, &rp);
    return v;
}

static void note_unknown_macro(parser_t *p, const lc_tok_t *t)
{
    for (size_t i = 0; i < p->nnoted; i++)
        if (strlen(p->noted_unknown[i]) == t->len && memcmp(p->noted_unknown[i], t->p, t->len) == 0)
            return;
    if (p->nnoted == p->capnoted) {
        size_t cap = p->capnoted ? p->capnoted * 2 : 8;
        p->noted_unknown = lc_realloc(p->a, p->noted_unknown, p->capnoted * sizeof(char *),
                                      cap * sizeof(char *));
        p->capnoted = cap;
    }
    p->noted_unknown[p->nnoted++] = tok_str(p, t);
    lc_ck_report(p->run, p->f, t->loc, LC_R_UNKNOWN_MACRO,
                 "unknown lambdac macro %.*s: the checker does not look into it", (int)t->len, t->p);
}

/* Split a template word list into words (static storage per call is not needed: the
 * templates are string literals, words are compared in place). */
/* A template word, compiled once per macro row (see lc_ck_macro_t in check.h). */
enum { W_NAME, W_ID, W_TYPE, W_REST, W_LIST, W_COUNT, W_FIXED, W_REF, W_SCALED, W_MEMBER };
typedef struct tword {
    int kind;                  /* W_* */
    const char *name;          /* the member (interned), for LIST/COUNT/FIXED/REF/SCALED/MEMBER */
    uint32_t nlen;
    int64_t scale;             /* W_SCALED */
    const char *text;          /* W_FIXED: the constant as written */
    size_t tlen;
} tword_t;

typedef struct template {
    tword_t w[16];
    size_t nw;
    bool rest;                 /* has "..." */
} template_t;

/* The compiled template of a row: words split and member names interned, once. */
static const template_t *template_of(parser_t *p, const lc_ck_macro_t *row)
{
    size_t nrows;
    const lc_ck_macro_t *rows = lc_ck_macro_rows(&nrows);
    size_t idx = (size_t)(row - rows);
    if (!p->templates)
        p->templates = lc_xalloc(p->a, nrows * sizeof *p->templates);
    if (p->templates[idx])
        return p->templates[idx];
    template_t *t = lc_xalloc(p->a, sizeof *t);
    const char *q = row->tmpl ? row->tmpl : "";
    while (*q && t->nw < 16) {
        while (*q == ' ')
            q++;
        if (!*q)
            break;
        const char *w = q;
        while (*q && *q != ' ')
            q++;
        size_t n = (size_t)(q - w);
        tword_t *tw = &t->w[t->nw++];
        const char *eq = memchr(w, '=', n), *star = memchr(w, '*', n);
        if (n == 3 && memcmp(w, "...", 3) == 0) {
            tw->kind = W_REST;
            t->rest = true;
        } else if (n == 1 && w[0] == 'N') {
            tw->kind = W_NAME;
        } else if (n == 2 && w[0] == 'I' && w[1] == 'D') {
            tw->kind = W_ID;
        } else if (n == 1 && w[0] == 'T') {
            tw->kind = W_TYPE;
        } else if (eq) {
            tw->kind = (eq[1] == '#' && n - (size_t)(eq - w) == 2) ? W_COUNT : W_FIXED;
            tw->name = intern(p, w, (size_t)(eq - w));
            tw->nlen = (uint32_t)(eq - w);
            tw->text = eq + 1;
            tw->tlen = n - (size_t)(eq - w) - 1;
        } else if (n > 2 && w[n - 2] == '[' && w[n - 1] == ']') {
            tw->kind = W_LIST;
            tw->name = intern(p, w, n - 2);
            tw->nlen = (uint32_t)(n - 2);
        } else if (w[0] == '&') {
            tw->kind = W_REF;
            tw->name = intern(p, w + 1, n - 1);
            tw->nlen = (uint32_t)(n - 1);
        } else if (star) {
            char num[32];
            snprintf(num, sizeof num, "%.*s", (int)(n - (size_t)(star - w) - 1), star + 1);
            tw->kind = W_SCALED;
            tw->name = intern(p, w, (size_t)(star - w));
            tw->nlen = (uint32_t)(star - w);
            tw->scale = strtoll(num, NULL, 10);
        } else {
            tw->kind = W_MEMBER;
            tw->name = intern(p, w, n);
            tw->nlen = (uint32_t)n;
        }
    }
    p->templates[idx] = t;
    return t;
}

typedef struct expansion {
    lc_cv_t *init;
    const char *cname, *id, *cfn_type;
    lc_ck_loc_t cname_loc, cfn_type_loc;
    bool named;
} expansion_t;

/* A constant of a template ("LC_CODE_INLINE", "1", "-3", "\"FROM_IMAGE\""). */
static lc_cv_t *tmpl_const(parser_t *p, const char *s, size_t n, lc_ck_loc_t loc)
{
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        lc_cv_t *v = new_cv(p, LC_CV_STR, loc);
        v->s = lc_strndup(p->a, s + 1, n - 2);
        v->len = n - 2;
        return v;
    }
    if (n && (isdigit((unsigned char)s[0]) || s[0] == '-')) {
        char num[32];
        size_t k = n < sizeof num - 1 ? n : sizeof num - 1;
        lc_cv_t *v = new_cv(p, LC_CV_INT, loc);
        memcpy(num, s, k);
        num[k] = '\0';
        v->i = strtoll(num, NULL, 10);
        return v;
    }
    lc_cv_t *v = new_cv(p, LC_CV_IDENT, loc);
    v->s = lc_strndup(p->a, s, n);
    return v;
}

/* Apply a macro row's template to the arguments of one invocation. */
static void apply_template(parser_t *p, const lc_ck_macro_t *row, lc_ck_loc_t loc,
                           const lc_cv_t *args, expansion_t *x)
{
    const template_t *t = template_of(p, row);
    size_t ai = 0;               /* next argument */
    size_t list_count = 0;
    lc_cv_t *init = new_cv(p, LC_CV_INIT, loc);
    init->via = row->name;
    /* one item per word, and the arguments "..." takes (at most all of them) */
    reserve_items(p, init, t->nw + (t->rest ? args->nitems : 0));
    memset(x, 0, sizeof *x);
    x->init = init;
    for (size_t k = 0; k < t->nw; k++) {
        const tword_t *w = &t->w[k];
        switch (w->kind) {
        case W_REST:
            for (; ai < args->nitems; ai++) {
                const lc_cv_item_t *it = &args->items[ai];
                copy_item(p, init, it);
                if (!it->desig)
                    init->opaque = true;   /* a positional item we cannot place */
            }
            continue;
        case W_COUNT: {
            lc_cv_t *v = new_cv(p, LC_CV_INT, loc);
            v->i = (int64_t)list_count;
            add_item(p, init, w->name, w->nlen, loc, v);
            continue;
        }
        case W_FIXED:
            add_item(p, init, w->name, w->nlen, loc, tmpl_const(p, w->text, w->tlen, loc));
            continue;
        case W_LIST: {
            lc_cv_t *list = new_cv(p, LC_CV_INIT, loc);
            reserve_items(p, list, args->nitems - ai);
            list_count = 0;
            for (; ai < args->nitems; ai++) {
                const lc_cv_item_t *it = &args->items[ai];
                copy_item(p, list, it);
                if (it->desig || it->val->kind == LC_CV_UNKNOWN)
                    list->opaque = true;
                list_count++;
            }
            add_item(p, init, w->name, w->nlen, loc, list);
            continue;
        }
        default:
            break;
        }
        /* the next positional argument */
        const lc_cv_item_t *arg = NULL;
        while (ai < args->nitems && args->items[ai].desig)
            ai++;
        if (ai < args->nitems)
            arg = &args->items[ai++];
        switch (w->kind) {
        case W_NAME:
            if (arg && arg->val->kind == LC_CV_IDENT) {
                x->cname = arg->val->s;
                x->cname_loc = arg->val->loc;
            }
            x->named = true;
            continue;
        case W_ID:
            if (arg && arg->val->kind == LC_CV_STR)
                x->id = arg->val->s;
            else if (arg)
                x->id = "";      /* not statically known */
            continue;
        case W_TYPE:
            if (arg && arg->val->kind == LC_CV_IDENT) {
                x->cfn_type = arg->val->s;
                x->cfn_type_loc = arg->val->loc;
            }
            continue;
        default:
            break;
        }
        if (!arg)
            continue;
        lc_cv_t *v = arg->val;
        if (w->kind == W_REF) {
            if (v->kind == LC_CV_IDENT) {
                lc_cv_t *ad = new_cv(p, LC_CV_ADDR, v->loc);
                ad->s = v->s;
                v = ad;
            } else if (v->kind != LC_CV_ADDR && v->kind != LC_CV_UNKNOWN) {
                v = unknown(p, v->loc, "a declaration the checker cannot name");
            }
        } else if (w->kind == W_SCALED) {
            if (v->kind == LC_CV_INT || v->kind == LC_CV_NUM) {
                lc_cv_t kk = { .kind = LC_CV_INT, .i = w->scale };
                lc_ck_loc_t vl = v->loc;
                v = fold(p, '*', v, &kk);
                v->loc = vl;
            } else if (v->kind != LC_CV_UNKNOWN) {
                v = unknown(p, v->loc, "a computed value");
            }
        }
        add_item(p, init, w->name, w->nlen, arg->loc, v);
    }
}

/* IDENT '(' already seen (the '(' not consumed): an invocation inside a value. */
static lc_cv_t *call(parser_t *p, const lc_tok_t *name)
{
    const lc_ck_macro_t *row = lc_ck_macro_find(name->p, name->len);
    lc_tok_t lp;
    next(p, &lp);
    if (row && (row->flags & LC_MF_IGNORE)) {
        skip_balanced(p, '(', lp.loc);
        return unknown(p, name->loc, "a macro the checker ignores");
    }
    bool lc = name->len > 3 && memcmp(name->p, "LC_", 3) == 0;
    umacro_t *um = find_umacro(p, name->p, name->len);
    if (!row && (!lc || um)) {
        skip_balanced(p, '(', lp.loc);
        if (um)
            return unknown(p, name->loc, lc_sprintf(p->a, "the user macro %.*s(...)", (int)name->len, name->p));
        return unknown(p, name->loc, lc_sprintf(p->a, "a call of %.*s()", (int)name->len, name->p));
    }
    lc_cv_t *args = new_cv(p, LC_CV_CALL, name->loc);
    args->s = row ? row->name : tok_str(p, name);
    args->row = row;
    size_t base = parse_list_transient(p, ')', args, lp.loc);
    if (!row || !row->tmpl || (row->flags & LC_MF_DECL)) {
        keep_list(p, args, base);    /* a value macro check-schema.c reads, or unknown */
        if (!row)
            note_unknown_macro(p, name);
        return args;
    }
    expansion_t x;
    apply_template(p, row, name->loc, args, &x);
    p->nistack = base;
    if (row->flags & LC_MF_SPLICE)
        x.init->splice = true;
    return x.init;
}

static lc_cv_t *primary(parser_t *p)
{
    lc_tok_t t;
    next(p, &t);
    switch (t.kind) {
    case LC_TK_STRING: {
        strbuf_t b = scratch(p);
        lc_ck_loc_t loc = t.loc;
        decode_string_tok(p, &b, &t);
        bool pasted = false;
        for (;;) {
            const lc_tok_t *nx = peek(p);
            if (nx->kind == LC_TK_STRING) {
                next(p, &t);
                decode_string_tok(p, &b, &t);
            } else if (nx->kind == LC_TK_IDENT && !is_type_keyword(nx)) {
                /* "%" PRId64 "x": a macro we cannot expand between literals */
                next(p, &t);
                pasted = true;
            } else {
                break;
            }
        }
        scratch_done(p, &b);
        if (pasted)
            return unknown(p, loc, "a string pasted together with a macro");
        lc_cv_t *v = new_cv(p, LC_CV_STR, loc);
        v->s = b.n ? lc_strndup(p->a, b.s, b.n) : "";
        v->len = b.n;
        return v;
    }
    case LC_TK_CHAR:
        return char_const(p, &t);
    case LC_TK_NUMBER:
        return number(p, &t);
    case LC_TK_IDENT: {
        if (is_punct(peek(p), '('))
            return call(p, &t);
        if (tok_is(&t, "NULL") || tok_is(&t, "nullptr"))
            return new_cv(p, LC_CV_NULL, t.loc);
        if (tok_is(&t, "true") || tok_is(&t, "false")) {
            lc_cv_t *v = new_cv(p, LC_CV_INT, t.loc);
            v->i = tok_is(&t, "true");
            return v;
        }
        const lc_ck_macro_t *row = lc_ck_macro_find(t.p, t.len);
        if (row && row->tmpl && row->tmpl[0] == '"')
            return tmpl_const(p, row->tmpl, strlen(row->tmpl), t.loc);  /* LC_S3_OBJECT_CREATED */
        if (row && row->tmpl && !(row->flags & LC_MF_DECL)) {
            /* an object-like helper (LC_RUNTIME_MANAGEMENT_AUTO) */
            lc_cv_t none = { .kind = LC_CV_CALL };
            expansion_t x;
            apply_template(p, row, t.loc, &none, &x);
            return x.init;
        }
        umacro_t *um = find_umacro(p, t.p, t.len);
        if (um && um->fnlike)
            return unknown(p, t.loc, lc_sprintf(p->a, "the user macro %.*s", (int)t.len, t.p));
        lc_cv_t *v = new_cv(p, LC_CV_IDENT, t.loc);
        v->s = tok_str(p, &t);
        return v;
    }
    default:
        return unknown(p, t.loc, "an expression the checker cannot read");
    }
}

static lc_cv_t *postfix(parser_t *p, lc_cv_t *v)
{
    for (;;) {
        const lc_tok_t *t = peek(p);
        if (t->kind != LC_TK_PUNCT)
            return v;
        lc_tok_t o;
        switch (t->punct) {
        case '.':
        case LC_P_ARROW: {
            next(p, &o);
            lc_tok_t m;
            if (peek(p)->kind == LC_TK_IDENT)
                next(p, &m);
            const char *base = v->kind == LC_CV_IDENT ? v->s : v->kind == LC_CV_UNKNOWN ? v->via : NULL;
            v = unknown(p, v->loc, "a member of another declaration");
            v->via = base;
            break;
        }
        case '[':
            next(p, &o);
            skip_balanced(p, '[', o.loc);
            v = unknown(p, v->loc, "an array element");
            break;
        case '(':
            next(p, &o);
            skip_balanced(p, '(', o.loc);
            v = unknown(p, v->loc, "a function call");
            break;
        case LC_P_INC:
        case LC_P_DEC:
            next(p, &o);
            v = unknown(p, v->loc, "an increment");
            break;
        default:
            return v;
        }
    }
}

static lc_cv_t *parse_unary(parser_t *p)
{
    const lc_tok_t *t = peek(p);
    if (is_stop(t)) {
        report_syntax(p, t->loc, "expected a value");
        return unknown(p, t->loc, "a missing value");
    }
    if (p->nest > MAX_NEST) {
        skip_item(p);
        return unknown(p, t->loc, "an expression nested too deeply");
    }
    lc_tok_t o;
    lc_cv_t *v;
    p->nest++;
    if (t->kind == LC_TK_PUNCT) {
        next(p, &o);
        switch (o.punct) {
        case '-':
            v = parse_unary(p);
            if (v->kind == LC_CV_INT && v->i != INT64_MIN)
                v->i = -v->i;
            else if (v->kind == LC_CV_NUM)
                v->n = -v->n;
            else if (v->kind != LC_CV_UNKNOWN)
                v = unknown(p, o.loc, "a computed value");
            if (is_num(v))
                v->loc = o.loc;
            break;
        case '+':
            v = parse_unary(p);
            break;
        case '!':
            v = parse_unary(p);
            if (is_num(v)) {
                lc_cv_t *r = new_cv(p, LC_CV_INT, o.loc);
                r->i = as_double(v) == 0;
                v = r;
            } else if (v->kind == LC_CV_NULL) {
                v = new_cv(p, LC_CV_INT, o.loc);
                v->i = 1;
            } else if (v->kind != LC_CV_UNKNOWN) {
                v = unknown(p, o.loc, "a computed value");
            }
            break;
        case '~':
            v = parse_unary(p);
            if (v->kind == LC_CV_INT)
                v->i = (int64_t)~(uint64_t)v->i;
            else if (v->kind != LC_CV_UNKNOWN)
                v = unknown(p, o.loc, "a computed value");
            break;
        case '&': {
            v = parse_unary(p);
            if (v->kind == LC_CV_IDENT) {
                v->kind = LC_CV_ADDR;
            } else if (v->kind == LC_CV_UNKNOWN && v->via) {
                lc_cv_t *ad = new_cv(p, LC_CV_ADDR, v->loc);
                ad->s = v->via;
                v = ad;
            } else if (v->kind != LC_CV_INIT && v->kind != LC_CV_UNKNOWN) {
                v = unknown(p, o.loc, "the address of an expression");
            }
            break;
        }
        case '*':
            v = parse_unary(p);
            v = unknown(p, o.loc, "a dereference");
            break;
        case LC_P_INC:
        case LC_P_DEC:
            v = parse_unary(p);
            v = unknown(p, o.loc, "an increment");
            break;
        case '(':
            v = postfix(p, paren(p, &o));
            break;
        case '{':
            v = new_cv(p, LC_CV_INIT, o.loc);
            parse_list(p, '}', v, o.loc);
            break;
        default:
            v = unknown(p, o.loc, "an expression the checker cannot read");
            skip_item(p);
            break;
        }
        p->nest--;
        return v;
    }
    if (tok_is(t, "sizeof") || tok_is(t, "_Alignof") || tok_is(t, "alignof") ||
        tok_is(t, "_Generic")) {
        next(p, &o);
        if (is_punct(peek(p), '(')) {
            lc_tok_t lp;
            next(p, &lp);
            skip_balanced(p, '(', lp.loc);
        } else {
            parse_unary(p);
        }
        p->nest--;
        return unknown(p, o.loc, "a sizeof expression");
    }
    v = postfix(p, primary(p));
    p->nest--;
    return v;
}

static lc_cv_t *parse_value(parser_t *p)
{
    const lc_tok_t *t = peek(p);
    if (is_punct(t, '{')) {
        lc_tok_t o;
        next(p, &o);
        lc_cv_t *v = new_cv(p, LC_CV_INIT, o.loc);
        if (p->nest > MAX_NEST) {
            skip_balanced(p, '{', o.loc);
            return unknown(p, o.loc, "an initializer nested too deeply");
        }
        p->nest++;
        parse_list(p, '}', v, o.loc);
        p->nest--;
        return v;
    }
    return parse_expr(p, 0);
}

/* Items up to `close` (consumed): designated members, positional values, and the members
 * spliced in by LC_STATEMENTS-like macros. */
/* The items of a list go on a stack shared by the nested lists being read and are copied
 * out at their exact number when the list ends: lists are many and short, and growing
 * each one by doubling would waste most of the memory the checker uses. */
static void push_item(parser_t *p, const char *desig, size_t n, lc_ck_loc_t loc, lc_cv_t *val)
{
    if (p->nistack == p->capistack) {
        size_t cap = p->capistack ? p->capistack * 2 : 256;
        p->istack = lc_realloc(p->a, p->istack, p->capistack * sizeof *p->istack,
                               cap * sizeof *p->istack);
        if (!p->istack)
            lc_xalloc(p->a, SIZE_MAX);
        p->capistack = cap;
    }
    lc_cv_item_t *it = &p->istack[p->nistack++];
    it->desig = desig;        /* interned by the callers */
    it->dlen = desig ? (uint32_t)n : 0;
    it->dkey = desig ? lc_ck_desig_key(desig) : 0;
    it->loc = loc;
    it->val = val;
}

static void parse_items(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc, size_t base);

/* Read a list into init, on the item stack only: init->items points into the stack
 * until the caller pops it (p->nistack = the returned base), and no item may be pushed
 * before.  For argument lists that a template consumes at once. */
static size_t parse_list_transient(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc)
{
    size_t base = p->nistack;
    parse_items(p, close, init, open_loc, base);
    /* NULL + 0 is undefined (UBSan, t/fuzz/check.c): no stack yet means no items */
    init->items = p->istack ? p->istack + base : NULL;
    init->nitems = (uint32_t)(p->nistack - base);
    return base;
}

/* Copy a transient list out at its exact size, and pop it. */
static void keep_list(parser_t *p, lc_cv_t *init, size_t base)
{
    size_t n = p->nistack - base;
    init->items = NULL;
    if (n) {
        init->items = lc_xalloc(p->a, n * sizeof *init->items);
        memcpy(init->items, p->istack + base, n * sizeof *init->items);
    }
    init->nitems = (uint32_t)n;
    p->nistack = base;
}

static void parse_list(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc)
{
    keep_list(p, init, parse_list_transient(p, close, init, open_loc));
}

static void parse_items(parser_t *p, int close, lc_cv_t *init, lc_ck_loc_t open_loc, size_t base)
{
    for (;;) {
        const lc_tok_t *t = peek(p);
        if (is_punct(t, close)) {
            lc_tok_t c;
            next(p, &c);
            return;
        }
        if (t->kind == LC_TK_EOF || is_punct(t, ';') ||
            (t->kind == LC_TK_PUNCT && (t->punct == ')' || t->punct == ']' || t->punct == '}'))) {
            report_syntax(p, open_loc, close == ')' ? "unterminated macro call: missing ')'"
                                                    : "unterminated initializer: missing '}'");
            if (t->kind == LC_TK_PUNCT && t->punct != ';') {
                lc_tok_t c;
                next(p, &c);          /* a wrong closing bracket: take it as ours */
            }
            init->opaque = true;
            return;
        }
        lc_ck_loc_t iloc = t->loc;
        if (is_punct(t, '.') || is_punct(t, '[')) {
            /* a designator: .a.b[2].c = value (in a local buffer: an index expression
             * may decode literals into the scratch buffer) */
            char db[256];
            size_t dn = 0;
            bool ok = true;
            while (is_punct(peek(p), '.') || is_punct(peek(p), '[')) {
                lc_tok_t d;
                next(p, &d);
                if (d.punct == '.') {
                    lc_tok_t m;
                    if (peek(p)->kind != LC_TK_IDENT) {
                        ok = false;
                        break;
                    }
                    next(p, &m);
                    if (dn + m.len + 2 > sizeof db) {
                        ok = false;
                        break;
                    }
                    if (dn)
                        db[dn++] = '.';
                    memcpy(db + dn, m.p, m.len);
                    dn += m.len;
                } else {
                    lc_cv_t *ix = parse_expr(p, 0);
                    char num[32];
                    if (ix->kind == LC_CV_INT)
                        snprintf(num, sizeof num, "[%lld]", (long long)ix->i);
                    else
                        snprintf(num, sizeof num, "[?]");
                    size_t nl = strlen(num);
                    if (dn + nl + 1 > sizeof db || !is_punct(peek(p), ']')) {
                        ok = false;
                        break;
                    }
                    memcpy(db + dn, num, nl);
                    dn += nl;
                    lc_tok_t rb;
                    next(p, &rb);
                }
            }
            if (ok && is_punct(peek(p), '=')) {
                lc_tok_t eq;
                const char *desig = intern(p, db, dn);
                next(p, &eq);
                lc_cv_t *v = parse_value(p);
                push_item(p, desig, dn, iloc, v);
            } else {
                report_syntax(p, iloc, "a designator without '='");
                skip_item(p);
                init->opaque = true;
            }
        } else {
            lc_cv_t *v = parse_value(p);
            if (v->kind == LC_CV_INIT && v->splice) {
                for (size_t k = 0; k < v->nitems; k++)
                    push_item(p, v->items[k].desig, v->items[k].dlen, v->items[k].loc,
                              v->items[k].val);
            } else {
                push_item(p, NULL, 0, iloc, v);
            }
        }
        t = peek(p);
        if (is_punct(t, ',')) {
            lc_tok_t c;
            next(p, &c);
        } else if (is_punct(t, '.')) {
            /* a designator without the comma before it (the comma was swallowed by a
             * broken literal): go on with it */
            init->opaque = true;
        } else if (!is_punct(t, close)) {
            /* something we did not understand follows the item: skip it */
            if (p->nistack > base)
                p->istack[p->nistack - 1].val =
                    unknown(p, iloc, "an expression the checker cannot read");
            skip_item(p);
            if (is_punct(peek(p), ',')) {
                lc_tok_t c;
                next(p, &c);
            } else if (!is_punct(peek(p), close) && peek(p)->kind != LC_TK_EOF &&
                       !is_punct(peek(p), ';')) {
                lc_tok_t c;
                next(p, &c);
            }
        }
    }
}

/* ---- declarations ---------------------------------------------------------------------- */

static void add_ref(parser_t *p, lc_ck_decl_t *d, const char *name, const char *field,
                    lc_ck_loc_t loc)
{
    if (d->nrefs == d->caprefs) {
        size_t cap = d->caprefs ? d->caprefs * 2 : 4;
        d->refs = lc_realloc(p->a, d->refs, d->caprefs * sizeof *d->refs, cap * sizeof *d->refs);
        d->caprefs = cap;
    }
    d->refs[d->nrefs++] = (lc_ck_ref_t){ name, field, loc, NULL, false };
}

static const char *first_segment(parser_t *p, const char *desig)
{
    size_t n = strcspn(desig, ".[");
    return desig[n] ? lc_strndup(p->a, desig, n) : desig;
}

/* The references in v, a member of d: `field` is the top-level member they sit in,
 * or NULL with `desig` its designator (turned into the field only when a reference is
 * found: most members hold none). */
static void collect_refs(parser_t *p, lc_ck_decl_t *d, const lc_cv_t *v, const char *field,
                         const char *desig)
{
    switch (v->kind) {
    case LC_CV_ADDR:
        add_ref(p, d, v->s, field ? field : desig ? first_segment(p, desig) : NULL, v->loc);
        break;
    case LC_CV_CALL: {
        const lc_ck_macro_t *row = v->row ? v->row : lc_ck_macro_find(v->s, strlen(v->s));
        if (row && row->declref_arg >= 0 && (size_t)row->declref_arg < v->nitems) {
            const lc_cv_t *a = v->items[row->declref_arg].val;
            if (a->kind == LC_CV_IDENT)
                add_ref(p, d, a->s, field ? field : desig ? first_segment(p, desig) : NULL, a->loc);
        }
        for (size_t i = 0; i < v->nitems; i++)
            collect_refs(p, d, v->items[i].val, field, desig);
        break;
    }
    case LC_CV_INIT:
        for (size_t i = 0; i < v->nitems; i++) {
            if (field || desig || !v->items[i].desig)
                collect_refs(p, d, v->items[i].val, field, desig);
            else
                collect_refs(p, d, v->items[i].val, NULL, v->items[i].desig);
        }
        break;
    default:
        break;
    }
}

bool lc_ck_coexist(const lc_ck_decl_t *a, const lc_ck_decl_t *b)
{
    for (size_t i = 0; i < a->ncond && i < b->ncond; i++) {
        if (a->cond[2 * i] != b->cond[2 * i])
            return true;
        if (a->cond[2 * i + 1] != b->cond[2 * i + 1])
            return false;
    }
    return true;
}

static void register_decl(parser_t *p, lc_ck_decl_t *d)
{
    lc_ck_file_t *f = p->f;
    if (f->ndecls == f->capdecls) {
        size_t cap = f->capdecls ? f->capdecls * 2 : 16;
        f->decls = lc_realloc(p->a, f->decls, f->capdecls * sizeof *f->decls, cap * sizeof *f->decls);
        f->capdecls = cap;
    }
    f->decls[f->ndecls++] = d;
    if (!d->cname)
        return;
    if (f->ndecls * 2 > f->nbuckets) {
        /* grow the name table: rehash every named declaration */
        size_t nb = f->nbuckets ? f->nbuckets * 4 : 64;
        lc_ck_decl_t **t = lc_xalloc(p->a, nb * sizeof *t);
        for (size_t i = 0; i + 1 < f->ndecls; i++) {
            lc_ck_decl_t *o = f->decls[i];
            if (!o->cname)
                continue;
            uint32_t h = lc_ck_hash(o->cname, strlen(o->cname)) & (nb - 1);
            o->next_same_name = NULL;
            lc_ck_decl_t **pp = &t[h];
            while (*pp)
                pp = &(*pp)->next_same_name;
            *pp = o;
        }
        f->by_name = t;
        f->nbuckets = nb;
    }
    uint32_t h = lc_ck_hash(d->cname, strlen(d->cname)) & (f->nbuckets - 1);
    lc_ck_decl_t **pp = &f->by_name[h];
    lc_ck_decl_t *last_same = NULL;
    for (; *pp; pp = &(*pp)->next_same_name) {
        lc_ck_decl_t *o = *pp;
        if (strcmp(o->cname, d->cname) != 0)
            continue;
        if (lc_ck_coexist(o, d))
            lc_ck_report(p->run, f, d->loc, LC_R_MODEL_DUPLICATE_NAME,
                         "redefinition of '%s' (declared at line %u)", d->cname, o->loc.line);
        last_same = o;
    }
    d->next_same_name = NULL;
    d->same_name = NULL;
    if (last_same)
        last_same->same_name = d;
    *pp = d;
}

lc_ck_decl_t *lc_ck_lookup(const lc_ck_file_t *f, const char *name)
{
    if (!f->nbuckets)
        return NULL;
    for (lc_ck_decl_t *d = f->by_name[lc_ck_hash(name, strlen(name)) & (f->nbuckets - 1)]; d;
         d = d->next_same_name)
        if (strcmp(d->cname, name) == 0)
            return d;
    return NULL;
}

static void add_plain_name(parser_t *p, const lc_tok_t *t)
{
    lc_ck_file_t *f = p->f;
    if (f->nnames * 2 >= f->nnames_cap) {
        size_t cap = f->nnames_cap ? f->nnames_cap * 2 : 64;
        const char **tab = lc_xalloc(p->a, cap * sizeof *tab);
        for (size_t i = 0; i < f->nnames_cap; i++) {
            const char *s = f->names[i];
            if (!s)
                continue;
            size_t h = lc_ck_hash(s, strlen(s)) & (cap - 1);
            while (tab[h])
                h = (h + 1) & (cap - 1);
            tab[h] = s;
        }
        f->names = tab;
        f->nnames_cap = cap;
    }
    size_t h = lc_ck_hash(t->p, t->len) & (f->nnames_cap - 1);
    while (f->names[h]) {
        if (strlen(f->names[h]) == t->len && memcmp(f->names[h], t->p, t->len) == 0)
            return;
        h = (h + 1) & (f->nnames_cap - 1);
    }
    f->names[h] = tok_str(p, t);
    f->nnames++;
}

bool lc_ck_is_plain_name(const lc_ck_file_t *f, const char *name)
{
    if (!f->nnames_cap)
        return false;
    size_t h = lc_ck_hash(name, strlen(name)) & (f->nnames_cap - 1);
    while (f->names[h]) {
        if (strcmp(f->names[h], name) == 0)
            return true;
        h = (h + 1) & (f->nnames_cap - 1);
    }
    return false;
}

static lc_ck_decl_t *new_decl(parser_t *p, const lc_tok_t *name_tok)
{
    lc_ck_decl_t *d = lc_xalloc(p->a, sizeof *d);
    d->file = p->f;
    d->loc = name_tok->loc;
    d->macro_name = tok_str(p, name_tok);
    if (p->ncond) {
        uint32_t *c = lc_xalloc(p->a, (size_t)p->ncond * 2 * sizeof *c);
        for (int i = 0; i < p->ncond; i++) {
            c[2 * i] = p->conds[i].id;
            c[2 * i + 1] = p->conds[i].branch;
        }
        d->cond = c;
        d->ncond = (size_t)p->ncond;
    }
    return d;
}

/* A DSL declaration: the macro name has been read, '(' is next. */
static void declaration(parser_t *p, const lc_ck_macro_t *row, const lc_tok_t *name_tok)
{
    lc_tok_t lp;
    unsigned errors = p->nsyntax;
    next(p, &lp);
    lc_cv_t *args = new_cv(p, LC_CV_CALL, name_tok->loc);
    args->s = row->name;
    args->row = row;
    size_t base = parse_list_transient(p, ')', args, lp.loc);
    /* after a syntax error, a member that seems missing may just be unreadable */
    if (p->nsyntax != errors)
        args->opaque = true;
    lc_ck_decl_t *d = new_decl(p, name_tok);
    expansion_t x;
    apply_template(p, row, name_tok->loc, args, &x);
    p->nistack = base;
    d->macro = row;
    d->kind = row->kind;
    d->props = x.init;
    d->props->opaque |= args->opaque;
    d->cname = x.cname;
    d->id = x.id ? x.id : x.cname;
    d->cfn_type = x.cfn_type;
    d->cfn_type_loc = x.cfn_type_loc;
    if (!d->cname)
        lc_ck_report(p->run, p->f, d->loc, LC_R_NOT_STATIC,
                     "the name of this %s is not statically known: references to it are not checked",
                     lc_ck_kind_name(d->kind));
    collect_refs(p, d, d->props, NULL, NULL);
    register_decl(p, d);
}

/* An LC_* macro call at file scope that is not in the table: when it looks like a
 * declaration (its first argument an identifier), remember the name so references to it
 * resolve, and say that it is not checked. */
static void unknown_invocation(parser_t *p, const lc_tok_t *name_tok, bool file_scope)
{
    lc_tok_t lp;
    next(p, &lp);
    lc_cv_t *args = new_cv(p, LC_CV_CALL, name_tok->loc);
    args->s = tok_str(p, name_tok);
    parse_list(p, ')', args, lp.loc);
    if (!file_scope || !args->nitems || args->items[0].desig ||
        args->items[0].val->kind != LC_CV_IDENT)
        return;
    lc_ck_decl_t *d = new_decl(p, name_tok);
    d->kind = LC_CK_UNKNOWN;
    d->cname = args->items[0].val->s;
    d->id = d->cname;
    d->props = new_cv(p, LC_CV_INIT, name_tok->loc);
    d->props->opaque = true;
    reserve_items(p, d->props, args->nitems);
    for (size_t i = 1; i < args->nitems; i++)
        copy_item(p, d->props, &args->items[i]);
    collect_refs(p, d, d->props, NULL, NULL);
    register_decl(p, d);
    lc_ck_report(p->run, p->f, name_tok->loc, LC_R_UNKNOWN_MACRO,
                 "unknown lambdac macro %s: the declaration '%s' is not checked", args->s, d->cname);
}

/* Whether a function-like user macro's expansion declares constructs. */
static bool macro_declares(parser_t *p, umacro_t *m, int depth)
{
    if (m->declares >= 0)
        return m->declares;
    if (depth > 16)
        return false;
    m->declares = 0;
    for (size_t i = 0; i < m->nbody; i++) {
        const lc_tok_t *t = &m->body[i];
        if (t->kind != LC_TK_IDENT)
            continue;
        const lc_ck_macro_t *row = lc_ck_macro_find(t->p, t->len);
        if (row && (row->flags & LC_MF_DECL)) {
            m->declares = 1;
            break;
        }
        umacro_t *o = find_umacro(p, t->p, t->len);
        if (o && o != m && o->fnlike && macro_declares(p, o, depth + 1)) {
            m->declares = 1;
            break;
        }
    }
    return m->declares;
}

/* A call of a user macro that declares constructs: skip it, and mark the file. */
static void opaque_call(parser_t *p, const lc_tok_t *t, umacro_t *um)
{
    lc_tok_t lp;
    p->f->opaque = true;
    if (!um->noted) {
        um->noted = true;
        p->f->opaque_why = um->name;
        lc_ck_report(p->run, p->f, t->loc, LC_R_OPAQUE_MACRO,
                     "the user macro %s declares constructs the checker cannot see; references are not checked in this file",
                     um->name);
    }
    next(p, &lp);
    skip_balanced(p, '(', lp.loc);
}

static void parse_file(parser_t *p)
{
    lc_tok_t t;
    int depth = 0, pdepth = 0;
    while (next(p, &t) != LC_TK_EOF) {
        if (t.kind == LC_TK_IDENT) {
            const lc_tok_t *nx = peek(p);
            bool calls = is_punct(nx, '(');
            if (calls) {
                const lc_ck_macro_t *row = lc_ck_macro_find(t.p, t.len);
                umacro_t *um = row ? NULL : find_umacro(p, t.p, t.len);
                if (row && (row->flags & LC_MF_DECL)) {
                    declaration(p, row, &t);
                    continue;
                }
                if (um && um->fnlike && macro_declares(p, um, 0)) {
                    opaque_call(p, &t, um);
                    continue;
                }
                if (row) {
                    lc_tok_t lp;
                    next(p, &lp);
                    skip_balanced(p, '(', lp.loc);
                    continue;
                }
                if (!um && t.len > 3 && memcmp(t.p, "LC_", 3) == 0) {
                    unknown_invocation(p, &t, depth == 0 && pdepth == 0);
                    continue;
                }
            }
            if (depth == 0 && pdepth == 0 && nx->kind == LC_TK_PUNCT &&
                (nx->punct == '=' || nx->punct == ';' || nx->punct == ',' || nx->punct == '[' ||
                 nx->punct == '('))
                add_plain_name(p, &t);
        } else if (t.kind == LC_TK_PUNCT) {
            switch (t.punct) {
            case '{': depth++; break;
            case '}': if (depth) depth--; break;
            case '(': pdepth++; break;
            case ')': if (pdepth) pdepth--; break;
            case ';': pdepth = 0; break;
            default: break;
            }
        }
    }
}

void lc_ck_parse(lc_ck_run_t *run, lc_ck_file_t *f)
{
    parser_t *p = lc_xalloc(run->arena, sizeof *p);
    p->run = run;
    p->f = f;
    p->a = run->arena;
    lc_lex_init(&p->lx, f->buf, f->len, 1);
    p->lx.on_comment = on_comment;
    p->lx.ctx = p;
    parse_file(p);
}
