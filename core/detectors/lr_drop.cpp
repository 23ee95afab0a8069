#include "core/detectors/lr_drop.h"

#include <cmath>

#include "core/detectors/finding_text.h"

namespace curvedoctor::core {

std::vector<Finding> detectLrDrop(const RunView& view, const LrDropConfig& config) {
    std::vector<Finding> out;
    const Curve& lr = view.learningRate;
    std::vector<double> v;
    std::vector<std::int64_t> s;
    for (std::size_t i = 0; i < lr.size(); ++i) {
        if (std::isfinite(lr.values()[i])) {
            v.push_back(lr.values()[i]);
            s.push_back(lr.steps()[i]);
        }
    }
    struct Drop {
        std::size_t at;
    };
    std::vector<Drop> drops;
    for (std::size_t i = 2; i < v.size(); ++i) {
        const double before = v[i - 1];
        if (!(before > 0.0)) continue;
        const bool flat = std::abs(v[i - 2] - before) <= config.flatTolerance * before;
        if (flat && v[i] >= 0.0 && v[i] <= config.maxRatio * before) drops.push_back({i});
    }
    if (drops.empty()) return out;
    const Trend& t = view.trainTrend;
    auto lossNote = [&](std::size_t i) -> std::string {
        if (t.size() < 4) return "";
        // The loss one logged interval of the schedule before and after.
        const std::int64_t before = s[i - 1];
        const std::int64_t after = std::min(s[i] + (s[i] - s[i - 1]), t.steps.back());
        if (after <= s[i]) return "";
        return "; " + view.trainLoss.metric() + " went from " + formatNumber(t.valueAt(before)) +
               " to " + formatNumber(t.valueAt(after)) + " across it";
    };
    if (drops.size() > config.maxFindings) {
        const std::size_t a = drops.front().at;
        const std::size_t b = drops.back().at;
        Finding f = makeFinding(view, "lr_drop", Severity::Info, lr.metric(), s[a - 1], s[b]);
        f.message = lr.metric() + " drops step-wise " + std::to_string(drops.size()) +
                    " times between " + describeStep(view, s[a - 1]) + " and " +
                    describeStep(view, s[b]) + ", from " + formatNumber(v[a - 1]) + " to " +
                    formatNumber(v[b]) + ".";
        f.advice = "Schedule boundaries: informational.";
        f.evidence["drops"] = static_cast<double>(drops.size());
        out.push_back(std::move(f));
        return out;
    }
    for (const Drop& d : drops) {
        const std::size_t i = d.at;
        Finding f = makeFinding(view, "lr_drop", Severity::Info, lr.metric(), s[i - 1], s[i]);
        f.message = lr.metric() + " drops from " + formatNumber(v[i - 1]) + " to " +
                    formatNumber(v[i]) + " (x" + formatNumber(v[i] / v[i - 1]) + ") at " +
                    describeStep(view, s[i]) + lossNote(i) + ".";
        f.advice = "A schedule boundary: informational. A loss that drops right after it was "
                   "held back by the larger rate.";
        f.evidence["ratio"] = v[i] / v[i - 1];
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace curvedoctor::core
