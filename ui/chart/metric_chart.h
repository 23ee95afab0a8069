#pragma once
/// \file metric_chart.h
/// One chart: every visible run's curves of one metric family (train solid, validation dashed,
/// same colour per run), smoothed over a faint raw curve, with the doctor's findings drawn on it.
/// Used by the viewer's ChartPanel, the side-by-side compare grid and the PNG report alike.

#include <QChart>
#include <QColor>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/smoothing.h"
#include "ui/chart/chart_colors.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

class QCategoryAxis;
class QLineSeries;

namespace curvedoctor::core {
class CurveCache;
}

namespace curvedoctor::ui {

struct ChartCurve;

/// The metric families to chart for these runs, in display order: loss first, then the main
/// validation metric family (accuracy, mAP, ...), then learning rate if logged, then
/// `settings.extraFamilies()` that exist in the runs.
[[nodiscard]] QStringList chartFamilies(const std::vector<const RunEntry*>& runs,
                                        const ViewSettings& settings);
/// A family as the logs spell it, for titles: "mAP50-95(B)" for the family "map50-95(b)" of
/// Ultralytics' "metrics/mAP50-95(B)" (families are lower-cased to pair curves). The first
/// metric of the family found in `runs` decides; none found: the family itself.
[[nodiscard]] QString familyTitle(const std::vector<const core::Run*>& runs, const QString& family);
[[nodiscard]] QString familyTitle(const std::vector<const RunEntry*>& runs, const QString& family);
/// Every family present in these runs (for the metric picker).
[[nodiscard]] QStringList allFamilies(const std::vector<const RunEntry*>& runs);

/// One visible curve's values at the hover table's x.
struct HoverRow {
    QString run;
    QString metric;
    QColor color;
    std::int64_t step = 0;
    double x = 0.0;  ///< the point's x (nearest to the pointer's)
    double raw = 0.0;
    double smoothed = 0.0;
    double pixelDistance = 0.0;  ///< between the smoothed value and the pointer, vertically
};
struct HoverRows {
    double x = 0.0;
    std::vector<HoverRow> rows;  ///< nearest to the pointer first
};

class FindingOverlay;
class BandLayer;
class CurveLayer;

class MetricChart : public QChart {
    Q_OBJECT
public:
    explicit MetricChart(QGraphicsItem* parent = nullptr);
    ~MetricChart() override;

    /// Rebuilds the chart for `family` from `runs` (invisible runs are skipped) with `settings`.
    /// Keeps the current x-range if one was set with setXRange; when that range showed the
    /// end of the data and the data now reaches further (a followed run grew), the range
    /// moves along with the end, keeping its width.
    void setContent(const std::vector<const RunEntry*>& runs, const QString& family,
                    const ViewSettings& settings);
    [[nodiscard]] QString family() const { return m_family; }
    /// The title drawn above the plot: the family as the logs spell it (familyTitle).
    [[nodiscard]] QString displayTitle() const { return m_title; }
    /// Where smoothed curves and their indices come from: a window's charts share the
    /// RunStore's cache; by default a chart has its own.
    void setCurveCache(std::shared_ptr<core::CurveCache> cache);
    /// Background, axes and legend colours (light until set); the runs' curves take the new
    /// background on the next setContent().
    void setColors(const ChartColors& colors);
    [[nodiscard]] const ChartColors& colors() const { return m_colors; }

    /// Shows x in [lo, hi] (in the current x-axis unit) and fits y to what is visible.
    void setXRange(double lo, double hi);
    /// Back to the full extent of the data.
    void resetRange();
    [[nodiscard]] double xMin() const { return m_lo; }
    [[nodiscard]] double xMax() const { return m_hi; }

    /// Zooms x by `factor` (< 1 zooms in) around the axis value `center`; emits xRangeChanged.
    void zoomX(double factor, double center);
    /// Pans x by `fraction` of the visible width (negative: to the left); emits xRangeChanged.
    void panX(double fraction);
    /// True when a zoom/pan (not the full extent) is shown.
    [[nodiscard]] bool hasUserRange() const { return m_userRange; }

    /// The full extent of the data in the current x unit.
    [[nodiscard]] double dataXMin() const { return m_dataLo; }
    [[nodiscard]] double dataXMax() const { return m_dataHi; }
    /// The extent shown when not zoomed (ChartPanel gives all charts the union of theirs).
    void setExtent(double lo, double hi);
    /// The x unit in use: the requested one, or Step when no curve has that column.
    [[nodiscard]] XAxisMode effectiveXAxis() const { return m_xMode; }
    /// A step of these runs in the current x unit (interpolated for epochs and times).
    [[nodiscard]] double stepToX(std::int64_t step) const;
    [[nodiscard]] bool isLogY() const { return m_logY; }
    /// Runs of this family left out because they lack the chosen x column (epochs, times).
    [[nodiscard]] QStringList leftOutRuns() const { return m_leftOut; }

    /// The y-range shown, in axis units (log10 of the value on a log axis).
    [[nodiscard]] double yMin() const;
    [[nodiscard]] double yMax() const;
    /// Shows y in [lo, hi] (axis units) and locks it: zooming or panning x keeps it.
    void setYRange(double lo, double hi);
    /// Zooms y by `factor` (< 1 zooms in) around the axis value `center`; locks y.
    void zoomY(double factor, double center);
    /// Locked: y keeps its range on x zoom and new content. Unlocking fits y to the data.
    void setYLocked(bool locked);
    [[nodiscard]] bool isYLocked() const { return m_yLocked; }
    /// The fitted y-range always includes 0 (linear axis only).
    void setIncludeZero(bool on);
    [[nodiscard]] bool includesZero() const { return m_includeZero; }
    /// Highlights the run named `run`: its curves on top and thicker, the others faded, only its
    /// finding bands. Empty: none.
    void setHighlightedRun(const QString& run);
    [[nodiscard]] QString highlightedRun() const { return m_highlight; }
    /// Shows the run's steps [begin, end]: x over them (with a margin), y fitted to the run's
    /// curves there (and locked), the run highlighted. False (nothing changed) when the run
    /// has no curve in this chart.
    bool focusRun(const QString& run, std::int64_t begin, std::int64_t end);
    /// Runs fitted out of the y-range as a whole (their scale is far off the others'); they
    /// are marked at the chart's edge.
    [[nodiscard]] QStringList yOutlierRuns() const { return m_yOutliers; }
    /// Runs the fit to the bulk of runs clips (they reach far past most runs, as a sweep's
    /// diverging ones climb; a third of each stays in view); marked at the chart's edge.
    [[nodiscard]] QStringList yClippedRuns() const { return m_yClipped; }
    /// Fits y to every value of every curve (spikes, runs far off and the climbs the bulk of
    /// runs leaves out included) instead of the bulk; unlocks y. Off by default.
    void setFitAllY(bool on);
    [[nodiscard]] bool fitsAllY() const { return m_fitAllY; }

    /// Points drawn in total (all curves after reduction), and the plot width they were
    /// reduced for.
    [[nodiscard]] int displayedPointCount() const;
    [[nodiscard]] int plotColumns() const { return m_columns; }
    /// Heap bytes the curves' reductions hold (their positions, polylines and marks).
    [[nodiscard]] std::size_t reductionBytes() const;
    /// Curves drawn (one per run and metric of the family), and how many have NaN/Inf marks.
    [[nodiscard]] int curveCount() const { return static_cast<int>(m_curves.size()); }
    [[nodiscard]] FindingOverlay* overlay() const { return m_overlay; }
    /// What is drawn: every reduced curve with its pen.
    [[nodiscard]] const CurveLayer* curveLayer() const { return m_curveLayer; }

    /// Hover text for the nearest curve point to `chartPos` (chart coordinates): run, metric,
    /// step (and epoch), smoothed and raw values; empty when nothing is within reach.
    [[nodiscard]] QString readoutAt(QPointF chartPos) const;
    /// Every visible curve's point nearest to axis `x` (runs that do not reach it left out),
    /// nearest to the pointer's chart y `pointerY` first.
    [[nodiscard]] HoverRows hoverRowsAt(double x, double pointerY) const;
    /// The x-axis title ("step", "epoch", ...).
    [[nodiscard]] QString xTitle() const;
    /// Every point of the curves drawn inside the x-range shown, as CSV: a header row, then
    /// run, metric, step, the x-axis value (unless x is the step), raw and smoothed value
    /// (the view's smoothing), curve by curve in drawing order. NaN and Inf as nan/inf.
    [[nodiscard]] QString dataCsv() const;
    /// Messages of the findings, lr drops and markers under `chartPos`.
    [[nodiscard]] QStringList findingsAt(QPointF chartPos) const;

    /// Re-reduces the curves for the current range and plot width, refits y, updates ticks.
    void refresh();

Q_SIGNALS:
    /// Emitted when the user zooms or pans (for synchronised charts).
    void xRangeChanged(double lo, double hi);
    /// Emitted when the user asks for the full extent (double-click, Home).
    void resetRequested();
    /// A click on a run's legend entry: show or hide that run.
    void legendRunClicked(const QString& runName);
    /// A click on the legend's "N more": the runs not listed are in the run list.
    void moreRunsRequested();

private:
    /// Puts m_colors on the background, the axes and the overlay (metric_chart_colors.cpp).
    void applyColors();
    using Curve = ChartCurve;  // chart_curve.h
    struct Cache;
    void onAxisRangeChanged(double lo, double hi);
    void applyXRange(double lo, double hi);
    void buildOverlay(const std::vector<const RunEntry*>& runs);
    /// Smooths and indexes (on all cores) the curves that the cache did not have.
    void prepareCurves(const core::SmoothingConfig& smoothing);
    /// Reduces the curve's smoothed (or raw) values for [lo, hi] at `columns` pixel columns,
    /// unless they already are.
    void fillCurve(Curve& c, bool raw, double lo, double hi, int columns);
    void fitY(double lo, double hi);
    /// Markers at the top/bottom edge where curves leave the y-range shown.
    void markClipped();
    void updateTicks();
    /// Gives the legend the rows it needs above the plot (at most kMaxLegendRows).
    void fitLegendMargin();

    QString m_family;
    QString m_title;
    bool m_userRange = false;
    double m_lo = 0.0;
    double m_hi = 1.0;
    double m_dataLo = 0.0;
    double m_dataHi = 1.0;
    double m_extentLo = 0.0;
    double m_extentHi = 1.0;
    bool m_hasExtent = false;
    bool m_applying = false;
    bool m_logY = false;
    bool m_showRaw = true;
    bool m_yLocked = false;
    bool m_includeZero = false;
    double m_yLockLo = 0.0;
    double m_yLockHi = 1.0;
    QStringList m_leftOut;
    QString m_highlight;
    QSet<QString> m_seenRuns;  ///< every run ever charted here (a new one resets the zoom)
    QStringList m_yOutliers;
    QStringList m_yClipped;
    int m_runCount = 0;  ///< runs with a curve here (set by setContent)
    bool m_fitAllY = false;
    XAxisMode m_xMode = XAxisMode::Step;
    int m_columns = 0;
    QSize m_refreshedSize;
    bool m_refreshPending = false;
    bool m_inRefresh = false;
    std::vector<std::unique_ptr<Curve>> m_curves;
    std::unique_ptr<Cache> m_cache;
    std::shared_ptr<core::CurveCache> m_curveCache;
    core::SmoothingConfig m_smoothing;  ///< of the curves' smoothed values
    QCategoryAxis* m_xAxis = nullptr;
    QCategoryAxis* m_yAxis = nullptr;
    QLineSeries* m_anchor = nullptr;
    CurveLayer* m_curveLayer = nullptr;
    FindingOverlay* m_overlay = nullptr;
    ChartColors m_colors;
    BandLayer* m_bandLayer = nullptr;
};

}  // namespace curvedoctor::ui
