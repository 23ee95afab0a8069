#pragma once
/// \file smoothing.h
/// The one smoothing implementation, used by charts, reports and the command line.
///
/// Every kind takes the same `weight` in [0, 0.999] (TensorBoard's slider; values outside are
/// clamped, NaN counts as 0) and keeps these promises:
/// - the output has the input's length; non-finite inputs (NaN, +/-Inf) come out unchanged at
///   their positions and are ignored by the finite neighbours around them;
/// - weight 0 returns the input unchanged;
/// - a series whose finite values are all equal is returned unchanged (no rounding drift);
/// - every finite output lies within [min, max] of the finite inputs.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

enum class SmoothingKind {
    Ema,              ///< TensorBoard's debiased exponential moving average (the default).
    TimeWeightedEma,  ///< EMA whose decay follows the distance in steps.
    Gaussian,         ///< centred Gaussian kernel over neighbouring points.
    RunningMean,      ///< centred moving average over neighbouring points.
};

struct SmoothingConfig {
    SmoothingKind kind = SmoothingKind::Ema;
    /// 0 (no smoothing) to 0.999, as TensorBoard's slider. How each kind reads it is documented
    /// at its function below.
    double weight = 0.6;
    /// TimeWeightedEma only: the step span the weight is defined against. Give every run drawn
    /// in one chart the chart's x range so they all decay alike; 0 means the series' own span
    /// (last step minus first step).
    double stepSpan = 0.0;
};

/// The weight clamped into [0, 0.999]; NaN becomes 0.
[[nodiscard]] double clampSmoothingWeight(double weight);

/// TensorBoard's debiased EMA (webapp line_chart_v2 `classicSmoothing`) over finite values:
/// last = w*last + (1-w)*y; n += 1; out = last / (1 - w^n), starting from last = 0, n = 0.
/// Output i is the average of the finite values up to i weighted by w^(points back).
/// Non-finite values pass through and do not touch the state. A series whose finite values are
/// all equal is returned unchanged (TensorBoard special-cases constant series the same way).
[[nodiscard]] std::vector<double> smoothEma(std::span<const double> values, double weight);

/// Where smoothEma stood after the values it has seen, so that values appended to the series
/// can be smoothed on from there (a followed run that grows) instead of from the start.
struct EmaState {
    bool valid = false;  ///< false: the series so far was returned as is (constant, w = 0, ...)
    double last = 0.0;
    double n = 0.0;
    double debias = 0.0;
    double min = 0.0;  ///< finite range of the values seen
    double max = 0.0;
};
/// smoothEma, also leaving in `state` where it stood at the end.
[[nodiscard]] std::vector<double> smoothEma(std::span<const double> values, double weight,
                                            EmaState& state);
/// Appends to `out` (smoothEma of a series' first out.size() values, with `state` from it) the
/// smoothed values of `appended`, the values that followed. O(appended). Equals smoothEma of
/// the whole series up to rounding: an output may differ in its last bit where the whole run
/// clamps rounding into a wider finite range. Needs state.valid (else smooth the whole series).
void continueEma(std::span<const double> appended, double weight, EmaState& state,
                 std::vector<double>& out);

/// EMA whose decay follows the step distance, so runs logged at different rates smooth alike.
/// With D = stepSpan / kTimeEmaReferencePoints (stepSpan as in SmoothingConfig; the series'
/// own span if <= 0) and a_i = w^((x_i - x_prev) / D), x_prev the step of the previous finite
/// point:
///   num_i = a_i * num_prev + y_i;  den_i = a_i * den_prev + 1;  out_i = num_i / den_i,
/// i.e. out_i is the average of the finite values up to i weighted by w^((x_i - x_j) / D).
/// The time constant is tau = -D / ln(w) steps and the half-life tau * ln 2: at the default
/// w = 0.6, tau = 0.0020 * span; at w = 0.9, 0.0095 * span; at w = 0.99, 0.0995 * span;
/// at w = 0.999, 0.9995 * span. On kTimeEmaReferencePoints + 1 points one step apart this
/// equals smoothEma with the same weight (up to rounding); in general, on evenly spaced points
/// it equals smoothEma with weight w^(spacing / D). Steps that repeat or go backwards count as
/// distance 0. If a span is 0 (one distinct step) D is 1 step. `steps` must have the length of
/// `values`, else point indices are used as steps.
[[nodiscard]] std::vector<double> smoothTimeWeightedEma(std::span<const std::int64_t> steps,
                                                        std::span<const double> values,
                                                        double weight, double stepSpan = 0.0);

/// Points per step span that define the time-weighted EMA's decay unit (the number of points
/// at which it equals the plain EMA; W&B uses the same 1000-point viewport scale).
inline constexpr double kTimeEmaReferencePoints = 1000.0;

/// Centred Gaussian kernel over point indices, sigma = gaussianSigma(weight) points, truncated
/// at 3 sigma. Each output is the kernel-weighted average of the finite values in its window;
/// near the edges and around non-finite values the weights of the missing points are left out
/// (renormalised). Up to sigma 6 points (weight 0.91) the exact kernel, O(n * sigma); above,
/// four box passes of the same variance (standard deviation within 1%, kernel within 5% of
/// the Gaussian's peak), O(n) for any weight. Like every centred smoother it averages a
/// one-sided window near the ends: on a steep start the first outputs sit well below the
/// first values (the EMA shows the start better).
[[nodiscard]] std::vector<double> smoothGaussian(std::span<const double> values, double weight);

/// Centred running mean over point indices: the mean of the finite values among the
/// runningMeanWindow(weight) points centred on each point; the window is cut short at the
/// edges. O(n) for any window (sliding sums without subtraction, so a huge value such as an
/// exploding loss does not leave rounding residue in its neighbours' means).
[[nodiscard]] std::vector<double> smoothRunningMean(std::span<const double> values, double weight);

/// Window of the running mean for `weight`: the odd number of points closest to
/// (1 + w) / (1 - w), the window whose noise reduction (variance factor 1/N) equals the
/// EMA's at the same weight ((1 - w) / (1 + w) for white noise). w = 0 gives 1 (identity),
/// 0.6 gives 5, 0.9 gives 19, 0.99 gives 199, 0.999 gives 1999.
[[nodiscard]] int runningMeanWindow(double weight);

/// Standard deviation in points of the Gaussian for `weight`: (1 + w) / (2 sqrt(pi) (1 - w)),
/// the sigma whose noise reduction (variance factor 1 / (2 sigma sqrt(pi))) equals the EMA's.
/// 0 at w = 0 (identity), 1.13 at 0.6, 5.36 at 0.9, 56.1 at 0.99, 564 at 0.999.
[[nodiscard]] double gaussianSigma(double weight);

/// Smooths `values` logged at `steps` (same length) with `config`. Only TimeWeightedEma reads
/// `steps`.
[[nodiscard]] std::vector<double> smooth(std::span<const std::int64_t> steps,
                                         std::span<const double> values,
                                         const SmoothingConfig& config);

/// Stable ids: "ema", "time_ema", "gaussian", "running_mean".
[[nodiscard]] std::string_view toString(SmoothingKind kind);

}  // namespace curvedoctor::core
