#pragma once
/// \file console_line_shapes.h
/// The console reader's repeat cache. Logs repeat a few line shapes thousands of times
/// (`iter N: loss X BPC, time Tms, mfu M%`): a line's text (without its logging prefix) that
/// differs from a remembered one only in the digits of its numbers has that line's record with
/// its own numbers read again, and skips the general scan (pairs, pieces, keywords). Any other
/// difference, in a single non-digit byte or in a digit of a name, misses, and the line is read
/// in full; a log of lines that never repeat rests the cache.
///
/// Why the record is the same: every decision of the general scan depends on the kind of a
/// byte (digit, letter, blank ...), never on which digit it is, except
/// - names (`Acc@1`, `top-5`, `layer3`): their digits follow a letter or one of `_@/-.`;
/// - the totals of fractions (`[3/50]`, compared with 0), after `/`;
/// - grouped integers (`1,234`: groups of three digits), beside `,`;
/// - quoted keys (`'top 5': 0.9`).
/// So digits stand for other digits only in runs that start a number (after a blank or one of
/// `([:=|;`, a sign there, or a `.` after such a run) and are not after `/`, in lines without
/// quotes, and in the numbers the record took; those runs may also change their width unless a
/// `,` touches them. Nothing else in the scan measures a length or a position (the logging
/// prefix, whose clock and date are counted in digits, is stripped before the cache is asked).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/loaders/console/console_record.h"

namespace curvedoctor::core::console {

class LineShapes {
public:
    /// When `text` (a line without ANSI codes, logging prefix and outer blanks) has the shape of
    /// a text remembered with the same `inBlock`, returns its record, valid until the next call
    /// of remember() (the remembered one with this line's numbers: its text, names and number
    /// positions are the remembered text's, whose names have the same bytes), and writes whether
    /// it is a record into `isRecord`. Returns nullptr otherwise.
    [[nodiscard]] const Record* match(std::string_view text, bool inBlock, bool& isRecord);
    /// Remembers `text`, read with `inBlock` into `record` (whose views point into `text` or are
    /// literals of the reader), in place of the oldest remembered shape. Texts whose numbers the
    /// cache cannot re-read exactly (a grouped `1,234`) are not remembered.
    void remember(std::string_view text, bool inBlock, const Record& record, bool isRecord);

private:
    /// A run of digits that may hold other digits in a line of the same shape.
    struct DigitRun {
        std::uint32_t at = 0;
        std::uint32_t length = 0;
        bool widthMayChange = false;
    };
    /// A number of the record: which field it fills, its bytes in the text, and the first
    /// digit runs at or after its start and its end (for its place in a matched text).
    struct Number {
        enum class Field : std::uint8_t { Step, Epoch, Counter, Fraction, Metric };
        Field field = Field::Metric;
        std::size_t metric = 0;
        std::size_t at = 0;
        std::size_t length = 0;
        std::size_t firstRun = 0;
        std::size_t endRun = 0;
    };
    /// How a run of digits of a remembered text may differ in a text of the same shape.
    enum class RunKind : std::uint8_t { Fixed, SameWidth, Free };
    struct FoundRun {
        std::size_t at;
        std::size_t length;
        RunKind kind;
    };
    /// The maximal runs of digits of `text`, each Fixed, or SameWidth/Free when it starts a
    /// number (see the file comment).
    static void findRuns(std::string_view text, std::vector<FoundRun>& runs);
    struct Shape {
        std::string text;
        std::vector<DigitRun> runs;
        std::vector<Number> numbers;
        Record record;  // views into `text`; its numbers those of the last text matched.
        bool inBlock = false;
        bool isRecord = false;
        bool valid = false;
    };
    bool sameShape(const Shape& shape, std::string_view text);
    bool addNumber(Shape& shape, Number::Field field, std::size_t metric, std::size_t at);

    // Swin/timm's epoch repeats ten shapes; sixteen leave room for odd lines between.
    static constexpr std::size_t kShapes = 16;
    // Console lines are short; a longer one (a dump, a binary blob) is not worth a copy.
    static constexpr std::size_t kMaxLine = 4096;
    std::array<Shape, kShapes> m_shapes;
    // Per run of the shape being matched: how far the text after it has moved (width changes).
    std::vector<std::ptrdiff_t> m_shift;
    std::vector<FoundRun> m_found;  // remember()'s runs, kept for their buffer.
    // A log whose lines never repeat (an ETA in every line) would pay for a copy and compares
    // per line: after this many misses in a row the cache rests this many lines (3% of the
    // lines of such a log still try it).
    static constexpr int kMissesBeforePause = 32;
    static constexpr int kPausedLines = 1024;
    int m_misses = 0;
    int m_paused = 0;
    std::size_t m_oldest = 0;
    std::size_t m_last = 0;  // the last shape matched: tried first, then the one after it.
};

}  // namespace curvedoctor::core::console
