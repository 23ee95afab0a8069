#pragma once
/// \file export_actions.h
/// File > Export: Export Report (Ctrl+E; PNG, SVG or PDF), Copy Chart Image (Ctrl+Shift+C),
/// Export Chart as PNG, SVG or PDF, Export Chart Data as CSV (what the chart draws). Reads the
/// visible runs, the view settings, the groups and the overlay charts it is given; writes only the
/// files the user picks.

#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

#include "ui/report/report_export_job.h"
#include "ui/report/report_renderer.h"

class QChart;
class QMainWindow;
class QMenu;

namespace curvedoctor::ui {

class ChartPanel;
class GroupController;
class RunStore;
class ViewSettings;

class ExportActions : public QObject {
    Q_OBJECT
public:
    /// Adds its actions to `menu` and their shortcuts to `window` (a menu not yet shown would
    /// not see them); dialogs and status messages go to `window`, which parents this object.
    ExportActions(const RunStore& store, const ViewSettings& settings,
                  const GroupController& groups, const ChartPanel& charts, QMenu& menu,
                  QMainWindow& window);

    /// Writes the report of the visible runs (and the groups, when `withGroups` and there are
    /// any). Returns false and sets `error` on failure.
    bool exportReport(const QString& path, const ReportOptions& options, bool withGroups,
                      QString* error = nullptr) const;
    /// What Export Report does: draws the page on the GUI thread (Qt Charts allows no other),
    /// then encodes and writes a PNG on a pool thread; a busy dialog with Cancel appears if
    /// that takes over half a second; reportExportFinished follows. A second export cancels
    /// the first. SVG and PDF are written while drawn, on the GUI thread: null is returned
    /// and reportExportFinished has been emitted already.
    ReportExportJob* startReportExport(const QString& path, const ReportOptions& options,
                                       bool withGroups);
    /// Writes what `chart` draws (a MetricChart's dataCsv) to `path`. Returns false and sets
    /// `error` on failure.
    static bool exportChartData(const QChart& chart, const QString& path, QString* error = nullptr);
    /// The chart of `family` in the overlay chart panel, or null.
    [[nodiscard]] QChart* chartOf(const QString& family) const;

Q_SIGNALS:
    /// `error` is empty when the export was cancelled.
    void reportExportFinished(bool written, const QString& error);

public Q_SLOTS:
    void exportReportDialog();
    void copyChartImage();
    void exportChartDialog();
    void exportChartDataDialog();

private:
    /// The chart the user means: the one with keyboard focus or under the mouse, else asks.
    QChart* pickChart(const QString& purpose);
    [[nodiscard]] std::vector<ReportGroup> reportGroups(bool withGroups) const;

    const RunStore& m_store;
    const ViewSettings& m_settings;
    const GroupController& m_groups;
    const ChartPanel& m_charts;
    QMainWindow& m_window;
    QPointer<ReportExportJob> m_export;
};

}  // namespace curvedoctor::ui
