#pragma once
/// \file finding_overlay.h
/// The doctor's findings drawn over a chart: translucent bands over each finding's step range,
/// vertical lines at learning-rate drops, a marker at the best step, markers where values stop
/// being finite, and a one-line legend (title, runs, line styles, kinds shown) above the plot.
/// Everything is in axis coordinates and re-mapped on every paint, so it follows zoom and pan.

#include <QColor>
#include <QGraphicsObject>
#include <QList>
#include <QString>

class QChart;

namespace curvedoctor::ui {

struct OverlayBand {
    double x0 = 0.0;  ///< axis x (current unit)
    double x1 = 0.0;
    QString kind;
    QColor color;
    QString text;  ///< shown on hover: "run: message"
};

struct OverlayLine {
    double x = 0.0;
    QColor color;
    QString text;
};

struct OverlayMarker {
    enum class Shape { Best, NonFinite };
    double x = 0.0;
    double y = 0.0;  ///< axis y (log10 of the value on a log axis); NaN: at the top edge.
    Shape shape = Shape::Best;
    QColor color;
    QString text;
};

struct LegendRun {
    QString name;
    QColor color;
};

class FindingOverlay : public QGraphicsObject {
    Q_OBJECT
public:
    explicit FindingOverlay(QChart* chart);

    void setTitle(const QString& title) { m_title = title; }
    void setContent(QList<OverlayBand> bands, QList<OverlayLine> lines,
                    QList<OverlayMarker> markers, QList<LegendRun> runs, bool hasValidation);
    /// Markers where curves stop being finite (they depend on the visible range).
    void setNonFiniteMarkers(QList<OverlayMarker> markers);
    /// The axis ranges the overlay maps with; set after every axis change.
    void setRanges(double xLo, double xHi, double yLo, double yHi);

    [[nodiscard]] const QList<OverlayBand>& bands() const { return m_bands; }
    [[nodiscard]] const QList<OverlayLine>& lines() const { return m_lines; }
    [[nodiscard]] const QList<OverlayMarker>& markers() const { return m_markers; }
    [[nodiscard]] const QList<OverlayMarker>& nonFiniteMarkers() const { return m_nonFinite; }
    /// Hover texts of the bands, lines and markers under `chartPos` (chart coordinates).
    [[nodiscard]] QStringList textsAt(QPointF chartPos) const;
    /// Pixel position of an axis point, clamped to the plot area.
    [[nodiscard]] QPointF toPixel(double x, double y) const;
    [[nodiscard]] double toPixelX(double x) const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintLegend(QPainter* p) const;

    QChart* m_chart;
    QString m_title;
    QList<OverlayBand> m_bands;
    QList<OverlayLine> m_lines;
    QList<OverlayMarker> m_markers;
    QList<OverlayMarker> m_nonFinite;
    QList<LegendRun> m_runs;
    bool m_hasValidation = false;
    double m_xLo = 0.0, m_xHi = 1.0, m_yLo = 0.0, m_yHi = 1.0;
};

/// Draws only the band rectangles, beneath the curves (the overlay above holds the rest).
class BandLayer : public QGraphicsObject {
    Q_OBJECT
public:
    BandLayer(QChart* chart, const FindingOverlay* overlay);
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart* m_chart;
    const FindingOverlay* m_overlay;
};

}  // namespace curvedoctor::ui
