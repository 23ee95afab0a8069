#include "ui/panels/group_panel.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/chart/group_chart.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/models/group_controller.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {

GroupPanel::GroupPanel(GroupController& groups, RunStore& store, ViewSettings& settings,
                       QWidget* parent)
    : QWidget(parent),
      m_groups(groups),
      m_store(store),
      m_settings(settings),
      m_band(new QComboBox(this)),
      m_findings(new QLabel(this)) {
    m_band->addItem(tr("Band: min to max"), static_cast<int>(GroupBand::MinMax));
    m_band->addItem(tr("Band: mean ± 1 std"), static_cast<int>(GroupBand::StdDev));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::RichText);

    auto* canvas = new QWidget;
    m_chartsLayout = new QVBoxLayout(canvas);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(canvas);

    auto* top = new QHBoxLayout;
    top->addWidget(m_band);
    top->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_findings);

    connect(m_band, &QComboBox::currentIndexChanged, this, &GroupPanel::rebuild);
    connect(&m_groups, &GroupController::groupsChanged, this, &GroupPanel::rebuild);
    // Group charts are in steps, drawn linearly: only smoothing and the shown families matter.
    connect(&m_settings, &ViewSettings::smoothingChanged, this, &GroupPanel::rebuild);
    connect(&m_settings, &ViewSettings::extraFamiliesChanged, this, &GroupPanel::rebuild);
    rebuild();
}

void GroupPanel::rebuild() {
    const auto inputs = m_groups.curveInputs();
    std::vector<const RunEntry*> members;
    for (const RunGroup& g : m_groups.groups())
        for (int id : g.runIds)
            if (const int row = m_store.rowOfId(id); row >= 0) members.push_back(&m_store.at(row));
    const auto band = static_cast<GroupBand>(m_band->currentData().toInt());
    const QStringList families = chartFamilies(members, m_settings);
    for (auto it = m_viewByFamily.begin(); it != m_viewByFamily.end();) {
        m_chartsLayout->removeWidget(it.value());
        if (!families.contains(it.key())) {
            delete it.value();
            it = m_viewByFamily.erase(it);
        } else {
            ++it;
        }
    }
    m_charts.clear();
    for (const QString& family : families) {
        QChartView* view = m_viewByFamily.value(family);
        if (view == nullptr) {
            auto* chart = new GroupChart;
            chart->setCurveCache(m_store.curveCache());
            view = new QChartView(chart);
            view->setRenderHint(QPainter::Antialiasing);
            view->setMinimumHeight(260);
            m_viewByFamily.insert(family, view);
        }
        auto* chart = static_cast<GroupChart*>(view->chart());
        chart->setContent(inputs, family, m_settings, band);
        m_chartsLayout->addWidget(view);
        m_charts << chart;
    }
    QStringList lines;
    for (const RunGroup& g : m_groups.groups())
        for (const core::Finding& f : g.findings)
            lines << QStringLiteral(
                         "<b style='color:%1'>%2</b> — <span style='color:%3'>%4</span>: %5 "
                         "<i>%6</i>")
                         .arg(g.color.name(), g.name.toHtmlEscaped(), findingColor(f.kind).name(),
                              findingKindId(f.kind),
                              QString::fromStdString(f.message).toHtmlEscaped(),
                              QString::fromStdString(f.advice).toHtmlEscaped());
    if (m_groups.groups().isEmpty())
        m_findings->setText(
            tr("No groups yet: select runs in the comparison table and group them, "
               "or group by a name pattern."));
    else
        m_findings->setText(lines.isEmpty() ? tr("No group findings.")
                                            : lines.join(QStringLiteral("<br>")));
}

}  // namespace curvedoctor::ui
