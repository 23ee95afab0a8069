#include "core/detectors/undertrained_late.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

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

// The metric, when logged with a known direction, reaches its best value (ties count) from step
// `from` on; true without one.
bool metricBestSince(const Curve& m, std::int64_t from) {
    const Direction d = m.info().direction;
    if (m.empty() || d == Direction::Unknown) return true;
    const double sign = d == Direction::HigherIsBetter ? -1.0 : 1.0;
    double before = std::numeric_limits<double>::infinity();
    double since = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m.size(); ++i) {
        const double v = m.values()[i];
        if (!std::isfinite(v)) continue;
        double& best = m.steps()[i] < from ? before : since;
        best = std::min(best, sign * v);
    }
    return since <= before;
}

// The index of the lowest finite value; size() without one.
std::size_t lowestAt(const Curve& c) {
    std::size_t bestAt = c.size();
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (std::isfinite(c.values()[i]) &&
            (bestAt == c.size() || c.values()[i] < c.values()[bestAt])) {
            bestAt = i;
        }
    }
    return bestAt;
}

// The training loss from step `from` on, at the level of epochs when it is logged more often
// (epochLevel): its line there against its average rate, and how far that line's end lies below
// its lowest value before the stretch (new ground).
struct TrainingStretch {
    bool ok = false;
    bool perEpoch = false;
    TailSlope line;
    double newGround = 0.0;
};

TrainingStretch trainingFrom(const RunView& view, std::int64_t from,
                             const UndertrainedConfig& config) {
    TrainingStretch t;
    const Curve level = epochLevel(view);
    t.perEpoch = !level.empty();
    const Curve& tc = t.perEpoch ? level : view.trainLoss;
    if (tc.finiteCount() < config.minPoints) return t;
    const double trainSpan = static_cast<double>(tc.steps().back() - tc.steps().front());
    if (!(trainSpan > 0.0)) return t;
    const double share =
        std::clamp(static_cast<double>(tc.steps().back() - from) / trainSpan, 0.0, 1.0);
    const Trend levelTrend = t.perEpoch ? makeTrend(tc.steps(), tc.values()) : Trend{};
    const Trend& tt = t.perEpoch ? levelTrend : view.trainTrend;
    t.line = tailSlope(tc, tt, share, 1.0);
    if (!t.line.ok) return t;
    // New ground: a training loss that falls back after a jump (Ultralytics closing its mosaic
    // augmentation for the last 10 of 25 epochs: 0.95 -> 1.17, then back to 0.93,
    // ultralytics_02 in ../shared/realworld, whose validation also falls clearly there, so
    // the reading above leaves it anyway) has made no progress by recovering.
    double lowestBefore = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < tc.size() && tc.steps()[i] < t.line.tailStart; ++i) {
        if (std::isfinite(tc.values()[i])) lowestBefore = std::min(lowestBefore, tc.values()[i]);
    }
    t.newGround = lowestBefore - t.line.end;
    t.ok = true;
    return t;
}

// The training loss's least-squares line over the second half falls.
bool trainFallsOverSecondHalf(const Curve& c, const Trend& t) {
    const TailSlope train = tailSlope(c, t, 0.5, 1.0);
    return train.ok && train.slope > 0.0;
}

// A batch loss logged every few steps can hide its fall under its noise and a spike: a
// transformer under SGD with a linear decay (undertrained_linear_transformer_sgd_hf in
// tests/data/corpus2) logs losses of 1.0-1.5 with a 2.0 at step 215 over its second half, whose
// line then rises, while its means per epoch fall 1.298, 1.249, 1.298, 1.199. A practitioner
// reads a training loss by the epoch: that level (epochLevel) falls over the second half.
bool trainFallsPerEpoch(const RunView& view) {
    const Curve level = epochLevel(view);
    if (level.finiteCount() < undertrained::kMinTailPoints) return false;
    return trainFallsOverSecondHalf(level, makeTrend(level.steps(), level.values()));
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
    const bool perEpoch = !trainFallsOverSecondHalf(view.trainLoss, view.trainTrend);
    if (perEpoch && !trainFallsPerEpoch(view)) return std::nullopt;
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
                "; " + view.trainLoss.metric() + (perEpoch ? " (per epoch)" : "") +
                " falls over the second half.";
    f.advice =
        "Train longer with the schedule stretched over the longer run (or decay the learning "
        "rate later or to a higher floor): the model was still improving when the rate ran out.";
    f.evidence["lr_share_at_end"] = lrShare;
    f.evidence["max_lr_share_at_end"] = config.decayedLrShare;
    f.evidence["tail_drop"] = tail.tailDrop;
    f.evidence["tail_fall_share"] = fallShare;
    f.evidence["min_tail_fall_share"] = config.minDecayedFall;
    f.evidence["falling_evaluations"] = static_cast<double>(config.decayedFallingEvaluations);
    f.evidence["train_read_per_epoch"] = perEpoch ? 1.0 : 0.0;
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
    const std::size_t bestAt = lowestAt(vc);
    if (bestAt == vc.size() || vs[bestAt] < val.start) return std::nullopt;
    if (!metricKeepsUp(view, val.start)) return std::nullopt;
    // The training loss over the same stretch, onto new ground.
    const TrainingStretch t = trainingFrom(view, val.start, config);
    const TailSlope& train = t.line;
    if (!t.ok || train.ratio < config.minNoisyValTrainRatio ||
        train.significance < config.noiseSigmas) {
        return std::nullopt;
    }
    const double newGround = t.newGround;
    if (!(newGround >= config.minNewGround * train.tailDrop)) return std::nullopt;
    // Not refuted: the validation's fall reaches training's within its own noise.
    if (val.drop + config.consistentSigmas * val.error < train.tailDrop) return std::nullopt;
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric,
                            train.tailStart, view.trainLoss.steps().back());
    f.message = metric + (t.perEpoch ? " (per epoch)" : "") + " still falls at the end: by " +
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

// The validation loss without the one evaluation of the stretch from `from` on that spikes and
// recovers (above the evaluations on either side, the one after it lower than the one before
// it: a learning-rate spike or a bad batch the run got over, 0.354, 0.484, 0.249 at the 11th
// to 13th of 15 evaluations of undertrained_spikes_gru_nesterov_mlflow in tests/data/corpus2),
// and the stretch widened back to hold kMinSteadyPoints evaluations without it; nothing when
// the stretch holds no such spike or more than one.
struct SpikeFree {
    bool spike = false;
    std::int64_t spikeStep = 0;
    std::int64_t from = 0;
    Curve curve;
};
SpikeFree withoutOneSpike(const Curve& vc, std::int64_t from) {
    SpikeFree out;
    auto [steps, values] = finitePoints(vc);
    std::size_t spikes = 0;
    std::size_t at = 0;
    for (std::size_t i = 1; i + 1 < values.size(); ++i) {
        if (steps[i] < from) continue;
        if (values[i] > values[i - 1] && values[i] > values[i + 1] &&
            values[i + 1] < values[i - 1]) {
            ++spikes;
            at = i;
        }
    }
    if (spikes != 1) return out;
    // A spike, not a bump of the noise: it climbs by more than the curve moves at any other
    // evaluation of the stretch (0.130 against 0.027 there; a bump of 0.008 among moves of
    // 0.06-0.09, undertrained_few_evals_blobs_sgd_hf, is noise).
    const double rise = values[at] - values[at - 1];
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (steps[i - 1] < from || i == at || i == at + 1) continue;
        if (std::abs(values[i] - values[i - 1]) >= rise) return out;
    }
    out.spike = true;
    out.spikeStep = steps[at];
    steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(at));
    values.erase(values.begin() + static_cast<std::ptrdiff_t>(at));
    std::size_t first = values.size();
    while (first > 0 &&
           (steps[first - 1] >= from || values.size() - first < undertrained::kMinSteadyPoints)) {
        --first;
    }
    out.from = steps[first];
    out.curve = Curve(vc.metric(), steps, values);
    return out;
}

// Twelve validation samples make a validation loss scatter about its descent too much for the
// readings of its shape, which ask it to be lower at almost every evaluation (Kendall's tau at
// most -minSteadiness): 0.514, 0.454, 0.453, 0.461, 0.367 over the last 5 of 12 evaluations
// (undertrained_few_evals_blobs_sgd_hf in tests/data/corpus2), 0.50, 0.23, 0.14, 0.11, 0.16
// over the last 5 of 15 (noisy_val_few_evals_blobs_mlflow; its accuracy on 12 samples sits at
// 1.0 from epoch 3, so it can only stay at its best), while the per-epoch training loss still
// falls 8% of its level per epoch. What a practitioner reads through the noise is whether the
// validation still trends down at the end: its least-squares line over the last third falls by
// consistentSigmas standard errors of its own scatter about that line (2.9 and 2.3 there), not
// flat within them (a GRU's validation zig-zagging 0.24-1.07 over its last third under a
// training loss falling as fast, noisy_val_gru_rmsprop, a healthy run: 0.0) nor up. Only over
// few evaluations, where one bump breaks the steadiness reading (see below), and only where the
// stretch holds a bump (tau above -1: a curve lower at each evaluation is the shape readings' to
// judge). One bump among five evaluations leaves tau at -0.8, the steadiness readings' edge,
// yet the bump makes the readings of shape fail: 0.856, 0.830, 0.672, 0.702, 0.651 over the
// last 5 of 12 (undertrained_few_evals_blobs_sgd_deit in tests/data/corpus2) are steady by tau,
// but their scatter inflates the noise the steady descent reads (2.9 standard errors, 3 asked)
// and the slowing descent's last 20% (0.672, 0.702, 0.651) falls at 12% of the average rate. Far
// from its floor too: that line falls at minSlowingRatio of the curve's average rate at least
// (a converged curve ends at a few percent, see slowingDescent), with the best evaluation in
// the stretch and the metric's best there too; the training loss falls there by noiseSigmas
// standard errors onto new ground.
std::optional<Finding> noisyDescentFinding(const RunView& view, const UndertrainedConfig& config) {
    const Curve& vc = view.valLoss;
    if (view.valTrend.size() < config.minPoints) return std::nullopt;
    const auto vs = vc.steps();
    const auto values = vc.values();
    const double span = static_cast<double>(vs.back() - vs.front());
    if (!(span > 0.0)) return std::nullopt;
    // The last noisyDescentShare of the steps, widened to the last kMinSteadyPoints evaluations.
    std::int64_t from = vs.back() - static_cast<std::int64_t>(config.noisyDescentShare * span);
    std::size_t seen = 0;
    for (std::size_t i = vc.size(); i-- > 0 && seen < undertrained::kMinSteadyPoints;) {
        if (!std::isfinite(values[i])) continue;
        from = std::min(from, vs[i]);
        ++seen;
    }
    const double tau = undertrained::kendallTau(vc, from);
    // A line its own scatter does not confirm is read again without a spike that recovered,
    // when the stretch holds one: that one evaluation's distance from the line is most of the
    // scatter.
    ScatterLine val = scatterLine(vc, from);
    const bool confirmed = val.ok && val.drop > 0.0 && val.error > 0.0 &&
                           val.drop >= config.consistentSigmas * val.error;
    const SpikeFree spikeFree = confirmed ? SpikeFree{} : withoutOneSpike(vc, from);
    if (spikeFree.spike) val = scatterLine(spikeFree.curve, spikeFree.from);
    // Few: one evaluation out of order among n turns at most n - 1 of the n(n - 1)/2 pairs, so
    // Kendall's tau is at worst -(1 - 4/n): from 4 / (1 - minSteadiness) = 20 evaluations on, a
    // bump cannot break the steadiness the readings of shape ask, which then read the stretch.
    const auto fewEvaluations =
        static_cast<std::size_t>(std::lround(4.0 / (1.0 - config.minSteadiness)));
    if (!val.ok || val.points >= fewEvaluations || !(val.drop > 0.0) || !(val.error > 0.0) ||
        val.drop < config.consistentSigmas * val.error || !(tau > -1.0)) {
        return std::nullopt;
    }
    // Steady by tau yet failed by the readings of shape, it must still be falling at its last
    // evaluation (at its best there): an exponential approach at five time constants whose last
    // evaluation lands a hair above the one before by noise (0.2156 then 0.2159, tau -0.8, the
    // healthy synthetic run of tests/core/test_diagnosis.cpp) has converged.
    if (tau <= -config.minSteadiness && !undertrained::lastFiniteIsLowest(values)) {
        return std::nullopt;
    }
    // The same line against the curve's average rate (the share is half a step wider than the
    // stretch so that tailSlope's rounding starts it at the same evaluation).
    const double share = (static_cast<double>(vs.back() - val.start) + 0.5) / span;
    const TailSlope line = tailSlope(vc, view.valTrend, share, 1.0);
    if (!line.ok || line.ratio < config.minSlowingRatio) return std::nullopt;
    const std::size_t bestAt = lowestAt(vc);
    if (bestAt == vc.size() || vs[bestAt] < val.start) return std::nullopt;
    if (!metricBestSince(view.valMetric, val.start)) return std::nullopt;
    const TrainingStretch t = trainingFrom(view, val.start, config);
    if (!t.ok || t.line.significance < config.noiseSigmas ||
        !(t.newGround >= config.minNewGround * t.line.tailDrop)) {
        return std::nullopt;
    }
    const std::string& metric = vc.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric, val.start,
                            vs.back());
    f.message =
        metric + " still trends down at the end through its noise: over the last " +
        formatPercent(line.tailShare) + " of the steps (from " + describeStep(view, val.start) +
        ", " + std::to_string(val.points) +
        " evaluations, too few and too scattered for the readings of its shape, not lower at "
        "each: Kendall's tau " +
        formatNumber(tau) + ") its line" +
        (spikeFree.spike ? " (read without its spike at " +
                               describeStep(view, spikeFree.spikeStep) + ", which recovered)"
                         : std::string()) +
        " falls by " + formatNumber(val.drop) + " +- " + formatNumber(val.error) +
        " (a standard error from its own scatter; at least " +
        formatNumber(config.consistentSigmas) + " asked), at " + formatPercent(line.ratio) +
        " of its average rate, its best evaluation (" + formatNumber(values[bestAt]) + " at " +
        describeStep(view, vs[bestAt]) + ") there; " + view.trainLoss.metric() +
        (t.perEpoch ? " (per epoch)" : "") + " falls there by " + formatNumber(t.line.tailDrop) +
        ", " + formatNumber(t.line.significance) + " standard errors.";
    f.advice =
        "Train longer: both losses were still falling when the run stopped; a larger "
        "validation set would show the validation's descent more clearly.";
    f.evidence["val_tail_drop"] = val.drop;
    f.evidence["val_drop_error"] = val.error;
    f.evidence["val_significance"] = val.drop / val.error;
    f.evidence["min_val_significance"] = config.consistentSigmas;
    f.evidence["val_kendall_tau"] = tau;
    f.evidence["steady_kendall_tau"] = -1.0;
    f.evidence["val_evaluations"] = static_cast<double>(val.points);
    f.evidence["max_val_evaluations"] = static_cast<double>(fewEvaluations - 1);
    f.evidence["val_slope_ratio"] = line.ratio;
    f.evidence["min_slope_ratio"] = config.minSlowingRatio;
    f.evidence["tail_drop"] = t.line.tailDrop;
    f.evidence["significance"] = t.line.significance;
    f.evidence["min_significance"] = config.noiseSigmas;
    f.evidence["new_ground"] = t.newGround;
    f.evidence["min_new_ground_share"] = config.minNewGround;
    f.evidence["val_spike_left_out"] = spikeFree.spike ? 1.0 : 0.0;
    return f;
}

}  // namespace curvedoctor::core
