#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>

#include "tests/ui/report_test_runs.h"
#include "ui/models/comparison_table_model.h"
#include "ui/panels/comparison_panel.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::syntheticRun;
using Model = ComparisonTableModel;

// Three runs whose best validation losses are known from the formula in report_test_runs.h:
// healthy runs end at floor + 0.08 (+ the decayed exponential), the overfitting run's minimum
// sits at its overfit step. "b-nolr" has no hyperparameters at all.
class ComparisonTableTest : public ::testing::Test {
protected:
    void SetUp() override {
        store.add(syntheticRun("a-small-lr", 600, 0.30, 0, 100, "0.001"), {});
        store.add(syntheticRun("c-big-lr", 600, 0.10, 300, 100, "0.1"), {});
        auto bare = std::const_pointer_cast<core::Run>(syntheticRun("b-nolr", 600, 0.20, 0));
        bare->hyperparameters.clear();
        store.add(bare, {});
    }
    RunStore store;
    ViewSettings settings;
};

QStringList columnText(const QAbstractItemModel& m, int column) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r) out << m.index(r, column).data().toString();
    return out;
}

TEST_F(ComparisonTableTest, ModelAndProxyPassTheItemModelTester) {
    ComparisonPanel panel(store, settings);
    QAbstractItemModelTester t1(panel.model(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(panel.proxy(),
                                QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(panel.model()->rowCount(), 3);
    store.remove(1);
    EXPECT_EQ(panel.model()->rowCount(), 2);
    panel.view()->sortByColumn(Model::BestValLoss, Qt::DescendingOrder);
    store.setVisible(0, false);  // hidden runs leave the table
    EXPECT_EQ(panel.model()->rowCount(), 1);
}

TEST_F(ComparisonTableTest, SortsNumericallyByBestValidationLoss) {
    ComparisonPanel panel(store, settings);
    panel.view()->sortByColumn(Model::BestValLoss, Qt::AscendingOrder);
    // Minima: c-big-lr ~ 0.1 + 0.08 + 2.3 e^-3 ~ 0.29, b-nolr ~ 0.2 + 0.08 + 2.3 e^-6, a-small-lr ~
    // 0.39.
    EXPECT_EQ(columnText(*panel.proxy(), Model::Run),
              (QStringList{"b-nolr", "c-big-lr", "a-small-lr"}));
    panel.view()->sortByColumn(Model::BestValLoss, Qt::DescendingOrder);
    EXPECT_EQ(columnText(*panel.proxy(), Model::Run),
              (QStringList{"a-small-lr", "c-big-lr", "b-nolr"}));
}

TEST_F(ComparisonTableTest, SortsBySmoothedFinalLossAndStepsAsNumbers) {
    // Steps sort as numbers: 1 000 after 600 although "1 000" < "600" as text.
    store.add(syntheticRun("d-long", 1000, 0.05, 0), {});
    ComparisonPanel panel(store, settings);
    panel.view()->sortByColumn(Model::Steps, Qt::DescendingOrder);
    EXPECT_EQ(panel.proxy()->index(0, Model::Run).data().toString(), QStringLiteral("d-long"));
    panel.view()->sortByColumn(Model::FinalTrainLossSmoothed, Qt::AscendingOrder);
    // Final smoothed training loss follows the floors 0.05 < 0.10 < 0.20 < 0.30.
    EXPECT_EQ(columnText(*panel.proxy(), Model::Run),
              (QStringList{"d-long", "c-big-lr", "b-nolr", "a-small-lr"}));
}

TEST_F(ComparisonTableTest, MissingHyperparameterSortsLastAndDifferencesAreHighlighted) {
    ComparisonPanel panel(store, settings);
    const Model& m = *panel.model();
    int lrCol = -1, bsCol = -1;
    for (int c = Model::FirstHyperparameter; c < m.columnCount(); ++c) {
        if (m.hyperparameterKey(c) == QLatin1String("lr")) lrCol = c;
        if (m.hyperparameterKey(c) == QLatin1String("batch_size")) bsCol = c;
    }
    ASSERT_GE(lrCol, 0);
    ASSERT_GE(bsCol, 0);
    panel.view()->sortByColumn(lrCol, Qt::AscendingOrder);
    EXPECT_EQ(columnText(*panel.proxy(), lrCol), (QStringList{"0.001", "0.1", "–"}));
    // lr differs (0.001 vs 0.1); batch_size is 64 where present but missing from b-nolr:
    // both differ. A plain metric column is never highlighted.
    EXPECT_EQ(m.index(0, lrCol).data(Qt::BackgroundRole).value<QColor>(),
              Model::differingBackground());
    EXPECT_EQ(m.index(0, bsCol).data(Qt::BackgroundRole).value<QColor>(),
              Model::differingBackground());
    EXPECT_FALSE(m.index(0, Model::BestValLoss).data(Qt::BackgroundRole).isValid());
}

TEST_F(ComparisonTableTest, SameHyperparameterIsNotHighlighted) {
    store.remove(2);  // b-nolr: now batch_size is 64 everywhere
    ComparisonPanel panel(store, settings);
    const Model& m = *panel.model();
    for (int c = Model::FirstHyperparameter; c < m.columnCount(); ++c) {
        const bool highlighted = m.index(0, c).data(Qt::BackgroundRole).isValid();
        EXPECT_EQ(highlighted, m.hyperparameterKey(c) == QLatin1String("lr"))
            << m.hyperparameterKey(c).toStdString();
    }
}

TEST_F(ComparisonTableTest, RegexFilterOverRunNames) {
    ComparisonPanel panel(store, settings);
    QRegularExpression seen;
    QObject::connect(&panel, &ComparisonPanel::nameFilterChanged,
                     [&](const QRegularExpression& re) { seen = re; });
    panel.filterEdit()->setText(QStringLiteral("^[ab]-"));
    EXPECT_EQ(panel.proxy()->rowCount(), 2);
    EXPECT_EQ(seen.pattern(), QStringLiteral("^[ab]-"));
    panel.setNameFilter(QStringLiteral("BIG|nolr$"));  // case-insensitive
    EXPECT_EQ(columnText(*panel.proxy(), Model::Run), (QStringList{"c-big-lr", "b-nolr"}));
    EXPECT_EQ(panel.filteredRunIds().size(), 2);
    panel.setNameFilter(QStringLiteral("(unclosed"));  // invalid: the last valid filter stays
    EXPECT_EQ(panel.proxy()->rowCount(), 2);
    EXPECT_EQ(seen.pattern(), QStringLiteral("BIG|nolr$"));
}

}  // namespace
}  // namespace curvedoctor::ui
