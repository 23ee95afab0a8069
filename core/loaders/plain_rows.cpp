#include "core/loaders/plain_rows.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_decimal.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CURVEDOCTOR_PLAIN_ROWS_AVX2 1
#include <immintrin.h>
#endif

namespace curvedoctor::core {
namespace {

constexpr std::size_t kMaxFields = 64;

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

// The first byte after a line end at `e` ('\n' or "\r\n"), or nullptr for any other ending
// ("\r\r\n" and a lone '\r' are left to the slow path, which knows them).
const char* afterLineEnd(const char* e) {
    if (*e == '\n') return e + 1;
    if (*e == '\r' && e[1] == '\n') return e + 2;
    return nullptr;
}

}  // namespace

namespace plain_rows_detail {

PlainRowsResult parseScalar(const char* begin, const char* end, char delimiter, std::size_t fields,
                            double* out, std::size_t stride, std::size_t maxRows) {
    PlainRowsResult result{0, begin};
    if (fields == 0 || fields > kMaxFields) return result;
    maxRows = std::min(maxRows, stride);
    const char* limit = end - kPlainRowsTail;
    std::array<const char*, kMaxFields> ends;
    const char* row = begin;
    while (result.rows < maxRows && row < limit) {
        std::size_t found = 0;
        for (const char* p = row; found < fields && p < limit; ++p) {
            if (*p == delimiter || isLineEnd(*p)) ends[found++] = p;
        }
        if (found < fields) break;
        bool ok = true;
        for (std::size_t j = 0; j + 1 < fields; ++j) ok &= *ends[j] == delimiter;
        const char* next = afterLineEnd(ends[fields - 1]);
        if (!ok || next == nullptr) break;
        const char* start = row;
        for (std::size_t j = 0; j < fields; ++j) {
            ok &= parsePlainDecimal(start, out[j * stride + result.rows]) == ends[j];
            start = ends[j] + 1;
        }
        if (!ok) break;
        row = next;
        ++result.rows;
    }
    result.next = row;
    return result;
}

#if defined(CURVEDOCTOR_PLAIN_ROWS_AVX2)

#define CURVEDOCTOR_AVX2 __attribute__((target("avx2,bmi,bmi2,popcnt")))

namespace {

// loadu(kRightAlign + n) is a shuffle that moves bytes [0, n) of a vector to its top end,
// zeros below (pshufb writes zero where the index has its top bit set).
alignas(64) constexpr std::int8_t kRightAlign[32] = {
    -128, -128, -128, -128, -128, -128, -128, -128, -128, -128, -128,
    -128, -128, -128, -128, -128, 0,    1,    2,    3,    4,    5,
    6,    7,    8,    9,    10,   11,   12,   13,   14,   15};
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
constexpr Bytes16 kTimes10 = splat16(0x010A);        // bytes (10, 1)
constexpr Bytes16 kTimes100 = splat32(0x00010064);   // words (100, 1)
constexpr Bytes16 kTimes10000 = splat32(0x00012710); // words (10000, 1)
CURVEDOCTOR_AVX2 inline __m128i load(const Bytes16& v) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(v.b));
}
// kSignedPow10[negative][k] = (negative ? -1 : 1) * 10^k.
constexpr double kSignedPow10[2][16] = {
    {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15},
    {-1e0, -1e1, -1e2, -1e3, -1e4, -1e5, -1e6, -1e7, -1e8, -1e9, -1e10, -1e11, -1e12, -1e13, -1e14,
     -1e15}};

// parseField for any spelling, exponents included (the common path leaves those here).
// One plain decimal of `length` (1..16) bytes at `s`, with 16 readable bytes there, split into
// an integer below 2^52 and a signed power of ten to divide it by: the value is then one IEEE
// division, exact by Clinger's fast path (a mantissa and a power of ten that are both exact
// doubles), so the same bits as std::from_chars. A positive decimal exponent is folded into
// the integer while that stays below 2^52. The digits are gathered in a vector: non-digits
// zeroed, the integer part moved one byte right over the decimal point, the whole
// right-aligned, then combined pairwise (10, 100, 10^4, 10^8). False for any other spelling.
[[gnu::noinline]] CURVEDOCTOR_AVX2 bool parseFieldWithExponent(const char* s, unsigned length, std::uint64_t& integer,
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
    const __m128i moveMask = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPrefix + 16 - moved));
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
    const __m128i moveMask = _mm_loadu_si128(
        reinterpret_cast<const __m128i*>(kPrefix + 16 - (hasDot ? dot + 1 : 0)));
    const __m128i packed = _mm_blendv_epi8(clean, _mm_slli_si128(clean, 1), moveMask);
    const __m128i aligned =
        _mm_shuffle_epi8(packed, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kRightAlign + length)));
    const __m128i pairs = _mm_maddubs_epi16(aligned, load(kTimes10));
    const __m128i quads = _mm_madd_epi16(pairs, load(kTimes100));
    const __m128i octets = _mm_madd_epi16(_mm_packus_epi32(quads, quads), load(kTimes10000));
    const auto high = static_cast<std::uint32_t>(_mm_cvtsi128_si32(octets));
    const auto low = static_cast<std::uint32_t>(_mm_extract_epi32(octets, 1));
    integer = std::uint64_t{high} * 100000000ULL + low;
    const unsigned fractionDigits = hasDot ? length - dot - 1 : 0;
    divisor = kSignedPow10[negative][fractionDigits];
    return integer < kMantissaLimit;
}

// parseField for fields longer than a vector, digit by digit (rare: 17 or more characters).
[[gnu::noinline]] bool parseLongField(const char* s, unsigned length, std::uint64_t& integer,
                                      double& divisor) {
    constexpr int kMaxDigits = 19;  // an uint64 holds any 19 digits.
    unsigned i = 0;
    const bool negative = length > 0 && s[0] == '-';
    i += negative ? 1 : 0;
    std::uint64_t mantissa = 0;
    int digits = 0;
    int exponent = 0;
    const unsigned intStart = i;
    for (; i < length && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
        if (digits == kMaxDigits) return false;
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(s[i] - '0');
    }
    if (i == intStart) return false;
    if (i < length && s[i] == '.') {
        for (++i; i < length && s[i] >= '0' && s[i] <= '9'; ++i, ++digits, --exponent) {
            if (digits == kMaxDigits) return false;
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(s[i] - '0');
        }
    }
    if (i < length && (s[i] | 0x20) == 'e') {
        ++i;
        const bool negativeExponent = i < length && s[i] == '-';
        if (i < length && (s[i] == '-' || s[i] == '+')) ++i;
        const unsigned first = i;
        int value = 0;
        for (; i < length && i - first < 4 && s[i] >= '0' && s[i] <= '9'; ++i) value = value * 10 + (s[i] - '0');
        if (i == first) return false;
        exponent += negativeExponent ? -value : value;
    }
    if (i != length) return false;
    if (exponent > 0) {
        if (exponent > kMaxIntExponent || mantissa >= kMantissaLimit / kIntPow10[exponent]) return false;
        mantissa *= kIntPow10[exponent];
        exponent = 0;
    }
    if (mantissa >= kMantissaLimit || exponent < -22) return false;
    integer = mantissa;
    divisor = negative ? -kPow10[-exponent] : kPow10[-exponent];
    return true;
}

// values[i] = integer (held in values[i]'s bits) / divisors[i], four at a time.
CURVEDOCTOR_AVX2 void divideColumn(double* values, const double* divisors, std::size_t count) {
    const __m256i bias = _mm256_set1_epi64x(static_cast<long long>(kTwoTo52Bits));
    const __m256d twoTo52 = _mm256_set1_pd(4503599627370496.0);
    std::size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        const __m256i integer = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(values + i));
        const __m256d exact = _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(integer, bias)), twoTo52);
        _mm256_storeu_pd(values + i, _mm256_div_pd(exact, _mm256_loadu_pd(divisors + i)));
    }
    for (; i < count; ++i) {
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

    struct State {
        const char* base;
        std::uint64_t bits;
    };
    [[nodiscard]] State save() const { return {m_base, m_bits}; }
    void restore(State s) {
        m_base = s.base;
        m_bits = s.bits;
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

}  // namespace

CURVEDOCTOR_AVX2 PlainRowsResult parseVector(const char* begin, const char* end, char delimiter,
                                             std::size_t fields, double* out, std::size_t stride,
                                             std::size_t maxRows) {
    PlainRowsResult result{0, begin};
    if (!vectorAvailable()) return {0, nullptr};
    if (fields == 0 || fields > kMaxFields || end - begin < kPlainRowsTail) return result;
    // Field loads reach 16 bytes (and the long-field fallback 40) past a field's start; a
    // boundary is only handed out from a 64-byte block that ends kPlainRowsTail - 64 bytes
    // before the buffer does.
    Boundaries boundaries(begin, end - kPlainRowsTail, delimiter);
    // Integers (as bits) go to `out`, their divisors here; one division pass per column after.
    std::array<double, kMaxFields * kDivisorRows> divisors;
    const char* row = begin;
    std::size_t finished = 0;  // rows already divided.
    maxRows = std::min(maxRows, stride);
    while (result.rows < maxRows) {
        if (result.rows - finished == kDivisorRows) {
            finishRows(out, stride, fields, divisors.data(), finished, kDivisorRows);
            finished = result.rows;
        }
        const Boundaries::State saved = boundaries.save();
        const char* start = row;
        const char* e = nullptr;
        bool ok = true;
        const std::size_t slot = result.rows % kDivisorRows;
        for (std::size_t j = 0; j < fields; ++j) {
            e = boundaries.next();
            if (e == nullptr) {
                ok = false;
                break;
            }
            ok &= j + 1 < fields ? *e == delimiter : isLineEnd(*e);
            const auto length = static_cast<unsigned>(e - start);
            std::uint64_t integer = 0;
            double& divisor = divisors[j * kDivisorRows + slot];
            if (length - 1 < kMaxVectorField) [[likely]] {
                ok &= parseField(start, length, integer, divisor);
            } else {
                ok &= parseLongField(start, length, integer, divisor);
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
            boundaries.restore(saved);
            break;
        }
        row = start;
        ++result.rows;
    }
    finishRows(out, stride, fields, divisors.data(), finished, result.rows - finished);
    result.next = row;
    return result;
}

bool vectorAvailable() {
    static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                                  __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
    return available;
}

#else

PlainRowsResult parseVector(const char*, const char*, char, std::size_t, double*, std::size_t,
                            std::size_t) {
    return {0, nullptr};
}

bool vectorAvailable() { return false; }

#endif

}  // namespace plain_rows_detail

PlainRowsResult parsePlainRows(const char* begin, const char* end, char delimiter,
                               std::size_t fields, double* out, std::size_t stride,
                               std::size_t maxRows) {
    if (plain_rows_detail::vectorAvailable())
        return plain_rows_detail::parseVector(begin, end, delimiter, fields, out, stride, maxRows);
    return plain_rows_detail::parseScalar(begin, end, delimiter, fields, out, stride, maxRows);
}

}  // namespace curvedoctor::core
