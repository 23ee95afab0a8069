// `curvedoctor report`: the PNG, exit statuses, the output guard, many runs, a quiet stderr.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "app/commands/exit_status.h"
#include "app/commands/report.h"

namespace curvedoctor::app {
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

int report(const std::vector<std::string>& args, std::string* out = nullptr,
           std::string* err = nullptr) {
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
    ASSERT_EQ(report({a, b, "-o", png, "--width", "900", "--smoothing", "0.3"}, &out, &err), 0)
        << err;
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
    EXPECT_EQ(report({}, nullptr, &err), kExitUsage);
    EXPECT_NE(err.find("no PATH"), std::string::npos);
    EXPECT_EQ(report({"x.csv"}, nullptr, &err), kExitUsage);
    EXPECT_NE(err.find("-o"), std::string::npos);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--width", "wide"}, nullptr, &err), kExitUsage);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--smoothing", "1.5"}, nullptr, &err), kExitUsage);
    EXPECT_EQ(report({"x.csv", "-o", "y.png", "--bogus"}, nullptr, &err), kExitUsage);
    EXPECT_EQ(report({"x.csv", "-o"}, nullptr, &err), kExitUsage);
    std::string out;
    EXPECT_EQ(report({"--help"}, &out), 0);
    EXPECT_NE(out.find("usage"), std::string::npos);
}

TEST(ReportCli, AnOutputNameOfNoReportFormatIsRefusedNotWrittenAsPng) {
    // Issue #17: `report ... -o report.svg` wrote PNG bytes under the .svg name and said so.
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    for (const char* name : {"report.jpg", "report", "report.png.txt"}) {
        const std::string output = dir.filePath(QString::fromLatin1(name)).toStdString();
        std::string out, err;
        EXPECT_EQ(report({a, "-o", output}, &out, &err), kExitUsage) << name;
        EXPECT_NE(err.find(name), std::string::npos) << err;
        EXPECT_NE(err.find("written as PNG, SVG or PDF"), std::string::npos) << err;
        EXPECT_EQ(err.find('\n'), err.size() - 1) << err;  // one line
        EXPECT_TRUE(out.empty()) << out;
        EXPECT_FALSE(QFile::exists(QString::fromStdString(output))) << name;
    }
    const std::string upper = dir.filePath(QStringLiteral("REPORT.PNG")).toStdString();
    EXPECT_EQ(report({a, "-o", upper, "--scale", "1"}), 0);
    EXPECT_TRUE(QFile::exists(QString::fromStdString(upper)));
}

QByteArray head(const std::string& path, int n) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.read(n) : QByteArray();
}

TEST(ReportCli, WritesSvgAndPdfByExtensionOrFormat) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string svg = dir.filePath(QStringLiteral("r.svg")).toStdString();
    const std::string pdf = dir.filePath(QStringLiteral("r.PDF")).toStdString();
    const std::string forced = dir.filePath(QStringLiteral("r.out")).toStdString();
    std::string out, err;
    ASSERT_EQ(report({a, "-o", svg}, &out, &err), 0) << err;
    EXPECT_TRUE(head(svg, 200).contains("<svg")) << head(svg, 200).constData();
    ASSERT_EQ(report({a, "-o", pdf}, &out, &err), 0) << err;
    EXPECT_TRUE(head(pdf, 5).startsWith("%PDF-"));
    ASSERT_EQ(report({a, "-o", forced, "--format", "pdf"}, &out, &err), 0) << err;
    EXPECT_TRUE(head(forced, 5).startsWith("%PDF-"));
    ASSERT_EQ(report({a, "-o", forced, "--format", "SVG"}, &out, &err), 0) << err;
    EXPECT_TRUE(head(forced, 200).contains("<svg"));
    // --format png under a .svg name writes what was asked for: PNG bytes.
    ASSERT_EQ(report({a, "-o", svg, "--format", "png", "--scale", "1"}, &out, &err), 0) << err;
    EXPECT_TRUE(head(svg, 4).endsWith("PNG"));

    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--format", "jpg"}, {"--page", "a3"}, {"--format"}}) {
        std::vector<std::string> args{a, "-o", dir.filePath(QStringLiteral("x.pdf")).toStdString()};
        args.insert(args.end(), bad.begin(), bad.end());
        EXPECT_EQ(report(args, &out, &err), kExitUsage) << bad.front();
        EXPECT_EQ(err.find('\n'), err.size() - 1) << err;
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.pdf"))));
}

TEST(ReportCli, PdfPaperAndOrientation) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string pdf = dir.filePath(QStringLiteral("r.pdf")).toStdString();
    std::string out, err;
    ASSERT_EQ(report({a, "-o", pdf, "--page", "letter", "--landscape"}, &out, &err), 0) << err;
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (pdfinfo.isEmpty()) GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
    QProcess p;
    p.start(pdfinfo, {QString::fromStdString(pdf)});
    ASSERT_TRUE(p.waitForFinished(60000));
    const QString info = QString::fromUtf8(p.readAllStandardOutput());
    // US Letter landscape: 11 x 8.5 in = 792 x 612 pt.
    EXPECT_TRUE(info.contains(QStringLiteral("792 x 612 pts"))) << info.toStdString();
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
        text += QByteArray::number(s) + ',' +
                (s < 120 ? QByteArray::number(2.0 * std::exp(-s / 40.0)) : QByteArray("nan")) +
                '\n';
    f.write(text);
    f.close();
    const std::string png = dir.filePath(QStringLiteral("nan.png")).toStdString();
    EXPECT_EQ(report({log.toStdString(), "-o", png, "--fail-on", "error"}), kExitFailOn);
    EXPECT_TRUE(QFile::exists(QString::fromStdString(png)));
    EXPECT_EQ(report({log.toStdString(), "-o", png}), 0);
    EXPECT_EQ(report({log.toStdString(), "-o", png, "--fail-on", "maybe"}), kExitUsage);
}

TEST(ReportCli, UnwritableOutputIsReported) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    std::string err;
    EXPECT_EQ(report({a, "-o", dir.filePath(QStringLiteral("no/such/dir/r.png")).toStdString()},
                     nullptr, &err),
              kExitUsage);
    EXPECT_NE(err.find("r.png"), std::string::npos) << err;
}

TEST(ReportCli, TimingsNameEveryPhase) {
    QTemporaryDir dir;
    const std::string a = writeLog(dir, QStringLiteral("a.csv"), 0.1).toStdString();
    const std::string png = dir.filePath(QStringLiteral("t.png")).toStdString();
    std::string err;
    ASSERT_EQ(report({a, "-o", png, "--width", "800", "--scale", "1", "--timings"}, nullptr, &err),
              0)
        << err;
    for (const char* phase : {"load ", "diagnose ", "draw ", "encode "}) {
        EXPECT_NE(err.find(phase), std::string::npos) << phase << " missing in: " << err;
    }
    std::string quiet;
    ASSERT_EQ(report({a, "-o", png, "--width", "800", "--scale", "1"}, nullptr, &quiet), 0);
    EXPECT_EQ(quiet.find("timings"), std::string::npos) << quiet;
}

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(ReportCli, RefusesToWriteOverAnInputLog) {
    // Issue #12 item 9: `report IN.csv -o IN.csv` wrote the PNG over the log and exited 0.
    namespace fs = std::filesystem;
    QTemporaryDir dir;
    const QString log = writeLog(dir, QStringLiteral("in.csv"), 0.1);
    const QByteArray before = bytesOf(log);
    const fs::path d = dir.path().toStdString();
    fs::create_symlink(log.toStdString(), d / "link.png");
    fs::create_hard_link(log.toStdString(), d / "hard.png");
    fs::create_directory(d / "runs");
    fs::copy_file(log.toStdString(), d / "runs" / "r.csv");
    struct Case {
        std::vector<std::string> inputs;
        fs::path output;
    };
    const std::vector<Case> cases{{{log.toStdString()}, log.toStdString()},
                                  {{log.toStdString()}, d / "." / "in.csv"},
                                  {{log.toStdString()}, d / "link.png"},
                                  {{log.toStdString()}, d / "hard.png"},
                                  {{(d / "runs").string()}, d / "runs" / "r.csv"}};
    for (const Case& c : cases) {
        std::vector<std::string> args = c.inputs;
        args.insert(args.end(), {"-o", c.output.string()});
        std::string out, err;
        EXPECT_EQ(report(args, &out, &err), kExitUsage) << c.output;
        EXPECT_NE(err.find("refusing to overwrite"), std::string::npos) << err;
        EXPECT_EQ(err.find('\n'), err.size() - 1) << err;  // one line
        EXPECT_TRUE(out.empty()) << out;
    }
    EXPECT_EQ(bytesOf(log), before);
    EXPECT_EQ(bytesOf(QString::fromStdString((d / "runs" / "r.csv").string())), before);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 3);  // no temporary left behind
    // A new file in the input folder is fine, and so is writing it again.
    const std::string fresh = (d / "runs" / "report.png").string();
    EXPECT_EQ(report({(d / "runs").string(), "-o", fresh, "--scale", "1"}), 0);
    EXPECT_EQ(report({(d / "runs").string(), "-o", fresh, "--scale", "1"}), 0);
}

TEST(ReportCli, TheOutputIsReplacedWholeNotRewrittenInPlace) {
    // Written to a temporary file beside it and renamed over it: another name for the old file
    // (a hard link) keeps the old bytes, and a failed write leaves the old file as it was.
    namespace fs = std::filesystem;
    QTemporaryDir dir;
    const QString log = writeLog(dir, QStringLiteral("a.csv"), 0.1);
    const fs::path d = dir.path().toStdString();
    {
        QFile old(dir.filePath(QStringLiteral("r.png")));
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old report");
    }
    fs::create_hard_link(d / "r.png", d / "keep.png");
    EXPECT_EQ(report({log.toStdString(), "-o", (d / "r.png").string(), "--scale", "1"}), 0);
    EXPECT_EQ(bytesOf(dir.filePath(QStringLiteral("keep.png"))), QByteArray("old report"));
    EXPECT_FALSE(QImage(dir.filePath(QStringLiteral("r.png"))).isNull());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 3);
}

// Counts Qt warnings (QPainter's included) while alive.
class WarningCounter {
public:
    WarningCounter() { s_previous = qInstallMessageHandler(&WarningCounter::handle); }
    ~WarningCounter() { qInstallMessageHandler(s_previous); }
    static inline int count = 0;
    static inline QStringList messages;

private:
    static void handle(QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtDebugMsg || type == QtInfoMsg) return;
        ++count;
        if (messages.size() < 5) messages << message;
    }
    static inline QtMessageHandler s_previous = nullptr;
};

TEST(ReportCli, ThousandsOfRunsGiveABoundedPageWithoutWarnings) {
    // Issue #12 item 11: 3,000 runs made a 3200 x 265,276 px PNG of 3.55 GB.
    QTemporaryDir dir;
    constexpr int kRuns = 3000;
    for (int r = 0; r < kRuns; ++r) {
        QFile f(dir.filePath(QStringLiteral("run%1.csv").arg(r, 4, 10, QLatin1Char('0'))));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        // Validation loss turns up after step 12 in every other run: overfitting findings.
        QByteArray text = "step,train_loss,val_loss\n";
        for (int s = 0; s < 30; ++s) {
            const double loss = 2.0 * std::exp(-s / 6.0) + 0.1 + r * 1e-4;
            const double val = loss + 0.1 + (r % 2 == 1 && s > 12 ? 0.05 * (s - 12) : 0.0);
            text += QByteArray::number(s) + ',' + QByteArray::number(loss) + ',' +
                    QByteArray::number(val) + '\n';
        }
        f.write(text);
    }
    const std::string png = dir.filePath(QStringLiteral("many.png")).toStdString();
    std::string out, err;
    WarningCounter::count = 0;
    WarningCounter::messages.clear();
    int rc = 0;
    {
        const WarningCounter counting;
        rc = report({dir.path().toStdString(), "-o", png, "--scale", "1"}, &out, &err);
    }
    EXPECT_EQ(rc, 0) << err;
    EXPECT_EQ(WarningCounter::count, 0)
        << WarningCounter::messages.join(QLatin1Char('\n')).toStdString();
    EXPECT_NE(out.find("3000 runs"), std::string::npos) << out;
    const QImage img(QString::fromStdString(png));
    ASSERT_FALSE(img.isNull());
    EXPECT_EQ(img.width(), 1600);
    EXPECT_LE(img.height(), 4 * img.width());
    if (qEnvironmentVariableIsSet("CURVEDOCTOR_KEEP_REPORT"))
        QFile::copy(QString::fromStdString(png), qEnvironmentVariable("CURVEDOCTOR_KEEP_REPORT"));
}

TEST(ReportCli, HeadlessReportPrintsNothingOnStderr) {
    // Issue #12 item 12: every headless `report` printed "QStandardPaths: XDG_RUNTIME_DIR not
    // set, defaulting to ...". The real program, with no runtime folder and no display set.
    QTemporaryDir dir;
    QTemporaryDir tmp;  // the child's TMPDIR: its private runtime folder must be gone after
    const QString log = writeLog(dir, QStringLiteral("a.csv"), 0.1);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("TMPDIR"), tmp.path());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(
        QStringLiteral(CURVEDOCTOR_BINARY),
        {QStringLiteral("report"), log, QStringLiteral("-o"), dir.filePath(QStringLiteral("r.png")),
         QStringLiteral("--scale"), QStringLiteral("1")});
    ASSERT_TRUE(p.waitForFinished(120000));
    EXPECT_EQ(p.exitCode(), 0);
    EXPECT_EQ(p.readAllStandardError(), QByteArray());
    EXPECT_TRUE(p.readAllStandardOutput().startsWith("wrote "));
    EXPECT_TRUE(QDir(tmp.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

}  // namespace
}  // namespace curvedoctor::app
