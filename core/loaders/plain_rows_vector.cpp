// The AVX2 implementation of parsePlainRows (see plain_rows.h), compiled for AVX2 function by
// function and only called when the processor has it.
#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_rows.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CURVEDOCTOR_PLAIN_ROWS_AVX2 1
#include <immintrin.h>
#endif

namespace curvedoctor::core::plain_rows_detail {

#if defined(CURVEDOCTOR_PLAIN_ROWS_AVX2)

#define CURVEDOCTOR_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))

namespace {

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

// loadu(kRightAlign + n) is a shuffle that moves bytes [0, n) of a vector to its top end,
// zeros below (pshufb writes zero where the index has its top bit set).
alignas(64) constexpr std::int8_t kRightAlign[32] = {
    -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128,
    0,    1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,   14,   15};
// loadu(kPrefix + 16 - k) has its first k bytes set.
alignas(64) constexpr std::int8_t kPrefix[32] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                                 -1, -1, -1, -1, -1, 0,  0,  0,  0,  0,  0,
                                                 0,  0,  0,  0,  0,  0,  0,  0,  0,  0};

// Integers below 2^52 convert to doubles by bit pattern: OR-ing them into the mantissa of
// 2^52 and subtracting 2^52 is exact (AVX2 has no 64-bit integer conversion).
constexpr std::uint64_t kMantissaLimit = 1ULL << 52;
constexpr std::uint64_t kTwoTo52Bits = 0x4330000000000000ULL;

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kIntPow10[] = {1ULL,
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
constexpr int kMaxIntExponent = 15;

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
constexpr Bytes16 kZeroChars = splat('0');
constexpr Bytes16 kNines = splat(9);
constexpr Bytes16 kDots = splat('.');
constexpr Bytes16 kTimes10 = splat16(0x010A);         // bytes (10, 1)
constexpr Bytes16 kTimes100 = splat32(0x00010064);    // words (100, 1)
constexpr Bytes16 kTimes10000 = splat32(0x00012710);  // words (10000, 1)
CURVEDOCTOR_AVX2 inline __m128i load(const Bytes16& v) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(v.b));
}
// kSignedPow10[negative][k] = (negative ? -1 : 1) * 10^k.
constexpr double kSignedPow10[2][16] = {
    {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15},
    {-1e0, -1e1, -1e2, -1e3, -1e4, -1e5, -1e6, -1e7, -1e8, -1e9, -1e10, -1e11, -1e12, -1e13, -1e14,
     -1e15}};

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
[[gnu::noinline]] CURVEDOCTOR_AVX2 bool parseSlowly(const char* s, unsigned length,
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
[[gnu::noinline]] CURVEDOCTOR_AVX2 bool parseFieldWithExponent(const char* s, unsigned length,
                                                               std::uint64_t& integer,
                                                               double& divisor) {
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
    const __m128i digits = _mm_sub_epi8(raw, _mm_set1_epi8('0'));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digits, _mm_set1_epi8(9)), digits);
    const auto digitBits = static_cast<unsigned>(_mm_movemask_epi8(isDigit));
    const auto dotBits =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(raw, _mm_set1_epi8('.'))));
    const auto expBits = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_or_si128(raw, _mm_set1_epi8(0x20)), _mm_set1_epi8('e'))));
    const unsigned negative = (_mm_cvtsi128_si32(raw) & 0xFF) == '-' ? 1U : 0U;
    const unsigned mantissaEnd = std::countr_zero(expBits | (1U << length));
    const unsigned mantissaMask = (1U << mantissaEnd) - 1;
    const unsigned dot = std::countr_zero((dotBits & mantissaMask) | (1U << mantissaEnd));
    const bool hasDot = dot < mantissaEnd;
    const unsigned expected = mantissaMask & ~negative & ~(1U << dot);
    bool ok = (digitBits & mantissaMask) == expected && dot > negative;

    const __m128i clean = _mm_and_si128(digits, isDigit);
    const __m128i shifted = _mm_slli_si128(clean, 1);
    const unsigned moved = hasDot ? dot + 1 : 0;
    const __m128i moveMask =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPrefix + 16 - moved));
    const __m128i packed = _mm_blendv_epi8(clean, shifted, moveMask);
    const __m128i aligned = _mm_shuffle_epi8(
        packed, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRightAlign + mantissaEnd)));
    const __m128i pairs = _mm_maddubs_epi16(aligned, _mm_set1_epi16(0x010A));
    const __m128i quads = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00010064));
    const __m128i quads16 = _mm_packus_epi32(quads, quads);
    const __m128i octets = _mm_madd_epi16(quads16, _mm_set1_epi32(0x00012710));
    const auto high = static_cast<std::uint32_t>(_mm_cvtsi128_si32(octets));
    const auto low = static_cast<std::uint32_t>(_mm_extract_epi32(octets, 1));
    std::uint64_t mantissa = std::uint64_t{high} * 100000000ULL + low;

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
    const __m128i clean = _mm_and_si128(digits, isDigit);
    const __m128i moveMask =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPrefix + 16 - (hasDot ? dot + 1 : 0)));
    const __m128i packed = _mm_blendv_epi8(clean, _mm_slli_si128(clean, 1), moveMask);
    const __m128i aligned = _mm_shuffle_epi8(
        packed, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRightAlign + length)));
    const __m128i pairs = _mm_maddubs_epi16(aligned, load(kTimes10));
    const __m128i quads = _mm_madd_epi16(pairs, load(kTimes100));
    const __m128i octets = _mm_madd_epi16(_mm_packus_epi32(quads, quads), load(kTimes10000));
    const auto high = static_cast<std::uint32_t>(_mm_cvtsi128_si32(octets));
    const auto low = static_cast<std::uint32_t>(_mm_extract_epi32(octets, 1));
    integer = std::uint64_t{high} * 100000000ULL + low;
    const unsigned fractionDigits = hasDot ? length - dot - 1 : 0;
    divisor = kSignedPow10[negative][fractionDigits];
    if (integer >= kMantissaLimit) [[unlikely]]
        return fromChars(s, length, integer, divisor);
    return true;
}

// values[i] = integer (held in values[i]'s bits) / divisors[i], four at a time; where a
// divisor is 0 values[i] already holds its double (see parseSlowly).
CURVEDOCTOR_AVX2 void divideColumn(double* values, const double* divisors, std::size_t count) {
    const __m256i bias = _mm256_set1_epi64x(static_cast<long long>(kTwoTo52Bits));
    const __m256d twoTo52 = _mm256_set1_pd(4503599627370496.0);
    std::size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        const __m256i integer = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(values + i));
        const __m256d divisor = _mm256_loadu_pd(divisors + i);
        const __m256d exact =
            _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(integer, bias)), twoTo52);
        const __m256d done = _mm256_cmp_pd(divisor, _mm256_setzero_pd(), _CMP_EQ_OQ);
        _mm256_storeu_pd(values + i, _mm256_blendv_pd(_mm256_div_pd(exact, divisor),
                                                      _mm256_castsi256_pd(integer), done));
    }
    for (; i < count; ++i) {
        if (divisors[i] == 0) continue;
        std::uint64_t integer;
        std::memcpy(&integer, values + i, 8);
        values[i] = static_cast<double>(integer) / divisors[i];
    }
}

// Hands out the positions of delimiters and line-end bytes in order, 64 bytes of the buffer
// at a time (two AVX2 compares per kind and a bitmask), stopping short of `limit`.
class Boundaries {
public:
    CURVEDOCTOR_AVX2 Boundaries(const char* begin, const char* limit, char delimiter)
        : m_base(begin), m_limit(limit), m_delimiter(delimiter) {
        m_bits = m_base < m_limit ? scan(m_base) : 0;
    }

    // The next boundary, or nullptr at the limit.
    CURVEDOCTOR_AVX2 inline const char* next() {
        while (m_bits == 0) {
            m_base += 64;
            if (m_base >= m_limit) return nullptr;
            m_bits = scan(m_base);
        }
        const char* at = m_base + std::countr_zero(m_bits);
        m_bits = _blsr_u64(m_bits);
        return at;
    }

    // Hands out boundaries from `p` on.
    CURVEDOCTOR_AVX2 void resetAt(const char* p) {
        m_base = p;
        m_bits = m_base < m_limit ? scan(m_base) : 0;
    }

private:
    CURVEDOCTOR_AVX2 inline std::uint64_t scan(const char* p) const {
        const __m256i delimiter = _mm256_set1_epi8(m_delimiter);
        const __m256i newline = _mm256_set1_epi8('\n');
        const __m256i carriage = _mm256_set1_epi8('\r');
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
        const __m256i hitsA = _mm256_or_si256(
            _mm256_cmpeq_epi8(a, delimiter),
            _mm256_or_si256(_mm256_cmpeq_epi8(a, newline), _mm256_cmpeq_epi8(a, carriage)));
        const __m256i hitsB = _mm256_or_si256(
            _mm256_cmpeq_epi8(b, delimiter),
            _mm256_or_si256(_mm256_cmpeq_epi8(b, newline), _mm256_cmpeq_epi8(b, carriage)));
        const auto low = static_cast<std::uint32_t>(_mm256_movemask_epi8(hitsA));
        const auto high = static_cast<std::uint32_t>(_mm256_movemask_epi8(hitsB));
        return static_cast<std::uint64_t>(high) << 32 | low;
    }

    const char* m_base;
    const char* m_limit;
    std::uint64_t m_bits;
    char m_delimiter;
};

constexpr unsigned kMaxVectorField = 16;
// Rows whose divisors are kept before their columns are divided: 64 doubles per column.
constexpr std::size_t kDivisorRows = 64;

// Turns rows [first, first + count) of every column from integers into values.
CURVEDOCTOR_AVX2 void finishRows(double* out, std::size_t stride, std::size_t fields,
                                 const double* divisors, std::size_t first, std::size_t count) {
    for (std::size_t j = 0; j < fields; ++j)
        divideColumn(out + j * stride + first, divisors + j * kDivisorRows, count);
}

// The shape of the last row read: its bytes, which of them are digits, and per field where the
// mantissa digits sit. Logs print every row with the same formats, so most rows have exactly
// this shape with other digits; such a row is verified with two 32-byte compares and each of
// its fields is then one shuffle and the digit combination, with no per-field bit scanning.
class RowShape {
public:
    // Learns the shape of the row [row, next) whose fields end at `ends`. False (and not
    // valid) when it does not fit the cached path: wider than 64 bytes, a field over 16 bytes
    // or 15 digits, or an exponent that is not 1 or 2 digits.
    bool learn(const char* row, const char* const* ends, std::size_t fields, const char* next) {
        m_valid = false;
        const auto length = static_cast<std::size_t>(next - row);
        if (length > 64) return false;
        std::memcpy(m_bytes, row, 64);
        m_span = length == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
        m_digits = 0;
        for (std::size_t i = 0; i < length; ++i)
            if (row[i] >= '0' && row[i] <= '9') m_digits |= std::uint64_t{1} << i;
        m_length = static_cast<unsigned>(length);
        m_fields = fields;
        const char* start = row;
        for (std::size_t j = 0; j < fields; ++j) {
            if (!m_field[j].learn(start, ends[j], static_cast<unsigned>(start - row))) return false;
            start = ends[j] + 1;
        }
        m_valid = true;
        return true;
    }

    // True when `row` (with 64 readable bytes) has this shape: the same digit positions, and
    // the same bytes everywhere else (delimiters, points, signs, exponent marks, line end).
    [[nodiscard]] CURVEDOCTOR_AVX2 bool matches(const char* row) const {
        if (!m_valid) return false;
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + 32));
        const __m256i zero = _mm256_set1_epi8('0');
        const __m256i nine = _mm256_set1_epi8(9);
        const __m256i da = _mm256_sub_epi8(a, zero);
        const __m256i db = _mm256_sub_epi8(b, zero);
        const auto digitsLow = static_cast<std::uint32_t>(
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(da, nine), da)));
        const auto digitsHigh = static_cast<std::uint32_t>(
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(db, nine), db)));
        const auto sameLow = static_cast<std::uint32_t>(_mm256_movemask_epi8(
            _mm256_cmpeq_epi8(a, _mm256_load_si256(reinterpret_cast<const __m256i*>(m_bytes)))));
        const auto sameHigh = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(
            b, _mm256_load_si256(reinterpret_cast<const __m256i*>(m_bytes + 32)))));
        const std::uint64_t digits = std::uint64_t{digitsHigh} << 32 | digitsLow;
        const std::uint64_t same = std::uint64_t{sameHigh} << 32 | sameLow;
        return ((digits ^ m_digits) & m_span) == 0 && ((digits | same) & m_span) == m_span;
    }

    // Parses a row that matches(): integers to out[j * stride], divisors to
    // divisors[j * kDivisorRows]. False when an exponent takes a value out of the fast path's
    // range (the row is then read field by field).
    CURVEDOCTOR_AVX2 bool parse(const char* row, double* out, std::size_t stride,
                                double* divisors) const {
        bool ok = true;
        for (std::size_t j = 0; j < m_fields; ++j, out += stride, divisors += kDivisorRows)
            ok &= m_field[j].parse(row, *out, *divisors);
        return ok;
    }

    [[nodiscard]] unsigned length() const { return m_length; }

private:
    // Set by learn(); left uninitialised before (a RowShape is made for every block).
    struct Field {
        alignas(16) std::int8_t shuffle[16];  // right-aligns the mantissa digits, zeros the rest.
        double divisor;                       // +-10^fraction digits when there is no exponent.
        unsigned offset;                      // from the row's start.
        unsigned exponentAt;                  // exponent digits' offset in the field; 0: none.
        unsigned exponentDigits;
        int fractionDigits;
        bool negative;
        bool negativeExponent;

        bool learn(const char* s, const char* e, unsigned rowOffset) {
            const auto length = static_cast<unsigned>(e - s);
            if (length == 0 || length > 16) return false;
            offset = rowOffset;
            unsigned i = 0;
            negative = s[0] == '-';
            i += negative ? 1 : 0;
            unsigned positions[16];
            unsigned count = 0;
            fractionDigits = 0;
            bool afterPoint = false;
            for (; i < length && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')); ++i) {
                if (s[i] == '.') {
                    afterPoint = true;
                    continue;
                }
                positions[count++] = i;
                fractionDigits += afterPoint ? 1 : 0;
            }
            if (count == 0 || count > 15) return false;
            exponentAt = 0;
            exponentDigits = 0;
            negativeExponent = false;
            if (i < length) {
                // (e|E)[+|-]digits, as the field parser accepted it.
                ++i;
                negativeExponent = s[i] == '-';
                i += s[i] == '-' || s[i] == '+' ? 1 : 0;
                exponentAt = i;
                exponentDigits = length - i;
                if (exponentDigits < 1 || exponentDigits > 2) return false;
            }
            for (auto& b : shuffle) b = -128;
            for (unsigned k = 0; k < count; ++k)
                shuffle[16 - count + k] = static_cast<std::int8_t>(positions[k]);
            divisor = (negative ? -1.0 : 1.0) * kPow10[fractionDigits];
            return true;
        }

        CURVEDOCTOR_AVX2 bool parse(const char* row, double& integerBits,
                                    double& divisorOut) const {
            const char* s = row + offset;
            const __m128i digits = _mm_sub_epi8(
                _mm_loadu_si128(reinterpret_cast<const __m128i*>(s)), load(kZeroChars));
            const __m128i aligned =
                _mm_shuffle_epi8(digits, _mm_load_si128(reinterpret_cast<const __m128i*>(shuffle)));
            const __m128i pairs = _mm_maddubs_epi16(aligned, load(kTimes10));
            const __m128i quads = _mm_madd_epi16(pairs, load(kTimes100));
            const __m128i octets =
                _mm_madd_epi16(_mm_packus_epi32(quads, quads), load(kTimes10000));
            const auto high = static_cast<std::uint32_t>(_mm_cvtsi128_si32(octets));
            const auto low = static_cast<std::uint32_t>(_mm_extract_epi32(octets, 1));
            const std::uint64_t integer = std::uint64_t{high} * 100000000ULL + low;
            std::memcpy(&integerBits, &integer, 8);
            if (exponentAt == 0) {
                divisorOut = divisor;
                return true;
            }
            const int value = exponentDigits == 1
                                  ? s[exponentAt] - '0'
                                  : (s[exponentAt] - '0') * 10 + (s[exponentAt + 1] - '0');
            const int exponent = (negativeExponent ? -value : value) - fractionDigits;
            const bool ok = exponent <= 0 && exponent >= -22;
            divisorOut = (negative ? -1.0 : 1.0) * kPow10[ok ? -exponent : 0];
            return ok;
        }
    };

    alignas(32) char m_bytes[64] = {};
    std::uint64_t m_digits = 0;
    std::uint64_t m_span = 0;
    unsigned m_length = 0;
    std::size_t m_fields = 0;
    bool m_valid = false;
    std::array<Field, kPlainRowsMaxFields> m_field;
};

}  // namespace

CURVEDOCTOR_AVX2 PlainRowsResult parseVector(const char* begin, const char* end, char delimiter,
                                             std::size_t fields, double* out, std::size_t stride,
                                             std::size_t maxRows) {
    PlainRowsResult result{0, begin};
    if (!vectorAvailable()) return {0, nullptr};
    if (fields == 0 || fields > kPlainRowsMaxFields || end - begin < kPlainRowsTail) return result;
    // Field loads reach 16 bytes (and the long-field fallback 40) past a field's start; a
    // boundary is only handed out from a 64-byte block that ends kPlainRowsTail - 64 bytes
    // before the buffer does.
    Boundaries boundaries(begin, end - kPlainRowsTail, delimiter);
    // Integers (as bits) go to `out`, their divisors here; one division pass per column after.
    std::array<double, kPlainRowsMaxFields * kDivisorRows> divisors;
    const char* row = begin;
    const char* scannerAt = begin;  // where `boundaries` hands out from.
    const char* limit = end - kPlainRowsTail;
    std::size_t finished = 0;  // rows already divided.
    maxRows = std::min(maxRows, stride);
    RowShape shape;
    std::array<const char*, kPlainRowsMaxFields> ends;
    // Relearning the shape after every row of a table whose shapes keep changing costs more
    // than it saves: after a shape that matched no row, wait longer before learning again.
    bool shapeMatched = true;
    unsigned learnWait = 0;
    unsigned learnPenalty = 0;
    while (result.rows < maxRows) {
        if (result.rows - finished == kDivisorRows) {
            finishRows(out, stride, fields, divisors.data(), finished, kDivisorRows);
            finished = result.rows;
        }
        const std::size_t slot = result.rows % kDivisorRows;
        if (row < limit && shape.matches(row) &&
            shape.parse(row, out + result.rows, stride, divisors.data() + slot)) {
            row += shape.length();
            shapeMatched = true;
            ++result.rows;
            continue;
        }
        if (scannerAt != row) boundaries.resetAt(row);
        scannerAt = row;
        const char* start = row;
        const char* e = nullptr;
        bool ok = true;
        for (std::size_t j = 0; j < fields; ++j) {
            e = boundaries.next();
            if (e == nullptr) {
                ok = false;
                break;
            }
            ends[j] = e;
            ok &= j + 1 < fields ? *e == delimiter : isLineEnd(*e);
            const auto length = static_cast<unsigned>(e - start);
            std::uint64_t integer = 0;
            double& divisor = divisors[j * kDivisorRows + slot];
            if (length - 1 < kMaxVectorField) [[likely]] {
                ok &= parseField(start, length, integer, divisor);
            } else {
                ok &= parseSlowly(start, length, integer, divisor);
            }
            std::memcpy(out + j * stride + result.rows, &integer, 8);
            start = e + 1;
        }
        if (ok && *e == '\r') {
            // "\r\n": the '\n' is the next boundary.
            ok = e[1] == '\n' && boundaries.next() == e + 1;
            start = e + 2;
        }
        if (!ok) {
            scannerAt = nullptr;
            break;
        }
        if (learnWait > 0) {
            --learnWait;
        } else {
            learnPenalty = shapeMatched ? 0 : std::min(2 * learnPenalty + 1, 63U);
            learnWait = learnPenalty;
            shape.learn(row, ends.data(), fields, start);
            shapeMatched = false;
        }
        row = start;
        scannerAt = row;
        ++result.rows;
    }
    finishRows(out, stride, fields, divisors.data(), finished, result.rows - finished);
    result.next = row;
    return result;
}

bool vectorAvailable() {
    static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                                  __builtin_cpu_supports("bmi2") &&
                                  __builtin_cpu_supports("popcnt");
    return available;
}

#else

PlainRowsResult parseVector(const char*, const char*, char, std::size_t, double*, std::size_t,
                            std::size_t) {
    return {0, nullptr};
}

bool vectorAvailable() {
    return false;
}

#endif

}  // namespace curvedoctor::core::plain_rows_detail
