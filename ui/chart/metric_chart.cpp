#include "ui/chart/metric_chart.h"

#include <QCategoryAxis>
#include <QGraphicsScene>
#include <QLineSeries>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>
#include <tuple>
#include <utility>

#include "core/decimate.h"
#include "core/metric_role.h"
#include "core/parallel_for.h"
#include "core/plot/curve_cache.h"
#include "core/plot/curve_transform.h"
#include "core/smoothing.h"
#include "ui/chart/chart_axes.h"
#include "ui/chart/chart_curve.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/curve_style.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/palette.h"

namespace curvedoctor::ui {
namespace {

// The legend takes at most this many rows above the plot; more runs end in "N more".
constexpr int kMaxLegendRows = 3;
// Chart margin above the legend rows.
constexpr int kLegendTopPad = 6;

/// "3 runs without epochs not shown"; empty when none is left out.
QString leftOutNote(qsizetype count, XAxisMode mode) {
    if (count == 0) return {};
    const QString what =
        mode == XAxisMode::Epoch ? QStringLiteral("epochs") : QStringLiteral("timestamps");
    return count == 1 ? QStringLiteral("1 run without %1 not shown").arg(what)
                      : QStringLiteral("%1 runs without %2 not shown").arg(count).arg(what);
}

}  // namespace

// Work kept between setContent calls: x columns of unchanged series (smoothing and reduction
// indices are in the core::CurveCache).
struct MetricChart::Cache {
    using Key = std::tuple<const void*, int, double>;
    std::map<Key, std::shared_ptr<const std::vector<double>>> relative;
    std::map<Key, bool> sorted;
    std::vector<core::RunPtr> keepAlive;  ///< keeps the keys' addresses from being reused
};

MetricChart::MetricChart(QGraphicsItem* parent)
    : QChart(parent),
      m_cache(std::make_unique<Cache>()),
      m_curveCache(std::make_shared<core::CurveCache>()) {
    setTheme(QChart::ChartThemeLight);
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setBackgroundBrush(Qt::white);
    setPlotAreaBackgroundVisible(false);
    setMargins(QMargins(6, 22, 14, 4));
    legend()->hide();

    QFont labels = font();
    labels.setPointSizeF(8.5);
    auto style = [&](QCategoryAxis* a) {
        a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        a->setLabelsFont(labels);
        a->setShadesVisible(false);
        a->setMinorGridLineVisible(false);
        QFont title = labels;
        title.setPointSizeF(8.5);
        a->setTitleFont(title);
    };
    m_xAxis = new QCategoryAxis(this);
    m_yAxis = new QCategoryAxis(this);
    style(m_xAxis);
    style(m_yAxis);
    addAxis(m_xAxis, Qt::AlignBottom);
    addAxis(m_yAxis, Qt::AlignLeft);
    // Curves are drawn by the curve layer; this empty series is attached to both axes only so
    // that QChart's own zoom (the view's rubber band) and mapToPosition/mapToValue have a
    // domain to work on.
    m_anchor = new QLineSeries(this);
    addSeries(m_anchor);
    m_anchor->attachAxis(m_xAxis);
    m_anchor->attachAxis(m_yAxis);
    connect(m_xAxis, &QValueAxis::rangeChanged, this, &MetricChart::onAxisRangeChanged);
    m_curveLayer = new CurveLayer(this);
    m_overlay = new FindingOverlay(this);
    applyColors();
    m_bandLayer = new BandLayer(this, m_overlay);
    connect(this, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        m_overlay->update();
        m_bandLayer->update();
        // A new plot size needs a new reduction (columns) and new ticks (their count).
        const QSize size = area.size().toSize();
        if (size != m_refreshedSize) fitLegendMargin();
        if (size == m_refreshedSize || size.isEmpty()) return;
        if (!m_inRefresh && (scene() == nullptr || scene()->views().isEmpty())) {
            // Rendered offscreen (export, report): no event loop will run before painting.
            refresh();
            return;
        }
        if (!m_refreshPending) {
            m_refreshPending = true;
            QTimer::singleShot(0, this, [this] {
                m_refreshPending = false;
                if (plotArea().size().toSize() != m_refreshedSize) refresh();
            });
        }
    });
}

MetricChart::~MetricChart() = default;

void MetricChart::setCurveCache(std::shared_ptr<core::CurveCache> cache) {
    if (cache) m_curveCache = std::move(cache);
}

void MetricChart::prepareCurves(const core::SmoothingConfig& smoothing) {
    // Smoothing a curve and indexing it are linear passes over its points, independent per
    // curve: at 20 runs x 2M points that is most of a first draw, so the cache runs the misses
    // on every core; curves another view of the window already prepared are hits.
    m_smoothing = smoothing;
    std::vector<core::CurveCache::Request> requests;
    requests.reserve(m_curves.size());
    for (const auto& c : m_curves) requests.push_back({c->run, c->metric.toStdString()});
    const std::vector<core::PreparedCurve> prepared = m_curveCache->prepare(requests, smoothing);
    for (std::size_t i = 0; i < m_curves.size(); ++i) {
        Curve& c = *m_curves[i];
        c.smoothed = prepared[i].smoothed;
        c.rawIndex = prepared[i].rawIndex;
        c.smoothIndex = prepared[i].smoothedIndex;
    }
}

void MetricChart::setContent(const std::vector<const RunEntry*>& runs, const QString& family,
                             const ViewSettings& settings) {
    m_family = family;
    m_logY = settings.logY();
    m_showRaw = settings.showRaw();
    const core::SmoothingConfig smoothing = settings.smoothing();
    const XAxisMode wanted = settings.xAxis();

    std::map<const core::Series*, std::unique_ptr<Curve>> previous;
    for (auto& c : m_curves) previous[c->series] = std::move(c);
    m_curves.clear();

    Cache fresh;
    bool anyHasColumn = false;
    for (const RunEntry* e : runs) {
        if (!e->shown()) continue;
        double runT0 = kInf;
        if (wanted == XAxisMode::RelativeTime)
            for (const auto& [n, s] : e->run->metrics)
                for (double t : s.wallTimes)
                    if (std::isfinite(t)) {
                        runT0 = std::min(runT0, t);
                        break;
                    }
        std::vector<std::unique_ptr<Curve>> trainFirst;
        for (const auto& [name, s] : e->run->metrics) {
            if (s.empty()) continue;
            const core::MetricInfo info = e->run->info(name);
            if (QString::fromStdString(info.family) != family) continue;
            auto c = std::make_unique<Curve>();
            c->run = e->run;
            c->series = &s;
            // A series charted before keeps its steps; a new one shares them with its run's
            // series on the same steps (in every chart of the window).
            const auto before = previous.find(&s);
            auto steps = before != previous.end()
                             ? core::CurveCache::CurveSteps{before->second->steps,
                                                            before->second->stepsBlock}
                             : m_curveCache->steps(e->run, s);
            c->steps = steps.axis;
            c->stepsBlock = std::move(steps.block);
            c->runName = e->name;
            c->metric = QString::fromStdString(name);
            c->label = c->runName + QLatin1Char(' ') + c->metric;
            c->color = drawnRunColor(e->color, m_colors.background);
            c->validation = info.validation;
            const Cache::Key stepKey{&s, -1, 0.0};
            auto sortedIt = m_cache->sorted.find(stepKey);
            c->stepsSorted =
                sortedIt != m_cache->sorted.end() ? sortedIt->second : s.stepsAreSorted();
            fresh.sorted[stepKey] = c->stepsSorted;
            c->xSorted = c->stepsSorted;
            const auto xFrom = [&c](const core::PackedColumn<double>& column) {
                c->xOwned = std::make_shared<const std::vector<double>>(column.toVector());
                c->xs = *c->xOwned;
            };
            if (wanted == XAxisMode::Epoch && s.hasEpochs()) xFrom(s.epochs);
            if (wanted == XAxisMode::WallTime && s.hasWallTimes()) xFrom(s.wallTimes);
            if (wanted == XAxisMode::Progress) {
                const Cache::Key key{&s, 4, 0.0};
                auto it = m_cache->relative.find(key);
                auto progress = it != m_cache->relative.end()
                                    ? it->second
                                    : std::make_shared<const std::vector<double>>(
                                          core::progressPercent(*e->run, s));
                fresh.relative[key] = progress;
                c->xOwned = progress;
                c->xs = *progress;
            }
            if (wanted == XAxisMode::RelativeTime && s.hasWallTimes() && std::isfinite(runT0)) {
                const Cache::Key key{&s, 3, runT0};
                auto it = m_cache->relative.find(key);
                std::shared_ptr<const std::vector<double>> rel;
                if (it != m_cache->relative.end()) {
                    rel = it->second;
                } else {
                    auto v = std::make_shared<std::vector<double>>(s.wallTimes.toVector());
                    for (double& t : *v) t -= runT0;
                    rel = std::move(v);
                }
                fresh.relative[key] = rel;
                c->t0 = runT0;
                c->xOwned = rel;
                c->xs = *rel;
            }
            if (!c->xs.empty()) {
                anyHasColumn = true;
                const Cache::Key key{static_cast<const void*>(c->xs.data()),
                                     static_cast<int>(wanted), 0.0};
                auto it = m_cache->sorted.find(key);
                c->xSorted = it != m_cache->sorted.end()
                                 ? it->second
                                 : std::is_sorted(c->xs.begin(), c->xs.end()) &&
                                       std::all_of(c->xs.begin(), c->xs.end(),
                                                   [](double v) { return std::isfinite(v); });
                fresh.sorted[key] = c->xSorted;
            }
            fresh.keepAlive.push_back(e->run);
            trainFirst.push_back(std::move(c));
        }
        std::stable_sort(trainFirst.begin(), trainFirst.end(), [](const auto& a, const auto& b) {
            return !a->validation && b->validation;
        });
        for (auto& c : trainFirst) m_curves.push_back(std::move(c));
    }
    prepareCurves(smoothing);
    for (auto& c : m_curves)  // a batch of new runs reduces only their curves (issue #14)
        if (auto it = previous.find(c->series); it != previous.end())
            std::tie(c->smooth, c->raw, c->smoothFor, c->rawFor, c->bulkDone, c->bulkOf, c->bulkLo,
                     c->bulkHi, c->bulk) =
                std::tie(it->second->smooth, it->second->raw, it->second->smoothFor,
                         it->second->rawFor, it->second->bulkDone, it->second->bulkOf,
                         it->second->bulkLo, it->second->bulkHi, it->second->bulk);
    m_cache->relative = std::move(fresh.relative);
    m_cache->sorted = std::move(fresh.sorted);
    m_cache->keepAlive = std::move(fresh.keepAlive);
    const XAxisMode previousMode = m_xMode;
    m_xMode = anyHasColumn ? wanted : XAxisMode::Step;
    bool newRun = false;
    for (const auto& c : m_curves)
        if (!m_seenRuns.contains(c->runName)) {
            m_seenRuns.insert(c->runName);
            newRun = true;
        }
    if (newRun) {
        // A run that was never charted here might lie outside a zoom made before it came.
        m_userRange = false;
        m_yLocked = false;
    }
    if (m_xMode != previousMode) {
        // A zoom or extent in the old unit means nothing in the new one.
        m_userRange = false;
        m_hasExtent = false;
    }
    m_leftOut.clear();
    if (!anyHasColumn) {
        for (auto& c : m_curves) {
            c->xs = {};
            c->xOwned.reset();
            c->xSorted = c->stepsSorted;
        }
    } else if (m_xMode != XAxisMode::Step) {
        // A run without this x column has no place on the axis: drawing it at its step
        // numbers would put it at "375k epochs" or in January 1970. It is left out and named.
        std::erase_if(m_curves, [this](const auto& c) {
            if (!c->xs.empty()) return false;
            if (!m_leftOut.contains(c->runName)) m_leftOut << c->runName;
            return true;
        });
        for (const auto& c : m_curves) m_leftOut.removeAll(c->runName);
    }

    // Runs charted, for the y fit (counted here, not on every zoom: a sweep has 1,000).
    QSet<QString> charted;
    for (const auto& c : m_curves) charted.insert(c->runName);
    m_runCount = static_cast<int>(charted.size());

    // Full data extent in the x unit.
    double lo = kInf, hi = -kInf;
    for (const auto& c : m_curves) {
        if (c->xs.empty()) {
            const auto& st = c->series->steps;
            if (c->stepsSorted) {
                lo = std::min(lo, static_cast<double>(st.front()));
                hi = std::max(hi, static_cast<double>(st.back()));
            } else {
                const auto [mn, mx] = std::minmax_element(st.begin(), st.end());
                lo = std::min(lo, static_cast<double>(*mn));
                hi = std::max(hi, static_cast<double>(*mx));
            }
        } else {
            for (double v : c->xs)
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    if (c->xSorted) break;
                }
            for (auto it = c->xs.rbegin(); it != c->xs.rend(); ++it)
                if (std::isfinite(*it)) {
                    hi = std::max(hi, *it);
                    if (c->xSorted) break;
                }
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0.0;
        hi = 1.0;
    }
    if (hi <= lo) hi = lo + 1.0;
    // Tail mode (a followed run grew): a zoom that showed the end of the data moves with the
    // end, keeping its width, like `tail -f`; any other zoom stays where the user put it.
    if (m_userRange && m_lo <= m_dataHi && m_hi >= m_dataHi && hi > m_dataHi) {
        const double shift = hi - m_dataHi;
        m_lo += shift;
        m_hi += shift;
    }
    m_dataLo = lo;
    m_dataHi = hi;
    if (!m_hasExtent) {
        m_extentLo = lo;
        m_extentHi = hi;
    }

    static const QHash<XAxisMode, QString> kXTitles{
        {XAxisMode::Step, QStringLiteral("step")},
        {XAxisMode::Epoch, QStringLiteral("epoch")},
        {XAxisMode::WallTime, QStringLiteral("wall time")},
        {XAxisMode::RelativeTime, QStringLiteral("relative time")},
        {XAxisMode::Progress, QStringLiteral("progress (% of the run)")}};
    m_xAxis->setTitleText(kXTitles.value(m_xMode));
    m_title = familyTitle(runs, family);
    m_overlay->setTitle(m_title + (m_logY ? QStringLiteral("  (log scale)") : QString()));
    m_overlay->setNote(leftOutNote(m_leftOut.size(), m_xMode));
    buildOverlay(runs);
    if (m_userRange)
        applyXRange(m_lo, m_hi);
    else
        applyXRange(m_extentLo, m_extentHi);
}

void MetricChart::fitLegendMargin() {
    // A host that took the legend's margin away (a compact grid) keeps its margins.
    QMargins m = margins();
    if (m.top() < FindingOverlay::kRowHeight) return;
    // A short chart keeps most of its height for the plot: one more row per 30 px above 100.
    const int fitting =
        std::clamp(static_cast<int>((size().height() - 100) / 30), 1, kMaxLegendRows);
    const int rows = std::clamp(m_overlay->legendRowsNeeded(), 1, fitting);
    const int top = kLegendTopPad + static_cast<int>(rows * FindingOverlay::kRowHeight);
    if (m.top() == top) return;
    m.setTop(top);
    setMargins(m);
}

void MetricChart::setExtent(double lo, double hi) {
    if (!(hi > lo)) return;
    m_hasExtent = true;
    m_extentLo = lo;
    m_extentHi = hi;
    if (!m_userRange) applyXRange(lo, hi);
}

void MetricChart::setXRange(double lo, double hi) {
    if (lo > hi) std::swap(lo, hi);
    if (!(hi > lo)) hi = lo + 1e-9 * std::max(1.0, std::abs(lo));
    m_userRange = true;
    applyXRange(lo, hi);
    Q_EMIT xRangeChanged(lo, hi);
}

void MetricChart::resetRange() {
    m_userRange = false;
    applyXRange(m_extentLo, m_extentHi);
}

void MetricChart::zoomX(double factor, double center) {
    const double lo = center - (center - m_lo) * factor;
    const double hi = center + (m_hi - center) * factor;
    setXRange(lo, hi);
}

void MetricChart::panX(double fraction) {
    const double d = (m_hi - m_lo) * fraction;
    setXRange(m_lo + d, m_hi + d);
}

double MetricChart::stepToX(std::int64_t step) const {
    if (m_xMode == XAxisMode::Step || m_curves.empty()) return static_cast<double>(step);
    const Curve& c = *m_curves.front();
    return core::mapStep(*c.series, c.xs, c.stepsSorted, step);
}

void MetricChart::onAxisRangeChanged(double lo, double hi) {
    if (m_applying) return;
    // A zoom or scroll through QChart (rubber band, QChart::scroll): treat as the user's range.
    m_userRange = true;
    applyXRange(lo, hi);
    Q_EMIT xRangeChanged(m_lo, m_hi);
}

void MetricChart::applyXRange(double lo, double hi) {
    m_lo = lo;
    m_hi = hi;
    refresh();
}

int MetricChart::displayedPointCount() const {
    return m_curveLayer->pointCount();
}

std::size_t MetricChart::reductionBytes() const {
    std::size_t bytes = 0;
    for (const auto& c : m_curves) bytes += c->smooth->bytes() + c->raw->bytes();
    return bytes;
}

void MetricChart::refresh() {
    const bool nested = std::exchange(m_inRefresh, true);
    const int width = static_cast<int>(plotArea().width());
    m_columns = width > 10 ? width : kDefaultColumns;
    m_refreshedSize = plotArea().size().toSize();
    m_applying = true;
    clearTicks(m_xAxis);
    clearTicks(m_yAxis);
    m_xAxis->setRange(m_lo, m_hi);
    // A sweep's thousands of curves are reduced on every core.
    const unsigned threads = m_curves.size() > 64 ? 0 : 1;
    core::parallelFor(m_curves.size(), threads, [&](std::size_t i) {
        fillCurve(*m_curves[i], false, m_lo, m_hi, m_columns);
    });
    // The raw curves only where they are drawn (a crowded chart leaves them out, see
    // kCrowdedPoints) or set the log y-range: at 1,000 runs they were half of a zoom's work.
    std::size_t smoothPoints = 0;
    for (const auto& c : m_curves) smoothPoints += c->smooth->size();
    const bool raw = m_logY || (m_showRaw && smoothPoints <= kCrowdedPoints);
    core::parallelFor(m_curves.size(), threads, [&](std::size_t i) {
        Curve& c = *m_curves[i];
        if (raw) {
            fillCurve(c, true, m_lo, m_hi, m_columns);
        } else if (c.raw->size() > 0) {
            c.raw = std::make_shared<const core::ReducedCurve>();
            c.rawFor = {};
        }
    });
    fitY(m_lo, m_hi);
    m_applying = false;
    // Every raw curve beneath every smoothed one; a highlighted run above all the others,
    // which fade.
    std::vector<LayerCurve> drawn;
    drawn.reserve(2 * m_curves.size());
    const bool anyHighlight = !m_highlight.isEmpty() &&
                              std::any_of(m_curves.begin(), m_curves.end(),
                                          [&](const auto& c) { return c->runName == m_highlight; });
    for (const bool highlighted : {false, true}) {
        for (const auto& c : m_curves) {
            if ((anyHighlight && c->runName == m_highlight) != highlighted) continue;
            if (c->raw->size() == 0 || !m_showRaw) continue;
            QColor faint = c->color;
            faint.setAlpha(anyHighlight && !highlighted ? kRawAlpha / 3 : kRawAlpha);
            drawn.push_back({c->label, true, faint, kRawWidth, false, c->raw});
        }
        for (const auto& c : m_curves) {
            if ((anyHighlight && c->runName == m_highlight) != highlighted) continue;
            double width = c->smooth->size() <= kThickMaxPoints ? kSmoothWidth : 1.0;
            QColor color = c->color;
            if (anyHighlight && !highlighted) color.setAlpha(kDimmedAlpha);
            if (highlighted) width += 1.0;
            drawn.push_back({c->label, false, color, width, c->validation, c->smooth});
        }
    }
    m_curveLayer->setCurves(std::move(drawn));
    m_curveLayer->setRanges(m_lo, m_hi, m_yAxis->min(), m_yAxis->max());

    QList<OverlayMarker> markers;
    for (const auto& c : m_curves)
        for (const core::NonFiniteMark& nf : c->smooth->nonFinite()) {
            const double v = c->series->values[nf.index];
            const QString what = std::isnan(v) ? QStringLiteral("NaN")
                                 : v > 0       ? QStringLiteral("+Inf")
                                               : QStringLiteral("-Inf");
            markers << OverlayMarker{nf.lastFiniteX, nf.lastFiniteY,
                                     OverlayMarker::Shape::NonFinite, QColor(0xD0, 0x1C, 0x1C),
                                     QStringLiteral("%1 · %2 becomes %3 at step %4")
                                         .arg(c->runName, c->metric, what)
                                         .arg(c->series->steps[nf.index])};
        }
    m_overlay->setNonFiniteMarkers(std::move(markers));
    markClipped();
    updateTicks();
    m_inRefresh = nested;
}

void MetricChart::updateTicks() {
    const QRectF a = plotArea();
    const int xTicks = std::max(3, static_cast<int>((a.width() > 10 ? a.width() : 600) / 110));
    const int yTicks = std::max(3, static_cast<int>((a.height() > 10 ? a.height() : 300) / 34));
    TickFormat xf = TickFormat::Number;
    if (m_xMode == XAxisMode::WallTime) xf = TickFormat::DateTime;
    if (m_xMode == XAxisMode::RelativeTime) xf = TickFormat::Duration;
    m_applying = true;
    applyTicks(m_xAxis, niceTicks(m_lo, m_hi, xTicks, xf));
    applyTicks(m_yAxis, niceTicks(m_yAxis->min(), m_yAxis->max(), yTicks,
                                  m_logY ? TickFormat::Log10 : TickFormat::Number));
    m_applying = false;
    m_overlay->setRanges(m_lo, m_hi, m_yAxis->min(), m_yAxis->max());
    m_bandLayer->update();
}

}  // namespace curvedoctor::ui
