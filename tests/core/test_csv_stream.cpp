// The CSV reader streamed through a small window, in pieces of any size, reads exactly what it
// reads from the whole text in memory: the same rows, cells, line numbers and offsets, whatever
// falls on a window's edge (a "\r\n" cut in two, a quoted field across line breaks, a line
// longer than the window, a byte order mark, a torn last line).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/file_stream.h"
#include "core/loaders/csv/csv_table.h"
#include "csv_stream_test_support.h"

namespace curvedoctor::core {
namespace {

// Everything the reader says about every row, as text.
std::vector<std::string> describe(CsvReader& reader, std::size_t maxCells) {
    std::vector<std::string> out;
    std::vector<CsvCell> cells;
    while (reader.next(cells, maxCells)) {
        std::string row = "line " + std::to_string(reader.line()) + " fields " +
                          std::to_string(reader.fieldCount()) + " offset " +
                          std::to_string(reader.offset()) +
                          (reader.rowUnterminated() ? " torn" : "") + ":";
        for (const CsvCell& c : cells) {
            row += " [" + std::to_string(static_cast<int>(c.kind)) + "|" + std::string(c.text);
            if (c.kind == CsvCellKind::Number)
                row += "|" + std::to_string(std::bit_cast<std::uint64_t>(c.number));
            row += "]";
        }
        out.push_back(std::move(row));
    }
    out.push_back("end at " + std::to_string(reader.offset()) + " of " +
                  std::to_string(reader.size()));
    return out;
}

void expectSameStreamed(const std::string& text, CsvDialect dialect, std::size_t maxCells = 1000) {
    CsvReader whole(text, dialect);
    const std::vector<std::string> expected = describe(whole, maxCells);
    for (const std::size_t window : {16, 37, 4096}) {
        for (const std::size_t piece : {1, 7, 5000}) {
            test::PieceStream stream(text, piece, static_cast<unsigned>(window * 31 + piece));
            CsvReader streamed(stream, dialect, false, window);
            ASSERT_EQ(describe(streamed, maxCells), expected)
                << "window " << window << ", pieces up to " << piece << ": " << text.substr(0, 80);
        }
    }
}

TEST(CsvStream, LineEndsQuotesAndCommentsAcrossTheWindowEdge) {
    for (const std::string& text : test::awkwardCsvTexts()) expectSameStreamed(text, CsvDialect{});
    expectSameStreamed("     0/399    0.455G    0.1069\n  1/399 1 2\n", CsvDialect{' ', true});
    expectSameStreamed("\tb\n\t2\n", CsvDialect{'\t', false});
}

TEST(CsvStream, LinesLongerThanTheWindowGrowIt) {
    std::string text = "step";
    for (int i = 0; i < 500; ++i) text += ",m" + std::to_string(i);
    text += "\n";
    for (int row = 0; row < 5; ++row) {
        text += std::to_string(row);
        for (int i = 0; i < 500; ++i) text += "," + std::to_string(i * 0.5 + row);
        text += "\n";
    }
    expectSameStreamed(text, CsvDialect{});
    expectSameStreamed(text, CsvDialect{}, 3);  // fields past maxCells are read over.
}

TEST(CsvStream, RandomTablesReadTheSame) {
    std::mt19937 rng(11);
    const char* pieces[] = {",",   "\n", "\r\n", "\r", "\"",  "\"\"", "1.5", "0.12345678901234568",
                            "nan", " ",  "#",    "NA", "abc", "\t",   "-7",  "1e-05"};
    for (int round = 0; round < 300; ++round) {
        std::string text = "a,b,c\n";
        const int n = std::uniform_int_distribution<int>(0, 60)(rng);
        for (int i = 0; i < n; ++i)
            text +=
                pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(rng)];
        expectSameStreamed(text, CsvDialect{});
    }
}

}  // namespace
}  // namespace curvedoctor::core
