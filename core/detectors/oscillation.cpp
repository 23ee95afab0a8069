#include "core/detectors/oscillation.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

std::vector<Finding> detectOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.size() < config.minPoints) return out;
    const auto [lo, hi] = std::minmax_element(t.values.begin(), t.values.end());
    const double range = *hi - *lo;
    const double h = std::max(config.swingShare * range, config.noiseSigmas * t.trendNoise);
    if (!(range > 0.0) || !(h > 0.0)) return out;
    // Zig-zag: the first move of at least h sets the direction (a healthy descent is one move);
    // every later reversal by at least h is a swing.
    std::size_t swings = 0;
    int dir = 0;
    double high = t.values[0];
    double low = t.values[0];
    double extreme = t.values[0];
    std::size_t firstSwingAt = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        const double v = t.values[i];
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
            if (swings == 0) firstSwingAt = i;
            ++swings;
            dir = -dir;
            extreme = v;
        }
    }
    double travelled = 0.0;
    for (std::size_t i = 1; i < t.size(); ++i) travelled += std::abs(t.values[i] - t.values[i - 1]);
    const double efficiency = travelled > 0.0 ? std::abs(t.back() - t.front()) / travelled : 1.0;
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
