#include "ui/chart/chart_view.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGraphicsEffect>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmapCache>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/chart/finding_overlay.h"
#include "ui/chart/hover_table.h"
#include "ui/chart/metric_chart.h"

namespace curvedoctor::ui {
namespace {

// One wheel notch (120 units) zooms by this factor; arrow keys pan by this fraction.
constexpr double kWheelZoomPerNotch = 0.8;
constexpr double kKeyPanFraction = 0.1;
// A rubber band flatter than this (pixels) zooms x only: a drag along the curves rarely
// keeps the hand perfectly level. Narrower than kMinBand in both directions: a click.
constexpr int kFlatBand = 16;
constexpr int kMinBand = 4;
// The hover table's distance from the pointer (pixels).
constexpr int kTableOffset = 16;
// Height of one hover table row (8.5 pt text and padding), for how many fit in the chart.
constexpr double kTableRowPixels = 17.0;

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
    // The band is drawn and applied here (zoomToBand): QChart::zoomIn would refit y through the
    // chart's own fit while changing both ranges.
    setRubberBand(QChartView::NoRubberBand);
    m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_band->hide();
    m_table = new HoverTable(viewport());
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
    // The values are in the hover table; the tooltip tells what is marked under the pointer.
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewPos));
    QStringList parts;
    for (const QString& f : metricChart()->findingsAt(chartPos)) parts << f.toHtmlEscaped();
    return parts.join(QStringLiteral("<hr>"));
}

void ChartView::hoverAt(QPoint viewPos) {
    if (m_table->isPinned()) return;
    MetricChart* c = metricChart();
    const QPointF pos = c->mapFromScene(mapToScene(viewPos));
    const QRectF a = c->plotArea();
    m_crossShown = a.contains(pos) && a.width() > 0;
    if (!m_crossShown) {
        m_table->setRows({}, {});
        viewport()->update();
        return;
    }
    m_crossX = c->xMin() + (pos.x() - a.left()) / a.width() * (c->xMax() - c->xMin());
    // As many rows as the chart has room for (a header and the "more" line besides).
    m_table->setMaxRows(static_cast<int>(viewport()->height() / kTableRowPixels) - 3);
    m_table->setRows(c->hoverRowsAt(m_crossX, pos.y()), c->xTitle());
    // Beside the pointer, on the side with room.
    QPoint at = viewPos + QPoint(kTableOffset, kTableOffset);
    if (at.x() + m_table->width() > viewport()->width())
        at.setX(viewPos.x() - kTableOffset - m_table->width());
    if (at.y() + m_table->height() > viewport()->height())
        at.setY(std::max(0, viewport()->height() - m_table->height()));
    m_table->move(std::max(0, at.x()), at.y());
    viewport()->update();
}

void ChartView::togglePin(QPoint viewPos) {
    if (m_table->isPinned()) {
        m_table->setPinned(false);
        hoverAt(viewPos);
    } else if (m_table->isVisible()) {
        m_table->setPinned(true);
    }
}

void ChartView::drawForeground(QPainter* painter, const QRectF& rect) {
    QChartView::drawForeground(painter, rect);
    MetricChart* c = metricChart();
    if (!m_crossShown || !(c->xMax() > c->xMin())) return;
    const QRectF a = c->plotArea();
    const double x = a.left() + (m_crossX - c->xMin()) / (c->xMax() - c->xMin()) * a.width();
    if (x < a.left() || x > a.right()) return;
    const QPointF top = c->mapToScene(QPointF(x, a.top()));
    const QPointF bottom = c->mapToScene(QPointF(x, a.bottom()));
    painter->save();
    painter->setPen(QPen(QColor(0x6b, 0x73, 0x80, 160), 1, Qt::DashLine));
    painter->drawLine(top, bottom);
    painter->restore();
}

void ChartView::wheelEvent(QWheelEvent* event) {
    MetricChart* c = metricChart();
    const QRectF a = c->plotArea();
    const QPointF pos = c->mapFromScene(mapToScene(event->position().toPoint()));
    const double t = a.width() > 0 ? std::clamp((pos.x() - a.left()) / a.width(), 0.0, 1.0) : 0.5;
    const double center = c->xMin() + t * (c->xMax() - c->xMin());
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0 && (event->modifiers() & Qt::ControlModifier)) {
        const double ty =
            a.height() > 0 ? std::clamp((a.bottom() - pos.y()) / a.height(), 0.0, 1.0) : 0.5;
        c->zoomY(std::pow(kWheelZoomPerNotch, notches), c->yMin() + ty * (c->yMax() - c->yMin()));
    } else if (notches != 0.0) {
        c->zoomX(std::pow(kWheelZoomPerNotch, notches), center);
    }
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
    if (event->button() == Qt::LeftButton) {
        MetricChart* c = metricChart();
        const LegendItem item =
            c->overlay()->legendItemAt(c->mapFromScene(mapToScene(event->pos())));
        if (item.type == LegendItem::Type::Run || item.type == LegendItem::Type::More ||
            item.type == LegendItem::Type::OffScale) {
            if (item.type == LegendItem::Type::Run)
                Q_EMIT c->legendRunClicked(item.label);
            else if (item.type == LegendItem::Type::More)
                Q_EMIT c->moreRunsRequested();
            else  // what is off the chart, shown whole; or back to the bulk of runs
                c->setFitAllY(!c->fitsAllY());
            event->accept();
            return;
        }
        m_bandOrigin = event->pos();
        m_band->setGeometry(QRect(m_bandOrigin, QSize()));
        m_band->show();
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
    if (m_band->isVisible()) {
        m_band->setGeometry(QRect(m_bandOrigin, event->pos()).normalized());
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton) {
        hoverAt(event->pos());
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
    if (event->button() == Qt::LeftButton && m_band->isVisible()) {
        m_band->hide();
        const QRect band = QRect(m_bandOrigin, event->pos()).normalized();
        if (band.width() < kMinBand && band.height() < kMinBand)
            togglePin(event->pos());  // a click, not a drag
        else
            zoomToBand(event->pos());
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::zoomToBand(QPoint end) {
    const QRect band = QRect(m_bandOrigin, end).normalized();
    if (band.width() < kMinBand && band.height() < kMinBand) return;
    MetricChart* c = metricChart();
    const QPointF p0 = c->mapToValue(c->mapFromScene(mapToScene(band.topLeft())));
    const QPointF p1 = c->mapToValue(c->mapFromScene(mapToScene(band.bottomRight())));
    if (band.height() >= kFlatBand)
        c->setYRange(std::min(p0.y(), p1.y()), std::max(p0.y(), p1.y()));
    if (band.width() >= kMinBand) c->setXRange(std::min(p0.x(), p1.x()), std::max(p0.x(), p1.x()));
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
    MetricChart* c = metricChart();
    QMenu menu(this);
    menu.addAction(tr("Zoom Out"), this, [c] { c->zoomX(2.0, (c->xMin() + c->xMax()) / 2); });
    menu.addAction(tr("Reset Zoom"), this, [c] {
        c->resetRange();
        c->setYLocked(false);
        Q_EMIT c->resetRequested();
    });
    menu.addSeparator();
    QAction* lock = menu.addAction(tr("Lock Y Range"), this, [c](bool on) { c->setYLocked(on); });
    lock->setCheckable(true);
    lock->setChecked(c->isYLocked());
    QAction* zero =
        menu.addAction(tr("Include Zero"), this, [c](bool on) { c->setIncludeZero(on); });
    zero->setCheckable(true);
    zero->setChecked(c->includesZero());
    zero->setEnabled(!c->isLogY());
    QAction* all =
        menu.addAction(tr("Fit Y to All Values"), this, [c](bool on) { c->setFitAllY(on); });
    all->setCheckable(true);
    all->setChecked(c->fitsAllY());
    all->setToolTip(
        tr("Off: y fits the bulk of runs; spikes and the climbs of the few runs "
           "far past the rest are clipped and marked at the edge"));
    menu.exec(event->globalPos());
    event->accept();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    m_band->hide();
    metricChart()->setHighlightedRun({});
    metricChart()->setYLocked(false);
    metricChart()->resetRange();
    Q_EMIT metricChart()->resetRequested();
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent* event) {
    MetricChart* c = metricChart();
    if (event->matches(QKeySequence::Copy) && !m_table->rows().rows.empty()) {
        QGuiApplication::clipboard()->setText(m_table->toTsv());
        event->accept();
        return;
    }
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
            c->setHighlightedRun({});
            c->setYLocked(false);
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
    if (!m_table->isPinned()) {
        m_table->setRows({}, {});
        m_crossShown = false;
        viewport()->update();
    }
    QChartView::leaveEvent(event);
}

}  // namespace curvedoctor::ui
