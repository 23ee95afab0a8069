// The AVX2 implementation of parsePlainRows (see plain_rows.h), compiled for AVX2 function by
// function and only called when the processor has it.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_field_avx2.h"
#include "core/loaders/plain_row_shape_avx2.h"
#include "core/loaders/plain_rows.h"

namespace curvedoctor::core::plain_rows_detail {

#if defined(CURVEDOCTOR_PLAIN_ROWS_AVX2)

namespace {

using namespace plain_rows_avx2;

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
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
    if (fields == 0 || fields > kPlainRowsMaxFields || end - begin < kPlainRowsTail) return result;
    // Field loads reach 32 bytes past a field's start (parseSlowly), and a boundary is only
    // handed out from a 64-byte block that ends kPlainRowsTail - 64 bytes before the buffer
    // does; the row-shape cache reads RowShape::kReadAhead bytes from a row's start.
    static_assert(kPlainRowsTail >= 64 + 32 && kPlainRowsTail >= RowShape::kReadAhead);
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
