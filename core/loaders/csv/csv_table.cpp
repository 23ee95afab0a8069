#include "core/loaders/csv/csv_table.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include "core/file_stream.h"
#include "core/out_of_range_decimal.h"
#include "core/short_decimal.h"

namespace curvedoctor::core {
namespace {

constexpr std::size_t kSniffMaxLines = 40;  // enough lines to see a table's shape, cheap to scan.

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

bool isDigit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

// std::from_chars with the short-decimal fast path in front. libstdc++'s from_chars may copy
// the whole range it is given, so the reader hands it at most kMaxInPlaceNumber bytes: a longer
// number fails here and is parsed from its exact field by the slow path.
// A literal beyond a double's range (`1e999`) reads as +-inf or 0, as in the JSON reader.
constexpr std::ptrdiff_t kMaxInPlaceNumber = 64;
std::from_chars_result parseDouble(const char* p, const char* end, double& out) {
    if (const char* q = parseShortDecimal(p, end, out)) return {q, std::errc()};
    // Text: from_chars would only say no; what it accepts starts with a digit, '.', "inf" or
    // "nan", after an optional '-'.
    const char* first = p < end && *p == '-' ? p + 1 : p;
    const char c = first < end ? static_cast<char>(*first | 0x20) : '\0';
    if (!isDigit(c) && c != '.' && c != 'i' && c != 'n') return {p, std::errc::invalid_argument};
    std::from_chars_result r =
        std::from_chars(p, end - p > kMaxInPlaceNumber ? p + kMaxInPlaceNumber : end, out);
    if (r.ec == std::errc::result_out_of_range) {
        out = outOfRangeDecimal(std::string_view(p, static_cast<std::size_t>(r.ptr - p)));
        r.ec = std::errc();
    }
    return r;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Parses the whole of `s` as a double; false when anything is left over.
bool parseWholeNumber(std::string_view s, double& value) {
    if (s.empty()) return false;
    const char* b = s.data();
    const char* e = b + s.size();
    if (*b == '+') {
        ++b;
        if (b == e || *b == '+' || *b == '-') return false;
    }
    const auto [q, ec] = parseDouble(b, e, value);
    return ec == std::errc() && q == e;
}

// Splits one line (no line break inside) into fields and returns how many, honouring quotes.
std::size_t countFields(std::string_view line, char delimiter) {
    std::size_t n = 1;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == delimiter && !quoted) {
            ++n;
        }
    }
    return n;
}

std::size_t countWhitespaceFields(std::string_view line) {
    std::size_t n = 0;
    bool inField = false;
    for (const char c : line) {
        const bool blank = isBlank(c);
        if (!blank && !inField) ++n;
        inField = !blank;
    }
    return n;
}

// The first lines of `head` that hold data: no BOM, no blank lines, no comment lines. A last line
// without a line break may be cut short by the sniff window, so it is dropped when others exist.
std::vector<std::string_view> sampleLines(std::string_view head) {
    head.remove_prefix(utf8BomLength(head));
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    bool lastTerminated = true;
    while (pos < head.size() && lines.size() < kSniffMaxLines) {
        std::size_t end = head.find_first_of("\r\n", pos);
        lastTerminated = end != std::string_view::npos;
        if (!lastTerminated) end = head.size();
        std::string_view line = head.substr(pos, end - pos);
        pos = end;
        while (pos < head.size() && head[pos] == '\r') ++pos;
        if (pos < head.size() && head[pos] == '\n') ++pos;
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        lines.push_back(line);
    }
    if (!lastTerminated && lines.size() > 2) lines.pop_back();
    return lines;
}

}  // namespace

CsvCell classifyCsvCell(std::string_view text, bool decimalComma) {
    CsvCell cell;
    while (!text.empty() && isBlank(text.front())) text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back())) text.remove_suffix(1);
    cell.text = text;
    if (text.empty()) return cell;
    if (parseWholeNumber(text, cell.number)) {
        cell.kind = CsvCellKind::Number;
        return cell;
    }
    if (decimalComma && text.find(',') != std::string_view::npos &&
        text.find('.') == std::string_view::npos && text.size() < 64) {
        std::array<char, 64> buf{};
        std::copy(text.begin(), text.end(), buf.begin());
        std::replace(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(text.size()), ',', '.');
        if (parseWholeNumber(std::string_view(buf.data(), text.size()), cell.number)) {
            cell.kind = CsvCellKind::Number;
            return cell;
        }
    }
    for (const std::string_view marker : {"na", "n/a", "#n/a", "null", "none", "nil"}) {
        if (equalsIgnoreCase(text, marker)) {
            cell.kind = CsvCellKind::Missing;
            return cell;
        }
    }
    cell.kind = CsvCellKind::Text;
    return cell;
}

bool parseEpochFraction(std::string_view s, std::int64_t& numerator) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= s.size()) return false;
    std::int64_t a = 0;
    std::int64_t b = 0;
    const char* mid = s.data() + slash;
    const auto [p1, e1] = std::from_chars(s.data(), mid, a);
    const auto [p2, e2] = std::from_chars(mid + 1, s.data() + s.size(), b);
    if (e1 != std::errc() || p1 != mid || e2 != std::errc() || p2 != s.data() + s.size())
        return false;
    numerator = a;
    return true;
}

std::size_t utf8BomLength(std::string_view bytes) {
    return bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool sniffCsvDialect(std::string_view head, CsvDialect& dialect, std::size_t& fields) {
    const std::vector<std::string_view> lines = sampleLines(head);
    if (lines.empty()) return false;
    std::size_t bestFields = 0;
    char bestDelimiter = 0;
    for (const char d : {',', '\t', ';', '|'}) {
        const std::size_t n = countFields(lines.front(), d);
        if (n < 2) continue;
        const bool consistent = std::all_of(
            lines.begin(), lines.end(), [&](std::string_view l) { return countFields(l, d) == n; });
        if (consistent && n > bestFields) {
            bestFields = n;
            bestDelimiter = d;
        }
    }
    if (bestDelimiter != 0) {
        dialect = CsvDialect{bestDelimiter, false};
        fields = bestFields;
        return true;
    }
    const std::size_t n = countWhitespaceFields(lines.front());
    if (n < 2) return false;
    const bool consistent = std::all_of(lines.begin(), lines.end(), [&](std::string_view l) {
        return countWhitespaceFields(l) == n;
    });
    if (!consistent) return false;
    dialect = CsvDialect{' ', true};
    fields = n;
    return true;
}

CsvReader::CsvReader(std::string_view bytes, CsvDialect dialect, bool decimalComma)
    : m_begin(bytes.data()),
      m_pos(bytes.data() + utf8BomLength(bytes)),
      m_end(bytes.data() + bytes.size()),
      m_dialect(dialect),
      m_read(m_end),
      m_decimalComma(decimalComma) {}

CsvReader::CsvReader(ByteStream& stream, CsvDialect dialect, bool decimalComma, std::size_t window)
    : m_begin(nullptr),
      m_pos(nullptr),
      m_end(nullptr),
      m_dialect(dialect),
      m_stream(&stream),
      m_window(new char[std::max<std::size_t>(window, 16)]),
      m_windowSize(std::max<std::size_t>(window, 16)),
      m_atEnd(false),
      m_decimalComma(decimalComma) {}

CsvReader::CsvReader(ByteStream& stream, CsvDialect dialect, bool decimalComma, std::size_t offset,
                     std::int64_t line)
    : CsvReader(stream, dialect, decimalComma) {
    m_windowOffset = offset;
    m_line = line;
    m_stripBom = offset == 0;  // a byte order mark counts only at the input's start.
}

CsvReader::CsvReader(std::string_view chunk, CsvDialect dialect, bool decimalComma,
                     std::size_t offset, bool last)
    : CsvReader(chunk, dialect, decimalComma) {
    if (offset != 0) m_pos = m_begin;  // a byte order mark counts only at the input's start.
    m_windowOffset = offset;
    m_atEnd = last;
    m_line = 0;
    m_appendRows = true;
}

CsvReaderRest CsvReader::handOver() {
    CsvReaderRest rest;
    if (m_stream == nullptr) return rest;  // not streamed: nothing to hand over.
    if (m_pos != nullptr) rest.bytes.assign(m_pos, static_cast<std::size_t>(m_read - m_pos));
    rest.offset = offset();
    rest.line = m_line;
    rest.streamAtEnd = m_atEnd;
    rest.stream = m_stream;
    rest.dialect = m_dialect;
    rest.decimalComma = m_decimalComma;
    m_pos = m_end = m_read;
    return rest;
}

std::size_t CsvReader::size() const {
    if (m_stream == nullptr) return static_cast<std::size_t>(m_end - m_begin);
    return std::max(static_cast<std::size_t>(m_stream->expectedSize()), offset());
}

std::size_t csvWholeLinesEnd(const char* bytes, std::size_t n) {
    for (std::size_t i = n; i > 0; --i)
        if (bytes[i - 1] == '\n') return i;
    for (std::size_t i = n - std::min<std::size_t>(n, 1); i > 0; --i)
        if (bytes[i - 1] == '\r' && bytes[i] != '\r' && bytes[i] != '\n') return i;
    return 0;
}

// Moves what is left from m_pos (a row's start) to the front of the window and reads on until
// the window is full, then parses up to its last whole line; a window without a line end grows.
void CsvReader::refill() {
    const auto keep = static_cast<std::size_t>(m_read - m_pos);
    m_windowOffset += static_cast<std::size_t>(m_pos - m_begin);
    char* window = m_window.get();
    if (keep > 0) std::memmove(window, m_pos, keep);
    std::size_t filled = keep;
    std::size_t end = 0;
    for (;;) {
        if (filled == m_windowSize) {
            std::unique_ptr<char[]> wider(new char[m_windowSize * 2]);
            std::memcpy(wider.get(), window, filled);
            m_window = std::move(wider);
            m_windowSize *= 2;
            window = m_window.get();
        }
        while (filled < m_windowSize && !m_atEnd) {
            const std::size_t n = m_stream->read(window + filled, m_windowSize - filled);
            filled += n;
            m_atEnd = n == 0;
        }
        end = m_atEnd ? filled : csvWholeLinesEnd(window, filled);
        if (end > 0 || m_atEnd) break;
    }
    const bool first = m_begin == nullptr;
    m_begin = window;
    m_pos = window;
    m_read = window + filled;
    m_end = window + end;
    if (first && m_stripBom) m_pos += utf8BomLength(std::string_view(window, filled));
}

void CsvReader::skipLineEnd() {
    if (m_pos >= m_end) return;
    if (*m_pos == '\r') {
        // "\r\n", "\r\r\n" (a Windows file written through a text-mode layer twice) and a lone
        // "\r" (classic Mac) all end one line.
        while (m_pos < m_end && *m_pos == '\r') ++m_pos;
        if (m_pos < m_end && *m_pos == '\n') ++m_pos;
        ++m_line;
    } else if (*m_pos == '\n') {
        ++m_pos;
        ++m_line;
    }
}

void CsvReader::readQuoted(CsvCell& cell) {
    // m_pos is at the opening quote.
    const char* start = m_pos + 1;
    const char* p = start;
    bool escaped = false;
    std::int64_t breaks = 0;
    while (p < m_end) {
        if (*p == '"') {
            if (p + 1 < m_end && p[1] == '"') {
                escaped = true;
                p += 2;
                continue;
            }
            break;
        }
        if (*p == '\n') ++breaks;
        ++p;
    }
    if (p >= m_end && !m_atEnd) {
        m_needMore = true;  // the field may go on past the window.
        return;
    }
    if (p >= m_end) {
        // No closing quote anywhere: read it as an ordinary field rather than swallow the file.
        const char* q = start;
        while (q < m_end && *q != '\n' && *q != '\r' &&
               (m_dialect.whitespace ? !isBlank(*q) : *q != m_dialect.delimiter))
            ++q;
        cell = classifyCsvCell(std::string_view(start, static_cast<std::size_t>(q - start)),
                               m_decimalComma);
        m_pos = q;
        return;
    }
    std::string_view text(start, static_cast<std::size_t>(p - start));
    if (escaped) {
        std::string& out = m_unescaped.emplace_back();
        out.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            out.push_back(text[i]);
            if (text[i] == '"') ++i;  // the second quote of a "" pair.
        }
        text = out;
    }
    m_line += breaks;
    m_pos = p + 1;
    // Anything between the closing quote and the next delimiter is malformed; skip it.
    while (m_pos < m_end && *m_pos != '\n' && *m_pos != '\r' &&
           (m_dialect.whitespace ? !isBlank(*m_pos) : *m_pos != m_dialect.delimiter))
        ++m_pos;
    cell = classifyCsvCell(text, m_decimalComma);
}

bool CsvReader::next(std::vector<CsvCell>& cells, std::size_t maxCells) {
    for (;;) {
        const char* start = m_pos;
        const std::int64_t line = m_line;
        m_needMore = false;
        const bool got = readRow(cells, maxCells);
        if (!m_needMore) return got;
        if (m_stream == nullptr) {
            // A chunk's end: after its last row, or in a quoted field that goes on past it.
            m_overran = m_pos != m_end;
            m_pos = m_overran ? start : m_pos;
            m_line = m_overran ? line : m_line;
            return false;
        }
        // The row runs past the window: read on, and read the row again from its start.
        m_pos = start;
        m_line = line;
        refill();
    }
}

bool CsvReader::readRow(std::vector<CsvCell>& cells, std::size_t maxCells) {
    if (!m_appendRows) cells.clear();
    m_fieldCount = 0;
    if (!m_unescaped.empty()) m_unescaped.clear();
    // Skip blank and comment lines.
    for (;;) {
        const char* p = m_pos;
        while (p < m_end &&
               (*p == ' ' || (*p == '\t' && (m_dialect.whitespace || m_dialect.delimiter != '\t'))))
            ++p;
        if (p >= m_end) {
            m_needMore = !m_atEnd;
            m_pos = m_end;
            return false;
        }
        if (*p == '\n' || *p == '\r') {
            m_pos = p;
            skipLineEnd();
            continue;
        }
        if (*p == '#') {
            while (p < m_end && *p != '\n' && *p != '\r') ++p;
            m_pos = p;
            skipLineEnd();
            continue;
        }
        break;
    }
    m_rowLine = m_line;
    const char delimiter = m_dialect.whitespace ? '\0' : m_dialect.delimiter;
    const bool ws = m_dialect.whitespace;
    const char* p = m_pos;
    CsvCell spare;           // where a field past maxCells is read.
    std::size_t fields = 0;  // m_fieldCount, kept in a register.
    for (;;) {
        if (!ws) {
            // Fast path for most cells of a log: a short decimal right before the delimiter or
            // the line end (tried first: 6 of the 8 cells of a Lightning row), or an empty cell.
            // The cell is built in registers and stored once.
            double number = 0.0;
            const char* q = p < m_end && (isDigit(*p) || *p == '-')
                                ? parseShortDecimal(p, m_end, number)
                                : nullptr;
            if (q != nullptr && q < m_end && (*q == delimiter || *q == '\n' || *q == '\r')) {
                if (++fields <= maxCells)
                    cells.push_back({number, std::string_view(p, static_cast<std::size_t>(q - p)),
                                     CsvCellKind::Number});
                p = q;
            } else if (p == m_end || *p == delimiter || *p == '\n' || *p == '\r') {
                if (++fields <= maxCells) cells.push_back({0.0, std::string_view(p, p)});
            } else {
                CsvCell& cell = ++fields <= maxCells ? cells.emplace_back() : spare;
                readField(p, cell);
                if (m_needMore) return false;
            }
            if (p < m_end && *p == delimiter) {
                ++p;
                continue;
            }
            break;
        }
        CsvCell& cell = ++fields <= maxCells ? cells.emplace_back() : spare;
        readField(p, cell);
        if (m_needMore) return false;
        while (p < m_end && isBlank(*p)) ++p;
        if (p >= m_end || *p == '\n' || *p == '\r') break;
    }
    m_fieldCount = fields;
    m_pos = p;
    skipLineEnd();
    return true;
}

// One field from `p` (blanks before it skipped) into `cell`; `p` ends past it and the blanks after
// a number. m_needMore when a quoted field runs past the window.
void CsvReader::readField(const char*& p, CsvCell& cell) {
    const bool ws = m_dialect.whitespace;
    const char delimiter = ws ? '\0' : m_dialect.delimiter;
    const bool tabIsBlank = ws || delimiter != '\t';
    while (p < m_end && (*p == ' ' || (*p == '\t' && tabIsBlank))) ++p;
    if (p < m_end && *p == '"') {
        m_pos = p;
        readQuoted(cell);
        if (m_needMore) return;
        p = m_pos;
    } else if (!ws && (p == m_end || *p == delimiter || *p == '\n' || *p == '\r')) {
        // An empty cell: most cells of a sparse Lightning row.
        cell.kind = CsvCellKind::Empty;
        cell.text = std::string_view(p, p);  // empty, but where the cell is
    } else {
        // A number parsed in place, or (what follows it is not a delimiter) text.
        const char* s = p;
        const auto [q, ec] = parseDouble(p, m_end, cell.number);
        bool done = false;
        if (ec == std::errc()) {
            const char* r = q;
            while (r < m_end && (*r == ' ' || (*r == '\t' && tabIsBlank))) ++r;
            if (r >= m_end || *r == '\n' || *r == '\r' || (ws ? r > q : *r == delimiter)) {
                cell.kind = CsvCellKind::Number;
                cell.text = std::string_view(s, static_cast<std::size_t>(q - s));
                p = r;
                done = true;
            }
        }
        if (!done) {
            p = s;
            if (ws) {
                while (p < m_end && !isBlank(*p) && *p != '\n' && *p != '\r') ++p;
            } else {
                while (p < m_end && *p != delimiter && *p != '\n' && *p != '\r') ++p;
            }
            cell = classifyCsvCell(std::string_view(s, static_cast<std::size_t>(p - s)),
                                   m_decimalComma);
        }
    }
}

}  // namespace curvedoctor::core
