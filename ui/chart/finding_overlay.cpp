#include "ui/chart/finding_overlay.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace curvedoctor::ui {
namespace {

// Band fill opacity: visible on white, light enough that curves under it stay readable.
constexpr int kBandAlpha = 46;
// How close (pixels) the pointer must be to a line or marker for its hover text.
constexpr double kHitPixels = 5.0;
// Height the title/legend row needs above the plot area.
constexpr double kLegendRowHeight = 16.0;

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

}  // namespace

FindingOverlay::FindingOverlay(QChart* chart) : QGraphicsObject(chart), m_chart(chart) {
    // Above the series (Qt Charts puts them at z 4) and below nothing else we care about.
    setZValue(10);
    setAcceptedMouseButtons(Qt::NoButton);
}

void FindingOverlay::setContent(QList<OverlayBand> bands, QList<OverlayLine> lines,
                                QList<OverlayMarker> markers, QList<LegendRun> runs,
                                bool hasValidation) {
    m_bands = std::move(bands);
    m_lines = std::move(lines);
    m_markers = std::move(markers);
    m_runs = std::move(runs);
    m_hasValidation = hasValidation;
    update();
}

void FindingOverlay::setNonFiniteMarkers(QList<OverlayMarker> markers) {
    m_nonFinite = std::move(markers);
    update();
}

void FindingOverlay::setRanges(double xLo, double xHi, double yLo, double yHi) {
    m_xLo = xLo;
    m_xHi = xHi;
    m_yLo = yLo;
    m_yHi = yHi;
    prepareGeometryChange();
    update();
}

QRectF FindingOverlay::boundingRect() const {
    return m_chart->rect();
}

double FindingOverlay::toPixelX(double x) const {
    const QRectF a = m_chart->plotArea();
    const double span = m_xHi - m_xLo;
    return span > 0 ? a.left() + (x - m_xLo) / span * a.width() : a.left();
}

QPointF FindingOverlay::toPixel(double x, double y) const {
    const QRectF a = m_chart->plotArea();
    const double px = std::clamp(toPixelX(x), a.left(), a.right());
    const double span = m_yHi - m_yLo;
    double py = a.top();
    if (std::isfinite(y) && span > 0) py = a.bottom() - (y - m_yLo) / span * a.height();
    return {px, std::clamp(py, a.top(), a.bottom())};
}

QStringList FindingOverlay::textsAt(QPointF pos) const {
    QStringList out;
    const QRectF a = m_chart->plotArea();
    if (!a.contains(pos)) return out;
    for (const OverlayMarker& m : m_markers + m_nonFinite)
        if (QLineF(toPixel(m.x, m.y), pos).length() <= 2 * kHitPixels) out << m.text;
    for (const OverlayLine& l : m_lines)
        if (std::abs(toPixelX(l.x) - pos.x()) <= kHitPixels) out << l.text;
    for (const OverlayBand& b : m_bands) {
        const double x0 = toPixelX(b.x0), x1 = toPixelX(b.x1);
        if (pos.x() >= std::min(x0, x1) - 1 && pos.x() <= std::max(x0, x1) + 1) out << b.text;
    }
    out.removeDuplicates();
    return out;
}

void FindingOverlay::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF a = m_chart->plotArea();
    paintLegend(p);
    if (!(m_xHi > m_xLo)) return;
    p->save();
    p->setClipRect(a.adjusted(-6, -6, 6, 6));
    p->setRenderHint(QPainter::Antialiasing, true);
    for (const OverlayLine& l : m_lines) {
        const double x = toPixelX(l.x);
        if (x < a.left() || x > a.right()) continue;
        QPen pen(l.color, 1.2, Qt::DashLine);
        p->setPen(pen);
        p->drawLine(QPointF(x, a.top()), QPointF(x, a.bottom()));
    }
    for (const OverlayMarker& m : m_markers + m_nonFinite) {
        const double rawX = toPixelX(m.x);
        if (rawX < a.left() - 1 || rawX > a.right() + 1) continue;
        const QPointF c = toPixel(m.x, m.y);
        if (m.shape == OverlayMarker::Shape::Best) {
            p->setPen(QPen(withAlpha(m.color, 150), 1.0, Qt::DotLine));
            p->drawLine(QPointF(c.x(), a.top()), QPointF(c.x(), a.bottom()));
            QPainterPath star;
            const double r = 6.0;
            star.moveTo(c + QPointF(0, -r));
            star.lineTo(c + QPointF(r, 0));
            star.lineTo(c + QPointF(0, r));
            star.lineTo(c + QPointF(-r, 0));
            star.closeSubpath();
            p->setPen(QPen(Qt::white, 1.5));
            p->setBrush(m.color);
            p->drawPath(star);
        } else {
            // A red downward triangle with a white rim where the curve stops being finite.
            const double r = 6.0;
            QPolygonF tri;
            tri << c + QPointF(-r, -r * 1.6) << c + QPointF(r, -r * 1.6) << c;
            p->setPen(QPen(Qt::white, 1.5));
            p->setBrush(m.color);
            p->drawPolygon(tri);
            p->setPen(QPen(m.color, 1.6));
            p->drawLine(c + QPointF(-3.5, -3.5), c + QPointF(3.5, 3.5));
            p->drawLine(c + QPointF(-3.5, 3.5), c + QPointF(3.5, -3.5));
        }
    }
    p->restore();
}

void FindingOverlay::paintLegend(QPainter* p) const {
    const QRectF a = m_chart->plotArea();
    // The title row lives in the chart's top margin; a host that took that margin away (a
    // compact grid with its own headers) gets no row rather than a clipped one.
    if (a.top() < kLegendRowHeight) return;
    QFont f = m_chart->font();
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.9 : 8.0);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(f.pointSizeF() * 1.12);
    const double baseline = a.top() - 9;
    double x = a.left();
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    p->setPen(QColor(0x20, 0x26, 0x30));
    p->setFont(bold);
    p->drawText(QPointF(x, baseline), m_title);
    x += QFontMetricsF(bold).horizontalAdvance(m_title) + 16;
    p->setFont(f);
    const QFontMetricsF fm(f);
    const double right = m_chart->rect().right() - 8;
    const QColor text(0x44, 0x4c, 0x56);
    auto entry = [&](const QString& label, auto&& drawSwatch) {
        const double w = 18 + fm.horizontalAdvance(label) + 12;
        if (x + w > right) return false;
        drawSwatch(QRectF(x, baseline - fm.ascent() * 0.8, 14, fm.ascent() * 0.8));
        p->setPen(text);
        p->drawText(QPointF(x + 18, baseline), label);
        x += w;
        return true;
    };
    auto lineSwatch = [&](QColor c, Qt::PenStyle style) {
        return [=](const QRectF& r) {
            p->setPen(QPen(c, 2, style, Qt::FlatCap));
            p->drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
        };
    };
    constexpr int kMaxRunsListed = 6;
    if (m_runs.size() > 1 && m_runs.size() <= kMaxRunsListed) {
        for (const LegendRun& r : m_runs)
            if (!entry(r.name, lineSwatch(r.color, Qt::SolidLine))) break;
    }
    const QColor grey(0x55, 0x5d, 0x66);
    entry(QStringLiteral("train"), lineSwatch(grey, Qt::SolidLine));
    if (m_hasValidation) entry(QStringLiteral("validation"), lineSwatch(grey, Qt::DashLine));
    QStringList kinds;
    for (const OverlayBand& b : m_bands) {
        if (kinds.contains(b.kind)) continue;
        kinds << b.kind;
        const QColor c = b.color;
        entry(b.kind, [&](const QRectF& r) {
            p->setPen(QPen(c, 1));
            p->setBrush(withAlpha(c, kBandAlpha * 2));
            p->drawRect(r);
        });
    }
    if (!m_lines.isEmpty())
        entry(QStringLiteral("lr drop"), lineSwatch(m_lines.front().color, Qt::DashLine));
    for (const OverlayMarker& m : m_markers) {
        if (m.shape != OverlayMarker::Shape::Best) continue;
        const QColor c = m.color;
        entry(QStringLiteral("best step"), [&](const QRectF& r) {
            const QPointF ctr = r.center();
            QPolygonF d;
            d << ctr + QPointF(0, -5) << ctr + QPointF(5, 0) << ctr + QPointF(0, 5)
              << ctr + QPointF(-5, 0);
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawPolygon(d);
        });
        break;
    }
    for (const OverlayMarker& m : m_nonFinite) {
        const QColor c = m.color;
        entry(QStringLiteral("NaN/Inf"), [&](const QRectF& r) {
            const QPointF ctr = r.center() + QPointF(0, 4);
            QPolygonF tri;
            tri << ctr + QPointF(-5, -8) << ctr + QPointF(5, -8) << ctr;
            p->setPen(Qt::NoPen);
            p->setBrush(c);
            p->drawPolygon(tri);
        });
        break;
    }
    p->restore();
}

BandLayer::BandLayer(QChart* chart, const FindingOverlay* overlay)
    : QGraphicsObject(chart), m_chart(chart), m_overlay(overlay) {
    // Above the plot background and grid (Qt Charts z 0..2), below axes and series (3, 4).
    setZValue(2.5);
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF BandLayer::boundingRect() const {
    return m_chart->plotArea();
}

void BandLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF a = m_chart->plotArea();
    // Bands of one colour (one kind of finding) are painted as the union of their ranges: ten
    // runs that all overfit from about the same step give one tinted stretch, not ten layers
    // that add up to an opaque block hiding the curves.
    std::map<QRgb, std::vector<std::pair<double, double>>> byColour;
    for (const OverlayBand& b : m_overlay->bands()) {
        double x0 = m_overlay->toPixelX(b.x0), x1 = m_overlay->toPixelX(b.x1);
        if (x0 > x1) std::swap(x0, x1);
        x0 = std::max(x0, a.left());
        x1 = std::min(x1, a.right());
        if (x1 < a.left() || x0 > a.right()) continue;
        // A band of a single step still gets 3 pixels, so it can be seen and hovered.
        if (x1 - x0 < 3) {
            const double c = (x0 + x1) / 2;
            x0 = c - 1.5;
            x1 = c + 1.5;
        }
        byColour[b.color.rgba()].emplace_back(x0, x1);
    }
    p->save();
    p->setClipRect(a);
    p->setPen(Qt::NoPen);
    for (auto& [rgba, spans] : byColour) {
        const QColor colour = QColor::fromRgba(rgba);
        std::sort(spans.begin(), spans.end());
        std::vector<std::pair<double, double>> merged;
        for (const auto& s : spans) {
            if (!merged.empty() && s.first <= merged.back().second) {
                merged.back().second = std::max(merged.back().second, s.second);
            } else {
                merged.push_back(s);
            }
        }
        for (const auto& [x0, x1] : merged) {
            p->fillRect(QRectF(x0, a.top(), x1 - x0, a.height()), withAlpha(colour, kBandAlpha));
            p->fillRect(QRectF(x0, a.top(), x1 - x0, 3), withAlpha(colour, 170));
        }
    }
    p->restore();
}

}  // namespace curvedoctor::ui
