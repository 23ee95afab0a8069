#pragma once
/// \file no_shuffle_periodic.h
/// `no_shuffle_periodic`: the per-step training loss repeats the same pattern in every epoch
/// (a saw-tooth once per epoch), the signature of a data loader that does not shuffle.

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct NoShuffleConfig {
    /// Logged training-loss points per epoch needed to see a within-epoch pattern.
    std::size_t minPointsPerEpoch = 6;
    /// Complete epochs needed (after the first, whose fast early learning is left out).
    std::size_t minEpochs = 4;
    /// Share of the within-epoch variation (after removing each epoch's own level and linear
    /// slope) explained by the pattern common to all epochs, above what noise alone gives
    /// (1/epochs). Shuffled batches give about 0; a loader that serves the data in the same
    /// order every epoch repeats its hard and easy stretches, and scores well above 0.3.
    double minRepeatability = 0.3;
    /// ... and the share explained must stand this many standard deviations above what noise
    /// alone gives for so many epochs and points (under independent noise it is distributed as
    /// Beta((n - 2) / 2, (k - 1)(n - 2) / 2) for k epochs of n points, each less its level and
    /// slope): few short epochs reach 0.3 by chance (7 epochs of 8 points: 3.5 standard
    /// deviations, about 1 run in 300; undertrained_linear_gru_nesterov_tf in
    /// tests/data/corpus2, a shuffled GRU), a loader that repeats its order scores 16 or more
    /// (the unshuffled runs of tests/data: 16-84). Five: with hundreds of runs diagnosed, a
    /// test at three cries wolf.
    double minPatternSigmas = 5.0;
    /// With fewer than minPointsPerEpoch (but at least this many) points per epoch, as when a
    /// tiny data set gives 4 batches per epoch (lightning_06/07 in ../shared/realworld)...
    std::size_t minShortPointsPerEpoch = 4;
    /// ... at least this many epochs...
    std::size_t minShortEpochs = 12;
    /// ... and at least this repeatability, with each epoch's residuals scaled to unit RMS
    /// (so a stretch of loud epochs does not drown the pattern; shuffled data still score
    /// about 0, within +/-0.1 for 12 epochs).
    double minShortRepeatability = 0.3;
    /// ... or neighbouring epochs alike: the mean cosine between each epoch's unit-RMS
    /// residuals and the previous epoch's at least this. The pattern of an unshuffled loader
    /// drifts as the classes are learnt in turn, so with 4 points per epoch (2 degrees of
    /// freedom left after level and slope) one pattern shared by all epochs can average away
    /// (no_shuffle_few_steps_digits in tests/data/corpus2: repeatability 0.04) while each
    /// epoch still repeats the one before (0.98). Shuffled batches give about 0 (-0.2 to 0.22
    /// over 10-120 epochs of 4-21 points in tests/data/corpus2); sorted ones 0.93-0.99.
    double minShortNeighbourLikeness = 0.6;
};

/// The period comes from the epoch column (of the training loss itself, or of any other series
/// of the run), or, without any, from a validation loss evaluated at evenly spaced steps (one
/// evaluation per epoch). Silent without either, or when the learning rate itself restarts
/// (cyclic schedules such as SGDR repeat per epoch on purpose).
[[nodiscard]] std::vector<Finding> detectNoShufflePeriodic(const RunView& view,
                                                           const NoShuffleConfig& config = {});

}  // namespace curvedoctor::core
