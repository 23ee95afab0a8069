#pragma once
/// \file finding.h
/// What the doctor found. Detectors return these; the UI draws them, the CLI prints them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curvedoctor::core {

enum class Severity { Info, Warning, Error };

/// "info", "warning", "error".
[[nodiscard]] std::string_view toString(Severity s);

struct Finding {
    std::string kind;    ///< stable id from DESIGN.md section 4: "overfitting", "nan_inf", ...
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
