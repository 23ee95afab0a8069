#pragma once
/// \file plain_decimal.h
/// The number spelling loggers print most, `[-]digits[.digits][(e|E)[+|-]digits]`, parsed with
/// no library call and no loop over the digits, for the CSV reader's dense-row fast path.

#include <bit>
#include <cstdint>
#include <cstring>

namespace curvedoctor::core {

/// Bytes that must be readable from the first character of a number passed to
/// parsePlainDecimal (the parser reads whole 8-byte words, past the number's end).
inline constexpr std::ptrdiff_t kPlainDecimalReadAhead = 40;

namespace plain_decimal_detail {

inline constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
inline constexpr std::uint64_t kScale[] = {1,      10,      100,      1000,     10000,
                                           100000, 1000000, 10000000, 100000000};

inline bool isDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// Loads 8 bytes and turns digit characters into the byte values 0..9; `digits` is the number
// of leading digit characters (8 when all are digits).
[[gnu::always_inline]] inline std::uint64_t loadDigits(const char* p, int& digits) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    const std::uint64_t x = chunk ^ 0x3030303030303030ULL;
    // A byte's top bit is set here when it is not 0..9. Carries only run from such a byte
    // upwards, so the lowest flagged byte is always the first non-digit.
    const std::uint64_t nonDigit = ((x + 0x7676767676767676ULL) | x) & 0x8080808080808080ULL;
    digits = nonDigit == 0 ? 8 : std::countr_zero(nonDigit) / 8;
    return x;
}

// The value of the first `n` (1..8) digit bytes of `x` (SWAR: the digits are moved to the top
// bytes, the zero bytes below them act as leading zeros, then pairs, quads and octets combine).
[[gnu::always_inline]] inline std::uint64_t digitsValue(std::uint64_t x, int n) {
    std::uint64_t v = x << (8 * (8 - n));
    v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;
    v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFULL;
    return (v * 10000 + (v >> 32)) & 0x00000000FFFFFFFFULL;
}

}  // namespace plain_decimal_detail

/// Parses a plain decimal at `p`: an optional '-', 1 to 8 integer digits, optionally '.' and 0
/// to 7 fraction digits, optionally an exponent of 1 to 4 digits, with a decimal exponent
/// (after moving the point) within +-22. The conversion is exact by Clinger's fast path: the
/// mantissa has at most 15 digits (< 2^53) and 10^0..10^22 are exact doubles, so one IEEE
/// multiplication or division is the correctly rounded result, the same bits std::from_chars
/// gives. Returns the first character after the number, or nullptr when the text is anything
/// else (more digits, '+', '.5', nan, inf, ...): the caller then uses a full parser.
/// Requires kPlainDecimalReadAhead readable bytes at `p`.
[[gnu::always_inline]] inline const char* parsePlainDecimal(const char* p, double& out) {
    using namespace plain_decimal_detail;
    const bool negative = *p == '-';
    p += negative ? 1 : 0;
    int intDigits = 0;
    const std::uint64_t intBytes = loadDigits(p, intDigits);
    if (intDigits == 0 || intDigits == 8) return nullptr;
    std::uint64_t mantissa = digitsValue(intBytes, intDigits);
    p += intDigits;
    int exponent = 0;
    if (*p == '.') {
        int fracDigits = 0;
        const std::uint64_t fracBytes = loadDigits(p + 1, fracDigits);
        if (fracDigits == 8) return nullptr;
        if (fracDigits > 0)
            mantissa = mantissa * kScale[fracDigits] + digitsValue(fracBytes, fracDigits);
        exponent = -fracDigits;
        p += 1 + fracDigits;
    }
    if ((*p | 0x20) == 'e') {
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+') ++p;
        int value = 0;
        int count = 0;
        while (count < 4 && isDigit(*p)) {
            value = value * 10 + (*p++ - '0');
            ++count;
        }
        if (count == 0 || isDigit(*p)) return nullptr;
        exponent += negativeExponent ? -value : value;
    }
    if (exponent < -22 || exponent > 22) return nullptr;
    double v = static_cast<double>(mantissa);
    v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    out = negative ? -v : v;
    return p;
}

}  // namespace curvedoctor::core
