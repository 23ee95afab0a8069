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
    /// The tail examined: the last 20% of the steps (at least three logged points).
    double tailShare = 0.2;
    /// Without validation, the training loss's least-squares slope over the tail must be at
    /// least this fraction of its average slope over the run (start to best). A curve that has
    /// converged ("drops fast early, then flattens", CS231n) ends at a few percent of its
    /// average slope; a straight line at 100%.
    double trainSlopeRatio = 0.75;
    /// With validation, the validation curve must still improve at this fraction of its
    /// average slope and have its best value in the tail (then the training loss only has to
    /// be falling): more training would still pay off.
    double valSlopeRatio = 0.5;
    /// A validation loss below valSlopeRatio still counts as improving when, at its tail's
    /// rate, a run as long again would lower it by this share of its level, and the tail's
    /// slope is at least minRecentRatio of the slope over the stretch of equal length before
    /// it (under an exponential approach the ratio of successive slopes falls towards zero).
    double minLevelGain = 0.05;
    double minRecentRatio = 0.6;
    double minSteadiness = 0.8;
    double minPaceOfTraining = 0.25;
    /// The tail's drop must be this many standard errors of the fitted line.
    double noiseSigmas = 3.0;
    /// A training loss too noisy for that may stand on a steady validation descent instead
    /// only while its tail still falls at this share of its average rate: a converged curve
    /// ends at a few percent of it (healthy_wine in tests/data/fixtures: 3%), a noisy but
    /// still falling one far above (undertrained_moons_rmsprop in tests/data/corpus2: 46%).
    double minNoisyTrainRatio = 0.25;
    /// A validation loss at its best at the last evaluation, falling steadily over the second
    /// half, whose tail still falls at this share of its average rate is far from its floor:
    /// a converged curve ends at a few percent (<= 9% on the steadily falling healthy runs of
    /// the fixtures and tests/data/corpus2, one at 17%), an exponential approach at about 20%
    /// after 3 time constants.
    double minSlowingRatio = 0.2;
    /// ... having fallen by this share of its first value at least (a loss that has hardly
    /// moved is not learning).
    double minSlowingFall = 0.05;
};

[[nodiscard]] std::vector<Finding> detectUndertrained(const RunView& view,
                                                      const UndertrainedConfig& config = {});

}  // namespace curvedoctor::core
