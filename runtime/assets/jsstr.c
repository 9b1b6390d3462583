/* runtime/assets/jsstr.c - JavaScript string semantics over UTF-8 (see jsstr.h for why). */
#include <string.h>

#include "jsfold.h"
#include "jsstr.h"

size_t lc__u8_unit(const unsigned char *p, size_t avail, uint32_t *cp)
{
    unsigned c = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need, i;
    uint32_t v;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* The lead byte decides the length and the range allowed for the second byte;
     * anything else is an error of length 1. */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    /* Maximal subpart: consume continuation bytes while they can still be part of a
     * valid sequence; a failure replaces everything consumed so far (at least the lead)
     * with one U+FFFD, and the offending byte starts the next unit. */
    for (i = 1; i < need; i++) {
        unsigned b;
        if (i >= avail) {
            *cp = 0xFFFD;
            return i;
        }
        b = p[i];
        if (b < lo || b > hi) {
            *cp = 0xFFFD;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        v = v << 6 | (b & 0x3F);
    }
    *cp = v;
    return need;
}

size_t lc__u8_valid_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k;
        /* ASCII runs, 8 bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        k = lc__u8_unit(p + i, n - i, &cp);
        /* A valid sequence is as long as its lead byte announces; an invalid one is
         * shorter (an invalid lead byte gives 1). */
        if (k != (p[i] >= 0xF0 ? 4u : p[i] >= 0xE0 ? 3u : p[i] >= 0xC2 ? 2u : 0u))
            return i;
        i += k;
    }
    return n;
}

size_t lc__u8_put(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | cp >> 6);
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | cp >> 12);
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | cp >> 18);
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int lc__js_compare(const char *a, const char *b)
{
    const unsigned char *pa = (const unsigned char *)a, *pb = (const unsigned char *)b;
    size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;

    while (i < na && j < nb) {
        uint32_t ca, cb;
        if (pa[i] == pb[j] && pa[i] < 0x80) {
            i++;
            j++;
            continue;
        }
        i += lc__u8_unit(pa + i, na - i, &ca);
        j += lc__u8_unit(pb + j, nb - j, &cb);
        if (ca == cb)
            continue;
        /* A supplementary code point is a surrogate pair (D800-DBFF first), which sorts
         * below BMP code points from U+E000 up although its code point is larger. */
        if ((ca >= 0x10000) != (cb >= 0x10000)) {
            uint32_t bmp = ca >= 0x10000 ? cb : ca;
            int supp_first = bmp >= 0xE000;
            return (ca >= 0x10000) == supp_first ? -1 : 1;
        }
        return ca < cb ? -1 : 1;
    }
    if (i < na)
        return 1;
    if (j < nb)
        return -1;
    return 0;
}

size_t lc__js_length(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, len = 0;
    while (i < n) {
        uint32_t cp;
        i += lc__u8_unit(p + i, n - i, &cp);
        len += cp >= 0x10000 ? 2 : 1;
    }
    return len;
}

int lc__js_is_space(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
        || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int lc__js_is_line_terminator(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

uint32_t lc__js_fold(uint32_t cp)
{
    size_t lo = 0, hi = sizeof lc__jsfold / sizeof lc__jsfold[0];
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 0x20 : cp;
    if (cp > 0xFFFF)
        return cp;   /* two code units without the `u` flag: no case mapping */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lc__jsfold[mid][0] == cp)
            return lc__jsfold[mid][1];
        if (lc__jsfold[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return cp;
}

size_t lc__js_unfold(uint32_t f, uint32_t out[8])
{
    size_t i, n = 0;
    if (f < 0x80) {
        if (f >= 'A' && f <= 'Z')
            out[n++] = f + 0x20;
        return n;
    }
    for (i = 0; i < sizeof lc__jsfold / sizeof lc__jsfold[0] && n < 8; i++)
        if (lc__jsfold[i][1] == f)
            out[n++] = lc__jsfold[i][0];
    return n;
}
