#include "core/smoothing.h"

#include <algorithm>
#include <cmath>

namespace curvedoctor::core {

std::vector<double> smoothEma(std::span<const double> values, double weight) {
    const double w = std::clamp(weight, 0.0, 0.999);
    std::vector<double> out(values.begin(), values.end());
    double last = 0.0;
    double debias = 1.0;  // w^n
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = values[i];
        if (!std::isfinite(y)) continue;
        last = w * last + (1.0 - w) * y;
        debias *= w;
        out[i] = w == 0.0 ? y : last / (1.0 - debias);
    }
    return out;
}

std::vector<double> smooth(std::span<const std::int64_t> /*steps*/, std::span<const double> values,
                           const SmoothingConfig& config) {
    return smoothEma(values, config.weight);
}

std::string_view toString(SmoothingKind kind) {
    switch (kind) {
        case SmoothingKind::Ema: return "ema";
        case SmoothingKind::TimeWeightedEma: return "time_ema";
        case SmoothingKind::Gaussian: return "gaussian";
        case SmoothingKind::RunningMean: return "running_mean";
    }
    return "ema";
}

}  // namespace curvedoctor::core
