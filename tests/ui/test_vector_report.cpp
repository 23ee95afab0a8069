// Issue #17: the report and single charts as SVG and PDF, read back as files: the SVG parsed as
// XML, the PDF through poppler's pdftotext and pdfinfo (a test skips when they are missing).
#include <gtest/gtest.h>

#include <QChartView>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsEffect>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "tests/ui/report_test_runs.h"
#include "tests/ui/vector_output.h"
#include "tests/ui/viewer_test_support.h"
#include "tests/ui/window_parts.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/group_controller.h"
#include "ui/report/chart_export.h"
#include "ui/report/export_actions.h"
#include "ui/report/report_renderer.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entryFor;
using testing::parseSvg;
using testing::syntheticRun;

core::Finding overfitFinding() {
    core::Finding f;
    f.kind = core::FindingKind::Overfitting;
    f.severity = core::Severity::Warning;
    f.metric = "val_loss";
    f.beginStep = 1500;
    f.endStep = 3000;
    f.message = "val_loss rose above its minimum while train_loss kept falling";
    f.advice = "Stop early at the best checkpoint.";
    return f;
}

// Two visible runs (one with a finding) and a hidden one.
struct ThreeRuns {
    RunEntry healthy = entryFor(syntheticRun("healthy_run", 3000, 0.1, 0), 0);
    RunEntry overfit = entryFor(syntheticRun("overfit_run", 3000, 0.1, 1500, 100, "0.01"), 1);
    RunEntry hidden = entryFor(syntheticRun("hidden_run", 3000, 0.3, 0), 2);
    ThreeRuns() {
        overfit.diagnosis.findings.push_back(overfitFinding());
        hidden.visible = false;
    }
    [[nodiscard]] std::vector<const RunEntry*> all() const { return {&healthy, &overfit, &hidden}; }
};

TEST(VectorReport, SvgIsPathsAndTextWithNoBitmap) {
    const ThreeRuns runs;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.svg"));
    ReportOptions options;
    options.format = ReportFormat::Svg;
    options.width = 1200;
    QString error;
    ASSERT_TRUE(saveReport(path, runs.all(), ViewSettings{}, options, {}, &error))
        << error.toStdString();
    const auto svg = parseSvg(path);
    ASSERT_TRUE(svg.wellFormed);
    EXPECT_EQ(svg.count(QStringLiteral("image")), 0);  // issue #17: one embedded bitmap before
    EXPECT_GT(svg.count(QStringLiteral("polyline")) + svg.count(QStringLiteral("path")), 10);
    const QString text = svg.allText();
    EXPECT_TRUE(text.contains(QStringLiteral("healthy_run")));
    EXPECT_TRUE(text.contains(QStringLiteral("overfit_run")));
    EXPECT_TRUE(text.contains(QStringLiteral("overfitting")));  // the finding's kind
    EXPECT_TRUE(text.contains(QStringLiteral("step")));         // an axis title
    EXPECT_FALSE(text.contains(QStringLiteral("hidden_run")));
    // The curves are strokes in the runs' colours.
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const RunEntry* e : {&runs.healthy, &runs.overfit})
        EXPECT_TRUE(bytes.contains("stroke=\"" + e->color.name().toLatin1() + "\""))
            << e->name.toStdString();
}

TEST(VectorReport, PdfHasSelectableTextOnPrintPages) {
    const ThreeRuns runs;
    QTemporaryDir dir;
    const QString a4 = dir.filePath(QStringLiteral("report.pdf"));
    ReportOptions options;
    options.format = ReportFormat::Pdf;
    QString error;
    ReportLayout layout;
    ASSERT_TRUE(saveReport(a4, runs.all(), ViewSettings{}, options, {}, &error, nullptr, &layout))
        << error.toStdString();
    QFile f(a4);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(5).startsWith("%PDF-"));
    const auto text = testing::pdfText(a4);
    if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    EXPECT_TRUE(text->contains(QStringLiteral("healthy_run")));
    EXPECT_TRUE(text->contains(QStringLiteral("overfit_run")));
    EXPECT_TRUE(text->contains(QStringLiteral("overfitting")));
    EXPECT_FALSE(text->contains(QStringLiteral("hidden_run")));
    const auto info = testing::pdfInfo(a4);
    ASSERT_TRUE(info);
    // A4 is 210 x 297 mm = 595.3 x 841.9 pt.
    EXPECT_NEAR(info->width, 595.3, 1.0);
    EXPECT_NEAR(info->height, 841.9, 1.0);
    EXPECT_EQ(info->pages, layout.pages);
    EXPECT_GE(info->pages, 2);  // three charts and two tables do not fit one A4 page

    const QString letter = dir.filePath(QStringLiteral("letter.pdf"));
    options.paper = QPageSize::Letter;
    options.landscape = true;
    ASSERT_TRUE(saveReport(letter, runs.all(), ViewSettings{}, options, {}, &error));
    const auto wide = testing::pdfInfo(letter);
    ASSERT_TRUE(wide);
    // US Letter is 8.5 x 11 in = 612 x 792 pt; landscape turns it.
    EXPECT_NEAR(wide->width, 792.0, 1.0);
    EXPECT_NEAR(wide->height, 612.0, 1.0);
}

// Training loss every step with noise, validation every 1,000 steps: shapes of a long run.
core::RunPtr longRun(int index, std::int64_t steps) {
    auto run = std::make_shared<core::Run>();
    run->name = "long_" + std::to_string(index);
    run->source = "/synthetic/" + run->name;
    core::Series& train = run->metrics["train_loss"];
    core::Series& val = run->metrics["val_loss"];
    std::uint32_t state = 12345u + static_cast<std::uint32_t>(index);
    for (std::int64_t s = 0; s < steps; ++s) {
        state = state * 1664525u + 1013904223u;  // LCG noise in [0, 1)
        const double noise = static_cast<double>(state >> 8) / 16777216.0;
        const double base = 2.0 * std::exp(-static_cast<double>(s) / 20000.0) + 0.1 * index;
        train.steps.push_back(s);
        train.values.push_back(base + 0.3 * noise);
        if (s % 1000 == 0) {
            val.steps.push_back(s);
            val.values.push_back(base + 0.05);
        }
    }
    return run;
}

TEST(VectorReport, TenRunsOfAHundredThousandPointsStayUnderTwoMegabytes) {
    std::vector<RunEntry> entries;
    for (int i = 0; i < 10; ++i) entries.push_back(entryFor(longRun(i, 100'000), i));
    std::vector<const RunEntry*> runs;
    for (const RunEntry& e : entries) runs.push_back(&e);
    QTemporaryDir dir;
    QString error;
    for (const ReportFormat format : {ReportFormat::Svg, ReportFormat::Pdf}) {
        const QString path =
            dir.filePath(QStringLiteral("big.") + reportFormatName(format).toLower());
        ReportOptions options;
        options.format = format;
        ASSERT_TRUE(saveReport(path, runs, ViewSettings{}, options, {}, &error))
            << error.toStdString();
        const qint64 size = QFileInfo(path).size();
        EXPECT_GT(size, 20'000) << path.toStdString();  // curves are in it
        EXPECT_LT(size, 2'000'000) << path.toStdString();
    }
    const auto svg = parseSvg(dir.filePath(QStringLiteral("big.svg")));
    EXPECT_EQ(svg.count(QStringLiteral("image")), 0);
    for (const RunEntry& e : entries) EXPECT_TRUE(svg.allText().contains(e.name));
}

TEST(VectorReport, IdenticalSettingsAreOneLineAndDifferingOnesStayInTheTable) {
    auto a = std::make_shared<core::Run>(*syntheticRun("run_a", 600, 0.1, 0, 100, "0.001"));
    auto b = std::make_shared<core::Run>(*syntheticRun("run_b", 600, 0.2, 0, 100, "0.01"));
    // Ten more settings both runs share (an Ultralytics args.yaml has about ninety).
    for (int i = 0; i < 10; ++i) {
        const std::string key = "shared_" + std::to_string(i);
        a->hyperparameters[key] = b->hyperparameters[key] = std::to_string(i);
    }
    const RunEntry ea = entryFor(a, 0), eb = entryFor(b, 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hp.svg"));
    ReportOptions options;
    options.format = ReportFormat::Svg;
    QString error;
    ASSERT_TRUE(saveReport(path, {&ea, &eb}, ViewSettings{}, options, {}, &error));
    const QStringList texts = parseSvg(path).texts;
    const QString all = texts.join(QLatin1Char(' '));
    // batch_size=64 and shared_0..9 are the same in both: 11 identical settings.
    EXPECT_TRUE(all.contains(QStringLiteral("and 11 identical settings"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("lr=0.001")));
    EXPECT_TRUE(all.contains(QStringLiteral("lr=0.01")));
    // The shared ones are not listed per run: "batch_size=64" appears at most once (in the
    // collapsed line), not once per row.
    EXPECT_LE(all.count(QStringLiteral("batch_size=64")), 1);
}

TEST(VectorReport, ChartTitlesKeepTheMetricNamesCase) {
    auto run = std::make_shared<core::Run>();
    run->name = "yolo";
    for (const char* name : {"metrics/mAP50-95(B)", "  train/box_loss"}) {
        core::Series& s = run->metrics[name];
        s.steps = {0, 1, 2};
        s.values = {0.1, 0.2, 0.3};
    }
    const std::vector<const core::Run*> runs{run.get()};
    EXPECT_EQ(familyTitle(runs, QStringLiteral("map50-95(b)")), QStringLiteral("mAP50-95(B)"));
    EXPECT_EQ(familyTitle(runs, QStringLiteral("box_loss")), QStringLiteral("box_loss"));
    EXPECT_EQ(familyTitle(runs, QStringLiteral("absent")), QStringLiteral("absent"));
    const RunEntry e = entryFor(run, 0);
    MetricChart chart;
    chart.setContent({&e}, QStringLiteral("map50-95(b)"), ViewSettings{});
    EXPECT_EQ(chart.displayTitle(), QStringLiteral("mAP50-95(B)"));
    EXPECT_EQ(suggestedChartFileName(chart, QStringLiteral("svg")),
              QStringLiteral("mAP50-95(B).svg"));
}

TEST(VectorReport, AChartOnScreenExportsAsPathsNotItsCachedPixmap) {
    const RunEntry e = entryFor(syntheticRun("screen_run", 600, 0.1, 0), 0);
    const RunEntry other = entryFor(syntheticRun("other_run", 600, 0.2, 0), 1);
    auto* chart = new MetricChart;  // two runs: the legend names them
    chart->setContent({&e, &other}, QStringLiteral("loss"), ViewSettings{});
    ChartView view(chart);  // draws the chart through a cached pixmap (a graphics effect)
    view.resize(600, 360);
    view.show();
    QTemporaryDir dir;
    QString error;
    const QString svgPath = dir.filePath(QStringLiteral("c.svg"));
    ASSERT_TRUE(exportChartSvg(*chart, svgPath, chart->size(), &error));
    const auto svg = parseSvg(svgPath);
    EXPECT_EQ(svg.count(QStringLiteral("image")), 0);
    EXPECT_GT(svg.count(QStringLiteral("polyline")), 0);
    EXPECT_TRUE(svg.allText().contains(QStringLiteral("screen_run")))  // the chart's legend
        << svg.allText().toStdString();
    EXPECT_TRUE(svg.allText().contains(QStringLiteral("step")));
    ASSERT_NE(chart->graphicsEffect(), nullptr);
    EXPECT_TRUE(chart->graphicsEffect()->isEnabled());  // the view draws as before

    const QString pdfPath = dir.filePath(QStringLiteral("c.pdf"));
    ASSERT_TRUE(exportChartPdf(*chart, pdfPath, chart->size(), &error));
    const auto text = testing::pdfText(pdfPath);
    if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    EXPECT_TRUE(text->contains(QStringLiteral("screen_run")));
    const auto info = testing::pdfInfo(pdfPath);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->pages, 1);
    EXPECT_NEAR(info->width, chart->size().width() * 0.75, 1.0);  // 96 px per inch = 72 pt
}

// Issue #17: the title listed the visible runs while the group's charts still took in the
// hidden member.
TEST(VectorReport, AHiddenRunOfAGroupIsNotInTheGroupsCharts) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    auto& store = testing::part<RunStore>(w);
    // 30 steps: the x ticks stay under 100, where seed3's values (1000) would be far above.
    store.add(syntheticRun("seed1", 30, 0.1, 0), {});
    store.add(syntheticRun("seed2", 30, 0.12, 0), {});
    store.add(syntheticRun("seed3", 30, 1000.0, 0), {});
    ASSERT_GT(testing::part<GroupController>(w).makeGroupFromRegex(QStringLiteral("seed")), 0);
    store.setVisible(2, false);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("groups.svg"));
    ReportOptions options;
    options.format = ReportFormat::Svg;
    QString error;
    ASSERT_TRUE(testing::part<ExportActions>(w).exportReport(path, options, true, &error))
        << error.toStdString();
    const auto svg = parseSvg(path);
    EXPECT_TRUE(svg.allText().contains(QStringLiteral("mean of 2 runs")))
        << svg.allText().toStdString();
    EXPECT_FALSE(svg.allText().contains(QStringLiteral("seed3")));
    // No axis reaches seed3's 1000: the loss chart's y-axis ends near 2.4 (seed1 and seed2).
    double highest = 0;
    static const QRegularExpression number(QStringLiteral(R"(^-?\d+(\.\d+)?$)"));
    for (const QString& t : svg.texts)
        if (number.match(t).hasMatch()) highest = std::max(highest, t.toDouble());
    EXPECT_GT(highest, 1.0);
    EXPECT_LT(highest, 100.0);
}

TEST(VectorReport, SuggestedChartFileNamesAreFileNames) {
    QChart untitled;
    EXPECT_EQ(suggestedChartFileName(untitled, QStringLiteral("png")), QStringLiteral("chart.png"));
    QChart slashed;
    slashed.setTitle(QStringLiteral("train/box_loss"));
    EXPECT_EQ(suggestedChartFileName(slashed, QStringLiteral("pdf")),
              QStringLiteral("train_box_loss.pdf"));
}

}  // namespace
}  // namespace curvedoctor::ui
