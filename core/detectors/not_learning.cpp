#include "core/detectors/not_learning.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/detectors/finding_text.h"
#include "core/finite.h"

namespace curvedoctor::core {

namespace {

struct Flatness {
    bool flat = false;
    double first = 0.0;
    double drop = 0.0;
    double allowed = 0.0;  ///< the largest movement that still counts as flat
    std::int64_t firstStep = 0;
    std::int64_t lastStep = 0;
};

// The median of the trend's last third is below that of its first third by more than `by`.
bool fallsByThirds(const Trend& t, double by) {
    const std::size_t third = t.size() / 3;
    if (third == 0) return false;
    std::vector<double> head(t.values.begin(), t.values.begin() + static_cast<long>(third));
    std::vector<double> tail(t.values.end() - static_cast<long>(third), t.values.end());
    return medianInPlace(tail) < medianInPlace(head) - by;
}

// Flat from the start: never better than the first smoothed value by more than the allowed
// share (or, with `withinNoise`, its noise), and (with `twoSided`) never worse by more either.
Flatness flatness(const Trend& t, const NotLearningConfig& config, std::size_t minPoints,
                  bool twoSided, bool withinNoise = false) {
    Flatness f;
    if (t.rawPoints < minPoints || t.size() < 3) return f;
    f.firstStep = t.firstSteps.front();
    f.lastStep = t.lastSteps.back();
    if (f.lastStep <= f.firstStep ||
        static_cast<double>(f.firstStep) >
            config.maxStartShare * static_cast<double>(std::max<std::int64_t>(f.lastStep, 1))) {
        return f;
    }
    f.first = t.front();
    const double scale = std::abs(f.first);
    if (!(scale > 0.0)) return f;
    const auto [lo, hi] = std::minmax_element(t.values.begin(), t.values.end());
    f.drop = f.first - *lo;
    // A long noisy per-batch loss moves its smoothed values by their noise alone: a movement
    // within noiseSigmas of it is no evidence of learning (lr = 0 on a batch loss whose
    // batches differ by +-5%), as long as its last third is no lower than its first third
    // either (a steady fall hidden in the noise is learning). Short ones are noTrend's.
    const bool byNoise = withinNoise && t.rawPoints > config.maxShortPoints &&
                         !fallsByThirds(t, config.maxRelativeDrop * scale + 2.0 * t.trendNoise);
    const double allowed =
        std::max(config.maxRelativeDrop * scale, byNoise ? config.noiseSigmas * t.trendNoise : 0.0);
    // A loss that climbs is gradient ascent or divergence (divergence.h), or overfitting.
    const double rise = twoSided ? *hi - f.first : t.back() - f.first;
    f.allowed = allowed;
    f.flat = f.drop <= allowed && rise <= allowed;
    return f;
}

std::string metricNote(const RunView& view, Finding& f) {
    const Trend& m = view.valMetricTrend;
    if (m.size() < 3) return "";
    const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.end());
    f.evidence["metric_range"] = *hi - *lo;
    if (formatNumber(*lo) == formatNumber(*hi))
        return "; " + view.valMetric.metric() + " stays at " + formatNumber(*lo);
    return "; " + view.valMetric.metric() + " stays between " + formatNumber(*lo) + " and " +
           formatNumber(*hi);
}

// The validation metric does not move either (within maxRelativeDrop of its level): the
// network predicts the same for every input (wandb_01 in ../shared/realworld: accuracy 10.000
// on CIFAR-10 for 50 epochs while the loss sits at ln 10).
bool metricFlat(const RunView& view, const NotLearningConfig& config) {
    const Trend& m = view.valMetricTrend;
    if (m.rawPoints < config.minPoints || m.size() < 3) return false;
    const auto [lo, hi] = std::minmax_element(m.values.begin(), m.values.end());
    const double level = std::max(std::abs(*lo), std::abs(*hi));
    return level > 0.0 && *hi - *lo <= config.maxRelativeDrop * level;
}

// The validation metric's last third is better than its first third by more than two
// standard errors of the difference of their levels (the metric's own point-to-point noise):
// the network learns something that generalises, however little (jsontxt_01 in
// ../shared/realworld: test accuracy 8% -> 13% while its loss rises from the first epoch).
bool metricImproves(const RunView& view) {
    const Curve& m = view.valMetric;
    const std::size_t n = m.finiteCount();
    if (m.empty() || n != m.size() || n < 6) return false;
    const double sign = m.info().direction == Direction::HigherIsBetter ? 1.0 : -1.0;
    const std::size_t third = n / 3;
    std::vector<double> head(m.values().begin(), m.values().begin() + static_cast<long>(third));
    std::vector<double> tail(m.values().end() - static_cast<long>(third), m.values().end());
    const double gain = sign * (medianInPlace(tail) - medianInPlace(head));
    const double noise = diffNoise(m.values());
    return gain > 2.0 * noise * std::sqrt(2.0 / static_cast<double>(third));
}

// The validation loss falls by thirds beyond its noise and the validation metric improves
// (metricImproves): a run learning slowly, however flat its training loss looks (an LSTM under
// plain SGD: losses 2.307 -> 2.284 on straight lines while accuracy goes 0.10 -> 0.22,
// undertrained_lstm_sgd in tests/data/corpus2). A loss pinned at ln 4 with an accuracy
// wandering at chance (hf_trainer_04 in ../shared/realworld) does neither.
bool learnsSlowly(const RunView& view) {
    const Trend& v = view.valTrend;
    return !v.empty() && fallsByThirds(v, 2.0 * v.trendNoise) && metricImproves(view);
}

// Chance for the validation metric, when it is an accuracy and the untrained level of the
// training loss is the cross-entropy of a uniform guess over K classes (ln K, within
// maxUniformLossGap of it): 1/K, or 100/K for a percentage. Also the median of the accuracy's
// last third and its scale (1 or 100).
struct Chance {
    double chance = 0.0;
    double tail = 0.0;
    double scale = 1.0;
};
// K when `loss` is the cross-entropy of a uniform guess over K classes (ln K), within `gap` of it.
std::optional<double> uniformClasses(double loss, double gap) {
    if (!(loss > 0.0)) return std::nullopt;
    const double classes = std::round(std::exp(loss));
    if (!(classes >= 2.0) || classes > 1e4 ||
        std::abs(loss - std::log(classes)) > gap * std::log(classes)) {
        return std::nullopt;
    }
    return classes;
}

std::optional<Chance> accuracyChance(const RunView& view, double untrained,
                                     const NotLearningConfig& config) {
    const Curve& m = view.valMetric;
    if (!m.isAccuracy()) return std::nullopt;
    const std::optional<double> k = uniformClasses(untrained, config.maxUniformLossGap);
    if (!k) return std::nullopt;
    const double classes = *k;
    std::vector<double> v;
    for (double x : m.values()) {
        if (std::isfinite(x)) v.push_back(x);
    }
    if (v.size() < 3) return std::nullopt;
    const double scale = *std::max_element(v.begin(), v.end()) > 1.0 ? 100.0 : 1.0;  // percent
    std::vector<double> tail(v.end() - static_cast<long>(v.size() / 3), v.end());
    return Chance{scale / classes, medianInPlace(tail), scale};
}

// The validation metric is an accuracy that ends at chance: the median of its last third stays
// below maxChanceRatio / K. Then a metric "improving" by its noise is no learning (shuffled
// labels on 10 classes: accuracy 0.09 -> 0.115 while the validation loss climbs 2.30 -> 2.64,
// not_learning_shuffled_cnn1d_hf in tests/data/corpus2); test accuracy 8% -> 13% over 35
// classes (jsontxt_01 in ../shared/realworld, 4.5 times chance) is learning, however little.
// Returns chance when so.
std::optional<double> metricAtChance(const RunView& view, double untrained,
                                     const NotLearningConfig& config) {
    const auto c = accuracyChance(view, untrained, config);
    if (!c || c->tail > config.maxChanceRatio * c->chance) return std::nullopt;
    return c->chance;
}

// The validation accuracy ends more than maxErrorShare of the way from chance to perfect
// (its error below that share of chance's error): the network has learnt what generalises,
// whatever its validation loss does (full-batch Nesterov on breast cancer: accuracy 0.92 to
// the end, chance 0.5, while an over-confident validation loss climbs 0.80 -> 6.7 from its
// first evaluation, overfitting_fullbatch_cancer_nesterov_tf in tests/data/corpus2). Shuffled
// labels end at 0.25-1.2 times chance (0.58 on cancer, 0.39 on three classes).
bool metricFarAboveChance(const RunView& view, double untrained, const NotLearningConfig& config) {
    const auto c = accuracyChance(view, untrained, config);
    return c && c->scale - c->tail < config.maxErrorShare * (c->scale - c->chance);
}

// The training loss starts below the cross-entropy of a uniform guess over the fewest classes
// there are (ln 2, by more than maxUniformLossGap): the network had learnt before its first
// logged loss, so chance cannot be read from it. Then a validation accuracy whose every
// evaluation stays above 1/2 (chance for any number of classes, or the largest chance there
// is) by more than twice its point-to-point noise generalises: a validation loss that climbs
// from its first evaluation is overfitting, not memorisation (25% flipped labels on a residual
// MLP: training 0.60 at its first log, accuracy 0.63-0.725 while validation climbs 0.62 ->
// 1.8, overfitting_early_best_noisycls_resmlp_tf in tests/data/corpus2). Shuffled labels on
// cancer start at ln 2 (0.67-0.70) and dip to 0.49-0.55.
bool learntBeforeFirstLog(const RunView& view, double untrained, const NotLearningConfig& config) {
    const Curve& m = view.valMetric;
    if (!m.isAccuracy() || m.finiteCount() < 3 ||
        !(untrained < std::log(2.0) * (1.0 - config.maxUniformLossGap))) {
        return false;
    }
    std::vector<double> v;
    for (double x : m.values()) {
        if (std::isfinite(x)) v.push_back(x);
    }
    const double lowest = *std::min_element(v.begin(), v.end());
    const double scale = *std::max_element(v.begin(), v.end()) > 1.0 ? 100.0 : 1.0;  // percent
    return lowest > 0.5 * scale + 2.0 * diffNoise(v);
}

constexpr const char* kAdvice =
    "Check the learning rate is not zero or far too low, that the weights are not frozen "
    "(requires_grad, optimizer given the right parameters), that labels match their inputs, and "
    "that the loss fits the task (e.g. cross-entropy on logits).";

std::string memorisedAdvice() {
    return std::string(
               "Check that labels match their inputs (a shuffled or misaligned label column "
               "lets the network only memorise), and that validation data get the same "
               "preprocessing as training data. ") +
           kAdvice;
}

// The validation accuracy never leaves chance and the validation loss never beats a uniform
// guess: every smoothed evaluation of the accuracy stays below maxChanceRatio / K and the
// smoothed validation loss never goes below ln K by more than maxRelativeDrop, K read from the
// first validation loss or the untrained training loss (within maxAtChanceLossGap of ln K).
// Nothing the network learns generalises, however its training loss moves or its validation
// loss creeps (shuffled labels on three classes: validation 1.102 -> 1.097 -> 1.100 at ln 3
// while accuracy wanders 0.30-0.40, not_learning_shuffled_quantiles_hf; on five: validation
// 1.68 -> 1.64 -> 1.75, accuracy 0.16-0.24, not_learning_shuffled_resmlp_blobs_tf, both in
// tests/data/corpus2). A run that learns slowly leaves chance (an LSTM under plain SGD: 0.10
// -> 0.22 on ten classes) or brings its validation loss below ln K.
std::optional<Finding> atChanceThroughout(const RunView& view, double untrained,
                                          const NotLearningConfig& config) {
    const Curve& m = view.valMetric;
    const Trend& acc = view.valMetricTrend;
    const Trend& val = view.valTrend;
    // A handful of evaluations near chance is no evidence (five zig-zagging by more than they
    // move): as many as a flat loss needs.
    if (!m.isAccuracy() || acc.rawPoints < config.minPoints || acc.empty() ||
        val.rawPoints < config.minPoints || val.empty()) {
        return std::nullopt;
    }
    const double valFirst = firstFinite(view.valLoss.values());
    std::optional<double> k = uniformClasses(valFirst, config.maxAtChanceLossGap);
    if (!k) k = uniformClasses(untrained, config.maxAtChanceLossGap);
    if (!k) return std::nullopt;
    const double top = *std::max_element(acc.values.begin(), acc.values.end());
    const double scale = top > 1.0 ? 100.0 : 1.0;  // percent
    const double chance = scale / *k;
    const double uniform = std::log(*k);
    const double valBest = *std::min_element(val.values.begin(), val.values.end());
    if (top > config.maxChanceRatio * chance ||
        valBest < uniform * (1.0 - config.maxRelativeDrop)) {
        return std::nullopt;
    }
    Finding f = makeFinding(view, FindingKind::NotLearning, Severity::Warning,
                            view.valLoss.metric(), val.firstSteps.front(), val.lastSteps.back());
    f.message = m.metric() + " never rises above " + formatNumber(top) + ", within " +
                formatPercent(config.maxChanceRatio - 1.0) + " of chance for " + formatNumber(*k) +
                " classes (" + formatNumber(chance) + "), and " + view.valLoss.metric() +
                " never goes below " + formatNumber(valBest) +
                ", no better than a uniform guess (ln " + formatNumber(*k) + " = " +
                formatNumber(uniform) + "): what the network learns does not generalise at all.";
    f.advice = memorisedAdvice();
    f.evidence["classes"] = *k;
    f.evidence["chance_level"] = chance;
    f.evidence["max_chance_ratio"] = config.maxChanceRatio;
    f.evidence["metric_maximum"] = top;
    f.evidence["uniform_guess_loss"] = uniform;
    f.evidence["val_minimum"] = valBest;
    return f;
}

// Median of the finite values of `c` in [from, to).
double medianOf(const Curve& c, std::size_t from, std::size_t to) {
    std::vector<double> v;
    for (std::size_t i = from; i < to; ++i) {
        if (std::isfinite(c.values()[i])) v.push_back(c.values()[i]);
    }
    return medianInPlace(v);
}

// A short, noisy loss (a few dozen points) that does not trend down at all: its last third is
// no better than its first third, and its smoothed curve never dips far below that level
// (a dip and a climb back is divergence, not this). lightning_12 in ../shared/realworld: 28
// points between 2.4 and 4.0 at ln(16) with the accuracy at chance.
std::optional<Finding> noTrend(const RunView& view, const Curve& c, const Trend& t,
                               const NotLearningConfig& config) {
    const std::size_t n = c.finiteCount();
    if (n < config.minPoints || n > config.maxShortPoints || n != c.size() || t.empty()) {
        return std::nullopt;
    }
    const std::size_t thirdCount = n / 3;  // points in each third
    const double head = medianOf(c, 0, thirdCount);
    const double tail = medianOf(c, n - thirdCount, n);
    const double low = *std::min_element(t.values.begin(), t.values.end());
    // "No better": within maxRelativeDrop, or within two standard errors of the difference
    // of two thirds' levels under the curve's own point-to-point noise.
    const double third = static_cast<double>(thirdCount);
    const double allowed =
        std::max(config.maxRelativeDrop * head, 2.0 * t.noise * std::sqrt(2.0 / third));
    if (!(head > 0.0) || tail < head - allowed || low < head * (1.0 - config.maxShortDip)) {
        return std::nullopt;
    }
    // With the metric flat too nothing is learnt at all: as sure as a flat loss (an error).
    const Severity severity = metricFlat(view, config) ? Severity::Error : Severity::Warning;
    Finding f = makeFinding(view, FindingKind::NotLearning, severity, c.metric(), c.steps().front(),
                            c.steps().back());
    f.message = c.metric() + " does not trend down over its " + std::to_string(n) +
                " points: the median of its last third, " + formatNumber(tail) +
                ", is no better than that of its first third, " + formatNumber(head) +
                ", and its smoothed curve never goes below " + formatNumber(low) +
                metricNote(view, f) + ".";
    f.advice = kAdvice;
    f.evidence["first_third_median"] = head;
    f.evidence["last_third_median"] = tail;
    f.evidence["smoothed_minimum"] = low;
    return f;
}

// The training loss moves, but validation does not: nothing learnt generalises (labels
// disconnected from the inputs, so the network can only memorise).
std::optional<Finding> memorisation(const RunView& view, const Trend& t, const Curve& curve,
                                    const NotLearningConfig& config) {
    const Flatness val = flatness(view.valTrend, config, config.minValPoints, true);
    const Flatness once = flatness(view.valTrend, config, config.minValPoints, false);
    const double trainDrop = t.front() - *std::min_element(t.values.begin(), t.values.end());
    // Where the training loss started, read raw as well as smoothed (see below).
    const double untrained = std::max(t.front(), firstFinite(curve.values()));
    std::string how;
    std::optional<double> chance;
    double valAllowed = val.allowed;
    std::string within = formatPercent(config.maxRelativeDrop);
    if (val.flat) {
        how = " stays flat at " + formatNumber(val.first);
    } else {
        // A network that can only memorise also drives its validation loss up (its confident
        // guesses on unseen data are wrong): the validation loss then never improves on its
        // own first value, nor ever goes below where the training loss started (the untrained
        // level). Overfitting improves on validation first; a run fine-tuned or evaluated
        // after a first epoch that already learnt starts validation below the training
        // loss's start.
        // Both first values are read raw as well: a running median starts a curve that falls
        // fast in its first evaluations at its second or third value, which hides both the
        // untrained level and the validation loss's first improvement (an MLP on 60 samples:
        // validation 0.80 -> 0.54 in two epochs, training 1.08 -> 0.20).
        if (once.firstStep >= once.lastStep || !(once.first > 0.0)) return std::nullopt;
        const double valBest =
            *std::min_element(view.valTrend.values.begin(), view.valTrend.values.end());
        const double valFirst = std::max(once.first, firstFinite(view.valLoss.values()));
        // "Never improves" within maxRelativeDrop; or, for a validation loss that ends above
        // its first value by more than noiseSigmas of its smoothed noise (it clearly gets
        // worse), within that noise: the lowest of a few dozen smoothed evaluations of pure
        // noise lies a few of their standard deviations below the first (shuffled labels on
        // 143 samples: validation 0.731 -> 0.716 -> 1.03 with evaluations jumping by 0.03,
        // not_learning_shuffled_cancer in tests/data/corpus2). Five evaluations zig-zagging
        // by more than they move (hf_trainer_06 in ../shared/realworld) show neither.
        const double noiseBand = config.noiseSigmas * view.valTrend.trendNoise;
        valAllowed = config.maxRelativeDrop * valFirst;
        if (view.valTrend.back() - valFirst > noiseBand && noiseBand > valAllowed) {
            valAllowed = noiseBand;
            within = formatNumber(valAllowed) + ", its smoothed noise, as it ends clearly worse";
        }
        if (valFirst - valBest > valAllowed) return std::nullopt;
        // A recurrent network memorises shuffled labels slowly (an LSTM: training 2.30 ->
        // 2.25 in 20 epochs while validation climbs 2.30 -> 2.36 and accuracy stays at
        // chance, not_learning_shuffled_lstm in tests/data/corpus2): when validation ends
        // clearly worse, a training loss that ends lower than it started by more than
        // noiseSigmas of its smoothed noise has memorised, however little.
        const bool endsWorse = view.valTrend.back() - valFirst > noiseBand;
        const bool trainFalls =
            t.front() - t.back() > config.noiseSigmas * t.trendNoise && t.back() < t.front();
        // Or, its training loss too noisy to show how much it memorised, the validation
        // accuracy ends at chance (metricAtChance): nothing generalises (shuffled labels on
        // wine: batch losses 0.76-1.19 about a trend 1.05 -> 0.92, validation 1.14 -> 1.20,
        // accuracy 0.36 on three classes; not_learning_shuffled_wine_tf in tests/data/corpus2).
        const std::optional<double> atChance = metricAtChance(view, untrained, config);
        const bool memorised = trainDrop >= config.minMemorisedDrop * untrained ||
                               (endsWorse && (trainFalls || atChance));
        if (!(untrained > 0.0) || !memorised || valBest < untrained * (1.0 - config.maxShortDip)) {
            return std::nullopt;
        }
        chance = atChance;
        if (metricImproves(view)) {
            if (!chance) return std::nullopt;
        } else if (metricFarAboveChance(view, untrained, config) ||
                   learntBeforeFirstLog(view, untrained, config)) {
            return std::nullopt;
        }
        how = " never improves on its first value " + formatNumber(valFirst) +
              " nor goes below the untrained level of " + view.trainLoss.metric() + " (" +
              formatNumber(untrained) + "); it ends at " + formatNumber(view.valTrend.back());
    }
    const Flatness& shown = val.flat ? val : once;
    Finding f = makeFinding(view, FindingKind::NotLearning, Severity::Warning,
                            view.valLoss.metric(), shown.firstStep, shown.lastStep);
    f.message = view.valLoss.metric() + how + " from " + describeStep(view, shown.firstStep) +
                " to " + describeStep(view, shown.lastStep) + " (within " + within + ") while " +
                view.trainLoss.metric() + " falls by " + formatNumber(trainDrop) +
                metricNote(view, f) +
                (chance ? ", within " + formatPercent(config.maxChanceRatio) + " of chance (" +
                              formatNumber(*chance) + ")"
                        : "") +
                ": what the network learns does not generalise at all.";
    f.advice = memorisedAdvice();
    f.evidence["first_value"] = shown.first;
    f.evidence["train_improvement"] = trainDrop;
    f.evidence["untrained_level"] = untrained;
    f.evidence["allowed_val_improvement"] = valAllowed;
    if (chance) {
        f.evidence["chance_level"] = *chance;
        f.evidence["max_chance_ratio"] = config.maxChanceRatio;
    }
    return f;
}

}  // namespace

std::vector<Finding> detectNotLearning(const RunView& view, const NotLearningConfig& config) {
    std::vector<Finding> out;
    const bool useTrain = !view.trainTrend.empty();
    const Trend& t = useTrain ? view.trainTrend : view.valTrend;
    const Curve& curve = useTrain ? view.trainLoss : view.valLoss;
    const Flatness train = flatness(t, config, config.minPoints, false, true);
    // A loss that barely moves while validation improves beyond its noise is learning,
    // slowly; undertrained reads that.
    if (train.flat && !learnsSlowly(view)) {
        Finding f = makeFinding(view, FindingKind::NotLearning, Severity::Error, curve.metric(),
                                train.firstStep, train.lastStep);
        f.message = curve.metric() + " stays flat from " + describeStep(view, train.firstStep) +
                    " to " + describeStep(view, train.lastStep) + ": it starts at " +
                    formatNumber(train.first) + " and never improves by more than " +
                    formatNumber(train.drop) + " (" +
                    formatPercent(train.drop / std::abs(train.first)) + "; flat means within " +
                    formatNumber(train.allowed) + ", the larger of " +
                    formatPercent(config.maxRelativeDrop) + " and the smoothed curve's noise)" +
                    metricNote(view, f) + ".";
        f.advice = kAdvice;
        f.evidence["first_value"] = train.first;
        f.evidence["improvement"] = train.drop;
        f.evidence["allowed_improvement"] = train.allowed;
        out.push_back(std::move(f));
        return out;
    }
    // The same holds for a short noisy loss judged by thirds (a CNN under plain SGD: batch
    // losses 2.30 -> 2.26 within their noise while every evaluation lowers the validation
    // loss and accuracy climbs 0.17 -> 0.51, undertrained_cnn_sgd_tf in tests/data/corpus2).
    if (const auto f = noTrend(view, curve, t, config); f && !learnsSlowly(view)) {
        out.push_back(*f);
        return out;
    }
    // Memorisation read from the validation loss and the untrained level; else an accuracy at
    // chance with validation at a uniform guess, even where validation creeps down by more
    // than its tiny noise (which reads as slow learning).
    if (useTrain && !learnsSlowly(view)) {
        if (auto f = memorisation(view, t, curve, config)) {
            out.push_back(std::move(*f));
            return out;
        }
    }
    const double untrained = useTrain ? std::max(t.front(), firstFinite(curve.values())) : 0.0;
    if (auto f = atChanceThroughout(view, untrained, config)) out.push_back(std::move(*f));
    return out;
}

}  // namespace curvedoctor::core
