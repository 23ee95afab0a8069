#pragma once
/// \file curve_transform.h
/// Small transforms of a prepared curve that a chart applies before drawing.

#include <cstdint>
#include <span>

#include <vector>

#include "core/run.h"
#include "core/series.h"

namespace curvedoctor::core {

/// The x of `step` on a series' own x column `xs` (epochs, wall times: one per point of `s`),
/// interpolated between the nearest points with finite x; the step itself when `xs` is empty
/// or has no finite value. `stepsSorted`: the series' steps never go back (binary search).
[[nodiscard]] double mapStep(const Series& s, std::span<const double> xs, bool stepsSorted,
                             std::int64_t step);

/// The steps of `s` as percent of its run (0 at the run's first step over all metrics, 100 at
/// its last), so runs of different lengths line up; all 0 when the run spans a single step.
[[nodiscard]] std::vector<double> progressPercent(const Run& run, const Series& s);

}  // namespace curvedoctor::core
