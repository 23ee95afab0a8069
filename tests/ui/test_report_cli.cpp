#include <gtest/gtest.h>

#include "core/cli_diagnose.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <cmath>
#include <sstream>

#include "ui/cli_report.h"

namespace curvedoctor::ui {
namespace {

// A generic CSV log written by the test itself: training loss every step, validation every
// tenth step.
QString writeLog(const QTemporaryDir& dir, const QString& name, double floor) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray text = "step,train_loss,val_loss\n";
    for (int s = 0; s < 200; ++s) {
        const double loss = 2.0 * std::exp(-s / 40.0) + floor;
        text += QByteArray::number(s) + ',' + QByteArray::number(loss) + ',';
        if (s % 10 == 9) text += QByteArray::number(loss + 0.1);
        text += '\n';
    }
    f.write(text);
    return path;
}

int report(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr) {
    std::ostringstream o, e;
    char name[] = "curvedoctor";
    char* argv[] = {name, nullptr};
    const int rc = runReport(1, argv, args, o, e);
    if (out) *out = o.str();
    if (err) *err = e.str();
    return rc;
}

TEST(ReportCli, WritesThePngAtTheRequestedWidth) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string b = writeLog(dir, QStringLiteral("b.csv"), 0.3).toStdString();
    const std::string png = dir.filePath(QStringLiteral("out.png")).toStdString();
    std::string out, err;
    ASSERT_EQ(report({a, b, "-o", png, "--width", "900", "--smoothing", "0.3"}, &out, &err), 0) << err;
    EXPECT_NE(out.find("2 runs"), std::string::npos) << out;
    const QImage img(QString::fromStdString(png));
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.width(), 1800);  // 900 logical pixels at the default 2x scale
}

TEST(ReportCli, GroupModeWritesAReport) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("seed1.csv"), 0.1).toStdString();
    const std::string b = writeLog(dir, QStringLiteral("seed2.csv"), 0.2).toStdString();
    const std::string png = dir.filePath(QStringLiteral("group.png")).toStdString();
    ASSERT_EQ(report({a, b, "-o", png, "--group", "--scale", "1"}), 0);
    EXPECT_EQ(QImage(QString::fromStdString(png)).width(), 1600);
}

TEST(ReportCli, UsageErrorsExitWithOne) {
    std::string err;
    EXPECT_EQ(report({}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_NE(err.find("no PATH"), std::string::npos);
    EXPECT_EQ(report({"x.csv"}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_NE(err.find("-o"), std::string::npos);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--width", "wide"}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--smoothing", "1.5"}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--bogus"}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_EQ(report({"x.csv", "-o"}, nullptr, &err), core::kDiagnoseUsage);
    std::string out;
    EXPECT_EQ(report({"--help"}, &out), 0);
    EXPECT_NE(out.find("usage"), std::string::npos);
}

TEST(ReportCli, UnloadablePathExitsWithTwoButStillReportsTheRest) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string missing = dir.filePath(QStringLiteral("missing.csv")).toStdString();
    const std::string png = dir.filePath(QStringLiteral("partial.png")).toStdString();
    std::string err;
    EXPECT_EQ(report({a, missing, "-o", png}, nullptr, &err), 2);
    EXPECT_NE(err.find("missing.csv"), std::string::npos) << err;
    EXPECT_TRUE(QFile::exists(QString::fromStdString(png)));
    // Nothing loadable at all: no report.
    const std::string none = dir.filePath(QStringLiteral("none.png")).toStdString();
    EXPECT_EQ(report({missing, "-o", none}, nullptr, &err), 2);
    EXPECT_FALSE(QFile::exists(QString::fromStdString(none)));
}

TEST(ReportCli, FailOnExitsWithThreeAfterWritingTheReport) {
    // Training loss turns NaN from step 120 on: the doctor's nan_inf finding is an error.
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("nan.csv"));
    QFile f(log);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray text = "step,train_loss\n";
    for (int s = 0; s < 200; ++s)
        text += QByteArray::number(s) + ',' + (s < 120 ? QByteArray::number(2.0 * std::exp(-s / 40.0)) : QByteArray("nan")) + '\n';
    f.write(text);
    f.close();
    const std::string png = dir.filePath(QStringLiteral("nan.png")).toStdString();
    EXPECT_EQ(report({log.toStdString(), "-o", png, "--fail-on", "error"}), core::kDiagnoseFailOn);
    EXPECT_TRUE(QFile::exists(QString::fromStdString(png)));
    EXPECT_EQ(report({log.toStdString(), "-o", png}), 0);
    EXPECT_EQ(report({log.toStdString(), "-o", png, "--fail-on", "maybe"}), core::kDiagnoseUsage);
}

TEST(ReportCli, UnwritableOutputIsReported) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    std::string err;
    EXPECT_EQ(report({a, "-o", dir.filePath(QStringLiteral("no/such/dir/r.png")).toStdString()}, nullptr, &err), core::kDiagnoseUsage);
    EXPECT_NE(err.find("r.png"), std::string::npos) << err;
}

TEST(ReportCli, TimingsNameEveryPhase) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string png = dir.filePath(QStringLiteral("t.png")).toStdString();
    std::string err;
    ASSERT_EQ(report({a, "-o", png, "--width", "800", "--scale", "1", "--timings"}, nullptr, &err), 0) << err;
    for (const char* phase : {"load ", "diagnose ", "draw ", "encode "}) {
        EXPECT_NE(err.find(phase), std::string::npos) << phase << " missing in: " << err;
    }
    std::string quiet;
    ASSERT_EQ(report({a, "-o", png, "--width", "800", "--scale", "1"}, nullptr, &quiet), 0);
    EXPECT_EQ(quiet.find("timings"), std::string::npos) << quiet;
}

}  // namespace
}  // namespace curvedoctor::ui
