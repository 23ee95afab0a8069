#pragma once
/// \file hard_to_converge.h
/// `hard_to_converge`: across several runs of one configuration (seeds, repeats), most end far
/// above the best one, with a wide spread: the configuration converges only sometimes.

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct HardToConvergeConfig {
    /// Runs needed: with two, "most" and "spread" mean nothing.
    std::size_t minRuns = 3;
    /// A run is poor when it closes less than (1 - this) of the gap the best run closed
    /// between the typical starting loss and the best final loss: 30% short of the best run
    /// is far beyond seed-to-seed variation of a stable configuration (a few percent).
    double poorShare = 0.3;
    /// For losses that never go negative (cross-entropy, MSE), a run is also poor when its
    /// final loss is this many times the best run's. Seeds of a stable configuration end
    /// within a factor of about 2 of each other; a ReLU on the logits leaves some seeds 10x
    /// higher even though they "converge".
    double poorRatio = 3.0;
    /// ... provided that difference is also at least this share of the gap (not two tiny
    /// numbers near zero).
    double minRatioGapShare = 0.1;
    /// Fire when at least this share of the runs are poor ("most").
    double minPoorRuns = 0.5;
};

/// One finding at most. Uses each run's training loss, or its validation loss without one.
[[nodiscard]] std::vector<Finding> detectHardToConverge(const std::vector<const RunView*>& views,
                                                        const HardToConvergeConfig& config = {});

}  // namespace curvedoctor::core
