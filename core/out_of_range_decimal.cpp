#include "core/out_of_range_decimal.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace curvedoctor::core {
namespace {

bool isDigit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

// Far beyond any double (1e308, 4.9e-324) and far from int64 overflow when digits are added.
constexpr std::int64_t kExponentCap = 1'000'000'000'000;

}  // namespace

double outOfRangeDecimal(std::string_view s) {
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    // The decimal exponent of the first significant digit decides: from_chars only reports
    // out-of-range for values that round to zero or to infinity, so >= 1 means infinity.
    std::int64_t intDigits = 0;      // significant digits before the point.
    std::int64_t fractionZeros = 0;  // zeros after the point before the first significant digit.
    bool significant = false;
    for (; i < s.size() && isDigit(s[i]); ++i) {
        significant |= s[i] != '0';
        if (significant) ++intDigits;
    }
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && isDigit(s[i]); ++i) {
            if (significant) continue;
            if (s[i] == '0') {
                ++fractionZeros;
            } else {
                significant = true;
            }
        }
    }
    std::int64_t exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) negativeExponent = s[i++] == '-';
        for (; i < s.size() && isDigit(s[i]); ++i)
            exponent = std::min(exponent * 10 + (s[i] - '0'), kExponentCap);
        if (negativeExponent) exponent = -exponent;
    }
    const std::int64_t magnitude =
        (intDigits > 0 ? intDigits - 1 : -(fractionZeros + 1)) + exponent;
    const double value =
        significant && magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return negative ? -value : value;
}

}  // namespace curvedoctor::core
