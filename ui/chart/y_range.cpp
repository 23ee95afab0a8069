#include "ui/chart/y_range.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <tuple>
#include <utility>

#include "core/parallel_for.h"

namespace curvedoctor::ui {
namespace {

// The value at nearest rank q (0..1) of finite values: the element a full sort would put
// there, found in linear time. Reorders `v`.
double quantile(std::vector<double>& v, double q) {
    const auto n = static_cast<double>(v.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::floor(q * n), 0.0, n - 1.0));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

// The values' range without a few values set apart by a wide gap at either end. Only the
// `trim` + 1 lowest and highest values are looked at, so only those are put in order (the
// chart refits on every zoom, over thousands of curves). Reorders `v`.
std::pair<double, double> trimSpikes(std::vector<double>& v, const YFitConfig& config) {
    const std::size_t n = v.size();
    const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
    if (!(trim > 0 && n > 2 * trim + 1)) {
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        return {*lo, *hi};
    }
    // v[0, trim] and v[n - 1 - trim, n) sorted, as in a full sort; the middle unordered.
    const auto at = [&](std::size_t k) { return v.begin() + static_cast<long>(k); };
    std::nth_element(v.begin(), at(trim), v.end());
    std::sort(v.begin(), at(trim));
    std::nth_element(at(trim + 1), at(n - 1 - trim), v.end());
    std::sort(at(n - trim), v.end());
    std::size_t top = n - 1, bottom = 0;
    // The lowest gap among the top `trim` values that dwarfs everything below it: the values
    // above it are spikes (however many of them sit close together up there).
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
    return {v[bottom], v[top]};
}

}  // namespace

CurveBulk curveBulk(std::span<const double> values, const YFitConfig& config) {
    std::vector<double> v;
    v.reserve(values.size());
    for (double y : values)
        if (std::isfinite(y)) v.push_back(y);
    if (v.empty()) return {};
    const std::size_t stride = (v.size() + kMagnitudeSample - 1) / kMagnitudeSample;
    std::vector<double> abs;
    abs.reserve(v.size() / stride + 1);
    for (std::size_t i = 0; i < v.size(); i += stride) abs.push_back(std::abs(v[i]));
    CurveBulk bulk;
    bulk.magnitude = quantile(abs, 0.5);
    std::tie(bulk.lo, bulk.hi) = trimSpikes(v, config);
    bulk.present = true;
    return bulk;
}

YFit fitYRange(const std::vector<std::vector<double>>& curves, const YFitConfig& config) {
    std::vector<CurveBulk> bulks(curves.size());
    core::parallelFor(curves.size(), curves.size() > 64 ? 0 : 1,
                      [&](std::size_t i) { bulks[i] = curveBulk(curves[i], config); });
    return fitBulks(bulks, config);
}

YFit fitBulks(const std::vector<CurveBulk>& bulks, const YFitConfig& config) {
    YFit fit;
    fit.outlier.assign(bulks.size(), false);
    std::vector<double> magnitudes;
    for (const CurveBulk& b : bulks)
        if (b.present) magnitudes.push_back(b.magnitude);
    const int present = static_cast<int>(magnitudes.size());
    double typical = 0.0;
    if (!magnitudes.empty()) {
        typical = quantile(magnitudes, 0.5);
    }
    if (config.allowOutliers && present >= kMinCurvesForOutliers && typical > 0.0) {
        int out = 0;
        for (const CurveBulk& b : bulks)
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
