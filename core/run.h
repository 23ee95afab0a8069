#pragma once
/// \file run.h
/// A training run as loaded from one file or folder.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/load_warning.h"
#include "core/series.h"

namespace curvedoctor::core {

struct Run {
    std::string name;    ///< shown to the user; unique among open runs (the UI makes it so).
    std::string source;  ///< path of the file or folder it was loaded from.
    std::string format;  ///< loader id, e.g. "keras_csv", "lightning_csv", "tfevents".
    std::map<std::string, Series> metrics;               ///< by metric name as the log spells it.
    std::map<std::string, std::string> hyperparameters;  ///< hparams.yaml, MLflow params, ...
    std::vector<LoadWarning> warnings;

    [[nodiscard]] std::size_t pointCount() const;
    [[nodiscard]] const Series* find(const std::string& metric) const;
};

using RunPtr = std::shared_ptr<const Run>;

}  // namespace curvedoctor::core
