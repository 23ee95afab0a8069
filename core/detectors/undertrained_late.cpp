#include "core/detectors/undertrained_late.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/detectors/finding_text.h"
#include "core/detectors/undertrained_tail.h"

namespace curvedoctor::core {
namespace {

using undertrained::epochLevel;
using undertrained::metricKeepsUp;
using undertrained::TailSlope;
using undertrained::tailSlope;

// The learning rate's last finite value over its largest one; NaN without two finite values
// or a positive peak.
double lrShareAtEnd(const Curve& lr) {
    double peak = -std::numeric_limits<double>::infinity();
    double last = std::numeric_limits<double>::quiet_NaN();
    std::size_t n = 0;
    for (const double v : lr.values()) {
        if (!std::isfinite(v)) continue;
        peak = std::max(peak, v);
        last = v;
        ++n;
    }
    if (n < 2 || !(peak > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    return last / peak;
}

// True when each of the last `falls` finite values is below the one before it.
bool fallsAtEachOfTheLast(const Curve& c, std::size_t falls) {
    double later = std::numeric_limits<double>::quiet_NaN();
    std::size_t seen = 0;
    const auto values = c.values();
    for (std::size_t i = values.size(); i-- > 0 && seen <= falls;) {
        if (!std::isfinite(values[i])) continue;
        if (seen > 0 && !(values[i] > later)) return false;
        later = values[i];
        ++seen;
    }
    return seen == falls + 1;
}

// The metric, when logged with a known direction, is at its best at its last finite value
// (ties count); true without one.
bool metricBestAtEnd(const Curve& m) {
    const Direction d = m.info().direction;
    if (m.empty() || d == Direction::Unknown) return true;
    const double sign = d == Direction::HigherIsBetter ? -1.0 : 1.0;
    double best = std::numeric_limits<double>::infinity();
    double last = std::numeric_limits<double>::quiet_NaN();
    for (const double v : m.values()) {
        if (!std::isfinite(v)) continue;
        best = std::min(best, sign * v);
        last = sign * v;
    }
    return std::isfinite(last) && last <= best;
}

// A least-squares line through the finite values from step `from` on, judged by their own
// scatter about it: its fall over the stretch (positive while falling) and that fall's
// standard error from the residuals (n - 2 degrees of freedom).
struct ScatterLine {
    bool ok = false;
    std::int64_t start = 0;  // first step in the stretch
    std::size_t points = 0;
    double drop = 0.0;
    double error = 0.0;
};

ScatterLine scatterLine(const Curve& c, std::int64_t from) {
    ScatterLine l;
    double n = 0.0;
    double mx = 0.0;
    double my = 0.0;
    std::int64_t first = 0;
    std::int64_t last = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.steps()[i] < from || !std::isfinite(c.values()[i])) continue;
        if (n == 0.0) first = c.steps()[i];
        last = c.steps()[i];
        n += 1.0;
        mx += static_cast<double>(c.steps()[i]);
        my += c.values()[i];
    }
    if (n < 3.0) return l;
    mx /= n;
    my /= n;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.steps()[i] < from || !std::isfinite(c.values()[i])) continue;
        const double dx = static_cast<double>(c.steps()[i]) - mx;
        sxx += dx * dx;
        sxy += dx * (c.values()[i] - my);
    }
    if (!(sxx > 0.0)) return l;
    const double slope = sxy / sxx;
    double ssr = 0.0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c.steps()[i] < from || !std::isfinite(c.values()[i])) continue;
        const double r = c.values()[i] - (my + slope * (static_cast<double>(c.steps()[i]) - mx));
        ssr += r * r;
    }
    const double span = static_cast<double>(last - first);
    l.ok = true;
    l.start = first;
    l.points = static_cast<std::size_t>(n);
    l.drop = -slope * span;
    l.error = std::sqrt(ssr / (n - 2.0) / sxx) * span;
    return l;
}

}  // namespace

// A transformer under RAdam with a linear decay to zero (undertrained_transformer_radam_linear_hf
// in tests/data/corpus2: validation 0.545 -> 0.422 over the last 6 of 15 epochs, lower at each,
// accuracy 0.84 -> 0.88) slows at the end as every run under such a schedule does, so its tail
// falls at 4% of its average rate, like a converged curve. Healthy runs whose schedule ran out
// end flat: over their last fifth their validation loss moves by a fraction of a percent of its
// level. One that still loses several percent there, at each evaluation, with the metric at its
// best, was stopped by the schedule, not by convergence.
std::optional<Finding> scheduleRanOutFinding(const RunView& view,
                                             const UndertrainedConfig& config) {
    const Curve& vc = view.valLoss;
    if (view.valTrend.size() < config.minPoints || view.trainTrend.empty()) return std::nullopt;
    // The evaluations first: the learning rate may be logged at every one of a million steps.
    if (!fallsAtEachOfTheLast(vc, config.decayedFallingEvaluations)) return std::nullopt;
    const double lrShare = lrShareAtEnd(view.learningRate);
    if (!(lrShare <= config.decayedLrShare)) return std::nullopt;
    const TailSlope tail = tailSlope(vc, view.valTrend, config.tailShare, 1.0);
    const double level = std::abs(tail.end);
    if (!tail.ok || !(level > 0.0)) return std::nullopt;
    const double fallShare = tail.tailDrop / level;
    if (!(fallShare >= config.minDecayedFall) || !metricBestAtEnd(view.valMetric)) {
        return std::nullopt;
    }
    const TailSlope train = tailSlope(view.trainLoss, view.trainTrend, 0.5, 1.0);
    if (!train.ok || !(train.slope > 0.0)) return std::nullopt;
    const std::string& metric = vc.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric,
                            tail.tailStart, vc.steps().back());
    f.message = metric + " still falls at each of its last " +
                std::to_string(config.decayedFallingEvaluations) + " evaluations, by " +
                formatNumber(tail.tailDrop) + " (" + formatPercent(fallShare) +
                " of its level) over the last " + formatPercent(tail.tailShare) +
                " of the steps (from " + describeStep(view, tail.tailStart) +
                "), while the learning rate has decayed to " + formatPercent(lrShare) +
                " of its peak: the slowing is the schedule's, not convergence (a run that has " +
                "converged ends such a schedule flat)" +
                (view.valMetric.empty()
                     ? std::string()
                     : "; " + view.valMetric.metric() + " is at its best at the last evaluation") +
                ".";
    f.advice =
        "Train longer with the schedule stretched over the longer run (or decay the learning "
        "rate later or to a higher floor): the model was still improving when the rate ran out.";
    f.evidence["lr_share_at_end"] = lrShare;
    f.evidence["max_lr_share_at_end"] = config.decayedLrShare;
    f.evidence["tail_drop"] = tail.tailDrop;
    f.evidence["tail_fall_share"] = fallShare;
    f.evidence["min_tail_fall_share"] = config.minDecayedFall;
    f.evidence["falling_evaluations"] = static_cast<double>(config.decayedFallingEvaluations);
    return f;
}

// Twelve validation samples (noisy_val_few_evals_quantiles_mlflow in tests/data/corpus2) make
// a validation loss zig-zag 0.71-1.07 while the training loss falls 1.07 -> 0.745 on a
// straight line over 15 epochs: the validation can neither confirm the descent nor refute it.
// The training loss is then the evidence, judged at the level of epochs; the validation only
// has to be consistent with it within its own scatter over the same stretch (at least five
// evaluations) and not past its best. A validation loss precise enough to stay level while
// training falls (an image classifier's 0.60-0.70 from epoch 8 of 50, ultralytics_04 in
// ../shared/realworld) refutes it; one that falls significantly by itself is left to the
// other readings, which ask more of its shape.
std::optional<Finding> noisyValidationFinding(const RunView& view,
                                              const UndertrainedConfig& config) {
    const Curve& vc = view.valLoss;
    if (view.valTrend.size() < config.minPoints) return std::nullopt;
    // The validation loss first (a few evaluations; the training loss may hold a million
    // steps): over its last 2 x tailShare, against its own scatter there, not significant by
    // itself, with its best evaluation in that stretch.
    const auto vs = vc.steps();
    const auto stretch = static_cast<std::int64_t>(2.0 * config.tailShare *
                                                   static_cast<double>(vs.back() - vs.front()));
    const ScatterLine val = scatterLine(vc, vs.back() - stretch);
    if (!val.ok || val.points < undertrained::kMinSteadyPoints) return std::nullopt;
    const double valSignificance = val.error > 0.0 ? val.drop / val.error : HUGE_VAL;
    if (valSignificance >= config.noiseSigmas) return std::nullopt;
    std::size_t bestAt = vc.size();
    for (std::size_t i = 0; i < vc.size(); ++i) {
        if (std::isfinite(vc.values()[i]) &&
            (bestAt == vc.size() || vc.values()[i] < vc.values()[bestAt])) {
            bestAt = i;
        }
    }
    if (bestAt == vc.size() || vs[bestAt] < val.start) return std::nullopt;
    if (!metricKeepsUp(view, val.start)) return std::nullopt;
    // The training loss over the same stretch.
    const Curve level = epochLevel(view);
    const bool perEpoch = !level.empty();
    const Curve& tc = perEpoch ? level : view.trainLoss;
    if (tc.finiteCount() < config.minPoints) return std::nullopt;
    const double trainSpan = static_cast<double>(tc.steps().back() - tc.steps().front());
    if (!(trainSpan > 0.0)) return std::nullopt;
    const double share =
        std::clamp(static_cast<double>(tc.steps().back() - val.start) / trainSpan, 0.0, 1.0);
    const Trend levelTrend = perEpoch ? makeTrend(tc.steps(), tc.values()) : Trend{};
    const Trend& tt = perEpoch ? levelTrend : view.trainTrend;
    const TailSlope train = tailSlope(tc, tt, share, 1.0);
    if (!train.ok || train.ratio < config.minNoisyValTrainRatio ||
        train.significance < config.noiseSigmas) {
        return std::nullopt;
    }
    // New ground: a training loss that falls back after a jump (Ultralytics closing its mosaic
    // augmentation for the last 10 of 25 epochs: 0.95 -> 1.17, then back to 0.93,
    // ultralytics_02 in ../shared/realworld, whose validation also falls clearly there, so
    // the reading above leaves it anyway) has made no progress by recovering.
    double lowestBefore = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < tc.size() && tc.steps()[i] < train.tailStart; ++i) {
        if (std::isfinite(tc.values()[i])) lowestBefore = std::min(lowestBefore, tc.values()[i]);
    }
    const double newGround = lowestBefore - train.end;
    if (!(newGround >= config.minNewGround * train.tailDrop)) return std::nullopt;
    // Not refuted: the validation's fall reaches training's within its own noise.
    if (val.drop + config.consistentSigmas * val.error < train.tailDrop) return std::nullopt;
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric,
                            train.tailStart, view.trainLoss.steps().back());
    f.message = metric + (perEpoch ? " (per epoch)" : "") + " still falls at the end: by " +
                formatNumber(train.tailDrop) + " over the last " + formatPercent(train.tailShare) +
                " of the steps (from " + describeStep(view, train.tailStart) + "), " +
                formatNumber(train.significance) + " standard errors, at " +
                formatPercent(train.ratio) + " of its average rate; " + vc.metric() +
                " is too noisy there to confirm or refute it: its line's fall there is " +
                formatNumber(val.drop) + " +- " + formatNumber(val.error) +
                " (a standard error from its own scatter; within " +
                formatNumber(config.consistentSigmas) +
                " of them of training's fall) and its best evaluation (" +
                formatNumber(vc.values()[bestAt]) + " at " + describeStep(view, vs[bestAt]) +
                ") is in that stretch.";
    f.advice =
        "Train longer: the training loss has not levelled off and the validation does not "
        "contradict it; a larger validation set would show the trend the noise hides.";
    f.evidence["tail_drop"] = train.tailDrop;
    f.evidence["significance"] = train.significance;
    f.evidence["min_significance"] = config.noiseSigmas;
    f.evidence["slope_ratio"] = train.ratio;
    f.evidence["min_slope_ratio"] = config.minNoisyValTrainRatio;
    f.evidence["new_ground"] = newGround;
    f.evidence["min_new_ground_share"] = config.minNewGround;
    f.evidence["val_tail_drop"] = val.drop;
    f.evidence["val_drop_error"] = val.error;
    f.evidence["val_significance"] = valSignificance;
    f.evidence["consistent_sigmas"] = config.consistentSigmas;
    return f;
}

}  // namespace curvedoctor::core
