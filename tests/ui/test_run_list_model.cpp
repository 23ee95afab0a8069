#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <algorithm>
#include <memory>

#include "ui/models/run_list_model.h"
#include "ui/panels/run_list_panel.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

using testing::makeFinding;
using testing::makeRun;

core::RunDiagnosis diagnosisWith(int errors, int warnings, int infos) {
    core::RunDiagnosis d;
    for (int i = 0; i < errors; ++i)
        d.findings.push_back(makeFinding(core::FindingKind::NanInf, core::Severity::Error, 0, 10));
    for (int i = 0; i < warnings; ++i)
        d.findings.push_back(
            makeFinding(core::FindingKind::Overfitting, core::Severity::Warning, 5, 30));
    for (int i = 0; i < infos; ++i)
        d.findings.push_back(makeFinding(core::FindingKind::LrDrop, core::Severity::Info, 7, 7));
    return d;
}

TEST(RunListModel, FollowsTheStoreUnderTheModelTester) {
    RunStore store;
    RunListModel model(store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store.add(makeRun("alpha", 5), diagnosisWith(1, 2, 0));
    store.add(makeRun("beta", 5), {});
    store.add(makeRun("gamma", 5), diagnosisWith(0, 0, 3));
    ASSERT_EQ(model.rowCount(), 3);
    store.remove(1);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1, RunListModel::NameColumn).data().toString(), QStringLiteral("gamma"));
    store.rename(0, QStringLiteral("renamed"));
    EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral("renamed"));
    store.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(RunListModel, ShowsFormatCountsAndCheckState) {
    RunStore store;
    RunListModel model(store);
    store.add(makeRun("alpha", 5), diagnosisWith(1, 2, 0));
    const QModelIndex name = model.index(0, RunListModel::NameColumn);
    EXPECT_EQ(name.data(Qt::CheckStateRole).toInt(), Qt::Checked);
    EXPECT_EQ(model.index(0, RunListModel::FormatColumn).data().toString(),
              QStringLiteral("hand_made"));
    // Counts are [info, warning, error]: the diagnosis above holds 1 error and 2 warnings.
    const auto counts = name.data(RunListModel::SeverityCountsRole).value<QList<int>>();
    EXPECT_EQ(counts, (QList<int>{0, 2, 1}));
    EXPECT_EQ(name.data(RunListModel::ColorRole).value<QColor>(), store.at(0).color);
    EXPECT_TRUE(name.data(Qt::DecorationRole).canConvert<QIcon>());
}

TEST(RunListModel, EditsGoBackToTheStore) {
    RunStore store;
    RunListModel model(store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    store.add(makeRun("alpha", 5), {});
    store.add(makeRun("beta", 5), {});
    const QModelIndex beta = model.index(1, RunListModel::NameColumn);
    EXPECT_TRUE(model.setData(beta, Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(store.at(1).visible);
    // Renaming to a name already taken gets RunStore's suffix, never a duplicate.
    EXPECT_TRUE(model.setData(beta, QStringLiteral("alpha"), Qt::EditRole));
    EXPECT_EQ(store.at(1).name, QStringLiteral("alpha (2)"));
    EXPECT_FALSE(model.setData(beta, QStringLiteral("   "), Qt::EditRole));
    EXPECT_TRUE(model.setData(beta, QColor(Qt::red), RunListModel::ColorRole));
    EXPECT_EQ(store.at(1).color, QColor(Qt::red));
    EXPECT_TRUE(model.flags(beta) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.flags(model.index(1, RunListModel::FormatColumn)) & Qt::ItemIsEditable);
}

TEST(RunListPanel, RegexFilterHidesOtherNamesAndIgnoresBrokenPatterns) {
    RunStore store;
    RunListPanel panel(store);
    QAbstractItemModelTester tester(panel.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    store.add(makeRun("resnet_lr0.1", 5), {});
    store.add(makeRun("resnet_lr0.01", 5), {});
    store.add(makeRun("vit_small", 5), {});
    panel.filterEdit()->setText(QStringLiteral("^RESNET.*01$"));  // case-insensitive
    ASSERT_EQ(panel.proxy()->rowCount(), 1);
    EXPECT_EQ(panel.proxy()->index(0, 0).data().toString(), QStringLiteral("resnet_lr0.01"));
    // An unfinished expression keeps the last valid filter instead of showing nothing.
    panel.filterEdit()->setText(QStringLiteral("vit["));
    EXPECT_EQ(panel.proxy()->rowCount(), 1);
    EXPECT_FALSE(panel.filterEdit()->toolTip().isEmpty());
    panel.selectRun(store.at(2).id);  // hidden by the filter: selecting clears it
    EXPECT_EQ(panel.proxy()->rowCount(), 3);
    EXPECT_EQ(panel.currentRunId(), store.at(2).id);
}

TEST(RunListPanel, CloseRemovesTheSelectedRuns) {
    RunStore store;
    RunListPanel panel(store);
    store.add(makeRun("a", 5), {});
    store.add(makeRun("b", 5), {});
    panel.selectRun(store.at(0).id);
    panel.closeSelected();
    ASSERT_EQ(store.count(), 1);
    EXPECT_EQ(store.at(0).name, QStringLiteral("b"));
}

TEST(RunListPanel, FormatAndFindingsColumnsFitTheirRowsAndWidenForALongerFormat) {
    // Not sized to contents on every change (a followed logdir changes rows' findings every
    // few seconds): fitted when rows come, the format column widened when a row needs more.
    RunStore store;
    RunListPanel panel(store);
    panel.resize(600, 300);
    panel.show();
    store.add(makeRun("alpha", 5), diagnosisWith(1, 2, 0));
    store.add(makeRun("beta", 5), {});
    QCoreApplication::processEvents();  // the fit after the inserts
    QTreeView* view = panel.view();
    const auto hint = [&](int row, int column) {
        return view->sizeHintForIndex(panel.proxy()->index(row, column)).width();
    };
    const int format = RunListModel::FormatColumn;
    const int findings = RunListModel::FindingsColumn;
    EXPECT_GE(view->header()->sectionSize(findings),
              std::max(hint(0, findings), hint(1, findings)));
    const int fitted = view->header()->sectionSize(format);
    EXPECT_GE(fitted, std::max(hint(0, format), hint(1, format)));
    RunStore::RunUpdate u;
    u.row = 1;
    u.diagnosis = diagnosisWith(3, 12, 7);
    store.update({u});
    EXPECT_EQ(view->header()->sectionSize(format), fitted) << "findings alone: no new width";
    auto longer = std::make_shared<core::Run>(*makeRun("beta", 5));
    longer->format = "a_format_with_a_much_longer_name_than_hand_made";
    store.replace(1, longer, {});
    EXPECT_GT(hint(1, format), fitted);
    EXPECT_GE(view->header()->sectionSize(format), hint(1, format)) << "widened at once";
}

}  // namespace
}  // namespace curvedoctor::ui
