#pragma once
/// \file finding.h
/// What the doctor found. Detectors return these; the UI draws them, the CLI prints them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding_kind.h"
#include "core/severity.h"

namespace curvedoctor::core {

struct Finding {
    FindingKind kind = FindingKind::Plateau;  ///< its JSON id is toString(kind).
    Severity severity = Severity::Info;
    std::string metric;  ///< the metric it is about, as named in the run.
    std::int64_t beginStep = 0;
    std::int64_t endStep = 0;
    std::optional<double> beginEpoch;
    std::optional<double> endEpoch;
    std::string message;  ///< plain language, quoting the numbers that triggered it.
    std::string advice;   ///< what to try next.
    std::map<std::string, double> evidence;  ///< named numbers behind the message.
};

/// The early-stopping point: minimum validation loss, or best validation metric.
struct BestStep {
    std::string metric;
    std::int64_t step = 0;
    std::optional<double> epoch;
    double value = 0.0;
    /// Validation minus training loss at that step (smoothed training loss), when both exist.
    std::optional<double> trainValGap;
};

struct RunDiagnosis {
    std::vector<Finding> findings;  ///< sorted: errors first, then warnings, then info.
    std::optional<BestStep> best;
};

}  // namespace curvedoctor::core
