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
#include "ui/chart/chart_colors.h"

class QChart;

namespace curvedoctor::ui {

struct OverlayBand {
    double x0 = 0.0;  ///< axis x (current unit)
    double x1 = 0.0;
    QString kind;
    QColor color;
    QString text;  ///< shown on hover: "run: message"
    QString run;   ///< the run it is about
};

struct OverlayLine {
    double x = 0.0;
    QColor color;
    QString text;
};

struct OverlayMarker {
    /// ClippedAbove/Below: a curve leaves the y-range there (drawn at the edge it crosses).
    enum class Shape { Best, NonFinite, ClippedAbove, ClippedBelow };
    double x = 0.0;
    double y = 0.0;  ///< axis y (log10 of the value on a log axis); NaN: at the top edge.
    Shape shape = Shape::Best;
    QColor color;
    QString text;
};

struct LegendRun {
    QString name;
    QColor color;
    bool hidden = false;  ///< drawn greyed: a click shows it again
};

/// One entry of the legend rows above the plot, laid out in chart coordinates.
struct LegendItem {
    enum class Type { Title, Run, More, Line, Band, Best, NonFinite, OffScale, Note };
    Type type = Type::Title;
    QString label;
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    bool hidden = false;
    QRectF rect;  ///< the whole entry (swatch and label): what a click hits
};

class FindingOverlay : public QGraphicsObject {
    Q_OBJECT
public:
    explicit FindingOverlay(QChart* chart);

    void setTitle(const QString& title) { m_title = title; }
    /// Legend text, the halo around markers and the note's box (light until set).
    void setColors(const ChartColors& colors) { m_colors = colors; }
    void setContent(QList<OverlayBand> bands, QList<OverlayLine> lines,
                    QList<OverlayMarker> markers, QList<LegendRun> runs, bool hasValidation);
    /// Markers where curves stop being finite (they depend on the visible range).
    void setNonFiniteMarkers(QList<OverlayMarker> markers);
    /// Marks where curves leave the y-range shown (they depend on the ranges), and the text of
    /// their legend entry ("off the chart" when empty; an entry with a text is shown even
    /// without marks). A click on the entry switches the chart's y fit (ChartView).
    void setEdgeMarkers(QList<OverlayMarker> markers, const QString& legendText = {});
    /// A line about what the chart leaves out ("3 runs without epochs not shown"); empty: none.
    void setNote(const QString& note);
    [[nodiscard]] const QList<OverlayMarker>& edgeMarkers() const { return m_edge; }
    [[nodiscard]] QString note() const { return m_note; }
    /// The axis ranges the overlay maps with; set after every axis change.
    void setRanges(double xLo, double xHi, double yLo, double yHi);

    /// Drawn for paper (a report, an exported image): no "click" hints and no link styling.
    void setForPaper(bool on) { m_forPaper = on; }

    [[nodiscard]] const QList<OverlayBand>& bands() const { return m_bands; }
    /// Only this run's bands are drawn (a finding being looked at); empty: every run's.
    void setFocusRun(const QString& run);
    /// Above this many runs with findings, no run's bands are drawn until one is focused: the
    /// union of thirty runs' bands tints the whole plot and says nothing.
    static constexpr int kMaxBandRuns = 8;
    /// The bands drawn: the focus run's; without one, every run's when few runs have any.
    [[nodiscard]] QList<OverlayBand> shownBands() const;
    [[nodiscard]] const QList<OverlayLine>& lines() const { return m_lines; }
    [[nodiscard]] const QList<OverlayMarker>& markers() const { return m_markers; }
    [[nodiscard]] const QList<OverlayMarker>& nonFiniteMarkers() const { return m_nonFinite; }
    /// Hover texts of the bands, lines and markers under `chartPos` (chart coordinates).
    [[nodiscard]] QStringList textsAt(QPointF chartPos) const;
    /// Pixel position of an axis point, clamped to the plot area.
    [[nodiscard]] QPointF toPixel(double x, double y) const;
    [[nodiscard]] double toPixelX(double x) const;

    /// The legend as laid out for the current plot area: at most the rows that fit above it;
    /// every kind, style and marker first, then the runs, the last of them replaced by
    /// "N more" when they do not all fit.
    [[nodiscard]] QList<LegendItem> legendItems() const;
    /// Rows the whole legend needs at the chart's current width (for the top margin).
    [[nodiscard]] int legendRowsNeeded() const;
    /// The legend entry at `chartPos`, or nullptr-like Type::Title with an empty label.
    [[nodiscard]] LegendItem legendItemAt(QPointF chartPos) const;
    static constexpr double kRowHeight = 16.0;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintLegend(QPainter* p) const;
    /// Lays the legend out in `rows` rows (0: as many as it needs); `rowsUsed` gets the count.
    [[nodiscard]] QList<LegendItem> layoutLegend(int rows, int* rowsUsed) const;
    /// Moves laid-out items to their rows above the plot.
    [[nodiscard]] QList<LegendItem> finishLegend(QList<LegendItem> placed, const QList<int>& rowOf,
                                                 int* rowsUsed) const;
    void paintEdgeMarkers(QPainter* p) const;
    void paintNote(QPainter* p) const;

    QChart* m_chart;
    QString m_title;
    ChartColors m_colors;
    QList<OverlayBand> m_bands;
    int m_bandRuns = 0;  ///< runs with at least one band
    QList<OverlayLine> m_lines;
    QList<OverlayMarker> m_markers;
    QList<OverlayMarker> m_nonFinite;
    QList<OverlayMarker> m_edge;
    QString m_edgeText;
    QString m_note;
    QString m_focusRun;
    QList<LegendRun> m_runs;
    bool m_hasValidation = false;
    bool m_forPaper = false;
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
