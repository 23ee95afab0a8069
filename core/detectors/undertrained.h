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
    /// Without validation, the training loss must still fall in the tail at this fraction of
    /// its average slope over the run (tail drop >= ratio * tailShare * improvement). A curve
    /// that has converged ("drops fast early, then flattens", CS231n) falls at a few percent
    /// of its average slope at the end; a straight line at 100%.
    double trainSlopeRatio = 0.75;
    /// With validation, the validation curve must still improve at this fraction of its
    /// average slope in the tail and be at its best at the end (then the training loss only
    /// has to be falling).
    double valSlopeRatio = 0.5;
    double noiseSigmas = 4.0;
};

[[nodiscard]] std::vector<Finding> detectUndertrained(const RunView& view,
                                                      const UndertrainedConfig& config = {});

}  // namespace curvedoctor::core
