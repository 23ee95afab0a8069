#pragma once
/// \file csv_table.h
/// A fast, forgiving tokenizer for delimited text tables (CSV, TSV, semicolon- and
/// whitespace-separated), shared by every CSV-family loader.
///
/// It reads a buffer once, front to back: a whole file in memory, or a file streamed through a
/// window of its own (a 184 MB log needs no 184 MB buffer). Numbers are parsed with a
/// short-decimal fast path in front of std::from_chars: no per-line copies, no locale. Quirks it
/// absorbs: a UTF-8 byte order mark,
/// `\n`, `\r\n`, `\r\r\n` and lone `\r` line endings, blank lines, `#` comment lines, quoted fields
/// (with `""` escapes and line breaks inside quotes), fields padded with spaces, and the spellings
/// of missing and non-finite values that Python and R write.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

class ByteStream;

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

/// Guesses the dialect from the first lines of a file: the candidate delimiter (comma, tab,
/// semicolon, pipe, then whitespace runs) that splits every sampled line into the same number
/// (at least 2) of fields. Returns false when no candidate gives such a consistent table.
/// `fields` receives that field count.
[[nodiscard]] bool sniffCsvDialect(std::string_view head, CsvDialect& dialect, std::size_t& fields);

/// The window a streamed CsvReader starts with; a line longer than that grows it.
inline constexpr std::size_t kCsvStreamWindow = std::size_t{1} << 20;

/// Where the whole lines of `bytes[0, n)` end (0: none): after the last `\n`, else (a file of
/// lone `\r` line ends) after the last `\r` followed by a byte that does not continue its line
/// end. A window or chunk cut there never splits a line end.
[[nodiscard]] std::size_t csvWholeLinesEnd(const char* bytes, std::size_t n);

/// What a streamed CsvReader has read from its stream but not parsed yet, and where it stands:
/// enough for another reader to go on from there (see CsvReader::handOver).
struct CsvReaderRest {
    std::string bytes;         ///< read from the stream, not parsed; a row starts here.
    std::size_t offset = 0;    ///< input offset of bytes[0].
    std::int64_t line = 1;     ///< line number at bytes[0].
    bool streamAtEnd = false;  ///< the stream has nothing more to give.
    ByteStream* stream = nullptr;
    CsvDialect dialect;
    bool decimalComma = false;
};

/// Reads rows one after another, from a buffer that outlives the reader or from a stream.
class CsvReader {
public:
    CsvReader(std::string_view bytes, CsvDialect dialect, bool decimalComma = false);
    /// Reads `stream` (which outlives the reader) through a window of `window` bytes, reused:
    /// whole lines are parsed, the partial last one carried over to the next read. A row longer
    /// than the window (or a quoted field across line breaks) grows it to fit.
    CsvReader(ByteStream& stream, CsvDialect dialect, bool decimalComma = false,
              std::size_t window = kCsvStreamWindow);
    /// Reads `stream` as the rest of an input from `offset` on, the first byte on line `line`
    /// and at a row's start (a byte order mark is looked for only at offset 0).
    CsvReader(ByteStream& stream, CsvDialect dialect, bool decimalComma, std::size_t offset,
              std::int64_t line);
    /// Reads `chunk`, whole lines of an input from `offset` on, line numbers counted from 0 at
    /// its start. Unless `last`, the input goes on after it: a quoted field still open at the
    /// chunk's end stops the reading with overran() set. next() appends each row's cells to
    /// `cells` instead of replacing them (all the rows of a chunk in one vector). A byte order mark
    /// is looked for only at offset 0.
    CsvReader(std::string_view chunk, CsvDialect dialect, bool decimalComma, std::size_t offset,
              bool last);

    /// Fills `cells` with the next non-blank, non-comment row. Returns false at the end.
    /// Cell views point into the buffer (or into the reader for quoted fields with escapes)
    /// and stay valid until the next call. Only the first `maxCells` fields are stored (the
    /// rest are read over and counted in fieldCount()), so a line of millions of fields costs
    /// no memory beyond what the caller keeps.
    bool next(std::vector<CsvCell>& cells, std::size_t maxCells = SIZE_MAX);
    /// How many fields the row next() read last had, stored or not.
    [[nodiscard]] std::size_t fieldCount() const { return m_fieldCount; }

    /// True when the last row read ran to the end of the input without a line end: in a file
    /// still being written, possibly a torn row.
    [[nodiscard]] bool rowUnterminated() const {
        return m_pos == m_end && m_end > m_begin && m_end[-1] != '\n' && m_end[-1] != '\r';
    }

    /// 1-based line number where the last returned row starts.
    [[nodiscard]] std::int64_t line() const { return m_rowLine; }
    /// Byte offset in the input just past the last returned row.
    [[nodiscard]] std::size_t offset() const {
        return m_windowOffset + static_cast<std::size_t>(m_pos - m_begin);
    }
    /// Size of the input in bytes (a stream's expected size).
    [[nodiscard]] std::size_t size() const;

    /// The line number after the last line read (after next() returned false: the end's).
    [[nodiscard]] std::int64_t nextLine() const { return m_line; }
    /// Some cell of the last row read is a quoted field with `""` escapes: its text lives in
    /// the reader (until the next row), not in the input.
    [[nodiscard]] bool rowHasUnescapedText() const { return !m_unescaped.empty(); }
    /// A chunk reader (not `last`) stopped in a quoted field that runs past its chunk's end.
    [[nodiscard]] bool overran() const { return m_overran; }
    /// A streamed reader's unparsed bytes and position, for another reader to go on from;
    /// this one is done. A reader of a buffer hands over nothing (`stream` is null) and goes on.
    [[nodiscard]] CsvReaderRest handOver();

private:
    bool readRow(std::vector<CsvCell>& cells, std::size_t maxCells);
    void refill();
    void skipLineEnd();
    void readQuoted(CsvCell& cell);
    void readField(const char*& p, CsvCell& cell);

    const char* m_begin;  // the window: the whole buffer, or the part of the stream read.
    const char* m_pos;
    const char* m_end;  // where parsing stops: the end, or a streamed window's last line end.
    CsvDialect m_dialect;
    ByteStream* m_stream = nullptr;
    std::unique_ptr<char[]> m_window;  // a stream's bytes from m_windowOffset on.
    std::size_t m_windowSize = 0;
    std::size_t m_windowOffset = 0;  // input offset of m_begin.
    const char* m_read = nullptr;    // end of the bytes read into the window (m_end before it).
    bool m_atEnd = true;             // m_end is the end of the input.
    bool m_needMore = false;         // a row reached m_end before the input's end.
    bool m_decimalComma;
    bool m_stripBom = true;  // a streamed input's first bytes may be a byte order mark.
    bool m_overran = false;
    bool m_appendRows = false;  // next() appends to `cells` (a chunk reader).
    std::int64_t m_line = 1;
    std::int64_t m_rowLine = 0;
    std::size_t m_fieldCount = 0;
    std::deque<std::string> m_unescaped;  // storage for quoted fields that held "" escapes.
};

}  // namespace curvedoctor::core
