#pragma once
/// \file run_view.h
/// The analysis layer under every detector: which series of a run is its training loss, its
/// validation loss, its metrics and its learning rate, each sorted by step with repeated steps
/// resolved, plus the step -> epoch mapping used to quote epochs in findings.

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/detectors/run_view_columns.h"
#include "core/detectors/trend.h"
#include "core/metric_role.h"
#include "core/run.h"

namespace curvedoctor::core {

/// One metric of a run, sorted by step, one value per step (for a repeated step the value
/// logged last wins: a restarted run overwrites what it logged before). Non-finite values are
/// kept. Steps, values and epochs point into the run's Series when they are already clean and
/// stored plainly (no copy), into one contiguous copy of a packed column shared by the run's
/// curves (ColumnCopies), or into the curve's own storage; a Curve is therefore move-only and
/// must not outlive the Run.
class Curve {
public:
    Curve() = default;
    /// Builds the curve of `series` called `metric`, which is `info` (the run's Run::info).
    /// Packed columns are read from `copies` when given (shared with the run's other curves).
    Curve(std::string metric, const Series& series, const MetricInfo& info,
          ColumnCopies* copies = nullptr);
    /// Builds a curve from owned data (tests, synthetic curves), its role inferred from the
    /// name. Sorts and de-duplicates.
    Curve(std::string metric, const std::vector<std::int64_t>& steps,
          const std::vector<double>& values, const std::vector<double>& epochs = {});
    Curve(Curve&&) noexcept = default;
    Curve& operator=(Curve&&) noexcept = default;
    Curve(const Curve&) = delete;
    Curve& operator=(const Curve&) = delete;

    /// A second Curve over this one's data, with no copy: it must not outlive this one (moving
    /// this one is fine, its storage stays where it is).
    [[nodiscard]] Curve alias() const;
    /// Lets go of the points (and of the column copies they lie in), keeping the metric and its
    /// role: the curve then reads as empty.
    void releasePoints();

    [[nodiscard]] const std::string& metric() const { return m_metric; }
    [[nodiscard]] const MetricInfo& info() const { return m_info; }
    [[nodiscard]] std::span<const std::int64_t> steps() const { return m_steps; }
    [[nodiscard]] std::span<const double> values() const { return m_values; }
    /// Empty when the log had no epoch column; an unknown entry is NaN.
    [[nodiscard]] std::span<const double> epochs() const { return m_epochs; }
    [[nodiscard]] std::size_t size() const { return m_steps.size(); }
    [[nodiscard]] bool empty() const { return m_steps.empty(); }
    /// Number of finite values.
    [[nodiscard]] std::size_t finiteCount() const { return m_finiteCount; }
    /// The indices i >= 1 whose value differs from the one before (a NaN always differs), in
    /// order, when there are at most kMaxLevelChanges of them: where a piecewise-constant curve
    /// (a step schedule logged every step) moves. Nullopt for a curve that changes more often.
    [[nodiscard]] std::optional<std::span<const std::size_t>> levelChanges() const {
        if (!m_fewLevelChanges) return std::nullopt;
        return std::span<const std::size_t>(m_levelChanges);
    }
    static constexpr std::size_t kMaxLevelChanges = 1024;
    /// An accuracy: higher is better and its family names one ("acc", "val_accuracy"...): chance
    /// is 1/K of K classes.
    [[nodiscard]] bool isAccuracy() const {
        return m_info.direction == Direction::HigherIsBetter &&
               m_info.family.find("acc") != std::string::npos;
    }

private:
    void adopt(std::span<const std::int64_t> steps, std::span<const double> values,
               std::span<const double> epochs);
    /// One pass over the values: counts the finite ones and records the level changes; with
    /// `steps` (as many), also counts the steps not above the one before them, returned.
    std::size_t scanValues(std::span<const double> values, const std::int64_t* steps = nullptr);
    /// One pass over the run's own series: true when its steps are strictly increasing; scans
    /// the values on the way.
    bool scanSortedAndFinite(std::span<const std::int64_t> steps, std::span<const double> values);

    std::string m_metric;
    MetricInfo m_info;
    std::vector<std::int64_t> m_ownSteps;
    std::vector<double> m_ownValues;
    std::vector<double> m_ownEpochs;
    std::shared_ptr<const ColumnCopy<std::int64_t>> m_copiedSteps;
    std::shared_ptr<const ColumnCopy<double>> m_copiedEpochs;
    std::span<const std::int64_t> m_steps;
    std::span<const double> m_values;
    std::span<const double> m_epochs;
    std::size_t m_finiteCount = 0;
    std::vector<std::size_t> m_levelChanges;
    bool m_fewLevelChanges = true;
};

/// The mean of the finite values of `perStep` in each interval (previous evaluation,
/// evaluation] of `evaluations`, at the evaluation's step: the epoch-level curve of a loss
/// logged every few steps, in which a pattern that repeats every epoch (an unshuffled loader)
/// averages out. Intervals without a finite value are left out.
[[nodiscard]] Curve meanPerEvaluation(const Curve& perStep, const Curve& evaluations);

/// Maps steps to (fractional) epochs from every (step, epoch) pair the run logged.
class EpochMap {
public:
    void add(std::int64_t step, double epoch);
    /// Call once after the last add().
    void finish();
    /// Epoch at `step`: interpolated between known pairs, nullopt outside them or when unknown.
    [[nodiscard]] std::optional<double> epochAt(std::int64_t step) const;
    /// Median number of steps per epoch, or nullopt when fewer than two epochs are known.
    [[nodiscard]] std::optional<double> stepsPerEpoch() const;
    [[nodiscard]] bool empty() const { return m_steps.empty(); }

private:
    std::vector<std::int64_t> m_steps;
    std::vector<double> m_epochs;
};

/// The series a detector looks at. Any of them may be empty (the run did not log it).
struct RunView {
    const Run* run = nullptr;
    /// Every non-empty metric of the run, in the run's order, each built once; the named curves
    /// below are aliases of these.
    std::vector<Curve> curves;
    /// Training loss of the primary loss family, the finest-grained series (per step).
    Curve trainLoss;
    /// Epoch-level training loss (Lightning's loss_epoch), when logged beside the per-step one.
    Curve trainLossEpoch;
    /// Validation loss of the same family; the epoch-level series when both exist.
    Curve valLoss;
    /// The main validation quality metric (accuracy before mAP before F1/Dice/IoU ...).
    Curve valMetric;
    /// The training counterpart of valMetric, when logged.
    Curve trainMetric;
    /// The learning rate (first parameter group when there are several).
    Curve learningRate;
    EpochMap epochs;

    /// Robust trends (trend.h) of the curves above, computed once for every detector.
    Trend trainTrend;
    Trend valTrend;
    Trend valMetricTrend;

    /// Lets go of every curve's points, keeping what the group detectors read (each curve's
    /// metric and role, the trends, the epoch map): diagnoseRuns keeps every run's view for
    /// them, and a million-step run's column copies go back for the next run to reuse.
    void releasePoints();

    /// Epoch (or fractional epoch) at `step`, from any series that logged epochs.
    [[nodiscard]] std::optional<double> epochAt(std::int64_t step) const {
        return epochs.epochAt(step);
    }
};

/// The smallest step between distinct finite raw values of `c` when it has at least three of
/// them (one sample of the validation set for an accuracy on a grid of 1/n), else 0: how
/// finely a metric can move (overfitting and metric_loss_disagreement read its gains in it).
[[nodiscard]] double metricQuantum(const Curve& c);

/// A least-squares line through the finite values of a curve at steps [from, to], judged by
/// their own scatter about it. `drop` is its fall over the points' span (positive while
/// falling), `error` that fall's standard error from the residuals (n - 2 degrees of freedom);
/// `slope` and `slopeError` the same per step. Not ok with fewer than 3 values or one step.
struct ScatterLine {
    bool ok = false;
    std::int64_t start = 0;  ///< first step in the stretch
    std::size_t points = 0;
    double slope = 0.0;
    double slopeError = 0.0;
    double drop = 0.0;
    double error = 0.0;
};
[[nodiscard]] ScatterLine scatterLine(const Curve& c, std::int64_t from,
                                      std::int64_t to = std::numeric_limits<std::int64_t>::max());

/// The training loss's level per epoch, when it is logged several times per epoch: logged
/// (train_loss_epoch), or its mean over each interval between evaluations (meanPerEvaluation).
/// Averaging over whole epochs cancels a pattern the step loss repeats every epoch, and most
/// of its batch noise. Finite levels only; empty when the loss is logged no more often than it
/// is evaluated.
/// The finite points of `c` in log order, as parallel steps and values.
struct FinitePoints {
    std::vector<std::int64_t> steps;
    std::vector<double> values;
};
[[nodiscard]] FinitePoints finitePoints(const Curve& c);

struct EpochLevels {
    std::vector<std::int64_t> steps;
    std::vector<double> levels;
};
[[nodiscard]] EpochLevels perEpochLevels(const RunView& view);

/// Picks the series of `run` by role (core/metric_role.h). Prefers the family "loss", then
/// "total_loss", then a family logged for both training and validation. `run` must outlive the
/// view.
[[nodiscard]] RunView makeRunView(const Run& run);

}  // namespace curvedoctor::core
