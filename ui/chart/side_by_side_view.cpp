#include "ui/chart/side_by_side_view.h"

#include <QChartView>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/chart/metric_chart.h"
#include "ui/follow/follow_pace.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

// Small multiples stay readable down to about this size; below it the grid scrolls.
constexpr int kMinChartWidth = 240;
constexpr int kMinChartHeight = 170;

}  // namespace

SideBySideView::SideBySideView(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent), m_store(store), m_settings(settings), m_canvas(new QWidget) {
    m_grid = new QGridLayout(m_canvas);
    m_grid->setSpacing(4);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_canvas);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&m_store, &RunStore::runAdded, this, &SideBySideView::scheduleRebuild);
    connect(&m_store, &RunStore::runRemoved, this, &SideBySideView::scheduleRebuild);
    connect(&m_store, &RunStore::runChanged, this, &SideBySideView::scheduleRebuild);
    connect(&m_store, &RunStore::runsUpdated, this, &SideBySideView::onRunsUpdated);
    m_pace.setSingleShot(true);
    connect(&m_pace, &QTimer::timeout, this, &SideBySideView::refreshContent);
    connect(&m_store, &RunStore::cleared, this, &SideBySideView::scheduleRebuild);
    connect(&m_store, &RunStore::shownChanged, this, &SideBySideView::scheduleRebuild);
    // Everything a MetricChart shows except the two layouts (the columns are the layout).
    for (auto signal :
         {&ViewSettings::smoothingChanged, &ViewSettings::xAxisChanged, &ViewSettings::logYChanged,
          &ViewSettings::showRawChanged, &ViewSettings::extraFamiliesChanged})
        connect(&m_settings, signal, this, &SideBySideView::scheduleRebuild);
    m_dirty = true;
}

void SideBySideView::scheduleRebuild() {
    if (isVisible()) {
        rebuild();
    } else {
        m_dirty = true;
    }
}

void SideBySideView::onRunsUpdated() {
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    if (m_pace.isActive()) return;
    const qint64 gap = followRedrawIntervalMs(m_store.count());
    const qint64 since = m_sinceUpdate.isValid() ? m_sinceUpdate.elapsed() : gap;
    m_pace.start(static_cast<int>(std::max<qint64>(0, gap - since)));
}

void SideBySideView::refreshContent() {
    std::vector<const RunEntry*> runs;
    QList<int> ids;
    for (const RunEntry& e : m_store.entries())
        if (e.shown()) {
            runs.push_back(&e);
            ids << e.id;
        }
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    if (ids != m_columnRunIds || chartFamilies(runs, m_settings) != m_families) {
        rebuild();
        return;
    }
    ++m_updates;
    for (int r = 0; r < m_families.size(); ++r)
        for (std::size_t c = 0; c < runs.size(); ++c)
            chartAt(r, static_cast<int>(c))->setContent({runs[c]}, m_families[r], m_settings);
    m_sinceUpdate.start();
}

void SideBySideView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty) rebuild();
}

MetricChart* SideBySideView::chartAt(int row, int column) const {
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) return nullptr;
    return m_charts.value(row * columnCount() + column);
}

void SideBySideView::clearGrid() {
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();  // a QChartView owns its chart
        delete item;
    }
    m_charts.clear();
    m_views.clear();
    m_columnRunIds.clear();
}

void SideBySideView::rebuild() {
    m_dirty = false;
    m_pace.stop();
    ++m_updates;
    m_sinceUpdate.start();
    clearGrid();
    std::vector<const RunEntry*> runs;
    for (const RunEntry& e : m_store.entries())
        if (e.shown()) runs.push_back(&e);
    m_families = chartFamilies(runs, m_settings);
    for (std::size_t c = 0; c < runs.size(); ++c) {
        const RunEntry* e = runs[c];
        m_columnRunIds << e->id;
        auto* header = new QLabel(e->name);
        header->setAlignment(Qt::AlignCenter);
        header->setStyleSheet(
            QStringLiteral("QLabel { font-weight: bold; color: %1; }").arg(e->color.name()));
        m_grid->addWidget(header, 0, static_cast<int>(c));
    }
    const ChartColors colors = ChartColors::forPalette(QGuiApplication::palette());
    for (int r = 0; r < m_families.size(); ++r) {
        for (std::size_t c = 0; c < runs.size(); ++c) {
            auto* chart = new MetricChart;
            chart->setColors(colors);
            chart->setCurveCache(m_store.curveCache());
            chart->setContent({runs[c]}, m_families[r], m_settings);
            chart->legend()->setVisible(false);
            chart->setMargins(QMargins(2, 2, 2, 2));
            auto* view = new QChartView(chart);
            view->setRenderHint(QPainter::Antialiasing);
            view->setBackgroundBrush(colors.background);
            view->setRubberBand(QChartView::HorizontalRubberBand);
            view->setMinimumSize(kMinChartWidth, kMinChartHeight);
            m_grid->addWidget(view, r + 1, static_cast<int>(c));
            m_charts << chart;
            m_views << view;
            connect(chart, &MetricChart::xRangeChanged, this, &SideBySideView::setXRange);
        }
    }
}

void SideBySideView::setXRange(double lo, double hi) {
    // Each chart announces its own change again; the flag stops the echo.
    if (m_syncing) return;
    m_syncing = true;
    for (MetricChart* c : m_charts)
        if (c->xMin() != lo || c->xMax() != hi) c->setXRange(lo, hi);
    m_syncing = false;
}

}  // namespace curvedoctor::ui
