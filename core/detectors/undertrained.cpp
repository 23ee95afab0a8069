#include "core/detectors/undertrained.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

struct TailDrop {
    double drop = 0.0;         // smoothed value at the tail's start minus the last one
    double improvement = 0.0;  // first smoothed value minus the minimum
    std::int64_t tailStart = 0;
};

// `sign` = -1 turns a higher-is-better metric into a badness.
TailDrop tailDrop(const Trend& t, double tailShare, double sign) {
    TailDrop d;
    const double span = static_cast<double>(t.steps.back() - t.steps.front());
    d.tailStart = t.steps.back() - static_cast<std::int64_t>(tailShare * span);
    d.drop = sign * (t.valueAt(d.tailStart) - t.back());
    double best = sign * t.front();
    for (double v : t.values) best = std::min(best, sign * v);
    d.improvement = sign * t.front() - best;
    return d;
}

}  // namespace

std::vector<Finding> detectUndertrained(const RunView& view, const UndertrainedConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.size() < config.minPoints) return out;
    const TailDrop train = tailDrop(t, config.tailShare, 1.0);
    if (!(train.improvement > 0.0) || train.drop < config.noiseSigmas * t.trendNoise ||
        !(train.drop > 0.0)) {
        return out;
    }
    const bool useValLoss = !view.valTrend.empty();
    const Trend& v = useValLoss ? view.valTrend : view.valMetricTrend;
    const Curve& vc = useValLoss ? view.valLoss : view.valMetric;
    std::string valText;
    if (v.size() >= config.minPoints) {
        const double sign =
            !useValLoss && vc.info().direction == Direction::HigherIsBetter ? -1.0 : 1.0;
        const TailDrop val = tailDrop(v, config.tailShare, sign);
        double bestBad = sign * v.front();
        for (double x : v.values) bestBad = std::min(bestBad, sign * x);
        const bool bestAtEnd = sign * v.back() <= bestBad;
        if (!bestAtEnd || !(val.improvement > 0.0) ||
            val.drop < config.valSlopeRatio * config.tailShare * val.improvement ||
            val.drop < config.noiseSigmas * v.trendNoise) {
            return out;
        }
        valText = "; " + vc.metric() + " is still improving too (" +
                  formatPercent(val.drop / val.improvement) +
                  " of its improvement came in the same stretch) and is at its best at the end";
    } else if (train.drop < config.trainSlopeRatio * config.tailShare * train.improvement) {
        return out;
    }
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, "undertrained", Severity::Warning, metric, train.tailStart,
                            t.lastSteps.back());
    f.message = metric + " is still falling at the end: " + formatNumber(t.valueAt(train.tailStart)) +
                " -> " + formatNumber(t.back()) + " over the last " +
                formatPercent(config.tailShare) + " of the steps (" +
                formatPercent(train.drop / train.improvement) + " of its total improvement)" +
                valText + ".";
    f.advice = "Train longer (more epochs), or raise the learning rate if the descent is slow "
               "and steady; make sure the schedule does not decay the rate too early.";
    f.evidence["tail_drop"] = train.drop;
    f.evidence["tail_share_of_improvement"] = train.drop / train.improvement;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
