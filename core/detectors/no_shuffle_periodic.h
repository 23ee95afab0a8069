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
    /// With fewer than minPointsPerEpoch (but at least this many) points per epoch, as when a
    /// tiny data set gives 4 batches per epoch (lightning_06/07 in ../shared/realworld)...
    std::size_t minShortPointsPerEpoch = 4;
    /// ... at least this many epochs...
    std::size_t minShortEpochs = 12;
    /// ... and at least this repeatability, with each epoch's residuals scaled to unit RMS
    /// (so a stretch of loud epochs does not drown the pattern; shuffled data still score
    /// about 0, within +/-0.1 for 12 epochs).
    double minShortRepeatability = 0.3;
};

/// The period comes from the epoch column (of the training loss itself, or of any other series
/// of the run), or, without any, from a validation loss evaluated at evenly spaced steps (one
/// evaluation per epoch). Silent without either, or when the learning rate itself restarts
/// (cyclic schedules such as SGDR repeat per epoch on purpose).
[[nodiscard]] std::vector<Finding> detectNoShufflePeriodic(const RunView& view,
                                                           const NoShuffleConfig& config = {});

}  // namespace curvedoctor::core
