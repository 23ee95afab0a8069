#include "core/detectors/hard_to_converge.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

std::vector<Finding> detectHardToConverge(const std::vector<const RunView*>& views,
                                          const HardToConvergeConfig& config) {
    std::vector<Finding> out;
    struct Entry {
        const RunView* view;
        const Trend* trend;
        std::string metric;
    };
    std::vector<Entry> entries;
    for (const RunView* v : views) {
        if (v == nullptr) continue;
        if (v->trainTrend.size() >= 3) {
            entries.push_back({v, &v->trainTrend, v->trainLoss.metric()});
        } else if (v->valTrend.size() >= 3) {
            entries.push_back({v, &v->valTrend, v->valLoss.metric()});
        }
    }
    if (entries.size() < config.minRuns) return out;
    std::vector<double> starts;
    double bestFinal = std::numeric_limits<double>::infinity();
    double worstFinal = -bestFinal;
    std::int64_t from = std::numeric_limits<std::int64_t>::max();
    std::int64_t to = std::numeric_limits<std::int64_t>::min();
    for (const Entry& e : entries) {
        starts.push_back(e.trend->front());
        bestFinal = std::min(bestFinal, e.trend->back());
        worstFinal = std::max(worstFinal, e.trend->back());
        from = std::min(from, e.trend->firstSteps.front());
        to = std::max(to, e.trend->lastSteps.back());
    }
    const double typicalStart = medianInPlace(starts);
    const double gap = typicalStart - bestFinal;
    if (!(gap > 0.0)) return out;
    bool nonNegative = true;
    for (const Entry& e : entries) {
        nonNegative =
            nonNegative && *std::min_element(e.trend->values.begin(), e.trend->values.end()) >= 0.0;
    }
    std::size_t poor = 0;
    std::string poorNames;
    for (const Entry& e : entries) {
        const double behind = e.trend->back() - bestFinal;
        const bool farBehind = behind >= config.poorShare * gap;
        const bool manyTimes = nonNegative && e.trend->back() >= config.poorRatio * bestFinal &&
                               behind >= config.minRatioGapShare * gap;
        if (farBehind || manyTimes) {
            ++poor;
            if (!poorNames.empty()) poorNames += ", ";
            poorNames += e.view->run != nullptr ? e.view->run->name : e.metric;
        }
    }
    const double n = static_cast<double>(entries.size());
    if (static_cast<double>(poor) < config.minPoorRuns * n) return out;
    Finding f = makeFinding(*entries.front().view, FindingKind::HardToConverge, Severity::Warning,
                            entries.front().metric, from, to);
    f.beginEpoch.reset();
    f.endEpoch.reset();
    f.message = std::to_string(poor) + " of " + std::to_string(entries.size()) +
                " runs end far above the best one (final " + entries.front().metric + " from " +
                formatNumber(bestFinal) + " to " + formatNumber(worstFinal) + ", starting near " +
                formatNumber(typicalStart) + "; poor: " + poorNames +
                "): this configuration converges only sometimes.";
    f.advice =
        "Look for an architecture bug such as a ReLU right before the softmax (it clips "
        "the logits), a bad loss or optimizer choice, or an initialisation that depends "
        "on luck; lower the learning rate and compare seeds again.";
    f.evidence["poor_runs"] = static_cast<double>(poor);
    f.evidence["runs"] = n;
    f.evidence["best_final"] = bestFinal;
    f.evidence["worst_final"] = worstFinal;
    out.push_back(std::move(f));
    return out;
}

}  // namespace curvedoctor::core
