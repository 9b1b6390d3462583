/* runtime/utf8.h - private: UTF-8 sequence validation shared by the writer and reader. */
#ifndef LAMBDAC_RUNTIME_UTF8_H
#define LAMBDAC_RUNTIME_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence starting at p (lead byte >= 0x80) with `avail`
 * bytes available; 0 when invalid: stray continuation byte, overlong form (C0, C1,
 * E0 80-9F, F0 80-8F), surrogate (ED A0-BF), above U+10FFFF (F4 90+, F5-FF) or a
 * truncated sequence. */
static inline size_t lc__utf8_seq(const unsigned char *p, size_t avail)
{
    unsigned c = p[0];
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        if (avail < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80)
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        unsigned lo = 0x80, hi = 0xBF;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        if (avail < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80
            || (p[3] & 0xC0) != 0x80)
            return 0;
        return 4;
    }
    return 0;
}

#endif
