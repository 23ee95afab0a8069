#include "core/detectors/noisy_validation.h"

#include <algorithm>
#include <cmath>
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

// The mean of the finite values of `t` in each interval (previous evaluation, evaluation] of
// `v`, at the evaluation's step; intervals without a finite training value are left out.
void binByEvaluation(const Curve& t, const Curve& v, std::vector<std::int64_t>& steps,
                     std::vector<double>& values) {
    steps.clear();
    values.clear();
    const auto ts = t.steps();
    const auto tv = t.values();
    std::size_t i = 0;
    for (const std::int64_t end : v.steps()) {
        double sum = 0.0;
        std::size_t n = 0;
        for (; i < ts.size() && ts[i] <= end; ++i) {
            if (!std::isfinite(tv[i])) continue;
            sum += tv[i];
            ++n;
        }
        if (n == 0) continue;
        steps.push_back(end);
        values.push_back(sum / static_cast<double>(n));
    }
}

bool isAccuracy(const Curve& c) {
    const std::string& f = c.info().family;
    return f.rfind("acc", 0) == 0 || f == "top1" || f == "top5" ||
           f.find("accuracy") != std::string::npos;
}

bool endsWith(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
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
        if (minValue >= 0.0 && p > 0.0 && p < 1.0 && sigma > 0.0) {
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
    }

    // Validation loss compared with an epoch-level training loss.
    const Curve& v = view.valLoss;
    const Curve& t = view.trainLossEpoch.empty() ? view.trainLoss : view.trainLossEpoch;
    if (v.finiteCount() < config.minPoints || t.finiteCount() < config.minPoints) return out;
    // Comparable granularity: a training loss logged far more often than validation (per step
    // against per epoch) is averaged over each interval between evaluations first, which is
    // what an epoch-level training loss is.
    std::vector<std::int64_t> binnedSteps;
    std::vector<double> binnedValues;
    std::span<const std::int64_t> tSteps = t.steps();
    std::span<const double> tValues = t.values();
    if (t.finiteCount() > 2 * v.finiteCount()) {
        binByEvaluation(t, v, binnedSteps, binnedValues);
        if (binnedValues.size() < config.minPoints) return out;
        tSteps = binnedSteps;
        tValues = binnedValues;
    }
    const double vImp = view.valTrend.front() -
                        *std::min_element(view.valTrend.values.begin(), view.valTrend.values.end());
    const Trend tt = makeTrend(tSteps, tValues);
    const double tImp = tt.front() - *std::min_element(tt.values.begin(), tt.values.end());
    if (!(vImp > 0.0) || !(tImp > 0.0)) return out;
    const double vNoise = diffNoise(laterHalf(v));
    const double tNoise = diffNoise(laterHalf(tValues));
    const double vRel = vNoise / vImp;
    const double tRel = tNoise / tImp;
    if (vRel < config.minLossNoiseShare || vRel < config.lossNoiseRatio * tRel) return out;
    const std::size_t first = v.size() / 2;
    Finding f = makeFinding(view, FindingKind::NoisyValidation, Severity::Warning, v.metric(),
                            v.steps()[first], v.steps().back());
    f.message = v.metric() + " jumps by about " + formatNumber(vNoise) + " between evaluations (" +
                formatPercent(vRel) + " of its improvement), " +
                (tRel > 0.0 ? formatNumber(vRel / tRel) + " times" : "far more than") +
                " the relative noise of " + t.metric() + ".";
    f.advice =
        "The validation set is probably too small for stable statistics: use about 20% "
        "of the data for validation, and do not pick the best epoch from this noise.";
    f.evidence["relative_noise"] = vRel;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
