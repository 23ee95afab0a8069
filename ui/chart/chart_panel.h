#pragma once
/// \file chart_panel.h
/// The viewer's chart area: one MetricChart per metric family, stacked or tiled, kept in step
/// with the RunStore and ViewSettings. Zooming one chart's x-range zooms all of them.

#include <QHash>
#include <QList>
#include <QWidget>
#include <cstdint>

class QChartView;
class QGridLayout;
class QLabel;

namespace curvedoctor::ui {

class ChartView;
class MetricChart;
class RunStore;
class ViewSettings;

class ChartPanel : public QWidget {
    Q_OBJECT
public:
    ChartPanel(RunStore& store, ViewSettings& settings, QWidget* parent = nullptr);

    /// Zooms every chart's x-axis to the steps [begin, end] (converted to the current x unit).
    void zoomToSteps(std::int64_t begin, std::int64_t end);
    /// Shows the full extent of the data.
    void resetZoom();
    /// Shows or hides the run named `name` (a click on its legend entry).
    void toggleRun(const QString& name);
    /// The charts currently shown, top to bottom (for tests and export).
    [[nodiscard]] QList<MetricChart*> charts() const;
    [[nodiscard]] QList<QChartView*> chartViews() const;

public Q_SLOTS:
    /// Rebuilds the charts from the store and settings.
    void rebuild();

Q_SIGNALS:
    /// The shared x-range changed by a user zoom/pan in any chart.
    void xRangeChanged(double lo, double hi);
    /// A legend's "N more" was clicked: the run list lists them all.
    void runListRequested();

private:
    void onChartRange(MetricChart* source, double lo, double hi);
    void applySharedExtent();
    /// Lines up the plot areas' left edges (y labels differ in width per chart).
    void alignPlotAreas();

    RunStore& m_store;
    ViewSettings& m_settings;
    QGridLayout* m_grid = nullptr;
    QLabel* m_empty = nullptr;
    QList<QChartView*> m_views;
    QHash<QString, ChartView*> m_byFamily;  ///< charts are kept per family and reused
    bool m_syncing = false;
    bool m_alignPending = false;
};

}  // namespace curvedoctor::ui
