#pragma once
/// \file console_line_shapes.h
/// The console reader's repeat cache. Logs repeat a few line shapes thousands of times
/// (`iter N: loss X BPC, time Tms, mfu M%`): a line equal to a remembered one except for digits
/// of the numbers its record took (and of its logging prefix) has that line's record with its
/// own numbers read again, and skips the general scan (pairs, pieces, keywords). Any other
/// difference, in length or in a single non-digit byte, misses, and the line is read in full;
/// a log of lines that never repeat rests the cache.
/// Every decision of the general scan depends on the kind of a byte (digit, letter, blank ...),
/// never on which digit it is, except the totals of fractions (`[3/50]`, compared with 0): a
/// total, read after `N/`, is never a number of the record, so its digits must be equal.

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
    /// When `line` (without ANSI codes) has the shape of a line remembered with the same
    /// `inBlock`, writes its record into `record` (views into the remembered line, equal to this
    /// one's bytes) and whether it is a record into `isRecord`, and returns true.
    bool match(std::string_view line, bool inBlock, Record& record, bool& isRecord);
    /// Remembers `line`, read with `inBlock` into `record` (whose views point into `line`), in
    /// place of the oldest remembered shape. Lines whose numbers the cache cannot re-read
    /// exactly (a grouped `1,234`) are not remembered.
    void remember(std::string_view line, bool inBlock, const Record& record, bool isRecord);

private:
    /// A number of the record: which field it fills, and its bytes in the line.
    struct Number {
        enum class Field : std::uint8_t { Step, Epoch, Counter, Fraction, Metric };
        Field field = Field::Metric;
        std::size_t metric = 0;
        std::size_t at = 0;
        std::size_t length = 0;
    };
    struct Shape {
        std::string line;
        std::vector<std::uint8_t> digitMayDiffer;  // per byte: 1 where another digit may stand.
        std::vector<Number> numbers;
        Record record;  // views into `line`.
        bool inBlock = false;
        bool isRecord = false;
        bool valid = false;
    };
    bool addNumber(Shape& shape, Number::Field field, std::size_t metric, std::size_t at);

    // Swin/timm's epoch repeats six shapes; eight leave room for an odd line between.
    static constexpr std::size_t kShapes = 8;
    // Console lines are short; a longer one (a dump, a binary blob) is not worth a copy.
    static constexpr std::size_t kMaxLine = 4096;
    std::array<Shape, kShapes> m_shapes;
    // A log whose lines never repeat (a running average or an ETA in every line) would pay for
    // a copy and compares per line: after this many misses in a row the cache rests this many
    // lines (3% of the lines of such a log still try it).
    static constexpr int kMissesBeforePause = 32;
    static constexpr int kPausedLines = 1024;
    int m_misses = 0;
    int m_paused = 0;
    std::size_t m_oldest = 0;
    std::size_t m_last = 0;  // the last shape matched: tried first.
};

}  // namespace curvedoctor::core::console
