#pragma once
/// \file side_by_side_view.h
/// The "side by side" compare layout: a grid of small MetricCharts, one column per visible
/// run and one row per chart family (chartFamilies of all visible runs), with the x-axes
/// synchronised: zooming or panning one chart zooms all of them. New points of followed runs
/// redraw the charts in place at the follow pace (follow_pace.h); hidden, it only notes that
/// it is behind and catches up when shown.

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

class QChartView;
class QGridLayout;

namespace curvedoctor::ui {

class MetricChart;
class RunStore;
class ViewSettings;

class SideBySideView : public QWidget {
    Q_OBJECT
public:
    SideBySideView(RunStore& store, ViewSettings& settings, QWidget* parent = nullptr);

    [[nodiscard]] int columnCount() const { return static_cast<int>(m_columnRunIds.size()); }
    [[nodiscard]] int rowCount() const { return static_cast<int>(m_families.size()); }
    [[nodiscard]] QStringList families() const { return m_families; }
    /// RunEntry id shown in each column, left to right.
    [[nodiscard]] QList<int> columnRunIds() const { return m_columnRunIds; }
    /// The chart at (family row, run column), or null.
    [[nodiscard]] MetricChart* chartAt(int row, int column) const;
    [[nodiscard]] QList<MetricChart*> charts() const { return m_charts; }
    /// Rebuilds and in-place redraws since construction (tests).
    [[nodiscard]] int updateCount() const { return m_updates; }

public Q_SLOTS:
    void rebuild();
    /// Shows x in [lo, hi] on every chart.
    void setXRange(double lo, double hi);

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// Rebuilds now when shown; when hidden (overlay layout) only remembers to on show.
    void scheduleRebuild();
    /// New points of followed runs: redraws at the follow pace when shown.
    void onRunsUpdated();
    /// Gives the charts their runs' new content; rebuilds when the columns or rows changed.
    void refreshContent();
    void clearGrid();

    RunStore& m_store;
    ViewSettings& m_settings;
    QGridLayout* m_grid;
    QWidget* m_canvas;
    QStringList m_families;
    QList<int> m_columnRunIds;
    QList<MetricChart*> m_charts;  ///< row-major: row * columnCount() + column.
    QList<QChartView*> m_views;
    bool m_syncing = false;
    bool m_dirty = false;
    int m_updates = 0;
    QTimer m_pace;                ///< the next redraw for new points
    QElapsedTimer m_sinceUpdate;  ///< since the last rebuild or redraw
};

}  // namespace curvedoctor::ui
