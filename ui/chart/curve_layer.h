#pragma once
/// \file curve_layer.h
/// The curves of a MetricChart, painted by one graphics item straight from the reduced series
/// (core::ReducedCurve) with QPainter::drawPolyline. Qt Charts' QLineSeries rebuilds hit-test
/// outlines of every series on each change, which at a few thousand points per curve costs
/// far more than drawing them; this item keeps only the points and maps them on each paint
/// with the axis ranges, so a zoom or a new content costs one reduction and one paint. On
/// screen that paint is kept as an image until something it shows changes.

#include <QColor>
#include <QGraphicsObject>
#include <QImage>
#include <QString>
#include <memory>
#include <vector>

#include "core/plot/reduced_curve.h"

class QChart;

namespace curvedoctor::ui {

/// One reduced curve to draw, in axis coordinates (y already log10 on a log axis).
struct LayerCurve {
    QString name;  ///< "run metric"; the faint raw curves carry their smoothed curve's name too
    bool raw = false;
    QColor color;
    double width = 1.0;   ///< pen width in pixels
    bool dashed = false;  ///< validation curves
    std::shared_ptr<const core::ReducedCurve> points;
};

class CurveLayer : public QGraphicsObject {
    Q_OBJECT
public:
    explicit CurveLayer(QChart* chart);

    /// The curves, painted in this order (later ones on top).
    void setCurves(std::vector<LayerCurve> curves);
    /// The axis ranges mapped onto the chart's plot area; set after every axis change.
    void setRanges(double xLo, double xHi, double yLo, double yHi);

    /// A crowded chart of opaque curves is painted on screen in this many parts at once, each
    /// on its own core, with the same pixels as in one (0, the default: one part per core, at
    /// most 4; 1: all on the calling thread).
    void setPaintParts(unsigned parts);

    [[nodiscard]] const std::vector<LayerCurve>& curves() const { return m_curves; }
    /// Points of all curves together.
    [[nodiscard]] int pointCount() const;
    /// Pixel position (chart coordinates) of an axis point, not clamped.
    [[nodiscard]] QPointF toPixel(double x, double y) const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    // Axis to pixel: px = x0 + x * sx, py = y0 + y * sy (for the current plot area).
    struct Mapping {
        double x0, sx, y0, sy;
        QPointF operator()(double x, double y) const;
    };
    [[nodiscard]] Mapping mapping() const;
    /// How a chart draws its curves (see kCrowdedPoints and kCrowdedCurves).
    struct Style {
        bool manyPoints = false;
        bool crowded = false;
        bool aliased = false;
    };
    [[nodiscard]] Style style(bool onScreen, bool toFile) const;
    /// On screen (painting `screenCache`, else null), a chart of many curves is drawn without
    /// antialiasing (see kCrowdedCurves).
    void drawCurves(QPainter* p, const QRectF& plotArea, QImage* screenCache);
    /// Paints m_cache (transparent, covering `guard`): a crowded chart of opaque curves in
    /// parts on every core, else through drawCurves.
    void paintCache(const QRectF& plotArea, const QRectF& guard);
    /// The curves [first, last) in the crowded style (see kCrowdedPoints) or not, antialiased
    /// or not; with `direct` (the image `p` paints, aliased only) the solid ones written into
    /// its pixels.
    void drawCurves(QPainter* p, const QRectF& plotArea, const Mapping& map, const Style& style,
                    QImage* direct, std::size_t first, std::size_t last) const;

    QChart* m_chart;
    std::vector<LayerCurve> m_curves;
    double m_xLo = 0.0, m_xHi = 1.0, m_yLo = 0.0, m_yHi = 1.0;
    /// The curves as last painted on screen, for the plot area m_cachedArea.
    QImage m_cache;
    QRectF m_cachedArea;
    bool m_cacheDirty = true;
    unsigned m_paintParts = 0;
};

}  // namespace curvedoctor::ui
