#include "core/detectors/plateau.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

const Trend& lossTrend(const RunView& view) {
    return view.trainTrend.empty() ? view.valTrend : view.trainTrend;
}
const Curve& lossCurve(const RunView& view) {
    return view.trainTrend.empty() ? view.valLoss : view.trainLoss;
}

// The fall of the trend over the stretch of `flat` steps after point k - 1, as a share of
// `improvement`.
double cliffShare(const Trend& t, std::size_t k, double flat, double improvement) {
    std::size_t j = k - 1;
    while (j + 1 < t.size() && static_cast<double>(t.steps[j + 1] - t.steps[k - 1]) <= flat) {
        ++j;
    }
    return (t.values[k - 1] - t.values[j]) / improvement;
}

// How far the trend moves from its first point, either way, over the first half of the first
// `flat` steps: a start that swings up and down (momentum ringing) is not flat either.
double firstHalfMove(const Trend& t, std::size_t k, double flat) {
    double move = 0.0;
    for (std::size_t i = 1; i < k && static_cast<double>(t.steps[i] - t.steps.front()) <= flat / 2;
         ++i) {
        move = std::max(move, std::abs(t.front() - t.values[i]));
    }
    return move;
}

// The first finite value of `c` (NaN when none).
double firstLogged(const Curve& c) {
    for (const double v : c.values()) {
        if (std::isfinite(v)) return v;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

// How many times more the validation loss falls over the stretch as long as [from, to] right
// after it than over it (infinite when it does not fall over it); 0 unless it is measured at
// least minValInFlat times over [from, to] and falls after it.
double validationCliffRatio(const Curve& val, const Trend& v, std::int64_t from, std::int64_t to,
                            const SlowStartConfig& config) {
    if (v.empty() || to <= from) return 0.0;
    std::size_t inFlat = 0;
    for (std::size_t i = 0; i < val.size(); ++i) {
        const std::int64_t s = val.steps()[i];
        inFlat += s >= from && s <= to && std::isfinite(val.values()[i]) ? 1 : 0;
    }
    if (inFlat < config.minValInFlat) return 0.0;
    const double during = v.valueAt(from) - v.valueAt(to);
    const double after = v.valueAt(to) - v.valueAt(to + (to - from));
    if (!(after > 0.0)) return 0.0;
    return during > 0.0 ? after / during : std::numeric_limits<double>::infinity();
}

// The learning rate warms up through the stretch [from, to]: it starts below `startShare` of
// its peak and reaches the peak no earlier than halfway through the stretch. A warm-up ends:
// a rate that first reaches its peak in the last `endShare` of its steps is growing through
// the run (an exponentially growing rate, divergence_grow_raw_diabetes in tests/data/corpus2:
// 1e-5 -> 4e-3 at the last step), and its flat start is the rate being too small.
bool warmsUp(const Curve& lr, std::int64_t from, std::int64_t to, double startShare,
             double endShare) {
    double first = std::numeric_limits<double>::quiet_NaN();
    double peak = -std::numeric_limits<double>::infinity();
    std::int64_t peakStep = 0;
    for (std::size_t i = 0; i < lr.size(); ++i) {
        const double v = lr.values()[i];
        if (!std::isfinite(v)) continue;
        if (std::isnan(first)) first = v;
        if (v > peak) {
            peak = v;
            peakStep = lr.steps()[i];
        }
    }
    if (lr.empty()) return false;
    const auto span = static_cast<double>(lr.steps().back() - lr.steps().front());
    const bool growsToTheEnd =
        span > 0.0 && static_cast<double>(peakStep - lr.steps().front()) > (1.0 - endShare) * span;
    return peak > 0.0 && first >= 0.0 && first <= startShare * peak &&
           2 * (peakStep - from) >= to - from && !growsToTheEnd;
}

}  // namespace

std::vector<Finding> detectPlateau(const RunView& view, const PlateauConfig& config) {
    std::vector<Finding> out;
    const Trend& t = lossTrend(view);
    if (t.size() < config.minPoints) return out;
    const double improvement = t.front() - *std::min_element(t.values.begin(), t.values.end());
    if (!(improvement > 0.0)) return out;
    // When the improvement is hardly above the noise the curve is mostly noise, and "stopped
    // improving" says nothing.
    if (improvement < config.minImprovementSigmas * t.trendNoise) return out;
    const double delta =
        std::max(config.minDeltaShare * improvement, config.noiseSigmas * t.trendNoise);
    double best = t.values[0];
    std::size_t start = 0;
    std::size_t bestStart = 0;
    std::size_t bestEnd = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t.values[i] < best - delta) {
            best = t.values[i];
            start = i;
            continue;
        }
        if (t.steps[i] - t.steps[start] > t.steps[bestEnd] - t.steps[bestStart]) {
            bestStart = start;
            bestEnd = i;
        }
    }
    const double span = static_cast<double>(t.steps.back() - t.steps.front());
    const double len = static_cast<double>(t.steps[bestEnd] - t.steps[bestStart]);
    if (bestStart == 0 || span <= 0.0 || len < config.minShare * span) return out;
    const Curve& c = lossCurve(view);
    const std::int64_t from = t.steps[bestStart];
    const std::int64_t to = bestEnd + 1 == t.size() ? t.lastSteps.back() : t.steps[bestEnd];
    Finding f = makeFinding(view, FindingKind::Plateau, Severity::Info, c.metric(), from, to);
    const bool toEnd = bestEnd + 1 == t.size();
    f.message = c.metric() + " improves by less than " + formatNumber(delta) + " (" +
                formatPercent(delta / improvement) + " of its total improvement) from " +
                describeStep(view, from) + (toEnd ? " to the end (" : " to ") +
                describeStep(view, to) + (toEnd ? ")" : "") + ", " + formatPercent(len / span) +
                " of the run, staying near " + formatNumber(t.values[bestStart]) + ".";
    f.advice = toEnd ? "The run had converged here: stop earlier, or reduce the learning rate "
                       "on plateau (e.g. x0.1) to get further."
                     : "Reducing the learning rate on plateau (e.g. x0.1) would have shortened "
                       "this stretch.";
    f.evidence["share_of_run"] = len / span;
    f.evidence["level"] = t.values[bestStart];
    out.push_back(std::move(f));
    return out;
}

std::vector<Finding> detectSlowStartPlateau(const RunView& view, const SlowStartConfig& config) {
    std::vector<Finding> out;
    const Trend& t = lossTrend(view);
    if (t.size() < config.minPoints) return out;
    const double first = t.front();
    const std::size_t iMin = t.argMin();
    const double improvement = first - t.values[iMin];
    if (!(improvement > config.noiseSigmas * t.trendNoise)) return out;
    // A drop under minImprovement of the first value is left to the long starts that
    // validation confirms (below).
    const bool smallDrop = !(improvement > config.minImprovement * std::abs(first));
    // A slow start waits at the untrained level. A classifier (its validation metric an
    // accuracy) starts at a cross-entropy of at least ln 2 less what a class prior gives (the
    // entropy of a 3:1 split, 0.56); one whose start sits below half of ln 2 had learnt before
    // it, however its batch losses spread (Adam on cancer: batch losses of 0 to 1.0, their
    // running median 1.6e-4 then 1e-6; overfitting_early_best_cancer_adam_hf in
    // tests/data/corpus2).
    if (view.valMetric.isAccuracy() && first < 0.5 * std::log(2.0)) return out;
    const double threshold = first - config.dropShare * improvement;
    // The curve has left its start at the first point from which it stays below the threshold
    // for `sustained` points: a loss that swings with the data order inside each epoch
    // (lightning_06 in ../shared/realworld) dips below it for one point at a time.
    const std::size_t sustained = std::max<std::size_t>(3, t.size() / 50);
    std::size_t k = 0;
    std::size_t below = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        below = t.values[i] < threshold ? below + 1 : 0;
        if (below == sustained) {
            k = i + 1 - sustained;
            break;
        }
    }
    if (below < sustained) k = t.size();
    if (k == 0 || k >= t.size()) return out;
    const double span = static_cast<double>(t.steps.back() - t.steps.front());
    const double flat = static_cast<double>(t.steps[k - 1] - t.steps.front());
    if (span <= 0.0 || flat < config.minShortFlatShare * span ||
        flat > config.maxFlatShare * span) {
        return out;
    }
    // A run that waits at its initial loss for a long share of its length and only then starts
    // to fall is a slow start however little it has fallen by its end, when the validation
    // loss shows the same: flat over the start, falling startToCliff times more right after it
    // (a tiny initialisation at ln 3 for 30 of 60 epochs, then falling ever faster, 8.8% of
    // the first value by the end, validation 1.099 -> 0.999 from epoch 30 while accuracy leaves
    // chance: slow_start_long_tiny_init_quantiles_mlflow in tests/data/corpus2). A loss
    // memorising shuffled labels or one falling slowly from the start also moves that little,
    // but its validation loss climbs, or falls from its first evaluation.
    const double smallDropValRatio =
        smallDrop ? validationCliffRatio(view.valLoss, view.valTrend, t.steps.front(),
                                         t.steps[k - 1], config)
                  : 0.0;
    if (smallDrop &&
        (flat < config.minFlatShare * span || smallDropValRatio < config.startToCliff)) {
        return out;
    }
    // A short flat start must be flat (its first half moves by at most maxShortFlatFall of the
    // improvement, or by its own noise: a batch loss of raw regression targets scattering by
    // thousands, slow_start_grow_raw_diabetes_nadam in tests/data/corpus2) and end in a cliff (the
    // stretch as long as it right after it falls by at least minCliffShare of the improvement).
    const double cliff = cliffShare(t, k, flat, improvement);
    const double move = firstHalfMove(t, k, flat);
    // The relaxed reading counts the first logged value in the start's move: a loss that
    // halved at its first step and then swings (momentum ringing, oscillation_momentum_moons
    // and oscillation_fading_moons_hf in tests/data/corpus2: 0.79 -> 0.39) has already learnt.
    const bool flatByShare = move <= config.maxShortFlatFall * improvement;
    const double valRatio = flatByShare
                                ? 0.0
                                : validationCliffRatio(view.valLoss, view.valTrend, t.steps.front(),
                                                       t.steps[k - 1], config);
    const double startMove = std::max(move, firstLogged(lossCurve(view)) - first);
    const bool confirmed = !flatByShare && config.startToCliff * startMove <= cliff * improvement &&
                           valRatio >= config.startToCliff;
    const bool flatStart = flatByShare || confirmed;
    if (flat < config.minFlatShare * span && (cliff < config.minCliffShare || !flatStart)) {
        return out;
    }
    // However long, a start already falling is learning, not waiting at its initial loss: the
    // raw loss's least-squares line over the first half of the start falls by more than
    // maxShortFlatFall of the improvement and by noiseSigmas standard errors of the scatter
    // about it (2.303 -> ~2.25 over steps 2-60 of an 18% start, 3.3%, then ever faster:
    // undertrained_spikes_gru_nesterov_mlflow in tests/data/corpus2), unless validation
    // confirms a flat start. A line over the raw values judged by their scatter, so that a
    // pattern repeating inside each epoch neither passes for a fall (an unshuffled loader's
    // saw-tooth, no_shuffle_sorted_lstm_hf: the line rises, -2%) nor tips it over the edge.
    if (!flatStart) {
        const std::int64_t from = t.steps.front();
        const std::int64_t to = from + static_cast<std::int64_t>(flat / 2);
        const ScatterLine line = scatterLine(lossCurve(view), from, to);
        const auto span = static_cast<double>(to - from);
        const double fall = line.ok ? -line.slope * span : 0.0;
        const double error = line.ok ? line.slopeError * span : 0.0;
        if (fall > config.maxShortFlatFall * improvement && fall > config.noiseSigmas * error) {
            return out;
        }
    }
    // A learning rate still warming up through the flat start explains it: the model waits
    // for its step size, not for its initialisation.
    if (warmsUp(view.learningRate, t.firstSteps.front(), t.steps[k - 1], config.warmupStartShare,
                config.warmupEndShare)) {
        return out;
    }
    const Curve& c = lossCurve(view);
    std::size_t flatPoints = 0;
    for (std::size_t i = 0; i < c.size() && c.steps()[i] <= t.steps[k - 1]; ++i) {
        flatPoints += std::isfinite(c.values()[i]) ? 1 : 0;
    }
    // Confirmed by validation, a flat start needs as many points as validation gives it.
    if (flatPoints < (confirmed ? config.minValInFlat : config.minFlatPoints)) return out;
    Finding f = makeFinding(view, FindingKind::SlowStartPlateau, Severity::Warning, c.metric(),
                            t.firstSteps.front(), t.steps[k - 1]);
    f.message = c.metric() + " stays near its initial " + formatNumber(first) + " from " +
                describeStep(view, t.firstSteps.front()) + " to " +
                describeStep(view, t.steps[k - 1]) + " (" + formatPercent(flat / span) +
                " of the run) before it drops to " + formatNumber(t.values[iMin]) +
                (smallDrop ? " (by less than " + formatPercent(config.minImprovement) +
                                 " of its first value, but " + view.valLoss.metric() + " falls " +
                                 formatNumber(smallDropValRatio) +
                                 " times more right after the start than over it, at least " +
                                 formatNumber(config.startToCliff) + ")"
                           : std::string()) +
                ".";
    f.advice =
        "A long flat start usually means weights initialised too small or a poor "
        "initialisation/warm-up: use He (ReLU) or Xavier/Glorot initialisation, check "
        "the warm-up length, and normalise the inputs.";
    f.evidence["flat_share"] = flat / span;
    f.evidence["first_value"] = first;
    f.evidence["cliff_share"] = cliff;
    f.evidence["first_half_move_share"] = startMove / improvement;
    f.evidence["max_short_flat_fall"] = config.maxShortFlatFall;
    if (confirmed && std::isfinite(valRatio)) f.evidence["validation_cliff_ratio"] = valRatio;
    if (smallDrop) {
        f.evidence["improvement_share"] =
            std::abs(first) > 0.0 ? improvement / std::abs(first) : 0.0;
        f.evidence["min_improvement_share"] = config.minImprovement;
        if (std::isfinite(smallDropValRatio))
            f.evidence["validation_cliff_ratio"] = smallDropValRatio;
    }
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
