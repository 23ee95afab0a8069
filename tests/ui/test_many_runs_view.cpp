// Issue #14, readability: the window with the whole real logdir (71 runs of 20 formats) open.
// Each test states what it checks against the data itself (read from the store, not from the
// chart), so an expectation is never a copy of what the chart happened to show.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <algorithm>
#include <cmath>
#include <memory>

#include "core/metric_role.h"
#include "tests/core/realworld_dir.h"
#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/chart_view.h"
#include "ui/chart/curve_layer.h"
#include "ui/chart/finding_overlay.h"
#include "ui/chart/hover_table.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/comparison_table_model.h"
#include "ui/models/findings_model.h"
#include "ui/panels/findings_panel.h"
#include "ui/panels/run_filter_bar.h"
#include "ui/panels/run_list_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

QString realworld() {
    return QString::fromStdString(core::testing_support::realworldDir());
}

void settle() {
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

/// Opens `paths` in `w` (shown at 1400 x 900) and waits for the load; false on timeout.
bool openAndWait(MainWindow& w, const QStringList& paths) {
    w.resize(1400, 900);
    w.show();
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.openPaths(paths);
    if (finished.isEmpty() && !finished.wait(300000)) return false;
    settle();
    return true;
}

/// Saves the window as NAME.png into $CURVEDOCTOR_TEST_SCREENSHOTS when that is set, for looking.
void keepScreenshot(QWidget& w, const QString& name) {
    const QString dir = qEnvironmentVariable("CURVEDOCTOR_TEST_SCREENSHOTS");
    if (!dir.isEmpty()) w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

MetricChart* chartOf(const MainWindow& w, const QString& family) {
    for (MetricChart* c : testing::partPtr<ChartPanel>(w)->charts())
        if (c->family() == family) return c;
    return nullptr;
}

ChartView* viewOf(const MainWindow& w, const MetricChart* chart) {
    for (QChartView* v : testing::partPtr<ChartPanel>(w)->chartViews())
        if (v->chart() == chart) return static_cast<ChartView*>(v);
    return nullptr;
}

/// The series of `e` in chart family `family`.
std::vector<const core::Series*> familySeries(const RunEntry& e, const QString& family) {
    std::vector<const core::Series*> out;
    for (const auto& [name, s] : e.run->metrics)
        if (QString::fromStdString(core::inferMetricInfo(name).family) == family && !s.empty())
            out.push_back(&s);
    return out;
}

class ManyRunsView : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!QDir(realworld()).exists()) return;
        s_sandbox = std::make_unique<testing::SettingsSandbox>();
        s_window = std::make_unique<MainWindow>();
        if (!openAndWait(*s_window, {realworld()})) s_window.reset();
    }
    static void TearDownTestSuite() {
        s_window.reset();
        s_sandbox.reset();
    }
    void SetUp() override {
        if (!s_window) GTEST_SKIP() << "no real-world logs at " << realworld().toStdString();
        // Every test starts from the whole logdir in the default view.
        auto& settings = testing::part<ViewSettings>(*s_window);
        settings.setXAxis(XAxisMode::Step);
        settings.setLogY(false);
        settings.setExtraFamilies({});
        testing::partPtr<RunListPanel>(*s_window)->filterEdit()->clear();
        testing::partPtr<RunFilterBar>(*s_window)->kindBox()->setCurrentIndex(0);
        testing::partPtr<RunFilterBar>(*s_window)->hyperparameterEdit()->clear();
        testing::partPtr<RunFilterBar>(*s_window)->showAll();
        testing::partPtr<ChartPanel>(*s_window)->resetZoom();
        settle();
    }
    MainWindow& w() { return *s_window; }
    RunStore& store() { return testing::part<RunStore>(*s_window); }

    static std::unique_ptr<testing::SettingsSandbox> s_sandbox;
    static std::unique_ptr<MainWindow> s_window;
};
std::unique_ptr<testing::SettingsSandbox> ManyRunsView::s_sandbox;
std::unique_ptr<MainWindow> ManyRunsView::s_window;

TEST_F(ManyRunsView, TheLossChartIsNotBlownUpByTheRunThatLogs268M) {
    ASSERT_GT(store().count(), 60);
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    // lightning_07 logs a train loss of 2.1e8..2.9e8 (its metrics.csv); the other runs' losses
    // are below 100, so a range fitted to them stays far below the outlier's.
    EXPECT_LT(loss->yMax(), 1e3);
    EXPECT_TRUE(loss->yOutlierRuns().contains(QStringLiteral("lightning_07")));
    // ... and the run is not silently gone: a mark on the top edge names it.
    bool marked = false;
    for (const OverlayMarker& m : loss->overlay()->edgeMarkers())
        marked = marked || (m.shape == OverlayMarker::Shape::ClippedAbove &&
                            m.text.startsWith(QStringLiteral("lightning_07")));
    EXPECT_TRUE(marked);
}

TEST_F(ManyRunsView, OnPaperTheLegendAsksForNoClicks) {
    // The whole logdir: more runs with findings than bands are drawn for, and more runs than
    // the legend names. On screen the legend says to click; a report or exported image is
    // paper, where "click one in the list" means nothing.
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    const auto noteOf = [&] {
        for (const LegendItem& item : loss->overlay()->legendItems())
            if (item.type == LegendItem::Type::Note) return item.label;
        return QString();
    };
    ASSERT_TRUE(noteOf().contains(QStringLiteral("click"))) << noteOf().toStdString();
    loss->overlay()->setForPaper(true);
    const QString paper = noteOf();
    loss->overlay()->setForPaper(false);
    EXPECT_FALSE(paper.isEmpty());
    EXPECT_FALSE(paper.contains(QStringLiteral("click"))) << paper.toStdString();
    EXPECT_TRUE(paper.contains(QStringLiteral("table"))) << paper.toStdString();
}

TEST_F(ManyRunsView, LogYRangesOverPositiveRawValuesOnly) {
    testing::part<ViewSettings>(w()).setLogY(true);
    settle();
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    ASSERT_TRUE(loss->isLogY());
    // The smallest positive finite raw loss of any shown run bounds the axis from below (the
    // smoothed curve of hf_trainer_03's all-zero loss decays towards 1e-130 and must not).
    double minPositive = INFINITY;
    for (const RunEntry& e : store().entries())
        for (const core::Series* s : familySeries(e, QStringLiteral("loss")))
            for (double v : s->values)
                if (std::isfinite(v) && v > 0) minPositive = std::min(minPositive, v);
    ASSERT_TRUE(std::isfinite(minPositive));
    const double span = loss->yMax() - loss->yMin();
    EXPECT_GE(loss->yMin(), std::log10(minPositive) - 0.1 * span);
    EXPECT_GT(loss->yMin(), -20.0);
}

TEST_F(ManyRunsView, TheEpochAxisLeavesOutRunsWithoutEpochsAndSaysSo) {
    testing::part<ViewSettings>(w()).setXAxis(XAxisMode::Epoch);
    settle();
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    ASSERT_EQ(loss->effectiveXAxis(), XAxisMode::Epoch);
    const QStringList out = loss->leftOutRuns();
    ASSERT_FALSE(out.isEmpty());
    double maxEpoch = 0;
    for (const RunEntry& e : store().entries())
        for (const core::Series* s : familySeries(e, QStringLiteral("loss"))) {
            if (out.contains(e.name)) {
                EXPECT_FALSE(s->hasEpochs()) << e.name.toStdString() << " was left out";
            }
            for (double v : s->epochs)
                if (std::isfinite(v)) maxEpoch = std::max(maxEpoch, v);
        }
    // The axis spans epochs, not the step numbers of the runs without them ("375k epochs").
    EXPECT_LE(loss->xMax(), maxEpoch * 1.06 + 1);
    EXPECT_TRUE(loss->overlay()->note().contains(QStringLiteral("without epochs not shown")))
        << loss->overlay()->note().toStdString();
}

TEST_F(ManyRunsView, ProgressAlignsEveryRunOnZeroToHundredPercent) {
    testing::part<ViewSettings>(w()).setXAxis(XAxisMode::Progress);
    settle();
    for (MetricChart* c : testing::partPtr<ChartPanel>(w())->charts()) {
        EXPECT_EQ(c->effectiveXAxis(), XAxisMode::Progress);
        EXPECT_GE(c->dataXMin(), 0.0) << c->family().toStdString();
        EXPECT_LE(c->dataXMax(), 100.0) << c->family().toStdString();
        EXPECT_TRUE(c->leftOutRuns().isEmpty());
    }
}

TEST_F(ManyRunsView, TheNameFilterReachesChartsComparisonAndFindings) {
    testing::partPtr<RunListPanel>(w())->filterEdit()->setText(QStringLiteral("^keras"));
    settle();
    QStringList keras;
    for (const RunEntry& e : store().entries())
        if (e.name.startsWith(QStringLiteral("keras"))) keras << e.name;
    ASSERT_GE(keras.size(), 2);
    for (MetricChart* c : testing::partPtr<ChartPanel>(w())->charts())
        for (const LayerCurve& curve : c->curveLayer()->curves())
            EXPECT_TRUE(curve.name.startsWith(QStringLiteral("keras"))) << curve.name.toStdString();
    auto* comparison = w().findChild<ComparisonTableModel*>();
    ASSERT_NE(comparison, nullptr);
    EXPECT_EQ(comparison->rowCount(), keras.size());
    const FindingsModel* findings = testing::partPtr<FindingsPanel>(w())->model();
    for (int r = 0; r < findings->rowCount(); ++r) {
        const int id = findings->index(r, 0).data(FindingsModel::RunIdRole).toInt();
        EXPECT_TRUE(keras.contains(store().at(store().rowOfId(id)).name));
    }
}

TEST_F(ManyRunsView, AFindingKindFilterKeepsOnlyTheRunsWithIt) {
    QComboBox* kinds = testing::partPtr<RunFilterBar>(w())->kindBox();
    kinds->setCurrentIndex(kinds->findData(static_cast<int>(core::FindingKind::NanInf)));
    settle();
    int shown = 0;
    for (const RunEntry& e : store().entries()) {
        const bool has =
            std::any_of(e.diagnosis.findings.begin(), e.diagnosis.findings.end(),
                        [](const auto& f) { return f.kind == core::FindingKind::NanInf; });
        EXPECT_EQ(e.shown(), has) << e.name.toStdString();
        shown += e.shown() ? 1 : 0;
    }
    EXPECT_GE(shown, 2);  // detectron2_02 and hf_trainer_03 at least (the findings list)
}

TEST_F(ManyRunsView, AHyperparameterFilterKeepsTheRunsWithThatValue) {
    // The first hyperparameter of the first run that logs any (hparams.yaml, MLflow params...).
    QString key, value;
    for (const RunEntry& e : store().entries())
        if (!e.run->hyperparameters.empty()) {
            key = QString::fromStdString(e.run->hyperparameters.begin()->first);
            value = QString::fromStdString(e.run->hyperparameters.begin()->second);
            break;
        }
    if (key.isEmpty()) GTEST_SKIP() << "no run logs hyperparameters";
    testing::partPtr<RunFilterBar>(w())->hyperparameterEdit()->setText(key + '=' + value);
    settle();
    int shown = 0;
    for (const RunEntry& e : store().entries()) {
        const auto it = e.run->hyperparameters.find(key.toStdString());
        const bool has =
            it != e.run->hyperparameters.end() && QString::fromStdString(it->second) == value;
        EXPECT_EQ(e.shown(), has) << e.name.toStdString();
        shown += e.shown() ? 1 : 0;
    }
    EXPECT_GE(shown, 1);
    testing::partPtr<RunFilterBar>(w())->hyperparameterEdit()->clear();
}

TEST_F(ManyRunsView, ClickingALegendEntryTogglesItsRun) {
    testing::partPtr<RunListPanel>(w())->filterEdit()->setText(QStringLiteral("^keras"));
    settle();
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    ChartView* view = viewOf(w(), loss);
    ASSERT_NE(view, nullptr);
    // Every visible run of the chart has an entry (four keras runs fit in the rows).
    QStringList listed;
    LegendItem target;
    for (const LegendItem& item : loss->overlay()->legendItems())
        if (item.type == LegendItem::Type::Run) {
            listed << item.label;
            if (item.label == QStringLiteral("keras_02")) target = item;
        }
    ASSERT_EQ(target.label, QStringLiteral("keras_02")) << listed.join(' ').toStdString();
    auto click = [&] {
        const QPoint at = view->mapFromScene(loss->mapToScene(target.rect.center()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        settle();
    };
    const int row = store().rowOfId([&] {
        for (const RunEntry& e : store().entries())
            if (e.name == QStringLiteral("keras_02")) return e.id;
        return 0;
    }());
    ASSERT_GE(row, 0);
    click();
    EXPECT_FALSE(store().at(row).visible);
    for (const LayerCurve& curve : loss->curveLayer()->curves())
        EXPECT_FALSE(curve.name.startsWith(QStringLiteral("keras_02 ")));
    // Still listed (greyed), so a second click brings it back.
    click();
    EXPECT_TRUE(store().at(row).visible);
}

TEST_F(ManyRunsView, TheLegendEndsInNMoreWhichAsksForTheRunList) {
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    int runsInChart = 0;
    for (const RunEntry& e : store().entries())
        runsInChart += familySeries(e, QStringLiteral("loss")).empty() ? 0 : 1;
    LegendItem more;
    int listed = 0;
    for (const LegendItem& item : loss->overlay()->legendItems()) {
        listed += item.type == LegendItem::Type::Run ? 1 : 0;
        if (item.type == LegendItem::Type::More) more = item;
    }
    ASSERT_EQ(more.type, LegendItem::Type::More);
    // Listed plus "N more" accounts for every run charted.
    EXPECT_EQ(more.label, QStringLiteral("%1 more").arg(runsInChart - listed));
    QSignalSpy asked(testing::partPtr<ChartPanel>(w()), &ChartPanel::runListRequested);
    ChartView* view = viewOf(w(), loss);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(loss->mapToScene(more.rect.center())));
    EXPECT_EQ(asked.count(), 1);
}

TEST_F(ManyRunsView, EveryFindingKindDrawnHasALegendEntry) {
    // Few runs, so that their bands are drawn: those with no_shuffle_periodic (the kind missing
    // from the legend in the issue), then others with findings, six in all.
    QStringList names;
    for (const bool periodic : {true, false})
        for (const RunEntry& e : store().entries()) {
            const bool has = std::any_of(
                e.diagnosis.findings.begin(), e.diagnosis.findings.end(), [&](const auto& f) {
                    return !periodic || f.kind == core::FindingKind::NoShufflePeriodic;
                });
            if (has && names.size() < 6 && !names.contains(QRegularExpression::escape(e.name)))
                names << QRegularExpression::escape(e.name);
        }
    ASSERT_FALSE(names.isEmpty());
    testing::partPtr<RunListPanel>(w())->filterEdit()->setText(
        QStringLiteral("^(%1)$").arg(names.join(QLatin1Char('|'))));
    settle();
    int kindsDrawn = 0;
    for (MetricChart* c : testing::partPtr<ChartPanel>(w())->charts()) {
        QStringList legend;
        for (const LegendItem& item : c->overlay()->legendItems())
            if (item.type == LegendItem::Type::Band) legend << item.label;
        for (const OverlayBand& b : c->overlay()->shownBands()) {
            ++kindsDrawn;
            EXPECT_TRUE(legend.contains(b.kind))
                << c->family().toStdString() << ": " << b.kind.toStdString();
        }
    }
    EXPECT_GT(kindsDrawn, 0);
}

TEST_F(ManyRunsView, TheHoverTableListsEveryRunAtTheCrosshairNearestFirst) {
    MetricChart* loss = chartOf(w(), QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    ChartView* view = viewOf(w(), loss);
    const QRectF a = loss->plotArea();
    // Near the left edge, where most runs have points.
    const QPointF chartPos(a.left() + a.width() * 0.01, a.center().y());
    view->hoverAt(view->mapFromScene(loss->mapToScene(chartPos)));
    const HoverTable* table = view->hoverTable();
    const auto& rows = table->rows().rows;
    ASSERT_GT(rows.size(), 12u);
    EXPECT_TRUE(table->isVisible());
    EXPECT_GE(table->maxRows(), 3);
    EXPECT_LE(table->maxRows(), HoverTable::kMaxRows);
    EXPECT_EQ(table->shownRowCount(), table->maxRows());
    EXPECT_EQ(table->moreCount(), static_cast<int>(rows.size()) - table->maxRows());
    EXPECT_TRUE(table->html().contains(QStringLiteral("%1 more").arg(table->moreCount())));
    QStringList runs;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0) {
            EXPECT_LE(rows[i - 1].pixelDistance, rows[i].pixelDistance);
        }
        if (!runs.contains(rows[i].run)) runs << rows[i].run;
    }
    EXPECT_GT(runs.size(), 12);
    // The TSV holds every row, not only the ones shown, under a header.
    EXPECT_EQ(table->toTsv().count(QLatin1Char('\n')), static_cast<qsizetype>(rows.size()) + 1);
    // A click pins it: moving on does not change it; a second click releases it.
    keepScreenshot(w(), QStringLiteral("many_runs_hover_table"));
    const double x = table->rows().x;
    view->togglePin(view->mapFromScene(loss->mapToScene(chartPos)));
    EXPECT_TRUE(table->isPinned());
    view->hoverAt(view->mapFromScene(loss->mapToScene(QPointF(a.center().x(), a.center().y()))));
    EXPECT_EQ(table->rows().x, x);
    view->togglePin(view->mapFromScene(loss->mapToScene(chartPos)));
    EXPECT_FALSE(table->isPinned());
    // Outside the plot the crosshair and the table go.
    view->hoverAt(QPoint(1, 1));
    EXPECT_FALSE(table->isVisible());
}

TEST_F(ManyRunsView, ClickingAFindingChartsItsMetricAndFitsXAndYToItsRun) {
    // detectron2_03's plateau is on total_loss, which the default charts (loss of the other
    // formats) do not show.
    ASSERT_EQ(chartOf(w(), QStringLiteral("total_loss")), nullptr);
    FindingsPanel* panel = testing::partPtr<FindingsPanel>(w());
    QTableView* table = panel->view();
    QModelIndex target;
    int runRow = -1;
    for (int r = 0; r < table->model()->rowCount() && !target.isValid(); ++r) {
        const QModelIndex i = table->model()->index(r, FindingsModel::MessageColumn);
        const int row = store().rowOfId(i.data(FindingsModel::RunIdRole).toInt());
        if (store().at(row).name == QStringLiteral("detectron2_03") &&
            i.data(FindingsModel::MetricRole).toString() == QStringLiteral("total_loss")) {
            target = i;
            runRow = row;
        }
    }
    ASSERT_TRUE(target.isValid());
    const auto begin = target.data(FindingsModel::BeginStepRole).toLongLong();
    const auto end = target.data(FindingsModel::EndStepRole).toLongLong();
    table->scrollTo(target);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(target).center());
    settle();
    MetricChart* chart = chartOf(w(), QStringLiteral("total_loss"));
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->highlightedRun(), QStringLiteral("detectron2_03"));
    EXPECT_LE(chart->xMin(), static_cast<double>(begin));
    EXPECT_GE(chart->xMax(), static_cast<double>(end));
    // y spans the run's own values over the finding's steps, not the other runs'.
    const core::Series* s = store().at(runRow).run->find("total_loss");
    ASSERT_NE(s, nullptr);
    std::vector<double> inRange;
    for (std::size_t i = 0; i < s->size(); ++i)
        if (s->steps[i] >= begin && s->steps[i] <= end && std::isfinite(s->values[i]))
            inRange.push_back(s->values[i]);
    ASSERT_FALSE(inRange.empty());
    std::sort(inRange.begin(), inRange.end());
    const double median = inRange[inRange.size() / 2];
    const double spread = inRange.back() - inRange.front();
    EXPECT_LE(chart->yMin(), median);
    EXPECT_GE(chart->yMax(), median);
    EXPECT_LE(chart->yMax() - chart->yMin(), 1.5 * spread + 1e-9);
    EXPECT_TRUE(chart->isYLocked());
    keepScreenshot(w(), QStringLiteral("many_runs_finding_focus"));
}

TEST(ManyRunsFirstView, DetectronOpensOnItsTotalLoss) {
    const QString path = QDir(realworld()).filePath(QStringLiteral("detectron2_03"));
    if (!QDir(path).exists()) GTEST_SKIP() << "no real-world logs";
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {path}));
    const QList<MetricChart*> charts = testing::partPtr<ChartPanel>(w)->charts();
    ASSERT_FALSE(charts.isEmpty());
    EXPECT_EQ(charts.front()->family(), QStringLiteral("total_loss"));
}

TEST(ManyRunsFirstView, TheComparisonTableShowsNoDenormalJunk) {
    const QString path = QDir(realworld()).filePath(QStringLiteral("hf_trainer_03"));
    if (!QDir(path).exists()) GTEST_SKIP() << "no real-world logs";
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {path}));
    auto* model = w.findChild<ComparisonTableModel*>();
    ASSERT_NE(model, nullptr);
    ASSERT_EQ(model->rowCount(), 1);
    // hf_trainer_03's loss is exactly 0 from step 1000 on: its smoothed final value is 0 in
    // any precision a person reads, never a number like 6.918e-168.
    const QRegularExpression tiny(QStringLiteral("e-(0*[3-9][0-9]|[1-9][0-9][0-9])"));
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString text = model->index(0, c).data().toString();
        EXPECT_FALSE(tiny.match(text).hasMatch()) << text.toStdString();
    }
}

TEST(ManyRunsFirstView, ANewRunIsNotHiddenByAZoomMadeBeforeIt) {
    const QDir real(realworld());
    if (!real.exists()) GTEST_SKIP() << "no real-world logs";
    testing::SettingsSandbox sandbox;
    MainWindow w;
    ASSERT_TRUE(openAndWait(w, {real.filePath(QStringLiteral("keras_01"))}));
    MetricChart* loss = chartOf(w, QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    loss->setXRange(loss->dataXMin(),
                    loss->dataXMin() + (loss->dataXMax() - loss->dataXMin()) / 50);
    ASSERT_TRUE(loss->hasUserRange());
    ASSERT_TRUE(openAndWait(w, {real.filePath(QStringLiteral("lightning_01"))}));
    loss = chartOf(w, QStringLiteral("loss"));
    ASSERT_NE(loss, nullptr);
    EXPECT_FALSE(loss->hasUserRange());
    EXPECT_LE(loss->xMin(), loss->dataXMin());
    EXPECT_GE(loss->xMax(), loss->dataXMax());
}

}  // namespace
}  // namespace curvedoctor::ui
