#pragma once
/// \file diagnosis.h
/// The doctor's entry points: every detector of the catalogue over one run, or over a group of
/// runs of one configuration.

#include <vector>

#include "core/finding.h"
#include "core/run.h"

namespace curvedoctor::core {

struct DiagnosisConfig {
    // Per-detector configs live in core/detectors/; this aggregates them.
};

/// Runs every single-run detector over `run`. Works with whatever the run has (epoch-level
/// validation only, step-level training only, both, or neither: then no findings).
[[nodiscard]] RunDiagnosis diagnoseRun(const Run& run, const DiagnosisConfig& config = {});

/// Findings that need several runs of one configuration (hard_to_converge).
[[nodiscard]] std::vector<Finding> diagnoseGroup(const std::vector<const Run*>& runs,
                                                 const DiagnosisConfig& config = {});

}  // namespace curvedoctor::core
