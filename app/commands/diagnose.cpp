#include "app/commands/diagnose.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

#include "app/commands/diagnose_output.h"
#include "app/commands/exit_status.h"
#include "app/output/json_writer.h"
#include "app/output/printable.h"
#include "core/diagnosis.h"
#include "core/load_warning_text.h"
#include "core/loader_registry.h"
#include "core/metric_role.h"

namespace curvedoctor::app {
namespace {

using core::BestStep;
using core::Finding;
using core::GroupDiagnosis;
using core::LoadBatch;
using core::LoadError;
using core::Run;
using core::RunDiagnosis;
using core::RunPtr;
using core::Severity;

constexpr const char* kHelp =
    "usage: curvedoctor diagnose PATH... [--json] [--fail-on warning|error] [--group]\n"
    "       curvedoctor diagnose --follow PATH... [--json] [--fail-on warning|error]\n"
    "                            [--timeout SECONDS] [--poll SECONDS]\n"
    "Reads each training log (file or folder) and reports what is wrong with each run:\n"
    "findings sorted by severity (error, warning, info) with their step range, the numbers\n"
    "behind them and advice, and the best step for early stopping.\n"
    "  --json              machine-readable output\n"
    "  --fail-on SEVERITY  exit 1 when a finding of that severity or worse exists\n"
    "  --group             treat all runs as repeats of one configuration\n"
    "                      (adds group findings such as hard_to_converge)\n"
    "  --follow            keep watching the logs while they are written and print each\n"
    "                      new finding as it appears (one JSON object per line with\n"
    "                      --json); --fail-on exits 1 the moment one appears;\n"
    "                      --timeout and Ctrl-C end it with 0; --poll sets the stat\n"
    "                      interval for network mounts (default 1)\n"
    "Exit status: 0 diagnosed; 1 a finding at or above --fail-on;\n"
    "2 a path could not be loaded (the others are still diagnosed; takes precedence\n"
    "over 1); 64 bad usage.\n";

struct Diagnosed {
    RunPtr run;
    RunDiagnosis diagnosis;
};

void printText(const std::vector<Diagnosed>& runs, const std::vector<Finding>& group,
               const std::vector<std::string>& groupNames, std::ostream& out) {
    for (const auto& d : runs) {
        out << printable(d.run->name) << "  [" << d.run->format << "]  " << printable(d.run->source)
            << '\n';
        if (d.diagnosis.best) {
            const BestStep& b = *d.diagnosis.best;
            out << "  best: " << printable(b.metric) << ' ' << b.value << " at step " << b.step;
            if (b.epoch) out << " (epoch " << *b.epoch << ')';
            if (b.trainValGap) out << ", train/validation gap " << *b.trainValGap;
            out << '\n';
        }
        if (d.diagnosis.findings.empty()) out << "  no findings\n";
        for (const Finding& f : d.diagnosis.findings) printFinding(f, out);
    }
    if (!groupNames.empty()) {
        out << "group of " << groupNames.size() << " runs\n";
        if (group.empty()) out << "  no findings\n";
        for (const Finding& f : group) printFinding(f, out);
    }
}

void writeOptional(JsonWriter& j, const std::optional<double>& v) {
    if (v) {
        j.value(*v);
    } else {
        j.null();
    }
}

void writeFindings(JsonWriter& j, const std::vector<Finding>& findings) {
    j.beginArray();
    for (const Finding& f : findings) {
        j.beginObject();
        writeFindingFields(j, f);
        j.endObject();
    }
    j.endArray();
}

void printJson(const std::vector<Diagnosed>& runs, const std::vector<Finding>& group,
               const std::vector<std::string>& groupNames, const std::vector<LoadError>& errors,
               std::ostream& out) {
    JsonWriter j(out);
    j.beginObject().key("runs").beginArray();
    for (const auto& d : runs) {
        j.beginObject();
        j.key("name").value(d.run->name);
        j.key("source").value(d.run->source);
        j.key("format").value(d.run->format);
        j.key("metrics").beginArray();
        for (const auto& [name, s] : d.run->metrics) {
            j.beginObject();
            j.key("name").value(name);
            j.key("role").value(toString(d.run->info(name).role));
            j.key("points").value(s.size());
            j.endObject();
        }
        j.endArray();
        j.key("findings");
        writeFindings(j, d.diagnosis.findings);
        j.key("best");
        if (d.diagnosis.best) {
            const BestStep& b = *d.diagnosis.best;
            j.beginObject();
            j.key("metric").value(b.metric);
            j.key("step").value(b.step);
            j.key("value").value(b.value);
            j.key("epoch");
            writeOptional(j, b.epoch);
            j.key("train_val_gap");
            writeOptional(j, b.trainValGap);
            j.endObject();
        } else {
            j.null();
        }
        j.endObject();
    }
    j.endArray();
    j.key("groups").beginArray();
    if (!groupNames.empty()) {
        j.beginObject();
        j.key("runs").beginArray();
        for (const auto& n : groupNames) j.value(n);
        j.endArray();
        j.key("findings");
        writeFindings(j, group);
        j.endObject();
    }
    j.endArray();
    j.key("errors").beginArray();
    for (const auto& e : errors) {
        j.beginObject().key("source").value(e.source).key("message").value(e.message).endObject();
    }
    j.endArray();
    j.endObject();
    out << '\n';
}

}  // namespace

std::string epochRange(const Finding& f) {
    if (!f.beginEpoch && !f.endEpoch) return "";
    auto fmt = [](const std::optional<double>& e) {
        if (!e) return std::string("?");
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4g", *e);
        return std::string(buf);
    };
    return " (epochs " + fmt(f.beginEpoch) + "-" + fmt(f.endEpoch) + ")";
}

void printFinding(const Finding& f, std::ostream& out) {
    std::string sev(toString(f.severity));
    for (char& c : sev) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out << "  " << sev << "  " << toString(f.kind) << "  " << printable(f.metric) << "  steps "
        << f.beginStep << '-' << f.endStep << epochRange(f) << '\n';
    out << "      " << printable(f.message) << '\n';
    out << "      advice: " << f.advice << '\n';
}

void writeFindingFields(JsonWriter& j, const Finding& f) {
    j.key("kind").value(toString(f.kind));
    j.key("severity").value(toString(f.severity));
    j.key("metric").value(f.metric);
    j.key("begin_step").value(f.beginStep);
    j.key("end_step").value(f.endStep);
    j.key("begin_epoch");
    writeOptional(j, f.beginEpoch);
    j.key("end_epoch");
    writeOptional(j, f.endEpoch);
    j.key("message").value(f.message);
    j.key("advice").value(f.advice);
    j.key("evidence").beginObject();
    for (const auto& [k, v] : f.evidence) j.key(k).value(v);
    j.endObject();
}

int severityRank(Severity s) {
    switch (s) {
        case Severity::Info:
            return 0;
        case Severity::Warning:
            return 1;
        case Severity::Error:
            return 2;
    }
    return 0;
}

int runDiagnose(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (std::find(args.begin(), args.end(), "--follow") != args.end())
        return runDiagnoseFollow(args, out, err);
    bool json = false;
    bool group = false;
    std::optional<Severity> failOn;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--group") {
            group = true;
        } else if (a == "--fail-on" || a.rfind("--fail-on=", 0) == 0) {
            std::string level;
            if (a == "--fail-on") {
                if (i + 1 >= args.size()) {
                    err << "curvedoctor diagnose: --fail-on needs 'warning' or 'error'\n";
                    return kExitUsage;
                }
                level = args[++i];
            } else {
                level = a.substr(std::string("--fail-on=").size());
            }
            if (level == "warning") {
                failOn = Severity::Warning;
            } else if (level == "error") {
                failOn = Severity::Error;
            } else {
                err << "curvedoctor diagnose: --fail-on takes 'warning' or 'error', not '" << level
                    << "'\n";
                return kExitUsage;
            }
        } else if (a == "-h" || a == "--help") {
            out << kHelp;
            return kExitOk;
        } else if (!a.empty() && a[0] == '-') {
            err << "curvedoctor diagnose: unknown option '" << a << "' (see --help)\n";
            return kExitUsage;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        err << "curvedoctor diagnose: no PATH given (see --help)\n";
        return kExitUsage;
    }
    const LoadBatch batch = core::loadPaths(paths);
    for (const auto& e : batch.errors)
        err << printable(e.source) << ": " << printable(e.message) << '\n';
    for (const auto& [folder, text] : core::skippedSummaries(batch.skipped))
        err << printable(folder) << ": " << printable(text) << '\n';

    std::vector<const Run*> ptrs;
    for (const RunPtr& r : batch.runs) ptrs.push_back(r.get());
    // Each run's curves are built once for its own diagnosis and the group's.
    GroupDiagnosis diagnosed = core::diagnoseRuns(ptrs);
    std::vector<Diagnosed> runs;
    runs.reserve(batch.runs.size());
    for (std::size_t i = 0; i < batch.runs.size(); ++i) {
        runs.push_back({batch.runs[i], std::move(diagnosed.runs[i])});
    }
    std::vector<Finding> groupFindings;
    std::vector<std::string> groupNames;
    if (group) {
        for (const RunPtr& r : batch.runs) groupNames.push_back(r->name);
        groupFindings = std::move(diagnosed.group);
    }
    if (json) {
        printJson(runs, groupFindings, groupNames, batch.errors, out);
    } else {
        printText(runs, groupFindings, groupNames, out);
    }
    if (!batch.errors.empty()) return kExitLoadError;
    if (failOn) {
        auto atOrAbove = [&](const Finding& f) {
            return severityRank(f.severity) >= severityRank(*failOn);
        };
        for (const auto& d : runs) {
            for (const Finding& f : d.diagnosis.findings) {
                if (atOrAbove(f)) return kExitFailOn;
            }
        }
        for (const Finding& f : groupFindings) {
            if (atOrAbove(f)) return kExitFailOn;
        }
    }
    return kExitOk;
}

}  // namespace curvedoctor::app
