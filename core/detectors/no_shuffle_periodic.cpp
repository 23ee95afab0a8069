#include "core/detectors/no_shuffle_periodic.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {
namespace {

// A restart: the rate rises by more than 10% after it had fallen somewhere (warm-up rises
// from the start and never fell, so it is not a restart).
bool learningRateRestarts(const Curve& lr) {
    const auto v = lr.values();
    bool fell = false;
    double prev = std::nan("");
    for (double x : v) {
        if (!std::isfinite(x)) continue;
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
        if (!std::isfinite(values[i])) continue;
        f(j, values[i]);
        ++j;
    }
}

}  // namespace

std::vector<Finding> detectNoShufflePeriodic(const RunView& view, const NoShuffleConfig& config) {
    std::vector<Finding> out;
    const Curve& c = view.trainLoss;
    if (c.size() < config.minPointsPerEpoch * (config.minEpochs + 1)) return out;
    if (!view.learningRate.empty() && learningRateRestarts(view.learningRate)) return out;
    // Segments of consecutive finite points sharing an integer epoch, as index ranges into the
    // curve itself (no copy of a million-point series).
    const auto values = c.values();
    const auto cs = c.steps();
    const auto ce = c.epochs();
    auto epochIndex = [&](std::size_t i) -> std::optional<std::int64_t> {
        std::optional<double> e;
        if (!ce.empty() && std::isfinite(ce[i])) {
            e = ce[i];
        } else {
            e = view.epochAt(cs[i]);
        }
        if (!e) return std::nullopt;
        return static_cast<std::int64_t>(std::floor(*e + 1e-9));
    };
    std::vector<Segment> segs;
    std::int64_t current = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        const auto e = epochIndex(i);
        if (!e) continue;
        if (segs.empty() || *e != current) {
            segs.push_back({i, 0});
            current = *e;
        }
        ++segs.back().count;
        segs.back().last = i;
    }
    if (segs.size() < config.minEpochs + 1) return out;
    std::map<std::size_t, std::size_t> countFreq;
    for (const Segment& s : segs) ++countFreq[s.count];
    const std::size_t mode =
        std::max_element(countFreq.begin(), countFreq.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    if (mode < config.minPointsPerEpoch) return out;
    std::vector<Segment> used;
    // The first epoch holds the fast early learning, not the data order.
    for (std::size_t k = 1; k < segs.size(); ++k) {
        if (segs[k].count + 1 >= mode) used.push_back(segs[k]);
    }
    if (used.size() < config.minEpochs) return out;
    std::size_t len = mode;
    for (const Segment& s : used) len = std::min(len, s.count);

    // Remove each epoch's level and slope (least squares on j = 0..len-1), then average.
    const double n = static_cast<double>(len);
    const double jMean = (n - 1.0) / 2.0;
    double jVar = 0.0;
    for (std::size_t j = 0; j < len; ++j) jVar += (static_cast<double>(j) - jMean) * (static_cast<double>(j) - jMean);
    std::vector<double> profile(len, 0.0);
    double total = 0.0;
    std::vector<double> resid(len);
    for (const Segment& s : used) {
        double mean = 0.0;
        forEachValue(values, s, len, [&](std::size_t, double v) { mean += v; });
        mean /= n;
        double cov = 0.0;
        forEachValue(values, s, len, [&](std::size_t j, double v) {
            cov += (static_cast<double>(j) - jMean) * (v - mean);
        });
        const double slope = jVar > 0.0 ? cov / jVar : 0.0;
        forEachValue(values, s, len, [&](std::size_t j, double v) {
            resid[j] = v - mean - slope * (static_cast<double>(j) - jMean);
            profile[j] += resid[j];
            total += resid[j] * resid[j];
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
    if (repeatability < config.minRepeatability) return out;
    double amplitude = 0.0;
    for (double p : profile) amplitude = std::max(amplitude, std::abs(p));
    const std::int64_t from = cs[used.front().begin];
    const std::int64_t to = cs[used.back().last];
    Finding f = makeFinding(view, "no_shuffle_periodic", Severity::Warning, c.metric(), from, to);
    f.message = c.metric() + " repeats the same pattern inside each of " +
                std::to_string(used.size()) + " epochs (" + std::to_string(mode) +
                " logged points per epoch, swings up to +/-" + formatNumber(amplitude) +
                "): the pattern shared by all epochs explains " + formatPercent(repeatability) +
                " of the within-epoch variation, where shuffled batches give about 0%.";
    f.advice = "The data are served in the same order every epoch: shuffle the training set "
               "(DataLoader(shuffle=True), dataset.shuffle(buffer) in tf.data), especially if it "
               "is sorted by class or source.";
    f.evidence["repeatability"] = repeatability;
    f.evidence["points_per_epoch"] = static_cast<double>(mode);
    f.evidence["epochs"] = k;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
