#pragma once
/// \file y_range.h
/// The y-range a chart fits to: the bulk of every visible curve, robust to spikes within a
/// curve, to a run whose whole scale is far off the others' (a loss of 268M beside losses
/// near 1), and to the few runs of a sweep that climb far above the rest (diverging runs): the
/// axis ends near the bulk of runs, each clipped run keeping a third of its values in view.
/// Pure arithmetic over the values each curve shows; no Qt.

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "core/value_column.h"

namespace curvedoctor::ui {

struct YFitConfig {
    /// Each curve contributes its range without spikes: at each end, at most this fraction of
    /// its values is left out, and only when they stand apart from the rest by a gap wider than
    /// `spikeGap` times the span of the rest. A spike of a few points in a curve of hundreds
    /// does not set the range (it is drawn clipped, marked at the edge); the steep but
    /// continuous start of a loss curve has no such gap and stays in. A curve of fewer than
    /// 1 / maxTrim values contributes its extremes. 0: every value counts.
    double maxTrim = 0.01;
    double spikeGap = 1.0;
    /// A curve whose typical magnitude (median |value|) exceeds this many times the median of
    /// all curves' typical magnitudes is fitted out (linear axes only; on a log axis every
    /// scale fits). Needs at least kMinCurvesForOutliers curves, and never fits out half of them
    /// or more: with one or two runs the chart shows them whole.
    double outlierFactor = 100.0;
    bool allowOutliers = true;
    /// The fit across curves (a sweep): when some curve's range reaches more than
    /// `tailFactor` times the bulk's span beyond the bulk of curves (its top above the upper
    /// quartile of the curves' tops by that much, or its bottom below the lower quartile of
    /// their bottoms), the axis ends `fenceFactor` spans beyond the bulk; a curve reaching
    /// further is clipped there, but the axis still reaches the value that `keepShare` of its
    /// values lie below (above, for a bottom clipped), so none is hidden whole. Needs at
    /// least kMinRunsForBulk runs (`runs`; 0: the curves are counted).
    bool fitBulkOfRuns = true;
    double tailFactor = 9.0;
    double fenceFactor = 1.0;
    double keepShare = 1.0 / 3.0;
    int runs = 0;
    bool includeZero = false;
};

inline constexpr int kMinCurvesForOutliers = 3;
/// With fewer runs there is no bulk to fit: each run is one the user chose to compare, and a
/// diverging one among two to five is a fifth or more of the chart, not a tail; it is shown
/// whole (log-y or a y zoom show the others).
inline constexpr int kMinRunsForBulk = 6;

struct YFit {
    double lo = 0.0;
    double hi = 0.0;
    bool valid = false;         ///< false: no finite value in any curve
    std::vector<bool> outlier;  ///< per input curve: fitted out as a whole
    std::vector<bool> clipped;  ///< per input curve: reaches past the bulk of runs, clipped
};

/// What one curve contributes to a fit: its range without spikes, its typical magnitude and
/// the values that keep a share of it in view.
struct CurveBulk {
    double lo = 0.0;
    double hi = 0.0;
    double magnitude = 0.0;  ///< median |value| (of at most kMagnitudeSample evenly spaced ones)
    double lowKeep = 0.0;    ///< the value keepShare of the finite values are at or below
    double highKeep = 0.0;   ///< the value keepShare of the finite values are at or above
    bool hasKeeps = false;   ///< lowKeep and highKeep are set (addKeptShares)
    bool present = false;    ///< false: no finite value
};

/// Where the bulk of runs lets the axis end: a curve reaching below `lo` or above `hi` is
/// clipped there, keeping a share of its values in view (infinite: no fence on that side).
struct YFences {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    [[nodiscard]] bool clips(const CurveBulk& b) const {
        return b.present && (b.hi > hi || b.lo < lo);
    }
};
/// Values of a long curve the typical magnitude is the median of: it only decides whether a
/// curve's scale is 100 times off the others', which a sample tells as well as all values.
inline constexpr std::size_t kMagnitudeSample = 257;

/// One curve's bulk (its y values; non-finite ones are ignored), without its kept shares.
/// Depends on config.maxTrim and config.spikeGap only, so a chart can keep it while the curve
/// does not change. Linear in the number of values (partial orders, no sort).
[[nodiscard]] CurveBulk curveBulk(core::ValueSpan values, const YFitConfig& config);
/// Sets the bulk's lowKeep and highKeep from the same values (config.keepShare), in linear
/// time. Only the curves the fences clip need them, so only those pay for them.
void addKeptShares(CurveBulk& bulk, core::ValueSpan values, const YFitConfig& config);
/// The fences of the bulk of runs (none unless some curve reaches config.tailFactor spans past
/// the bulk; none without config.fitBulkOfRuns or with fewer than kMinRunsForBulk runs).
/// Curves fitted out as a whole (YFit::outlier) do not count.
[[nodiscard]] YFences bulkFences(const std::vector<CurveBulk>& bulks, const YFitConfig& config);
/// The range over the curves' bulks. A curve the fences clip needs its kept shares
/// (addKeptShares); without them it is fitted whole. No padding is added.
[[nodiscard]] YFit fitBulks(const std::vector<CurveBulk>& bulks, const YFitConfig& config);
/// Both: fits the range over `curves` (each the y values one curve shows; non-finite values
/// are ignored), the curves on every core when there are many.
[[nodiscard]] YFit fitYRange(const std::vector<std::vector<double>>& curves,
                             const YFitConfig& config);

}  // namespace curvedoctor::ui
