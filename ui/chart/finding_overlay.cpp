#include "ui/chart/finding_overlay.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
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
    // Counted once here: every paint and legend layout asks (a sweep has a thousand bands).
    QSet<QString> bandRuns;
    for (const OverlayBand& b : m_bands) bandRuns.insert(b.run);
    m_bandRuns = static_cast<int>(bandRuns.size());
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

void FindingOverlay::setEdgeMarkers(QList<OverlayMarker> markers, const QString& legendText) {
    m_edge = std::move(markers);
    m_edgeText = legendText;
    update();
}

void FindingOverlay::setFocusRun(const QString& run) {
    m_focusRun = run;
    update();
}

QList<OverlayBand> FindingOverlay::shownBands() const {
    if (m_focusRun.isEmpty()) return m_bandRuns > kMaxBandRuns ? QList<OverlayBand>{} : m_bands;
    QList<OverlayBand> out;
    for (const OverlayBand& b : m_bands)
        if (b.run == m_focusRun) out << b;
    return out;
}

void FindingOverlay::setNote(const QString& note) {
    m_note = note;
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
    for (const OverlayMarker& m : m_markers + m_nonFinite + m_edge)
        if (QLineF(toPixel(m.x, m.y), pos).length() <= 2 * kHitPixels) out << m.text;
    for (const OverlayLine& l : m_lines)
        if (std::abs(toPixelX(l.x) - pos.x()) <= kHitPixels) out << l.text;
    for (const OverlayBand& b : shownBands()) {
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
            p->setPen(QPen(m_colors.background, 1.5));
            p->setBrush(m.color);
            p->drawPath(star);
        } else {
            // A red downward triangle with a white rim where the curve stops being finite.
            const double r = 6.0;
            QPolygonF tri;
            tri << c + QPointF(-r, -r * 1.6) << c + QPointF(r, -r * 1.6) << c;
            p->setPen(QPen(m_colors.background, 1.5));
            p->setBrush(m.color);
            p->drawPolygon(tri);
            p->setPen(QPen(m.color, 1.6));
            p->drawLine(c + QPointF(-3.5, -3.5), c + QPointF(3.5, 3.5));
            p->drawLine(c + QPointF(-3.5, 3.5), c + QPointF(3.5, -3.5));
        }
    }
    paintEdgeMarkers(p);
    p->restore();
    paintNote(p);
}

void FindingOverlay::paintEdgeMarkers(QPainter* p) const {
    // A small triangle in the curve's colour on the edge it crosses, pointing out of the plot.
    const QRectF a = m_chart->plotArea();
    for (const OverlayMarker& m : m_edge) {
        const double x = toPixelX(m.x);
        if (x < a.left() - 1 || x > a.right() + 1) continue;
        const bool above = m.shape == OverlayMarker::Shape::ClippedAbove;
        const double y = above ? a.top() : a.bottom();
        const double d = above ? 1.0 : -1.0;
        QPolygonF tri;
        tri << QPointF(x, y) << QPointF(x - 5, y + d * 7) << QPointF(x + 5, y + d * 7);
        p->setPen(QPen(m_colors.background, 1.0));
        p->setBrush(m.color);
        p->drawPolygon(tri);
    }
}

void FindingOverlay::paintNote(QPainter* p) const {
    if (m_note.isEmpty()) return;
    const QRectF a = m_chart->plotArea();
    QFont f = m_chart->font();
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.9 : 8.0);
    f.setItalic(true);
    const QFontMetricsF fm(f);
    const QRectF box(a.right() - fm.horizontalAdvance(m_note) - 12, a.top() + 4,
                     fm.horizontalAdvance(m_note) + 8, fm.height() + 2);
    p->save();
    p->setFont(f);
    p->setPen(Qt::NoPen);
    p->setBrush(withAlpha(m_colors.background, 220));
    p->drawRect(box);
    p->setPen(m_colors.note);
    p->drawText(box, Qt::AlignCenter, m_note);
    p->restore();
}

QList<LegendItem> FindingOverlay::layoutLegend(int rows, int* rowsUsed) const {
    const QRectF a = m_chart->plotArea();
    QFont f = m_chart->font();
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.9 : 8.0);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(f.pointSizeF() * 1.12);
    const QFontMetricsF fm(f), fmBold(bold);
    const double left = a.left();
    const double right = m_chart->rect().right() - 8;
    QList<LegendItem> placed;
    QList<int> rowOf;
    int row = 0;
    double x = left;
    auto width = [&](const LegendItem& item) {
        return item.type == LegendItem::Type::Title ? fmBold.horizontalAdvance(item.label) + 16
                                                    : 18 + fm.horizontalAdvance(item.label) + 12;
    };
    auto place = [&](LegendItem item) {
        const double w = width(item);
        int r = row;
        double at = x;
        if (at + w > right && at > left) {
            ++r;
            at = left;
        }
        if (rows > 0 && r >= rows) return false;
        item.rect = QRectF(at, 0, w, kRowHeight);
        placed << item;
        rowOf << r;
        row = r;
        x = at + w;
        return true;
    };
    const QColor grey = m_colors.muted;
    QList<LegendItem> fixed;
    fixed << LegendItem{LegendItem::Type::Title, m_title, {}, Qt::SolidLine, false, {}};
    fixed << LegendItem{
        LegendItem::Type::Line, QStringLiteral("train"), grey, Qt::SolidLine, false, {}};
    if (m_hasValidation)
        fixed << LegendItem{
            LegendItem::Type::Line, QStringLiteral("validation"), grey, Qt::DashLine, false, {}};
    QStringList kinds;
    for (const OverlayBand& b : shownBands())
        if (!kinds.contains(b.kind)) {
            kinds << b.kind;
            fixed << LegendItem{LegendItem::Type::Band, b.kind, b.color, Qt::SolidLine, false, {}};
        }
    if (m_focusRun.isEmpty() && m_bandRuns > kMaxBandRuns)
        fixed << LegendItem{
            LegendItem::Type::Note,
            (m_forPaper ? QStringLiteral("findings of %1 runs: too many to shade, see the table")
                        : QStringLiteral("findings of %1 runs: click one in the list to see it"))
                .arg(m_bandRuns),
            grey,
            Qt::SolidLine,
            false,
            {}};
    if (!m_lines.isEmpty())
        fixed << LegendItem{LegendItem::Type::Line,
                            QStringLiteral("lr drop"),
                            m_lines.front().color,
                            Qt::DashLine,
                            false,
                            {}};
    for (const OverlayMarker& m : m_markers)
        if (m.shape == OverlayMarker::Shape::Best) {
            fixed << LegendItem{LegendItem::Type::Best,
                                QStringLiteral("best step"),
                                m.color,
                                Qt::SolidLine,
                                false,
                                {}};
            break;
        }
    if (!m_nonFinite.isEmpty())
        fixed << LegendItem{LegendItem::Type::NonFinite,
                            QStringLiteral("NaN/Inf"),
                            m_nonFinite.front().color,
                            Qt::SolidLine,
                            false,
                            {}};
    if (!m_edge.isEmpty() || !m_edgeText.isEmpty())
        fixed << LegendItem{LegendItem::Type::OffScale,
                            m_edgeText.isEmpty() ? QStringLiteral("off the chart") : m_edgeText,
                            grey,
                            Qt::SolidLine,
                            false,
                            {}};
    // One run alone needs no name: the window title and the run list say it.
    const qsizetype runCount = m_runs.size() > 1 ? m_runs.size() : 0;
    // Read as a sentence when everything fits: the title, the runs, then what the lines and
    // marks mean. When it does not, the meanings come first (every kind drawn keeps its entry)
    // and the runs take what room is left, ending in "N more".
    bool allFit = true;
    for (qsizetype i = 0; i < fixed.size() + runCount && allFit; ++i) {
        const qsizetype r = i - 1;
        allFit = place(i == 0         ? fixed.front()
                       : r < runCount ? LegendItem{LegendItem::Type::Run,
                                                   m_runs[r].name,
                                                   m_runs[r].color,
                                                   Qt::SolidLine,
                                                   m_runs[r].hidden,
                                                   {}}
                                      : fixed[i - runCount]);
    }
    if (allFit) return finishLegend(placed, rowOf, rowsUsed);
    placed.clear();
    rowOf.clear();
    row = 0;
    x = left;
    for (const LegendItem& item : fixed) place(item);
    for (qsizetype i = 0; i < runCount; ++i) {
        const LegendRun& r = m_runs[i];
        if (place(LegendItem{LegendItem::Type::Run, r.name, r.color, Qt::SolidLine, r.hidden, {}}))
            continue;
        // Out of rows: the last entries give way to "N more" (which opens the run list).
        qsizetype more = runCount - i;
        for (;;) {
            const LegendItem moreItem{LegendItem::Type::More,
                                      QStringLiteral("%1 more").arg(more),
                                      grey,
                                      Qt::SolidLine,
                                      false,
                                      {}};
            if (place(moreItem) || placed.isEmpty() || placed.back().type != LegendItem::Type::Run)
                break;
            x = placed.back().rect.left();
            row = rowOf.back();
            placed.removeLast();
            rowOf.removeLast();
            ++more;
        }
        break;
    }
    return finishLegend(placed, rowOf, rowsUsed);
}

QList<LegendItem> FindingOverlay::finishLegend(QList<LegendItem> placed, const QList<int>& rowOf,
                                               int* rowsUsed) const {
    const QRectF a = m_chart->plotArea();
    const int used = rowOf.isEmpty() ? 1 : rowOf.back() + 1;
    if (rowsUsed != nullptr) *rowsUsed = used;
    // Rows end just above the plot; the first row is the highest.
    for (qsizetype i = 0; i < placed.size(); ++i)
        placed[i].rect.moveTop(a.top() - 4 - (used - rowOf[i]) * kRowHeight);
    return placed;
}

QList<LegendItem> FindingOverlay::legendItems() const {
    const QRectF a = m_chart->plotArea();
    if (a.top() < kRowHeight) return {};
    const int rows = std::max(1, static_cast<int>((a.top() - 6) / kRowHeight));
    return layoutLegend(rows, nullptr);
}

int FindingOverlay::legendRowsNeeded() const {
    int used = 1;
    (void)layoutLegend(0, &used);
    return used;
}

LegendItem FindingOverlay::legendItemAt(QPointF pos) const {
    for (const LegendItem& item : legendItems())
        if (item.rect.contains(pos)) return item;
    return {};
}

void FindingOverlay::paintLegend(QPainter* p) const {
    // The legend lives in the chart's top margin; a host that took that margin away (a compact
    // grid with its own headers) gets none rather than a clipped one.
    const QList<LegendItem> items = legendItems();
    if (items.isEmpty()) return;
    QFont f = m_chart->font();
    f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.9 : 8.0);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(f.pointSizeF() * 1.12);
    const QFontMetricsF fm(f);
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setRenderHint(QPainter::TextAntialiasing, true);
    const QColor text = m_colors.text;
    const QColor faded = m_colors.faded;
    for (const LegendItem& item : items) {
        const double baseline = item.rect.bottom() - 5;
        if (item.type == LegendItem::Type::Title) {
            p->setFont(bold);
            p->setPen(m_colors.title);
            p->drawText(QPointF(item.rect.left(), baseline), item.label);
            continue;
        }
        const QRectF sw(item.rect.left(), baseline - fm.ascent() * 0.8, 14, fm.ascent() * 0.8);
        const QPointF ctr = sw.center();
        const QColor c = item.hidden ? faded : item.color;
        switch (item.type) {
            case LegendItem::Type::Run:
            case LegendItem::Type::Line:
                p->setPen(QPen(c, 2, item.style, Qt::FlatCap));
                p->drawLine(QPointF(sw.left(), ctr.y()), QPointF(sw.right(), ctr.y()));
                break;
            case LegendItem::Type::Band:
                p->setPen(QPen(c, 1));
                p->setBrush(withAlpha(c, kBandAlpha * 2));
                p->drawRect(sw);
                break;
            case LegendItem::Type::Best: {
                QPolygonF d;
                d << ctr + QPointF(0, -5) << ctr + QPointF(5, 0) << ctr + QPointF(0, 5)
                  << ctr + QPointF(-5, 0);
                p->setPen(Qt::NoPen);
                p->setBrush(c);
                p->drawPolygon(d);
                break;
            }
            case LegendItem::Type::NonFinite:
            case LegendItem::Type::OffScale: {
                const bool down = item.type == LegendItem::Type::NonFinite;
                const QPointF tip = ctr + QPointF(0, down ? 4 : -4);
                QPolygonF tri;
                tri << tip << tip + QPointF(-5, down ? -8 : 8) << tip + QPointF(5, down ? -8 : 8);
                p->setPen(Qt::NoPen);
                p->setBrush(c);
                p->drawPolygon(tri);
                break;
            }
            case LegendItem::Type::More:
            case LegendItem::Type::Note:
            case LegendItem::Type::Title:
                break;
        }
        QFont itemFont = f;
        itemFont.setUnderline(item.type == LegendItem::Type::More && !m_forPaper);
        itemFont.setStrikeOut(item.hidden);
        p->setFont(itemFont);
        p->setPen(item.hidden ? faded : text);
        const bool textOnly =
            item.type == LegendItem::Type::More || item.type == LegendItem::Type::Note;
        itemFont.setItalic(item.type == LegendItem::Type::Note);
        p->setFont(itemFont);
        p->drawText(QPointF(item.rect.left() + (textOnly ? 0 : 18), baseline), item.label);
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
    for (const OverlayBand& b : m_overlay->shownBands()) {
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
