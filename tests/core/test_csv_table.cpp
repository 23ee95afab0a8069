// The shared CSV tokenizer: dialect sniffing, cell classification, line endings, quotes.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "core/loaders/csv/csv_table.h"

namespace curvedoctor::core {
namespace {

// Every row the reader returned. A cell's text is only valid until the reader's next row (a
// quoted field with "" escapes lives in the reader), so the rows keep their own copies.
struct Rows {
    std::deque<std::string> texts;
    std::vector<std::vector<CsvCell>> cells;
    [[nodiscard]] std::size_t size() const { return cells.size(); }
    const std::vector<CsvCell>& operator[](std::size_t i) const { return cells[i]; }
};

Rows readAll(std::string_view text, CsvDialect d, std::vector<std::int64_t>* lines = nullptr) {
    CsvReader reader(text, d);
    Rows rows;
    std::vector<CsvCell> cells;
    while (reader.next(cells)) {
        for (CsvCell& cell : cells) cell.text = rows.texts.emplace_back(cell.text);
        rows.cells.push_back(cells);
        if (lines) lines->push_back(reader.line());
    }
    return rows;
}

TEST(CsvTable, ClassifiesNumbersAndNonFiniteSpellings) {
    EXPECT_EQ(classifyCsvCell("1.5e-3").kind, CsvCellKind::Number);
    EXPECT_DOUBLE_EQ(classifyCsvCell("  +2.5 ").number, 2.5);
    for (const char* s : {"nan", "NaN", "-nan", "NAN"}) {
        const CsvCell c = classifyCsvCell(s);
        EXPECT_EQ(c.kind, CsvCellKind::Number) << s;
        EXPECT_TRUE(std::isnan(c.number)) << s;
    }
    EXPECT_EQ(classifyCsvCell("inf").number, INFINITY);
    EXPECT_EQ(classifyCsvCell("Infinity").number, INFINITY);
    EXPECT_EQ(classifyCsvCell("-inf").number, -INFINITY);
    EXPECT_EQ(classifyCsvCell("-Infinity").number, -INFINITY);
    for (const char* s : {"NA", "N/A", "null", "None"})
        EXPECT_EQ(classifyCsvCell(s).kind, CsvCellKind::Missing) << s;
    EXPECT_EQ(classifyCsvCell("").kind, CsvCellKind::Empty);
    EXPECT_EQ(classifyCsvCell("   ").kind, CsvCellKind::Empty);
    for (const char* s : {"abc", "1.5x", "++1", "+-1", "0.455G", "3/50"})
        EXPECT_EQ(classifyCsvCell(s).kind, CsvCellKind::Text) << s;
}

// The tokenizer's own fast number path must give the same bits as std::from_chars (the
// independent reference) for every spelling a logger prints.
TEST(CsvTable, NumbersMatchFromCharsBitForBit) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> mag(-30.0, 30.0);
    std::uniform_int_distribution<int> fmt(0, 6);
    const char* formats[] = {"%.6f", "%.17g", "%.4e", "%.9g", "%g", "%.0f", "%.12f"};
    char buf[64];
    for (int i = 0; i < 200000; ++i) {
        const double v = (rng() % 2 ? -1 : 1) * std::pow(10.0, mag(rng)) * 1.2345678901234567;
        const int n = std::snprintf(buf, sizeof buf, formats[fmt(rng)], v);
        const std::string_view text(buf, static_cast<std::size_t>(n));
        double expected = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), expected);
        ASSERT_TRUE(ec == std::errc() && end == text.data() + text.size()) << text;
        const CsvCell cell = classifyCsvCell(text);
        ASSERT_EQ(cell.kind, CsvCellKind::Number) << text;
        ASSERT_EQ(std::bit_cast<std::uint64_t>(cell.number), std::bit_cast<std::uint64_t>(expected))
            << text;
        // Same through the reader's in-place path, with a delimiter after the number.
        const std::string row = std::string(text) + ",1\n";
        CsvReader reader(row, CsvDialect{});
        std::vector<CsvCell> cells;
        ASSERT_TRUE(reader.next(cells));
        ASSERT_EQ(std::bit_cast<std::uint64_t>(cells[0].number),
                  std::bit_cast<std::uint64_t>(expected))
            << text;
    }
    for (const char* s : {"12345678901234567890", "0.000000000000000000000001", "1e300", "1e-300",
                          "123456789012345678.5", "9007199254740993", "00000000000000000001", ".5",
                          "5.", "-0", "-0.0", "1e+22", "1e23", "12345678", "123456789"}) {
        double expected = 0;
        std::from_chars(s, s + std::strlen(s), expected);
        const CsvCell cell = classifyCsvCell(s);
        ASSERT_EQ(cell.kind, CsvCellKind::Number) << s;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(cell.number), std::bit_cast<std::uint64_t>(expected))
            << s;
    }
}

// Python writes a float as its shortest repr (up to 17 significant digits, fixed notation from
// 1e-4 to 1e16, else `7.239714605589143e-09`) and `%.17g` as 17 digits: the reader's Eisel-Lemire
// path must give std::from_chars' bits for both, over doubles of every magnitude a log holds.
TEST(CsvTable, PythonReprAndSeventeenDigitFloatsMatchFromCharsBitForBit) {
    std::mt19937_64 rng(14);
    char buf[64];
    std::string row;
    std::vector<CsvCell> cells;
    for (int i = 0; i < 1'000'000; ++i) {
        // Random bit patterns of every exponent, and values spread over 10^-30..10^30.
        double v = std::bit_cast<double>(rng());
        if (i % 2 == 0)
            v = std::ldexp(static_cast<double>(rng() >> 11), static_cast<int>(rng() % 200) - 153);
        if (!std::isfinite(v)) continue;
        for (int form = 0; form < 2; ++form) {
            char* end = buf;
            if (form == 1) {
                end = buf + std::snprintf(buf, sizeof buf, "%.17g", v);
            } else {
                const double a = std::fabs(v);
                const auto f = a >= 1e-4 && a < 1e16 ? std::chars_format::fixed
                                                     : std::chars_format::scientific;
                end = std::to_chars(buf, buf + sizeof buf, v, f).ptr;
            }
            double expected = 0;
            ASSERT_EQ(std::from_chars(buf, end, expected).ptr, end) << buf;
            row.assign(buf, end);
            row += ",1\n";
            CsvReader reader(row, CsvDialect{});
            ASSERT_TRUE(reader.next(cells));
            ASSERT_EQ(std::bit_cast<std::uint64_t>(cells[0].number),
                      std::bit_cast<std::uint64_t>(expected))
                << row;
        }
    }
}

// Session 15's shortcut for one digit before the point (`0.1260...`, most of what Python
// prints): every neighbour of that shape, cut at every length and followed by each terminator the
// reader meets, must give std::from_chars' bits, or stay text where from_chars stops early.
TEST(CsvTable, OneDigitIntegerPartsMatchFromCharsBitForBit) {
    const char* numbers[] = {"0",
                             "7",
                             "-3",
                             "0.",
                             "5.",
                             ".5",
                             "-0",
                             "-0.0",
                             "0.5",
                             "9.999999999999999999",
                             "1.2345678901234567890",
                             "0.12600809335708618",
                             "7.239714605589143e-09",
                             "3e-308",
                             "1e5",
                             "4E+22",
                             "0.000282",
                             "0.0000000000000000000000000000001",
                             "00.5",
                             "05",
                             "1.5.2",
                             "8e",
                             "3x"};
    // After each: another field, or none (the line's or the input's end).
    const char* terminators[] = {",1\n", ",\n", "\n", "\r\n", " ,1", ",,", ""};
    for (const char* number : numbers) {
        const std::string_view text(number);
        for (std::size_t len = 1; len <= text.size(); ++len) {
            const std::string_view cut = text.substr(0, len);
            double expected = 0;
            const auto [end, ec] = std::from_chars(cut.data(), cut.data() + cut.size(), expected);
            const bool whole = ec == std::errc() && end == cut.data() + cut.size();
            for (const char* terminator : terminators) {
                const std::string row = std::string(cut) + terminator;
                CsvReader reader(row, CsvDialect{});
                std::vector<CsvCell> cells;
                ASSERT_TRUE(reader.next(cells)) << row;
                ASSERT_FALSE(cells.empty()) << row;
                if (!whole) {
                    EXPECT_NE(cells[0].kind, CsvCellKind::Number) << row;
                    continue;
                }
                ASSERT_EQ(cells[0].kind, CsvCellKind::Number) << row;
                EXPECT_EQ(std::bit_cast<std::uint64_t>(cells[0].number),
                          std::bit_cast<std::uint64_t>(expected))
                    << row;
            }
        }
    }
}

// Digits are read 16, 8 or 1 at a time depending on how many bytes follow, so every length of
// integer and fraction digits, with and without an exponent, followed by a short or a long rest of
// the row, must give std::from_chars' bits (or stay text where from_chars stops early).
TEST(CsvTable, DigitRunsOfEveryLengthMatchFromCharsWhateverFollows) {
    std::mt19937 rng(17);
    const auto digits = [&](int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng() % 10);
        return out;
    };
    const char* exponents[] = {"", "e-09", "E+3", "e22"};
    const std::string rest = ",1.5,2.25,3.125,4.0625,5\n";
    std::vector<CsvCell> cells;
    for (int intDigits = 0; intDigits <= 21; ++intDigits) {
        for (int fracDigits = 0; fracDigits <= 21; ++fracDigits) {
            for (int k = 0; k < 8; ++k) {
                std::string text = digits(intDigits);
                if (k % 2 == 1 || intDigits == 0) text += "." + digits(fracDigits);
                text += exponents[k / 2];
                double expected = 0;
                const auto [end, ec] =
                    std::from_chars(text.data(), text.data() + text.size(), expected);
                const bool whole = ec == std::errc() && end == text.data() + text.size();
                for (std::size_t tail = 0; tail <= rest.size(); tail += 3) {
                    const std::string row = text + rest.substr(0, tail);
                    CsvReader reader(row, CsvDialect{});
                    ASSERT_TRUE(reader.next(cells)) << row;
                    if (!whole) {
                        EXPECT_NE(cells[0].kind, CsvCellKind::Number) << row;
                        continue;
                    }
                    ASSERT_EQ(cells[0].kind, CsvCellKind::Number) << row;
                    ASSERT_EQ(std::bit_cast<std::uint64_t>(cells[0].number),
                              std::bit_cast<std::uint64_t>(expected))
                        << row;
                }
            }
        }
    }
}

TEST(CsvTable, DecimalCommaOnlyWhenAsked) {
    EXPECT_EQ(classifyCsvCell("0,5").kind, CsvCellKind::Text);
    const CsvCell c = classifyCsvCell("0,5", true);
    EXPECT_EQ(c.kind, CsvCellKind::Number);
    EXPECT_DOUBLE_EQ(c.number, 0.5);
}

TEST(CsvTable, EpochFractions) {
    std::int64_t n = -1;
    EXPECT_TRUE(parseEpochFraction("12/399", n));
    EXPECT_EQ(n, 12);
    EXPECT_FALSE(parseEpochFraction("12/", n));
    EXPECT_FALSE(parseEpochFraction("/3", n));
    EXPECT_FALSE(parseEpochFraction("1.5/3", n));
    EXPECT_FALSE(parseEpochFraction("12", n));
}

TEST(CsvTable, SniffsEachDelimiter) {
    CsvDialect d;
    std::size_t fields = 0;
    ASSERT_TRUE(sniffCsvDialect("a,b,c\n1,2,3\n4,5,6\n", d, fields));
    EXPECT_EQ(d.delimiter, ',');
    EXPECT_EQ(fields, 3U);
    ASSERT_TRUE(sniffCsvDialect("a\tb\n1\t2\n", d, fields));
    EXPECT_EQ(d.delimiter, '\t');
    // Decimal commas split rows unevenly, so ';' wins.
    ASSERT_TRUE(sniffCsvDialect("step;loss\n1;0,5\n2;0,25\n", d, fields));
    EXPECT_EQ(d.delimiter, ';');
    ASSERT_TRUE(sniffCsvDialect("  step   loss\n  1   0.5\n  2   0.25\n", d, fields));
    EXPECT_TRUE(d.whitespace);
    EXPECT_EQ(fields, 2U);
    // Quoted delimiters do not count.
    ASSERT_TRUE(sniffCsvDialect("\"a,b\",c\n1,2\n", d, fields));
    EXPECT_EQ(fields, 2U);
    EXPECT_FALSE(sniffCsvDialect("one\ntwo\n", d, fields));
    EXPECT_FALSE(sniffCsvDialect("a,b\n1,2,3\n4\n", d, fields));
}

TEST(CsvTable, LineEndingsCountLinesOnce) {
    for (const std::string& text :
         {std::string("h,v\n1,2\n3,4\n"), std::string("h,v\r\n1,2\r\n3,4\r\n"),
          std::string("h,v\r\r\n1,2\r\r\n3,4\r\r\n"), std::string("h,v\r1,2\r3,4")}) {
        std::vector<std::int64_t> lines;
        const auto rows = readAll(text, CsvDialect{}, &lines);
        ASSERT_EQ(rows.size(), 3U) << text;
        EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 2, 3})) << text;
        EXPECT_DOUBLE_EQ(rows[2][1].number, 4.0);
    }
}

TEST(CsvTable, SkipsBomBlankAndCommentLines) {
    std::vector<std::int64_t> lines;
    const auto rows = readAll("\xEF\xBB\xBFstep,loss\n\n# note\n  \n1,2\n", CsvDialect{}, &lines);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0][0].text, "step");
    EXPECT_EQ(lines[1], 5);
}

TEST(CsvTable, QuotedFieldsWithEscapesAndBreaks) {
    std::vector<std::int64_t> lines;
    const auto rows =
        readAll("\"a \"\"x\"\"\",\"multi\nline\",\"2.5\"\n7,8,9\n", CsvDialect{}, &lines);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0][0].text, "a \"x\"");
    EXPECT_EQ(rows[0][1].text, "multi\nline");
    EXPECT_EQ(rows[0][2].kind, CsvCellKind::Number);
    EXPECT_EQ(lines[1], 3);  // the quoted line break counts.
}

TEST(CsvTable, UnterminatedQuoteDoesNotSwallowTheFile) {
    const auto rows = readAll("a,b\n\"1,2\n3,4\n", CsvDialect{});
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_DOUBLE_EQ(rows[2][1].number, 4.0);
}

TEST(CsvTable, PaddedCellsAndEmptyCells) {
    const auto rows = readAll("  a ,  b  ,c\n  1 ,    , 3\n", CsvDialect{});
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0][1].text, "b");
    EXPECT_EQ(rows[1][0].kind, CsvCellKind::Number);
    EXPECT_EQ(rows[1][1].kind, CsvCellKind::Empty);
    EXPECT_DOUBLE_EQ(rows[1][2].number, 3.0);
}

TEST(CsvTable, TabDelimitedKeepsLeadingEmptyField) {
    const auto rows = readAll("\tb\n\t2\n", CsvDialect{'\t', false});
    ASSERT_EQ(rows.size(), 2U);
    ASSERT_EQ(rows[1].size(), 2U);
    EXPECT_EQ(rows[1][0].kind, CsvCellKind::Empty);
}

TEST(CsvTable, WhitespaceRunsSeparateFields) {
    const auto rows = readAll("     0/399    0.455G    0.1069\n", CsvDialect{' ', true});
    ASSERT_EQ(rows.size(), 1U);
    ASSERT_EQ(rows[0].size(), 3U);
    EXPECT_EQ(rows[0][0].text, "0/399");
    EXPECT_EQ(rows[0][1].kind, CsvCellKind::Text);
    EXPECT_DOUBLE_EQ(rows[0][2].number, 0.1069);
}

// Every cell the reader returns, whichever of its paths read it (the in-place number, the empty
// cell, quotes, padding, text), must be what classifyCsvCell makes of that field's text alone
// (blanks trimmed, quotes removed): random rows of awkward cells, in each delimiter dialect, with
// each line end, the last line with or without one, and a cap on the cells kept.
TEST(CsvTable, EveryCellIsWhatClassifyMakesOfItsField) {
    const std::vector<std::string> cells = {"0.12600809335708618",
                                            "5.146041393280029",
                                            "7.239714605589143e-09",
                                            "-2.5",
                                            "17",
                                            "0",
                                            "",
                                            " ",
                                            "  3 ",
                                            "4  ",
                                            "-",
                                            "-.",
                                            ".5",
                                            "5.",
                                            "-0",
                                            "1e5",
                                            "1e",
                                            "nan",
                                            "-inf",
                                            "Infinity",
                                            "NA",
                                            "null",
                                            "abc",
                                            "3/50",
                                            "1.5.2",
                                            "12345678901234567890123",
                                            "0.000282",
                                            "\"2.5\"",
                                            "\" 7 \"",
                                            "\"a\"\"b\"",
                                            "\"\"",
                                            "+1",
                                            "00.5",
                                            "9x",
                                            "1e400"};
    const char* lineEnds[] = {"\n", "\r\n", "\r"};
    std::mt19937 rng(16);
    for (const char delimiter : {',', ';', '|', '\t'}) {
        for (int round = 0; round < 400; ++round) {
            std::vector<std::vector<std::string>> fields;
            std::string text;
            const char* lineEnd = lineEnds[rng() % 3];
            const std::size_t rows = 1 + rng() % 4;
            for (std::size_t r = 0; r < rows; ++r) {
                // A row is never blank (one empty cell alone would be a blank line, skipped).
                std::vector<std::string>& row = fields.emplace_back();
                const std::size_t n = 2 + rng() % 6;
                for (std::size_t c = 0; c < n; ++c) {
                    std::string cell = cells[rng() % cells.size()];
                    if (delimiter == '\t') std::replace(cell.begin(), cell.end(), '\t', ' ');
                    if (c > 0) text += delimiter;
                    text += cell;
                    row.push_back(cell);
                }
                if (r + 1 < rows || rng() % 2 == 0) text += lineEnd;
            }
            const std::size_t maxCells = 1 + rng() % 8;
            CsvReader reader(text, CsvDialect{delimiter, false});
            std::vector<CsvCell> got;
            for (const auto& row : fields) {
                ASSERT_TRUE(reader.next(got, maxCells)) << text;
                ASSERT_EQ(reader.fieldCount(), row.size()) << text;
                ASSERT_EQ(got.size(), std::min(row.size(), maxCells)) << text;
                for (std::size_t c = 0; c < got.size(); ++c) {
                    std::string field = row[c];
                    const auto first = field.find_first_not_of(' ');
                    field = first == std::string::npos ? "" : field.substr(first);
                    if (field.size() >= 2 && field.front() == '"') {
                        field = field.substr(1, field.rfind('"') - 1);
                        for (std::size_t at = field.find("\"\""); at != std::string::npos;
                             at = field.find("\"\"", at + 1))
                            field.erase(at, 1);
                    }
                    const CsvCell want = classifyCsvCell(field);
                    ASSERT_EQ(got[c].kind, want.kind) << text << " cell " << c;
                    ASSERT_EQ(got[c].text, want.text) << text << " cell " << c;
                    if (want.kind == CsvCellKind::Number && !std::isnan(want.number)) {
                        ASSERT_EQ(std::bit_cast<std::uint64_t>(got[c].number),
                                  std::bit_cast<std::uint64_t>(want.number))
                            << text << " cell " << c;
                    }
                }
            }
            EXPECT_FALSE(reader.next(got, maxCells)) << text;
        }
    }
}

}  // namespace
}  // namespace curvedoctor::core
