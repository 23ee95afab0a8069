#include "app/commands/report.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <future>
#include <iomanip>
#include <memory>
#include <optional>

#include "app/commands/exit_status.h"
#include "app/output/output_guard.h"
#include "app/output/printable.h"
#include "core/diagnosis.h"
#include "core/load_warning_text.h"
#include "core/loader_registry.h"
#include "core/metric_role.h"
#include "core/session/session.h"
#include "ui/chart/palette.h"
#include "ui/report/pool_thread.h"
#include "ui/report/report_renderer.h"
#include "ui/run_store.h"
#include "ui/session/session_view.h"
#include "ui/view_settings.h"

namespace curvedoctor::app {
namespace {

using ui::GroupBand;
using ui::ReportGroup;
using ui::ReportOptions;
using ui::ReportTimings;
using ui::runColor;
using ui::RunEntry;
using ui::ViewSettings;

// Narrower than this the tables stop being readable; wider than this the PNG gets huge.
constexpr int kMinWidth = 600;
constexpr int kMaxWidth = 6000;

struct ReportArgs {
    std::vector<std::string> paths;
    std::string output;
    std::string session;
    std::optional<double> smoothing;
    int width = ReportOptions{}.width;
    double scale = ReportOptions{}.scale;
    bool group = false;
    bool stdBand = false;
    bool timings = false;
    std::string format;  ///< --format; empty: from the -o extension
    QPageSize::PageSizeId paper = QPageSize::A4;
    bool landscape = false;
    std::string title;
    std::vector<std::string> extraMetrics;  // --metric: their families are charted too.
    std::optional<core::Severity> failOn;
};

void printUsage(std::ostream& out) {
    out << "usage: curvedoctor report PATH... -o FILE.png|.svg|.pdf [--format png|svg|pdf]\n"
           "       curvedoctor report --session FILE.cdsession [PATH...] -o FILE ...\n"
           "                          [--smoothing W] [--width PX] [--scale S]\n"
           "                          [--page a4|letter] [--landscape]\n"
           "                          [--group [--std-band]] [--title TEXT]\n"
           "                          [--metric NAME]... [--fail-on warning|error] [--timings]\n"
           "Writes an annotated report (charts, findings with advice, comparison table) with\n"
           "no display, as PNG, SVG or PDF by the -o extension (--format forces one). SVG and\n"
           "PDF are vector (paths and selectable text); a PDF is cut into print pages (A4\n"
           "portrait unless --page letter / --landscape). --smoothing 0..0.999 (default\n"
           "0.6), --width in logical pixels (PNG and SVG; default 1600), --scale device\n"
           "pixels per logical pixel (PNG; default 2, HiDPI),\n"
           "--group draws all runs as one group: mean curve and a min..max band (or +/-1 std\n"
           "with --std-band) and adds the group findings. Exit status: 0 written, 1 a finding\n"
           "at or above --fail-on (report written), 2 a path failed to load (the report of the\n"
           "rest is still written), 64 bad usage, -o names one of the logs read (never\n"
           "overwritten), a format other than png/svg/pdf, or the file could not be written. "
           "--metric adds a chart for that\n"
           "metric family to the default ones (loss, metric, learning rate). --timings prints\n"
           "the seconds spent loading, diagnosing, drawing and encoding. Many runs still give\n"
           "one page: every run is charted, the legend and tables end with \"and N more\".\n"
           "--session reports a session saved by the window: its runs (and any PATH given)\n"
           "with their names, colours, hidden runs, groups, smoothing, x-axis and charts;\n"
           "options given here override the session's.\n";
}

bool parseDouble(const std::string& s, double& out) {
    try {
        std::size_t used = 0;
        out = std::stod(s, &used);
        return used == s.size();
    } catch (...) {
        return false;
    }
}

// --format png|svg|pdf and --page a4|letter; false after printing why.
bool parseFormatOrPage(const std::string& opt, const std::string& v, ReportArgs& a,
                       std::ostream& err) {
    if (opt == "--format") {
        if (!ui::reportFormatNamed(QString::fromStdString(v))) {
            err << "curvedoctor report: --format takes png, svg or pdf, not '" << printable(v)
                << "'\n";
            return false;
        }
        a.format = v;
        return true;
    }
    const QString page = QString::fromStdString(v).toLower();
    if (page == QLatin1String("a4")) {
        a.paper = QPageSize::A4;
    } else if (page == QLatin1String("letter")) {
        a.paper = QPageSize::Letter;
    } else {
        err << "curvedoctor report: --page takes a4 or letter, not '" << printable(v) << "'\n";
        return false;
    }
    return true;
}

// Returns kExitOk, or kExitUsage after printing why; `done` is set for --help.
int parseArgs(const std::vector<std::string>& args, ReportArgs& a, std::ostream& out,
              std::ostream& err, bool& done) {
    auto value = [&](std::size_t& i, const std::string& opt) -> const std::string* {
        if (i + 1 >= args.size()) {
            err << "curvedoctor report: " << opt << " needs a value\n";
            return nullptr;
        }
        return &args[++i];
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        if (s == "-h" || s == "--help") {
            printUsage(out);
            done = true;
            return kExitOk;
        }
        if (s == "-o" || s == "--output" || s == "--session") {
            const auto* v = value(i, s);
            if (!v) return kExitUsage;
            (s == "--session" ? a.session : a.output) = *v;
        } else if (s == "--smoothing" || s == "--width" || s == "--scale") {
            const auto* v = value(i, s);
            double d = 0;
            if (!v) return kExitUsage;
            if (!parseDouble(*v, d)) {
                err << "curvedoctor report: " << s << " expects a number, got '" << *v << "'\n";
                return kExitUsage;
            }
            if (s == "--smoothing") {
                if (d < 0 || d > 0.999) {
                    err << "curvedoctor report: --smoothing must be in 0..0.999\n";
                    return kExitUsage;
                }
                a.smoothing = d;
            } else if (s == "--width") {
                if (d < kMinWidth || d > kMaxWidth) {
                    err << "curvedoctor report: --width must be in " << kMinWidth << ".."
                        << kMaxWidth << "\n";
                    return kExitUsage;
                }
                a.width = static_cast<int>(d);
            } else {
                if (d < 0.5 || d > 4) {
                    err << "curvedoctor report: --scale must be in 0.5..4\n";
                    return kExitUsage;
                }
                a.scale = d;
            }
        } else if (s == "--title") {
            const auto* v = value(i, s);
            if (!v) return kExitUsage;
            a.title = *v;
        } else if (s == "--metric") {
            const auto* v = value(i, s);
            if (!v) return kExitUsage;
            a.extraMetrics.push_back(*v);
        } else if (s == "--fail-on") {
            const auto* v = value(i, s);
            if (!v) return kExitUsage;
            if (*v == "warning") {
                a.failOn = core::Severity::Warning;
            } else if (*v == "error") {
                a.failOn = core::Severity::Error;
            } else {
                err << "curvedoctor report: --fail-on takes 'warning' or 'error', not '" << *v
                    << "'\n";
                return kExitUsage;
            }
        } else if (s == "--format" || s == "--page") {
            const auto* v = value(i, s);
            if (!v) return kExitUsage;
            if (!parseFormatOrPage(s, *v, a, err)) return kExitUsage;
        } else if (s == "--landscape") {
            a.landscape = true;
        } else if (s == "--group") {
            a.group = true;
        } else if (s == "--std-band") {
            a.stdBand = true;
        } else if (s == "--timings") {
            a.timings = true;
        } else if (s.size() > 1 && s[0] == '-') {
            err << "curvedoctor report: unknown option '" << s << "' (see --help)\n";
            return kExitUsage;
        } else {
            a.paths.push_back(s);
        }
    }
    if (a.paths.empty() && a.session.empty()) {
        err << "curvedoctor report: no PATH or --session given (see --help)\n";
        return kExitUsage;
    }
    if (a.output.empty()) {
        err << "curvedoctor report: no output file given (-o FILE.png|.svg|.pdf)\n";
        return kExitUsage;
    }
    return kExitOk;
}

// Qt warns "QStandardPaths: XDG_RUNTIME_DIR not set" on every start without a login session
// (ssh, containers, CI): noise on every report. Such a process gets its own runtime folder,
// made 0700 as the XDG spec requires and removed again when the report is done, so no message
// is hidden and none is printed.
class PrivateRuntimeDir {
public:
    PrivateRuntimeDir() {
        if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                QStringLiteral("/curvedoctor-runtime-XXXXXX"));
        if (m_dir->isValid()) qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir->path()));
    }
    ~PrivateRuntimeDir() {
        if (m_dir && m_dir->isValid()) qunsetenv("XDG_RUNTIME_DIR");
    }
    PrivateRuntimeDir(const PrivateRuntimeDir&) = delete;
    PrivateRuntimeDir& operator=(const PrivateRuntimeDir&) = delete;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

/// The format asked for: --format, else the output name's extension; nullopt (after printing
/// why) when neither names one: bytes of one format under another's name would be a file
/// said to be written that its reader cannot open.
std::optional<ui::ReportFormat> outputFormat(const ReportArgs& a, std::ostream& err) {
    if (!a.format.empty()) return ui::reportFormatNamed(QString::fromStdString(a.format));
    const QString path = QString::fromStdString(a.output);
    if (const auto f = ui::reportFormatOf(path)) return f;
    const std::string ext = QFileInfo(path).suffix().toStdString();
    err << "curvedoctor report: " << printable(a.output)
        << (ext.empty() ? " has no file extension" : " asks for '." + printable(ext) + "'")
        << "; reports are written as PNG, SVG or PDF (-o FILE.png|.svg|.pdf, or --format)\n";
    return std::nullopt;
}

/// The session's look of its runs (names, colours, hidden), its view (where the command line
/// did not choose) and its groups, on the state the report is drawn from.
void applySession(const core::Session& session, const ReportArgs& a,
                  const QStringList& extraFamilies, std::vector<RunEntry>& entries,
                  ViewSettings& settings, std::vector<ReportGroup>& groups) {
    ui::applyViewSettings(session, settings);
    if (a.smoothing) settings.setSmoothing({settings.smoothing().kind, *a.smoothing});
    QStringList families = settings.extraFamilies();
    for (const QString& f : extraFamilies)
        if (!families.contains(f)) families << f;
    settings.setExtraFamilies(families);
    for (RunEntry& e : entries) ui::applySessionRun(session, e);
    for (const core::SessionGroup& g : session.groups) {
        ReportGroup group;
        group.curves.name = QString::fromStdString(g.name);
        group.curves.color = runColor(ui::runColorCount() - static_cast<int>(groups.size()) - 1);
        std::vector<const core::Run*> members;
        for (const RunEntry& e : entries)
            if (std::find(g.paths.begin(), g.paths.end(), e.run->source) != g.paths.end()) {
                group.curves.runs.push_back(e.run);
                members.push_back(e.run.get());
            }
        if (members.empty()) continue;
        group.findings = core::diagnoseGroup(members);
        groups.push_back(std::move(group));
    }
}

}  // namespace

int runReport(int argc, char** argv, const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err) {
    ReportArgs a;
    bool done = false;
    if (const int rc = parseArgs(args, a, out, err, done); rc != kExitOk || done) return rc;

    QElapsedTimer clock;
    clock.start();
    auto lap = [&clock] {
        const double s = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        clock.restart();
        return s;
    };
    std::optional<core::Session> session;
    if (!a.session.empty()) {
        core::SessionReadResult read = core::readSessionFile(a.session);
        if (!read.session) {
            err << "curvedoctor report: " << printable(read.error) << '\n';
            return kExitUsage;
        }
        session = std::move(read.session);
        std::vector<std::string> paths;
        for (const core::SessionRun& r : session->runs)
            if (std::find(paths.begin(), paths.end(), r.path) == paths.end())
                paths.push_back(r.path);
        a.paths.insert(a.paths.begin(), paths.begin(), paths.end());
    }
    // The logs load (on all cores) while Qt starts up and finds its fonts.
    auto loading = std::async(std::launch::async, [&a] { return core::loadPaths(a.paths); });

    // No display needed: Qt's offscreen platform unless the caller chose one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    const PrivateRuntimeDir runtimeDir;  // outlives the QApplication below
    std::unique_ptr<QApplication> app;
    int qtArgc = argc > 0 ? 1 : 0;
    if (!QCoreApplication::instance()) app = std::make_unique<QApplication>(qtArgc, argv);

    const core::LoadBatch batch = loading.get();
    const double loadSeconds = lap();
    for (const auto& e : batch.errors)
        err << printable(e.source) << ": " << printable(e.message) << '\n';
    for (const auto& [folder, text] : core::skippedSummaries(batch.skipped))
        err << printable(folder) << ": " << printable(text) << '\n';
    // Refused before anything is drawn or written: the output must not replace an input log.
    if (const auto input = inputOverwrittenBy(a.output, a.paths, batch)) {
        err << "curvedoctor report: " << printable(a.output) << " is the input log "
            << printable(*input) << "; refusing to overwrite it (choose another -o)\n";
        return kExitUsage;
    }
    const auto format = outputFormat(a, err);
    if (!format) return kExitUsage;
    if (batch.runs.empty()) {
        err << "curvedoctor report: nothing could be loaded; no report written\n";
        return kExitLoadError;
    }

    // Every run diagnosed (on all cores) and the group findings, each run's curves built once.
    std::vector<const core::Run*> members;
    for (const auto& r : batch.runs) members.push_back(r.get());
    core::GroupDiagnosis diagnosed = core::diagnoseRuns(members);
    const double diagnoseSeconds = lap();

    std::vector<RunEntry> entries;
    entries.reserve(batch.runs.size());
    for (std::size_t i = 0; i < batch.runs.size(); ++i) {
        RunEntry e;
        e.run = batch.runs[i];
        e.diagnosis = std::move(diagnosed.runs[i]);
        e.name = QString::fromStdString(e.run->name);
        // Several files of one folder share the folder's name: tell them apart by file name.
        const auto same =
            std::count_if(batch.runs.begin(), batch.runs.end(),
                          [&](const core::RunPtr& r) { return r->name == e.run->name; });
        if (same > 1) e.name = QFileInfo(QString::fromStdString(e.run->source)).completeBaseName();
        e.color = runColor(static_cast<int>(i));
        e.id = static_cast<int>(i) + 1;
        entries.push_back(std::move(e));
    }
    std::vector<const RunEntry*> runs;
    runs.reserve(entries.size());
    for (const RunEntry& e : entries) runs.push_back(&e);

    ViewSettings settings;
    settings.setSmoothing(
        {core::SmoothingKind::Ema, a.smoothing.value_or(settings.smoothing().weight)});
    QStringList extraFamilies;
    for (const std::string& m : a.extraMetrics) {
        // What the metric is, as the first run that logs it says (Run::info).
        const auto logs =
            std::find_if(batch.runs.begin(), batch.runs.end(),
                         [&](const core::RunPtr& r) { return r->find(m) != nullptr; });
        const core::MetricInfo info =
            logs != batch.runs.end() ? (*logs)->info(m) : core::Run{}.info(m);
        extraFamilies << QString::fromStdString(info.family);
    }
    settings.setExtraFamilies(extraFamilies);
    ReportOptions options;
    options.width = a.width;
    options.scale = a.scale;
    options.title = QString::fromStdString(a.title);
    options.band = a.stdBand ? GroupBand::StdDev : GroupBand::MinMax;
    options.format = *format;
    options.paper = a.paper;
    options.landscape = a.landscape;

    std::vector<ReportGroup> groups;
    if (a.group) {
        ReportGroup g;
        g.curves.name = QObject::tr("group");
        g.curves.color = runColor(0);
        for (const auto& r : batch.runs) g.curves.runs.push_back(r);
        g.findings = std::move(diagnosed.group);
        groups.push_back(std::move(g));
    }
    if (session) applySession(*session, a, extraFamilies, entries, settings, groups);

    QString error;
    const QString path = QString::fromStdString(a.output);
    ReportTimings timings;
    bool written = false;
    auto save = [&] {
        written = ui::saveReport(path, runs, settings, options, groups, &error, &timings);
    };
    if (app) {
        // This process made its own QApplication and draws no other charts, so the report may
        // be drawn on a pool thread, where Qt's raster engine fills spans on the spot instead of
        // handing each batch to the pool and waiting (pool_thread.h): 3x faster here.
        ui::runOnPoolThread(save);
    } else {
        save();  // a host application's thread may already own Qt Charts' shared state
    }
    if (!written) {
        err << printable(error.toStdString()) << '\n';
        return kExitUsage;
    }
    if (a.timings) {
        err << std::fixed << std::setprecision(3) << "timings: load " << loadSeconds
            << " s, diagnose " << diagnoseSeconds << " s, draw " << timings.render << " s, encode "
            << timings.encode << " s\n";
    }
    out << "wrote " << printable(QFileInfo(path).absoluteFilePath().toStdString()) << " ("
        << runs.size() << (runs.size() == 1 ? " run)" : " runs)") << '\n';
    if (!batch.errors.empty()) return kExitLoadError;
    if (a.failOn) {
        // Severity is ordered Info < Warning < Error.
        auto atOrAbove = [&](const core::Finding& f) {
            return static_cast<int>(f.severity) >= static_cast<int>(*a.failOn);
        };
        for (const RunEntry& e : entries)
            if (std::any_of(e.diagnosis.findings.begin(), e.diagnosis.findings.end(), atOrAbove))
                return kExitFailOn;
        for (const ReportGroup& g : groups)
            if (std::any_of(g.findings.begin(), g.findings.end(), atOrAbove)) return kExitFailOn;
    }
    return kExitOk;
}

}  // namespace curvedoctor::app
