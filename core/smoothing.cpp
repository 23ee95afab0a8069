#include "core/smoothing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace curvedoctor::core {
namespace {

constexpr double kMaxWeight = 0.999;
// The Gaussian kernel is cut where it falls below 1.1% of its peak (3 sigma): the weight left
// out is 0.27% of the total, far below what a chart can show.
constexpr double kGaussianTruncationSigmas = 3.0;

struct FiniteRange {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    bool any() const { return min <= max; }
    bool constant() const { return min == max; }
};

FiniteRange finiteRange(std::span<const double> values) {
    FiniteRange r;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        r.min = std::min(r.min, v);
        r.max = std::max(r.max, v);
    }
    return r;
}

// Every kind averages finite inputs with positive weights, so the exact result lies in
// [min, max]; rounding can push it one ulp out. Clamping removes only that rounding error.
void clampInto(std::vector<double>& out, const FiniteRange& r) {
    for (double& v : out) {
        if (std::isfinite(v)) v = std::clamp(v, r.min, r.max);
    }
}

// Shared preamble: the cases every kind returns unchanged. Returns true when `values` is
// already the answer.
bool isTrivial(std::span<const double> values, double weight, const FiniteRange& r) {
    return weight == 0.0 || !r.any() || r.constant() || values.size() < 2;
}

// A sliding-window sum and count without subtraction ("two stacks" queue aggregation): the
// window's total is the sum of a suffix total kept for the older half and a running total of
// the newer half, so a huge value that has left the window leaves no rounding residue behind.
class WindowSum {
public:
    void push(double v) {
        const bool finite = std::isfinite(v);
        m_back.push_back(finite ? v : 0.0);
        m_backCount.push_back(finite ? 1 : 0);
        m_backSum += finite ? v : 0.0;
        m_backN += finite ? 1 : 0;
    }
    void pop() {
        if (m_front.empty()) flip();
        m_front.pop_back();
        m_frontCount.pop_back();
    }
    double sum() const { return (m_front.empty() ? 0.0 : m_front.back()) + m_backSum; }
    int count() const { return (m_frontCount.empty() ? 0 : m_frontCount.back()) + m_backN; }

private:
    // Moves the newer half onto the older stack; its top (end) becomes the oldest element,
    // each entry holding the total of itself and every newer element below it.
    void flip() {
        double acc = 0.0;
        int n = 0;
        for (std::size_t i = m_back.size(); i-- > 0;) {
            acc += m_back[i];
            n += m_backCount[i];
            m_front.push_back(acc);
            m_frontCount.push_back(n);
        }
        m_back.clear();
        m_backCount.clear();
        m_backSum = 0.0;
        m_backN = 0;
    }

    std::vector<double> m_front;
    std::vector<int> m_frontCount;
    std::vector<double> m_back;
    std::vector<int> m_backCount;
    double m_backSum = 0.0;
    int m_backN = 0;
};

}  // namespace

double clampSmoothingWeight(double weight) {
    if (std::isnan(weight)) return 0.0;
    return std::clamp(weight, 0.0, kMaxWeight);
}

std::vector<double> smoothEma(std::span<const double> values, double weight) {
    const double w = clampSmoothingWeight(weight);
    std::vector<double> out(values.begin(), values.end());
    const FiniteRange range = finiteRange(values);
    if (isTrivial(values, w, range)) return out;
    // TensorBoard, webapp/widgets/line_chart_v2/data_transformer.ts classicSmoothing: the
    // average starts at 0 and is biased towards it; with every value c, after n points it is
    // c * (1 - w^n), so dividing by (1 - w^n) removes the bias. w^n is computed with pow, as
    // there, rather than by repeated multiplication, so the numbers match TensorBoard's.
    double last = 0.0;
    double n = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = values[i];
        if (!std::isfinite(y)) continue;
        last = last * w + (1.0 - w) * y;
        n += 1.0;
        out[i] = last / (1.0 - std::pow(w, n));
    }
    clampInto(out, range);
    return out;
}

std::vector<double> smoothTimeWeightedEma(std::span<const std::int64_t> steps,
                                          std::span<const double> values, double weight,
                                          double stepSpan) {
    const double w = clampSmoothingWeight(weight);
    std::vector<double> out(values.begin(), values.end());
    const FiniteRange range = finiteRange(values);
    if (isTrivial(values, w, range)) return out;
    const bool useSteps = steps.size() == values.size();
    auto stepAt = [&](std::size_t i) {
        return useSteps ? static_cast<double>(steps[i]) : static_cast<double>(i);
    };
    double span = stepSpan;
    if (!(span > 0.0) || !std::isfinite(span)) {
        double lo = stepAt(0);
        double hi = lo;
        for (std::size_t i = 1; i < values.size(); ++i) {
            lo = std::min(lo, stepAt(i));
            hi = std::max(hi, stepAt(i));
        }
        span = hi - lo;
    }
    const double unit = span > 0.0 ? span / kTimeEmaReferencePoints : 1.0;
    const double logW = std::log(w);  // w > 0 here: w == 0 returned above

    double num = 0.0;
    double den = 0.0;
    double lastStep = 0.0;
    bool started = false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = values[i];
        if (!std::isfinite(y)) continue;
        const double x = stepAt(i);
        const double decay = started ? std::exp(logW * std::max(0.0, x - lastStep) / unit) : 0.0;
        num = num * decay + y;
        den = den * decay + 1.0;
        out[i] = num / den;
        lastStep = x;
        started = true;
    }
    clampInto(out, range);
    return out;
}

int runningMeanWindow(double weight) {
    const double w = clampSmoothingWeight(weight);
    const double n = (1.0 + w) / (1.0 - w);
    return 2 * static_cast<int>(std::lround((n - 1.0) / 2.0)) + 1;
}

double gaussianSigma(double weight) {
    const double w = clampSmoothingWeight(weight);
    if (w == 0.0) return 0.0;
    return (1.0 + w) / (2.0 * std::sqrt(std::numbers::pi) * (1.0 - w));
}

std::vector<double> smoothRunningMean(std::span<const double> values, double weight) {
    const double w = clampSmoothingWeight(weight);
    std::vector<double> out(values.begin(), values.end());
    const FiniteRange range = finiteRange(values);
    const std::size_t half = static_cast<std::size_t>(runningMeanWindow(w) / 2);
    if (isTrivial(values, w, range) || half == 0) return out;
    const std::size_t n = values.size();
    WindowSum window;
    // The window of point i is [i - half, i + half] cut to [0, n).
    for (std::size_t j = 0; j < std::min(n, half + 1); ++j) window.push(values[j]);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(values[i])) out[i] = window.sum() / static_cast<double>(window.count());
        if (i + half + 1 < n) window.push(values[i + half + 1]);
        if (i >= half) window.pop();
    }
    clampInto(out, range);
    return out;
}

std::vector<double> smoothGaussian(std::span<const double> values, double weight) {
    const double w = clampSmoothingWeight(weight);
    std::vector<double> out(values.begin(), values.end());
    const FiniteRange range = finiteRange(values);
    const double sigma = gaussianSigma(w);
    if (isTrivial(values, w, range) || !(sigma > 0.0)) return out;
    const auto radius = static_cast<std::ptrdiff_t>(std::ceil(kGaussianTruncationSigmas * sigma));
    std::vector<double> kernel(static_cast<std::size_t>(radius) + 1);
    for (std::ptrdiff_t d = 0; d <= radius; ++d) {
        const double z = static_cast<double>(d) / sigma;
        kernel[static_cast<std::size_t>(d)] = std::exp(-0.5 * z * z);
    }
    const auto n = static_cast<std::ptrdiff_t>(values.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        if (!std::isfinite(values[static_cast<std::size_t>(i)])) continue;
        double num = 0.0;
        double den = 0.0;
        const std::ptrdiff_t lo = std::max<std::ptrdiff_t>(0, i - radius);
        const std::ptrdiff_t hi = std::min<std::ptrdiff_t>(n - 1, i + radius);
        for (std::ptrdiff_t j = lo; j <= hi; ++j) {
            const double y = values[static_cast<std::size_t>(j)];
            if (!std::isfinite(y)) continue;
            const double k = kernel[static_cast<std::size_t>(j > i ? j - i : i - j)];
            num += k * y;
            den += k;
        }
        out[static_cast<std::size_t>(i)] = num / den;
    }
    clampInto(out, range);
    return out;
}

std::vector<double> smooth(std::span<const std::int64_t> steps, std::span<const double> values,
                           const SmoothingConfig& config) {
    switch (config.kind) {
        case SmoothingKind::Ema: return smoothEma(values, config.weight);
        case SmoothingKind::TimeWeightedEma:
            return smoothTimeWeightedEma(steps, values, config.weight, config.stepSpan);
        case SmoothingKind::Gaussian: return smoothGaussian(values, config.weight);
        case SmoothingKind::RunningMean: return smoothRunningMean(values, config.weight);
    }
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
