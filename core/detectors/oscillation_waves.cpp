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

}  // namespace curvedoctor::core
