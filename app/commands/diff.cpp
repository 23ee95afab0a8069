#include "app/commands/diff.h"

#include <algorithm>
#include <iomanip>

#include "app/commands/exit_status.h"
#include "app/output/json_writer.h"
#include "app/output/printable.h"
#include "core/config_diff.h"
#include "core/loader_registry.h"

namespace curvedoctor::app {
namespace {

using core::ConfigChange;
using core::ConfigDiff;

constexpr const char* kUsage =
    "usage: curvedoctor diff RUN_A RUN_B [--json]\n"
    "Prints the hyperparameters that differ between two runs: keys only RUN_B has (added),\n"
    "keys only RUN_A has (removed) and values that differ (changed; 0.001 and 1e-3 are the\n"
    "same). Each RUN is a log file or one run's folder. Exit status 0 when both loaded,\n"
    "2 if one could not be loaded, 64 on bad usage.\n";

void printText(const core::Run& a, const core::Run& b, const ConfigDiff& diff, std::ostream& out) {
    out << printable(a.name) << "  ->  " << printable(b.name) << '\n';
    if (a.hyperparameters.empty() && b.hyperparameters.empty()) {
        out << "  neither run has hyperparameters\n";
        return;
    }
    std::size_t width = 3;
    for (const auto& c : diff.changes) width = std::max(width, printable(c.key).size());
    for (const auto& c : diff.changes) {
        out << "  " << std::left << std::setw(8) << core::toString(c.kind)
            << std::setw(static_cast<int>(width)) << printable(c.key) << std::right << "  ";
        switch (c.kind) {
            case ConfigChange::Kind::Added:
                out << printable(c.after);
                break;
            case ConfigChange::Kind::Removed:
                out << printable(c.before);
                break;
            case ConfigChange::Kind::Changed:
                out << printable(c.before) << "  ->  " << printable(c.after);
                break;
        }
        out << '\n';
    }
    if (diff.changes.empty()) out << "  no differences\n";
    out << "  " << diff.identical
        << (diff.identical == 1 ? " identical setting" : " identical settings") << '\n';
}

void printJson(const core::Run& a, const core::Run& b, const ConfigDiff& diff, std::ostream& out) {
    JsonWriter j(out);
    j.beginObject();
    j.key("a").beginObject().key("name").value(a.name).key("source").value(a.source).endObject();
    j.key("b").beginObject().key("name").value(b.name).key("source").value(b.source).endObject();
    j.key("changes").beginArray();
    for (const auto& c : diff.changes) {
        j.beginObject().key("kind").value(core::toString(c.kind)).key("key").value(c.key);
        j.key("a");
        if (c.kind == ConfigChange::Kind::Added) {
            j.null();
        } else {
            j.value(c.before);
        }
        j.key("b");
        if (c.kind == ConfigChange::Kind::Removed) {
            j.null();
        } else {
            j.value(c.after);
        }
        j.endObject();
    }
    j.endArray();
    j.key("identical").value(diff.identical);
    j.endObject();
    out << '\n';
}

}  // namespace

int runDiff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool json = false;
    std::vector<std::string> paths;
    for (const auto& arg : args) {
        if (arg == "--json") {
            json = true;
        } else if (arg == "-h" || arg == "--help") {
            out << kUsage;
            return kExitOk;
        } else if (!arg.empty() && arg[0] == '-') {
            err << "curvedoctor diff: unknown option '" << printable(arg) << "'\n";
            return kExitUsage;
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.size() != 2) {
        err << "curvedoctor diff: give exactly two runs, RUN_A and RUN_B (see --help)\n";
        return kExitUsage;
    }
    core::RunPtr runs[2];
    for (std::size_t i = 0; i < 2; ++i) {
        const core::LoadBatch batch = core::loadPaths({paths[i]});
        for (const auto& e : batch.errors)
            err << printable(e.source) << ": " << printable(e.message) << '\n';
        if (!batch.errors.empty() && batch.runs.empty()) return kExitLoadError;
        if (batch.runs.size() != 1) {
            err << "curvedoctor diff: " << printable(paths[i]) << " holds " << batch.runs.size()
                << " runs; name one run's file or folder\n";
            return kExitUsage;
        }
        runs[i] = batch.runs.front();
    }
    const ConfigDiff diff = core::diffConfigs(runs[0]->hyperparameters, runs[1]->hyperparameters);
    if (json) {
        printJson(*runs[0], *runs[1], diff, out);
    } else {
        printText(*runs[0], *runs[1], diff, out);
    }
    return kExitOk;
}

}  // namespace curvedoctor::app
