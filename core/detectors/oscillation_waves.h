#pragma once
/// \file oscillation_waves.h
/// Smooth waves in a loss read once per evaluation: the loss rises against its fall for
/// several evaluations in a row, again and again (full-batch momentum overshooting every 4-8
/// epochs and fading, or swinging before a blow-up), or once by much, with the validation loss,
/// and again later by less (ringing that fades). Part of `oscillation` (oscillation.h).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/detectors/oscillation.h"

namespace curvedoctor::core {

/// The rises of a positive loss read raw that count as waves (OscillationConfig::waveRise and
/// what follows it), with what they were compared with.
struct Waves {
    std::size_t count = 0;    ///< rises that count
    std::size_t from = 0;     ///< the first counted rise's start
    std::size_t to = 0;       ///< the last counted rise's peak
    std::size_t read = 0;     ///< points read (up to the blow-up)
    double smallest = 0.0;    ///< the smallest counted rise, relative (0.12 = 12%)
    double largest = 0.0;     ///< the largest counted rise, relative
    double roughness = 0.0;   ///< median |second difference| of the log loss
    double minAbsRise = 0.0;  ///< swingRangeShare of the range read
    double largestAbs = 0.0;  ///< the largest counted rise, in the loss's units
    double range = 0.0;       ///< max - min of the values read
};

/// The waves of `values` (finite, one per evaluation); count 0 when a value is not positive
/// or fewer than minPoints precede the blow-up.
[[nodiscard]] Waves findWaves(const std::vector<double>& values, const OscillationConfig& config);

/// The `oscillation` finding for waves that count (at least minWaves, the largest at least
/// waveLargestShare of the range read), else nothing.
[[nodiscard]] std::vector<Finding> waveOscillation(const RunView& view,
                                                   const std::vector<double>& values,
                                                   const std::vector<std::int64_t>& steps,
                                                   const OscillationConfig& config);

/// The `oscillation` finding for one overshoot that rings (OscillationConfig::minSwingClimb
/// and what follows it): `values` and `steps` the training loss read raw, the validation loss
/// read from the view; else nothing.
[[nodiscard]] std::vector<Finding> overshootOscillation(const RunView& view,
                                                        const std::vector<double>& values,
                                                        const std::vector<std::int64_t>& steps,
                                                        const OscillationConfig& config);

}  // namespace curvedoctor::core
