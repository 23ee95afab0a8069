#pragma once
/// \file csv_table.h
/// A fast, forgiving tokenizer for delimited text tables (CSV, TSV, semicolon- and
/// whitespace-separated), shared by every CSV-family loader.
///
/// It reads an in-memory buffer (the whole file) once, front to back, and parses numbers with a
/// short-decimal fast path in front of std::from_chars: no per-line copies, no locale. Quirks it
/// absorbs: a UTF-8 byte order mark,
/// `\n`, `\r\n`, `\r\r\n` and lone `\r` line endings, blank lines, `#` comment lines, quoted fields
/// (with `""` escapes and line breaks inside quotes), fields padded with spaces, and the spellings
/// of missing and non-finite values that Python and R write.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

/// How the fields of a line are separated.
struct CsvDialect {
    /// ',', '\t', ';' or '|'; ignored when `whitespace` is set.
    char delimiter = ',';
    /// Fields are separated by runs of spaces and tabs (YOLOv5 results.txt, MLflow-like tables);
    /// leading and trailing blanks are not fields.
    bool whitespace = false;
};

/// What a cell holds after trimming blanks and removing quotes.
enum class CsvCellKind : std::uint8_t {
    Empty,    ///< nothing between the delimiters: a gap.
    Number,   ///< a finite or non-finite number (`nan`, `inf`, `-Infinity`, ... included).
    Missing,  ///< a missing-value marker: `NA`, `N/A`, `null`, `None`, `NaN` is NOT one (a number).
    Text,     ///< anything else.
};

struct CsvCell {
    double number = 0.0;    ///< valid when kind == Number.
    std::string_view text;  ///< the trimmed, unquoted cell text (valid until the next row).
    CsvCellKind kind = CsvCellKind::Empty;
};

/// Classifies one trimmed cell. Numbers accept what std::from_chars accepts (so `nan`, `NaN`,
/// `inf`, `-inf`, `Infinity`, any case) plus a leading `+`. `decimalComma` also accepts `0,5`
/// (semicolon-separated European files).
[[nodiscard]] CsvCell classifyCsvCell(std::string_view text, bool decimalComma = false);

/// True when `s` is a bare integer fraction like `3/50` (an "epoch/total" field); `numerator` is
/// set.
[[nodiscard]] bool parseEpochFraction(std::string_view s, std::int64_t& numerator);

/// Length of a UTF-8 byte order mark at the start of `bytes` (0 or 3).
[[nodiscard]] std::size_t utf8BomLength(std::string_view bytes);

/// Number of line breaks in `bytes` (`\n`, or lone `\r` in files that use no `\n` at all).
/// Used to size columns before parsing.
[[nodiscard]] std::size_t countLineBreaks(std::string_view bytes);

/// Guesses the dialect from the first lines of a file: the candidate delimiter (comma, tab,
/// semicolon, pipe, then whitespace runs) that splits every sampled line into the same number
/// (at least 2) of fields. Returns false when no candidate gives such a consistent table.
/// `fields` receives that field count.
[[nodiscard]] bool sniffCsvDialect(std::string_view head, CsvDialect& dialect, std::size_t& fields);

/// Reads rows one after another from a buffer that outlives the reader.
class CsvReader {
public:
    CsvReader(std::string_view bytes, CsvDialect dialect, bool decimalComma = false);

    /// Fills `cells` with the next non-blank, non-comment row. Returns false at the end.
    /// Cell views point into the buffer (or into the reader for quoted fields with escapes)
    /// and stay valid until the next call. Only the first `maxCells` fields are stored (the
    /// rest are read over and counted in fieldCount()), so a line of millions of fields costs
    /// no memory beyond what the caller keeps.
    bool next(std::vector<CsvCell>& cells, std::size_t maxCells = SIZE_MAX);
    /// How many fields the row next() read last had, stored or not.
    [[nodiscard]] std::size_t fieldCount() const { return m_fieldCount; }

    /// True when the last row read ran to the end of the buffer without a line end: in a file
    /// still being written, possibly a torn row.
    [[nodiscard]] bool rowUnterminated() const {
        return m_pos == m_end && m_end > m_begin && m_end[-1] != '\n' && m_end[-1] != '\r';
    }

    /// 1-based line number where the last returned row starts.
    [[nodiscard]] std::int64_t line() const { return m_rowLine; }
    /// Byte offset just past the last returned row (for progress reporting).
    [[nodiscard]] std::size_t offset() const { return static_cast<std::size_t>(m_pos - m_begin); }
    /// Size of the buffer in bytes.
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(m_end - m_begin); }

private:
    void skipLineEnd();
    void readQuoted(CsvCell& cell);

    const char* m_begin;
    const char* m_pos;
    const char* m_end;
    CsvDialect m_dialect;
    bool m_decimalComma;
    std::int64_t m_line = 1;
    std::int64_t m_rowLine = 0;
    std::size_t m_fieldCount = 0;
    std::deque<std::string> m_unescaped;  // storage for quoted fields that held "" escapes.
};

}  // namespace curvedoctor::core
