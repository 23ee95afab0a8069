#include "core/detectors/undertrained.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/detectors/finding_text.h"
#include "core/detectors/trend.h"
#include "core/detectors/undertrained_late.h"
#include "core/detectors/undertrained_tail.h"

namespace curvedoctor::core {
namespace {

using undertrained::epochLevel;
using undertrained::kendallTau;
using undertrained::kMinSteadyPoints;
using undertrained::lastFiniteIsLowest;
using undertrained::metricKeepsUp;
using undertrained::TailSlope;
using undertrained::tailSlope;
using undertrained::windowSlope;

// A per-batch training loss can be too noisy for its tail's fall to reach noiseSigmas standard
// errors while the validation loss, one value per evaluation over the whole validation set,
// falls steadily and significantly (undertrained_moons_rmsprop in tests/data/corpus2: batch
// losses swing 0.1-0.4 while the val loss falls 0.41 -> 0.168 on a near-straight line). The
// validation descent then stands for the training one: it is significant by itself
// (noiseSigmas) and steady over the tail (Kendall's tau at most -minSteadiness, at least five
// evaluations there), and the training loss still falls at minNoisyTrainRatio of its average
// rate at least (its tail slope over the last tailShare, not yet converged).
bool steadyValidation(const RunView& view, const TailSlope& train, const TailSlope& val,
                      const UndertrainedConfig& config) {
    return train.ratio >= config.minNoisyTrainRatio && val.significance >= config.noiseSigmas &&
           kendallTau(view.valLoss, val.tailStart) <= -config.minSteadiness;
}

// A training loss logged every few steps can hide its fall under a pattern that repeats
// every epoch: an unshuffled loader's saw-tooth (4 logged steps per epoch,
// no_shuffle_few_steps_iris in tests/data/corpus2), which second differences read as noise.
// Its epoch-level curve (logged, or the mean per evaluation interval, as noisy_validation reads
// it) cancels the pattern; over the last 2 x tailShare it must fall significantly by itself and
// at minNoisyTrainRatio of its average rate at least, as steadyValidation asks of a noisy
// training loss (not yet converged: the healthy_wine fixture's falls at 5%).
bool fallsPerEpoch(const RunView& view, const UndertrainedConfig& config) {
    const Curve perEpoch = epochLevel(view);
    if (perEpoch.finiteCount() < config.minPoints) return false;
    const Trend t = makeTrend(perEpoch.steps(), perEpoch.values());
    const TailSlope s = tailSlope(perEpoch, t, 2.0 * config.tailShare, 1.0);
    return s.ok && s.ratio >= config.minNoisyTrainRatio && s.significance >= config.noiseSigmas;
}

// A validation loss whose early drop dwarfs its later, steady descent (a language model's
// first steps from ln(vocabulary); textlog_05 and textlog_06 in ../shared/realworld) is
// below valSlopeRatio of its average rate, yet still falling: trained as long again at its
// tail's rate it would lose another `minLevelGain` of its level, it falls at least
// minPaceOfTraining as fast as the training loss, the tail has not slowed to a
// fraction of the stretch before it (a converging curve's slope decays towards zero), over
// both stretches together the training loss falls by more than its noise, and the validation
// loss falls steadily (Kendall's tau at most -minSteadiness).
// A validation loss whose steady fall covers only the last tailShare (it zig-zagged before:
// full-batch RMSprop on quantiles, validation 0.37 -> 0.30 over the last 14 of 80 epochs after
// 50 epochs alternating 0.42/0.37; undertrained_rmsprop_fullbatch_quantiles_mlflow in
// tests/data/corpus2) still counts when it is at its best at the last evaluation, lower at
// almost every evaluation of that tail (Kendall's tau at most -minSteadiness), and the task
// metric climbs there too at almost every evaluation (accuracy 0.84 -> 0.91): more training
// still pays off where the user measures it. A validation loss still inching down while the
// accuracy has levelled (0.97, the healthy_digits fixture) is done.
struct LateClimb {
    bool found = false;
    double lossTau = 0.0;    ///< Kendall's tau of the validation loss over the tail
    double metricTau = 0.0;  ///< and of the metric, signed so that +1 is improving
};
LateClimb climbsToTheEnd(const RunView& view, std::int64_t tailStart,
                         const UndertrainedConfig& config) {
    LateClimb c;
    const Curve& m = view.valMetric;
    const Direction d = m.info().direction;
    if (m.empty() || d == Direction::Unknown) return c;
    if (!lastFiniteIsLowest(view.valLoss.values())) return c;
    const double sign = d == Direction::HigherIsBetter ? 1.0 : -1.0;
    c.lossTau = kendallTau(view.valLoss, tailStart);
    c.metricTau = sign * kendallTau(m, tailStart);
    c.found = c.lossTau <= -config.minSteadiness && c.metricTau >= config.minSteadiness;
    return c;
}

bool stillDescending(const RunView& view, const TailSlope& train, const TailSlope& val,
                     const UndertrainedConfig& config) {
    const double level = std::abs(val.end);
    if (!(level > 0.0) || val.slope * val.span < config.minLevelGain * level) return false;
    // Validation keeps pace with training: a training loss that plunges while validation
    // hardly moves is heading for overfitting, not short of steps.
    if (val.slope < config.minPaceOfTraining * train.slope) return false;
    const auto tailSteps = static_cast<std::int64_t>(val.tailShare * val.span);
    const std::optional<double> before =
        windowSlope(view.valLoss, val.tailStart - tailSteps, val.tailStart, 1.0);
    if (!before || !(*before > 0.0) || val.slope < config.minRecentRatio * *before) return false;
    const TailSlope train2 =
        tailSlope(view.trainLoss, view.trainTrend, 2.0 * config.tailShare, 1.0);
    return train2.ok &&
           (train2.significance >= config.noiseSigmas ||
            steadyValidation(view, train, val, config) || fallsPerEpoch(view, config)) &&
           (kendallTau(view.valLoss, val.tailStart - tailSteps) <= -config.minSteadiness ||
            climbsToTheEnd(view, val.tailStart, config).found);
}

// A validation loss falling slowly on a straight line to the end (a CNN, GRU or LSTM under
// plain SGD or Adagrad: 2.298 -> 2.260 over 10 evaluations, each below the one before, while
// accuracy climbs 0.17 -> 0.51, undertrained_cnn_sgd_tf in tests/data/corpus2) is undertrained
// however little it has fallen: a practitioner reads how consistently it falls, not how much.
// Over the second half of the run it falls at almost every evaluation (Kendall's tau at most
// -minSteadiness, at least five evaluations), by noiseSigmas standard errors of its line at
// least, without levelling off (see below; a converging curve's slope decays towards zero),
// and the training loss falls there too (its line, not its noise).
struct SteadyDescent {
    bool found = false;
    TailSlope half;          ///< the validation loss's line over the second half
    double tau = 0.0;        ///< Kendall's tau there
    double paceRatio = 0.0;  ///< its slope over that of the first half
};

SteadyDescent steadyDescent(const RunView& view, const UndertrainedConfig& config) {
    SteadyDescent d;
    const Curve& vc = view.valLoss;
    if (view.valTrend.size() < config.minPoints || view.trainTrend.empty()) return d;
    d.half = tailSlope(vc, view.valTrend, 0.5, 1.0);
    if (!d.half.ok || !(d.half.slope > 0.0)) return d;
    const std::optional<double> before = windowSlope(vc, vc.steps().front(), d.half.tailStart, 1.0);
    if (!before || !(*before > 0.0)) return d;
    d.paceRatio = d.half.slope / *before;
    d.tau = kendallTau(vc, d.half.tailStart);
    // Not levelling off: as fast over the second half as over the first. (Also accepting a
    // pace that would lower it by minLevelGain of its level over a run as long again, as a
    // language model's power-law decay does, textlog_06 in ../shared/realworld, called nine
    // healthy runs of tests/data/corpus2 undertrained: their curves still fall that fast.)
    const bool keepsPace = d.paceRatio >= config.minRecentRatio;
    d.found = d.tau <= -config.minSteadiness && d.half.significance >= config.noiseSigmas &&
              keepsPace && metricKeepsUp(view, d.half.tailStart);
    if (!d.found) return d;
    // The training loss last: its line may read a million steps.
    const TailSlope train = tailSlope(view.trainLoss, view.trainTrend, 0.5, 1.0);
    d.found = train.ok && train.slope > 0.0;
    return d;
}

// The steady descent of steadyDescent as a finding about the validation loss.
std::optional<Finding> steadyDescentFinding(const RunView& view, const UndertrainedConfig& config) {
    const SteadyDescent d = steadyDescent(view, config);
    if (!d.found) return std::nullopt;
    const std::string& metric = view.valLoss.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric,
                            d.half.tailStart, view.valLoss.steps().back());
    f.message = metric + " is still falling steadily at the end: over the second half of the " +
                "run (from " + describeStep(view, d.half.tailStart) + ") it falls by " +
                formatNumber(d.half.tailDrop) + " on a line, " + formatNumber(d.half.significance) +
                " standard errors of its noise, lower " +
                "at almost every evaluation (Kendall's tau " + formatNumber(d.tau) + "), at " +
                formatPercent(d.paceRatio) + " of its pace over the first half; " +
                view.trainLoss.metric() + " falls there too.";
    f.advice =
        "Train longer, or raise the learning rate (or use an adaptive optimiser): the "
        "descent is slow but has not begun to level off.";
    f.evidence["tail_drop"] = d.half.tailDrop;
    f.evidence["significance"] = d.half.significance;
    f.evidence["min_significance"] = config.noiseSigmas;
    f.evidence["kendall_tau"] = d.tau;
    f.evidence["max_kendall_tau"] = -config.minSteadiness;
    f.evidence["pace_ratio"] = d.paceRatio;
    f.evidence["min_pace_ratio"] = config.minRecentRatio;
    return f;
}

// A validation loss that slows down but is still far from its floor (a GRU under Adagrad or
// Adamax: 2.26 -> 0.84 over 12 evaluations, each below the one before, its tail falling at
// 40% of its average rate while accuracy climbs to 0.80; undertrained_gru2_adagrad_tf in
// tests/data/corpus2) is undertrained although it decelerates, as any approach to a floor
// does. How far it still is from its floor is read from its own pace: a curve that has
// converged ends at a few percent of its average rate (the healthy runs of the fixtures and
// corpus2 whose validation loss falls steadily to the end end at <= 9%, and at 17%
// healthy_quantiles_big_adamw_tf, whose label allows undertrained; an exponential approach
// ends at about 20% after 3 of its time constants, 3% after 6), one still at >= minSlowingRatio
// of it has a sizeable part of its fall ahead (the misses of this class: 21% to 46%). It must
// also be at its best at the last evaluation, fall at almost every evaluation over the second
// half (Kendall's tau at most -minSteadiness, at least five evaluations) by noiseSigmas
// standard errors of its line at least, the training loss fall over that half too, and the
// validation loss have fallen by minSlowingFall of its first value at least (a loss creeping
// 1.7905 -> 1.780 at ln 6 with accuracy constant at 0.32, lightning_01 in
// ../shared/realworld, is not learning, not short of steps).
struct SlowingDescent {
    bool found = false;
    TailSlope tail;  ///< the validation loss's line over the last tailShare
    TailSlope half;  ///< and over the second half
    double tau = 0.0;
    bool onTraining = false;     ///< read on the training loss, validation confirming
    double valTau = 0.0;         ///< then validation's Kendall's tau over the second half
    double valPace = 0.0;        ///< and its tail slope over the training loss's
    bool trainPerEpoch = false;  ///< the training loss read by the epoch (see slowingDescent)
};

// The slowing descent of curve `c` (its trend `t`) by itself: at its best at the last finite
// value, its tail still falling at minSlowingRatio of its average rate, lower at almost every
// point over the second half, significantly, having fallen by minSlowingFall of its first value.
// It reads a run of kMinSteadyPoints evaluations already (the fewest a rank correlation reads),
// not only minPoints: a run stopped after five epochs while both losses still fall, faster at
// each (validation 2.259, 2.217, 2.167, 2.100, 2.022, training likewise, accuracy 0.33 -> 0.76;
// undertrained_short_cnn_adamax_deit in tests/data/corpus2), asks the same questions, and five
// values lower each than the one before answer them (Kendall's tau -1).
SlowingDescent slowingOf(const Curve& c, const Trend& t, const UndertrainedConfig& config) {
    SlowingDescent d;
    if (t.size() < kMinSteadyPoints) return d;
    // Cheapest test first: on a training loss of a million steps each pass costs. At its best
    // at the last value needs it lowest within its trend's last bin (a few thousand steps):
    // a noisy batch loss fails here.
    const auto raw = c.values();
    std::size_t lastFinite = c.size();
    while (lastFinite > 0 && !std::isfinite(raw[lastFinite - 1])) --lastFinite;
    if (lastFinite == 0) return d;
    for (std::size_t i = lastFinite; i-- > 0 && c.steps()[i] >= t.firstSteps.back();) {
        if (raw[i] < raw[lastFinite - 1]) return d;
    }
    d.tail = tailSlope(c, t, config.tailShare, 1.0);
    if (!d.tail.ok || d.tail.ratio < config.minSlowingRatio) return d;
    // At its best at the last finite evaluation.
    const auto values = c.values();
    const auto lowest = lastFiniteIsLowest(values);
    if (!lowest) return d;
    const std::size_t last = *lowest;
    double first = values[last];
    for (std::size_t i = 0; i < last; ++i) {
        if (std::isfinite(values[i])) {
            first = values[i];
            break;
        }
    }
    if (!(first - values[last] >= config.minSlowingFall * std::abs(first))) return d;
    // The second half, or the last kMinSteadyPoints values if it holds fewer: a short run's
    // second half may hold three evaluations (six in all, undertrained_lstm2_short_tf in
    // tests/data/corpus2: 2.24 -> 0.57, each below the one before, its last 20% still at 36%
    // of its average rate), too few for a rank correlation or a line's standard error.
    std::int64_t from = c.steps()[lastFinite - 1];
    std::size_t n = 0;
    for (std::size_t i = lastFinite; i-- > 0 && n < kMinSteadyPoints;) {
        if (!std::isfinite(raw[i])) continue;
        from = c.steps()[i];
        ++n;
    }
    const double span = static_cast<double>(c.steps()[lastFinite - 1] - c.steps().front());
    const double share =
        std::max(0.5, static_cast<double>(c.steps()[lastFinite - 1] - from) / span);
    d.half = tailSlope(c, t, share, 1.0);
    if (!d.half.ok) return d;
    d.tau = kendallTau(c, d.half.tailStart);
    d.found = d.tau <= -config.minSteadiness && d.half.significance >= config.noiseSigmas;
    return d;
}

// The validation loss's slowing descent, with the training loss falling over the second half
// too (its line). Or, on a short run whose evaluations scatter about their descent (ten
// evaluations of a transformer under Adagrad: 1.78 -> 0.73 then 0.75, while the training loss,
// one value per epoch, falls 1.94 -> 0.74, lower at every epoch and at 37% of its average rate
// over its last 20%; undertrained_transformer_adagrad_deit in tests/data/corpus2), the
// training loss's own slowing descent, confirmed by validation: over the second half it falls
// at almost every evaluation too (Kendall's tau at most -minSteadiness), its best is in its
// last tailShare (not past its best, so no overfitting), and over that tail it keeps pace with
// training, falling at minPaceOfTraining of its rate at least (a validation loss levelling at
// 0.230 while the training loss falls on, metric_flat_f1_rare_rmsprop, is near its floor).
SlowingDescent slowingDescent(const RunView& view, const UndertrainedConfig& config) {
    const Curve& vc = view.valLoss;
    if (view.valTrend.size() < kMinSteadyPoints || view.trainTrend.empty()) return {};
    SlowingDescent d = slowingOf(vc, view.valTrend, config);
    if (d.found) {
        const TailSlope train = tailSlope(view.trainLoss, view.trainTrend, 0.5, 1.0);
        d.found = train.ok && train.slope > 0.0;
        // A step loss that repeats a pattern every epoch (class-sorted batches of 16: each
        // epoch's first class falls to 0.01 before the jump at the class change, the smoothed
        // step loss rising 0.175 -> 0.47; no_shuffle_sorted_quantiles_adagrad_mlflow in
        // tests/data/corpus2, half q) is read by the epoch: its mean per evaluation interval
        // (epochLevel, 0.963 -> 0.450) must fall over the second half instead.
        if (!d.found) {
            const Curve level = epochLevel(view);
            const TailSlope perEpoch =
                level.finiteCount() >= undertrained::kMinTailPoints
                    ? tailSlope(level, makeTrend(level.steps(), level.values()), 0.5, 1.0)
                    : TailSlope{};
            d.found = perEpoch.ok && perEpoch.slope > 0.0;
            d.trainPerEpoch = d.found;
        }
        return d;
    }
    // Validation first (a few evaluations), then the training loss (maybe a million steps).
    const TailSlope valHalf = tailSlope(vc, view.valTrend, 0.5, 1.0);
    const TailSlope valTail = tailSlope(vc, view.valTrend, config.tailShare, 1.0);
    const double valTau = valHalf.ok ? kendallTau(vc, valHalf.tailStart) : 0.0;
    if (!valHalf.ok || !valTail.ok || valTau > -config.minSteadiness) return {};
    const auto values = vc.values();
    std::size_t bestAt = vc.size();
    for (std::size_t i = 0; i < vc.size(); ++i) {
        if (std::isfinite(values[i]) && (bestAt == vc.size() || values[i] < values[bestAt]))
            bestAt = i;
    }
    if (bestAt == vc.size() || vc.steps()[bestAt] < valTail.tailStart) return {};
    SlowingDescent t = slowingOf(view.trainLoss, view.trainTrend, config);
    if (!t.found || valTail.slope < config.minPaceOfTraining * t.tail.slope) return {};
    t.onTraining = true;
    t.valTau = valTau;
    t.valPace = valTail.slope / t.tail.slope;
    return t;
}

std::optional<Finding> slowingDescentFinding(const RunView& view,
                                             const UndertrainedConfig& config) {
    const SlowingDescent d = slowingDescent(view, config);
    if (!d.found) return std::nullopt;
    const std::string& metric = d.onTraining ? view.trainLoss.metric() : view.valLoss.metric();
    const std::string& other = d.onTraining ? view.valLoss.metric() : view.trainLoss.metric();
    Finding f =
        makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric, d.tail.tailStart,
                    (d.onTraining ? view.trainLoss : view.valLoss).steps().back());
    f.message =
        metric +
        " is still falling at the end, at its best at the last evaluation: " + "over the last " +
        formatPercent(d.tail.tailShare) + " of the steps (from " +
        describeStep(view, d.tail.tailStart) + ") it falls by " + formatNumber(d.tail.tailDrop) +
        ", at " + formatPercent(d.tail.ratio) +
        " of its average rate (a converged curve ends at a few percent), and from " +
        describeStep(view, d.half.tailStart) +
        " (the second half, or its last five values) it is lower at almost every " +
        "evaluation (Kendall's tau " + formatNumber(d.tau) + ", " +
        formatNumber(d.half.significance) + " standard errors); " + other +
        (d.onTraining
             ? " falls at almost every evaluation there too (tau " + formatNumber(d.valTau) +
                   "), its best in the tail, at " + formatPercent(d.valPace) +
                   " of the training loss's pace."
             : (d.trainPerEpoch ? " (its mean per epoch) falls there too." : " falls there too."));
    f.advice = d.tail.ratio >= 1.0
                   ? "Train longer: the descent has not slowed at all yet; a higher learning rate "
                     "would get there sooner."
                   : "Train longer: the descent slows but is far from levelling off; a higher "
                     "learning rate (or a schedule that decays it later) would get there sooner.";
    f.evidence["tail_drop"] = d.tail.tailDrop;
    f.evidence["slope_ratio"] = d.tail.ratio;
    f.evidence["min_slope_ratio"] = config.minSlowingRatio;
    f.evidence["kendall_tau"] = d.tau;
    f.evidence["max_kendall_tau"] = -config.minSteadiness;
    f.evidence["significance"] = d.half.significance;
    f.evidence["min_significance"] = config.noiseSigmas;
    f.evidence["steady_share"] = d.half.tailShare;
    f.evidence["read_on_training_loss"] = d.onTraining ? 1.0 : 0.0;
    f.evidence["train_read_per_epoch"] = d.trainPerEpoch ? 1.0 : 0.0;
    if (d.onTraining) {
        f.evidence["val_kendall_tau"] = d.valTau;
        f.evidence["val_pace_of_training"] = d.valPace;
        f.evidence["min_pace_of_training"] = config.minPaceOfTraining;
    }
    return f;
}

// The rules that read the training loss's tail against its average rate (see the header).
std::vector<Finding> fastDescent(const RunView& view, const UndertrainedConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.size() < config.minPoints) return out;
    const TailSlope train = tailSlope(view.trainLoss, t, config.tailShare, 1.0);
    if (!train.ok || train.ratio <= 0.0) return out;
    const bool useValLoss = !view.valTrend.empty();
    const Trend& v = useValLoss ? view.valTrend : view.valMetricTrend;
    const Curve& vc = useValLoss ? view.valLoss : view.valMetric;
    std::string valText;
    std::optional<LateClimb> lateEvidence;
    if (v.size() >= config.minPoints) {
        const double sign =
            !useValLoss && vc.info().direction == Direction::HigherIsBetter ? -1.0 : 1.0;
        const TailSlope val = tailSlope(vc, v, config.tailShare, sign);
        if (!val.ok) return out;
        const bool trainFalls = train.significance >= config.noiseSigmas ||
                                (useValLoss && steadyValidation(view, train, val, config));
        const bool steep = trainFalls && val.significance >= config.noiseSigmas &&
                           val.ratio >= config.valSlopeRatio;
        if (!steep && !(useValLoss && stillDescending(view, train, val, config))) return out;
        // The best validation value must be in the tail: still improving, not past its best.
        double bestBad = sign * v.front();
        std::size_t bestAt = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (sign * v.values[i] < bestBad) {
                bestBad = sign * v.values[i];
                bestAt = i;
            }
        }
        if (v.lastSteps[bestAt] < val.tailStart) return out;
        valText = "; " + vc.metric() + " is still improving too, at " + formatPercent(val.ratio) +
                  " of its average rate";
        // The reading of a steady fall over the last tailShare only: say so, with its numbers.
        if (const LateClimb c = climbsToTheEnd(view, val.tailStart, config);
            useValLoss && !steep && c.found) {
            valText += ", at its best at the last evaluation and lower at almost every one of " +
                       std::string("the tail (Kendall's tau ") + formatNumber(c.lossTau) +
                       ") while " + view.valMetric.metric() + " improves at almost every one (" +
                       formatNumber(c.metricTau) + ")";
            lateEvidence = c;
        }
    } else if (train.ratio < config.trainSlopeRatio || train.significance < config.noiseSigmas) {
        return out;
    }
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Undertrained, Severity::Warning, metric,
                            train.tailStart, view.trainLoss.steps().back());
    f.message = metric + " is still falling at the end: by " + formatNumber(train.tailDrop) +
                " over the last " + formatPercent(train.tailShare) + " of the steps (from " +
                describeStep(view, train.tailStart) + "), at " + formatPercent(train.ratio) +
                " of its average rate over the run" + valText + ".";
    f.advice =
        "Train longer (more epochs), or raise the learning rate if the descent is slow "
        "and steady; make sure the schedule does not decay the rate too early.";
    f.evidence["tail_drop"] = train.tailDrop;
    f.evidence["slope_ratio"] = train.ratio;
    if (lateEvidence) {
        f.evidence["val_tail_kendall_tau"] = lateEvidence->lossTau;
        f.evidence["metric_tail_kendall_tau"] = lateEvidence->metricTau;
        f.evidence["min_steadiness"] = config.minSteadiness;
    }
    out.push_back(std::move(f));
    return out;
}

}  // namespace

std::vector<Finding> detectUndertrained(const RunView& view, const UndertrainedConfig& config) {
    std::vector<Finding> out = fastDescent(view, config);
    if (out.empty() && view.trainTrend.size() >= config.minPoints) {
        if (auto f = steadyDescentFinding(view, config)) out.push_back(std::move(*f));
    }
    if (out.empty() && view.trainTrend.size() >= kMinSteadyPoints) {
        if (auto f = slowingDescentFinding(view, config)) out.push_back(std::move(*f));
    }
    if (out.empty() && view.trainTrend.size() >= config.minPoints) {
        if (auto f = scheduleRanOutFinding(view, config)) out.push_back(std::move(*f));
    }
    if (out.empty() && view.trainTrend.size() >= config.minPoints) {
        if (auto f = noisyValidationFinding(view, config)) out.push_back(std::move(*f));
    }
    if (out.empty() && view.trainTrend.size() >= config.minPoints) {
        if (auto f = noisyDescentFinding(view, config)) out.push_back(std::move(*f));
    }
    return out;
}

}  // namespace curvedoctor::core
