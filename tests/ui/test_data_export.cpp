// Issue #17: data out of the window: a chart's curves as CSV (what it draws, recomputed here
// independently) and table selections as TSV on Ctrl+C.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <map>

#include "tests/ui/report_test_runs.h"
#include "ui/chart/metric_chart.h"
#include "ui/models/comparison_table_model.h"
#include "ui/panels/comparison_panel.h"
#include "ui/panels/table_copy.h"
#include "ui/report/export_actions.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entryFor;
using testing::syntheticRun;

// DESIGN.md section 5, written out again here: TensorBoard's debiased EMA over finite points.
std::vector<double> referenceEma(const std::vector<double>& ys, double w) {
    std::vector<double> out;
    double last = 0.0;
    int n = 0;
    for (double y : ys) {
        if (!std::isfinite(y)) {
            out.push_back(y);
            continue;
        }
        last = w * last + (1.0 - w) * y;
        ++n;
        out.push_back(last / (1.0 - std::pow(w, n)));
    }
    return out;
}

TEST(DataExport, ChartCsvIsEveryPointItDrawsWithRawAndSmoothedValues) {
    const RunEntry shown = entryFor(syntheticRun("shown, \"quoted\"", 500, 0.1, 0), 0);
    RunEntry hidden = entryFor(syntheticRun("hidden", 500, 0.2, 0), 1);
    hidden.visible = false;
    ViewSettings settings;
    settings.setSmoothing({core::SmoothingKind::Ema, 0.8});
    MetricChart chart;
    chart.setContent({&shown, &hidden}, QStringLiteral("loss"), settings);
    chart.resize(800, 400);
    chart.setXRange(100, 250);

    const QStringList lines = chart.dataCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_EQ(lines.front(), QStringLiteral("run,metric,step,raw,smoothed"));
    // The expected rows from the run itself: train_loss every step, val_loss every 100th,
    // inside [100, 250].
    std::map<std::string, int> rowsPerMetric;
    for (int i = 1; i < lines.size(); ++i) {
        // The run's name has a comma and quotes: RFC 4180 quoting.
        const QString prefix = QStringLiteral("\"shown, \"\"quoted\"\"\",");
        ASSERT_TRUE(lines[i].startsWith(prefix)) << lines[i].toStdString();
        const QStringList f = lines[i].mid(prefix.size()).split(QLatin1Char(','));
        ASSERT_EQ(f.size(), 4) << lines[i].toStdString();
        const std::string metric = f[0].toStdString();
        const std::int64_t step = f[1].toLongLong();
        EXPECT_GE(step, 100);
        EXPECT_LE(step, 250);
        const core::Series& s = shown.run->metrics.at(metric);
        const auto at = std::find(s.steps.begin(), s.steps.end(), step) - s.steps.begin();
        ASSERT_LT(static_cast<std::size_t>(at), s.steps.size());
        const auto ema = referenceEma(s.values.toVector(), 0.8);
        EXPECT_EQ(f[2].toDouble(), s.values[static_cast<std::size_t>(at)]);  // shortest round trip
        EXPECT_NEAR(f[3].toDouble(), ema[static_cast<std::size_t>(at)], 1e-12);
        ++rowsPerMetric[metric];
    }
    EXPECT_EQ(rowsPerMetric["train_loss"], 151);  // steps 100..250
    EXPECT_EQ(rowsPerMetric["val_loss"], 2);      // steps 100 and 200
    EXPECT_EQ(rowsPerMetric.size(), 2u);          // and nothing of the hidden run

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loss.csv"));
    QString error;
    ASSERT_TRUE(ExportActions::exportChartData(chart, path, &error)) << error.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()), chart.dataCsv());
}

// A TensorBoard scalar is a float32: the chart keeps such a curve's smoothed values as floats
// (core/plot/smoothed_values.h), the export gives the smoothing's doubles all the same.
TEST(DataExport, ChartCsvOfFloatValuesHasTheSmoothedDoubles) {
    auto run = std::make_shared<core::Run>();
    run->name = "float";
    core::Series& loss = run->metrics["train_loss"];
    for (std::int64_t s = 0; s < 300; ++s) {
        loss.steps.push_back(s);
        loss.values.push_back(static_cast<float>(2.0 / (1.0 + 0.05 * static_cast<double>(s))));
    }
    ASSERT_TRUE(loss.values.isFloat());
    const RunEntry shown = entryFor(run, 0);
    ViewSettings settings;
    settings.setSmoothing({core::SmoothingKind::Ema, 0.9});
    MetricChart chart;
    chart.setContent({&shown}, QStringLiteral("loss"), settings);
    chart.resize(800, 400);
    const QStringList lines = chart.dataCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 301);
    const auto ema = referenceEma(loss.values.toVector(), 0.9);
    int floatWouldDiffer = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char(','));
        ASSERT_EQ(f.size(), 5) << lines[i].toStdString();
        const auto at = static_cast<std::size_t>(f[2].toLongLong());
        const double want = ema[at];
        // The reference sums in its own order: equal to about 1e-15, far below a float's 6e-8.
        EXPECT_NEAR(f[4].toDouble(), want, 1e-14 * want) << at;
        if (std::abs(static_cast<double>(static_cast<float>(want)) - want) > 1e-12 * want)
            ++floatWouldDiffer;
    }
    EXPECT_GT(floatWouldDiffer, 100) << "the check tells doubles from floats";
}

TEST(DataExport, CtrlCCopiesTheSelectedRowsAsTsv) {
    RunStore store;
    ViewSettings settings;
    store.add(syntheticRun("alpha", 300, 0.1, 0), {});
    store.add(syntheticRun("beta", 300, 0.2, 0), {});
    ComparisonPanel panel(store, settings);
    QTableView* view = panel.view();
    ASSERT_EQ(view->model()->rowCount(), 2);
    view->selectionModel()->select(view->model()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QAction* copy = nullptr;
    for (QAction* a : view->actions())
        if (a->shortcut() == QKeySequence(QKeySequence::Copy)) copy = a;
    ASSERT_NE(copy, nullptr);
    QApplication::clipboard()->clear();
    copy->trigger();
    const QStringList lines =
        QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);  // the header and the one selected row
    const int columns = view->model()->columnCount();
    EXPECT_EQ(lines[0].count(QLatin1Char('\t')), columns - 1);
    EXPECT_EQ(lines[1].count(QLatin1Char('\t')), columns - 1);
    EXPECT_EQ(lines[0].split(QLatin1Char('\t')).front(),
              view->model()->headerData(0, Qt::Horizontal).toString());
    EXPECT_EQ(lines[1].split(QLatin1Char('\t')).front(),
              view->model()->index(1, 0).data().toString());

    const QStringList csv = tableAsCsv(*view).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_EQ(csv.size(), 3);  // header and both runs
}

}  // namespace
}  // namespace curvedoctor::ui
