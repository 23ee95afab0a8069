#include "core/detectors/finding_text.h"

#include <cmath>
#include <cstdio>

namespace curvedoctor::core {

std::string formatNumber(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

std::string formatPercent(double fraction) {
    if (!std::isfinite(fraction)) return formatNumber(fraction);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", fraction * 100.0);
    return buf;
}

std::string describeStep(const RunView& view, std::int64_t step) {
    std::string out = "step " + std::to_string(step);
    if (const auto e = view.epochAt(step)) {
        char buf[32];
        // Whole epochs print as integers; HF Trainer's fractional epochs keep two decimals.
        if (std::abs(*e - std::round(*e)) < 1e-6) {
            std::snprintf(buf, sizeof buf, "%.0f", *e);
        } else {
            std::snprintf(buf, sizeof buf, "%.2f", *e);
        }
        out += " (epoch ";
        out += buf;
        out += ')';
    }
    return out;
}

Finding makeFinding(const RunView& view, FindingKind kind, Severity severity, std::string metric,
                    std::int64_t beginStep, std::int64_t endStep) {
    Finding f;
    f.kind = kind;
    f.severity = severity;
    f.metric = std::move(metric);
    f.beginStep = beginStep;
    f.endStep = endStep;
    f.beginEpoch = view.epochAt(beginStep);
    f.endEpoch = view.epochAt(endStep);
    return f;
}

}  // namespace curvedoctor::core
