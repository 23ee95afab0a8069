#pragma once
/// \file chart_view.h
/// The widget showing one MetricChart, with the interactions of a plotting tool: rubber-band
/// zoom (a flat band zooms x, a tall one x and y), wheel zoom on x around the pointer and
/// Ctrl+wheel on y, pan with the middle button or Shift/Ctrl+drag or the arrow keys, reset with
/// a double-click or Home, a context menu (y lock, include zero, fit y to all values; a click on
/// the legend's "off the chart" entry switches the last between all values and the bulk of
/// runs), and a hover readout
/// (nearest point's run, metric, step, smoothed and raw values, plus the findings under the
/// pointer).

#include <QChartView>
#include <QPoint>

class QRubberBand;

namespace curvedoctor::ui {
class HoverTable;
}

namespace curvedoctor::ui {

class MetricChart;

class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(MetricChart* chart, QWidget* parent = nullptr);

    [[nodiscard]] MetricChart* metricChart() const;
    /// The hover text for a point in view coordinates (what the tooltip shows); empty if none.
    [[nodiscard]] QString hoverTextAt(QPoint viewPos) const;
    /// The table of every visible run's values at the crosshair (hidden when empty).
    [[nodiscard]] HoverTable* hoverTable() const { return m_table; }
    /// Moves the crosshair to `viewPos` and fills the hover table (unless it is pinned).
    void hoverAt(QPoint viewPos);
    /// Pins the hover table where it is, or releases it.
    void togglePin(QPoint viewPos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    /// Zooms to the band from m_bandOrigin to `end` (view coordinates).
    void zoomToBand(QPoint end);

    bool m_panning = false;
    QPoint m_panLast;
    QRubberBand* m_band = nullptr;
    QPoint m_bandOrigin;
    HoverTable* m_table = nullptr;
    double m_crossX = 0.0;  ///< axis x of the crosshair
    bool m_crossShown = false;
};

}  // namespace curvedoctor::ui
