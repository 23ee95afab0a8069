#include "core/detectors/not_learning.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

std::vector<Finding> detectNotLearning(const RunView& view, const NotLearningConfig& config) {
    std::vector<Finding> out;
    const bool useTrain = !view.trainTrend.empty();
    const Trend& t = useTrain ? view.trainTrend : view.valTrend;
    const Curve& curve = useTrain ? view.trainLoss : view.valLoss;
    if (t.rawPoints < config.minPoints || t.size() < 3) return out;
    const std::int64_t firstStep = t.firstSteps.front();
    const std::int64_t lastStep = t.lastSteps.back();
    if (lastStep <= firstStep ||
        static_cast<double>(firstStep) >
            config.maxStartShare * static_cast<double>(std::max<std::int64_t>(lastStep, 1))) {
        return out;
    }
    const double first = t.front();
    const double scale = std::abs(first);
    if (!(scale > 0.0)) return out;
    const double minimum = *std::min_element(t.values.begin(), t.values.end());
    const double drop = first - minimum;
    if (drop > config.maxRelativeDrop * scale) return out;
    // A loss that climbs is gradient ascent or divergence, reported by divergence.h.
    if (t.back() - first > config.maxRelativeDrop * scale) return out;

    Finding f = makeFinding(view, "not_learning", Severity::Error, curve.metric(), firstStep,
                            lastStep);
    f.message = curve.metric() + " stays flat from " + describeStep(view, firstStep) + " to " +
                describeStep(view, lastStep) + ": it starts at " + formatNumber(first) +
                " and never improves by more than " + formatNumber(drop) + " (" +
                formatPercent(drop / scale) + ")";
    const Trend& m = view.valMetricTrend;
    if (m.size() >= 3) {
        const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.end());
        f.message += "; " + view.valMetric.metric() + " stays between " + formatNumber(*lo) +
                     " and " + formatNumber(*hi);
        f.evidence["metric_range"] = *hi - *lo;
    }
    f.message += ".";
    f.advice = "Check the learning rate is not zero or far too low, that the weights are not "
               "frozen (requires_grad, optimizer given the right parameters), that labels match "
               "their inputs, and that the loss fits the task (e.g. cross-entropy on logits).";
    f.evidence["first_value"] = first;
    f.evidence["improvement"] = drop;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
