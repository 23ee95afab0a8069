#pragma once
/// \file undertrained.h
/// `undertrained`: the loss is still clearly falling at the last step (and the validation
/// curve, when logged, is still improving too, so more training would pay off).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct UndertrainedConfig {
    std::size_t minPoints = 6;
    /// The tail examined: the last 20% of the steps.
    double tailShare = 0.2;
    /// Without validation, the training loss must still have dropped this share of its total
    /// improvement within the tail. A curve that has converged ("drops fast early, then
    /// flattens") makes a few percent of its progress in its last fifth; a straight line 20%.
    double trainTailDrop = 0.3;
    /// With validation, the validation curve must have improved this share of its total
    /// improvement within the tail, and be at its best at the end.
    double valTailDrop = 0.2;
    double noiseSigmas = 4.0;
};

[[nodiscard]] std::vector<Finding> detectUndertrained(const RunView& view,
                                                      const UndertrainedConfig& config = {});

}  // namespace curvedoctor::core
