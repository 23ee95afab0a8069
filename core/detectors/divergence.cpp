#include "core/detectors/divergence.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

// A climb back from the minimum must also leave the band the raw values scatter in: a noisy
// batch loss whose smoothed end sits 2.4 of its raw standard deviations above its smoothed
// minimum (an LSTM on shuffled labels: 2.188 -> 2.258 with batch losses scattering by 0.029,
// not_learning_shuffled_lstm in tests/data/corpus2) has not diverged; every divergence of
// tests/data/corpus2 climbs by 5 raw standard deviations or more (a growing lr on moons:
// 0.060 -> 0.514 with a scatter of 0.087).
constexpr double kMinClimbInRawNoise = 3.0;

// How much of what the loss had learnt it gave back: a share while it stays below where it
// started; past that, how far above its start it ended ("giving back 2453021%" says nothing).
std::string describeGiveBack(double giveBack, double first, double last) {
    if (giveBack <= 1.0) return "giving back " + formatPercent(giveBack) + " of what it had learnt";
    if (first > 0.0 && last >= 2.0 * first)
        return "giving back all it had learnt and ending at " + formatNumber(last / first) +
               " times its first value";
    return "giving back all it had learnt and ending above its first value";
}

// First step at which a training loss turns non-finite and stays so to the end.
std::optional<std::int64_t> lossNanToEnd(const RunView& view) {
    std::optional<std::int64_t> first;
    for (const Curve& c : view.curves) {
        if (c.info().role != MetricRole::TrainLoss || c.empty()) continue;
        const auto v = c.values();
        std::size_t i = v.size();
        while (i > 0 && !std::isfinite(v[i - 1])) --i;
        if (i == v.size() || i == 0) continue;  // finite at the end, or never finite
        const std::int64_t at = c.steps()[i];
        if (!first || at < *first) first = at;
    }
    return first;
}

struct Explosion {
    std::string metric;
    std::int64_t step = 0;
    double level = 0.0;  // median before it
    double value = 0.0;  // the first value out of band
};

// The first value of a training-loss component that leaves its band by an order of magnitude
// (|value - median| > factor * |median|), after the first quarter of its finite points before
// `until` (the initial fall is no explosion) and no later than `until`.
std::optional<Explosion> firstExplosion(const RunView& view, std::int64_t until, double factor) {
    std::optional<Explosion> best;
    for (const Curve& c : view.curves) {
        if (c.info().role != MetricRole::TrainLoss) continue;
        std::vector<double> finite;
        std::vector<std::size_t> at;
        const auto v = c.values();
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (std::isfinite(v[i])) {
                finite.push_back(v[i]);
                at.push_back(i);
            }
        }
        // Its level: the median of its finite values before the loss turned non-finite.
        std::size_t before = 0;
        while (before < finite.size() && c.steps()[at[before]] < until) ++before;
        if (before < 8) continue;
        std::vector<double> head(finite.begin(),
                                 finite.begin() + static_cast<std::ptrdiff_t>(before));
        const double level = medianInPlace(head);
        const double band = factor * std::abs(level);
        if (!(band > 0.0)) continue;
        for (std::size_t k = before / 4; k < finite.size(); ++k) {
            const std::int64_t step = c.steps()[at[k]];
            if (step > until) break;
            if (std::abs(finite[k] - level) > band) {
                if (!best || step < best->step)
                    best = Explosion{c.metric(), step, level, finite[k]};
                break;
            }
        }
    }
    return best;
}

// Divergence that ends in NaN: the loss (or one of its components) left its band by an order
// of magnitude, or turned negative, before the NaN. The NaN is reported by nan_inf; this is
// the cause the user must act on.
std::optional<Finding> explosionBeforeNan(const RunView& view, const DivergenceConfig& config) {
    const auto nanAt = lossNanToEnd(view);
    if (!nanAt) return std::nullopt;
    const auto e = firstExplosion(view, *nanAt, config.explosionFactor);
    if (!e) return std::nullopt;
    Finding f = makeFinding(view, FindingKind::Divergence, Severity::Error, e->metric, e->step,
                            std::max(e->step, *nanAt));
    f.message = e->metric + " explodes at " + describeStep(view, e->step) + ": " +
                formatNumber(e->value) + " against its usual " + formatNumber(e->level) +
                " (more than " + formatNumber(config.explosionFactor) +
                " times its level away), and the loss is non-finite from " +
                describeStep(view, *nanAt) + " to the end.";
    f.advice =
        "The NaN is the end of a divergence: lower the learning rate (often 3-10x), add "
        "gradient clipping, use warm-up, and check the data around " +
        describeStep(view, e->step) + ".";
    f.evidence["level"] = e->level;
    f.evidence["exploded_value"] = e->value;
    f.evidence["explosion_factor"] = config.explosionFactor;
    f.evidence["nan_step"] = static_cast<double>(*nanAt);
    return f;
}

// The share of its improvement (first - minimum) the smoothed loss gives back by `last`; for a
// positive loss that fell by between logScaleFall and logScaleMaxFall times, the larger of that
// and the share of the log of its fall.
double giveBackOf(double first, double minimum, double last, const DivergenceConfig& config) {
    const double linear = (last - minimum) / (first - minimum);
    if (!(minimum > 0.0) || !(last > minimum) || first < config.logScaleFall * minimum ||
        first > config.logScaleMaxFall * minimum)
        return linear;
    return std::max(linear, std::log(last / minimum) / std::log(first / minimum));
}

// A climb shorter than one epoch, on a training loss logged several times per epoch, may be one
// period of a pattern the loss repeats every epoch (an unshuffled loader's saw-tooth: the data
// sorted by class, no_shuffle_sorted_circles_radam_mlflow in tests/data/corpus2 ends on the high
// side, 0.46 -> 0.71 over its last 16 steps of 19 per epoch). Such a climb is read on the
// per-epoch level, which cancels the pattern: true when that level, its last epoch covering the
// end of the climb, gives back less than warnGiveBack of its own fall (there 0.668 -> 0.584,
// falling to the end).
bool perEpochLevelHolds(const RunView& view, std::int64_t climbFrom, std::int64_t climbTo,
                        const DivergenceConfig& config) {
    const auto [steps, levels] = perEpochLevels(view);
    if (levels.size() < config.minPoints || steps.back() < climbTo) return false;
    const double epochSpan =
        static_cast<double>(steps.back() - steps.front()) / static_cast<double>(steps.size() - 1);
    if (static_cast<double>(climbTo - climbFrom) > epochSpan) return false;
    const double minLevel = *std::min_element(levels.begin(), levels.end());
    const double fall = levels.front() - minLevel;
    return fall > 0.0 && levels.back() - minLevel < config.warnGiveBack * fall;
}

// Gradient ascent climbs over epochs. A step loss that repeats a pattern every epoch can rise
// from its smoothed start while the loss per epoch falls: batches sorted by class, the first
// class's steps fall to 0.01 before the jump at the first class change, so the smoothed step
// loss never goes below its first 0.175 and ends at 0.47, while the mean per epoch falls 0.963
// -> 0.450 (no_shuffle_sorted_quantiles_adagrad_mlflow in tests/data/corpus2). True when the
// loss is logged several times per epoch and its last epoch's level is below its first's.
bool perEpochLevelFalls(const RunView& view, const DivergenceConfig& config) {
    const std::vector<double> levels = perEpochLevels(view).levels;
    return levels.size() >= config.minPoints && levels.back() < levels.front();
}

// The smoothed training loss fell clearly, then climbed back by warnGiveBack of what it had
// learnt, by more than its noise.
std::optional<Finding> climbFromMinimum(const RunView& view, const DivergenceConfig& config) {
    const Trend& t = view.trainTrend;
    const std::string& metric = view.trainLoss.metric();
    const double first = t.front();
    const double last = t.back();
    const std::size_t iMin = t.argMin();
    const double minimum = t.values[iMin];
    const double improvement = first - minimum;
    if (iMin + 1 >= t.size() || !(improvement > config.noiseSigmas * t.trendNoise) ||
        !(improvement > 0.0)) {
        return std::nullopt;
    }
    const double linearGiveBack = (last - minimum) / improvement;
    const double giveBack = giveBackOf(first, minimum, last, config);
    const bool logScale = giveBack > linearGiveBack;
    if (giveBack < config.warnGiveBack || last - minimum < config.noiseSigmas * t.trendNoise ||
        last - minimum < kMinClimbInRawNoise * t.noise) {
        return std::nullopt;
    }
    // The climb starts where the smoothed loss last left the neighbourhood of its minimum.
    std::size_t start = iMin;
    const double nearMin = minimum + 0.05 * (last - minimum);
    for (std::size_t i = iMin; i < t.size(); ++i) {
        if (t.values[i] <= nearMin) start = i;
    }
    if (perEpochLevelHolds(view, t.steps[start], t.lastSteps.back(), config)) return std::nullopt;
    const auto peak =
        std::max_element(t.values.begin() + static_cast<std::ptrdiff_t>(iMin), t.values.end());
    const bool error = linearGiveBack >= config.errorGiveBack;
    Finding f =
        makeFinding(view, FindingKind::Divergence, error ? Severity::Error : Severity::Warning,
                    metric, t.steps[start], t.lastSteps.back());
    f.message =
        metric + " fell from " + formatNumber(first) + " to its minimum " + formatNumber(minimum) +
        " at " + describeStep(view, t.steps[iMin]) + ", then climbed to " + formatNumber(last) +
        " by " + describeStep(view, t.lastSteps.back()) + " (peak " + formatNumber(*peak) + "), " +
        describeGiveBack(linearGiveBack, first, last) +
        (logScale ? " (" + formatPercent(giveBack) + " of its fall on a log scale)" : "") + ".";
    f.advice =
        "Lower the learning rate (often 3-10x), add gradient clipping, use warm-up, and "
        "check the data around " +
        describeStep(view, t.steps[start]) + " for corrupt batches.";
    f.evidence["minimum"] = minimum;
    f.evidence["last_value"] = last;
    f.evidence["give_back"] = linearGiveBack;
    f.evidence["warn_give_back"] = config.warnGiveBack;
    if (logScale) f.evidence["give_back_log_scale"] = giveBack;
    return f;
}

// Both losses blow up past the untrained level: the validation loss ends (median of its last
// quarter) worse than where the run started, and the training loss goes more than blowUpFactor
// times above that level, even if only in spikes (momentum on wine: batch losses 0 or up to 2e7
// under a flat median, divergence_momentum_wine_hf in tests/data/corpus2; a growing lr on
// cancer: val 0.05 -> 0.68 median past the untrained 0.42, train spikes to 15 while accuracy
// holds 0.92-0.98, divergence_grow_cancer_adamax_mlflow). A network that overfits can end its
// validation loss past the untrained level, but keeps improving on its training data, so its
// training loss never goes an order of magnitude above where it started.
std::optional<Finding> blowUpPastStart(const RunView& view, const DivergenceConfig& config) {
    const Trend& t = view.trainTrend;
    const Trend& v = view.valTrend;
    const Curve& val = view.valLoss;
    if (t.size() < config.minPoints || v.size() < config.minPoints) return std::nullopt;
    const double untrained = std::max(t.front(), v.front());
    const double band = config.blowUpFactor * untrained;
    if (!(band > 0.0)) return std::nullopt;
    std::vector<double> finite;
    for (const double x : val.values()) {
        if (std::isfinite(x)) finite.push_back(x);
    }
    if (finite.size() < config.minPoints) return std::nullopt;
    std::vector<double> tail(finite.end() - static_cast<std::ptrdiff_t>(finite.size() / 4),
                             finite.end());
    const double lateVal = medianInPlace(tail);
    if (!(lateVal > untrained)) return std::nullopt;
    // The training loss's peak, and its peak over its last quarter (see below), in one pass.
    double trainPeak = -std::numeric_limits<double>::infinity();
    double lateTrainPeak = -std::numeric_limits<double>::infinity();
    std::int64_t trainPeakStep = 0;
    const Curve& train = view.trainLoss;
    const std::size_t lateFrom = train.size() - train.size() / 4;
    for (std::size_t i = 0; i < train.size(); ++i) {
        const double x = train.values()[i];
        if (!std::isfinite(x)) continue;
        if (x > trainPeak) {
            trainPeak = x;
            trainPeakStep = train.steps()[i];
        }
        if (i >= lateFrom) lateTrainPeak = std::max(lateTrainPeak, x);
    }
    if (!(trainPeak > band)) return std::nullopt;
    // The blow-up must still be on at the end: a training loss that spiked and then came back
    // below the untrained level for its whole last quarter trains stably again, and a
    // validation loss climbing smoothly meanwhile is overfitting (Adam at lr 0.01 on cancer: one
    // batch spike to 5.1 at epoch 11, the batch loss back at 1e-5 from epoch 18 to 40 while
    // validation climbs 0.38 -> 1.28; overfitting_early_best_cancer_adam_hf in
    // tests/data/corpus2). The growing lr's spikes at epochs 37-38 of 40 are in its last quarter.
    if (!(lateTrainPeak > untrained)) return std::nullopt;
    // From the first evaluation past the untrained level after the validation loss's best.
    std::size_t best = 0;
    for (std::size_t i = 0; i < val.size(); ++i) {
        if (val.values()[i] < val.values()[best]) best = i;
    }
    std::int64_t begin = val.steps().back();
    for (std::size_t i = best; i < val.size(); ++i) {
        if (val.values()[i] > untrained) {
            begin = val.steps()[i];
            break;
        }
    }
    const std::int64_t end = std::max(val.steps().back(), train.steps().back());
    Finding f =
        makeFinding(view, FindingKind::Divergence, Severity::Error, val.metric(), begin, end);
    f.message = val.metric() + " blows up past where the run started: from " +
                describeStep(view, begin) + " it is above the untrained level " +
                formatNumber(untrained) + ", its last quarter at a median of " +
                formatNumber(lateVal) + ", and " + train.metric() + " reaches " +
                formatNumber(trainPeak) + " at " + describeStep(view, trainPeakStep) +
                ", more than " + formatNumber(config.blowUpFactor) + " times that level (" +
                formatNumber(band) + ").";
    f.advice =
        "Training has become unstable: lower the learning rate (often 3-10x) or the momentum, "
        "add gradient clipping, and keep the checkpoint from before " +
        describeStep(view, begin) + ".";
    f.evidence["untrained_level"] = untrained;
    f.evidence["blow_up_factor"] = config.blowUpFactor;
    f.evidence["late_val_median"] = lateVal;
    f.evidence["train_peak"] = trainPeak;
    f.evidence["late_train_peak"] = lateTrainPeak;
    return f;
}

// The network collapses back to chance after it had learnt: the validation accuracy, its best
// error below learntShare of chance's, falls to 1/K and stays there to the end (its last
// quarter of evaluations or more), while the training loss, once below learntShare of ln K,
// sits at ln K, the cross-entropy of a uniform guess (both within chanceRatio). Two readings of
// chance that agree on K: the network predicts no better than a constant, whatever the noise of
// its batch loss (circles under SGD at lr 2.0: accuracy 0.955 -> 0.5 from epoch 13 of 20, the
// batch loss from 0.16 back to a median 0.63 at ln 2 = 0.69 while it jumps by 0.18,
// divergence_collapse_circles_sgd_tf in tests/data/corpus2). Across tests/data/corpus2, the
// fixtures and ../shared/realworld an accuracy that ends at chance after such a best is found
// only in runs that diverged.
std::optional<Finding> collapseToChance(const RunView& view, const DivergenceConfig& config) {
    const Curve& acc = view.valMetric;
    const Trend& t = view.trainTrend;
    if (!acc.isAccuracy() || acc.finiteCount() < config.minPoints || t.empty()) return std::nullopt;
    auto [steps, values] = finitePoints(acc);
    const double scale = *std::max_element(values.begin(), values.end()) > 1.0 ? 100.0 : 1.0;
    std::vector<double> tail(values.end() - static_cast<std::ptrdiff_t>(values.size() / 4),
                             values.end());
    const double classes = std::round(scale / medianInPlace(tail));
    if (!(classes >= 2.0) || !std::isfinite(classes)) return std::nullopt;
    const double chance = scale / classes;
    const double uniform = std::log(classes);
    // The final stretch at chance, and the best before it.
    std::size_t from = values.size();
    while (from > 0 && values[from - 1] <= config.chanceRatio * chance) --from;
    if (from == 0 || values.size() - from < std::max<std::size_t>(2, values.size() / 4))
        return std::nullopt;
    const double best =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(from));
    const double trainLow = t.values[t.argMin()];
    if (!(scale - best < config.learntShare * (scale - chance)) ||
        !(trainLow < config.learntShare * uniform)) {
        return std::nullopt;
    }
    std::vector<double> late;
    const Curve& train = view.trainLoss;
    for (std::size_t i = 0; i < train.size(); ++i) {
        const double x = train.values()[i];
        if (train.steps()[i] >= steps[from] && std::isfinite(x)) late.push_back(x);
    }
    if (late.size() < 2) return std::nullopt;
    const double lateLoss = medianInPlace(late);
    if (!(lateLoss >= uniform / config.chanceRatio && lateLoss <= uniform * config.chanceRatio))
        return std::nullopt;
    const std::int64_t end = std::max(steps.back(), train.steps().back());
    Finding f = makeFinding(view, FindingKind::Divergence, Severity::Error, train.metric(),
                            steps[from], end);
    f.message = acc.metric() + " collapses to chance: from its best " + formatNumber(best) +
                " to " + formatNumber(chance) + " (1/" + formatNumber(classes) +
                ") or near it (within " + formatPercent(config.chanceRatio - 1.0) + ") from " +
                describeStep(view, steps[from]) + " to the end, while " + train.metric() +
                ", down to " + formatNumber(trainLow) + " (smoothed) before, sits at a median " +
                formatNumber(lateLoss) + ", the loss of a uniform guess (ln " +
                formatNumber(classes) + " = " + formatNumber(uniform) +
                "): the network has diverged to predicting no better than a constant.";
    f.advice =
        "Lower the learning rate (often 3-10x) or the momentum, add gradient clipping, and keep "
        "the checkpoint from before " +
        describeStep(view, steps[from]) + ".";
    f.evidence["best_accuracy"] = best;
    f.evidence["chance_level"] = chance;
    f.evidence["chance_ratio"] = config.chanceRatio;
    f.evidence["train_low"] = trainLow;
    f.evidence["late_train_median"] = lateLoss;
    f.evidence["uniform_loss"] = uniform;
    return f;
}

}  // namespace

std::vector<Finding> detectDivergence(const RunView& view, const DivergenceConfig& config) {
    std::vector<Finding> out;
    if (auto f = explosionBeforeNan(view, config)) {
        out.push_back(std::move(*f));
        return out;
    }
    const Trend& t = view.trainTrend;
    if (t.size() < config.minPoints) return out;
    const std::string& metric = view.trainLoss.metric();
    const double first = t.front();
    const double last = t.back();
    const double scale = std::abs(first);

    // gradient_ascent: never below the start, and clearly above it at the end.
    const double floorAfterStart = *std::min_element(t.values.begin() + 1, t.values.end());
    const double ascent = last - first;
    const bool rises = floorAfterStart >= first - config.ascentTolerance * scale &&
                       ascent >= config.ascentMinRise * scale &&
                       ascent >= config.noiseSigmas * t.trendNoise && ascent > 0.0 &&
                       !perEpochLevelFalls(view, config);
    // A loss that grows by orders of magnitude and then turns NaN for good blew up (a rate far
    // too high, unnormalised targets), whatever its direction at the start.
    if (rises && lossNanToEnd(view) &&
        last > config.explosionFactor * config.explosionFactor * std::max(scale, 1e-300)) {
        Finding f = makeFinding(view, FindingKind::Divergence, Severity::Error, metric,
                                t.firstSteps.front(), t.lastSteps.back());
        f.message = metric + " explodes from the start: " + formatNumber(first) + " at " +
                    describeStep(view, t.firstSteps.front()) + " to " + formatNumber(last) +
                    " at " + describeStep(view, t.lastSteps.back()) + " (more than " +
                    formatNumber(config.explosionFactor * config.explosionFactor) +
                    " times), then becomes non-finite.";
        f.advice =
            "Lower the learning rate by orders of magnitude, normalise inputs and regression "
            "targets, and clip gradients.";
        f.evidence["first_value"] = first;
        f.evidence["last_value"] = last;
        f.evidence["explosion_factor"] = config.explosionFactor * config.explosionFactor;
        out.push_back(std::move(f));
        return out;
    }
    if (rises) {
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

    if (auto f = climbFromMinimum(view, config)) {
        out.push_back(std::move(*f));
    } else if (auto g = blowUpPastStart(view, config)) {
        out.push_back(std::move(*g));
    } else if (auto h = collapseToChance(view, config)) {
        out.push_back(std::move(*h));
    }
    return out;
}

}  // namespace curvedoctor::core
