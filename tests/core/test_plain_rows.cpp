// The dense-row parser (plain_rows.h), both implementations: every value it returns must have
// the bits std::from_chars gives for the field's text (the independent reference), it must read
// every row of ordinary numbers, and it must stop at any other row without reading past it.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/loaders/plain_rows.h"

namespace curvedoctor::core {
namespace {

using Parser = PlainRowsResult (*)(const char*, const char*, char, std::size_t, double*,
                                   std::size_t, std::size_t);

struct Implementation {
    const char* name;
    Parser parse;
};

std::vector<Implementation> implementations() {
    std::vector<Implementation> list{{"scalar", plain_rows_detail::parseScalar}};
    if (plain_rows_detail::vectorAvailable())
        list.push_back({"vector", plain_rows_detail::parseVector});
    return list;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// The spelling both implementations must take: [-]1-7 digits[.0-7 digits][e[+-]1-2 digits],
// at most 15 digits, with the decimal exponent (after moving the point) within -22..0.
bool ordinary(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    std::size_t intDigits = 0;
    while (i < s.size() && isDigit(s[i])) ++i, ++intDigits;
    if (intDigits < 1 || intDigits > 7) return false;
    int frac = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && isDigit(s[i])) ++i, ++frac;
        if (frac > 7) return false;
    }
    int exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        const bool negative = i < s.size() && s[i] == '-';
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        std::size_t digits = 0;
        while (i < s.size() && isDigit(s[i])) exponent = exponent * 10 + (s[i++] - '0'), ++digits;
        if (digits < 1 || digits > 2) return false;
        if (negative) exponent = -exponent;
    }
    const int total = exponent - frac;
    return i == s.size() && total >= -22 && total <= 0;
}

// A number in many spellings: mostly ordinary ones, with long, odd and broken ones mixed in.
std::string randomNumber(std::mt19937_64& rng) {
    auto digits = [&](int n) {
        std::string d;
        for (int k = 0; k < n; ++k) d += static_cast<char>('0' + rng() % 10);
        return d;
    };
    const int kind = static_cast<int>(rng() % 20);
    if (kind == 0) {
        static const char* odd[] = {"nan",   "-inf",  "",     " 1",    "1 ",      "+1",   ".5",
                                    "-.5",   "5.",    "1e",   "1e+",   "--1",     "1..2", "1.2.3",
                                    "1e5e5", "0x10",  "1_0",  "\"1\"", "1e-0022", "-0",   "-0.0",
                                    "00000", "1E+05", "9e22", "1e-22"};
        return odd[rng() % std::size(odd)];
    }
    std::string s = rng() % 4 == 0 ? "-" : "";
    const bool wide = kind == 1;  // long mantissas: past 15 digits and 2^52.
    s += digits(1 + static_cast<int>(rng() % (wide ? 17 : 7)));
    if (rng() % 5 != 0) {
        s += '.';
        s += digits(static_cast<int>(rng() % (wide ? 17 : 8)));
    }
    if (rng() % 5 == 0) {
        s += rng() % 2 ? 'e' : 'E';
        const int sign = static_cast<int>(rng() % 3);
        if (sign == 1) s += '-';
        if (sign == 2) s += '+';
        s += digits(1 + static_cast<int>(rng() % (wide ? 5 : 2)));
    }
    return s;
}

// A table of `rows` rows of `fields` numbers: runs of rows share a shape, as logs do (the
// vector parser caches a row's shape), with broken rows and odd numbers mixed in.
std::string randomTable(std::mt19937_64& rng, std::size_t fields, int rows, char delimiter,
                        const char* ending) {
    std::string text;
    std::vector<std::string> shape(fields);
    for (auto& f : shape) f = randomNumber(rng);
    for (int r = 0; r < rows; ++r) {
        for (std::size_t j = 0; j < fields; ++j) {
            if (j > 0) text += delimiter;
            std::string& f = shape[j];
            if (rng() % 8 == 0) {
                f = randomNumber(rng);
            } else {
                // Same shape, new digits.
                for (char& c : f)
                    if (isDigit(c)) c = static_cast<char>('0' + rng() % 10);
            }
            text += f;
        }
        if (rng() % 40 == 0) text += rng() % 2 ? "# comment" : ",";
        text += rng() % 50 == 0 ? "\r\r\n" : ending;
    }
    return text;
}

std::vector<std::string_view> splitRow(std::string_view row, char delimiter) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= row.size(); ++i) {
        if (i == row.size() || row[i] == delimiter) {
            out.push_back(row.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

// Runs `parse` over `text` the way the CSV reader does (a row the fast path declines is skipped
// to its line end) and checks every row against from_chars. Returns the rows the fast path read.
std::size_t checkTable(const Implementation& impl, const std::string& text, std::size_t fields,
                       char delimiter, std::mt19937_64& rng) {
    constexpr std::size_t kStride = 96;
    std::vector<double> block(fields * kStride);
    const char* begin = text.data();
    const char* end = begin + text.size();
    const char* p = begin;
    std::size_t accepted = 0;
    while (p < end) {
        const std::size_t wanted = 1 + rng() % kStride;
        const PlainRowsResult got =
            impl.parse(p, end, delimiter, fields, block.data(), kStride, wanted);
        EXPECT_LE(got.rows, wanted);
        for (std::size_t r = 0; r < got.rows; ++r) {
            const char* eol = std::find(p, end, '\n');
            std::string_view line(p, static_cast<std::size_t>(eol - p));
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            const auto cells = splitRow(line, delimiter);
            EXPECT_EQ(cells.size(), fields) << impl.name << ": " << line;
            if (cells.size() != fields) return accepted;
            for (std::size_t j = 0; j < fields; ++j) {
                double expected = 0;
                const auto [q, ec] =
                    std::from_chars(cells[j].data(), cells[j].data() + cells[j].size(), expected);
                const bool whole = ec == std::errc() && q == cells[j].data() + cells[j].size() &&
                                   !cells[j].empty() && cells[j][0] != '+' && cells[j][0] != '.';
                EXPECT_TRUE(whole) << impl.name << " read '" << cells[j] << "'";
                EXPECT_EQ(std::bit_cast<std::uint64_t>(block[j * kStride + r]),
                          std::bit_cast<std::uint64_t>(expected))
                    << impl.name << " read '" << cells[j] << "' as " << block[j * kStride + r];
            }
            p = eol + 1;
        }
        EXPECT_EQ(got.next, p) << impl.name;
        accepted += got.rows;
        if (got.rows == wanted) continue;
        // Declined: the row must hold something that is not ordinary, or sit near the end.
        const char* eol = std::find(p, end, '\n');
        if (eol == end) break;
        std::string_view line(p, static_cast<std::size_t>(eol - p));
        const bool nearEnd = end - p < kPlainRowsTail + 128;
        bool allOrdinary = !line.empty() && line.back() != '\r';
        if (!line.empty() && line.back() == '\r' && line.size() >= 2 &&
            line[line.size() - 2] != '\r') {
            line.remove_suffix(1);
            allOrdinary = true;
        }
        const auto cells = splitRow(line, delimiter);
        allOrdinary = allOrdinary && cells.size() == fields &&
                      std::all_of(cells.begin(), cells.end(), ordinary);
        EXPECT_TRUE(nearEnd || !allOrdinary)
            << impl.name << " declined the ordinary row '" << line << "'";
        p = eol + 1;
    }
    return accepted;
}

TEST(PlainRows, EveryValueMatchesFromCharsAndOrdinaryRowsAreRead) {
    for (const Implementation& impl : implementations()) {
        std::mt19937_64 rng(11);
        std::size_t accepted = 0;
        for (int file = 0; file < 400; ++file) {
            const std::size_t fields = 1 + rng() % 9;
            const char delimiter = ",\t;|"[rng() % 4];
            const char* ending = rng() % 3 == 0 ? "\r\n" : "\n";
            const std::string text =
                randomTable(rng, fields, 1 + static_cast<int>(rng() % 300), delimiter, ending);
            accepted += checkTable(impl, text, fields, delimiter, rng);
        }
        EXPECT_GT(accepted, 10000U) << impl.name;
    }
}

// The vector parser reuses the shape of the row before: a row that differs from it in any one
// byte, whatever that byte becomes, must still be read exactly (or declined).
TEST(PlainRows, ARowOneByteAwayFromTheLastShapeIsReadExactly) {
    std::mt19937_64 rng(17);
    const char* bases[] = {"-12.5,3.25e-03,7\n", "0.001,1000\r\n", "1.0000e-04,2.364100,-0.5\n"};
    const char replacements[] = "0159.-+eE,;\n\r x";
    std::size_t checked = 0;
    for (const char* base : bases) {
        const std::string row = base;
        const std::size_t fields = splitRow(row, ',').size();
        for (std::size_t i = 0; i < row.size(); ++i) {
            for (const char c : std::string_view(replacements, sizeof replacements - 1)) {
                std::string mutated = row;
                mutated[i] = c;
                std::string text;
                for (int k = 0; k < 4; ++k) text += row;
                text += mutated;
                for (int k = 0; k < 12; ++k) text += row;
                for (const Implementation& impl : implementations())
                    checked += checkTable(impl, text, fields, ',', rng);
            }
        }
    }
    EXPECT_GT(checked, 1000U);
}

TEST(PlainRows, ImplementationsAgreeOnALogLikeTable) {
    // Six columns printed the way a training script prints them, as in the benchmark file.
    std::mt19937_64 rng(5);
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        char line[128];
        const double u = static_cast<double>(rng() % 1000000) / 1e6;
        std::snprintf(line, sizeof line, "%d,%.6f,%.6f,%.5f,%.4e,%.4f\n", i * 7, 2.3 * u - 0.4,
                      u * 30.0, u, 1e-3 * u, 1.5 - u);
        text += line;
    }
    std::vector<std::vector<double>> results;
    std::size_t common = SIZE_MAX;
    for (const Implementation& impl : implementations()) {
        std::vector<double> block(6 * 8192);
        const PlainRowsResult got =
            impl.parse(text.data(), text.data() + text.size(), ',', 6, block.data(), 8192, 8192);
        // All but the rows within reach of the end of the buffer.
        EXPECT_GE(got.rows, 4990U) << impl.name;
        EXPECT_LE(text.data() + text.size() - got.next, kPlainRowsTail + 128) << impl.name;
        common = std::min(common, got.rows);
        results.push_back(block);
    }
    for (std::size_t k = 1; k < results.size(); ++k)
        for (std::size_t j = 0; j < 6; ++j)
            for (std::size_t r = 0; r < common; ++r)
                ASSERT_EQ(results[0][j * 8192 + r], results[k][j * 8192 + r])
                    << "row " << r << " column " << j;
}

TEST(PlainRows, LineEndingsAndShortBuffers) {
    const std::string pad(200, 'x');
    for (const Implementation& impl : implementations()) {
        double out[4];
        std::string crlf = "1.5,2\r\n" + pad;
        PlainRowsResult got = impl.parse(crlf.data(), crlf.data() + crlf.size(), ',', 2, out, 2, 2);
        EXPECT_EQ(got.rows, 1U) << impl.name;
        EXPECT_EQ(got.next, crlf.data() + 7) << impl.name;
        EXPECT_EQ(out[0], 1.5);
        EXPECT_EQ(out[2], 2.0);
        for (const std::string bad :
             {"1.5,2\r\r\n", "1.5,2\r", "1.5,2,\n", "1.5\n", ",1.5,2\n", "1.5,,2\n"}) {
            const std::string text = bad + pad;
            got = impl.parse(text.data(), text.data() + text.size(), ',', 2, out, 2, 2);
            EXPECT_EQ(got.rows, 0U) << impl.name << " read " << bad;
            EXPECT_EQ(got.next, text.data()) << impl.name;
        }
        // Under kPlainRowsTail bytes: left to the slow path.
        const std::string shortText = "1,2\n3,4\n";
        got = impl.parse(shortText.data(), shortText.data() + shortText.size(), ',', 2, out, 2, 2);
        EXPECT_EQ(got.rows, 0U) << impl.name;
    }
}

}  // namespace
}  // namespace curvedoctor::core
