#pragma once
/// \file chart_panel.h
/// The viewer's chart area: one MetricChart per metric family, stacked or tiled, kept in step
/// with the RunStore and ViewSettings. Zooming one chart's x-range zooms all of them.
/// Changes of the store are batched: a sweep's runs arrive by the hundred, and each rebuild
/// redraws every chart over every run, so the charts rebuild once per batch of arrivals (after
/// a zero-timer for the first one, then at most every kBatchInterval or twice the last
/// rebuild's time, whichever is longer), never once per run. Once a load ends and the window
/// settled on its last runs, the heap's free pages go back to the system (core/heap_trim.h).
/// New points
/// of followed runs (RunStore::runsUpdated) rebuild within a tighter CPU budget (see
/// chart_panel.cpp). A view setting rebuilds at once.

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>
#include <cstdint>

#include "ui/chart/chart_colors.h"

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
    /// The charts currently shown, top to bottom (for tests and export). A rebuild still
    /// waiting for its batch runs first, so they always show the store as it is.
    [[nodiscard]] QList<MetricChart*> charts() const;
    [[nodiscard]] QList<QChartView*> chartViews() const;
    /// How many times the charts were rebuilt since construction (tests, benchmarks).
    [[nodiscard]] int rebuildCount() const { return m_rebuildCount; }
    /// How many times the heap's free pages were handed back after a load (tests, benchmarks).
    [[nodiscard]] int heapReleases() const { return m_heapReleases; }

public Q_SLOTS:
    /// Rebuilds the charts from the store and settings.
    void rebuild();

Q_SIGNALS:
    /// The shared x-range changed by a user zoom/pan in any chart.
    void xRangeChanged(double lo, double hi);
    /// The charts were rebuilt from the store (after new runs, new points, a setting): the
    /// moment new data is on screen (latency benchmark, tests).
    void rebuilt();
    /// A legend's "N more" was clicked: the run list lists them all.
    void runListRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Rebuilds once the current batch of store changes is in (see the file comment): at least
    /// `minGapMs` and `costFactor` times the last rebuild's time after the last rebuild.
    void scheduleRebuild(qint64 minGapMs, qint64 costFactor);
    /// The chart colours of the application's palette (ChartColors::forPalette).
    void applyPalette();
    void rebuildIfPending() const;
    /// Hands the heap's free pages back (core::releaseFreeHeap) and counts it.
    void releaseFreeHeap();
    /// The charts now shown, without settling a pending rebuild.
    [[nodiscard]] QList<MetricChart*> shownCharts() const;
    void onChartRange(MetricChart* source, double lo, double hi);
    void applySharedExtent();
    /// Lines up the plot areas' left edges (y labels differ in width per chart).
    void alignPlotAreas();

    RunStore& m_store;
    ViewSettings& m_settings;
    QGridLayout* m_grid = nullptr;
    QLabel* m_empty = nullptr;
    ChartColors m_colors;
    QList<QChartView*> m_views;
    QHash<QString, ChartView*> m_byFamily;  ///< charts are kept per family and reused
    bool m_syncing = false;
    bool m_alignPending = false;
    QTimer m_rebuildTimer;
    QElapsedTimer m_sinceRebuild;  ///< started at the end of each rebuild
    qint64 m_lastRebuildMs = 0;
    int m_rebuildCount = 0;
    /// A load ended: the heap is released kReleaseDelayMs after it, or after the rebuild that
    /// was still waiting then, by m_releaseTimer.
    bool m_releasePending = false;
    QTimer m_releaseTimer;
    int m_heapReleases = 0;
};

}  // namespace curvedoctor::ui
