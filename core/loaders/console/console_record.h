#pragma once
/// \file console_record.h
/// What the console-log reader makes of one line (console_log_loader.cpp), shared with the
/// line-shape cache (console_line_shapes.h) that repeats it for lines of the same shape.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/loaders/text_log_scan.h"

namespace curvedoctor::core::console {

/// A distinct field name of a log, interned by the reader (defined in console_log_loader.cpp).
struct KeyEntry;

/// A metric of a line: its name as written, its value and interned entry, and where the
/// value's number starts in the line's text.
struct Metric {
    std::string_view key;
    double value = 0;
    KeyEntry* entry = nullptr;
    std::size_t at = 0;
};

/// What one line says, before the step is decided. Numbers carry where they start in the text
/// (FieldValue::at, counterAt, Metric::at).
struct Record {
    std::string_view text;      // the line without ANSI codes, logging prefix and blanks.
    std::string_view category;  // "train", "eval", ... or empty.
    std::optional<textlog::FieldValue> step;
    std::optional<textlog::FieldValue> epoch;
    std::optional<double> counter;  // "[   2784 ..." at the start of the line.
    std::size_t counterAt = 0;
    std::optional<textlog::FieldValue> fraction;  // a bare "[i/N]".
    std::vector<Metric> metrics;
    bool ownStep = false;    // the line gave its step or epoch (not its block).
    bool bare = false;       // a step or epoch word without a separator: "EPOCH 3 ...".
    bool blockHead = false;  // a step or epoch line that the lines after it belong to.

    /// Empty again, keeping the metrics' buffer (a line costs no allocation). Field by field:
    /// assigning a fresh Record cleared its whole size with `rep stos` on every line.
    void reset() {
        text = {};
        category = {};
        step.reset();
        epoch.reset();
        counter.reset();
        counterAt = 0;
        fraction.reset();
        metrics.clear();
        ownStep = false;
        bare = false;
        blockHead = false;
    }
};

}  // namespace curvedoctor::core::console
