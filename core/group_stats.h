#pragma once
/// \file group_stats.h
/// Aggregates several runs' series of one metric (repeated seeds of one configuration) onto a
/// common step grid: mean, standard deviation, minimum and maximum per grid step.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/series.h"

namespace curvedoctor::core {

enum class StepGrid {
    Union,      ///< every step any series logged (sorted, without duplicates).
    Resampled,  ///< `points` evenly spaced steps from the smallest to the largest step.
};

struct GroupStatsConfig {
    StepGrid grid = StepGrid::Union;
    /// Grid size for StepGrid::Resampled (at least 2; a single-step range gives one point).
    std::size_t points = 1000;
};

/// Statistics per grid step; every vector has the length of `steps`.
///
/// How each series is read at a grid step x: its points are sorted by step (a step logged
/// twice keeps the value logged last, as after a restart); at a logged step its value is used,
/// between two logged steps the value is linearly interpolated, but only when both neighbours
/// are finite. Outside [first, last] logged step a series contributes nothing (no
/// extrapolation), nor next to a NaN/Inf point: a run that went NaN leaves the band rather
/// than dragging it to NaN. `count` says how many series contributed; where it is 0, mean, std,
/// min and max are NaN. `std` is the sample standard deviation (divides by n - 1, as pandas and
/// seaborn's "sd" band); it is 0 where a single series contributes.
struct GroupStats {
    std::vector<double> steps;
    std::vector<double> mean;
    std::vector<double> std;
    std::vector<double> min;
    std::vector<double> max;
    std::vector<int> count;

    [[nodiscard]] std::size_t size() const { return steps.size(); }
};

/// Aggregates `series` (null entries are skipped). No series, or only empty ones: empty result.
[[nodiscard]] GroupStats aggregateSeries(const std::vector<const Series*>& series,
                                         const GroupStatsConfig& config = {});

}  // namespace curvedoctor::core
