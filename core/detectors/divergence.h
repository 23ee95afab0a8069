#pragma once
/// \file divergence.h
/// `divergence` (the training loss climbs back well above its minimum, or the network collapses
/// back to chance after it had learnt) and `gradient_ascent` (it rises from the very start and
/// never goes below its first value; logged several times per epoch, its level per epoch must
/// not end below its first epoch's).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct DivergenceConfig {
    /// Smoothed points needed; fewer cannot tell a rise from noise.
    std::size_t minPoints = 5;
    /// Share of the improvement (first value - minimum) given back by the end that makes it a
    /// warning. Healthy runs, even with warm restarts, end near their minimum; giving back 40%
    /// of what was learnt is a clear climb (CS231n: "loss explodes" with a too-high rate).
    double warnGiveBack = 0.4;
    /// Given back this much: the run ends about where it started, so it is an error.
    double errorGiveBack = 0.9;
    /// The rise must exceed this many standard deviations of the smoothed curve's noise.
    double noiseSigmas = 5.0;
    /// gradient_ascent: the smoothed loss never drops below its first value by more than this
    /// share of |first value| (noise allowance for "never goes below")...
    double ascentTolerance = 0.02;
    /// ... and ends at least this share of |first value| above it: a 10% climb from the start
    /// is no jitter.
    double ascentMinRise = 0.1;
    /// Divergence that ends in NaN: a training-loss component more than this many times its
    /// own level (median of its first half) away from it, before the loss turns non-finite
    /// for good (mmdet_01 in ../shared/realworld: loss_cls 0.5 -> 22, loss_bbox -> -22).
    double explosionFactor = 10.0;
    /// A loss that fell by more than this factor (an order of magnitude: raw regression
    /// targets, 2.8e4 -> 2.4e3) is read on a log scale, as its plot is: the share it gives back
    /// is that of the log of the loss (a climb back to 4x the minimum is half of a 12x fall).
    double logScaleFall = 10.0;
    /// ... but not beyond this factor: a loss below 1% of its start has fit its training data
    /// and sits near its floor of zero, where a climb from 4e-5 to 5e-3 (3% of what it learnt,
    /// tensorboard_06 in ../shared/realworld) is a change of a near-zero quantity. Raw
    /// regression targets fall to their irreducible error, well above 1%.
    double logScaleMaxFall = 100.0;
    /// Both losses blow up past where the run started: the validation loss's median over the
    /// last quarter of its evaluations exceeds the untrained level (the larger of the two losses'
    /// first smoothed values), and the training loss's highest raw value exceeds this many times
    /// that level. Overfitting never takes the training loss there; spikes under a flat median
    /// (momentum on wine, batch losses 0 or 1e7) and a growing rate (cancer: spikes to 15) do.
    double blowUpFactor = 10.0;
    /// Collapse to chance: the validation accuracy ends at 1/K (K classes) within this factor,
    /// and the training loss at the cross-entropy of a uniform guess, ln K, within it too
    /// (not_learning's tolerance for "at chance").
    double chanceRatio = 1.25;
    /// ... after the network had learnt: its best accuracy's error below this share of chance's
    /// error (1 - 1/K), and its smoothed training loss below this share of ln K.
    double learntShare = 0.5;
};

[[nodiscard]] std::vector<Finding> detectDivergence(const RunView& view,
                                                    const DivergenceConfig& config = {});

}  // namespace curvedoctor::core
