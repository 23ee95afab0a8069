#include "ui/report/report_builder.h"

#include <QLegend>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "core/plot/curve_cache.h"
#include "ui/chart/metric_chart.h"
#include "ui/chart/palette.h"
#include "ui/report/chart_export.h"
#include "ui/report/value_format.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui::report {
namespace {

constexpr qreal kGap = 24.0;
// On paged output, room a table's heading needs below it (the heading, a header row and a
// row or two) to stay on the page instead of ending it alone.
constexpr qreal kHeadingWithTable = 220.0;
constexpr qreal kChartAspect = 0.62;
// Flatter on print pages, so an A4 portrait page holds the title and two charts.
constexpr qreal kPagedChartAspect = 0.5;
// Table text on a narrow page (a PDF's A4 portrait is 794 px): 11 px prints at 8.25 pt and
// lets eleven comparison columns keep their headers whole.
constexpr qreal kTableFontPx = 13.0;
constexpr qreal kNarrowTableFontPx = 11.0;
constexpr int kNarrowPage = 1000;
// Differing settings listed per run in the comparison table; two runs of different projects
// can differ in dozens (paths, names), which would make one row taller than the page.
constexpr int kMaxSettingsPerRow = 8;
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
        return QObject::tr("epoch %1").arg(formatEpoch(f.beginEpoch));
    return QObject::tr("epochs %1–%2").arg(formatEpoch(f.beginEpoch), formatEpoch(f.endEpoch));
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

}  // namespace

ReportBuilder::ReportBuilder(const std::vector<const RunEntry*>& runs, const ViewSettings& settings,
                             const ReportOptions& options, const std::vector<ReportGroup>& groups)
    : m_runs(runs),
      m_settings(settings),
      m_options(options),
      m_groups(groups),
      m_curveCache(std::make_shared<core::CurveCache>()) {
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

qreal ReportBuilder::draw(Page& page, ReportLayout* layout) {
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

    // A heading stays with the start of its table.
    page.keep(kHeadingWithTable);
    page.paragraph(QObject::tr("Findings"), makeFont(19, true), kInk, 8);
    const QRectF fr = drawFindings(page);
    page.advance(22);
    page.keep(kHeadingWithTable);
    page.paragraph(QObject::tr("Comparison"), makeFont(19, true), kInk, 8);
    const QRectF cr = drawComparison(page);
    page.advance(12);
    page.paragraph(QObject::tr("Best: minimum validation loss / best validation metric in its "
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

void ReportBuilder::drawLegend(Page& page) {
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
        page.paragraph(
            QObject::tr("and %1 more runs, drawn in the charts but not named here").arg(leftOut),
            makeFont(12), kMuted, 2);
    QString key = QObject::tr("Solid: training   Dashed: validation");
    if (m_groups.empty() && m_settings.showRaw()) key += QObject::tr("   Faint: raw values");
    key += QObject::tr("   Shaded spans: the doctor's findings (colours as in the table)");
    page.paragraph(key, makeFont(12), kMuted, 4);
}

void ReportBuilder::drawCharts(Page& page, ReportLayout* layout) {
    if (m_families.isEmpty()) {
        page.paragraph(QObject::tr("No metrics to chart."), makeFont(14), kMuted, 16);
        return;
    }
    const int columns = page.contentWidth() >= 1000 && m_families.size() > 1 ? 2 : 1;
    const qreal cw = (page.contentWidth() - (columns - 1) * kGap) / columns;
    const qreal ch = std::round(cw * (page.paged() ? kPagedChartAspect : kChartAspect));
    const int charts = std::min<int>(static_cast<int>(m_families.size()), kMaxCharts);
    for (int i = 0; i < charts; ++i) {
        const int col = i % columns;
        if (col == 0 && i > 0) page.advance(ch + kGap);
        if (col == 0) page.keep(ch);
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

void ReportBuilder::paintFamily(QPainter& p, const QString& family, const QRectF& rect) {
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

QRectF ReportBuilder::drawFindings(Page& page) {
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
        const int shown = std::min<int>(static_cast<int>(fs.size()), m_options.maxFindingsPerRun);
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
        page.paragraph(QObject::tr("No findings: the doctor saw nothing wrong in these curves."),
                       makeFont(14), kMuted, 0);
        return QRectF(kMargin, top, page.contentWidth(), page.y() - top);
    }
    const auto more = [](int leftOut) {
        return QList<Cell>{Cell{QObject::tr("and %1 more").arg(leftOut), {}, {}, {}, true, false},
                           Cell{}, Cell{}, Cell{},
                           Cell{QObject::tr("findings not listed to keep the report one page; "
                                            "all are in the window and in `curvedoctor "
                                            "diagnose --json`"),
                                {},
                                {},
                                {},
                                false,
                                false}};
    };
    return page.table(cols, rows, makeFont(tableFontPx()),
                      kFindingsHeightPerWidth * m_options.width, more);
}

QRectF ReportBuilder::drawComparison(Page& page) {
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
                             {QObject::tr("Settings that differ"), 1.65}};
    QList<QList<Cell>> rows;
    // Only the settings that tell the runs apart; the ones every run shares (about 90 in an
    // Ultralytics args.yaml) are one line under the table.
    const auto& keys = m_comparison.differingKeys;
    for (std::size_t i = 0; i < m_comparison.rows.size(); ++i) {
        const core::RunSummary& r = m_comparison.rows[i];
        const RunEntry* e = m_runs[i];
        QStringList hp;
        int unlisted = 0;
        for (const std::string& k : keys) {
            const auto it = r.hyperparameters.find(k);
            if (it == r.hyperparameters.end()) continue;
            if (hp.size() == kMaxSettingsPerRow) {
                ++unlisted;
                continue;
            }
            hp << QStringLiteral("%1=%2").arg(QString::fromStdString(k),
                                              QString::fromStdString(it->second));
        }
        if (unlisted > 0) hp << QObject::tr("and %1 more").arg(unlisted);
        rows << QList<Cell>{
            Cell{e->name, e->color, {}, QString::fromStdString(e->run->format), false, false},
            Cell{formatValue(r.bestValLoss), {}, {}, {}, false, true},
            Cell{formatStep(r.bestValLossStep),
                 {},
                 {},
                 r.bestValLossEpoch ? QObject::tr("epoch %1").arg(formatEpoch(r.bestValLossEpoch))
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
            Cell{formatEpoch(r.lastEpoch), {}, {}, {}, false, true},
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
    const QRectF rect = page.table(cols, rows, makeFont(tableFontPx()),
                                   kComparisonHeightPerWidth * m_options.width, more);
    drawSharedSettings(page);
    return rect;
}

qreal ReportBuilder::tableFontPx() const {
    return m_options.width < kNarrowPage ? kNarrowTableFontPx : kTableFontPx;
}

void ReportBuilder::drawSharedSettings(Page& page) {
    if (m_comparison.rows.empty()) return;
    const auto& all = m_comparison.hyperparameterKeys;
    const auto& differing = m_comparison.differingKeys;
    const int shared = static_cast<int>(all.size() - differing.size());
    if (shared <= 0) return;
    // Shared by every run: the first run's values are everyone's.
    const auto& values = m_comparison.rows.front().hyperparameters;
    QStringList listed;
    for (const std::string& k : all) {
        if (std::find(differing.begin(), differing.end(), k) != differing.end()) continue;
        if (const auto it = values.find(k); it != values.end())
            listed << QStringLiteral("%1=%2").arg(QString::fromStdString(k),
                                                  QString::fromStdString(it->second));
    }
    const QString head = m_runs.size() > 1
                             ? QObject::tr("and %1 identical settings").arg(shared)
                             : plural(shared, QObject::tr("setting"), QObject::tr("settings"));
    const QFont font = makeFont(12);
    page.advance(6);
    page.paragraph(page.elided(head + QStringLiteral(": ") + listed.join(QStringLiteral(", ")),
                               font, page.contentWidth()),
                   font, kMuted, 0);
}

}  // namespace curvedoctor::ui::report
