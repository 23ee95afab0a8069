#include "ui/chart/chart_panel.h"

#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/heap_trim.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/metric_chart.h"
#include "ui/follow/follow_pace.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

// Tiled layout: charts per row.
constexpr int kTileColumns = 2;
// The charts' own left margin (MetricChart's default), to which alignment adds.
constexpr int kBaseLeftMargin = 6;
// zoomToSteps on a single step shows this fraction of the data's extent around it.
constexpr double kSingleStepZoom = 0.01;
// Store changes are batched into one rebuild at least this far apart; rebuilding at most a
// third of the time leaves the rest to painting and input.
constexpr qint64 kBatchIntervalMs = 100;
constexpr qint64 kBatchCostFactor = 2;
// Followed runs' new points redraw the charts at the follow pace (follow_pace.h), and
// rebuilding takes at most a twentieth of the time.
constexpr qint64 kFollowCostFactor = 20;
// The heap is released this long after a load's end or its last rebuild (see the
// constructor): time for the window's other answers to the end of a load and the paint.
constexpr qint64 kReleaseDelayMs = 300;

}  // namespace

ChartPanel::ChartPanel(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent), m_store(store), m_settings(settings) {
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    m_empty =
        new QLabel(tr("No curves to show: open a training log, or make a run visible."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: #6b7380;"));
    m_grid->addWidget(m_empty, 0, 0);
    setAutoFillBackground(true);
    applyPalette();
    m_rebuildTimer.setSingleShot(true);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &ChartPanel::rebuild);
    connect(&m_store, &RunStore::runAdded, this,
            [this] { scheduleRebuild(kBatchIntervalMs, kBatchCostFactor); });
    // New points of followed runs: within the CPU budget of following (see scheduleRebuild).
    connect(&m_store, &RunStore::runsUpdated, this, [this] {
        // Painting (not counted in a rebuild's time) grows with the curves drawn.
        scheduleRebuild(followRedrawIntervalMs(m_store.count()), kFollowCostFactor);
    });
    // What the user did (hide, rename, remove, filter) is drawn on the next turn of the event
    // loop, still once for many changes made together; only arrivals wait for their batch.
    const auto soon = [this] { m_rebuildTimer.start(0); };
    connect(&m_store, &RunStore::runRemoved, this, soon);
    connect(&m_store, &RunStore::runChanged, this, soon);
    connect(&m_store, &RunStore::cleared, this, soon);
    connect(&m_store, &RunStore::shownChanged, this, soon);
    // A load leaves the heap holding what its threads, the rebuilds along the way and the
    // window's answers to its end (lists, tables, the paint of the last runs) freed: handed
    // back once, a moment after the load ended or after the rebuild then still waiting, when
    // the window has settled (released at once, 1 in 3 bench runs kept 0.9 bytes a point more
    // that the panels' work after it left free); at any earlier rebuild the next batch would
    // take the pages again.
    m_releaseTimer.setSingleShot(true);
    m_releaseTimer.setInterval(static_cast<int>(kReleaseDelayMs));
    connect(&m_releaseTimer, &QTimer::timeout, this, [this] {
        m_releasePending = false;
        releaseFreeHeap();
    });
    connect(&m_store, &RunStore::loadEnded, this, [this] {
        m_releasePending = true;
        if (!m_rebuildTimer.isActive()) m_releaseTimer.start();
    });
    // Every aspect but the compare layout (CompareView's business) changes the charts.
    for (auto signal : {&ViewSettings::smoothingChanged, &ViewSettings::xAxisChanged,
                        &ViewSettings::logYChanged, &ViewSettings::showRawChanged,
                        &ViewSettings::chartLayoutChanged, &ViewSettings::extraFamiliesChanged})
        connect(&m_settings, signal, this, &ChartPanel::rebuild);
}

void ChartPanel::scheduleRebuild(qint64 minGapMs, qint64 costFactor) {
    if (m_rebuildTimer.isActive()) return;
    qint64 wait = 0;
    if (m_sinceRebuild.isValid()) {
        const qint64 gap = std::max(minGapMs, costFactor * m_lastRebuildMs);
        wait = std::max<qint64>(0, gap - m_sinceRebuild.elapsed());
    }
    m_rebuildTimer.start(static_cast<int>(wait));
}

void ChartPanel::rebuildIfPending() const {
    // The charts are a cache of the store: reading them settles a pending batch first.
    if (m_rebuildTimer.isActive()) const_cast<ChartPanel*>(this)->rebuild();
}

void ChartPanel::rebuild() {
    m_rebuildTimer.stop();
    ++m_rebuildCount;
    QElapsedTimer clock;
    clock.start();
    std::vector<const RunEntry*> runs;
    std::vector<const RunEntry*> shown;
    std::vector<const RunEntry*> listed;  // hidden ones are listed in the legends, greyed
    for (const auto& e : m_store.entries()) {
        runs.push_back(&e);
        if (e.shown()) shown.push_back(&e);
        if (!e.filteredOut) listed.push_back(&e);
    }
    // A chart for a metric that no shown run has would stay empty. With every run hidden the
    // charts stay, their legends listing the hidden runs to click back on.
    const QStringList families = chartFamilies(shown.empty() ? listed : shown, m_settings);

    // Charts of families no longer shown go; the others are reused with new content.
    for (auto it = m_byFamily.begin(); it != m_byFamily.end();) {
        if (!families.contains(it.key())) {
            m_grid->removeWidget(it.value());
            it.value()->deleteLater();
            it = m_byFamily.erase(it);
        } else {
            ++it;
        }
    }
    m_views.clear();
    for (const QString& family : families) {
        ChartView* view = m_byFamily.value(family);
        if (view == nullptr) {
            auto* chart = new MetricChart;
            chart->setCurveCache(m_store.curveCache());
            view = new ChartView(chart, this);
            connect(chart, &MetricChart::xRangeChanged, this,
                    [this, chart](double lo, double hi) { onChartRange(chart, lo, hi); });
            connect(chart, &MetricChart::resetRequested, this, &ChartPanel::resetZoom);
            connect(chart, &MetricChart::legendRunClicked, this, &ChartPanel::toggleRun);
            connect(chart, &MetricChart::moreRunsRequested, this, &ChartPanel::runListRequested);
            connect(chart, &QChart::plotAreaChanged, this, [this] {
                if (m_alignPending) return;
                m_alignPending = true;
                QTimer::singleShot(0, this, &ChartPanel::alignPlotAreas);
            });
            m_byFamily.insert(family, view);
        } else {
            m_grid->removeWidget(view);
        }
        m_views << view;
        view->metricChart()->setColors(m_colors);
        view->setBackgroundBrush(m_colors.background);
    }
    const bool tiled = m_settings.chartLayout() == ChartLayout::Tiled && m_views.size() > 1;
    for (int i = 0; i < m_views.size(); ++i) {
        const int row = tiled ? i / kTileColumns : i;
        const int col = tiled ? i % kTileColumns : 0;
        m_grid->addWidget(m_views[i], row, col);
    }
    m_empty->setVisible(m_views.isEmpty());
    if (m_views.isEmpty()) m_grid->addWidget(m_empty, 0, 0);

    m_syncing = true;
    for (int i = 0; i < m_views.size(); ++i)
        static_cast<ChartView*>(m_views[i])
            ->metricChart()
            ->setContent(runs, families[i], m_settings);
    m_syncing = false;
    applySharedExtent();
    m_lastRebuildMs = clock.elapsed();
    m_sinceRebuild.start();
    if (m_releasePending) m_releaseTimer.start();
    Q_EMIT rebuilt();
}

void ChartPanel::releaseFreeHeap() {
    core::releaseFreeHeap();
    ++m_heapReleases;
}

void ChartPanel::applyPalette() {
    m_colors = ChartColors::forPalette(QGuiApplication::palette());
    QPalette pal = palette();
    pal.setColor(QPalette::Window, m_colors.background);
    setPalette(pal);
}

void ChartPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The desktop's theme changed (light to dark): the charts follow it.
    const bool palette =
        event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange;
    if (palette && ChartColors::forPalette(QGuiApplication::palette()) != m_colors) {
        applyPalette();
        rebuild();
    }
}

void ChartPanel::alignPlotAreas() {
    m_alignPending = false;
    const bool tiled = m_settings.chartLayout() == ChartLayout::Tiled && m_views.size() > 1;
    // The charts as they are: settling a pending rebuild here would draw new points of
    // followed runs as soon as the last rebuild moved a plot area, ahead of the follow pace.
    const QList<MetricChart*> all = shownCharts();
    // Charts in one layout column share a left edge.
    for (int column = 0; column < (tiled ? kTileColumns : 1); ++column) {
        QList<MetricChart*> group;
        for (int i = 0; i < all.size(); ++i)
            if (!tiled || i % kTileColumns == column) group << all[i];
        auto autoLeft = [](MetricChart* c) {
            return c->plotArea().left() - (c->margins().left() - kBaseLeftMargin);
        };
        double target = 0;
        for (MetricChart* c : group) target = std::max(target, autoLeft(c));
        for (MetricChart* c : group) {
            QMargins m = c->margins();
            const int wanted =
                kBaseLeftMargin + static_cast<int>(std::lround(target - autoLeft(c)));
            if (m.left() != wanted) {
                m.setLeft(wanted);
                c->setMargins(m);
            }
        }
    }
}

void ChartPanel::applySharedExtent() {
    // Every chart shows the union of the extents of the charts using the same x unit.
    const QList<MetricChart*> all = charts();
    m_syncing = true;
    for (MetricChart* c : all) {
        double lo = std::numeric_limits<double>::infinity(),
               hi = -std::numeric_limits<double>::infinity();
        for (MetricChart* o : all)
            if (o->effectiveXAxis() == c->effectiveXAxis() && o->curveCount() > 0) {
                lo = std::min(lo, o->dataXMin());
                hi = std::max(hi, o->dataXMax());
            }
        if (std::isfinite(lo) && hi > lo) c->setExtent(lo, hi);
    }
    m_syncing = false;
}

void ChartPanel::onChartRange(MetricChart* source, double lo, double hi) {
    if (m_syncing) return;
    m_syncing = true;
    for (MetricChart* c : charts())
        if (c != source && c->effectiveXAxis() == source->effectiveXAxis()) c->setXRange(lo, hi);
    m_syncing = false;
    Q_EMIT xRangeChanged(lo, hi);
}

void ChartPanel::zoomToSteps(std::int64_t begin, std::int64_t end) {
    if (end < begin) std::swap(begin, end);
    m_syncing = true;
    for (MetricChart* c : charts()) {
        const double lo = c->stepToX(begin);
        const double hi = c->stepToX(end);
        // A single step gets a little room around it.
        const double pad =
            hi > lo ? 0.0 : std::max(1.0, (c->dataXMax() - c->dataXMin()) * kSingleStepZoom);
        c->setXRange(lo - pad, hi + pad);
    }
    m_syncing = false;
}

void ChartPanel::toggleRun(const QString& name) {
    for (int row = 0; row < m_store.count(); ++row)
        if (m_store.at(row).name == name) m_store.setVisible(row, !m_store.at(row).visible);
}

void ChartPanel::resetZoom() {
    m_syncing = true;
    for (MetricChart* c : charts()) c->resetRange();
    m_syncing = false;
}

QList<MetricChart*> ChartPanel::charts() const {
    rebuildIfPending();
    return shownCharts();
}

QList<MetricChart*> ChartPanel::shownCharts() const {
    QList<MetricChart*> out;
    for (QChartView* v : m_views) out << static_cast<MetricChart*>(v->chart());
    return out;
}

QList<QChartView*> ChartPanel::chartViews() const {
    rebuildIfPending();
    return m_views;
}

}  // namespace curvedoctor::ui
