#pragma once
/// \file not_learning.h
/// `not_learning`: the loss is flat from the start (for classification near ln(classes)) and
/// the validation metric, when logged, stays where it began (chance).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct NotLearningConfig {
    /// Raw points needed: a flat line of a handful of points is no evidence.
    std::size_t minPoints = 10;
    /// Validation points needed for the validation-only reading (per-epoch evaluations).
    std::size_t minValPoints = 5;
    /// Largest improvement (first smoothed value - minimum), as a share of |first value|, that
    /// still counts as flat. A network that learns anything moves its loss by far more than 2%
    /// (cross-entropy from ln(10) = 2.30 to below 2.25 within the first epoch on any real data).
    double maxRelativeDrop = 0.02;
    /// ... or within this many standard deviations of one smoothed value's noise (the
    /// trend's), when that is larger: the smoothed minimum of a few hundred points of pure
    /// noise lies about three of them below its mean.
    double noiseSigmas = 4.0;
    /// "From the start" is only observable when the log starts near step 0: the first logged
    /// step must lie within this share of the last one (a resumed run starts mid-way).
    double maxStartShare = 0.25;
    /// Short noisy losses (at most this many points) are also judged by thirds: not learning
    /// when the last third's median is no better than the first third's (within
    /// maxRelativeDrop)...
    std::size_t maxShortPoints = 100;
    /// ... and the smoothed curve never dips more than this share below the first third.
    double maxShortDip = 0.15;
    /// A validation loss that never improves on its first value, stays within maxShortDip of
    /// the untrained level (the training loss's start) and has a validation metric that does
    /// not improve either, while the training loss falls by at least this share of its start,
    /// is memorisation: nothing learnt generalises (a warning). A network fitting shuffled
    /// labels drives its training loss far down (wine: 1.15 -> 0.22).
    double minMemorisedDrop = 0.25;
    /// A validation accuracy whose last third stays below this multiple of chance (1/K, K
    /// classes read from an untrained loss within maxUniformLossGap of ln K) has learnt
    /// nothing, even when it rises by more than its noise.
    double maxChanceRatio = 1.25;
    double maxUniformLossGap = 0.03;
    /// The same, for reading K from the first validation loss or the untrained training loss
    /// when the accuracy never leaves chance: a network of random weights guesses a little
    /// worse than uniform (five classes: a first loss of 1.66-1.68 against ln 5 = 1.61).
    double maxAtChanceLossGap = 0.06;
    /// A validation accuracy whose last third's error is below this share of chance's error
    /// (1 - 1/K) is more than halfway from chance to perfect: the network generalises, so an
    /// over-confident validation loss that climbs from its first evaluation is overfitting,
    /// not memorisation (an accuracy of 0.75 on two classes, 0.55 on ten).
    double maxErrorShare = 0.5;
};

/// An error when the training loss (or, without one, the validation loss) is flat from the
/// start, unless validation shows slow learning (its loss falling by thirds beyond its noise
/// while its metric improves). A warning when the training loss moves but the validation loss stays
/// within the same band in both directions from start to end (labels disconnected from inputs: the
/// network can only memorise), or when a validation accuracy never leaves chance while the
/// validation loss never beats a uniform guess (ln K).
[[nodiscard]] std::vector<Finding> detectNotLearning(const RunView& view,
                                                     const NotLearningConfig& config = {});

}  // namespace curvedoctor::core
