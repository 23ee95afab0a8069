#include "core/detectors/no_shuffle_periodic.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/detectors/finding_text.h"
#include "core/finite.h"

namespace curvedoctor::core {
namespace {

// A restart: the rate rises by more than 10% after it had fallen somewhere (warm-up rises
// from the start and never fell, so it is not a restart).
bool learningRateRestarts(const Curve& lr) {
    const auto v = lr.values();
    auto falls = [](double before, double x) { return x < before * 0.999; };
    auto rises = [](double before, double x) { return x > before * 1.1; };
    // A point equal to the one before it at level L falls or rises only when it does from L to
    // L (never for L >= 0): then a step schedule is read only where it changes.
    auto levelMoves = [&](std::size_t i) { return falls(v[i], v[i]) || rises(v[i], v[i]); };
    const auto changes = lr.levelChanges();
    if (lr.finiteCount() == v.size() && changes && !v.empty() && !levelMoves(0) &&
        std::none_of(changes->begin(), changes->end(), levelMoves)) {
        bool fell = false;
        for (const std::size_t i : *changes) {
            fell = fell || falls(v[i - 1], v[i]);
            if (fell && rises(v[i - 1], v[i])) return true;
        }
        return false;
    }
    if (lr.finiteCount() == v.size()) {
        // No gap to skip: branch-free over the (usually million-point) schedule.
        bool fell = false;
        bool restarts = false;
        for (std::size_t i = 1; i < v.size(); ++i) {
            fell = fell || v[i] < v[i - 1] * 0.999;
            restarts = restarts || (fell && v[i] > v[i - 1] * 1.1);
        }
        return restarts;
    }
    bool fell = false;
    double prev = std::nan("");
    for (double x : v) {
        if (!isFiniteValue(x)) continue;
        if (std::isfinite(prev)) {
            if (x < prev * 0.999) fell = true;
            if (fell && x > prev * 1.1) return true;
        }
        prev = x;
    }
    return false;
}

struct Segment {
    std::size_t begin = 0;  // index into the curve of the first finite point
    std::size_t count = 0;  // finite points in the segment
    std::size_t last = 0;   // index of the last finite point
};

// The first `len` finite values of a segment, in order.
template <typename F>
void forEachValue(std::span<const double> values, const Segment& s, std::size_t len, F&& f) {
    std::size_t j = 0;
    for (std::size_t i = s.begin; j < len && i <= s.last; ++i) {
        if (!isFiniteValue(values[i])) continue;
        f(j, values[i]);
        ++j;
    }
}

// floor(x) as an integer without a libm call (x is an epoch: finite, far inside int64).
std::int64_t floorToInt(double x) {
    const auto i = static_cast<std::int64_t>(x);
    return i - (static_cast<double>(i) > x ? 1 : 0);
}

// True when the epochs count steps done (HF Trainer: step / steps_per_epoch, first logged
// after a step, above 0) rather than the epoch a step is in: some of the first epochs (up to
// 1000) are not whole numbers and the first one is above 0.
bool epochsCountStepsDone(std::span<const double> e) {
    const std::size_t n = std::min<std::size_t>(e.size(), 1000);
    bool fractional = false;
    std::optional<double> first;
    for (std::size_t i = 0; i < n; ++i) {
        if (!isFiniteValue(e[i])) continue;
        if (!first) first = e[i];
        fractional = fractional || std::abs(e[i] - std::round(e[i])) > 1e-6;
    }
    return fractional && first && *first > 0.0;
}

// True when every epoch is finite and none is below the one before it.
bool finiteAndSorted(std::span<const double> e) {
    std::size_t bad = e.empty() || isFiniteValue(e[0]) ? 0 : 1;
    for (std::size_t i = 1; i < e.size(); ++i) {
        bad += (!isFiniteValue(e[i]) || e[i] < e[i - 1]) ? 1 : 0;
    }
    return bad == 0;
}

// Sum of v[j] and of (j - jMean) * v[j], with four accumulators each: a single running sum
// is bound by the latency of one addition per value.
void sums(std::span<const double> v, double jMean, double& sum, double& weighted) {
    double s[4] = {0, 0, 0, 0};
    double w[4] = {0, 0, 0, 0};
    std::size_t j = 0;
    for (; j + 4 <= v.size(); j += 4) {
        for (std::size_t k = 0; k < 4; ++k) {
            s[k] += v[j + k];
            w[k] += (static_cast<double>(j + k) - jMean) * v[j + k];
        }
    }
    for (; j < v.size(); ++j) {
        s[0] += v[j];
        w[0] += (static_cast<double>(j) - jMean) * v[j];
    }
    sum = (s[0] + s[1]) + (s[2] + s[3]);
    weighted = (w[0] + w[1]) + (w[2] + w[3]);
}

// Likeness of neighbouring epochs on the short-epoch path: the mean cosine between one
// epoch's residuals and those of the epoch before it.
struct NeighbourLikeness {
    std::vector<double> previous;  ///< the last epoch's unit-RMS residuals (empty: none)
    double sum = 0.0;
    std::size_t pairs = 0;

    [[nodiscard]] double mean() const { return pairs > 0 ? sum / static_cast<double>(pairs) : 0.0; }
};

// Adds one epoch's residuals (after its own level and slope), scaled to unit RMS, to
// `profile`, and their sum of squares (`len`, or 0 for a constant epoch) to `total`, and their
// cosine with the previous epoch's to `likeness`. `v` is scratch space, reused across epochs.
void addNormalisedResiduals(std::span<const double> values, const Segment& s, std::size_t len,
                            double jMean, double jVar, std::vector<double>& v,
                            std::vector<double>& profile, double& total,
                            NeighbourLikeness& likeness) {
    v.assign(len, 0.0);
    forEachValue(values, s, len, [&](std::size_t j, double x) { v[j] = x; });
    double mean = 0.0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(len);
    double cov = 0.0;
    for (std::size_t j = 0; j < len; ++j) cov += (static_cast<double>(j) - jMean) * (v[j] - mean);
    const double slope = jVar > 0.0 ? cov / jVar : 0.0;
    double ss = 0.0;
    for (std::size_t j = 0; j < len; ++j) {
        v[j] -= mean + slope * (static_cast<double>(j) - jMean);
        ss += v[j] * v[j];
    }
    if (!(ss > 0.0)) {
        likeness.previous.clear();
        return;
    }
    const double rms = std::sqrt(ss / static_cast<double>(len));
    for (std::size_t j = 0; j < len; ++j) v[j] /= rms;
    for (std::size_t j = 0; j < len; ++j) profile[j] += v[j];
    total += static_cast<double>(len);
    if (likeness.previous.size() == len) {
        double dot = 0.0;
        for (std::size_t j = 0; j < len; ++j) dot += v[j] * likeness.previous[j];
        likeness.sum += dot / static_cast<double>(len);
        ++likeness.pairs;
    }
    likeness.previous = v;
}

// Without any epoch column (an MLflow or SummaryWriter log), a validation loss evaluated at
// evenly spaced steps marks the epochs: each interval (previous evaluation, evaluation]
// becomes one segment of the training loss. Evaluations every N steps that are not epochs
// only cut the data order at the wrong places, which hides a pattern rather than makes one.
void evaluationSegments(const RunView& view, std::vector<Segment>& segs) {
    const auto vs = view.valLoss.steps();
    if (vs.size() < 3) return;
    const std::int64_t every = vs[1] - vs[0];
    for (std::size_t k = 1; k < vs.size(); ++k) {
        if (vs[k] - vs[k - 1] != every || every <= 0) return;
    }
    const Curve& c = view.trainLoss;
    const auto values = c.values();
    const auto cs = c.steps();
    std::size_t k = 0;  // the evaluation that closes the current interval
    for (std::size_t i = 0; i < c.size(); ++i) {
        while (k < vs.size() && vs[k] < cs[i]) {
            ++k;
            if (!segs.empty() && segs.back().count > 0) segs.push_back({0, 0, 0});
        }
        if (k == vs.size()) break;
        if (!isFiniteValue(values[i])) continue;
        if (segs.empty()) segs.push_back({0, 0, 0});
        Segment& s = segs.back();
        if (s.count == 0) s.begin = i;
        ++s.count;
        s.last = i;
    }
    if (!segs.empty() && segs.back().count == 0) segs.pop_back();
}

}  // namespace

std::vector<Finding> detectNoShufflePeriodic(const RunView& view, const NoShuffleConfig& config) {
    std::vector<Finding> out;
    const Curve& c = view.trainLoss;
    if (c.size() < std::min(config.minPointsPerEpoch * (config.minEpochs + 1),
                            config.minShortPointsPerEpoch * (config.minShortEpochs + 1))) {
        return out;
    }
    if (!view.learningRate.empty() && learningRateRestarts(view.learningRate)) return out;
    // Segments of consecutive finite points sharing an integer epoch, as index ranges into the
    // curve itself (no copy of a million-point series).
    const auto values = c.values();
    const auto cs = c.steps();
    const auto ce = c.epochs();
    const bool ownEpochs = ce.size() == c.size();
    std::vector<Segment> segs;
    // HF Trainer's epochs count the steps done (step / steps_per_epoch), so the step that ends
    // epoch 0 is logged at 1.0: there a whole number closes the epoch before it. Elsewhere
    // (Lightning's epoch column, epochs from step 0) an epoch names the one the step is in.
    const bool doneCount = epochsCountStepsDone(ownEpochs ? ce : std::span<const double>{});
    auto epochOf = [doneCount](double e) {
        return doneCount ? -floorToInt(-e + 1e-9) - 1 : floorToInt(e + 1e-9);
    };
    if (ownEpochs && c.finiteCount() == c.size() && finiteAndSorted(ce)) {
        // Every value finite and the epochs non-decreasing: each epoch is one index range,
        // found by binary search instead of a look at every point.
        for (std::size_t i = 0; i < c.size();) {
            const std::int64_t epoch = epochOf(ce[i]);
            const auto end =
                std::partition_point(ce.begin() + static_cast<std::ptrdiff_t>(i), ce.end(),
                                     [&](double e) { return epochOf(e) <= epoch; });
            const auto j = static_cast<std::size_t>(end - ce.begin());
            segs.push_back({i, j - i, j - 1});
            i = j;
        }
    }
    std::int64_t current = 0;
    const bool scanned = !segs.empty();
    for (std::size_t i = 0; !scanned && i < c.size(); ++i) {
        if (!isFiniteValue(values[i])) continue;
        double e = 0.0;
        if (ownEpochs && isFiniteValue(ce[i])) {
            e = ce[i];
        } else if (const auto mapped = view.epochAt(cs[i])) {
            e = *mapped;
        } else {
            continue;
        }
        const std::int64_t epoch = epochOf(e);
        if (segs.empty() || epoch != current) {
            segs.push_back({i, 0});
            current = epoch;
        }
        ++segs.back().count;
        segs.back().last = i;
    }
    const bool byEvaluations = segs.empty();
    if (byEvaluations) evaluationSegments(view, segs);
    if (segs.size() < config.minEpochs + 1) return out;
    std::map<std::size_t, std::size_t> countFreq;
    for (const Segment& s : segs) ++countFreq[s.count];
    const std::size_t mode =
        std::max_element(countFreq.begin(), countFreq.end(), [](const auto& a, const auto& b) {
            return a.second < b.second;
        })->first;
    // Few points per epoch leave little inside each epoch once its level and slope are gone:
    // then more epochs and a stronger repetition are needed.
    const bool shortEpochs = mode < config.minPointsPerEpoch;
    if (mode < config.minShortPointsPerEpoch) return out;
    std::vector<Segment> used;
    // The first epoch holds the fast early learning, not the data order.
    for (std::size_t k = 1; k < segs.size(); ++k) {
        if (segs[k].count + 1 >= mode) used.push_back(segs[k]);
    }
    if (used.size() < (shortEpochs ? config.minShortEpochs : config.minEpochs)) return out;
    std::size_t len = mode;
    for (const Segment& s : used) len = std::min(len, s.count);

    // Remove each epoch's level and slope (least squares on j = 0..len-1), then average.
    const double n = static_cast<double>(len);
    const double jMean = (n - 1.0) / 2.0;
    double jVar = 0.0;
    for (std::size_t j = 0; j < len; ++j)
        jVar += (static_cast<double>(j) - jMean) * (static_cast<double>(j) - jMean);
    std::vector<double> profile(len, 0.0);
    double total = 0.0;
    std::vector<double> scratch;  // one epoch's values on the short-epoch path
    NeighbourLikeness likeness;
    for (const Segment& s : used) {
        if (shortEpochs) {
            // Few points per epoch: each epoch's residuals scaled to unit RMS, so that the
            // epochs where the data order shows (lightning_06: a flat start of 1e8 swings)
            // weigh as much as the noisy ones after the drop.
            addNormalisedResiduals(values, s, len, jMean, jVar, scratch, profile, total, likeness);
            continue;
        }
        double mean = 0.0;
        double cov = 0.0;
        if (s.last - s.begin + 1 == s.count) {
            // No NaN inside: the epoch's first len values are contiguous.
            const std::span<const double> v = values.subspan(s.begin, len);
            double sum = 0.0;
            double weighted = 0.0;
            sums(v, jMean, sum, weighted);
            mean = sum / n;
            // sum_j (j - jMean) (v_j - mean) = weighted - mean * sum_j (j - jMean), and the
            // last sum is 0.
            cov = weighted;
            const double slope = jVar > 0.0 ? cov / jVar : 0.0;
            double t[4] = {0, 0, 0, 0};
            std::size_t j = 0;
            for (; j + 4 <= len; j += 4) {
                for (std::size_t q = 0; q < 4; ++q) {
                    const double r = v[j + q] - mean - slope * (static_cast<double>(j + q) - jMean);
                    profile[j + q] += r;
                    t[q] += r * r;
                }
            }
            for (; j < len; ++j) {
                const double r = v[j] - mean - slope * (static_cast<double>(j) - jMean);
                profile[j] += r;
                t[0] += r * r;
            }
            total += (t[0] + t[1]) + (t[2] + t[3]);
            continue;
        }
        forEachValue(values, s, len, [&](std::size_t, double v) { mean += v; });
        mean /= n;
        forEachValue(values, s, len, [&](std::size_t j, double v) {
            cov += (static_cast<double>(j) - jMean) * (v - mean);
        });
        const double slope = jVar > 0.0 ? cov / jVar : 0.0;
        forEachValue(values, s, len, [&](std::size_t j, double v) {
            const double r = v - mean - slope * (static_cast<double>(j) - jMean);
            profile[j] += r;
            total += r * r;
        });
    }
    const double k = static_cast<double>(used.size());
    double explained = 0.0;
    for (double& p : profile) {
        p /= k;
        explained += k * p * p;
    }
    if (!(total > 0.0)) return out;
    const double r = explained / total;
    const double repeatability = (r - 1.0 / k) / (1.0 - 1.0 / k);
    // How far the share explained stands above chance: its mean (1/k) and standard deviation
    // under independent noise, Beta(a, b) with a = (n - 2) / 2 and b = (k - 1)(n - 2) / 2.
    const double a = (n - 2.0) / 2.0;
    const double b = (k - 1.0) * (n - 2.0) / 2.0;
    const double chanceSd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
    const double sigmas = chanceSd > 0.0 ? (r - a / (a + b)) / chanceSd : 0.0;
    const double neighbours = likeness.mean();
    const bool repeats =
        shortEpochs ? repeatability >= config.minShortRepeatability ||
                          neighbours >= config.minShortNeighbourLikeness
                    : repeatability >= config.minRepeatability && sigmas >= config.minPatternSigmas;
    if (!repeats) return out;
    double amplitude = 0.0;
    for (double p : profile) amplitude = std::max(amplitude, std::abs(p));
    const std::int64_t from = cs[used.front().begin];
    const std::int64_t to = cs[used.back().last];
    Finding f =
        makeFinding(view, FindingKind::NoShufflePeriodic, Severity::Warning, c.metric(), from, to);
    f.message = c.metric() + " repeats the same pattern inside each of " +
                std::to_string(used.size()) + " epochs" +
                (byEvaluations ? " (marked by its evenly spaced evaluations)" : "") + " (" +
                std::to_string(mode) + " logged points per epoch, swings up to +/-" +
                formatNumber(amplitude) + "): the pattern shared by all epochs explains " +
                formatPercent(repeatability) +
                " of the within-epoch variation, where shuffled batches give about 0%" +
                (shortEpochs ? std::string()
                             : " (" + formatNumber(sigmas) +
                                   " standard deviations above chance for so many epochs and "
                                   "points, at least " +
                                   formatNumber(config.minPatternSigmas) + ")") +
                (shortEpochs ? "; neighbouring epochs' patterns agree by " +
                                   formatPercent(neighbours) + " (cosine; shuffled about 0%)"
                             : std::string()) +
                ".";
    f.advice =
        "The data are served in the same order every epoch: shuffle the training set "
        "(DataLoader(shuffle=True), dataset.shuffle(buffer) in tf.data), especially if it "
        "is sorted by class or source.";
    f.evidence["repeatability"] = repeatability;
    f.evidence["points_per_epoch"] = static_cast<double>(mode);
    f.evidence["epochs"] = k;
    f.evidence["epochs_from_evaluations"] = byEvaluations ? 1.0 : 0.0;
    f.evidence["min_repeatability"] =
        shortEpochs ? config.minShortRepeatability : config.minRepeatability;
    if (!shortEpochs) {
        f.evidence["pattern_sigmas"] = sigmas;
        f.evidence["min_pattern_sigmas"] = config.minPatternSigmas;
    }
    if (shortEpochs) {
        f.evidence["neighbour_likeness"] = neighbours;
        f.evidence["min_neighbour_likeness"] = config.minShortNeighbourLikeness;
    }
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
