#include "core/detectors/oscillation.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"
#include "core/detectors/trend.h"

namespace curvedoctor::core {

namespace {

struct ZigZag {
    std::size_t swings = 0;
    std::size_t firstSwingAt = 0;
    std::size_t lastSwingAt = 0;
    double efficiency = 1.0;  ///< |last - first| / path travelled
};

// Zig-zag: the first move of at least h sets the direction (a healthy descent is one move);
// every later reversal by at least h is a swing.
ZigZag zigZag(const std::vector<double>& values, double h) {
    ZigZag z;
    int dir = 0;
    double high = values[0];
    double low = values[0];
    double extreme = values[0];
    for (std::size_t i = 1; i < values.size(); ++i) {
        const double v = values[i];
        if (dir == 0) {
            high = std::max(high, v);
            low = std::min(low, v);
            if (v <= high - h) {
                dir = -1;
                extreme = v;
            } else if (v >= low + h) {
                dir = 1;
                extreme = v;
            }
            continue;
        }
        const double move = dir > 0 ? extreme - v : v - extreme;
        if ((dir > 0 && v > extreme) || (dir < 0 && v < extreme)) {
            extreme = v;
        } else if (move >= h) {
            if (z.swings == 0) z.firstSwingAt = i;
            z.lastSwingAt = i;
            ++z.swings;
            dir = -dir;
            extreme = v;
        }
    }
    double travelled = 0.0;
    for (std::size_t i = 1; i < values.size(); ++i)
        travelled += std::abs(values[i] - values[i - 1]);
    z.efficiency = travelled > 0.0 ? std::abs(values.back() - values.front()) / travelled : 1.0;
    return z;
}

// The curve of a run that logged no loss: its validation metric, its training metric, or its
// only curve when that is a higher-is-better one (an RL log of episode rewards).
const Curve* metricOnlyCurve(const RunView& view) {
    if (!view.trainLoss.empty() || !view.valLoss.empty()) return nullptr;
    if (!view.valMetric.empty()) return &view.valMetric;
    if (!view.trainMetric.empty()) return &view.trainMetric;
    if (view.curves.size() != 1) return nullptr;
    const Curve& only = view.curves.front();
    return only.info().direction == Direction::HigherIsBetter ? &only : nullptr;
}

// Sustained collapses and recoveries of a metric-only curve, judged on its raw evaluations
// (a running median would smooth a one-evaluation collapse away).
std::vector<Finding> metricOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Curve* c = metricOnlyCurve(view);
    if (c == nullptr || c->finiteCount() < config.minPoints ||
        c->finiteCount() > config.maxRawPoints) {
        return out;
    }
    std::vector<double> v;
    std::vector<std::int64_t> steps;
    for (std::size_t i = 0; i < c->size(); ++i) {
        if (!std::isfinite(c->values()[i])) continue;
        v.push_back(c->values()[i]);
        steps.push_back(c->steps()[i]);
    }
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const double h = config.rawSwingShare * (*hi - *lo);
    if (!(h > 0.0)) return out;
    const ZigZag z = zigZag(v, h);
    if (z.swings < config.minRawSwings || z.efficiency > config.maxEfficiency) return out;
    const std::size_t from = z.firstSwingAt > 0 ? z.firstSwingAt - 1 : 0;
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, c->metric(),
                            steps[from], steps.back());
    f.message = c->metric() + " collapses and recovers " + std::to_string(z.swings) +
                " times by at least " + formatNumber(h) + " (range " + formatNumber(*lo) + " to " +
                formatNumber(*hi) + ") between " + describeStep(view, steps[from]) + " and " +
                describeStep(view, steps.back()) + " (net change " + formatPercent(z.efficiency) +
                " of the path travelled).";
    f.advice =
        "The policy or model is unstable: lower the learning rate, use a larger batch or "
        "replay buffer, clip gradients, and keep the best checkpoint rather than the last.";
    f.evidence["swings"] = static_cast<double>(z.swings);
    f.evidence["swing_threshold"] = h;
    f.evidence["efficiency"] = z.efficiency;
    out.push_back(std::move(f));
    return out;
}

// The share of the steps from `from` on where the curve turns (a step against the direction
// of the last non-zero one; a running median repeats values, whose zero steps are skipped):
// about 2/3 for white noise, 2/P for a smooth swing of period P points.
double reversalShare(const std::vector<double>& v, std::size_t from) {
    std::size_t turns = 0;
    std::size_t moves = 0;
    double last = 0.0;
    for (std::size_t i = from + 1; i < v.size(); ++i) {
        const double step = v[i] - v[i - 1];
        if (step == 0.0) continue;
        turns += step * last < 0.0 ? 1 : 0;
        ++moves;
        last = step;
    }
    return moves > 1 ? static_cast<double>(turns) / static_cast<double>(moves - 1) : 1.0;
}

// The swings of one smoothing of the training loss: none unless they are large (swingShare of
// the range, noiseSigmas of the smoothed noise), many (minSwings), and the curve goes back
// and forth more than it goes anywhere (maxEfficiency).
struct Swings {
    ZigZag z;
    double threshold = 0.0;
    double lo = 0.0;
    double hi = 0.0;
    bool found = false;
    double reversalShare = -1.0;  ///< share of the points where the curve turns
    bool fine = false;            ///< read under the running median of 3 (see below)
};

Swings swingsOf(const std::vector<double>& values, double trendNoise,
                const OscillationConfig& config) {
    Swings s;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.lo = *lo;
    s.hi = *hi;
    const double range = s.hi - s.lo;
    s.threshold = std::max(config.swingShare * range, config.noiseSigmas * trendNoise);
    if (!(range > 0.0) || !(s.threshold > 0.0)) return s;
    s.z = zigZag(values, s.threshold);
    s.found = s.z.swings >= config.minSwings && s.z.efficiency <= config.maxEfficiency;
    return s;
}

// The longest run of ringing in a positive loss read raw: reversals by at least
// ringRelSwing of the lower of their two ends and ringRangeShare of the whole range, each
// within ringMaxGap points of the one before. Its efficiency is read on the log of the loss
// (the swings are measured against the local level).
struct Ringing {
    std::size_t swings = 0;
    std::size_t from = 0;  ///< the point before the first swing
    std::size_t to = 0;    ///< the last swing
    double efficiency = 1.0;
};

Ringing ringing(const std::vector<double>& v, const OscillationConfig& config) {
    Ringing best;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    if (!(*lo > 0.0)) return best;
    const double floor = config.ringRangeShare * (*hi - *lo);
    const auto swingOver = [&](double a, double b) {
        return std::abs(a - b) >= std::max(floor, config.ringRelSwing * std::min(a, b));
    };
    int dir = 0;
    double high = v[0];
    double low = v[0];
    double extreme = v[0];
    std::size_t runStart = 0;
    std::size_t runCount = 0;
    std::size_t last = 0;
    for (std::size_t i = 1; i < v.size(); ++i) {
        const double x = v[i];
        if (dir == 0) {
            high = std::max(high, x);
            low = std::min(low, x);
            if (x < high && swingOver(high, x)) dir = -1;
            if (x > low && swingOver(low, x)) dir = 1;
            extreme = x;
            continue;
        }
        if ((dir > 0 && x > extreme) || (dir < 0 && x < extreme)) {
            extreme = x;
            continue;
        }
        if (!swingOver(extreme, x)) continue;
        if (runCount == 0 || i - last > config.ringMaxGap) {
            runStart = i;
            runCount = 0;
        }
        ++runCount;
        last = i;
        if (runCount > best.swings) {
            best.swings = runCount;
            best.from = runStart > 0 ? runStart - 1 : 0;
            best.to = i;
        }
        dir = -dir;
        extreme = x;
    }
    double path = 0.0;
    for (std::size_t i = best.from + 1; i <= best.to; ++i)
        path += std::abs(std::log(v[i]) - std::log(v[i - 1]));
    if (path > 0.0)
        best.efficiency = std::abs(std::log(v[best.to]) - std::log(v[best.from])) / path;
    return best;
}

// Ringing about the trend that fades (full-batch momentum steps overshooting for the first
// 20-40% of a run: 0.17 -> 0.23 -> 0.08 -> 0.19 -> 0.05 -> 0.15 in oscillation_fading_circles_tf
// of tests/data/corpus2, half g). The whole range, set by the first drop, hides such swings
// and the run's net change does not say they happened; a practitioner reads large alternating
// swings about the local level in a stretch of the run, whether or not they last.
std::vector<Finding> ringingOscillation(const RunView& view, const std::vector<double>& v,
                                        const std::vector<std::int64_t>& steps,
                                        const OscillationConfig& config) {
    std::vector<Finding> out;
    const Ringing r = ringing(v, config);
    if (r.swings < config.ringMinSwings || r.efficiency > config.maxEfficiency) return out;
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                            steps[r.from], steps[r.to]);
    f.message = metric + " (one value per evaluation) rings: " + std::to_string(r.swings) +
                " swings in a row between " + describeStep(view, steps[r.from]) + " and " +
                describeStep(view, steps[r.to]) + ", each reversing by at least " +
                formatPercent(config.ringRelSwing) + " of its lower end and " +
                formatPercent(config.ringRangeShare) + " of the range (" +
                formatNumber(*std::min_element(v.begin(), v.end())) + " to " +
                formatNumber(*std::max_element(v.begin(), v.end())) + ")" +
                (r.to + 1 < v.size() ? ", then settles" : std::string()) +
                " (net change of its log " + formatPercent(r.efficiency) +
                " of the path travelled).";
    f.advice =
        "The steps overshoot: lower the learning rate or the momentum, or add a warm-up; the "
        "run may recover, but the swings cost epochs and make the early checkpoints unreliable.";
    f.evidence["swings"] = static_cast<double>(r.swings);
    f.evidence["min_swings"] = static_cast<double>(config.ringMinSwings);
    f.evidence["rel_swing"] = config.ringRelSwing;
    f.evidence["range_share"] = config.ringRangeShare;
    f.evidence["efficiency"] = r.efficiency;
    f.evidence["max_efficiency"] = config.maxEfficiency;
    out.push_back(std::move(f));
    return out;
}

// A training loss logged once per evaluation (DeiT's log.txt, a full-batch run logging every
// step) has no batch noise to smooth away, and its swings may last one point each: momentum
// ringing that fades within the first 20 of 100 epochs (0.44 -> 0.54 -> 0.33 -> 0.47 -> 0.27,
// oscillation_sgd_moons_hf in tests/data/corpus2) is clipped by any median. Such a curve, when
// short enough (maxRawPoints), is also read raw, under the same thresholds, with the raw
// point-to-point noise.
std::vector<Finding> epochOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Curve& c = view.trainLoss;
    const std::size_t n = c.finiteCount();
    if (n < config.minPoints || n > config.maxRawPoints || view.valLoss.empty() ||
        n > view.valLoss.finiteCount()) {
        return out;
    }
    std::vector<double> v;
    std::vector<std::int64_t> steps;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!std::isfinite(c.values()[i])) continue;
        v.push_back(c.values()[i]);
        steps.push_back(c.steps()[i]);
    }
    const Swings s = swingsOf(v, diffNoise(v), config);
    if (!s.found) return ringingOscillation(view, v, steps, config);
    const std::size_t from = s.z.firstSwingAt > 0 ? s.z.firstSwingAt - 1 : 0;
    const std::int64_t lastSwing = steps[s.z.lastSwingAt];
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, c.metric(),
                            steps[from], lastSwing);
    f.message = c.metric() + " (one value per evaluation) swings up and down " +
                std::to_string(s.z.swings) + " times by at least " + formatNumber(s.threshold) +
                " (range " + formatNumber(s.lo) + " to " + formatNumber(s.hi) + ") between " +
                describeStep(view, steps[from]) + " and " + describeStep(view, lastSwing) +
                (lastSwing < steps.back() ? ", then settles" : std::string()) + " (net change " +
                formatPercent(s.z.efficiency) + " of the path travelled).";
    f.advice =
        "Lower the learning rate (or add decay or a warm-up), and consider a momentum or Adam "
        "beta closer to its default, or gradient clipping.";
    f.evidence["swings"] = static_cast<double>(s.z.swings);
    f.evidence["swing_threshold"] = s.threshold;
    f.evidence["efficiency"] = s.z.efficiency;
    f.evidence["max_efficiency"] = config.maxEfficiency;
    out.push_back(std::move(f));
    return out;
}

}  // namespace

std::vector<Finding> detectOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Trend& t = view.trainTrend;
    if (t.empty()) return metricOscillation(view, config);
    if (t.size() < config.minPoints) return out;
    // The trend's running median (4% of the run on each side) flattens swings whose period is
    // close to its window (momentum ringing every ~8 of 150 epochs: oscillation_momentum_
    // diabetes in tests/data/corpus2); the bins under a median of 3 keep them. There the swings
    // must also be smooth, runs of several points each (reversalShare), since the raw noise
    // of a run that starts flat and gets noisy after its drop is that of its quiet start
    // (slow_start_tiny_init_moons), under which batch noise would pass for swings.
    // Under the wide median a swing must also last: minPointsPerSwing points apart on
    // average, since a median that flips between two levels from one point to the next is
    // reading a burst of heavy-tailed batch losses (a healthy Adamax run whose 1080-step batch
    // loss spikes to 10x its level, healthy_cancer_adamax in tests/data/corpus2: its 4
    // "swings" lie within 6 of 180 points).
    Swings s = swingsOf(t.values, t.trendNoise, config);
    if (s.found && s.z.swings > 1) {
        const double spacing = static_cast<double>(s.z.lastSwingAt - s.z.firstSwingAt) /
                               static_cast<double>(s.z.swings - 1);
        s.found = spacing >= config.minPointsPerSwing;
    }
    if (!s.found && t.fineValues.size() == t.size()) {
        s = swingsOf(t.fineValues, t.fineTrendNoise, config);
        s.fine = true;
        const std::size_t from = s.z.firstSwingAt > 0 ? s.z.firstSwingAt - 1 : 0;
        s.reversalShare = reversalShare(t.fineValues, from);
        s.found = s.found && s.reversalShare <= config.maxFineReversalShare;
    }
    if (!s.found) return epochOscillation(view, config);
    const std::size_t swings = s.z.swings;
    const std::size_t firstSwingAt = s.z.firstSwingAt;
    const double efficiency = s.z.efficiency;
    const double h = s.threshold;
    const std::string& metric = view.trainLoss.metric();
    const std::size_t from = firstSwingAt > 0 ? firstSwingAt - 1 : 0;
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                            t.steps[from], t.lastSteps.back());
    f.message = metric + " swings up and down " + std::to_string(swings) + " times by at least " +
                formatNumber(h) + " (smoothed range " + formatNumber(s.lo) + " to " +
                formatNumber(s.hi) + ") between " + describeStep(view, t.steps[from]) + " and " +
                describeStep(view, t.lastSteps.back()) + " without a steady trend (net change " +
                formatPercent(efficiency) + " of the path travelled)" +
                (s.fine ? "; seen under a running median of 3, where the curve turns at only " +
                              formatPercent(s.reversalShare) + " of its points (smooth swings)"
                        : std::string()) +
                ".";
    f.advice =
        "Lower the learning rate (or add decay), increase the batch size, and consider "
        "gradient clipping or a momentum/Adam beta closer to its default.";
    f.evidence["swings"] = static_cast<double>(swings);
    f.evidence["swing_threshold"] = h;
    f.evidence["efficiency"] = efficiency;
    f.evidence["max_efficiency"] = config.maxEfficiency;
    if (s.fine) {
        f.evidence["reversal_share"] = s.reversalShare;
        f.evidence["max_reversal_share"] = config.maxFineReversalShare;
    }
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
