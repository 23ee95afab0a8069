// `curvedoctor report --session FILE`: the session's runs drawn with its colours, its hidden
// runs left out, its bad files refused.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <cmath>
#include <sstream>

#include "app/commands/exit_status.h"
#include "app/commands/report.h"
#include "core/session/session.h"

namespace curvedoctor::app {
namespace {

QString writeLog(const QTemporaryDir& dir, const QString& name, double floor) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    QByteArray text = "step,train_loss,val_loss\n";
    for (int s = 0; s < 200; ++s) {
        const double loss = 2.0 * std::exp(-s / 40.0) + floor;
        text += QByteArray::number(s) + ',' + QByteArray::number(loss) + ',' +
                QByteArray::number(loss + 0.1) + '\n';
    }
    f.write(text);
    return path;
}

int report(const std::vector<std::string>& args, std::string* err) {
    std::ostringstream o, e;
    char name[] = "curvedoctor";
    char* argv[] = {name, nullptr};
    const int rc = runReport(1, argv, args, o, e);
    *err = e.str();
    return rc;
}

QString writeSession(const QTemporaryDir& dir, const core::Session& s) {
    const QString path = dir.filePath(QStringLiteral("view.cdsession"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(core::writeSession(s, dir.path().toStdString())));
    return path;
}

int pixelsOf(const QImage& img, QRgb colour) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            if ((img.pixel(x, y) & 0xFFFFFF) == (colour & 0xFFFFFF)) ++n;
    return n;
}

TEST(ReportSession, DrawsTheSessionsColoursAndLeavesItsHiddenRunsOut) {
    QTemporaryDir dir;
    core::Session s;
    // Colours no palette has, so that their pixels can only come from the session.
    s.runs = {
        {writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString(), "shown", "#ff00ff", true},
        {writeLog(dir, QStringLiteral("b.csv"), 0.3).toStdString(), "hidden", "#00ffff", false}};
    const std::string png = dir.filePath(QStringLiteral("out.png")).toStdString();
    std::string err;
    ASSERT_EQ(report({"--session", writeSession(dir, s).toStdString(), "-o", png}, &err), kExitOk)
        << err;
    const QImage img(QString::fromStdString(png));
    ASSERT_FALSE(img.isNull());
    EXPECT_GT(pixelsOf(img, 0xff00ff), 100);
    EXPECT_EQ(pixelsOf(img, 0x00ffff), 0);
}

TEST(ReportSession, ANewerSessionIsRefusedAndAMissingLogIsALoadError) {
    QTemporaryDir dir;
    QFile future(dir.filePath(QStringLiteral("future.cdsession")));
    ASSERT_TRUE(future.open(QIODevice::WriteOnly));
    future.write(R"({"format": "curvedoctor-session", "version": 2, "runs": []})");
    future.close();
    const std::string png = dir.filePath(QStringLiteral("out.png")).toStdString();
    std::string err;
    EXPECT_EQ(report({"--session", future.fileName().toStdString(), "-o", png}, &err), kExitUsage);
    EXPECT_NE(err.find("newer"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), err.size() - 1) << err;

    core::Session s;
    s.runs = {{writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString(), "a", "", true},
              {dir.filePath(QStringLiteral("gone.csv")).toStdString(), "gone", "", true}};
    EXPECT_EQ(report({"--session", writeSession(dir, s).toStdString(), "-o", png}, &err),
              kExitLoadError);
    EXPECT_NE(err.find("gone.csv"), std::string::npos) << err;
    EXPECT_FALSE(QImage(QString::fromStdString(png)).isNull());
}

}  // namespace
}  // namespace curvedoctor::app
