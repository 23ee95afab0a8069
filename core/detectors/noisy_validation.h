#pragma once
/// \file noisy_validation.h
/// `noisy_validation`: the validation curve is far noisier than training. From validation
/// accuracy it estimates how many samples the validation set behaves like: the accuracy on n
/// samples is a binomial proportion, var(acc) ~ p(1-p)/n, so n ~ p(1-p)/var.

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct NoisyValidationConfig {
    /// Validation points needed; the noise is estimated on the later half of them, after the
    /// fast early learning.
    std::size_t minPoints = 8;
    /// Warn when the accuracy behaves like fewer samples than this. At n = 100 the standard
    /// error of an accuracy near 0.8 is 4 points: epoch-to-epoch differences, and the "best
    /// epoch", are then mostly sampling noise.
    double minEffectiveSamples = 100.0;
    /// The binomial estimate needs this many second differences of the later half: fewer
    /// measure the climb of a short run, not its noise.
    std::size_t minNoiseDiffs = 4;
    /// An accuracy on a coarse grid (one sample moves it by more than the standard error the
    /// binomial rule tolerates) is noisy when it moves at this share of its evaluations.
    double minGridMoveShare = 1.0 / 3.0;
    /// For a validation loss (no accuracy): its noise (second differences, about its local
    /// trend) relative to its own improvement must be this many times the training loss's
    /// (same granularity, epoch-level)...
    double lossNoiseRatio = 4.0;
    /// ... or this many times, when the validation loss zig-zags: reverses direction at
    /// zigzagShare of its evaluations or more (independent noise does at 2/3 of them).
    double zigzagNoiseRatio = 2.0;
    double zigzagShare = 0.5;
    /// A validation loss that reverses direction at fewer than this share of its evaluations
    /// is a smooth curve, however large its second differences (a bend).
    double minReversalShare = 1.0 / 3.0;
    /// ... and at least this share of the validation improvement, and of the whole range its
    /// smoothed curve travels (a smooth rise far above a small improvement is no noise).
    double minLossNoiseShare = 0.15;
    /// Or, over its later half (where the noise is read): the validation loss's spread about
    /// its own straight line is at least this share of its median level. The mean of a
    /// squared error over n samples has a relative standard error near sqrt(2/n) (a
    /// chi-square's spread equals its mean and more): a quarter of the level is about 30
    /// samples or fewer; thousands give a few percent...
    double levelScatterShare = 0.25;
    /// ... at least this many times the distance that line moves over the stretch (the jumps
    /// hide the trend rather than ride on it; a climbing or still-falling curve is read by
    /// the rule above)...
    double lineMoveRatio = 1.0;
    /// ... and at least this many times the training loss's spread about its own line over
    /// the same evaluations, in the same units (the noise is the validation set's, not the
    /// model's: a model that swings moves both curves). Needs minNoiseDiffs + 2 points.
    double trainScatterRatio = 2.0;
};

[[nodiscard]] std::vector<Finding> detectNoisyValidation(const RunView& view,
                                                         const NoisyValidationConfig& config = {});

}  // namespace curvedoctor::core
