#pragma once
/// \file plain_row_shape_avx2.h
/// RowShape: the dense-row kernel's cache of the last row's shape (see below), AVX2 only.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/loaders/plain_field_avx2.h"
#include "core/loaders/plain_rows.h"

#if defined(CURVEDOCTOR_PLAIN_ROWS_AVX2)

namespace curvedoctor::core::plain_rows_avx2 {

// The shape of the last row read: its bytes, which of them are digits, and per field where the
// mantissa digits sit. Logs print every row with the same formats, so most rows have exactly
// this shape with other digits; such a row is verified with a few 32-byte compares and each of
// its fields is then one shuffle and the digit combination, with no per-field bit scanning.
class RowShape {
public:
    // Rows up to this long are cached (a 12-column log of 9-character numbers fits).
    static constexpr std::size_t kMaxBytes = 128;
    // Bytes that must be readable from a row's start for matches() and parse().
    static constexpr std::ptrdiff_t kReadAhead = kMaxBytes + 16;

    // Learns the shape of the row [row, next), kReadAhead readable bytes at `row`, whose
    // fields end at `ends`. False (and not valid) when it does not fit the cached path: longer
    // than kMaxBytes, a field over 16 bytes or 15 digits, or an exponent that is not 1 or 2
    // digits.
    bool learn(const char* row, const char* const* ends, std::size_t fields, const char* next) {
        m_valid = false;
        const auto length = static_cast<std::size_t>(next - row);
        if (length > kMaxBytes) return false;
        std::memcpy(m_bytes, row, kMaxBytes);
        m_halves = length > 64 ? 2 : 1;
        for (std::size_t h = 0; h < 2; ++h) {
            const std::size_t inHalf =
                length > 64 * h ? std::min<std::size_t>(length - 64 * h, 64) : 0;
            m_span[h] = inHalf == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << inHalf) - 1;
            m_digits[h] = 0;
            for (std::size_t i = 0; i < inHalf; ++i) {
                const char c = row[64 * h + i];
                if (c >= '0' && c <= '9') m_digits[h] |= std::uint64_t{1} << i;
            }
        }
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

    // True when `row` (kReadAhead readable bytes there) has this shape: the same digit
    // positions, and the same bytes everywhere else (delimiters, points, signs, exponent marks,
    // line end).
    [[nodiscard]] CURVEDOCTOR_AVX2 bool matches(const char* row) const {
        if (!m_valid) return false;
        bool same = half(row, 0);
        if (m_halves == 2) same &= half(row, 1);
        return same;
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
            const std::uint64_t integer = digitsValue(aligned);
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

    // matches() for the 64 bytes from row + 64 * h.
    [[nodiscard]] CURVEDOCTOR_AVX2 bool half(const char* row, std::size_t h) const {
        const char* p = row + 64 * h;
        const char* cached = m_bytes + 64 * h;
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
        const __m256i zero = _mm256_set1_epi8('0');
        const __m256i nine = _mm256_set1_epi8(9);
        const __m256i da = _mm256_sub_epi8(a, zero);
        const __m256i db = _mm256_sub_epi8(b, zero);
        const auto digitsLow = static_cast<std::uint32_t>(
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(da, nine), da)));
        const auto digitsHigh = static_cast<std::uint32_t>(
            _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(db, nine), db)));
        const auto sameLow = static_cast<std::uint32_t>(_mm256_movemask_epi8(
            _mm256_cmpeq_epi8(a, _mm256_load_si256(reinterpret_cast<const __m256i*>(cached)))));
        const auto sameHigh = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(
            b, _mm256_load_si256(reinterpret_cast<const __m256i*>(cached + 32)))));
        const std::uint64_t digits = std::uint64_t{digitsHigh} << 32 | digitsLow;
        const std::uint64_t sameBytes = std::uint64_t{sameHigh} << 32 | sameLow;
        return ((digits ^ m_digits[h]) & m_span[h]) == 0 &&
               ((digits | sameBytes) & m_span[h]) == m_span[h];
    }

    alignas(32) char m_bytes[kMaxBytes] = {};
    std::uint64_t m_digits[2] = {};
    std::uint64_t m_span[2] = {};
    unsigned m_halves = 1;
    unsigned m_length = 0;
    std::size_t m_fields = 0;
    bool m_valid = false;
    std::array<Field, kPlainRowsMaxFields> m_field;
};

}  // namespace curvedoctor::core::plain_rows_avx2

#endif
