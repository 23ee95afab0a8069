#pragma once
/// \file series.h
/// One metric over time. NaN and +/-Inf are data: they are stored as values and never dropped.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/step_column.h"

namespace curvedoctor::core {

/// A metric's points in the order they were logged.
///
/// `steps` and `values` always have the same length. `epochs` and `wallTimes` are either empty
/// (the log did not have them) or the same length as `steps`; an unknown entry is NaN.
/// Steps are not required to be increasing: an aborted run that was restarted can log a step
/// twice or go backwards, and the loader keeps every point and says so in a warning.
/// Memory: 16 bytes per point, plus 8 for each optional column that is present; the steps are
/// shared (and counted once) between the series of one table logged on the same rows.
struct Series {
    StepColumn steps;
    std::vector<double> values;
    std::vector<double> epochs;     ///< fractional epochs allowed (HF Trainer logs 0.37).
    std::vector<double> wallTimes;  ///< seconds since the Unix epoch.

    [[nodiscard]] std::size_t size() const { return steps.size(); }
    [[nodiscard]] bool empty() const { return steps.empty(); }
    [[nodiscard]] bool hasEpochs() const { return !epochs.empty(); }
    [[nodiscard]] bool hasWallTimes() const { return !wallTimes.empty(); }

    /// Count of NaN and +/-Inf values.
    [[nodiscard]] std::size_t nonFiniteCount() const;
    /// True when every step is >= the one before it.
    [[nodiscard]] bool stepsAreSorted() const;
    /// Releases spare capacity so a loaded series costs only what it holds; spare capacity under
    /// 1/16 of the size is kept (dropping it would copy the whole column).
    void shrinkToFit();
};

}  // namespace curvedoctor::core
