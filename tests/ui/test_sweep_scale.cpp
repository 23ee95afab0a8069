// Sweeps at scale (issue #14): the real window opens a generated sweep of 200 runs and shows
// every run in the list, the charts, the findings and the comparison, rebuilding its charts
// once per batch of arrivals rather than once per run; the findings model grows in place; the
// loss axis fits the bulk of runs, the diverging runs' climbs clipped and marked.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTableView>

#include "tests/ui/report_test_runs.h"
#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/findings_model.h"
#include "ui/models/run_list_model.h"
#include "ui/panels/comparison_panel.h"
#include "ui/panels/run_list_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

constexpr int kRuns = 200;
constexpr int kSteps = 200;

bool diverges(int run) {
    return run % 10 == 3;
}

/// The loss of `run` at step `s`: from about 2.1 down to about 0.3.
double sweepLoss(int run, int s) {
    const double floor = 0.1 + 0.001 * run;
    double loss = 2.0 * std::exp(-s / 40.0) + floor + 0.01 * ((s * 7 + run) % 5);
    if (diverges(run) && s > 100) loss *= std::exp((s - 100) / 10.0);
    return loss;
}

/// A sweep folder: run_000 .. run_199, each a CSV log of kSteps steps. Every tenth run's loss
/// grows without bound from step 100 on (the doctor finds a divergence there).
QString writeSweep(const QTemporaryDir& dir) {
    for (int r = 0; r < kRuns; ++r) {
        QByteArray csv = "step,loss,val_loss\n";
        for (int s = 0; s < kSteps; ++s) {
            const double loss = sweepLoss(r, s);
            csv += QByteArray::number(s) + ',' + QByteArray::number(loss, 'g', 9) + ',' +
                   QByteArray::number(loss + 0.05, 'g', 9) + '\n';
        }
        testing::writeFile(dir, QStringLiteral("sweep/run_%1/log.csv").arg(r, 3, 10, QChar('0')),
                           csv);
    }
    return dir.filePath(QStringLiteral("sweep"));
}

TEST(SweepScale, AGeneratedSweepOpensWhole) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    const QString sweep = writeSweep(dir);
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    auto& store = testing::part<RunStore>(w);
    auto& charts = testing::part<ChartPanel>(w);
    QAbstractItemModelTester tester(testing::partPtr<RunListPanel>(w)->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int rebuildsBefore = charts.rebuildCount();
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.openPaths({sweep});
    ASSERT_TRUE(testing::waitForLoad(w.loadController(), finished));
    ASSERT_EQ(store.count(), kRuns);

    // The run list.
    EXPECT_EQ(testing::partPtr<RunListPanel>(w)->model()->rowCount(), kRuns);

    // The loss chart: a training and a validation curve of every run.
    QList<MetricChart*> shown = charts.charts();
    ASSERT_FALSE(shown.isEmpty());
    MetricChart* loss = shown.front();
    EXPECT_EQ(loss->family(), QStringLiteral("loss"));
    EXPECT_EQ(loss->curveCount(), 2 * kRuns);
    QSet<QString> drawn;
    for (const LayerCurve& c : loss->curveLayer()->curves())
        if (!c.raw) drawn << c.name.section(QLatin1Char(' '), 0, 0);
    for (const RunEntry& e : store.entries())
        EXPECT_TRUE(drawn.contains(e.name)) << e.name.toStdString();

    // Rebuilt per batch of arrivals: once per run would be 200 rebuilds.
    const int rebuilds = charts.rebuildCount() - rebuildsBefore;
    EXPECT_GE(rebuilds, 1);
    EXPECT_LE(rebuilds, kRuns / 5);

    // The findings: every finding of every run, the diverging runs' among them.
    int findings = 0;
    int diverged = 0;
    for (const RunEntry& e : store.entries()) {
        findings += static_cast<int>(e.diagnosis.findings.size());
        if (e.name.endsWith(QLatin1Char('3')) && !e.diagnosis.findings.empty()) ++diverged;
    }
    EXPECT_EQ(diverged, kRuns / 10);
    auto* findingsModel = w.findChild<FindingsModel*>();
    ASSERT_NE(findingsModel, nullptr);
    EXPECT_EQ(findingsModel->rowCount(), findings);

    // The comparison (filled once after the batch).
    auto* comparison = w.findChild<ComparisonPanel*>();
    ASSERT_NE(comparison, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return comparison->model()->rowCount() == kRuns; }, 5000));
}

TEST(SweepScale, TheLossAxisFitsTheBulkOfRunsAndMarksTheClimbs) {
    testing::SettingsSandbox sandbox;
    QTemporaryDir dir;
    const QString sweep = writeSweep(dir);
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.openPaths({sweep});
    ASSERT_TRUE(testing::waitForLoad(w.loadController(), finished));
    MetricChart* loss = testing::partPtr<ChartPanel>(w)->charts().front();
    ASSERT_EQ(loss->family(), QStringLiteral("loss"));
    // The values as written: the healthy runs' highest loss (validation: loss + 0.05), the
    // diverging runs' highest, and the value below which a third of each diverging curve lies.
    double healthyTop = 0.0, divergedTop = 0.0;
    QStringList diverging;
    for (int r = 0; r < kRuns; ++r) {
        for (int s = 0; s < kSteps; ++s)
            (diverges(r) ? divergedTop : healthyTop) =
                std::max(diverges(r) ? divergedTop : healthyTop, sweepLoss(r, s) + 0.05);
        if (diverges(r)) diverging << QStringLiteral("run_%1").arg(r, 3, 10, QChar('0'));
    }
    ASSERT_GT(divergedTop, 1000 * healthyTop);
    // The axis ends near the healthy runs (with its 5% margin), not at the climbs' 40k.
    EXPECT_GE(loss->yMax(), healthyTop);
    EXPECT_LT(loss->yMax(), 1.5 * healthyTop);
    QStringList clipped = loss->yClippedRuns();
    clipped.sort();
    EXPECT_EQ(clipped, diverging);
    EXPECT_TRUE(loss->yOutlierRuns().isEmpty());
    // Each diverging run is marked where it leaves the top edge, after its healthy start.
    for (const QString& run : diverging) {
        bool marked = false;
        for (const OverlayMarker& m : loss->overlay()->edgeMarkers())
            marked = marked || (m.shape == OverlayMarker::Shape::ClippedAbove &&
                                m.text.startsWith(run + QStringLiteral(" ")) && m.x > 100);
        EXPECT_TRUE(marked) << run.toStdString();
    }
    // The legend says so, and a click on that entry fits every value; another goes back.
    auto offChart = [&] {
        for (const LegendItem& item : loss->overlay()->legendItems())
            if (item.type == LegendItem::Type::OffScale) return item;
        return LegendItem{};
    };
    ASSERT_EQ(offChart().label, QStringLiteral("20 runs off the chart"));
    ChartView* view = nullptr;
    for (QChartView* v : testing::partPtr<ChartPanel>(w)->chartViews())
        if (v->chart() == loss) view = static_cast<ChartView*>(v);
    ASSERT_NE(view, nullptr);
    auto click = [&] {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->mapFromScene(loss->mapToScene(offChart().rect.center())));
        QApplication::processEvents();
    };
    click();
    EXPECT_TRUE(loss->fitsAllY());
    EXPECT_GE(loss->yMax(), divergedTop);
    EXPECT_TRUE(loss->yClippedRuns().isEmpty());
    EXPECT_EQ(offChart().label, QStringLiteral("y: all values"));
    click();
    EXPECT_FALSE(loss->fitsAllY());
    EXPECT_LT(loss->yMax(), 1.5 * healthyTop);
}

TEST(SweepScale, ChartsRebuildOncePerBatchAndAreCurrentWhenRead) {
    RunStore store;
    ViewSettings settings;
    ChartPanel panel(store, settings);
    panel.resize(900, 600);
    panel.show();
    QApplication::processEvents();
    const int before = panel.rebuildCount();
    for (int i = 0; i < 50; ++i)
        store.add(testing::syntheticRun("run" + std::to_string(i), 300, 0.1, 0), {});
    // Reading the charts settles the batch at once: they show every run...
    ASSERT_FALSE(panel.charts().isEmpty());
    EXPECT_EQ(panel.charts().front()->curveCount(), 2 * 50);
    // ...with one rebuild for the fifty additions, and none left waiting.
    EXPECT_EQ(panel.rebuildCount(), before + 1);
    QTest::qWait(250);
    EXPECT_EQ(panel.rebuildCount(), before + 1);

    // Without a reader, a batch of changes still ends in one rebuild.
    for (int i = 0; i < 20; ++i) store.setVisible(i, false);
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel.rebuildCount() == before + 2; }, 2000));
    QTest::qWait(250);
    EXPECT_EQ(panel.rebuildCount(), before + 2);
    EXPECT_EQ(panel.charts().front()->curveCount(), 2 * 30);
}

TEST(SweepScale, FindingsOfAddedRunsLandWhereARefreshPutsThem) {
    RunStore store;
    FindingsModel grown(store);
    QAbstractItemModelTester tester(&grown, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const core::Severity order[] = {core::Severity::Info, core::Severity::Error,
                                    core::Severity::Warning};
    for (int r = 0; r < 12; ++r) {
        core::RunDiagnosis d;
        for (int k = 0; k < r % 4; ++k) {
            core::Finding f;
            f.severity = order[(r + k) % 3];
            f.metric = "loss";
            f.message = "finding " + std::to_string(k) + " of run " + std::to_string(r);
            f.beginStep = std::int64_t{10} * k;
            f.endStep = std::int64_t{10} * k + 5;
            d.findings.push_back(f);
        }
        store.add(testing::syntheticRun("r" + std::to_string(r), 50, 0.1, 0), d);
    }
    FindingsModel fresh(store);  // reads every run at once
    ASSERT_EQ(grown.rowCount(), fresh.rowCount());
    ASSERT_GT(grown.rowCount(), 10);
    for (int row = 0; row < fresh.rowCount(); ++row)
        for (int col = 0; col < FindingsModel::ColumnCount; ++col)
            EXPECT_EQ(grown.index(row, col).data(), fresh.index(row, col).data())
                << "row " << row << " column " << col;
    // Errors first, then warnings, then notes.
    for (int row = 1; row < grown.rowCount(); ++row)
        EXPECT_GE(grown.index(row - 1, 0).data(FindingsModel::SeverityRole).toInt(),
                  grown.index(row, 0).data(FindingsModel::SeverityRole).toInt());
}

}  // namespace
}  // namespace curvedoctor::ui
