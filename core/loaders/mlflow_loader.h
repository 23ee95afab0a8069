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

#include <memory>

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

}  // namespace curvedoctor::core
