#pragma once
/// \file report_renderer.h
/// The annotated PNG report: a title (run names, date), one chart per metric family with the
/// doctor's annotations and a shared legend, a findings table with advice, and the comparison
/// table. Charts are MetricCharts (GroupCharts for groups) rendered offscreen, so the report
/// shows exactly what the window shows. Used by File > Export report and `curvedoctor report`.

#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <vector>

#include "core/finding.h"
#include "core/run.h"
#include "ui/chart/group_chart.h"

namespace curvedoctor::ui {

struct RunEntry;
class ViewSettings;

struct ReportOptions {
    int width = 1600;     ///< logical pixels; the image is width * scale device pixels wide.
    qreal scale = 2.0;    ///< device pixel ratio: 2 gives HiDPI / print quality.
    QString title;        ///< empty: "Training report" and the run names.
    QDateTime timestamp;  ///< invalid: now (UTC).
    /// Findings listed per run before "and N more"; the rest are in the window and the JSON.
    int maxFindingsPerRun = 10;
    GroupBand band = GroupBand::MinMax;
};

/// A group of runs to draw as one mean curve with a band, with its group findings.
struct ReportGroup {
    GroupCurveInput curves;
    std::vector<core::Finding> findings;
};

/// Where things ended up in the image, in logical pixels (for tests and callers).
struct ReportLayout {
    QStringList families;
    QList<QRectF> chartRects;  ///< one per family, in order.
    QRectF findingsRect;
    QRectF comparisonRect;
};

/// Renders the report for `runs` (invisible ones are left out). With `groups` the charts
/// show the groups' mean and band instead of the single runs, and the group findings join
/// the findings table. Needs a QApplication (the charts are QGraphicsWidgets).
[[nodiscard]] QImage renderReport(const std::vector<const RunEntry*>& runs,
                                  const ViewSettings& settings, const ReportOptions& options,
                                  const std::vector<ReportGroup>& groups = {},
                                  ReportLayout* layout = nullptr);

/// Where the time of saveReport went, in seconds of wall-clock time.
struct ReportTimings {
    double render = 0.0;  ///< laying out and drawing the page.
    double encode = 0.0;  ///< PNG encoding and writing.
};

/// Renders and writes a PNG on the calling thread. Returns false and sets `error` (one line
/// naming the file). Qt Charts keeps process-wide text-measuring state (a static text item in
/// ChartPresenter), so charts must all live in one thread: call this on the GUI thread, or
/// (the `report` command, which has no other charts) on any one thread.
bool saveReport(const QString& path, const std::vector<const RunEntry*>& runs,
                const ViewSettings& settings, const ReportOptions& options,
                const std::vector<ReportGroup>& groups = {}, QString* error = nullptr,
                ReportTimings* timings = nullptr);

}  // namespace curvedoctor::ui
