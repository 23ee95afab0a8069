#include "core/detectors/divergence.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

std::vector<Finding> detectDivergence(const RunView& view, const DivergenceConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.size() < config.minPoints) return out;
    const std::string& metric = view.trainLoss.metric();
    const double first = t.front();
    const double last = t.back();
    const std::size_t iMin = t.argMin();
    const double minimum = t.values[iMin];
    const double scale = std::abs(first);

    // gradient_ascent: never below the start, and clearly above it at the end.
    const double floorAfterStart = *std::min_element(t.values.begin() + 1, t.values.end());
    const double ascent = last - first;
    if (floorAfterStart >= first - config.ascentTolerance * scale &&
        ascent >= config.ascentMinRise * scale && ascent >= config.noiseSigmas * t.trendNoise &&
        ascent > 0.0) {
        Finding f = makeFinding(view, FindingKind::GradientAscent, Severity::Error, metric,
                                t.firstSteps.front(), t.lastSteps.back());
        f.message = metric + " rises from the start: " + formatNumber(first) + " at " +
                    describeStep(view, t.firstSteps.front()) + " to " + formatNumber(last) +
                    " at " + describeStep(view, t.lastSteps.back()) + " (+" +
                    formatPercent(ascent / scale) + "), never going below its first value.";
        f.advice =
            "The optimizer is maximising the loss: check the sign of the loss (a "
            "missing minus on a log-likelihood), the optimizer's maximize flag, and "
            "that gradients are subtracted, not added.";
        f.evidence["first_value"] = first;
        f.evidence["last_value"] = last;
        out.push_back(std::move(f));
        return out;
    }

    const double improvement = first - minimum;
    if (iMin + 1 >= t.size() || !(improvement > config.noiseSigmas * t.trendNoise) ||
        !(improvement > 0.0)) {
        return out;
    }
    const double giveBack = (last - minimum) / improvement;
    if (giveBack < config.warnGiveBack || last - minimum < config.noiseSigmas * t.trendNoise) {
        return out;
    }
    // The climb starts where the smoothed loss last left the neighbourhood of its minimum.
    std::size_t start = iMin;
    const double nearMin = minimum + 0.05 * (last - minimum);
    for (std::size_t i = iMin; i < t.size(); ++i) {
        if (t.values[i] <= nearMin) start = i;
    }
    const auto peak =
        std::max_element(t.values.begin() + static_cast<std::ptrdiff_t>(iMin), t.values.end());
    const bool error = giveBack >= config.errorGiveBack;
    Finding f =
        makeFinding(view, FindingKind::Divergence, error ? Severity::Error : Severity::Warning,
                    metric, t.steps[start], t.lastSteps.back());
    f.message = metric + " fell from " + formatNumber(first) + " to its minimum " +
                formatNumber(minimum) + " at " + describeStep(view, t.steps[iMin]) +
                ", then climbed to " + formatNumber(last) + " by " +
                describeStep(view, t.lastSteps.back()) + " (peak " + formatNumber(*peak) +
                "), giving back " + formatPercent(giveBack) + " of what it had learnt.";
    f.advice =
        "Lower the learning rate (often 3-10x), add gradient clipping, use warm-up, and "
        "check the data around " +
        describeStep(view, t.steps[start]) + " for corrupt batches.";
    f.evidence["minimum"] = minimum;
    f.evidence["last_value"] = last;
    f.evidence["give_back"] = giveBack;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
