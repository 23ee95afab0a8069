#include "ui/chart/curve_layer.h"

#include <QChart>
#include <QPaintEngine>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

#include "core/parallel_for.h"
#include "ui/chart/column_raster.h"
#include "ui/chart/curve_style.h"

namespace curvedoctor::ui {
namespace {

// Lines are clipped (exactly, Liang-Barsky) to the plot area grown by this many pixels before
// they reach QPainter: a deep zoom can put the neighbour points just outside the range
// millions of pixels away, and the few pixels of margin keep pen ends out of sight.
constexpr double kGuardPixels = 16.0;
// Beyond this, a mapped coordinate is clamped (only absurd values such as 1e300 get there, and
// they would overflow to infinity otherwise).
constexpr double kMaxPixel = 1e12;
// A validation curve's dashes, in pen widths: the same pattern the legend swatch shows.
const QList<qreal> kDashPattern{4.0, 2.5};
// A curve with more points than the plot has pixel columns is a dense zig-zag (first, min,
// max and last of each column); a dash pattern along its length would fall on the zig-zag's
// vertical strokes and look solid. Such curves are dashed by x instead: on for this many
// pixels, then off, measured from the plot's left edge.
constexpr double kXDashOn = 7.0;
constexpr double kXDashOff = 4.5;
// Smoothed curves above which the layer draws crowded and, on screen, without antialiasing,
// however few points they have: 100 followed runs of a few hundred points each cost the window a
// fifth of a core in stroking wide antialiased pens at one redraw a second (issue #13). Under
// that many curves the faint raw ones are a smear anyway.
constexpr std::size_t kCrowdedCurves = 48;

// A crowded chart's curves are painted in at most this many parts at once by default (see
// paintCache): each part past the first costs an image of the plot's size, cleared and laid
// over the first.
constexpr unsigned kMaxPaintParts = 4;

// Lays `above` over `below` (both premultiplied ARGB32 of one size) where it has opaque
// pixels: what painting its curves after those of `below` gives when every pixel of `above` is
// either transparent or opaque.
void overlayOpaque(QImage& below, const QImage& above) {
    for (int row = 0; row < below.height(); ++row) {
        auto* to = reinterpret_cast<QRgb*>(below.scanLine(row));
        const auto* from = reinterpret_cast<const QRgb*>(above.constScanLine(row));
        for (int col = 0; col < below.width(); ++col)
            if (qAlpha(from[col]) != 0) to[col] = from[col];
    }
}

bool inside(const QRectF& r, QPointF p) {
    return p.x() >= r.left() && p.x() <= r.right() && p.y() >= r.top() && p.y() <= r.bottom();
}

// Liang-Barsky: the part [t0, t1] of the segment a->b inside r; false when none is.
bool clipSegment(QPointF a, QPointF b, const QRectF& r, double& t0, double& t1) {
    t0 = 0.0;
    t1 = 1.0;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    return t0 <= t1;
}

// Calls emit(piece) for each part of the polyline inside r, in order. A single-point input
// inside r is one piece of one point.
template <typename Emit>
void forEachPiece(const std::vector<QPointF>& pts, const QRectF& r, QPolygonF& piece, Emit&& emit) {
    piece.clear();
    auto flush = [&] {
        if (!piece.isEmpty()) emit(piece);
        piece.clear();
    };
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const QPointF b = pts[i];
        if (i == 0) {
            if (inside(r, b)) piece << b;
            continue;
        }
        const QPointF a = pts[i - 1];
        if (!piece.isEmpty() && inside(r, b)) {  // a is the piece's last point, so inside too
            piece << b;
            continue;
        }
        double t0 = 0.0, t1 = 1.0;
        if (!clipSegment(a, b, r, t0, t1)) {
            flush();
            continue;
        }
        if (t0 > 0.0 || piece.isEmpty()) {
            flush();
            piece << a + (b - a) * t0;
        }
        piece << (t1 < 1.0 ? a + (b - a) * t1 : b);
        if (t1 < 1.0) flush();
    }
    flush();
}

// SVG and PDF: the curves become paths in a file, not pixels.
bool isVector(const QPainter* p) {
    const QPaintEngine* e = p->paintEngine();
    return e && (e->type() == QPaintEngine::SVG || e->type() == QPaintEngine::Pdf);
}

// For a vector file: per pixel column of the chart, the lowest and highest point in the order
// they come (a spike keeps its height), plus the piece's first and last point. The reduction
// the chart made for the screen keeps four points per column (first, min, max, last), which
// a file does not need: a 10-run report of 100k points each stays under 2 MB this way.
QPolygonF minMaxPerColumn(const QPolygonF& pts) {
    if (pts.size() <= 2) return pts;
    QPolygonF out;
    out.reserve(pts.size());
    out << pts.front();
    qsizetype lo = 0, hi = 0;
    double column = std::floor(pts.front().x());
    auto flush = [&] {
        const qsizetype first = std::min(lo, hi), second = std::max(lo, hi);
        if (first > 0) out << pts[first];
        if (second != first) out << pts[second];
    };
    for (qsizetype i = 1; i < pts.size(); ++i) {
        const double c = std::floor(pts[i].x());
        if (c != column) {
            flush();
            column = c;
            lo = hi = i;
            continue;
        }
        if (pts[i].y() < pts[lo].y()) lo = i;
        if (pts[i].y() > pts[hi].y()) hi = i;
    }
    flush();
    if (out.back() != pts.back()) out << pts.back();
    return out;
}

// A wide or antialiased pen is stroked into an outline polygon that the rasterizer then fills
// by scanning its bounding box against all of its edges: one polyline across the whole plot
// costs (plot height x edges), 6.6 s for a 2x report of 10 runs. Strokes of this many points
// have small boxes; consecutive chunks share their end point.
constexpr qsizetype kStrokeChunk = 3;

void drawPolylineChunked(QPainter* p, const QPolygonF& pts) {
    // A pen of at most one device pixel takes Qt's cosmetic stroker, which draws long
    // polylines fast and pays per call: no chunks then.
    const QTransform& t = p->transform();
    const qreal scale = std::sqrt(std::abs(t.m11() * t.m22() - t.m12() * t.m21()));
    const qreal devicePen = p->pen().isCosmetic() ? p->pen().widthF() : p->pen().widthF() * scale;
    if (pts.size() <= kStrokeChunk || devicePen <= 1.0 || isVector(p)) {
        p->drawPolyline(pts);
        return;
    }
    // Flat ends meeting at a shared point are each antialiased to half coverage there, which
    // shows as a pale seam; square ends overlap by half a pen width instead.
    const QPen pen = p->pen();
    QPen square = pen;
    square.setCapStyle(Qt::SquareCap);
    p->setPen(square);
    for (qsizetype start = 0; start + 1 < pts.size(); start += kStrokeChunk - 1) {
        const qsizetype n = std::min(kStrokeChunk, pts.size() - start);
        p->drawPolyline(pts.constData() + start, static_cast<int>(n));
    }
    p->setPen(pen);
}

// Draws the polyline in dashes laid out along x (see kXDashOn). Pieces cut at a dash edge are
// interpolated, so the drawn parts lie exactly on the line.
void drawXDashed(QPainter* p, const QPolygonF& pts, double left) {
    constexpr double kPeriod = kXDashOn + kXDashOff;
    QPolygonF dash;
    double k = std::floor((pts.front().x() - left) / kPeriod);
    bool on = pts.front().x() - left - k * kPeriod < kXDashOn;
    if (on) dash << pts.front();
    for (qsizetype i = 1; i < pts.size(); ++i) {
        const QPointF a = pts[i - 1], b = pts[i];
        for (;;) {
            const double edge = left + k * kPeriod + (on ? kXDashOn : kPeriod);
            if (!(edge < b.x())) break;
            const double t =
                b.x() > a.x() ? std::clamp((edge - a.x()) / (b.x() - a.x()), 0.0, 1.0) : 0.0;
            const QPointF at = a + (b - a) * t;
            if (on) {
                dash << at;
                drawPolylineChunked(p, dash);
                dash.clear();
            } else {
                dash << at;
                k += 1.0;
            }
            on = !on;
        }
        if (on) dash << b;
    }
    if (dash.size() > 1) drawPolylineChunked(p, dash);
}

}  // namespace

CurveLayer::CurveLayer(QChart* chart) : QGraphicsObject(chart), m_chart(chart) {
    // Where Qt Charts puts its series: above the grid, axes and finding bands (2.5), below the
    // finding overlay (10).
    setZValue(4);
    setAcceptedMouseButtons(Qt::NoButton);
    // The bounding rectangle follows the plot area.
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        prepareGeometryChange();
        m_cacheDirty = true;
        update();
    });
}

void CurveLayer::setCurves(std::vector<LayerCurve> curves) {
    m_curves = std::move(curves);
    m_cacheDirty = true;
    update();
}

void CurveLayer::setRanges(double xLo, double xHi, double yLo, double yHi) {
    m_xLo = xLo;
    m_xHi = xHi;
    m_yLo = yLo;
    m_yHi = yHi;
    m_cacheDirty = true;
    prepareGeometryChange();
    update();
}

void CurveLayer::setPaintParts(unsigned parts) {
    m_paintParts = parts;
    m_cacheDirty = true;
    update();
}

int CurveLayer::pointCount() const {
    std::size_t n = 0;
    for (const LayerCurve& c : m_curves)
        if (c.points) n += c.points->size();
    return static_cast<int>(n);
}

QRectF CurveLayer::boundingRect() const {
    return m_chart->plotArea().adjusted(-kGuardPixels, -kGuardPixels, kGuardPixels, kGuardPixels);
}

CurveLayer::Mapping CurveLayer::mapping() const {
    const QRectF a = m_chart->plotArea();
    const double sx = m_xHi > m_xLo ? a.width() / (m_xHi - m_xLo) : 0.0;
    const double sy = m_yHi > m_yLo ? a.height() / (m_yHi - m_yLo) : 0.0;
    return {a.left() - m_xLo * sx, sx, a.bottom() + m_yLo * sy, -sy};
}

QPointF CurveLayer::Mapping::operator()(double x, double y) const {
    return {std::clamp(x0 + x * sx, -kMaxPixel, kMaxPixel),
            std::clamp(y0 + y * sy, -kMaxPixel, kMaxPixel)};
}

QPointF CurveLayer::toPixel(double x, double y) const {
    return mapping()(x, y);
}

void CurveLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF a = m_chart->plotArea();
    if (a.isEmpty() || !(m_xHi > m_xLo) || !(m_yHi > m_yLo)) return;
    // On screen the curves are painted once into an image kept until they, the ranges or the
    // plot area change: a hover, a finding band or an expose repaints with one blit instead of
    // every curve (1,000 runs are millions of points). Widgets grabbed into a pixmap do the
    // same; exports (images, SVG, scaled report charts) paint straight through.
    const QTransform& t = p->worldTransform();
    const int device = p->device() != nullptr ? p->device()->devType() : 0;
    const bool onScreen = (device == QInternal::Widget || device == QInternal::Pixmap) &&
                          t.type() <= QTransform::TxTranslate;
    if (!onScreen) {
        drawCurves(p, a, nullptr);
        return;
    }
    const QRectF guard = a.adjusted(-kGuardPixels, -kGuardPixels, kGuardPixels, kGuardPixels);
    const qreal dpr = p->device()->devicePixelRatioF();
    if (m_cacheDirty || m_cachedArea != a || m_cache.devicePixelRatio() != dpr) {
        const QSize pixels = (guard.size() * dpr).toSize();
        m_cache = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(Qt::transparent);
        paintCache(a, guard);
        m_cachedArea = a;
        m_cacheDirty = false;
    }
    p->drawImage(guard.topLeft(), m_cache);
}

CurveLayer::Style CurveLayer::style(bool onScreen, bool toFile) const {
    // Past a budget of points (a sweep of hundreds of runs) or of curves, the faint raw curves
    // are left out (under that many smoothed curves they are a smear) and every pen is one
    // device pixel wide and not antialiased, which QPainter strokes many times faster: a
    // thousand curves overlap too much for the smoothing of their edges to show. Vector files
    // keep antialiasing, and so do exports of a chart crowded only by its number of curves.
    std::size_t total = 0;
    std::size_t smoothed = 0;
    for (const LayerCurve& c : m_curves) {
        if (c.points) total += c.points->size();
        if (!c.raw) ++smoothed;
    }
    Style s;
    s.manyPoints = total > kCrowdedPoints;
    const bool manyCurves = smoothed > kCrowdedCurves;
    s.crowded = s.manyPoints || manyCurves;
    s.aliased = !toFile && (s.manyPoints || (manyCurves && onScreen));
    return s;
}

void CurveLayer::drawCurves(QPainter* p, const QRectF& a, QImage* screenCache) {
    const Style s = style(screenCache != nullptr, isVector(p));
    drawCurves(p, a, mapping(), s, s.aliased ? screenCache : nullptr, 0, m_curves.size());
}

void CurveLayer::paintCache(const QRectF& a, const QRectF& guard) {
    const Style s = style(true, false);
    // A sweep's chart (1,000 runs: 2,000 curves, 2M points) is the zoom's one long job on the
    // GUI thread. Its curves are cut into parts of about equal points, each painted on its own
    // core into its own image, and the images laid over each other in curve order. Opaque
    // aliased pixels are written whole, so a later part's pixel replaces what lies beneath as a
    // later curve would have: the same pixels as one painter. Translucent curves (a highlight
    // fades the others) are blended in order by one painter instead.
    const bool opaque = std::all_of(m_curves.begin(), m_curves.end(), [&](const LayerCurve& c) {
        return (s.crowded && c.raw) || c.color.alpha() == 255;
    });
    std::vector<std::size_t> bounds{0};
    if (s.aliased && s.manyPoints && opaque) {
        std::size_t total = 0;
        for (const LayerCurve& c : m_curves)
            if (c.points && !c.raw) total += c.points->size();
        const unsigned parts = m_paintParts != 0
                                   ? m_paintParts
                                   : std::min(core::workerCount(m_curves.size()), kMaxPaintParts);
        std::size_t sum = 0;
        for (std::size_t i = 0; i + 1 < m_curves.size() && bounds.size() < parts; ++i) {
            if (m_curves[i].points && !m_curves[i].raw) sum += m_curves[i].points->size();
            if (sum * parts >= total * bounds.size()) bounds.push_back(i + 1);
        }
    }
    bounds.push_back(m_curves.size());
    if (bounds.size() == 2) {
        QPainter cp(&m_cache);
        cp.translate(-guard.topLeft());
        drawCurves(&cp, a, &m_cache);
        return;
    }
    const Mapping map = mapping();
    std::vector<QImage> above(bounds.size() - 2);
    core::parallelFor(bounds.size() - 1, static_cast<unsigned>(bounds.size() - 1),
                      [&](std::size_t k) {
                          QImage& image = k == 0 ? m_cache : above[k - 1];
                          if (k > 0) {
                              image = QImage(m_cache.size(), m_cache.format());
                              image.setDevicePixelRatio(m_cache.devicePixelRatio());
                              image.fill(Qt::transparent);
                          }
                          QPainter cp(&image);
                          cp.translate(-guard.topLeft());
                          drawCurves(&cp, a, map, s, &image, bounds[k], bounds[k + 1]);
                      });
    for (const QImage& image : above) overlayOpaque(m_cache, image);
}

void CurveLayer::drawCurves(QPainter* p, const QRectF& a, const Mapping& map, const Style& style,
                            QImage* direct, std::size_t first, std::size_t last) const {
    const bool crowded = style.crowded;
    const bool aliased = style.aliased;
    // A file keeps what lies outside its clip, and not every viewer clips: nothing is drawn
    // past the plot area there.
    const bool toFile = isVector(p);
    const QRectF guard =
        toFile ? a : a.adjusted(-kGuardPixels, -kGuardPixels, kGuardPixels, kGuardPixels);
    p->save();
    p->setClipRect(a);
    p->setRenderHint(QPainter::Antialiasing, !aliased);
    std::vector<QPointF> mapped;
    QPolygonF piece;
    // The solid curves of a crowded chart painted into the screen's image go straight into its
    // pixels (drawColumnPolyline), in device pixels, cut to the plot area as QPainter cuts it.
    const QTransform& device = p->deviceTransform();
    if (direct != nullptr && (device.type() > QTransform::TxScale ||
                              direct->format() != QImage::Format_ARGB32_Premultiplied))
        direct = nullptr;
    const Mapping toDevice{device.m11() * map.x0 + device.dx(), device.m11() * map.sx,
                           device.m22() * map.y0 + device.dy(), device.m22() * map.sy};
    const QRectF clipF = device.mapRect(a);
    const QRect clip(QPoint(qRound(clipF.left()), qRound(clipF.top())),
                     QPoint(qRound(clipF.right()) - 1, qRound(clipF.bottom()) - 1));
    for (std::size_t n = first; n < last; ++n) {
        const LayerCurve& c = m_curves[n];
        if (!c.points || c.points->size() == 0 || (crowded && c.raw)) continue;
        const core::ReducedCurve& d = *c.points;
        if (direct != nullptr && !c.dashed) {
            const QRgb color = c.color.rgba64().premultiplied().toArgb32();
            for (std::size_t k = 0; k < d.segmentCount(); ++k) {
                const std::size_t begin = d.segmentStarts()[k], end = d.segmentEnd(k);
                if (end - begin < 2) continue;  // a lone point: drawn as a dot below
                mapped.clear();
                d.forEachPoint(begin, end,
                               [&](double x, double y) { mapped.push_back(toDevice(x, y)); });
                drawColumnPolyline(*direct, clip, mapped, color);
            }
        }
        const bool directCurve = direct != nullptr && !c.dashed;
        const bool dense = static_cast<double>(d.size()) > a.width();
        const double width = crowded ? std::min(c.width, 1.0) : c.width;
        QPen pen(c.color, width, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
        pen.setCosmetic(crowded);  // one device pixel in a scaled export too
        if (c.dashed && !dense) pen.setDashPattern(kDashPattern);
        QPen dot(c.color, width * 2.0, Qt::SolidLine, Qt::RoundCap);
        p->setPen(pen);
        for (std::size_t k = 0; k < d.segmentCount(); ++k) {
            if (directCurve && d.segmentEnd(k) - d.segmentStarts()[k] > 1) continue;
            mapped.clear();
            d.forEachPoint(d.segmentStarts()[k], d.segmentEnd(k),
                           [&](double x, double y) { mapped.push_back(map(x, y)); });
            forEachPiece(mapped, guard, piece, [&](const QPolygonF& clipped) {
                const QPolygonF& pts = toFile && dense ? minMaxPerColumn(clipped) : clipped;
                if (pts.size() == 1) {
                    // A lone finite value between non-finite ones: a dot, or it would vanish.
                    p->setPen(dot);
                    p->drawPoint(pts.front());
                    p->setPen(pen);
                } else if (c.dashed && dense) {
                    drawXDashed(p, pts, a.left());
                } else if (c.dashed) {
                    p->drawPolyline(pts);  // sparse: chunks would restart the dash pattern
                } else {
                    drawPolylineChunked(p, pts);
                }
            });
        }
    }
    p->restore();
}

}  // namespace curvedoctor::ui
