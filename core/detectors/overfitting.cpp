#include "core/detectors/overfitting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/detectors/best_step.h"
#include "core/detectors/finding_text.h"
#include "core/finite.h"

namespace curvedoctor::core {
namespace {

// The validation metric is better at `to` than at `from` by `share` of its whole improvement
// and by more than noiseSigmas times its noise: that of its smoothed trend, or with `raw`, that
// of one evaluation and more than metricQuanta steps of its grid.
bool metricKeepsImproving(const RunView& view, std::int64_t from, std::int64_t to,
                          const OverfittingConfig& config, double share, bool raw = false) {
    const Trend& m = view.valMetricTrend;
    if (m.size() < config.minValPoints) return false;
    const Direction d = view.valMetric.info().direction;
    if (d == Direction::Unknown) return false;
    const double sign = d == Direction::HigherIsBetter ? 1.0 : -1.0;
    const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.end());
    const double range = *hi - *lo;
    double base = sign * m.valueAt(from);
    // From the half-rise, "better" means a new best: a metric climbing back out of a dip
    // regains what it had and gains nothing.
    if (raw) {
        for (std::size_t i = 0; i < m.size() && m.steps[i] <= from; ++i)
            base = std::max(base, sign * m.values[i]);
    }
    const double gain = sign * m.valueAt(to) - base;
    return range > 0.0 && gain >= share * range &&
           gain > config.noiseSigmas * (raw ? m.noise : m.trendNoise) &&
           (!raw || gain > config.metricQuanta * metricQuantum(view.valMetric));
}

// The best (lowest) badness the raw curve holds for `n` evaluations in a row: the minimum over
// windows of n consecutive finite values of their maximum. NaN when no such window exists.
double heldBest(const Curve& curve, double sign, std::size_t n) {
    double best = std::numeric_limits<double>::quiet_NaN();
    std::size_t run = 0;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        run = std::isfinite(curve.values()[i]) ? run + 1 : 0;
        if (n == 0 || run < n) continue;
        double worst = -std::numeric_limits<double>::infinity();
        for (std::size_t j = i + 1 - n; j <= i; ++j)
            worst = std::max(worst, sign * curve.values()[j]);
        if (!(worst >= best)) best = worst;
    }
    return best;
}

// The last finite value of `c` logged at or before `step` (its first finite value when none
// is); NaN when it has none. A binary search on the sorted steps: a learning rate is often
// logged at every step.
double valueAtOrBefore(const Curve& c, std::int64_t step) {
    const auto steps = c.steps();
    const auto values = c.values();
    auto i = static_cast<std::size_t>(std::upper_bound(steps.begin(), steps.end(), step) -
                                      steps.begin());
    while (i > 0 && !std::isfinite(values[i - 1])) --i;
    if (i > 0) return values[i - 1];
    for (double x : values) {
        if (std::isfinite(x)) return x;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

// Where the training loss blows up after the validation loss's best: it climbs back above where
// it started, its untrained level, after it had learnt.
struct BlowUp {
    std::int64_t lastLow = 0;  // the training trend's last low before that climb
    std::int64_t past = 0;     // its first point past the untrained level
    double untrained = 0.0;
};

// A training loss that climbs back above its untrained level after the best has blown up: a
// network still improving on its training data never gets worse than untrained. What follows is
// divergence (or an oscillation, when it comes back), which those detectors report (the momentum
// blow-up of divergence_momentum_wine_hf in tests/data/corpus2: train trend 0.19 at the start,
// spikes to 1e7 later, validation rising with it by more still); overfitting can only be read
// before it (see detectOverfitting).
// Only a climb after the training loss had learnt counts (from where it first made half its
// fall): a wobble before it learnt anything, at the untrained level, is the start of training,
// not a blow-up (full-batch Nesterov: 0.70 -> 0.82 at the second epoch, then down to 1e-7 while
// validation climbs 0.80 -> 6.7, overfitting_fullbatch_cancer_nesterov_tf in tests/data/corpus2;
// a noisy batch loss 0.53 -> 0.55 before its fall, overfitting_diabetes_deep_nadam_mlflow).
// The climb starts at the training trend's last low before it passes the untrained level.
std::optional<BlowUp> blowUpAfter(const RunView& view, const Trend& t, std::int64_t bestStep,
                                  const OverfittingConfig& config) {
    const double trainLow = *std::min_element(t.values.begin(), t.values.end());
    std::size_t learnt = 0;
    while (learnt + 1 < t.size() && t.values[learnt] > 0.5 * (t.front() + trainLow)) ++learnt;
    // A classifier (its validation metric an accuracy) starts untrained at a cross-entropy of
    // at least ln 2, the uniform guess over the fewest classes there are: a first logged loss
    // below that had learnt before it was logged, and the untrained level is ln 2 (batches of
    // 4 on 25% flipped labels: the first log 0.55, spikes to 0.69 as it memorises the flipped
    // labels while validation climbs 0.51 -> 1.45, overfitting_noisycls_adamax_resmlp_hf in
    // tests/data/corpus2).
    const double untrained =
        view.valMetric.isAccuracy() ? std::max(t.front(), std::log(2.0)) : t.front();
    for (std::size_t i = std::max(learnt, t.indexAtOrAfter(bestStep)); i < t.size(); ++i) {
        if (!(t.values[i] > untrained + config.noiseSigmas * t.trendNoise)) continue;
        std::size_t low = i;
        while (low > 0 && t.values[low - 1] <= t.values[low]) --low;
        return BlowUp{t.steps[low], t.steps[i], untrained};
    }
    return std::nullopt;
}

// The bins of `t` at or before `step`, its noise estimates kept (robust to the few points of a
// blow-up after it).
Trend trendUntil(const Trend& t, std::int64_t step) {
    Trend out = t;
    const auto n = static_cast<std::size_t>(std::upper_bound(t.steps.begin(), t.steps.end(), step) -
                                            t.steps.begin());
    out.steps.resize(n);
    out.firstSteps.resize(n);
    out.lastSteps.resize(n);
    out.values.resize(n);
    if (out.fineValues.size() > n) out.fineValues.resize(n);
    return out;
}

// Reads overfitting on the validation trend `v` (of the validation loss, or without one of the
// metric) and the training trend `t`: the run's (`before` null), or those of the stretch
// `before` a blow-up. Reading the run's, sets `blowUp` instead of reading when the training loss
// blows up after the best.
std::vector<Finding> readOverfitting(const RunView& view, const Trend& v, const Trend& t,
                                     const OverfittingConfig& config, const BlowUp* before,
                                     std::optional<BlowUp>& blowUp) {
    std::vector<Finding> out;
    const bool useLoss = !view.valTrend.empty();
    const Curve& curve = useLoss ? view.valLoss : view.valMetric;
    if (v.rawPoints < config.minValPoints || v.size() < config.minValPoints) return out;
    // Work in "badness": larger is worse, whatever the metric's direction.
    const double sign =
        !useLoss && curve.info().direction == Direction::HigherIsBetter ? -1.0 : 1.0;
    std::vector<double> bad(v.values.size());
    for (std::size_t i = 0; i < bad.size(); ++i) bad[i] = sign * v.values[i];
    const std::size_t best =
        static_cast<std::size_t>(std::min_element(bad.begin(), bad.end()) - bad.begin());
    const std::size_t after = bad.size() - 1 - best;
    const double span = static_cast<double>(v.steps.back() - v.steps.front());
    const double afterSpan = static_cast<double>(v.steps.back() - v.steps[best]);
    if (after < config.minPointsAfterBest || span <= 0.0 ||
        afterSpan < config.minShareAfterBest * span) {
        return out;
    }
    const double bestBad = bad[best];
    const double rise = bad.back() - bestBad;
    const double improvement = bad.front() - bestBad;
    const double ref = std::max(std::abs(bestBad), 0.1 * improvement);
    if (!(ref > 0.0)) return out;
    const double relRise = rise / ref;
    if (relRise < config.minRise || rise < config.noiseSigmas * v.trendNoise) return out;
    // A metric that never gained what it later lost never learnt anything on validation
    // (mmdet_03 in ../shared/realworld: mAP 0.005 -> 0.0066 -> 0.001); that is no overfitting.
    // A loss may be best at the first evaluation: overfitting from the start.
    if (!useLoss && improvement < rise) return out;
    // Inside sustained swings the rise must stand out of them: a curve that had already come
    // within half the rise of its best, then climbed as high as where it ends and fell back to
    // its best, in no less time than it has been rising since, is swinging, and its last climb
    // is one more swing (full-batch momentum on friedman3: validation waves 0.29 <-> 0.39 to
    // the end; its trend at 0.307 at epoch 63, up to 0.377 at 72, its best 0.293 at 86, 0.327
    // at the end of 100, oscillation_sustained_fullbatch_friedman3_tf in tests/data/corpus2). A
    // curve that overfits falls to its best once it is that low, or climbs for longer than its
    // early swings lasted (a fading Nesterov swing 0.24 -> 0.61 -> 0.14 over epochs 7-24, then
    // a steady climb to 0.56 by 100, oscillation_nesterov_circles_tf).
    std::size_t near = 0;
    while (near < best && bad[near] > bestBad + 0.5 * rise) ++near;
    if (afterSpan <= static_cast<double>(v.steps[best] - v.steps[near]) &&
        std::any_of(bad.begin() + static_cast<std::ptrdiff_t>(near),
                    bad.begin() + static_cast<std::ptrdiff_t>(best),
                    [&](double b) { return b >= bad.back(); })) {
        return out;
    }

    const std::int64_t bestStep = v.steps[best];
    const std::int64_t endStep = v.lastSteps.back();
    // Without a training loss there is no "while training keeps improving": a validation
    // reward that collapses in reinforcement learning is instability, not overfitting.
    if (t.empty()) return out;
    if (!before) {
        blowUp = blowUpAfter(view, t, bestStep, config);
        if (blowUp) return out;
    }
    // The training loss must not be rising with it: that would be divergence.
    const double trainAtBest = t.valueAt(bestStep);
    const double trainAtEnd = t.valueAt(endStep);
    const double trainRise = trainAtEnd - trainAtBest;
    if (useLoss ? trainRise > 0.5 * rise : trainRise > config.noiseSigmas * t.trendNoise) {
        return out;
    }
    // Before a blow-up it must have kept falling, beyond its noise: a batch loss that only
    // wanders under a growing learning rate while validation climbs was unstable already
    // (0.36 -> 0.59 about a noise of 0.08 before a blow-up into NaN, divergence_then_nan_diabetes
    // in tests/data/corpus2; raw regression targets 6.4e3 -> 5.3e3 about a noise of 2.3e3,
    // divergence_nan_grow_linreg_raw_tf). Before theirs, the overfitting runs' fell by half.
    if (before && !(trainRise < -config.noiseSigmas * t.trendNoise)) return out;
    // Nor may it have blown up in between, by more than validation rose and than its own
    // noise: a validation loss that climbs after the training loss left its band (a momentum
    // blow-up to 14x that settles back near its old level, oscillation_momentum_diabetes_tf in
    // tests/data/corpus2) follows the instability, which divergence and oscillation report;
    // the network did not keep improving on its training data. A noisy batch loss wiggling
    // after the best (overfitting_diabetes_mlp) has not left its band.
    double trainPeak = trainAtBest;
    for (std::size_t i = t.indexAtOrAfter(bestStep); i < t.size(); ++i) {
        trainPeak = std::max(trainPeak, t.values[i]);
    }
    if (useLoss && trainPeak - trainAtBest > std::max(rise, config.noiseSigmas * t.trendNoise)) {
        return out;
    }

    // Nor may it climb while the learning rate grows (doubled or more from the best on): the
    // step size has outgrown the loss surface, which divergence reports; a model that overfits
    // keeps improving on its training data at any learning rate (raw diabetes targets under an
    // lr growing 394x over the run: training 3.3e3 at the best, 1.0e4 at the end as the lr grew
    // 11x, validation 2.9e3 -> 2.4e4, divergence_grow_raw_diabetes in tests/data/corpus2; a
    // momentum of 0.99 at a constant lr whose training climbs 0.09 -> 0.23 while validation
    // climbs 0.08 -> 0.69, overfitting_momentum_circles, is overfitting; a growing lr under
    // which training keeps falling, overfitting_lr_grows_wine, too).
    if (useLoss && !view.learningRate.empty() && trainRise > config.noiseSigmas * t.trendNoise) {
        const double lrAtBest = valueAtOrBefore(view.learningRate, bestStep);
        const double lrAtEnd = valueAtOrBefore(view.learningRate, endStep);
        if (lrAtBest > 0.0 && lrAtEnd >= config.lrGrowth * lrAtBest) return out;
    }

    // The validation loss rises but the task metric keeps improving (detection box losses
    // while mAP climbs, ultralytics_07 in ../shared/realworld): the model is not getting
    // worse at the task; metric_loss_disagreement reports that reading instead. "Keeps" means
    // by metricGainShare of its range from the turn, and still by more than its noise from
    // where the loss has made half its rise: a metric that gains while the loss turns and then
    // stays level while the loss climbs on (accuracy level at 0.76 for 80 of 100 epochs,
    // overfitting_cnn_subset in tests/data/corpus2) has stopped. From there its gain must stand
    // out of the scatter of single evaluations, not only of its smoothed trend (whose standard
    // error shrinks with every evaluation): an accuracy that creeps 0.71 -> 0.72 over the last
    // 60 of 80 epochs, jumping by 0.004 from one evaluation to the next, while the validation
    // loss climbs 0.88 -> 1.17 is flat to a practitioner (overfitting_hastie_subset_mlflow in
    // tests/data/corpus2); a mAP that still climbs 0.6 -> 0.85 there (ultralytics_07 in
    // ../shared/realworld) is not. There it must set a new best, by more than metricQuanta
    // steps of its grid: an accuracy back from a dip at its old level plus one sample of 225
    // while the loss climbs 0.12 -> 0.21 (overfitting_blobs_subset_nesterov_mlflow), or one
    // sample of 200 up while it climbs 0.66 -> 4.1 (overfitting_early_best_noisycls_rmsprop_
    // mlflow, both in tests/data/corpus2), has not kept improving.
    std::size_t halfRisen = best;
    while (halfRisen + 1 < bad.size() && bad[halfRisen] < bestBad + 0.5 * rise) ++halfRisen;
    if (useLoss && metricKeepsImproving(view, bestStep, endStep, config, config.metricGainShare) &&
        metricKeepsImproving(view, v.steps[halfRisen], endStep, config, 0.0, true)) {
        return out;
    }

    // Severe: far above its best, or ending worse than it started after a real improvement
    // (giving back all of what was learnt). A validation loss that barely improved first (F1
    // of a rare class: 0.282 -> 0.277 -> 0.307, metric_flat_f1_rare_sgd in tests/data/corpus2)
    // ends above its start by its mild rise alone.
    // Severity counts from the best level the raw curve held for heldBestPoints evaluations:
    // inside a ringing (oscillation_fading_circles_tf in tests/data/corpus2: raw validation
    // 0.14-0.38 about its trend) the trend's lowest point is one dip of the swing.
    const double held = std::max(bestBad, heldBest(curve, sign, config.heldBestPoints));
    const double heldRef = std::max(std::abs(held), 0.1 * improvement);
    const double heldRise = heldRef > 0.0 ? (bad.back() - held) / heldRef : relRise;
    // "Its first value" as logged, too: a running median starts a curve that falls fast in its
    // first evaluations at its second or third value (full-batch SGD on a linear regression:
    // validation 0.93 -> 0.47 in three evaluations, its trend starting at 0.64, then waves
    // drifting up to 0.643; oscillation_waves_fullbatch_linreg_sgd_mlflow in tests/data/corpus2
    // gave back only part of what it gained).
    const double firstBad = std::max(bad.front(), sign * firstFinite(curve.values()));
    const bool gaveAllBack = bad.back() > firstBad && improvement >= config.minRise * ref;
    const bool severe = heldRise >= config.severeRise || gaveAllBack;
    const FindingKind kind = severe ? FindingKind::SevereOverfitting : FindingKind::Overfitting;
    Finding f = makeFinding(view, kind, severe ? Severity::Error : Severity::Warning,
                            curve.metric(), bestStep, endStep);
    const double bestValue = sign * bestBad;
    const double endValue = sign * bad.back();
    // "Best" means one thing everywhere (the diagnose summary, the chart marker, the comparison
    // table, the report): the raw best evaluation, the checkpoint early stopping would keep.
    // The smoothed trend only decides that the run overfits and where it turned.
    const std::optional<BestStep> raw = findBestStep(view);
    const bool sameCurve = raw && raw->metric == curve.metric();
    const std::int64_t stopStep = sameCurve ? raw->step : bestStep;
    if (sameCurve) {
        f.message = curve.metric() + " was best at " + describeStep(view, raw->step) + " (" +
                    formatNumber(raw->value) + "); its smoothed trend turned at " +
                    describeStep(view, bestStep) + " (" + formatNumber(bestValue) +
                    ") and got worse to " + formatNumber(endValue) + " by " +
                    describeStep(view, endStep) + " (" + formatPercent(relRise) +
                    " of its best level)";
        f.evidence["best_step"] = static_cast<double>(raw->step);
        f.evidence["best_raw_value"] = raw->value;
    } else {
        f.message = curve.metric() + " reached its best, " + formatNumber(bestValue) +
                    " (smoothed), at " + describeStep(view, bestStep) + ", then got worse to " +
                    formatNumber(endValue) + " by " + describeStep(view, endStep) + " (" +
                    formatPercent(relRise) + " of its best level)";
    }
    f.message += " while " + view.trainLoss.metric() + " went from " + formatNumber(trainAtBest) +
                 " to " + formatNumber(trainAtEnd);
    if (useLoss) {
        f.message += "; the train/validation gap widened from " +
                     formatNumber(bestValue - trainAtBest) + " to " +
                     formatNumber(endValue - trainAtEnd);
        f.evidence["gap_at_best"] = bestValue - trainAtBest;
        f.evidence["gap_at_end"] = endValue - trainAtEnd;
    }
    if (gaveAllBack && relRise < config.severeRise) {
        f.message += "; it ends worse than its first value, " + formatNumber(sign * firstBad) +
                     ", giving back all it had gained";
    }
    if (before) {
        f.message += "; read up to the last low of " + view.trainLoss.metric() +
                     " before it blew up past its untrained level, " +
                     formatNumber(before->untrained) + ", at " + describeStep(view, before->past);
        f.evidence["blow_up_step"] = static_cast<double>(before->past);
        f.evidence["untrained_level"] = before->untrained;
    }
    f.message += ".";
    f.advice = "Stop early at the best point (" + describeStep(view, stopStep) +
               "; early stopping on " + curve.metric() +
               " with a patience of a few evaluations), and regularise: more data or "
               "augmentation, weight decay, dropout.";
    if (severe) f.advice += " The gap is large: also try a smaller model.";
    f.evidence["trend_best_value"] = bestValue;
    f.evidence["end_value"] = endValue;
    f.evidence["relative_rise"] = relRise;
    f.evidence["severe_rise"] = config.severeRise;
    f.evidence["held_best_value"] = sign * held;
    f.evidence["rise_from_held_best"] = heldRise;
    f.evidence["first_value"] = sign * firstBad;
    f.evidence["relative_improvement"] = improvement / ref;
    out.push_back(std::move(f));
    return out;
}

}  // namespace

// A run that overfits and later blows up (full-batch Nesterov on diabetes: validation best 0.572
// at epoch 14, rising to 0.78 by 78 while training halves 0.445 -> 0.204, then a blow-up to
// 1.5e28, overfitting_then_blowup_fullbatch_diabetes_nesterov_deit in tests/data/corpus2; a
// blow-up to 4.0 over epochs 85-95 that recovers, overfitting_then_spike_fullbatch_sparse_
// nesterov_hf) did both, as a practitioner reports them: the overfitting is read on the curves up
// to where the blow-up's climb starts, the blow-up is divergence's or oscillation's.
std::vector<Finding> detectOverfitting(const RunView& view, const OverfittingConfig& config) {
    const Trend& v = view.valTrend.empty() ? view.valMetricTrend : view.valTrend;
    std::optional<BlowUp> blowUp;
    std::vector<Finding> out = readOverfitting(view, v, view.trainTrend, config, nullptr, blowUp);
    if (!blowUp) return out;
    std::optional<BlowUp> unused;
    return readOverfitting(view, trendUntil(v, blowUp->lastLow),
                           trendUntil(view.trainTrend, blowUp->lastLow), config, &*blowUp, unused);
}

}  // namespace curvedoctor::core
