#include "ui/chart/y_range.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace curvedoctor::ui {
namespace {

// Nearest-rank quantile of sorted finite values.
double quantile(const std::vector<double>& sorted, double q) {
    const auto n = static_cast<double>(sorted.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::floor(q * n), 0.0, n - 1.0));
    return sorted[k];
}

// The sorted values' range without a few values set apart by a wide gap at either end.
std::pair<double, double> trimSpikes(const std::vector<double>& v, const YFitConfig& config) {
    const std::size_t n = v.size();
    const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
    std::size_t top = n - 1, bottom = 0;
    if (trim > 0 && n > 2 * trim + 1) {
        // The lowest gap among the top `trim` values that dwarfs everything below it: the
        // values above it are spikes (however many of them sit close together up there).
        for (std::size_t k = n - 1 - trim; k < n - 1; ++k)
            if (v[k + 1] - v[k] > config.spikeGap * (v[k] - v[0])) {
                top = k;
                break;
            }
        // Likewise at the bottom: the highest such gap among the lowest `trim` values.
        for (std::size_t k = trim; k-- > 0;)
            if (v[k + 1] - v[k] > config.spikeGap * (v[top] - v[k + 1])) {
                bottom = k + 1;
                break;
            }
    }
    return {v[bottom], v[top]};
}

}  // namespace

YFit fitYRange(const std::vector<std::vector<double>>& curves, const YFitConfig& config) {
    YFit fit;
    fit.outlier.assign(curves.size(), false);
    struct Bulk {
        double lo, hi, magnitude;
        bool present;
    };
    std::vector<Bulk> bulks;
    bulks.reserve(curves.size());
    std::vector<double> magnitudes;
    for (const auto& values : curves) {
        std::vector<double> v;
        v.reserve(values.size());
        for (double y : values)
            if (std::isfinite(y)) v.push_back(y);
        if (v.empty()) {
            bulks.push_back({0, 0, 0, false});
            continue;
        }
        std::sort(v.begin(), v.end());
        std::vector<double> abs(v.size());
        std::transform(v.begin(), v.end(), abs.begin(), [](double y) { return std::abs(y); });
        std::sort(abs.begin(), abs.end());
        const double magnitude = quantile(abs, 0.5);
        const auto [lo, hi] = trimSpikes(v, config);
        bulks.push_back({lo, hi, magnitude, true});
        magnitudes.push_back(magnitude);
    }
    const int present = static_cast<int>(magnitudes.size());
    double typical = 0.0;
    if (!magnitudes.empty()) {
        std::sort(magnitudes.begin(), magnitudes.end());
        typical = quantile(magnitudes, 0.5);
    }
    if (config.allowOutliers && present >= kMinCurvesForOutliers && typical > 0.0) {
        int out = 0;
        for (const Bulk& b : bulks)
            if (b.present && b.magnitude > config.outlierFactor * typical) ++out;
        if (2 * out < present)
            for (std::size_t i = 0; i < bulks.size(); ++i)
                fit.outlier[i] =
                    bulks[i].present && bulks[i].magnitude > config.outlierFactor * typical;
    }
    fit.lo = std::numeric_limits<double>::infinity();
    fit.hi = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < bulks.size(); ++i) {
        if (!bulks[i].present || fit.outlier[i]) continue;
        fit.lo = std::min(fit.lo, bulks[i].lo);
        fit.hi = std::max(fit.hi, bulks[i].hi);
    }
    fit.valid = std::isfinite(fit.lo) && std::isfinite(fit.hi);
    if (fit.valid && config.includeZero) {
        fit.lo = std::min(fit.lo, 0.0);
        fit.hi = std::max(fit.hi, 0.0);
    }
    return fit;
}

}  // namespace curvedoctor::ui
