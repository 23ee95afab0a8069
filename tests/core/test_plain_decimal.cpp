// The dense-row number parser: it must either decline or give the same bits as std::from_chars
// (the independent reference, correctly rounded by the C++ standard's contract).
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include "core/loaders/plain_decimal.h"

namespace curvedoctor::core {
namespace {

// `text` followed by a comma and padding, as it sits in a file, so the parser's read-ahead stays
// inside the buffer.
struct Padded {
    explicit Padded(std::string_view text) : bytes(std::string(text) + "," + std::string(48, 'x')) {}
    std::string bytes;
};

// Parses `text` both ways. Returns true when the fast parser accepted the whole of `text`; fails
// the test when it accepted something std::from_chars reads differently.
bool sameAsFromChars(std::string_view text) {
    const Padded padded(text);
    const char* begin = padded.bytes.data();
    double fast = 0;
    const char* end = parsePlainDecimal(begin, fast);
    if (end == nullptr) return false;
    double expected = 0;
    const auto [refEnd, ec] = std::from_chars(begin, begin + text.size(), expected);
    EXPECT_TRUE(ec == std::errc()) << text;
    EXPECT_EQ(end - begin, refEnd - begin) << text;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(fast), std::bit_cast<std::uint64_t>(expected)) << text;
    return end == begin + text.size();
}

TEST(PlainDecimal, RandomLoggerSpellingsMatchFromCharsBitForBit) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> mag(-12.0, 12.0);
    const char* formats[] = {"%.6f", "%.4e", "%.7g", "%g", "%.0f", "%.3f", "%.5E", "%.1e"};
    char buf[64];
    int accepted = 0;
    const int total = 400000;
    for (int i = 0; i < total; ++i) {
        const double v = (rng() % 2 ? -1 : 1) * std::pow(10.0, mag(rng)) * 1.2345678901234567;
        const int n = std::snprintf(buf, sizeof buf, formats[i % 8], v);
        if (sameAsFromChars(std::string_view(buf, static_cast<std::size_t>(n)))) ++accepted;
        if (::testing::Test::HasFailure()) return;
    }
    // Most of these spellings are in the fast path's range; if it declined them all, the
    // comparison above would have checked nothing.
    EXPECT_GT(accepted, total / 2);
}

TEST(PlainDecimal, RandomDigitStringsMatchFromCharsBitForBit) {
    // Every digit count and exponent the fast path takes, and the ones around its limits.
    std::mt19937_64 rng(5);
    int accepted = 0;
    for (int i = 0; i < 300000; ++i) {
        std::string s = rng() % 2 ? "-" : "";
        const int intDigits = static_cast<int>(rng() % 10);
        const int fracDigits = static_cast<int>(rng() % 10);
        for (int d = 0; d < intDigits; ++d) s += static_cast<char>('0' + rng() % 10);
        if (rng() % 4 != 0) {
            s += '.';
            for (int d = 0; d < fracDigits; ++d) s += static_cast<char>('0' + rng() % 10);
        }
        if (rng() % 3 == 0) {
            s += rng() % 2 ? 'e' : 'E';
            if (rng() % 2) s += rng() % 2 ? '-' : '+';
            s += std::to_string(rng() % 40);
        }
        if (sameAsFromChars(s)) ++accepted;
        if (::testing::Test::HasFailure()) return;
    }
    EXPECT_GT(accepted, 50000);
}

TEST(PlainDecimal, EdgeSpellings) {
    // Accepted, and equal to std::from_chars.
    for (const char* s : {"0", "-0", "-0.0", "5.", "1e22", "1e-22", "1234567.1234567", "9999999e15",
                          "0.0000001", "1E+5", "3.14e-0", "1.e5", "0.1", "0.3", "2.675"}) {
        EXPECT_TRUE(sameAsFromChars(s)) << s;
    }
    double v = 1;
    ASSERT_NE(parsePlainDecimal(Padded("-0").bytes.data(), v), nullptr);
    EXPECT_TRUE(std::signbit(v));
    // Declined: the caller's full parser decides (these are all outside the exact fast path,
    // or not plain decimals at all).
    for (const char* s : {"1e308", "1e-400", "1e23", "4.9e-324", "2.2250738585072014e-308",
                          "12345678", "0.12345678", "123456789012345678901", "+1", ".5", "-",
                          "nan", "NaN", "inf", "-inf", "1e", "1e+", "1e12345", "", " 1", "e5"}) {
        const Padded padded(s);
        EXPECT_EQ(parsePlainDecimal(padded.bytes.data(), v), nullptr) << s;
    }
    // The number ends where a delimiter, blank or line break starts; what follows is the caller's.
    for (const char* s : {"1.5 ", "1.5\r\n", "1.5\n", "1.5;", "1.5\t"}) {
        const Padded padded(s);
        const char* end = parsePlainDecimal(padded.bytes.data(), v);
        ASSERT_NE(end, nullptr) << s;
        EXPECT_EQ(end - padded.bytes.data(), 3) << s;
        EXPECT_EQ(v, 1.5);
    }
}

}  // namespace
}  // namespace curvedoctor::core
