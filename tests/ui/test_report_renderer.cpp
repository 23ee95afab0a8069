#include <gtest/gtest.h>

#include <QImage>
#include <QTemporaryDir>

#include "tests/ui/report_test_runs.h"
#include "ui/report_renderer.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

using testing::entryFor;
using testing::syntheticRun;

core::Finding overfitFinding(std::int64_t begin, std::int64_t end) {
    core::Finding f;
    f.kind = "overfitting";
    f.severity = core::Severity::Warning;
    f.metric = "val_loss";
    f.beginStep = begin;
    f.endStep = end;
    f.message = "val_loss rose 0.31 above its minimum 0.18 at step 1 500 while train_loss kept falling";
    f.advice = "Stop early at step 1 500 (the best checkpoint); add augmentation, weight decay or dropout.";
    return f;
}

TEST(ReportRenderer, WritesAReportOfTheRequestedWidthAndScale) {
    RunEntry a = entryFor(syntheticRun("healthy", 3000, 0.1, 0), 0);
    RunEntry b = entryFor(syntheticRun("overfit", 3000, 0.1, 1500, 100, "0.01"), 1);
    b.diagnosis.findings.push_back(overfitFinding(1500, 3000));
    ViewSettings settings;
    ReportOptions options;
    options.width = 1200;
    options.scale = 2.0;
    ReportLayout layout;
    const QImage img = renderReport({&a, &b}, settings, options, {}, &layout);
    EXPECT_EQ(img.width(), 2400);
    EXPECT_GT(img.height(), 1200);  // title, two charts or more, two tables
    EXPECT_DOUBLE_EQ(img.devicePixelRatio(), 2.0);
    ASSERT_FALSE(layout.chartRects.isEmpty());
    EXPECT_EQ(layout.families.front(), QStringLiteral("loss"));
    EXPECT_GT(layout.comparisonRect.top(), layout.findingsRect.top());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.png"));
    QString error;
    ASSERT_TRUE(saveReport(path, {&a, &b}, settings, options, {}, &error)) << error.toStdString();
    const QImage back(path);
    EXPECT_EQ(back.width(), 2400);
    if (qEnvironmentVariableIsSet("CURVEDOCTOR_KEEP_REPORT")) img.save(qEnvironmentVariable("CURVEDOCTOR_KEEP_REPORT"));
}

}  // namespace
}  // namespace curvedoctor::ui
