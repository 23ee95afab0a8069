#pragma once
/// \file metric_role.h
/// What a metric is, inferred from its name: the one table used by loaders, detectors, charts
/// and the command line.

#include <string>
#include <string_view>

namespace curvedoctor::core {

enum class MetricRole { TrainLoss, ValLoss, TrainMetric, ValMetric, LearningRate, Other };
enum class Direction { LowerIsBetter, HigherIsBetter, Unknown };

struct MetricInfo {
    MetricRole role = MetricRole::Other;
    Direction direction = Direction::Unknown;
    /// The name with its split marker (train_/val_/eval_/validation/ ...) and Lightning's
    /// _step/_epoch suffix removed, lower-cased: "val_loss" and "loss" share family "loss",
    /// "train/box_loss" and "val/box_loss" share "box_loss". Charts pair curves by family.
    std::string family;
    /// True for the validation/evaluation/test split.
    bool validation = false;
};

/// Infers role, direction and family from a metric name as any supported tool writes it.
/// Never fails: an unknown name is MetricRole::Other with Direction::Unknown.
[[nodiscard]] MetricInfo inferMetricInfo(std::string_view name);

/// Stable ids used in JSON output: "train_loss", "val_loss", "train_metric", "val_metric",
/// "lr", "other".
[[nodiscard]] std::string_view toString(MetricRole role);
/// "lower", "higher" or "unknown".
[[nodiscard]] std::string_view toString(Direction direction);

[[nodiscard]] inline bool isLoss(MetricRole r) {
    return r == MetricRole::TrainLoss || r == MetricRole::ValLoss;
}
[[nodiscard]] inline bool isValidation(MetricRole r) {
    return r == MetricRole::ValLoss || r == MetricRole::ValMetric;
}

}  // namespace curvedoctor::core
