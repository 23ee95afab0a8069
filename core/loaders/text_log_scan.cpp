#include "core/loaders/text_log_scan.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <system_error>

#include "core/short_decimal.h"

namespace curvedoctor::core::textlog {

namespace {

constexpr char kEsc = '\x1b';
constexpr std::size_t kProgressEvery = 4u << 20;
// Keys longer than this are prose, not metric names.
constexpr std::size_t kMaxKeyLength = 64;
constexpr int kMaxKeyWords = 3;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(char c) {
    return c == ' ' || c == '\t';
}
bool isKeyChar(char c) {
    return isAlpha(c) || isDigit(c) || c == '_' || c == '.' || c == '/' || c == '@' || c == '-';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equalsNoCase(s.substr(0, prefix.size()), prefix);
}

bool isValueEnd(char c) {
    return isSpace(c) || c == ',' || c == ';' || c == '|' || c == ')' || c == ']' || c == '}' ||
           c == '%' || c == '\'' || c == '"' || c == '\r' || c == '\n';
}

// Digits [fraction] [exponent] without sign; returns the length, 0 when there is no digit. The
// digits are summed on the way (`mantissa`, `digits` of them, `fraction` after the point;
// `exponent` when one was read, its value in `exponentValue`) so that a short number needs no
// second pass (decimalToDouble).
struct Decimal {
    std::uint64_t mantissa = 0;  // wraps past 19 digits; used only up to 19.
    std::size_t digits = 0;
    std::size_t fraction = 0;
    int exponentValue = 0;  // stops growing past 10^5: such a number goes to from_chars anyway.
    bool integral = true;
    bool exponent = false;
};
std::size_t scanDecimal(std::string_view s, Decimal& d) {
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        d.mantissa = d.mantissa * 10 + static_cast<std::uint64_t>(s[i++] - '0');
    d.digits = i;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && isDigit(s[j]))
            d.mantissa = d.mantissa * 10 + static_cast<std::uint64_t>(s[j++] - '0');
        d.fraction = j - i - 1;
        if (d.digits + d.fraction > 0) {
            i = j;
            d.digits += d.fraction;
            d.integral = false;
        }
    }
    if (d.digits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        const bool negative = j < s.size() && s[j] == '-';
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        const std::size_t expStart = j;
        int value = 0;
        for (; j < s.size() && isDigit(s[j]); ++j)
            if (value < 100000) value = value * 10 + (s[j] - '0');
        if (j > expStart) {
            i = j;
            d.integral = false;
            d.exponent = true;
            d.exponentValue = negative ? -value : value;
        }
    }
    return i;
}

// "1,091,520": a 1-3 digit head and groups of exactly three digits. Returns the length or 0.
std::size_t scanGroupedInteger(std::string_view s) {
    std::size_t head = 0;
    while (head < s.size() && isDigit(s[head])) ++head;
    if (head == 0 || head > 3) return 0;
    std::size_t i = head;
    std::size_t groups = 0;
    while (i + 3 < s.size() && s[i] == ',' && isDigit(s[i + 1]) && isDigit(s[i + 2]) &&
           isDigit(s[i + 3]) && !(i + 4 < s.size() && isDigit(s[i + 4]))) {
        i += 4;
        ++groups;
    }
    if (groups == 0) return 0;
    if (i < s.size() && (s[i] == '.' || s[i] == 'e' || s[i] == 'E')) return 0;
    return i;
}

// A ',' within the first four bytes: without one, scanGroupedInteger finds nothing (most
// numbers are not grouped, and this spares them its scan).
bool maybeGrouped(std::string_view s) {
    return (s.size() > 1 && s[1] == ',') || (s.size() > 2 && s[2] == ',') ||
           (s.size() > 3 && s[3] == ',');
}

double toDouble(std::string_view digits) {
    double v = 0.0;
    const char* end = digits.data() + digits.size();
    if (parseShortDecimal(digits.data(), end, v) == end) return v;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc::result_out_of_range) {
        // Beyond double: a huge mantissa or exponent overflows to infinity, a tiny one to 0.
        const auto e = digits.find_first_of("eE");
        const bool tiny =
            e != std::string_view::npos && e + 1 < digits.size() && digits[e + 1] == '-';
        return tiny ? 0.0 : std::numeric_limits<double>::infinity();
    }
    (void)ptr;
    return v;
}

}  // namespace

bool LineReader::next(TextLine& line) {
    if (m_pos >= m_bytes.size()) return false;
    const std::size_t end = m_bytes.find('\n', m_pos);
    const std::size_t stop = end == std::string_view::npos ? m_bytes.size() : end;
    std::string_view text = m_bytes.substr(m_pos, stop - m_pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line.text = text;
    line.number = ++m_number;
    line.offset = static_cast<std::int64_t>(m_pos);
    m_pos = end == std::string_view::npos ? m_bytes.size() : end + 1;
    return true;
}

std::string_view stripAnsi(std::string_view in, std::string& out) {
    std::size_t esc = in.find(kEsc);
    if (esc == std::string_view::npos) return in;
    out.clear();
    out.reserve(in.size());
    std::size_t i = 0;
    while (true) {
        // The text up to the next ESC in one copy: colour codes are few, the text between long.
        out.append(in.data() + i, esc - i);
        i = esc;
        if (i + 1 >= in.size()) break;
        const char kind = in[i + 1];
        if (kind == '[') {
            // CSI: parameter and intermediate bytes 0x20-0x3f, then one final byte 0x40-0x7e.
            std::size_t j = i + 2;
            while (j < in.size() && in[j] >= 0x20 && in[j] <= 0x3f) ++j;
            i = (j < in.size() && in[j] >= 0x40 && in[j] <= 0x7e) ? j + 1 : j;
        } else if (kind == ']') {
            // OSC: ends with BEL or ESC '\'.
            std::size_t j = i + 2;
            while (j < in.size() && in[j] != '\a' &&
                   !(in[j] == kEsc && j + 1 < in.size() && in[j + 1] == '\\'))
                ++j;
            i = j >= in.size() ? j : (in[j] == '\a' ? j + 1 : j + 2);
        } else {
            i += 2;
        }
        if (i >= in.size()) break;
        esc = in.find(kEsc, i);
        if (esc == std::string_view::npos) esc = in.size();
    }
    return out;
}

bool parseNumber(std::string_view text, NumberToken& token) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    const std::string_view rest = text.substr(i);
    auto wordEnds = [&](std::size_t n) {
        return n >= rest.size() || !(isAlpha(rest[n]) || isDigit(rest[n]) || rest[n] == '_');
    };
    token = NumberToken{};
    // Only a digit or '.' starts a decimal, only 'i' or 'n' a word: anything else is rejected
    // at its first byte, and a digit skips the word tests.
    const char first = rest.empty() ? '\0' : lower(rest[0]);
    // "inf", "infinity" and "nan" have 'n' or 'a' second: "iter", "info" ... fail at once.
    const bool maybeWord = rest.size() >= 3 && ((first == 'i' && lower(rest[1]) == 'n') ||
                                                (first == 'n' && lower(rest[1]) == 'a'));
    if (!maybeWord && !isDigit(first) && first != '.') return false;
    if (maybeWord && startsWithNoCase(rest, "infinity") && wordEnds(8)) {
        token.value = std::numeric_limits<double>::infinity();
        token.length = i + 8;
    } else if (maybeWord && startsWithNoCase(rest, "inf") && wordEnds(3)) {
        token.value = std::numeric_limits<double>::infinity();
        token.length = i + 3;
    } else if (maybeWord && startsWithNoCase(rest, "nan") && wordEnds(3)) {
        token.value = std::numeric_limits<double>::quiet_NaN();
        token.length = i + 3;
    } else if (const std::size_t grouped = maybeGrouped(rest) ? scanGroupedInteger(rest) : 0;
               grouped > 0) {
        std::string digits;
        for (char c : rest.substr(0, grouped))
            if (c != ',') digits.push_back(c);
        token.value = toDouble(digits);
        token.length = i + grouped;
        token.integral = true;
    } else {
        Decimal d;
        const std::size_t n = scanDecimal(rest, d);
        if (n == 0) return false;
        // The digits already summed go through the shared fast path (short_decimal.h); the rest
        // through from_chars.
        const int exponent = d.exponentValue - static_cast<int>(d.fraction);
        if (d.digits > 19 || !decimalToDouble(d.mantissa, exponent, false, token.value))
            token.value = toDouble(rest.substr(0, n));
        token.length = i + n;
        token.integral = d.integral;
    }
    if (negative) token.value = -token.value;
    return true;
}

std::optional<NumberToken> parseNumber(std::string_view text) {
    // Parsed straight into the returned object: a local copied out would stall on its stores.
    std::optional<NumberToken> token(std::in_place);
    if (!parseNumber(text, *token)) token.reset();
    return token;
}

bool isUnit(std::string_view word) {
    static constexpr std::array kUnits{
        std::string_view{"%"},     std::string_view{"ms"},        std::string_view{"s"},
        std::string_view{"sec"},   std::string_view{"us"},        std::string_view{"min"},
        std::string_view{"h"},     std::string_view{"B"},         std::string_view{"KB"},
        std::string_view{"MB"},    std::string_view{"GB"},        std::string_view{"KiB"},
        std::string_view{"MiB"},   std::string_view{"GiB"},       std::string_view{"BPC"},
        std::string_view{"bpc"},   std::string_view{"bits"},      std::string_view{"it/s"},
        std::string_view{"img/s"}, std::string_view{"samples/s"}, std::string_view{"tokens/s"},
        std::string_view{"s/it"}};
    // Most words are not units: their length or first letter says so at once.
    if (word.empty() || word.size() > 9) return false;
    switch (word[0]) {
        case '%':
        case 'm':
        case 's':
        case 'u':
        case 'h':
        case 'B':
        case 'K':
        case 'M':
        case 'G':
        case 'b':
        case 'i':
        case 't':
            break;
        default:
            return false;
    }
    // Compared here byte by byte: a units' word is short, and memcmp is a call per candidate.
    return std::any_of(kUnits.begin(), kUnits.end(), [&](std::string_view unit) {
        if (unit.size() != word.size()) return false;
        for (std::size_t i = 0; i < unit.size(); ++i)
            if (unit[i] != word[i]) return false;
        return true;
    });
}

std::optional<FieldValue> parseFieldValue(std::string_view text, bool allowUnits) {
    FieldValue field;
    std::size_t i = 0;
    const bool bracketed = !text.empty() && text[0] == '[';
    if (bracketed) {
        ++i;
        while (i < text.size() && isSpace(text[i])) ++i;
    }
    NumberToken number;
    if (!parseNumber(text.substr(i), number)) return std::nullopt;
    field.at = i;
    field.value = number.value;
    field.integral = number.integral;
    i += number.length;
    if (i < text.size() && text[i] == '/' && number.integral) {
        std::size_t j = i + 1;
        while (j < text.size() && isSpace(text[j])) ++j;
        NumberToken total;
        if (parseNumber(text.substr(j), total) && total.integral) {
            field.total = total.value;
            i = j + total.length;
        }
    }
    if (bracketed) {
        while (i < text.size() && isSpace(text[i])) ++i;
        if (i >= text.size() || text[i] != ']') return std::nullopt;
        ++i;
    } else {
        if (allowUnits && i < text.size() && !isValueEnd(text[i])) {
            std::size_t j = i;
            while (j < text.size() && !isValueEnd(text[j]) && text[j] != ':') ++j;
            if (j < text.size() && text[j] == '%') ++j;
            if (isUnit(text.substr(i, j - i))) i = j;
        }
        if (i < text.size() && !isValueEnd(text[i])) return std::nullopt;
        // "0.087 0.191 0.064": a list of numbers, not one value ("Step: 10/10000 0.1%" is a
        // counter and its percentage in a console log).
        std::size_t j = (allowUnits && field.total > 0) ? text.size() : i;
        while (j < text.size() && isSpace(text[j])) ++j;
        if (j > i && j < text.size()) {
            const char c = text[j];
            const bool signedDigit =
                (c == '-' || c == '+' || c == '.') && j + 1 < text.size() && isDigit(text[j + 1]);
            if (isDigit(c) || signedDigit) return std::nullopt;
        }
    }
    field.length = i;
    return field;
}

void extractKeyValues(std::string_view line, std::vector<KeyValue>& out, bool allowUnits) {
    out.clear();
    // The separators are found with memchr (a line has few), not by testing every byte.
    const std::size_t n = line.size();
    auto find = [&](char c, std::size_t from) {
        const void* hit = from < n ? std::memchr(line.data() + from, c, n - from) : nullptr;
        return hit == nullptr
                   ? n
                   : static_cast<std::size_t>(static_cast<const char*>(hit) - line.data());
    };
    std::size_t colon = find(':', 0);
    std::size_t equals = find('=', 0);
    auto nextSeparator = [&](std::size_t from) {
        if (colon < from) colon = find(':', from);
        if (equals < from) equals = find('=', from);
        return std::min(colon, equals);
    };
    for (std::size_t sep = nextSeparator(0); sep < n; sep = nextSeparator(sep + 1)) {
        // The value.
        std::size_t v = sep + 1;
        while (v < line.size() && isSpace(line[v])) ++v;
        if (v >= line.size()) continue;
        const auto value = parseFieldValue(line.substr(v), allowUnits);
        if (!value) continue;
        // The key, read backwards from the separator.
        std::size_t end = sep;
        while (end > 0 && isSpace(line[end - 1])) --end;
        if (end == 0) continue;
        std::size_t start = end;
        std::string_view key;
        if (line[end - 1] == '\'' || line[end - 1] == '"') {
            const char quote = line[end - 1];
            const std::size_t open = end >= 2 ? line.rfind(quote, end - 2) : std::string_view::npos;
            if (open == std::string_view::npos || end - 1 - (open + 1) > kMaxKeyLength) continue;
            key = line.substr(open + 1, end - 1 - (open + 1));
            start = open;
        } else {
            int words = 0;
            std::size_t wordStart = end;
            while (true) {
                std::size_t s = wordStart;
                while (s > 0 && isKeyChar(line[s - 1])) --s;
                // A word must start with a letter or '_': trim leading "-", "/", digits ...
                while (s < wordStart && !isAlpha(line[s]) && line[s] != '_') ++s;
                if (s == wordStart) break;
                // Only whole words: "x5loss" is fine, but "3.5loss" is not a key start.
                if (s > 0 && isKeyChar(line[s - 1]) && words == 0 &&
                    (isAlpha(line[s - 1]) || isDigit(line[s - 1])))
                    break;
                start = s;
                ++words;
                // Another word before it, separated by exactly one space?
                if (words >= kMaxKeyWords || s < 2 || line[s - 1] != ' ' || !isKeyChar(line[s - 2]))
                    break;
                std::size_t p = s - 1;
                std::size_t ws = p;
                while (ws > 0 && isKeyChar(line[ws - 1])) --ws;
                if (ws == p || !(isAlpha(line[ws]) || line[ws] == '_')) break;
                // "loss=nan lr=0.1": the word before is the previous pair's value, not a key.
                std::size_t before = ws;
                while (before > 0 && isSpace(line[before - 1])) --before;
                if (before > 0 && (line[before - 1] == ':' || line[before - 1] == '=')) break;
                if (NumberToken word; parseNumber(line.substr(ws, p - ws), word)) break;
                wordStart = p;
            }
            if (start == end) continue;
            key = line.substr(start, end - start);
        }
        if (key.empty() || key.size() > kMaxKeyLength) continue;
        KeyValue& kv = out.emplace_back();  // in place: a copied KeyValue stalls on its stores.
        kv.key = key;
        kv.value = *value;
        kv.value.at += v;
        kv.keyOffset = start;
        sep = v + value->length - 1;
    }
}

std::string toLower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = lower(c);
    return r;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool TracebackSkipper::skip(const TextLine& line) {
    if (!m_inside) {
        if (line.text.rfind("Traceback (most recent call last)", 0) != 0) return false;
        m_inside = true;
        if (m_firstLine == 0) m_firstLine = line.number;
        return true;
    }
    if (!line.text.empty() && !isSpace(line.text.front())) {
        // The exception line ends the traceback ("KeyboardInterrupt", "ValueError: ...").
        m_inside = false;
        if (m_exception.empty()) m_exception = std::string(line.text.substr(0, 120));
    }
    return true;
}

bool ProgressTicker::tick(std::size_t position) {
    if (!m_progress || position < m_next) return true;
    m_next = position + kProgressEvery;
    return m_progress(m_total == 0 ? 1.0
                                   : static_cast<double>(position) / static_cast<double>(m_total));
}

void noteTraceback(const TracebackSkipper& skipper, RunBuilder& builder) {
    if (skipper.firstLine() == 0) return;
    std::string message = "the log holds a Python traceback";
    if (!skipper.exceptionText().empty()) message += " (" + skipper.exceptionText() + ")";
    message += "; the lines of metrics around it are loaded";
    builder.warn(LoadWarningCode::Traceback, skipper.firstLine(), -1, std::move(message));
}

}  // namespace curvedoctor::core::textlog
