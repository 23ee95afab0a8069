// MetricChart's colours (declared in metric_chart.h): background, axes, legend.
#include <QCategoryAxis>

#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {

void MetricChart::setColors(const ChartColors& colors) {
    if (colors == m_colors) return;
    m_colors = colors;
    applyColors();
}

void MetricChart::applyColors() {
    setBackgroundBrush(m_colors.background);
    for (QCategoryAxis* a : {m_xAxis, m_yAxis}) {
        a->setLabelsColor(m_colors.axisLabel);
        a->setGridLineColor(m_colors.grid);
        a->setLinePenColor(m_colors.axisLine);
        a->setTitleBrush(m_colors.axisLabel);
    }
    m_overlay->setColors(m_colors);
    update();
}

}  // namespace curvedoctor::ui
