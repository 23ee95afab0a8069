#include "core/json/json_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/out_of_range_decimal.h"

namespace curvedoctor::core {
namespace {

bool isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

void JsonReader::skipWhitespace() {
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
        ++m_pos;
    }
}

bool JsonReader::fail(std::string_view reason) {
    if (m_error.empty()) {
        m_error = std::string(reason);
        m_errorPos = m_pos;
    }
    return false;
}

bool JsonReader::expect(char c, std::string_view what) {
    skipWhitespace();
    if (m_pos >= m_text.size())
        return fail(std::string("text ends where ") + std::string(what) + " was expected");
    if (m_text[m_pos] != c) return fail(std::string("expected ") + std::string(what));
    ++m_pos;
    return true;
}

bool JsonReader::atEnd() {
    skipWhitespace();
    return m_pos >= m_text.size();
}

JsonType JsonReader::peek() {
    if (!ok()) return JsonType::Invalid;
    skipWhitespace();
    if (m_pos >= m_text.size()) return JsonType::End;
    switch (m_text[m_pos]) {
        case '{':
            return JsonType::Object;
        case '[':
            return JsonType::Array;
        case '"':
            return JsonType::String;
        case 't':
        case 'f':
            return JsonType::Bool;
        case 'n':
            return JsonType::Null;
        case 'N':
        case 'I':
        case '-':
        case '+':
            return JsonType::Number;
        default:
            return (m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ? JsonType::Number
                                                                  : JsonType::Invalid;
    }
}

bool JsonReader::readNumber(double& out) {
    if (!ok()) return false;
    skipWhitespace();
    const std::size_t start = m_pos;
    std::size_t p = m_pos;
    bool negative = false;
    if (p < m_text.size() && (m_text[p] == '-' || m_text[p] == '+')) {
        negative = m_text[p] == '-';
        ++p;
    }
    const std::string_view rest = m_text.substr(p);
    // Python's json.dumps writes these bare tokens for non-finite floats.
    if (rest.substr(0, 8) == "Infinity") {
        out = negative ? -std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::infinity();
        m_pos = p + 8;
        return true;
    }
    if (rest.substr(0, 3) == "NaN") {
        out = std::numeric_limits<double>::quiet_NaN();
        m_pos = p + 3;
        return true;
    }
    std::size_t end = p;
    while (end < m_text.size() && isNumberChar(m_text[end])) ++end;
    if (end == p || m_text[p] == '-' || m_text[p] == '+') return fail("expected a number");
    const char* first = m_text.data() + p;
    const char* last = m_text.data() + end;
    double value = 0.0;
    const auto res = std::from_chars(first, last, value);
    if (res.ec == std::errc::result_out_of_range && res.ptr == last) {
        // from_chars reports overflow/underflow without a value; like Python, give inf or 0.
        value = outOfRangeDecimal(std::string_view(first, static_cast<std::size_t>(last - first)));
    } else if (res.ec != std::errc() || res.ptr != last) {
        m_pos = start;
        return fail("malformed number");
    }
    out = negative ? -value : value;
    m_pos = end;
    return true;
}

bool JsonReader::readInt64(std::int64_t& out) {
    if (!ok()) return false;
    skipWhitespace();
    std::size_t end = m_pos;
    while (end < m_text.size() && isNumberChar(m_text[end])) ++end;
    const char* first = m_text.data() + m_pos;
    const char* last = m_text.data() + end;
    std::int64_t value = 0;
    const auto res = std::from_chars(first, last, value);
    if (res.ec == std::errc() && res.ptr == last && end > m_pos) {
        out = value;
        m_pos = end;
        return true;
    }
    const std::size_t start = m_pos;
    double d = 0.0;
    if (!readNumber(d)) return false;
    // 2^63 is exactly representable; anything at or beyond it does not fit.
    if (!std::isfinite(d) || d != std::floor(d) || d >= 9223372036854775808.0 ||
        d < -9223372036854775808.0) {
        m_pos = start;
        return fail("expected a whole number");
    }
    out = static_cast<std::int64_t>(d);
    return true;
}

bool JsonReader::scanString(std::string_view& out, std::string& buffer) {
    // At the opening quote.
    ++m_pos;
    const std::size_t start = m_pos;
    const std::size_t n = m_text.size();
    std::size_t p = start;
    while (p < n && m_text[p] != '"' && m_text[p] != '\\') ++p;
    if (p >= n) {
        m_pos = start - 1;
        return fail("text ends inside a string");
    }
    if (m_text[p] == '"') {
        out = m_text.substr(start, p - start);
        m_pos = p + 1;
        return true;
    }
    buffer.assign(m_text.data() + start, p - start);
    while (p < n) {
        const char c = m_text[p];
        if (c == '"') {
            out = buffer;
            m_pos = p + 1;
            return true;
        }
        if (c != '\\') {
            buffer.push_back(c);
            ++p;
            continue;
        }
        if (p + 1 >= n) break;
        const char e = m_text[p + 1];
        p += 2;
        switch (e) {
            case '"':
                buffer.push_back('"');
                break;
            case '\\':
                buffer.push_back('\\');
                break;
            case '/':
                buffer.push_back('/');
                break;
            case 'b':
                buffer.push_back('\b');
                break;
            case 'f':
                buffer.push_back('\f');
                break;
            case 'n':
                buffer.push_back('\n');
                break;
            case 'r':
                buffer.push_back('\r');
                break;
            case 't':
                buffer.push_back('\t');
                break;
            case 'u': {
                auto hex4 = [&](std::size_t at, std::uint32_t& v) {
                    if (at + 4 > n) return false;
                    v = 0;
                    for (std::size_t i = 0; i < 4; ++i) {
                        const int h = hexValue(m_text[at + i]);
                        if (h < 0) return false;
                        v = (v << 4) | static_cast<std::uint32_t>(h);
                    }
                    return true;
                };
                std::uint32_t cp = 0;
                if (!hex4(p, cp)) {
                    m_pos = p;
                    return fail("bad \\u escape in a string");
                }
                p += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && p + 6 <= n && m_text[p] == '\\' &&
                    m_text[p + 1] == 'u') {
                    std::uint32_t low = 0;
                    if (hex4(p + 2, low) && low >= 0xDC00 && low < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        p += 6;
                    }
                }
                // A lone surrogate cannot be UTF-8; write U+FFFD like lenient decoders do.
                if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
                appendUtf8(buffer, cp);
                break;
            }
            default:
                m_pos = p - 2;
                return fail("bad escape in a string");
        }
    }
    m_pos = start - 1;
    return fail("text ends inside a string");
}

bool JsonReader::skipString() {
    // At the opening quote.
    std::size_t p = m_pos + 1;
    const std::size_t n = m_text.size();
    while (p < n) {
        const char* hit = static_cast<const char*>(std::memchr(m_text.data() + p, '"', n - p));
        if (hit == nullptr) break;
        std::size_t q = static_cast<std::size_t>(hit - m_text.data());
        // The quote closes the string unless an odd number of backslashes precede it.
        std::size_t slashes = 0;
        while (q - slashes > p && m_text[q - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) {
            m_pos = q + 1;
            return true;
        }
        p = q + 1;
    }
    return fail("text ends inside a string");
}

bool JsonReader::readString(std::string_view& out) {
    if (!ok()) return false;
    skipWhitespace();
    if (m_pos >= m_text.size() || m_text[m_pos] != '"') return fail("expected a string");
    return scanString(out, m_stringBuffer);
}

bool JsonReader::readBool(bool& out) {
    if (!ok()) return false;
    skipWhitespace();
    const std::string_view rest = m_text.substr(m_pos);
    if (rest.substr(0, 4) == "true") {
        out = true;
        m_pos += 4;
        return true;
    }
    if (rest.substr(0, 5) == "false") {
        out = false;
        m_pos += 5;
        return true;
    }
    return fail("expected true or false");
}

bool JsonReader::readNull() {
    if (!ok()) return false;
    skipWhitespace();
    if (m_text.substr(m_pos, 4) != "null") return fail("expected null");
    m_pos += 4;
    return true;
}

bool JsonReader::readRaw(std::string_view& out) {
    const JsonType type = peek();
    const std::size_t start = m_pos;
    switch (type) {
        case JsonType::End:
            return fail("text ends where a value was expected");
        case JsonType::Invalid:
            return fail("expected a value");
        case JsonType::String:
            if (!skipString()) return false;
            break;
        case JsonType::Number: {
            double ignored = 0.0;
            if (!readNumber(ignored)) return false;
            break;
        }
        case JsonType::Bool: {
            bool ignored = false;
            if (!readBool(ignored)) return false;
            break;
        }
        case JsonType::Null:
            if (!readNull()) return false;
            break;
        case JsonType::Array:
        case JsonType::Object: {
            // Bracket matching only: nested content is not validated, which keeps skipping
            // large unwanted sub-trees (configs, histograms) cheap.
            std::size_t depth = 0;
            const std::size_t n = m_text.size();
            while (m_pos < n) {
                const char c = m_text[m_pos];
                if (c == '"') {
                    if (!skipString()) return false;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        ++m_pos;
                        out = m_text.substr(start, m_pos - start);
                        return true;
                    }
                }
                ++m_pos;
            }
            return fail(type == JsonType::Object ? "text ends inside an object"
                                                 : "text ends inside an array");
        }
    }
    out = m_text.substr(start, m_pos - start);
    return true;
}

bool JsonReader::beginObject() {
    if (!ok()) return false;
    if (!expect('{', "'{'")) return false;
    m_afterOpen = true;
    return true;
}

bool JsonReader::nextKey(std::string_view& key) {
    if (!ok()) return false;
    skipWhitespace();
    if (m_pos >= m_text.size()) return fail("text ends inside an object");
    if (m_text[m_pos] == '}') {
        ++m_pos;
        m_afterOpen = false;
        return false;
    }
    if (!m_afterOpen) {
        if (m_text[m_pos] != ',') return fail("expected ',' or '}'");
        ++m_pos;
        skipWhitespace();
    }
    m_afterOpen = false;
    if (m_pos >= m_text.size()) return fail("text ends inside an object");
    if (m_text[m_pos] != '"') return fail("expected a member name in quotes");
    if (!scanString(key, m_keyBuffer)) return false;
    return expect(':', "':'");
}

bool JsonReader::beginArray() {
    if (!ok()) return false;
    if (!expect('[', "'['")) return false;
    m_afterOpen = true;
    return true;
}

bool JsonReader::nextElement() {
    if (!ok()) return false;
    skipWhitespace();
    if (m_pos >= m_text.size()) return fail("text ends inside an array");
    if (m_text[m_pos] == ']') {
        ++m_pos;
        m_afterOpen = false;
        return false;
    }
    if (!m_afterOpen) {
        if (m_text[m_pos] != ',') return fail("expected ',' or ']'");
        ++m_pos;
        skipWhitespace();
    }
    m_afterOpen = false;
    if (m_pos >= m_text.size()) return fail("text ends inside an array");
    return true;
}

std::int64_t JsonReader::lineOf(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

}  // namespace curvedoctor::core
