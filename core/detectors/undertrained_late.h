#pragma once
/// \file undertrained_late.h
/// Three readings of `undertrained` where the shape of the validation curve cannot tell by
/// itself: a learning-rate schedule that ran out while the validation loss still fell, a
/// training loss still falling under a validation loss too noisy to confirm or refute it, and a
/// validation loss whose few noisy evaluations still trend down through their scatter.
/// Called by detectUndertrained (undertrained.h) when its other readings find nothing.

#include <optional>

#include "core/detectors/run_view.h"
#include "core/detectors/undertrained.h"
#include "core/finding.h"

namespace curvedoctor::core {

/// The schedule ran out before the model did: the learning rate ends at most decayedLrShare
/// of its peak, the validation loss is lower at each of its last decayedFallingEvaluations
/// evaluations, its line over the last tailShare falls by minDecayedFall of its level at least,
/// the validation metric (when logged) is at its best at its last evaluation, and the training
/// loss falls over the second half (its line, or that of its means per epoch when it is logged
/// more often). Nothing without a logged learning rate.
[[nodiscard]] std::optional<Finding> scheduleRanOutFinding(const RunView& view,
                                                           const UndertrainedConfig& config);

/// The training loss (per epoch when it is logged more often) still falls over the last
/// 2 x tailShare by noiseSigmas standard errors at minNoisyTrainRatio of its average rate at
/// least, while the validation loss over that stretch is too noisy to confirm it (its fall is
/// below noiseSigmas standard errors) yet does not refute it (its fall plus consistentSigmas
/// standard errors reaches the training loss's fall), has its best evaluation there, and the
/// validation metric (when logged) is better there than before.
[[nodiscard]] std::optional<Finding> noisyValidationFinding(const RunView& view,
                                                            const UndertrainedConfig& config);

/// The validation loss, too noisy for the readings of its shape, still trends down through its
/// noise: over the last noisyDescentShare of the steps (at least five evaluations, fewer than
/// 4 / (1 - minSteadiness), not lower at each: Kendall's tau above -1)
/// its line falls by consistentSigmas standard errors of its own scatter at least, at
/// minSlowingRatio of its average rate at least, with its best evaluation there; the training
/// loss (per epoch when logged more often) falls there by noiseSigmas standard errors onto new
/// ground, and the validation metric (when logged) reaches its best there (ties count). A line
/// its scatter does not confirm is read again without one evaluation that spiked and recovered
/// (above both neighbours, the one after it below the one before it, its climb larger than any
/// other move of the stretch).
[[nodiscard]] std::optional<Finding> noisyDescentFinding(const RunView& view,
                                                         const UndertrainedConfig& config);

}  // namespace curvedoctor::core
