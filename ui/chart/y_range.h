#pragma once
/// \file y_range.h
/// The y-range a chart fits to: the bulk of every visible curve, robust to spikes within a
/// curve and to a run whose whole scale is far off the others' (a loss of 268M beside losses
/// near 1). Pure arithmetic over the values each curve shows; no Qt.

#include <cstddef>
#include <span>
#include <vector>

namespace curvedoctor::ui {

struct YFitConfig {
    /// Each curve contributes its range without spikes: at each end, at most this fraction of
    /// its values is left out, and only when they stand apart from the rest by a gap wider than
    /// `spikeGap` times the span of the rest. A spike of a few points in a curve of hundreds
    /// does not set the range (it is drawn clipped, marked at the edge); the steep but
    /// continuous start of a loss curve has no such gap and stays in. A curve of fewer than
    /// 1 / maxTrim values contributes its extremes.
    double maxTrim = 0.01;
    double spikeGap = 1.0;
    /// A curve whose typical magnitude (median |value|) exceeds this many times the median of
    /// all curves' typical magnitudes is fitted out (linear axes only; on a log axis every
    /// scale fits). Needs at least kMinCurvesForOutliers curves, and never fits out half of them
    /// or more: with one or two runs the chart shows them whole.
    double outlierFactor = 100.0;
    bool allowOutliers = true;
    bool includeZero = false;
};

inline constexpr int kMinCurvesForOutliers = 3;

struct YFit {
    double lo = 0.0;
    double hi = 0.0;
    bool valid = false;         ///< false: no finite value in any curve
    std::vector<bool> outlier;  ///< per input curve: fitted out as a whole
};

/// What one curve contributes to a fit: its range without spikes and its typical magnitude.
struct CurveBulk {
    double lo = 0.0;
    double hi = 0.0;
    double magnitude = 0.0;  ///< median |value| (of at most kMagnitudeSample evenly spaced ones)
    bool present = false;    ///< false: no finite value
};
/// Values of a long curve the typical magnitude is the median of: it only decides whether a
/// curve's scale is 100 times off the others', which a sample tells as well as all values.
inline constexpr std::size_t kMagnitudeSample = 257;

/// One curve's bulk (its y values; non-finite ones are ignored). Depends on config.maxTrim and
/// config.spikeGap only, so a chart can keep it while the curve does not change.
[[nodiscard]] CurveBulk curveBulk(std::span<const double> values, const YFitConfig& config);
/// The range over the curves' bulks. No padding is added.
[[nodiscard]] YFit fitBulks(const std::vector<CurveBulk>& bulks, const YFitConfig& config);
/// Both: fits the range over `curves` (each the y values one curve shows; non-finite values
/// are ignored), the curves on every core when there are many.
[[nodiscard]] YFit fitYRange(const std::vector<std::vector<double>>& curves,
                             const YFitConfig& config);

}  // namespace curvedoctor::ui
