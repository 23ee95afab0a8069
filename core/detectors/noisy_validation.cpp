#include "core/detectors/noisy_validation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

std::vector<double> laterHalf(const Curve& c) {
    std::vector<double> v;
    const auto values = c.values();
    for (std::size_t i = values.size() / 2; i < values.size(); ++i) {
        if (std::isfinite(values[i])) v.push_back(values[i]);
    }
    return v;
}

std::vector<double> laterHalf(std::span<const double> values) {
    std::vector<double> v;
    for (std::size_t i = values.size() / 2; i < values.size(); ++i) {
        if (std::isfinite(values[i])) v.push_back(values[i]);
    }
    return v;
}

// The share of consecutive steps of `c`'s finite values that reverse the direction of the step
// before (a zig-zag): about 2/3 for independent noise, near 0 for a smooth curve.
double reversalShare(const Curve& c) {
    std::size_t reversals = 0;
    std::size_t pairs = 0;
    double before = std::numeric_limits<double>::quiet_NaN();
    double last = std::numeric_limits<double>::quiet_NaN();
    for (double x : c.values()) {
        if (!std::isfinite(x)) continue;
        if (std::isfinite(before)) {
            ++pairs;
            reversals += (x - last) * (last - before) < 0.0 ? 1 : 0;
        }
        before = last;
        last = x;
    }
    return pairs == 0 ? 0.0 : static_cast<double>(reversals) / static_cast<double>(pairs);
}

// The spread of a stretch of evaluations about its own straight line (least squares against
// the evaluation's index), the distance that line moves over the stretch, and the stretch's
// median level. Finite values only; spread and movement 0 for fewer than three.
struct LineScatter {
    double spread = 0.0;
    double movement = 0.0;
    double level = 0.0;
    std::size_t points = 0;
};

LineScatter scatterAboutLine(std::vector<double> y) {
    LineScatter s;
    s.points = y.size();
    if (y.size() < 3) return s;
    const double n = static_cast<double>(y.size());
    double sx = 0.0;
    double sy = 0.0;
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double x = static_cast<double>(i);
        sx += x;
        sy += y[i];
        sxx += x * x;
        sxy += x * y[i];
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const double intercept = (sy - slope * sx) / n;
    double squares = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double e = y[i] - intercept - slope * static_cast<double>(i);
        squares += e * e;
    }
    s.spread = std::sqrt(squares / (n - 2.0));
    s.movement = std::abs(slope) * (n - 1.0);
    s.level = medianInPlace(y);
    return s;
}

bool isAccuracy(const Curve& c) {
    const std::string& f = c.info().family;
    return f.rfind("acc", 0) == 0 || f == "top1" || f == "top5" ||
           f.find("accuracy") != std::string::npos;
}

// The number of samples an accuracy is measured on when the values show it: every value (as
// a share) is k/n for one n <= maxSamples, and at least three distinct values pin n down
// (k of n samples right). 0 when they do not. Each candidate n stops at its first value off
// the grid, so a real-valued curve costs a few reads per n.
std::size_t samplesOnGrid(const Curve& c, double unit, std::size_t maxSamples) {
    const auto values = c.values();
    std::vector<double> distinct;
    for (double x : values) {
        if (!std::isfinite(x)) continue;
        if (std::none_of(distinct.begin(), distinct.end(),
                         [&](double d) { return std::abs(d - x) < 1e-9 * unit; })) {
            distinct.push_back(x);
        }
        if (distinct.size() == 3) break;
    }
    if (distinct.size() < 3) return 0;
    for (std::size_t n = 2; n <= maxSamples; ++n) {
        const double dn = static_cast<double>(n) / unit;
        const bool onGrid = std::all_of(values.begin(), values.end(), [&](double x) {
            return !std::isfinite(x) || std::abs(x * dn - std::round(x * dn)) < 1e-3;
        });
        if (onGrid) return n;
    }
    return 0;
}

bool endsWith(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// An accuracy near 1 (median 1: no binomial estimate) can still be measured on so few samples
// that one sample moves it by more than the standard error the binomial rule tolerates (4
// points at p = 0.8 and minEffectiveSamples): its values sit on a grid of 1/n, n < 25, and it
// moves from one evaluation to the next at least minGridMoveShare of the time.
std::optional<Finding> coarseGrid(const RunView& view, const Curve& m, double unit,
                                  const NoisyValidationConfig& config) {
    const double tolerated = std::sqrt(0.8 * 0.2 / config.minEffectiveSamples);
    const auto maxSamples = static_cast<std::size_t>(std::ceil(1.0 / tolerated)) - 1;
    const std::size_t n = samplesOnGrid(m, unit, maxSamples);
    if (n == 0) return std::nullopt;
    std::size_t moves = 0;
    std::size_t pairs = 0;
    double last = std::numeric_limits<double>::quiet_NaN();
    for (double x : m.values()) {
        if (!std::isfinite(x)) continue;
        if (std::isfinite(last)) {
            ++pairs;
            moves += std::abs(x - last) / unit > 0.5 / static_cast<double>(n) ? 1 : 0;
        }
        last = x;
    }
    const double moveShare = static_cast<double>(moves) / static_cast<double>(pairs);
    if (moveShare < config.minGridMoveShare) return std::nullopt;
    const std::size_t first = m.size() / 2;
    Finding f = makeFinding(view, FindingKind::NoisyValidation, Severity::Warning, m.metric(),
                            m.steps()[first], m.steps().back());
    f.message = "Every value of " + m.metric() + " is a multiple of 1/" + std::to_string(n) +
                ": it is measured on about " + std::to_string(n) +
                " samples, so one sample moves it by " +
                formatNumber(unit / static_cast<double>(n)) + " (more than the standard error of " +
                formatNumber(tolerated * unit) + " tolerated), and it moved at " +
                std::to_string(moves) + " of " + std::to_string(pairs) + " evaluations.";
    f.advice =
        "Use a larger validation set (about 20% of the data) or evaluate on more batches; "
        "until then, do not pick the best epoch from differences this small.";
    f.evidence["grid_samples"] = static_cast<double>(n);
    f.evidence["max_grid_samples"] = static_cast<double>(maxSamples);
    f.evidence["move_share"] = moveShare;
    return f;
}

}  // namespace

std::vector<Finding> detectNoisyValidation(const RunView& view,
                                           const NoisyValidationConfig& config) {
    std::vector<Finding> out;
    const Curve& m = view.valMetric;
    // Per-batch validation values (Lightning's *_step) are batch noise, not set noise.
    if (!m.empty() && isAccuracy(m) && !endsWith(m.metric(), "_step") &&
        m.finiteCount() >= config.minPoints) {
        std::vector<double> half = laterHalf(m);
        const double maxValue = *std::max_element(half.begin(), half.end());
        const double minValue = *std::min_element(half.begin(), half.end());
        // Accuracy in percent (Keras prints 0-1, many loggers 0-100).
        const double unit = maxValue > 1.0 ? 100.0 : 1.0;
        const double sigma = diffNoise(half) / unit;
        std::vector<double> sorted = half;
        const double p = medianInPlace(sorted) / unit;
        // The noise is read from second differences of the later half; fewer than
        // minNoiseDiffs of them (8 evaluations still climbing: short_cnn_adagrad) measure
        // the climb, not the noise.
        if (half.size() >= config.minNoiseDiffs + 2 && minValue >= 0.0 && p > 0.0 && p < 1.0 &&
            sigma > 0.0) {
            const double n = p * (1.0 - p) / (sigma * sigma);
            if (n < config.minEffectiveSamples) {
                const std::size_t first = m.size() / 2;
                Finding f = makeFinding(view, FindingKind::NoisyValidation, Severity::Warning,
                                        m.metric(), m.steps()[first], m.steps().back());
                f.message = m.metric() + " jumps by about " + formatNumber(sigma * unit) +
                            " from one evaluation to the next around " + formatNumber(p * unit) +
                            " (from " + describeStep(view, m.steps()[first]) +
                            "): a validation set behaves like that with only about " +
                            std::to_string(static_cast<long long>(std::lround(n))) +
                            " samples (var ~ p(1-p)/n).";
                f.advice =
                    "Use a larger validation set (about 20% of the data) or evaluate on "
                    "more batches; until then, do not pick the best epoch from "
                    "differences this small.";
                f.evidence["effective_samples"] = n;
                f.evidence["sigma"] = sigma * unit;
                out.push_back(std::move(f));
                return out;
            }
        }
        if (auto f = coarseGrid(view, m, unit, config)) {
            out.push_back(std::move(*f));
            return out;
        }
    }

    // Validation loss compared with an epoch-level training loss.
    const Curve& v = view.valLoss;
    const Curve& t = view.trainLossEpoch.empty() ? view.trainLoss : view.trainLossEpoch;
    if (v.finiteCount() < config.minPoints || t.finiteCount() < config.minPoints) return out;
    // Read before the training loss (maybe a million steps) is averaged: it needs the
    // evaluations only (see the noise zig-zags below).
    const double reversals = reversalShare(v);
    if (reversals < config.minReversalShare) return out;
    // Comparable granularity: a training loss logged far more often than validation (per step
    // against per epoch) is averaged over each interval between evaluations first, which is
    // what an epoch-level training loss is.
    Curve binned;
    std::span<const std::int64_t> tSteps = t.steps();
    std::span<const double> tValues = t.values();
    if (t.finiteCount() > 2 * v.finiteCount()) {
        binned = meanPerEvaluation(t, v);
        if (binned.size() < config.minPoints) return out;
        tSteps = binned.steps();
        tValues = binned.values();
    }
    const auto [vLo, vHi] =
        std::minmax_element(view.valTrend.values.begin(), view.valTrend.values.end());
    const double vImp = view.valTrend.front() - *vLo;
    const double vRange = *vHi - *vLo;
    const Trend tt = makeTrend(tSteps, tValues);
    const double tImp = tt.front() - *std::min_element(tt.values.begin(), tt.values.end());
    if (!(vImp > 0.0) || !(tImp > 0.0)) return out;
    const double vNoise = diffNoise(laterHalf(v));
    const double tNoise = diffNoise(laterHalf(tValues));
    const double vRel = vNoise / vImp;
    const double tRel = tNoise / tImp;
    // Noise zig-zags: a validation loss that falls at every evaluation but one, bending
    // down as it goes, has large second differences at its bend and no noise (a GRU under
    // SGD: 2.3 -> 1.88 -> 1.90 -> 1.22 over ten evaluations, undertrained_gru_sgd in
    // tests/data/corpus2). One that reverses at most evaluations, as independent noise does
    // (2/3 of them), needs less of a contrast with the training loss, whose per-evaluation
    // means carry the batch noise of a small data set too.
    const double ratio =
        reversals >= config.zigzagShare ? config.zigzagNoiseRatio : config.lossNoiseRatio;
    // The jumps (residuals about the curve's local linear trend, diffNoise) must also be that
    // share of the whole range its smoothed curve travels: a validation loss that barely
    // improves, then rises smoothly far above its start is no noisier for the small
    // improvement (momentum on 25% flipped labels: 0.669 -> 0.627, then a steady rise to 7.2
    // with jumps of 0.005, overfitting_momentum_noisycls_mlflow in tests/data/corpus2).
    const bool againstImprovement = vRel >= config.minLossNoiseShare && vRel >= ratio * tRel &&
                                    vNoise >= config.minLossNoiseShare * vRange;
    // Or, read where the curve has flattened (its later half), as a practitioner reads a few
    // evaluations of a small validation set: they scatter about their own line by a large
    // share of their level, by more than that line moves, and by twice what training
    // scatters about its own over the same evaluations. The first drop of a fast-learning
    // run no longer dwarfs the jumps there (a regression on 10 samples: 0.80 -> 0.12 in
    // three evaluations, then 0.043-0.20 about a level of 0.11 while the per-evaluation
    // training loss holds 0.05-0.10, noisy_val_few_evals_sparse_mlflow; 0.26-1.05 about
    // 0.45, training 0.37-0.50, noisy_val_few_evals_diabetes; both in tests/data/corpus2).
    const LineScatter vLine = scatterAboutLine(laterHalf(v));
    const LineScatter tLine = scatterAboutLine(laterHalf(tValues));
    const bool aboutLevel = vLine.points >= config.minNoiseDiffs + 2 && vLine.level > 0.0 &&
                            vLine.spread >= config.levelScatterShare * vLine.level &&
                            vLine.spread >= config.lineMoveRatio * vLine.movement &&
                            vLine.spread >= config.trainScatterRatio * tLine.spread;
    if (!againstImprovement && !aboutLevel) return out;
    const std::size_t first = v.size() / 2;
    Finding f = makeFinding(view, FindingKind::NoisyValidation, Severity::Warning, v.metric(),
                            v.steps()[first], v.steps().back());
    if (againstImprovement) {
        f.message = v.metric() + " jumps by about " + formatNumber(vNoise) +
                    " between evaluations (" + formatPercent(vRel) + " of its improvement and " +
                    formatPercent(vNoise / vRange) + " of the " + formatNumber(vRange) +
                    " its smoothed curve travels), " +
                    (tRel > 0.0 ? formatNumber(vRel / tRel) + " times" : "far more than") +
                    " the relative noise of " + t.metric() + ", reversing direction at " +
                    formatPercent(reversals) + " of its evaluations.";
    } else {
        f.message =
            v.metric() + " scatters by " + formatNumber(vLine.spread) + " about its line (" +
            formatPercent(vLine.spread / vLine.level) + " of its level, " +
            formatNumber(vLine.level) + ") from " + describeStep(view, v.steps()[first]) +
            ", more than that line moves (" + formatNumber(vLine.movement) + ") and " +
            (tLine.spread > 0.0 ? formatNumber(vLine.spread / tLine.spread) + " times"
                                : "far more than") +
            " " + t.metric() + (binned.empty() ? "" : " (averaged per evaluation)") +
            "'s scatter about its own (" + formatNumber(tLine.spread) +
            "), reversing direction at " + formatPercent(reversals) + " of its evaluations.";
    }
    f.advice =
        "The validation set is probably too small for stable statistics: use about 20% "
        "of the data for validation, and do not pick the best epoch from this noise.";
    f.evidence["relative_noise"] = vRel;
    f.evidence["noise"] = vNoise;
    f.evidence["smoothed_range"] = vRange;
    f.evidence["train_relative_noise"] = tRel;
    f.evidence["range_share"] = vNoise / vRange;
    f.evidence["min_noise_share"] = config.minLossNoiseShare;
    f.evidence["noise_ratio"] = ratio;
    f.evidence["reversal_share"] = reversals;
    f.evidence["later_spread"] = vLine.spread;
    f.evidence["later_level"] = vLine.level;
    f.evidence["later_line_movement"] = vLine.movement;
    f.evidence["train_later_spread"] = tLine.spread;
    f.evidence["min_level_share"] = config.levelScatterShare;
    f.evidence["min_train_spread_ratio"] = config.trainScatterRatio;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
