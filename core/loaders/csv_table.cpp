#include "core/loaders/csv_table.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace curvedoctor::core {
namespace {

constexpr std::size_t kSniffMaxLines = 40;  // enough lines to see a table's shape, cheap to scan.

bool isBlank(char c) { return c == ' ' || c == '\t'; }

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
    const auto [q, ec] = std::from_chars(b, e, value);
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
    if (e1 != std::errc() || p1 != mid || e2 != std::errc() || p2 != s.data() + s.size()) return false;
    numerator = a;
    return true;
}

std::size_t utf8BomLength(std::string_view bytes) {
    return bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::size_t countLineBreaks(std::string_view bytes) {
    // A plain loop over bytes: the compiler vectorises it, which beats one memchr call per line.
    std::size_t lf = 0;
    for (const char c : bytes) lf += static_cast<std::size_t>(c == '\n');
    if (lf > 0) return lf;
    std::size_t cr = 0;
    for (const char c : bytes) cr += static_cast<std::size_t>(c == '\r');
    return cr;
}

bool sniffCsvDialect(std::string_view head, CsvDialect& dialect, std::size_t& fields) {
    const std::vector<std::string_view> lines = sampleLines(head);
    if (lines.empty()) return false;
    std::size_t bestFields = 0;
    char bestDelimiter = 0;
    for (const char d : {',', '\t', ';', '|'}) {
        const std::size_t n = countFields(lines.front(), d);
        if (n < 2) continue;
        const bool consistent = std::all_of(lines.begin(), lines.end(), [&](std::string_view l) {
            return countFields(l, d) == n;
        });
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
      m_decimalComma(decimalComma) {}

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

bool CsvReader::next(std::vector<CsvCell>& cells) {
    cells.clear();
    m_unescaped.clear();
    // Skip blank and comment lines.
    for (;;) {
        const char* p = m_pos;
        while (p < m_end && (*p == ' ' || (*p == '\t' && (m_dialect.whitespace || m_dialect.delimiter != '\t')))) ++p;
        if (p >= m_end) {
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
    const bool tabIsBlank = ws || delimiter != '\t';
    const char* p = m_pos;
    for (;;) {
        CsvCell& cell = cells.emplace_back();
        while (p < m_end && (*p == ' ' || (*p == '\t' && tabIsBlank))) ++p;
        if (p < m_end && *p == '"') {
            m_pos = p;
            readQuoted(cell);
            p = m_pos;
        } else {
            // Fast path: most cells are plain numbers; parse in place and check what follows.
            const char* s = p;
            const auto [q, ec] = std::from_chars(p, m_end, cell.number);
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
        if (ws) {
            while (p < m_end && isBlank(*p)) ++p;
            if (p >= m_end || *p == '\n' || *p == '\r') break;
        } else {
            if (p < m_end && *p == delimiter) {
                ++p;
                continue;
            }
            break;
        }
    }
    m_pos = p;
    skipLineEnd();
    return true;
}

}  // namespace curvedoctor::core
