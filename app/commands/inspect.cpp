#include "app/commands/inspect.h"

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <map>
#include <utility>

#include "app/commands/exit_status.h"
#include "app/output/json_writer.h"
#include "app/output/printable.h"
#include "core/load_warning_text.h"
#include "core/loader_registry.h"
#include "core/metric_role.h"

namespace curvedoctor::app {
namespace {

using core::LoadBatch;
using core::MetricInfo;

// The smallest and largest step of non-empty series, found once per step column: the series of
// a table's rows share one (a 2M-step Lightning log's four train metrics: one scan, not four).
class StepRanges {
public:
    std::pair<std::int64_t, std::int64_t> of(const core::Series& s) {
        auto [it, added] = m_ranges.try_emplace({s.steps.blockId(), s.steps.size()});
        if (added || it->first.first == nullptr) {
            const auto [mn, mx] = std::minmax_element(s.steps.begin(), s.steps.end());
            it->second = {*mn, *mx};
        }
        return it->second;
    }

private:
    std::map<std::pair<const void*, std::size_t>, std::pair<std::int64_t, std::int64_t>> m_ranges;
};

void printText(const LoadBatch& batch, std::ostream& out) {
    StepRanges ranges;
    for (const auto& run : batch.runs) {
        out << printable(run->name) << "  [" << run->format << "]  " << printable(run->source)
            << '\n';
        for (const auto& w : run->warnings) {
            out << "  warning: " << printable(core::locatedMessage(w)) << '\n';
        }
        std::size_t width = 6;
        for (const auto& [name, s] : run->metrics) width = std::max(width, name.size());
        for (const auto& [name, s] : run->metrics) {
            const MetricInfo info = run->info(name);
            out << "  " << std::left << std::setw(static_cast<int>(width)) << printable(name)
                << "  " << std::setw(14) << toString(info.role) << std::setw(8)
                << toString(info.direction) << std::right << std::setw(9) << s.size() << " points";
            if (!s.empty()) {
                const auto [mn, mx] = ranges.of(s);
                out << "  steps " << mn << ".." << mx;
            }
            const auto bad = s.nonFiniteCount();
            if (bad > 0) out << "  non-finite " << bad;
            out << '\n';
        }
        if (!run->hyperparameters.empty())
            out << "  hyperparameters: " << run->hyperparameters.size() << '\n';
    }
}

void printJson(const LoadBatch& batch, std::ostream& out) {
    JsonWriter j(out);
    StepRanges ranges;
    j.beginObject().key("runs").beginArray();
    for (const auto& run : batch.runs) {
        j.beginObject();
        j.key("name").value(run->name);
        j.key("source").value(run->source);
        j.key("format").value(run->format);
        j.key("metrics").beginArray();
        for (const auto& [name, s] : run->metrics) {
            const MetricInfo info = run->info(name);
            j.beginObject();
            j.key("name").value(name);
            j.key("role").value(toString(info.role));
            j.key("direction").value(toString(info.direction));
            j.key("points").value(s.size());
            if (s.empty()) {
                j.key("first_step").null();
                j.key("last_step").null();
            } else {
                const auto [mn, mx] = ranges.of(s);
                j.key("first_step").value(mn);
                j.key("last_step").value(mx);
            }
            j.key("non_finite").value(s.nonFiniteCount());
            j.endObject();
        }
        j.endArray();
        j.key("hyperparameters").beginObject();
        for (const auto& [k, v] : run->hyperparameters) j.key(k).value(v);
        j.endObject();
        j.key("warnings").beginArray();
        for (const auto& w : run->warnings) {
            j.beginObject();
            j.key("line").value(w.line);
            j.key("byte_offset").value(w.byteOffset);
            j.key("message").value(w.message);
            j.key("code").value(toString(w.code));
            j.key("file").value(w.file);
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.endArray();
    j.key("errors").beginArray();
    for (const auto& e : batch.errors) {
        j.beginObject().key("source").value(e.source).key("message").value(e.message).endObject();
    }
    j.endArray();
    j.endObject();
}

}  // namespace

int runInspect(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool json = false;
    std::vector<std::string> paths;
    for (const auto& a : args) {
        if (a == "--json") {
            json = true;
        } else if (a == "-h" || a == "--help") {
            out << "usage: curvedoctor inspect PATH... [--json]\n"
                   "Lists each run's format and metrics (role, direction, points, steps,\n"
                   "non-finite values). Exit status 2 if any path could not be loaded.\n";
            return kExitOk;
        } else if (!a.empty() && a[0] == '-') {
            err << "curvedoctor inspect: unknown option '" << a << "'\n";
            return kExitUsage;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        err << "curvedoctor inspect: no PATH given (see --help)\n";
        return kExitUsage;
    }
    const LoadBatch batch = core::loadPaths(paths);
    for (const auto& e : batch.errors)
        err << printable(e.source) << ": " << printable(e.message) << '\n';
    for (const auto& [folder, text] : core::skippedSummaries(batch.skipped))
        err << printable(folder) << ": " << printable(text) << '\n';
    if (json) {
        printJson(batch, out);
    } else {
        printText(batch, out);
    }
    return batch.errors.empty() ? kExitOk : kExitLoadError;
}

}  // namespace curvedoctor::app
