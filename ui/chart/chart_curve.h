#pragma once
// MetricChart's curve record, shared by the files that implement MetricChart
// (ui/chart/metric_chart*.cpp); a header of its own so those files share it without an
// include loop through metric_chart.h.

#include <QColor>
#include <QString>
#include <memory>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "core/decimate.h"
#include "core/plot/reduced_curve.h"
#include "core/plot/smoothed_values.h"
#include "core/run.h"
#include "core/step_axis.h"
#include "ui/chart/y_range.h"

namespace curvedoctor::ui {

// One run's metric as drawn: where its x comes from, its smoothed values, its reductions.
struct ChartCurve {
    core::RunPtr run;
    const core::Series* series = nullptr;
    QString runName;
    QString metric;
    QString label;  ///< "run metric": its name in the curve layer, made once, not per zoom
    QColor color;
    bool validation = false;
    /// The series' steps as x (CurveCache::steps): a progression read in place, or one block
    /// (a series may hold them packed, core/packed_column.h) that `stepsBlock` owns.
    core::StepAxis steps;
    std::shared_ptr<const std::vector<std::int64_t>> stepsBlock;
    std::shared_ptr<const std::vector<double>> xOwned;  ///< epochs, wall or relative times
    std::span<const double> xs;                         ///< empty: x = steps
    double t0 = 0.0;  ///< the run's first wall time (origin of relative time)
    bool xSorted = true;
    bool stepsSorted = true;
    std::shared_ptr<const core::SmoothedValues> smoothed;  ///< float32 for float32 values
    std::shared_ptr<const core::DecimationIndex> rawIndex;
    std::shared_ptr<const core::DecimationIndex> smoothIndex;
    /// Last reductions, y as plotted (shared with the curve layer).
    std::shared_ptr<const core::ReducedCurve> smooth = std::make_shared<const core::ReducedCurve>();
    std::shared_ptr<const core::ReducedCurve> raw = std::make_shared<const core::ReducedCurve>();
    /// What a reduction was made for: range, log, x and y columns, and columns (within 1/16).
    using ReducedFor = std::pair<std::tuple<double, double, bool, const void*, const void*>, int>;
    ReducedFor smoothFor{};
    ReducedFor rawFor{};  ///< {} while `raw` is left empty
    /// The y fit's share of the reduction `bulkOf` (null: of the raw values) over
    /// [bulkLo, bulkHi] (metric_chart_y.cpp), kept while neither changes: a batch of new runs
    /// fits only the new curves.
    bool bulkDone = false;
    std::shared_ptr<const core::ReducedCurve> bulkOf;
    double bulkLo = 0.0;
    double bulkHi = 0.0;
    CurveBulk bulk;
};

}  // namespace curvedoctor::ui
