#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "ui/models/findings_model.h"
#include "ui/panels/findings_panel.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

using testing::makeFinding;
using testing::makeRun;

// Until the detectors exist these findings are written by hand; the panel only shows them.
core::RunDiagnosis twoFindings() {
    core::RunDiagnosis d;
    d.findings.push_back(makeFinding(core::FindingKind::NanInf, core::Severity::Error, 120, 120));
    auto over = makeFinding(core::FindingKind::Overfitting, core::Severity::Warning, 200, 480);
    over.beginEpoch = 5;
    over.endEpoch = 12;
    d.findings.push_back(over);
    return d;
}

TEST(FindingsModel, ListsEveryRunsFindingsUnderTheModelTester) {
    RunStore store;
    FindingsModel model(store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store.add(makeRun("a", 5), twoFindings());
    store.add(makeRun("b", 5), {});
    store.add(makeRun("c", 5), twoFindings());
    ASSERT_EQ(model.rowCount(), 4);
    // Errors of all runs come first (a, then c), then the warnings.
    EXPECT_EQ(model.index(1, FindingsModel::RunColumn).data().toString(), QStringLiteral("c"));
    EXPECT_EQ(model.index(1, FindingsModel::KindColumn).data().toString(),
              QStringLiteral("nan_inf"));
    EXPECT_EQ(model.index(2, FindingsModel::KindColumn).data().toString(),
              QStringLiteral("overfitting"));
    EXPECT_EQ(model.index(0, FindingsModel::SeverityColumn).data().toString(),
              QStringLiteral("Error"));
    EXPECT_TRUE(model.index(0, FindingsModel::SeverityColumn).data(Qt::DecorationRole).isValid());
    EXPECT_EQ(model.index(2, 0).data(FindingsModel::BeginStepRole).toLongLong(), 200);
    EXPECT_EQ(model.index(2, 0).data(FindingsModel::EndStepRole).toLongLong(), 480);
    EXPECT_EQ(model.index(1, 0).data(FindingsModel::RunIdRole).toInt(), store.at(2).id);
    store.rename(0, QStringLiteral("renamed"));
    EXPECT_EQ(model.index(0, FindingsModel::RunColumn).data().toString(),
              QStringLiteral("renamed"));
    store.remove(0);
    EXPECT_EQ(model.rowCount(), 2);
    store.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(FindingsModel, RangeReadsStepsAndEpochs) {
    const auto d = twoFindings();
    EXPECT_EQ(formatFindingRange(d.findings[0]), QStringLiteral("step 120"));
    EXPECT_EQ(formatFindingRange(d.findings[1]), QStringLiteral("steps 200–480 (epochs 5–12)"));
}

TEST(FindingsPanel, ClickingAFindingEmitsItsRunAndRange) {
    RunStore store;
    store.add(makeRun("a", 5), twoFindings());
    FindingsPanel panel(store);
    panel.resize(900, 300);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &FindingsPanel::findingActivated);
    QTableView* view = panel.view();
    const QModelIndex second = view->model()->index(1, FindingsModel::MessageColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(second).center());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toInt(), store.at(0).id);
    EXPECT_EQ(spy.at(0).at(1).value<std::int64_t>(), 200);
    EXPECT_EQ(spy.at(0).at(2).value<std::int64_t>(), 480);
}

}  // namespace
}  // namespace curvedoctor::ui
