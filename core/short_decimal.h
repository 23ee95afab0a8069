#pragma once
/// \file short_decimal.h
/// The fast path in front of std::from_chars that every text reader shares (the CSV reader's
/// cells, the text logs' numbers): a decimal of at most 19 significant digits converted with the
/// same bits as std::from_chars, without a library call.
///
/// When the conversion is exact by Clinger's fast path (a mantissa of at most 2^53 and a power of
/// ten within +-22 are both exact doubles, so one IEEE multiplication or division rounds
/// correctly), that; otherwise Eisel-Lemire (eisel_lemire.h: 17-digit Python floats,
/// `7.2e-09`). Inline: it runs once per number in loops that parse millions of them.

#include <bit>
#include <cstdint>
#include <cstring>

#include "core/eisel_lemire.h"

namespace curvedoctor::core {

namespace shortdecimal {

inline constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

inline bool isDigit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

}  // namespace shortdecimal

/// The double nearest `mantissa * 10^exponent`, negated when `negative`, exactly as
/// std::from_chars gives it. `mantissa` must hold every digit (at most 19). False (nothing set)
/// when only std::from_chars can say: an exponent past +-64 after Clinger's range, a subnormal or
/// infinite result.
[[gnu::always_inline]] inline bool decimalToDouble(std::uint64_t mantissa, int exponent,
                                                   bool negative, double& out) {
    constexpr std::uint64_t kMaxExactMantissa = 1ULL << 53;
    if (mantissa > kMaxExactMantissa || exponent < -22 || exponent > 22)
        return eiselLemire(mantissa, exponent, negative, out);
    double v = static_cast<double>(mantissa);
    v = exponent < 0 ? v / shortdecimal::kPow10[-exponent] : v * shortdecimal::kPow10[exponent];
    out = negative ? -v : v;
    return true;
}

namespace shortdecimal {

// Eight digit values 0..9, the first in the lowest byte (bytes above the digits zero), as a number.
[[gnu::always_inline]] inline std::uint64_t eightDigits(std::uint64_t v) {
    v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;
    v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFULL;
    return (v * 10000 + (v >> 32)) & 0x00000000FFFFFFFFULL;
}

// The bytes of `x` (a chunk XOR '0') that are no digit: their top bit set, at least the lowest
// one's (a carry may set others above it; only the lowest is read).
[[gnu::always_inline]] inline std::uint64_t nonDigits(std::uint64_t x) {
    return ((x + 0x7676767676767676ULL) | x) & 0x8080808080808080ULL;
}

inline constexpr std::uint64_t kScale[] = {1,      10,      100,      1000,     10000,
                                           100000, 1000000, 10000000, 100000000};

}  // namespace shortdecimal

/// Appends the run of decimal digits at `p` to `mantissa`, sixteen or eight at a time where the
/// buffer allows (SWAR: 64-bit loads, a mask of the non-digit bytes, and the usual multiply-shift
/// reduction of eight digits), and moves `p` past them. Returns the number of digits consumed;
/// `mantissa` is only meaningful while that stays <= 19. Sixteen at a time: a Python float's
/// fraction (15-17 digits) takes one or two steps instead of two or three.
[[gnu::always_inline]] inline int appendDigits(const char*& p, const char* end,
                                               std::uint64_t& mantissa) {
    using shortdecimal::eightDigits;
    using shortdecimal::kScale;
    using shortdecimal::nonDigits;
    int count = 0;
    while (end - p >= 16) {
        std::uint64_t first;
        std::uint64_t second;
        std::memcpy(&first, p, 8);
        std::memcpy(&second, p + 8, 8);
        first ^= 0x3030303030303030ULL;  // digits become bytes 0..9.
        second ^= 0x3030303030303030ULL;
        const std::uint64_t firstNon = nonDigits(first);
        if (firstNon != 0) {
            // Fewer than eight: moved to the top bytes, the zero bytes below act as leading zeros.
            const int n = std::countr_zero(firstNon) / 8;
            if (n == 0) return count;
            mantissa = mantissa * kScale[n] + eightDigits(first << (8 * (8 - n)));
            p += n;
            return count + n;
        }
        const std::uint64_t secondNon = nonDigits(second);
        if (secondNon != 0) {
            // Eight and n more (n < 8); shifted in two steps, as a shift by 64 is undefined.
            const int n = std::countr_zero(secondNon) / 8;
            const std::uint64_t low = eightDigits((second << (8 * (7 - n))) << 8);
            mantissa = (mantissa * kScale[8] + eightDigits(first)) * kScale[n] + low;
            p += 8 + n;
            return count + 8 + n;
        }
        mantissa = (mantissa * kScale[8] + eightDigits(first)) * kScale[8] + eightDigits(second);
        p += 16;
        count += 16;
    }
    while (end - p >= 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, p, 8);
        const std::uint64_t x = chunk ^ 0x3030303030303030ULL;
        const std::uint64_t nonDigit = nonDigits(x);
        const int n = nonDigit == 0 ? 8 : std::countr_zero(nonDigit) / 8;
        if (n == 0) return count;
        mantissa = mantissa * kScale[n] + eightDigits(n == 8 ? x : x << (8 * (8 - n)));
        p += n;
        count += n;
        if (n < 8) return count;
    }
    while (p < end && shortdecimal::isDigit(*p)) {
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
        ++p;
        ++count;
    }
    return count;
}

/// Parses a decimal at `p` (`-12.5`, `0.12600809335708618`, `1.0000e-03`, `.5`, `5.`: an
/// optional '-', digits with an optional fraction, an optional exponent) of at most 19
/// significant digits into `out` and returns where it ends. nullptr when std::from_chars must
/// decide: more digits, `nan`, `inf`, a '+', exponents past +-64 or of 1000 and more,
/// subnormals, or no number at all.
[[gnu::always_inline]] inline const char* parseShortDecimal(const char* p, const char* end,
                                                            double& out) {
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    std::uint64_t mantissa = 0;
    int intDigits = 0;
    if (end - p >= 2 && shortdecimal::isDigit(p[0]) && !shortdecimal::isDigit(p[1])) {
        // One digit before the point (`0.1260...`, `2.69...`): most of what Python prints.
        mantissa = static_cast<std::uint64_t>(*p++ - '0');
        intDigits = 1;
    } else {
        intDigits = appendDigits(p, end, mantissa);
    }
    int digits = intDigits;
    int exponent = 0;
    if (p < end && *p == '.') {
        const char* dot = p++;
        // Zeros before the first significant digit (`0.000282...`) only move the exponent;
        // counted as digits they would send a 16-digit value to the slow path.
        int zeros = 0;
        if (mantissa == 0) {
            while (p < end && *p == '0' && p - dot < 64) ++p;
            zeros = static_cast<int>(p - dot) - 1;
        }
        const int fracDigits = digits > 19 ? 0 : appendDigits(p, end, mantissa);
        if (intDigits == 0 && fracDigits == 0 && zeros == 0) return nullptr;
        digits += fracDigits;
        exponent = -fracDigits - zeros;
    } else if (intDigits == 0) {
        return nullptr;
    }
    if (digits > 19) return nullptr;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negativeExponent = false;
        if (p < end && (*p == '+' || *p == '-')) negativeExponent = *p++ == '-';
        const char* e = p;
        int value = 0;
        while (p < end && shortdecimal::isDigit(*p) && value < 1000)
            value = value * 10 + (*p++ - '0');
        if (p == e || (p < end && shortdecimal::isDigit(*p))) return nullptr;
        exponent += negativeExponent ? -value : value;
    }
    return decimalToDouble(mantissa, exponent, negative, out) ? p : nullptr;
}

}  // namespace curvedoctor::core
