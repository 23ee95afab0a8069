#pragma once
/// \file json_writer.h
/// A small streaming JSON writer for the command line's --json output. Non-finite doubles are
/// written as null (JSON has no NaN); strings are escaped per RFC 8259 and always valid UTF-8:
/// names, paths and messages quote the user's bytes, and one invalid byte would make strict
/// parsers reject the whole document, so each ill-formed sequence becomes U+FFFD.

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

namespace curvedoctor::app {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out, bool pretty = true) : m_out(out), m_pretty(pretty) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(double d);
    JsonWriter& value(std::int64_t i);
    JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
    JsonWriter& value(std::size_t i) { return value(static_cast<std::int64_t>(i)); }
    JsonWriter& value(bool b);
    JsonWriter& null();

    /// `s` as a quoted JSON string: control characters escaped, ill-formed UTF-8 replaced by
    /// U+FFFD (one per maximal subpart, as Unicode recommends), valid UTF-8 copied as is.
    static void writeEscaped(std::ostream& out, std::string_view s);

private:
    void beforeValue();
    void newline();
    std::ostream& m_out;
    bool m_pretty;
    struct Level {
        bool isObject;
        bool empty;
    };
    std::vector<Level> m_stack;
    bool m_afterKey = false;
};

}  // namespace curvedoctor::app
