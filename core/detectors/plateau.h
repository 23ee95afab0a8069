#pragma once
/// \file plateau.h
/// `plateau` (the smoothed loss stops improving for a long stretch) and `slow_start_plateau`
/// (a long flat stretch at the initial loss, then the drop).

#include <cstddef>
#include <vector>

#include "core/detectors/run_view.h"
#include "core/finding.h"

namespace curvedoctor::core {

struct PlateauConfig {
    /// Smoothed points needed to speak of a "stretch".
    std::size_t minPoints = 8;
    /// No improvement by more than this share of the run's total improvement counts as flat:
    /// Keras' ReduceLROnPlateau and EarlyStopping compare against a small min_delta in the
    /// same spirit (2% of what the run learnt is below what matters for a decision).
    double minDeltaShare = 0.02;
    /// ... and never less than this many standard deviations of the smoothed curve's noise
    /// (two: a smoothed value that far below the best so far is rarely chance).
    double noiseSigmas = 2.0;
    /// Silent when the total improvement is below this many standard deviations of the
    /// smoothed curve's noise: such a curve is mostly noise (a GAN's discriminator loss).
    double minImprovementSigmas = 5.0;
    /// A stretch counts when it covers this share of the run's steps; ReduceLROnPlateau's
    /// patience of 10 epochs is a third of a typical 30-epoch run.
    double minShare = 0.3;
};

struct SlowStartConfig {
    std::size_t minPoints = 8;
    /// The curve has left its start when it is below first - this share of the improvement.
    double dropShare = 0.1;
    /// A start that stays put this share of the run is long. Learning-rate warm-up usually
    /// takes 1-10% of the steps (HF warmup_ratio 0.0-0.1), so 15% is beyond any warm-up.
    double minFlatShare = 0.15;
    /// A shorter flat start (from this share of the run) counts when it is flat and ends in a
    /// cliff. 5%: below it lies learning-rate warm-up (HF warmup_ratio up to 0.1, mostly less).
    double minShortFlatShare = 0.05;
    /// Flat: over the first half of the flat start the trend moves (down, or up: a start that
    /// swings, oscillation_momentum_moons) by at most this share of the improvement. A tiny
    /// initialisation sits at the initial loss (slow_start_short_digits and slow_start_short_iris
    /// in tests/data/corpus2, and the long slow starts: 0.01-0.02%); a curve that is already
    /// descending gently is not flat (divergence_nan and divergence_high_lr in
    /// tests/data/fixtures: 2.7% and 2.3%). A start of any length that validation does not
    /// confirm (below) is not flat when the raw loss's line over its first half falls by more
    /// than this share of the improvement and by noiseSigmas standard errors of its scatter.
    double maxShortFlatFall = 0.01;
    /// ... or, when the validation loss confirms the shape, by at most 1/startToCliff of the
    /// fall of its cliff: a noisy batch loss wanders at its start (raw regression targets,
    /// slow_start_grow_raw_diabetes_nadam in tests/data/corpus2: 6% of the improvement against
    /// a cliff of 65%). Confirmed: the validation loss is measured at least `minValInFlat` times
    /// over the flat start and falls at least startToCliff times more over the stretch as long
    /// right after it (that run: 5.3 times; a noisy batch loss over a validation loss falling
    /// from its first evaluation, undertrained_diabetes_tf, has one evaluation there). The
    /// start's move counts its first logged value. So confirmed by a second curve, the flat
    /// start needs `minValInFlat` training points, not minFlatPoints (3 epochs of 40,
    /// slow_start_tiny_init_cancer_deit).
    double startToCliff = 3.0;
    std::size_t minValInFlat = 3;
    /// Cliff: the stretch as long as the flat start right after it falls by at least this share
    /// of the improvement; halfway between the flat-enough converging curves (mmengine_01 and
    /// textlog_04 in ../shared/realworld: 28%) and the short slow starts (59% and 73%).
    double minCliffShare = 0.4;
    /// A "drop" in the last stretch of the run is no slow start: the flat start must end
    /// before this share of it.
    double maxFlatShare = 0.8;
    /// The flat start must hold at least this many logged points: two or three values at
    /// the start of a short log (10 HF Trainer log lines) are no stretch.
    std::size_t minFlatPoints = 5;
    /// A learning rate that starts below this share of its peak and reaches the peak no
    /// earlier than halfway through the flat start is warming up: that flat start is the
    /// warm-up (linear warm-up and one-cycle start at 0-4% of the peak), not a slow start.
    double warmupStartShare = 0.5;
    /// ... unless the rate first reaches its peak in the last this share of its steps: a warm-up
    /// ends and the run goes on at (or down from) its peak; a rate growing to the end is not
    /// warming up (HF warmup_ratio is 0-0.1 of the run, one-cycle's pct_start 0.3).
    double warmupEndShare = 0.1;
    /// The later drop must be a real one: at least this share of |first value|, or, after a
    /// long flat start (minFlatShare), confirmed by the validation loss (flat over the start,
    /// falling startToCliff times more over the stretch as long right after it).
    double minImprovement = 0.1;
    double noiseSigmas = 5.0;
};

/// At most one `plateau` (info) finding: the longest flat stretch of the training loss (or the
/// validation loss when there is no training loss), when it does not start at the first step.
[[nodiscard]] std::vector<Finding> detectPlateau(const RunView& view,
                                                 const PlateauConfig& config = {});

/// At most one `slow_start_plateau` (warning) finding.
[[nodiscard]] std::vector<Finding> detectSlowStartPlateau(const RunView& view,
                                                          const SlowStartConfig& config = {});

}  // namespace curvedoctor::core
