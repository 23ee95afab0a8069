#pragma once
/// \file oscillation.h
/// `oscillation`: the smoothed training loss swings up and down strongly without a steady
/// trend (batch noise alone is removed by the smoothing; these are swings over many steps).
/// A training loss logged once per evaluation (at most maxRawPoints values) is also read raw,
/// so ringing of one or two points per swing that fades early is seen too, and smooth waves
/// that climb for several evaluations again and again (oscillation_waves.h).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct OscillationConfig {
    /// Smoothed points needed to see several swings.
    std::size_t minPoints = 10;
    /// A swing is a move of at least this share of the smoothed curve's whole range. A healthy
    /// curve's wiggles after its early drop are a few percent of that range.
    double swingShare = 0.2;
    /// At least this many swings (down-up-down-up): one rebound is not an oscillation.
    std::size_t minSwings = 4;
    /// Net change over the path travelled (|last - first| / total variation) below this: the
    /// curve goes back and forth more than it goes anywhere. A converging curve scores near 1.
    double maxEfficiency = 0.35;
    double noiseSigmas = 5.0;
    /// Swings found only without the trend's wider window must be smooth: the curve turns at
    /// most at this share of its points from the first swing on (a period of 6 points or
    /// more; smoothed batch noise turns at about half of them).
    double maxFineReversalShare = 1.0 / 3.0;
    /// Swings found under the trend's own window must lie at least this many points apart on
    /// average: a smooth swing under a running median of 7 lasts several points; one that
    /// reverses at the next point is a burst of batch-loss spikes.
    double minPointsPerSwing = 2.0;
    /// Swings found under the trend's own window ride on no steady fall: Kendall's tau of the
    /// smoothed curve from the first swing on above this (at -0.5, three pairs of points in four
    /// lie in falling order). A loss that keeps falling with bursts of heavy-tailed batch
    /// losses (small batches memorising flipped labels) scores -0.7 to -0.8; a loss that keeps
    /// returning to its level about -0.2.
    double steadyFallTau = -0.5;
    /// A run without any loss: its metric curve (RL rewards) is judged on raw evaluations when
    /// it has at most this many...
    std::size_t maxRawPoints = 200;
    /// ... with a swing of at least this share of its range (a collapse, not noise)...
    double rawSwingShare = 0.4;
    /// ... at least this many times (collapse, recover, collapse).
    std::size_t minRawSwings = 3;
    /// Ringing that fades (momentum or full-batch steps overshooting for the first 10-40% of a
    /// run, then settling) in a loss read raw, judged as swings about a smooth local trend
    /// (the centred mean of the middle values of trendWindow points, its highest and lowest
    /// dropped): a swing is a value off that trend by
    /// at least swingRel of the trend's level (the local level, not the whole range, which the
    /// first drop dominates)...
    std::size_t trendWindow = 5;
    double swingRel = 0.12;
    /// ... and by at least swingRangeShare of the curve's whole range (jitter of a loss near
    /// zero is no swing at the plot's scale)...
    double swingRangeShare = 0.03;
    /// ... with at least minAlternations of them alternating in sign (above, below, above the
    /// trend: the loss rises against it), each within maxAlternationGap points of the one
    /// before...
    std::size_t minAlternations = 3;
    std::size_t maxAlternationGap = 2;
    /// ... whose median size is at least minFloorRatio times the run's noise floor (the median
    /// distance from the trend, relative to its level, in the calmer half of the run) and at
    /// least the trend's own relative movement per point there (the curve reverses, it does not
    /// only fall unevenly)...
    double minFloorRatio = 4.0;
    /// ... or, for at least minLongAlternations points in a row that each swing to the other
    /// side from the point before (four cycles of ringing at every evaluation, which noise
    /// about a trend does not keep up), at least longFloorRatio times the floor: ringing at
    /// every epoch for 16 epochs at 3.5 times the later jitter (oscillation_ringing_circles_hf
    /// in tests/data/corpus2, half i).
    std::size_t minLongAlternations = 8;
    double longFloorRatio = 2.0;
    /// Swings about the trend while the validation loss climbs across them (Kendall's tau
    /// above 0) to more than this many times its best so far (the median of its last three
    /// values up to the stretch's end) are the model memorising noisy labels, each bump of the
    /// training loss it letting go of some, which overfitting reports: no ringing
    /// (overfitting_early_best_noisycls_deep_deit in tests/data/corpus2, half l: validation
    /// 0.74 -> 1.34 across epochs 7-13, its best 0.49, while the training loss falls 0.22 ->
    /// 0.07 with bumps). A ringing run's validation loss swings with it, far above its best
    /// at times (0.09 -> 0.61 -> 0.13, oscillation_fading_iris_hf), but does not climb.
    double memorisingValRatio = 2.0;
    /// Smooth waves (full-batch steps overshooting every 4-8 evaluations while the loss
    /// falls, oscillation_waves.h) in a loss read raw: the loss rises by at least waveRise of
    /// its level...
    double waveRise = 0.12;
    /// ... over at least minWavePoints evaluations in a row (a rise that lasts; a one-point
    /// bump is noise or a spike)...
    std::size_t minWavePoints = 2;
    /// ... by at least waveNoiseRatio times the curve's roughness (the median bend of the log
    /// loss from one point to the next) and swingRangeShare of its range...
    double waveNoiseRatio = 3.0;
    /// ... the largest of them by at least waveLargestShare of that range (a wave one sees on a
    /// linear chart: bumps of 4-6% of the range in a training loss memorising 80 samples down
    /// to 1e-4, overfitting_diabetes_subset_radam_deit in tests/data/corpus2, half o, are
    /// not; the waves of oscillation_fading_friedman_tf, half m, reach 20%, and of
    /// oscillation_then_nan_diabetes_deit 43%)...
    double waveLargestShare = 0.10;
    /// ... at least minWaves times, before the loss first exceeds blowUpFactor times its first
    /// value (past that it is diverging, which divergence and nan_inf report).
    std::size_t minWaves = 3;
    double blowUpFactor = 2.0;
    /// One overshoot that rings and fades (oscillation_waves.h): a loss read raw climbs at
    /// each of at least minSwingClimb evaluations in a row, by waveRise of its level and
    /// waveLargestShare of its range read, while the validation loss climbs with it (as many
    /// evaluations in a row, by waveRise, overlapping): a swing that lasts, not a spike of one
    /// or two evaluations (the bumps of a small run memorising, overfitting_lstm_subset_deit
    /// in tests/data/corpus2, climb for two)...
    std::size_t minSwingClimb = 3;
    /// ... by at least swingNoiseRatio times the curve's roughness: a smooth curve's
    /// overshoot, not noise (the full-batch swings of tests/data/corpus2 climb 64-104 times
    /// it; the per-epoch batch loss of a YOLO run, tensorboard_05 in ../shared/realworld,
    /// climbs 20% over three epochs at 2.4 times it)...
    double swingNoiseRatio = 10.0;
    /// ... then falls back below where the climb began (past that it is diverging), and
    /// climbs again later for minWavePoints evaluations in a row by waveNoiseRatio times the
    /// roughness (it rings: one swing that recovers, and nothing after, is a spike).
};

[[nodiscard]] std::vector<Finding> detectOscillation(const RunView& view,
                                                     const OscillationConfig& config = {});

}  // namespace curvedoctor::core
