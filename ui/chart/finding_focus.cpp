#include "ui/chart/finding_focus.h"

#include <vector>

#include "core/metric_role.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

FindingFocus::FindingFocus(RunStore& store, ViewSettings& settings, ChartPanel& charts,
                           QObject* parent)
    : QObject(parent), m_store(store), m_settings(settings), m_charts(charts) {}

void FindingFocus::show(int runId, std::int64_t beginStep, std::int64_t endStep,
                        const QString& metric) {
    const int row = m_store.rowOfId(runId);
    if (row < 0) return;
    const QString name = m_store.at(row).name;
    m_store.setVisible(row, true);
    if (!metric.isEmpty()) {
        const QString family =
            QString::fromStdString(m_store.at(row).run->info(metric.toStdString()).family);
        std::vector<const RunEntry*> runs;
        for (const RunEntry& e : m_store.entries()) runs.push_back(&e);
        if (!chartFamilies(runs, m_settings).contains(family))
            m_settings.setExtraFamilies(m_settings.extraFamilies() << family);
    }
    // The charts as they are now (a rebuild may otherwise wait for the event loop), so that
    // the zoom below lands on the charts that will be shown.
    m_charts.rebuild();
    for (MetricChart* c : m_charts.charts())
        if (!c->focusRun(name, beginStep, endStep)) c->setHighlightedRun(name);
}

}  // namespace curvedoctor::ui
