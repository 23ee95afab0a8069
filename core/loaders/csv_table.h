#pragma once
/// \file csv_table.h
/// A fast, forgiving tokenizer for delimited text tables (CSV, TSV, semicolon- and
/// whitespace-separated), shared by every CSV-family loader.
///
/// It reads an in-memory buffer (a whole file, or a streamed file's window: see rebase()) once,
/// front to back, and parses numbers with std::from_chars or the dense-row kernel
/// (plain_rows.h): no per-line copies, no locale. Quirks it absorbs: a UTF-8 byte order mark,
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

    /// The fast path for dense numeric rows: reads up to `maxRows` consecutive lines that each
    /// hold exactly `count` plain decimals separated by the delimiter (see plain_rows.h), as
    /// next() would read them as `count` Number cells, storing row r's value j at
    /// out[j * stride + r]. Returns how many it read (line() is then the last one's line).
    /// Stops before any other line (blank, comment, text, a gap, a different field count) and
    /// near the end of the buffer: read on with next(). Always 0 for a whitespace dialect.
    std::size_t nextPlainRows(double* out, std::size_t count, std::size_t stride,
                              std::size_t maxRows);

    /// Where the reader is, to come back to with reset() (the streaming loader re-reads a row
    /// that ran into the end of what has been read of the file so far).
    struct Mark {
        const char* pos;
        std::int64_t line;
    };
    [[nodiscard]] Mark mark() const { return {m_pos, m_line}; }
    void reset(Mark mark) {
        m_pos = mark.pos;
        m_line = mark.line;
    }
    /// Goes on in another buffer holding the same text from the current position on (a
    /// streamed file's window after a refill): `pos` is the current position in it.
    void rebase(const char* begin, const char* pos, const char* end) {
        m_begin = begin;
        m_pos = pos;
        m_end = end;
    }
    [[nodiscard]] const char* position() const { return m_pos; }
    /// True when a quoted field of the row next() read last ran to the end of the buffer
    /// without its closing quote (in a streamed file: the rest may not have been read yet).
    [[nodiscard]] bool ranIntoEnd() const { return m_ranIntoEnd; }
    [[nodiscard]] const char* bufferEnd() const { return m_end; }

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
    bool m_ranIntoEnd = false;
    std::size_t m_fieldCount = 0;
    std::deque<std::string> m_unescaped;  // storage for quoted fields that held "" escapes.
};

}  // namespace curvedoctor::core
