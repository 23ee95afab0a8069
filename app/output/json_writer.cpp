#include "app/output/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace curvedoctor::app {

void JsonWriter::newline() {
    if (!m_pretty) return;
    m_out << '\n';
    for (std::size_t i = 0; i < m_stack.size(); ++i) m_out << "  ";
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_stack.empty()) {
        if (!m_stack.back().empty) m_out << ',';
        m_stack.back().empty = false;
        newline();
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out << '{';
    m_stack.push_back({true, true});
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty) newline();
    m_out << '}';
    if (m_stack.empty() && m_pretty) m_out << '\n';
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out << '[';
    m_stack.push_back({false, true});
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty) newline();
    m_out << ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    beforeValue();
    writeEscaped(m_out, k);
    m_out << (m_pretty ? ": " : ":");
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    beforeValue();
    writeEscaped(m_out, s);
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    beforeValue();
    if (!std::isfinite(d)) {
        m_out << "null";
        return *this;
    }
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    m_out.write(buf, res.ptr - buf);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
    beforeValue();
    m_out << i;
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    m_out << (b ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out << "null";
    return *this;
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one. `maximal` is set
// to how many bytes form the longest valid prefix ("maximal subpart"): those are replaced by
// one U+FFFD together, as Unicode and the WHATWG decoder recommend.
std::size_t utf8Sequence(std::string_view s, std::size_t i, std::size_t& maximal) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    maximal = 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= s.size()) return 0;
        const unsigned char b = byte(i + k);
        const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        if (!ok) return 0;
        maximal = k + 1;
    }
    return len;
}

}  // namespace

void JsonWriter::writeEscaped(std::ostream& out, std::string_view s) {
    out << '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // Names and messages quote the user's bytes, which need not be UTF-8; JSON must be.
            std::size_t maximal = 1;
            const std::size_t len = utf8Sequence(s, i, maximal);
            if (len > 0) {
                out.write(s.data() + i, static_cast<std::streamsize>(len));
                i += len;
            } else {
                out << "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
                i += maximal;
            }
            continue;
        }
        switch (c) {
            case '"':
                out << "\\\"";
                break;
            case '\\':
                out << "\\\\";
                break;
            case '\n':
                out << "\\n";
                break;
            case '\r':
                out << "\\r";
                break;
            case '\t':
                out << "\\t";
                break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out << buf;
                } else {
                    out << static_cast<char>(c);
                }
        }
        ++i;
    }
    out << '"';
}

}  // namespace curvedoctor::app
