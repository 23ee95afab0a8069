#pragma once
/// \file best_step.h
/// The early-stopping point of a run: its minimum validation loss, or without one its best
/// validation metric in the metric's direction, with the train/validation gap there.

#include <optional>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

/// nullopt when the run has no validation curve with a finite value. The gap is the raw
/// validation loss minus the smoothed training loss at that step (only with both losses).
[[nodiscard]] std::optional<BestStep> findBestStep(const RunView& view);

}  // namespace curvedoctor::core
