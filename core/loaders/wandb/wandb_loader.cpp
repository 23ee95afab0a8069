#include "core/loaders/wandb/wandb_loader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/file_bytes.h"
#include "core/json/json_reader.h"
#include "core/loader_registry.h"
#include "core/loaders/run_builder.h"
#include "core/loaders/simple_yaml.h"
#include "core/loaders/wandb/wandb_log_reader.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {

// Side files (summary, history of old clients) larger than this are not part of a run folder.
constexpr std::uint64_t kMaxSideFileBytes = 1ULL << 30;

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool isRegularFile(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// The run's transaction log: `run-<id>.wandb` (the first by name if there are several).
fs::path findWandbFile(const fs::path& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code typeEc;
        if (name.size() > 6 && name.compare(name.size() - 6, 6, ".wandb") == 0 &&
            it->is_regular_file(typeEc))
            found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? fs::path() : found.front();
}

bool isRunFolder(const fs::path& dir) {
    if (!findWandbFile(dir).empty()) return true;
    const fs::path files = dir / "files";
    const std::string name = dir.filename().string();
    return isRegularFile(files / "wandb-metadata.json") ||
           isRegularFile(files / "wandb-summary.json") ||
           ((startsWith(name, "run-") || startsWith(name, "offline-run-")) &&
            (isRegularFile(files / "output.log") || isRegularFile(files / "config.yaml")));
}

// In a `wandb/` folder: the links that lead to a run read anyway (latest-run, debug*.log).
std::vector<std::string> linksToSkip(const fs::path& dir, bool& hasRun) {
    std::vector<std::string> out;
    hasRun = false;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code typeEc;
        if (name == "latest-run" || (startsWith(name, "debug") && name.find(".log") != name.npos &&
                                     it->is_symlink(typeEc))) {
            out.push_back(it->path().string());
        } else if ((startsWith(name, "run-") || startsWith(name, "offline-run-")) &&
                   it->is_directory(typeEc) && !hasRun) {
            hasRun = isRunFolder(it->path());
        }
    }
    return out;
}

// config.yaml: `key: {desc: ..., value: ...}` flattened by parseSimpleYaml to `key.value`,
// `key.desc`, `key.value.inner`; `_wandb` is the client's own.
std::map<std::string, std::string> wandbConfig(const std::map<std::string, std::string>& yaml) {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : yaml) {
        const auto dot = key.find('.');
        const std::string top = key.substr(0, dot);
        if (top == "_wandb" || top == "wandb_version") continue;
        const std::string rest = dot == std::string::npos ? std::string() : key.substr(dot + 1);
        if (rest == "value")
            out[top] = value;
        else if (startsWith(rest, "value."))
            out[top + "." + rest.substr(6)] = value;
        else if (rest != "desc")
            out[key] = value;
    }
    return out;
}

bool readFile(const fs::path& p, FileBytes& bytes, RunBuilder& b, const std::string& rel) {
    std::string error;
    if (bytes.open(p.string(), error, kMaxSideFileBytes)) return true;
    b.warn(LoadWarningCode::FileSkipped, 0, -1, rel + ": " + error + "; not read", rel);
    return false;
}

// files/wandb-history.jsonl: one JSON object per history step, keys as in the .wandb file.
void readHistoryJsonl(std::string_view text, RunBuilder& b, const std::string& rel) {
    WandbHistoryRow row;
    std::string firstSkipped;
    std::size_t skipped = 0;
    std::size_t pos = 0;
    std::int64_t lineNo = 0;
    std::int64_t lastStep = -1;
    while (pos < text.size()) {
        const auto eol = text.find('\n', pos);
        const auto end = eol == std::string_view::npos ? text.size() : eol;
        const std::string_view line = text.substr(pos, end - pos);
        const auto offset = static_cast<std::int64_t>(pos);
        pos = end + 1;
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        row.clear();
        JsonReader r(line, static_cast<std::size_t>(offset));
        std::string_view key;
        std::string_view raw;
        std::string keyCopy;
        bool ok = r.beginObject();
        while (ok && r.nextKey(key)) {
            keyCopy.assign(key);
            ok = r.readRaw(raw);
            if (ok) row.add(keyCopy, raw);
        }
        if (!r.ok() || !r.atEnd()) {
            b.warn(LoadWarningCode::UnreadableRecord, lineNo, offset,
                   rel + ", line " + std::to_string(lineNo) + ": not a JSON object (" + r.error() +
                       "); skipped",
                   rel);
            continue;
        }
        const std::int64_t step = row.hasStep() ? row.step() : lastStep + 1;
        lastStep = step;
        skipped += row.flush(b, step, lineNo, offset, firstSkipped);
    }
    if (skipped > 0)
        b.warn(LoadWarningCode::NotANumber, 0, -1,
               std::to_string(skipped) +
                   " history values that are not numbers (media, histograms, text; first: '" +
                   firstSkipped + "') were skipped",
               rel);
}

// wandb-summary.json (or the summary records): key -> value_json.
std::map<std::string, std::string> readSummaryJson(std::string_view text) {
    std::map<std::string, std::string> out;
    JsonReader r(text);
    std::string_view key;
    std::string_view raw;
    if (!r.beginObject()) return out;
    while (r.nextKey(key)) {
        std::string k(key);
        if (!r.readRaw(raw)) break;
        out[k] = std::string(raw);
    }
    return out;
}

std::int64_t lastStepOf(const Run& run) {
    std::int64_t last = -1;
    for (const auto& [name, series] : run.metrics)
        if (!series.steps.empty()) last = std::max(last, series.steps.back());
    return last;
}

LoadResult loadRunFolder(const fs::path& dir) {
    LoadResult result;
    RunBuilder b;
    WandbLogInfo info;
    std::string from;  // where the metrics came from, relative to the run folder
    const fs::path wandbFile = findWandbFile(dir);
    if (!wandbFile.empty()) {
        const std::string rel = wandbFile.filename().string();
        FileBytes bytes;
        if (readFile(wandbFile, bytes, b, rel)) {
            info = readWandbLog(bytes.view(), b, rel);
            if (!info.validHeader)
                b.warn(LoadWarningCode::FileSkipped, 0, 0,
                       rel + ": no ':W&B' header, not a W&B transaction log; not read", rel);
            if (bytes.changedWhileRead())
                b.warn(LoadWarningCode::ChangedWhileRead, 0, -1,
                       rel + ": the file grew while it was read (the run is still writing)", rel);
        }
        if (b.pointCount() > 0) from = rel;
    }
    const fs::path filesDir = dir / "files";
    const fs::path historyJsonl = filesDir / "wandb-history.jsonl";
    if (from.empty() && isRegularFile(historyJsonl)) {
        FileBytes bytes;
        if (readFile(historyJsonl, bytes, b, "files/wandb-history.jsonl"))
            readHistoryJsonl(bytes.view(), b, "files/wandb-history.jsonl");
        if (b.pointCount() > 0) from = "files/wandb-history.jsonl";
    }
    const fs::path outputLog = filesDir / "output.log";
    Run run;
    bool haveRun = false;
    if (from.empty() && isRegularFile(outputLog)) {
        LoadOptions options;
        options.threads = 1;
        FileLoad console = loadFileRuns(outputLog.string(), LoaderRegistry::builtin(), options,
                                        IfUnclaimed::Ignore);
        for (const auto& e : console.errors)
            b.warn(LoadWarningCode::FileSkipped, 0, -1, "files/output.log: " + e.message,
                   "files/output.log");
        if (!console.runs.empty() && console.runs.front().pointCount() > 0) {
            run = std::move(console.runs.front());
            run.format.clear();  // a W&B run, whichever reader read its console text
            for (auto& w : run.warnings)
                if (w.file.empty()) w.file = "files/output.log";
            from = "files/output.log";
            haveRun = true;
        } else if (console.errors.empty()) {
            b.warn(LoadWarningCode::FileSkipped, 0, -1,
                   "files/output.log: no metrics found in the console text", "files/output.log");
        }
    } else if (!from.empty() && isRegularFile(outputLog)) {
        b.warn(LoadWarningCode::FileSkipped, 0, -1,
               "files/output.log not read: the metrics come from " + from + " (exact history)",
               "files/output.log");
    }

    std::map<std::string, std::string> summary;
    if (isRegularFile(filesDir / "wandb-summary.json")) {
        FileBytes bytes;
        if (readFile(filesDir / "wandb-summary.json", bytes, b, "files/wandb-summary.json"))
            summary = readSummaryJson(bytes.view());
    }
    if (summary.empty()) summary = info.summary;
    if (from.empty() && !summary.empty()) {
        // No history at all: the final values are what there is.
        WandbHistoryRow row;
        for (const auto& [key, value] : summary) row.add(key, value);
        std::string firstSkipped;
        row.flush(b, row.hasStep() ? row.step() : 0, 0, -1, firstSkipped);
        if (b.pointCount() > 0) {
            from = "files/wandb-summary.json";
            b.warn(LoadWarningCode::Assumption, 0, -1,
                   "no history in this run folder: one point per metric, its final value from "
                   "the summary",
                   from);
        }
    }

    Run built = b.finish();
    if (haveRun) {
        for (auto& w : built.warnings) run.warnings.push_back(std::move(w));
    } else {
        run = std::move(built);
    }
    if (from.empty()) {
        result.error =
            "no metrics in this W&B run folder (no history in run-*.wandb, "
            "files/wandb-history.jsonl or files/output.log)";
        return result;
    }
    const auto summaryStep = summary.find("_step");
    double finalStep = 0.0;
    const std::int64_t last = lastStepOf(run);
    if (from != "files/output.log" && summaryStep != summary.end() &&
        wandbNumber(summaryStep->second, finalStep) && finalStep > static_cast<double>(last)) {
        run.warnings.push_back({0, -1,
                                "the summary says the run reached step " + summaryStep->second +
                                    " but the history read ends at step " + std::to_string(last),
                                LoadWarningCode::CutShort, from});
    }
    run.hyperparameters = wandbConfig(readSimpleYamlFile((filesDir / "config.yaml").string()));
    if (run.hyperparameters.empty()) run.hyperparameters = info.config;
    run.name = info.displayName;  // empty: the folder walker names it by its folder
    result.runs.push_back(std::move(run));
    return result;
}

}  // namespace

int WandbLoader::sniff(const SniffInput& input) const {
    if (!input.isDirectory)
        return startsWith(input.head, kWandbMagic) ? confidence::kCertain : confidence::kNone;
    const fs::path dir{std::string(input.path)};
    if (isRunFolder(dir)) return confidence::kCertain;
    bool hasRun = false;
    const auto links = linksToSkip(dir, hasRun);
    return hasRun && !links.empty() ? confidence::kLikely : confidence::kNone;
}

LoadResult WandbLoader::load(const LoadInput& input) const {
    std::error_code ec;
    const fs::path path(input.path);
    if (fs::is_directory(path, ec)) {
        if (isRunFolder(path)) return loadRunFolder(path);
        LoadResult result;
        bool hasRun = false;
        result.consumed = linksToSkip(path, hasRun);
        return result;
    }
    LoadResult result;
    RunBuilder b;
    const WandbLogInfo info = readWandbLog(input.bytes, b, {});
    if (!info.validHeader) {
        result.error = "byte 0: no ':W&B' header; not a W&B transaction log";
        return result;
    }
    if (b.pointCount() == 0) {
        result.error = "no history values in " + std::to_string(info.historyRecords) +
                       " history records of this W&B transaction log";
        return result;
    }
    Run run = b.finish();
    run.hyperparameters = info.config;
    run.name = info.displayName;
    result.runs.push_back(std::move(run));
    return result;
}

std::unique_ptr<Loader> makeWandbLoader() {
    return std::make_unique<WandbLoader>();
}

}  // namespace curvedoctor::core
