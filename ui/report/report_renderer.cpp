#include "ui/report/report_renderer.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLegend>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <functional>
#include <limits>
#include <memory>

#include "core/comparison.h"
#include "core/plot/curve_cache.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/report/chart_export.h"
#include "ui/report/large_image.h"
#include "ui/report/png_writer.h"
#include "ui/report/report_page.h"
#include "ui/report/value_format.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using report::Cell;
using report::Column;
using report::kCellPad;
using report::kHeaderFill;
using report::kInk;
using report::kMargin;
using report::kMuted;
using report::kRule;
using report::kStripe;
using report::makeFont;
using report::Page;

// Page geometry in logical pixels, tuned so a 1600 px wide report pasted into a two-column
// paper at 2x still has legible 12-13 px table text.
constexpr qreal kGap = 24.0;
constexpr qreal kChartAspect = 0.62;
constexpr int kMaxTitleNames = 6;
// Charts are laid out this much smaller than the space they fill and scaled up, so their
// axis labels and legends keep pace with the report's larger text when printed small.
constexpr qreal kChartTextScale = 1.3;
// A report of thousands of runs must stay a page (issue #12 item 11: 3,000 runs made a
// 265,276 px tall PNG). Every run is drawn in the charts; the legend and the tables are capped
// and say how much they leave out. With these caps the page is at most about 3.5 times as
// tall as it is wide.
constexpr int kMaxLegendEntries = 24;
constexpr int kMaxCharts = 8;
constexpr qreal kFindingsHeightPerWidth = 1.2;
constexpr qreal kComparisonHeightPerWidth = 0.8;
// Above this many finding rows the table lists the worst first across runs (errors, then
// warnings, then info) instead of run by run, so what fits is what matters most.
constexpr int kFindingsBySeverityAbove = 30;

QString severityName(core::Severity s) {
    switch (s) {
        case core::Severity::Error:
            return QObject::tr("error");
        case core::Severity::Warning:
            return QObject::tr("warning");
        case core::Severity::Info:
            return QObject::tr("info");
    }
    return {};
}

QString stepRange(const core::Finding& f) {
    QString s = f.beginStep == f.endStep
                    ? formatStep(f.beginStep)
                    : QStringLiteral("%1–%2").arg(formatStep(f.beginStep), formatStep(f.endStep));
    return s;
}

QString epochRange(const core::Finding& f) {
    if (!f.beginEpoch) return {};
    if (!f.endEpoch || *f.endEpoch == *f.beginEpoch)
        return QObject::tr("epoch %1").arg(*f.beginEpoch, 0, 'g', 4);
    return QObject::tr("epochs %1–%2").arg(*f.beginEpoch, 0, 'g', 4).arg(*f.endEpoch, 0, 'g', 4);
}

QList<Cell> findingRow(const QString& owner, const QColor& ownerColor, const core::Finding& f) {
    const QString kind = findingKindId(f.kind);
    return {Cell{owner, ownerColor, {}, {}, false, false},
            Cell{severityName(f.severity),
                 {},
                 severityColor(static_cast<int>(f.severity)),
                 {},
                 false,
                 false},
            Cell{kind, findingColor(f.kind), {}, QString::fromStdString(f.metric), false, false},
            Cell{stepRange(f), {}, {}, epochRange(f), false, false},
            Cell{QString::fromStdString(f.message), {}, {}, {}, false, false},
            Cell{QString::fromStdString(f.advice), {}, {}, {}, false, false}};
}

QString plural(int n, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString findingCounts(const core::RunSummary& r) {
    QStringList parts;
    if (r.errors) parts << plural(r.errors, QObject::tr("error"), QObject::tr("errors"));
    if (r.warnings) parts << plural(r.warnings, QObject::tr("warning"), QObject::tr("warnings"));
    if (r.infos) parts << plural(r.infos, QObject::tr("info"), QObject::tr("info"));
    return parts.isEmpty() ? QObject::tr("none") : parts.join(QStringLiteral(", "));
}

QString titleFor(const std::vector<const RunEntry*>& runs, const ReportOptions& options) {
    if (!options.title.isEmpty()) return options.title;
    QStringList names;
    for (std::size_t i = 0; i < runs.size() && i < kMaxTitleNames; ++i) names << runs[i]->name;
    QString t = QObject::tr("Training report: %1").arg(names.join(QStringLiteral(", ")));
    if (runs.size() > kMaxTitleNames)
        t += QObject::tr(" and %1 more").arg(runs.size() - kMaxTitleNames);
    return t;
}

QString smoothingText(const core::SmoothingConfig& s) {
    if (s.weight <= 0.0) return QObject::tr("no smoothing");
    const QString kind = QString::fromUtf8(core::toString(s.kind).data(),
                                           static_cast<qsizetype>(core::toString(s.kind).size()));
    return QObject::tr("smoothing: %1, weight %2").arg(kind).arg(s.weight, 0, 'g', 3);
}

class ReportBuilder {
public:
    ReportBuilder(const std::vector<const RunEntry*>& runs, const ViewSettings& settings,
                  const ReportOptions& options, const std::vector<ReportGroup>& groups)
        : m_runs(runs), m_settings(settings), m_options(options), m_groups(groups) {
        std::vector<core::RunPtr> rs;
        std::vector<const core::RunDiagnosis*> ds;
        for (const RunEntry* e : m_runs) {
            rs.push_back(e->run);
            ds.push_back(&e->diagnosis);
        }
        // One CurveCache for the page: the table's smoothed final losses and every chart's
        // curves are smoothed once (on all cores) and shared.
        m_comparison = core::compareRuns(rs, ds, settings.smoothing(), *m_curveCache);
        m_families = chartFamilies(m_runs, settings);
    }

    [[nodiscard]] const QStringList& families() const { return m_families; }

    qreal draw(QPainter* p, QPaintDevice* metrics, ReportLayout* layout) {
        Page page(p, metrics, m_options.width);
        const QDateTime when =
            m_options.timestamp.isValid() ? m_options.timestamp : QDateTime::currentDateTimeUtc();
        page.paragraph(titleFor(m_runs, m_options), makeFont(26, true), kInk, 6);
        QStringList sub;
        sub << when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        sub << plural(static_cast<int>(m_runs.size()), QObject::tr("run"), QObject::tr("runs"));
        sub << smoothingText(m_settings.smoothing());
        sub << QStringLiteral("CurveDoctor " CURVEDOCTOR_VERSION);
        page.paragraph(sub.join(QStringLiteral("  ·  ")), makeFont(14), kMuted, 12);
        page.rule();
        page.advance(10);

        drawLegend(page);
        page.advance(8);
        drawCharts(page, layout);

        page.paragraph(QObject::tr("Findings"), makeFont(19, true), kInk, 8);
        const QRectF fr = drawFindings(page);
        page.advance(22);
        page.paragraph(QObject::tr("Comparison"), makeFont(19, true), kInk, 8);
        const QRectF cr = drawComparison(page);
        page.advance(12);
        page.paragraph(
            QObject::tr("Best: minimum validation loss / best validation metric in its "
                        "direction. Gap: best validation loss minus the mean training "
                        "loss since the previous validation point. Final values are raw; "
                        "\"smoothed\" uses the report's smoothing."),
            makeFont(11), kMuted, 0);
        if (layout) {
            layout->findingsRect = fr;
            layout->comparisonRect = cr;
        }
        return page.y() + kMargin;
    }

private:
    void drawLegend(Page& page) {
        QList<QPair<QColor, QString>> entries;
        int leftOut = 0;
        if (m_groups.empty()) {
            for (const RunEntry* e : m_runs) {
                if (entries.size() < kMaxLegendEntries) {
                    entries << qMakePair(e->color, e->name);
                } else {
                    ++leftOut;
                }
            }
        } else {
            for (const ReportGroup& g : m_groups)
                entries << qMakePair(
                    g.curves.color,
                    QObject::tr("%1 (mean of %2, band %3)")
                        .arg(g.curves.name,
                             plural(static_cast<int>(g.curves.runs.size()), QObject::tr("run"),
                                    QObject::tr("runs")),
                             m_options.band == GroupBand::MinMax ? QObject::tr("min–max")
                                                                 : QObject::tr("±1 std")));
        }
        page.legend(entries, makeFont(14));
        if (leftOut > 0)
            page.paragraph(QObject::tr("and %1 more runs, drawn in the charts but not named here")
                               .arg(leftOut),
                           makeFont(12), kMuted, 2);
        QString key = QObject::tr("Solid: training   Dashed: validation");
        if (m_groups.empty() && m_settings.showRaw()) key += QObject::tr("   Faint: raw values");
        key += QObject::tr("   Shaded spans: the doctor's findings (colours as in the table)");
        page.paragraph(key, makeFont(12), kMuted, 4);
    }

    void drawCharts(Page& page, ReportLayout* layout) {
        if (m_families.isEmpty()) {
            page.paragraph(QObject::tr("No metrics to chart."), makeFont(14), kMuted, 16);
            return;
        }
        const int columns = page.contentWidth() >= 1000 && m_families.size() > 1 ? 2 : 1;
        const qreal cw = (page.contentWidth() - (columns - 1) * kGap) / columns;
        const qreal ch = std::round(cw * kChartAspect);
        const int charts = std::min<int>(static_cast<int>(m_families.size()), kMaxCharts);
        for (int i = 0; i < charts; ++i) {
            const int col = i % columns;
            if (col == 0 && i > 0) page.advance(ch + kGap);
            const QRectF rect(kMargin + col * (cw + kGap), page.y(), cw, ch);
            if (layout) {
                layout->families << m_families[i];
                layout->chartRects << rect;
            }
            if (page.painter()) paintFamily(*page.painter(), m_families[i], rect);
        }
        page.advance(ch + kGap);
        if (m_families.size() > charts)
            page.paragraph(QObject::tr("%1 more metric families not charted: %2")
                               .arg(m_families.size() - charts)
                               .arg(m_families.mid(charts).join(QStringLiteral(", "))),
                           makeFont(12), kMuted, 12);
    }

    void paintFamily(QPainter& p, const QString& family, const QRectF& rect) {
        std::unique_ptr<QChart> chart;
        if (m_groups.empty()) {
            auto c = std::make_unique<MetricChart>();
            c->setCurveCache(m_curveCache);
            c->setContent(m_runs, family, m_settings);
            chart = std::move(c);
        } else {
            auto c = std::make_unique<GroupChart>();
            std::vector<GroupCurveInput> inputs;
            for (const ReportGroup& g : m_groups) inputs.push_back(g.curves);
            c->setContent(inputs, family, m_settings, m_options.band);
            chart = std::move(c);
        }
        // One shared legend above the charts replaces a legend per chart.
        chart->legend()->setVisible(false);
        chart->setDropShadowEnabled(false);
        chart->setBackgroundRoundness(0);
        chart->setTitleFont(makeFont(16, true));
        paintChart(*chart, p, rect, rect.size() / kChartTextScale);
    }

    QRectF drawFindings(Page& page) {
        const QList<Column> cols{{QObject::tr("Run"), 1.3},
                                 {QObject::tr("Severity"), 0.8},
                                 {QObject::tr("Finding"), 1.5},
                                 {QObject::tr("Steps"), 1.0},
                                 {QObject::tr("What the curves show"), 3.2},
                                 {QObject::tr("What to try"), 3.0}};
        // Each row with its severity (info for the "and N more" rows), in run order.
        std::vector<std::pair<core::Severity, QList<Cell>>> ranked;
        for (const ReportGroup& g : m_groups)
            for (const core::Finding& f : g.findings)
                ranked.emplace_back(f.severity, findingRow(g.curves.name, g.curves.color, f));
        for (const RunEntry* e : m_runs) {
            const auto& fs = e->diagnosis.findings;
            const int shown =
                std::min<int>(static_cast<int>(fs.size()), m_options.maxFindingsPerRun);
            for (int i = 0; i < shown; ++i) {
                const core::Finding& f = fs[static_cast<std::size_t>(i)];
                ranked.emplace_back(f.severity, findingRow(e->name, e->color, f));
            }
            if (static_cast<int>(fs.size()) > shown)
                ranked.emplace_back(
                    core::Severity::Info,
                    QList<Cell>{Cell{e->name, e->color, {}, {}, false, false},
                                Cell{QObject::tr("and %1 more findings (see the window or "
                                                 "`curvedoctor diagnose --json`)")
                                         .arg(static_cast<int>(fs.size()) - shown),
                                     {},
                                     {},
                                     {},
                                     false,
                                     false}});
        }
        if (static_cast<int>(ranked.size()) > kFindingsBySeverityAbove)
            std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
                return static_cast<int>(a.first) > static_cast<int>(b.first);
            });
        QList<QList<Cell>> rows;
        rows.reserve(static_cast<qsizetype>(ranked.size()));
        for (auto& r : ranked) rows << std::move(r.second);
        if (rows.isEmpty()) {
            const qreal top = page.y();
            page.paragraph(
                QObject::tr("No findings: the doctor saw nothing wrong in these curves."),
                makeFont(14), kMuted, 0);
            return QRectF(kMargin, top, page.contentWidth(), page.y() - top);
        }
        const auto more = [](int leftOut) {
            return QList<Cell>{
                Cell{QObject::tr("and %1 more").arg(leftOut), {}, {}, {}, true, false}, Cell{},
                Cell{}, Cell{},
                Cell{QObject::tr("findings not listed to keep the report one page; "
                                 "all are in the window and in `curvedoctor "
                                 "diagnose --json`"),
                     {},
                     {},
                     {},
                     false,
                     false}};
        };
        return page.table(cols, rows, makeFont(13), kFindingsHeightPerWidth * m_options.width,
                          more);
    }

    QRectF drawComparison(Page& page) {
        const QList<Column> cols{{QObject::tr("Run"), 1.6},
                                 {QObject::tr("Best val loss"), 0.9, true},
                                 {QObject::tr("at step"), 0.8, true},
                                 {QObject::tr("Best val metric"), 1.1, true},
                                 {QObject::tr("Final train loss"), 1.1, true},
                                 {QObject::tr("Final val loss"), 0.9, true},
                                 {QObject::tr("Gap at best"), 0.8, true},
                                 {QObject::tr("Steps"), 0.8, true},
                                 {QObject::tr("Epochs"), 0.75, true},
                                 {QObject::tr("Findings"), 1.1},
                                 {QObject::tr("Hyperparameters"), 1.65}};
        QList<QList<Cell>> rows;
        const auto& keys =
            m_runs.size() > 1 ? m_comparison.differingKeys : m_comparison.hyperparameterKeys;
        for (std::size_t i = 0; i < m_comparison.rows.size(); ++i) {
            const core::RunSummary& r = m_comparison.rows[i];
            const RunEntry* e = m_runs[i];
            QStringList hp;
            for (const std::string& k : keys)
                if (const auto it = r.hyperparameters.find(k); it != r.hyperparameters.end())
                    hp << QStringLiteral("%1=%2").arg(QString::fromStdString(k),
                                                      QString::fromStdString(it->second));
            rows << QList<Cell>{
                Cell{e->name, e->color, {}, QString::fromStdString(e->run->format), false, false},
                Cell{formatValue(r.bestValLoss), {}, {}, {}, false, true},
                Cell{formatStep(r.bestValLossStep),
                     {},
                     {},
                     r.bestValLossEpoch ? QObject::tr("epoch %1").arg(*r.bestValLossEpoch)
                                        : QString(),
                     false,
                     true},
                Cell{formatValue(r.bestValMetric),
                     {},
                     {},
                     QString::fromStdString(r.valMetric),
                     false,
                     true},
                Cell{formatValue(r.finalTrainLoss),
                     {},
                     {},
                     r.finalTrainLossSmoothed
                         ? QObject::tr("smoothed %1").arg(formatValue(r.finalTrainLossSmoothed))
                         : QString(),
                     false,
                     true},
                Cell{formatValue(r.finalValLoss), {}, {}, {}, false, true},
                Cell{formatValue(r.gapAtBest), {}, {}, {}, false, true},
                Cell{formatStep(r.lastStep), {}, {}, {}, false, true},
                Cell{formatValue(r.lastEpoch), {}, {}, {}, false, true},
                Cell{findingCounts(r), {}, {}, {}, false, false},
                Cell{hp.isEmpty() ? QObject::tr("–") : hp.join(QStringLiteral(", ")),
                     {},
                     {},
                     {},
                     false,
                     false}};
        }
        const auto more = [](int leftOut) {
            return QList<Cell>{Cell{
                QObject::tr("and %1 more runs, not listed").arg(leftOut), {}, {}, {}, true, false}};
        };
        return page.table(cols, rows, makeFont(13), kComparisonHeightPerWidth * m_options.width,
                          more);
    }

    const std::vector<const RunEntry*>& m_runs;
    const ViewSettings& m_settings;
    const ReportOptions& m_options;
    const std::vector<ReportGroup>& m_groups;
    std::shared_ptr<core::CurveCache> m_curveCache = std::make_shared<core::CurveCache>();
    core::Comparison m_comparison;
    QStringList m_families;
};

}  // namespace

QImage renderReport(const std::vector<const RunEntry*>& allRuns, const ViewSettings& settings,
                    const ReportOptions& options, const std::vector<ReportGroup>& groups,
                    ReportLayout* layout) {
    std::vector<const RunEntry*> runs;
    for (const RunEntry* e : allRuns)
        if (e && e->shown()) runs.push_back(e);
    ReportBuilder builder(runs, settings, options, groups);

    QImage probe(1, 1, QImage::Format_ARGB32_Premultiplied);
    probe.setDevicePixelRatio(options.scale);
    const qreal height = builder.draw(nullptr, &probe, nullptr);

    const QSize pixels(qRound(options.width * options.scale), qRound(height * options.scale));
    // Opaque: the PNG gets three channels instead of four (smaller, faster to encode).
    QImage image = makeLargeImage(pixels, QImage::Format_RGB32, qRgb(255, 255, 255));
    image.setDevicePixelRatio(options.scale);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    if (layout) *layout = {};
    builder.draw(&p, &image, layout);
    p.end();
    return image;
}

bool saveReport(const QString& path, const std::vector<const RunEntry*>& runs,
                const ViewSettings& settings, const ReportOptions& options,
                const std::vector<ReportGroup>& groups, QString* error, ReportTimings* timings) {
    QString why;
    ReportTimings t;
    QElapsedTimer clock;
    clock.start();
    const QImage image = renderReport(runs, settings, options, groups);
    t.render = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    clock.restart();
    const bool written = !image.isNull() && writePng(image, path, {}, &why);
    t.encode = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    if (timings) *timings = t;
    if (written) return true;
    if (error)
        *error =
            why.isEmpty() ? QStringLiteral("%1: could not write the PNG report").arg(path) : why;
    return false;
}

}  // namespace curvedoctor::ui
