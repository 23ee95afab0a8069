#include "core/detectors/oscillation.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

namespace {

struct ZigZag {
    std::size_t swings = 0;
    std::size_t firstSwingAt = 0;
    double efficiency = 1.0;  ///< |last - first| / path travelled
};

// Zig-zag: the first move of at least h sets the direction (a healthy descent is one move);
// every later reversal by at least h is a swing.
ZigZag zigZag(const std::vector<double>& values, double h) {
    ZigZag z;
    int dir = 0;
    double high = values[0];
    double low = values[0];
    double extreme = values[0];
    for (std::size_t i = 1; i < values.size(); ++i) {
        const double v = values[i];
        if (dir == 0) {
            high = std::max(high, v);
            low = std::min(low, v);
            if (v <= high - h) {
                dir = -1;
                extreme = v;
            } else if (v >= low + h) {
                dir = 1;
                extreme = v;
            }
            continue;
        }
        const double move = dir > 0 ? extreme - v : v - extreme;
        if ((dir > 0 && v > extreme) || (dir < 0 && v < extreme)) {
            extreme = v;
        } else if (move >= h) {
            if (z.swings == 0) z.firstSwingAt = i;
            ++z.swings;
            dir = -dir;
            extreme = v;
        }
    }
    double travelled = 0.0;
    for (std::size_t i = 1; i < values.size(); ++i)
        travelled += std::abs(values[i] - values[i - 1]);
    z.efficiency = travelled > 0.0 ? std::abs(values.back() - values.front()) / travelled : 1.0;
    return z;
}

// The curve of a run that logged no loss: its validation metric, its training metric, or its
// only curve when that is a higher-is-better one (an RL log of episode rewards).
const Curve* metricOnlyCurve(const RunView& view) {
    if (!view.trainLoss.empty() || !view.valLoss.empty()) return nullptr;
    if (!view.valMetric.empty()) return &view.valMetric;
    if (!view.trainMetric.empty()) return &view.trainMetric;
    if (view.curves.size() != 1) return nullptr;
    const Curve& only = view.curves.front();
    return only.info().direction == Direction::HigherIsBetter ? &only : nullptr;
}

// Sustained collapses and recoveries of a metric-only curve, judged on its raw evaluations
// (a running median would smooth a one-evaluation collapse away).
std::vector<Finding> metricOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Curve* c = metricOnlyCurve(view);
    if (c == nullptr || c->finiteCount() < config.minPoints ||
        c->finiteCount() > config.maxRawPoints) {
        return out;
    }
    std::vector<double> v;
    std::vector<std::int64_t> steps;
    for (std::size_t i = 0; i < c->size(); ++i) {
        if (!std::isfinite(c->values()[i])) continue;
        v.push_back(c->values()[i]);
        steps.push_back(c->steps()[i]);
    }
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const double h = config.rawSwingShare * (*hi - *lo);
    if (!(h > 0.0)) return out;
    const ZigZag z = zigZag(v, h);
    if (z.swings < config.minRawSwings || z.efficiency > config.maxEfficiency) return out;
    const std::size_t from = z.firstSwingAt > 0 ? z.firstSwingAt - 1 : 0;
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, c->metric(),
                            steps[from], steps.back());
    f.message = c->metric() + " collapses and recovers " + std::to_string(z.swings) +
                " times by at least " + formatNumber(h) + " (range " + formatNumber(*lo) + " to " +
                formatNumber(*hi) + ") between " + describeStep(view, steps[from]) + " and " +
                describeStep(view, steps.back()) + " (net change " + formatPercent(z.efficiency) +
                " of the path travelled).";
    f.advice =
        "The policy or model is unstable: lower the learning rate, use a larger batch or "
        "replay buffer, clip gradients, and keep the best checkpoint rather than the last.";
    f.evidence["swings"] = static_cast<double>(z.swings);
    f.evidence["swing_threshold"] = h;
    f.evidence["efficiency"] = z.efficiency;
    out.push_back(std::move(f));
    return out;
}

}  // namespace

std::vector<Finding> detectOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.empty()) return metricOscillation(view, config);
    if (t.size() < config.minPoints) return out;
    const auto [lo, hi] = std::minmax_element(t.values.begin(), t.values.end());
    const double range = *hi - *lo;
    const double h = std::max(config.swingShare * range, config.noiseSigmas * t.trendNoise);
    if (!(range > 0.0) || !(h > 0.0)) return out;
    const ZigZag z = zigZag(t.values, h);
    const std::size_t swings = z.swings;
    const std::size_t firstSwingAt = z.firstSwingAt;
    const double efficiency = z.efficiency;
    if (swings < config.minSwings || efficiency > config.maxEfficiency) return out;
    const std::string& metric = view.trainLoss.metric();
    const std::size_t from = firstSwingAt > 0 ? firstSwingAt - 1 : 0;
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                            t.steps[from], t.lastSteps.back());
    f.message = metric + " swings up and down " + std::to_string(swings) + " times by at least " +
                formatNumber(h) + " (smoothed range " + formatNumber(*lo) + " to " +
                formatNumber(*hi) + ") between " + describeStep(view, t.steps[from]) + " and " +
                describeStep(view, t.lastSteps.back()) + " without a steady trend (net change " +
                formatPercent(efficiency) + " of the path travelled).";
    f.advice =
        "Lower the learning rate (or add decay), increase the batch size, and consider "
        "gradient clipping or a momentum/Adam beta closer to its default.";
    f.evidence["swings"] = static_cast<double>(swings);
    f.evidence["efficiency"] = efficiency;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
