#pragma once
/// \file series.h
/// One metric over time. NaN and +/-Inf are data: they are stored as values and never dropped.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/packed_column.h"
#include "core/value_column.h"

namespace curvedoctor::core {

using StepColumn = PackedColumn<std::int64_t>;

/// A metric's points in the order they were logged.
///
/// `steps` and `values` always have the same length. `epochs` and `wallTimes` are either empty
/// (the log did not have them) or the same length as `steps`; an unknown entry is NaN.
/// Steps are not required to be increasing: an aborted run that was restarted can log a step
/// twice or go backwards, and the loader keeps every point and says so in a warning.
/// Memory: 4 bytes per point for the values where every one is a float32, else 8
/// (value_column.h); the steps, epochs and wall times cost nothing per point where they run in
/// progressions (packed_column.h), epochs and wall times a few bits where they nearly do (frames),
/// and are shared between the series of one log that have them in common; else 8 bytes each.
struct Series {
    StepColumn steps;
    ValueColumn values;
    PackedColumn<double> epochs;     ///< fractional epochs allowed (HF Trainer logs 0.37).
    PackedColumn<double> wallTimes;  ///< seconds since the Unix epoch.

    [[nodiscard]] std::size_t size() const { return steps.size(); }
    [[nodiscard]] bool empty() const { return steps.empty(); }
    [[nodiscard]] bool hasEpochs() const { return !epochs.empty(); }
    [[nodiscard]] bool hasWallTimes() const { return !wallTimes.empty(); }

    /// Count of NaN and +/-Inf values.
    [[nodiscard]] std::size_t nonFiniteCount() const;
    /// True when every step is >= the one before it.
    [[nodiscard]] bool stepsAreSorted() const;
    /// Makes a loaded series cost only what it holds: packs the steps, epochs and wall times
    /// (PackedColumn::pack) and releases the values' spare capacity (spare under 1/16 of the
    /// size is kept: dropping it would copy the whole column).
    void shrinkToFit();
    /// Heap bytes of the series, a block shared with a series in `counted` counted only once
    /// (its id is added to `counted`).
    [[nodiscard]] std::size_t heapBytes(std::vector<const void*>& counted) const;
};

}  // namespace curvedoctor::core
