#include "core/smoothing.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace curvedoctor::core {
namespace {

constexpr double kMaxWeight = 0.999;
// The Gaussian kernel is cut where it falls below 1.1% of its peak (3 sigma): the weight left
// out is 0.27% of the total, far below what a chart can show.
constexpr double kGaussianTruncationSigmas = 3.0;
// Above this sigma (weight > 0.91) the Gaussian is four box passes of about the same variance:
// O(n) for any width instead of O(n * sigma). Measured for sigma 6 to 564 (numpy, convolving
// the boxes): standard deviation within 1% of sigma, kernel within 5% of the Gaussian's peak,
// support about +-3.3 sigma. Below it the exact kernel is cheap (at most 37 taps).
constexpr double kDirectGaussianMaxSigma = 6.0;

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

// Sliding-window sums of two parallel series without subtraction ("two stacks" queue
// aggregation): the window's total is a suffix total kept for its older part plus a running
// total of its newer part, so a huge value that has left the window (an exploding loss) leaves
// no rounding residue behind. Amortised O(1) per push/pop.
class WindowSum {
public:
    void push(double a, double b) {
        m_back.push_back({a, b});
        m_backTotal.a += a;
        m_backTotal.b += b;
    }
    void pop() {
        if (m_front.empty()) flip();
        m_front.pop_back();
    }
    double sumA() const { return (m_front.empty() ? 0.0 : m_front.back().a) + m_backTotal.a; }
    double sumB() const { return (m_front.empty() ? 0.0 : m_front.back().b) + m_backTotal.b; }

private:
    struct Pair {
        double a = 0.0;
        double b = 0.0;
    };
    // Moves the newer part onto the older stack; its top (end) becomes the oldest element,
    // each entry holding the total of itself and every newer element below it.
    void flip() {
        Pair acc;
        for (std::size_t i = m_back.size(); i-- > 0;) {
            acc.a += m_back[i].a;
            acc.b += m_back[i].b;
            m_front.push_back(acc);
        }
        m_back.clear();
        m_backTotal = {};
    }

    std::vector<Pair> m_front;
    std::vector<Pair> m_back;
    Pair m_backTotal;
};

// One centred box pass of half-width `half` over (num, den), zero outside [0, n).
void boxPass(std::vector<double>& num, std::vector<double>& den, std::size_t half) {
    const std::size_t n = num.size();
    std::vector<double> outNum(n);
    std::vector<double> outDen(n);
    WindowSum window;
    for (std::size_t j = 0; j < std::min(n, half + 1); ++j) window.push(num[j], den[j]);
    for (std::size_t i = 0; i < n; ++i) {
        outNum[i] = window.sumA();
        outDen[i] = window.sumB();
        if (i + half + 1 < n) window.push(num[i + half + 1], den[i + half + 1]);
        if (i >= half) window.pop();
    }
    num.swap(outNum);
    den.swap(outDen);
}

// Normalised convolution: the numerator carries the finite values (0 elsewhere), the
// denominator 1 for finite points (0 elsewhere); after the passes their ratio is the
// kernel-weighted mean of the finite points in reach, renormalised at the edges and gaps.
struct Normalised {
    std::vector<double> num;
    std::vector<double> den;
};

Normalised normalisedInput(std::span<const double> values) {
    Normalised nd{std::vector<double>(values.size()), std::vector<double>(values.size())};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const bool finite = std::isfinite(values[i]);
        nd.num[i] = finite ? values[i] : 0.0;
        nd.den[i] = finite ? 1.0 : 0.0;
    }
    return nd;
}

void writeRatio(const Normalised& nd, std::vector<double>& out) {
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (std::isfinite(out[i])) out[i] = nd.num[i] / nd.den[i];
    }
}

// Half-widths of four box passes whose combined variance is closest to sigma^2 (Kovesi, "Fast
// almost-Gaussian filtering", 2010): odd widths wl and wl + 2, as many of each as that takes.
constexpr int kBoxPasses = 4;
std::array<std::size_t, kBoxPasses> boxHalfWidths(double sigma) {
    const double variance = 12.0 * sigma * sigma;  // 12 sigma^2, as in the paper's formulas
    const double ideal = std::sqrt(variance / kBoxPasses + 1.0);
    int wl = static_cast<int>(std::floor(ideal));
    if (wl % 2 == 0) --wl;
    const double m = (variance - kBoxPasses * wl * wl - 4.0 * kBoxPasses * wl - 3.0 * kBoxPasses) /
                     (-4.0 * wl - 4.0);
    const long lowerPasses = std::lround(m);
    std::array<std::size_t, kBoxPasses> halves{};
    for (int p = 0; p < kBoxPasses; ++p) {
        const int width = p < lowerPasses ? wl : wl + 2;
        halves[static_cast<std::size_t>(p)] = static_cast<std::size_t>(width / 2);
    }
    return halves;
}

}  // namespace

double clampSmoothingWeight(double weight) {
    if (std::isnan(weight)) return 0.0;
    return std::clamp(weight, 0.0, kMaxWeight);
}

std::vector<double> smoothEma(std::span<const double> values, double weight) {
    EmaState state;
    return smoothEma(values, weight, state);
}

std::vector<double> smoothEma(std::span<const double> values, double weight, EmaState& state) {
    const double w = clampSmoothingWeight(weight);
    const FiniteRange range = finiteRange(values);
    state = EmaState{};
    if (isTrivial(values, w, range)) return std::vector<double>(values.begin(), values.end());
    // TensorBoard, webapp/widgets/line_chart_v2/data_transformer.ts classicSmoothing: the
    // average starts at 0 and is biased towards it; with every value c, after n points it is
    // c * (1 - w^n), so dividing by (1 - w^n) removes the bias. w^n is computed with pow, as
    // there, rather than by repeated multiplication, so the numbers match TensorBoard's.
    // Once 1 - w^n rounds to exactly 1 it stays 1 (w^n only shrinks), so pow is skipped from
    // there on without changing a bit of the result.
    // One pass writes the output (no copy of the input first, and clampInto's clamp done
    // here): on a million points the passes over fresh memory are most of the cost.
    std::vector<double> out;
    out.reserve(values.size());
    state.valid = true;
    state.min = range.min;
    state.max = range.max;
    continueEma(values, w, state, out);
    return out;
}

void continueEma(std::span<const double> appended, double weight, EmaState& state,
                 std::vector<double>& out) {
    const double w = clampSmoothingWeight(weight);
    for (const double y : appended) {
        if (std::isfinite(y)) {
            state.min = std::min(state.min, y);
            state.max = std::max(state.max, y);
        }
    }
    double last = state.last;
    double n = state.n;
    double debias = state.debias;
    for (const double y : appended) {
        if (!std::isfinite(y)) {
            out.push_back(y);
            continue;
        }
        last = last * w + (1.0 - w) * y;
        n += 1.0;
        if (debias != 1.0) debias = 1.0 - std::pow(w, n);
        const double v = last / debias;
        out.push_back(std::isfinite(v) ? std::clamp(v, state.min, state.max) : v);
    }
    state.last = last;
    state.n = n;
    state.debias = debias;
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
    const auto half = static_cast<std::size_t>(runningMeanWindow(w) / 2);
    if (isTrivial(values, w, range) || half == 0) return out;
    Normalised nd = normalisedInput(values);
    boxPass(nd.num, nd.den, half);
    writeRatio(nd, out);
    clampInto(out, range);
    return out;
}

std::vector<double> smoothGaussian(std::span<const double> values, double weight) {
    const double w = clampSmoothingWeight(weight);
    std::vector<double> out(values.begin(), values.end());
    const FiniteRange range = finiteRange(values);
    const double sigma = gaussianSigma(w);
    if (isTrivial(values, w, range) || !(sigma > 0.0)) return out;
    if (sigma > kDirectGaussianMaxSigma) {
        Normalised nd = normalisedInput(values);
        for (std::size_t half : boxHalfWidths(sigma)) boxPass(nd.num, nd.den, half);
        writeRatio(nd, out);
        clampInto(out, range);
        return out;
    }
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
        case SmoothingKind::Ema:
            return smoothEma(values, config.weight);
        case SmoothingKind::TimeWeightedEma:
            return smoothTimeWeightedEma(steps, values, config.weight, config.stepSpan);
        case SmoothingKind::Gaussian:
            return smoothGaussian(values, config.weight);
        case SmoothingKind::RunningMean:
            return smoothRunningMean(values, config.weight);
    }
    return smoothEma(values, config.weight);
}

std::string_view toString(SmoothingKind kind) {
    switch (kind) {
        case SmoothingKind::Ema:
            return "ema";
        case SmoothingKind::TimeWeightedEma:
            return "time_ema";
        case SmoothingKind::Gaussian:
            return "gaussian";
        case SmoothingKind::RunningMean:
            return "running_mean";
    }
    return "ema";
}

}  // namespace curvedoctor::core
