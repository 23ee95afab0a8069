#pragma once
/// \file undertrained_tail.h
/// The readings the undertrained rules share (core/detectors/undertrained.cpp,
/// undertrained_late.cpp): a curve's least-squares line over its last stretch against its
/// average rate, its rank correlation with time, and the epoch level of a training loss.
/// Internal to the detectors.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

#include "core/detectors/run_view.h"
#include "core/detectors/trend.h"

namespace curvedoctor::core::undertrained {

// Minimum raw points in the tail for a slope.
inline constexpr std::size_t kMinTailPoints = 3;
// Minimum points for a steadiness reading (Kendall's tau) over a run's second half.
inline constexpr std::size_t kMinSteadyPoints = 5;

struct TailSlope {
    bool ok = false;
    std::int64_t tailStart = 0;
    double tailShare = 0.0;     // the tail's share of the steps
    double tailDrop = 0.0;      // improvement over the tail by the least-squares line
    double ratio = 0.0;         // tail slope / average slope over the run
    double significance = 0.0;  // tailDrop in standard errors of the line's drop
    double slope = 0.0;         // improvement per step over the tail (least squares)
    double span = 0.0;          // steps of the whole curve
    double end = 0.0;           // the tail's fitted value at its last step (badness)
};

// Least-squares improvement per step (positive while improving) of the raw finite values with
// steps in [from, to]; nullopt below kMinTailPoints points.
[[nodiscard]] std::optional<double> windowSlope(const Curve& c, std::int64_t from, std::int64_t to,
                                                double sign);

// Least-squares slope of the raw finite values in the last `tailShare` of the steps (at least
// kMinTailPoints points), compared with the average slope of the smoothed curve from its start
// to its best. The raw line, not the smoothed ends, because a running median near the end of a
// short curve lags behind it. `sign` = -1 turns a higher-is-better metric into a badness.
[[nodiscard]] TailSlope tailSlope(const Curve& c, const Trend& t, double tailShare, double sign);

// The index of the last finite value when it is also the lowest finite one (ties count), else
// nothing.
template <class Values>
std::optional<std::size_t> lastFiniteIsLowest(const Values& v) {
    std::size_t last = v.size();
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i])) continue;
        best = std::min(best, static_cast<double>(v[i]));
        last = i;
    }
    if (last == v.size() || v[last] > best) return std::nullopt;
    return last;
}

// Kendall's rank correlation of the raw finite values from step `from` on with their order
// (-1: every later point lower than every earlier one), over at most 64 points taken evenly;
// 0 below five points. Ranks, not sizes: a curve near zero that dips once in its noise (the
// healthy fixtures) scores about -0.6, a steady descent below -0.9.
[[nodiscard]] double kendallTau(const Curve& c, std::int64_t from);

// A validation metric, when logged, improves with the loss: the median of its values from
// step `half` on beats that of those before. One that does not (an accuracy constant at 0.32
// while the loss creeps 1.792 -> 1.780 at ln 6, lightning_01 in ../shared/realworld) says the
// descent learns nothing. True without a metric.
[[nodiscard]] bool metricKeepsUp(const RunView& view, std::int64_t half);

// The training loss at the level of epochs: logged per epoch, or the mean per evaluation
// interval when it is logged more than twice as often as the validation loss (as
// noisy_validation reads it; a pattern repeating every epoch, an unshuffled loader's
// saw-tooth, averages out). Empty otherwise.
[[nodiscard]] Curve epochLevel(const RunView& view);

}  // namespace curvedoctor::core::undertrained
