#pragma once
/// \file mlflow_loader.h
/// MLflow's file store (`mlruns/<experiment>/<run id>/`): a run folder whose `metrics/` holds one
/// file per metric with lines `<timestamp ms> <value> [<step>]`. Metric names are the file paths
/// under `metrics/` (MLflow stores "train/loss" as metrics/train/loss). `params/` files become
/// hyperparameters; `tags/mlflow.runName` (or `run_name:` in meta.yaml) names the run.
///
/// A single metric file is also accepted when it sits in a folder called `metrics` and its
/// first line has that shape. Values `nan`, `inf`, `-inf` are read as values; timestamps become
/// wall times in seconds. Lines without a step (old MLflow) are placed at their line index.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/loader.h"

namespace curvedoctor::core {

class MlflowLoader : public Loader {
public:
    [[nodiscard]] std::string_view id() const override { return "mlflow"; }
    [[nodiscard]] std::string_view description() const override { return "MLflow file-store run"; }
    [[nodiscard]] int sniff(const SniffInput& input) const override;
    [[nodiscard]] LoadResult load(const LoadInput& input) const override;
};

[[nodiscard]] std::unique_ptr<Loader> makeMlflowLoader();

class RunBuilder;

/// Where the reading of one metric file stands, so that its lines can be read in pieces (a
/// followed run folder reads only what was appended) with the same result as one read.
struct MlflowMetricState {
    std::int64_t lines = 0;     ///< lines read so far (to number the next one)
    std::int64_t points = 0;    ///< points read so far (the step of a line without one)
    std::int64_t byteBase = 0;  ///< file offset of the next text given
    bool warnedNoStep = false;  ///< the "no step column" note was given
};

/// Reads `text` (the lines of metrics/`name` that follow `state`) into series `name` of `b`
/// and advances `state`. A last line without its line end is read too: give only complete
/// lines while the file is still being written.
void readMlflowMetricLines(std::string_view text, const std::string& name, RunBuilder& b,
                           MlflowMetricState& state);

/// The metric files of the run folder `runFolder`: (metric name, path) sorted by name, as
/// MlflowLoader reads them.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> mlflowMetricFiles(
    const std::string& runFolder);

}  // namespace curvedoctor::core
