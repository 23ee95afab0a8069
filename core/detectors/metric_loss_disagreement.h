#pragma once
/// \file metric_loss_disagreement.h
/// `metric_loss_disagreement`: the validation metric improves while the validation loss gets
/// worse (over-confidence: a few wrong answers become very wrong), or the loss improves while
/// the metric gets worse (the loss and the metric measure different things).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct DisagreementConfig {
    std::size_t minPoints = 5;
    /// The loss's worsening after its best, as a share of max(|best|, 0.1 * improvement) (the
    /// same scale as overfitting.h): 10% is well past evaluation jitter.
    double minLossRise = 0.1;
    /// The metric's gain over the same stretch, as a share of its own total improvement.
    double minMetricGain = 0.1;
    /// ... and more than this many steps of the metric's own grid (its smallest step between
    /// distinct values): an accuracy that gains one sample of its validation set has not
    /// "kept improving".
    double minQuanta = 1.5;
    double noiseSigmas = 4.0;
    /// The metric "stays near zero" when its best is below this share of its scale ([0, 1]
    /// or [0, 100])...
    double nearZeroShare = 0.02;
    /// ... or when its best stays below this share of its scale and it sits at zero (below
    /// nearZeroShare: a model that never predicts the class of an F1, Dice or mAP) for at
    /// least minPoints evaluations in a row while the loss falls by minLossFallShare: an F1
    /// of a rare class at 0 while the loss learns, and 0.1 afterwards, never learnt the task.
    double lowShare = 0.2;
    /// ... while the loss falls by at least this share of its first smoothed value.
    double minLossFallShare = 0.2;
};

[[nodiscard]] std::vector<Finding> detectMetricLossDisagreement(
    const RunView& view, const DisagreementConfig& config = {});

}  // namespace curvedoctor::core
