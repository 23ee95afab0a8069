#pragma once
/// \file report_renderer.h
/// The annotated report as PNG, SVG or PDF: a title (run names, date), one chart per metric
/// family with the doctor's annotations and a shared legend, a findings table with advice, and
/// the comparison table. Charts are MetricCharts (GroupCharts for groups) rendered offscreen,
/// so the report shows exactly what the window shows. SVG and PDF are vector: curves are paths
/// (reduced per pixel column, keeping each column's minimum and maximum), text is text. PNG and
/// SVG are one page; PDF is cut into print pages between blocks and table rows. Used by
/// File > Export Report and `curvedoctor report`.

#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "core/finding.h"
#include "core/run.h"
#include "ui/chart/group_chart.h"
#include "ui/report/report_options.h"

namespace curvedoctor::ui {

struct RunEntry;
class ViewSettings;

/// "png", "svg" or "pdf" (any case), or nullopt.
[[nodiscard]] std::optional<ReportFormat> reportFormatNamed(const QString& name);
/// The format a file name asks for by its extension, or nullopt.
[[nodiscard]] std::optional<ReportFormat> reportFormatOf(const QString& path);
/// "PNG", "SVG", "PDF".
[[nodiscard]] QString reportFormatName(ReportFormat format);

/// The PDF's logical width: the paper's width at 96 logical pixels per inch, the screen's
/// measure that the charts' point-sized text is laid out in (A4 portrait: 794, so table text
/// of 13 px prints at 9.75 pt).
[[nodiscard]] int pdfPageWidth(const ReportOptions& options);

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
    double encode = 0.0;  ///< PNG encoding and writing (SVG and PDF: 0, written while drawn).
};

/// Renders and writes the report in `options.format` on the calling thread; the file is
/// written beside its final name and renamed into place. Returns false and sets `error` (one
/// line naming the file). Qt Charts keeps process-wide text-measuring state (a static text item in
/// ChartPresenter), so charts must all live in one thread: call this on the GUI thread, or
/// (the `report` command, which has no other charts) on any one thread.
bool saveReport(const QString& path, const std::vector<const RunEntry*>& runs,
                const ViewSettings& settings, const ReportOptions& options,
                const std::vector<ReportGroup>& groups = {}, QString* error = nullptr,
                ReportTimings* timings = nullptr, ReportLayout* layout = nullptr);

}  // namespace curvedoctor::ui
