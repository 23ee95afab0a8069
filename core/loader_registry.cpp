#include "core/loader_registry.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <new>
#include <system_error>

#include "core/file_bytes.h"
#include "core/file_stream.h"
#include "core/parallel_for.h"

namespace curvedoctor::core {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kSniffBytes = 64 * 1024;  // enough for a long header or JSON preamble.
// Files from this size on are streamed to loaders that can take them so (see FileStream).
constexpr std::uint64_t kStreamMinBytes = std::uint64_t{4} << 20;

std::string fileNameOf(const std::string& path) {
    return fs::path(path).filename().string();
}
}  // namespace

const LoaderRegistry& LoaderRegistry::builtin() {
    static const LoaderRegistry registry = [] {
        LoaderRegistry r;
        registerBuiltinLoaders(r);
        return r;
    }();
    return registry;
}

void LoaderRegistry::add(std::unique_ptr<Loader> loader) {
    m_loaders.push_back(std::move(loader));
}

const Loader* LoaderRegistry::pick(const SniffInput& input) const {
    const Loader* best = nullptr;
    int bestScore = confidence::kNone;
    for (const auto& loader : m_loaders) {
        const int score = loader->sniff(input);
        if (score > bestScore) {
            bestScore = score;
            best = loader.get();
        }
    }
    return best;
}

const Loader* LoaderRegistry::byId(std::string_view id) const {
    for (const auto& loader : m_loaders)
        if (loader->id() == id) return loader.get();
    return nullptr;
}

namespace {

// The file changed while it was read, and what was read is what it starts with now (it grew,
// most likely): the loaders drop a torn last line or record, this says why.
std::string changedWarning(std::size_t bytesRead) {
    return "the file changed while it was read (still being written?); loaded its first " +
           std::to_string(bytesRead) + " bytes";
}

// Runs a loader (which never throws by contract; std::bad_alloc on a hostile file still might)
// and files its runs and error into `batch`; `note`, when set, becomes each run's first warning.
void runLoader(const Loader& loader, const LoadInput& input, const std::string& name,
               LoadBatch& batch, const std::string& note = {}) {
    LoadResult result;
    try {
        result = loader.load(input);
    } catch (const std::exception& e) {
        result.error = std::string("internal error: ") + e.what();
    }
    const std::string& path = input.path;
    batch.cancelled = result.cancelled;
    if (!result.error.empty()) batch.errors.push_back({path, result.error});
    for (auto& run : result.runs) {
        if (run.source.empty()) run.source = path;
        if (run.format.empty()) run.format = std::string(loader.id());
        if (run.name.empty()) run.name = fs::path(path).parent_path().filename().string();
        if (run.name.empty()) run.name = name;
        for (auto& [metric, series] : run.metrics) series.shrinkToFit();
        if (!note.empty()) run.warnings.insert(run.warnings.begin(), LoadWarning{0, -1, note});
        batch.runs.push_back(std::make_shared<const Run>(std::move(run)));
    }
}

const Loader* pickLoader(const LoaderRegistry& registry, const LoadOptions& options,
                         const SniffInput& sniff, const std::string& path, LoadBatch& batch) {
    const Loader* loader =
        options.forceFormat.empty() ? registry.pick(sniff) : registry.byId(options.forceFormat);
    if (loader == nullptr) {
        batch.errors.push_back({path, options.forceFormat.empty()
                                          ? "not a training log this program can read"
                                          : "unknown format '" + options.forceFormat + "'"});
    }
    return loader;
}

}  // namespace

LoadBatch loadFile(const std::string& path, const LoaderRegistry& registry,
                   const LoadOptions& options) {
    LoadBatch batch;
    std::string error;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > options.maxFileBytes) {
        batch.errors.push_back({path, overLimitMessage(size, options.maxFileBytes)});
        return batch;
    }
    const std::string name = fileNameOf(path);
    // A large regular file is sniffed from its first bytes and, when its loader streams, read
    // piece by piece; anything else is read (or mapped) whole first.
    FileStream stream;
    if (!ec && size >= kStreamMinBytes && stream.open(path, error)) {
        std::string head;
        if (!stream.readHead(kSniffBytes, head, error)) {
            batch.errors.push_back({path, error});
            return batch;
        }
        const Loader* loader =
            pickLoader(registry, options, SniffInput{path, name, head, false}, path, batch);
        if (loader == nullptr) return batch;
        if (loader->streams()) {
            runLoader(*loader, LoadInput{path, head, options.progress, &stream}, name, batch);
            return batch;
        }
    }
    FileBytes bytes;
    if (!bytes.open(path, error, options.maxFileBytes)) {
        batch.errors.push_back({path, error});
        return batch;
    }
    if (bytes.size() == 0) {
        batch.errors.push_back({path, "file is empty"});
        return batch;
    }
    SniffInput sniff{path, name, bytes.view().substr(0, kSniffBytes), false};
    const Loader* loader = pickLoader(registry, options, sniff, path, batch);
    if (loader == nullptr) return batch;
    runLoader(*loader, LoadInput{path, bytes.view(), options.progress}, name, batch,
              bytes.changedWhileRead() ? changedWarning(bytes.size()) : std::string());
    return batch;
}

namespace {

LoadBatch loadOnePath(const std::string& path, const LoaderRegistry& registry,
                      const LoadOptions& options) {
    std::error_code ec;
    const bool isDir = fs::is_directory(path, ec);
    LoadBatch one = isDir ? loadFolder(path, registry, options) : loadFile(path, registry, options);
    if (isDir && one.runs.empty() && one.errors.empty() && !one.cancelled)
        one.errors.push_back({path, "no training log found in this folder"});
    return one;
}

}  // namespace

LoadBatch loadPaths(const std::vector<std::string>& paths, const LoaderRegistry& registry,
                    const LoadOptions& options) {
    const std::size_t n = paths.size();

    // Each path's share of the progress bar, reported as it moves; a false from the caller's
    // callback stops every worker before its next path (and the loaders inside theirs).
    std::mutex progressMutex;
    std::vector<double> fraction(n, 0.0);
    std::atomic<bool> cancelled{false};
    auto report = [&](std::size_t i, double f) {
        if (!options.progress) return !cancelled.load();
        std::lock_guard lock(progressMutex);
        fraction[i] = std::clamp(f, 0.0, 1.0);
        double total = 0.0;
        for (double x : fraction) total += x;
        if (!options.progress(total / static_cast<double>(n))) cancelled = true;
        return !cancelled.load();
    };

    std::vector<LoadBatch> results(n);
    parallelFor(
        n, options.threads,
        [&](std::size_t i) {
            LoadOptions perPath = options;
            if (options.progress)
                perPath.progress = [&report, i](double f) { return report(i, f); };
            // Loaders never throw by contract; memory can still run out on a hostile file,
            // and that must cost this path only, not the others' results.
            try {
                results[i] = loadOnePath(paths[i], registry, perPath);
            } catch (const std::bad_alloc&) {
                results[i] = {};
                results[i].errors.push_back({paths[i], "out of memory while loading; not loaded"});
            } catch (const std::exception& e) {
                results[i] = {};
                results[i].errors.push_back({paths[i], std::string("internal error: ") + e.what()});
            }
            if (results[i].cancelled) cancelled = true;
            if (!cancelled.load()) report(i, 1.0);
        },
        &cancelled);

    LoadBatch all;
    all.cancelled = cancelled.load();
    for (LoadBatch& one : results) {
        for (auto& r : one.runs) all.runs.push_back(std::move(r));
        for (auto& e : one.errors) all.errors.push_back(std::move(e));
    }
    return all;
}

}  // namespace curvedoctor::core
