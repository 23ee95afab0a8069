#pragma once
/// \file json_reader.h
/// A fast, relaxed pull parser for JSON text. No document tree is built: the caller walks the
/// text value by value (objects member by member), so a loader touches only what it needs.
///
/// Relaxed where Python's json module is: the bare tokens `NaN`, `Infinity` and `-Infinity`
/// (also `+Infinity`) are read as numbers. Everything else follows RFC 8259. Errors are sticky:
/// after the first one every call returns false, and error()/errorOffset() tell what and where.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace curvedoctor::core {

/// The kind of the next value, as seen by JsonReader::peek().
enum class JsonType { Null, Bool, Number, String, Array, Object, End, Invalid };

class JsonReader {
public:
    /// Reads `text`. `baseOffset` is added to every reported offset (for a line of a larger file).
    explicit JsonReader(std::string_view text, std::size_t baseOffset = 0)
        : m_text(text), m_pos(0), m_base(baseOffset) {}

    /// Skips whitespace and tells what comes next. End at the end of the text; Invalid for a
    /// character no JSON value starts with (or after an error).
    [[nodiscard]] JsonType peek();

    /// Reads a number; also NaN, Infinity, -Infinity. Integers beyond 2^53 lose precision.
    bool readNumber(double& out);
    /// Reads an integral number (1200, also 1200.0 or 1.2e3) into `out`.
    bool readInt64(std::int64_t& out);
    /// Reads a string. The view stays valid until the next readString() call on this reader
    /// (escaped strings are decoded into an internal buffer; others point into the text).
    bool readString(std::string_view& out);
    bool readBool(bool& out);
    bool readNull();
    /// Skips one value of any kind, nested or not, and returns its source text.
    bool readRaw(std::string_view& out);
    bool skipValue() {
        std::string_view ignored;
        return readRaw(ignored);
    }

    /// Consumes '{'. Then call nextKey() until it returns false.
    bool beginObject();
    /// Reads the next member's key and the ':' after it, leaving the reader at its value.
    /// Returns false at the closing '}' (which it consumes) or on error (check ok()).
    /// The key view stays valid until the next nextKey() call.
    bool nextKey(std::string_view& key);
    /// Consumes '['. Then call nextElement() before each element until it returns false.
    bool beginArray();
    /// True when another element follows (the reader is at it); false at ']' (consumed) or error.
    bool nextElement();

    [[nodiscard]] bool ok() const { return m_error.empty(); }
    /// Empty when no error; otherwise a short reason ("expected ':'", "text ends inside a string").
    [[nodiscard]] const std::string& error() const { return m_error; }
    /// Byte offset of the error (baseOffset included); meaningful only when !ok().
    [[nodiscard]] std::size_t errorOffset() const { return m_base + m_errorPos; }
    /// Current byte offset, baseOffset included.
    [[nodiscard]] std::size_t offset() const { return m_base + m_pos; }
    /// True when only whitespace is left.
    [[nodiscard]] bool atEnd();

    /// 1-based line number of byte `offset` in `text` (counts '\n' before it).
    [[nodiscard]] static std::int64_t lineOf(std::string_view text, std::size_t offset);

private:
    void skipWhitespace();
    bool fail(std::string_view reason);
    bool expect(char c, std::string_view what);
    bool scanString(std::string_view& out, std::string& buffer);
    bool skipString();

    std::string_view m_text;
    std::size_t m_pos;
    std::size_t m_base;
    std::size_t m_errorPos = 0;
    bool m_afterOpen = false;  // just consumed '{' or '[': no comma expected before the next item
    std::string m_error;
    std::string m_stringBuffer;
    std::string m_keyBuffer;
};

}  // namespace curvedoctor::core
