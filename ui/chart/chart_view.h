#pragma once
/// \file chart_view.h
/// The widget showing one MetricChart, with the interactions of a plotting tool: rubber-band
/// zoom on x, wheel zoom around the pointer, pan with the middle button or Shift/Ctrl+drag or
/// the arrow keys, reset with a double-click or Home, and a hover readout (nearest point's run,
/// metric, step, smoothed and raw values, plus the findings under the pointer).

#include <QChartView>
#include <QPoint>

namespace curvedoctor::ui {

class MetricChart;

class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(MetricChart* chart, QWidget* parent = nullptr);

    [[nodiscard]] MetricChart* metricChart() const;
    /// The hover text for a point in view coordinates (what the tooltip shows); empty if none.
    [[nodiscard]] QString hoverTextAt(QPoint viewPos) const;

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    bool m_panning = false;
    QPoint m_panLast;
};

}  // namespace curvedoctor::ui
