#pragma once
/// \file run.h
/// A training run as loaded from one file or folder.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/load_warning.h"
#include "core/metric_role.h"
#include "core/series.h"

namespace curvedoctor::core {

struct Run {
    std::string name;    ///< shown to the user; unique among open runs (the UI makes it so).
    std::string source;  ///< path of the file or folder it was loaded from.
    std::string format;  ///< loader id, e.g. "keras_csv", "lightning_csv", "tfevents".
    std::map<std::string, Series> metrics;               ///< by metric name as the log spells it.
    std::map<std::string, std::string> hyperparameters;  ///< hparams.yaml, MLflow params, ...
    std::vector<LoadWarning> warnings;
    /// What each metric is (role, direction, family), by metric name: filled once, by
    /// assignRoles(), when the run is built.
    std::map<std::string, MetricInfo> roles;

    [[nodiscard]] std::size_t pointCount() const;
    [[nodiscard]] const Series* find(const std::string& metric) const;
    /// What `metric` is: its row of `roles`, or inferred from its name when the run has none
    /// (a run put together by hand).
    [[nodiscard]] MetricInfo info(const std::string& metric) const;
    /// Makes a loaded run cost only what it holds: every series shrunk (Series::shrinkToFit),
    /// and series whose steps, epochs or wall times are equal share one block of each.
    void shrinkToFit();
    /// Heap bytes of the series' columns, shared blocks counted once.
    [[nodiscard]] std::size_t seriesBytes() const;
};

/// Fills `run.roles` for every metric. The one place that decides what a run's metrics are:
/// a user's override of a role (DESIGN section 2) belongs here.
void assignRoles(Run& run);

using RunPtr = std::shared_ptr<const Run>;

}  // namespace curvedoctor::core
