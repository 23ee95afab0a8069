#include "ui/chart/y_range.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <tuple>
#include <utility>

#include "core/parallel_for.h"
#include "core/plot/value_scan.h"

namespace curvedoctor::ui {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The bulk of curves: from the lower quartile of their bottoms to the upper quartile of their
// tops, so that up to a quarter of the runs (a sweep's diverging ones are a tenth) can reach
// past it without moving it.
constexpr double kBulkQuantile = 0.75;

// The rank of quantile q (0..1) among n values: the nearest rank below.
std::size_t rankOf(double q, std::size_t n) {
    const auto size = static_cast<double>(n);
    return static_cast<std::size_t>(std::clamp(std::floor(q * size), 0.0, size - 1.0));
}

// The value at nearest rank q (0..1) of finite values: the element a full sort would put
// there, found in linear time. Reorders `v`.
double quantile(std::vector<double>& v, double q) {
    const std::size_t k = rankOf(q, v.size());
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

// Values of a curve whose lowest and highest ones the spike trim reads from a threshold pass
// (lowestAndHighest) rather than from partial orders of all of them.
constexpr std::size_t kThresholdSample = 128;

// The `count` lowest values of `v` (a multiset: what a full sort puts first), in order, into
// `low`, and the `count` highest, in order, into `high`; `count` is below v.size() / 2. A
// chart refits on every zoom over thousands of curves, so the values are not put in order:
// a sample of them sets a threshold on each side, one pass keeps the values beyond it, and
// only those are ordered (two partial orders of a 2,000-value curve cost several times the
// pass). A threshold that keeps fewer than `count` (a sample unlike the rest) falls back to
// partial orders of all values.
template <typename T>
void lowestAndHighest(std::span<const T> v, std::size_t count, std::vector<double>& low,
                      std::vector<double>& high) {
    const std::size_t n = v.size();
    const std::size_t stride = std::max<std::size_t>(1, n / kThresholdSample);
    std::vector<double> sample;
    sample.reserve(n / stride + 1);
    for (std::size_t i = 0; i < n; i += stride) sample.push_back(static_cast<double>(v[i]));
    // About twice the sample's share of `count`, and a few more: rarely too few.
    const std::size_t rank = std::min(sample.size() - 1, 2 * count / stride + 2);
    const auto at = [](std::vector<double>& w, std::size_t k) {
        return w.begin() + static_cast<long>(k);
    };
    std::nth_element(sample.begin(), at(sample, rank), sample.end());
    const double lowBelow = sample[rank];
    std::nth_element(sample.begin(), at(sample, sample.size() - 1 - rank), sample.end());
    const double highAbove = sample[sample.size() - 1 - rank];
    low.clear();
    high.clear();
    for (const T value : v) {
        const auto y = static_cast<double>(value);
        if (y <= lowBelow) low.push_back(y);
        if (y >= highAbove) high.push_back(y);
    }
    if (low.size() < count || high.size() < count) {
        low.assign(v.begin(), v.end());
        high.assign(v.begin(), v.end());
    }
    std::nth_element(low.begin(), at(low, count - 1), low.end());
    low.resize(count);
    std::sort(low.begin(), low.end());
    std::nth_element(high.begin(), at(high, high.size() - count), high.end());
    high.erase(high.begin(), at(high, high.size() - count));
    std::sort(high.begin(), high.end());
}

// What plainRange leaves to the full trim (see there): a span this small next to the values'
// magnitude, where rounding the thresholds could matter; and its margin on the thresholds.
constexpr double kPlainMinSpan = 1e-6;
constexpr double kPlainMargin = 1e-6;

// The values' range {min, max} when trimSpikes finds no spike at either end, told by two
// vectorised passes instead of ordering the ends (nearly every curve of a sweep, on every
// zoom); nullopt when it cannot tell. trimSpikes' test at the top finds a gap between the
// k-th and (k+1)-th highest values (k < trim) when (high[k+1] - min) > (1 + g) (high[k] - min),
// g = spikeGap; these ratios multiply up to (max - min) / (high[0] - min), high[0] being the
// (trim+1)-th highest value. So when at least trim + 1 values reach min + (max - min) / (1 + g),
// no ratio can exceed 1 + g: no gap. Likewise at the bottom, with max. A margin far above
// double rounding (the thresholds round by 2e-16 of the magnitude, at most 2e-10 of the span
// given kPlainMinSpan) keeps the answer the one the full trim computes.
template <typename T>
std::optional<std::pair<double, double>> plainRange(std::span<const T> v, std::size_t trim,
                                                    const YFitConfig& config) {
    const auto [mn, mx] = core::finiteMinMax(v);
    const double span = mx - mn;
    if (span == 0.0) return std::pair{mn, mx};  // every gap is 0, none is wider than 0
    if (!(config.spikeGap > 0.0) || !(span >= kPlainMinSpan * std::max(std::abs(mn), std::abs(mx))))
        return std::nullopt;
    const double share = span / (1.0 + config.spikeGap) * (1.0 + kPlainMargin);
    const double top = mn + share, bottom = mx - share;
    const auto [below, above] = core::countBeyond(v, bottom, top);
    if (above > trim && below > trim) return std::pair{mn, mx};
    return std::nullopt;
}

// The values' range without a few values set apart by a wide gap at either end. Only the
// `trim` + 1 lowest and highest values are looked at (lowestAndHighest).
template <typename T>
std::pair<double, double> trimSpikes(std::span<const T> v, const YFitConfig& config) {
    const std::size_t n = v.size();
    const auto trim = static_cast<std::size_t>(config.maxTrim * static_cast<double>(n));
    if (!(trim > 0 && n > 2 * trim + 1)) {
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        return {static_cast<double>(*lo), static_cast<double>(*hi)};
    }
    if (const auto plain = plainRange(v, trim, config)) return *plain;
    // low[k] is what a full sort puts at k, high[k] what it puts at n - 1 - trim + k.
    std::vector<double> low, high;
    lowestAndHighest(v, trim + 1, low, high);
    std::size_t top = trim, bottom = 0;  // in high, in low
    // The lowest gap among the top `trim` values that dwarfs everything below it: the values
    // above it are spikes (however many of them sit close together up there).
    for (std::size_t k = 0; k < trim; ++k)
        if (high[k + 1] - high[k] > config.spikeGap * (high[k] - low[0])) {
            top = k;
            break;
        }
    // Likewise at the bottom: the highest such gap among the lowest `trim` values.
    for (std::size_t k = trim; k-- > 0;)
        if (low[k + 1] - low[k] > config.spikeGap * (high[top] - low[k + 1])) {
            bottom = k + 1;
            break;
        }
    return {low[bottom], high[top]};
}

// Per curve: fitted out as a whole, its typical magnitude far off the others'.
std::vector<bool> scaleOutliers(const std::vector<CurveBulk>& bulks, const YFitConfig& config) {
    std::vector<bool> outlier(bulks.size(), false);
    std::vector<double> magnitudes;
    for (const CurveBulk& b : bulks)
        if (b.present) magnitudes.push_back(b.magnitude);
    const int present = static_cast<int>(magnitudes.size());
    const double typical = magnitudes.empty() ? 0.0 : quantile(magnitudes, 0.5);
    if (!(config.allowOutliers && present >= kMinCurvesForOutliers && typical > 0.0))
        return outlier;
    int out = 0;
    for (const CurveBulk& b : bulks)
        if (b.present && b.magnitude > config.outlierFactor * typical) ++out;
    if (2 * out < present)
        for (std::size_t i = 0; i < bulks.size(); ++i)
            outlier[i] = bulks[i].present && bulks[i].magnitude > config.outlierFactor * typical;
    return outlier;
}

// The fences over the curves not fitted out. The span is at least the bulk's magnitude, so a
// bulk of flat curves (a constant learning rate) does not make a 2x one a tail.
YFences fencesOf(const std::vector<CurveBulk>& bulks, const std::vector<bool>& outlier,
                 const YFitConfig& config) {
    std::vector<double> tops, bottoms;
    for (std::size_t i = 0; i < bulks.size(); ++i)
        if (bulks[i].present && !outlier[i]) {
            tops.push_back(bulks[i].hi);
            bottoms.push_back(bulks[i].lo);
        }
    const int runs = config.runs > 0 ? config.runs : static_cast<int>(tops.size());
    if (!config.fitBulkOfRuns || runs < kMinRunsForBulk || tops.empty()) return {};
    const double highest = *std::max_element(tops.begin(), tops.end());
    const double lowest = *std::min_element(bottoms.begin(), bottoms.end());
    const double top = quantile(tops, kBulkQuantile);
    const double bottom = quantile(bottoms, 1.0 - kBulkQuantile);
    const double span = std::max({top - bottom, std::abs(top), std::abs(bottom)});
    YFences fences;
    if (!(span > 0.0)) return fences;
    if (lowest < bottom - config.tailFactor * span) fences.lo = bottom - config.fenceFactor * span;
    if (highest > top + config.tailFactor * span) fences.hi = top + config.fenceFactor * span;
    return fences;
}

// The finite values, as doubles (a raw curve may be stored as float32, core/value_column.h).
std::vector<double> finiteValues(core::ValueSpan values) {
    std::vector<double> v;
    v.reserve(values.size());
    values.visit([&](auto s) {
        for (const auto y : s)
            if (std::isfinite(y)) v.push_back(static_cast<double>(y));
    });
    return v;
}

// curveBulk of finite values `v`.
template <typename T>
CurveBulk bulkOfFinite(std::span<const T> v, const YFitConfig& config) {
    if (v.empty()) return {};
    const std::size_t stride = (v.size() + kMagnitudeSample - 1) / kMagnitudeSample;
    std::vector<double> abs;
    abs.reserve(v.size() / stride + 1);
    for (std::size_t i = 0; i < v.size(); i += stride)
        abs.push_back(std::abs(static_cast<double>(v[i])));
    CurveBulk bulk;
    bulk.magnitude = quantile(abs, 0.5);
    std::tie(bulk.lo, bulk.hi) = trimSpikes(v, config);
    bulk.present = true;
    return bulk;
}

}  // namespace

CurveBulk curveBulk(core::ValueSpan values, const YFitConfig& config) {
    // Read in place when every value is finite (a zoom refits thousands of curves: the copy
    // was a quarter of the fit's time), else from a copy of the finite ones, as doubles.
    return values.visit([&](auto s) {
        if (core::allFinite(s)) return bulkOfFinite(s, config);
        const std::vector<double> v = finiteValues(values);
        return bulkOfFinite(std::span<const double>(v), config);
    });
}

void addKeptShares(CurveBulk& bulk, core::ValueSpan values, const YFitConfig& config) {
    std::vector<double> v = finiteValues(values);
    if (v.empty()) return;
    // The higher rank's value is at or above the lower one's, so it is found among the values
    // the first partial order put after it.
    const std::size_t low = rankOf(config.keepShare, v.size());
    const std::size_t high = std::max(low, rankOf(1.0 - config.keepShare, v.size()));
    const auto at = [&](std::size_t k) { return v.begin() + static_cast<long>(k); };
    std::nth_element(v.begin(), at(low), v.end());
    bulk.lowKeep = v[low];
    if (high > low) std::nth_element(at(low + 1), at(high), v.end());
    bulk.highKeep = v[high];
    bulk.hasKeeps = true;
}

YFences bulkFences(const std::vector<CurveBulk>& bulks, const YFitConfig& config) {
    return fencesOf(bulks, scaleOutliers(bulks, config), config);
}

YFit fitYRange(const std::vector<std::vector<double>>& curves, const YFitConfig& config) {
    std::vector<CurveBulk> bulks(curves.size());
    const std::size_t threads = curves.size() > 64 ? 0 : 1;
    core::parallelFor(curves.size(), threads,
                      [&](std::size_t i) { bulks[i] = curveBulk(curves[i], config); });
    const YFences fences = bulkFences(bulks, config);
    core::parallelFor(curves.size(), threads, [&](std::size_t i) {
        if (fences.clips(bulks[i])) addKeptShares(bulks[i], curves[i], config);
    });
    return fitBulks(bulks, config);
}

YFit fitBulks(const std::vector<CurveBulk>& bulks, const YFitConfig& config) {
    YFit fit;
    fit.outlier = scaleOutliers(bulks, config);
    fit.clipped.assign(bulks.size(), false);
    // A curve reaching past a fence keeps a share of its values in view: the axis reaches its
    // lowKeep (clipped at the top), its highKeep (at the bottom), or both (its middle values).
    const YFences fences = fencesOf(bulks, fit.outlier, config);
    fit.lo = kInf;
    fit.hi = -kInf;
    for (std::size_t i = 0; i < bulks.size(); ++i) {
        const CurveBulk& b = bulks[i];
        if (!b.present || fit.outlier[i]) continue;
        const bool top = b.hasKeeps && b.hi > fences.hi, bottom = b.hasKeeps && b.lo < fences.lo;
        fit.lo = std::min(fit.lo, !bottom ? b.lo : top ? b.lowKeep : b.highKeep);
        fit.hi = std::max(fit.hi, !top ? b.hi : bottom ? b.highKeep : b.lowKeep);
    }
    fit.valid = std::isfinite(fit.lo) && std::isfinite(fit.hi);
    if (fit.valid && config.includeZero) {
        fit.lo = std::min(fit.lo, 0.0);
        fit.hi = std::max(fit.hi, 0.0);
    }
    if (fit.valid)
        for (std::size_t i = 0; i < bulks.size(); ++i)
            fit.clipped[i] = bulks[i].present && !fit.outlier[i] &&
                             (bulks[i].hi > fit.hi || bulks[i].lo < fit.lo);
    return fit;
}

}  // namespace curvedoctor::ui
