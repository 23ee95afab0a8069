// The window with real logs and bundled examples, and what the user sees while dragging.
#include <gtest/gtest.h>

#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QUrl>

#include "tests/ui/window_parts.h"
#include "ui/chart/chart_panel.h"
#include "ui/chart/metric_chart.h"
#include "ui/main_window.h"
#include "ui/models/findings_model.h"
#include "ui/panels/drop_overlay.h"
#include "ui/panels/findings_panel.h"
#include "ui/panels/message_area.h"
#include "ui/panels/run_list_panel.h"
#include "ui/panels/welcome_page.h"
#include "ui/run_store.h"
#include "viewer_test_support.h"

namespace curvedoctor::ui {
namespace {

/// Saves `image` as NAME.png into $CURVEDOCTOR_TEST_SCREENSHOTS when that is set, for looking.
void keepScreenshot(const QImage& image, const QString& name) {
    const QString dir = qEnvironmentVariable("CURVEDOCTOR_TEST_SCREENSHOTS");
    if (!dir.isEmpty()) image.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

TEST(ViewerWindowLook, DragOverTheWindowDrawsAHighlightedOutline) {
    testing::SettingsSandbox sandbox;
    MainWindow w;
    w.resize(900, 600);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    const QColor accent = testing::partPtr<DropOverlay>(w)->palette().color(QPalette::Highlight);
    auto accentPixels = [&](const QImage& img) {
        // The outline runs 8 px inside the window edge; count accent pixels along the left side.
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 6; x < 14 && x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                if (std::abs(c.red() - accent.red()) < 40 &&
                    std::abs(c.green() - accent.green()) < 40 &&
                    std::abs(c.blue() - accent.blue()) < 40)
                    ++n;
            }
        return n;
    };
    const int before = accentPixels(w.grab().toImage());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QDir::tempPath())});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    const QImage during = w.grab().toImage();
    keepScreenshot(during, QStringLiteral("drop_overlay"));
    // A dashed 3 px line down most of the height: well over a hundred pixels in that strip.
    EXPECT_GT(accentPixels(during), before + 100);
    QDragLeaveEvent leave;
    QCoreApplication::sendEvent(&w, &leave);
    EXPECT_FALSE(testing::partPtr<DropOverlay>(w)->isVisible());
}

TEST(ViewerWindowLook, ExamplesButtonOpensTheBundledRuns) {
    const QString examples = QStringLiteral(CURVEDOCTOR_EXAMPLES_DIR);
    if (!QFileInfo(examples).isDir())
        GTEST_SKIP() << "no bundled examples at " << examples.toStdString();
    testing::SettingsSandbox sandbox;
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_TRUE(testing::partPtr<WelcomePage>(w)->examplesButton()->isEnabled());
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    testing::partPtr<WelcomePage>(w)->examplesButton()->click();
    ASSERT_TRUE(testing::waitForLoad(w.loadController(), finished));
    EXPECT_GE(testing::part<RunStore>(w).count(), 2);
    EXPECT_FALSE(w.showsWelcome());
    EXPECT_EQ(testing::partPtr<MessageArea>(w)->count(), 0)
        << testing::partPtr<MessageArea>(w)->messages().join('\n').toStdString();

    // The examples are made to be diagnosed: the doctor's findings are listed, and clicking one
    // narrows the charts to it.
    QTableView* view = testing::partPtr<FindingsPanel>(w)->view();
    ASSERT_GT(view->model()->rowCount(), 0);
    ASSERT_FALSE(testing::partPtr<ChartPanel>(w)->charts().isEmpty());
    const MetricChart* chart = testing::partPtr<ChartPanel>(w)->charts().front();
    const double fullSpan = chart->xMax() - chart->xMin();
    const QModelIndex first = view->model()->index(0, FindingsModel::MessageColumn);
    const qint64 begin = first.data(FindingsModel::BeginStepRole).toLongLong();
    const qint64 end = first.data(FindingsModel::EndStepRole).toLongLong();
    ASSERT_LT(end - begin, fullSpan / 2) << "pick an example whose first finding is narrow";
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    chart = testing::partPtr<ChartPanel>(w)->charts().front();
    EXPECT_LT(chart->xMax() - chart->xMin(), fullSpan / 2);
    EXPECT_LE(chart->xMin(), static_cast<double>(begin));
    EXPECT_GE(chart->xMax(), static_cast<double>(end));
    EXPECT_EQ(testing::partPtr<RunListPanel>(w)->currentRunId(),
              first.data(FindingsModel::RunIdRole).toInt());
}

TEST(ViewerWindowLook, RealLogsOfSeveralFormatsOpenTogether) {
    const QDir real(QStringLiteral(CURVEDOCTOR_REALWORLD_DIR));
    if (!real.exists()) GTEST_SKIP() << "no real-world logs at " << real.path().toStdString();
    testing::SettingsSandbox sandbox;
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    // Folders of formats already on main when this was written; each holds one run.
    const QStringList folders{QStringLiteral("keras_01"), QStringLiteral("lightning_01"),
                              QStringLiteral("textlog_02")};
    QStringList paths;
    for (const QString& f : folders) paths << real.filePath(f);
    QSignalSpy finished(&w.loadController(), &LoadController::finished);
    w.openPaths(paths);
    ASSERT_TRUE(testing::waitForLoad(w.loadController(), finished));
    ASSERT_EQ(testing::part<RunStore>(w).count(), 3)
        << testing::partPtr<MessageArea>(w)->messages().join('\n').toStdString();
    // A dropped folder holding one run is listed under the folder's name.
    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(folders.contains(testing::part<RunStore>(w).at(i).name));
    ASSERT_FALSE(testing::partPtr<ChartPanel>(w)->charts().isEmpty());
    EXPECT_EQ(testing::partPtr<ChartPanel>(w)->charts().front()->family(), QStringLiteral("loss"));
    keepScreenshot(w.grab().toImage(), QStringLiteral("real_logs"));
}

}  // namespace
}  // namespace curvedoctor::ui
