#pragma once
/// \file diagnosis.h
/// The doctor's entry points: every detector of the catalogue over one run, or over a group of
/// runs of one configuration.

#include <vector>

#include "core/detectors/divergence.h"
#include "core/detectors/hard_to_converge.h"
#include "core/detectors/lr_drop.h"
#include "core/detectors/metric_loss_disagreement.h"
#include "core/detectors/nan_inf.h"
#include "core/detectors/no_shuffle_periodic.h"
#include "core/detectors/noisy_validation.h"
#include "core/detectors/not_learning.h"
#include "core/detectors/oscillation.h"
#include "core/detectors/overfitting.h"
#include "core/detectors/plateau.h"
#include "core/detectors/undertrained.h"
#include "core/finding.h"
#include "core/run.h"

namespace curvedoctor::core {

/// Every detector's thresholds (each documented in its header in core/detectors/).
struct DiagnosisConfig {
    NanInfConfig nanInf;
    NotLearningConfig notLearning;
    OverfittingConfig overfitting;
    DivergenceConfig divergence;
    UndertrainedConfig undertrained;
    SlowStartConfig slowStart;
    PlateauConfig plateau;
    OscillationConfig oscillation;
    NoShuffleConfig noShuffle;
    NoisyValidationConfig noisyValidation;
    LrDropConfig lrDrop;
    DisagreementConfig disagreement;
    HardToConvergeConfig hardToConverge;
};

/// Runs every single-run detector over `run`. Works with whatever the run has (epoch-level
/// validation only, step-level training only, both, or neither: then no findings).
/// Findings are de-duplicated (a stronger finding about the same metric supersedes a weaker
/// one, e.g. severe_overfitting supersedes overfitting, not_learning supersedes plateau) and
/// sorted errors first, then warnings, then info; within a severity by step.
[[nodiscard]] RunDiagnosis diagnoseRun(const Run& run, const DiagnosisConfig& config = {});

/// Findings that need several runs of one configuration (hard_to_converge).
[[nodiscard]] std::vector<Finding> diagnoseGroup(const std::vector<const Run*>& runs,
                                                 const DiagnosisConfig& config = {});

/// Every run's diagnosis (diagnoseRun) and the group findings over all of them (diagnoseGroup),
/// building each run's curves once for both.
struct GroupDiagnosis {
    std::vector<RunDiagnosis> runs;  ///< one per input run, in order (empty for a null run).
    std::vector<Finding> group;
};
/// `threads` runs are diagnosed at once (0: one per hardware thread); the result does not
/// depend on it.
[[nodiscard]] GroupDiagnosis diagnoseRuns(const std::vector<const Run*>& runs,
                                          const DiagnosisConfig& config = {}, unsigned threads = 0);

/// Points a finding's metric needs before a finding about a run's whole course is judged on a
/// run still being written (see tooEarlyToJudge).
inline constexpr std::size_t kMinPointsToJudgeACourse = 100;

/// True when `f` judges the whole course of a run that is still being written (not_learning,
/// undertrained, slow_start_plateau, plateau) and its metric has fewer than
/// kMinPointsToJudgeACourse points: a loss that has not moved in a run's first dozen steps is
/// not yet a run that does not learn. Events (NaN, divergence, overfitting, ...) are never too
/// early. Followers (`diagnose --follow`, the window) hold such findings back until they are not.
[[nodiscard]] bool tooEarlyToJudge(const Run& run, const Finding& f);

/// Removes superseded findings and sorts the rest (see diagnoseRun); `run` tells what the
/// findings' metrics are (Run::info). Exposed for tests.
void consolidateFindings(std::vector<Finding>& findings, const Run& run);

}  // namespace curvedoctor::core
