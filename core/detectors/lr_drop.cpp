#include "core/detectors/lr_drop.h"

#include <algorithm>
#include <cmath>

#include "core/detectors/finding_text.h"
#include "core/finite.h"

namespace curvedoctor::core {

std::vector<Finding> detectLrDrop(const RunView& view, const LrDropConfig& config) {
    std::vector<Finding> out;
    const Curve& lr = view.learningRate;
    // Indices of the finite values, found on the fly: no copy of a million-point series.
    struct Drop {
        std::size_t at;    // index of the dropped value
        std::size_t prev;  // index of the finite value before it
    };
    std::vector<Drop> drops;
    const auto values = lr.values();
    std::size_t prev2 = values.size();
    std::size_t prev1 = values.size();
    auto isDrop = [&](double beforeBefore, double before, double x) {
        const bool flat =
            before > 0.0 && std::abs(beforeBefore - before) <= config.flatTolerance * before;
        return flat && x >= 0.0 && x <= config.maxRatio * before;
    };
    const bool allFinite = lr.finiteCount() == values.size();
    // A step schedule logged every step changes a handful of times: drops are looked for only
    // where it changes when a point equal to the one before it cannot be one (isDrop(a, L, L)
    // needs isDrop(L, L, L) of its level L, false for every level while maxRatio < 1).
    const auto changes = lr.levelChanges();
    auto levelDrops = [&](std::size_t i) { return isDrop(values[i], values[i], values[i]); };
    const bool byChanges = allFinite && changes && !values.empty() && !levelDrops(0) &&
                           std::none_of(changes->begin(), changes->end(), levelDrops);
    if (byChanges) {
        for (const std::size_t i : *changes) {
            if (i >= 2 && isDrop(values[i - 2], values[i - 1], values[i]))
                drops.push_back({i, i - 1});
        }
    }
    for (std::size_t i = 2; allFinite && !byChanges && i < values.size(); ++i) {
        // The common case: no gap to skip, the previous finite values are the previous ones.
        if (isDrop(values[i - 2], values[i - 1], values[i])) drops.push_back({i, i - 1});
    }
    for (std::size_t i = 0; !allFinite && i < values.size(); ++i) {
        const double x = values[i];
        if (!isFiniteValue(x)) continue;
        if (prev2 < values.size()) {
            if (isDrop(values[prev2], values[prev1], x)) drops.push_back({i, prev1});
        }
        prev2 = prev1;
        prev1 = i;
    }
    if (drops.empty()) return out;
    const Trend& t = view.trainTrend;
    const auto s = lr.steps();
    auto lossNote = [&](const Drop& d) -> std::string {
        if (t.size() < 4) return "";
        // The loss one logged interval of the schedule before and after.
        const std::int64_t before = s[d.prev];
        const std::int64_t after = std::min(s[d.at] + (s[d.at] - s[d.prev]), t.steps.back());
        if (after <= s[d.at]) return "";
        return "; " + view.trainLoss.metric() + " went from " + formatNumber(t.valueAt(before)) +
               " to " + formatNumber(t.valueAt(after)) + " across it";
    };
    if (drops.size() > config.maxFindings) {
        const std::size_t a = drops.front().prev;
        const std::size_t b = drops.back().at;
        Finding f = makeFinding(view, FindingKind::LrDrop, Severity::Info, lr.metric(), s[a], s[b]);
        f.message = lr.metric() + " drops step-wise " + std::to_string(drops.size()) +
                    " times between " + describeStep(view, s[a]) + " and " +
                    describeStep(view, s[b]) + ", from " + formatNumber(values[a]) + " to " +
                    formatNumber(values[b]) + ".";
        f.advice = "Schedule boundaries: informational.";
        f.evidence["drops"] = static_cast<double>(drops.size());
        out.push_back(std::move(f));
        return out;
    }
    for (const Drop& d : drops) {
        const double ratio = values[d.at] / values[d.prev];
        Finding f =
            makeFinding(view, FindingKind::LrDrop, Severity::Info, lr.metric(), s[d.prev], s[d.at]);
        f.message = lr.metric() + " drops from " + formatNumber(values[d.prev]) + " to " +
                    formatNumber(values[d.at]) + " (x" + formatNumber(ratio) + ") at " +
                    describeStep(view, s[d.at]) + lossNote(d) + ".";
        f.advice =
            "A schedule boundary: informational. A loss that drops right after it was "
            "held back by the larger rate.";
        f.evidence["ratio"] = ratio;
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace curvedoctor::core
