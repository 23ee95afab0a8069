#include "ui/chart/chart_view.h"

#include <QGraphicsEffect>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmapCache>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {
namespace {

// One wheel notch (120 units) zooms by this factor; arrow keys pan by this fraction.
constexpr double kWheelZoomPerNotch = 0.8;
constexpr double kKeyPanFraction = 0.1;

// Draws the chart and everything in it from one cached pixmap. Qt re-renders the pixmap only
// when something in the chart changed, so repaints that change nothing (expose, tooltips,
// the rubber band, other widgets) cost one blit instead of redrawing every curve.
class ChartCacheEffect : public QGraphicsEffect {
public:
    using QGraphicsEffect::QGraphicsEffect;

protected:
    void draw(QPainter* painter) override {
        QPoint offset;
        const QPixmap pixmap = sourcePixmap(Qt::DeviceCoordinates, &offset, QGraphicsEffect::NoPad);
        const QTransform saved = painter->worldTransform();
        painter->setWorldTransform(QTransform());
        painter->drawPixmap(offset, pixmap);
        painter->setWorldTransform(saved);
    }
};

// Room in Qt's pixmap cache for the cached charts of a window (a 1920 x 1080 chart is 8 MB).
constexpr int kPixmapCacheKb = 96 * 1024;

}  // namespace

ChartView::ChartView(MetricChart* chart, QWidget* parent) : QChartView(chart, parent) {
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setMinimumSize(260, 170);
    // Antialiased curves: the reduced series are small enough (<= 4 points per pixel column).
    setRenderHint(QPainter::Antialiasing, true);
    setBackgroundBrush(Qt::white);
    if (QPixmapCache::cacheLimit() < kPixmapCacheKb) QPixmapCache::setCacheLimit(kPixmapCacheKb);
    chart->setGraphicsEffect(new ChartCacheEffect(chart));
}

MetricChart* ChartView::metricChart() const {
    return static_cast<MetricChart*>(chart());
}

QString ChartView::hoverTextAt(QPoint viewPos) const {
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewPos));
    QStringList parts;
    const QString readout = metricChart()->readoutAt(chartPos);
    if (!readout.isEmpty()) parts << readout;
    for (const QString& f : metricChart()->findingsAt(chartPos)) parts << f.toHtmlEscaped();
    return parts.join(QStringLiteral("<hr>"));
}

void ChartView::wheelEvent(QWheelEvent* event) {
    MetricChart* c = metricChart();
    const QRectF a = c->plotArea();
    const QPointF pos = c->mapFromScene(mapToScene(event->position().toPoint()));
    const double t = a.width() > 0 ? std::clamp((pos.x() - a.left()) / a.width(), 0.0, 1.0) : 0.5;
    const double center = c->xMin() + t * (c->xMax() - c->xMin());
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0) c->zoomX(std::pow(kWheelZoomPerNotch, notches), center);
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent* event) {
    const bool panButton = event->button() == Qt::MiddleButton ||
                           (event->button() == Qt::LeftButton &&
                            (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)));
    if (panButton) {
        m_panning = true;
        m_panLast = event->pos();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        MetricChart* c = metricChart();
        const double w = c->plotArea().width();
        if (w > 0) c->panX(-(event->pos().x() - m_panLast.x()) / w);
        m_panLast = event->pos();
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton) {
        const QString text = hoverTextAt(event->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        // Qt's default zooms out both axes; zoom out x only, around the middle.
        MetricChart* c = metricChart();
        c->zoomX(2.0, (c->xMin() + c->xMax()) / 2);
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    metricChart()->resetRange();
    Q_EMIT metricChart()->resetRequested();
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent* event) {
    MetricChart* c = metricChart();
    const double mid = (c->xMin() + c->xMax()) / 2;
    switch (event->key()) {
        case Qt::Key_Left:
            c->panX(-kKeyPanFraction);
            break;
        case Qt::Key_Right:
            c->panX(kKeyPanFraction);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Up:
            c->zoomX(kWheelZoomPerNotch, mid);
            break;
        case Qt::Key_Minus:
        case Qt::Key_Down:
            c->zoomX(1.0 / kWheelZoomPerNotch, mid);
            break;
        case Qt::Key_Home:
        case Qt::Key_0:
            c->resetRange();
            Q_EMIT c->resetRequested();
            break;
        default:
            QChartView::keyPressEvent(event);
            return;
    }
    event->accept();
}

void ChartView::leaveEvent(QEvent* event) {
    QToolTip::hideText();
    QChartView::leaveEvent(event);
}

}  // namespace curvedoctor::ui
