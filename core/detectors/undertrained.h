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
    /// Points a curve needs for most readings; the slowing descent reads five already (see
    /// undertrained.cpp).
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
    /// The schedule has run out when the learning rate's last logged value is at most this
    /// share of its peak: each step then moves the weights a tenth as far as at the peak, so
    /// the slowing of the curves is the schedule's and their shape no longer tells convergence.
    double decayedLrShare = 0.1;
    /// Under a schedule run out, a validation loss lower at each of its last
    /// `decayedFallingEvaluations` evaluations than at the one before, whose line over the last
    /// tailShare still falls by minDecayedFall of its level, had more to learn: the healthy
    /// runs of the fixtures and tests/data/corpus2 whose schedules decay below a tenth and whose
    /// validation loss falls at each of its last three evaluations end within 0.1% to 1.5% of
    /// their level over that stretch (twice the largest is asked).
    std::size_t decayedFallingEvaluations = 3;
    double minDecayedFall = 0.03;
    /// A validation loss too noisy to confirm a training loss's fall must still not refute it:
    /// its line's fall plus this many of its standard errors reaches the training loss's fall
    /// over the same stretch (two standard errors: a 95% band).
    double consistentSigmas = 2.0;
    /// With the training loss as the only evidence (validation too noisy to confirm it), it
    /// must be far from its floor: its tail over the last 2 x tailShare still falls at this
    /// share of its average rate. An exponential approach does so for about its first two
    /// time constants, with a seventh of its fall still ahead; after three it is at 30%
    /// (noisy_val_gru_rmsprop in tests/data/corpus2, a healthy run: 26%).
    double minNoisyValTrainRatio = 0.5;
    /// ... and at least this share of that fall must be new ground, below the lowest value
    /// before the tail: a fall that only recovers a jump is no progress.
    double minNewGround = 0.5;
    /// A few noisy evaluations: the stretch over which validation's own trend is read against
    /// its scatter, the last third of the steps (at least five evaluations): "the end of the
    /// run" as a practitioner reads a plot of a dozen evaluations.
    double noisyDescentShare = 1.0 / 3.0;
};

[[nodiscard]] std::vector<Finding> detectUndertrained(const RunView& view,
                                                      const UndertrainedConfig& config = {});

}  // namespace curvedoctor::core
