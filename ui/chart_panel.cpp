#include "ui/chart_panel.h"

#include <QChartView>
#include <QVBoxLayout>

#include "ui/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

ChartPanel::ChartPanel(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent), m_store(store), m_settings(settings) {
    new QVBoxLayout(this);
    connect(&m_store, &RunStore::runAdded, this, &ChartPanel::rebuild);
    connect(&m_store, &RunStore::runRemoved, this, &ChartPanel::rebuild);
    connect(&m_store, &RunStore::runChanged, this, &ChartPanel::rebuild);
    connect(&m_store, &RunStore::cleared, this, &ChartPanel::rebuild);
    connect(&m_settings, &ViewSettings::changed, this, &ChartPanel::rebuild);
}

void ChartPanel::rebuild() {
    for (QChartView* v : m_views) v->deleteLater();
    m_views.clear();
    std::vector<const RunEntry*> runs;
    for (const auto& e : m_store.entries()) runs.push_back(&e);
    for (const QString& family : chartFamilies(runs, m_settings)) {
        auto* chart = new MetricChart;
        chart->setContent(runs, family, m_settings);
        auto* view = new QChartView(chart, this);
        layout()->addWidget(view);
        m_views << view;
    }
}

void ChartPanel::zoomToSteps(std::int64_t begin, std::int64_t end) {
    for (MetricChart* c : charts()) c->setXRange(static_cast<double>(begin), static_cast<double>(end));
}

void ChartPanel::resetZoom() {
    for (MetricChart* c : charts()) c->resetRange();
    rebuild();
}

QList<MetricChart*> ChartPanel::charts() const {
    QList<MetricChart*> out;
    for (QChartView* v : m_views) out << static_cast<MetricChart*>(v->chart());
    return out;
}

QList<QChartView*> ChartPanel::chartViews() const { return m_views; }

}  // namespace curvedoctor::ui
