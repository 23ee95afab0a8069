#pragma once
/// \file lr_drop.h
/// `lr_drop` (info): a step-like drop of the learning rate, i.e. a schedule boundary (step
/// decay, ReduceLROnPlateau). The UI draws a marker there.

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct LrDropConfig {
    /// A drop is a fall to at most this fraction of the previous logged rate in one logged
    /// interval. Step schedules divide by 2-10 (MultiStepLR gamma 0.1, ReduceLROnPlateau
    /// factor 0.1-0.5); 0.7 admits all of them.
    double maxRatio = 0.7;
    /// ... after a constant stretch (two logged values within 1%): a smooth cosine or linear
    /// decay logged sparsely can fall by 30% between logs but is never constant before it.
    double flatTolerance = 0.01;
    /// More drops than this are summarised in one finding (an exponential per-epoch decay).
    std::size_t maxFindings = 8;
};

[[nodiscard]] std::vector<Finding> detectLrDrop(const RunView& view,
                                                const LrDropConfig& config = {});

}  // namespace curvedoctor::core
