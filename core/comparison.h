#pragma once
/// \file comparison.h
/// One summary row per run for the comparison table and the report: best validation loss and
/// metric, final losses, the train/validation gap at the best step, length, findings by
/// severity and hyperparameters, plus which hyperparameters differ between the runs.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/metric_role.h"
#include "core/plot/curve_cache.h"
#include "core/run.h"
#include "core/smoothing.h"

namespace curvedoctor::core {

/// A run's headline numbers. Every number is optional: a run without validation loss has no
/// best validation loss, and so on. Values are raw (as logged) unless the name says smoothed.
struct RunSummary {
    std::string name;
    std::string trainLossMetric;  ///< the metric used as training loss ("" when none).
    std::string valLossMetric;    ///< the metric used as validation loss ("" when none).
    std::string valMetric;        ///< the validation quality metric (accuracy, mAP, ...).

    std::optional<double> bestValLoss;  ///< minimum finite validation loss.
    std::optional<std::int64_t> bestValLossStep;
    std::optional<double> bestValLossEpoch;
    std::optional<double> bestValMetric;  ///< best finite value in the metric's direction.
    std::optional<std::int64_t> bestValMetricStep;
    bool valMetricHigherIsBetter = true;

    std::optional<double> finalTrainLoss;          ///< last finite training loss.
    std::optional<double> finalTrainLossSmoothed;  ///< last finite value after smoothing.
    std::optional<double> finalValLoss;            ///< last finite validation loss.
    /// Best validation loss minus the mean training loss over the steps since the previous
    /// validation point (the training loss of the epoch that led to the best checkpoint, as
    /// Keras reports it). Positive: validation is worse than training.
    std::optional<double> gapAtBest;

    std::int64_t lastStep = 0;        ///< largest step of any metric (0 for an empty run).
    std::optional<double> lastEpoch;  ///< largest finite epoch of any metric, when logged.
    std::size_t pointCount = 0;

    int errors = 0;
    int warnings = 0;
    int infos = 0;

    std::map<std::string, std::string> hyperparameters;
};

/// Rows for several runs, in the order given, and the hyperparameter keys across them.
struct Comparison {
    std::vector<RunSummary> rows;
    /// Every hyperparameter key of any run, sorted.
    std::vector<std::string> hyperparameterKeys;
    /// Keys whose value is not the same in every run (a key missing from some runs differs).
    /// Empty for a single run.
    std::vector<std::string> differingKeys;
};

/// Summarises one run. `diagnosis` may be null (then the finding counts are 0). `smoothing`
/// is used for finalTrainLossSmoothed only; `smoothedTrainLoss`, when given, is the primary
/// training loss already smoothed with it (from a CurveCache) and is used instead: its last
/// finite value as smoothed, in double (SmoothedValues::lastFinite), whatever it stores.
[[nodiscard]] RunSummary summarizeRun(const Run& run, const RunDiagnosis* diagnosis,
                                      const SmoothingConfig& smoothing = {},
                                      const SmoothedValues* smoothedTrainLoss = nullptr);

/// Summarises each run; `diagnoses` is empty or parallel to `runs` (null entries allowed).
[[nodiscard]] Comparison compareRuns(const std::vector<const Run*>& runs,
                                     const std::vector<const RunDiagnosis*>& diagnoses = {},
                                     const SmoothingConfig& smoothing = {});
/// The same, with the smoothed training losses taken from `cache`: a run the charts already
/// smoothed is not smoothed again.
[[nodiscard]] Comparison compareRuns(const std::vector<RunPtr>& runs,
                                     const std::vector<const RunDiagnosis*>& diagnoses,
                                     const SmoothingConfig& smoothing, CurveCache& cache);

/// The run's primary series for a role: for losses the metric of family "loss" if there is
/// one, otherwise the one with the most points (ties: the first by name). For validation
/// metrics, accuracy-like families come first, then mAP, then the most points. Null if none.
[[nodiscard]] const Series* primarySeries(const Run& run, MetricRole role,
                                          std::string* metricName = nullptr);

}  // namespace curvedoctor::core
