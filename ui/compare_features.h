#pragma once
/// \file compare_features.h
/// Plugs comparing and reporting into a MainWindow through its public extension points:
/// a "Comparison" tab (table + name filter + layout switch) and a "Groups" tab (group charts,
/// group from selection or by name pattern) in bottomTabs(), and File > Export actions:
/// Export Report (Ctrl+E), Copy Chart Image, Export Chart as PNG/SVG.
/// Usage, at the end of MainWindow's constructor: `new CompareFeatures(*this);`

#include <QObject>
#include <QPointer>
#include <QString>

#include "ui/report_export_job.h"
#include "ui/report_renderer.h"

class QChart;

namespace curvedoctor::ui {

class ComparisonPanel;
class GroupController;
class GroupPanel;
class MainWindow;
class ReportExportJob;

class CompareFeatures : public QObject {
    Q_OBJECT
public:
    /// Parented to `window`; adds its tabs and actions immediately.
    explicit CompareFeatures(MainWindow& window);

    [[nodiscard]] ComparisonPanel* comparisonPanel() const { return m_comparison; }
    [[nodiscard]] GroupController* groups() const { return m_groups; }
    [[nodiscard]] GroupPanel* groupPanel() const { return m_groupPanel; }

    /// Writes the report of the visible runs (and the groups, when `withGroups` and there are
    /// any). Returns false and sets `error` on failure.
    bool exportReport(const QString& path, const ReportOptions& options, bool withGroups,
                      QString* error = nullptr) const;
    /// What Export Report does: draws the page on the GUI thread (Qt Charts allows no other),
    /// then encodes and writes it on a pool thread; a busy dialog with Cancel appears if that
    /// takes over half a second; reportExportFinished follows. A second export cancels the
    /// first.
    ReportExportJob* startReportExport(const QString& path, const ReportOptions& options,
                                       bool withGroups);
    /// The chart of `family` in the window's chart panel, or null.
    [[nodiscard]] QChart* chartOf(const QString& family) const;

Q_SIGNALS:
    /// `error` is empty when the export was cancelled.
    void reportExportFinished(bool written, const QString& error);

public Q_SLOTS:
    void exportReportDialog();
    void copyChartImage();
    void exportChartDialog();
    void groupSelectedRuns();
    void groupByPatternDialog();

private:
    /// The chart the user means: the one with keyboard focus or under the mouse, else asks.
    QChart* pickChart(const QString& purpose);
    [[nodiscard]] std::vector<ReportGroup> reportGroups(bool withGroups) const;

    MainWindow& m_window;
    ComparisonPanel* m_comparison;
    GroupController* m_groups;
    GroupPanel* m_groupPanel;
    QPointer<ReportExportJob> m_export;
};

}  // namespace curvedoctor::ui
