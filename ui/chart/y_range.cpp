#include "ui/chart/y_range.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <tuple>
#include <utility>

#include "core/parallel_for.h"

namespace curvedoctor::ui {
namespace {

// Up to this many lowest and highest values of a curve are picked in one pass over it (a
// bounded heap each); a curve that needs more (over 6,400 values) is copied and partly
// ordered instead.
constexpr std::size_t kMaxSelected = 64;

// The value at nearest rank q (0..1) of finite values: the element a full sort would put
// there, found in linear time. Reorders `v`.
double quantile(std::vector<double>& v, double q) {
    const auto n = static_cast<double>(v.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::floor(q * n), 0.0, n - 1.0));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

// The range of values whose `trim` + 1 lowest are `low` and `trim` + 1 highest are `high`
// (each ascending, as in a full sort of all n values, n > 2 * trim + 1) without a few values
// set apart by a wide gap at either end.
std::pair<double, double> spikeFreeRange(std::span<const double> low, std::span<const double> high,
                                         const YFitConfig& config) {
    const std::size_t trim = low.size() - 1;
    double top = high[trim], bottom = low[0];
    // The lowest gap among the top `trim` values that dwarfs everything below it: the values
    // above it are spikes (however many of them sit close together up there).
    for (std::size_t k = 0; k < trim; ++k)
        if (high[k + 1] - high[k] > config.spikeGap * (high[k] - low[0])) {
            top = high[k];
            break;
        }
    // Likewise at the bottom: the highest such gap among the lowest `trim` values.
    for (std::size_t k = trim; k-- > 0;)
        if (low[k + 1] - low[k] > config.spikeGap * (top - low[k + 1])) {
            bottom = low[k + 1];
            break;
        }
    return {bottom, top};
}

// The values' range without a few values set apart by a wide gap at either end. Only the
// `trim` + 1 lowest and highest values are looked at, so only those are put in order.
// Reorders `v`.
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
    return spikeFreeRange(std::span(v).first(trim + 1), std::span(v).last(trim + 1), config);
}

// The k lowest (or, with std::greater, highest) of the values offered, k at most
// kMaxSelected: a bounded heap whose top is the one to drop next.
template <typename Better>
class Extremes {
public:
    explicit Extremes(std::size_t k) : m_k(k) {}
    void offer(double y) {
        if (m_count < m_k) {
            m_v[m_count++] = y;
            std::push_heap(m_v.begin(), m_v.begin() + static_cast<long>(m_count), Better{});
        } else if (Better{}(y, m_v[0])) {
            std::pop_heap(m_v.begin(), m_v.begin() + static_cast<long>(m_count), Better{});
            m_v[m_count - 1] = y;
            std::push_heap(m_v.begin(), m_v.begin() + static_cast<long>(m_count), Better{});
        }
    }
    /// The values kept, ascending.
    std::span<const double> ascending() {
        std::sort(m_v.begin(), m_v.begin() + static_cast<long>(m_count));
        return std::span<const double>(m_v.data(), m_count);
    }

private:
    std::array<double, kMaxSelected> m_v{};
    std::size_t m_k;
    std::size_t m_count = 0;
};

}  // namespace

CurveBulk curveBulk(std::span<const double> values, const YFitConfig& config) {
    std::size_t n = 0;
    for (double y : values) n += std::isfinite(y) ? 1 : 0;
    if (n == 0) return {};
    const std::size_t stride = (n + kMagnitudeSample - 1) / kMagnitudeSample;
    const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
    const bool trims = trim > 0 && n > 2 * trim + 1;
    std::vector<double> abs;
    abs.reserve(n / stride + 1);
    CurveBulk bulk;
    bulk.present = true;
    if (trims && trim + 1 > kMaxSelected) {
        std::vector<double> v;
        v.reserve(n);
        for (double y : values)
            if (std::isfinite(y)) v.push_back(y);
        for (std::size_t i = 0; i < v.size(); i += stride) abs.push_back(std::abs(v[i]));
        bulk.magnitude = quantile(abs, 0.5);
        std::tie(bulk.lo, bulk.hi) = trimSpikes(v, config);
        return bulk;
    }
    // A curve of the few thousand points a chart shows: its lowest and highest values picked
    // in one pass, without copying it. (Copying and partly ordering every curve was a third
    // of a zoom of 1,000 runs.)
    const std::size_t k = trims ? trim + 1 : 1;
    Extremes<std::less<>> low(k);
    Extremes<std::greater<>> high(k);
    std::size_t untilSample = 0;
    for (double y : values) {
        if (!std::isfinite(y)) continue;
        low.offer(y);
        high.offer(y);
        if (untilSample-- == 0) {
            abs.push_back(std::abs(y));
            untilSample = stride - 1;
        }
    }
    bulk.magnitude = quantile(abs, 0.5);
    const std::span<const double> lowest = low.ascending(), highest = high.ascending();
    if (trims)
        std::tie(bulk.lo, bulk.hi) = spikeFreeRange(lowest, highest, config);
    else
        std::tie(bulk.lo, bulk.hi) = std::pair(lowest.front(), highest.back());
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
