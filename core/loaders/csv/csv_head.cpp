#include "core/loaders/csv/csv_head.h"

#include <algorithm>

namespace curvedoctor::core {
namespace {

constexpr std::size_t kSampleRows = 40;
// A text file may hold the odd control character (form feed, ANSI escapes); 1% is far more than
// any log has and far less than any binary format.
constexpr double kMaxControlShare = 0.01;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

bool endsWithNoCase(std::string_view name, std::string_view suffix) {
    return name.size() >= suffix.size() &&
           equalsNoCase(name.substr(name.size() - suffix.size()), suffix);
}

int findColumn(const std::vector<std::string>& header, const std::vector<std::string_view>& names) {
    for (const auto name : names) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (equalsNoCase(header[i], name)) return static_cast<int>(i);
    }
    return -1;
}

bool looksBinary(std::string_view head) {
    std::size_t control = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b && c != '\f') ++control;
    }
    return static_cast<double>(control) > kMaxControlShare * static_cast<double>(head.size());
}

bool looksLikeJson(std::string_view head) {
    head.remove_prefix(utf8BomLength(head));
    const auto first = head.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (head[first] == '{' || head[first] == '[');
}

bool analyzeCsvHead(std::string_view head, CsvHead& out) {
    out = CsvHead{};
    if (head.empty() || looksBinary(head) || looksLikeJson(head)) return false;
    std::size_t fields = 0;
    if (!sniffCsvDialect(head, out.dialect, fields)) return false;
    // Read only whole lines: the sniff window may end inside the last one.
    const auto lastBreak = head.find_last_of("\r\n");
    const std::string_view whole =
        lastBreak == std::string_view::npos ? head : head.substr(0, lastBreak + 1);
    CsvReader reader(whole, out.dialect);
    std::vector<CsvCell> cells;
    if (!reader.next(cells)) return false;
    out.headerIsText = true;
    for (const auto& c : cells) {
        out.header.emplace_back(c.text);
        if (c.kind == CsvCellKind::Number) out.headerIsText = false;
    }
    std::vector<std::size_t> numbers(out.header.size(), 0);
    std::vector<bool> textSeen(out.header.size(), false);
    // The first row counts towards the share: in a headerless table it is data.
    std::size_t cellCount = cells.size();
    std::size_t numberCount =
        static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const CsvCell& c) {
            return c.kind == CsvCellKind::Number;
        }));
    while (out.sampledRows < kSampleRows && reader.next(cells)) {
        ++out.sampledRows;
        for (std::size_t i = 0; i < cells.size() && i < out.header.size(); ++i) {
            ++cellCount;
            if (cells[i].kind == CsvCellKind::Number) {
                ++numbers[i];
                ++numberCount;
            } else if (cells[i].kind == CsvCellKind::Text) {
                textSeen[i] = true;
            }
        }
    }
    for (std::size_t i = 0; i < out.header.size(); ++i)
        if (numbers[i] > 0 && !textSeen[i]) out.numericColumns.push_back(i);
    out.numericCellShare =
        cellCount == 0 ? 0.0 : static_cast<double>(numberCount) / static_cast<double>(cellCount);
    return true;
}

bool isNumericCsvTable(const CsvHead& head) {
    if (!head.headerIsText || head.sampledRows == 0 || head.numericColumns.empty()) return false;
    const bool named = std::any_of(head.header.begin(), head.header.end(),
                                   [](const std::string& h) { return !h.empty(); });
    if (!named) return false;
    // Aligned prose splits into equal word counts by chance; real whitespace tables are numbers.
    if (head.dialect.whitespace) return head.numericCellShare >= 0.5;
    return true;
}

}  // namespace curvedoctor::core
