#include "core/detectors/metric_loss_disagreement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

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

// The longest stretch of consecutive evaluations at which the metric is at zero (below
// nearZeroShare of its scale), and how far the loss trend fell over it.
struct ZeroStretch {
    std::size_t points = 0;
    std::int64_t from = 0;
    std::int64_t to = 0;
    double lossFall = 0.0;
};

ZeroStretch longestZeroStretch(const Curve& mc, const Trend& loss, double scale,
                               const DisagreementConfig& config) {
    ZeroStretch best;
    ZeroStretch cur;
    auto close = [&] {
        if (cur.points >= config.minPoints) {
            cur.lossFall = loss.valueAt(cur.from) - loss.valueAt(cur.to);
            if (cur.lossFall > best.lossFall) best = cur;
        }
        cur.points = 0;
    };
    for (std::size_t i = 0; i < mc.size(); ++i) {
        const double v = mc.values()[i];
        if (!std::isfinite(v)) continue;
        if (v >= config.nearZeroShare * scale) {
            close();
            continue;
        }
        if (cur.points == 0) cur.from = mc.steps()[i];
        cur.to = mc.steps()[i];
        ++cur.points;
    }
    close();
    return best;
}

// The loss learns but the task metric stays near zero the whole run (mmdet_03 in
// ../shared/realworld: the loss falls steadily while val mAP stays between 0.001 and 0.0066).
// Only for a higher-is-better metric bounded in [0, 1] or [0, 100], whose best is below
// `nearZeroShare` of that scale.
std::optional<Finding> metricStaysNearZero(const RunView& view, const DisagreementConfig& config) {
    const Curve& mc = view.valMetric;
    if (mc.finiteCount() < config.minPoints || mc.info().direction != Direction::HigherIsBetter) {
        return std::nullopt;
    }
    double lo = 0.0;
    double hi = 0.0;
    bool first = true;
    std::array<std::size_t, 2> atZeroOf{};  // below nearZeroShare of a [0, 1] and a [0, 100] scale
    for (double v : mc.values()) {
        if (!std::isfinite(v)) continue;
        lo = first ? v : std::min(lo, v);
        hi = first ? v : std::max(hi, v);
        first = false;
        atZeroOf[0] += v < config.nearZeroShare ? 1 : 0;
        atZeroOf[1] += v < config.nearZeroShare * 100.0 ? 1 : 0;
    }
    const double scale = hi <= 1.0 ? 1.0 : 100.0;
    if (lo < 0.0 || hi > scale) return std::nullopt;
    const std::size_t atZero = atZeroOf[scale > 1.0 ? 1 : 0];
    const bool alwaysNearZero = hi < config.nearZeroShare * scale;
    if (!alwaysNearZero && !(hi < config.lowShare * scale)) return std::nullopt;
    const bool useTrain = !view.trainTrend.empty();
    const Trend& l = useTrain ? view.trainTrend : view.valTrend;
    const Curve& lc = useTrain ? view.trainLoss : view.valLoss;
    if (l.size() < config.minPoints) return std::nullopt;
    const ZeroStretch zs =
        alwaysNearZero ? ZeroStretch{} : longestZeroStretch(mc, l, scale, config);
    if (!alwaysNearZero && zs.lossFall < config.minLossFallShare * l.front()) return std::nullopt;
    const double low = *std::min_element(l.values.begin(), l.values.end());
    const double fall = l.front() - low;
    if (!(l.front() > 0.0) || fall < config.minLossFallShare * l.front() ||
        fall <= config.noiseSigmas * l.trendNoise) {
        return std::nullopt;
    }
    Finding f = makeFinding(view, FindingKind::MetricLossDisagreement, Severity::Warning,
                            mc.metric(), mc.steps().front(), mc.steps().back());
    const double bound = alwaysNearZero ? config.nearZeroShare : config.lowShare;
    f.message = lc.metric() + " falls from " + formatNumber(l.front()) + " to " +
                formatNumber(low) + ", but " + mc.metric() + " never gets above " +
                formatNumber(hi) + " (below " + formatPercent(bound) + " of its scale) from " +
                describeStep(view, mc.steps().front()) + " to " +
                describeStep(view, mc.steps().back());
    if (!alwaysNearZero) {
        f.message += ", at zero for " + std::to_string(zs.points) + " evaluations in a row (" +
                     describeStep(view, zs.from) + " to " + describeStep(view, zs.to) + ") while " +
                     lc.metric() + " fell by " + formatNumber(zs.lossFall);
    }
    f.message += ": the model learns the loss, not the task.";
    f.advice =
        "Check the evaluation (annotation format, class ids and names, image sizes, score "
        "threshold) and that the loss is the one the task needs; a loss that falls while the "
        "metric stays at zero usually means the two are not measuring the same thing.";
    f.evidence["metric_max"] = hi;
    f.evidence["near_zero_share"] = config.nearZeroShare;
    f.evidence["evaluations_at_zero"] = static_cast<double>(atZero);
    if (!alwaysNearZero) f.evidence["zero_stretch_loss_fall"] = zs.lossFall;
    f.evidence["bound_share"] = bound;
    f.evidence["loss_fall"] = fall;
    return f;
}

}  // namespace

std::vector<Finding> detectMetricLossDisagreement(const RunView& view,
                                                  const DisagreementConfig& config) {
    std::vector<Finding> out;
    if (auto f = metricStaysNearZero(view, config)) {
        out.push_back(std::move(*f));
        return out;
    }
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
        // A gain of one step of the metric's grid (one sample of 38 validation samples,
        // 0.947 -> 0.974 in oscillation_fading_iris_hf, tests/data/corpus2) is no evidence.
        const double quantum = metricQuantum(view.valMetric);
        if (to > from && gain >= config.minMetricGain * metricImprovement &&
            gain > config.noiseSigmas * m.trendNoise && gain > config.minQuanta * quantum) {
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
            f.evidence["metric_quantum"] = quantum;
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
