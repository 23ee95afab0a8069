#include "core/detectors/oscillation.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"
#include "core/detectors/oscillation_waves.h"
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
    double tau = 0.0;             ///< Kendall's tau from the first swing on (wide median only)
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

// A smooth local trend that one swing does not move: the centred mean of the middle values
// of `window` points (the highest and the lowest dropped; fewer points at the ends). A
// running median would sit on one side of a ringing that alternates every point (of five
// alternating values, three lie on one side), a plain mean would follow a spike.
std::vector<double> trimmedTrend(const std::vector<double>& v, std::size_t window) {
    std::vector<double> out(v.size());
    std::vector<double> buf;
    const std::size_t half = window / 2;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::size_t lo = i >= half ? i - half : 0;
        const std::size_t hi = std::min(v.size(), i + half + 1);
        buf.assign(v.begin() + static_cast<std::ptrdiff_t>(lo),
                   v.begin() + static_cast<std::ptrdiff_t>(hi));
        std::sort(buf.begin(), buf.end());
        if (buf.size() < 3) {
            out[i] = medianInPlace(buf);
            continue;
        }
        double sum = 0.0;
        for (std::size_t k = 1; k + 1 < buf.size(); ++k) sum += buf[k];
        out[i] = sum / static_cast<double>(buf.size() - 2);
    }
    return out;
}

// The longest stretch of swings about the local trend in a positive loss read raw: values
// off the trend by swingRel of its level and swingRangeShare of the range, alternating in
// sign (neighbours on the same side are one swing), each within maxAlternationGap points of the
// one before.
struct TrendSwings {
    std::size_t swings = 0;
    std::size_t from = 0;    ///< the first swing
    std::size_t to = 0;      ///< the last swing
    double size = 0.0;       ///< median distance from the trend over the stretch, / level
    double floor = 0.0;      ///< the same in the calmer half of the run
    double trendMove = 0.0;  ///< the trend's relative movement per point over the stretch
    bool regular = false;    ///< the stretch swings at every point (minLongAlternations+)
};

// With `regularOnly`, the longest run of points that each swing, to the other side from the
// point before, when it has at least minLongAlternations of them (else none).
TrendSwings swingsAboutTrend(const std::vector<double>& v, const OscillationConfig& config,
                             bool regularOnly) {
    TrendSwings best;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    if (!(*lo > 0.0) || v.size() < config.minPoints) return best;
    const std::vector<double> trend = trimmedTrend(v, config.trendWindow);
    std::vector<double> rel(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) rel[i] = (v[i] - trend[i]) / trend[i];
    const double minAbs = config.swingRangeShare * (*hi - *lo);
    std::size_t count = 0;
    std::size_t start = 0;
    std::size_t last = 0;
    double lastSign = 0.0;
    // The longest run of points that each swing, to the other side from the point before:
    // ringing at every evaluation, which noise about a trend does not keep up (each next point
    // would have to swing, and to the other side).
    TrendSwings regular;
    std::size_t run = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (std::abs(rel[i]) < config.swingRel || std::abs(v[i] - trend[i]) < minAbs) {
            run = 0;
            continue;
        }
        const double sign = rel[i] > 0.0 ? 1.0 : -1.0;
        run = run > 0 && last + 1 == i && sign != lastSign ? run + 1 : 1;
        if (run > regular.swings) {
            regular.swings = run;
            regular.from = i + 1 - run;
            regular.to = i;
        }
        if (count > 0 && i - last <= config.maxAlternationGap) {
            count += sign != lastSign ? 1 : 0;  // a swing of several points is one swing
        } else {
            count = 1;
            start = i;
        }
        lastSign = sign;
        last = i;
        if (count > best.swings) {
            best.swings = count;
            best.from = start;
            best.to = i;
        }
    }
    if (regularOnly) {
        best = regular.swings >= config.minLongAlternations ? regular : TrendSwings{};
        best.regular = true;
    }
    if (best.swings == 0) return best;
    std::vector<double> stretch;
    for (std::size_t i = best.from; i <= best.to; ++i) stretch.push_back(std::abs(rel[i]));
    best.size = medianInPlace(stretch);
    const std::size_t mid = v.size() / 2;
    std::vector<double> first;
    std::vector<double> second;
    for (std::size_t i = 0; i < v.size(); ++i)
        (i < mid ? first : second).push_back(std::abs(rel[i]));
    best.floor = std::min(medianInPlace(first), medianInPlace(second));
    const double points = static_cast<double>(std::max<std::size_t>(best.to - best.from, 1));
    best.trendMove = std::abs(std::log(trend[best.to] / trend[best.from])) / points;
    return best;
}

// The validation loss over a stretch [from, to]: at its end (the median of its last three
// finite values up to `to`) over its lowest value up to there (1 without one), and whether it
// climbs across the stretch (Kendall's tau of its values in it above 0).
struct ValOverStretch {
    double overBest = 1.0;
    double tau = 0.0;
};

ValOverStretch valOverStretch(const RunView& view, std::int64_t from, std::int64_t to) {
    ValOverStretch out;
    const Curve& val = view.valLoss;
    double best = 0.0;
    std::vector<double> upTo;
    std::vector<double> in;
    for (std::size_t i = 0; i < val.size() && val.steps()[i] <= to; ++i) {
        const double v = val.values()[i];
        if (!std::isfinite(v)) continue;
        best = upTo.empty() ? v : std::min(best, v);
        upTo.push_back(v);
        if (val.steps()[i] >= from) in.push_back(v);
    }
    if (upTo.empty() || !(best > 0.0)) return out;
    const auto k = static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, upTo.size()));
    std::vector<double> tail(upTo.end() - k, upTo.end());
    out.overBest = medianInPlace(tail) / best;
    out.tau = kendallTau(in);
    return out;
}

// Ringing about the trend that fades (full-batch momentum steps overshooting for the first
// 10-40% of a run: 0.41 -> 1.0 -> 0.17 -> 0.37 -> 0.21 -> 0.13 -> 0.23 -> 0.09 in
// oscillation_fading_circles_tf of tests/data/corpus2, half g; 0.27 -> 0.36 -> 0.20 in
// oscillation_fading_moons_hf, half h). The whole range, set by the first drop, hides such
// swings, and the run's net change does not say they happened; nor does a count of
// reversals, which a swing of two points breaks. A practitioner reads the loss going above
// and below its own smooth course, by much more than it strays from it once calm, in a
// stretch of the run, whether or not that lasts.
std::vector<Finding> ringingOscillation(const RunView& view, const std::vector<double>& v,
                                        const std::vector<std::int64_t>& steps,
                                        const OscillationConfig& config) {
    std::vector<Finding> out;
    const auto passes = [&config](const TrendSwings& r) {
        const double ratio = r.regular ? config.longFloorRatio : config.minFloorRatio;
        return r.swings >= config.minAlternations && r.size >= ratio * r.floor &&
               r.size >= r.trendMove;
    };
    TrendSwings r = swingsAboutTrend(v, config, false);
    if (!passes(r)) r = swingsAboutTrend(v, config, true);
    if (!passes(r)) return out;
    const double floorRatio = r.regular ? config.longFloorRatio : config.minFloorRatio;
    const ValOverStretch val = valOverStretch(view, steps[r.from], steps[r.to]);
    if (val.overBest > config.memorisingValRatio && val.tau > 0.0) return out;
    const std::string& metric = view.trainLoss.metric();
    Finding f = makeFinding(view, FindingKind::Oscillation, Severity::Warning, metric,
                            steps[r.from], steps[r.to]);
    f.message = metric + " (one value per evaluation) swings about its own trend: " +
                std::to_string(r.swings) + " times in a row above and below it between " +
                describeStep(view, steps[r.from]) + " and " + describeStep(view, steps[r.to]) +
                ", by a median " + formatPercent(r.size) + " of the trend's level (at least " +
                formatPercent(config.swingRel) + " each), against " + formatPercent(r.floor) +
                " in the calmer half of the run (at least " + formatNumber(floorRatio) +
                " times it" + (r.regular ? ", swinging at every point" : std::string()) +
                "); the validation loss " + formatNumber(val.overBest) +
                " times its best there, Kendall's tau " + formatNumber(val.tau) +
                " across it (memorising: above " + formatNumber(config.memorisingValRatio) +
                " and climbing)" + (r.to + 1 < v.size() ? ", then settles" : std::string()) + ".";
    f.advice =
        "The steps overshoot: lower the learning rate or the momentum, or add a warm-up; the "
        "run may recover, but the swings cost epochs and make the early checkpoints unreliable.";
    f.evidence["swings"] = static_cast<double>(r.swings);
    f.evidence["min_swings"] = static_cast<double>(config.minAlternations);
    f.evidence["swing_size"] = r.size;
    f.evidence["min_swing"] = config.swingRel;
    f.evidence["range_share"] = config.swingRangeShare;
    f.evidence["noise_floor"] = r.floor;
    f.evidence["min_floor_ratio"] = floorRatio;
    f.evidence["trend_move_per_point"] = r.trendMove;
    f.evidence["val_over_best"] = val.overBest;
    f.evidence["val_tau"] = val.tau;
    f.evidence["max_val_over_best"] = config.memorisingValRatio;
    out.push_back(std::move(f));
    return out;
}

// A training loss logged once per evaluation (DeiT's log.txt, a full-batch run logging every
// step) has no batch noise to smooth away, and its swings may last one point each: momentum
// ringing that fades within the first 20 of 100 epochs (0.44 -> 0.54 -> 0.33 -> 0.47 -> 0.27,
// oscillation_sgd_moons_hf in tests/data/corpus2) is clipped by any median. Such a curve, when
// short enough (maxRawPoints) and logged no more often than the validation loss (counting
// non-finite entries: a run that blows up may keep one more finite training loss than
// validation loss, oscillation_then_nan_diabetes_deit), is also read raw, under the same
// thresholds, with the raw point-to-point noise, then for ringing and for waves.
std::vector<Finding> epochOscillation(const RunView& view, const OscillationConfig& config) {
    std::vector<Finding> out;
    const Curve& c = view.trainLoss;
    const std::size_t n = c.finiteCount();
    if (n < config.minPoints || n > config.maxRawPoints || view.valLoss.empty() ||
        c.size() > view.valLoss.size()) {
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
    if (!s.found) {
        std::vector<Finding> ringing = ringingOscillation(view, v, steps, config);
        if (!ringing.empty()) return ringing;
        std::vector<Finding> waves = waveOscillation(view, v, steps, config);
        return waves.empty() ? overshootOscillation(view, v, steps, config) : waves;
    }
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

// Kendall's tau of the training loss's level per epoch (perEpochLevels) from `from` on; 0
// when fewer than kMinEpochLevels levels lie there (too few for a rank correlation to read).
constexpr std::size_t kMinEpochLevels = 5;

double epochLevelTau(const RunView& view, std::int64_t from) {
    const EpochLevels e = perEpochLevels(view);
    std::vector<double> since;
    for (std::size_t i = 0; i < e.levels.size(); ++i)
        if (e.steps[i] >= from) since.push_back(e.levels[i]);
    return since.size() >= kMinEpochLevels ? kendallTau(since) : 0.0;
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
    // ... and the curve must not keep falling under its swings: a loss that falls with bursts
    // of spikes (batches of 4-8 memorising 25% flipped labels: 0.62 -> 0.001 with medians
    // jumping 0.05 -> 0.28 -> 0.05, overfitting_early_best_noisycls_resmlp_tf in half l of
    // tests/data/corpus2) has a steady trend, which an oscillation lacks.
    if (s.found) {
        const std::size_t from = s.z.firstSwingAt > 0 ? s.z.firstSwingAt - 1 : 0;
        s.tau = kendallTau(std::span<const double>(t.values).subspan(std::min(from, t.size())));
        s.found = s.tau > config.steadyFallTau;
    }
    if (!s.found && t.fineValues.size() == t.size()) {
        s = swingsOf(t.fineValues, t.fineTrendNoise, config);
        s.fine = true;
        const std::size_t from = s.z.firstSwingAt > 0 ? s.z.firstSwingAt - 1 : 0;
        s.reversalShare = reversalShare(t.fineValues, from);
        s.found = s.found && s.reversalShare <= config.maxFineReversalShare;
    }
    // ... and a loss logged several times per epoch must not fall steadily epoch by epoch: swings
    // of its smoothed step loss that the per-epoch level does not show are batch noise (batches
    // of 4, undertrained_smallbatch_moons_radam_mlflow in tests/data/corpus2, half q: step
    // losses 0.01-1.5 about an epoch mean falling 0.544 -> 0.190, whose median of ~30 moves
    // 0.19 from one stretch to the next; the epoch mean's tau from the first swing on -0.81).
    // Read after either smoothing: a pattern repeating every epoch swings under both.
    double epochTau = 0.0;
    if (s.found) {
        epochTau = epochLevelTau(view, t.steps[s.z.firstSwingAt > 0 ? s.z.firstSwingAt - 1 : 0]);
        s.found = epochTau > config.steadyFallTau;
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
                        : "; Kendall's tau " + formatNumber(s.tau) + ", where a steady fall is " +
                              formatNumber(config.steadyFallTau) + " or below") +
                (epochTau != 0.0
                     ? "; its level per epoch from there: Kendall's tau " + formatNumber(epochTau) +
                           " (a steady fall is " + formatNumber(config.steadyFallTau) + " or below)"
                     : std::string()) +
                ".";
    f.advice =
        "Lower the learning rate (or add decay), increase the batch size, and consider "
        "gradient clipping or a momentum/Adam beta closer to its default.";
    f.evidence["swings"] = static_cast<double>(swings);
    f.evidence["swing_threshold"] = h;
    f.evidence["efficiency"] = efficiency;
    f.evidence["max_efficiency"] = config.maxEfficiency;
    if (!s.fine) {
        f.evidence["kendall_tau"] = s.tau;
        f.evidence["steady_fall_tau"] = config.steadyFallTau;
    }
    f.evidence["epoch_level_tau"] = epochTau;
    if (s.fine) {
        f.evidence["reversal_share"] = s.reversalShare;
        f.evidence["max_reversal_share"] = config.maxFineReversalShare;
    }
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
