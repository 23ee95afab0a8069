#pragma once
/// \file trend.h
/// The detectors' own robust smoothing (not the chart's slider): bin medians followed by a
/// centred running median. Medians keep step edges (a learning-rate drop stays a step) and
/// ignore single spikes, which an EMA would smear over many points.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace curvedoctor::core {

/// A curve reduced to at most `kTrendMaxPoints` robustly smoothed points.
struct Trend {
    std::vector<std::int64_t> steps;       ///< the middle step of each bin.
    std::vector<std::int64_t> firstSteps;  ///< first raw step in each bin.
    std::vector<std::int64_t> lastSteps;   ///< last raw step in each bin.
    std::vector<double> values;            ///< smoothed values, all finite.
    /// Robust standard deviation of the raw point-to-point noise (see diffNoise).
    double noise = 0.0;
    /// Standard deviation expected of one smoothed value from that noise alone.
    double trendNoise = 0.0;
    std::size_t rawPoints = 0;  ///< finite raw points that went in.
    /// The same bins under a running median of 3 only (equal to `values` when the window is 3
    /// or less): keeps swings whose period is close to the main window, such as momentum
    /// ringing every ~8 epochs of a 150-epoch run under a window of 7.
    std::vector<double> fineValues;
    /// Standard deviation expected of one fine value from the raw noise alone.
    double fineTrendNoise = 0.0;

    [[nodiscard]] std::size_t size() const { return values.size(); }
    [[nodiscard]] bool empty() const { return values.empty(); }
    [[nodiscard]] double front() const { return values.front(); }
    [[nodiscard]] double back() const { return values.back(); }
    /// Index of the minimum (first one on ties); 0 when empty.
    [[nodiscard]] std::size_t argMin() const;
    /// Index of the maximum (first one on ties); 0 when empty.
    [[nodiscard]] std::size_t argMax() const;
    /// Index of the first point whose step is >= `step` (size() when none).
    [[nodiscard]] std::size_t indexAtOrAfter(std::int64_t step) const;
    /// Smoothed value at `step`, linearly interpolated, clamped to the ends.
    [[nodiscard]] double valueAt(std::int64_t step) const;
};

/// At most this many bins; enough to resolve a schedule boundary in a long run (0.4% of it)
/// while keeping every detector's work after binning constant.
inline constexpr std::size_t kTrendMaxPoints = 256;

/// Smooths the finite values logged at `steps` (same length, sorted; non-finite values are
/// skipped). Empty when there is no finite value.
[[nodiscard]] Trend makeTrend(std::span<const std::int64_t> steps, std::span<const double> values,
                              std::size_t maxPoints = kTrendMaxPoints);
/// makeTrend when the number of finite values is known (Curve::finiteCount): on a
/// million-point series, one pass fewer.
[[nodiscard]] Trend makeTrendCounted(std::span<const std::int64_t> steps,
                                     std::span<const double> values, std::size_t finite,
                                     std::size_t maxPoints = kTrendMaxPoints);

/// Median of the finite values (reorders `values`); NaN when none.
[[nodiscard]] double medianInPlace(std::vector<double>& values);

/// Robust noise standard deviation of a sequence from its second differences, which cancel a
/// linear trend: MAD(d2) / 0.6745 / sqrt(6) (var(d2) = 6 sigma^2 for white noise). Non-finite
/// values are skipped; 0 for fewer than four finite values.
[[nodiscard]] double diffNoise(std::span<const double> values);

/// Kendall's tau of the values against their order: -1 when every later value is lower, +1
/// when every one is higher, 0 without a trend (or for fewer than two values). Quadratic: for
/// a trend's or a curve's few hundred points.
[[nodiscard]] double kendallTau(std::span<const double> values);

}  // namespace curvedoctor::core
