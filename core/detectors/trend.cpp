#include "core/detectors/trend.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/finite.h"

namespace curvedoctor::core {
namespace {

// MAD -> standard deviation for Gaussian noise (1 / Phi^-1(3/4)); the second difference
// x[i+1] - 2x[i] + x[i-1] of independent noise has sqrt(1 + 4 + 1) = sqrt(6) times its deviation.
constexpr double kMadToSigma = 1.0 / 0.6744897501960817;
// The median of k Gaussian samples has about sqrt(pi/2) = 1.2533 times the standard error of
// their mean (large-sample efficiency of the median).
constexpr double kMedianInefficiency = 1.2533141373155001;
// Noise is estimated from at most this many differences: enough for a stable MAD (its relative
// standard error is about 1.1/sqrt(n), under 1% here) at constant cost on huge series.
constexpr std::size_t kNoiseSamples = 20000;
// Values per bin that enter its median (see makeTrend): the median of 255 values has a
// standard error of 1.25 / sqrt(255) = 8% of the noise, well below what the detectors resolve.
constexpr std::size_t kMaxBinSample = 255;

std::vector<double> runningMedian(const std::vector<double>& v, std::size_t window) {
    if (window <= 1 || v.size() < 3) return v;
    const std::size_t half = window / 2;
    std::vector<double> out(v.size());
    std::vector<double> buf;
    buf.reserve(window);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::size_t lo = i >= half ? i - half : 0;
        const std::size_t hi = std::min(v.size() - 1, i + half);
        buf.assign(v.begin() + static_cast<std::ptrdiff_t>(lo),
                   v.begin() + static_cast<std::ptrdiff_t>(hi) + 1);
        out[i] = medianInPlace(buf);
    }
    return out;
}

}  // namespace

double medianInPlace(std::vector<double>& values) {
    auto end =
        std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); });
    values.erase(end, values.end());
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid),
                     values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1) return upper;
    const double lowerMax =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return 0.5 * (lowerMax + upper);
}

namespace {

// diffNoise over `values`, of which `finite` are finite.
double diffNoiseCounted(std::span<const double> values, std::size_t finite) {
    if (finite < 4) return 0.0;
    const std::size_t stride = std::max<std::size_t>(1, finite / kNoiseSamples);
    std::vector<double> diffs;
    diffs.reserve(std::min(finite, kNoiseSamples + 1));
    if (finite == values.size()) {
        // Every value is finite: the k-th finite value is values[k], so only the sampled
        // differences are read.
        const std::size_t first = std::max<std::size_t>(2, stride);
        const std::size_t start = (first + stride - 1) / stride * stride;
        for (std::size_t k = start; k < values.size(); k += stride) {
            diffs.push_back(std::abs(values[k] - 2.0 * values[k - 1] + values[k - 2]));
        }
    } else {
        double a = std::numeric_limits<double>::quiet_NaN();
        double b = a;
        std::size_t k = 0;
        for (double v : values) {
            if (!isFiniteValue(v)) continue;
            if (k >= 2 && k % stride == 0) diffs.push_back(std::abs(v - 2.0 * b + a));
            a = b;
            b = v;
            ++k;
        }
    }
    const double mad = medianInPlace(diffs);
    return std::isfinite(mad) ? mad * kMadToSigma / std::sqrt(6.0) : 0.0;
}

}  // namespace

double diffNoise(std::span<const double> values) {
    return diffNoiseCounted(values, countFinite(values));
}

double kendallTau(std::span<const double> values) {
    const std::size_t n = values.size();
    if (n < 2) return 0.0;
    long long score = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j)
            score += (values[j] > values[i]) - (values[j] < values[i]);
    }
    const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2.0;
    return static_cast<double>(score) / pairs;
}

std::size_t Trend::argMin() const {
    return values.empty() ? 0
                          : static_cast<std::size_t>(
                                std::min_element(values.begin(), values.end()) - values.begin());
}

std::size_t Trend::argMax() const {
    return values.empty() ? 0
                          : static_cast<std::size_t>(
                                std::max_element(values.begin(), values.end()) - values.begin());
}

std::size_t Trend::indexAtOrAfter(std::int64_t step) const {
    return static_cast<std::size_t>(std::lower_bound(steps.begin(), steps.end(), step) -
                                    steps.begin());
}

double Trend::valueAt(std::int64_t step) const {
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    if (step <= steps.front()) return values.front();
    if (step >= steps.back()) return values.back();
    const std::size_t i = indexAtOrAfter(step);
    if (steps[i] == step) return values[i];
    const double t =
        static_cast<double>(step - steps[i - 1]) / static_cast<double>(steps[i] - steps[i - 1]);
    return values[i - 1] + t * (values[i] - values[i - 1]);
}

Trend makeTrend(std::span<const std::int64_t> steps, std::span<const double> values,
                std::size_t maxPoints) {
    const std::size_t n = std::min(steps.size(), values.size());
    return makeTrendCounted(steps.subspan(0, n), values.subspan(0, n),
                            countFinite(values.subspan(0, n)), maxPoints);
}

Trend makeTrendCounted(std::span<const std::int64_t> steps, std::span<const double> values,
                       std::size_t finite, std::size_t maxPoints) {
    Trend t;
    const std::size_t n = std::min(steps.size(), values.size());
    if (finite == 0) return t;
    t.rawPoints = finite;
    maxPoints = std::max<std::size_t>(1, maxPoints);
    const std::size_t binSize = (finite + maxPoints - 1) / maxPoints;

    // The median of a large bin is taken over an evenly spaced sample of at most
    // kMaxBinSample of its values: as robust, and linear in the series with a small constant.
    const std::size_t sampleStride = (binSize + kMaxBinSample - 1) / kMaxBinSample;
    // Bins hold consecutive finite values: all of them binSize long but the last, which holds
    // the rest (1 to binSize values).
    const std::size_t binCount = (finite + binSize - 1) / binSize;
    std::vector<double> bins;
    bins.reserve(binCount);
    t.steps.reserve(binCount);
    t.firstSteps.reserve(binCount);
    t.lastSteps.reserve(binCount);
    std::vector<double> scratch;
    scratch.reserve(binSize / sampleStride + 1);
    auto closeBin = [&](std::int64_t first, std::int64_t middle, std::int64_t last) {
        t.steps.push_back(middle);
        t.firstSteps.push_back(first);
        t.lastSteps.push_back(last);
        bins.push_back(medianInPlace(scratch));
        scratch.clear();
    };
    if (finite == n) {
        // Every value is finite: a bin is an index range and only its sample is read.
        for (std::size_t b = 0; b < binCount; ++b) {
            const std::size_t begin = b * binSize;
            const std::size_t size = std::min(binSize, n - begin);
            for (std::size_t j = 0; j < size; j += sampleStride)
                scratch.push_back(values[begin + j]);
            closeBin(steps[begin], steps[begin + size / 2], steps[begin + size - 1]);
        }
    } else {
        const std::size_t lastBinSize = finite - (binCount - 1) * binSize;
        std::size_t inBin = 0;
        std::size_t bin = 0;
        std::int64_t firstStep = 0;
        std::int64_t middleStep = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!isFiniteValue(values[i])) continue;
            const std::size_t size = bin + 1 == binCount ? lastBinSize : binSize;
            if (inBin == 0) firstStep = steps[i];
            if (inBin == size / 2) middleStep = steps[i];
            if (inBin % sampleStride == 0) scratch.push_back(values[i]);
            if (++inBin == size) {
                closeBin(firstStep, middleStep, steps[i]);
                inBin = 0;
                ++bin;
            }
        }
    }

    // About 4% of the curve on each side: wide enough to drop an isolated bad epoch or batch,
    // narrow enough to keep the shape of a 10-epoch run (window 3).
    std::size_t window = 1;
    if (bins.size() >= 5) {
        window = std::max<std::size_t>(3, bins.size() / 25);
        if (window % 2 == 0) ++window;
    }
    t.values = runningMedian(bins, window);
    t.noise = diffNoiseCounted(values.subspan(0, n), finite);
    const std::size_t sampled = (binSize + sampleStride - 1) / sampleStride;
    t.trendNoise = t.noise * kMedianInefficiency / std::sqrt(static_cast<double>(sampled * window));
    const std::size_t fineWindow = std::min<std::size_t>(window, 3);
    t.fineValues = fineWindow == window ? t.values : runningMedian(bins, fineWindow);
    t.fineTrendNoise =
        t.noise * kMedianInefficiency / std::sqrt(static_cast<double>(sampled * fineWindow));
    return t;
}

}  // namespace curvedoctor::core
