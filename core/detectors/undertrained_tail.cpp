#include "core/detectors/undertrained_tail.h"

#include <algorithm>
#include <vector>

namespace curvedoctor::core::undertrained {
namespace {
constexpr std::size_t kMaxTauPoints = 64;
}  // namespace

std::optional<double> windowSlope(const Curve& c, std::int64_t from, std::int64_t to, double sign) {
    const auto steps = c.steps();
    const auto values = c.values();
    double n = 0.0;
    double mx = 0.0;
    double my = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (steps[i] < from || steps[i] > to || !std::isfinite(values[i])) continue;
        n += 1.0;
        mx += static_cast<double>(steps[i]);
        my += sign * values[i];
    }
    if (n < static_cast<double>(kMinTailPoints)) return std::nullopt;
    mx /= n;
    my /= n;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (steps[i] < from || steps[i] > to || !std::isfinite(values[i])) continue;
        const double dx = static_cast<double>(steps[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (sign * values[i] - my);
    }
    if (!(sxx > 0.0)) return std::nullopt;
    return -sxy / sxx;
}

TailSlope tailSlope(const Curve& c, const Trend& t, double tailShare, double sign) {
    TailSlope r;
    const auto steps = c.steps();
    const auto values = c.values();
    const double span = static_cast<double>(steps.back() - steps.front());
    if (!(span > 0.0)) return r;
    r.tailStart = steps.back() - static_cast<std::int64_t>(tailShare * span);
    // The tail as an index range (no copy): back from the end until it holds the steps from
    // tailStart on and at least kMinTailPoints finite points.
    std::size_t first = c.size();
    std::size_t count = 0;
    const bool allFinite = c.finiteCount() == c.size();
    if (allFinite) {
        // Every value finite: the same range by binary search over the sorted steps.
        const auto from = static_cast<std::size_t>(
            std::lower_bound(steps.begin(), steps.end(), r.tailStart) - steps.begin());
        first = std::min(from, std::max(c.size(), kMinTailPoints) - kMinTailPoints);
        count = c.size() - first;
    }
    for (std::size_t i = allFinite ? 0 : c.size(); i-- > 0;) {
        if (!std::isfinite(values[i])) continue;
        if (steps[i] < r.tailStart && count >= kMinTailPoints) break;
        first = i;
        ++count;
    }
    if (count < kMinTailPoints) return r;
    r.tailStart = steps[first];
    std::size_t lastFinite = c.size() - 1;
    while (!std::isfinite(values[lastFinite])) --lastFinite;
    const double tailSpan = static_cast<double>(steps[lastFinite] - steps[first]);
    if (!(tailSpan > 0.0)) return r;
    r.tailShare = tailSpan / span;
    const double n = static_cast<double>(count);
    double mx = 0.0;
    double my = 0.0;
    for (std::size_t i = first; i < c.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        mx += static_cast<double>(steps[i]);
        my += sign * values[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = first; i < c.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        const double dx = static_cast<double>(steps[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (sign * values[i] - my);
    }
    if (!(sxx > 0.0)) return r;
    const double slope = -sxy / sxx;  // positive while improving
    r.slope = slope;
    r.span = span;
    r.end = my - slope * (static_cast<double>(steps[lastFinite]) - mx);
    // The improvement from the worst point before the best one: a loss that rises during
    // warm-up first (hf_trainer_09 in ../shared/realworld: 2.15 -> 2.5, then a steady fall to
    // 2.27) has learnt from its peak, not from its first logged value.
    double best = sign * t.front();
    double worst = best;
    double worstBeforeBest = best;
    for (double v : t.values) {
        worst = std::max(worst, sign * v);
        if (sign * v < best) {
            best = sign * v;
            worstBeforeBest = worst;
        }
    }
    const double improvement = worstBeforeBest - best;
    if (!(improvement > 0.0)) return r;
    const double average = improvement / span;
    r.tailDrop = slope * tailSpan;
    r.ratio = slope / average;
    // Standard error of the slope from the raw noise: sigma / sqrt(Sxx).
    const double se = t.noise / std::sqrt(sxx) * tailSpan;
    r.significance = se > 0.0 ? r.tailDrop / se : (r.tailDrop > 0.0 ? 1e9 : 0.0);
    r.ok = true;
    return r;
}

double kendallTau(const Curve& c, std::int64_t from) {
    std::vector<double> v;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.steps()[i] >= from && std::isfinite(c.values()[i])) v.push_back(c.values()[i]);
    }
    if (v.size() > kMaxTauPoints) {
        std::vector<double> even(kMaxTauPoints);
        for (std::size_t i = 0; i < kMaxTauPoints; ++i)
            even[i] = v[i * (v.size() - 1) / (kMaxTauPoints - 1)];
        v = std::move(even);
    }
    return v.size() < 5 ? 0.0 : core::kendallTau(v);
}
bool metricKeepsUp(const RunView& view, std::int64_t half) {
    const Curve& m = view.valMetric;
    std::vector<double> first;
    std::vector<double> second;
    for (std::size_t i = 0; i < m.size(); ++i) {
        if (!std::isfinite(m.values()[i])) continue;
        (m.steps()[i] < half ? first : second).push_back(m.values()[i]);
    }
    if (first.empty() || second.empty()) return true;
    const double sign = m.info().direction == Direction::HigherIsBetter ? 1.0 : -1.0;
    return sign * (medianInPlace(second) - medianInPlace(first)) > 0.0;
}

Curve epochLevel(const RunView& view) {
    if (!view.trainLossEpoch.empty()) return view.trainLossEpoch.alias();
    if (view.trainLoss.finiteCount() > 2 * view.valLoss.finiteCount()) {
        return meanPerEvaluation(view.trainLoss, view.valLoss);
    }
    return {};
}

}  // namespace curvedoctor::core::undertrained
