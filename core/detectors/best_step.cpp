#include "core/detectors/best_step.h"

#include <cmath>

namespace curvedoctor::core {

std::optional<BestStep> findBestStep(const RunView& view) {
    const bool useLoss = view.valLoss.finiteCount() > 0;
    const Curve& c = useLoss ? view.valLoss : view.valMetric;
    if (c.finiteCount() == 0) return std::nullopt;
    const double sign = !useLoss && c.info().direction == Direction::HigherIsBetter ? -1.0 : 1.0;
    std::size_t best = c.size();
    for (std::size_t i = 0; i < c.size(); ++i) {
        const double v = c.values()[i];
        if (!std::isfinite(v)) continue;
        // Strictly better only: the first of equal values is where early stopping would stop.
        if (best == c.size() || sign * v < sign * c.values()[best]) best = i;
    }
    BestStep b;
    b.metric = c.metric();
    b.step = c.steps()[best];
    b.value = c.values()[best];
    if (!c.epochs().empty() && std::isfinite(c.epochs()[best])) {
        b.epoch = c.epochs()[best];
    } else {
        b.epoch = view.epochAt(b.step);
    }
    if (useLoss && !view.trainTrend.empty()) {
        b.trainValGap = b.value - view.trainTrend.valueAt(b.step);
    }
    return b;
}

}  // namespace curvedoctor::core
