#pragma once
/// \file text_log_scan.h
/// Shared pieces of the text-log loaders (Keras progress lines, MMDetection text logs, generic
/// `key: value` lines): line splitting, ANSI colour stripping, tolerant number parsing,
/// `key: value` / `key=value` extraction; points go into a Run through core/loaders/run_builder.h.
/// Everything works on views into the mapped file; nothing here allocates per byte.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/loader.h"
#include "core/loaders/run_builder.h"
#include "core/run.h"

namespace curvedoctor::core::textlog {

/// One line of a text file: `text` without its '\n' (and without a trailing '\r').
struct TextLine {
    std::string_view text;
    std::int64_t number = 0;  ///< 1-based.
    std::int64_t offset = 0;  ///< byte offset of the line's first byte.
};

/// Splits `bytes` at '\n'. `next` returns false at the end.
class LineReader {
public:
    explicit LineReader(std::string_view bytes) : m_bytes(bytes) {}
    bool next(TextLine& line);
    /// Bytes consumed so far, for progress reporting.
    [[nodiscard]] std::size_t position() const { return m_pos; }

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
    std::int64_t m_number = 0;
};

/// Copies `in` to `out` without ANSI escape sequences (CSI `ESC [ ... final`, OSC
/// `ESC ] ... BEL|ESC \`, and two-byte `ESC x`). Returns a view of `out`, or `in` itself when it
/// holds no ESC byte (no copy then).
std::string_view stripAnsi(std::string_view in, std::string& out);

/// A number at the start of a text: optional sign, digits with an optional fraction and exponent,
/// `nan`, `inf`, `infinity` (any case). Integers may use thousands separators ("1,091,520").
/// Values beyond the double range become +/-inf, never an error.
struct NumberToken {
    double value = 0.0;
    std::size_t length = 0;  ///< characters consumed.
    bool integral = false;   ///< no fraction, exponent or word.
};
[[nodiscard]] std::optional<NumberToken> parseNumber(std::string_view text);
/// parseNumber() into `token`: false when `text` does not start with a number. For the hot loops:
/// a returned optional is copied through the stack, the fields here are written in place.
[[nodiscard]] bool parseNumber(std::string_view text, NumberToken& token);

/// A value as written after a key: a number, a fraction `3/50`, or a bracketed counter `[ 3/50]`
/// or `[3]`. `total` is the denominator of a fraction (0 when absent).
struct FieldValue {
    double value = 0.0;
    double total = 0.0;
    bool integral = false;
    std::size_t length = 0;
    /// Where the number starts: in the text given to parseFieldValue() (after a '[' and spaces);
    /// in a KeyValue, in the line.
    std::size_t at = 0;
};

/// A unit written after a number, alone or attached (`BPC`, `ms`, `s`, `%`, `MB`, `it/s` ...).
[[nodiscard]] bool isUnit(std::string_view word);

/// Parses a value at the start of `text` and requires that it ends at a delimiter (end,
/// whitespace, `,;|)]}%'"`), so "0:00:54", "12ms" and "3.5.1" are not values. A value followed by
/// whitespace and another number ("0.087 0.191 ...") is a list and not a value either. With
/// `allowUnits`, a unit attached to the number (`147.88s`, `263.86ms`) belongs to the value.
[[nodiscard]] std::optional<FieldValue> parseFieldValue(std::string_view text,
                                                        bool allowUnits = false);

/// A `key: value` or `key=value` pair found in a line. `key` points into the line.
struct KeyValue {
    std::string_view key;
    FieldValue value;
    std::size_t keyOffset = 0;  ///< where the key starts in the line.
};

/// Finds every `key: value` / `key = value` pair with a numeric value in `line`. A key is one to
/// three words of letters, digits and `_./@-` (each word starting with a letter or `_`) or a
/// quoted string (Python dict prints). Pairs whose value is not numeric are skipped.
/// `allowUnits` as for parseFieldValue().
void extractKeyValues(std::string_view line, std::vector<KeyValue>& out, bool allowUnits = false);

/// ASCII lower-case copy.
[[nodiscard]] std::string toLower(std::string_view s);
/// Case-insensitive equality for ASCII.
[[nodiscard]] bool equalsNoCase(std::string_view a, std::string_view b);
/// `s` without leading and trailing spaces and tabs.
[[nodiscard]] std::string_view trim(std::string_view s);

/// Recognises a Python traceback so loaders can skip it: from "Traceback (most recent call
/// last):" up to and including the exception line (the first line that is not indented).
class TracebackSkipper {
public:
    /// True when `line` belongs to a traceback. The first traceback line is remembered.
    bool skip(const TextLine& line);
    [[nodiscard]] std::int64_t firstLine() const { return m_firstLine; }
    [[nodiscard]] const std::string& exceptionText() const { return m_exception; }

private:
    bool m_inside = false;
    std::int64_t m_firstLine = 0;
    std::string m_exception;
};

/// Calls the progress callback about every 4 MiB. Returns false when the user cancelled.
class ProgressTicker {
public:
    ProgressTicker(const ProgressFn& progress, std::size_t total)
        : m_progress(progress), m_total(total) {}
    bool tick(std::size_t position);

private:
    const ProgressFn& m_progress;
    std::size_t m_total;
    std::size_t m_next = 0;
};

/// Adds a warning naming a Python traceback when one was seen ("line 3531: the log holds a
/// Python traceback (KeyboardInterrupt); metrics before it are loaded").
void noteTraceback(const TracebackSkipper& skipper, RunBuilder& builder);

}  // namespace curvedoctor::core::textlog
