#pragma once
/// \file overfitting.h
/// `overfitting` / `severe_overfitting`: validation loss (or, without one, the validation
/// metric) reaches its best and then gets worse while the training loss keeps falling.

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct OverfittingConfig {
    /// Validation points needed at all: with fewer, "a minimum then a rise" is two numbers.
    std::size_t minValPoints = 4;
    /// The worsening must last: at least this many validation points after the best one...
    std::size_t minPointsAfterBest = 2;
    /// ... covering at least this share of the validation steps, so one bad final evaluation
    /// is not called overfitting (Keras EarlyStopping's usual patience is a few epochs).
    double minShareAfterBest = 0.1;
    /// Rise from the best to the end, relative to max(|best|, 0.1 * improvement): 5% of a
    /// cross-entropy of 0.3 is 0.015, above the epoch-to-epoch jitter of a validation set of
    /// thousands of samples, and matches Keras' practice of a min_delta of a few percent.
    double minRise = 0.05;
    /// The same ratio that makes it severe: validation loss half again above its best, which
    /// is far past where early stopping (patience of a few epochs) would have stopped. Ending
    /// above its first value is severe too when it had improved by at least minRise first.
    double severeRise = 0.5;
    /// Severity is measured from the best level the raw validation curve holds for this many
    /// evaluations in a row (the lowest running maximum): a single dip of a curve that swings
    /// about its trend is no level early stopping could count on.
    std::size_t heldBestPoints = 3;
    /// The rise must also exceed this many standard deviations of the smoothed curve's noise.
    double noiseSigmas = 4.0;
    /// A validation loss that rises while the validation metric gains at least this share of
    /// its whole range over the same stretch is no overfitting (metric_loss_disagreement).
    double metricGainShare = 0.2;
    /// From where the loss made half its rise, that gain must also exceed this many steps of
    /// the metric's own grid (as metric_loss_disagreement's minQuanta): an accuracy that gains
    /// one sample of its validation set has not kept improving.
    double metricQuanta = 1.5;
    /// A training loss that rises (beyond noiseSigmas of its trend) from the best to the end
    /// while the learning rate grows by this factor is diverging under the schedule, not
    /// overfitting.
    double lrGrowth = 2.0;
};

/// Emits at most one finding (`overfitting` or `severe_overfitting`) for the validation curve,
/// from its best step to its last step. Silent without a validation curve, without a training
/// loss (nothing shows that training kept improving), or when the training loss rises as much
/// as the validation loss (that is divergence, not overfitting).
[[nodiscard]] std::vector<Finding> detectOverfitting(const RunView& view,
                                                     const OverfittingConfig& config = {});

}  // namespace curvedoctor::core
