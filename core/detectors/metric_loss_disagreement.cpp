#include "core/detectors/metric_loss_disagreement.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

struct Worsening {
    bool found = false;
    std::size_t best = 0;
    double bestBad = 0.0;
    double rise = 0.0;
    double relRise = 0.0;
};

// Worsening of `bad` (larger = worse) from its best to its end.
Worsening worsening(const std::vector<double>& bad, double noise, double noiseSigmas) {
    Worsening w;
    w.best = static_cast<std::size_t>(std::min_element(bad.begin(), bad.end()) - bad.begin());
    w.bestBad = bad[w.best];
    w.rise = bad.back() - w.bestBad;
    const double improvement = bad.front() - w.bestBad;
    const double ref = std::max(std::abs(w.bestBad), 0.1 * improvement);
    w.relRise = ref > 0.0 ? w.rise / ref : 0.0;
    w.found = w.best + 1 < bad.size() && w.rise > noiseSigmas * noise;
    return w;
}

}  // namespace

std::vector<Finding> detectMetricLossDisagreement(const RunView& view,
                                                  const DisagreementConfig& config) {
    std::vector<Finding> out;
    const Trend& l = view.valTrend;
    const Trend& m = view.valMetricTrend;
    if (l.size() < config.minPoints || m.size() < config.minPoints) return out;
    const double sign = view.valMetric.info().direction == Direction::HigherIsBetter ? -1.0 : 1.0;
    std::vector<double> lossBad = l.values;
    std::vector<double> metricBad(m.values.size());
    for (std::size_t i = 0; i < metricBad.size(); ++i) metricBad[i] = sign * m.values[i];
    const double metricImprovement =
        metricBad.front() - *std::min_element(metricBad.begin(), metricBad.end());
    const double lossImprovement =
        lossBad.front() - *std::min_element(lossBad.begin(), lossBad.end());

    const Worsening lw = worsening(lossBad, l.trendNoise, config.noiseSigmas);
    if (lw.found && lw.relRise >= config.minLossRise && metricImprovement > 0.0) {
        const std::int64_t from = l.steps[lw.best];
        const std::int64_t to = std::min(l.steps.back(), m.steps.back());
        const double mFrom = sign * m.valueAt(from);
        const double mTo = sign * m.valueAt(to);
        const double gain = mFrom - mTo;  // decrease of the metric's badness
        if (to > from && gain >= config.minMetricGain * metricImprovement &&
            gain > config.noiseSigmas * m.trendNoise) {
            Finding f = makeFinding(view, FindingKind::MetricLossDisagreement, Severity::Warning,
                                    view.valLoss.metric(), from, to);
            f.message = view.valLoss.metric() + " got worse from " + formatNumber(lw.bestBad) +
                        " at " + describeStep(view, from) + " to " + formatNumber(l.valueAt(to)) +
                        " by " + describeStep(view, to) + " while " + view.valMetric.metric() +
                        " kept improving from " + formatNumber(sign * mFrom) + " to " +
                        formatNumber(sign * mTo) + ".";
            f.advice =
                "The model is growing over-confident: the loss punishes its few wrong "
                "answers harder while the metric still counts more right ones. Pick the "
                "checkpoint by the metric you care about; label smoothing, weight decay "
                "or temperature calibration tame the loss.";
            f.evidence["loss_rise"] = lw.rise;
            f.evidence["metric_gain"] = gain;
            out.push_back(std::move(f));
            return out;
        }
    }

    const Worsening mw = worsening(metricBad, m.trendNoise, config.noiseSigmas);
    if (mw.found && mw.relRise >= config.minLossRise && lossImprovement > 0.0) {
        const std::int64_t from = m.steps[mw.best];
        const std::int64_t to = std::min(l.steps.back(), m.steps.back());
        const double lFrom = l.valueAt(from);
        const double lTo = l.valueAt(to);
        const double gain = lFrom - lTo;
        if (to > from && gain >= config.minMetricGain * lossImprovement &&
            gain > config.noiseSigmas * l.trendNoise) {
            Finding f = makeFinding(view, FindingKind::MetricLossDisagreement, Severity::Warning,
                                    view.valMetric.metric(), from, to);
            f.message = view.valMetric.metric() + " got worse from " +
                        formatNumber(sign * mw.bestBad) + " at " + describeStep(view, from) +
                        " to " + formatNumber(m.valueAt(to)) + " by " + describeStep(view, to) +
                        " while " + view.valLoss.metric() + " kept improving from " +
                        formatNumber(lFrom) + " to " + formatNumber(lTo) + ".";
            f.advice =
                "The loss and the metric measure different things (e.g. pixel accuracy "
                "versus Dice/IoU in segmentation, where accuracy can be 99.9% on a "
                "useless model): choose the loss to match the metric, or select "
                "checkpoints by the metric.";
            f.evidence["metric_drop"] = mw.rise;
            f.evidence["loss_gain"] = gain;
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace curvedoctor::core
