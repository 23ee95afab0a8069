#include "core/detectors/oscillation_waves.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/detectors/finding_text.h"
#include "core/detectors/trend.h"

namespace curvedoctor::core {

namespace {

struct Rise {
    std::size_t start = 0;  ///< the trough it rises from
    std::size_t peak = 0;
};

// The rising legs of a zig-zag of `lv` with reversals of at least t: the first move of t sets
// the direction, every later reversal by t starts a new leg (the last leg counts unfinished).
std::vector<Rise> risingLegs(const std::vector<double>& lv, double t) {
    std::vector<Rise> rises;
    int dir = 0;
    std::size_t lo = 0;
    std::size_t hi = 0;
    std::size_t extreme = 0;
    std::size_t legStart = 0;
    for (std::size_t i = 1; i < lv.size(); ++i) {
        if (dir == 0) {
            if (lv[i] >= lv[lo] + t) {
                dir = 1;
                legStart = lo;
                extreme = i;
            } else if (lv[i] <= lv[hi] - t) {
                dir = -1;
                legStart = hi;
                extreme = i;
            } else {
                lo = lv[i] < lv[lo] ? i : lo;
                hi = lv[i] > lv[hi] ? i : hi;
            }
            continue;
        }
        if ((dir > 0 && lv[i] > lv[extreme]) || (dir < 0 && lv[i] < lv[extreme])) {
            extreme = i;
        } else if (std::abs(lv[i] - lv[extreme]) >= t) {
            if (dir > 0) rises.push_back({legStart, extreme});
            legStart = extreme;
            extreme = i;
            dir = -dir;
        }
    }
    if (dir > 0) rises.push_back({legStart, extreme});
    return rises;
}

// The stretches of the first n values of `v` where each value is above the one before for at
// least `minClimb` values in a row: (the value it climbs from, its peak).
std::vector<Rise> climbs(const std::vector<double>& v, std::size_t n, std::size_t minClimb) {
    std::vector<Rise> out;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        if (i < n && v[i] > v[i - 1]) continue;
        if (i - 1 - start >= minClimb) out.push_back({start, i - 1});
        start = i;
    }
    return out;
}

}  // namespace

Waves findWaves(const std::vector<double>& values, const OscillationConfig& config) {
    Waves w;
    if (values.empty() || !(*std::min_element(values.begin(), values.end()) > 0.0)) return w;
    const double limit = config.blowUpFactor * values.front();
    const auto blowUp =
        std::find_if(values.begin(), values.end(), [limit](double v) { return v > limit; });
    w.read = static_cast<std::size_t>(blowUp - values.begin());
    if (w.read < config.minPoints) return w;
    std::vector<double> lv(w.read);
    for (std::size_t i = 0; i < w.read; ++i) lv[i] = std::log(values[i]);
    std::vector<double> bends;
    for (std::size_t i = 2; i < w.read; ++i)
        bends.push_back(std::abs(lv[i] - 2.0 * lv[i - 1] + lv[i - 2]));
    w.roughness = medianInPlace(bends);
    const auto [lo, hi] = std::minmax_element(values.begin(), blowUp);
    w.range = *hi - *lo;
    w.minAbsRise = config.swingRangeShare * w.range;
    const double minLogRise =
        std::max(std::log1p(config.waveRise), config.waveNoiseRatio * w.roughness);
    for (const Rise& r : risingLegs(lv, std::log1p(config.waveRise))) {
        if (r.peak - r.start < config.minWavePoints || lv[r.peak] - lv[r.start] < minLogRise ||
            values[r.peak] - values[r.start] < w.minAbsRise) {
            continue;
        }
        const double rise = values[r.peak] / values[r.start] - 1.0;
        w.smallest = w.count == 0 ? rise : std::min(w.smallest, rise);
        w.largest = std::max(w.largest, rise);
        w.largestAbs = std::max(w.largestAbs, values[r.peak] - values[r.start]);
        w.from = w.count == 0 ? r.start : w.from;
        w.to = r.peak;
        ++w.count;
    }
    return w;
}

// Waves of a loss read once per evaluation (oscillation_fading_friedman_tf in tests/data/
// corpus2, half m: 0.346 -> 0.542 -> 0.360 -> 0.476 -> 0.290 -> 0.341 -> 0.222 -> 0.283 over
// epochs 7-33 of 100 full-batch steps, a swing every 7-8 epochs that the trend's median and
// the 5-point trend of the ringing rule both follow, and whose whole range the first drop
// sets). A practitioner reads a training loss that climbs for several epochs in a row, by much
// more than it bends from one epoch to the next, three times or more: a healthy loss falls,
// and its noise turns at every point rather than rising for several.
std::vector<Finding> waveOscillation(const RunView& view, const std::vector<double>& values,
                                     const std::vector<std::int64_t>& steps,
                                     const OscillationConfig& config) {
    std::vector<Finding> out;
    const Waves w = findWaves(values, config);
    if (w.count < config.minWaves || w.largestAbs < config.waveLargestShare * w.range) return out;
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                            steps[w.from], steps[w.to]);
    f.message = metric + " (one value per evaluation) rises against its course " +
                std::to_string(w.count) + " times, each for " +
                std::to_string(config.minWavePoints) + " or more evaluations in a row, by " +
                formatPercent(w.smallest) + " to " + formatPercent(w.largest) +
                " of its level (at least " + formatPercent(config.waveRise) + " and " +
                formatNumber(config.waveNoiseRatio) +
                " times its bend from one evaluation to the next, " + formatPercent(w.roughness) +
                "); the largest climbs " + formatNumber(w.largestAbs) + ", " +
                formatPercent(w.largestAbs / w.range) + " of its range (at least " +
                formatPercent(config.waveLargestShare) + "), between " +
                describeStep(view, steps[w.from]) + " and " + describeStep(view, steps[w.to]) +
                (w.read < values.size() ? ", before it blows up" : std::string()) + ".";
    f.advice =
        "The steps overshoot and the loss swings back: lower the learning rate or the "
        "momentum, or add a warm-up or decay; keep the best checkpoint rather than the last.";
    f.evidence["waves"] = static_cast<double>(w.count);
    f.evidence["min_waves"] = static_cast<double>(config.minWaves);
    f.evidence["smallest_rise"] = w.smallest;
    f.evidence["largest_rise"] = w.largest;
    f.evidence["min_rise"] = config.waveRise;
    f.evidence["min_wave_points"] = static_cast<double>(config.minWavePoints);
    f.evidence["roughness"] = w.roughness;
    f.evidence["noise_ratio"] = config.waveNoiseRatio;
    f.evidence["min_abs_rise"] = w.minAbsRise;
    f.evidence["largest_abs_rise"] = w.largestAbs;
    f.evidence["min_largest_abs_rise"] = config.waveLargestShare * w.range;
    out.push_back(std::move(f));
    return out;
}

// One overshoot that rings and fades (oscillation_fading_fullbatch_friedman_nesterov_tf in
// tests/data/corpus2, half o, one full-batch step per epoch: the training loss climbs 0.321 ->
// 0.437 over epochs 6-10 and the validation loss 0.305 -> 0.470 over 5-9, then both fall on,
// the training loss climbing again 0.228 -> 0.236 over 15-18 and 0.163 -> 0.168 over 23-26;
// oscillation_fading_fullbatch_linreg_sgd_tf, half p: 0.357 -> 0.554, then 0.373 -> 0.428).
// Its echoes are too small for the wave count, and the first drop sets the range. A
// practitioner reads a smooth curve that climbs for several evaluations in a row, with the
// validation loss, far beyond its bends, comes back and climbs again: the learning rate (or
// the momentum) too high at first, even though the swings fade.
std::vector<Finding> overshootOscillation(const RunView& view, const std::vector<double>& values,
                                          const std::vector<std::int64_t>& steps,
                                          const OscillationConfig& config) {
    std::vector<Finding> out;
    const Waves w = findWaves(values, config);
    if (w.read < config.minPoints || !(w.range > 0.0)) return out;
    std::vector<double> val;
    std::vector<std::int64_t> valSteps;
    for (std::size_t i = 0; i < view.valLoss.size(); ++i) {
        if (!std::isfinite(view.valLoss.values()[i])) continue;
        val.push_back(view.valLoss.values()[i]);
        valSteps.push_back(view.valLoss.steps()[i]);
    }
    const std::vector<Rise> valClimbs = climbs(val, val.size(), config.minSwingClimb);
    const std::vector<Rise> echoes = climbs(values, w.read, config.minWavePoints);
    for (const Rise& r : climbs(values, w.read, config.minSwingClimb)) {
        const double rise = values[r.peak] / values[r.start] - 1.0;
        const double noiseRatio = std::log1p(rise) / w.roughness;
        if (rise < config.waveRise ||
            values[r.peak] - values[r.start] < config.waveLargestShare * w.range ||
            !(noiseRatio >= config.swingNoiseRatio)) {
            continue;
        }
        const auto with = std::find_if(valClimbs.begin(), valClimbs.end(), [&](const Rise& c) {
            return valSteps[c.start] < steps[r.peak] && valSteps[c.peak] > steps[r.start] &&
                   val[c.peak] / val[c.start] - 1.0 >= config.waveRise;
        });
        if (with == valClimbs.end()) continue;
        const auto back = std::find_if(values.begin() + static_cast<std::ptrdiff_t>(r.peak),
                                       values.begin() + static_cast<std::ptrdiff_t>(w.read),
                                       [&](double v) { return v < values[r.start]; });
        if (back == values.begin() + static_cast<std::ptrdiff_t>(w.read)) continue;
        const auto echo = std::find_if(echoes.begin(), echoes.end(), [&](const Rise& e) {
            return e.start >= r.peak && std::log(values[e.peak] / values[e.start]) >=
                                            config.waveNoiseRatio * w.roughness;
        });
        if (echo == echoes.end()) continue;
        const double valRise = val[with->peak] / val[with->start] - 1.0;
        const double echoRise = values[echo->peak] / values[echo->start] - 1.0;
        const std::string& metric = view.trainLoss.metric();
        Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                                steps[r.start], steps[echo->peak]);
        f.message =
            metric + " (one value per evaluation) climbs at each of " +
            std::to_string(r.peak - r.start) + " evaluations in a row between " +
            describeStep(view, steps[r.start]) + " and " + describeStep(view, steps[r.peak]) +
            ", " + formatNumber(values[r.start]) + " -> " + formatNumber(values[r.peak]) + " (" +
            formatPercent(rise) + " of its level, " +
            formatPercent((values[r.peak] - values[r.start]) / w.range) + " of its range, " +
            formatNumber(noiseRatio) +
            " times its bend from one evaluation to the next; at least " +
            formatPercent(config.waveRise) + ", " + formatPercent(config.waveLargestShare) +
            " and " + formatNumber(config.swingNoiseRatio) + " times), " + view.valLoss.metric() +
            " with it (" + formatNumber(val[with->start]) + " -> " + formatNumber(val[with->peak]) +
            ", " + formatPercent(valRise) + "), then falls back below " +
            formatNumber(values[r.start]) + " and climbs again by " + formatPercent(echoRise) +
            " up to " + describeStep(view, steps[echo->peak]) + ": a swing that rings and fades.";
        f.advice =
            "The first steps overshoot: lower the learning rate or the momentum, or add a "
            "warm-up; the run recovers, but the swing costs epochs.";
        f.evidence["climb_points"] = static_cast<double>(r.peak - r.start);
        f.evidence["min_climb_points"] = static_cast<double>(config.minSwingClimb);
        f.evidence["rise"] = rise;
        f.evidence["min_rise"] = config.waveRise;
        f.evidence["rise_share_of_range"] = (values[r.peak] - values[r.start]) / w.range;
        f.evidence["min_share_of_range"] = config.waveLargestShare;
        f.evidence["rise_over_roughness"] = noiseRatio;
        f.evidence["min_rise_over_roughness"] = config.swingNoiseRatio;
        f.evidence["val_rise"] = valRise;
        f.evidence["echo_rise"] = echoRise;
        f.evidence["echo_min_roughness_ratio"] = config.waveNoiseRatio;
        out.push_back(std::move(f));
        return out;
    }
    return out;
}

}  // namespace curvedoctor::core
