#pragma once
/// \file smoothing.h
/// The one smoothing implementation, used by charts, reports and the command line.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

enum class SmoothingKind {
    Ema,              ///< TensorBoard's debiased exponential moving average (the default).
    TimeWeightedEma,  ///< EMA whose decay follows the distance in steps.
    Gaussian,         ///< centred Gaussian kernel.
    RunningMean,      ///< centred moving average.
};

struct SmoothingConfig {
    SmoothingKind kind = SmoothingKind::Ema;
    /// 0 (no smoothing) to 0.999, as TensorBoard's slider. For Gaussian and RunningMean it maps
    /// to a window width (see smoothing.cpp).
    double weight = 0.6;
};

/// TensorBoard's debiased EMA over finite values: last = w*last + (1-w)*y; n += 1;
/// out = last / (1 - w^n). Non-finite values pass through unchanged and do not touch the state.
/// A constant series is returned unchanged. `weight` is clamped to [0, 0.999].
[[nodiscard]] std::vector<double> smoothEma(std::span<const double> values, double weight);

/// Smooths `values` logged at `steps` (same length) with `config`.
[[nodiscard]] std::vector<double> smooth(std::span<const std::int64_t> steps,
                                         std::span<const double> values,
                                         const SmoothingConfig& config);

[[nodiscard]] std::string_view toString(SmoothingKind kind);

}  // namespace curvedoctor::core
