#pragma once
/// \file plain_field_avx2.h
/// One plain decimal field to (integer, power of ten) with AVX2 and SSE4.1 instructions: the
/// per-field parsers of the dense-row kernel (plain_rows_vector.cpp), for it and RowShape only.
/// Every function carries its own target attribute; call them only where the processor has
/// AVX2 (plain_rows_detail::vectorAvailable()).

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_decimal.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CURVEDOCTOR_PLAIN_ROWS_AVX2 1
#include <immintrin.h>
#endif

#if defined(CURVEDOCTOR_PLAIN_ROWS_AVX2)

#define CURVEDOCTOR_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))

namespace curvedoctor::core::plain_rows_avx2 {

// Rows whose divisors are kept before their columns are divided: 64 doubles per column.
inline constexpr std::size_t kDivisorRows = 64;

// loadu(kRightAlign + n) is a shuffle that moves bytes [0, n) of a vector to its top end,
// zeros below (pshufb writes zero where the index has its top bit set).
alignas(64) inline constexpr std::int8_t kRightAlign[32] = {
    -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128,
    0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15};
// loadu(kPrefix + 16 - k) has its first k bytes set.
alignas(64) inline constexpr std::int8_t kPrefix[32] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                                        -1, -1, -1, -1, -1, 0,  0,  0,  0,  0,  0,
                                                        0,  0,  0,  0,  0,  0,  0,  0,  0,  0};

// Integers below 2^52 convert to doubles by bit pattern: OR-ing them into the mantissa of
// 2^52 and subtracting 2^52 is exact (AVX2 has no 64-bit integer conversion).
inline constexpr std::uint64_t kMantissaLimit = 1ULL << 52;
inline constexpr std::uint64_t kTwoTo52Bits = 0x4330000000000000ULL;

using plain_decimal_detail::kPow10;  // 10^0 .. 10^22, all exact doubles.
inline constexpr std::uint64_t kIntPow10[] = {1ULL,
                                              10ULL,
                                              100ULL,
                                              1000ULL,
                                              10000ULL,
                                              100000ULL,
                                              1000000ULL,
                                              10000000ULL,
                                              100000000ULL,
                                              1000000000ULL,
                                              10000000000ULL,
                                              100000000000ULL,
                                              1000000000000ULL,
                                              10000000000000ULL,
                                              100000000000000ULL,
                                              1000000000000000ULL};
inline constexpr int kMaxIntExponent = 15;

// Vector constants, read from memory so that they fold into the instructions using them.
struct alignas(16) Bytes16 {
    std::int8_t b[16];
};
constexpr Bytes16 splat(std::int8_t v) {
    Bytes16 r{};
    for (auto& x : r.b) x = v;
    return r;
}
constexpr Bytes16 splat16(std::uint16_t v) {
    Bytes16 r{};
    for (int i = 0; i < 16; i += 2) {
        r.b[i] = static_cast<std::int8_t>(v & 0xFF);
        r.b[i + 1] = static_cast<std::int8_t>(v >> 8);
    }
    return r;
}
constexpr Bytes16 splat32(std::uint32_t v) {
    Bytes16 r{};
    for (int i = 0; i < 16; i += 4)
        for (int k = 0; k < 4; ++k) r.b[i + k] = static_cast<std::int8_t>((v >> (8 * k)) & 0xFF);
    return r;
}
inline constexpr Bytes16 kZeroChars = splat('0');
inline constexpr Bytes16 kNines = splat(9);
inline constexpr Bytes16 kDots = splat('.');
inline constexpr Bytes16 kTimes10 = splat16(0x010A);         // bytes (10, 1)
inline constexpr Bytes16 kTimes100 = splat32(0x00010064);    // words (100, 1)
inline constexpr Bytes16 kTimes10000 = splat32(0x00012710);  // words (10000, 1)
CURVEDOCTOR_AVX2 inline __m128i load(const Bytes16& v) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(v.b));
}
// kSignedPow10[negative][k] = (negative ? -1 : 1) * 10^k.
inline constexpr double kSignedPow10[2][16] = {
    {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15},
    {-1e0, -1e1, -1e2, -1e3, -1e4, -1e5, -1e6, -1e7, -1e8, -1e9, -1e10, -1e11, -1e12, -1e13, -1e14,
     -1e15}};

// The digits of a field, `clean` (digit values, every other byte 0), as one right-aligned run:
// the bytes up to the decimal point at `dot` move one byte right over it (none when there is
// no point: `hasDot` false), then the run ending at `end` moves to the vector's top.
CURVEDOCTOR_AVX2 inline __m128i gatherDigits(__m128i clean, bool hasDot, unsigned dot,
                                             unsigned end) {
    const __m128i moveMask =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPrefix + 16 - (hasDot ? dot + 1 : 0)));
    const __m128i packed = _mm_blendv_epi8(clean, _mm_slli_si128(clean, 1), moveMask);
    return _mm_shuffle_epi8(packed,
                            _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRightAlign + end)));
}

// The value of 16 right-aligned digit bytes (leading zero bytes are leading zeros), combined
// pairwise: 10, 100, 10^4, then 10^8 in a scalar multiply.
CURVEDOCTOR_AVX2 inline std::uint64_t digitsValue(__m128i aligned) {
    const __m128i pairs = _mm_maddubs_epi16(aligned, load(kTimes10));
    const __m128i quads = _mm_madd_epi16(pairs, load(kTimes100));
    const __m128i octets = _mm_madd_epi16(_mm_packus_epi32(quads, quads), load(kTimes10000));
    const auto high = static_cast<std::uint32_t>(_mm_cvtsi128_si32(octets));
    const auto low = static_cast<std::uint32_t>(_mm_extract_epi32(octets, 1));
    return std::uint64_t{high} * 100000000ULL + low;
}

// The value of a field already known to be a plain decimal, from std::from_chars (correctly
// rounded): `bits` holds the double and `divisor` is 0 (see divideColumn).
inline bool fromChars(const char* s, unsigned length, std::uint64_t& bits, double& divisor) {
    double value = 0;
    const auto [end, ec] = std::from_chars(s, s + length, value);
    if (ec != std::errc() || end != s + length)
        return false;  // out of range: the slow path says so.
    std::memcpy(&bits, &value, 8);
    divisor = 0;
    return true;
}

// Any plain decimal the fast splits do not take: mantissas of 16 to 19 digits or beyond 2^52
// (Python prints floats with up to 17 significant digits), fields longer than a vector,
// exponents outside the fast range. Every byte must be a digit, '.', a sign or an exponent mark,
// the first a digit or a '-' before one; std::from_chars must then take the whole field.
// False for any other spelling.
[[gnu::noinline]] CURVEDOCTOR_AVX2 inline bool parseSlowly(const char* s, unsigned length,
                                                           std::uint64_t& bits, double& divisor) {
    constexpr unsigned kVectorBytes = 32;
    if (length == 0) return false;
    const unsigned first = s[0] == '-' ? 1 : 0;
    if (first >= length || s[first] < '0' || s[first] > '9') return false;
    if (length <= kVectorBytes) {
        const __m256i raw = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s));
        const __m256i digits = _mm256_sub_epi8(raw, _mm256_set1_epi8('0'));
        const __m256i isDigit =
            _mm256_cmpeq_epi8(_mm256_min_epu8(digits, _mm256_set1_epi8(9)), digits);
        const __m256i lower = _mm256_or_si256(raw, _mm256_set1_epi8(0x20));
        const __m256i other =
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(raw, _mm256_set1_epi8('.')),
                                            _mm256_cmpeq_epi8(lower, _mm256_set1_epi8('e'))),
                            _mm256_or_si256(_mm256_cmpeq_epi8(raw, _mm256_set1_epi8('-')),
                                            _mm256_cmpeq_epi8(raw, _mm256_set1_epi8('+'))));
        const auto allowed =
            static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(isDigit, other)));
        const std::uint32_t wanted =
            length == kVectorBytes ? ~std::uint32_t{0} : (std::uint32_t{1} << length) - 1;
        if ((allowed & wanted) != wanted) return false;
    } else {
        for (unsigned i = 0; i < length; ++i) {
            const char c = s[i];
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' ||
                  c == 'E'))
                return false;
        }
    }
    return fromChars(s, length, bits, divisor);
}

// parseField for any spelling, exponents included (the common path leaves those here).
// One plain decimal of `length` (1..16) bytes at `s`, with 16 readable bytes there, split into
// an integer below 2^52 and a signed power of ten to divide it by: the value is then one IEEE
// division, exact by Clinger's fast path (a mantissa and a power of ten that are both exact
// doubles), so the same bits as std::from_chars. A positive decimal exponent is folded into
// the integer while that stays below 2^52. The digits are gathered in a vector: non-digits
// zeroed, the integer part moved one byte right over the decimal point, the whole
// right-aligned, then combined pairwise (10, 100, 10^4, 10^8). False for any other spelling.
[[gnu::noinline]] CURVEDOCTOR_AVX2 inline bool parseFieldWithExponent(const char* s,
                                                                      unsigned length,
                                                                      std::uint64_t& integer,
                                                                      double& divisor) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    const __m128i digits = _mm_sub_epi8(raw, load(kZeroChars));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digits, load(kNines)), digits);
    const auto digitBits = static_cast<unsigned>(_mm_movemask_epi8(isDigit));
    const auto dotBits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(raw, load(kDots))));
    const auto expBits = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_or_si128(raw, _mm_set1_epi8(0x20)), _mm_set1_epi8('e'))));
    const unsigned negative = (_mm_cvtsi128_si32(raw) & 0xFF) == '-' ? 1U : 0U;
    const unsigned mantissaEnd = std::countr_zero(expBits | (1U << length));
    const unsigned mantissaMask = (1U << mantissaEnd) - 1;
    const unsigned dot = std::countr_zero((dotBits & mantissaMask) | (1U << mantissaEnd));
    const bool hasDot = dot < mantissaEnd;
    const unsigned expected = mantissaMask & ~negative & ~(1U << dot);
    bool ok = (digitBits & mantissaMask) == expected && dot > negative;

    std::uint64_t mantissa =
        digitsValue(gatherDigits(_mm_and_si128(digits, isDigit), hasDot, dot, mantissaEnd));

    int exponent = hasDot ? -static_cast<int>(mantissaEnd - dot - 1) : 0;
    if (mantissaEnd < length) [[unlikely]] {
        // `e`, an optional sign, then 1 to 4 digits, as parsePlainDecimal takes them.
        unsigned p = mantissaEnd + 1;
        const bool negativeExponent = p < length && s[p] == '-';
        p += p < length && (s[p] == '-' || s[p] == '+') ? 1 : 0;
        const unsigned count = length - p;
        const unsigned wanted = ((1U << count) - 1) << p;
        ok &= count >= 1 && count <= 4 && (digitBits & wanted) == wanted;
        // The 1 to 4 exponent digits, moved to the top of a 4-byte word and combined by SWAR.
        std::uint32_t word;
        std::memcpy(&word, s + p, 4);
        word = (word - 0x30303030U) << (8 * ((4 - count) & 3));
        word = (word * 10 + (word >> 8)) & 0x00FF00FFU;
        const int value = static_cast<int>((word * 100 + (word >> 16)) & 0xFFFFU);
        exponent += negativeExponent ? -value : value;
        if (exponent > 0) {
            // Folded into the integer; above 2^52 it is the slow path's.
            ok &= exponent <= kMaxIntExponent &&
                  mantissa < kMantissaLimit / kIntPow10[exponent <= kMaxIntExponent ? exponent : 0];
            mantissa *= kIntPow10[ok ? exponent : 0];
            exponent = 0;
        }
    }
    ok &= mantissa < kMantissaLimit && exponent >= -22;
    if (!ok) return parseSlowly(s, length, integer, divisor);
    integer = mantissa;
    const double power = kPow10[ok ? -exponent : 0];
    divisor = negative != 0 ? -power : power;
    return ok;
}

// The common spelling, `[-]digits[.digits]`, with the same contract as
// parseFieldWithExponent, which takes over for anything else.
CURVEDOCTOR_AVX2 inline bool parseField(const char* s, unsigned length, std::uint64_t& integer,
                                        double& divisor) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    const __m128i digits = _mm_sub_epi8(raw, load(kZeroChars));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digits, load(kNines)), digits);
    const auto digitBits = static_cast<unsigned>(_mm_movemask_epi8(isDigit));
    const auto dotBits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(raw, load(kDots))));
    const unsigned negative = static_cast<unsigned>(*s == '-');
    const unsigned lengthMask = (1U << length) - 1;
    const unsigned dot = std::countr_zero((dotBits & lengthMask) | (1U << length));
    const unsigned expected = lengthMask & ~negative & ~(1U << dot);
    if ((digitBits & lengthMask) != expected || dot <= negative) [[unlikely]]
        return parseFieldWithExponent(s, length, integer, divisor);
    const bool hasDot = dot < length;
    integer = digitsValue(gatherDigits(_mm_and_si128(digits, isDigit), hasDot, dot, length));
    const unsigned fractionDigits = hasDot ? length - dot - 1 : 0;
    divisor = kSignedPow10[negative][fractionDigits];
    if (integer >= kMantissaLimit) [[unlikely]]
        return fromChars(s, length, integer, divisor);
    return true;
}

}  // namespace curvedoctor::core::plain_rows_avx2

#endif
